"""完成时限: the deadline cell of a plan item, read into a date and/or a recurrence.

CONTRACTS.md section 1: 月底 is the month's last day; 年底/年内/年底前 is 31 December of the plan
year; 第N季度 is that quarter's last day. Beyond the contract, as notices write them:

- "2016年7月前" is *before* July, so the day before: 2016-06-30 ("7月底前" is 07-31); the plan
  reports it for review, since the writer may have meant the end of July (:func:`before_month`);
- 每季度末, 季度底 and 每半年末 are recurrences, not a year-end date;
- "印发后20个工作日内" keeps its 20 as the event's window (``workdays``);
- "6月30日前" is that day; 上旬/中旬/下旬 are the 10th, the 20th and the month's last day;
- a month or quarter without a year takes the year written before it in the same cell, else the
  plan year ("2016年6月底前完成初稿，12月底前公布"), or the year after it when 明年/次年/下一年度
  says so ("明年3月底前");
- several dates in one cell ("中考3月 高考11月") are all kept as milestones, the first is ``date``;
- recurrences: 每月/每季度/每半年/每年, ongoing work (全年工作, 持续推进, 长期坚持, 常态化) and
  events (收到…后及时转发, 按预算法规时限完成, …后20个工作日内).

Spaces inside dates ("2016 年 12 月底前") are ignored: matching runs on the compacted text.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Final

from gongkai.rules.planparse.model import NO_DEADLINE, Deadline, Milestone, Recurrence
from gongkai.rules.planparse.normalize import chinese_number, compact, fold_line

_YEAR: Final = r"(?P<y>(?:19|20)\d{2})年度?"
_MONTH: Final = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY: Final = r"(?P<d>[12]\d|3[01]|0?[1-9])[日号]"
_MONTH_PART: Final = r"(?P<mpos>底|末|中旬|上旬|下旬|中|初)"
_DATE: Final = re.compile(
    r"(?P<iso>(?P<iy>(?:19|20)\d{2})[-/.](?P<im>1[0-2]|0?[1-9])(?:[-/.](?P<id>[12]\d|3[01]|0?[1-9]))?(?!\d))"
    rf"|(?:{_YEAR})?(?:"
    r"第?(?P<q>[1-4一二三四])季度(?P<qpos>末|底)?"
    r"|(?<!半)(?P<half>上半年|下半年|年中|年底|年末|年内|今年底|本年底|当年)"
    rf"|(?<![\d个第]){_MONTH}(?:月份?|(?=底|末))(?:{_DAY}|{_MONTH_PART})?"
    r"|(?:(?<=年)(?<!半年)|(?<=年度))(?P<ypos>底|末|内)"  # 年底, 年度末; not 季度末, 每半年末
    r"|(?<=年)(?=前|完成|以前|之前|$)"
    r")(?P<before>以前|之前|前|止)?"
)
_FILLER: Final = re.compile(
    r"完成|工作|以前|之前|前|底|止|起|开始|为|。|，|,|、|;|；|后续|不定期|进行|调整|时限|完成时限"
)

_RECURRENCES: Final = (
    (Recurrence.MONTHLY, re.compile(r"每月|按月|每个月|逐月|月度")),
    (Recurrence.QUARTERLY, re.compile(r"每季度?|按季度?|逐季|(?<![1-4一二三四])季度[末底]")),
    (Recurrence.SEMIANNUAL, re.compile(r"每半年|半年一次|每年两次")),
    (Recurrence.YEARLY, re.compile(r"每年度?|按年度?|逐年")),
    (
        Recurrence.ONGOING,
        re.compile(
            r"全年工作|贯穿全年|全年|持续推进|持续开展|持续|长期坚持|长期|常态化|常态工作|常年|经常性|日常"
        ),
    ),
    (
        Recurrence.EVENT,
        re.compile(
            r"(?:收到|接到|待).{0,30}?后"
            r"|.{0,20}?(?:出台|印发|发布|下发|修订|公布|批复|通过|召开|发生|部署|办结|生效)(?:文件|方案|政策|实施)?后"
            r"|按.{0,20}?(?:时限|时间要求|要求|规定|部署|安排)|根据.{0,20}?(?:部署|要求|安排)"
            r"|及时|适时|随时|视情|即时|\d+个?(?:工作日|日|天|周|小时|个月)内"
        ),
    ),
)


@dataclass(frozen=True)
class _Found:
    """One date found in a deadline: where it is in the compacted text, and what it means."""

    start: int
    end: int
    day: date | None  # None: the date needs a year and none is known


def parse_deadline(raw: str | None, year: int | None, *, inherited: bool = False) -> Deadline:
    """The deadline a cell (or an annotation) states; ``year`` is the plan year for 年底, 3月…"""
    if raw is None or not raw.strip():
        return NO_DEADLINE
    text = _run_together_dates(compact(fold_line(raw)))
    if _YEAR_ALONE.match(text):  # a 建设时间 cell "2024": that year, as "2024年" is
        text += "年"
    found = list(_dates(text, year))
    dated = [f for f in found if f.day is not None]
    milestones = tuple(
        Milestone(_label(text, found, index), f.day)
        for index, f in enumerate(found)
        if f.day is not None
    )
    window = _WORKDAYS.search(text)
    return Deadline(
        raw=" ".join(raw.split()),
        date=dated[0].day if dated else None,
        recurrence=_recurrence(text, bool(dated)),
        inherited=inherited,
        milestones=milestones if len(milestones) > 1 else (),
        workdays=int(window[1]) if window else None,
    )


_YEAR_ALONE: Final = re.compile(r"^(?:19|20)\d{2}$")


# "2020630日前": a date whose 年 and 月 the page lost, the digits run together.
_RUN_TOGETHER: Final = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{3,4})(?=[日号])")


def _run_together_dates(text: str) -> str:
    """Run-together dates written out ("2020年6月30日") where the digits split into a month and
    a day one way only ("630" is 6月30日; "111" could be 1月11日 or 11月1日 and stays)."""

    def written(match: re.Match[str]) -> str:
        digits = match[2]
        splits = [
            (int(digits[:cut]), int(digits[cut:]))
            for cut in (1, 2)
            if digits[cut:][:1] != "0" or len(digits[cut:]) == 1
        ]
        valid = [(m, d) for m, d in splits if 1 <= m <= 12 and 1 <= d <= 31]
        if len(valid) != 1:
            return match[0]
        month, day = valid[0]
        return f"{match[1]}年{month}月{day}"

    return _RUN_TOGETHER.sub(written, text)


# "印发后20个工作日内": the event's own window, kept for its periods (issue 14).
_WORKDAYS: Final = re.compile(r"(\d{1,3})个?工作日(?:内|之内|以内)?")


def before_month(raw: str | None) -> bool:
    """Whether a deadline says "X月前" (before month X, no 底 and no day), which reads as the end
    of the month before (:func:`_month_date`) and may have been meant as the end of X: the review
    should ask."""
    return any(_before_month(match) for match in _DATE.finditer(compact(fold_line(raw or ""))))


def _before_month(match: re.Match[str]) -> bool:
    return bool(match["m"]) and not match["d"] and not match["mpos"] and match["before"] in (
        "前", "以前", "之前"
    )  # fmt: skip


def is_deadline_like(text: str) -> bool:
    """Whether a table cell is a 完成时限 cell: short, and mostly deadline wording.

    "年内将政务公开工作纳入政府绩效考核体系" mentions 年内 but is a task, and "按照上级统一部署，
    推动地方政府债务信息公开。" reads like an event but is a requirement: a cell must be mostly
    deadline words, more so when only event wording matched or when it ends like a sentence.
    """
    text = compact(fold_line(text))
    if not text or len(text) > 60:
        return False
    covered = [False] * len(text)
    strong = weak = False
    for recurrence, pattern in ((None, _DATE), *_RECURRENCES):
        for match in pattern.finditer(text):
            if match.end() > match.start():
                strong = strong or recurrence is not Recurrence.EVENT
                weak = True
                covered[match.start() : match.end()] = [True] * (match.end() - match.start())
    if not weak:
        return False
    if len(text) <= 30 and _WINDOW_END.search(text):
        return True  # "信息形成或变更20个工作日内", "关联文件公开3个工作日内": a window closes it
    for match in _FILLER.finditer(text):
        covered[match.start() : match.end()] = [True] * (match.end() - match.start())
    needed = 0.4 if strong else 0.6
    if text.endswith("。"):
        needed = 0.7
    return sum(covered) / len(text) >= needed


_WINDOW_END: Final = re.compile(r"\d+个?(?:工作日|日|天)(?:内|之内|以内)(?:公开|完成)?[。]?$")


# Inside a task's text only explicit deadlines count ("年底前将…报…", "于2019年6月底前完成"):
# "围绕2019年政府主要工作任务" names a year, not a deadline, and "每年1月31日前" is a rule.
_STRICT_AFTER: Final = re.compile(r"起|以来|开始|以后|至|到|[-—~～]")  # (or the start of a period)
# ("实施期限至2022年12月31日", "延续实施…政策至2023年4月30日", "5月1日至…": how long a measure
# lasts, not when work is due)
_STRICT_BEFORE: Final = re.compile(
    r"(?:每|截至|截止|自|从|于?上)[^，。；,;]{0,3}$"
    r"|(?:期限|延[长续]|执行|实施|有效期)[^，。；,;]*[至到]$|日[至到]$"
)


def find_deadline_in_text(text: str, year: int | None) -> Deadline | None:
    """An explicit deadline inside a task's text, or None."""
    folded = compact(fold_line(text))
    for match in _DATE.finditer(folded):
        if not _meaningful(match) or not _is_explicit(match):
            continue
        if _STRICT_BEFORE.search(folded[: match.start()]) or _STRICT_AFTER.match(
            folded, match.end()
        ):
            continue
        day = _resolve(match, year)
        if day is not None:
            return Deadline(raw=match[0], date=day)
    step = _YEAR_STEP.search(folded)
    if step is not None:
        year_done = step[1] or step[2]
        return Deadline(raw=year_done + "年", date=date(int(year_done), 12, 31))
    return None


