"""Title, issuer, 文号, issue date and plan year of a notice.

- The **title** is the plan's own ("海口市2019年政务公开工作要点"): a line of its own that names a
  plan, else the 《…》 the covering notice hands out, else what "关于印发…的通知" prints. The
  covering notice's title is kept apart (``notice_title``).
- The **issuer** is the office before "关于" in the notice title, else the signature line above the
  date ("荆门市人民政府办公室" / "2017年6月1日"), else the 发布机构 of the page's 索引号 block.
- The **issue date** is the signature date (成文日期), which the 索引号 block's 发文日期 may not be.
- The **文号** comes only from a 文号 label or a line of its own: the 〔2016〕8号 documents a notice
  cites are not its number. rules.docnumber normalises it per GB/T 9704-2012 §7.2.5: 〔〕
  brackets, no 第, no leading zeros ("海府办函[2019]第168号" → "海府办函〔2019〕168号").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from gongkai.rules.docnumber import DocNumberError, find_doc_numbers
from gongkai.rules.docnumber import normalize_doc_number as standard_doc_number
from gongkai.rules.planparse.cells import CellKind, classify
from gongkai.rules.planparse.furniture import RULE_LINE, is_furniture
from gongkai.rules.planparse.normalize import chinese_number, clean_text, compact
from gongkai.rules.vocabulary import MARKERS


@dataclass(frozen=True)
class Metadata:
    title: str | None
    notice_title: str | None
    issuer: str | None
    doc_number: str | None
    issued_on: date | None
    year: int | None


_HEAD_LINES: Final = 60  # metadata sits at the top (and the signature right below the notice)

_DOC_NUMBER_LABEL: Final = re.compile(
    r"(?:^|\s)(?:发文字号|发文文号|文件编号|文\s*号|字\s*号|号)\s*(?:[:：|]\s*)+([^|]+)"
)


def normalize_doc_number(text: str) -> str | None:
    """The first 文号 in ``text`` in its standard form (rules.docnumber), or None."""
    for found in find_doc_numbers(text):
        try:
            return standard_doc_number(found.text)
        except DocNumberError:
            continue
    return None


def find_doc_number(lines: Sequence[str]) -> str | None:
    """The notice's own 文号: from a 文号 label, else from a line that is only a 文号."""
    for line in lines[:_HEAD_LINES]:
        label = _DOC_NUMBER_LABEL.search(line)
        if label and (number := normalize_doc_number(label[1])):
            return number
    for line in lines[:_HEAD_LINES]:
        compacted = compact(line)
        found = find_doc_numbers(compacted)
        if found and found[0].start == 0 and found[0].end == len(compacted):
            return normalize_doc_number(compacted)
    return None


_NOTICE_TITLE: Final = re.compile(r"关于.{2,100}的(?:通知|通报|函|意见|决定|批复|报告)$")
_PLAN_WORDS: Final = (
    r"(?:工作)?要点(?:分工方案|(?:及|和|与)?(?:任务|责任)?分工(?:方案|表)?)?|分工方案|实施方案|实施意见|工作方案|行动方案|行动计划|任务分工(?:方案|表)?"
    r"|责任分工(?:方案|表)?|分解(?:方案|表)|任务清单|工作计划|工作安排|任务安排|重点任务|工作任务|台账|工作细则|实施细则"
)
_PLAN_TITLE: Final = re.compile(
    f"^[^，,。；;:：]{{4,70}}(?:{_PLAN_WORDS})(?:[(（][^)）]{{1,20}}[)）])?$"
)
_TITLE_FIELD: Final = re.compile(
    r"^[-•·\[【]*\s*(?:名\s*称|标\s*题|信息名称|文件名称|公文名称)\s*[\]】]?\s*[:：|]?\s*(?P<title>[^:：|\s][^:：|]*?)"
    r"\s*(?:(?:文\s*号|发文字号|索\s*引\s*号)\s*[:：].*)?\|?$"
)
_QUOTED_PLAN: Final = re.compile(f"《([^》]{{4,70}}(?:{_PLAN_WORDS}))》")
# A title run into the first sentence after it, on a page that lost its line breaks:
# "某县2018年政务公开工作要点实施方案为深入贯彻落实…".
_RUN_ON_TITLE: Final = re.compile(
    f"^([^，,。；;:：]{{4,60}}?(?:{_PLAN_WORDS}))(?=为(?:深入|进一步|认真|全面|贯彻)|根据|按照)"
)
_PRINTED: Final = re.compile(r"关于印发(.{4,80})的通知$")
_LABELLED_TITLE: Final = re.compile(r"^(?:名\s*称|标\s*题|信息名称)\s*[:：]\s*")
_MARKER_START: Final = re.compile(
    f"^(?:{MARKERS['cn']}|{MARKERS['cn_paren']}|{MARKERS['arabic_paren']}|{MARKERS['arabic']}|{MARKERS['arabic_space']}"
    f"|{MARKERS['decimal']}|{MARKERS['decimal_deep']})"  # "2.1.3省应急指挥部职责": an emergency plan's section
)
_ITEM_START: Final = re.compile(f"{_MARKER_START.pattern}|^{MARKERS['article']}")


