"""Small websites served on 127.0.0.1 for the crawler's tests: real HTTP servers in threads,
nothing leaves the machine."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    body: str = ""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    encoding: str = "utf-8"


class Site:
    """A mapping of paths to answers; ``hits`` counts the requests each path received."""

    def __init__(self, pages: dict[str, Answer]) -> None:
        self.pages = pages
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                with site.lock:
                    site.hits[self.path] = site.hits.get(self.path, 0) + 1
                answer = site.pages.get(self.path) or Answer("<html><body>页面不存在</body></html>", 404)
                if answer.delay:
                    time.sleep(answer.delay)
                body = answer.body.encode(answer.encoding)
                try:
                    self.send_response(answer.status)
                    headers = {"Content-Type": f"text/html; charset={answer.encoding}", **answer.headers}
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the crawler gave up waiting (a timeout test)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler



class QuietServer(ThreadingHTTPServer):
    """A client hanging up (the crawler closing its kept-alive connections) is not an error."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@contextmanager
def serving(site: Site) -> Iterator[Site]:
    server = QuietServer(("127.0.0.1", 0), site.handler())
    server.daemon_threads = True
    site.server = server
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def page(title: str, body: str, nav: bool = True) -> str:
    """A government page: header navigation, content, footer."""
    navigation = (
        '<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/news/">工作动态</a></li>'
        '<li><a href="/notice/">通知公告</a></li></ul></div>' if nav else ""
    )
    return (
        f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title} - 示范县人民政府</title></head>"
        f"<body>{navigation}<div class=\"main\">{body}</div>"
        '<div class="footer"><p>主办：示范县人民政府办公室</p></div></body></html>'
    )


def column(title: str, items: list[tuple[str, str, str]], more: str = "") -> Answer:
    rows = "".join(f'<li><a href="{href}">{text}</a><span class="date">{day}</span></li>' for href, text, day in items)
    return Answer(page(title, f"<h2>{title}</h2><ul class=\"list\">{rows}</ul>{more}"))


def article(title: str, header: str, text: str = "正文内容。") -> Answer:
    return Answer(page(title, f"<h1>{title}</h1>{header}<div class=\"content\"><p>{text}</p></div>"))
