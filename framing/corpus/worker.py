"""What runs in a worker process: path -> one output row (a plain dict, cheap to pickle).

Workers receive paths (never texts), read and analyse each article, and send back a row of
scalars. Any exception becomes an error row: one bad file never stops the run. The module is
importable without side effects, so it is safe under the ``spawn`` start method and on Dask.

Two things tie a worker to its parent (``init_worker``):

* it dies with the parent: on Linux the kernel sends it SIGKILL when the parent dies
  (``prctl(PR_SET_PDEATHSIG)``); elsewhere a watchdog thread checks ``os.getppid()`` every
  ``WATCH_PARENT_SECONDS``;
* it posts the article it is working on, and since when, on a board in shared memory
  (``Board``), from which the parent finds an article over its time budget and kills the
  worker (``framing.corpus.runner``).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any

from framing.settings import DEFAULT_SETTINGS, Settings

# Columns every row has, in order; the scores (``family.metric``) follow.
ROW_COLUMNS = ("headline", "byline", "words", "pipeline", "status", "error", "error_type", "warnings")
STATUS_OK = "ok"
STATUS_ERROR = "error"
DEFAULT_TIMEOUT = 120.0  # seconds an article may take (``--timeout``); 0 or None: no limit
TIMEOUT_ERROR = "Timeout"
WATCH_PARENT_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>

_WARM_TEXT = (
    "Bridge reopens after repairs\n"
    "By A. Reporter\n"
    "Officials said on Monday that the bridge would reopen next week. “We are proud of the crews,”"
    " the mayor said. I think this is a remarkable, shameful delay, according to critics.\n"
)


class Board:
    """Per worker, in shared memory: its pid, the task and the article (index in the task) it is
    scoring, and the ``time.monotonic()`` at which it started (0: idle). Made by the parent,
    passed to the workers' initializer; each worker takes the next free slot."""

    FIELDS = 4  # pid, task, index, start

    def __init__(self, ctx: Any, slots: int):
        self.slots = slots
        self.values = ctx.Array("d", self.FIELDS * slots)  # with a lock: the parent reads whole slots
        self.taken = ctx.Value("i", 0)

    def take_slot(self) -> int:
        with self.taken.get_lock():
            slot = self.taken.value
            self.taken.value += 1
        return slot if slot < self.slots else -1

    def post(self, slot: int, task: int, index: int) -> None:
        with self.values.get_lock():
            self.values[slot * self.FIELDS : (slot + 1) * self.FIELDS] = [os.getpid(), task, index, time.monotonic()]

    def clear(self, slot: int) -> None:
        with self.values.get_lock():
            self.values[slot * self.FIELDS + 3] = 0.0

    def overdue(self, budget: float, kill: Any) -> list[tuple[int, int, float]]:
        """Each article over ``budget`` seconds, as (task, index, seconds); ``kill(pid)`` is called
        for its worker while the board is locked, so the worker cannot move on meanwhile."""
        found = []
        with self.values.get_lock():
            now = time.monotonic()
            for s in range(self.slots):
                pid, task, index, start = self.values[s * self.FIELDS : (s + 1) * self.FIELDS]
                if start > 0 and now - start > budget:
                    self.values[s * self.FIELDS + 3] = 0.0
                    kill(int(pid))
                    found.append((int(task), int(index), now - start))
        return found


_board: Board | None = None
_slot = -1


def init_worker(
    settings: Settings = DEFAULT_SETTINGS,
    warm: bool = True,
    board: Board | None = None,
    parent: int | None = None,
) -> None:
    """Process-pool initializer: leave Ctrl-C to the parent, die with the parent (``parent``: its
    pid), take a slot on ``board``, load the pipeline once, warm up.

    The warm-up analyses a short text so that every lazy import and lexicon (spaCy, textstat's
    CMU dictionary, the framing lexicons) is loaded before the first real article, in every
    worker at once rather than one after another.
    """
    global _board, _slot
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # pragma: no cover - not the main thread (Dask threads)
        pass
    if parent is not None:
        exit_with_parent(parent)
    if board is not None:
        _board, _slot = board, board.take_slot()
    if warm:
        warm_up(settings)


def exit_with_parent(parent: int) -> None:
    """End this process soon after process ``parent`` ends (killed, crashed), so that no worker
    is left running on its own: the kernel's parent-death signal on Linux, else a watchdog thread."""
    if sys.platform.startswith("linux") and _parent_death_signal(signal.SIGKILL):
        if os.getppid() != parent:  # the parent died before the signal was set
            os._exit(1)
        return
    threading.Thread(target=_watch_parent, args=(parent,), name="framing-watch-parent", daemon=True).start()


