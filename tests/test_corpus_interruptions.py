"""A corpus run that fails, is interrupted (SIGINT) or killed (SIGKILL) leaves the earlier output
and errors file intact (the new ones are put in place only when complete); its workers end soon
after it; the next run completes, taking what was scored from the cache."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import framing.analysis
from framing.corpus import score_corpus
from framing.errors import OutputError

TESTS = Path(__file__).parent
linux_only = pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="reads /proc to find the workers")


def _corpus(root: Path, n: int, slow: bool = False) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"{i:02d}.txt").write_text(f"Headline {i}\nThe mayor said the bridge would reopen in {i} weeks.\n", encoding="utf-8")
    (root / "50-empty.txt").write_text("  \n", encoding="utf-8")  # one failure: an errors file
    if slow:
        (root / "99-slow.txt").write_text("Slow\nThe mayor said so.\n", encoding="utf-8")
    return root


def _snapshot(out: Path) -> dict[str, bytes]:
    errors = out.with_name(out.stem + ".errors.csv")
    return {p.name: p.read_bytes() for p in (out, errors)}


def _temps(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


# -- in this process ------------------------------------------------------------------------------
@pytest.fixture
def previous(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """A corpus and the complete output of an earlier run (with an errors file)."""
    root = _corpus(tmp_path / "arts", 4)
    out = tmp_path / "r.parquet"
    score_corpus(root, out=out, workers=1, cache=False)
    return root, out, _snapshot(out)


def test_an_interrupted_run_leaves_the_earlier_output(previous: tuple[Path, Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch) -> None:
    root, out, before = previous
    real = framing.analysis.analyse

    def interrupt(source, **kw):  # type: ignore[no-untyped-def]
        if Path(source).name == "02.txt":
            raise KeyboardInterrupt
        return real(source, **kw)

    monkeypatch.setattr(framing.analysis, "analyse", interrupt)
    (root / "03.txt").write_text("Changed\nThe council said no.\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        score_corpus(root, out=out, workers=1, force=True)
    assert _snapshot(out) == before and not _temps(out.parent)
    monkeypatch.setattr(framing.analysis, "analyse", real)
    df = score_corpus(root, out=out, workers=1)  # resumes: what was scored is cached
    assert len(df) == 5 and _snapshot(out) != before


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_a_write_error_leaves_the_earlier_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    import framing.corpus.writer as writer_mod

    root = _corpus(tmp_path / "arts", 4)
    out = tmp_path / f"r.{fmt}"
    score_corpus(root, out=out, workers=1, cache=False)
    before = _snapshot(out)

    def disk_full(self: object, table: object) -> None:
        raise OutputError(f"{out}: cannot write: [Errno 28] No space left on device")

    monkeypatch.setattr(writer_mod.RowWriter, "_write", disk_full)
    with pytest.raises(OutputError, match="No space left"):
        score_corpus(root, out=out, workers=1, cache=False)
    assert _snapshot(out) == before and not _temps(tmp_path)


def test_nothing_failed_removes_the_stale_errors_file_and_leftover_temps(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "arts", 2)
    out = tmp_path / "r.csv"
    score_corpus(root, out=out, workers=1, cache=False)
    assert (tmp_path / "r.errors.csv").exists()
    (root / "50-empty.txt").write_text("Fixed\nThe mayor said so.\n", encoding="utf-8")
    dead = tmp_path / ".r.csv.999999999.abcd.tmp"  # left by a killed run (no such process)
    live = tmp_path / f".r.csv.{os.getppid()}.abcd.tmp"  # a run in progress: not ours to remove
    dead.write_text("partial", encoding="utf-8")
    live.write_text("partial", encoding="utf-8")
    score_corpus(root, out=out, workers=1, cache=False)
    assert not (tmp_path / "r.errors.csv").exists()
    assert not dead.exists() and live.exists()
    assert len(pd.read_csv(out)) == 3


# -- kill tests: the CLI in a subprocess, stopped at several moments ------------------------------
def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _ours(pid: int, marks: Path) -> bool:
    try:
        with open(f"/proc/{pid}/environ", "rb") as fh:
            return f"FRAMING_TEST_MARKS={marks}".encode() in fh.read()
    except OSError:
        return False


def _wait_for(what: str, ready: Callable[[], bool], proc: subprocess.Popen[bytes], seconds: float = 40) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if proc.poll() is not None:
            raise AssertionError(f"the run ended (code {proc.returncode}) before {what}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def _cached_rows(cache: Path) -> int:
    if not cache.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{cache}?mode=ro", uri=True, timeout=1)
        try:
            return int(db.execute("SELECT count(*) FROM rows").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def _cli(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """The CLI with the test hooks (``corpus_crash_helper``) in a subprocess; its output goes to
    ``log`` (a pipe would stay open as long as a stray worker holds it)."""
    code = f"import sys; sys.path.insert(0, {str(TESTS)!r}); import corpus_crash_helper as h; h.main(sys.argv[1:])"
    with open(log, "wb") as fh:
        return subprocess.Popen([sys.executable, "-c", code, *args], env={**os.environ, **env},
                                stdout=fh, stderr=subprocess.STDOUT)


@pytest.fixture
def fake_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs in this process score at once, without the NLP pipeline (as the subprocess does)."""
    sys.path.insert(0, str(TESTS))
    import corpus_crash_helper

    import framing.corpus.worker as worker_mod

    monkeypatch.setenv("FRAMING_TEST_FAKE", "1")
    monkeypatch.setattr(worker_mod, "score_one", corpus_crash_helper.score_one)


