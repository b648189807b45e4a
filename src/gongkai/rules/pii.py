"""Privacy scan before review: personal data in a record's text, and its 去标识化 (masking).

Published information must not disclose 个人隐私 (《政府信息公开条例》第十五条); the reviewer of
the 保密审查 step sees every hit in context and masks it. What is found:

- **身份证号码** (18 digits): GB 11643-1999《公民身份号码》— 6-digit 地址码 (a plausible
  province and prefecture), 8-digit birth date (a real date, not after today), 3-digit 顺序码 and
  the ISO 7064 MOD 11-2 check character. A number whose check character is wrong is still reported,
  as probable (MEDIUM): a typo still exposes the person (CONTRACTS.md §10); so is one written in
  groups ("1101 0119 9001 0100 2X", "110101-19900101-002X"). First-generation 15-digit numbers (no
  check character, birth year 19YY) optionally, with less confidence.
- **手机号码**: 11 digits 1[3-9]x, optionally after +86/0086/86; split 3-4-4 by a space or "-" it is
  probable (MEDIUM), as CONTRACTS.md §10 has it.
- **电子邮箱**: name@domain; one of a government domain (.gov.cn) or after a 举报/咨询 cue is public
  contact information (LOW).
- **银行卡号**: 16–19 digits passing the Luhn check (ISO/IEC 7812), optionally in groups of 4.
- **固定电话**: a plausible 区号 (010, 02x, 0[3-9]xx) with a 7–8 digit local number starting 2–9,
  separated by "-"/space or in parentheses, optionally with an extension; run together
  ("051885831098") only right after a cue such as "电话". Unit switchboards, 举报/咨询 lines and
  fax numbers are public information (条例 第二十条（二）联系方式), so hits after such cues are LOW.
- **姓名** (optional, always LOW): 2–4 characters with a common surname right after a cue
  ("申请人：", "姓名：", "举报人") and followed by punctuation or a space. 负责人 names are public
  (条例 第二十条（二）) and are not looked for.

False positives are avoided deliberately: digits inside 文号 (``find_doc_numbers``), 索引号
(``find_index_numbers``) and valid 统一社会信用代码 are never reported; neither are numbers glued
to letters or other digits (order numbers, serials), decimals, or amounts followed by 元/万元 or
preceded by ¥/人民币. Dates, postcodes and 12345-style hotlines never have the shape of any kind.

A hit is *certain* when its confidence is HIGH (structure and checksum agree, nothing broken up);
every hit that is not LOW needs the reviewer (:attr:`PiiHit.needs_review`) — probable ones as much
as certain ones.

The FOI form checks an applicant's ID and phone number with the same rules
(:func:`resident_id_problem`, :func:`phone_number_kind`).

Masking conventions (``mask_value``), all length-preserving so that offsets of other hits — and of
the same text inside HTML (``richtext.mask_html``) — stay valid, and separators are kept:

======== =========================================== ==========================
kind     keeps                                       example
======== =========================================== ==========================
身份证   first 4 (province and prefecture) and     4401**********1234
         last 4 (CONTRACTS.md §10)
旧身份证 first 4 and last 3                          4401********123
手机     first 3 and last 4 (+86 kept)               138****5678, 138-****-5678
银行卡   first 4 (issuer) and last 4                 6222 **** **** 1234
固定电话 区号 and last 4 of the local number;         0758-***0871
         extension hidden
电子邮箱 first character of the name, the domain     z*******@163.com
姓名     the surname, one * per other character      张*, 张**, 欧阳*
======== =========================================== ==========================

This module is pure Python and must not import Django.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from gongkai.rules.docnumber import find_doc_numbers
from gongkai.rules.indexno import find_index_numbers
from gongkai.rules.units import is_valid_org_code


class PiiKind(StrEnum):
    ID_CARD = "id_card"  # 居民身份证号码, 18 digits (GB 11643-1999)
    OLD_ID_CARD = "old_id_card"  # 15-digit first-generation 身份证号码
    MOBILE = "mobile"  # 手机号码
    BANK_CARD = "bank_card"  # 银行卡号
    LANDLINE = "landline"  # 固定电话
    NAME = "name"  # 姓名
    EMAIL = "email"  # 电子邮箱


KIND_LABELS: Final = {
    PiiKind.ID_CARD: "身份证号码",
    PiiKind.OLD_ID_CARD: "身份证号码（15位）",
    PiiKind.MOBILE: "手机号码",
    PiiKind.BANK_CARD: "银行卡号",
    PiiKind.LANDLINE: "固定电话",
    PiiKind.NAME: "姓名",
    PiiKind.EMAIL: "电子邮箱",
}


class Confidence(StrEnum):
    HIGH = "high"  # structure and checksum agree: almost certainly personal data
    MEDIUM = "medium"  # the shape fits; no checksum or no cue
    LOW = "low"  # probably public (an office number) or a guessed name: the reviewer decides


@dataclass(frozen=True)
class PiiHit:
    """One finding: ``text[start:end] == matched``; ``context`` is the surrounding text."""

    kind: PiiKind
    start: int
    end: int
    matched: str
    context: str
    confidence: Confidence

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def masked(self) -> str:
        return mask_value(self.kind, self.matched)

    @property
    def certain(self) -> bool:
        """Structure and checksum agree; False for a probable match (CONTRACTS.md §10)."""
        return self.confidence is Confidence.HIGH

    @property
    def needs_review(self) -> bool:
        """Whether publishing waits for the reviewer to mask or accept it: every hit but the LOW
        ones (office lines, guessed names), probable as much as certain."""
        return self.confidence is not Confidence.LOW


@dataclass(frozen=True)
class ScanOptions:
    old_ids: bool = True
    landlines: bool = True
    names: bool = True
    today: date | None = None  # the latest plausible birth date; date.today() when None
    context_chars: int = 12


DEFAULT_OPTIONS: Final = ScanOptions()

# --- checksums and plausibility ----------------------------------------------------------------

_ID_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK: Final = "10X98765432"
# GB/T 2260 province codes; 71 台湾, 81 香港, 82 澳门 (83 is used by 台湾居民居住证).
_PROVINCES: Final = frozenset(
    str(code)
    for code in (
        *range(11, 16),
        *range(21, 24),
        *range(31, 38),
        *range(41, 47),
        *range(50, 55),
        *range(61, 66),
        71,
        81,
        82,
        83,
    )
)


def id_check_character(first17: str) -> str:
    """GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def _plausible_region(code: str) -> bool:
    """A 6-digit 地址码 whose province exists and whose prefecture part is 01–70 or 90 (省直辖);
    港澳台 permits use 810000/820000/830000."""
    if code[:2] not in _PROVINCES:
        return False
    if code[:2] in ("71", "81", "82", "83"):
        return code[2:] == "0000"
    prefecture = int(code[2:4])
    return 1 <= prefecture <= 70 or prefecture == 90


