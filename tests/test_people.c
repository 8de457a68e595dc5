/* test_people.c - people (names, titles, roles, organisations) and meetings
 * (name, type, date, chair), on short texts and on real corpus articles. */
#include <opencc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "normalize/fold.h"
#include "normalize/text.h"
#include "outline/model.h"

/* Analyse plain text with a title, as ingest would hand it over. */
static po_outline *analyze(const char *title, const char *text, const char *published)
{
    po_outline *o = po_outline_new("test", 0);
    ck_assert_ptr_nonnull(o);
    o->meta.title = title ? po_outline_strdup(o, title) : NULL;
    o->meta.published = published ? po_outline_strdup(o, published) : NULL;
    o->text = po_outline_strdup(o, text);
    ck_assert_int_eq(po_analyze(po_test_rules(), o, NULL), PO_OK);
    return o;
}

static const po_person *person(const po_outline *o, const char *name)
{
    for (size_t i = 0; i < o->n_people; i++)
        if (strcmp(o->people[i].name, name) == 0)
            return &o->people[i];
    return NULL;
}

static bool has(const char *const *list, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], s) == 0)
            return true;
    return false;
}

static bool has_role(const po_outline *o, const char *name, const char *role)
{
    const po_person *p = person(o, name);
    return p && has(p->roles, p->n_roles, role);
}

/* chair or attendee: what the scorer counts as taking part */
static size_t participants(const po_outline *o)
{
    size_t n = 0;
    for (size_t i = 0; i < o->n_people; i++)
        if (has(o->people[i].roles, o->people[i].n_roles, "chair") ||
            has(o->people[i].roles, o->people[i].n_roles, "attendee"))
            n++;
    return n;
}

#define ASSERT_ROLE(o, name, role) \
    ck_assert_msg(has_role((o), (name), (role)), "%s should be %s", (name), (role))
#define ASSERT_NOT_ROLE(o, name, role) \
    ck_assert_msg(!has_role((o), (name), (role)), "%s should not be %s", (name), (role))

START_TEST(titles_are_split_from_the_name)
{
    po_outline *o = analyze("工信部：推动惠企减负政策落实",
                            "11月3日，工业和信息化部党组成员、副部长辛国斌主持召开重点行业协会工业稳增长工作座谈会，"
                            "钢铁、有色等13家重点行业协会参加会议。",
                            "2021-11-04");
    const po_person *p = person(o, "辛国斌");
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(p->kind, PO_PERSON);
    ck_assert(has(p->roles, p->n_roles, "chair"));
    ck_assert_uint_eq(p->n_titles, 2);
    ck_assert_str_eq(p->titles[0], "工业和信息化部党组成员");
    ck_assert_str_eq(p->titles[1], "副部长");
    ck_assert_str_eq(p->organization, "工业和信息化部");
    ck_assert_uint_eq(p->n_mentions, 1);
    ck_assert_str_eq(p->mentions[0].rule, "role-chair");
    /* the mention points at the name in the text */
    size_t len;
    po_text t;
    ck_assert_int_eq(po_text_init(&t, o->text, strlen(o->text)), 0);
    const char *at = po_text_orig_span(&t, p->mentions[0].start, p->mentions[0].end, &len);
    ck_assert(len == strlen("辛国斌") && memcmp(at, "辛国斌", len) == 0);
    po_text_free(&t);
    po_outline_free(o);
}
END_TEST

START_TEST(organizations_take_part_with_count_and_members)
{
    po_outline *o = analyze(NULL,
                            "11月3日，工业和信息化部党组成员、副部长辛国斌主持召开重点行业协会工业稳增长工作座谈会，"
                            "钢铁、有色等13家重点行业协会参加会议。会上，有关部门作了汇报。",
                            "2021-11-04");
    const po_person *org = person(o, "重点行业协会");
    ck_assert_ptr_nonnull(org);
    ck_assert_int_eq(org->kind, PO_ORGANIZATION);
    ck_assert_int_eq(org->count, 13);
    ck_assert_str_eq(org->org_type, "重点行业协会");
    ck_assert_uint_eq(org->n_members, 2);
    ck_assert_str_eq(org->members[0], "钢铁");
    ck_assert_str_eq(org->members[1], "有色");
    ck_assert(has(org->roles, org->n_roles, "attendee"));
    /* the members are no persons */
    ck_assert_ptr_null(person(o, "钢铁"));
    ASSERT_ROLE(o, "有关部门", "reporter");
    ck_assert_uint_eq(o->n_meetings, 1);
    ck_assert_str_eq(o->meetings[0].name, "重点行业协会工业稳增长工作座谈会");
    ck_assert_str_eq(o->meetings[0].type, "座谈会");
    ck_assert_uint_eq(o->meetings[0].n_chair, 1);
    ck_assert_str_eq(o->meetings[0].chair[0], "辛国斌");
    ck_assert(has(o->meetings[0].participants, o->meetings[0].n_participants, "重点行业协会"));
    po_outline_free(o);
}
END_TEST

START_TEST(leaders_lists_and_comrades)
{
    po_outline *o = analyze(NULL,
                            "国务院总理李克强主持召开座谈会。中共中央政治局常委、国务院副总理韩正出席。\n"
                            "孙春兰、胡春华、刘鹤、王勇、肖捷、赵克志参加。\n"
                            "出席座谈会的党外人士还有陈晓光、邵鸿和蒋作君、窦晓玉等。\n"
                            "李强、王沪宁同志列席会议。",
                            "2023-02-13");
    ASSERT_ROLE(o, "李克强", "chair");
    const po_person *h = person(o, "韩正");
    ck_assert_ptr_nonnull(h);
    ck_assert(has(h->roles, h->n_roles, "attendee"));
    ck_assert(has(h->titles, h->n_titles, "国务院副总理"));
    ck_assert_str_eq(h->organization, "国务院");
    const char *six[] = {"孙春兰", "胡春华", "刘鹤", "王勇", "肖捷", "赵克志"};
    for (size_t i = 0; i < 6; i++)
        ASSERT_ROLE(o, six[i], "attendee");
    /* names after the verb (…还有), joined by 和, ended by 等 */
    const char *after[] = {"陈晓光", "邵鸿", "蒋作君", "窦晓玉"};
    for (size_t i = 0; i < 4; i++)
        ASSERT_ROLE(o, after[i], "attendee");
    ASSERT_ROLE(o, "李强", "attendee");
    ASSERT_ROLE(o, "王沪宁", "attendee");
    ck_assert_ptr_null(person(o, "王沪宁同志"));
    ck_assert_uint_eq(participants(o), 14);
    po_outline_free(o);
}
END_TEST

