"""A local web server for the URL tests: ``http.server`` on 127.0.0.1, port 0, in a thread.

Each test adds the routes it needs (``server.route("/a.html", body=..., status=..., delay=...)``)
and reads ``server.hits`` to count requests. Nothing here touches another host; ``serve`` (for a
fixture) also points the page cache at the test's temporary folder and clears proxy variables,
so that a request to 127.0.0.1 goes straight to the server.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")

PARAGRAPHS = (
    "Officials said on Monday that the Riverside bridge would reopen next week after repairs to "
    "its deck were completed by contractors, who had worked through the night to finish the job.",
    "“We are confident the work will be finished on time,” the mayor said at a news conference "
    "outside city hall, adding that traffic would be diverted along the ring road until then.",
    "Residents have complained for months about the closure, which has added an hour to many "
    "commutes across the river, according to a survey published by the council last week.",
    "The transport department said the repairs had cost about four million dollars, slightly "
    "more than the budget approved in the spring, because steel prices had risen sharply.",
    "Shop owners near the bridge said trade had fallen by a third since the closure began, and "
    "several asked the council for help with their rent while the works went on.",
)
BOILERPLATE = (
    "Subscribe to our newsletter",
    "Accept all cookies",
    "Copyright 2024 Example News",
    "Most read this week",
)


def news_page(title: str = "Riverside bridge to reopen next week after repairs") -> bytes:
    """A news page with a headline, an author, a date, five paragraphs and a lot of boilerplate
    (navigation, a cookie banner, a sidebar, a footer)."""
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in ("Home", "World", "Business", "Sport", "Culture"))
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{title} | Example News</title>"
        '<meta name="author" content="Jane Reporter">'
        '<meta property="article:published_time" content="2024-05-01T10:00:00Z">'
        "</head><body>"
        f'<header><nav><ul>{nav}</ul></nav></header>'
        f'<div class="cookie-banner"><p>{BOILERPLATE[1]}. We use cookies to improve your experience.</p></div>'
        f"<main><article><h1>{title}</h1><p class=\"byline\">By Jane Reporter</p>{body}</article>"
        f'<aside><h2>{BOILERPLATE[3]}</h2><ul><li><a href="/x">Council votes on budget</a></li>'
        '<li><a href="/y">Storm warning for the weekend</a></li></ul></aside></main>'
        f"<footer><p>{BOILERPLATE[0]}</p><p>{BOILERPLATE[2]}. All rights reserved.</p></footer>"
        "</body></html>"
    ).encode()


MENU_PAGE = (
    b"<!doctype html><html><head><title>Example News</title></head><body>"
    b'<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
    b"<div class=\"paywall\"><p>Subscribe to continue reading.</p><p>Already a subscriber? Log in</p></div>"
    b"</body></html>"
)


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the response starts
    drip: float = 0.0  # seconds between chunks of the body
    chunk: int = 65_536
    length: bool = True  # send Content-Length (else the body ends when the connection closes)


class PageServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        server = self
        lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # one request per connection; the body may end at close

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                with lock:
                    server.hits[self.path] += 1
                route = server.routes.get(self.path, Route(status=404, body=b"<html><body>not found</body></html>"))
                try:
                    self._respond(route)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout, a size limit)
                    pass

            def _respond(self, route: Route) -> None:
                time.sleep(route.delay)
                self.send_response(route.status)
                if route.content_type is not None:
                    self.send_header("Content-Type", route.content_type)
                if route.length:
                    self.send_header("Content-Length", str(len(route.body)))
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                for start in range(0, len(route.body), route.chunk):
                    self.wfile.write(route.body[start : start + route.chunk])
                    self.wfile.flush()
                    if route.drip:
                        time.sleep(route.drip)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that went away is no test failure

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, name="page-server", daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, body: bytes = b"", **options: object) -> str:
        """Serve ``body`` at ``path`` (see ``Route`` for the options); returns the URL."""
        self.routes[path] = Route(body=body, **options)  # type: ignore[arg-type]
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        return self.route(path, status=status, headers={"Location": to}, content_type=None)


def serve(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PageServer]:
    """A running ``PageServer`` for a fixture (``yield from serve(tmp_path, monkeypatch)``); the
    page cache in ``tmp_path/cache``; no proxy."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    server = PageServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then closed): connections are refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
