"""The comparison charts, drawn once with matplotlib (Agg) and saved as SVG and/or PDF.

Each ``draw_*`` function draws on an ``Axes`` it is given, so the summary card (png.py) reuses
them; ``render`` builds the report's figures and returns their SVG text (for the HTML) and PDF
bytes (vector pages that pdf_charts.py places in the PDF). matplotlib is imported only here, only
when a chart is drawn. Every fill has a hatch or a distinct lightness and every bar a direct
label, so the charts read in grey-scale print.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from typing import Any, NamedTuple

from framing.comparison.comparison import Comparison
from framing.comparison.summary import CATEGORIES, CATEGORY_LABELS
from framing.report.style import CATEGORY_STYLE, article_style, side_style, tint

WIDTH_IN = 7.4  # fits A4 and Letter text width at 100 %


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    caption: str
    svg: str | None  # inline SVG for the HTML
    pdf_page: int | None  # page of ChartSet.pdf holding this chart
    width_in: float
    height_in: float


@dataclass(frozen=True)
class ChartSet:
    """The report's charts; ``pdf`` is one vector PDF with one chart a page (fonts embedded once)."""

    charts: tuple[Chart, ...]
    pdf: bytes | None

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.charts)


def setup() -> Any:
    """Import matplotlib with the Agg backend and the report's defaults."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    matplotlib.rcParams.update(
        {
            "font.family": "DejaVu Sans",
            "font.size": 8.5,
            "axes.titlesize": 9.5,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.fonttype": "none",  # text stays text in the HTML
            "pdf.fonttype": 42,  # TrueType: chart text selectable in the PDF
            "hatch.linewidth": 0.6,
            "hatch.color": "#222222",
            "figure.dpi": 100,
            "savefig.bbox": None,
        }
    )
    return plt


def short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def article_label(c: Comparison, i: int, n: int = 34) -> str:
    a = c.articles[i]
    return f"{a.label}  {short(a.title, n)}"


# --------------------------------------------------------------------------- drawing


FAMILY_MEASURES: tuple[tuple[str, str, str, float], ...] = (
    # family, metric, label, factor
    ("sourcing", "sourcing_density", "Sourced statements\nper 100 words", 1.0),
    ("sourcing", "quoted_share", "Quoted words\nper 100 words", 100.0),
    ("sourcing", "sources_per_100_words", "Distinct sources\nper 100 words", 1.0),
    ("editorial_voice", "evaluative_per_100_narrator_words", "Evaluative words\nper 100 author words", 1.0),
    ("advocacy", "first_person_per_100_narrator_words", "First person\nper 100 author words", 1.0),
)


def _value(analysis: Any, fam: str, key: str) -> float:
    family = {f.name: f for f in analysis.scores.families()}[fam]
    try:
        v = family.value(key)
    except KeyError:
        return 0.0
    return float(v or 0.0)


def draw_families(ax: Any, c: Comparison) -> None:
    n = len(c.articles)
    groups = len(FAMILY_MEASURES)
    height = 0.8 / n
    vmax = max(
        [_value(a, f, k) * fac for a in c.analyses for f, k, _, fac in FAMILY_MEASURES] + [1.0]
    )
    for i, a in enumerate(c.analyses):
        colour, hatch = article_style(i)
        ys = [g + (i - (n - 1) / 2) * height for g in range(groups)]
        vals = [_value(a, f, k) * fac for f, k, _, fac in FAMILY_MEASURES]
        ax.barh(ys, vals, height=height * 0.9, color=colour, hatch=hatch, edgecolor="#222222", linewidth=0.5)
        for y, v in zip(ys, vals, strict=True):
            ax.text(v + vmax * 0.01, y, f"{c.articles[i].label} {v:.1f}", va="center", fontsize=7.5)
    ax.set_yticks(range(groups), [m[2] for m in FAMILY_MEASURES])
    ax.invert_yaxis()
    ax.set_xlim(0, vmax * 1.18)
    ax.set_xlabel("per 100 words (body words for sourcing, the author's own words for the rest)")
    ax.tick_params(axis="y", length=0)


def draw_composition(ax: Any, c: Comparison, *, labels: bool = True, legend: bool = True) -> None:
    n = len(c.articles)
    for i, art in enumerate(c.articles):
        shares = art.composition_shares()
        left = 0.0
        for cat in CATEGORIES:
            w = shares.get(cat, 0.0)
            if w <= 0:
                continue
            colour, hatch = CATEGORY_STYLE[cat]
            ax.barh(i, w, left=left, height=0.62, color=colour, hatch=hatch, edgecolor="#222222", linewidth=0.5)
            if w >= 0.07:
                dark = cat in ("quoted", "narrator_first_person")
                ax.text(
                    left + w / 2, i, f"{w:.0%}", ha="center", va="center", fontsize=8, fontweight="bold",
                    color="white" if dark else "black",
                    bbox=None if dark else {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
                )
            left += w
    ax.set_xlim(0, 1)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_yticks(range(n), [article_label(c, i, 30) for i in range(n)] if labels else [a.label for a in c.articles])
    ax.xaxis.set_major_formatter(_pct_formatter())
    ax.tick_params(axis="y", length=0)
    if legend:
        category_legend(ax, ncol=5 if n <= 3 else 3)


def category_legend(ax: Any, *, ncol: int = 5, loc: str = "lower left", anchor: tuple[float, float] | None = (0.0, 1.02),
                    fontsize: float = 7.5) -> None:
    """The five voice categories with their colours and hatches, on an Axes or a Figure."""
    from matplotlib.patches import Patch

    handles = [
        Patch(facecolor=CATEGORY_STYLE[k][0], hatch=CATEGORY_STYLE[k][1], edgecolor="#222222", linewidth=0.5, label=CATEGORY_LABELS[k])
        for k in CATEGORIES
    ]
    ax.legend(handles=handles, ncol=ncol, loc=loc, bbox_to_anchor=anchor, frameon=False, fontsize=fontsize,
              handlelength=1.6, handleheight=1.1, columnspacing=1.0, borderaxespad=0.2)


def draw_timeline(ax: Any, c: Comparison, *, labels: bool = True, rows: list[int] | None = None) -> None:
    idx = rows if rows is not None else list(range(len(c.articles)))
    for r, i in enumerate(idx):
        art = c.articles[i]
        total = sum(cell.words for cell in art.timeline) or 1
        left = 0.0
        for cell in art.timeline:
            w = cell.words / total
            colour, hatch = CATEGORY_STYLE[cell.category]
            ax.barh(r, w, left=left, height=0.7, color=colour, hatch=hatch, edgecolor="white", linewidth=0.8)
            if cell.evaluative and cell.category != "narrator_evaluative":  # first person that also judges
                colour, hatch = CATEGORY_STYLE["narrator_evaluative"]
                ax.barh(r + 0.175, w, left=left, height=0.35, color=colour, hatch=hatch, edgecolor="white", linewidth=0.8)
            left += w
        ax.barh(r, 1.0, left=0, height=0.7, fill=False, edgecolor="#222222", linewidth=0.6)
    ax.set_xlim(0, 1)
    ax.set_ylim(len(idx) - 0.5, -0.5)
    ax.set_yticks(range(len(idx)), [article_label(c, i, 30) for i in idx] if labels else [c.articles[i].label for i in idx])
    ax.set_xticks([0, 1 / 3, 2 / 3, 1], ["start", "first third", "second third", "end"])
    for x in (1 / 3, 2 / 3):
        ax.axvline(x, color="#999999", linewidth=0.6, linestyle=":")
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)


SOURCES_SHOWN = 6  # the largest sources of each article in the "who speaks" chart


class SourceGroup(NamedTuple):
    side: str | None  # a side of framing.comparison.sides, "unknown", or None when the sides were not read
    sources: list[dict[str, Any]]  # the sources shown, the largest first
    total: int  # the article's sources of this side (with a share of the sourced words)


def source_groups(c: Comparison, i: int, limit: int = SOURCES_SHOWN) -> list[SourceGroup]:
    """Article ``i``'s largest sources (by share of the sourced words), grouped by the side the
    article gives them (``Comparison.sides``): the sides in ``framing.comparison.sides.SIDES``
    order, then "unknown"; within a side, the largest first. A source the sides do not list is
    unknown. ``limit`` sources are shown: the largest of every side (no side is left out because
    its sources speak less), then the largest of the rest. Without sides (``c.sides`` is
    None) one group whose side is None."""
    from framing.comparison.sides import SIDES, UNKNOWN

    a = c.analyses[i]
    srcs = [s for s in a.sources if s.get("kind") != "unresolved" and s.get("share_of_sourced_words")]
    srcs = sorted(srcs, key=lambda s: -s["share_of_sourced_words"])
    sides = getattr(c, "sides", None)
    if sides is None:
        return [SourceGroup(None, srcs[:limit], len(srcs))] if srcs else []
    art = next((x for x in sides.articles if x.label == c.articles[i].label), None)
    side_of = {(s.name, s.kind): s.side for s in art.sources} if art is not None else {}
    out = []
    for side in (*SIDES, UNKNOWN):
        group = [s for s in srcs if side_of.get((str(s.get("name")), str(s.get("kind"))), UNKNOWN) == side]
        if group:
            out.append(SourceGroup(side, group, len(group)))
    firsts = [g.sources[0] for g in out]
    shown = {id(s) for s in firsts}
    for s in srcs:  # then the largest of the rest, up to the limit
        if len(shown) >= max(limit, len(firsts)):
            break
        shown.add(id(s))
    return [g._replace(sources=[s for s in g.sources if id(s) in shown]) for g in out]


HEADING_STEP = 0.85  # a side's heading row, in bar rows


def source_rows(groups: list[SourceGroup]) -> float:
    """The rows the chart of one article's groups takes: a bar a row, a heading a little less."""
    return sum(len(g.sources) + (HEADING_STEP if g.side is not None else 0.0) for g in groups)


