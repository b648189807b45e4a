"""The crawler: a polite, bounded, resumable walk of one site, with httpx and lxml.

- **Bounded**: at most ``max_pages`` URLs of the site fetched, ``max_depth`` links from the home
  page, ``concurrency`` requests at once and ``rate`` requests a second (0: no limit, for one's own
  site on loopback), each given ``timeout`` seconds (15 s, as the 检查指标 time an opening) for the
  whole answer, not only between bytes.
- **Within the site's host** (scheme, host and port of the home URL), skipping the URLs the office
  excluded (prefixes such as ``/search``); robots.txt is not read, since one crawls one's own
  sites. Links off the site are only checked, once each, after the site is walked.
- **Redirects** are followed by hand, up to 10, and recorded; a redirect back to a URL already in
  the chain is a redirect loop, reported as a broken link.
- **Breadth first, level by level, in URL order**, so which pages fall inside ``max_pages`` does
  not depend on which answer came first, and
- **resumable**: every answer is written to a SQLite state file as it arrives. A crawl killed at
  any point (SIGKILL included) and started again with the same state file fetches only what is
  missing and ends with the same findings as one that never stopped.

No Django here: ``gongkai monitor crawl`` and the benchmark run it without a database.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final
from urllib.parse import urljoin, urlsplit

import httpx

from gongkai.monitoring.html import PageFacts, read_page
from gongkai.rules.monitoring.findings import BrokenLink, PageSummary

USER_AGENT: Final = "GongkaiMonitor/1.0 (+government website monitoring)"
MAX_REDIRECTS: Final = 10
MAX_BODY_BYTES: Final = 5 * 1024 * 1024
HTML_TYPES: Final = ("text/html", "application/xhtml+xml")
COMMIT_EVERY: Final = 0.5  # seconds: what a SIGKILL can cost is refetched on resume


@dataclass(frozen=True)
class CrawlSettings:
    max_pages: int = 1000
    max_depth: int = 8
    concurrency: int = 4
    rate: float = 10.0  # requests a second; 0 means no limit
    timeout: float = 15.0
    exclude: tuple[str, ...] = ()  # URL prefixes (absolute, or paths on the site)
    check_outbound: bool = True


@dataclass
class Fetched:
    """One URL's answer, after redirects."""

    url: str
    status: int | None = None
    error: str | None = None
    final_url: str = ""
    redirects: list[str] = field(default_factory=list)
    is_html: bool = False
    elapsed: float = 0.0
    facts: PageFacts | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and self.status < 400


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class RateLimit:
    """At most ``rate`` request starts a second across the worker threads."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.next_at = 0.0
        self.lock = threading.Lock()

    def wait(self) -> None:
        if not self.interval:
            return
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_at)
            self.next_at = start + self.interval
        if start > now:
            time.sleep(start - now)


def _error_code(error: Exception) -> str:
    if isinstance(error, httpx.TimeoutException):
        return "timeout"
    if isinstance(error, httpx.ConnectError):
        return "connect_error"
    if isinstance(error, httpx.TooManyRedirects):
        return "too_many_redirects"
    if isinstance(error, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return "invalid_url"
    if isinstance(error, httpx.RemoteProtocolError):
        return "protocol_error"
    return "error"


def fetch(
    client: httpx.Client, url: str, timeout: float, *, site: str | None = None, read_body: bool = True
) -> Fetched:
    """GET ``url`` following redirects by hand. With ``site`` given, a redirect leaving it ends
    the walk there (the answer counts as given); the body of an HTML answer on the site is read
    and parsed when ``read_body``."""
    result = Fetched(url=url, final_url=url)
    started = time.monotonic()
    chain = [url]
    current = url
    try:
        for _ in range(MAX_REDIRECTS + 1):
            with client.stream("GET", current, timeout=timeout) as response:
                result.status = response.status_code
                location = response.headers.get("location")
                if response.is_redirect and location:
                    target = urljoin(current, location.strip())
                    if target in chain:
                        result.redirects = chain[1:] + [target]
                        result.error, result.status = "redirect_loop", None
                        return result
                    chain.append(target)
                    current = target
                    if site is not None and origin(target) != site:
                        break  # off the site: not ours to follow
                    continue
                kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                result.is_html = kind in HTML_TYPES
                # a page reached by a redirect within the site is read under its own URL, which
                # the crawl visits as a link of this one (so it is never read twice)
                if read_body and result.is_html and response.status_code < 400 and current == url:
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if time.monotonic() - started > timeout:
                            raise httpx.ReadTimeout("the whole answer took too long")
                        if len(body) > MAX_BODY_BYTES:
                            break
                    result.facts = read_page(bytes(body), current, response.charset_encoding)
                break
        else:
            result.error, result.status = "too_many_redirects", None
        if result.error is None and time.monotonic() - started > timeout:
            result.error, result.status, result.facts = "timeout", None, None
    except httpx.HTTPError as error:
        result.error, result.status, result.facts = _error_code(error), None, None
    except ValueError:  # a URL httpx cannot even build
        result.error, result.status = "invalid_url", None
    result.final_url = current
    result.redirects = result.redirects or chain[1:]
    result.elapsed = time.monotonic() - started
    return result


SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS page (
    url TEXT PRIMARY KEY, depth INTEGER NOT NULL, fetched INTEGER NOT NULL DEFAULT 0,
    status INTEGER, error TEXT, final_url TEXT, redirects TEXT, is_html INTEGER DEFAULT 0,
    title TEXT DEFAULT '', item_dates TEXT DEFAULT '', items INTEGER DEFAULT 0, pub_date TEXT,
    blank INTEGER DEFAULT 0, elapsed REAL
);
CREATE INDEX IF NOT EXISTS page_depth ON page (depth, fetched, url);
CREATE TABLE IF NOT EXISTS link (
    src TEXT NOT NULL, dst TEXT NOT NULL, internal INTEGER NOT NULL, in_list INTEGER NOT NULL,
    dated INTEGER NOT NULL, pagination INTEGER NOT NULL, PRIMARY KEY (src, dst)
);
CREATE INDEX IF NOT EXISTS link_dst ON link (dst);
CREATE TABLE IF NOT EXISTS outbound (
    url TEXT PRIMARY KEY, fetched INTEGER NOT NULL DEFAULT 0, status INTEGER, error TEXT
);
"""


