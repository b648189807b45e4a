"""``python -m gongkai.bench monitor --json``: the crawler on a generated site of 10,000 pages
served on 127.0.0.1 by a separate process (as a real site is), reporting pages a second, the
crawler's peak memory, and the same for a site a tenth the size (memory should stay flat as the
site grows: the crawl keeps its pages and links in its SQLite state, not in memory).

The site: a home page linking 50 columns; each column a paginated list (20 items a page, each with
its date) of articles, each article with a 发布日期 table and the site's navigation; a few planted
defects (two stale columns, a blank one, a broken link every 997 articles) so that findings are
counted too."""

from __future__ import annotations

import multiprocessing
import resource
import tempfile
import time
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from gongkai.bench.common import machine

COLUMNS = 50
PER_PAGE = 20
TODAY = date(2026, 11, 30)


def _layout(pages: int) -> tuple[int, int]:
    """(articles per column, list pages per column) so the site holds about ``pages`` pages."""
    budget = max(2, (pages - 2) // (COLUMNS - 1))  # one column is blank
    articles = budget
    while articles + -(-articles // PER_PAGE) > budget:
        articles -= 1
    return articles, -(-articles // PER_PAGE)


def _nav() -> str:
    links = "".join(f'<li><a href="/c{c}/">工作动态{c}</a></li>' for c in range(COLUMNS))
    return f'<div class="nav"><ul><li><a href="/">首页</a></li>{links}</ul></div>'


def _html(title: str, body: str) -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} - 示范市人民政府</title></head>'
            f'<body>{_nav()}<div class="main">{body}</div><div class="footer">主办：示范市人民政府办公室</div></body></html>').encode()


def _article_day(column: int, number: int) -> date:
    if column in (1, 2):  # planted: stale columns
        return TODAY - timedelta(days=400 + number)
    return TODAY - timedelta(days=number // 3)


def _page(path: str, articles: int, lists: int) -> bytes | None:
    parts = [part for part in path.split("/") if part]
    if not parts:
        items = "".join(f'<li><a href="/c{c}/a0.html">工作动态{c}最新</a><span>{_article_day(c, 0)}</span></li>'
                        for c in range(COLUMNS) if c != 3)
        return _html("首页", f"<ul>{items}</ul>")
    if not parts[0].startswith("c") or not parts[0][1:].isdigit() or int(parts[0][1:]) >= COLUMNS:
        return None
    column = int(parts[0][1:])
    leaf = parts[1] if len(parts) > 1 else "list1.html"
    if column == 3:  # planted: a blank column
        return _html(f"工作动态{column}", "<div class=\"list\">暂无信息</div>") if len(parts) == 1 else None
    if leaf.startswith("list") and leaf.endswith(".html") and leaf[4:-5].isdigit():
        number = int(leaf[4:-5])
        if not 1 <= number <= lists:
            return None
        first = (number - 1) * PER_PAGE
        items = "".join(
            f'<li><a href="/c{column}/a{i}.html">文章{i}</a><span>{_article_day(column, i)}</span></li>'
            for i in range(first, min(first + PER_PAGE, articles))
        )
        pager = f'<div class="pager"><a href="/c{column}/list{number + 1}.html">下一页</a></div>' if number < lists else ""
        return _html(f"工作动态{column}", f"<ul>{items}</ul>{pager}")
    if leaf.startswith("a") and leaf.endswith(".html") and leaf[1:-5].isdigit() and int(leaf[1:-5]) < articles:
        number = int(leaf[1:-5])
        broken = f'<a href="/missing/{column}-{number}.html">附件</a>' if (column * articles + number) % 997 == 0 else ""
        return _html(f"文章{number}", f"<table><tr><th>发布日期</th><td>{_article_day(column, number)}</td></tr></table>"
                                      f"<p>正文{'内容' * 200}</p>{broken}")
    return None



class QuietServer(ThreadingHTTPServer):
    """A client hanging up (the crawler closing its kept-alive connections) is not an error."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


def _serve(pages: int, ready: Any) -> None:
    articles, lists = _layout(pages)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            body = _page(self.path, articles, lists)
            status = 200 if body is not None else 404
            body = body if body is not None else b"not found"
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = QuietServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    ready.send(server.server_address[1])
    server.serve_forever()


def _crawl(url: str, pages: int, concurrency: int, answer: Any) -> None:
    from gongkai.monitoring.analysis import analyse_state
    from gongkai.monitoring.crawler import CrawlSettings, crawl

    settings = CrawlSettings(max_pages=pages * 2, max_depth=100, concurrency=concurrency, rate=0, timeout=15)
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        state = crawl(url, settings, Path(scratch) / "state.sqlite")
        seconds = time.perf_counter() - started
        fetched = state.pages_count()
        findings = len(analyse_state(state, TODAY).findings)
        state.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    answer.send({"pages": fetched, "seconds": round(seconds, 2), "peak_rss_mb": round(peak, 1), "findings": findings})


def _measure(pages: int, concurrency: int) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    ready, port_end = context.Pipe()
    server = context.Process(target=_serve, args=(pages, port_end), daemon=True)
    server.start()
    try:
        port = ready.recv()
        result, result_end = context.Pipe()
        crawler = context.Process(target=_crawl, args=(f"http://127.0.0.1:{port}/", pages, concurrency, result_end))
        crawler.start()
        measured: dict[str, Any] = result.recv()
        crawler.join()
        return measured
    finally:
        server.terminate()
        server.join()


def run(pages: int = 10_000, concurrency: int = 4) -> dict[str, Any]:
    small = _measure(max(100, pages // 10), concurrency)
    large = _measure(pages, concurrency)
    return {
        "benchmark": "monitor", **machine(), "concurrency": concurrency,
        "pages": large["pages"], "seconds": large["seconds"],
        "pages_per_s": round(large["pages"] / large["seconds"], 1) if large["seconds"] else None,
        "peak_rss_mb": large["peak_rss_mb"], "findings": large["findings"],
        "small_pages": small["pages"], "small_pages_per_s": round(small["pages"] / small["seconds"], 1),
        "small_peak_rss_mb": small["peak_rss_mb"],
    }