def _balanced_quotes(text: str) -> bool:
    return text.count("《") == text.count("》")


def find_notice_title(lines: Sequence[str]) -> str | None:
    """The covering notice's title; a title wrapped over two or three lines is joined."""
    head = [_LABELLED_TITLE.sub("", clean_text(line)) for line in lines[:_HEAD_LINES]]
    head = [line for line in head if line and not is_furniture(line)]
    for index in range(len(head)):
        for width in (1, 2, 3):
            joined = "".join(head[index : index + width])
            if len(joined) <= 120 and _NOTICE_TITLE.search(joined) and "关于" in head[index]:
                return joined
    return None


# The empty cells a page's layout table leaves after a line: "…实施方案 | ||||||||".
_EMPTY_CELLS: Final = re.compile(r"(?:\s*\|)+\s*$")


_CJK: Final = re.compile(r"[\u4e00-\u9fff]")


def find_plan_title(lines: Sequence[str], notice_title: str | None) -> str | None:
    # a numbered line is an item, never the title (its marker checked as written: cleaning joins "1 地区…")
    head = [
        clean_text(_EMPTY_CELLS.sub("", line))
        for line in lines[:_HEAD_LINES]
        if not _MARKER_START.match(line.strip())
    ]
    for line in head:
        if _PLAN_TITLE.match(line) and not _MARKER_START.match(line) and "关于" not in line:
            return line
    written = [line for line in head if line]
    for index in range(len(written) - 1):
        for width in (2, 3):  # a title wrapped over lines: "…《关于打好经济增长主动仗" "…措施》实施方案"
            joined = "".join(written[index : index + width])
            if _PLAN_TITLE.match(joined) and "印发" not in joined and _balanced_quotes(joined) \
                    and not _balanced_quotes(written[index]):
                return joined
    # the first lines of the text (not the page's field block nor a table's rule line "---|---|")
    for line in [line for line in head if _CJK.search(line) and not is_furniture(line)][:3]:
        run_on = _RUN_ON_TITLE.match(line)
        if run_on and not _MARKER_START.match(line) and "关于" not in run_on[1]:
            return run_on[1]
    for line in head:  # the page's own field: "名称: 2021年度宣城市民政局政务公开工作要点及分工 文号:"
        field = _TITLE_FIELD.match(line)
        if field and _PLAN_TITLE.match(field["title"]) and "关于" not in field["title"]:
            return field["title"]
    for line in head:
        quoted = _QUOTED_PLAN.search(line)
        if quoted and ("印发" in line or "同意" in line or "现将" in line):
            return quoted[1]
    printed = _PRINTED.search(notice_title or "")
    return printed[1].strip("《》") if printed else notice_title


_ORG_SUFFIX: Final = r"(?:办公室|人民政府|政府|委员会|管委会|办公厅|局|厅|办|部|中心|委|院|室|小组)"
_ISSUER_PREFIX: Final = re.compile(f"^(.{{2,30}}?{_ORG_SUFFIX})(?:关于)")
_SIGNATURE: Final = re.compile(f"^[^，,。；;:：\\s]{{2,30}}{_ORG_SUFFIX}$")
_DATE_LINE: Final = re.compile(
    r"^(?P<y>(?:19|20)\d{2}|[二〇○一二三四五六七八九零]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})"
    r"\s*月\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$"
)
_PRINTED_ON: Final = re.compile(
    f"^(.{{2,30}}{_ORG_SUFFIX})?((?:19|20)\\d{{2}}年\\d{{1,2}}月\\d{{1,2}}日)印发$"
)
_PUBLISHER: Final = re.compile(r"(?:发布机构|发文机关|发文单位)[\s:：|]+([^\s|:：]+)")
_LABELLED_DATE: Final = re.compile(
    r"(?:成文日期|发文日期|发布日期|生成日期)[\s:：|]*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
)


