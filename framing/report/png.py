"""Comparison -> a one-page summary card as PNG (1920 × 1080 px, 16:9: fit for a slide).

One row per article: its label, headline, byline, profile sentence and (up to three articles) the
names, places and figures only it mentions on the left; on the right its voice timeline (sentence
by sentence) with the counts read off the same strip, and its voice composition. The same drawing
functions as the report's charts (charts.py), so the card and the report agree.

Nothing on the card is cut: every text is measured with the renderer and wrapped to its column;
when a row's texts would not fit its height, the row's type is set smaller (``Row``), down to
``MIN_SIZE``; only the list of only-here names is shortened ("and 3 more") when even that is not
enough. The headline and the profile sentence are always shown whole.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from framing.comparison.comparison import Comparison
from framing.report import charts
from framing.report.headlines import draw_headline_band
from framing.report.html import key_figures

WIDTH_PX, HEIGHT_PX, DPI = 1920, 1080, 120
MIN_SIZE = 7.0  # points: the smallest type the card sets
LEFT_X, LEFT_R, RIGHT_X, RIGHT_R = 0.065, 0.47, 0.50, 0.97  # the columns, as fractions of the width


@dataclass
class Block:
    """A text of the card, wrapped to its column: its lines, size and look."""

    lines: list[str]
    size: float
    weight: str = "normal"
    colour: str = "#1a1a1a"
    gap: float = 0.0  # points of space above it
    spacing: float = 1.25  # line spacing, in multiples of the size
    gid: str = ""

    def height(self) -> float:
        """Height in points."""
        return self.gap + len(self.lines) * self.size * self.spacing


@dataclass
class Row:
    """One article's texts on the left of the card, laid out to fit ``room`` points of height."""

    blocks: list[Block] = field(default_factory=list)

    def height(self) -> float:
        return sum(b.height() for b in self.blocks)


class Measure:
    """Text widths in points from the figure's renderer (the card's own fonts)."""

    def __init__(self, fig: Any) -> None:
        from matplotlib.font_manager import FontProperties

        self._renderer = fig.canvas.get_renderer()
        self._dpi = fig.dpi
        self._props = FontProperties

    def width(self, text: str, size: float, weight: str = "normal") -> float:
        w, _h, _d = self._renderer.get_text_width_height_descent(
            text, self._props(family="DejaVu Sans", size=size, weight=weight), ismath=False)
        return float(w) * 72.0 / self._dpi

    def wrap(self, text: str, width: float, size: float, weight: str = "normal") -> list[str]:
        """``text`` broken at spaces into lines no wider than ``width`` points (a single word
        wider than the line is broken inside, never left to run over)."""
        lines: list[str] = []
        line = ""
        for word in text.split():
            candidate = f"{line} {word}" if line else word
            if self.width(candidate, size, weight) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while self.width(word, size, weight) > width and len(word) > 1:
                k = len(word)
                while k > 1 and self.width(word[:k] + "-", size, weight) > width:
                    k -= 1
                lines.append(word[:k] + "-")
                word = word[k:]
            line = word
        if line:
            lines.append(line)
        return lines or [""]


def _left_row(c: Comparison, i: int, m: Measure, width: float, scale: float, n: int, keep_items: int | None) -> Row:
    """The left column of article ``i``'s row at type scale ``scale``."""
    art = c.articles[i]
    title_size = (15 if n <= 2 else 12.5 if n <= 3 else 10.5) * scale
    body_size = (11.5 if n <= 2 else 10 if n <= 3 else 8.5) * scale
    by = f"by {art.byline}" if art.byline else "no byline detected"
    row = Row([
        Block(m.wrap(art.title, width, title_size, "bold"), title_size, "bold", spacing=1.18, gid=f"title{i}"),
        Block(m.wrap(f"{by} · {art.body_words} words", width, body_size - 1), body_size - 1, colour="#444444",
              gap=3 * scale, gid=f"byline{i}"),
    ])
    if n <= 4:
        row.blocks.append(Block(m.wrap(art.profile, width, body_size), body_size, gap=8 * scale, spacing=1.3,
                                gid=f"profile{i}"))
    if n <= 3 and c.content is not None:
        from framing.report.content import headline_items, others_text

        items = headline_items(c, i, limit=8)
        if keep_items is not None:
            items = items[:keep_items]
        if items:
            more = len(headline_items(c, i, limit=50)) - len(items)
            text = ", ".join(items) + (f" and {more} more" if more > 0 else "")
            head = f"Only in {art.label}, never in {others_text(c, i)}:"
            row.blocks.append(Block(m.wrap(head, width, body_size - 1, "bold"), body_size - 1, "bold", "#8a1c15",
                                    gap=8 * scale, gid=f"only{i}"))
            row.blocks.append(Block(m.wrap(text, width, body_size), body_size, gap=2 * scale, spacing=1.3,
                                    gid=f"onlylist{i}"))
    return row


def fit_row(c: Comparison, i: int, m: Measure, width: float, room: float, n: int) -> Row:
    """The left column of a row at the largest type scale whose texts fit ``room`` points."""
    scale = 1.0
    smallest = MIN_SIZE / ((11.5 if n <= 2 else 10 if n <= 3 else 8.5) - 1)  # the byline's size at MIN_SIZE
    while True:
        row = _left_row(c, i, m, width, scale, n, None)
        if row.height() <= room or scale <= smallest:
            break
        scale *= 0.94
    keep = 8
    while row.height() > room and keep > 0:  # last resort: fewer only-here names (the list says how many more)
        keep -= 1
        row = _left_row(c, i, m, width, scale, n, keep)
    return row


