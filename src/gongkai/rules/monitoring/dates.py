"""Publication dates as Chinese government pages print them.

Real 政府网站 pages print a record's date in a few ways, all of which a monitor must read, because
the 2019 检查指标 count a page whose publication date cannot be read as not updated
("未注明信息发布时间的视为不更新", DOMAIN.md 4.2):

- a metadata table (信息公开目录 record header): ``<td>发布日期</td><td>2024-06-05</td>``,
  ``成文日期：2024年06月01日``;
- an info line under the title: ``发布时间：2024-06-05 10:30  来源：县政府办``, ``时间：2024/06/05``;
- the CMS's ``<meta name="PubDate" content="2024-06-05 10:30">`` (the name 《政府网站发展指引》
  gives; also ``firstpublishedtime``, ``publishdate`` and Open Graph's ``article:published_time``);
- a date beside each item of a column's list: ``<li><a>…</a><span>2024-06-05</span></li>``,
  ``[06-05]`` is not enough (no year) and is not read.

The forms: ``2024-06-05``, ``2024-6-5``, ``2024/06/05``, ``2024.06.05``, ``2024年6月5日`` and the
same with full-width digits. Impossible calendar dates (2024-02-30) are not dates.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Final

EARLIEST_YEAR: Final = 1990  # no government website published before this
LATEST_YEAR: Final = 2100

_DATE: Final = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:(年)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|([-/.])(\d{1,2})\5(\d{1,2}))(?!\d)"
)

# Labels in order of trust: the publication date itself, then a bare 时间/日期 line, then the date
# the document was written (成文日期), which a page without a publication date still shows.
PUBLICATION_LABELS: Final = ("发布日期", "发布时间", "发文日期", "公开日期", "印发日期", "出版日期")
GENERIC_LABELS: Final = ("时间", "日期", "更新时间", "更新日期")
WRITTEN_LABELS: Final = ("成文日期", "成文时间")

# between a label and its date: a colon, or the brackets some CMS templates put round the label
# (【发布时间】2024-06-05, [发布日期]: 2024-06-05)
_LABEL_GAP: Final = r"[\s：:】\]]*"


def normalise(text: str) -> str:
    """Full-width digits and punctuation to their ASCII forms (NFKC), whitespace kept."""
    return unicodedata.normalize("NFKC", text)


def _make(year: str, month: str, day: str) -> date | None:
    y, m, d = int(year), int(month), int(day)
    if not EARLIEST_YEAR <= y <= LATEST_YEAR:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def dates_in(text: str) -> list[date]:
    """Every valid date printed in ``text``, in the order they appear."""
    found: list[date] = []
    for match in _DATE.finditer(normalise(text)):
        if match.group(2):
            value = _make(match.group(1), match.group(3), match.group(4))
        else:
            value = _make(match.group(1), match.group(6), match.group(7))
        if value is not None:
            found.append(value)
    return found


def first_date(text: str) -> date | None:
    found = dates_in(text)
    return found[0] if found else None


def _labelled(text: str, labels: Sequence[str]) -> date | None:
    pattern = re.compile("(?:" + "|".join(re.escape(label) for label in labels) + ")" + _LABEL_GAP)
    for match in pattern.finditer(text):
        # the date must follow the label closely: 发布日期 then the value in the next cell
        head = _DATE.match(text, match.end())
        if head is None:
            continue
        value = first_date(head.group(0))
        if value is not None:
            return value
    return None


def publication_date(blocks: Iterable[str], meta_date: str | None = None) -> date | None:
    """The publication date of a content page from its text blocks (table rows, paragraphs,
    info lines, each a string) and its ``PubDate`` meta value, or None when it prints none.

    A generic ``时间：``/``日期：`` only counts with its colon, so that "办理时间 工作日" or a sentence
    mentioning a date does not pass for the page's date.
    """
    if meta_date:
        value = first_date(meta_date)
        if value is not None:
            return value
    texts = [normalise(block) for block in blocks]
    for labels, colon in ((PUBLICATION_LABELS, False), (GENERIC_LABELS, True), (WRITTEN_LABELS, False)):
        for text in texts:
            value = _labelled_colon(text, labels) if colon else _labelled(text, labels)
            if value is not None:
                return value
    return None


def _labelled_colon(text: str, labels: Sequence[str]) -> date | None:
    pattern = re.compile(
        r"(?<![\u4e00-\u9fff])(?:" + "|".join(re.escape(label) for label in labels) + r")[\s】\]]*[：:]\s*"
    )
    for match in pattern.finditer(text):
        head = _DATE.match(text, match.end())
        if head is not None:
            value = first_date(head.group(0))
            if value is not None:
                return value
    return None


def latest(values: Iterable[date | None], today: date) -> date | None:
    """The latest of ``values`` that is not after ``today`` (a date ahead is a validity end or a
    typing error, never a publication)."""
    usable = [value for value in values if value is not None and value <= today]
    return max(usable) if usable else None