def signed_at(lines: Sequence[str]) -> int | None:
    """The index in ``lines`` of the first date standing alone on its line, the covering notice's
    signature date ("示范市人民政府办公室" over "2023年4月24日", or the date alone), or None."""
    return next((index for index, line in enumerate(lines) if _DATE_LINE.match(clean_text(line))), None)


def find_issuer(lines: Sequence[str], notice_title: str | None) -> str | None:
    prefix = _ISSUER_PREFIX.match(notice_title or "")
    if prefix:
        return prefix[1]
    cleaned = [clean_text(line) for line in lines]
    cleaned = [line for line in cleaned if line]
    for index, line in enumerate(cleaned[:-1]):
        if _SIGNATURE.match(line) and _DATE_LINE.match(cleaned[index + 1]):
            return line
    for line in cleaned:
        printed = _PRINTED_ON.match(line)
        if printed and printed[1]:
            return printed[1]
    for line in cleaned[:_HEAD_LINES]:
        publisher = _PUBLISHER.search(line)
        if publisher and re.search(r"[省市县区州盟旗]", publisher[1][:6]):
            return publisher[1]
    return None


def find_issue_date(lines: Sequence[str]) -> date | None:
    cleaned = [clean_text(line) for line in lines]
    for line in cleaned:
        match = _DATE_LINE.match(line)
        if match and (day := _date_of(match["y"], match["m"], match["d"])):
            return day
    for line in cleaned:
        printed = _PRINTED_ON.match(line)
        if printed and (match := _DATE_LINE.match(printed[2])):
            return _date_of(match["y"], match["m"], match["d"])
    for line in cleaned[:_HEAD_LINES]:
        labelled = _LABELLED_DATE.search(line)
        if labelled:
            return _date_of(labelled[1], labelled[2], labelled[3])
    return None


def _date_of(year: str, month: str, day: str) -> date | None:
    if not year.isdigit():  # 二〇一六, 二○○七 (its zero a circle)
        year = "".join(str(chinese_number(char)) for char in year.replace("○", "〇"))
    numbers = (int(year), chinese_number(month), chinese_number(day))
    try:
        return date(numbers[0], numbers[1] or 0, numbers[2] or 0)
    except ValueError:
        return None


_YEAR_IN_TITLE: Final = re.compile(r"((?:19|20)\d{2})\s*年")


def find_year(title: str | None, notice_title: str | None, issued_on: date | None) -> int | None:
    """The plan year: the year the title names, else the year of issue."""
    for text in (title, notice_title):
        term = _SCHOOL_TERM.search(text or "")
        if term:  # "2020-2021学年第二学期校历": a spring term falls in the school year's second year
            return int(term["second"] if term["term"] in ("第二学期", "下学期") else term["first"])
        match = _YEAR_IN_TITLE.search(text or "")
        if match:
            return int(match[1])
    return issued_on.year if issued_on else None


_SCHOOL_TERM: Final = re.compile(
    r"(?P<first>(?:19|20)\d{2})\s*[-—–~至]\s*(?P<second>(?:19|20)\d{2})\s*学年度?\s*(?P<term>第[一二]学期|[上下]学期)?"
)


def _may_be_title(line: str) -> bool:
    """A first line that can stand as a title: not furniture, a header cell or a number."""
    if re.match(r"^\s*[•·●]", line) or line.rstrip().endswith("|"):
        return False  # a site menu's entry: "• 无障碍浏览|"
    text = clean_text(line).strip("|")
    if text.endswith(("：", ":")):  # the salutation, "各市(地)委和人民政府，省直各单位："
        return False
    if re.match(r"^[^：:]{1,8}[：:]", text) or "。" in text:  # a label line or a sentence
        return False
    if text[-1:] in "，,；;、":  # a clause: "全面规划都市圈快速通道路网，" over its points
        return False
    if text[:1] in "(（【〔[" and text[-1:] in ")）】〕]":  # "(各股室具体负责)": an annotation
        return False
    if _MARKER_START.match(line.strip()):  # a numbered item: "1 地区生产总值增长7%以上. 发改委"
        return False
    return 6 <= len(text) <= 60 and not is_furniture(text) and classify(text) is CellKind.TEXT


