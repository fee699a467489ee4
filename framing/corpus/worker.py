"""What runs in a worker process: path -> one output row (a plain dict, cheap to pickle).

Workers receive paths (never texts), read and analyse each article, and send back a row of
scalars. Any exception becomes an error row: one bad file never stops the run. The module is
importable without side effects, so it is safe under the ``spawn`` start method and on Dask.
"""

from __future__ import annotations

import signal
from collections.abc import Sequence
from typing import Any

from framing.settings import DEFAULT_SETTINGS, Settings

# Columns every row has, in order; the scores (``family.metric``) follow.
ROW_COLUMNS = ("headline", "byline", "words", "pipeline", "status", "error", "error_type", "warnings")
STATUS_OK = "ok"
STATUS_ERROR = "error"

_WARM_TEXT = (
    "Bridge reopens after repairs\n"
    "By A. Reporter\n"
    "Officials said on Monday that the bridge would reopen next week. “We are proud of the crews,”"
    " the mayor said. I think this is a remarkable, shameful delay, according to critics.\n"
)


def init_worker(settings: Settings = DEFAULT_SETTINGS, warm: bool = True) -> None:
    """Process-pool initializer: leave Ctrl-C to the parent, load the pipeline once, warm up.

    The warm-up analyses a short text so that every lazy import and lexicon (spaCy, textstat's
    CMU dictionary, the framing lexicons) is loaded before the first real article, in every
    worker at once rather than one after another.
    """
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # pragma: no cover - not the main thread (Dask threads)
        pass
    if warm:
        warm_up(settings)


def warm_up(settings: Settings = DEFAULT_SETTINGS) -> None:
    from framing.analysis import analyse

    try:
        analyse(_WARM_TEXT, settings=settings)
    except Exception:  # noqa: BLE001 - a failing warm-up shows up again, per file, as an error row
        pass


def score_one(path: str, settings: Settings = DEFAULT_SETTINGS, terms: bool = False) -> dict[str, Any]:
    """Analyse one file; return its row, or an error row naming the exception.

    ``terms``: also return the article's term counts under ``"_terms"`` (for the group report's
    distinctive terms), counted here where the sentences are at hand and in parallel.
    """
    from pathlib import Path

    from framing.analysis import analyse
    from framing.errors import InputError

    try:
        a = analyse(Path(path), settings=settings)
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
        from framing.compare.vocabulary import term_counts

        row["_terms"] = term_counts(s.text for s in a.sentences)
    return row


def score_chunk(paths: Sequence[str], settings: Settings = DEFAULT_SETTINGS, terms: bool = False) -> list[dict[str, Any]]:
    """One task: a few paths scored in a row (fewer round trips than one task per file)."""
    return [score_one(p, settings, terms) for p in paths]


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
