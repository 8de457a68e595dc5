/* test_groups.c - markers, traps, grouping, introducers and actors. */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* Analyse one plain-text article. */
static po_outline *run(const char *text)
{
    size_t n;
    po_outline **list = po_test_analyze("test.txt", (const unsigned char *)text, strlen(text), NULL, &n);
    ck_assert_uint_eq(n, 1);
    po_outline *o = list[0];
    free(list);
    return o;
}

START_TEST(seed_measures_and_requirements)
{
    po_outline *o = run(
        "11月3日，工业和信息化部党组成员、副部长辛国斌主持召开重点行业协会工业稳增长工作座谈会，"
        "钢铁、有色等13家重点行业协会参加会议。会议提出，要坚持问题导向和目标导向。\n"
        "一是着力抓好工业稳增长政策措施的贯彻实施，加大对企业特别是中小微企业的支持力度；\n"
        "二是着力加强协调调度，科学合理配置要素资源；\n"
        "三是着力优化营商环境，积极宣传和推动惠企减负政策落实；\n"
        "四是着力动员各方力量，压实稳增长责任，形成协同工作合力。\n"
        "会议强调，各行业协会要充分发挥桥梁纽带作用，积极主动作为。\n"
        "一要加强预测预警，密切关注行业发展中苗头性、趋势性问题；\n"
        "二要加强企业帮扶，搭建对接平台；\n"
        "三要加强政策研究，结合行业特点；\n"
        "四要加强宣传引导，及时回应社会和企业关切。\n");
    ck_assert_uint_eq(o->n_groups, 2);
    const po_group *g = &o->groups[0];
    ck_assert_str_eq(g->style, "shi");
    ck_assert_str_eq(g->kind, "measures");
    ck_assert_str_eq(g->introducer, "会议提出");
    /* the context is a span of the text, not a copy */
    const char *want = "会议提出，要坚持问题导向和目标导向。";
    ck_assert_uint_eq(g->context.len, strlen(want));
    ck_assert_mem_eq(g->context.s, want, g->context.len);
    ck_assert_ptr_eq(g->context.s, strstr(o->text, want));
    ck_assert_ptr_null(g->actor);
    ck_assert_uint_eq(g->n_items, 4);
    ck_assert_str_eq(g->items[0].marker, "一是");
    ck_assert_str_eq(g->items[0].lead, "着力抓好工业稳增长政策措施的贯彻实施");
    ck_assert_str_eq(g->items[3].text, "着力动员各方力量，压实稳增长责任，形成协同工作合力。");
    ck_assert_int_eq(g->items[1].paragraph, 2);
    ck_assert_str_eq(g->items[0].rule, "marker.shi");
    ck_assert_int_eq(po_analyze(po_test_rules(), o, NULL), PO_ERR_USAGE); /* not twice */
    ck_assert_uint_eq(o->n_groups, 2);
    g = &o->groups[1];
    ck_assert_str_eq(g->style, "yao");
    ck_assert_str_eq(g->kind, "requirements");
    ck_assert_str_eq(g->introducer, "会议强调");
    ck_assert_str_eq(g->actor, "各行业协会");
    ck_assert_str_eq(g->actor_rule, "actor.must");
    ck_assert_uint_eq(g->n_items, 4);
    ck_assert_int_eq(g->items[3].ordinal, 4);
    po_outline_free(o);
}
END_TEST

START_TEST(traditional_script_gives_the_same_outline)
{
    po_outline *o = run("會議提出，要堅持問題導向和目標導向。\n"
                        "一是著力抓好工業穩增長政策措施的貫徹實施；\n二是著力加強協調調度。\n"
                        "會議強調，各行業協會要充分發揮橋樑紐帶作用。\n"
                        "一要加強預測預警；\n二要加強企業幫扶。\n");
    ck_assert_uint_eq(o->n_groups, 2);
    ck_assert_str_eq(o->groups[0].introducer, "會議提出");
    ck_assert_str_eq(o->groups[0].kind, "measures");
    ck_assert_str_eq(o->groups[1].introducer, "會議強調");
    ck_assert_str_eq(o->groups[1].actor, "各行業協會");
    ck_assert_str_eq(o->groups[1].kind, "requirements");
    po_outline_free(o);
    o = run("第一個試點。第二，推進。\n首先，甲。其次，乙。最後，丙。");
    ck_assert_uint_eq(o->n_groups, 1); /* 第一個 is a trap; 最後 closes the sequence */
    ck_assert_str_eq(o->groups[0].style, "sequence");
    ck_assert_uint_eq(o->groups[0].n_items, 3);
    po_outline_free(o);
}
END_TEST

