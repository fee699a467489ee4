"""One corpus run: discover -> hash and look up the cache -> score what is new -> write rows.

Rows are written in input order (files as discovered), in batches, as their chunks come back.
Nothing proportional to the corpus is held in memory except the list of paths and their hashes.
The output and the errors file are replaced only when the run is complete (``writer``); until
then the scored rows are kept in the cache, so an interrupted or killed run is resumed.
"""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.corpus.discover import Item, discover
from framing.corpus.meta import Meta, read_meta
from framing.corpus.worker import DEFAULT_TIMEOUT, ROW_COLUMNS, STATUS_ERROR, error_row
from framing.corpus.writer import ErrorsFile, RowWriter, check_output, sidecar
from framing.errors import InputError
from framing.printable import display_name
from framing.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    from framing.corpus.cache import RowCache

FILE_COLUMNS = ("file", "name", "folder")
TAIL_COLUMNS = ("hash", "framing_version")
GROUP_BUILTIN = ("folder", "name", "byline", "pipeline", "status")
ProgressFn = Callable[[int, int, int], None]  # (done, total, failed)
WarnFn = Callable[[str], None]
NOT_REGULAR_ERROR = "InputError"  # an error type that counts as the input's fault (exit code 2)
FETCH_BATCH = 64  # URLs fetched (concurrently) before their pages are let go


@dataclass
class CorpusSummary:
    """What a run did; ``exit_code`` is 0 when every article was scored."""

    total: int = 0
    scored: int = 0  # analysed in this run
    cached: int = 0  # taken from the cache
    failed: int = 0
    words: int = 0  # body words of the articles written
    scored_words: int = 0  # body words of the articles analysed in this run
    workers: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    out: Path | None = None
    errors_file: Path | None = None
    cache_file: Path | None = None
    failures: list[tuple[str, str]] = field(default_factory=list)  # the first few (file, message)
    input_failures_only: bool = True
    no_meta: int = 0  # articles that had no row in --meta
    warnings: list[str] = field(default_factory=list)  # e.g. a damaged cache moved aside

    @property
    def written(self) -> int:
        return self.scored + self.cached + self.failed

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 130
        if self.failed:
            return 2 if self.input_failures_only else 1
        return 0


