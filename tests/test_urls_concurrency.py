"""Several URLs are fetched at the same time: two pages that each take a second arrive in about a
second, not two; errors still come back in the order the sources were given."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from page_server import PARAGRAPHS, PageServer, news_page, serve

from framing.article.reading import read_articles
from framing.errors import FetchError, SourceNotFound
from framing.settings import Settings
from framing.web import Page, fetch_pages

SETTINGS = Settings(fetch_timeout=5.0)


@pytest.fixture
def pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PageServer]:
    yield from serve(tmp_path, monkeypatch)


def test_two_slow_pages_take_as_long_as_one(pages: PageServer) -> None:
    urls = [pages.route(f"/slow{i}.html", news_page(), delay=1.0) for i in range(2)]
    import httpx  # noqa: F401 - imported before the clock starts: the import is not the fetch

    start = time.monotonic()
    results = fetch_pages(urls, settings=SETTINGS)
    elapsed = time.monotonic() - start
    assert all(isinstance(r, Page) for r in results)
    assert 0.95 < elapsed < 1.8, elapsed


def test_three_articles_wait_on_the_slowest_only(pages: PageServer, tmp_path: Path) -> None:
    delays = (0.2, 1.0, 0.4)
    urls = [pages.route(f"/s{i}.html", news_page(title=f"Story number {i} about the bridge"), delay=d)
            for i, d in enumerate(delays)]
    local = tmp_path / "local.txt"
    local.write_text("Local story about the bridge\n\n" + "\n\n".join(PARAGRAPHS), encoding="utf-8")
    read_articles([str(local)], settings=SETTINGS)  # imports (trafilatura ...) before the clock starts
    import httpx  # noqa: F401

    start = time.monotonic()
    articles = read_articles([urls[0], str(local), urls[1], urls[2]], settings=SETTINGS)
    elapsed = time.monotonic() - start
    assert [a.headline.text for a in articles if a.headline] == [
        "Story number 0 about the bridge",
        "Local story about the bridge",
        "Story number 1 about the bridge",
        "Story number 2 about the bridge",
    ]
    assert [a.url for a in articles] == [urls[0], None, urls[1], urls[2]]
    assert elapsed < 1.0 + 0.8, elapsed  # the slowest page, not the sum (1.6 s)


def test_a_url_given_twice_is_fetched_once(pages: PageServer) -> None:
    url = pages.route("/a.html", news_page(), delay=0.2)
    results = fetch_pages([url, url], settings=SETTINGS)
    assert results[0] is results[1] and pages.hits["/a.html"] == 1


def test_first_failure_in_argument_order_is_raised(pages: PageServer, tmp_path: Path) -> None:
    good = pages.route("/good.html", news_page())
    missing = pages.url("/gone.html")
    with pytest.raises(FetchError, match="gone.html: HTTP 404"):
        read_articles([good, missing, str(tmp_path / "nope.txt")], settings=SETTINGS)
    with pytest.raises(SourceNotFound, match="nope.txt"):
        read_articles([good, str(tmp_path / "nope.txt"), missing], settings=SETTINGS)


def test_failures_come_back_as_values_in_order(pages: PageServer) -> None:
    good = pages.route("/good.html", news_page())
    results = fetch_pages([pages.url("/a404"), good, "ftp://127.0.0.1/x"], settings=SETTINGS)
    assert isinstance(results[0], FetchError) and "HTTP 404" in str(results[0])
    assert isinstance(results[1], Page) and results[1].url == good
    assert isinstance(results[2], FetchError) and "only http:// and https://" in str(results[2])