N = 8  # articles scored before the moment of the kill ("analysis": the slow one comes last)
MOMENTS = {
    # moment: (extra environment, what to wait for)
    "analysis": ({"FRAMING_TEST_SLOW": "600"}, "the slow article started and the others cached"),
    "write": ({"FRAMING_TEST_PAUSE": "write", "FRAMING_TEST_BATCH": "2"}, "the first batch written"),
    "replace": ({"FRAMING_TEST_PAUSE": "replace"}, "the finished output about to be put in place"),
}


@linux_only
@pytest.mark.parametrize(
    ("sig", "moment"),
    [("SIGKILL", "analysis"), ("SIGINT", "analysis"), ("SIGKILL", "write"), ("SIGINT", "write"), ("SIGKILL", "replace")],
)
def test_killed_or_interrupted_run(tmp_path: Path, sig: str, moment: str, fake_scores: None) -> None:
    from framing.corpus.job import CorpusJob

    root = _corpus(tmp_path / "arts", N, slow=True)
    marks = tmp_path / "marks"
    marks.mkdir()
    out = tmp_path / "r.parquet"
    cache = tmp_path / "r.cache.sqlite"
    CorpusJob([root], out=out, workers=1, cache=False, timeout=None).run()
    before = _snapshot(out)
    (root / "03.txt").write_text("Changed\nThe council said no.\n", encoding="utf-8")

    extra, what = MOMENTS[moment]
    env = {"FRAMING_TEST_FAKE": "1", "FRAMING_TEST_MARKS": str(marks), **extra}
    log = tmp_path / "run.log"
    proc = _cli(["corpus", str(root), "--out", str(out), "--workers", "2", "--timeout", "0"], env, log)
    children: set[int] = set()
    workers: set[int] = set()

    def at_moment() -> bool:
        children.update(_children(proc.pid))
        if moment == "analysis":
            return any(marks.glob("slow-*")) and _cached_rows(cache) >= N
        return (marks / f"pause-{moment}").exists()

    try:
        _wait_for(what, at_moment, proc)
        workers = {c for c in children if _alive(c)}  # the workers and the resource tracker
        assert len(workers) >= (1 if moment == "replace" else 3), "worker processes not seen"  # "replace": the pool is closed
        os.kill(proc.pid, getattr(signal, sig))
        proc.wait(timeout=30)
        stopped_at = time.monotonic()
        stderr = log.read_text(encoding="utf-8", errors="replace")
        assert proc.returncode == (-signal.SIGKILL if sig == "SIGKILL" else 130), stderr
        if sig == "SIGINT":
            assert "is as it was" in stderr and "Traceback" not in stderr, stderr

        # (b) no worker (nor the resource tracker) outlives its parent by 5 s
        while any(_alive(c) for c in workers) and time.monotonic() - stopped_at < 5:
            time.sleep(0.02)
        assert not [c for c in workers if _alive(c)], f"still running 5 s after the parent ended: {workers}"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for c in workers:  # only after a failure: the stray workers of this test (by their environment)
            if _alive(c) and _ours(c, marks):
                os.kill(c, signal.SIGKILL)

    # (a) the earlier output and errors file are intact (and readable)
    assert _snapshot(out) == before
    assert len(pd.read_parquet(out)) == N + 2
    if sig == "SIGINT":
        assert not _temps(tmp_path)

    # (c) the next run completes, taking what the stopped run scored from the cache
    cached = _cached_rows(cache)
    assert cached >= (N if moment == "analysis" else 2)
    summary = CorpusJob([root], out=out, workers=1, timeout=None).run()
    assert summary.cached == cached and summary.written == N + 2
    df = pd.read_parquet(out)
    assert len(df) == N + 2 and df.loc[df["name"] == "03.txt", "status"].item() == "ok"
    assert _snapshot(out) != before and not _temps(tmp_path)


@linux_only
def test_the_watchdog_fallback_ends_a_worker_whose_parent_died(tmp_path: Path) -> None:
    """Where the kernel's parent-death signal is missing (not Linux), a watchdog thread polls
    getppid(); here it runs on its own: the parent is killed, the child is gone within 2 s."""
    leaf = ("import os, threading, time; from framing.corpus.worker import _watch_parent; "
            "threading.Thread(target=_watch_parent, args=(os.getppid(), 0.05), daemon=True).start(); "
            "print('ready', flush=True); time.sleep(60)")
    middle = ("import subprocess, sys, time; "
              f"p = subprocess.Popen([sys.executable, '-c', {leaf!r}]); print(p.pid, flush=True); time.sleep(60)")
    parent = subprocess.Popen([sys.executable, "-c", middle], stdout=subprocess.PIPE, text=True)
    child = 0
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        assert parent.stdout.readline().strip() == "ready"  # the watchdog is running
        assert _alive(child)
        parent.kill()
        parent.wait()
        gone_by = time.monotonic() + 2
        while _alive(child) and time.monotonic() < gone_by:
            time.sleep(0.02)
        assert not _alive(child)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        if parent.stdout is not None:
            parent.stdout.close()
        if child and _alive(child):
            os.kill(child, signal.SIGKILL)