def _birth_date(digits: str, today: date) -> date | None:
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
    return born if date(1900, 1, 1) <= born <= today else None


def is_valid_resident_id(value: str, *, today: date | None = None) -> bool:
    """Whether ``value`` is an 18-character 公民身份号码 with a plausible 地址码, a real birth
    date and the right check character (GB 11643-1999)."""
    value = value.upper()
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return False
    return (
        _plausible_region(value[:6])
        and _birth_date(value[6:14], today or date.today()) is not None
        and id_check_character(value[:17]) == value[17]
    )


def resident_id_problem(value: str, today: date) -> str | None:
    """Why ``value`` is not a 居民身份证号码 (GB 11643-1999), in words an applicant can act on;
    None when it is one. The same rules as the scan's (:func:`is_valid_resident_id`)."""
    number = value.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return "居民身份证号码应为18位，前17位是数字，最后一位是数字或X。"
    if not _plausible_region(number[:6]):
        return "居民身份证号码前6位（地址码）无效，请核对。"
    if _birth_date(number[6:14], today) is None:
        return "居民身份证号码中的出生日期无效，请核对。"
    if id_check_character(number[:17]) != number[17]:
        return "居民身份证号码校验位不正确，请核对是否输错。"
    return None


def phone_number_kind(value: str) -> PiiKind | None:
    """MOBILE or LANDLINE when the whole of ``value`` is one phone number in a spelling the scan
    finds (区号 and extension included), else None."""
    folded = value.strip().translate(_FOLD)
    if _MOBILE.fullmatch(folded):
        return PiiKind.MOBILE
    if _LANDLINE.fullmatch(folded):
        return PiiKind.LANDLINE
    return None