def side_heading(side: str, count: int, shown: int) -> str:
    what = "Side not given" if side == "unknown" else side
    more = f", {shown} shown" if shown < count else ""
    return f"{what} · {count} source{'s' if count != 1 else ''}{more}"


def draw_sources(axes: list[Any], c: Comparison) -> None:
    """Each article's sources, grouped by side under a heading that names the side next to a
    key of its colour and hatch; each bar in its side's style, darker for the quoted words and
    lighter for the reported ones (``style.SIDE_STYLE``)."""
    from matplotlib.patches import Rectangle

    groups = [source_groups(c, i) for i in range(len(axes))]
    rows = max([source_rows(gs) for gs in groups] + [1.0])
    for ax, art, gs in zip(axes, c.articles, groups, strict=True):
        ax.set_title(f"{art.label}  {short(art.title, 40)}", fontsize=8.5)
        if not gs:
            ax.text(0.5, 0.5, "No quoted or attributed sources", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
            continue
        ticks: list[float] = []
        names: list[str] = []
        y = 0.0
        for side, srcs, total in gs:
            colour, hatch, hatch_colour = side_style(side or "unknown")
            if side is not None:  # the side's heading: its key (colour and hatch) and its name
                ax.add_patch(Rectangle((0.0, y - 0.3), 0.07, 0.6, facecolor=colour, hatch=hatch, hatchcolor=hatch_colour,
                                       edgecolor="#222222", linewidth=0.5, clip_on=False))
                ax.text(0.1, y, side_heading(side, total, len(srcs)), va="center", fontsize=7.5, fontweight="bold")
                y += HEADING_STEP
            for s in srcs:
                v = float(s["share_of_sourced_words"])
                words = max(1, s.get("quoted_words", 0) + s.get("attributed_words", 0))
                q = s.get("quoted_words", 0) / words * v
                ax.barh(y, q, color=colour, hatch=hatch, hatchcolor=hatch_colour, edgecolor="#222222", linewidth=0.5)
                ax.barh(y, v - q, left=q, color=tint(colour), hatch=hatch, hatchcolor="#222222", edgecolor="#222222",
                        linewidth=0.5)
                ax.text(v + 0.01, y, f"{v:.0%}  ({s.get('quotes', 0)} q, {s.get('statements', 0)} st)", va="center",
                        fontsize=7)
                ticks.append(y)
                names.append(short(str(s["name"]), 28) if s.get("kind") == "person" else f"{short(str(s['name']), 24)} ({s['kind']})")
                y += 1
        ax.set_yticks(ticks, names, fontsize=7.5)
        ax.set_xlim(0, 1.25)
        ax.set_xticks([0, 0.5, 1])  # shares: no tick past 100 %
        ax.set_ylim(rows - 0.5, -0.5)
        ax.xaxis.set_major_formatter(_pct_formatter())
        ax.tick_params(axis="y", length=0)


def draw_verbs(ax: Any, c: Comparison) -> None:
    n = len(c.articles)
    for i, a in enumerate(c.analyses):
        neutral = _value(a, "sourcing", "neutral_verbs")
        loaded = _value(a, "sourcing", "loaded_verbs")
        ax.barh(i, neutral, color="#d9d9d9", edgecolor="#222222", linewidth=0.5)
        ax.barh(i, loaded, left=neutral, color="#b3261e", hatch="xx", edgecolor="#222222", linewidth=0.5)
        ax.text(neutral + loaded + 0.3, i, f"{neutral:.0f} neutral, {loaded:.0f} loaded", va="center", fontsize=7.5)
    vmax = max([_value(a, "sourcing", "neutral_verbs") + _value(a, "sourcing", "loaded_verbs") for a in c.analyses] + [1])
    ax.set_xlim(0, vmax * 1.6 + 2)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_yticks(range(n), [a.label for a in c.articles])
    ax.set_title("Reporting verbs")
    ax.set_xlabel("cues (said, told … vs claimed, admitted …)")
    ax.tick_params(axis="y", length=0)


def draw_readability(ax: Any, c: Comparison) -> None:
    n = len(c.articles)
    for i, a in enumerate(c.analyses):
        colour, hatch = article_style(i)
        fre = _value(a, "readability", "flesch_reading_ease")
        grade = _value(a, "readability", "flesch_kincaid_grade")
        ax.barh(i, max(fre, 0), color=colour, hatch=hatch, edgecolor="#222222", linewidth=0.5)
        ax.text(max(fre, 0) + 1.5, i, f"{fre:.0f}  (grade {grade:.0f})", va="center", fontsize=7.5)
    ax.axvspan(40, 60, color="#eeeeee", zorder=0)
    ax.text(50, n - 0.45, "wire news", ha="center", va="bottom", fontsize=6.5, color="#555555")
    ax.set_xlim(0, 100)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_yticks(range(n), [a.label for a in c.articles])
    ax.set_title("Flesch reading ease")
    ax.set_xlabel("0 = hard … 100 = easy")
    ax.tick_params(axis="y", length=0)


def _pct_formatter() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos: f"{x:.0%}")


