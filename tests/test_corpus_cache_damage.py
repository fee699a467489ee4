"""A damaged cache never stops a corpus run: it is moved aside with a one-line warning and a new
one is started, whether the damage shows when it is opened or on a later read or write."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.corpus import score_corpus
from framing.corpus.cache import RowCache
from framing.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "arts"
    root.mkdir()
    for i in range(4):
        (root / f"a{i}.txt").write_text(
            f"Bridge reopens after {i} weeks\nBy Dana Reyes\n\nThe mayor said the bridge would reopen in {i} weeks. "
            "“We listened,” she said.\n",
            encoding="utf-8",
        )
    shutil.copy(sorted(FIXTURES.glob("*.txt"))[0], root / "seed.txt")
    return root


def _run(corpus: Path, out: Path, *extra: str) -> object:
    return CliRunner().invoke(app, ["corpus", str(corpus), "--out", str(out), "--workers", "1", *extra])


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("framing: warning:")]


def _rows(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute("SELECT count(*) FROM rows").fetchone()[0])
    finally:
        db.close()


def _first_run(corpus: Path, out: Path) -> pd.DataFrame:
    r = _run(corpus, out)
    assert r.exit_code == 0, r.output
    return pd.read_parquet(out)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda good: b"\x13\x37junk" * 400, id="junk-bytes"),
        pytest.param(lambda good: good[:100] + b"\x5a" * (len(good) - 100), id="sqlite-header-then-junk"),
    ],
)
@pytest.mark.parametrize("force", [False, True], ids=["", "force"])
def test_a_damaged_cache_is_moved_aside_and_rebuilt(corpus: Path, tmp_path: Path, damage, force: bool) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "r.parquet"
    before = _first_run(corpus, out)
    cache = tmp_path / "r.cache.sqlite"
    bad = damage(cache.read_bytes())
    cache.write_bytes(bad)
    r = _run(corpus, out, *(["--force"] if force else []))
    assert r.exit_code == 0, r.output
    warned = _warnings(r.stderr)
    assert len(warned) == 1 and "r.cache.sqlite is damaged" in warned[0] and "started a new one" in warned[0]
    assert "Traceback" not in r.output
    aside = list(tmp_path.glob("r.cache.sqlite.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == bad
    assert "5 scored, 0 cached" in r.stdout
    pd.testing.assert_frame_equal(pd.read_parquet(out), before)
    assert _rows(cache) == 5  # the new cache holds this run's rows ...
    again = _run(corpus, out)
    assert "0 scored, 5 cached" in again.stdout and not _warnings(again.stderr)  # ... and serves them


def test_damage_found_on_a_later_read_is_recovered(corpus: Path, tmp_path: Path) -> None:
    """The index (read by the look-up) is intact, the table pages are junk: the reads of the rows
    fail mid-run. The articles are scored again and the run completes."""
    out = tmp_path / "r.parquet"
    before = _first_run(corpus, out)
    cache = tmp_path / "r.cache.sqlite"
    db = sqlite3.connect(cache)
    table_root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'rows'").fetchone()[0]
    page = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    data = bytearray(cache.read_bytes())
    data[(table_root - 1) * page : table_root * page] = b"\x5a" * page
    cache.write_bytes(bytes(data))
    with pytest.warns(RuntimeWarning, match="is damaged .*malformed.*started a new one"):
        after = score_corpus(corpus, out=out, workers=1)
    pd.testing.assert_frame_equal(after, before)
    assert len(list(tmp_path.glob("r.cache.sqlite.corrupt-*"))) == 1
    assert _rows(cache) == 5


def test_damage_found_on_a_write_keeps_the_pending_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    messages: list[str] = []
    cache = RowCache(tmp_path / "c.sqlite", "1.0", Settings(), warn=messages.append)
    cache.put("aa", {"status": "ok", "x.y": 1.0})
    real = RowCache._write_pending
    calls = {"n": 0}

    def fail_once(self: RowCache) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            exc = sqlite3.DatabaseError("database disk image is malformed")
            exc.sqlite_errorcode = sqlite3.SQLITE_CORRUPT  # type: ignore[attr-defined]
            raise exc
        real(self)

    monkeypatch.setattr(RowCache, "_write_pending", fail_once)
    cache.put("bb", {"status": "ok", "x.y": 2.0})
    assert len(messages) == 1 and "is damaged" in messages[0]
    assert cache.enabled and cache.generation == 1
    assert cache.get("bb") == {"status": "ok", "x.y": 2.0}  # written to the new cache
    assert cache.get("aa") is None  # it was in the old one
    cache.close()
    assert len(list(tmp_path.glob("c.sqlite.corrupt-*"))) == 1


def test_a_cache_that_cannot_be_opened_is_skipped_with_a_warning(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "r.cache.sqlite").mkdir()  # not a database, and not damaged: left alone
    out = tmp_path / "r.csv"
    r = CliRunner().invoke(app, ["corpus", str(corpus), "--out", str(out), "--workers", "1", "--quiet"])
    assert r.exit_code == 0, r.output
    warned = _warnings(r.stderr)
    assert len(warned) == 1 and "cannot be used" in warned[0] and "going on without it" in warned[0]
    assert len(pd.read_csv(out)) == 5 and (tmp_path / "r.cache.sqlite").is_dir()
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_a_cache_that_keeps_breaking_is_given_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    messages: list[str] = []
    cache = RowCache(tmp_path / "c.sqlite", "1.0", Settings(), warn=messages.append)

    def always_corrupt(self: RowCache) -> None:
        exc = sqlite3.DatabaseError("database disk image is malformed")
        exc.sqlite_errorcode = sqlite3.SQLITE_CORRUPT  # type: ignore[attr-defined]
        raise exc

    monkeypatch.setattr(RowCache, "_write_pending", always_corrupt)
    for i in range(10):
        cache.put(f"k{i}", {"status": "ok"})
    assert not cache.enabled and len(messages) == 3 and "going on without a cache" in messages[-1]
    assert cache.get("k1") is None and not cache.has("k1")
    cache.close()
