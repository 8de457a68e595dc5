/* test_dates.c - date expressions: forms, resolution against the reference
 * day, ranges, periods, traditional script, not-dates, real articles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "outline/model.h"
#include "rules/rules.h"
#include "util/utf8.h"

/* Analyse one text. ref is the --reference-date (NULL for none); published
 * is the article's publication day (NULL for none). */
static po_outline *run_url(const char *text, const char *ref, const char *published, const char *url)
{
    po_outline *o = po_outline_new("test", 0);
    ck_assert_ptr_nonnull(o);
    o->text = po_outline_strdup(o, text);
    o->text_chars = po_utf8_length(text, strlen(text));
    if (published)
        o->meta.published = po_outline_strdup(o, published);
    if (url)
        o->meta.url = po_outline_strdup(o, url);
    po_options opt = {ref};
    ck_assert_int_eq(po_analyze(po_test_rules(), o, &opt), PO_OK);
    return o;
}

static po_outline *run(const char *text, const char *ref, const char *published)
{
    return run_url(text, ref, published, NULL);
}

/* The nth (0-based) date whose text is `text`, or NULL. */
static const po_date *find(const po_outline *o, const char *text, int nth)
{
    for (size_t i = 0; i < o->n_dates; i++)
        if (strcmp(o->dates[i].text, text) == 0 && nth-- == 0)
            return &o->dates[i];
    return NULL;
}

/* Assert the text is found with this value (NULL: found, value null). */
static void expect_at(const po_outline *o, const char *text, int nth, const char *value)
{
    const po_date *d = find(o, text, nth);
    ck_assert_msg(d != NULL, "no date '%s' (#%d) among %zu", text, nth, o->n_dates);
    if (value)
        ck_assert_msg(d->value && strcmp(d->value, value) == 0, "%s: want %s, got %s", text, value,
                      d->value ? d->value : "null");
    else
        ck_assert_msg(d->value == NULL, "%s: want null, got %s", text, d->value);
}

static void expect(const po_outline *o, const char *text, const char *value)
{
    expect_at(o, text, 0, value);
}

/* One text, one date: its text, value and kind. */
static void only(const char *text, const char *ref, const char *date, const char *value,
                 const char *kind)
{
    po_outline *o = run(text, ref, NULL);
    ck_assert_msg(o->n_dates == 1, "%s: want 1 date, got %zu", text, o->n_dates);
    ck_assert_str_eq(o->dates[0].text, date);
    expect(o, date, value);
    if (kind)
        ck_assert_str_eq(o->dates[0].kind, kind);
    po_outline_free(o);
}

static void none(const char *text)
{
    po_outline *o = run(text, "2023-03-25", NULL);
    ck_assert_msg(o->n_dates == 0, "%s: want no date, got '%s' (%s)", text,
                  o->n_dates ? o->dates[0].text : "", o->n_dates ? o->dates[0].rule : "");
    po_outline_free(o);
}

START_TEST(full_dates_and_offsets)
{
    po_outline *o = run("国务院2021年11月3日召开会议。", "2022-01-01", NULL);
    ck_assert_uint_eq(o->n_dates, 1);
    const po_date *d = &o->dates[0];
    ck_assert_str_eq(d->text, "2021年11月3日");
    ck_assert_str_eq(d->value, "2021-11-03");
    ck_assert_str_eq(d->kind, "day");
    ck_assert(!d->approximate);
    ck_assert_uint_eq(d->start, 3); /* code points, not bytes */
    ck_assert_uint_eq(d->end, 13);
    ck_assert_str_eq(d->rule, "date.ymd");
    po_outline_free(o);
    only("二〇二〇年是决胜之年", "2023-01-01", "二〇二〇年", "2020", "year");
    only("到二〇三五年基本实现", "2023-01-01", "二〇三五年", "2035", "year");
    only("到2025年，基本建成", "2023-01-01", "2025年", "2025", "year");
    only("二〇二二年十二月一日", "2023-01-01", "二〇二二年十二月一日", "2022-12-01", "day");
    only("1945年4月召开", "2023-01-01", "1945年4月", "1945-04", "month");
}
END_TEST

START_TEST(bare_day_goes_to_the_past)
{
    only("国务院总理李克强26日主持召开国务院常务会议", "2022-10-27", "26日", "2022-10-26", "day");
    only("9月工业经济加快恢复", "2022-10-27", "9月", "2022-09", "month");
    only("今年4月份以来", "2022-10-27", "今年4月份", "2022-04", "month");
    /* the same day is not ahead */
    only("国家副主席韩正16日上午出席", "2026-06-16", "16日", "2026-06-16", "day");
}
END_TEST

START_TEST(year_rollover)
{
    only("12月30日，会议在京举行", "2023-01-02", "12月30日", "2022-12-30", "day");
    only("30日，会议在京举行", "2023-01-02", "30日", "2022-12-30", "day");
    only("12月份经济数据", "2023-01-05", "12月份", "2022-12", "month");
    /* a range ending in the next year */
    only("12月30日至1月2日", "2023-01-05", "12月30日至1月2日", "2022-12-30/2023-01-02", "range");
}
END_TEST

START_TEST(ahead_when_the_text_says_so)
{
    /* without a cue a date months ahead is last year's; 将于 makes it ahead */
    only("第138届广交会10月15日开幕", "2025-05-05", "10月15日", "2024-10-15", NULL);
    only("第138届广交会将于10月15日开幕", "2025-05-05", "10月15日", "2025-10-15", NULL);
    only("会议定于1月5日召开", "2023-12-28", "1月5日", "2024-01-05", NULL);
    /* 将于今晚（3月15日）: the reference day itself, not next year */
    po_outline *o = run("晚会将于今晚（3月15日）播出", "2024-03-15", NULL);
    expect(o, "今晚", "2024-03-15");
    expect(o, "3月15日", "2024-03-15");
    po_outline_free(o);
    /* a day a few days ahead (a notice of 12月1日) */
    only("12月6日上午10时举行追悼大会", "2022-12-01", "12月6日", "2022-12-06", NULL);
    /* the end of a span opened in the same sentence is not before its start */
    o = run("上半年征兵2月15日开始，至3月31日结束", "2025-01-15", NULL);
    expect(o, "2月15日", "2025-02-15");
    expect(o, "3月31日", "2025-03-31");
    po_outline_free(o);
    /* 截至 looks back */
    only("截至12月20日，累计完成", "2023-12-10", "12月20日", "2022-12-20", NULL);
    /* next month */
    only("下月起施行", "2023-12-10", "下月", "2024-01", "month");
    /* a date of what was done stays past in a clause about the future */
    only("美方将暂停实施其9月29日公布的措施", "2025-11-05", "9月29日", "2025-09-29", NULL);
}
END_TEST

