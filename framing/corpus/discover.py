"""PATH arguments -> article files: files as given, folders walked recursively, globs expanded;
http(s) URLs as given (fetched by the job), and ``read_url_list`` for ``--urls FILE``.

Folders contribute the files whose extension is an article format (``ARTICLE_EXTENSIONS``);
a file named on the command line is taken whatever its extension (the reader sniffs it). Hidden
files and folders (``.git``, ``.DS_Store``) are skipped. Paths are kept as the file system gives
them (``os.fsdecode``: a byte that is not UTF-8 is a lone surrogate); outputs show them with
``framing.printable.display_name``. A FIFO, device or socket is listed like a file: the job records it as
failed without reading it. Each file appears once, in a stable order:
the arguments in order, each folder's files sorted by path. A URL's folder is its host name
(``--group-by folder`` groups pages by site) and its name the last part of its path.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from framing.errors import InputError, SourceNotFound
from framing.printable import display_name
from framing.web.pages import check_url, is_url

ARTICLE_EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Item:
    """One article file to score, with the folder it is grouped under."""

    path: str  # as discovered: the argument, or the argument joined with the path inside it; or a URL
    folder: str  # the file's folder relative to the folder argument it came from ("." at its top)

    @property
    def name(self) -> str:
        if is_url(self.path):
            parts = urlsplit(self.path)
            return parts.path.rstrip("/").rsplit("/", 1)[-1] or parts.hostname or self.path
        return os.path.basename(self.path)

    @property
    def is_url(self) -> bool:
        return is_url(self.path)


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Item]:
    """Every article file under ``paths``; raises ``SourceNotFound`` for a path that matches nothing."""
    seen: set[str] = set()
    out: list[Item] = []
    for item in _expand(paths):
        key = item.path if item.is_url else os.path.realpath(item.path)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Item]:
    for raw in paths:
        arg = os.fspath(raw)
        if is_url(arg):
            check_url(arg)
            yield Item(arg, urlsplit(arg).hostname or "")
            continue
        if any(c in _GLOB_CHARS for c in arg) and not os.path.exists(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                raise SourceNotFound(f"{display_name(arg)}: no file matches this pattern")
            for m in matches:
                if os.path.isdir(m):
                    yield from _walk(m)
                elif _is_article_name(m):
                    yield Item(m, _parent_name(m))
            continue
        if os.path.isdir(arg):
            yield from _walk(arg)
        elif os.path.exists(arg):  # a file, or a FIFO, a device ...: an error row, not the end of the run
            yield Item(arg, _parent_name(arg))
        else:
            raise SourceNotFound(f"{display_name(arg)}: no such file or folder")


def _walk(root: str) -> Iterator[Item]:
    found: list[tuple[str, str]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        rel = os.path.relpath(dirpath, root)
        folder = Path(rel).as_posix() if rel != "." else _base_name(root)
        for f in filenames:
            if not f.startswith(".") and _is_article_name(f):
                found.append((os.path.join(dirpath, f), folder))
    for path, folder in sorted(found):
        yield Item(path, folder)


def _is_article_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in ARTICLE_EXTENSIONS


def _base_name(path: str) -> str:
    """The name of a folder (``corpus/`` -> ``corpus``; ``.`` -> the working directory's name)."""
    return os.path.basename(os.path.abspath(path)) or "."


def _parent_name(path: str) -> str:
    return _base_name(os.path.dirname(path) or ".")


def read_url_list(path: str | os.PathLike[str]) -> list[str]:
    """The URLs of a ``--urls`` file: one a line; blank lines and lines starting with ``#`` are
    skipped. A line that is not an http(s) URL is an ``InputError`` naming the file and line."""
    shown = display_name(os.fspath(path))
    try:
        with open(path, encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        raise SourceNotFound(f"--urls {shown}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"--urls {shown} is a folder, not a file") from None
    except UnicodeDecodeError:
        raise InputError(f"--urls {shown}: not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"--urls {shown}: cannot read it ({exc.strerror or exc})") from None
    urls = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            raise InputError(f"--urls {shown} line {number}: not a URL: {display_name(line)[:200]}")
        try:
            check_url(line)
        except InputError as exc:
            raise InputError(f"--urls {shown} line {number}: {exc}") from None
        urls.append(line)
    return urls