def _looks_like_resident_id(digits: str, today: date) -> bool:
    """Region and birth date of an ID, whatever its check character: such an 18-digit string
    is an ID with a typo, never a bank card."""
    return _plausible_region(digits[:6]) and _birth_date(digits[6:14], today) is not None


def _is_valid_old_id(value: str, today: date) -> bool:
    return _plausible_region(value[:6]) and _birth_date("19" + value[6:12], today) is not None


def luhn_valid(digits: str) -> bool:
    """The Luhn (mod 10) check of ISO/IEC 7812 card numbers."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


# --- patterns ----------------------------------------------------------------------------------

# Full-width digits, letters and signs fold to ASCII one character for one, so offsets survive.
_FOLD: Final = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
        "－": "-",
        "＋": "+",
        "（": "(",
        "）": ")",
        "\u3000": " ",
        "．": ".",
    }
)
_B: Final = r"(?<![0-9A-Za-z])(?<!\d\.)"  # not glued to letters, digits, or a decimal point
_E: Final = r"(?![0-9A-Za-z])(?!\.\d)"
_ID18: Final = re.compile(rf"{_B}\d{{17}}[\dXx]{_E}")
# The groupings people type IDs in: 6-8-4, 6-4-4-4 and 4-4-4-4-2, one separator throughout.
_ID18_GROUPED: Final = re.compile(
    rf"{_B}(?:\d{{6}}(?P<a>[ -])\d{{8}}(?P=a)\d{{3}}"
    r"|\d{6}(?P<b>[ -])\d{4}(?P=b)\d{4}(?P=b)\d{3}"
    rf"|\d{{4}}(?P<c>[ -])\d{{4}}(?P=c)\d{{4}}(?P=c)\d{{4}}(?P=c)\d)[\dXx]{_E}"
)
_ID15: Final = re.compile(rf"{_B}\d{{15}}{_E}")
_MOBILE: Final = re.compile(
    rf"{_B}(?:(?:\+86|0086|\(\+?86\)|86)[ -]?)?1[3-9]\d(?P<sep>[ -]?)\d{{4}}(?P=sep)\d{{4}}{_E}"
)
_BANK: Final = re.compile(
    rf"{_B}(?:\d{{16,19}}|\d{{4}}(?P<sep>[ -])\d{{4}}(?P=sep)\d{{4}}(?P=sep)\d{{4}}(?:(?P=sep)\d{{1,3}})?){_E}"
)
_AREA: Final = r"(?:0(?:10|2\d)|0[3-9]\d\d)"
_LOCAL: Final = r"[2-9]\d{6,7}"
_EXT: Final = r"(?:[ ]?(?:-|转|分机|ext\.?|EXT\.?)[ ]?\d{1,6})?"
_LANDLINE: Final = re.compile(rf"{_B}(?:{_AREA}[ -]?|\({_AREA}\)[ ]?){_LOCAL}(?!\d){_EXT}{_E}")
_PHONE_CUE: Final = re.compile(r"(电话|传真|座机|手机|联系方式|Tel|TEL|tel)[^\d\n]{0,4}$")
_PUBLIC_CUE: Final = re.compile(
    r"(举报|咨询|投诉|监督|服务|热线|值班|传真|办公|总机|受理|技术支持)[^\n]{0,6}$"
)
_BANK_CUE: Final = re.compile(r"(卡号|账号|帐号|银行|开户|账户|帐户)[^\n]{0,8}$")
_EMAIL: Final = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])"
)
_GOVERNMENT_DOMAIN: Final = re.compile(r"(?:^|\.)gov(?:\.cn)?$", re.IGNORECASE)
_MONEY_AFTER: Final = re.compile(r"[ ]?(元|万元|亿元|美元|欧元|港元|日元|块|角)")
_MONEY_BEFORE: Final = re.compile(r"(¥|￥|RMB|人民币|金额[:：]?)[ ]?$")

# Common surnames (百家姓 order of frequency), minus characters that are mostly function words.
_SURNAMES: Final = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦"
    "俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    "滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟"
    "臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_COMPOUND_SURNAMES: Final = (
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "轩辕",
    "端木",
    "独孤",
    "南宫",
    "西门",
    "万俟",
    "闻人",
    "澹台",
    "申屠",
    "钟离",
    "百里",
    "呼延",
)
_NAME_CUES: Final = (
    "被申请人|申请人|第三人|当事人|举报人|投诉人|信访人|来信人|委托人|代理人|受托人|户主|姓名"
)
_NAME: Final = re.compile(
    rf"(?:{_NAME_CUES})[ ]?[:：]?[ ]?(?!{_NAME_CUES}|名称|性别)"
    rf"(?P<name>(?:{'|'.join(_COMPOUND_SURNAMES)}|[{''.join(sorted(_SURNAMES))}])[\u4e00-\u9fff]{{1,2}}?)"
    r"(?=[\s，,。；;：:、（()）“”\"'《》<]|$|同志|先生|女士)"
)
_NOT_GIVEN: Final = ("某", "×", "先生", "女士", "同志", "老师")


# --- scanning ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    kind: PiiKind
    start: int
    end: int
    confidence: Confidence


def scan(text: str, options: ScanOptions = DEFAULT_OPTIONS) -> list[PiiHit]:
    """Every piece of personal data in ``text``, in order, none overlapping."""
    folded = text.translate(_FOLD)
    today = options.today or date.today()
    candidates = [
        *_email_candidates(folded),
        *_id_candidates(folded, today, options.old_ids),
        *_bank_candidates(folded, today),
        *_mobile_candidates(folded),
        *(_landline_candidates(folded) if options.landlines else ()),
        *(_name_candidates(folded) if options.names else ()),
    ]
    taken = _Spans()
    for start, end in sorted(_protected_spans(folded, today)):
        taken.add(start, end)
    kept: list[_Candidate] = []
    for candidate in candidates:  # in priority order: the first claim on a span wins
        if not taken.overlaps(candidate.start, candidate.end):
            taken.add(candidate.start, candidate.end)
            kept.append(candidate)
    kept.sort(key=lambda c: c.start)
    return [_hit(text, c, options.context_chars) for c in kept]


class _Spans:
    """Disjoint spans kept sorted (overlapping ones merged), so that the thousands of hits of a
    long text are checked against each other in log time."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)  # spans [0, i) start before ``end``
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._starts, start)
        if i > 0 and self._ends[i - 1] > start:
            i -= 1
            start, end = self._starts[i], max(end, self._ends[i])
            del self._starts[i], self._ends[i]
        while i < len(self._starts) and self._starts[i] < end:
            end = max(end, self._ends[i])
            del self._starts[i], self._ends[i]
        self._starts.insert(i, start)
        self._ends.insert(i, end)