START_TEST(relative_days)
{
    po_outline *o = run("今天（1月13日），国新办举行发布会。昨天，前日，明天。", "2023-01-13", NULL);
    ck_assert_uint_eq(o->n_dates, 5);
    expect(o, "今天", "2023-01-13");
    expect(o, "1月13日", "2023-01-13");
    ck_assert_uint_eq(o->dates[1].start, 3);
    expect(o, "昨天", "2023-01-12");
    expect(o, "前日", "2023-01-11");
    expect(o, "明天", "2023-01-14");
    for (size_t i = 1; i < o->n_dates; i++)
        ck_assert(o->dates[i - 1].end <= o->dates[i].start); /* reading order */
    po_outline_free(o);
    /* the date in parentheses is the day the word names */
    o = run("从明天（3月26日）零点开始至2023年10月28日", "2023-03-25", NULL);
    expect(o, "明天", "2023-03-26");
    expect(o, "3月26日", "2023-03-26");
    expect(o, "2023年10月28日", "2023-10-28");
    po_outline_free(o);
    /* 当地时间 is not part of the date */
    only("当地时间11月16日上午", "2023-11-17", "11月16日", "2023-11-16", "day");
    /* 当天: the day the sentence is about */
    o = run("12月6日上午举行追悼大会。追悼大会当天，全国下半旗志哀。", "2022-12-01", NULL);
    expect(o, "当天", "2022-12-06");
    po_outline_free(o);
    o = run("12月6日举行追悼大会，次日凌晨返回。", "2022-12-01", NULL);
    expect(o, "次日", "2022-12-07");
    po_outline_free(o);
    none("日本累计实施3次日元汇率干预");
    /* figurative 明天 is not a date */
    none("为“建设可持续的明天”作出贡献");
}
END_TEST

START_TEST(ranges)
{
    only("当地时间11月1日至2日，韩正访问科威特", "2025-11-03", "11月1日至2日",
         "2025-11-01/2025-11-02", "range");
    only("李希14日至17日到湖南调研", "2025-04-17", "14日至17日", "2025-04-14/2025-04-17", "range");
    only("自2023年4月1日至2023年12月31日，继续实施", "2023-03-25", "2023年4月1日至2023年12月31日",
         "2023-04-01/2023-12-31", "range");
    only("3月30日—4月2日举行", "2023-03-25", "3月30日—4月2日", "2023-03-30/2023-04-02", "range");
    only("1至10月，全国规模以上工业", "2025-11-27", "1至10月", "2025-01/2025-10", "range");
    only("2021年至2025年", "2023-01-01", "2021年至2025年", "2021/2025", "range");
}
END_TEST

START_TEST(parts_of_years_and_months)
{
    only("今年前三季度，GDP增长", "2022-10-24", "今年前三季度", "2022-01/2022-09", "range");
    only("前三季度，GDP增长", "2022-10-24", "前三季度", "2022-01/2022-09", "range");
    only("前10个月，双边贸易额达到", "2025-12-04", "前10个月", "2025-01/2025-10", "range");
    only("2022年前11月地方国企实现营业收入", "2023-01-12", "2022年前11月", "2022-01/2022-11", "range");
    /* 前11个月 in January: last year's */
    only("前11个月，全国一般公共预算支出", "2026-01-10", "前11个月", "2025-01/2025-11", "range");
    only("2月下旬，党中央组织", "2025-10-28", "2月下旬", "2025-02-21/2025-02-28", "range");
    only("2月下旬", "2024-10-28", "2月下旬", "2024-02-21/2024-02-29", "range"); /* leap year */
    only("经济运行今年初回升", "2023-02-13", "今年初", "2023-01", "month");
    only("去年上半年", "2023-02-13", "去年上半年", "2022-01/2022-06", "range");
    only("10年前，习近平主席首次", "2023-03-30", "10年前", "2013", "year");
    only("力争年底前完成", "2025-11-28", "年底前", "2025-12", "month");
    /* a bare 全年 / 年末 belongs to the year just named */
    po_outline *o = run("去年在党中央坚强领导下，全年城镇新增就业1200多万人，年末物价涨幅1.8%。"
                        "经济运行去年底企稳、今年初回升。",
                        "2023-02-13", NULL);
    expect(o, "去年", "2022");
    expect(o, "全年", "2022");
    expect(o, "年末", "2022-12");
    expect(o, "去年底", "2022-12");
    expect(o, "今年初", "2023-01");
    ck_assert(find(o, "年末", 0)->approximate);
    po_outline_free(o);
    o = run("今年是关键之年，明年是开局之年，去年GDP增长", "2022-12-07", NULL);
    expect(o, "今年", "2022");
    expect(o, "明年", "2023");
    expect(o, "去年", "2021");
    po_outline_free(o);
}
END_TEST

START_TEST(periods)
{
    only("“十四五”时期是第一个五年", "2025-10-28", "“十四五”时期", "2021/2025", "period");
    only("谋划“十五五”时期发展", "2025-10-28", "“十五五”时期", "2026/2030", "period");
    only("携手‘十五五’向新向未来", "2026-06-16", "‘十五五’", "2026/2030", "period");
    only("“十三五”期间", "2025-10-28", "“十三五”期间", "2016/2020", "period");
    none("研究制定“十五五”规划");
    none("党的二十届四中全会研究“十五五”规划建议");
}
END_TEST

START_TEST(vague_words_are_relative)
{
    po_outline *o = run("国务院日前印发通知。近日，重庆出台方案。", "2024-02-03", NULL);
    expect(o, "日前", "2024-02-03");
    expect(o, "近日", "2024-02-03");
    ck_assert_str_eq(find(o, "日前", 0)->kind, "relative");
    ck_assert(find(o, "日前", 0)->approximate);
    po_outline_free(o);
    /* not 节日前, 目前 */
    none("春节假日前夕");
}
END_TEST

