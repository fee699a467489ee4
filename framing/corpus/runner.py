"""Run chunks of paths through ``worker.score_chunk``: in this process, in a local process pool,
or on a Dask distributed cluster. Every runner yields the chunks' rows in submission order and
keeps a bounded number of chunks in flight, so memory does not grow with the corpus.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from framing.corpus.worker import error_row, init_worker, score_chunk, warm_up
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


class InlineRunner:
    """One worker: score in this process (no start-up cost, no pickling)."""

    workers = 1
    terms = False

    def __init__(self, settings: Settings):
        self.settings = settings

    def run(self, chunks: Iterable[Chunk]) -> Iterator[Rows]:
        for chunk in chunks:
            yield score_chunk(chunk, self.settings, self.terms)

    def close(self, cancel: bool = False) -> None:
        pass


class PoolRunner:
    """A pool of ``spawn``-ed processes; each loads the NLP pipeline once (in its initializer).

    A worker that dies (a crash, the out-of-memory killer) breaks the pool: the pool is started
    again and the chunks in flight are retried one article at a time, so the file that kills a
    worker is isolated and recorded as failed while the others are scored.
    """

    def __init__(self, settings: Settings, workers: int, window_per_worker: int = 3):
        self.settings = settings
        self.terms = False
        self.workers = workers
        self.window = max(2, workers * window_per_worker)
        self._pool: Any = None
        self.restarts = 0

    def _start(self) -> Any:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(self.settings,),
        )

    def run(self, chunks: Iterable[Chunk]) -> Iterator[Rows]:
        from concurrent.futures.process import BrokenProcessPool

        self._pool = self._start()
        source = iter(chunks)
        inflight: deque[tuple[Chunk, Any, bool]] = deque()  # (paths, future, retried alone)

        def refill() -> None:
            while len(inflight) < self.window:
                chunk = next(source, None)
                if chunk is None:
                    return
                inflight.append((chunk, self._pool.submit(score_chunk, chunk, self.settings, self.terms), False))

        refill()
        while inflight:
            chunk, fut, alone = inflight[0]
            try:
                rows = fut.result()
            except BrokenProcessPool:
                inflight.popleft()
                if alone:
                    # The pool broke while this file ran, but other single files were running
                    # too: only a run on its own says whether this one is the culprit.
                    self._restart(inflight, [])
                    yield self._isolated(chunk)
                else:
                    self._restart(inflight, [[p] for p in chunk])
                refill()
                continue
            inflight.popleft()
            refill()
            yield rows

    def _isolated(self, chunk: Chunk) -> Rows:
        """Score one file in a pool of its own; a crash there is this file's doing."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        pool = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker, initargs=(self.settings,),
        )
        try:
            return pool.submit(score_chunk, chunk, self.settings, self.terms).result()
        except BrokenProcessPool:
            return [error_row(f"{chunk[0]}: the worker process died while scoring this file (crash or out of memory)", "WorkerDied")]
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def _restart(self, inflight: deque[tuple[Chunk, Any, bool]], alone: list[Chunk]) -> None:
        """New pool; resubmit what was in flight (``alone``: single articles, at the front)."""
        self.restarts += 1
        old = list(inflight)
        inflight.clear()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()
        for c in alone:
            inflight.append((c, self._pool.submit(score_chunk, c, self.settings, self.terms), True))
        for c, fut, was_alone in old:
            if fut.done() and fut.exception() is None:
                inflight.append((c, fut, was_alone))
            else:
                inflight.append((c, self._pool.submit(score_chunk, c, self.settings, self.terms), was_alone))

    def close(self, cancel: bool = False) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if cancel:
            processes = list(getattr(pool, "_processes", {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for p in processes:  # workers ignore SIGINT; stop them now rather than after their chunk
                if p.is_alive():
                    p.terminate()
            for p in processes:
                p.join(timeout=5)
        else:
            pool.shutdown(wait=True)


class DaskRunner:
    """Chunks as tasks on an existing Dask distributed cluster (``tcp://HOST:PORT``).

    The workers must see the files under the same paths (a shared or network file system) and
    have framing installed. A task that fails on the cluster (a worker lost twice, say) becomes
    error rows for its articles; the run goes on.
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


def make_runner(settings: Settings, workers: int | None, scheduler: str | None) -> Any:
    if scheduler:
        return DaskRunner(settings, scheduler)
    n = workers or default_workers()
    if n <= 1:
        return InlineRunner(settings)
    return PoolRunner(settings, n)