# --------------------------------------------------------------------------- figures

SOURCES_TITLE = "Who speaks, by side: each source's share of the sourced words"
SOURCES_CAPTION = (
    "Sources grouped by the side the article itself gives them (\u201cside not given\u201d: it does not say), each side "
    "in its own colour and pattern. Darker: words inside quote marks; lighter: reported speech. q = direct quotes, "
    "st = attributed statements."
)


def figures(c: Comparison) -> list[tuple[str, str, str, Any]]:
    """(key, title, caption, Figure) for every chart of the report.

    Each figure is laid out by matplotlib's constrained layout, so tick labels and legends take
    the room they need instead of being cut at the figure's edge, and is no taller than its
    bars need: the first page of the PDF holds the summary and the voice timeline."""
    plt = setup()
    n = len(c.articles)
    out = []

    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.75 + 0.36 * n + 0.3), layout="constrained")
    draw_timeline(ax, c)
    category_legend(fig, ncol=3, loc="outside upper left", anchor=None, fontsize=7.5)
    out.append(("timeline", "Voice timeline: who is speaking, sentence by sentence",
                "Each strip is one article, its sentences in order from left to right, each as wide as its "
                "word count. A run of amber or purple at the right-hand end is an article that drifts from "
                "reporting into the author's own judgement or advocacy; a purple sentence that also judges "
                "has an amber lower half.", fig))

    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.4 + 0.32 * n), layout="constrained")
    draw_composition(ax, c, legend=False)
    out.append(("composition", "Voice composition: whose words fill the body",
                "Shares of body words, in the colours of the timeline: inside quote marks, reported speech tied "
                "to a source, and the author's own words split by the sentence they stand in (evaluative, first "
                "person, or neutral).", fig))

    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.55 + 0.17 * len(FAMILY_MEASURES) * max(2, n)), layout="constrained")
    draw_families(ax, c)
    out.append(("families", "The score families, per 100 words",
                "Sourcing (statements, quoted words and distinct sources per 100 body words), editorial voice "
                "and first person (per 100 words in the author's own voice). Bars carry their values.", fig))

    cols = 2 if n > 1 else 1
    rows = (n + cols - 1) // cols
    units = max([source_rows(source_groups(c, i)) for i in range(n)] + [1.0])
    fig, axes = plt.subplots(rows, cols, figsize=(WIDTH_IN, (0.62 + 0.15 * units) * rows + 0.1), squeeze=False,
                             layout="constrained")
    flat = [ax for row in axes for ax in row]
    draw_sources(flat[:n], c)
    for ax in flat[n:]:
        ax.set_axis_off()
    if getattr(c, "sides", None) is not None:
        out.append(("sources", SOURCES_TITLE, SOURCES_CAPTION, fig))
    else:  # the sides could not be read: the sources, ungrouped
        out.append(("sources", "Who speaks: each source's share of the sourced words",
                    "Share of the quoted and attributed words that each source speaks (darker: inside quote marks, "
                    "lighter: reported speech); q = direct quotes, st = attributed statements.", fig))

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(WIDTH_IN, 1.0 + 0.3 * n), layout="constrained")
    draw_verbs(ax1, c)
    draw_readability(ax2, c)
    out.append(("verbs_readability", "Reporting verbs and readability",
                "Left: verbs that introduce a source, neutral (said, told) or loaded (claimed, admitted: the "
                "verb itself judges). Right: Flesch reading ease with the Flesch-Kincaid grade.", fig))
    for _key, _title, _caption, f in out:
        fit_titles(f)
    return out