START_TEST(no_reference_day)
{
    po_outline *o = run("今天，26日，今年，3月5日，2021年11月3日，“十四五”时期，10年前。", NULL, NULL);
    expect(o, "今天", NULL);
    expect(o, "26日", NULL);
    expect(o, "今年", NULL);
    expect(o, "3月5日", NULL);
    expect(o, "10年前", NULL);
    expect(o, "2021年11月3日", "2021-11-03");
    expect(o, "“十四五”时期", "2021/2025");
    ck_assert_str_eq(find(o, "今天", 0)->kind, "day");
    po_outline_free(o);
    /* what the text itself fixes still resolves: the year named before */
    o = run("2023年3月1日开幕，3月5日闭幕。", NULL, NULL);
    expect(o, "3月5日", "2023-03-05");
    po_outline_free(o);
}
END_TEST

START_TEST(publication_day_and_override)
{
    /* without --reference-date the publication day is the reference */
    po_outline *o = run("李克强26日主持召开会议", NULL, "2022-10-27");
    expect(o, "26日", "2022-10-26");
    po_outline_free(o);
    o = run("李克强26日主持召开会议", NULL, "2022-10-27T09:21:43Z");
    expect(o, "26日", "2022-10-26");
    po_outline_free(o);
    /* --reference-date wins over it */
    o = run("李克强26日主持召开会议", "2023-01-02", "2022-10-27");
    expect(o, "26日", "2022-12-26");
    po_outline_free(o);
}
END_TEST

START_TEST(traditional_script)
{
    po_outline *o = run("當地時間11月16日，今年，去年，前10個月，“十四五”時期。追悼大會當天。", "2023-11-17",
                        NULL);
    ck_assert(find(o, "當地時間11月16日", 0) == NULL);
    expect(o, "11月16日", "2023-11-16");
    expect(o, "今年", "2023");
    expect(o, "去年", "2022");
    expect(o, "前10個月", "2023-01/2023-10");
    expect(o, "“十四五”時期", "2021/2025");
    expect(o, "當天", "2023-11-16");
    po_outline_free(o);
    none("研究制定“十五五”規劃");
}
END_TEST

START_TEST(not_dates)
{
    none("三年来，10个月，五年来，过去五年");
    none("上午9时30分");
    none("第十四届全国人大，党的二十大");
    none("春节、国庆期间");
    none("他年满80岁");
    none("印发《2024-2030年行动方案》");
    none("博鳌亚洲论坛2023年年会开幕");
    none("2022年世界互联网大会乌镇峰会");
    none("执行2023年夏秋航季航班计划");
    none("落实联合国2030年可持续发展议程");
    none("30日内完成整改，3日游");
    none("目前天然气供应充足，当前日本");
    none("投产后年产值可达");
    /* a year used as a time inside an otherwise similar sentence still counts */
    only("2024年计划完成造林", "2025-01-01", "2024年", "2024", "year");
    only("关于2022年全国政协协商议政质量评价工作情况的汇报", "2023-03-01", "2022年", "2022", "year");
}
END_TEST

/* 2025年全年: the year alone names the date (shortest span), so 2025年 and
 * 全年 are two expressions, 全年 of the year just before it even when that
 * year is a comparison (比上年全年), without making it the article's year. */
START_TEST(whole_year_after_a_year)
{
    po_outline *o = run("2025年全年全社会用电量达到103682亿千瓦时，是我国2015年全年用电量的约2倍。",
                        "2026-01-17", NULL);
    ck_assert_uint_eq(o->n_dates, 4);
    expect(o, "2025年", "2025");
    expect_at(o, "全年", 0, "2025");
    expect(o, "2015年", "2015");
    expect_at(o, "全年", 1, "2015");
    ck_assert_str_eq(find(o, "全年", 0)->kind, "year");
    ck_assert(find(o, "2025年全年", 0) == NULL);
    po_outline_free(o);
    o = run("居民收入增长5.8%，也比上年全年明显加快。\n从全年看，经济将持续恢复。", "2023-07-17", NULL);
    expect(o, "上年", "2022");
    expect_at(o, "全年", 0, "2022");
    expect_at(o, "全年", 1, "2023");
    po_outline_free(o);
    /* the other parts stay one expression */
    only("去年上半年", "2023-02-13", "去年上半年", "2022-01/2022-06", "range");
}
END_TEST

/* A year before an edition (首届, 第二届) says when it was held; a year
 * inside the name itself is no date. */
START_TEST(year_before_an_edition_is_a_time)
{
    only("李强表示，2018年首届大会召开时，习近平主席专门发来贺信", "2024-07-04", "2018年", "2018",
         "year");
    only("自1982年第9届亚运会以来", "2023-10-08", "1982年", "1982", "year");
    only("“国际茶日”于2019年第74届联合国大会宣布设立", "2024-05-22", "2019年", "2019", "year");
    /* with its edition the year may still be part of the name */
    none("2025年第九届亚洲冬季运动会口号、会徽和吉祥物正式发布");
    none("博鳌亚洲论坛2023年年会开幕");
    none("2022年世界互联网大会乌镇峰会");
    none("执行2023年夏秋航季航班计划");
}
END_TEST

/* 当天 with no day named before it: the day the report names later (its
 * visit), not the publication day; a day named before, however far, wins. */