START_TEST(transliterated_names)
{
    po_outline *o = analyze(NULL,
                            "哈萨克斯坦总统托卡耶夫、埃及环境部长亚丝明·福阿德出席开幕式。"
                            "会议由韩国总统李在明主持。托卡耶夫表示，愿同中方加强合作。",
                            "2025-06-17");
    ASSERT_ROLE(o, "托卡耶夫", "attendee");
    ASSERT_ROLE(o, "托卡耶夫", "speaker"); /* known from its titled mention */
    ASSERT_ROLE(o, "亚丝明·福阿德", "attendee");
    ASSERT_ROLE(o, "李在明", "chair");
    ck_assert_ptr_null(person(o, "韩国总统李在明"));
    po_outline_free(o);
}
END_TEST

START_TEST(met_and_mentioned_are_not_participants)
{
    po_outline *o = analyze("习近平会见哈萨克斯坦总统",
                            "6月16日，国家主席习近平在人民大会堂会见哈萨克斯坦总统托卡耶夫。"
                            "习近平指出，在以习近平同志为核心的党中央坚强领导下，中国取得新成就。\n"
                            "王毅参加会见。",
                            "2025-06-17");
    ASSERT_ROLE(o, "王毅", "attendee");
    ASSERT_NOT_ROLE(o, "托卡耶夫", "attendee");
    ASSERT_NOT_ROLE(o, "习近平", "attendee");
    ASSERT_NOT_ROLE(o, "习近平", "chair");
    ck_assert_uint_eq(participants(o), 1);
    ck_assert_uint_eq(o->n_meetings, 1);
    ck_assert_str_eq(o->meetings[0].name, "会见");
    ck_assert_str_eq(o->meetings[0].type, "会见");
    ck_assert_str_eq(o->meetings[0].location, "人民大会堂");
    po_outline_free(o);
}
END_TEST

START_TEST(uncertain_names_are_left_out_with_a_warning)
{
    /* 六世 is no transliteration: better no person than a wrong one */
    po_outline *o = analyze(NULL, "汤加国王图普六世出席。王毅参加。", "2025-01-01");
    ck_assert_ptr_null(person(o, "图普六世"));
    ASSERT_ROLE(o, "王毅", "attendee");
    bool warned = false;
    for (size_t i = 0; i < o->n_warnings; i++)
        warned |= strstr(o->warnings[i], "图普六世") != NULL;
    ck_assert_msg(warned, "no warning about the uncertain name");
    po_outline_free(o);
}
END_TEST

START_TEST(traditional_script)
{
    po_outline *o = analyze("李強主持召開國務院常務會議",
                            "國務院總理李強13日主持召開國務院常務會議。國務院副總理丁薛祥出席。"
                            "胡春華、劉鶴參加。",
                            "2023-03-14");
    ASSERT_ROLE(o, "李強", "chair");
    ASSERT_ROLE(o, "丁薛祥", "attendee");
    ASSERT_ROLE(o, "胡春華", "attendee");
    ASSERT_ROLE(o, "劉鶴", "attendee");
    const po_person *d = person(o, "丁薛祥");
    ck_assert(has(d->titles, d->n_titles, "國務院副總理"));
    ck_assert_uint_eq(o->n_meetings, 1);
    ck_assert_str_eq(o->meetings[0].name, "國務院常務會議");
    /* a type is a word of the pack's vocabulary, written once, in simplified */
    ck_assert_str_eq(o->meetings[0].type, "常务会议");
    ck_assert_uint_eq(o->meetings[0].n_chair, 1);
    ck_assert_str_eq(o->meetings[0].chair[0], "李強");
    po_outline_free(o);
}
END_TEST

START_TEST(folding_maps_one_code_point_to_one)
{
    ck_assert_uint_eq(po_fold_cp(0x97D3), 0x97E9); /* 韓 -> 韩 */
    ck_assert_uint_eq(po_fold_cp(0x6703), 0x4F1A); /* 會 -> 会 */
    ck_assert_uint_eq(po_fold_cp(0x88E1), 0x91CC); /* 裡 (Taiwan) -> 里 */
    ck_assert_uint_eq(po_fold_cp(0x8AAC), 0x8BF4); /* 説 (Hong Kong) -> 说 */
    ck_assert_uint_eq(po_fold_cp(0x5CEF), 0x5CF0); /* 峯 -> 峰 */
    /* simplified characters, ASCII and punctuation stay as they are */
    ck_assert_uint_eq(po_fold_cp(0x97E9), 0x97E9); /* 韩 */
    ck_assert_uint_eq(po_fold_cp(0x624D), 0x624D); /* 才 */
    ck_assert_uint_eq(po_fold_cp(0x53F0), 0x53F0); /* 台 */
    ck_assert_uint_eq(po_fold_cp(0x4E48), 0x4E48); /* 么 */
    ck_assert_uint_eq(po_fold_cp('A'), 'A');
    ck_assert_uint_eq(po_fold_cp(0x3002), 0x3002);
    /* offsets survive: the normalised text has as many code points */
    const char *s = "主持會議的是國務院副總理韓正。";
    po_text t;
    ck_assert_int_eq(po_text_init(&t, s, strlen(s)), 0);
    ck_assert_uint_eq(t.n, 15);
    ck_assert_str_eq(t.norm, "主持会议的是国务院副总理韩正。");
    size_t len;
    const char *name = po_text_orig_span(&t, 12, 14, &len);
    ck_assert_int_eq((int)len, 6);
    ck_assert_int_eq(memcmp(name, "韓正", 6), 0);
    po_text_free(&t);
}
END_TEST

