"""Findings from a crawl: what the 2019 检查指标 punish, each with the evidence to show for it.

The input is what the crawler read (:class:`PageSummary` per fetched page, :class:`BrokenLink`
per link that did not answer, :class:`Probe` per availability probe); the output is the contract's
``columns`` and the list of :class:`Finding`. Everything is decided here, from plain data, so the
same crawl always gives the same findings (a crawl resumed after being killed included).

Thresholds (国办秘函〔2019〕19号, 单项否决指标; DOMAIN.md 4.2):
- 站点无法访问: share of probes not answered within 15 s over a week ≥ 5 % (a share above 1 % is
  still a deduction under 首页可用性);
- 首页不更新: nothing new on the home page for 2 weeks (a home page that is only navigation is
  judged by its second-level pages); an undated home page counts as not updated;
- 栏目不更新: stale 动态要闻 (2 weeks) plus 通知公告/政策文件 (6 months) columns ≥ 5, or other
  columns that should be updated but are long stale ≥ 10, or 空白栏目 ≥ 5.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final

from gongkai.rules.monitoring.columns import (
    COLUMN_CLASS_LABELS,
    ColumnClass,
    Freshness,
    classify,
    is_stale,
)

HOME_DAYS: Final = 14
STALE_NEWS_NOTICE_VETO: Final = 5
STALE_OTHER_VETO: Final = 10
BLANK_VETO: Final = 5
UNAVAILABLE_VETO: Final = Decimal("0.05")
UNAVAILABLE_DEDUCT: Final = Decimal("0.01")
PROBES_PER_DAY: Final = 20
PROBE_DAYS: Final = 7

# The contract's indicator names (CONTRACTS.md section 8).
UNAVAILABLE: Final = "站点无法访问"
HOME_STALE: Final = "首页不更新"
COLUMN_STALE: Final = "栏目不更新"
COLUMN_BLANK: Final = "空白栏目"
BROKEN_LINK: Final = "链接不可用"
UNDATED: Final = "未注明发布时间"


@dataclass(frozen=True)
class PageSummary:
    """One fetched page as the findings need it (the crawler keeps more)."""

    url: str
    depth: int
    title: str = ""
    is_html: bool = True
    ok: bool = True  # answered 2xx (after redirects)
    item_dates: tuple[date, ...] = ()  # the dates printed beside list items
    items: int = 0  # list items linking within the site
    pub_date: date | None = None  # the page's own labelled publication date
    blank_marker: bool = False  # prints 暂无信息 / 暂无内容 where a list would be
    via_list: bool = False  # reached from a list item: a content page
    continuation: bool = False  # reached by 下一页: a later page of a column


@dataclass(frozen=True)
class ColumnSpec:
    """A column the office registered: its URL and class (and the name it knows it by)."""

    url: str
    column_class: ColumnClass
    name: str = ""


@dataclass(frozen=True)
class BrokenLink:
    page: str  # the first page (nearest the home page) that carries the link
    link: str
    status: int | None
    error: str | None
    on_home: bool = False
    internal: bool = True

    def as_contract(self) -> dict[str, Any]:
        return {"page": self.page, "link": self.link, "status": self.status, "error": self.error}


@dataclass(frozen=True)
class Probe:
    at: datetime
    ok: bool  # answered within the timeout


@dataclass(frozen=True)
class Finding:
    indicator: str
    veto: bool
    evidence: Mapping[str, Any]
    key: str  # stable within a site: the same defect keeps its key from one crawl to the next
    points: Decimal | None = None  # stated by an inspector; crawl findings take the system's

    def as_contract(self) -> dict[str, Any]:
        return {"indicator": self.indicator, "veto": self.veto, "evidence": dict(self.evidence)}


@dataclass(frozen=True)
class Column:
    url: str
    title: str
    column_class: ColumnClass
    last_date: date | None
    items: int
    blank: bool
    undated_items: bool = False

    def as_contract(self) -> dict[str, Any]:
        return {
            "url": self.url, "title": self.title,
            "last_date": self.last_date.isoformat() if self.last_date else None,
            "items": self.items, "blank": self.blank,
        }


@dataclass(frozen=True)
class CrawlAnalysis:
    home_last_date: date | None
    columns: list[Column]
    undated_pages: list[str]
    findings: list[Finding] = field(default_factory=list)


def _last(dates: Iterable[date], today: date) -> date | None:
    usable = [value for value in dates if value <= today]
    return max(usable) if usable else None


def is_column_page(page: PageSummary) -> bool:
    """A list page the crawler found on its own: a page (not the home page, not a later page of a
    list) whose list items carry dates, or that says it has nothing yet (暂无信息), and that has no
    publication date of its own (an article with a 相关文章 list is not a column)."""
    if page.depth == 0 or not page.is_html or not page.ok or page.continuation:
        return False
    if page.pub_date is not None:
        return False
    return bool(page.item_dates) or (page.blank_marker and page.items == 0)


def find_columns(
    pages: Iterable[PageSummary], today: date, specs: Sequence[ColumnSpec] = ()
) -> list[Column]:
    """The site's columns: the registered ones when the office gave any, otherwise the list pages
    found (:func:`is_column_page`), each with its class, last date and item count."""
    by_url = {spec.url: spec for spec in specs}
    columns: list[Column] = []
    for page in pages:
        spec = by_url.get(page.url)
        if specs and spec is None:
            continue
        if spec is None and not is_column_page(page):
            continue
        title = (spec.name if spec and spec.name else page.title).strip()
        column_class = spec.column_class if spec else classify(title)
        last_date = _last(page.item_dates, today)
        columns.append(Column(
            url=page.url, title=title, column_class=column_class, last_date=last_date,
            items=page.items, blank=page.items == 0 and (spec is not None or page.blank_marker),
            undated_items=page.items > 0 and last_date is None,
        ))
    columns.sort(key=lambda column: column.url)
    return columns


def undated_pages(pages: Iterable[PageSummary]) -> list[str]:
    """Content pages (reached from a list item; not themselves lists) that print no publication
    date: "未注明信息发布时间的视为不更新"."""
    return sorted(
        page.url for page in pages
        if page.via_list and page.depth > 0 and page.is_html and page.ok
        and page.pub_date is None and not page.item_dates and not page.blank_marker
        and not page.continuation
    )


def home_freshness(home: PageSummary | None, second_level: Iterable[PageSummary], today: date) -> tuple[date | None, date | None, bool]:
    """(the home page's own last date, the date judged, whether the home page is only navigation
    and so judged by its second-level pages)."""
    own = None if home is None else _last((*home.item_dates, *([home.pub_date] if home.pub_date else [])), today)
    if own is not None:
        return own, own, False
    below = _last((day for page in second_level for day in page.item_dates), today)
    return None, below, True


def analyse(
    pages: Iterable[PageSummary],
    broken: Iterable[BrokenLink],
    today: date,
    *,
    freshness: Freshness | None = None,
    specs: Sequence[ColumnSpec] = (),
    probes: Sequence[Probe] = (),
) -> CrawlAnalysis:
    """Every finding of one crawl (and of the week's probes, when given)."""
    freshness = freshness or Freshness()
    page_list = list(pages)
    home = next((page for page in page_list if page.depth == 0), None)
    columns = find_columns(page_list, today, specs)
    undated = undated_pages(page_list)
    findings: list[Finding] = []
    findings += availability_findings(probes)
    own, judged, navigation_only = home_freshness(home, (p for p in page_list if p.depth == 1), today)
    if judged is None or judged < today - timedelta(days=HOME_DAYS):
        findings.append(Finding(HOME_STALE, True, {
            "home": home.url if home else None,
            "last_date": judged.isoformat() if judged else None,
            "days": (today - judged).days if judged else None,
            "judged_by_second_level": navigation_only,
        }, key=HOME_STALE))
    findings += column_findings(columns, today, freshness)
    findings += [
        Finding(BROKEN_LINK, False, {**link.as_contract(), "on_home": link.on_home, "internal": link.internal},
                key=f"{BROKEN_LINK}:{link.link}")
        for link in sorted(broken, key=lambda link: link.link)
    ]
    findings += [Finding(UNDATED, False, {"page": url}, key=f"{UNDATED}:{url}") for url in undated]
    return CrawlAnalysis(own, columns, undated, findings)


def column_findings(columns: Sequence[Column], today: date, freshness: Freshness) -> list[Finding]:
    findings: list[Finding] = []
    stale_news_notice = stale_other = blank = 0
    for column in columns:
        label = COLUMN_CLASS_LABELS[column.column_class]
        if column.blank:
            blank += 1
            findings.append(Finding(COLUMN_BLANK, False, {
                "column": column.url, "title": column.title, "class": label,
            }, key=f"{COLUMN_BLANK}:{column.url}"))
            continue
        if not is_stale(column.column_class, column.last_date, today, freshness):
            continue
        if column.column_class is ColumnClass.OTHER:
            stale_other += 1
        else:
            stale_news_notice += 1
        findings.append(Finding(COLUMN_STALE, False, {
            "column": column.url, "title": column.title, "class": label,
            "class_code": column.column_class.value,
            "last_date": column.last_date.isoformat() if column.last_date else None,
            "undated": column.undated_items,
        }, key=f"{COLUMN_STALE}:{column.url}"))
    reasons = []
    if stale_news_notice >= STALE_NEWS_NOTICE_VETO:
        reasons.append(f"动态要闻类、通知公告政策文件类栏目不更新 {stale_news_notice} 个（≥{STALE_NEWS_NOTICE_VETO}）")
    if stale_other >= STALE_OTHER_VETO:
        reasons.append(f"应更新但长期未更新的栏目 {stale_other} 个（≥{STALE_OTHER_VETO}）")
    if blank >= BLANK_VETO:
        reasons.append(f"空白栏目 {blank} 个（≥{BLANK_VETO}）")
    if reasons:
        findings.append(Finding(COLUMN_STALE, True, {
            "stale_news_notice": stale_news_notice, "stale_other": stale_other, "blank": blank,
            "reasons": reasons,
        }, key=f"{COLUMN_STALE}:否决"))
    return findings


def _share(failed: int, total: int) -> Decimal:
    return (Decimal(failed) / Decimal(total)).quantize(Decimal("0.0001"), ROUND_HALF_UP)


def availability_findings(probes: Sequence[Probe]) -> list[Finding]:
    """站点无法访问 over the probes of a week: a veto at ≥ 5 % not answered within the timeout, a
    deduction (首页可用性) above 1 %. Says whether the week had the ≥ 20 probes a day asked for."""
    if not probes:
        return []
    failed = sum(1 for probe in probes if not probe.ok)
    share = _share(failed, len(probes))
    if share <= UNAVAILABLE_DEDUCT:
        return []
    per_day: dict[date, int] = {}
    for probe in probes:
        per_day[probe.at.date()] = per_day.get(probe.at.date(), 0) + 1
    full_days = sum(1 for count in per_day.values() if count >= PROBES_PER_DAY)
    return [Finding(UNAVAILABLE, share >= UNAVAILABLE_VETO, {
        "probes": len(probes), "failed": failed, "share": str(share),
        "from": min(probe.at for probe in probes).isoformat(timespec="minutes"),
        "to": max(probe.at for probe in probes).isoformat(timespec="minutes"),
        "enough": full_days >= PROBE_DAYS,  # ≥ 20 probes on each of 7 days
    }, key=UNAVAILABLE)]