START_TEST(same_day_named_later)
{
    po_outline *o = run("欢迎仪式后，李克强同洪森举行会谈。\n当天，李克强向柬独立纪念碑献花圈。\n"
                        "肖捷参加上述活动。\n9日下午，李克强夫人程虹会见了柬埔寨太后。",
                        "2022-11-10", NULL);
    expect(o, "当天", "2022-11-09");
    ck_assert(!find(o, "当天", 0)->approximate);
    po_outline_free(o);
    /* nothing named later: the reference day, approximate */
    o = run("当天，李克强向柬独立纪念碑献花圈。", "2022-11-10", NULL);
    expect(o, "当天", "2022-11-10");
    ck_assert(find(o, "当天", 0)->approximate);
    po_outline_free(o);
    /* a day after the reference day is the next event, not this one */
    o = run("当天，代表团抵达。\n会议将于12日举行。", "2022-11-10", NULL);
    expect(o, "当天", "2022-11-10");
    po_outline_free(o);
    /* a day named paragraphs before is still the day of the report */
    o = run("14日，习近平致贺信。\n贺信说，两国友好。\n双方合作成果丰硕。\n同日，李强也致贺信。",
            "2024-01-15", NULL);
    expect(o, "同日", "2024-01-14");
    po_outline_free(o);
    /* not past a sub-heading: the next item of a roundup */
    o = run("埃及生态园开园。总统出席当天的开园仪式。\n俄称摧毁美制坦克\n俄罗斯国防部3日称，俄军摧毁坦克。",
            "2024-05-04", NULL);
    expect(o, "当天", "2024-05-04");
    po_outline_free(o);
    /* nor when a 日前 before it in the paragraph is the day it means */
    o = run("埃及生态园日前开园，总统出席当天的开园仪式。\n3日，俄罗斯国防部称，俄军摧毁坦克。", "2024-05-04",
            NULL);
    expect(o, "当天", "2024-05-04");
    po_outline_free(o);
    /* the parenthesised day after it */
    o = run("当天（当地时间10月13日），国务院总理李强抵达", "2024-10-14", NULL);
    expect(o, "当天", "2024-10-13");
    po_outline_free(o);
}
END_TEST

/* 年内, 当年, 同年, 次年, 本周, 上周, 下周. */
START_TEST(years_and_weeks_in_context)
{
    only("推动重大项目加快建设，年内形成更多实物工作量", "2022-11-23", "年内", "2022", "year");
    po_outline *o = run("2023年将继续提升审查质量效率，年内发明专利审查周期压减到16个月", "2024-01-10", NULL);
    expect(o, "年内", "2023");
    po_outline_free(o);
    none("近年内，三年内完成");
    /* a year named before in the sentence or paragraph */
    o = run("习近平主席2016年成功访问柬埔寨，当年两国贸易额增长。", "2022-11-10", NULL);
    expect(o, "当年", "2016");
    po_outline_free(o);
    o = run("该法于1984年5月经六届全国人大二次会议通过，同年10月1日起施行。", "2024-07-04", NULL);
    expect(o, "同年10月1日", "1984-10-01");
    ck_assert_str_eq(find(o, "同年10月1日", 0)->kind, "day");
    po_outline_free(o);
    o = run("1950年11月，杨根思牺牲。次年，志愿军总部追授他特级英雄称号。", "2023-10-25", NULL);
    expect(o, "次年", "1951");
    po_outline_free(o);
    o = run("2018年，习近平来到这里。当年底，科技城开始筹建。", "2023-02-20", NULL);
    expect(o, "年底", "2018-12");
    po_outline_free(o);
    /* 当年 "back then", 不同年龄, 本次年会: no year to go by, or no date */
    none("当年的小树苗如今已长成大树");
    none("满足不同年龄观众的需求，本次年会以重建信任为主题");
    none("他相当年轻");
    /* weeks: Monday to Sunday of the reference day's ISO week */
    only("英国铁路工人本周举行新一轮罢工", "2023-01-05", "本周", "2023-01-02/2023-01-08", "range");
    only("世界气象组织称上周为有记录来最热一周", "2023-07-11", "上周", "2023-07-03/2023-07-09", "range");
    only("美国政府下周将宣布新一批援助", "2023-02-19", "下周", "2023-02-20/2023-02-26", "range");
    none("日本周增新冠确诊病例，本周期内，上周末");
    /* lunar dates are not calendar dates */
    none("大年初一，农历正月初五");
}
END_TEST

/* A month before a comma opens the clause it times (4月，…将落地); an event
 * verb in the future anywhere later in the clause puts the date ahead. */
START_TEST(future_cues_later_in_the_clause)
{
    po_outline *o = run("今年3月，第九批药品集采也将落地实施。4月，第四批耗材集采将落地。", "2024-01-06", NULL);
    expect(o, "今年3月", "2024-03");
    expect(o, "4月", "2024-04");
    po_outline_free(o);
    only("6月至7月，执法检查组将赴北京、上海", "2026-06-05", "6月至7月", "2026-06/2026-07", "range");
    only("10月15日在广州琶洲国际会展中心将举行第138届广交会", "2025-05-05", "10月15日", "2025-10-15",
         NULL);
    only("10月15日在广州琶洲国际会展中心拟于上午举行开幕式", "2025-05-05", "10月15日", "2025-10-15", NULL);
    /* a day before a comma: yesterday's decision about what will be */
    only("24日，国家防总将针对福建、浙江两省启动应急响应", "2024-07-25", "24日", "2024-07-24", NULL);
    only("30日，缅方决定将到案的犯罪嫌疑人移交我方", "2024-01-31", "30日", "2024-01-30", NULL);
    /* 将领, 上将 are no future */
    only("3日是伊朗前高级将领苏莱马尼遇袭身亡4周年", "2024-01-04", "3日", "2024-01-03", NULL);
    only("“戈洛夫科海军上将”号护卫舰1日经巴伦支海前往大西洋", "2024-11-03", "1日", "2024-11-01", NULL);
}
END_TEST

/* Years inside the names of adopted documents, and a quarter inside a
 * meeting's name, are no dates; the same words used as a time are. */
START_TEST(years_in_document_names)
{
    none("会议审议通过了政协第十四届全国委员会主席会议2023年学习计划，全国政协2023年视察考察调研安排，"
         "2023年全国政协对外交往工作要点等。");
    none("审议通过了政协常委会学习讲座2023年参考选题。");
    none("印发“2023年数字乡村发展工作要点”");
    only("本次主席会议对全国政协2023年重要工作进行了研究部署", "2023-03-27", "2023年", "2023", "year");
    only("国新办举行新闻发布会，介绍2025年春运形势和工作安排。", "2025-01-08", "2025年", "2025", "year");
    only("特别是达成了2025年后气候资金目标及相关安排", "2024-11-24", "2025年", "2025", "year");
    /* 四季度 in the name of a meeting, and as a time */
    none("李克强主持召开稳经济大盘四季度工作推进会议。");
    only("推动政策在四季度全面落地", "2022-09-28", "四季度", "2022-10/2022-12", "range");
    only("要做好四季度工作，会议要求", "2022-09-28", "四季度", "2022-10/2022-12", "range");
}
END_TEST