START_TEST(offsets_point_into_the_text)
{
    po_outline *o = run("会议决定：一是加强,协调;二是推进。");
    ck_assert_uint_eq(o->n_groups, 1);
    const po_item *it = &o->groups[0].items[1];
    /* code points: 会议决定：(5) 一是加强,协调;(8) 二是 at 13 */
    ck_assert_uint_eq(o->groups[0].items[0].start, 5);
    ck_assert_uint_eq(it->start, 13);
    ck_assert_uint_eq(it->end, 18);
    /* ASCII , and ; delimit clauses like their full-width forms */
    ck_assert_str_eq(o->groups[0].items[0].lead, "加强");
    ck_assert_str_eq(o->groups[0].items[0].text, "加强,协调;");
    po_outline_free(o);
}
END_TEST

START_TEST(traps_are_not_markers)
{
    const char *traps[] = {
        "发展是第一要务。第二，要加强。",
        "我国造船完工量世界第一，第二大经济体。",
        "这是第一次。第二次会议在北京召开。",
        "要统一要求，二要加强。",
        "一、三要素齐备，二要点明确。",               /* 三要素, 二要点 are words */
        "要坚持一是一、二是二的作风。",
        "一是加强领导。",                          /* a lone 一是 is not a list */
        "全省一是加强，二是推进。",                 /* 一是 after 省 is not at a clause start */
        "增长1.5倍。\n2.5万人参加。",               /* decimals are not markers */
        "其中，第一、第二、第三产业用电量分别增长。", /* 第二 after 、 is not a marker */
    };
    for (size_t i = 0; i < sizeof traps / sizeof traps[0]; i++) {
        po_outline *o = run(traps[i]);
        ck_assert_msg(o->n_groups == 0, "'%s' gave %zu groups", traps[i], o->n_groups);
        po_outline_free(o);
    }
}
END_TEST