class CrawlState:
    """The crawl's memory on disk (SQLite): every page fetched with what it carried, every link,
    every outbound check. Nothing of the site is held in memory beyond one level's to-do list."""

    def __init__(self, path: Path | str, home: str, settings: CrawlSettings) -> None:
        self.db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self.home = home
        known = dict(self.db.execute("SELECT key, value FROM meta"))
        if known and known.get("home") != home:
            raise ValueError(f"状态文件属于另一个网站（{known.get('home')}），请换一个状态文件")
        if not known:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany("INSERT INTO meta VALUES (?, ?)", [
                    ("home", home), ("settings", json.dumps(asdict(settings), ensure_ascii=False)),
                ])
                self.db.execute("INSERT INTO page (url, depth) VALUES (?, 0)", (home,))
        self.pending = 0
        self.last_commit = time.monotonic()

    def close(self) -> None:
        self.commit()
        self.db.close()

    def begin(self) -> None:
        if not self.db.in_transaction:
            self.db.execute("BEGIN")

    def commit(self) -> None:
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self.last_commit = time.monotonic()

    def maybe_commit(self) -> None:
        if time.monotonic() - self.last_commit >= COMMIT_EVERY:
            self.commit()

    def level(self) -> int:
        return int(self.db.execute("SELECT MAX(depth) FROM page").fetchone()[0] or 0)

    def todo(self, depth: int) -> list[str]:
        rows = self.db.execute("SELECT url FROM page WHERE depth = ? AND fetched = 0 ORDER BY url", (depth,))
        return [url for (url,) in rows]

    def save_page(self, result: Fetched, internal: Callable[[str], bool]) -> None:
        facts = result.facts
        self.begin()
        self.db.execute(
            "UPDATE page SET fetched = 1, status = ?, error = ?, final_url = ?, redirects = ?, is_html = ?,"
            " title = ?, item_dates = ?, items = ?, pub_date = ?, blank = ?, elapsed = ? WHERE url = ?",
            (
                result.status, result.error, result.final_url, json.dumps(result.redirects),
                int(result.is_html), facts.title if facts else "",
                ",".join(day.isoformat() for day in facts.item_dates) if facts else "",
                facts.items if facts else 0,
                facts.pub_date.isoformat() if facts and facts.pub_date else None,
                int(bool(facts and facts.blank_marker)), round(result.elapsed, 3), result.url,
            ),
        )
        if result.final_url != result.url and result.error is None:
            self.db.execute("INSERT OR IGNORE INTO link VALUES (?, ?, ?, 0, 0, 0)",
                            (result.url, result.final_url, int(internal(result.final_url))))
        if facts:
            self.db.executemany(
                "INSERT OR IGNORE INTO link VALUES (?, ?, ?, ?, ?, ?)",
                [(result.url, link.url, int(internal(link.url)), int(link.in_list), int(link.dated),
                  int(link.pagination)) for link in facts.links if link.url != result.url],
            )
        self.maybe_commit()

    def admit(self, depth: int, max_pages: int) -> int:
        """Put the next level's URLs (linked from level ``depth``, not seen yet, in URL order) on
        the list, as many as the page budget leaves; one transaction, so a kill leaves all or none."""
        self.commit()
        left = max_pages - int(self.db.execute("SELECT COUNT(*) FROM page").fetchone()[0])
        if left <= 0:
            return 0
        with self.db:
            self.db.execute("BEGIN")
            cursor = self.db.execute(
                "INSERT INTO page (url, depth) SELECT DISTINCT l.dst, ? FROM link l JOIN page s ON s.url = l.src"
                " WHERE s.depth = ? AND l.internal = 1 AND l.dst NOT IN (SELECT url FROM page)"
                " ORDER BY l.dst LIMIT ?",
                (depth + 1, depth, left),
            )
            return cursor.rowcount

    def outbound_todo(self) -> list[str]:
        self.commit()
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute(
                "INSERT OR IGNORE INTO outbound (url) SELECT DISTINCT dst FROM link WHERE internal = 0"
                " AND src IN (SELECT url FROM page WHERE fetched = 1)"
            )
        return [url for (url,) in self.db.execute("SELECT url FROM outbound WHERE fetched = 0 ORDER BY url")]

    def save_outbound(self, result: Fetched) -> None:
        self.begin()
        self.db.execute("UPDATE outbound SET fetched = 1, status = ?, error = ? WHERE url = ?",
                        (result.status, result.error, result.url))
        self.maybe_commit()

    def set_done(self) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('done', '1')")

    # What the findings read.

    def pages_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM page WHERE fetched = 1 AND is_html = 1"
                                   " AND error IS NULL AND status < 300 AND final_url = url").fetchone()[0])

    def summaries(self) -> Iterator[PageSummary]:
        rows = self.db.execute(
            """
            SELECT p.url, p.depth, p.title, p.is_html, p.status, p.error, p.item_dates, p.items,
                   p.pub_date, p.blank,
                   EXISTS (SELECT 1 FROM link l JOIN page s ON s.url = l.src
                           WHERE l.dst = p.url AND l.dated = 1 AND s.fetched = 1),
                   EXISTS (SELECT 1 FROM link l JOIN page s ON s.url = l.src
                           WHERE l.dst = p.url AND l.pagination = 1 AND s.depth = p.depth - 1)
                   AND NOT EXISTS (SELECT 1 FROM link l JOIN page s ON s.url = l.src
                           WHERE l.dst = p.url AND l.pagination = 0 AND s.depth = p.depth - 1)
            FROM page p WHERE p.fetched = 1 ORDER BY p.depth, p.url
            """
        )
        for (url, depth, title, is_html, status, error, item_dates, items, pub_date, blank,
             via_list, continuation) in rows:
            yield PageSummary(
                url=url, depth=depth, title=title or "", is_html=bool(is_html),
                ok=error is None and status is not None and status < 400,
                item_dates=tuple(date.fromisoformat(day) for day in item_dates.split(",") if day),
                items=items, pub_date=date.fromisoformat(pub_date) if pub_date else None,
                blank_marker=bool(blank), via_list=bool(via_list), continuation=bool(continuation),
            )

    def broken_links(self) -> list[BrokenLink]:
        """Every link that did not answer, with the page nearest the home page that carries it."""
        rows = self.db.execute(
            """
            SELECT b.url, b.status, b.error, b.internal,
                   (SELECT s.url FROM link l JOIN page s ON s.url = l.src WHERE l.dst = b.url AND s.fetched = 1
                    ORDER BY s.depth, s.url LIMIT 1),
                   EXISTS (SELECT 1 FROM link l WHERE l.dst = b.url AND l.src = ?)
            FROM (SELECT url, status, error, 1 AS internal FROM page
                  WHERE fetched = 1 AND depth > 0 AND (error IS NOT NULL OR status >= 400)
                  UNION ALL
                  SELECT url, status, error, 0 FROM outbound
                  WHERE fetched = 1 AND (error IS NOT NULL OR status >= 400)) b
            ORDER BY b.url
            """,
            (self.home,),
        )
        return [
            BrokenLink(page=page or self.home, link=url, status=status, error=error,
                       on_home=bool(on_home), internal=bool(internal))
            for url, status, error, internal, page, on_home in rows
        ]

    def home_result(self) -> tuple[int | None, str | None]:
        row = self.db.execute("SELECT status, error FROM page WHERE url = ?", (self.home,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def redirects(self) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT url, redirects FROM page WHERE fetched = 1 AND redirects != '[]' ORDER BY url")
        return [{"url": url, "to": json.loads(chain)} for url, chain in rows]


class Crawler:
    def __init__(self, home: str, state: CrawlState, settings: CrawlSettings) -> None:
        self.home = home
        self.site = origin(home)
        self.state = state
        self.settings = settings
        self.exclude = tuple(urljoin(home, prefix) for prefix in settings.exclude)
        self.rate = RateLimit(settings.rate)

    def internal(self, url: str) -> bool:
        return origin(url) == self.site and not url.startswith(self.exclude)

    def excluded(self, url: str) -> bool:
        return url.startswith(self.exclude)

    def run(self, progress: Callable[[int], None] | None = None) -> CrawlState:
        settings = self.settings
        limits = httpx.Limits(max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency)
        with httpx.Client(headers={"User-Agent": USER_AGENT}, limits=limits, follow_redirects=False,
                          trust_env=False) as client, ThreadPoolExecutor(settings.concurrency) as pool:
            while True:
                depth = self.state.level()
                self._fetch_all(pool, self.state.todo(depth), lambda url: self._page(client, url),
                                lambda result: self.state.save_page(result, self.internal), progress)
                if depth >= settings.max_depth or not self.state.admit(depth, settings.max_pages):
                    break
            if settings.check_outbound:
                todo = [url for url in self.state.outbound_todo() if not self.excluded(url)]
                self._fetch_all(pool, todo, lambda url: self._check(client, url), self.state.save_outbound, None)
        self.state.commit()
        self.state.set_done()
        return self.state

    def _page(self, client: httpx.Client, url: str) -> Fetched:
        self.rate.wait()
        return fetch(client, url, self.settings.timeout, site=self.site)

    def _check(self, client: httpx.Client, url: str) -> Fetched:
        self.rate.wait()
        return fetch(client, url, self.settings.timeout, read_body=False)

    def _fetch_all(
        self, pool: ThreadPoolExecutor, urls: Sequence[str], work: Callable[[str], Fetched],
        save: Callable[[Fetched], None], progress: Callable[[int], None] | None,
    ) -> None:
        """Fetch ``urls`` with at most ``concurrency`` in flight; answers are saved in the calling
        thread (SQLite has one writer) as they arrive."""
        queue = iter(urls)
        running: set[Future[Fetched]] = set()
        for url in queue:
            running.add(pool.submit(work, url))
            if len(running) >= self.settings.concurrency * 2:
                break
        while running:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                save(future.result())
                if progress:
                    progress(1)
                following = next(queue, None)
                if following is not None:
                    running.add(pool.submit(work, following))


def crawl(home: str, settings: CrawlSettings, state_path: Path | str) -> CrawlState:
    """Crawl ``home`` (or go on with the crawl kept in ``state_path``) and return its state."""
    state = CrawlState(state_path, home, settings)
    return Crawler(home, state, settings).run()


def normalise_home(url: str) -> str:
    """``http://host`` → ``http://host/``; refuses what is not an http(s) URL with a host."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"“{url}”不是以 http:// 或 https:// 开头的网址")
    return parts._replace(path=parts.path or "/", fragment="").geturl()