START_TEST(overlaps_keep_the_longest)
{
    po_outline *o = run("自2023年4月1日至2023年12月31日", "2023-03-25", NULL);
    ck_assert_uint_eq(o->n_dates, 1);
    ck_assert_str_eq(o->dates[0].rule, "date.range.days");
    po_outline_free(o);
    o = run("今年前三季度", "2022-10-24", NULL);
    ck_assert_uint_eq(o->n_dates, 1);
    po_outline_free(o);
}
END_TEST

/* Every relative year word the patterns accept has an offset: a word added
 * to the lexicon but not to the offsets map would give null values. */
START_TEST(every_relative_year_resolves)
{
    const po_lexicon *lex = po_rules_lexicon_any(po_test_rules(), "date_relative_years");
    ck_assert_ptr_nonnull(lex);
    ck_assert_uint_ge(lex->n_words, 4);
    for (size_t i = 0; i < lex->n_words; i++) {
        char text[64];
        snprintf(text, sizeof text, "，%s，", lex->words[i]);
        po_outline *o = run(text, "2023-06-15", NULL);
        ck_assert_msg(o->n_dates == 1 && o->dates[0].value, "%s does not resolve", lex->words[i]);
        po_outline_free(o);
    }
}
END_TEST

/* A typo in a rule's `resolve` would silently give null values. */
START_TEST(every_date_rule_has_a_known_mode)
{
    static const char *const MODES[] = {"calendar", "range", "relative_day", "relative_month",
                                        "part_of_year", "part_of_month", "quarter",
                                        "quarters_to_date", "months_to_date", "years_ago",
                                        "period", "same_day", "vague", "this_year",
                                        "named_year", "named_year_in_sentence", "relative_week",
                                        "weekday"};
    const po_rules *rules = po_test_rules();
    size_t n = po_rules_count(rules, "date");
    ck_assert_uint_ge(n, 20);
    for (size_t i = 0; i < n; i++) {
        const po_rule *r = po_rules_get(rules, "date", i);
        const char *mode = po_rule_str(r, "resolve", "calendar");
        bool known = false;
        for (size_t k = 0; k < sizeof MODES / sizeof MODES[0]; k++)
            known = known || strcmp(mode, MODES[k]) == 0;
        ck_assert_msg(known, "rule %s: unknown resolve mode %s", r->id, mode);
    }
    ck_assert_uint_ge(po_rules_count(rules, "not_date"), 3);
}
END_TEST

START_TEST(corpus_state_council_meeting)
{
    po_outline *o = po_test_corpus_article("20221027", "李克强主持召开国务院常务会议");
    expect(o, "26日", "2022-10-26");
    expect(o, "今年4月份", "2022-04");
    const po_date *d = find(o, "26日", 0);
    ck_assert_str_eq(d->kind, "day");
    ck_assert_str_eq(d->rule, "date.d");
    /* the offsets point at the text */
    size_t len;
    po_text t;
    ck_assert_int_eq(po_text_init(&t, o->text, strlen(o->text)), 0);
    const char *p = po_text_orig_span(&t, d->start, d->end, &len);
    ck_assert(len == strlen("26日") && memcmp(p, "26日", len) == 0);
    po_text_free(&t);
    po_outline_free(o);
}
END_TEST

START_TEST(corpus_news_roundup)
{
    po_outline *o = po_test_corpus_article("20230325", "国内联播快讯");
    expect(o, "2023年4月1日至2023年12月31日", "2023-04-01/2023-12-31");
    expect(o, "昨天", "2023-03-24");
    expect(o, "3月24日", "2023-03-24");
    expect(o, "明天", "2023-03-26");
    expect(o, "3月26日", "2023-03-26");      /* 3月26日起执行: ahead */
    expect_at(o, "3月26日", 1, "2023-03-26"); /* 明天（3月26日） */
    expect(o, "2022年", "2022");
    /* 2023年夏秋航季航班计划 names a plan */
    for (size_t i = 0; i < o->n_dates; i++)
        ck_assert_str_ne(o->dates[i].text, "2023年");
    po_outline_free(o);
}
END_TEST

/* Forms of government portals, Hong Kong, Macau and Taiwan copy and formal
 * documents, on sentences of the pages in ../shared/corpus/pages. */
START_TEST(chinese_numerals_and_iso)
{
    /* signature dates of documents: 〇, ○, the digit 0 or the letter O */
    only("二〇一一年十月十七日", "2011-10-20", "二〇一一年十月十七日", "2011-10-17", "day");
    only("二0一一年十月十七日", "2011-10-20", "二0一一年十月十七日", "2011-10-17", "day");
    only("二O一一年十月十七日", "2011-10-20", "二O一一年十月十七日", "2011-10-17", "day");
    po_outline *o = run("行政長官李家超將於明日(十二月二十一日)下午至二十四日到北京述職", "2022-12-20", NULL);
    expect(o, "明日", "2022-12-21");
    expect(o, "十二月二十一日", "2022-12-21");
    expect(o, "二十四日", "2022-12-24");
    po_outline_free(o);
    only("政务司司长张建宗将于四月二日下午率领特区政府代表团前往深圳", "2019-03-29", "四月二日", "2019-04-02",
         "day");
    /* a count of days is no date: 十日, 三日 stay out */
    none("会期三日，十日之内完成");
    /* an ISO date in a minutes header */
    only("開會日期\n2021-07-20 09:00:00", "2021-07-20", "2021-07-20", "2021-07-20", "day");
    none("版本1.2021-07");
    /* a report about the year */
    only("审议关于2022年度环境状况和环境保护目标完成情况的报告", "2023-04-15", "2022年度", "2022", "year");
    /* 3月8 with its 日 left out, opening its paragraph */
    only("3月8,县长邹浩主持召开县政府第二次常务会议。", "2020-03-09", "3月8", "2020-03-08", "day");
    none("每股3月8,");
}
END_TEST