START_TEST(rules_written_in_simplified_match_traditional_text)
{
    /* titles found through the simplified lexicons, kept as written */
    po_outline *o = analyze(NULL, "香港特別行政區行政長官李家超、澳門特別行政區行政長官賀一誠出席。",
                            "2024-12-20");
    ASSERT_ROLE(o, "李家超", "attendee");
    ASSERT_ROLE(o, "賀一誠", "attendee");
    const po_person *p = person(o, "賀一誠");
    ck_assert(has(p->titles, p->n_titles, "澳門特別行政區行政長官"));
    po_outline_free(o);
}
END_TEST

static char *t2s(opencc_t cc, const char *s)
{
    char *conv = opencc_convert_utf8(cc, s, strlen(s));
    ck_assert_msg(conv != NULL, "OpenCC: %s", opencc_error());
    char *copy = strdup(conv);
    opencc_convert_utf8_free(conv);
    ck_assert_ptr_nonnull(copy);
    return copy;
}

static bool same_as_converted(opencc_t cc, const char *trad, const char *simp)
{
    if (!trad || !simp)
        return trad == simp;
    char *c = t2s(cc, trad);
    bool same = strcmp(c, simp) == 0;
    free(c);
    return same;
}

/* A traditional page and its simplified twin (converted by OpenCC's own
 * t2s, phrase by phrase) give the same people, meeting and dates, each
 * written in its own script. */
START_TEST(traditional_pages_and_simplified_twins_agree)
{
    static const char *const pages[] = {"01.html", "02.html", "03.html", "04.html", "05.html",
                                        "06.html", "07.html", "08.html", "09.html", "10.md",
                                        "11.html", "12.html", "13.html", "14.html"};
    opencc_t cc = opencc_open(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP);
    ck_assert_msg(cc != (opencc_t)-1, "OpenCC t2s: %s", opencc_error());
    size_t compared = 0;
    for (size_t p = 0; p < sizeof pages / sizeof pages[0]; p++) {
        char rel[64];
        snprintf(rel, sizeof rel, "corpus/pages/%s", pages[p]);
        char *path = po_test_shared_path(rel);
        size_t len, n;
        unsigned char *data = po_test_read(path, &len);
        po_outline **list = po_test_analyze(path, data, len, NULL, &n);
        ck_assert_uint_eq(n, 1);
        const po_outline *a = list[0];
        char *title = a->meta.title ? t2s(cc, a->meta.title) : NULL;
        char *text = t2s(cc, a->text);
        po_outline *b = analyze(title, text, a->meta.published);
        for (size_t i = 0; i < a->n_people; i++) {
            const po_person *pa = &a->people[i];
            char *name = t2s(cc, pa->name);
            const po_person *pb = person(b, name);
            ck_assert_msg(pb != NULL, "%s: %s has no twin %s", pages[p], pa->name, name);
            for (size_t k = 0; k < pa->n_roles; k++)
                ck_assert_msg(has(pb->roles, pb->n_roles, pa->roles[k]), "%s: %s is no %s in the twin",
                              pages[p], name, pa->roles[k]);
            ck_assert_uint_eq(pa->n_roles, pb->n_roles);
            free(name);
            compared++;
        }
        ck_assert_uint_eq(a->n_people, b->n_people);
        ck_assert_uint_eq(a->n_meetings, b->n_meetings);
        for (size_t i = 0; i < a->n_meetings; i++) {
            ck_assert_msg(same_as_converted(cc, a->meetings[i].name, b->meetings[i].name),
                          "%s: meeting %s, twin %s", pages[p], a->meetings[i].name, b->meetings[i].name);
            ck_assert_msg(same_as_converted(cc, a->meetings[i].date, b->meetings[i].date),
                          "%s: meeting date %s, twin %s", pages[p], a->meetings[i].date, b->meetings[i].date);
            compared++;
        }
        ck_assert_msg(a->n_dates == b->n_dates, "%s: %zu dates, twin %zu", pages[p], a->n_dates, b->n_dates);
        for (size_t i = 0; i < a->n_dates; i++) {
            ck_assert_msg(same_as_converted(cc, a->dates[i].text, b->dates[i].text) &&
                              same_as_converted(cc, a->dates[i].value, b->dates[i].value),
                          "%s: date %s = %s, twin %s = %s", pages[p], a->dates[i].text, a->dates[i].value,
                          b->dates[i].text, b->dates[i].value);
            compared++;
        }
        po_outline_free(b);
        free(text);
        free(title);
        po_test_free_outlines(list, n);
        free(data);
        free(path);
    }
    ck_assert_uint_gt(compared, 50);
    opencc_close(cc);
}
END_TEST

/* Participants as sources other than the evening news write them; each
 * sentence is taken from a page of ../shared/corpus/pages. */
START_TEST(minutes_header_lists)
{
    /* 12: the label on a line of its own, the names on the next; the absent
     * (請假) and the minute-taker (紀錄) are no participants, a substitute
     * (代) is, a Latin spelling beside a name is not part of it */
    po_outline *o = analyze("臺北市政府第2151次市政會議",
                            "開會日期\n2021-07-20 09:00:00\n主席\n柯文哲\n紀錄\n陳慧玲\n出席\n"
                            "彭振聲、蔡炳坤、陳慶安(請假)、巴干.巴萬Bakan Pawa、徐世勲、黃清信(代)\n"
                            "列席\n黃銘材、陳智菡\n壹、宣讀本府110年7月13日第2150次市政會議紀錄。",
                            "2021-07-20");
    ASSERT_ROLE(o, "柯文哲", "chair");
    const char *attend[] = {"彭振聲", "蔡炳坤", "巴干.巴萬", "徐世勲", "黃清信", "黃銘材", "陳智菡"};
    for (size_t i = 0; i < 7; i++)
        ASSERT_ROLE(o, attend[i], "attendee");
    ck_assert_ptr_null(person(o, "陳慶安"));
    ck_assert_ptr_null(person(o, "陳慧玲"));
    ck_assert_uint_eq(participants(o), 8);
    po_outline_free(o);
    /* the header with a colon */
    o = analyze(NULL, "主持人：李明\n出席人员：王芳、张伟\n缺席：赵强\n记录：孙丽\n会议研究了有关事项。", "2022-03-04");
    ASSERT_ROLE(o, "李明", "chair");
    ASSERT_ROLE(o, "王芳", "attendee");
    ASSERT_ROLE(o, "张伟", "attendee");
    ck_assert_ptr_null(person(o, "赵强"));
    ck_assert_ptr_null(person(o, "孙丽"));
    po_outline_free(o);
}
END_TEST