# "…建立完善政务公开事项标准目录。2022年，结合主动公开目录…修订…": a dated step of a multi-year
# plan, the year opening its sentence (a year inside a sentence, "推进2022年冬奥会…", is none);
# also a target's "到2020年，全市用水总量控制在…", and a span's end, "2023—2025年，充分利用…"
_YEAR_STEP: Final = re.compile(
    r"(?:^|[。；;])(?:力争)?(?:到|至|(?:19|20)\d{2}年?[—–~～至到-])?((?:19|20)\d{2})年(?:底|末)?[，,]"
    # "●2019年建成典农河至沙湖旅游公路…", "…平台，2019年实现银川市…": the year a clause's work is done
    r"|(?:^|[。；;，,?？●•◆])(?:力争)?(?:到|至)?((?:19|20)\d{2})年(?:底|末)?(?=(?:全面|基本)?(?:建成|完成|实现))"
)


# A task written as a standing duty, at the start of one of its clauses: "常态化公开…",
# "…，按月公开全市财政收支情况". Only the unmistakable words: "每年" and "持续" say too little.
_CLAUSE_START: Final = r"(?:^|[，。；、])(?:是否)?"  # "是否按月度公开…": an assessment's wording
_TEXT_RECURRENCES: Final = (
    (Recurrence.MONTHLY, re.compile(_CLAUSE_START + r"(?:每月|按月|逐月)")),
    (Recurrence.QUARTERLY, re.compile(_CLAUSE_START + r"(?:每季度?|按季度?|逐季)")),
    (Recurrence.SEMIANNUAL, re.compile(_CLAUSE_START + r"每半年")),
    (Recurrence.YEARLY, re.compile(r"^每年(?!度?\d|度?的)")),  # "每年至少更新一次…" opening the task
    # "…要于每年3月底前…", "每年1月初…", "每年8月1日至12月30日为…征收时间": a time of each year
    (Recurrence.YEARLY, _A_DAY_EACH_YEAR := re.compile(r"每年度?\d{1,2}月")),
    (Recurrence.ONGOING, re.compile(_CLAUSE_START + r"(?:常态化|持续推进|长期坚持)")),
    # a task done when something happens, its trigger opening it: "一旦发生暴风雪,…", "接到…转办的信件
    # 后,要…", "辖区内发生…事故后,县政府在一个月内…"
    # (or after the office it binds: "各承办单位收到建议、提案后,要…"; never "接到通知后", now)
    (Recurrence.EVENT, re.compile(r"^(?:[^。；，]{2,20}?(?:单位|部门|机关|政府|[局委办厅]))?(?:一旦|(?:收到|接到)(?!本?通知)[^。；，]{1,40}?(?:后|时)|[^。；，]{2,40}?(?:发生|出现|发现)[^。；，]{1,30}?(?:后|时)[，])")),
)


