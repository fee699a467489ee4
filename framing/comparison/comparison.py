"""Analyses -> Comparison: what the reports show, computed once and kept as plain data.

    compare([analysis_a, analysis_b, ...], title=None) -> Comparison

A ``Comparison`` holds, for each article, a summary (headline, byline, length and a one-sentence
profile with the numbers in it), its voice composition (words per voice, narrator words split by
the sentence flags), its voice timeline (one cell per sentence), and the index of every evidence
span (``highlights``) that the reports mark in the text; ``framing.comparison.summary`` builds
these per-article parts. ``rows`` are the key scores side by
side with their differences. ``as_dict()`` is the ``comparison.json`` of the report and embeds
every analysis' full ``as_dict()``. Nothing here draws or writes: the renderers in
``framing.report`` read this object.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from framing.comparison.summary import ArticleSummary, article_summary
from framing.model import Analysis

# /2: every highlight has a drawn kind (framing.rules.KINDS): the editorial rule hits that /1
# left as "other" are "evaluative", "weak-cue" or "factual".
# /3: "headlines" (framing.comparison.headlines) and "sides" (framing.comparison.sides).
COMPARISON_SCHEMA = "framing.comparison/3"


# Key scores shown side by side: (family, metric, label, how to format).
KEY_ROWS: tuple[tuple[str, str, str, str], ...] = (
    ("sourcing", "direct_quotes", "Direct quotes", "int"),
    ("sourcing", "quoted_share", "Share of body words inside quotes", "pct"),
    ("sourcing", "attributed_statements", "Attributed statements (no quote marks)", "int"),
    ("sourcing", "sourcing_density", "Sourced statements per 100 words", "num"),
    ("sourcing", "sourced_sentence_share", "Share of sentences with a source", "pct"),
    ("sourcing", "distinct_sources", "Distinct sources", "int"),
    ("sourcing", "named_people", "  named people", "int"),
    ("sourcing", "institutions", "  institutions", "int"),
    ("sourcing", "anonymous_sources", "  anonymous or vague", "int"),
    ("sourcing", "loaded_verbs", "Loaded reporting verbs (claimed, admitted ...)", "int"),
    ("editorial_voice", "narrator_sentences", "Sentences in the author's own voice", "int"),
    ("editorial_voice", "evaluative_sentences", "  of which evaluative", "int"),
    ("editorial_voice", "evaluative_per_100_narrator_words", "Evaluative words per 100 author words", "num"),
    ("advocacy", "first_person_tokens", "First-person words (I, we, our) by the author", "int"),
    ("advocacy", "first_person_per_100_narrator_words", "First person per 100 author words", "num"),
    ("advocacy", "first_person_last_third_share", "Share of first person in the last third", "pct"),
    ("readability", "flesch_reading_ease", "Flesch reading ease (higher = easier)", "num"),
    ("readability", "flesch_kincaid_grade", "Flesch-Kincaid grade (higher = harder)", "num"),
)


def format_value(value: float | int | None, how: str = "num") -> str:
    """A score as the reports print it: "–" for none, percentages for shares."""
    if value is None:
        return "–"
    if how == "pct":
        return f"{value:.0%}"
    if how == "int" or isinstance(value, int):
        return f"{int(value)}"
    return f"{value:.1f}"


def format_difference(value: float | int | None, how: str = "num") -> str:
    if value is None:
        return "–"
    if how == "pct":
        return f"{value * 100:+.0f} pts"
    if how == "int":
        return f"{int(value):+d}"
    return f"{value:+.1f}"


@dataclass(frozen=True)
class ScoreRow:
    """One key score for every article, with the difference (last minus first) and the spread."""

    family: str
    metric: str
    label: str
    how: str  # "int", "num" or "pct"
    values: tuple[float | int | None, ...]
    description: str

    @property
    def difference(self) -> float | int | None:
        if len(self.values) < 2 or self.values[0] is None or self.values[-1] is None:
            return None
        return self.values[-1] - self.values[0]

    @property
    def spread(self) -> float | int | None:
        vals = [v for v in self.values if v is not None]
        return max(vals) - min(vals) if len(vals) >= 2 else None

    def as_dict(self) -> dict[str, Any]:
        def r(v: float | int | None) -> float | int | None:
            return round(v, 4) if isinstance(v, float) else v

        return {
            "key": f"{self.family}.{self.metric}",
            "label": self.label.strip(),
            "values": [r(v) for v in self.values],
            "formatted": [format_value(v, self.how) for v in self.values],
            "difference_last_minus_first": r(self.difference),
            "spread": r(self.spread),
            "description": self.description,
        }


@dataclass(frozen=True)
class Comparison:
    """Two or more analysed articles side by side. ``as_dict()`` is ``comparison.json``."""

    title: str
    analyses: tuple[Analysis, ...]
    articles: tuple[ArticleSummary, ...]
    rows: tuple[ScoreRow, ...]
    content: Any | None = None  # framing.comparison.content.ContentComparison when available
    version: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)
    headlines: Any | None = None  # framing.comparison.headlines.HeadlineComparison
    sides: Any | None = None  # framing.comparison.sides.SidesComparison

    @property
    def slug(self) -> str:
        return report_slug([a.slug for a in self.articles])

    def as_dict(self) -> dict[str, Any]:
        return {
            "schema": COMPARISON_SCHEMA,
            "framing_version": self.version,
            "title": self.title,
            "headlines": self.headlines.as_dict() if self.headlines is not None else None,
            "articles": [a.as_dict() for a in self.articles],
            "key_scores": [r.as_dict() for r in self.rows],
            "content": self.content.as_dict() if self.content is not None else None,
            "sides": self.sides.as_dict() if self.sides is not None else None,
            "notes": list(self.notes),
            "analyses": [a.as_dict() for a in self.analyses],
        }

    # Notebooks and scripts (the renderers are imported only when called: framing.report)
    def to_frame(self) -> Any:
        """The scores as a pandas DataFrame: one row per article, the rows and columns of
        scores.csv, the values as they are (no spreadsheet quoting)."""
        from framing.report.tables import scores_frame

        return scores_frame(self)

    def save(self, folder: str | os.PathLike[str], formats: str | Iterable[str] = "all", *, paper: str = "a4") -> list[Path]:
        """Write the report files into ``folder``, as ``framing compare --out`` does: ``formats``
        is "all" or a list of pdf, png, html, json, csv (a list or a comma-separated string).
        The files are rendered first and moved into place together. Returns the paths written."""
        from framing.report.writer import parse_formats, write_report

        spec = formats if isinstance(formats, str) else ",".join(str(f) for f in formats)
        return write_report(self, Path(folder), parse_formats(spec), paper=paper)

    def _repr_html_(self) -> str:
        from framing.report.notebook import comparison_html

        return comparison_html(self)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        from framing.report.notebook import comparison_text

        p.text(comparison_text(self))


# --------------------------------------------------------------------------- building


def compare(analyses: Sequence[Analysis], *, title: str | None = None) -> Comparison:
    """Put two or more analyses side by side (see the module docstring)."""
    from framing import __version__

    if len(analyses) < 2:
        raise ValueError("compare() needs at least two analyses")
    labels = [_label(i) for i in range(len(analyses))]
    articles = tuple(
        article_summary(a, label, slug) for a, label, slug in zip(analyses, labels, unique_slugs(analyses), strict=True)
    )
    rows = tuple(_rows(analyses))
    content, notes = _content(analyses)
    headlines, sides, more = _framing_parts(analyses, labels)
    return Comparison(
        title=title or default_title(len(analyses)),
        analyses=tuple(analyses),
        articles=articles,
        rows=rows,
        content=content,
        version=__version__,
        notes=notes + more,
        headlines=headlines,
        sides=sides,
    )


def default_title(n: int) -> str:
    return "How two articles frame the same story" if n == 2 else f"How {n} articles frame the same story"


def _label(i: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[i] if i < len(letters) else f"A{i}"


def _content(analyses: Sequence[Analysis]) -> tuple[Any | None, tuple[str, ...]]:
    """The content comparison (framing.comparison.content) when that module is installed."""
    try:
        from framing.comparison.content import compare_content
    except ImportError:
        return None, ()
    try:
        return compare_content(analyses), ()
    except Exception as exc:  # the framing comparison stands on its own  # noqa: BLE001
        return None, (f"content comparison unavailable: {type(exc).__name__}: {exc}",)


def _framing_parts(analyses: Sequence[Analysis], labels: Sequence[str]) -> tuple[Any | None, Any | None, tuple[str, ...]]:
    """The headlines side by side (framing.comparison.headlines) and the sources' sides
    (framing.comparison.sides); each is left out, with a note, if it fails."""
    from framing.comparison.headlines import compare_headlines
    from framing.comparison.sides import compare_sides
    from framing.settings import DEFAULT_SETTINGS

    notes: list[str] = []
    headlines = sides = None
    try:
        headlines = compare_headlines(analyses, labels, model=DEFAULT_SETTINGS.model_name())
    except Exception as exc:  # the comparison stands without it  # noqa: BLE001
        notes.append(f"headline comparison unavailable: {type(exc).__name__}: {exc}")
    try:
        sides = compare_sides(analyses, labels)
    except Exception as exc:  # noqa: BLE001
        notes.append(f"sides of the sources unavailable: {type(exc).__name__}: {exc}")
    return headlines, sides, tuple(notes)


def _rows(analyses: Sequence[Analysis]) -> list[ScoreRow]:
    rows = []
    for fam, key, label, how in KEY_ROWS:
        values: list[float | int | None] = []
        description = ""
        for a in analyses:
            family = {f.name: f for f in a.scores.families()}[fam]
            try:
                metric = family[key]
            except KeyError:
                values.append(None)
                continue
            values.append(metric.value)
            description = metric.description
        if all(v is None for v in values) and not description:
            continue
        rows.append(ScoreRow(fam, key, label, how, tuple(values), description))
    return rows



# --------------------------------------------------------------------------- slugs

_SLUG_MAX = 48
_REPORT_SLUG_MAX = 120


def slugify(text: str, *, max_len: int = _SLUG_MAX) -> str:
    """ASCII lower-case words joined by "-": safe as one path component on every OS."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", text)
    out = ""
    for w in words:
        candidate = f"{out}-{w}" if out else w
        if len(candidate) > max_len:
            if not out:
                out = w[:max_len]
            break
        out = candidate
    return out


def unique_slugs(analyses: Sequence[Analysis]) -> list[str]:
    """One slug per article, from its headline (else its file name), never the same twice."""
    used: set[str] = set()
    out: list[str] = []
    for i, a in enumerate(analyses):
        name = a.article.name
        stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0] if name not in ("<stdin>", "<text>") else ""
        base = slugify(a.headline or "") or slugify(stem) or f"article-{i + 1}"
        slug, n = base, 2
        while slug in used:  # two articles with the same headline still get two names
            slug = f"{base[: _SLUG_MAX - 4]}-{n}"
            n += 1
        used.add(slug)
        out.append(slug)
    return out


def report_slug(slugs: Sequence[str]) -> str:
    """The default report folder: ``a--vs--b``; for three or more ``a--vs--b--and-2-more``."""
    if len(slugs) <= 2:
        slug = "--vs--".join(s[:56] for s in slugs)
    else:
        slug = f"{slugs[0][:48]}--vs--{slugs[1][:48]}--and-{len(slugs) - 2}-more"
    slug = slug[:_REPORT_SLUG_MAX].strip("-")
    return slug or "comparison"