START_TEST(participants_named_after_the_verb)
{
    /* the issue's own sentences: 主持会议的是…, 出席者有… */
    po_outline *o = analyze(NULL, "主持會議的是國務院副總理韓正。出席者有國務院副總理孫春蘭、胡春華、劉鶴。",
                            "2022-05-25");
    ASSERT_ROLE(o, "韓正", "chair");
    ASSERT_ROLE(o, "孫春蘭", "attendee");
    ASSERT_ROLE(o, "胡春華", "attendee");
    ASSERT_ROLE(o, "劉鶴", "attendee");
    po_outline_free(o);
    /* 02: the chair named before what he says */
    o = analyze(NULL, "主持會面的嶺南大學校長鄭國漢表示,雙方會先有5分鐘表述立場。", "2014-10-21");
    ASSERT_ROLE(o, "鄭國漢", "chair");
    po_outline_free(o);
    /* 07: those who lead, and the list after 包括 (楊何蓓茵: a married name) */
    o = analyze(NULL,
                "由政務司司長陳國基及政務司副司長卓永興,帶領9名政策局局長出席,包括文化體育及旅遊局局長楊潤雄、"
                "公務員事務局局長楊何蓓茵、民政及青年事務局局長麥美娟。",
                "2022-08-13");
    const char *names[] = {"陳國基", "卓永興", "楊潤雄", "楊何蓓茵", "麥美娟"};
    for (size_t i = 0; i < 5; i++)
        ASSERT_ROLE(o, names[i], "attendee");
    ck_assert_uint_eq(participants(o), 5);
    po_outline_free(o);
}
END_TEST

/* Participants of the pages in tests/pagekeys. */
START_TEST(participants_of_local_portals_and_taiwan)
{
    /* 22: the vice premier chairing for the premier */
    po_outline *o = analyze(NULL, "行政院今（11）日召開院會，今天會議是由副院長鄭麗君代為主持，院長卓榮泰並未出席。",
                            "2025-12-11");
    ASSERT_ROLE(o, "鄭麗君", "chair");
    po_outline_free(o);
    /* 13: 其中 X 作为…参加 */
    o = analyze(NULL, "全体校领导分组参加会议,其中苏立作为第一代表团成员参加会议,庾庐山作为第二代表团成员参加会议。",
                "2023-03-07");
    ASSERT_ROLE(o, "苏立", "attendee");
    ASSERT_ROLE(o, "庾庐山", "attendee");
    po_outline_free(o);
    /* 03: names after 区领导, then a class closed by 等 */
    o = analyze(NULL, "区领导袁水良、朱幼群、罗建强、傅丽华,相关部门主要负责人等参加。", "2024-08-29");
    const char *leaders[] = {"袁水良", "朱幼群", "罗建强", "傅丽华"};
    for (size_t i = 0; i < 4; i++)
        ASSERT_ROLE(o, leaders[i], "attendee");
    ck_assert_uint_eq(participants(o), 4);
    po_outline_free(o);
    /* 06: a town head chairs */
    o = analyze(NULL, "镇班子成员,村书记、主任、组织委员参会,会议由镇党委副书记、镇长王玉飞主持。", "2018-06-29");
    ASSERT_ROLE(o, "王玉飞", "chair");
    po_outline_free(o);
    /* 09: 列席人士 is a noun, the members who speak attend nothing */
    o = analyze(NULL, "杨勋、尤淑瑞、南庚戌、张展翔、李福全、萧圣立、林玉凤、刘兴、邢文祥等港澳委员和海外列席人士踊跃发言。",
                "2013-01-27");
    ck_assert_uint_eq(participants(o), 0);
    po_outline_free(o);
}
END_TEST

START_TEST(other_ways_of_being_there)
{
    /* 17 会见时在座 (the host who receives is not a participant) */
    po_outline *o = analyze(NULL, "万里今天在人民大会堂会见了四国客人。北京市长、亚运会组委会主席陈希同会见时在座。",
                            "1990-09-23");
    ASSERT_ROLE(o, "陈希同", "attendee");
    ck_assert_ptr_null(person(o, "万里"));
    po_outline_free(o);
    /* 22 到会指导, an organisation before the first name */
    o = analyze(NULL, "县工作专班刘彩凤、李靖、刘博、王瑞雪等同志到会指导。", "2019-07-10");
    const char *guides[] = {"刘彩凤", "李靖", "刘博", "王瑞雪"};
    for (size_t i = 0; i < 4; i++)
        ASSERT_ROLE(o, guides[i], "attendee");
    po_outline_free(o);
    /* 10 到場觀禮, led by the county head: those led are a body */
    o = analyze(NULL, "縣長饒慶鈴率縣府一級主管到場觀禮，與多位議員共同見證。", "2026-03-06");
    ASSERT_ROLE(o, "饒慶鈴", "attendee");
    ck_assert_uint_eq(participants(o), 1);
    po_outline_free(o);
    /* 16 在主席台前排就座, with a rare surname inside the list */
    o = analyze(NULL, "市政协副主席郭云金、盘芳、张静扬、廖宁在主席台前排就座。", "2021-10-28");
    ASSERT_ROLE(o, "盘芳", "attendee");
    ck_assert_uint_eq(participants(o), 4);
    po_outline_free(o);
}
END_TEST