def _parent_death_signal(sig: int) -> bool:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)) == 0
    except (OSError, AttributeError):  # pragma: no cover - no libc prctl
        return False


def _watch_parent(parent: int, interval: float = WATCH_PARENT_SECONDS) -> None:
    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(1)


def warm_up(settings: Settings = DEFAULT_SETTINGS) -> None:
    from framing.analysis import analyse

    try:
        analyse(_WARM_TEXT, settings=settings)
    except Exception:  # noqa: BLE001 - a failing warm-up shows up again, per file, as an error row
        pass
    _warm.add(settings)


_warm: set[Settings] = set()


def score_one(path: str, settings: Settings = DEFAULT_SETTINGS, terms: bool = False) -> dict[str, Any]:
    """Analyse one file; return its row, or an error row naming the exception.

    ``terms``: also return the article's term counts under ``"_terms"`` (for the group report's
    distinctive terms), counted here where the sentences are at hand and in parallel.
    """
    from pathlib import Path

    from framing.analysis import analyse
    from framing.errors import InputError
    from framing.web import is_url

    try:
        a = analyse(path if is_url(path) else Path(path), settings=settings)
    except InputError as exc:
        return error_row(str(exc), type(exc).__name__)
    except RecursionError as exc:  # deeply nested HTML
        return error_row(f"{path}: {exc}", type(exc).__name__)
    except Exception as exc:  # noqa: BLE001 - any bug in one article must not end the run
        return error_row(f"{path}: {type(exc).__name__}: {exc}", type(exc).__name__)
    row: dict[str, Any] = {
        "headline": a.headline,
        "byline": a.byline,
        "words": a.body_words,
        "pipeline": a.pipeline,
        "status": STATUS_OK,
        "error": None,
        "error_type": None,
        "warnings": "; ".join(a.warnings) or None,
    }
    for key, value in a.scores.flat().items():
        row[key] = None if value is None else float(value)
    if terms:
        from framing.comparison.vocabulary import term_counts

        row["_terms"] = term_counts(s.text for s in a.sentences)
    return row


def score_chunk(
    paths: Sequence[str], settings: Settings = DEFAULT_SETTINGS, terms: bool = False, task: int | None = None
) -> list[dict[str, Any]]:
    """One task: a few paths scored in a row (fewer round trips than one task per file).

    ``task``: the parent's number for this task; each article is posted on the board while it
    is scored (in a pool worker with a board)."""
    board = _board if task is not None and _slot >= 0 else None
    rows = []
    try:
        for i, p in enumerate(paths):
            if board is not None:
                board.post(_slot, task, i)  # type: ignore[arg-type]
            rows.append(score_one(p, settings, terms))
    finally:
        if board is not None:
            board.clear(_slot)
    return rows


class _Overtime(BaseException):
    """Raised by the alarm in ``score_within``; a BaseException so that no ``except Exception``
    in the analysis swallows it."""


def score_within(path: str, settings: Settings, terms: bool, timeout: float | None) -> dict[str, Any]:
    """``score_one`` in this process, stopped after ``timeout`` seconds by SIGALRM (an error row).

    For the main process (``--workers 1``), where no parent can kill a worker. The pipeline is
    loaded (``warm_up``) before the clock starts. The alarm interrupts Python code and blocking
    reads; only on the main thread of a POSIX system, and not while the program has a timer of
    its own running (else no limit)."""
    if (
        not timeout
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
        or signal.getitimer(signal.ITIMER_REAL)[0] > 0  # the program's own timer: leave it alone
    ):
        return score_one(path, settings, terms)

    def overtime(signum: int, frame: Any) -> None:
        raise _Overtime

    if settings not in _warm:  # loading the pipeline is not the article's time
        warm_up(settings)
    previous = signal.signal(signal.SIGALRM, overtime)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, timeout)
            return score_one(path, settings, terms)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Overtime:
        return timeout_row(path, timeout)
    finally:
        signal.signal(signal.SIGALRM, previous)


def timeout_row(path: str, seconds: float) -> dict[str, Any]:
    return error_row(f"{path}: timed out after {seconds:g} s (--timeout)", TIMEOUT_ERROR)


def error_row(message: str, error_type: str = "Error") -> dict[str, Any]:
    return {
        "headline": None,
        "byline": None,
        "words": None,
        "pipeline": None,
        "status": STATUS_ERROR,
        "error": message,
        "error_type": error_type,
        "warnings": None,
    }
