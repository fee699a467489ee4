"""A cache of scored rows keyed by the article's content hash and the framing version.

Stored beside the output (``results.cache.sqlite``). A key is ``blake2b(file bytes)`` plus the
framing version plus a fingerprint of the settings (spaCy model, extra lexicons and their
contents, the detection switches), so a new release, another model or an edited lexicon scores
the article again. Only successful rows are cached; failed files are tried again on every run.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from framing.settings import Settings

HASH_CHUNK = 1 << 20


def content_hash(path: str | os.PathLike[str], limit: int | None = None) -> str:
    """blake2b-128 of the file's bytes (hex). Reads at most ``limit`` bytes beyond which the
    reader refuses the file anyway (the hash then covers the prefix and the size)."""
    h = hashlib.blake2b(digest_size=16)
    read = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            h.update(chunk)
            read += len(chunk)
            if limit is not None and read > limit:
                h.update(str(os.fstat(fh.fileno()).st_size).encode())
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


class RowCache:
    """sqlite: ``key -> row (JSON)``. Writes are batched; every commit is durable, so an
    interrupted run is resumed by the next one."""

    def __init__(self, path: str | os.PathLike[str], version: str, settings: Settings):
        self.path = Path(path)
        self.prefix = f"{version}:{settings_key(settings)}:"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS rows (key TEXT PRIMARY KEY, row TEXT NOT NULL)")
        self._pending: list[tuple[str, str]] = []

    def get(self, digest: str) -> dict[str, Any] | None:
        cur = self._db.execute("SELECT row FROM rows WHERE key = ?", (self.prefix + digest,))
        hit = cur.fetchone()
        return json.loads(hit[0]) if hit else None

    def has(self, digest: str) -> bool:
        cur = self._db.execute("SELECT 1 FROM rows WHERE key = ?", (self.prefix + digest,))
        return cur.fetchone() is not None

    def put(self, digest: str, row: dict[str, Any]) -> None:
        self._pending.append((self.prefix + digest, json.dumps(row, ensure_ascii=False)))
        if len(self._pending) >= 200:
            self.commit()

    def commit(self) -> None:
        if self._pending:
            self._db.executemany("INSERT OR REPLACE INTO rows (key, row) VALUES (?, ?)", self._pending)
            self._db.commit()
            self._pending = []

    def close(self) -> None:
        try:
            self.commit()
        finally:
            self._db.close()