START_TEST(both_roles_titles_and_lists)
{
    /* 21 参加并主持: both roles */
    po_outline *o = analyze(NULL, "集团公司党委书记、董事长李奎锦参加并主持会议,集团公司党委委员、中层管理人员参加会议。",
                            "2022-06-20");
    ASSERT_ROLE(o, "李奎锦", "chair");
    ASSERT_ROLE(o, "李奎锦", "attendee");
    po_outline_free(o);
    /* 15: offices listed before a name are no people (董事长 is no name) */
    o = analyze(NULL, "集团领导潘友华、陈琼出席会议。会议由党委书记、董事长、总经理潘友华主持。", "2019-10-31");
    ASSERT_ROLE(o, "潘友华", "chair");
    ASSERT_ROLE(o, "潘友华", "attendee");
    ASSERT_ROLE(o, "陈琼", "attendee");
    ck_assert_ptr_null(person(o, "董事长"));
    po_outline_free(o);
    /* 32 and 30: a dotted name, a four-character name, a rare surname in a list */
    o = analyze(NULL, "全国人大常委会副委员长李鸿忠、王东明、洛桑江村、雪克来提·扎克尔出席会议。"
                      "市人大常委会副主任刘斌、开桂兰、方祖中出席会议。",
                "2023-04-15");
    const char *listed[] = {"李鸿忠", "王东明", "洛桑江村", "雪克来提·扎克尔", "刘斌", "开桂兰", "方祖中"};
    for (size_t i = 0; i < 7; i++)
        ASSERT_ROLE(o, listed[i], "attendee");
    po_outline_free(o);
    /* 19: a name before 及 and a body after it */
    o = analyze(NULL, "县经济技术开发区党工委书记、管委会主任白继红及县直相关部门、乡镇负责人列席会议。", "2024-04-25");
    ASSERT_ROLE(o, "白继红", "attendee");
    po_outline_free(o);
    /* 39: a chair who leads a delegation, and his co-chair in the tail */
    o = analyze(NULL, "政务司司长张建宗将于四月二日下午率领特区政府代表团前往深圳,与深圳市市长陈如桂共同主持深港合作会议。",
                "2019-03-29");
    ASSERT_ROLE(o, "张建宗", "chair");
    ASSERT_ROLE(o, "陈如桂", "chair");
    po_outline_free(o);
    /* 24: a name inside the title of a work is no participant */
    o = analyze(NULL, "党委书记、院长邢泉生主持,学习了《习近平主持中共中央政治局第三十六次集体学习并发表重要讲话》。",
                "2022-06-01");
    ASSERT_ROLE(o, "邢泉生", "chair");
    ck_assert_ptr_null(person(o, "习近平"));
    po_outline_free(o);
}
END_TEST

START_TEST(articles_without_a_meeting)
{
    po_outline *o = analyze("国内联播快讯", "国务院总理李强13日主持召开座谈会。", "2023-03-14");
    ck_assert_uint_eq(o->n_meetings, 0);
    po_outline_free(o);
    o = analyze("习近平同法国总统马克龙通电话", "5月1日晚，国家主席习近平同法国总统马克龙通电话。", "2025-05-02");
    ck_assert_uint_eq(o->n_meetings, 0);
    ck_assert_uint_eq(participants(o), 0);
    po_outline_free(o);
}
END_TEST

/* ---- real articles ------------------------------------------------------ */

START_TEST(corpus_democratic_parties_forum)
{
    po_outline *o = po_test_corpus_article("20230213", "各民主党派");
    ASSERT_ROLE(o, "李克强", "chair");
    const char *att[] = {"韩正", "胡春华", "刘鹤", "石泰峰", "何立峰", "魏凤和", "王勇", "王毅", "肖捷", "赵克志", "邵鸿"};
    for (size_t i = 0; i < sizeof att / sizeof *att; i++)
        ASSERT_ROLE(o, att[i], "attendee");
    /* the party leaders spoke; they did not attend in the key's sense */
    ASSERT_ROLE(o, "郑建邦", "speaker");
    ASSERT_NOT_ROLE(o, "郑建邦", "attendee");
    ck_assert_uint_eq(participants(o), 12);
    ck_assert_uint_ge(o->n_meetings, 1);
    const po_meeting *m = &o->meetings[0];
    ck_assert_str_eq(m->name, "各民主党派中央、全国工商联负责人和无党派人士代表座谈会");
    ck_assert_str_eq(m->type, "座谈会");
    ck_assert_str_eq(m->date, "2023-02-13");
    ck_assert_uint_eq(m->n_chair, 1);
    ck_assert_str_eq(m->chair[0], "李克强");
    po_outline_free(o);
}
END_TEST

START_TEST(corpus_non_party_forum)
{
    po_outline *o = po_test_corpus_article("20221207", "党外人士座谈会");
    ASSERT_ROLE(o, "习近平", "chair");
    ASSERT_ROLE(o, "李克强", "attendee");
    ASSERT_ROLE(o, "丁薛祥", "attendee");
    ASSERT_ROLE(o, "孙春兰", "attendee"); /* 石泰峰、…，中共中央、国务院有关部门负责人出席 */
    ASSERT_ROLE(o, "窦晓玉", "attendee"); /* 出席座谈会的党外人士还有… */
    ASSERT_NOT_ROLE(o, "万鄂湘", "attendee");
    ck_assert_uint_eq(participants(o), 24);
    const po_meeting *m = &o->meetings[0];
    ck_assert_str_eq(m->name, "党外人士座谈会");
    ck_assert_str_eq(m->date, "2022-12-02"); /* held 12月2日, published 12月7日 */
    ck_assert_str_eq(m->chair[0], "习近平");
    po_outline_free(o);
}
END_TEST

START_TEST(corpus_apec_chaired_by_host)
{
    po_outline *o = po_test_corpus_article("20251031", "亚太经合组织第三十二次领导人非正式会议");
    ASSERT_ROLE(o, "李在明", "chair"); /* 会议由韩国总统李在明主持 */
    ASSERT_ROLE(o, "习近平", "attendee");
    ASSERT_ROLE(o, "王毅", "attendee");
    ck_assert_uint_eq(participants(o), 3);
    const po_meeting *m = &o->meetings[0];
    ck_assert(strstr(m->name, "亚太经合组织第三十二次领导人非正式会议") != NULL);
    ck_assert_str_eq(m->date, "2025-10-31");
    po_outline_free(o);
}
END_TEST

START_TEST(corpus_talks_and_visits)
{
    po_outline *o = po_test_corpus_article("20250617", "习近平同哈萨克斯坦总统会谈");
    ASSERT_ROLE(o, "蔡奇", "attendee");
    ASSERT_ROLE(o, "王毅", "attendee");
    ASSERT_NOT_ROLE(o, "托卡耶夫", "attendee");
    ck_assert_ptr_nonnull(person(o, "托卡耶夫")); /* he speaks */
    ck_assert_uint_eq(participants(o), 2);
    ck_assert_str_eq(o->meetings[0].name, "会谈");
    ck_assert_str_eq(o->meetings[0].date, "2025-06-16"); /* 当地时间6月16日 */
    po_outline_free(o);
    /* several audiences and no main one: no meeting, nobody taking part */
    o = po_test_corpus_article("20251103", "韩正访问科威特");
    ck_assert_uint_eq(o->n_meetings, 0);
    ck_assert_uint_eq(participants(o), 0);
    po_outline_free(o);
}
END_TEST

