"""No file stalls a corpus run: FIFOs, devices and sockets are error rows (never opened for
reading), and an article over its time budget (``--timeout``) becomes an error row while the run
goes on; in a pool its worker is killed and replaced."""

from __future__ import annotations

import inspect
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import framing.corpus.runner as runner_mod
import framing.corpus.worker as worker_mod
from framing.cli import app
from framing.corpus import score_corpus

TESTS = Path(__file__).parent
sys.path.insert(0, str(TESTS))  # the spawned workers import corpus_crash_helper too
import corpus_crash_helper  # noqa: E402

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, sockets and SIGALRM are POSIX")


def _articles(folder: Path, n: int, slow_at: int | None = None) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n):
        name = f"{i:02d}-slow.txt" if i == slow_at else f"{i:02d}.txt"
        (folder / name).write_text(f"Headline {i}\nThe mayor said the bridge would reopen in {i} weeks.\n", encoding="utf-8")
        names.append(name)
    return names


def _run_cli(args: list[str], env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The CLI with the test hooks, in a subprocess: a hang fails the test instead of blocking it."""
    code = f"import sys; sys.path.insert(0, {str(TESTS)!r}); import corpus_crash_helper as h; h.main(sys.argv[1:])"
    return subprocess.run([sys.executable, "-c", code, *args], env={**os.environ, **env},
                          capture_output=True, text=True, timeout=timeout)


# -- files that are not regular files -------------------------------------------------------------
@posix_only
def test_a_fifo_and_a_socket_in_a_folder_are_error_rows(tmp_path: Path) -> None:
    folder = tmp_path / "arts"
    _articles(folder, 3)
    os.mkfifo(folder / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(folder / "sock.txt"))
    except OSError:  # a path too long for AF_UNIX
        sock.close()
        sock = None  # type: ignore[assignment]
    try:
        out = tmp_path / "r.parquet"
        r = _run_cli(["corpus", str(folder), "--out", str(out), "--workers", "1"], {"FRAMING_TEST_FAKE": "1"})
    finally:
        if sock is not None:
            sock.close()
    assert r.returncode == 2, r.stderr
    df = pd.read_parquet(out).set_index("name")
    assert df.loc["pipe.txt", "status"] == "error" and "a FIFO (named pipe)" in df.loc["pipe.txt", "error"]
    assert df.loc["pipe.txt", "error_type"] == "InputError"
    if sock is not None:
        assert "a socket" in df.loc["sock.txt", "error"]
    assert (df.drop(index=[n for n in ("pipe.txt", "sock.txt") if n in df.index])["status"] == "ok").all()


@posix_only
def test_a_fifo_or_a_device_named_explicitly_is_an_error_row_not_the_end(tmp_path: Path) -> None:
    folder = tmp_path / "arts"
    _articles(folder, 1)
    os.mkfifo(tmp_path / "named.pipe")
    args = ["corpus", str(folder / "00.txt"), str(tmp_path / "named.pipe"), os.devnull, "--out", str(tmp_path / "r.csv"), "--workers", "1"]
    r = _run_cli(args, {"FRAMING_TEST_FAKE": "1"})
    assert r.returncode == 2, r.stderr
    df = pd.read_csv(tmp_path / "r.csv", keep_default_na=False)  # a file named "null"
    errors = dict(zip(df["name"], df["error"], strict=True))
    assert "FIFO" in errors["named.pipe"] and "a character device" in errors[os.path.basename(os.devnull)]
    assert errors["00.txt"] == ""


# -- the time budget ------------------------------------------------------------------------------
def test_the_default_budget_is_documented_and_the_same_everywhere() -> None:
    from framing.cli import corpus as cli_corpus

    default = worker_mod.DEFAULT_TIMEOUT
    assert default == 120
    assert inspect.signature(score_corpus).parameters["timeout"].default == default
    assert inspect.signature(cli_corpus.corpus).parameters["timeout"].default == default
    r = CliRunner().invoke(app, ["corpus", "--help"])
    assert "--timeout" in r.output and "120" in r.output
    docs = (TESTS.parent / "docs" / "corpus.md").read_text(encoding="utf-8")
    assert "--timeout" in docs and "120 s" in docs


@posix_only
def test_an_article_over_budget_in_this_process_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--workers 1: an alarm stops the article; the run goes on; the alarm is put back."""
    real = worker_mod.score_one

    def slow(path: str, settings: object = None, terms: bool = False) -> dict[str, object]:
        if Path(path).name.endswith("-slow.txt"):
            time.sleep(30)
        return real(path, settings, terms)  # type: ignore[arg-type]

    monkeypatch.setattr(worker_mod, "score_one", slow)
    folder = tmp_path / "arts"
    _articles(folder, 3, slow_at=1)
    before = signal.getsignal(signal.SIGALRM)
    start = time.monotonic()
    df = score_corpus(folder, workers=1, timeout=0.5).set_index("name")
    assert time.monotonic() - start < 25
    assert df.loc["01-slow.txt", "error_type"] == "Timeout"
    assert df.loc["01-slow.txt", "error"].endswith("01-slow.txt: timed out after 0.5 s (--timeout)")
    assert (df.drop(index="01-slow.txt")["status"] == "ok").all()
    assert signal.getsignal(signal.SIGALRM) is before and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


@posix_only
def test_an_article_over_budget_in_a_pool_kills_its_worker_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """24 articles, three to a task: the slow one is in the middle of its task. Its worker is
    killed; the articles before and after it in that task and every other task are scored."""
    marks = tmp_path / "marks"
    marks.mkdir()
    monkeypatch.setenv("FRAMING_TEST_SLOW", "600")
    monkeypatch.setenv("FRAMING_TEST_MARKS", str(marks))
    monkeypatch.setenv("FRAMING_TEST_FAKE", "1")
    monkeypatch.setattr(runner_mod, "score_chunk", corpus_crash_helper.score_chunk)
    monkeypatch.setattr(runner_mod, "init_worker", corpus_crash_helper.init_worker)
    assert runner_mod.chunk_size(24, 2) == 3
    folder = tmp_path / "arts"
    names = _articles(folder, 24, slow_at=13)
    start = time.monotonic()
    out = tmp_path / "r.parquet"
    r = CliRunner().invoke(app, ["corpus", str(folder), "--out", str(out), "--workers", "2", "--timeout", "1.5"])
    assert time.monotonic() - start < 60
    assert r.exit_code == 1, r.output
    assert "timed out after 1.5 s" in r.stderr and "1 of 24 articles failed" in r.stderr
    df = pd.read_parquet(out)
    assert list(df["name"]) == sorted(names)
    bad = df[df["status"] == "error"]
    assert list(bad["name"]) == ["13-slow.txt"] and bad["error_type"].item() == "Timeout"
    killed = [int(p.name.split("-")[1]) for p in marks.glob("slow-*")]
    assert len(killed) == 1
    deadline = time.monotonic() + 10
    while not _gone(killed[0]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(killed[0]), "the worker over its budget is still running"


def test_poll_interval_follows_the_budget() -> None:
    assert runner_mod.poll_seconds(None) is None and runner_mod.poll_seconds(0) is None
    assert runner_mod.poll_seconds(120) == 1.0 and runner_mod.poll_seconds(1.5) == pytest.approx(0.15)
    assert runner_mod.poll_seconds(0.1) == 0.05