START_TEST(taiwan_and_macau_forms)
{
    po_outline *o = run("民國108年2月14日第3640次會議。立法院第9屆第7會期即將於明(15)日開議。", "2019-02-14", NULL);
    expect(o, "民國108年2月14日", "2019-02-14");
    expect(o, "明(15)日", "2019-02-15");
    ck_assert_uint_eq(o->n_dates, 2);
    po_outline_free(o);
    /* without 民國 in Taiwan copy; a three-digit year is never Gregorian here */
    only("宣讀本府110年7月13日第2150次市政會議紀錄。", "2021-07-20", "110年7月13日", "2021-07-13", "day");
    only("《澳門特別行政區公報》今(8)日刊登第01/2025號行政長官批示", "2025-01-08", "今(8)日", "2025-01-08", "day");
    /* the day written wins over a page date a day off */
    only("今(8)日刊登", "2025-01-09", "今(8)日", "2025-01-08", "day");
    only("台東縣議會今舉行新任秘書長布達典禮", "2026-03-06", "今", "2026-03-06", "day");
    none("至今舉行了三次");
    none("如今召開會議");
}
END_TEST

START_TEST(dashes_weeks_and_parts)
{
    only("1997年10月――1998年2月", "2020-01-01", "1997年10月――1998年2月", "1997-10/1998-02", "range");
    only("市一医院于7月30-31日召开2010年上半年工作总结会", "2010-08-01", "7月30-31日", "2010-07-30/2010-07-31",
         "range");
    po_outline *o = run("行政长官林郑月娥将于下周二和周三(22至23日)访问上海及杭州。林郑月娥下周二前往上海。"
                        "翌日，她会与上海市领导会面。林郑月娥下周三晚上返港。",
                        "2017-08-18", NULL);
    expect_at(o, "下周二", 0, "2017-08-22");
    expect(o, "周三", "2017-08-23");
    expect(o, "22至23日", "2017-08-22/2017-08-23");
    expect_at(o, "下周二", 1, "2017-08-22");
    expect(o, "翌日", "2017-08-23");
    expect(o, "下周三", "2017-08-23");
    po_outline_free(o);
    /* 13 (a Tuesday): 上周 is last Monday to Sunday */
    only("我上周主持督導會議", "2023-11-28", "上周", "2023-11-20/2023-11-26", "range");
    /* a weekday as a habit, and the weekday after a date, are no dates */
    none("列车分别于每周一和周五双向对开");
    none("其他月份周一闭馆");
    o = run("2019年3月29日(星期五)", "2019-03-29", NULL);
    ck_assert_uint_eq(o->n_dates, 1);
    po_outline_free(o);
    only("一季度,全国规模以上工业增加值同比增长6.5%", "2019-04-19", "一季度", "2019-01/2019-03", "range");
    only("1-5月份全县完成固定资产投资", "2022-06-15", "1-5月份", "2022-01/2022-05", "range");
    only("上半年所取得的成绩", "2010-08-01", "上半年", "2010-01/2010-06", "range");
    only("下半年工作", "2010-08-01", "下半年", "2010-07/2010-12", "range");
    only("“十五”期间", "2004-04-21", "“十五”期间", "2001/2005", "period");
    only("力争年底前完成", "2019-10-31", "年底前", "2019-12", "month");
    /* the year of its clause wins over a 将 that means 把 */
    o = run("将2019年全球经济增长预期由1月报告中的3.5%下调至3.3%", "2019-04-19", NULL);
    expect(o, "1月", "2019-01");
    po_outline_free(o);
    /* 上 of another word: 网上年货节 */
    none("全国网上年货节启动");
    only("比上年增长8.3%", "2025-02-05", "上年", "2024", "year");
    /* a year's plans are no plan's name */
    o = run("会议研究讨论了市人大常委会2011年各项工作计划安排", "2011-03-04", NULL);
    expect(o, "2011年", "2011");
    po_outline_free(o);
}
END_TEST

/* Analyse a text whose metadata gives the day `published` (NULL: none,
 * then it is read from the article) and the address url (or NULL). */
static po_outline *run_article(const char *text, const char *url, const char *published)
{
    return run_url(text, NULL, published, url);
}

static void expect_published(const po_outline *o, const char *day, const char *from)
{
    if (!day) {
        ck_assert_msg(o->meta.published == NULL, "want no publication day, got %s (%s)", o->meta.published,
                      o->meta.published_from);
        ck_assert_ptr_null(o->meta.published_from);
        return;
    }
    ck_assert_msg(o->meta.published && strcmp(o->meta.published, day) == 0, "published: want %s, got %s", day,
                  o->meta.published ? o->meta.published : "null");
    ck_assert_msg(o->meta.published_from && strcmp(o->meta.published_from, from) == 0,
                  "published_from: want %s, got %s", from, o->meta.published_from ? o->meta.published_from : "null");
}

/* Each place a reader finds the day of a page whose metadata has none, on
 * lines of the pages in ../shared/corpus/pages. */
