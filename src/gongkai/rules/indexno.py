"""索引号: generating our own, and reading the schemes found on existing 公开目录 for imports.

《政府信息公开目录系统实施指引(试行)》(国务院办公厅秘书局, DOMAIN.md 3.1): the 索引号 is unique and
permanent ("一经生成不因发布机构变更而更改"), written "前段码/后段码". 前段码 is the publishing unit's
组织机构代码 (9 characters, the "-" dropped); 后段码 is the 4-digit year, "-", and a 5-digit serial:
``005275134/2017-00180``. Many sites use the 18-character 统一社会信用代码 as 前段码, and some the
``{year}{month}`` period (``11341702486344515H/202110-00013``); both are configurable here through
:class:`IndexFormat`.

The generator is pure: given the unit's code, the publication date and the next serial it writes
the string. Handing out serials without gaps or duplicates under concurrent publishing is the
``records`` app's job; :func:`sequence_key` tells it which counter a number draws from (one per
前段码 and year, or per 前段码 and month). Serials are zero-padded to 5 digits and simply grow
past 99999 (DOMAIN.md 9.4: "≥5-digit zero padding").

:func:`parse_imported_index_number` reads, tolerantly, the local schemes listed in DOMAIN.md 3.2 so
that old catalogs can be imported with their 索引号 unchanged.

This module is pure Python and must not import Django.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from gongkai.rules.units import organization_code

SERIAL_WIDTH: Final = 5
EARLIEST_YEAR: Final = 1949
LATEST_YEAR: Final = 2099


class IndexNumberError(ValueError):
    """An 索引号 that cannot be made or read; ``str(error)`` is a Chinese message for the clerk."""


class PeriodForm(StrEnum):
    """The period part of the 后段码."""

    YEAR = "year"  # 2019-13123 (实施指引)
    YEAR_MONTH = "year_month"  # 201705-00239


class PrefixForm(StrEnum):
    """What the 前段码 is made of."""

    ORG_CODE = "org_code"  # 9-character 组织机构代码, "-" dropped (实施指引)
    CREDIT_CODE = "credit_code"  # the 18-character 统一社会信用代码 itself


class IndexScheme(StrEnum):
    """Which scheme an imported 索引号 follows (DOMAIN.md 3.2)."""

    STANDARD = "standard"  # {code}/{YYYY}-{serial}
    STANDARD_MONTH = "standard_month"  # {code}/{YYYYMM}-{serial}
    DASHED = "dashed"  # {code}-{YYYY}-{serial}, e.g. 01527918X-2020-153077 (云南)
    DATED_SIX_PART = "dated_six_part"  # 地区-部门-类别-分组-YYYYMMDD-顺序号 (宁波)
    DIGITS_21 = "digits_21"  # 21 digits in 6 parts, 地区代码 first (云南民政厅)
    LOCAL = "local"  # other "-"-separated local schemes (连云港 4 parts …)


@dataclass(frozen=True)
class IndexFormat:
    """How a unit writes its 索引号; the default is the 实施指引 form."""

    period: PeriodForm = PeriodForm.YEAR
    prefix: PrefixForm = PrefixForm.ORG_CODE


DEFAULT_FORMAT: Final = IndexFormat()


@dataclass(frozen=True)
class IndexNumber:
    """One of our own 索引号: ``{prefix}/{period}-{serial:05d}``."""

    prefix: str
    year: int
    serial: int
    month: int | None = None

    def __str__(self) -> str:
        return f"{self.prefix}/{self.period}-{self.serial:0{SERIAL_WIDTH}d}"

    @property
    def text(self) -> str:
        return str(self)

    @property
    def period(self) -> str:
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}{self.month:02d}"

    @property
    def sequence_key(self) -> str:
        """The counter this number's serial was drawn from: "005275134/2017"."""
        return f"{self.prefix}/{self.period}"


@dataclass(frozen=True)
class ImportedIndexNumber:
    """An 索引号 read from an existing catalog. ``code`` is what identifies the publishing unit
    in that scheme; ``year``, ``month`` and ``serial`` are None where the scheme has none or this
    module cannot locate them."""

    text: str
    scheme: IndexScheme
    code: str
    year: int | None
    month: int | None
    serial: int | None

    def as_own(self) -> IndexNumber | None:
        """The same number as an :class:`IndexNumber`, if it is in one of our own forms."""
        if self.scheme not in (IndexScheme.STANDARD, IndexScheme.STANDARD_MONTH):
            return None
        if self.year is None or self.serial is None:
            return None
        return IndexNumber(
            prefix=self.code.replace("-", ""), year=self.year, serial=self.serial, month=self.month
        )