# The offices a prose task opens with, as the subject of its standing duty.
_SUBJECT: Final = re.compile(r"^[^，。；]{2,16}?(?:部门|单位|机关|政府|[局委办厅]|[河湖林田]长)(?:要|应|须|需)?(?=每)")


# A clause setting a recurring day ("…；每月26日前，向镇安委会上报…"): a schedule wherever it stands.
_BY_A_DAY: Final = re.compile(r"(?:\d{1,2}日|[底末]|第[一二三1-3]个?(?:工作日|周|月))前")


def find_recurrence_in_text(text: str, *, opening_only: bool = False) -> Deadline | None:
    """The recurrence a task's own words state, where nothing else gives its deadline: at the
    start of any clause (a table's short task cell), or only at the very start of the text (a
    prose paragraph, whose later clauses describe rather than schedule)."""
    folded = compact(fold_line(text)).replace(",", "，").replace(";", "；")
    subject = _SUBJECT.match(folded) if opening_only else None
    if subject is not None:  # "各级民政部门每半年通过…", "…部门要每年在本级政府网站公开…"
        found = find_recurrence_in_text(folded[subject.end() :], opening_only=True)
        if found is not None and folded.startswith(found.raw or "", subject.end()):
            return found
    for recurrence, pattern in _TEXT_RECURRENCES:
        match = pattern.search(folded)
        if match is None:
            continue
        # (a time of each year, "…要于每年3月底前…", is a schedule anywhere in the first sentence)
        if pattern is _A_DAY_EACH_YEAR:
            scheduled = "。" not in folded[: match.start()]
        else:
            scheduled = _BY_A_DAY.match(folded, match.end()) is not None
        if match.start() == 0 or not opening_only or scheduled:
            return Deadline(raw=match[0].lstrip("，。；、是否"), recurrence=recurrence)
    return None


