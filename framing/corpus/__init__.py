"""Corpus mode: score thousands of articles, stream the rows to Parquet/CSV, compare groups.

    score_corpus(paths, *, out=None, meta=None, group_by=None, workers=None, scheduler=None,
                 settings=Settings(), force=False, cache=None, report=None,
                 timeout=120.0) -> pandas.DataFrame

Files, folders (recursive) and globs are scored in parallel (local processes, or a Dask cluster
with ``scheduler="tcp://HOST:PORT"``); one row per article, failed files included with
``status == "error"``. See ``docs/corpus.md``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from framing.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["CorpusJob", "CorpusSummary", "score_corpus"]


def score_corpus(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    out: str | os.PathLike[str] | None = None,
    meta: str | os.PathLike[str] | None = None,
    group_by: str | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    force: bool = False,
    cache: bool | str | os.PathLike[str] | None = None,
    report: str | os.PathLike[str] | None = None,
    timeout: float | None = 120.0,
) -> pd.DataFrame:
    """Score every article under ``paths``; return one row per article as a DataFrame.

    ``out`` (``.parquet`` or ``.csv``) also streams the rows to that file, with the cache
    (``FILE.cache.sqlite``) and the failed files (``FILE.errors.csv``) beside it; ``cache`` may
    name another cache file, or be False. ``workers`` defaults to the cores (1: no subprocess).
    ``report`` (a folder) writes the group report, grouped by ``group_by`` or else by folder.
    ``timeout``: seconds an article may take (None or 0: no limit); one over it becomes an error
    row. Failed files do not raise: their rows have ``status == "error"`` and the message in
    ``error``. The output is replaced only when the run is complete. A damaged cache is moved
    aside with a ``RuntimeWarning``.
    """
    from framing.corpus.job import CorpusJob

    if report is not None and group_by is None:
        group_by = "folder"
    job = CorpusJob(
        [paths] if isinstance(paths, (str, os.PathLike)) else list(paths),
        out=out,
        meta=meta,
        group_by=group_by,
        workers=workers,
        scheduler=scheduler,
        settings=settings,
        force=force,
        cache=cache,
        terms=report is not None,
        timeout=timeout,
    )
    job.run()
    frame = read_rows(out) if out is not None else job.writer.to_pandas()  # type: ignore[union-attr]
    if report is not None:
        from framing.corpus.report import write_report

        write_report(frame, group_by, report, terms=job.terms if job.terms is not None else True)  # type: ignore[arg-type]
    return frame


def read_rows(path: str | os.PathLike[str]) -> pd.DataFrame:
    """A corpus output file (Parquet or CSV) as a DataFrame."""
    import pandas as pd

    from framing.corpus.writer import output_format

    if output_format(path) == "parquet":
        return pd.read_parquet(path)
    return pd.read_csv(path)


def __getattr__(name: str) -> Any:
    if name in ("CorpusJob", "CorpusSummary"):
        from framing.corpus import job

        return getattr(job, name)
    raise AttributeError(f"module 'framing.corpus' has no attribute {name!r}")