def _hit(text: str, candidate: _Candidate, context_chars: int) -> PiiHit:
    before = text[max(0, candidate.start - context_chars) : candidate.start]
    after = text[candidate.end : candidate.end + context_chars]
    context = " ".join(f"{before}{text[candidate.start : candidate.end]}{after}".split())
    return PiiHit(
        candidate.kind,
        candidate.start,
        candidate.end,
        text[candidate.start : candidate.end],
        context,
        candidate.confidence,
    )


def _protected_spans(folded: str, today: date) -> Iterator[tuple[int, int]]:
    """Spans that look like digits of a person but are not: 文号, 索引号, 统一社会信用代码."""
    for doc in find_doc_numbers(folded, today=today):
        yield doc.start, doc.end
    for index in find_index_numbers(folded):
        yield index.start, index.end
    for match in re.finditer(rf"{_B}[0-9A-Z]{{18}}{_E}", folded):
        code = match.group()
        if not is_valid_org_code(code) or is_valid_resident_id(code, today=today):
            continue
        # One in 31 IDs with a typo passes the credit code's check too: it is a credit code only
        # if its 登记管理机关行政区划码 (characters 3–8) is a real one as well.
        mistyped_id = code[:17].isdigit() and _looks_like_resident_id(code, today)
        if mistyped_id and not _plausible_region(code[2:8]):
            continue
        yield match.span()


