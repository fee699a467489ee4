"""The page cache: a URL is fetched once; --refresh (settings.refresh) fetches it again; a damaged
or unwritable cache never stops a run. Requests are counted at the local server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from page_server import PARAGRAPHS, PageServer, news_page, serve

from framing.article import read_article
from framing.errors import FetchError
from framing.settings import Settings
from framing.web import cache, fetch_page

FAST = Settings(fetch_timeout=2.0)


@pytest.fixture
def pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PageServer]:
    yield from serve(tmp_path, monkeypatch)


def test_second_read_comes_from_the_cache(pages: PageServer, tmp_path: Path) -> None:
    url = pages.route("/a.html", news_page())
    first = read_article(url, settings=FAST)
    second = read_article(url, settings=FAST)
    assert pages.hits["/a.html"] == 1
    assert second.text == first.text and second.fetched == first.fetched  # the time of the fetch
    files = list((tmp_path / "cache" / "pages").iterdir())
    assert files == [cache.page_path(url, FAST)]


def test_refresh_fetches_again(pages: PageServer) -> None:
    url = pages.route("/a.html", news_page())
    read_article(url, settings=FAST)
    pages.route("/a.html", news_page(title="Riverside bridge reopening delayed by a month"))
    assert read_article(url, settings=FAST).headline.text.startswith("Riverside bridge to reopen")  # type: ignore[union-attr]
    fresh = read_article(url, settings=replace(FAST, refresh=True))
    assert fresh.headline is not None and fresh.headline.text == "Riverside bridge reopening delayed by a month"
    assert pages.hits["/a.html"] == 2
    assert read_article(url, settings=FAST).headline == fresh.headline  # the cache holds the new page
    assert pages.hits["/a.html"] == 2


def test_keyed_by_url(pages: PageServer) -> None:
    a = pages.route("/a.html", news_page(title="First story about the bridge"))
    b = pages.route("/b.html", news_page(title="Second story about the bridge"))
    for _ in range(2):
        assert read_article(a, settings=FAST).headline.text == "First story about the bridge"  # type: ignore[union-attr]
        assert read_article(b, settings=FAST).headline.text == "Second story about the bridge"  # type: ignore[union-attr]
    assert pages.hits == {"/a.html": 1, "/b.html": 1}


def test_failures_are_not_cached(pages: PageServer) -> None:
    url = pages.route("/flaky.html", news_page(), status=503)
    with pytest.raises(FetchError):
        read_article(url, settings=FAST)
    pages.route("/flaky.html", news_page())
    assert PARAGRAPHS[0] in read_article(url, settings=FAST).text
    assert pages.hits["/flaky.html"] == 2


def test_offline_refuses_a_cached_url_too(pages: PageServer) -> None:
    url = pages.route("/a.html", news_page())
    read_article(url, settings=FAST)
    with pytest.raises(FetchError, match="offline"):
        read_article(url, settings=replace(FAST, offline=True))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: b"{not json\n" + data.split(b"\n", 1)[1],
        lambda data: b"",
    ],
    ids=["truncated", "bad-header", "empty"],
)
def test_damaged_cache_file_is_fetched_again(pages: PageServer, damage) -> None:  # type: ignore[no-untyped-def]
    url = pages.route("/a.html", news_page())
    read_article(url, settings=FAST)
    path = cache.page_path(url, FAST)
    path.write_bytes(damage(path.read_bytes()))
    assert PARAGRAPHS[0] in read_article(url, settings=FAST).text
    assert pages.hits["/a.html"] == 2


def test_cache_over_the_size_limit_is_a_miss(pages: PageServer) -> None:
    url = pages.route("/a.html", news_page())
    fetch_page(url, settings=FAST)
    assert cache.get(url, FAST) is not None
    assert cache.get(url, replace(FAST, max_bytes=1000)) is None


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root writes anywhere")
def test_unwritable_cache_warns_and_goes_on(pages: PageServer, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        art = read_article(pages.route("/a.html", news_page()), settings=replace(FAST, cache_dir=folder))
    finally:
        folder.chmod(0o700)
    assert PARAGRAPHS[0] in art.text
    assert any(w.startswith("page not cached in ") for w in art.warnings)


def test_cache_file_not_a_folder_warns_and_goes_on(pages: PageServer, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should be")
    art = read_article(pages.route("/a.html", news_page()), settings=replace(FAST, cache_dir=blocker))
    assert PARAGRAPHS[0] in art.text
    assert any(w.startswith("page not cached in ") for w in art.warnings)


def test_cache_folder_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "env"))
    assert cache.folder(Settings()) == tmp_path / "env" / "pages"
    assert cache.folder(Settings(cache_dir=tmp_path / "mine")) == tmp_path / "mine" / "pages"
    monkeypatch.delenv("FRAMING_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    import platformdirs

    assert cache.folder(Settings()) == Path(platformdirs.user_cache_dir("framing", appauthor=False)) / "pages"
