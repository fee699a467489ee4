"""One HTTP GET with httpx: timeouts, redirects, the size limit, and a one-line error for each failure.

Why httpx: it is a dependency of spaCy's own tooling already (weasel), so it adds nothing to the
install; its timeouts are per phase (``httpx.Timeout``: connect, read, write, pool); it follows
redirects up to ``max_redirects`` and refuses any scheme but http and https, also in a redirect;
it streams a body (``Client.stream``), so reading stops past the size limit; and its exceptions
form one documented tree (``ConnectTimeout``, ``ReadTimeout``, ``ConnectError``,
``TooManyRedirects`` ...) that maps onto the messages below. trafilatura's ``fetch_url`` returns
None for every failure (the reason goes to its log), so it cannot say which one happened.

    DNS          cannot fetch URL: host NAME not found (DNS lookup failed)
    refused      cannot fetch URL: connection refused by HOST
    timeouts     cannot fetch URL: timed out: no connection within N s / no data for N s
                 / the page took more than N s
    HTTP status  cannot fetch URL: HTTP 404 Not Found
    redirects    cannot fetch URL: more than N redirects
    not HTML     URL is not an article page (Content-Type: application/pdf)
    size         URL: more than 2,000,000 bytes, over the limit (settings.max_bytes)
"""

from __future__ import annotations

import functools
import socket
import ssl
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from framing.article.checks import size_error
from framing.errors import FetchError
from framing.printable import display_name
from framing.settings import Settings
from framing.web.pages import MEDIA_TYPES, Page

ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,text/markdown;q=0.8"
# Hints for the statuses a reader can do something about.
_STATUS_HINTS = {
    401: "the page needs a login; save it from the browser and give the .html file",
    402: "a paywall; save the page from the browser and give the .html file",
    403: "the site refused the request (some sites refuse programs); save the page from the browser and give the .html file",
    429: "too many requests; try again later",
}


@functools.cache
def user_agent() -> str:
    """``framing/VERSION (+PROJECT URL) httpx/VERSION``: who is asking, and where to read about it.
    The project URL is the installed package's Home-page or first Project-URL, when it has one."""
    import httpx

    from framing import __version__

    url = None
    try:
        from importlib.metadata import metadata

        meta = metadata("framing")
        homes = meta.get_all("Home-page") or []
        projects = [v.split(",", 1)[1].strip() for v in meta.get_all("Project-URL") or [] if "," in v]
        url = next(iter([*homes, *projects]), None)
    except Exception:  # noqa: BLE001 - not installed (a source checkout): no URL, same agent
        url = None
    about = f" (+{url})" if url else ""
    return f"framing/{__version__}{about} python-httpx/{httpx.__version__}"


@functools.cache
def _ssl_context() -> Any:
    """httpx's default TLS context (certifi's roots, or $SSL_CERT_FILE / $SSL_CERT_DIR), made once:
    making it takes about 20-30 ms, more than fetching a page from a nearby server."""
    import httpx

    return httpx.create_ssl_context()


def http_client(settings: Settings, *, connections: int = 8) -> Any:
    """An ``httpx.Client`` for fetching pages (used as a context manager; thread-safe): the
    User-Agent, connect/read/write timeouts of ``settings.fetch_timeout``, redirects followed up
    to ``settings.max_redirects``; proxies and certificates from the environment, as usual."""
    import httpx

    return httpx.Client(
        headers={"User-Agent": user_agent(), "Accept": ACCEPT, "Accept-Language": "en"},
        timeout=httpx.Timeout(settings.fetch_timeout),
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
        verify=_ssl_context(),
    )


def download(client: Any, url: str, settings: Settings) -> Page:
    """GET ``url``: the page, or ``FetchError``/``TooLarge`` (see the module docstring)."""
    import httpx

    label = display_name(url)
    start = time.monotonic()
    try:
        with client.stream("GET", url) as response:
            if not response.is_success:
                raise FetchError(_status_message(label, response.status_code, response.reason_phrase))
            media, charset = _content_type(response.headers.get("content-type"))
            if media is not None and media not in MEDIA_TYPES:
                raise FetchError(f"{label} is not an article page (Content-Type: {display_name(media)})")
            body = _read_body(response, label, settings, start)
            final_url = str(response.url)
    except httpx.TooManyRedirects:
        raise FetchError(f"cannot fetch {label}: more than {settings.max_redirects} redirects") from None
    except httpx.ConnectTimeout:
        raise FetchError(f"cannot fetch {label}: timed out: no connection within {settings.fetch_timeout:g} s") from None
    except httpx.TimeoutException:  # read, write, or waiting for a connection of the pool
        raise FetchError(f"cannot fetch {label}: timed out: no data for {settings.fetch_timeout:g} s") from None
    except httpx.UnsupportedProtocol as exc:  # a redirect to ftp:// or another scheme
        raise FetchError(f"cannot fetch {label}: only http:// and https:// URLs can be fetched ({exc})") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot fetch {label}: {_connect_failure(url, exc)}") from None
    except httpx.HTTPError as exc:  # a broken response, a dropped connection, bad compression
        raise FetchError(f"cannot fetch {label}: {type(exc).__name__}: {_one_line(exc)}") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"{label}: not a valid URL ({_one_line(exc)})") from None
    return Page(
        url=url,
        final_url=final_url,
        fetched=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        content_type=media,
        charset=charset,
        body=body,
    )


def _read_body(response: Any, label: str, settings: Settings, start: float) -> bytes:
    """The (decompressed) body, read in chunks: ``TooLarge`` as soon as it passes
    ``settings.max_bytes`` (or when Content-Length says it will), ``FetchError`` when the whole
    page takes more than ``settings.fetch_deadline`` seconds (a server sending a byte at a time)."""
    limit = settings.max_bytes
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise size_error(label, int(length), limit)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise size_error(label, None, limit)
        chunks.append(chunk)
        if time.monotonic() - start > settings.fetch_deadline:
            raise FetchError(f"cannot fetch {label}: timed out: the page took more than {settings.fetch_deadline:g} s")
    return b"".join(chunks)


def _status_message(label: str, status: int, reason: str) -> str:
    hint = _STATUS_HINTS.get(status) or ("the server failed; try again later" if status >= 500 else "")
    text = f"cannot fetch {label}: HTTP {status}{' ' + reason if reason else ''}"
    return f"{text} ({hint})" if hint else text


def _content_type(value: str | None) -> tuple[str | None, str | None]:
    """(media type, charset) of a Content-Type header: ``"text/html; charset=UTF-8"`` ->
    ``("text/html", "utf-8")``."""
    if not value:
        return None, None
    media, *params = value.split(";")
    charset = None
    for param in params:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'").lower() or None
    return media.strip().lower() or None, charset


def _connect_failure(url: str, exc: BaseException) -> str:
    """Why a connection failed, from the errors under httpx's: the DNS, a refusal, TLS."""
    host = display_name(urlsplit(url).hostname or url)
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return f"host {host} not found (DNS lookup failed)"
        if isinstance(cause, ConnectionRefusedError):
            return f"connection refused by {host}"
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"the certificate of {host} could not be verified ({cause.verify_message})"
        if isinstance(cause, ssl.SSLError):
            return f"TLS error with {host} ({cause.reason or cause})"
        cause = cause.__cause__ or cause.__context__
    return _one_line(exc) or type(exc).__name__


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