def _is_money(folded: str, start: int, end: int) -> bool:
    return bool(
        _MONEY_AFTER.match(folded, end) or _MONEY_BEFORE.search(folded, max(0, start - 8), start)
    )


def _id_candidates(folded: str, today: date, old_ids: bool) -> Iterator[_Candidate]:
    """Valid IDs are certain; an ID with a wrong check character or written in groups is probable
    (CONTRACTS.md §10): the 地址码 and birth date still point to one person."""
    for match in (*_ID18.finditer(folded), *_ID18_GROUPED.finditer(folded)):
        number = re.sub(r"[ -]", "", match.group()).upper()
        if not _looks_like_resident_id(number, today) or _is_money(folded, *match.span()):
            continue
        certain = match.re is _ID18 and id_check_character(number[:17]) == number[17]
        yield _Candidate(
            PiiKind.ID_CARD, *match.span(), Confidence.HIGH if certain else Confidence.MEDIUM
        )
    if not old_ids:
        return
    for match in _ID15.finditer(folded):
        if _is_valid_old_id(match.group(), today) and not _is_money(folded, *match.span()):
            yield _Candidate(PiiKind.OLD_ID_CARD, *match.span(), Confidence.MEDIUM)


def _bank_candidates(folded: str, today: date) -> Iterator[_Candidate]:
    for match in _BANK.finditer(folded):
        digits = re.sub(r"\D", "", match.group())
        if digits[0] not in "345689" or not luhn_valid(digits):
            continue  # 3 JCB/Amex, 4 Visa, 5 Mastercard, 6 UnionPay, 8/9 old domestic cards
        if len(digits) == 18 and (
            _looks_like_resident_id(digits, today) or is_valid_org_code(digits)
        ):
            continue
        if _is_money(folded, *match.span()):
            continue
        cued = _BANK_CUE.search(folded, max(0, match.start() - 14), match.start())
        yield _Candidate(
            PiiKind.BANK_CARD, *match.span(), Confidence.HIGH if cued else Confidence.MEDIUM
        )


def _mobile_candidates(folded: str) -> Iterator[_Candidate]:
    for match in _MOBILE.finditer(folded):
        if not _is_money(folded, *match.span()):
            grouped = bool(match["sep"])  # probable, as CONTRACTS.md §10 has it
            yield _Candidate(
                PiiKind.MOBILE, *match.span(), Confidence.MEDIUM if grouped else Confidence.HIGH
            )


def _email_candidates(folded: str) -> Iterator[_Candidate]:
    """E-mail addresses; a government domain's or one after a 举报/咨询 cue is the office's."""
    for match in _EMAIL.finditer(folded):
        domain = match.group().rsplit("@", 1)[1]
        public = _GOVERNMENT_DOMAIN.search(domain) or _PUBLIC_CUE.search(
            folded, max(0, match.start() - 12), match.start()
        )
        yield _Candidate(
            PiiKind.EMAIL, *match.span(), Confidence.LOW if public else Confidence.HIGH
        )


