"""Each kind of page a URL can lead to gets its outcome: an article, or one clear line.

Pages come from a local server on 127.0.0.1 (tests/page_server.py); the DNS failure uses a name
under ``.invalid`` with the resolver replaced, so no test asks any other host anything.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from page_server import (
    BOILERPLATE,
    MENU_PAGE,
    PARAGRAPHS,
    PageServer,
    closed_port,
    news_page,
    serve,
)

from framing.article import read_article
from framing.errors import EmptyArticle, FetchError, InputError, TooLarge
from framing.settings import Settings

FAST = Settings(fetch_timeout=0.5, fetch_deadline=1.5)


@pytest.fixture
def pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PageServer]:
    yield from serve(tmp_path, monkeypatch)


def failure(url: str, settings: Settings = FAST, kind: type[Exception] = FetchError) -> str:
    with pytest.raises(kind) as info:
        read_article(url, settings=settings)
    message = str(info.value)
    assert "\n" not in message and len(message) < 300
    return message


def test_news_page_main_text_and_metadata(pages: PageServer) -> None:
    url = pages.route("/news/bridge.html", news_page())
    before = time.strftime("%Y-%m-%d", time.gmtime())
    art = read_article(url, settings=FAST)
    assert art.name == url and art.url == url and art.fmt == "html"
    assert art.headline is not None and art.headline.text == "Riverside bridge to reopen next week after repairs"
    assert art.author == "Jane Reporter"
    assert art.date == "2024-05-01"
    assert art.fetched is not None and art.fetched[:10] >= before and art.fetched.endswith("Z")
    for paragraph in PARAGRAPHS:
        assert paragraph in art.text
    for junk in (*BOILERPLATE, "Business", "Storm warning"):
        assert junk not in art.text
    assert [p.text for p in art.body] == list(PARAGRAPHS)
    assert art.warnings == ()
    assert art.as_dict()["url"] == url and art.as_dict()["fetched"] == art.fetched


def test_request_names_framing_in_its_user_agent(pages: PageServer) -> None:
    from framing import __version__
    from framing.web.fetch import user_agent

    url = pages.route("/a.html", news_page())
    seen: list[str] = []
    original = pages.httpd.RequestHandlerClass.do_GET

    def spy(handler):  # type: ignore[no-untyped-def]
        seen.append(handler.headers.get("User-Agent", ""))
        original(handler)

    pages.httpd.RequestHandlerClass.do_GET = spy  # type: ignore[method-assign]
    read_article(url, settings=FAST)
    assert seen == [user_agent()]
    assert seen[0].startswith(f"framing/{__version__}")


def test_redirect_chain_is_followed_and_the_url_given_is_kept(pages: PageServer) -> None:
    final = pages.route("/story.html", news_page())
    pages.redirect("/r3", final, status=301)
    pages.redirect("/r2", "/r3", status=307)
    start = pages.redirect("/r1", pages.url("/r2"))
    art = read_article(start, settings=FAST)
    assert art.url == start and PARAGRAPHS[0] in art.text
    assert [pages.hits[p] for p in ("/r1", "/r2", "/r3", "/story.html")] == [1, 1, 1, 1]


def test_too_long_redirect_chain(pages: PageServer) -> None:
    for i in range(8):
        pages.redirect(f"/loop/{i}", f"/loop/{i + 1}")
    message = failure(pages.url("/loop/0"), replace(FAST, max_redirects=3))
    assert message == f"cannot fetch {pages.url('/loop/0')}: more than 3 redirects"
    assert pages.hits["/loop/4"] == 0


def test_redirect_to_another_scheme_is_refused(pages: PageServer) -> None:
    url = pages.redirect("/to-ftp", "ftp://127.0.0.1/file.html")
    assert "only http:// and https:// URLs can be fetched" in failure(url)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (404, "HTTP 404 Not Found"),
        (500, "HTTP 500 Internal Server Error (the server failed; try again later)"),
        (403, "HTTP 403 Forbidden (the site refused the request"),
    ],
)
def test_http_error_status(pages: PageServer, status: int, expected: str) -> None:
    url = pages.route("/page.html", news_page(), status=status)
    assert failure(url).startswith(f"cannot fetch {url}: {expected}")


def test_missing_page_is_the_servers_404(pages: PageServer) -> None:
    url = pages.url("/no-such-page.html")
    assert failure(url).startswith(f"cannot fetch {url}: HTTP 404")
    assert pages.hits["/no-such-page.html"] == 1


def test_slow_server_trips_the_read_timeout(pages: PageServer) -> None:
    url = pages.route("/slow.html", news_page(), delay=3.0)
    start = time.monotonic()
    message = failure(url, replace(FAST, fetch_timeout=0.3))
    assert message == f"cannot fetch {url}: timed out: no data for 0.3 s"
    assert time.monotonic() - start < 2.0


def test_page_sent_a_little_at_a_time_trips_the_deadline(pages: PageServer) -> None:
    url = pages.route("/drip.html", news_page(), chunk=200, drip=0.15)  # each read well within the timeout
    start = time.monotonic()
    message = failure(url, replace(FAST, fetch_timeout=1.0, fetch_deadline=0.5))
    assert message == f"cannot fetch {url}: timed out: the page took more than 0.5 s"
    assert time.monotonic() - start < 2.0


@pytest.mark.parametrize("length", [True, False], ids=["content-length", "no-length"])
def test_five_megabyte_page_is_refused_like_a_file(pages: PageServer, length: bool) -> None:
    body = news_page().replace(b"</body>", b"<p>" + b"filler text " * 440_000 + b"</p></body>")
    assert len(body) > 5_000_000
    url = pages.route("/huge.html", body, length=length)
    message = failure(url, kind=TooLarge)
    if length:  # refused from the header, before the body
        assert message == f"{url}: {len(body):,} bytes is over the limit of 2,000,000 bytes (settings.max_bytes)"
    else:  # reading stopped past the limit
        assert message == f"{url}: more than 2,000,000 bytes, over the limit (settings.max_bytes)"


def test_limit_is_settings_max_bytes(pages: PageServer) -> None:
    url = pages.route("/a.html", news_page(), length=False)
    failure(url, replace(FAST, max_bytes=1000), kind=TooLarge)
    assert read_article(url, settings=FAST).url == url


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png", "application/json; charset=utf-8"])
def test_non_html_content_type(pages: PageServer, content_type: str) -> None:
    url = pages.route("/file", b"%PDF-1.4 not a page", content_type=content_type)
    media = content_type.split(";")[0]
    assert failure(url) == f"{url} is not an article page (Content-Type: {media})"


def test_plain_text_content_type_is_read_as_text(pages: PageServer) -> None:
    text = "Bridge reopens after repairs\n\n" + "\n\n".join(PARAGRAPHS)
    url = pages.route("/story.txt", text.encode(), content_type="text/plain; charset=utf-8")
    art = read_article(url, settings=FAST)
    assert art.fmt == "text" and art.headline is not None and art.headline.text == "Bridge reopens after repairs"


def test_page_without_content_type_is_sniffed(pages: PageServer) -> None:
    url = pages.route("/story", news_page(), content_type=None)
    assert read_article(url, settings=FAST).fmt == "html"


@pytest.mark.parametrize(
    "body",
    [
        MENU_PAGE,
        b"<html><head><title>Example News</title></head><body><div id='app'></div>"
        b"<noscript>Please enable JavaScript to read this page.</noscript></body></html>",
        b"<html><head><title>Only a title</title></head><body></body></html>",
    ],
    ids=["menu-and-paywall", "javascript-shell", "title-only"],
)
def test_page_with_no_article_text(pages: PageServer, body: bytes) -> None:
    url = pages.route("/paywalled.html", body)
    assert failure(url, kind=EmptyArticle).startswith(f"no article text found at {url} (")


def test_short_page_is_read_with_a_warning(pages: PageServer) -> None:
    body = news_page().replace("".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:]).encode(), b"")
    url = pages.route("/teaser.html", body)
    art = read_article(url, settings=FAST)
    assert any(w.startswith("only ") and "a paywall may hide the rest" in w for w in art.warnings)


def test_header_charset_decodes_a_page_that_is_not_utf8(pages: PageServer) -> None:
    body = news_page().decode().replace("Riverside", "Rivière").encode("cp1252")  # curly quotes too
    url = pages.route("/latin.html", body, content_type="text/html; charset=ISO-8859-1")
    art = read_article(url, settings=FAST)
    assert "Rivière bridge" in art.text and art.encoding == "cp1252" and art.warnings == ()


def test_utf8_body_wins_over_a_wrong_latin1_header(pages: PageServer) -> None:
    body = news_page().replace(b"Riverside", "Rivière".encode())
    url = pages.route("/mislabelled.html", body, content_type="text/html; charset=iso-8859-1")
    art = read_article(url, settings=FAST)
    assert "Rivière bridge" in art.text and art.encoding == "utf-8"


def test_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def no_such_host(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    url = "http://no-such-news-site.invalid/story.html"
    start = time.monotonic()
    assert failure(url) == f"cannot fetch {url}: host no-such-news-site.invalid not found (DNS lookup failed)"
    assert asked == ["no-such-news-site.invalid"] and time.monotonic() - start < 1.0


def test_connection_refused() -> None:
    url = f"http://127.0.0.1:{closed_port()}/story.html"
    assert failure(url) == f"cannot fetch {url}: connection refused by 127.0.0.1"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("ftp://127.0.0.1/story.html", "ftp://127.0.0.1/story.html: only http:// and https:// URLs can be fetched"),
        ("file:///etc/passwd", "file:///etc/passwd: only http:// and https:// URLs can be fetched"),
        ("http:///story.html", "http:///story.html: no host name in the URL"),
        ("http://127.0.0.1:port/a", "http://127.0.0.1:port/a: not a valid URL"),
    ],
)
def test_only_http_urls_with_a_host(url: str, expected: str) -> None:
    assert failure(url).startswith(expected)


def test_offline_refuses_urls(pages: PageServer) -> None:
    url = pages.route("/a.html", news_page())
    assert failure(url, replace(FAST, offline=True)) == f"{url}: not fetched: offline (settings.offline, --offline)"
    assert pages.hits["/a.html"] == 0


def test_every_failure_is_an_input_error() -> None:
    assert issubclass(FetchError, InputError) and FetchError.exit_code == 2


def test_control_characters_in_a_url_are_shown_escaped(pages: PageServer) -> None:
    url = pages.url("/missing\x1b[31m.html")
    message = failure(url)
    assert "\x1b" not in message and "\\x1b[31m" in message
