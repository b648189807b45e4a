from __future__ import annotations

from datetime import date, datetime, timedelta

from gongkai.rules.monitoring.columns import (
    ColumnClass,
    Freshness,
    classify,
    is_stale,
    months_before,
)
from gongkai.rules.monitoring.findings import (
    BrokenLink,
    ColumnSpec,
    PageSummary,
    Probe,
    analyse,
    availability_findings,
)

TODAY = date(2024, 6, 30)


def page(url: str, depth: int = 1, **values: object) -> PageSummary:
    return PageSummary(url=url, depth=depth, **values)  # type: ignore[arg-type]


def test_it_classifies_columns_by_name() -> None:
    assert classify("本地要闻") is ColumnClass.NEWS
    assert classify("部门动态") is ColumnClass.NEWS
    assert classify("通知公告") is ColumnClass.NOTICE
    assert classify("规范性文件") is ColumnClass.NOTICE
    assert classify("政务咨询") is ColumnClass.CONSULT
    assert classify("机构职能") is ColumnClass.OTHER


def test_six_months_before_keeps_the_month_end() -> None:
    assert months_before(date(2024, 8, 31), 6) == date(2024, 2, 29)
    assert months_before(date(2024, 6, 30), 6) == date(2023, 12, 30)


def test_staleness_boundaries_by_class() -> None:
    fresh = Freshness()
    assert not is_stale(ColumnClass.NEWS, date(2024, 6, 16), TODAY, fresh)  # exactly 14 days
    assert is_stale(ColumnClass.NEWS, date(2024, 6, 15), TODAY, fresh)
    assert not is_stale(ColumnClass.NOTICE, date(2023, 12, 30), TODAY, fresh)
    assert is_stale(ColumnClass.NOTICE, date(2023, 12, 29), TODAY, fresh)
    assert is_stale(ColumnClass.NEWS, None, TODAY, fresh)  # undated items: not updated
    assert not is_stale(ColumnClass.OTHER, date(2000, 1, 1), TODAY, fresh)
    assert is_stale(ColumnClass.OTHER, date(2023, 6, 29), TODAY, Freshness(other_days=365))


def test_it_finds_each_defect_of_a_small_site() -> None:
    pages = [
        page("/", 0, item_dates=(date(2024, 6, 28),), items=3),
        page("/news/", title="工作动态", item_dates=(date(2024, 6, 1), date(2024, 5, 1)), items=2),
        page("/notice/", title="通知公告", item_dates=(date(2024, 3, 1),), items=1),
        page("/blank/", title="人事信息", blank_marker=True),
        page("/news/2.html", 2, title="工作动态", item_dates=(date(2024, 1, 1),), items=1, continuation=True),
        page("/a.html", 2, pub_date=date(2024, 6, 1), via_list=True),
        page("/b.html", 2, via_list=True),
        page("/about.html", 1),  # neither list nor content page
    ]
    broken = [BrokenLink("/", "/gone", 404, None, on_home=True)]
    result = analyse(pages, broken, TODAY)
    assert [(c.url, c.title, c.last_date, c.items, c.blank) for c in result.columns] == [
        ("/blank/", "人事信息", None, 0, True),
        ("/news/", "工作动态", date(2024, 6, 1), 2, False),
        ("/notice/", "通知公告", date(2024, 3, 1), 1, False),
    ]
    assert result.home_last_date == date(2024, 6, 28)
    assert result.undated_pages == ["/b.html"]
    assert [(f.indicator, f.veto, f.key) for f in result.findings] == [
        ("空白栏目", False, "空白栏目:/blank/"),
        ("栏目不更新", False, "栏目不更新:/news/"),
        ("链接不可用", False, "链接不可用:/gone"),
        ("未注明发布时间", False, "未注明发布时间:/b.html"),
    ]


