"""Column classes of the 2019 检查指标 and when a column counts as not updated.

《政府网站与政务新媒体检查指标》(国办秘函〔2019〕19号), 单项否决 栏目不更新 (DOMAIN.md 4.2):
动态要闻类 columns (本地要闻、部门动态、区县动态、工作进展 …) must carry something new within the
2 weeks before the check; 通知公告、政策文件类 columns (通知公告、公示公告、政策、规范性文件 …)
within the 6 months before it. Other columns that should be updated have the frequency the office
sets for them (none by default: a 机构职能 page is not expected to change). 政务咨询类 columns are
judged by their replies (互动回应差), not their dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Final


class ColumnClass(StrEnum):
    NEWS = "news"  # 动态要闻类
    NOTICE = "notice"  # 通知公告、政策文件类
    CONSULT = "consult"  # 政务咨询类
    OTHER = "other"  # 其他栏目


COLUMN_CLASS_LABELS: Final = {
    ColumnClass.NEWS: "动态要闻类",
    ColumnClass.NOTICE: "通知公告、政策文件类",
    ColumnClass.CONSULT: "政务咨询类",
    ColumnClass.OTHER: "其他栏目",
}

NEWS_DAYS: Final = 14  # 2 周
NOTICE_MONTHS: Final = 6  # 6 个月

# Words in a column's name, checked in this order (政务咨询 before 通知: "咨询公告" is rare, and a
# 政策解读 column is a 政策文件类 column for the 6-month rule).
_KEYWORDS: Final[tuple[tuple[ColumnClass, tuple[str, ...]], ...]] = (
    (ColumnClass.CONSULT, ("咨询", "留言", "信箱", "问答")),
    (ColumnClass.NEWS, ("动态", "要闻", "新闻", "工作进展", "图片新闻", "媒体聚焦")),
    (ColumnClass.NOTICE, ("通知", "公告", "公示", "政策", "文件", "规范性")),
)


def classify(name: str) -> ColumnClass:
    """The class a column's name suggests; the office can override it per column."""
    for column_class, words in _KEYWORDS:
        if any(word in name for word in words):
            return column_class
    return ColumnClass.OTHER


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the 31st becomes the month's last day)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - day 28 exists in every month


@dataclass(frozen=True)
class Freshness:
    """How often the office expects each class of column to change: ``other_days`` None means
    other columns are not checked for staleness."""

    news_days: int = NEWS_DAYS
    notice_months: int = NOTICE_MONTHS
    other_days: int | None = None


def stale_since(column_class: ColumnClass, today: date, freshness: Freshness) -> date | None:
    """The earliest date a column of this class must have carried something on to count as
    updated, or None when the class is not checked for staleness."""
    if column_class is ColumnClass.NEWS:
        return today - timedelta(days=freshness.news_days)
    if column_class is ColumnClass.NOTICE:
        return months_before(today, freshness.notice_months)
    if column_class is ColumnClass.OTHER and freshness.other_days is not None:
        return today - timedelta(days=freshness.other_days)
    return None


def is_stale(column_class: ColumnClass, last_date: date | None, today: date, freshness: Freshness) -> bool:
    """Not updated within its class's period; a column whose items print no date is not updated
    ("未注明信息发布时间的视为不更新")."""
    since = stale_since(column_class, today, freshness)
    if since is None:
        return False
    return last_date is None or last_date < since