START_TEST(corpus_meeting_in_the_body)
{
    /* the title reports instructions; the meeting is 5日凌晨，张国清主持召开会议 */
    po_outline *o = po_test_corpus_article("20250505", "游船倾覆事故");
    ASSERT_ROLE(o, "张国清", "chair");
    ck_assert_uint_eq(participants(o), 1);
    ck_assert_uint_ge(o->n_meetings, 1);
    ck_assert_str_eq(o->meetings[0].name, "会议");
    ck_assert_str_eq(o->meetings[0].date, "2025-05-05"); /* not the accident's 5月4日 */
    ck_assert_str_eq(o->meetings[0].chair[0], "张国清");
    po_outline_free(o);
    /* a chaired forum during an inspection tour gives no day */
    o = po_test_corpus_article("20250417", "李希在湖南调研");
    ASSERT_ROLE(o, "李希", "chair");
    ck_assert_str_eq(o->meetings[0].name, "座谈会");
    ck_assert_ptr_null(o->meetings[0].date);
    po_outline_free(o);
}
END_TEST

START_TEST(titled_names_listed_over_commas)
{
    /* titled names separated by commas, closed by a class (…特邀嘉宾也出席) */
    po_outline *o = analyze(NULL,
                            "庆祝大会20日上午在澳门举行。全国政协副主席何厚铧，香港特别行政区行政长官李家超，"
                            "澳门特别行政区前任行政长官崔世安、贺一诚，以及澳门各界代表和特邀嘉宾也出席庆祝大会。",
                            "2024-12-20");
    const char *names[] = {"何厚铧", "李家超", "崔世安", "贺一诚"};
    for (size_t i = 0; i < 4; i++)
        ASSERT_ROLE(o, names[i], "attendee");
    const po_person *p = person(o, "李家超");
    ck_assert(has(p->titles, p->n_titles, "香港特别行政区行政长官"));
    ck_assert_uint_eq(participants(o), 4);
    po_outline_free(o);
}
END_TEST

START_TEST(names_after_a_representative_title)
{
    /* 人士代表 is a title here, not 代表 (on behalf of) before a list; 许为钢
     * keeps its 为 as the list shows a name */
    po_outline *o = analyze(NULL, "全国工商联主席高云龙和无党派人士代表谢晓亮、许为钢等应邀出席。", "2025-01-20");
    const char *names[] = {"高云龙", "谢晓亮", "许为钢"};
    for (size_t i = 0; i < 3; i++)
        ASSERT_ROLE(o, names[i], "attendee");
    const po_person *p = person(o, "谢晓亮");
    ck_assert(has(p->titles, p->n_titles, "无党派人士代表"));
    ck_assert_uint_eq(participants(o), 3);
    po_outline_free(o);
}
END_TEST

START_TEST(lone_name_before_classes)
{
    po_outline *o = analyze(NULL,
                            "活动在京举行。石泰峰，各民主党派中央、全国工商联有关负责人，中央有关部门负责同志参加活动。\n"
                            "对于美国被指破坏“北溪”管道，国际人士指出，美国的目的是捆绑欧洲。",
                            "2025-01-20");
    ASSERT_ROLE(o, "石泰峰", "attendee");
    /* after a quote, a word shaped like a name before a class is nobody */
    ck_assert_ptr_null(person(o, "管道"));
    ck_assert_uint_eq(participants(o), 1);
    po_outline_free(o);
}
END_TEST

START_TEST(meeting_quoted_whole)
{
    /* a name quoted whole, then its ceremony */
    po_outline *o = analyze("韩正出席“2023从都国际论坛”开幕式并致辞",
                            "国家副主席韩正4日在广州出席“2023从都国际论坛”开幕式并致辞。黄坤明出席开幕式。",
                            "2023-12-04");
    ck_assert_uint_ge(o->n_meetings, 1);
    ck_assert_str_eq(o->meetings[0].name, "2023从都国际论坛");
    ck_assert_str_eq(o->meetings[0].type, "论坛");
    ck_assert_str_eq(o->meetings[0].date, "2023-12-04");
    po_outline_free(o);
}
END_TEST

START_TEST(meetings_of_several_days_and_quoted_names)
{
    /* a meeting held over two days is dated by both */
    po_outline *o = analyze("中央经济工作会议在北京举行", "中央经济工作会议12月10日至11日在北京举行。",
                            "2025-12-11");
    ck_assert_str_eq(o->meetings[0].date, "2025-12-10/2025-12-11");
    po_outline_free(o);
    /* the span of an inspection is not the day of its forum */
    o = analyze("丁薛祥在辽宁调研并主持召开座谈会",
                "5月7日至9日，中共中央政治局常委丁薛祥在辽宁调研。他主持召开座谈会。", "2024-05-10");
    ck_assert_uint_ge(o->n_meetings, 1);
    ck_assert_ptr_null(o->meetings[0].date);
    po_outline_free(o);
    /* a quoted phrase inside a name, right after the verb that convenes it */
    o = analyze("殷墟考古和甲骨文研究重要成果和新进展发布",
                "今天（11月10日）上午，国家文物局在京召开“考古中国”重大项目进展发布会。", "2022-11-10");
    ck_assert_uint_ge(o->n_meetings, 1);
    ck_assert_str_eq(o->meetings[0].name, "“考古中国”重大项目进展发布会");
    ck_assert_str_eq(o->meetings[0].date, "2022-11-10");
    po_outline_free(o);
    /* a study session of the Politburo */
    o = analyze(NULL, "中共中央政治局4月25日下午就加强人工智能发展和监管进行第二十次集体学习。", "2025-04-26");
    ck_assert_uint_ge(o->n_meetings, 1);
    ck_assert_str_eq(o->meetings[0].name, "第二十次集体学习");
    ck_assert_str_eq(o->meetings[0].date, "2025-04-25");
    po_outline_free(o);
    /* the forum names the guests met, not the event */
    o = analyze("赵乐际集体会见出席2025年国际议员友好交流论坛的各国议员",
                "全国人大常委会委员长赵乐际10日在人民大会堂集体会见出席2025年国际议员友好交流论坛的各国议员。",
                "2025-09-10");
    ck_assert_uint_ge(o->n_meetings, 1);
    ck_assert_str_eq(o->meetings[0].name, "集体会见");
    po_outline_free(o);
}
END_TEST