START_TEST(publication_day_from_the_article)
{
    static const struct {
        const char *text, *url, *day, *from;
    } ONLY[] = {
        {"来源:徽商集团网 时间:2019-10-31 浏览量:28509\n力争年底前完成。", NULL, "2019-10-31", "date-line"},
        {"19.05.2018 01:33\n上海市局党组召开会议。", NULL, "2018-05-19", "date-line"},
        {"会议召开。", "https://news.gmw.cn/2023-04/15/content_36498193.htm", "2023-04-15", "url"},
        {"特此通知。\n二0一一年十月十七日", NULL, "2011-10-17", "signature"},
        /* a meeting notice's 时间 is the meeting's, not the page's */
        {"会议时间：2024年5月10日 9:30\n时间：2024年5月10日上午\n地点：县政府三楼会议室", NULL, NULL, NULL},
    };
    for (size_t i = 0; i < sizeof ONLY / sizeof ONLY[0]; i++) {
        po_outline *o = run_article(ONLY[i].text, ONLY[i].url, NULL);
        expect_published(o, ONLY[i].day, ONLY[i].from);
        po_outline_free(o);
    }
    /* the information table of a portal */
    po_outline *o = run_article("发文日期: 2022-03-07 | 发布部门: 学校办公室\n2022年3月4日下午,学校召开校长办公会。",
                                NULL, NULL);
    expect_published(o, "2022-03-07", "info-table");
    expect(o, "2022年3月4日", "2022-03-04");
    po_outline_free(o);
    o = run_article("日期:108-02-14 資料來源:綜合業務處\n立法院即將於明(15)日開議。", NULL, NULL);
    expect_published(o, "2019-02-14", "info-table");
    expect(o, "明(15)日", "2019-02-15");
    po_outline_free(o);
    /* a date line, labelled or with its hour */
    o = run_article("时间:2024-04-25 19:35 来源: 兴县新闻网\n4月18日,县长梁文壮主持召开县政府常务会议。", NULL, NULL);
    expect_published(o, "2024-04-25", "date-line");
    expect(o, "4月18日", "2024-04-18");
    po_outline_free(o);
    o = run_article("林郑下周访上海杭州两日\n2017-08-18 15:09\n行政长官林郑月娥将于下周二和周三(22至23日)访问上海。",
                    NULL, NULL);
    expect_published(o, "2017-08-18", "date-line");
    expect(o, "下周二", "2017-08-22");
    po_outline_free(o);
    o = run_article("澳門日報 電子版\n2024年03月08日 第A11版:澳聞\n澳區人大代表團小組會今日如約而至。\n(北京七日電)", NULL,
                    NULL);
    expect_published(o, "2024-03-08", "date-line");
    expect(o, "今日", "2024-03-07"); /* the dateline's day */
    po_outline_free(o);
    o = run_article("新华社北京4月14日电 委员长会议14日下午在北京举行。\n《光明日报》( 2023年04月15日 02版)", NULL, NULL);
    expect_published(o, "2023-04-15", "date-line");
    expect(o, "14日", "2023-04-14");
    po_outline_free(o);
    /* the page's address */
    o = run_article("3月3日,市十五届人大常委会举行第三十二次主任会议。", "http://aq365.com/html/201103/04/2230.html", NULL);
    expect_published(o, "2011-03-04", "url");
    expect(o, "3月3日", "2011-03-03");
    po_outline_free(o);
    o = run_article("今天下午,十三届全国人大常委会第二十四次会议通过决定。",
                    "http://news.sdnews.com.cn/gn/202012/t20201226_2843871.html", NULL);
    expect_published(o, "2020-12-26", "url");
    expect(o, "今天", "2020-12-26");
    po_outline_free(o);
    /* the signature at the foot of a document */
    o = run_article("今年要完成改造任务。特此通知。\n县人民政府办公室\n二〇一一年十月十七日", NULL, NULL);
    expect_published(o, "2011-10-17", "signature");
    expect(o, "今年", "2011");
    po_outline_free(o);
    o = run_article("行政長官李家超將於明日(十二月二十一日)下午至二十四日到北京述職。\n2022年12月20日(星期二)\n香港時間10時30分",
                    NULL, NULL);
    expect_published(o, "2022-12-20", "signature");
    expect(o, "二十四日", "2022-12-24");
    po_outline_free(o);
    /* a dateline without its year gives no day of its own */
    o = run_article("(中央社記者唐佩君台北29日電)準總統蔡英文今天下午赴外交部聽取簡報。", NULL, NULL);
    expect_published(o, NULL, NULL);
    expect(o, "今天", NULL);
    po_outline_free(o);
}
END_TEST

/* Forms of the pages in tests/pagekeys: 今早, weekdays made one day by the
 * words around them, months and days in Chinese numerals, and the
 * publication day in more addresses and in a heading of the Republic. */
START_TEST(other_sources_forms)
{
    only("立法會今早舉行首次內部工作交流會", "2026-01-12", "今早", "2026-01-12", "day");
    /* 22 (a Thursday): 在週一, 週一下午; not a bare 週二 of a habit */
    po_outline *o = run("院長在週一也突然取消行程,院長在週一下午也取消公開行程", "2025-12-11", NULL);
    expect_at(o, "週一", 0, "2025-12-08");
    expect_at(o, "週一", 1, "2025-12-08");
    po_outline_free(o);
    only("星期三將舉行本屆立法會首次會議", "2026-01-12", "星期三", "2026-01-14", "day");
    none("其他月份周一闭馆");
    /* 29: a month's part in Chinese numerals, ahead of a day named before it */
    o = run("運動會預定一月二十七日上午舉行開幕式,代表苗栗縣於四月下旬與五月中旬期間參賽", "2026-01-13", NULL);
    expect(o, "一月二十七日", "2026-01-27");
    expect(o, "四月下旬", "2026-04-21/2026-04-30");
    expect(o, "五月中旬", "2026-05-11/2026-05-20");
    po_outline_free(o);
    /* 20, 33: ranges of days in Chinese numerals */
    only("高雄縣議會自二十七日到三十一日召開臨時會", "2006-03-21", "二十七日到三十一日", "2006-03-27/2006-03-31",
         "range");
    only("行政長官於三月十二日至十五日訪問北京", "2017-03-09", "三月十二日至十五日", "2017-03-12/2017-03-15",
         "range");
    /* the publication day: 01, 04, 05, 06, 14, 19 (address), 24 (heading) */
    static const struct {
        const char *url, *day;
    } URLS[] = {
        {"https://cgj.changzhou.gov.cn/html/cgj/2019/BKAFIFKJ_0111/19848.html", "2019-01-11"},
        {"https://www.walre.com/cq/news/2017/1215/52469.html", "2017-12-15"},
        {"http://www.aqyx.gov.cn/html/2012/dlsz_1217/3482.html", "2012-12-17"},
        {"https://zqllxw.com/html/jlzhxzlf2018-06-2976282.html", "2018-06-29"},
        {"http://213.239.211.229/article/03-03-2025/133962", "2025-03-03"},
        {"https://metroradio.com.hk/News/details.aspx?NewsId=20260112161440", "2026-01-12"},
    };
    for (size_t i = 0; i < sizeof URLS / sizeof URLS[0]; i++) {
        o = run_article("7月5日上午,大龙山镇召开动员会。", URLS[i].url, NULL);
        expect_published(o, URLS[i].day, "url");
        po_outline_free(o);
    }
    /* pagekeys 09: 今天 with its day written, on a page of the day after,
     * is the day written, as after a dateline */
    o = run_article("今天(1月26日)下午,省政协十一届一次会议举行省情介绍会。昨天召开预备会议。", NULL, "2013-01-27");
    expect(o, "今天", "2013-01-26");
    expect(o, "1月26日", "2013-01-26");
    expect(o, "昨天", "2013-01-25");
    po_outline_free(o);
    /* pages 09: a release that sets every character apart */
    o = run("回 應 傳 媒 查 詢 , 就 鄭 家 富 議 員 今 天 ( 四 月 二 十 一 日 ) 在 立 法 會 的 評 論 。"
            "「 行 政 長 官 在 一 月 七 日 的 施 政 報 告 宣 布 成 立 政 制 發 展 專 責 小 組 。\n"
            "二 ○ ○ 四 年 四 月 二 十 一 日 ( 星 期 三 )",
            NULL, "2004-04-21");
    expect(o, "今 天", "2004-04-21");
    expect(o, "四 月 二 十 一 日", "2004-04-21");
    expect(o, "一 月 七 日", "2004-01-07");
    expect(o, "二 ○ ○ 四 年 四 月 二 十 一 日", "2004-04-21");
    ck_assert_uint_eq(o->n_dates, 4);
    po_outline_free(o);
    o = run_article("院長提示:\n民國113年6月6日第3907次會議\n一、我在新內閣第一次院會上即期許全體公務人員。", NULL, NULL);
    expect_published(o, "2024-06-06", "date-line");
    po_outline_free(o);
}
END_TEST

