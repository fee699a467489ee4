"""A cache of scored rows keyed by the article's content hash and the framing version.

Stored beside the output (``results.cache.sqlite``). A key is ``blake2b(file bytes)`` plus the
framing version plus a fingerprint of the settings (spaCy model, extra lexicons and their
contents, the detection switches), so a new release, another model or an edited lexicon scores
the article again. Only successful rows are cached; failed files are tried again on every run.

Each row is committed as soon as it is taken (sqlite in WAL mode: about 0.1 ms a row), so a run
that is killed is resumed by the next one. The cache is never the reason a run fails: a corrupt
database (detected when it is opened, or by a later read or write) is moved aside
(``NAME.corrupt-YYYYmmdd-HHMMSS``, with its ``-wal`` and ``-shm`` files) with a one-line warning
and a new one is started; a cache that cannot be used for another reason (locked, read-only,
disk full) is left alone and the run goes on without it, also with a warning.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from framing.printable import display_name
from framing.settings import Settings

HASH_CHUNK = 1 << 20
CORRUPT_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
MAX_RECOVERIES = 2  # a cache that keeps breaking (a failing disk) is then given up for the run
T = TypeVar("T")


class NotRegularFile(OSError):
    """A path that is a FIFO, a device, a socket or a folder: never read (a FIFO blocks for ever)."""


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def content_hash(path: str | os.PathLike[str], limit: int | None = None) -> str:
    """blake2b-128 of the file's bytes (hex). Reads at most ``limit`` bytes beyond which the
    reader refuses the file anyway (the hash then covers the prefix and the size).

    Raises ``NotRegularFile`` for anything but a regular file; the file is opened without
    blocking, so a FIFO is recognised instead of waiting for a writer."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        try:  # a socket cannot be opened at all
            mode = os.stat(path).st_mode
        except OSError:
            raise exc from None
        if not stat.S_ISREG(mode):
            raise NotRegularFile(f"not a regular file: {file_kind(mode)}") from None
        raise
    with open(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(f"not a regular file: {file_kind(info.st_mode)}")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        h = hashlib.blake2b(digest_size=16)
        read = 0
        while chunk := fh.read(HASH_CHUNK):
            h.update(chunk)
            read += len(chunk)
            if limit is not None and read > limit:
                h.update(str(info.st_size).encode())
                break
    return h.hexdigest()


def settings_key(settings: Settings) -> str:
    """A short fingerprint of everything in the settings that changes the scores."""
    parts: list[Any] = [
        settings.model_name(),
        settings.detect_headline,
        settings.detect_byline,
        settings.max_bytes,
    ]
    for p in settings.lexicon_paths:
        try:
            parts.append([os.fspath(p), hashlib.blake2b(Path(p).read_bytes(), digest_size=8).hexdigest()])
        except OSError:
            parts.append([os.fspath(p), None])
    return hashlib.blake2b(json.dumps(parts, default=str).encode(), digest_size=8).hexdigest()


def is_corrupt(exc: sqlite3.Error) -> bool:
    """Whether sqlite says the database file itself is damaged (not locked, full or read-only)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in CORRUPT_CODES


def move_aside(path: Path) -> Path:
    """Rename a damaged database and its ``-wal``/``-shm`` files with a ``.corrupt-TIME`` suffix."""
    aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    n = 1
    while aside.exists():
        n += 1
        aside = aside.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}-{n}")
    for extra in ("-wal", "-shm"):  # first: a stale WAL must never meet the new database
        side = path.with_name(path.name + extra)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + extra))
    if path.exists():
        os.replace(path, aside)
    return aside


class RowCache:
    """sqlite: ``key -> row (JSON)``. Each row is committed when it is put.

    Every database call goes through ``_guard``: corruption moves the file aside and starts a new
    cache; any other sqlite error turns the cache off for the rest of the run. Either way the
    call answers "not cached" and ``warn`` gets one line.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        version: str,
        settings: Settings,
        warn: Callable[[str], None] | None = None,
    ):
        self.path = Path(path)
        self.prefix = f"{version}:{settings_key(settings)}:"
        self.warn = warn or (lambda message: None)
        self.generation = 0  # +1 each time the cache is started again (its earlier rows are gone)
        self.recoveries = 0
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[str, str]] = []
        self._try_open()

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def _try_open(self) -> None:
        """Open (or create) the database; reading its schema finds a file that is not sqlite."""
        try:
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS rows (key TEXT PRIMARY KEY, row TEXT NOT NULL)")
        except sqlite3.Error as exc:
            self._recover(exc)

    def _guard(self, op: Callable[[], T], fallback: T) -> T:
        """Run a database call; on an sqlite error, recover (``_recover``) and return ``fallback``."""
        if self._db is None:
            return fallback
        try:
            return op()
        except sqlite3.Error as exc:
            self._recover(exc)
            return fallback

    def _recover(self, exc: sqlite3.Error) -> None:
        self._close_db()
        shown = display_name(os.fspath(self.path))
        if not is_corrupt(exc):
            self._pending = []
            self.warn(f"cache {shown} cannot be used ({exc}); going on without it")
            return
        self.recoveries += 1
        try:
            aside = move_aside(self.path)
        except OSError as move_exc:
            self._pending = []
            self.warn(f"cache {shown} is damaged ({exc}) and cannot be moved aside ({move_exc.strerror}); going on without it")
            return
        if self.recoveries > MAX_RECOVERIES:
            self._pending = []
            self.warn(f"cache {shown} is damaged again ({exc}); moved it to {display_name(aside.name)}, going on without a cache")
            return
        self.warn(f"cache {shown} is damaged ({exc}); moved it to {display_name(aside.name)} and started a new one")
        self.generation += 1
        self._try_open()
        if self._pending:  # rows scored in this run: keep them in the new cache
            self._guard(self._write_pending, None)

    def _close_db(self) -> None:
        db, self._db = self._db, None
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                db.close()

    def get(self, digest: str) -> dict[str, Any] | None:
        """The cached row, or None (not cached, or unreadable)."""
        hit = self._guard(lambda: self._one("SELECT row FROM rows WHERE key = ?", digest), None)
        if hit is None:
            return None
        try:
            row = json.loads(hit[0])
        except (TypeError, ValueError):
            return None
        return row if isinstance(row, dict) else None

    def has(self, digest: str) -> bool:
        return self._guard(lambda: self._one("SELECT 1 FROM rows WHERE key = ?", digest), None) is not None

    def _one(self, sql: str, digest: str) -> Any:
        assert self._db is not None
        return self._db.execute(sql, (self.prefix + digest,)).fetchone()

    def put(self, digest: str, row: dict[str, Any]) -> None:
        if self._db is None:
            return
        self._pending.append((self.prefix + digest, json.dumps(row)))
        self.commit()

    def commit(self) -> None:
        if self._pending:
            self._guard(self._write_pending, None)

    def _write_pending(self) -> None:
        assert self._db is not None
        with self._db:  # a transaction: committed, or rolled back on an error
            self._db.executemany("INSERT OR REPLACE INTO rows (key, row) VALUES (?, ?)", self._pending)
        self._pending = []

    def close(self) -> None:
        try:
            self.commit()
        finally:
            self._close_db()
