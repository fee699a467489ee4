"""Comparison -> a one-page summary card as PNG (1920 × 1080 px, 16:9: fit for a slide).

One row per article: its label, headline, byline, profile sentence and (up to three articles) the
names, places and figures only it mentions on the left; on the right
its voice timeline (sentence by sentence) and voice composition, with three key figures. The
same drawing functions as the report's charts (charts.py), so the card and the report agree.
"""

from __future__ import annotations

import io
import textwrap

from framing.compare.comparison import Comparison
from framing.report import charts
from framing.report.headlines import draw_headline_band
from framing.report.html import key_figures

WIDTH_PX, HEIGHT_PX, DPI = 1920, 1080, 120


def _only_here(fig: object, c: Comparison, i: int, y: float, size: float, n: int) -> None:
    """"Only in A (not in B)": the article's most telling only-here names, places and figures."""
    from framing.report.content import headline_items, others_text

    items = headline_items(c, i, limit=8)
    if not items:
        return
    width, max_lines = (62, 2) if n <= 2 else (72, 1)
    shown: list[str] = []
    for it in items:
        if len(textwrap.wrap(", ".join([*shown, it]), width)) > max_lines:
            break
        shown.append(it)
    if not shown:
        return
    label = c.articles[i].label
    fig.text(0.065, y, f"Only in {label}, never in {others_text(c, i)}:", fontsize=size - 1, fontweight="bold",  # type: ignore[attr-defined]
             va="top", color="#8a1c15")
    fig.text(0.065, y - (0.026 if n <= 2 else 0.022) * size / 11.5, "\n".join(textwrap.wrap(", ".join(shown), width)), fontsize=size,  # type: ignore[attr-defined]
             va="top", linespacing=1.3)


def render_png(c: Comparison) -> bytes:
    plt = charts.setup()
    n = len(c.articles)
    fig = plt.figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, facecolor="white")
    fig.text(0.03, 0.955, c.title, fontsize=22, fontweight="bold", va="top")
    fig.text(0.03, 0.893, "Whose voice fills each article, sentence by sentence: quoted sources, reported speech, "
             "or the author's own judgement and advocacy.", fontsize=11.5, color="#333333", va="top")
    draw_headline_band(fig, c, 0.864, 0.772)  # how the headlines differ (framing/report/headlines.py)
    top, bottom = 0.76, 0.10
    row_h = (top - bottom) / n
    title_size = 15 if n <= 2 else 12.5 if n <= 3 else 10.5
    body_size = 11.5 if n <= 2 else 10 if n <= 3 else 8.5
    wrap_h = 46 if n <= 2 else 56
    for i, art in enumerate(c.articles):
        y1 = top - i * row_h
        fig.add_artist(plt.Line2D([0.03, 0.97], [y1 + 0.005, y1 + 0.005], color="#1a1a1a", linewidth=2 if i == 0 else 0.8))
        fig.text(0.03, y1 - 0.012, f" {art.label} ", fontsize=title_size, fontweight="bold", color="white", va="top",
                 bbox={"boxstyle": "square,pad=0.2", "fc": "#1a1a1a", "ec": "none"})
        keep = 2 if n <= 3 else 1
        head_lines = textwrap.wrap(art.title, wrap_h)
        if len(head_lines) > keep:
            head_lines = head_lines[: keep - 1] + [head_lines[keep - 1].rstrip(" :,;-") + " …"]
        fig.text(0.065, y1 - 0.012, "\n".join(head_lines), fontsize=title_size, fontweight="bold", va="top", linespacing=1.15)
        by = f"by {art.byline}" if art.byline else "no byline detected"
        head_h = (0.034 if n <= 2 else 0.028) * len(head_lines) * (title_size / 15)
        fig.text(0.065, y1 - 0.016 - head_h, f"{by} · {art.body_words} words", fontsize=body_size - 1, color="#444444", va="top")
        prof_lines = 0
        if n <= 4:
            prof_lines = len(textwrap.wrap(art.profile, 62 if n <= 2 else 72)[: 5 if n <= 2 else 3])
            prof = "\n".join(textwrap.wrap(art.profile, 62 if n <= 2 else 72)[: 5 if n <= 2 else 3])
            fig.text(0.065, y1 - 0.05 - head_h, prof, fontsize=body_size, va="top", linespacing=1.3)
        if n <= 3 and c.content is not None:
            gap = 0.022 if n <= 2 else 0.01
            _only_here(fig, c, i, y1 - 0.05 - head_h - prof_lines * 0.0235 * body_size / 11.5 - gap, body_size, n)
        # right: timeline strip, then composition bar, then key figures
        strip_h = row_h * (0.3 if n <= 3 else 0.38)
        ax = fig.add_axes((0.50, y1 - 0.03 - strip_h, 0.47, strip_h))
        charts.draw_timeline(ax, c, labels=False, rows=[i])
        ax.set_yticks([])
        ax.tick_params(axis="x", labelsize=8 if n > 3 else 9)
        if i < n - 1 and n > 3:
            ax.set_xticks([])
        ax.set_title("sentence by sentence, start → end" if i == 0 else "", fontsize=9, loc="left", fontweight="normal", color="#444444")
        figs = key_figures(c, i)
        line = f"{figs[0][0]} direct quotes  ·  {figs[3][0].replace(' ', '')} author sentences evaluative  ·  {figs[4][0]} first-person words"
        shares = art.composition_shares()
        comp = (f"Body: {shares['quoted']:.0%} quoted · {shares['attributed']:.0%} attributed · author "
                f"{shares['narrator_neutral']:.0%} neutral, {shares['narrator_evaluative']:.0%} evaluative, "
                f"{shares['narrator_first_person']:.0%} first person")
        y_text = y1 - 0.03 - strip_h - row_h * (0.17 if n <= 3 else 0.2)
        fig.text(0.50, y_text, line, fontsize=body_size - (0 if n <= 2 else 0.5), va="top", fontweight="bold")
        if n <= 4:
            fig.text(0.50, y_text - (0.045 if n <= 2 else 0.035), comp, fontsize=body_size - 1.5, va="top", color="#333333")
    legend_ax = fig.add_axes((0.03, 0.035, 0.94, 0.04))
    legend_ax.set_axis_off()
    charts.category_legend(legend_ax, ncol=5, loc="center left", anchor=(0.0, 0.5), fontsize=10.5)
    fig.text(0.97, 0.012, f"framing {c.version} · the scores describe framing, not truth · evidence highlighted in report.html",
             fontsize=8.5, color="#555555", ha="right", va="bottom")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": f"framing {c.version}"})
    plt.close(fig)
    return buf.getvalue()