@dataclass(frozen=True)
class IndexNumberMatch:
    """An 索引号 found in running text (``text[start:end]``)."""

    start: int
    end: int
    text: str


# --- generating --------------------------------------------------------------------------------


def index_prefix(org_code: str, form: PrefixForm = PrefixForm.ORG_CODE) -> str:
    """The 前段码 for a unit from its 统一社会信用代码 (or bare 组织机构代码)."""
    code = org_code.strip().upper()
    if form is PrefixForm.CREDIT_CODE:
        if re.fullmatch(r"[0-9A-Z]{18}", code):
            return code
        raise IndexNumberError(
            f"单位代码“{org_code}”不是 18 位统一社会信用代码，无法生成索引号，请在单位信息中补正"
        )
    prefix = organization_code(code)
    if not re.fullmatch(r"[0-9A-Z]{9}", prefix):
        raise IndexNumberError(
            f"无法从单位代码“{org_code}”得到组织机构代码，无法生成索引号："
            "应为 18 位统一社会信用代码或 9 位组织机构代码，请在单位信息中补正"
        )
    return prefix


def sequence_key(org_code: str, published_on: date, fmt: IndexFormat = DEFAULT_FORMAT) -> str:
    """Which serial counter a number published on ``published_on`` draws from:
    "005275134/2017" (per year) or "003240560/201705" (per month)."""
    prefix = index_prefix(org_code, fmt.prefix)
    return f"{prefix}/{_period(published_on, fmt.period)}"


def _period(on: date, form: PeriodForm) -> str:
    return f"{on.year:04d}" if form is PeriodForm.YEAR else f"{on.year:04d}{on.month:02d}"


def make_index_number(
    org_code: str, published_on: date, serial: int, fmt: IndexFormat = DEFAULT_FORMAT
) -> IndexNumber:
    """The 索引号 with ``serial`` in the counter of :func:`sequence_key` (serials start at 1)."""
    if serial < 1:
        raise IndexNumberError(f"索引号的顺序号必须从 1 开始，收到 {serial}")
    month = published_on.month if fmt.period is PeriodForm.YEAR_MONTH else None
    return IndexNumber(
        prefix=index_prefix(org_code, fmt.prefix),
        year=published_on.year,
        serial=serial,
        month=month,
    )


# --- reading our own form ----------------------------------------------------------------------

_OWN: Final = re.compile(
    r"(?P<prefix>[0-9A-Z]{9}|[0-9A-Z]{18})/(?P<period>\d{4}|\d{6})-(?P<serial>\d{5,})"
)
_OWN_EXAMPLE: Final = "应为“前段码/年份-5位顺序号”，如“005275134/2017-00180”"


def parse_index_number(text: str) -> IndexNumber:
    """Read one of our own 索引号, exactly as :class:`IndexNumber` writes it."""
    match = _OWN.fullmatch(text) if text.isascii() else None
    if match is None:
        raise IndexNumberError(f"索引号“{text}”格式不对，{_OWN_EXAMPLE}")
    year, month = _read_period(text, match["period"])
    number = IndexNumber(
        prefix=match["prefix"], year=year, serial=int(match["serial"]), month=month
    )
    if number.serial == 0 or str(number) != text:
        raise IndexNumberError(f"索引号“{text}”的顺序号不对：应从 00001 起，补足 5 位")
    return number


def _read_period(text: str, period: str) -> tuple[int, int | None]:
    year = int(period[:4])
    month = int(period[4:]) if len(period) == 6 else None
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise IndexNumberError(f"索引号“{text}”中的年份 {year} 不合理，请核对")
    if month is not None and not 1 <= month <= 12:
        raise IndexNumberError(f"索引号“{text}”中的月份 {month:02d} 不合理，请核对")
    return year, month


# --- reading imported schemes ------------------------------------------------------------------

_CODE: Final = r"(?P<code>[0-9A-Z]{7,8}-?[0-9A-Z]|[0-9A-Z]{18})"
_STANDARD: Final = re.compile(rf"{_CODE}/(?P<period>\d{{4}}|\d{{6}})-(?P<serial>\d{{1,8}})")
_DASHED: Final = re.compile(rf"{_CODE}-(?P<period>\d{{4}})-(?P<serial>\d{{1,8}})")
_SIX_PART: Final = re.compile(
    r"(?P<region>[0-9A-Z]+)-(?P<dept>[0-9A-Z]+)-[0-9A-Z]+-[0-9A-Z]+-(?P<date>\d{8})-(?P<serial>\d+)"
)
_LABEL: Final = re.compile(r"^索\s*引\s*号\s*[:：]?")


