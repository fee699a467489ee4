"""The page cache: one file per URL in the user's cache folder, so that a page is fetched once.

The folder is ``settings.cache_dir``, else ``$FRAMING_CACHE_DIR``, else the user's cache folder
as platformdirs names it (``~/.cache/framing`` on Linux, ``~/Library/Caches/framing`` on macOS,
``%LOCALAPPDATA%\\framing\\Cache`` on Windows), with the pages under ``pages/``. A page's file is
``blake2b(URL).page``: one line of JSON (the URL as given, the final URL, the fetch time, the
content type, the body's size) and then the body's bytes. It is written to a temporary file and
moved into place (``os.replace``), so a reader sees a whole page or none. A file that does not
match (another URL, a different size, unreadable JSON) is a miss, and the page is fetched again.
Pages never expire: ``settings.refresh`` (``--refresh``) fetches them again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

from framing.settings import Settings
from framing.web.pages import Page

HEADER_MAX = 65_536  # bytes of the JSON line


def folder(settings: Settings) -> Path:
    """Where the pages are kept (see the module docstring)."""
    if settings.cache_dir is not None:
        base = Path(settings.cache_dir)
    elif os.environ.get("FRAMING_CACHE_DIR"):
        base = Path(os.environ["FRAMING_CACHE_DIR"])
    else:
        import platformdirs

        base = Path(platformdirs.user_cache_dir("framing", appauthor=False))
    return base / "pages"


def page_path(url: str, settings: Settings) -> Path:
    """The file that holds the page of ``url``."""
    key = hashlib.blake2b(url.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return folder(settings) / f"{key}.page"


def get(url: str, settings: Settings) -> Page | None:
    """The cached page of ``url``, or None (not cached, damaged, or over ``settings.max_bytes``)."""
    try:
        with page_path(url, settings).open("rb") as handle:
            meta = json.loads(handle.readline(HEADER_MAX))
            body = handle.read(settings.max_bytes + 1)
        if not isinstance(meta, dict) or meta.get("url") != url or meta.get("size") != len(body):
            return None
        return Page(
            url=url,
            final_url=str(meta["final_url"]),
            fetched=str(meta["fetched"]),
            content_type=meta.get("content_type"),
            charset=meta.get("charset"),
            body=body,
            from_cache=True,
        )
    except (OSError, ValueError, KeyError, TypeError):  # ValueError: a broken JSON line
        return None


def put(page: Page, settings: Settings) -> str | None:
    """Keep ``page`` in the cache; a warning when it cannot be written (the page is used anyway)."""
    meta = {
        "url": page.url,
        "final_url": page.final_url,
        "fetched": page.fetched,
        "content_type": page.content_type,
        "charset": page.charset,
        "size": len(page.body),
    }
    header = json.dumps(meta, ensure_ascii=True).encode("ascii") + b"\n"  # ASCII: no line break inside
    target = page_path(page.url, settings)
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".tmp-", suffix=".page", delete=False) as handle:
            tmp = handle.name
            handle.write(header)
            handle.write(page.body)
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return f"page not cached in {target.parent} ({exc.strerror or exc})"
    return None