START_TEST(meetings_of_other_sources)
{
    /* pages 08: a minutes heading, the day before the name */
    po_outline *o = analyze("行政院第3640次院會決議",
                            "院長提示:\n民國108年2月14日第3640次會議\n"
                            "一、有關桃園市鄭市長所提意見,請內政部研議解決。",
                            "2019-02-14");
    ck_assert_uint_ge(o->n_meetings, 1);
    ck_assert_str_eq(o->meetings[0].name, "第3640次會議");
    ck_assert_str_eq(o->meetings[0].date, "2019-02-14");
    po_outline_free(o);
    /* pages 12: the header's day, not the day of the last sitting its
     * first sentence names */
    o = analyze("臺北市政府第2151次市政會議",
                "開會日期\n2021-07-20 09:00:00\n主席\n柯文哲\n壹、宣讀本府110年7月13日第2150次市政會議紀錄。",
                "2021-07-20");
    ck_assert_uint_ge(o->n_meetings, 1);
    ck_assert_str_eq(o->meetings[0].name, "臺北市政府第2151次市政會議");
    ck_assert_str_eq(o->meetings[0].date, "2021-07-20");
    po_outline_free(o);
    /* pages 11: a briefing heard is the event */
    o = analyze("聽外交部簡報 蔡英文未回應沖之鳥礁事件",
                "(中央社記者唐佩君台北29日電)準總統蔡英文今天下午赴外交部聽取簡報,外交部長林永樂親自在門口迎接。",
                "2016-04-29");
    ck_assert_uint_ge(o->n_meetings, 1);
    ck_assert_str_eq(o->meetings[0].name, "簡報");
    ck_assert_str_eq(o->meetings[0].type, "简报");
    ck_assert_str_eq(o->meetings[0].date, "2016-04-29");
    po_outline_free(o);
    /* pages 03: the day and hour before the place; the lead names it in full */
    o = analyze("全國政協十四屆常委會第一次會議開幕 王滬寧出席",
                "新華社北京3月12日電 政協第十四屆全國委員會常務委員會第一次會議12日下午在北京開幕。"
                "中共中央政治局常委、全國政協主席王滬寧出席。",
                "2023-03-12");
    ck_assert_uint_ge(o->n_meetings, 1);
    ck_assert_str_eq(o->meetings[0].name, "政協第十四屆全國委員會常務委員會第一次會議");
    ck_assert_str_eq(o->meetings[0].date, "2023-03-12");
    po_outline_free(o);
    /* pages 33: the meeting that adopted the decision, not the one it convenes */
    o = analyze("明年“两会”召开时间——来了!",
                "今天下午,十三届全国人大常委会第二十四次会议,通过了关于召开第十三届全国人民代表大会第四次会议的决定。",
                "2020-12-26");
    ck_assert_uint_ge(o->n_meetings, 1);
    ck_assert_str_eq(o->meetings[0].name, "十三届全国人大常委会第二十四次会议");
    ck_assert_str_eq(o->meetings[0].date, "2020-12-26");
    po_outline_free(o);
    /* an audience of a meeting's delegates: the title's 会见 (中 opens 中国) */
    o = analyze("习近平会见中国援外医疗队派遣60周年纪念暨表彰大会代表",
                "中国援外医疗队派遣60周年纪念暨表彰大会29日在京举行。习近平亲切会见会议代表。", "2023-12-29");
    ck_assert_uint_ge(o->n_meetings, 1);
    ck_assert_str_eq(o->meetings[0].name, "会见");
    po_outline_free(o);
}
END_TEST

/* Meetings of the pages in tests/pagekeys. */
START_TEST(meetings_of_taiwan_hong_kong_and_local_portals)
{
    static const struct {
        const char *title, *text, *published, *name, *date;
    } CASES[] = {
        /* 01: the business after the name (专题听取) */
        {NULL, "2019年1月10日下午,我局党组召开党组会议专题听取机关党委工作汇报。", "2019-01-11", "党组会议",
         "2019-01-10"},
        /* 22: the Executive Yuan's sitting */
        {NULL, "行政院今（11）日召開院會，今天會議是由副院長鄭麗君代為主持。", "2025-12-11", "院會", "2025-12-11"},
        /* 20: a council's extraordinary session, over five days */
        {NULL, "高雄縣議會應縣府要求,自二十七日到三十一日召開第十六屆第一次臨時會,將審議縣府提議案。", "2006-03-21",
         "第十六屆第一次臨時會", "2006-03-27/2006-03-31"},
        /* 23: an audience */
        {NULL, "賴清德總統今(13)日上午接見113年「鳳凰獎」楷模得獎人。", "2025-01-13", "接見", "2025-01-13"},
        /* 32: a consultation session */
        {NULL, "行政长官李家超将于今日(27日)下午在南区举行第二场施政报告咨询会。", "2022-08-27", "第二场施政报告咨询会",
         "2022-08-27"},
        /* 14: the day in the name's own clause, not the trip's */
        {NULL, "行政長官李家超明日(3月4日)前赴北京,列席3月5日舉行的第十四屆全國人民代表大會第三次會議的開幕會。",
         "2025-03-03", "第十四屆全國人民代表大會第三次會議", "2025-03-05"},
        /* 07: a title's meeting takes the lead's first day */
        {"八所镇召开党委换届工作动员会",
         "根据市委部署,八所镇党委安排在2016年下半年进行换届。8月12日上午,八所镇在六楼会议室召开换届工作动员。",
         "2016-08-12", "八所镇召开党委换届工作动员会", "2016-08-12"},
        /* 24: the heading above the lead names the sitting, not a sitting
         * the lead recalls */
        {"院長提示", "院長提示:\n民國113年6月6日第3907次會議\n一、我在新內閣第一次院會上即期許全體公務人員。",
         "2024-06-06", "第3907次會議", "2024-06-06"},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        po_outline *o = analyze(CASES[i].title, CASES[i].text, CASES[i].published);
        ck_assert_msg(o->n_meetings >= 1, "%s: no meeting", CASES[i].text);
        ck_assert_msg(strstr(CASES[i].name, o->meetings[0].name) || strstr(o->meetings[0].name, CASES[i].name),
                      "%s: want %s, got %s", CASES[i].text, CASES[i].name, o->meetings[0].name);
        ck_assert_msg(o->meetings[0].date && strcmp(o->meetings[0].date, CASES[i].date) == 0, "%s: want %s, got %s",
                      CASES[i].text, CASES[i].date, o->meetings[0].date ? o->meetings[0].date : "null");
        po_outline_free(o);
    }
}
END_TEST

