"""Comparison -> scores.csv: one row per article with every score (``Scores.flat()``), via pandas."""

from __future__ import annotations

from framing.compare.comparison import Comparison


def render_csv(c: Comparison) -> str:
    import pandas as pd

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
    return pd.DataFrame(rows).to_csv(index=False, lineterminator="\n")