def _place(fig: Any, x: float, top_px: float, block: Block) -> float:
    """Draw ``block`` with its top at ``top_px`` (pixels from the figure's bottom); returns its bottom."""
    px = fig.dpi / 72.0
    top_px -= block.gap * px
    fig.text(x, top_px / fig.bbox.height, "\n".join(block.lines), fontsize=block.size, fontweight=block.weight,
             color=block.colour, va="top", ha="left", linespacing=block.spacing, gid=block.gid)
    return top_px - len(block.lines) * block.size * block.spacing * px


def fit_lines(m: Measure, text: str, width: float, size: float, weight: str = "normal", smallest: float = MIN_SIZE) -> tuple[list[str], float]:
    """``text`` on one line at the largest size from ``size`` down to ``smallest`` at which it fits
    ``width`` points; wrapped at ``smallest`` when it fits at none."""
    while size > smallest and m.width(text, size, weight) > width:
        size = max(smallest, size - 0.25)
    if m.width(text, size, weight) <= width:
        return [text], size
    return m.wrap(text, width, size, weight), size


# The article rows fill the card between these heights (figure fractions), under the title,
# the lede and the headline band.
ROWS_TOP, ROWS_BOTTOM = 0.76, 0.10


def _text(fig: Any, x: float, y: float, lines: list[str], size: float, **kw: Any) -> float:
    """Draw ``lines`` with their top at ``y`` (figure fraction); returns the fraction below them."""
    fig.text(x, y, "\n".join(lines), fontsize=size, va="top", linespacing=1.2, **kw)
    return y - len(lines) * size * 1.2 / 72 / (HEIGHT_PX / DPI)


def card_figure(c: Comparison) -> Any:
    """The card as a matplotlib Figure (render_png saves it; the tests measure its texts)."""
    plt = charts.setup()
    n = len(c.articles)
    fig = plt.figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, facecolor="white")
    fig.canvas.draw()
    m = Measure(fig)
    fig_w_pt = WIDTH_PX / DPI * 72
    title_w = (0.97 - 0.03) * fig_w_pt
    lines, size = fit_lines(m, c.title, title_w, 22, "bold", smallest=15)
    y = _text(fig, 0.03, 0.955, lines[:2], size, fontweight="bold", gid="card-title")
    if len(lines) > 2:  # a very long title: two lines, smaller
        lines, size = fit_lines(m, c.title, title_w, 11, "bold", smallest=MIN_SIZE)
        fig.texts[-1].remove()
        y = _text(fig, 0.03, 0.955, lines, size, fontweight="bold", gid="card-title")
    lede = ("Whose voice fills each article, sentence by sentence: quoted sources, reported speech, "
            "or the author's own judgement and advocacy.")
    lines, size = fit_lines(m, lede, title_w, 11.5)
    y = _text(fig, 0.03, min(0.893, y - 0.02), lines, size, color="#333333", gid="card-lede")
    draw_headline_band(fig, c, min(0.864, y - 0.008), 0.772)  # how the headlines differ (report/headlines.py)
    top, bottom = ROWS_TOP, ROWS_BOTTOM
    row_h = (top - bottom) / n
    px_per_pt = DPI / 72.0
    left_w = (LEFT_R - LEFT_X) * fig_w_pt
    right_w = (RIGHT_R - RIGHT_X) * fig_w_pt
    label_size = 15 if n <= 2 else 12.5 if n <= 3 else 10.5
    body_size = 11.5 if n <= 2 else 10 if n <= 3 else 8.5
    for i, art in enumerate(c.articles):
        y1 = top - i * row_h
        fig.add_artist(plt.Line2D([0.03, 0.97], [y1 + 0.005, y1 + 0.005], color="#1a1a1a", linewidth=2 if i == 0 else 0.8))
        fig.text(0.03, y1 - 0.012, f" {art.label} ", fontsize=label_size, fontweight="bold", color="white", va="top",
                 bbox={"boxstyle": "square,pad=0.2", "fc": "#1a1a1a", "ec": "none"}, gid=f"label{i}")
        # left: headline, byline, profile, only-here names, measured to fit the row
        room = (row_h - 0.012 - 0.012) * HEIGHT_PX / px_per_pt
        y_px = (y1 - 0.012) * HEIGHT_PX
        for block in fit_row(c, i, m, left_w, room, n).blocks:
            y_px = _place(fig, LEFT_X, y_px, block)
        # right: the voice strip, and the counts read off the same strip, then the composition
        strip_h = row_h * (0.3 if n <= 3 else 0.38)
        ax = fig.add_axes((RIGHT_X, y1 - 0.03 - strip_h, RIGHT_R - RIGHT_X, strip_h))
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
        lines, size = fit_lines(m, line, right_w, body_size - (0 if n <= 2 else 0.5), "bold")
        y_comp = _text(fig, RIGHT_X, y_text, lines, size, fontweight="bold", gid=f"figures{i}")
        if n <= 4:
            lines, size = fit_lines(m, comp, right_w, body_size - 1.5)
            _text(fig, RIGHT_X, y_comp - (0.016 if n <= 2 else 0.008), lines, size, color="#333333", gid=f"composition{i}")
    legend_ax = fig.add_axes((0.03, 0.035, 0.94, 0.04))
    legend_ax.set_axis_off()
    charts.category_legend(legend_ax, ncol=5, loc="center left", anchor=(0.0, 0.5), fontsize=10.5)
    fig.text(0.97, 0.012, f"framing {c.version} · the scores describe framing, not truth · evidence highlighted in report.html",
             fontsize=8.5, color="#555555", ha="right", va="bottom", gid="card-footer")
    return fig


def render_png(c: Comparison) -> bytes:
    import matplotlib.pyplot as plt

    fig = card_figure(c)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": f"framing {c.version}"})
    plt.close(fig)
    return buf.getvalue()