def _is_explicit(match: re.Match[str]) -> bool:
    """A date with a boundary word: 底/末/前, a day, or a quarter's or year's end."""
    if match["before"] and (match["m"] or match["q"] or match["half"] or match["ypos"]):
        return True
    if match["y"] and match["ypos"] in ("底", "内") and _opens_clause(match):
        return True  # "2017年内，全市各级各部门要…": the year's end ("公开2016年末余额" is none)
    if match["y"] and match["ypos"] in ("底", "末") and _AIMED_BY.search(match.string[: match.start()]):
        return True  # "…,确保到2020年底我区消费扶贫工作取得较大成果": the end it is aimed at
    if match["m"] and not match["mpos"] and _SCHEDULED.search(match.string[: match.start()]):
        return _HELD.match(match.string, match.end()) is not None  # "拟安排在6月份举行的常委会会议上"
    return bool(match["mpos"] in ("底", "末") or match["half"] in ("年底", "年末") or match["d"])


_AIMED_BY: Final = re.compile(r"(?:确保|力争|争取)(?:在|到|于)$")
# A month a piece of work is scheduled in: "报告拟安排在6月份举行的常委会会议上听取", "定于9月召开".
_SCHEDULED: Final = re.compile(r"(?:安排在|安排于|定于|定在|拟于|拟在|计划于|计划在)$")
_HELD: Final = re.compile(r"(?:举行|召开|进行|完成|开展|举办)")


def _opens_clause(match: re.Match[str]) -> bool:
    before = match.string[: match.start()]
    # ("…,其中2026年底,完成80项…": a clause opened by 其中)
    return not before or before[-1] in "，。；,;：" or re.search(r"[，,]其中$", before) is not None


_TO: Final = r"(?:至|到|—|－|-|~|～)"  # the word between a range's two ends
_RANGE: Final = re.compile(rf"^{_TO}(?:次年|翌年|明年)?$")  # "11月至次年2月"


