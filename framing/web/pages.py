"""URL -> Page: the checks, the page cache and the thread pool around one HTTP GET (``download``).

Every failure is a ``FetchError`` (or ``TooLarge``, the rule files follow) with a one-line
message naming the URL. ``fetch_pages`` returns failures as values, in input order, so that the
caller decides which one to raise (the command line: the first in argument order; a corpus run: an
error row each).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeGuard
from urllib.parse import urlsplit

from framing.errors import FetchError, FramingError
from framing.printable import display_name
from framing.settings import DEFAULT_SETTINGS, Settings

SCHEMES = ("http", "https")
MAX_PARALLEL = 8  # pages fetched at the same time (and connections the client keeps)
# "scheme://" and no white space: what makes a command-line argument a URL rather than a path
# (or, for ``analyse``, rather than an article's text). Other schemes (ftp://, file://) are URLs
# too, and refused by ``check_url`` with a message.
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S*")


@dataclass(frozen=True)
class Page:
    """A fetched page: the bytes as the server sent them (decompressed), and where and when."""

    url: str  # as given (what the report names)
    final_url: str  # after redirects
    fetched: str  # when it was fetched, ISO 8601 in UTC ("2025-05-01T09:30:12Z")
    content_type: str | None  # the media type, lower case, without parameters; None: not sent
    charset: str | None  # the Content-Type's charset parameter, if any
    body: bytes
    from_cache: bool = False
    warnings: tuple[str, ...] = ()

    @property
    def fmt(self) -> str | None:
        """The input format its media type names ("html", "text", "markdown"); None: sniff it."""
        return MEDIA_TYPES.get(self.content_type) if self.content_type else None


# The media types read as articles; any other is refused before its body is read.
MEDIA_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}


def is_url(source: object) -> TypeGuard[str]:
    """Whether a source (a command-line argument) is a URL: a ``str`` that starts ``scheme://``
    and has no white space."""
    return isinstance(source, str) and _URL.fullmatch(source) is not None


def fetched_text(fetched: str) -> str:
    """A fetch time as reports show it: ``"2025-05-01T09:30:12Z"`` -> ``"2025-05-01 09:30 UTC"``
    (any other string is returned as it is)."""
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?Z", fetched)
    return f"{match[1]} {match[2]} UTC" if match else fetched


def check_url(url: str) -> None:
    """Raise ``FetchError`` for a URL that is not an http(s) URL with a host."""
    label = display_name(url)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise FetchError(f"{label}: not a valid URL ({exc})") from None
    if parts.scheme.lower() not in SCHEMES:
        raise FetchError(f"{label}: only http:// and https:// URLs can be fetched")
    if not parts.hostname:
        raise FetchError(f"{label}: no host name in the URL")


def fetch_page(url: str, *, settings: Settings = DEFAULT_SETTINGS) -> Page:
    """The page at ``url``, from the page cache or the network (see ``fetch_pages``)."""
    result = fetch_pages([url], settings=settings)[0]
    if isinstance(result, FramingError):
        raise result
    return result


def fetch_pages(urls: Sequence[str], *, settings: Settings = DEFAULT_SETTINGS) -> list[Page | FramingError]:
    """Each URL's page, or the error that stopped it, in the order given.

    URLs are checked (``check_url``) and refused when ``settings.offline``; a page in the cache is
    taken from it unless ``settings.refresh``; the others are fetched at the same time, at most
    ``MAX_PARALLEL`` at once, on one HTTP client, and put in the cache. A URL given twice is
    fetched once. An error that is not a ``FramingError`` (a bug) is raised.
    """
    from framing.web import cache

    results: dict[str, Page | FramingError] = {}
    todo: list[str] = []
    for url in dict.fromkeys(urls):
        try:
            check_url(url)
            if settings.offline:
                raise FetchError(f"{display_name(url)}: not fetched: offline (settings.offline, --offline)")
        except FetchError as exc:
            results[url] = exc
            continue
        hit = None if settings.refresh else cache.get(url, settings)
        if hit is not None:
            results[url] = hit
        else:
            todo.append(url)
    if todo:
        results.update(_fetch_all(todo, settings))
    return [results[url] for url in urls]


def _fetch_all(urls: list[str], settings: Settings) -> dict[str, Page | FramingError]:
    """Fetch ``urls`` in a thread pool and cache each page.

    The pool is ``multiprocessing.pool.ThreadPool``, whose threads are daemon threads: Ctrl-C
    ends the program at once. ``concurrent.futures`` joins its threads at exit, so a page under way
    from a server that does not answer held the exit for up to ``settings.fetch_timeout``."""
    from multiprocessing.pool import ThreadPool

    from framing.web.fetch import http_client

    n = min(MAX_PARALLEL, len(urls))
    with http_client(settings, connections=n) as client, ThreadPool(n) as pool:
        results = pool.map(functools.partial(_fetch_one, client, settings=settings), urls, chunksize=1)
    return dict(zip(urls, results, strict=True))


def _fetch_one(client: Any, url: str, *, settings: Settings) -> Page | FramingError:
    """One URL's page (put in the cache), or the ``FramingError`` that stopped it."""
    from framing.web import cache
    from framing.web.fetch import download

    try:
        page = download(client, url, settings)
    except FramingError as exc:
        return exc
    warning = cache.put(page, settings)
    if warning is not None:
        page = replace(page, warnings=(*page.warnings, warning))
    return page
