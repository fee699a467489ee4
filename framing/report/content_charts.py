"""Charts of a content comparison (matplotlib, Agg, grey-scale readable).

Each function takes a :class:`framing.compare.content.ContentComparison` and either a matplotlib
``Axes`` (drawn into, returned) or a ``Figure`` (filled), or nothing (a new ``Figure`` is made and
returned). matplotlib is imported only when a chart is drawn.

* :func:`draw_distinctive_terms`: two articles, a two-sided bar chart (left: the first article's
  top z-scores, right: the second's); more articles, small multiples (one panel each).
* :func:`draw_frame_profiles`: grouped bars, one group per frame, one bar (hatched) per article.
* :func:`draw_similarity`: the cosine-similarity matrix as a grey heatmap with its values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from framing.compare.content import ContentComparison

GREYS = ("0.15", "0.55", "0.8", "0.35", "0.65", "0.9")
HATCHES = ("", "//", "..", "xx", "\\\\", "--")


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


def draw_distinctive_terms(content: ContentComparison, ax_or_fig: Any = None, *, top: int = 12) -> Any:
    """Top distinctive terms by z; returns the Axes (one) or the Figure (small multiples)."""
    n = len(content.labels)
    if n == 2:
        fig, (ax,) = _target(ax_or_fig, 1, (8.0, 0.35 * top + 1.5))
        left = list(content.distinctive_terms[0][:top])
        right = list(content.distinctive_terms[1][:top])
        rows = max(len(left), len(right), 1)
        for k, t in enumerate(left):
            ax.barh(rows - 1 - k, -t.z, color=GREYS[0], edgecolor="black", linewidth=0.5)
            ax.text(-t.z - 0.03, rows - 1 - k, t.term, ha="right", va="center", fontsize=8)
        for k, t in enumerate(right):
            ax.barh(rows - 1 - k, t.z, color=GREYS[2], edgecolor="black", linewidth=0.5, hatch="//")
            ax.text(t.z + 0.03, rows - 1 - k, t.term, ha="left", va="center", fontsize=8)
        zmax = max([t.z for t in left + right] + [1.0])
        ax.set_xlim(-zmax * 2.2, zmax * 2.2)
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_yticks([])
        ax.set_xlabel("z-score (log-odds ratio, informative Dirichlet prior)")
        ax.set_title(f"← more in {_short(content.labels[0])}    more in {_short(content.labels[1])} →", fontsize=9)
        ticks = ax.get_xticks()
        ax.set_xticks(ticks)
        ax.set_xticklabels([f"{abs(v):g}" for v in ticks])
        return ax
    fig, axes = _target(ax_or_fig, max(n, 1), (3.2 * max(n, 1), 0.3 * top + 1.5))
    for k, ax in enumerate(axes):
        if k >= n:
            break
        terms = list(content.distinctive_terms[k][:top])
        ys = list(range(len(terms)))[::-1]
        ax.barh(ys, [t.z for t in terms], color=GREYS[k % len(GREYS)], edgecolor="black", linewidth=0.5, hatch=HATCHES[k % len(HATCHES)])
        ax.set_yticks(ys)
        ax.set_yticklabels([t.term for t in terms], fontsize=8)
        ax.set_title(_short(content.labels[k], 24), fontsize=9)
        ax.set_xlabel("z", fontsize=8)
    return fig


def draw_frame_profiles(content: ContentComparison, ax_or_fig: Any = None) -> Any:
    """Grouped bars: cue hits per 100 words for each frame, one bar per article; returns the Axes."""
    from framing.compare.frames import FRAME_LABELS

    fig, (ax,) = _target(ax_or_fig, 1, (8.0, 4.0))
    n = max(len(content.labels), 1)
    frames = [f.frame for f in content.frames[0]] if content.frames else []
    width = 0.8 / n
    for k, profile in enumerate(content.frames):
        xs = [i + (k - (n - 1) / 2) * width for i in range(len(frames))]
        ax.bar(xs, [f.score for f in profile], width, label=_short(content.labels[k]),
               color=GREYS[k % len(GREYS)], edgecolor="black", linewidth=0.5, hatch=HATCHES[k % len(HATCHES)])
    ax.set_xticks(range(len(frames)))
    ax.set_xticklabels([FRAME_LABELS.get(f, f).replace(" ", "\n", 1) for f in frames], fontsize=8)
    ax.set_ylabel("cue hits per 100 words")
    ax.set_title("News frames (Semetko & Valkenburg 2000)", fontsize=9)
    ax.legend(fontsize=8, frameon=False)
    return ax


def draw_similarity(content: ContentComparison, ax_or_fig: Any = None) -> Any:
    """Heatmap of the cosine-similarity matrix with its values written in; returns the Axes."""
    n = len(content.labels)
    fig, (ax,) = _target(ax_or_fig, 1, (1.2 * n + 3, 1.0 * n + 2))
    matrix = [list(row) for row in content.similarity] or [[0.0]]
    im = ax.imshow(matrix, cmap="Greys", vmin=0.0, vmax=1.0)
    for i, row in enumerate(matrix):
        for j, v in enumerate(row):
            ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=9, color="white" if v > 0.55 else "black")
    labels = [_short(lab, 18) for lab in content.labels]
    ax.set_xticks(range(n))
    ax.set_yticks(range(n))
    ax.set_xticklabels(labels, rotation=30, ha="right", fontsize=8)
    ax.set_yticklabels(labels, fontsize=8)
    ax.set_title("TF-IDF cosine similarity", fontsize=9)
    fig.colorbar(im, ax=ax, fraction=0.046, pad=0.04)
    return ax