START_TEST(every_style_and_big_ordinals)
{
    static const struct {
        const char *text, *style;
        int items, last;
    } cases[] = {
        {"要求：一是甲；二是乙；三是丙；四是丁；五是戊；六是己；七是庚；八是辛；九是壬；十是癸；十一是子；十二是丑。",
         "shi", 12, 12},
        {"会议要求，一要甲；二要乙。", "yao", 2, 2},
        {"要求：一要坚定信心。二要实干为先。三要事不避难、攻坚克难。四要提升效能。", "yao", 4, 4},
        {"第一，甲。第二，乙。第三是丙。", "di", 3, 3},
        {"（一）甲\n（二）乙\n", "paren-cn", 2, 2},
        {"一、总体要求\n甲。\n二、重点任务\n乙。", "dun-cn", 2, 2},
        {"1. 加强\n2、推进\n", "arabic", 2, 2},
        {"（1）甲；（2）乙。", "paren-arabic", 2, 2},
        {"包括：①甲；②乙；③丙；④丁；⑤戊；⑥己；⑦庚；⑧辛；⑨壬；⑩癸；⑪子；⑫丑。", "circled", 12, 12},
        {"首先，要甲。其次，要乙。最后，要丙。", "sequence", 3, 3},
        {"一方面要甲，另一方面要乙。", "aspect", 2, 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        po_outline *o = run(cases[i].text);
        ck_assert_msg(o->n_groups == 1, "%s: %zu groups", cases[i].style, o->n_groups);
        ck_assert_str_eq(o->groups[0].style, cases[i].style);
        ck_assert_int_eq((int)o->groups[0].n_items, cases[i].items);
        ck_assert_int_eq(o->groups[0].items[o->groups[0].n_items - 1].ordinal, cases[i].last);
        po_outline_free(o);
    }
}
END_TEST

START_TEST(restart_and_nesting)
{
    po_outline *o = run("（一）总体要求。一是甲；二是乙。\n（二）重点任务。一是丙；二是丁；三是戊。\n");
    ck_assert_uint_eq(o->n_groups, 3);
    ck_assert_str_eq(o->groups[0].style, "paren-cn");
    ck_assert_int_eq(o->groups[0].parent, -1);
    /* the same style starting again at 1 is a new group; both are nested */
    ck_assert_str_eq(o->groups[1].style, "shi");
    ck_assert_uint_eq(o->groups[1].n_items, 2);
    ck_assert_int_eq(o->groups[1].parent, 0);
    ck_assert_uint_eq(o->groups[2].n_items, 3);
    ck_assert_int_eq(o->groups[2].parent, 0);
    ck_assert_str_eq(o->groups[2].items[0].text, "丙；");
    po_outline_free(o);
}
END_TEST

START_TEST(last_item_stops_where_the_passage_moves_on)
{
    po_outline *o = run("会议指出，一是甲；二是乙。会议强调，要丙。");
    ck_assert_uint_eq(o->n_groups, 1);
    ck_assert_str_eq(o->groups[0].items[1].text, "乙。");
    po_outline_free(o);
}
END_TEST

START_TEST(actor_from_the_introducing_sentence_only)
{
    po_outline *o = run("习近平对各民主党派、全国工商联和无党派人士提出3点希望。一是甲。二是乙。三是丙。");
    ck_assert_uint_eq(o->n_groups, 1);
    ck_assert_str_eq(o->groups[0].actor, "各民主党派、全国工商联和无党派人士");
    ck_assert_str_eq(o->groups[0].kind, "requirements");
    po_outline_free(o);
    o = run("习近平向各民主党派、工商联和无党派人士提出3点希望。一是甲。二是乙。");
    ck_assert_str_eq(o->groups[0].actor, "各民主党派、工商联和无党派人士");
    po_outline_free(o);
    /* a subject two sentences back does not carry over; 我们 is no actor */
    o = run("各方要坚守初心。习近平提出5点建议。\n一是甲。\n二是乙。");
    ck_assert_ptr_null(o->groups[0].actor);
    ck_assert_str_eq(o->groups[0].introducer, "习近平提出5点建议");
    po_outline_free(o);
    o = run("我们要在践行这四个字上下更大功夫。\n一是甲。\n二是乙。");
    ck_assert_ptr_null(o->groups[0].actor);
    po_outline_free(o);
}
END_TEST

START_TEST(corpus_state_council_meeting)
{
    po_outline *o = po_test_corpus_article("20221027", "李克强主持召开国务院常务会议");
    /* 会议指出 … 一是 二是 三是, then 会议指出 … 一是 二是 */
    ck_assert_uint_eq(o->n_groups, 2);
    ck_assert_uint_eq(o->groups[1].n_items, 2);
    ck_assert_str_eq(o->groups[1].introducer, "会议指出");
    ck_assert_str_eq(o->groups[1].items[1].lead, "二是促进消费恢复成为经济主拉动力" + strlen("二是"));
    const po_group *g = &o->groups[0];
    ck_assert_str_eq(g->style, "shi");
    ck_assert_uint_eq(g->n_items, 3);
    ck_assert(strncmp(g->items[0].text, "继续狠抓稳经", strlen("继续狠抓稳经")) == 0);
    ck_assert(strncmp(g->items[2].text, "各地各方面都", strlen("各地各方面都")) == 0);
    po_outline_free(o);
}
END_TEST

START_TEST(corpus_speech_with_three_lists)
{
    /* dun-cn headings, an inline 一是 list, and 第一 … 第七 across paragraphs */
    po_outline *o = po_test_corpus_article("20251028", "第十五个五年规划的建议》的说明");
    ck_assert_uint_eq(o->n_groups, 3);
    ck_assert_str_eq(o->groups[0].style, "dun-cn");
    ck_assert_uint_eq(o->groups[0].n_items, 3);
    ck_assert_str_eq(o->groups[1].style, "shi");
    ck_assert_uint_eq(o->groups[1].n_items, 4);
    ck_assert_int_eq(o->groups[1].parent, 0);
    ck_assert_str_eq(o->groups[2].style, "di");
    ck_assert_uint_eq(o->groups[2].n_items, 7);
    ck_assert_str_eq(o->groups[2].items[6].lead, "关于坚持党的全面领导");
    po_outline_free(o);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("groups");
    TCase *tc = tcase_create("groups");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, seed_measures_and_requirements);
    tcase_add_test(tc, traditional_script_gives_the_same_outline);
    tcase_add_test(tc, offsets_point_into_the_text);
    tcase_add_test(tc, traps_are_not_markers);
    tcase_add_test(tc, every_style_and_big_ordinals);
    tcase_add_test(tc, restart_and_nesting);
    tcase_add_test(tc, last_item_stops_where_the_passage_moves_on);
    tcase_add_test(tc, actor_from_the_introducing_sentence_only);
    tcase_add_test(tc, corpus_state_council_meeting);
    tcase_add_test(tc, corpus_speech_with_three_lists);
    suite_add_tcase(s, tc);
    return po_test_run(s);
}
