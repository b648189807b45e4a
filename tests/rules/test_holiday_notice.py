"""Reading 《国务院办公厅关于20XX年部分节假日安排的通知》 into calendar overrides (DOMAIN.md 7.2)."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.rules.calendar import DayKind, HolidaySpan, WorkingCalendar, default_calendar
from gongkai.rules.holiday_notice import (
    HolidayNotice,
    HolidayNoticeError,
    apply_notice,
    notice_holiday_names,
    notice_overrides,
    parse_holiday_notice,
)

D = date.fromisoformat

# Reconstructed from the notice published 2025-11-04 (DOMAIN.md 7.2), with gov.cn page furniture.
NOTICE_2026 = """\
首页 > 政策 > 最新
国务院办公厅关于2026年部分节假日安排的通知
【字体：大 中 小】打印
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
　　一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
　　二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
　　三、清明节：4月4日（周六）至6日（周一）放假，共3天。
　　四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
　　五、端午节：6月19日（周五）至21日（周日）放假，共3天。
　　六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
　　七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
　　节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2025年11月4日
【我要纠错】 责任编辑：
上一篇：国务院办公厅关于2025年部分节假日安排的通知
扫一扫在手机打开当前页
"""

# Reconstructed from the notice published 2024-11-12 (DOMAIN.md 7.2).
NOTICE_2025 = """\
国务院办公厅关于2025年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　根据《国务院关于修改〈全国年节及纪念日放假办法〉的决定》，为便于各地区、各部门及早合理安排节假日旅游、交通运输、生产经营等有关工作，经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
　　一、元旦：1月1日（周三）放假1天，不调休。
　　二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
　　三、清明节：4月4日（周五）至6日（周日）放假，共3天。
　　四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
　　五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
　　六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
　　节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2024年11月12日
"""

# The older wording: 星期, "与周末连休", "补休", a merged 中秋节、国庆节 item.
NOTICE_2017 = """\
国务院办公厅关于2017年部分节假日安排的通知
经国务院批准，现将2017年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日放假，1月2日（星期一）补休。
二、春节：1月27日至2月2日放假调休，共7天。1月22日（星期日）、2月4日（星期六）上班。
三、清明节：4月2日至4日放假调休，共3天。4月1日（星期六）上班。
四、劳动节：5月1日放假，与周末连休。
五、端午节：5月28日至30日放假调休，共3天。5月27日（星期六）上班。
六、中秋节、国庆节：10月1日至8日放假调休，共8天。9月30日（星期六）上班。
"""

# The 2019 yearly notice: its 元旦 break starts in 2018 and is written with years.
NOTICE_2019 = """\
国务院办公厅关于2019年部分节假日安排的通知
经国务院批准，现将2019年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。
二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。
三、清明节：4月5日放假，与周末连休。
四、劳动节：5月1日放假。
五、端午节：6月7日放假，与周末连休。
六、中秋节：9月13日放假，与周末连休。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
"""

# The amending notice of 2019-03-22: its item names no holiday, the title does.
NOTICE_2019_LABOUR_DAY = """\
国务院办公厅关于调整2019年劳动节假期安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将调整2019年劳动节放假安排通知如下。
一、2019年5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）上班。
二、各地区、各部门要抓紧做好本地区、本领域的劳动节假期调整落实工作，采取有效措施，保障交通运力。
三、劳动节期间，要妥善安排好值班和安全、保卫等工作。
国务院办公厅
2019年3月22日
"""

# Synthetic: NOT the official 2027 schedule (unpublished when this was written). Weekdays are real.
NOTICE_2027 = """\
国务院办公厅关于2027年部分节假日安排的通知
国办发明电〔2026〕99号
经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天。2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日（周三）放假，共1天。
六、中秋节：9月15日（周三）放假，共1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
国务院办公厅
2026年11月20日
"""


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=k) for k in range((last - first).days + 1)]


def _package_disagreements(notices: list[HolidayNotice], first: date, last: date) -> list[date]:
    """Days where the notices, applied with no library, differ from chinesecalendar."""
    calendar = WorkingCalendar(use_package=False)
    for notice in notices:
        calendar = apply_notice(calendar, notice)
    return [
        day
        for day in _days(first, last)
        if calendar.is_workday(day) != chinese_calendar.is_workday(day)
    ]


def _package_makeups(year: int) -> list[date]:
    return sorted(day for day in chinese_calendar.workdays if day.year == year)


# --- real notices ---------------------------------------------------------------------------


def test_it_reads_the_2026_notice() -> None:
    notice = parse_holiday_notice(NOTICE_2026)
    assert notice.year == 2026
    assert notice.holidays == (
        HolidaySpan("元旦", D("2026-01-01"), D("2026-01-03")),
        HolidaySpan("春节", D("2026-02-15"), D("2026-02-23")),
        HolidaySpan("清明节", D("2026-04-04"), D("2026-04-06")),
        HolidaySpan("劳动节", D("2026-05-01"), D("2026-05-05")),
        HolidaySpan("端午节", D("2026-06-19"), D("2026-06-21")),
        HolidaySpan("中秋节", D("2026-09-25"), D("2026-09-27")),
        HolidaySpan("国庆节", D("2026-10-01"), D("2026-10-07")),
    )
    assert [day.isoformat() for day in notice.makeup_workdays] == [
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-05-09",
        "2026-09-20",
        "2026-10-10",
    ]
    assert notice.warnings == ()


def test_it_reads_the_2025_notice() -> None:
    notice = parse_holiday_notice(NOTICE_2025)
    assert notice.year == 2025
    assert notice.holidays == (
        HolidaySpan("元旦", D("2025-01-01"), D("2025-01-01")),
        HolidaySpan("春节", D("2025-01-28"), D("2025-02-04")),
        HolidaySpan("清明节", D("2025-04-04"), D("2025-04-06")),
        HolidaySpan("劳动节", D("2025-05-01"), D("2025-05-05")),
        HolidaySpan("端午节", D("2025-05-31"), D("2025-06-02")),
        HolidaySpan("国庆节、中秋节", D("2025-10-01"), D("2025-10-08")),
    )
    assert [day.isoformat() for day in notice.makeup_workdays] == [
        "2025-01-26",
        "2025-02-08",
        "2025-04-27",
        "2025-09-28",
        "2025-10-11",
    ]
    assert notice.warnings == ()


@pytest.mark.parametrize(("text", "year"), [(NOTICE_2025, 2025), (NOTICE_2026, 2026)])
def test_it_matches_chinesecalendar_day_for_day(text: str, year: int) -> None:
    notice = parse_holiday_notice(text)
    assert [day for day in notice.rest_days() if chinese_calendar.is_workday(day)] == []
    assert list(notice.makeup_workdays) == _package_makeups(year)
    assert _package_disagreements([notice], D(f"{year}-01-01"), D(f"{year}-12-31")) == []


def test_it_reads_the_older_wording_of_2017() -> None:
    notice = parse_holiday_notice(NOTICE_2017)
    assert notice.holidays[0:2] == (
        HolidaySpan("元旦", D("2017-01-01"), D("2017-01-01")),
        HolidaySpan("元旦", D("2017-01-02"), D("2017-01-02")),  # 补休
    )
    assert HolidaySpan("劳动节", D("2017-05-01"), D("2017-05-01")) in notice.holidays
    assert HolidaySpan("中秋节、国庆节", D("2017-10-01"), D("2017-10-08")) in notice.holidays
    assert list(notice.makeup_workdays) == _package_makeups(2017)
    assert notice.warnings == ()
    assert _package_disagreements([notice], D("2017-01-01"), D("2017-12-31")) == []


def test_it_reads_a_new_years_break_that_starts_in_the_previous_year() -> None:
    notice = parse_holiday_notice(NOTICE_2019)
    assert notice.holidays[0] == HolidaySpan("元旦", D("2018-12-30"), D("2019-01-01"))
    assert notice.makeup_workdays[0] == D("2018-12-29")
    assert notice.warnings == ()


def test_it_puts_december_dates_of_new_years_day_in_the_previous_year_when_unwritten() -> None:
    text = NOTICE_2019.replace("2018年12月30日至2019年1月1日", "12月30日至1月1日").replace(
        "2018年12月29日", "12月29日"
    )
    notice = parse_holiday_notice(text)
    assert notice.holidays[0] == HolidaySpan("元旦", D("2018-12-30"), D("2019-01-01"))
    assert notice.makeup_workdays[0] == D("2018-12-29")
    assert notice.warnings == ()


def test_it_reads_an_amending_notice_and_lets_it_win() -> None:
    amendment = parse_holiday_notice(NOTICE_2019_LABOUR_DAY)
    assert amendment.year == 2019
    assert amendment.holidays == (HolidaySpan("劳动节", D("2019-05-01"), D("2019-05-04")),)
    assert amendment.makeup_workdays == (D("2019-04-28"), D("2019-05-05"))
    yearly = parse_holiday_notice(NOTICE_2019)
    # The yearly notice alone disagrees with the package (which follows the amendment) ...
    assert _package_disagreements([yearly], D("2019-01-01"), D("2019-12-31")) == [
        D("2019-04-28"),
        D("2019-05-02"),
        D("2019-05-03"),
        D("2019-05-05"),
    ]
    # ... and both, applied in publication order, agree with it on every day.
    both = [yearly, amendment]
    assert _package_disagreements(both, D("2018-12-29"), D("2019-12-31")) == []


# --- text variants --------------------------------------------------------------------------


def test_it_reads_ascii_punctuation_spaces_and_xingqi() -> None:
    text = (
        NOTICE_2026.replace("（", " (")
        .replace("）", ") ")
        .replace("：", ": ")
        .replace("，", ", ")
        .replace("周", "星期")
        .replace("至", " 至 ")
    )
    assert parse_holiday_notice(text) == parse_holiday_notice(NOTICE_2026)


def test_it_reads_full_width_digits() -> None:
    text = NOTICE_2026.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert parse_holiday_notice(text) == parse_holiday_notice(NOTICE_2026)


def test_it_reads_a_notice_pasted_as_one_paragraph() -> None:
    text = "".join(line.strip() for line in NOTICE_2025.splitlines())
    assert parse_holiday_notice(text) == parse_holiday_notice(NOTICE_2025)


def test_it_reads_the_year_from_the_body_before_page_furniture() -> None:
    # NOTICE_2026 links to the 2025 notice ("上一篇"); the body's "现将2026年" decides.
    assert parse_holiday_notice(NOTICE_2026).year == 2026
    title_only = (
        "关于2026年部分节假日安排的通知\n一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。"
    )
    assert parse_holiday_notice(title_only).year == 2026


def test_it_uses_the_year_argument_and_warns_when_the_text_disagrees() -> None:
    items_only = "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。"
    assert parse_holiday_notice(items_only, year=2026).holidays[0].first == D("2026-01-01")
    notice = parse_holiday_notice(NOTICE_2026, year=2026)
    assert notice.warnings == ()
    mismatched = parse_holiday_notice(NOTICE_2025, year=2026)
    assert mismatched.year == 2026
    assert "通知写明的年份为2025年，与指定的2026年不一致，按2026年处理" in mismatched.warnings


def test_it_ignores_the_2024_advice_to_rest_on_new_years_eve() -> None:
    text = (
        "国务院办公厅关于2024年部分节假日安排的通知\n"
        "二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。"
        "鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。\n"
    )
    notice = parse_holiday_notice(text)
    assert notice.holidays == (HolidaySpan("春节", D("2024-02-10"), D("2024-02-17")),)
    assert D("2024-02-09") not in notice_overrides(notice)
    assert notice.warnings == ()


# --- the synthetic 2027 notice and overrides ------------------------------------------------


def test_it_reads_the_synthetic_2027_notice() -> None:
    notice = parse_holiday_notice(NOTICE_2027)
    assert notice.year == 2027
    assert [(span.name, span.first.isoformat(), span.days) for span in notice.holidays] == [
        ("元旦", "2027-01-01", 3),
        ("春节", "2027-02-05", 8),
        ("清明节", "2027-04-03", 3),
        ("劳动节", "2027-05-01", 5),
        ("端午节", "2027-06-09", 1),
        ("中秋节", "2027-09-15", 1),
        ("国庆节", "2027-10-01", 7),
    ]
    assert [day.isoformat() for day in notice.makeup_workdays] == [
        "2027-02-20",
        "2027-04-25",
        "2027-05-08",
        "2027-09-26",
        "2027-10-09",
    ]
    assert notice.warnings == ()  # every written weekday matched


def test_it_turns_a_notice_into_overrides() -> None:
    notice = parse_holiday_notice(NOTICE_2026)
    overrides = notice_overrides(notice)
    assert len(overrides) == 33 + 6  # 3+9+3+5+3+3+7 rest days, 6 make-up days
    assert overrides[D("2026-10-01")] is DayKind.HOLIDAY
    assert overrides[D("2026-10-03")] is DayKind.HOLIDAY  # weekend days of a break too
    assert overrides[D("2026-10-10")] is DayKind.WORKDAY
    assert D("2026-10-08") not in overrides
    assert notice_holiday_names(notice)[D("2026-02-20")] == "春节"


def test_it_confirms_2027_once_its_notice_is_applied() -> None:
    notice = parse_holiday_notice(NOTICE_2027)
    assert WorkingCalendar(use_package=False).is_confirmed(2027) is False
    calendar = apply_notice(default_calendar(), notice)
    assert calendar.is_confirmed(2027) is True
    assert calendar.unconfirmed_years(D("2026-12-10"), D("2027-01-08")) == []
    assert calendar.is_workday(D("2027-10-09")) is True  # make-up Saturday
    assert calendar.is_workday(D("2027-10-04")) is False  # a Monday in 国庆节
    assert calendar.holiday_name(D("2027-10-04")) == "国庆节"
    # After Mon 09-27: 09-28..09-30 (3); 国庆节; Fri 10-08 (4), Sat 10-09 (5);
    # 10-11..10-15 (10), 10-18..10-22 (15), 10-25..10-29 (20).
    assert calendar.add_workdays(D("2027-09-27"), 20) == D("2027-10-29")
    # An FOI request received Thu 2026-12-10: 12-11 (1), 12-14..18 (6), 12-21..25 (11),
    # 12-28..31 (15), 2027 元旦 01-01..01-03 rests, 01-04..01-08 (20).
    assert calendar.add_workdays(D("2026-12-10"), 20) == D("2027-01-08")


# --- malformed text -------------------------------------------------------------------------


def test_it_refuses_text_without_any_schedule() -> None:
    with pytest.raises(HolidayNoticeError, match="未找到可识别的放假安排"):
        parse_holiday_notice("国务院办公厅关于2027年部分节假日安排的通知\n各地要妥善安排值班。")
    with pytest.raises(HolidayNoticeError, match="未找到可识别的放假安排"):
        parse_holiday_notice("", year=2027)
    assert issubclass(HolidayNoticeError, ValueError)


def test_it_refuses_text_without_a_year() -> None:
    with pytest.raises(HolidayNoticeError, match="无法确定通知所属年份"):
        parse_holiday_notice("一、元旦：1月1日放假。")


def test_it_refuses_an_impossible_year_argument() -> None:
    with pytest.raises(HolidayNoticeError, match="不在可处理范围"):
        parse_holiday_notice("一、元旦：1月1日放假。", year=1)


def test_it_warns_about_an_impossible_date_and_keeps_the_rest() -> None:
    text = "2027年部分节假日安排\n一、元旦：1月1日至3日放假。\n二、春节：2月30日至3月5日放假调休。"
    notice = parse_holiday_notice(text)
    assert notice.holidays == (HolidaySpan("元旦", D("2027-01-01"), D("2027-01-03")),)
    assert any("2027年2月30日不是有效日期" in warning for warning in notice.warnings)


def test_it_refuses_a_notice_whose_only_dates_are_impossible() -> None:
    with pytest.raises(HolidayNoticeError, match="2月30日不是有效日期"):
        parse_holiday_notice("2027年部分节假日安排\n二、春节：2月30日放假。")


def test_it_warns_about_a_range_that_ends_before_it_starts() -> None:
    text = "2027年部分节假日安排\n一、元旦：1月1日放假。\n七、国庆节：10月7日至10月1日放假。"
    notice = parse_holiday_notice(text)
    assert [span.name for span in notice.holidays] == ["元旦"]
    assert any("早于开始日期" in warning for warning in notice.warnings)


def test_it_warns_about_implausibly_long_ranges() -> None:
    text = "2027年部分节假日安排\n一、元旦：1月1日放假。\n二、春节：2月1日至3月31日放假。"
    notice = parse_holiday_notice(text)
    assert any("超过31天" in warning for warning in notice.warnings)


def test_it_warns_about_a_written_weekday_that_does_not_match() -> None:
    text = NOTICE_2026.replace("1月4日（周日）上班", "1月4日（周六）上班")
    notice = parse_holiday_notice(text)
    assert notice.warnings == ("元旦：1月4日标注为周六，但2026-01-04是周日，请核对",)


def test_it_warns_about_a_day_count_that_does_not_match() -> None:
    text = NOTICE_2026.replace("共9天", "共8天")
    assert parse_holiday_notice(text).warnings == ("春节：通知写明共8天，但放假区间共9天，请核对",)


def test_it_warns_about_a_makeup_day_on_a_weekday_or_inside_a_break() -> None:
    text = NOTICE_2026.replace("5月9日（周六）上班", "5月4日上班、5月11日上班")
    warnings = parse_holiday_notice(text).warnings
    assert "2026-05-04既在放假区间内又被列为上班日，请核对" in warnings
    assert "上班日2026-05-04是周一，本就是工作日，请核对" in warnings
    assert "上班日2026-05-11是周一，本就是工作日，请核对" in warnings


def test_it_warns_about_lines_it_cannot_read() -> None:
    extension = (
        "国务院办公厅关于延长2020年春节假期的通知\n"
        "一、延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。"
    )
    with pytest.raises(HolidayNoticeError, match="未能识别的放假安排行"):
        parse_holiday_notice(extension)
    notice = parse_holiday_notice(NOTICE_2026 + "\n春节假期延长至2月24日，2月25日起正常上班。\n")
    assert len(notice.warnings) == 1
    assert notice.warnings[0].startswith("未能识别的放假安排行，已忽略：春节假期延长至2月24日")


def test_it_warns_about_dates_with_no_month() -> None:
    text = "2027年部分节假日安排\n一、元旦：1月1日放假。\n二、春节：5日放假。"
    notice = parse_holiday_notice(text)
    assert any("缺少月份" in warning for warning in notice.warnings)


_NOTICE_ALPHABET = list(
    "0123456789年月日至（）()、，,。：:;放假上班补休调周星期六日一二三四元旦春节国庆 \n-"
)


@given(st.text(alphabet=st.sampled_from(_NOTICE_ALPHABET), max_size=120))
def test_it_never_fails_with_anything_but_a_notice_error(text: str) -> None:
    try:
        notice = parse_holiday_notice("2027年部分节假日安排\n" + text)
    except HolidayNoticeError as error:
        assert str(error)
    else:
        assert notice.holidays or notice.makeup_workdays
        notice_overrides(notice)
