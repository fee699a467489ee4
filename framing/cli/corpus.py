"""`framing corpus`: score a folder of articles into Parquet/CSV, optionally with a group report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from framing.cli import (
    LexiconOption,
    ModelOption,
    OfflineOption,
    PlainCommand,
    RefreshOption,
    app,
    fail,
    make_settings,
    one_line,
    run_guarded,
)
from framing.corpus.worker import DEFAULT_TIMEOUT
from framing.printable import display_name


@app.command(cls=PlainCommand)
def corpus(
    paths: Annotated[list[str] | None, typer.Argument(help="Article files, folders (searched recursively for .txt .md .markdown .html .htm), globs or http(s) URLs.", show_default=False)] = None,
    out: Annotated[Path, typer.Option("--out", "-o", metavar="FILE", help="Output file: .parquet or .csv. The cache (.cache.sqlite) and the failed files (.errors.csv) go beside it.")] = Path("framing-corpus.parquet"),
    group_by: Annotated[str | None, typer.Option("--group-by", "-g", metavar="FIELD", help="Compare groups: 'folder' or a --meta column (e.g. outlet).")] = None,
    meta: Annotated[Path | None, typer.Option("--meta", metavar="CSV", help="CSV of per-article fields (outlet, date, ...) keyed by file name.", exists=True, dir_okay=False)] = None,
    workers: Annotated[int | None, typer.Option("--workers", "-w", min=1, metavar="N", help="Worker processes (default: the cores).")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", metavar="ADDRESS", help="Run on a Dask cluster at tcp://HOST:PORT (needs the framing\\[dask] extra).")] = None,
    report: Annotated[Path | None, typer.Option("--report", metavar="FOLDER", help="Write the group report (HTML, PDF, PNG) to this folder: groups by --group-by, else by folder (one folder: its distribution).", file_okay=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Score every article again, ignoring the cache.")] = False,
    timeout: Annotated[float, typer.Option("--timeout", min=0, metavar="SECONDS", help="Time an article may take; one over it is recorded as failed (its worker is replaced) and the run goes on. 0: no limit.")] = DEFAULT_TIMEOUT,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    urls: Annotated[Path | None, typer.Option("--urls", metavar="FILE", help="A text file of http(s) URLs to score, one a line (# starts a comment).")] = None,
    offline: OfflineOption = False,
    refresh: RefreshOption = False,
    model: ModelOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Score many articles (in parallel, cached, streamed to Parquet/CSV) and compare groups."""
    if not paths and urls is None:
        fail("give article files, folders, globs or URLs, or --urls FILE", 2)
    if report is not None and group_by is None:
        group_by = "folder"  # one folder: the report is its distribution (for URLs: by site)
    settings = make_settings(model, lexicon, offline=offline, refresh=refresh)
    state: dict[str, Any] = {}

    def body() -> None:
        from framing.corpus.discover import read_url_list
        from framing.corpus.job import CorpusJob

        sources = [*(paths or ()), *(read_url_list(urls) if urls is not None else ())]
        show = not quiet and sys.stderr.isatty()
        with _progress(show) as progress:
            job = CorpusJob(
                sources, out=out, meta=meta, group_by=group_by, workers=workers, scheduler=scheduler,
                settings=settings, force=force, progress=progress, terms=report is not None,
                timeout=timeout, warn=_warn,
            )
            state["job"] = job
            summary = job.run()
        if not quiet:
            _print_summary(summary)
        _print_failures(summary, quiet)
        if report is not None and summary.written:
            from framing.corpus import read_rows
            from framing.corpus.report import write_report

            files = write_report(read_rows(out), group_by, report, terms=job.terms if job.terms is not None else True)  # type: ignore[arg-type]
            if not quiet:
                typer.echo(f"report: {', '.join(str(f) for f in files)}")
        if summary.exit_code:
            raise typer.Exit(summary.exit_code)

    try:
        run_guarded(body)
    except typer.Exit as exc:
        job = state.get("job")
        if exc.exit_code == 130 and job is not None:  # Ctrl-C: say what was kept
            s = job.summary
            kept = f"{_shown(s.out)} is as it was" if s.out is not None and s.out.exists() else "no output written"
            cached = f"; the {s.scored} articles scored are cached, run again to resume" if s.cache_file else ""
            typer.echo(f"framing: stopped after {s.written} of {s.total} articles; {kept}{cached}", err=True)
        raise


def _shown(path: Any) -> str:
    return display_name(str(path))


def _warn(message: str) -> None:
    typer.echo(f"framing: warning: {one_line(message)}", err=True)


class _progress:
    """A rich progress bar on stderr (count, rate, ETA), or nothing when not on a terminal."""

    def __init__(self, show: bool):
        self.show = show
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Any:
        if not self.show:
            return None
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[failed]}"),
            console=Console(stderr=True),
            transient=False,
        )
        self._bar.start()
        self._task = self._bar.add_task("scoring", total=None, rate="", failed="")
        return self.update

    def update(self, done: int, total: int, failed: int) -> None:
        task = self._bar.tasks[0]
        elapsed = task.elapsed or 0.0
        rate = f"{done / elapsed:,.1f} art/s" if elapsed > 0.5 else ""
        self._bar.update(
            self._task, completed=done, total=total, rate=rate,
            failed=f"[red]{failed} failed" if failed else "",
        )

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def _print_summary(s: Any) -> None:
    rate = f", {s.scored_words / s.seconds:,.0f} words/s" if s.scored and s.seconds else ""
    parts = [f"{s.scored} scored", f"{s.cached} cached"]
    if s.failed:
        parts.append(f"{s.failed} failed")
    typer.echo(
        f"{s.written} articles ({', '.join(parts)}) in {s.seconds:.1f} s"
        f" ({s.workers or 1} worker{'s' if (s.workers or 1) != 1 else ''}"
        f"{rate}) -> {_shown(s.out)}"
    )
    if s.no_meta:
        typer.echo(f"framing: warning: {s.no_meta} articles have no row in --meta", err=True)


def _print_failures(s: Any, quiet: bool) -> None:
    if not s.failed:
        return
    if not quiet:
        for file, message in s.failures[:5]:
            typer.echo(f"framing: failed: {one_line(message if file in message else f'{file}: {message}')}", err=True)
        if s.failed > 5:
            typer.echo(f"framing: ... and {s.failed - 5} more", err=True)
    typer.echo(f"framing: {s.failed} of {s.total} articles failed; see {_shown(s.errors_file)}", err=True)