def fit_titles(fig: Any) -> None:
    """Shorten (with "…") each axes title that would run past its axes' right edge or the figure's.

    A figure without axes titles is left as it is; the others are laid out to measure them (the
    layout engine alone, see ``_laid_out``)."""
    titled = [ax for ax in fig.axes if any(t.get_text() for t in (ax._left_title, ax.title, ax._right_title))]
    if not titled:
        return
    renderer = _laid_out(fig)
    for ax in titled:
        limit = min(fig.bbox.x1, ax.get_window_extent(renderer).x1 + 4)
        for title in (ax._left_title, ax.title, ax._right_title):  # set_title(loc=...) fills one of three
            text = title.get_text()
            while text and title.get_window_extent(renderer).x1 > limit and len(text) > 4:
                text = text[:-2].rstrip() + "…"
                title.set_text(text)


def _laid_out(fig: Any) -> Any:
    """The figure's renderer, with the axes where the figure's layout engine puts them: the engine
    runs as a draw would run it first, but nothing is drawn (the positions and the text sizes are
    all that is read; half the cost of ``_renderer``'s draw). A figure without an engine is laid
    out by ``_renderer``."""
    engine = fig.get_layout_engine()
    if engine is None or not hasattr(fig.canvas, "get_renderer"):
        return _renderer(fig)
    renderer = fig.canvas.get_renderer()
    engine.execute(fig)
    return renderer