START_TEST(metadata_first_and_the_dateline_day)
{
    /* the metadata's day stays, whatever the article says */
    po_outline *o = run_article("时间:2024-04-26 08:00\n会议召开。", NULL, "2024-04-25");
    expect_published(o, "2024-04-25", "metadata");
    po_outline_free(o);
    /* a paper of 9月23日 and a dispatch of the 22nd: 今天 is the 22nd */
    o = run_article("新华社北京9月22日电 全国人大常委会委员长万里今天上午在人民大会堂会见了日本客人。", NULL, "1990-09-23");
    expect_published(o, "1990-09-23", "metadata");
    expect(o, "今天", "1990-09-22");
    expect(o, "9月22日", "1990-09-22");
    po_outline_free(o);
    /* --reference-date is what the user asked for */
    o = run("新华社北京9月22日电 万里今天上午会见了日本客人。", "1990-09-25", "1990-09-23");
    expect(o, "今天", "1990-09-25");
    po_outline_free(o);
    /* 电话, 电视 and a telegram are no datelines */
    o = run_article("习近平5日电贺。\n3月5日电视电话会议召开，今天部署。", NULL, "2024-03-08");
    expect(o, "今天", "2024-03-08");
    po_outline_free(o);
}
END_TEST

/* The held-out cases in their articles. */
START_TEST(corpus_visit_and_documents)
{
    po_outline *o = po_test_corpus_article("20221110", "李克强同柬埔寨首相举行会谈");
    expect(o, "当天", "2022-11-09");
    expect(o, "9日", "2022-11-09");
    po_outline_free(o);
    o = po_test_corpus_article("20230327", "王沪宁主持召开全国政协第三次主席会议");
    expect(o, "2023年", "2023");
    ck_assert(find(o, "2023年", 1) == NULL);
    po_outline_free(o);
    o = po_test_corpus_article("20220928", "稳经济大盘四季度工作推进会议");
    expect(o, "四季度", "2022-10/2022-12");
    ck_assert(find(o, "四季度", 1) == NULL);
    po_outline_free(o);
    o = po_test_corpus_article("20260117", "2025年全社会用电量突破10万亿千瓦时");
    expect_at(o, "全年", 0, "2025"); /* 2025年我国全年 */
    expect_at(o, "全年", 1, "2025");
    expect_at(o, "全年", 2, "2015");
    po_outline_free(o);
}
END_TEST

START_TEST(corpus_plan_explanation)
{
    po_outline *o = po_test_corpus_article("20251028", "第十五个五年规划的建议》的说明");
    expect(o, "今年1月", "2025-01");
    expect(o, "1月22日", "2025-01-22");
    expect(o, "2月下旬", "2025-02-21/2025-02-28");
    expect(o, "“十四五”时期", "2021/2025");
    expect(o, "“十五五”时期", "2026/2030");
    expect(o, "2035年", "2035");
    po_outline_free(o);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("dates");
    TCase *tc = tcase_create("forms");
    tcase_add_test(tc, full_dates_and_offsets);
    tcase_add_test(tc, bare_day_goes_to_the_past);
    tcase_add_test(tc, year_rollover);
    tcase_add_test(tc, ahead_when_the_text_says_so);
    tcase_add_test(tc, relative_days);
    tcase_add_test(tc, ranges);
    tcase_add_test(tc, parts_of_years_and_months);
    tcase_add_test(tc, periods);
    tcase_add_test(tc, vague_words_are_relative);
    tcase_add_test(tc, no_reference_day);
    tcase_add_test(tc, publication_day_and_override);
    tcase_add_test(tc, traditional_script);
    tcase_add_test(tc, not_dates);
    tcase_add_test(tc, whole_year_after_a_year);
    tcase_add_test(tc, year_before_an_edition_is_a_time);
    tcase_add_test(tc, same_day_named_later);
    tcase_add_test(tc, years_and_weeks_in_context);
    tcase_add_test(tc, future_cues_later_in_the_clause);
    tcase_add_test(tc, years_in_document_names);
    tcase_add_test(tc, overlaps_keep_the_longest);
    tcase_add_test(tc, every_relative_year_resolves);
    tcase_add_test(tc, every_date_rule_has_a_known_mode);
    tcase_add_test(tc, chinese_numerals_and_iso);
    tcase_add_test(tc, taiwan_and_macau_forms);
    tcase_add_test(tc, dashes_weeks_and_parts);
    tcase_add_test(tc, publication_day_from_the_article);
    tcase_add_test(tc, metadata_first_and_the_dateline_day);
    tcase_add_test(tc, other_sources_forms);
    suite_add_tcase(s, tc);
    TCase *corpus = tcase_create("corpus");
    tcase_add_test(corpus, corpus_state_council_meeting);
    tcase_add_test(corpus, corpus_news_roundup);
    tcase_add_test(corpus, corpus_plan_explanation);
    tcase_add_test(corpus, corpus_visit_and_documents);
    suite_add_tcase(s, corpus);
    return po_test_run(s);
}
