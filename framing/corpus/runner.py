"""Run chunks of paths through ``worker.score_chunk``: in this process, in a local process pool,
or on a Dask distributed cluster. Every runner yields the chunks' rows in submission order and
keeps a bounded number of chunks in flight, so memory does not grow with the corpus.

Each article has a time budget (``timeout`` seconds, ``worker.DEFAULT_TIMEOUT``): an article over
it becomes an error row ("timed out after N s") and the run goes on. In a process pool the parent
watches the workers' board (``worker.Board``) while it waits for results, kills the worker that
is over its budget (SIGKILL: a stuck C extension is stopped too) and starts the pool again; in
this process (one worker) an alarm stops the article; on Dask the budget is not enforced.
"""

from __future__ import annotations

import itertools
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from framing.corpus.worker import (
    Board,
    error_row,
    init_worker,
    score_chunk,
    score_within,
    timeout_row,
    warm_up,
)
from framing.errors import FramingError
from framing.settings import Settings

Chunk = list[str]
Rows = list[dict[str, Any]]


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def chunk_size(n_tasks: int, workers: int) -> int:
    """Articles per task: enough to amortise a round trip, small enough to balance the load
    (about four tasks per worker on a small corpus, at most 16 articles per task)."""
    return max(1, min(16, n_tasks // max(1, workers * 4)))


def poll_seconds(timeout: float | None) -> float | None:
    """How often the parent looks at the board: a tenth of the budget, between 0.05 and 1 s."""
    return max(0.05, min(1.0, timeout / 10)) if timeout else None


class InlineRunner:
    """One worker: score in this process (no start-up cost, no pickling); the time budget is
    kept by an alarm (``worker.score_within``)."""

    workers = 1
    terms = False

    def __init__(self, settings: Settings, timeout: float | None = None):
        self.settings = settings
        self.timeout = timeout

    def run(self, chunks: Iterable[Chunk]) -> Iterator[Rows]:
        for chunk in chunks:
            yield [score_within(p, self.settings, self.terms, self.timeout) for p in chunk]

    def close(self, cancel: bool = False) -> None:
        pass


class _Pool:
    """A ``ProcessPoolExecutor`` of ``spawn``-ed workers that die with this process and post
    their current article on a board, so that one over its budget is found and its worker killed.

    Killing a worker breaks the executor (every future in flight fails with BrokenProcessPool);
    ``timed_out`` then says which article it was: ``{task: (index in the task, seconds)}``.
    """

    def __init__(self, settings: Settings, workers: int, timeout: float | None):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        ctx = multiprocessing.get_context("spawn")
        self.timeout = timeout
        self.board = Board(ctx, workers) if timeout else None
        self.timed_out: dict[int, tuple[int, float]] = {}
        self.executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=ctx,
            initializer=init_worker,
            initargs=(settings, True, self.board, os.getpid()),
        )

    def submit(self, task: int, chunk: Chunk, settings: Settings, terms: bool) -> Future[Rows]:
        return self.executor.submit(score_chunk, chunk, settings, terms, task)

    def result(self, fut: Future[Rows]) -> Rows:
        """The future's rows; while waiting, kill the workers whose article is over its budget."""
        poll = poll_seconds(self.timeout)
        while True:
            try:
                return fut.result(timeout=poll)
            except TimeoutError:
                self.kill_overdue()

    def kill_overdue(self) -> None:
        if self.board is None or self.timeout is None:
            return
        for task, index, seconds in self.board.overdue(self.timeout, _kill):
            self.timed_out[task] = (index, seconds)

    def shutdown(self, cancel: bool) -> None:
        if not cancel:
            self.executor.shutdown(wait=True)
            return
        processes = list(getattr(self.executor, "_processes", {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for p in processes:  # workers ignore SIGINT; stop them now rather than after their chunk
            if p.is_alive():
                p.terminate()
        for p in processes:
            p.join(timeout=5)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, getattr(signal, "SIGKILL", signal.SIGTERM))
    except OSError:  # already gone
        pass


@dataclass
class _Task:
    """A chunk in flight: its future, or its rows when they are known without a worker."""

    id: int
    chunk: Chunk
    fut: Future[Rows] | None = None
    rows: Rows | None = None
    alone: bool = False  # a single article retried after the pool broke


class PoolRunner:
    """A pool of ``spawn``-ed processes; each loads the NLP pipeline once (in its initializer).

    A worker that dies (a crash, the out-of-memory killer) breaks the pool: the pool is started
    again and the chunks in flight are retried one article at a time, so the file that kills a
    worker is isolated and recorded as failed while the others are scored. A worker killed for
    an article over its time budget breaks the pool too; that article becomes an error row and
    the rest of the chunks in flight are sent again as they were.
    """

    def __init__(self, settings: Settings, workers: int, window_per_worker: int = 3, timeout: float | None = None):
        self.settings = settings
        self.terms = False
        self.workers = workers
        self.timeout = timeout
        self.window = max(2, workers * window_per_worker)
        self._pool: _Pool | None = None
        self._ids = itertools.count()
        self.restarts = 0

    def _start(self, workers: int | None = None) -> _Pool:
        return _Pool(self.settings, workers or self.workers, self.timeout)

    def _submit(self, chunk: Chunk, alone: bool = False) -> _Task:
        assert self._pool is not None
        task = _Task(next(self._ids), chunk, alone=alone)
        task.fut = self._pool.submit(task.id, chunk, self.settings, self.terms)
        return task

    def run(self, chunks: Iterable[Chunk]) -> Iterator[Rows]:
        from concurrent.futures.process import BrokenProcessPool

        self._pool = self._start()
        source = iter(chunks)
        inflight: deque[_Task] = deque()

        def refill() -> None:
            while len(inflight) < self.window:
                chunk = next(source, None)
                if chunk is None:
                    return
                inflight.append(self._submit(chunk))

        refill()
        while inflight:
            task = inflight[0]
            try:
                rows = task.rows if task.rows is not None else self._pool.result(task.fut)  # type: ignore[arg-type]
            except BrokenProcessPool:
                timed_out = self._pool.timed_out
                if timed_out:
                    self._restart(inflight, timed_out)
                else:
                    inflight.popleft()
                    if task.alone:
                        # The pool broke while this file ran, but other single files were running
                        # too: only a run on its own says whether this one is the culprit.
                        self._restart(inflight)
                        inflight.appendleft(_Task(task.id, task.chunk, rows=self._isolated(task.chunk)))
                    else:
                        self._restart(inflight, alone=[[p] for p in task.chunk])
                refill()
                continue
            inflight.popleft()
            refill()
            yield rows

    def _isolated(self, chunk: Chunk) -> Rows:
        """Score one file in a pool of its own; a crash there is this file's doing."""
        from concurrent.futures.process import BrokenProcessPool

        pool = self._start(1)
        try:
            return pool.result(pool.submit(-1, chunk, self.settings, self.terms))
        except BrokenProcessPool:
            if pool.timed_out and self.timeout:
                return [timeout_row(chunk[0], self.timeout)]
            return [error_row(f"{chunk[0]}: the worker process died while scoring this file (crash or out of memory)", "WorkerDied")]
        finally:
            pool.shutdown(cancel=True)

    def _restart(
        self,
        inflight: deque[_Task],
        timed_out: dict[int, tuple[int, float]] | None = None,
        alone: Sequence[Chunk] = (),
    ) -> None:
        """New pool; send again what was in flight (``alone``: single articles, at the front).
        An article in ``timed_out`` becomes an error row; the rest of its chunk is sent again."""
        assert self._pool is not None
        self.restarts += 1
        old = list(inflight)
        inflight.clear()
        self._pool.shutdown(cancel=True)
        self._pool = self._start()
        for c in alone:
            inflight.append(self._submit(c, alone=True))
        for t in old:
            if t.rows is not None or (t.fut is not None and t.fut.done() and t.fut.exception() is None):
                inflight.append(t)
            elif timed_out and t.id in timed_out:
                index = timed_out[t.id][0]
                before, after = t.chunk[:index], t.chunk[index + 1 :]
                if before:
                    inflight.append(self._submit(before, t.alone))
                inflight.append(_Task(t.id, t.chunk[index : index + 1], rows=[timeout_row(t.chunk[index], self.timeout or 0)]))
                if after:
                    inflight.append(self._submit(after, t.alone))
            else:
                inflight.append(self._submit(t.chunk, t.alone))

    def close(self, cancel: bool = False) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(cancel)


class DaskRunner:
    """Chunks as tasks on an existing Dask distributed cluster (``tcp://HOST:PORT``).

    The workers must see the files under the same paths (a shared or network file system) and
    have framing installed. A task that fails on the cluster (a worker lost twice, say) becomes
    error rows for its articles; the run goes on. The time budget is not enforced here (a Dask
    task cannot be stopped from the client).
    """

    def __init__(self, settings: Settings, address: str, window: int | None = None, timeout: float = 30):
        try:
            from distributed import Client
        except ImportError as exc:
            raise FramingError(
                '--scheduler needs Dask distributed: pip install "framing[dask]"'
            ) from exc
        self.settings = settings
        self.terms = False
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise FramingError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        n = sum(w.get("nthreads", 1) for w in self.client.scheduler_info().get("workers", {}).values())
        self.workers = max(1, n)
        self.window = window or max(4, self.workers * 3)
        self._futures: deque[Any] = deque()

    def run(self, chunks: Iterable[Chunk]) -> Iterator[Rows]:
        # Load the pipeline on every worker before the first task (in parallel).
        try:
            self.client.run(warm_up, self.settings)
        except Exception:  # noqa: BLE001 - warm-up is an optimisation; tasks report real errors
            pass
        source = iter(chunks)
        inflight = self._futures

        def refill() -> None:
            while len(inflight) < self.window:
                chunk = next(source, None)
                if chunk is None:
                    return
                fut = self.client.submit(score_chunk, chunk, self.settings, self.terms, pure=False)
                inflight.append((chunk, fut))

        refill()
        while inflight:
            chunk, fut = inflight[0]
            try:
                rows = fut.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker, a lost connection ...
                rows = [error_row(f"{p}: Dask task failed: {type(exc).__name__}: {exc}", "DaskTaskFailed") for p in chunk]
            inflight.popleft()
            fut.release()
            refill()
            yield rows

    def close(self, cancel: bool = False) -> None:
        if cancel and self._futures:
            try:
                self.client.cancel([f for _, f in self._futures])
            except Exception:  # noqa: BLE001
                pass
        self._futures.clear()
        self.client.close()


def make_runner(settings: Settings, workers: int | None, scheduler: str | None, timeout: float | None = None) -> Any:
    if scheduler:
        return DaskRunner(settings, scheduler)
    n = workers or default_workers()
    if n <= 1:
        return InlineRunner(settings, timeout)
    return PoolRunner(settings, n, timeout=timeout)