START_TEST(gathering_is_the_event)
{
    /* a gathering with attendance lists is the event, named as the title writes it */
    po_outline *o = analyze("习近平同党外人士共迎新春 代表中共中央 向统一战线广大成员致以新春祝福",
                            "习近平20日下午在人民大会堂同各民主党派中央、全国工商联负责人和无党派人士代表欢聚一堂，"
                            "共迎佳节。\n王沪宁、蔡奇出席。",
                            "2025-01-20");
    ck_assert_uint_ge(o->n_meetings, 1);
    ck_assert_str_eq(o->meetings[0].name, "同党外人士共迎新春");
    ck_assert_str_eq(o->meetings[0].date, "2025-01-20");
    ASSERT_ROLE(o, "王沪宁", "attendee");
    ASSERT_NOT_ROLE(o, "习近平", "attendee");
    ck_assert_uint_eq(participants(o), 2);
    po_outline_free(o);
}
END_TEST

START_TEST(corpus_macao_anniversary)
{
    /* the last list runs over commas and ends in 以及…也出席 */
    po_outline *o = po_test_corpus_article("20241220", "庆祝澳门回归祖国25周年大会");
    const char *names[] = {"习近平", "蔡奇", "李鸿忠", "何卫东", "何立峰", "王小洪",
                           "王东峰", "夏宝龙", "何厚铧", "李家超", "崔世安", "贺一诚"};
    for (size_t i = 0; i < 12; i++)
        ASSERT_ROLE(o, names[i], "attendee");
    ck_assert_uint_eq(participants(o), 12);
    ck_assert_str_eq(o->meetings[0].date, "2024-12-20");
    po_outline_free(o);
}
END_TEST

START_TEST(seed_article)
{
    char *path = po_test_shared_path("corpus/hexo/000_411ce5df8d938054.md");
    size_t len, n;
    unsigned char *data = po_test_read(path, &len);
    po_outline **list = po_test_analyze(path, data, len, NULL, &n);
    ck_assert_uint_eq(n, 1);
    po_outline *o = list[0];
    const po_person *p = person(o, "辛国斌");
    ck_assert_ptr_nonnull(p);
    ck_assert(has(p->roles, p->n_roles, "chair"));
    ck_assert(has(p->titles, p->n_titles, "工业和信息化部党组成员"));
    ck_assert(has(p->titles, p->n_titles, "副部长"));
    ck_assert_str_eq(p->organization, "工业和信息化部");
    const po_person *org = person(o, "重点行业协会");
    ck_assert_ptr_nonnull(org);
    ck_assert_int_eq(org->count, 13);
    ck_assert(has(org->members, org->n_members, "钢铁") && has(org->members, org->n_members, "有色"));
    ck_assert_uint_ge(o->n_meetings, 1);
    ck_assert_str_eq(o->meetings[0].name, "重点行业协会工业稳增长工作座谈会");
    ck_assert_str_eq(o->meetings[0].type, "座谈会");
    ck_assert_str_eq(o->meetings[0].date, "2021-11-03");
    ck_assert_str_eq(o->meetings[0].chair[0], "辛国斌");
    po_test_free_outlines(list, n);
    free(data);
    free(path);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("people");
    TCase *tc = tcase_create("text");
    tcase_add_test(tc, titles_are_split_from_the_name);
    tcase_add_test(tc, organizations_take_part_with_count_and_members);
    tcase_add_test(tc, leaders_lists_and_comrades);
    tcase_add_test(tc, transliterated_names);
    tcase_add_test(tc, met_and_mentioned_are_not_participants);
    tcase_add_test(tc, uncertain_names_are_left_out_with_a_warning);
    tcase_add_test(tc, traditional_script);
    tcase_add_test(tc, folding_maps_one_code_point_to_one);
    tcase_add_test(tc, rules_written_in_simplified_match_traditional_text);
    tcase_add_test(tc, minutes_header_lists);
    tcase_add_test(tc, participants_named_after_the_verb);
    tcase_add_test(tc, other_ways_of_being_there);
    tcase_add_test(tc, participants_of_local_portals_and_taiwan);
    tcase_add_test(tc, both_roles_titles_and_lists);
    tcase_add_test(tc, articles_without_a_meeting);
    tcase_add_test(tc, titled_names_listed_over_commas);
    tcase_add_test(tc, names_after_a_representative_title);
    tcase_add_test(tc, lone_name_before_classes);
    tcase_add_test(tc, meeting_quoted_whole);
    tcase_add_test(tc, meetings_of_several_days_and_quoted_names);
    tcase_add_test(tc, gathering_is_the_event);
    tcase_add_test(tc, meetings_of_other_sources);
    tcase_add_test(tc, meetings_of_taiwan_hong_kong_and_local_portals);
    suite_add_tcase(s, tc);
    TCase *corpus = tcase_create("corpus");
    tcase_add_test(corpus, corpus_democratic_parties_forum);
    tcase_add_test(corpus, corpus_non_party_forum);
    tcase_add_test(corpus, corpus_apec_chaired_by_host);
    tcase_add_test(corpus, corpus_talks_and_visits);
    tcase_add_test(corpus, corpus_meeting_in_the_body);
    tcase_add_test(corpus, corpus_macao_anniversary);
    tcase_add_test(corpus, seed_article);
    tcase_add_test(corpus, traditional_pages_and_simplified_twins_agree);
    suite_add_tcase(s, corpus);
    return po_test_run(s);
}