def extract_metadata(lines: Sequence[str], year: int | None = None) -> Metadata:
    """All metadata of a notice from its lines (folded, furniture not yet removed)."""
    # "…的通知 |": a line of the page's frame table, its text the line's
    lines = [line.strip().strip("|").strip() for line in lines]
    lines = [line for line in lines if line and not RULE_LINE.match(line)]
    notice_title = find_notice_title(lines)
    title = find_plan_title(lines, notice_title)
    if title is None:
        content = [line for line in lines if not is_furniture(line)]  # (past a page's menu and fields)
        # never below the first numbered item or article: a page that opens inside the list has no
        # title ("第一条为保护…" … "旗县级以上人民政府民政、教育…", the last line cut by the page)
        opening = list(itertools.takewhile(lambda line: not _ITEM_START.match(line.strip()), content[:10]))
        title = next((clean_text(line) for line in opening if _may_be_title(line)), None)
    issued_on = find_issue_date(lines)
    doc_number = find_doc_number(lines)
    if year is None:
        year = find_year(title, notice_title, issued_on) or _year_of(doc_number, lines)
    return Metadata(
        title=title,
        notice_title=notice_title,
        issuer=find_issuer(lines, notice_title),
        doc_number=doc_number,
        issued_on=issued_on,
        year=year,
    )


_DOC_YEAR: Final = re.compile(r"〔((?:19|20)\d{2})〕")
# "• 2020-06-22", "中国人民政治协商会议吉林市委员会| 2017-05-31": the page's date alone, or after
# the site's name in its header
_BARE_DATE: Final = re.compile(r"^(?:[^|\d]{2,40}\|)?\W*((?:19|20)\d{2})-\d{2}-\d{2}\W*$")


# The opening of key points, its title lost: "2020年,市统计局政务公开工作要以…为指导", "2023年，区
# 行政审批局将以…为主线". It tells the plan's year, and that the page is a plan (parser.py).
YEAR_OPENING: Final = (
    r"^(?P<year>(?:19|20)\d{2})年[,，]?(?:[^。，,；]{0,30}政务公开工作[，,]?\s*(?:要)?(?:坚持|以)"
    r"|[^。，,；]{2,30}?(?:将|要)(?:始终|继续)?(?:坚持|以)[^。；]{2,60}?为(?:主线|指导|统领|引领|抓手))"
)
_YEAR_OPENING: Final = re.compile(YEAR_OPENING)
_OPENING_LINES: Final = 40


def _year_of(doc_number: str | None, lines: Sequence[str]) -> int | None:
    """Without a year in the title or a signature date: the year of the notice's 文号, else of a
    date standing alone in the page's header block ("• 2020-06-22"), else the year the plan's
    opening names ("2023年，…将以…为主线")."""
    match = _DOC_YEAR.search(doc_number or "")
    if match:
        return int(match[1])
    for line in lines[:15]:
        bare = _BARE_DATE.match(line)
        if bare:
            return int(bare[1])
    for line in lines[:_OPENING_LINES]:
        opening = _YEAR_OPENING.match(compact(clean_text(line)))
        if opening:
            return int(opening["year"])
    for line in lines[:_OPENING_LINES]:
        preamble = _YEAR_OF_WORK.search(compact(clean_text(line))) or _NAMED_PLAN.search(line)
        if preamble:
            return int(next(found for found in preamble.groups() if found))
    return None


# A news item naming the plan it reports: "…发布了《…关于印发银川都市圈建设2019年工作计划的通知》".
_NAMED_PLAN: Final = re.compile(
    rf"《[^》]*?(?P<year>(?:19|20)\d{{2}})年度?[^》]*?(?:{_PLAN_WORDS})[^》]*》"
    # "…昨日,市政府公布了2012年十大实事的任务分解表": the plan named without its brackets
    rf"|(?:公布|印发|下发|出台|发布)了?(?P<published>(?:19|20)\d{{2}})年度?[^。，,；;《]{{0,20}}?(?:{_PLAN_WORDS})"
)
# The preamble's aim, "…,切实做好2020年政府工作,…", "结合2021年市政府重点工作": the year the
# plan is for; "对2020年度监督工作具体安排如下": the plan's own opening.
_YEAR_OF_WORK: Final = re.compile(
    r"(?:做好|结合|围绕)(?P<year>(?:19|20)\d{2})年度?[^。，,；;]{0,12}工作"
    r"|(?P<planned>(?:19|20)\d{2})年度?[^。，,；;]{0,12}工作(?:具体|作如下|的)?安排如下"
)
