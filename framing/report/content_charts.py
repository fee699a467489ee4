"""Charts of a content comparison (matplotlib, Agg, grey-scale readable).

Each function takes a :class:`framing.comparison.content.ContentComparison` and either a matplotlib
``Axes`` (drawn into, returned) or a ``Figure`` (filled), or nothing (a new ``Figure`` is made and
returned). matplotlib is imported only when a chart is drawn.

* :func:`draw_distinctive_terms`: two articles, a two-sided (diverging) bar chart (left: the
  terms the first article uses more, right: the second's), each term with its counts; more
  articles, small multiples (one panel each, "more than the others").
* :func:`draw_frame_profiles`: grouped horizontal bars, one group per frame, one bar (hatched) per
  article, each labelled with its score and its number of cue hits (the evidence count).
* :func:`draw_similarity`: the cosine-similarity matrix as a grey heatmap with its values.
* :func:`content_figures`: the figures the reports show, as ``(key, title, caption, Figure)``.

Labels: ``labels=`` (for example the reports' letters "A", "B") replaces the article names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from framing.comparison.content import ContentComparison

GREYS = ("0.15", "0.55", "0.8", "0.35", "0.65", "0.9")
HATCHES = ("", "//", "..", "xx", "\\\\", "--")
# The reports' article styles (framing/report/style.py ARTICLE_STYLE), repeated here so this module
# imports nothing heavy.
ARTICLE_FILL = ("#3b3b3b", "#a6a6a6", "#6f6f6f", "#d0d0d0", "#505050", "#bcbcbc")
WIDTH_IN = 7.4


def _target(ax_or_fig: Any, n_panels: int = 1, figsize: tuple[float, float] = (8.0, 5.0)) -> tuple[Any, list[Any]]:
    """(figure, axes list) for an Axes, a Figure or None."""
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    if isinstance(ax_or_fig, Axes):
        if n_panels == 1:
            return ax_or_fig.figure, [ax_or_fig]
        fig = ax_or_fig.figure
        spec = ax_or_fig.get_subplotspec()
        ax_or_fig.remove()
        sub = spec.subgridspec(1, n_panels, wspace=0.6) if spec is not None else fig.add_gridspec(1, n_panels)
        return fig, [fig.add_subplot(sub[0, k]) for k in range(n_panels)]
    if isinstance(ax_or_fig, Figure):
        fig = ax_or_fig
    else:
        fig = Figure(figsize=figsize, layout="constrained")
    axes = fig.subplots(1, n_panels, squeeze=False)[0]
    return fig, list(axes)


def _short(label: str, width: int = 28) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def _names(content: ContentComparison, labels: Sequence[str] | None) -> list[str]:
    return list(labels) if labels else [_short(lab) for lab in content.labels]


def _counts(t: Any, two: bool) -> str:
    return f"({t.count} vs {t.count_rest})" if two else f"({t.count} vs {t.count_rest} in the rest)"


def draw_distinctive_terms(
    content: ContentComparison, ax_or_fig: Any = None, *, top: int = 12, labels: Sequence[str] | None = None
) -> Any:
    """Top distinctive terms by z; returns the Axes (two articles) or the Figure (small multiples)."""
    n = len(content.labels)
    names = _names(content, labels)
    if n == 2:
        fig, (ax,) = _target(ax_or_fig, 1, (WIDTH_IN, 0.3 * top + 1.2))
        left = list(content.distinctive_terms[0][:top])
        right = list(content.distinctive_terms[1][:top])
        rows = max(len(left), len(right), 1)
        zmax = max([t.z for t in left + right] + [0.5])
        for k, t in enumerate(left):
            ax.barh(k, -t.z, height=0.72, color=ARTICLE_FILL[0], edgecolor="#222222", linewidth=0.5)
            ax.text(-t.z - zmax * 0.03, k, f"{t.term} {_counts(t, True)}", ha="right", va="center", fontsize=8)
        for k, t in enumerate(right):
            ax.barh(k, t.z, height=0.72, color=ARTICLE_FILL[1], edgecolor="#222222", linewidth=0.5, hatch="//")
            ax.text(t.z + zmax * 0.03, k, f"{t.term} {_counts(t, True)}", ha="left", va="center", fontsize=8)
        ax.set_xlim(-zmax * 2.3, zmax * 2.3)
        ax.set_ylim(rows - 0.5, -1.6)
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.text(-zmax * 0.05, -1.15, f"used more in {names[0]}", ha="right", va="center", fontsize=8.5, fontweight="bold")
        ax.text(zmax * 0.05, -1.15, f"used more in {names[1]}", ha="left", va="center", fontsize=8.5, fontweight="bold")
        ax.set_xlabel("z-score: how far each article's rate exceeds the other's (bar length); "
                      "in brackets: times used, this article vs the other", fontsize=7.5)
        from matplotlib.ticker import FuncFormatter

        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{abs(v):g}"))
        if not left and not right:
            ax.text(0, rows / 2, "no distinctive terms", ha="center", va="center")
        return ax
    panels = max(n, 1)
    cols = min(panels, 3)
    fig, axes = _target(ax_or_fig, panels, (WIDTH_IN, 0.28 * top + 1.2))
    for k, ax in enumerate(axes):
        if k >= n:
            break
        terms = list(content.distinctive_terms[k][:top])
        ys = list(range(len(terms)))
        ax.barh(ys, [t.z for t in terms], height=0.72, color=ARTICLE_FILL[k % len(ARTICLE_FILL)], edgecolor="#222222",
                linewidth=0.5, hatch=HATCHES[k % len(HATCHES)])
        ax.set_yticks(ys)
        ax.set_yticklabels([f"{_short(t.term, 22)} ({t.count}/{t.count_rest})" for t in terms], fontsize=7 if cols > 2 else 7.5)
        ax.set_ylim(max(len(terms), 1) - 0.5, -0.5)
        ax.set_title(f"more in {_short(names[k], 24)}", fontsize=8.5)
        ax.set_xlabel("z", fontsize=7.5)
        ax.tick_params(axis="y", length=0)
    return fig


def draw_frame_profiles(content: ContentComparison, ax_or_fig: Any = None, *, labels: Sequence[str] | None = None) -> Any:
    """Grouped bars: cue hits per 100 words for each frame, one bar per article; returns the Axes."""
    from framing.comparison.frames import FRAME_LABELS

    n = max(len(content.labels), 1)
    names = _names(content, labels)
    frames = [f.frame for f in content.frames[0]] if content.frames else []
    fig, (ax,) = _target(ax_or_fig, 1, (WIDTH_IN, 0.9 + 0.32 * len(frames) * max(n, 2)))
    height = 0.8 / n
    vmax = max([f.score for p in content.frames for f in p] + [0.5])
    for k, profile in enumerate(content.frames):
        ys = [i + (k - (n - 1) / 2) * height for i in range(len(profile))]
        ax.barh(ys, [f.score for f in profile], height * 0.9, label=names[k],
                color=ARTICLE_FILL[k % len(ARTICLE_FILL)], edgecolor="#222222", linewidth=0.5, hatch=HATCHES[k % len(HATCHES)])
        for y, f in zip(ys, profile, strict=True):
            hits = "1 cue" if f.hits == 1 else f"{f.hits} cues"
            ax.text(f.score + vmax * 0.01, y, f"{names[k]}  {f.score:.1f}  ({hits})", va="center", fontsize=7)
    ax.set_yticks(range(len(frames)))
    ax.set_yticklabels([FRAME_LABELS.get(f, f).replace("attribution of ", "attribution of\n") for f in frames], fontsize=8)
    ax.set_ylim(len(frames) - 0.5, -0.5)
    ax.set_xlim(0, vmax * 1.35)
    ax.set_xlabel("cue words per 100 body words (in brackets: how many cue words were found)")
    ax.tick_params(axis="y", length=0)
    return ax


def draw_similarity(content: ContentComparison, ax_or_fig: Any = None, *, labels: Sequence[str] | None = None) -> Any:
    """Heatmap of the cosine-similarity matrix with its values written in; returns the Axes."""
    n = len(content.labels)
    fig, (ax,) = _target(ax_or_fig, 1, (1.2 * n + 3, 1.0 * n + 2))
    matrix = [list(row) for row in content.similarity] or [[0.0]]
    im = ax.imshow(matrix, cmap="Greys", vmin=0.0, vmax=1.0)
    for i, row in enumerate(matrix):
        for j, v in enumerate(row):
            ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=9, color="white" if v > 0.55 else "black")
    names = [_short(lab, 18) for lab in _names(content, labels)]
    ax.set_xticks(range(n))
    ax.set_yticks(range(n))
    ax.set_xticklabels(names, rotation=30, ha="right", fontsize=8)
    ax.set_yticklabels(names, fontsize=8)
    ax.set_title("TF-IDF cosine similarity", fontsize=9)
    fig.colorbar(im, ax=ax, fraction=0.046, pad=0.04)
    return ax


TERMS_CAPTION = (
    "Words and two-word phrases each article uses more than {other}, ranked by the z-score of the "
    "log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, \u201cFightin\u2019 "
    "Words\u201d): the longer the bar, the more surely the article favours the term beyond chance and beyond "
    "how common the word is in English. In brackets: times used in this article vs {vs}. Articles this short "
    "rarely reach z = 1.96 (the usual 95% level), so read the chart as a ranking of what each article "
    "emphasises, not as a significance test."
)
FRAMES_CAPTION = (
    "Generic news frames (Semetko & Valkenburg 2000), each cued by a documented word list: how many cue "
    "words per 100 body words, and in brackets the number of cues found (every one is listed in "
    "comparison.json with its place in the text). Cues count in quotes too: a quote the article chooses "
    "to run is part of its framing. A cue list is a rough guide, not a reader's judgement."
)


def content_figures(content: ContentComparison, labels: Sequence[str] | None = None) -> list[tuple[str, str, str, Any]]:
    """(key, title, caption, Figure) for the reports: the distinctive terms and the frame profiles."""
    from matplotlib.figure import Figure

    n = len(content.labels)
    if n < 2:
        return []
    out = []
    top = 12 if n == 2 else 10
    rows = max([len(t[:top]) for t in content.distinctive_terms] + [1])
    if n == 2:
        fig = Figure(figsize=(WIDTH_IN, 0.24 * rows + 1.15))
        ax = fig.add_subplot()
        draw_distinctive_terms(content, ax, top=top, labels=labels)
        fig.subplots_adjust(left=0.02, right=0.98, top=0.97, bottom=0.8 / (0.24 * rows + 1.15))
        cap = TERMS_CAPTION.format(other="the other", vs="in the other")
    else:
        per_row = min(n, 3)
        grid_rows = (n + per_row - 1) // per_row
        h = grid_rows * (0.22 * rows + 0.9)
        fig = Figure(figsize=(WIDTH_IN, h))
        axes = fig.subplots(grid_rows, per_row, squeeze=False)
        flat = [a for r in axes for a in r]
        for k, ax in enumerate(flat):
            if k >= n:
                ax.set_axis_off()
        _small_multiples(content, flat[:n], top, labels)
        fig.subplots_adjust(left=0.2, right=0.98, wspace=1.25, hspace=0.55, top=1 - 0.3 / h, bottom=0.45 / h)
        cap = TERMS_CAPTION.format(other="the others together", vs="in all the others together")
    out.append(("distinctive_terms", "Distinctive words: what each article emphasises", cap, fig))

    nf = len(content.frames[0]) if content.frames else 0
    if nf:
        fig = Figure(figsize=(WIDTH_IN, 0.6 + 0.26 * nf * max(n, 2)))
        ax = fig.add_subplot()
        draw_frame_profiles(content, ax, labels=labels)
        h = 0.6 + 0.26 * nf * max(n, 2)
        fig.subplots_adjust(left=0.2, right=0.98, top=1 - 0.1 / h, bottom=0.45 / h)
        out.append(("frames", "News frames: conflict, human interest, economics, morality, responsibility", FRAMES_CAPTION, fig))
    return out


def _small_multiples(content: ContentComparison, axes: Sequence[Any], top: int, labels: Sequence[str] | None) -> None:
    names = _names(content, labels)
    for k, ax in enumerate(axes):
        terms = list(content.distinctive_terms[k][:top])
        ys = list(range(len(terms)))
        ax.barh(ys, [t.z for t in terms], height=0.72, color=ARTICLE_FILL[k % len(ARTICLE_FILL)], edgecolor="#222222",
                linewidth=0.5, hatch=HATCHES[k % len(HATCHES)])
        ax.set_yticks(ys)
        ax.set_yticklabels([f"{_short(t.term, 20)} ({t.count}/{t.count_rest})" for t in terms], fontsize=6.5)
        ax.set_ylim(max(len(terms), 1) - 0.5, -0.5)
        ax.set_title(f"more in {_short(names[k], 20)}", fontsize=8)
        ax.set_xlabel("z", fontsize=7)
        ax.tick_params(axis="y", length=0, pad=2)
        ax.tick_params(axis="x", labelsize=7)