def test_a_navigation_home_page_is_judged_by_its_second_level_pages() -> None:
    pages = [page("/", 0), page("/news/", item_dates=(date(2024, 6, 20),), items=1)]
    assert not [f for f in analyse(pages, [], TODAY).findings if f.indicator == "首页不更新"]
    stale = [page("/", 0), page("/news/", item_dates=(date(2024, 6, 1),), items=1)]
    [home] = [f for f in analyse(stale, [], TODAY).findings if f.indicator == "首页不更新"]
    assert home.veto and home.evidence["judged_by_second_level"] and home.evidence["days"] == 29


def test_five_stale_news_or_notice_columns_are_a_veto_four_are_not() -> None:
    def site(n: int) -> list[PageSummary]:
        return [page("/", 0, item_dates=(TODAY,), items=1)] + [
            page(f"/c{i}/", title="部门动态", item_dates=(date(2024, 1, 1),), items=1) for i in range(n)
        ]
    assert not [f for f in analyse(site(4), [], TODAY).findings if f.veto]
    [veto] = [f for f in analyse(site(5), [], TODAY).findings if f.veto]
    assert veto.indicator == "栏目不更新" and veto.evidence["stale_news_notice"] == 5


def test_five_blank_columns_are_a_veto() -> None:
    pages = [page("/", 0, item_dates=(TODAY,), items=1)] + [
        page(f"/b{i}/", title=f"栏目{i}", blank_marker=True) for i in range(5)
    ]
    [veto] = [f for f in analyse(pages, [], TODAY).findings if f.veto]
    assert veto.evidence["blank"] == 5


def test_ten_long_stale_other_columns_are_a_veto_when_the_office_sets_a_frequency() -> None:
    pages = [page("/", 0, item_dates=(TODAY,), items=1)] + [
        page(f"/o{i}/", title="机构职能", item_dates=(date(2022, 1, 1),), items=1) for i in range(10)
    ]
    assert not [f for f in analyse(pages, [], TODAY).findings if f.indicator == "栏目不更新"]
    result = analyse(pages, [], TODAY, freshness=Freshness(other_days=365))
    assert len([f for f in result.findings if f.indicator == "栏目不更新" and not f.veto]) == 10
    [veto] = [f for f in result.findings if f.veto]
    assert veto.evidence["stale_other"] == 10


def test_registered_columns_replace_the_guess() -> None:
    pages = [
        page("/", 0, item_dates=(TODAY,), items=1),
        page("/jg/", title="机构职能", items=3),  # items without dates
        page("/zx/", title="最新", item_dates=(date(2024, 6, 29),), items=1),
    ]
    specs = [ColumnSpec("/jg/", ColumnClass.NEWS, "领导活动"), ColumnSpec("/empty/", ColumnClass.NOTICE)]
    result = analyse(pages, [], TODAY, specs=specs)
    assert [(c.url, c.title, c.column_class) for c in result.columns] == [("/jg/", "领导活动", ColumnClass.NEWS)]
    [stale] = [f for f in result.findings if f.indicator == "栏目不更新"]
    assert stale.evidence["undated"] is True and stale.evidence["last_date"] is None


def test_availability_share_over_the_week() -> None:
    start = datetime(2024, 6, 1, 0, 0)
    probes = [Probe(start + timedelta(hours=i * 24 / 20), ok=i % 20 != 0) for i in range(140)]
    [finding] = availability_findings(probes)  # 7 of 140 failed: 5 %
    assert finding.veto and finding.evidence["failed"] == 7 and finding.evidence["share"] == "0.0500"
    assert finding.evidence["enough"] is True
    probes2 = [Probe(start + timedelta(hours=i), ok=i not in (0, 1, 2)) for i in range(140)]
    [finding2] = availability_findings(probes2)  # 3 of 140 = 2.14 %: a deduction, not a veto
    assert not finding2.veto and finding2.evidence["enough"] is False
    assert availability_findings([Probe(start, True)] * 100 + [Probe(start, False)]) == []  # 0.99 %
