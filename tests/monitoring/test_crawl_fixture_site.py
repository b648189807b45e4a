"""The acceptance test on a real loopback site: every planted defect found, nothing else, and the
score equal to the hand computation."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlsplit

import pytest

from gongkai.monitoring.analysis import analyse_state, contract_json
from gongkai.monitoring.crawler import CrawlSettings, crawl
from gongkai.rules.monitoring.indicators import Verdict, score
from tests.monitoring.fixture_site import (
    EXPECTED_FINDINGS,
    TIMEOUT,
    TODAY,
    fixture_site,
    outbound_site,
)
from tests.monitoring.sites import serving

SETTINGS = CrawlSettings(timeout=TIMEOUT, rate=0, concurrency=4, exclude=("/search",))


@pytest.fixture
def crawled(tmp_path):
    with serving(outbound_site()) as other, serving(fixture_site(other.url)) as site:
        state = crawl(site.url + "/", SETTINGS, tmp_path / "state.sqlite")
        analysis = analyse_state(state, TODAY)
        yield site, other, state, analysis
        state.close()


def _where(evidence: dict) -> str:
    target = evidence.get("column") or evidence.get("link") or evidence.get("page")
    return urlsplit(target).path


def test_it_finds_every_planted_defect_and_nothing_else(crawled) -> None:
    site, other, state, analysis = crawled
    found = {(f.indicator, f.veto, _where(f.evidence)) for f in analysis.findings}
    assert found == EXPECTED_FINDINGS
    assert site.hits.get("/search?q=1") is None  # excluded: never requested


def test_the_contract_json(crawled) -> None:
    site, other, state, analysis = crawled
    answer = contract_json(state, analysis)
    assert list(answer) == ["site", "pages", "home_last_date", "columns", "broken_links", "undated_pages", "findings"]
    assert answer["site"] == site.url + "/"
    assert answer["home_last_date"] == "2024-06-28"
    assert [(urlsplit(c["url"]).path, c["title"], c["last_date"], c["items"], c["blank"]) for c in answer["columns"]] == [
        ("/bmdt/", "部门动态", "2024-06-01", 1, False),
        ("/news/", "工作动态", "2024-06-28", 2, False),
        ("/notice/", "通知公告", "2024-03-01", 2, False),
        ("/policy/", "政策文件", "2023-11-15", 1, False),
        ("/rsxx/", "人事信息", None, 0, True),
    ]
    broken = {urlsplit(b["link"]).path: (urlsplit(b["page"]).path, b["status"], b["error"]) for b in answer["broken_links"]}
    assert broken == {
        "/gone": ("/", 404, None),
        "/loop-a": ("/news/1.html", None, "redirect_loop"),
        "/missing.html": ("/news/2.html", 404, None),
        "/slow.html": ("/bmdt/1.html", None, "timeout"),
    }
    assert answer["undated_pages"] == 1
    # home, 5 columns, 工作动态's second page, 机构职能, 7 articles (the redirect and the failures are not pages)
    assert answer["pages"] == 15
    assert all(set(f) == {"indicator", "veto", "evidence"} for f in answer["findings"])


def test_redirects_are_followed_and_recorded(crawled) -> None:
    site, other, state, analysis = crawled
    chains = {urlsplit(r["url"]).path: [urlsplit(u).path for u in r["to"]] for r in state.redirects()}
    assert chains == {"/old-notice": ["/notice/"], "/loop-a": ["/loop-b", "/loop-a"]}
    # the redirect's target is read as a page once, under its own URL
    assert [c.url for c in analysis.columns].count(site.url + "/notice/") == 1
    assert site.url + "/old-notice" not in [c.url for c in analysis.columns]


def test_the_score_is_the_hand_computation(crawled) -> None:
    site, other, state, analysis = crawled
    result = score(analysis.findings)
    # 链接可用性: /gone on the home page 1 + three elsewhere × 0.1 = 1.3
    # 栏目更新: 部门动态 (动态要闻) and 政策文件 (政策文件) × 2 = 4; 空白栏目 1; 未注明发布时间 0.1
    # 100 − 1.3 − 4 − 1 − 0.1 = 93.6, above 80 with no bonus finding
    assert result.verdict is Verdict.PASS
    assert result.deduct_score == Decimal("93.60") and result.total == Decimal("93.60")
    assert sum(line.points for line in result.lines) == Decimal("6.4")
    keys = {finding.key for finding in analysis.findings}
    assert all(line.finding_key in keys for line in result.lines)


def test_a_page_budget_is_kept_in_url_order(tmp_path) -> None:
    with serving(outbound_site()) as other, serving(fixture_site(other.url)) as site:
        settings = CrawlSettings(timeout=TIMEOUT, rate=0, max_pages=4, check_outbound=False)
        state = crawl(site.url + "/", settings, tmp_path / "s.sqlite")
        fetched = sorted(urlsplit(s.url).path for s in state.summaries())
        state.close()
    # the home page, then the first three of its links in URL order
    assert fetched == ["/", "/bmdt/", "/jgzn/", "/news/"]


def test_the_rate_limit_spaces_requests(tmp_path) -> None:
    import time

    with serving(outbound_site()) as other, serving(fixture_site(other.url)) as site:
        settings = CrawlSettings(timeout=TIMEOUT, rate=20, max_pages=6, check_outbound=False)
        started = time.monotonic()
        crawl(site.url + "/", settings, tmp_path / "s.sqlite").close()
        assert time.monotonic() - started >= 5 / 20  # 6 requests: 5 gaps of 50 ms at least
