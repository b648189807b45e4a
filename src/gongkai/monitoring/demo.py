"""The demo's website monitoring: 肇庆市财政局's own website, crawled last quarter and this one,
so that the quarter report, the office's ranking and the unit's notices have something to show.

No network: the site's pages are recorded here (dated relative to the day checked) and answered
by :class:`ReplayCrawler`, the real crawler with its two fetches answered from the recording; the
findings, the score and the notices come from the same service (``services.run_crawl``) a real
crawl goes through. Last quarter's crawl also met a broken attachment link, fixed since, so the
report shows a change.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any, ClassVar

import httpx

from gongkai.monitoring import services
from gongkai.monitoring.crawler import Crawler as HttpCrawler
from gongkai.monitoring.crawler import Fetched, origin
from gongkai.monitoring.html import read_page
from gongkai.monitoring.models import Site
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import SYSTEM
from gongkai.rules.monitoring.quarters import Quarter

DEMO_SITE = "肇庆市财政局网站（演示）"
DEMO_HOME = "http://czj.zhaoqing.example/"
DEMO_OWNER = "肇庆市财政局"


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} - 肇庆市财政局</title></head><body>'
            '<div class="nav"><a href="/">首页</a> <a href="/gzdt/">工作动态</a> <a href="/tzgg/">通知公告</a> '
            '<a href="/zcwj/">政策文件</a> <a href="/rsxx/">人事信息</a></div>'
            f'<div class="main">{body}</div><div class="footer">主办：肇庆市财政局</div></body></html>')


def _column(title: str, items: list[tuple[str, str, date]]) -> str:
    rows = "".join(f'<li><a href="{href}">{text}</a><span class="date">{day.isoformat()}</span></li>'
                   for href, text, day in items)
    return _page(title, f'<h2>{title}</h2><ul class="list">{rows}</ul>')


def _article(title: str, day: date | None, text: str = "正文内容。") -> str:
    dated = f'<div class="info">发布时间：{day.year}年{day.month}月{day.day}日 来源：肇庆市财政局</div>' if day else ""
    return _page(title, f'<h1>{title}</h1>{dated}<div class="content"><p>{text}</p></div>')


def recorded_site(day: date, *, broken_attachment: bool) -> dict[str, tuple[int, str]]:
    """The site as it answered on ``day``: path → (status, HTML). Planted: 政策文件 not updated
    for 8 months, 人事信息 blank, an article without a date; ``broken_attachment`` adds a link to
    an attachment that answers 404."""
    news = [("/gzdt/1.html", "市财政局召开预算执行分析会", day - timedelta(days=3)),
            ("/gzdt/2.html", "市财政局开展政府采购专项检查", day - timedelta(days=9))]
    notices = [("/tzgg/1.html", "关于做好年度部门决算工作的通知", day - timedelta(days=20)),
               ("/tzgg/2.html", "关于调整办公时间的通知", day - timedelta(days=40))]
    attachment = '附件：<a href="/files/ysbg.pdf">预算执行报告</a>' if broken_attachment else "详见附件。"
    pages = {
        "/": _page("首页", '<h2>要闻</h2><ul class="list">' + "".join(
            f'<li><a href="{href}">{text}</a><span>{when.isoformat()}</span></li>' for href, text, when in news
        ) + "</ul>"),
        "/gzdt/": _column("工作动态", news),
        "/gzdt/1.html": _article(news[0][1], news[0][2], attachment),
        "/gzdt/2.html": _article(news[1][1], news[1][2]),
        "/tzgg/": _column("通知公告", notices),
        "/tzgg/1.html": _article(notices[0][1], notices[0][2]),
        "/tzgg/2.html": _article(notices[1][1], None),  # prints no publication date
        "/zcwj/": _column("政策文件", [("/zcwj/1.html", "肇庆市市级财政专项资金管理办法", day - timedelta(days=240))]),
        "/zcwj/1.html": _article("肇庆市市级财政专项资金管理办法", day - timedelta(days=240)),
        "/rsxx/": _page("人事信息", '<h2>人事信息</h2><div class="list">暂无信息</div>'),
    }
    return {path: (200, html) for path, html in pages.items()}


class ReplayCrawler(HttpCrawler):
    """The crawler with its fetches answered from :attr:`pages` (the path → (status, HTML) of
    one site): no request leaves the process."""

    pages: ClassVar[dict[str, tuple[int, str]]] = {}

    def _answer(self, url: str, *, read_body: bool) -> Fetched:
        path = url[len(origin(url)):] or "/"
        status, html = self.pages.get(path, (404, "")) if origin(url) == self.site else (404, "")
        facts = read_page(html, url) if read_body and status < 400 else None
        return Fetched(url=url, status=status, final_url=url, is_html=True, facts=facts)

    def _page(self, client: httpx.Client, url: str) -> Fetched:
        return self._answer(url, read_body=True)

    def _check(self, client: httpx.Client, url: str) -> Fetched:
        return self._answer(url, read_body=False)


def _replay(pages: dict[str, tuple[int, str]]) -> type[HttpCrawler]:
    attributes: dict[str, Any] = {"pages": pages}
    return type("RecordedCrawler", (ReplayCrawler,), attributes)


def load_demo_monitoring(today: date) -> int:
    """The demo site and its two crawls, unless a site other than the portal exists (or the
    registry has no 肇庆市财政局); the number of crawls recorded."""
    owner = Unit.objects.filter(name=DEMO_OWNER).first()
    if owner is None or Site.objects.filter(is_portal=False).exists():
        return 0
    services.ensure_portal_site(actor=SYSTEM)
    site = services.register_site(DEMO_SITE, DEMO_HOME, owner, actor=SYSTEM, rate=Decimal(0), other_days=90)
    before = Quarter.of(today).previous.last_day
    services.run_crawl(site, before, crawler=_replay(recorded_site(before, broken_attachment=True)))
    services.run_crawl(site, today, crawler=_replay(recorded_site(today, broken_attachment=False)))
    return 2
