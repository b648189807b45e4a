"""Read the State Council's yearly holiday notice into holidays and 调休 make-up working days.

Every November 国务院办公厅 publishes 《国务院办公厅关于20XX年部分节假日安排的通知》 and no
package has the new year until weeks later (STACK.md §2), so an administrator pastes the notice and
we load it as calendar overrides (DOMAIN.md 7.2, 9.2). The items read like::

    二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
    2月14日（周六）、2月28日（周六）上班。

Older notices add "与周末连休", "5月2日（星期一）补休" and 元旦 breaks that start in December of
the previous year. Anything we cannot read becomes a Chinese warning for the administrator to
check, never a silent guess; text with no schedule at all raises ``HolidayNoticeError``.

Pure Python: no Django import.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from gongkai.rules.calendar import WEEKDAY_NAMES, DayKind, HolidaySpan, WorkingCalendar

# A single break never runs this long (春节 is 8–9 days); a longer range is a misreading.
MAX_HOLIDAY_DAYS = 31

_NUMERAL = "一二三四五六七八九十"
_ORDINAL = rf"(?:[{_NUMERAL}]{{1,3}}\s*[、.]|\(\s*[{_NUMERAL}]{{1,3}}\s*\)|[0-9]{{1,2}}\s*[、.)])"
# "二、春节：…", "(六)国庆节、中秋节: …", "元旦 1月1日放假"
_NAMED_ITEM = re.compile(
    rf"^(?:{_ORDINAL})?\s*(?P<name>[\u4e00-\u9fff0-9、和与及]{{1,40}}?)\s*(?::|\s)\s*(?P<body>.+)$"
)
# "一、2019年5月1日至4日放假调休，共4天。" (an amending notice names the holiday in its title)
_UNNAMED_ITEM = re.compile(rf"^{_ORDINAL}\s*(?P<body>[0-9].*)$")
# Every holiday name ends so: 元旦, 春节 … 国庆节、中秋节, …胜利70周年纪念日 (not a title's "通知").
_HOLIDAY_NAME_END = re.compile(r"(?:元旦|节|纪念日)$")
_SCHEDULE_WORD = re.compile(r"放假|上班|补休|调休")
_DATE = re.compile(
    r"(?:(?P<year>[0-9]{4})\s*年\s*)?(?:(?P<month>[0-9]{1,2})\s*月\s*)?(?P<day>[0-9]{1,2})\s*日"
    r"(?:\s*\((?P<note>[^()]*)\))?"
)
_RANGE_WORDS = frozenset({"至", "到", "-", "~", "—", "——", "–"})
_WEEKDAY_NOTE = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])")
_WEEKDAY_INDEX = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_DAY_COUNT = re.compile(r"(?:共|放假)\s*([0-9]{1,3})\s*天")
# Where the year is written: the body's "现将2026年元旦、春节……", else the title.
_BODY_YEAR = re.compile(r"现将\s*(?:调整|延长)?\s*([0-9]{4})\s*年")
_TITLE_YEAR = re.compile(
    r"([0-9]{4})\s*年\s*(?:部分)?节假日安排|关于\s*(?:调整|延长)?\s*([0-9]{4})\s*年"
)
_TITLE_HOLIDAY = re.compile(
    r"关于\s*(?:调整|延长)?\s*[0-9]{4}\s*年\s*([\u4e00-\u9fff、]+?)(?:假期|放假)"
)


class HolidayNoticeError(ValueError):
    """The text holds no readable holiday schedule; the message says why, in Chinese."""


@dataclass(frozen=True)
class HolidayNotice:
    """One notice: its year, holiday breaks, 调休上班 days and what could not be read."""

    year: int
    holidays: tuple[HolidaySpan, ...]
    makeup_workdays: tuple[date, ...]
    warnings: tuple[str, ...] = ()

    def rest_days(self) -> list[date]:
        """Every day inside a holiday range, in order."""
        return sorted({day for span in self.holidays for day in span.dates()})


@dataclass
class _Reading:
    """What the items of one notice yielded so far."""

    holidays: list[HolidaySpan] = field(default_factory=list)
    makeups: list[date] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Item:
    name: str
    body: str
    year: int  # the notice year

    def year_for(self, month: int) -> int:
        # 元旦 breaks may start on 12-30/12-31 of the previous year ("12月30日至1月1日").
        return self.year - 1 if month == 12 and "元旦" in self.name else self.year


class _Unreadable(Exception):
    """A date expression we refuse to guess at; becomes a warning."""


# --- public API -----------------------------------------------------------------------------


def parse_holiday_notice(text: str, year: int | None = None) -> HolidayNotice:
    """Parse the text of a 国务院办公厅 holiday notice (page furniture around it is ignored).

    ``year`` overrides the year read from the title or body ("现将2027年元旦……").
    """
    normalized = _normalize(text)
    reading = _Reading()
    notice_year = _notice_year(normalized, year, reading)
    found_item = False
    for item in _items(normalized, notice_year, reading):
        found_item = True
        _read_item(item, reading)
    if not reading.holidays and not reading.makeups:
        reason = (
            "放假安排中的日期均无法识别"
            if found_item
            else "未找到可识别的放假安排（应有如“一、元旦：1月1日放假”的条目）"
        )
        raise HolidayNoticeError("；".join([reason, *reading.warnings]))
    _cross_check(reading)
    return HolidayNotice(
        year=notice_year,
        holidays=tuple(reading.holidays),
        makeup_workdays=tuple(sorted(set(reading.makeups))),
        warnings=tuple(reading.warnings),
    )


def notice_overrides(notice: HolidayNotice) -> dict[date, DayKind]:
    """Calendar overrides: every day of a holiday range rests, every 上班 day works."""
    overrides = dict.fromkeys(notice.rest_days(), DayKind.HOLIDAY)
    overrides.update(dict.fromkeys(notice.makeup_workdays, DayKind.WORKDAY))
    return overrides


def notice_holiday_names(notice: HolidayNotice) -> dict[date, str]:
    return {day: span.name for span in notice.holidays for day in span.dates()}


def apply_notice(calendar: WorkingCalendar, notice: HolidayNotice) -> WorkingCalendar:
    """``calendar`` with the notice's days on top, and the notice's year confirmed.

    Apply notices in publication order: a later amending notice (e.g. the 2020 extension of
    the 春节 break) must win over the yearly notice it amends.
    """
    return calendar.merged(
        overrides=notice_overrides(notice),
        confirmed_years={notice.year},
        holiday_names=notice_holiday_names(notice),
    )


# --- the notice as a whole ------------------------------------------------------------------


def _normalize(text: str) -> str:
    # NFKC folds full-width digits and punctuation (（）：，；～) and the ideographic space.
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    # A notice pasted as one paragraph: put each numbered item on its own line.
    return re.sub(rf"(?:(?<=。)|(?<=\s))\s*(?=[{_NUMERAL}]{{1,3}}、)", "\n", text)


def _notice_year(text: str, year: int | None, reading: _Reading) -> int:
    body = _BODY_YEAR.search(text)
    title = _TITLE_YEAR.search(text)
    found = body.group(1) if body else (title.group(1) or title.group(2)) if title else None
    if year is None:
        if found is None:
            raise HolidayNoticeError(
                "无法确定通知所属年份：请保留标题（如“关于2027年部分节假日安排的通知”）或指定年份"
            )
        year = int(found)
    elif found is not None and int(found) != year:
        reading.warnings.append(
            f"通知写明的年份为{found}年，与指定的{year}年不一致，按{year}年处理"
        )
    if not 1900 <= year <= 9998:
        raise HolidayNoticeError(f"年份{year}不在可处理范围内")
    return year


def _items(text: str, year: int, reading: _Reading) -> Iterator[_Item]:
    """The numbered schedule items; lines that look like schedule but are not become warnings."""
    title = _TITLE_HOLIDAY.search(text)
    default_name = title.group(1) if title else "节假日"
    for raw_line in text.split("\n"):
        line = raw_line.strip()
        named = _NAMED_ITEM.match(line)
        if (
            named
            and _HOLIDAY_NAME_END.search(named["name"])
            and _SCHEDULE_WORD.search(named["body"])
        ):
            yield _Item(named["name"], named["body"], year)
            continue
        unnamed = _UNNAMED_ITEM.match(line)
        if unnamed and _DATE.search(unnamed["body"]) and _SCHEDULE_WORD.search(unnamed["body"]):
            yield _Item(default_name, unnamed["body"], year)
            continue
        if _has_month_day(line) and _SCHEDULE_WORD.search(line):
            reading.warnings.append(f"未能识别的放假安排行，已忽略：{line}")


def _has_month_day(text: str) -> bool:
    return any(match["month"] for match in _DATE.finditer(text))


def _cross_check(reading: _Reading) -> None:
    rest = {day for span in reading.holidays for day in span.dates()}
    for day in sorted(set(reading.makeups)):
        if day in rest:
            reading.warnings.append(f"{day.isoformat()}既在放假区间内又被列为上班日，请核对")
        if day.weekday() < 5:
            reading.warnings.append(
                f"上班日{day.isoformat()}是{WEEKDAY_NAMES[day.weekday()]}，本就是工作日，请核对"
            )


# --- one item -------------------------------------------------------------------------------


def _read_item(item: _Item, reading: _Reading) -> None:
    first_span = len(reading.holidays)
    for sentence in re.split(r"[。;]|(?<![0-9])\.|\.(?![0-9])", item.body):
        if "鼓励" in sentence:  # advice such as "安排职工在除夕（2月9日）休息" is not a schedule
            continue
        if sentence.strip() and not _DATE.search(sentence):
            break  # "节假日期间，各地区……": the closing text of a notice pasted as one paragraph
        for clause in _clauses(sentence):
            _read_clause(item, clause, reading)
    _check_day_count(item, reading.holidays[first_span:], reading)


def _clauses(sentence: str) -> Iterator[str]:
    """Split at commas outside parentheses: "（农历正月初九，星期日）" stays whole."""
    depth, start = 0, 0
    for index, char in enumerate(sentence):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth <= 0:
            yield sentence[start:index]
            start = index + 1
    yield sentence[start:]


def _read_clause(item: _Item, clause: str, reading: _Reading) -> None:
    tokens = list(_DATE.finditer(clause))
    if not tokens:
        return  # "共3天", "与周末连休", "不调休"
    if "上班" in clause:
        working = True
    elif re.search(r"放假|补休|休息", clause):
        working = False
    else:
        reading.warnings.append(f"{item.name}：无法判断“{clause.strip()}”是放假还是上班，已忽略")
        return
    for first, last in _ranges(item, clause, tokens, reading):
        if working:
            reading.makeups.extend(HolidaySpan(item.name, first, last).dates())
        else:
            reading.holidays.append(HolidaySpan(item.name, first, last))


def _ranges(
    item: _Item, clause: str, tokens: list[re.Match[str]], reading: _Reading
) -> Iterator[tuple[date, date]]:
    """Pair tokens joined by 至 into ranges; a lone date is a one-day range."""
    index = 0
    while index < len(tokens):
        start = tokens[index]
        end = start
        if index + 1 < len(tokens):
            between = clause[start.end() : tokens[index + 1].start()].strip()
            if between in _RANGE_WORDS:
                end = tokens[index + 1]
                index += 1
        index += 1
        try:
            first, last = _resolve_range(item, start, end)
        except _Unreadable as problem:
            reading.warnings.append(f"{item.name}：“{clause.strip()}”{problem}，已忽略")
            continue
        _check_weekday(item, start, first, reading)
        if end is not start:
            _check_weekday(item, end, last, reading)
        yield first, last


def _resolve_range(item: _Item, start: re.Match[str], end: re.Match[str]) -> tuple[date, date]:
    if start["month"] is None:
        raise _Unreadable(f"中的“{start.group(0)}”缺少月份")
    start_month, start_day = int(start["month"]), int(start["day"])
    if end is start:
        year = int(start["year"]) if start["year"] else item.year_for(start_month)
        day = _make_date(year, start_month, start_day)
        return day, day
    # "1月1日至3日": the end inherits the start's month (and written year).
    end_month = int(end["month"]) if end["month"] else start_month
    end_day = int(end["day"])
    crosses_year = end_month < start_month  # "12月30日至1月1日"
    if start["year"] and not end["year"]:
        start_year = int(start["year"])
        end_year = start_year + int(crosses_year)
    elif end["year"] and not start["year"]:
        end_year = int(end["year"])
        start_year = end_year - int(crosses_year)
    elif start["year"] and end["year"]:
        start_year, end_year = int(start["year"]), int(end["year"])
    else:
        end_year = item.year_for(end_month)
        start_year = end_year - 1 if crosses_year else item.year_for(start_month)
    first = _make_date(start_year, start_month, start_day)
    last = _make_date(end_year, end_month, end_day)
    return first, _checked_end(first, last)


def _checked_end(first: date, last: date) -> date:
    if last < first:
        raise _Unreadable(f"的结束日期{last.isoformat()}早于开始日期{first.isoformat()}")
    if (last - first).days + 1 > MAX_HOLIDAY_DAYS:
        raise _Unreadable(f"的区间超过{MAX_HOLIDAY_DAYS}天，疑为误读")
    return last


def _make_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise _Unreadable(f"中的{year}年{month}月{day}日不是有效日期") from None


def _check_weekday(item: _Item, token: re.Match[str], day: date, reading: _Reading) -> None:
    """The notices write the weekday beside each date: a mismatch means a typo or a wrong year."""
    written = _WEEKDAY_NOTE.search(token["note"] or "")
    if written and _WEEKDAY_INDEX[written.group(1)] != day.weekday():
        reading.warnings.append(
            f"{item.name}：{day.month}月{day.day}日标注为{written.group(0)}，"
            f"但{day.isoformat()}是{WEEKDAY_NAMES[day.weekday()]}，请核对"
        )


def _check_day_count(item: _Item, spans: list[HolidaySpan], reading: _Reading) -> None:
    """ "共8天" must equal the days in the item's ranges."""
    stated = _DAY_COUNT.search(item.body)
    if stated is None or not spans:
        return
    counted = len({day for span in spans for day in span.dates()})
    if counted != int(stated.group(1)):
        reading.warnings.append(
            f"{item.name}：通知写明共{stated.group(1)}天，但放假区间共{counted}天，请核对"
        )
