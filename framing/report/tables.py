"""Comparison -> scores.csv: one row per article with every score (``Scores.flat()``), via pandas.

Text cells are written so that a spreadsheet shows them as text: a cell that would start a
formula is neutralised (``csv_safe_cell``), a lone surrogate (from a file name that was not
UTF-8) is written as its escape. Numbers stay numbers. The JSON keeps every value as it is.
"""

from __future__ import annotations

from typing import Any

from framing.comparison.comparison import Comparison
from framing.printable import csv_safe_cell


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        value = value.encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates
    return csv_safe_cell(value)


def score_rows(c: Comparison) -> list[dict[str, Any]]:
    """One dict per article: its label, name, headline, byline, size, voice shares and every
    score (``Scores.flat()``), the values as they are."""
    rows = []
    for summary, a in zip(c.articles, c.analyses, strict=True):
        rows.append(
            {
                "label": summary.label,
                "name": summary.name,
                "headline": summary.headline,
                "byline": summary.byline,
                "body_words": summary.body_words,
                "sentences": summary.sentences,
                "narrator_words": a.narrator_words,
                **{f"voice.{k}_share": round(v, 4) for k, v in summary.composition_shares().items()},
                **a.scores.flat(),
            }
        )
    return rows


def scores_frame(c: Comparison) -> Any:
    """``score_rows`` as a pandas DataFrame (``Comparison.to_frame``)."""
    import pandas as pd

    return pd.DataFrame(score_rows(c))


def render_csv(c: Comparison) -> str:
    import pandas as pd

    rows = [{key: _cell(value) for key, value in row.items()} for row in score_rows(c)]
    return pd.DataFrame(rows).to_csv(index=False, lineterminator="\n")
