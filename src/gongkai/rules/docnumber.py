"""文号 (发文字号): parsing, validation and normalisation.

GB/T 9704-2012《党政机关公文格式》§7.2.5 (DOMAIN.md 3.4): a 发文字号 is 发文机关代字 + 年份 +
发文顺序号 + "号". The year is written in full with Arabic numerals inside 六角括号 "〔〕"
(U+3014/U+3015); the serial takes no "第" and no leading zeros ("1", not "01"). Orders (令) are
numbered differently: "国务院令第711号" (printed "中华人民共和国国务院令 第711号"), some ministries
with a year ("交通运输部令2016年第1号"), some local governments as "第5号令".

What clerks type deviates in known ways, and :func:`parse_doc_number` accepts them all and
:func:`normalize_doc_number` writes the standard form:

- look-alike brackets: ``[ ]``, ``［ ］``, ``( )``, ``（ ）``, ``【 】``, ``﹝ ﹞``, ``〖 〗`` → ``〔 〕``
  (old local rules put the year in "[ ]", DOMAIN.md 3.3);
- "第" before the serial ("〔2019〕第12号") and zero padding ("〔2019〕068号");
- full-width digits ("〔２０１９〕") and spaces anywhere;
- a missing final "号".

What cannot be read raises :class:`DocNumberError` with a message a clerk can act on.
:func:`find_doc_numbers` finds 文号 in running text (to link documents, and so that the privacy
scan never mistakes one for personal data).

This module is pure Python and must not import Django.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Final

EARLIEST_YEAR: Final = 1949  # no 发文字号 of the People's Republic predates it
MAX_SERIAL_DIGITS: Final = 7

# Look-alike brackets after NFKC (which already folds ［］（）﹝﹞ into [](){}〔〕).
_BRACKETS: Final = str.maketrans(
    {"[": "〔", "]": "〕", "(": "〔", ")": "〕", "【": "〔", "】": "〕", "〖": "〔", "〗": "〕"}
)
_ISSUER: Final = re.compile(r"[\u3400-\u9fffA-Za-z]+")
_BRACKET_FORM: Final = re.compile(
    r"^(?P<issuer>.*?)〔(?P<year>[^〔〕]*)〕(?P<di>第?)(?P<serial>[0-9]+)(?P<hao>号?)$"
)
_ORDER_FORM: Final = re.compile(
    r"^(?P<issuer>.*令)(?:(?P<year>[0-9]{4})年)?第(?P<serial>[0-9]+)号$"
)
_ORDER_SUFFIX_FORM: Final = re.compile(r"^(?P<issuer>.+?)第(?P<serial>[0-9]+)号令$")

_EXAMPLE: Final = "应写作“机关代字〔年份〕序号号”，如“国发〔2018〕1号”；令写作“国务院令第711号”"


class DocNumberError(ValueError):
    """A 文号 that cannot be read; ``str(error)`` is a Chinese message for the clerk."""


@dataclass(frozen=True)
class DocNumber:
    """A parsed 文号. ``issuer`` is the 发文机关代字 ("海府办函"); for an order it ends in "令"
    ("国务院令") and ``year`` is only set when the order number carries one."""

    issuer: str
    year: int | None
    serial: int
    is_order: bool = False

    def __str__(self) -> str:
        if not self.is_order:
            return f"{self.issuer}〔{self.year}〕{self.serial}号"
        year = f"{self.year}年" if self.year is not None else ""
        return f"{self.issuer}{year}第{self.serial}号"

    @property
    def text(self) -> str:
        """The standard written form (GB/T 9704-2012 §7.2.5)."""
        return str(self)


@dataclass(frozen=True)
class DocNumberMatch:
    """A 文号 found in running text: ``text[start:end]`` as written there, and its parse."""

    start: int
    end: int
    text: str
    number: DocNumber


def _fold(text: str) -> str:
    """NFKC (full-width digits and brackets to ASCII), no whitespace, brackets as 〔〕."""
    folded = unicodedata.normalize("NFKC", text)
    folded = "".join(folded.split())
    return folded.translate(_BRACKETS)


def _latest_year(today: date | None) -> int:
    return (today or date.today()).year + 1  # next year's numbers appear in late December drafts


def parse_doc_number(text: str, *, today: date | None = None) -> DocNumber:
    """Read a 文号 in any of the tolerated spellings; raise :class:`DocNumberError` if it is not one."""
    shown = text.strip()
    folded = _fold(text)
    if not folded:
        raise DocNumberError("文号为空，请填写，如“国发〔2018〕1号”；没有文号的信息请留空此项")
    bracket = _BRACKET_FORM.match(folded)
    if bracket:
        return DocNumber(
            issuer=_check_issuer(shown, bracket["issuer"]),
            year=_check_year(shown, bracket["year"], today),
            serial=_check_serial(shown, bracket["serial"]),
        )
    order = _ORDER_FORM.match(folded) or _ORDER_SUFFIX_FORM.match(folded)
    if order:
        year_text = order.groupdict().get("year")
        return DocNumber(
            issuer=_check_issuer(shown, order["issuer"].removesuffix("令")) + "令",
            year=_check_year(shown, year_text, today) if year_text else None,
            serial=_check_serial(shown, order["serial"]),
            is_order=True,
        )
    raise DocNumberError(_diagnose(shown, folded))


def _diagnose(shown: str, folded: str) -> str:
    if re.search(r"\d{4}年", folded) and "令" not in folded:
        return f"文号“{shown}”的年份应放在六角括号〔〕内，{_EXAMPLE}"
    if "〔" in folded or "〕" in folded:
        return f"文号“{shown}”的括号不成对或序号不是数字，{_EXAMPLE}"
    return f"无法识别文号“{shown}”，{_EXAMPLE}"


def _check_year(shown: str, year_text: str, today: date | None) -> int:
    if not year_text.isdigit() or not year_text.isascii():
        raise DocNumberError(f"文号“{shown}”的括号内应是四位数字的年份，如〔2019〕")
    if len(year_text) != 4:
        raise DocNumberError(f"文号“{shown}”中的年份“{year_text}”应写全四位，如〔2019〕")
    year, latest = int(year_text), _latest_year(today)
    if not EARLIEST_YEAR <= year <= latest:
        raise DocNumberError(
            f"文号“{shown}”中的年份 {year} 不在 {EARLIEST_YEAR}—{latest} 年之间，请核对"
        )
    return year


def _check_serial(shown: str, serial_text: str) -> int:
    serial = int(serial_text)
    if serial == 0:
        raise DocNumberError(f"文号“{shown}”的发文顺序号不能为 0")
    if len(str(serial)) > MAX_SERIAL_DIGITS:
        raise DocNumberError(f"文号“{shown}”的发文顺序号过长，请核对")
    return serial


def _check_issuer(shown: str, issuer: str) -> str:
    if not issuer:
        raise DocNumberError(f"文号“{shown}”缺少发文机关代字，如“国发〔2018〕1号”中的“国发”")
    if not _ISSUER.fullmatch(issuer):
        raise DocNumberError(
            f"文号“{shown}”的发文机关代字“{issuer}”只能由汉字或字母组成，不应含数字、括号或标点"
        )
    return issuer


def normalize_doc_number(text: str, *, today: date | None = None) -> str:
    """The standard form of a 文号: "海府办函[2019]第068号" → "海府办函〔2019〕68号"."""
    return str(parse_doc_number(text, today=today))


def is_standard_doc_number(text: str, *, today: date | None = None) -> bool:
    """Whether ``text`` is a valid 文号 already written in the standard form."""
    try:
        return normalize_doc_number(text, today=today) == text
    except DocNumberError:
        return False


def doc_number_changes(text: str, *, today: date | None = None) -> tuple[str, ...]:
    """What :func:`normalize_doc_number` changes, in words for the clerk ("已将括号改为〔〕")."""
    number = parse_doc_number(text, today=today)
    changes: list[str] = []
    if any(ch.isspace() for ch in text.strip()):
        changes.append("已去掉空格")
    if any("０" <= ch <= "９" for ch in text):
        changes.append("已将全角数字改为半角数字")
    if not number.is_order and any(ch in "[]()［］（）【】﹝﹞〖〗" for ch in text):
        changes.append("已将年份的括号改为六角括号〔〕")
    folded = _fold(text)
    bracket = _BRACKET_FORM.match(folded) if not number.is_order else None
    if bracket and bracket["di"]:
        changes.append("已去掉序号前的“第”")
    if bracket and bracket["serial"].startswith("0"):
        changes.append("已去掉序号前补的 0")
    if bracket and not bracket["hao"]:
        changes.append("已补上末尾的“号”")
    if number.is_order and folded != str(number):
        changes.append("已将令的编号改写为“××令第N号”")
    return tuple(changes)


# --- finding 文号 in running text ------------------------------------------------------------

_C: Final = r"(?:(?![号第])[\u3400-\u9fffA-Za-zＡ-Ｚａ-ｚ])"  # a character of a 机关代字
_D: Final = r"[0-9０-９]"
_SP: Final = r"[ \u3000]?"
_FIND_BRACKET: Final = re.compile(
    rf"(?P<issuer>{_C}{{1,16}}){_SP}[〔\[［【(（﹝〖]{_SP}{_D}{{4}}{_SP}[〕\]］】)）﹞〗]"
    rf"{_SP}(?:第{_SP})?{_D}{{1,{MAX_SERIAL_DIGITS}}}{_SP}号(?!令)"
)
_FIND_ORDER: Final = re.compile(
    rf"(?P<issuer>{_C}{{0,15}}令){_SP}(?:{_D}{{4}}年)?第{_SP}{_D}{{1,{MAX_SERIAL_DIGITS}}}{_SP}号(?!令)"
    rf"|(?P<issuer2>{_C}{{1,16}}?)第{_SP}{_D}{{1,{MAX_SERIAL_DIGITS}}}{_SP}号令"
)
_ISSUER_RUN: Final = re.compile(rf"{_C}*")
# Prose that runs into a 机关代字 ("深入贯彻国办发〔2017〕24号"): everything up to the last of
# these words is cut. No 机关代字 contains them.
_LEAD_IN: Final = re.compile(
    r"^.*(?:根据|依据|依照|按照|参照|遵照|对照|贯彻|落实|执行|印发|转发|详见|参见|关于|文件|号文|"
    r"精神|要求|规定|通知|意见|办法|方案|深入|认真|严格|以及|并且)"
)
# Single characters cut from the front only: "及国办发…". 和/即 start place names (和平、即墨), so
# they are cut only when at least three characters remain.
_LEAD_CHARS: Final = {"的": 2, "及": 2, "与": 2, "或": 2, "并": 2, "和": 3, "即": 3, "见": 3}


def _trim_lead_ins(issuer: str) -> int:
    """How many characters at the front of ``issuer`` are prose rather than 机关代字."""
    cut = 0
    prose = _LEAD_IN.match(issuer)
    if prose and len(issuer) - prose.end() >= 2:
        cut = prose.end()
    while cut < len(issuer) and len(issuer) - cut - 1 >= _LEAD_CHARS.get(issuer[cut], len(issuer)):
        cut += 1
    return cut


def find_doc_numbers(text: str, *, today: date | None = None) -> list[DocNumberMatch]:
    """Every 文号 in ``text`` (bracketed and 令 forms, tolerated spellings), in order."""
    spans: list[tuple[int, int]] = []
    for pattern in (_FIND_BRACKET, _FIND_ORDER):
        for match in pattern.finditer(text):
            group = "issuer" if match["issuer"] is not None else "issuer2"
            spans.append((match.start(group), match.end()))
    found: list[DocNumberMatch] = []
    for start, end in sorted(spans):
        if found and start < found[-1].end:  # "…第5号令及国办发〔2018〕1号": the issuer ran back
            start = found[-1].end
        run = _ISSUER_RUN.match(text, start, end)
        start += _trim_lead_ins(run.group() if run else "")
        try:
            number = parse_doc_number(text[start:end], today=today)
        except DocNumberError:
            continue
        found.append(DocNumberMatch(start=start, end=end, text=text[start:end], number=number))
    return found