def _dates(text: str, year: int | None) -> Iterator[_Found]:
    """Each date of a deadline cell; a date without its own year takes the one before it; of a
    range ("6月至12月") only its end counts."""
    found = list(_all_dates(text, year))
    for index, date_found in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        if following is not None and _RANGE.match(text[date_found.end : following.start]):
            if date_found.day and following.day and following.day < date_found.day and following.day.year == date_found.day.year:
                # "2008年12月21日-1月10日": a range over the new year ends in the next one
                found[index + 1] = replace(following, day=_safe_date(following.day.year + 1, following.day.month, following.day.day))
            continue
        last_day = _DAY_RANGE.match(text, date_found.end)
        if last_day is not None and date_found.day is not None and text[date_found.end - 1] == "日":
            # "8月10日-15日": the range ends on the 15th of the same month
            day = _safe_date(date_found.day.year, date_found.day.month, int(last_day["d"]))
            yield _Found(date_found.start, last_day.end(), day)
            continue
        yield date_found


_DAY_RANGE: Final = re.compile(rf"{_TO}(?P<d>\d{{1,2}})日")


def _all_dates(text: str, year: int | None) -> Iterator[_Found]:
    current_year = year
    for match in _DATE.finditer(text):
        if match.end() == match.start() or not _meaningful(match):
            continue
        if match["y"] and not _names_a_period(match):
            continue  # "2016年起": a starting point, not a deadline
        own_year = match["y"] or match["iy"]
        if own_year:
            current_year = int(own_year)
        elif year is not None and _NEXT_YEAR.search(
            text[max(0, match.start() - 4) : match.start()]
        ):
            current_year = year + 1  # "明年3月底前", "次年底": the year after the plan's
        yield _Found(match.start(), match.end(), _resolve(match, current_year))


_NEXT_YEAR: Final = re.compile(r"(?:明|次|翌|下一?)年?度?$")


def _meaningful(match: re.Match[str]) -> bool:
    return any(match[group] for group in ("iso", "y", "q", "half", "m", "ypos"))


def _names_a_period(match: re.Match[str]) -> bool:
    """A year alone counts only with 前/完成 after it ("2016年完成"); "2016年起" does not."""
    if match["m"] or match["q"] or match["half"] or match["ypos"] or match["before"]:
        return True
    following = match.string[match.end() : match.end() + 2]
    return following.startswith(("前", "完成")) or match.end() == len(match.string)


def _resolve(match: re.Match[str], year: int | None) -> date | None:
    if match["iso"]:
        return _iso(match)
    year = int(match["y"]) if match["y"] else year
    if year is None:
        return None
    if match["q"]:
        quarter = chinese_number(match["q"]) or 1
        return _month_end(year, quarter * 3)
    if match["half"] in ("上半年", "年中"):
        return date(year, 6, 30)
    if match["m"]:
        return _month_date(match, year)
    return date(year, 12, 31)  # 年底、年末、年内、下半年, or a year followed by 前/完成


def _month_date(match: re.Match[str], year: int) -> date:
    month = chinese_number(match["m"]) or 1
    if match["d"]:
        return _safe_date(year, month, int(match["d"]))
    part = match["mpos"]
    if part in ("上旬", "初"):
        return date(year, month, 10)
    if part == "中":
        return date(year, month, 15)
    if part == "中旬":
        return date(year, month, 20)
    if _before_month(match):
        return date(year, month, 1) - timedelta(days=1)  # "7月前": before July
    return _month_end(year, month)


def _iso(match: re.Match[str]) -> date:
    year, month = int(match["iy"]), int(match["im"])
    return _safe_date(year, month, int(match["id"])) if match["id"] else _month_end(year, month)


def _safe_date(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _recurrence(text: str, dated: bool) -> Recurrence | None:
    for recurrence, pattern in _RECURRENCES:
        if pattern.search(text):
            return recurrence
    if "不定期" in text and not dated:
        return Recurrence.ONGOING
    return None


_LABEL_NOISE: Final = re.compile(r"^[，,;；、。\s]+|[，,;；、。\s于在为]+$|完成|以前|之前|前")


def _label(text: str, found: list[_Found], index: int) -> str:
    """What a milestone is for: the words just before it ("中考3月" → "中考")."""
    start = found[index - 1].end if index else 0
    label = _LABEL_NOISE.sub("", text[start : found[index].start])
    return label[-10:]