def _landline_candidates(folded: str) -> Iterator[_Candidate]:
    for match in _LANDLINE.finditer(folded):
        start, end = match.span()
        before = folded[max(0, start - 12) : start]
        separated = not re.fullmatch(r"\d+", re.sub(_EXT + "$", "", match.group()))
        if not separated and not _PHONE_CUE.search(before):
            continue  # a bare run of digits starting with 0 is only a phone number after a cue
        if _is_money(folded, start, end):
            continue
        public = _PUBLIC_CUE.search(before)
        yield _Candidate(
            PiiKind.LANDLINE, start, end, Confidence.LOW if public else Confidence.MEDIUM
        )


def _name_candidates(folded: str) -> Iterator[_Candidate]:
    for match in _NAME.finditer(folded):
        name = match["name"]
        surname = _surname_of(name)
        if surname is None or len(name) - len(surname) not in (1, 2):
            continue
        given = name[len(surname) :]
        if any(word in given for word in _NOT_GIVEN):
            continue
        yield _Candidate(PiiKind.NAME, match.start("name"), match.end("name"), Confidence.LOW)


def _surname_of(name: str) -> str | None:
    for compound in _COMPOUND_SURNAMES:
        if name.startswith(compound):
            return compound
    return name[0] if name[0] in _SURNAMES else None


# --- masking -----------------------------------------------------------------------------------


def mask_value(kind: PiiKind, value: str) -> str:
    """The 去标识化 form of ``value`` (see the module docstring); same length, separators kept."""
    if kind is PiiKind.NAME:
        surname = _surname_of(value) or value[:1]
        return surname + "*" * (len(value) - len(surname))
    if kind is PiiKind.EMAIL:
        name, _, domain = value.rpartition("@")
        return name[:1] + "*" * (len(name) - 1) + "@" + domain
    folded = value.translate(_FOLD)
    id_like = kind in (PiiKind.ID_CARD, PiiKind.OLD_ID_CARD)
    positions = [i for i, ch in enumerate(folded) if ch.isdigit() or (id_like and ch in "Xx")]
    chars = list(value)
    for n in _hidden_digit_indexes(kind, folded, len(positions)):
        chars[positions[n]] = "*"
    return "".join(chars)


def _hidden_digit_indexes(kind: PiiKind, folded: str, count: int) -> list[int]:
    """Which of the value's digits (counted from 0) are replaced by "*"."""
    if kind is PiiKind.ID_CARD:  # "1101**********002X" (CONTRACTS.md §10)
        return list(range(4, count - 4))
    if kind is PiiKind.OLD_ID_CARD:
        return list(range(4, count - 3))
    if kind is PiiKind.MOBILE:
        return list(range(count - 8, count - 4))  # the middle 4 of the last 11 digits
    if kind is PiiKind.BANK_CARD:
        return list(range(4, count - 4))
    # 固定电话: keep the 区号 and the last 4 digits of the local number; hide the extension.
    area = 3 if re.sub(r"\D", "", folded).startswith(("010", "02")) else 4
    number = re.match(rf"\D*{_AREA}\D*{_LOCAL}", folded)
    local_end = len(re.sub(r"\D", "", number.group())) if number else count
    return [*range(area, local_end - 4), *range(local_end, count)]


def mask(text: str, hits: Sequence[PiiHit]) -> str:
    """``text`` with each of ``hits`` masked; raises ValueError if a hit does not match the text
    (it was found in another version of it)."""
    chars = list(text)
    for hit in hits:
        if text[hit.start : hit.end] != hit.matched:
            raise ValueError(f"第 {hit.start} 个字符处的“{hit.matched}”已不在文本中，请重新扫描")
        chars[hit.start : hit.end] = list(mask_value(hit.kind, hit.matched))
    return "".join(chars)


def mask_all(text: str, options: ScanOptions = DEFAULT_OPTIONS) -> str:
    """``text`` with every hit of :func:`scan` masked."""
    return mask(text, scan(text, options))