def parse_imported_index_number(text: str) -> ImportedIndexNumber:
    """Read an 索引号 from an existing catalog in any scheme of DOMAIN.md 3.2."""
    cleaned = "".join(unicodedata.normalize("NFKC", _LABEL.sub("", text.strip())).split()).upper()
    if not cleaned or not re.fullmatch(r"[0-9A-Z/-]+", cleaned):
        raise IndexNumberError(
            f"无法识别索引号“{text.strip()}”：只能含字母、数字、“/”和“-”，{_OWN_EXAMPLE}"
        )
    for reader in (_read_standard, _read_dashed, _read_six_part, _read_digits_21, _read_local):
        parsed = reader(cleaned)
        if parsed is not None:
            return parsed
    raise IndexNumberError(f"无法识别索引号“{text.strip()}”，{_OWN_EXAMPLE}")


def _read_standard(text: str) -> ImportedIndexNumber | None:
    match = _STANDARD.fullmatch(text)
    if match is None:
        return None
    year, month = _read_period(text, match["period"])
    scheme = IndexScheme.STANDARD if month is None else IndexScheme.STANDARD_MONTH
    return ImportedIndexNumber(text, scheme, match["code"], year, month, int(match["serial"]))


def _read_dashed(text: str) -> ImportedIndexNumber | None:
    match = _DASHED.fullmatch(text)
    if match is None:
        return None
    year, _ = _read_period(text, match["period"])
    return ImportedIndexNumber(
        text, IndexScheme.DASHED, match["code"], year, None, int(match["serial"])
    )


def _read_six_part(text: str) -> ImportedIndexNumber | None:
    match = _SIX_PART.fullmatch(text)
    if match is None or (made_on := _date_or_none(match["date"])) is None:
        return None
    return ImportedIndexNumber(
        text,
        IndexScheme.DATED_SIX_PART,
        f"{match['region']}-{match['dept']}",
        made_on.year,
        made_on.month,
        int(match["serial"]),
    )


def _read_digits_21(text: str) -> ImportedIndexNumber | None:
    # The rule names six parts (地区代码 6 digits first, then 部门代码, 文件类别, 内设机构代码,
    # 年代码, 流水号) but DOMAIN.md does not record the widths after the region, so only the
    # region is read; year and serial stay unknown rather than guessed.
    if not re.fullmatch(r"\d{21}", text):
        return None
    return ImportedIndexNumber(text, IndexScheme.DIGITS_21, text[:6], None, None, None)


def _read_local(text: str) -> ImportedIndexNumber | None:
    """Any other scheme of "-"/"/"-separated parts: the year is the first part shaped like
    YYYY, YYYYMM or YYYYMMDD; the code is what precedes it; the serial is the last part."""
    parts = re.split(r"[-/]", text)
    if len(parts) < 2 or any(not part for part in parts):
        return None
    for i, part in enumerate(parts[1:], start=1):
        found = _period_or_none(part)
        if found is not None:
            serial = int(parts[-1]) if i < len(parts) - 1 and parts[-1].isdigit() else None
            return ImportedIndexNumber(
                text, IndexScheme.LOCAL, "-".join(parts[:i]), found[0], found[1], serial
            )
    serial = int(parts[-1]) if parts[-1].isdigit() else None
    return ImportedIndexNumber(text, IndexScheme.LOCAL, parts[0], None, None, serial)


def _period_or_none(part: str) -> tuple[int, int | None] | None:
    if not part.isdigit() or len(part) not in (4, 6, 8):
        return None
    if len(part) == 8:
        made_on = _date_or_none(part)
        return (made_on.year, made_on.month) if made_on else None
    year = int(part[:4])
    month = int(part[4:]) if len(part) == 6 else None
    if not 1980 <= year <= LATEST_YEAR or (month is not None and not 1 <= month <= 12):
        return None
    return year, month


def _date_or_none(digits: str) -> date | None:
    try:
        made_on = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None
    return made_on if EARLIEST_YEAR <= made_on.year <= LATEST_YEAR else None


# --- finding 索引号 in running text ------------------------------------------------------------

_FIND: Final = re.compile(
    r"(?<![0-9A-Za-z])(?:[0-9A-Z]{7,8}-?[0-9A-Z]|[0-9A-Z]{18})"
    r"(?:/\d{4}(?:\d{2})?|-\d{4})-\d{1,8}(?![0-9A-Za-z])"
)


def find_index_numbers(text: str) -> list[IndexNumberMatch]:
    """Every 索引号 of the standard or dashed schemes in ``text`` (so the privacy scan skips them)."""
    return [IndexNumberMatch(m.start(), m.end(), m.group()) for m in _FIND.finditer(text)]
