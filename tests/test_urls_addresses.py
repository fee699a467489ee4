"""What counts as a URL, which URLs are fetched, and the --urls file: for any input, an answer or
one InputError, never another exception (property tests), plus the cases people type."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.corpus.discover import Item, discover, read_url_list
from framing.errors import FetchError, InputError
from framing.web import check_url, is_url
from framing.web.fetch import _content_type
from framing.web.pages import fetched_text

QUICK = settings(max_examples=150, deadline=1000, suppress_health_check=[HealthCheck.function_scoped_fixture])
url_like = st.builds(
    lambda scheme, rest: f"{scheme}://{rest}",
    st.sampled_from(["http", "https", "HTTP", "ftp", "file", "x+y", "h"]),
    st.text(max_size=40),
)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("https://www.example.com/news/story.html", True),
        ("http://127.0.0.1:8000/a.html", True),
        ("HTTPS://EXAMPLE.COM", True),
        ("ftp://example.com/a", True),  # a URL, refused later with a message
        ("www.example.com/story", False),  # a path (a missing file), as before
        ("corpus/a.txt", False),
        ("-", False),
        ("https://example.com/a b", False),  # white space: text, not a URL
        ("https://example.com/a\n\nThe article text", False),
        ("C:\\news\\a.txt", False),
    ],
)
def test_is_url(source: str, expected: bool) -> None:
    assert is_url(source) is expected


@QUICK
@given(st.one_of(st.text(max_size=60), url_like))
def test_check_url_answers_or_raises_fetch_error(text: str) -> None:
    try:
        check_url(text)
    except FetchError as exc:
        assert "\n" not in str(exc)
        return
    from urllib.parse import urlsplit

    parts = urlsplit(text)
    assert parts.scheme.lower() in ("http", "https") and parts.hostname


@QUICK
@given(st.text(max_size=60))
def test_is_url_never_raises_and_needs_a_scheme(text: str) -> None:
    if is_url(text):
        assert "://" in text and not any(c.isspace() for c in text)


@QUICK
@given(st.lists(st.one_of(st.text(max_size=30).filter(lambda s: "\n" not in s and "\r" not in s), url_like), max_size=6))
def test_url_list_file_gives_urls_or_one_input_error(tmp_path: Path, lines: list[str]) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    try:
        urls = read_url_list(listing)
    except InputError as exc:
        assert str(exc).startswith(f"--urls {listing}") and "\n" not in str(exc)
        return
    except UnicodeEncodeError:  # pragma: no cover - a lone surrogate cannot be written as UTF-8
        return
    for url in urls:
        assert is_url(url)
        check_url(url)


def test_url_list_skips_comments_and_blank_lines(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("\ufeff# week 1\n\n  https://a.example/1  \n# https://b.example/skipped\nhttps://a.example/2\n", encoding="utf-8")
    assert read_url_list(listing) == ["https://a.example/1", "https://a.example/2"]


def test_discovered_url_items() -> None:
    items = discover(["https://news.example.com/world/story-1.html", "https://news.example.com/",
                      "https://news.example.com/world/story-1.html"])
    assert items == [Item("https://news.example.com/world/story-1.html", "news.example.com"),
                     Item("https://news.example.com/", "news.example.com")]
    assert [i.name for i in items] == ["story-1.html", "news.example.com"]


def test_discover_refuses_a_url_it_cannot_fetch() -> None:
    with pytest.raises(FetchError, match="only http:// and https://"):
        discover(["ftp://news.example.com/a"])


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/html; charset=UTF-8", ("text/html", "utf-8")),
        ('Text/HTML;Charset="ISO-8859-1"', ("text/html", "iso-8859-1")),
        ("application/pdf", ("application/pdf", None)),
        ("", (None, None)),
        (None, (None, None)),
        ("; charset=utf-8", (None, "utf-8")),
    ],
)
def test_content_type(header: str | None, expected: tuple[str | None, str | None]) -> None:
    assert _content_type(header) == expected


def test_fetched_text() -> None:
    assert fetched_text("2025-05-01T09:30:12Z") == "2025-05-01 09:30 UTC"
    assert fetched_text("yesterday") == "yesterday"