def overflowing_texts(fig: Any) -> list[str]:
    """The drawn texts of ``fig`` that reach past its edges (they would be cut when saved)."""
    from matplotlib.text import Text

    renderer = _renderer(fig)
    hidden = {id(t) for ax in fig.axes for t in _undrawn_tick_labels(ax)}
    box = fig.bbox
    out = []
    for t in fig.findobj(Text):
        if not t.get_visible() or not t.get_text().strip() or id(t) in hidden:
            continue
        bb = t.get_window_extent(renderer)
        if bb.x0 < box.x0 - 1 or bb.x1 > box.x1 + 1 or bb.y0 < box.y0 - 1 or bb.y1 > box.y1 + 1:
            out.append(t.get_text())
    return out


def _renderer(fig: Any) -> Any:
    """The figure laid out (``draw_without_rendering``: the layout and the text sizes without
    painting a pixel, several times cheaper than a draw) and its renderer; a bare ``Figure``
    gets Agg."""
    if not hasattr(fig.canvas, "get_renderer"):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
    fig.draw_without_rendering()
    return fig.canvas.get_renderer()


def _undrawn_tick_labels(ax: Any) -> list[Any]:
    """The tick labels matplotlib keeps for ticks outside the view: never drawn."""
    out = []
    for axis in (ax.xaxis, ax.yaxis):
        lo, hi = sorted(axis.get_view_interval())
        span = (hi - lo) * 1e-6
        for tick in axis.get_major_ticks() + axis.get_minor_ticks():
            if not lo - span <= tick.get_loc() <= hi + span:
                out += [tick.label1, tick.label2]
    return out