class CorpusJob:
    def __init__(
        self,
        paths: Sequence[str | os.PathLike[str]],
        *,
        out: str | os.PathLike[str] | None = None,
        meta: str | os.PathLike[str] | None = None,
        group_by: str | None = None,
        workers: int | None = None,
        scheduler: str | None = None,
        settings: Settings = DEFAULT_SETTINGS,
        force: bool = False,
        cache: bool | str | os.PathLike[str] | None = None,
        errors: bool | str | os.PathLike[str] | None = None,
        progress: ProgressFn | None = None,
        batch_rows: int = 500,
        terms: bool = False,
        timeout: float | None = DEFAULT_TIMEOUT,
        warn: WarnFn | None = None,
    ):
        from framing import __version__

        self.cache_path = _side(cache, out, ".cache.sqlite")
        self.errors_path = _side(errors, out, ".errors.csv")
        if out is not None:
            from framing.corpus.writer import output_format

            output_format(out)  # refuse a bad extension or an unwritable place before any work
            check_output(out)
        if self.errors_path is not None:
            check_output(self.errors_path)
        self.items: list[Item] = discover(paths)
        if not self.items:
            raise InputError("no article files found (looked for .txt, .md, .markdown, .html, .htm)")
        self.out = Path(out) if out is not None else None
        self.settings = settings
        self.version = __version__
        self.workers = workers
        self.scheduler = scheduler
        self.force = force
        self.progress = progress
        self.batch_rows = batch_rows
        self.timeout = timeout or None
        self._warn_fn = warn
        reserved = set(FILE_COLUMNS) | set(ROW_COLUMNS) | set(TAIL_COLUMNS)
        self.meta: Meta | None = read_meta(meta, reserved) if meta is not None else None
        meta_cols = self.meta.columns if self.meta else []
        if group_by is not None and group_by not in GROUP_BUILTIN and group_by not in meta_cols:
            hint = f" (--meta columns: {', '.join(meta_cols)})" if meta_cols else " (give --meta FILE.csv with that column)"
            raise InputError(f"--group-by {group_by}: no such field{hint}")
        self.group_by = group_by
        self.columns = [*FILE_COLUMNS, *meta_cols, *ROW_COLUMNS, *TAIL_COLUMNS]
        self.summary = CorpusSummary(total=len(self.items), out=self.out, errors_file=None, cache_file=self.cache_path)
        self.writer: RowWriter | None = None
        # terms=True: pool each group's term counts for the report's distinctive terms.
        self.terms: Any = None
        if terms and group_by is not None:
            from framing.corpus.report import GroupTerms

            self.terms = GroupTerms()

    # -- the run ---------------------------------------------------------------------------------
    def run(self) -> CorpusSummary:
        """Score every article, write the rows; Ctrl-C stops the run (and re-raises).

        1. hash each file and look it up in the cache (``_hash_and_look_up``);
        2. send the rest to the workers, in chunks, results in order (``_start_runner``,
           ``_fresh_rows``);
        3. merge cached and fresh rows in input order and write them (``_write_row``);
        4. only when every row is written, put the output and the errors file in place; after
           an error or Ctrl-C the earlier ones stay (``_close``).
        """
        from framing.corpus.cache import RowCache

        start = time.perf_counter()
        s = self.summary
        writer = self.writer = RowWriter(self.out, self.columns, self.batch_rows)
        try:
            errors = ErrorsFile(self.errors_path)
        except BaseException:
            writer.discard()
            raise
        cache = RowCache(self.cache_path, self.version, self.settings, warn=self.warn) if self.cache_path else None
        runner: Any = None
        complete = False
        try:
            digests, hit, problems = self._hash_and_look_up(cache)
            todo = [it.path for it, h, p in zip(self.items, hit, problems, strict=True) if not h and p is None]
            fresh: Iterator[dict[str, Any]] = iter(())
            if todo:
                runner = self._start_runner(len(todo))
                fresh = _fresh_rows(runner, todo)
            for it, d, h, p in zip(self.items, digests, hit, problems, strict=True):
                self._write_row(it, d, h, p, cache, fresh, writer, errors)
            complete = s.written == s.total
        except KeyboardInterrupt:
            s.interrupted = True
            raise
        finally:
            self._close(runner, writer, errors, cache, start, complete)
        return s

    def warn(self, message: str) -> None:
        """A warning about the run (not about one article): kept in the summary and shown."""
        self.summary.warnings.append(message)
        if self._warn_fn is not None:
            self._warn_fn(message)
        else:
            warnings.warn(f"framing corpus: {message}", RuntimeWarning, stacklevel=2)

    def _hash_and_look_up(self, cache: RowCache | None) -> tuple[list[str | None], list[bool], list[tuple[str, str] | None]]:
        """Each file's content hash (None when unreadable), whether the cache holds its row, and
        why it is not read at all (a FIFO, a device, a URL that could not be fetched:
        ``problems``, as (message, error type)). Done in this process: reading a few KB per file
        is cheap; URLs are fetched first (``_fetch_urls``) and hashed by their page."""
        from framing.corpus.cache import NotRegularFile, content_hash

        fetched = self._fetch_urls()
        digests: list[str | None] = []
        hit: list[bool] = []
        problems: list[tuple[str, str] | None] = []
        generation = cache.generation if cache is not None else 0
        for it in self.items:
            problem = None
            if it.is_url:
                d, problem = fetched[it.path]
            else:
                try:
                    d = content_hash(it.path, self.settings.max_bytes)
                except NotRegularFile as exc:
                    d, problem = None, (f"{it.path}: {exc}", NOT_REGULAR_ERROR)
                except OSError:
                    d = None  # the worker reports the error in the reader's words
            digests.append(d)
            problems.append(problem)
            hit.append(bool(cache is not None and d is not None and not self.force and cache.has(d)))
        if cache is not None and cache.generation != generation:  # the cache was started again
            hit = [False] * len(hit)
        return digests, hit, problems

    def _fetch_urls(self) -> dict[str, tuple[str | None, tuple[str, str] | None]]:
        """Fetch the URL items, ``FETCH_BATCH`` at a time (each batch concurrently, into the page
        cache, from which the workers read them): per URL, the hash of its page, or why it failed.
        With ``settings.refresh`` the pages are fetched here, and the workers then take them
        from the cache (refresh is turned off for them)."""
        import hashlib

        from framing.web import fetch_pages

        urls = [it.path for it in self.items if it.is_url]
        out: dict[str, tuple[str | None, tuple[str, str] | None]] = {}
        for start in range(0, len(urls), FETCH_BATCH):
            batch = urls[start : start + FETCH_BATCH]
            for url, page in zip(batch, fetch_pages(batch, settings=self.settings), strict=True):
                if isinstance(page, Exception):
                    out[url] = (None, (str(page), type(page).__name__))
                else:
                    out[url] = (hashlib.blake2b(page.body, digest_size=16).hexdigest(), None)
        if urls and self.settings.refresh:
            self.settings = replace(self.settings, refresh=False)
        return out

    def _start_runner(self, tasks: int) -> Any:
        """The worker pool for ``tasks`` files (records its size in the summary)."""
        from framing.corpus.runner import default_workers, make_runner

        n = self.workers or default_workers()
        if not self.scheduler:  # no more processes than tasks; a pool is not worth it for 1-2 files
            n = 1 if tasks <= 2 else min(n, tasks)
        runner = make_runner(self.settings, n, self.scheduler, self.timeout)
        runner.terms = self.terms is not None
        self.summary.workers = runner.workers
        return runner

    def _write_row(
        self,
        it: Item,
        digest: str | None,
        hit: bool,
        problem: tuple[str, str] | None,
        cache: RowCache | None,
        fresh: Iterator[dict[str, Any]],
        writer: RowWriter,
        errors: ErrorsFile,
    ) -> None:
        """Take the article's row (cached or fresh), count it, write it, report progress."""
        if problem is not None:
            row, counted = error_row(*problem), None
        else:
            row, counted = self._take_row(it, digest, hit, cache, fresh)
        full = self._full_row(it, digest, row)
        self._tally(it, row, full, counted, errors)
        writer.add(full)
        if self.progress is not None:
            s = self.summary
            self.progress(s.written, s.total, s.failed)

    def _take_row(
        self, it: Item, digest: str | None, hit: bool, cache: RowCache | None, fresh: Iterator[dict[str, Any]]
    ) -> tuple[dict[str, Any], Any]:
        """The article's row and its term counts: the cached row on a hit, else the next fresh
        row (cached when it scored). A hit whose row cannot be read back (the cache was damaged
        meanwhile) is scored here, in this process."""
        s = self.summary
        row = cache.get(digest) if (hit and cache is not None and digest is not None) else None
        counted = None
        if row is not None:
            s.cached += 1
            return row, counted
        if hit:
            from framing.corpus.worker import score_within

            row = score_within(it.path, self.settings, self.terms is not None, self.timeout)
        else:
            row = next(fresh, None)
        counted = row.pop("_terms", None) if row is not None else None
        if row is None:  # the runner ended early
            row = error_row(f"{it.path}: no result", "NoResult")
        elif row["status"] != STATUS_ERROR:
            s.scored += 1
            s.scored_words += int(row.get("words") or 0)
            if cache is not None and digest is not None:
                cache.put(digest, row)
        return row, counted

    def _tally(self, it: Item, row: dict[str, Any], full: dict[str, Any], counted: Any, errors: ErrorsFile) -> None:
        """Count a written row: a failure (to the errors file), or its words and terms."""
        s = self.summary
        if row["status"] == STATUS_ERROR:
            s.failed += 1
            err_type = row.get("error_type") or "Error"
            file, message = display_name(it.path), display_name(row["error"] or "")
            errors.add(file, err_type, message)
            if len(s.failures) < 20:
                s.failures.append((file, message or err_type))
            if not _is_input_error(err_type):
                s.input_failures_only = False
            return
        s.words += int(row.get("words") or 0)
        if self.terms is not None:
            group = full.get(self.group_by)  # type: ignore[arg-type]
            if counted is not None:
                self.terms.add(group, counted)
            else:  # a cached row: count its terms here
                self.terms.add_file(group, it.path, self.settings)

    def _close(
        self, runner: Any, writer: RowWriter, errors: ErrorsFile, cache: RowCache | None, start: float, complete: bool
    ) -> None:
        """Stop the workers (cancelling what is left after Ctrl-C or an error); put the output and
        the errors file in place when the run is complete, else drop them; close the cache."""
        s = self.summary
        try:
            if runner is not None:
                runner.close(cancel=not complete)
        finally:
            try:
                if complete:
                    writer.commit()
                    errors.commit()
                else:
                    writer.discard()
                    errors.discard()
            except BaseException:
                writer.discard()
                errors.discard()
                raise
            finally:
                if cache is not None:
                    cache.close()
                s.errors_file = errors.path if (complete and errors.count) else None
                s.seconds = time.perf_counter() - start

    def _full_row(self, it: Item, digest: str | None, row: dict[str, Any]) -> dict[str, Any]:
        full: dict[str, Any] = {"file": display_name(it.path), "name": display_name(it.name), "folder": display_name(it.folder)}
        if self.meta is not None:
            fields = self.meta.lookup(it.path)
            if fields is None:
                self.summary.no_meta += 1
                fields = {}
            for c in self.meta.columns:
                full[c] = fields.get(c)
        full.update(row)
        full["hash"] = digest
        full["framing_version"] = self.version
        return full


def _fresh_rows(runner: Any, todo: list[str]) -> Iterator[dict[str, Any]]:
    """The runner's rows for ``todo``, sent in chunks, in input order."""
    from framing.corpus.runner import chunk_size

    size = chunk_size(len(todo), runner.workers)
    chunks = (todo[i : i + size] for i in range(0, len(todo), size))
    return (row for rows in runner.run(chunks) for row in rows)


def _is_input_error(name: str) -> bool:
    """Whether a worker's error type names an ``InputError`` (the file, not the tool, is at fault)."""
    import framing.errors

    cls = getattr(framing.errors, name, None)
    return isinstance(cls, type) and issubclass(cls, InputError)


def _side(choice: bool | str | os.PathLike[str] | None, out: str | os.PathLike[str] | None, suffix: str) -> Path | None:
    """None/True: beside the output (none without an output); False: off; a path: that path."""
    if choice is False:
        return None
    if choice is None or choice is True:
        return sidecar(out, suffix) if out is not None else None
    return Path(choice)