def render(c: Comparison, *, svg: bool, pdf: bool, drawn: list[tuple[str, str, str, Any]] | None = None) -> ChartSet:
    """Draw every chart once (or take ``drawn``, what :func:`figures` returned); keep SVG text
    and/or one multi-page PDF; close the figures.

    The PDF is written with ``PdfPages`` so the DejaVu subset is built once for all charts
    (fontTools subsetting is the slow part of a matplotlib PDF).
    """
    import logging

    import matplotlib
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    charts = []
    pdf_buf = io.BytesIO()
    pages = PdfPages(pdf_buf, metadata={"CreationDate": None, "Creator": None, "Producer": None}) if pdf else None
    # The PDF's standard Helvetica needs no embedding (embedding DejaVu costs about 1.5 s of
    # fontTools subsetting); used only when every label fits its Windows-1252 encoding.
    core = pdf and core_fonts_ok(c)
    font_log = logging.getLogger("matplotlib.font_manager")
    level = font_log.level
    try:
        for n, (key, title, caption, fig) in enumerate(drawn if drawn is not None else figures(c)):
            svg_text = None
            if svg:
                buf = io.StringIO()
                fig.savefig(buf, format="svg", metadata={"Date": None})
                svg_text = _inline_svg(buf.getvalue(), key, title)
            if pages is not None:
                with matplotlib.rc_context({"pdf.use14corefonts": core}):
                    font_log.setLevel(logging.ERROR)
                    pages.savefig(fig)
                    font_log.setLevel(level)
            w, h = fig.get_size_inches()
            charts.append(Chart(key, title, caption, svg_text, n if pdf else None, float(w), float(h)))
            plt.close(fig)
    finally:
        font_log.setLevel(level)
        if pages is not None:
            pages.close()
    return ChartSet(tuple(charts), pdf_buf.getvalue() if pdf else None)


def core_fonts_ok(c: Comparison) -> bool:
    """True when every text a chart shows can be set in the PDF core fonts (Windows-1252)."""
    texts = [a.title for a in c.articles]
    texts += [str(s.get("name", "")) for a in c.analyses for s in a.sources]
    try:
        "".join(texts).encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _inline_svg(svg: str, key: str, title: str) -> str:
    """Strip the XML prolog and give the SVG an accessible name for inline use."""
    from html import escape

    start = svg.find("<svg")
    svg = svg[start:]
    svg = svg.replace(
        "<svg ", f'<svg role="img" aria-labelledby="chart-{key}-title" class="chart" ', 1
    )
    head_end = svg.find(">") + 1
    return svg[:head_end] + f'<title id="chart-{key}-title">{escape(title)}</title>' + svg[head_end:]


def wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width))
