"""The headlines side by side, at the top of every report (``framing.comparison.headlines``).

One renderer per output, each called with one line from its report module:

* ``headlines_html(c)``: a section with the line on how the headlines differ and one card per
  headline: the headline with its evidence marked (the report's highlight kinds: a loaded verb as
  a loaded cue, a neutral one as a cue, quotes, reported statements and their source, evaluative
  words, the name it leads with), and its facts in plain words. All article text is escaped.
* ``headlines_pdf(c, styles, width)``: the same as reportlab flowables.
* ``draw_headline_band(fig, c, top, bottom)``: the line on how they differ, on the PNG card,
  measured and set as large as fits between ``top`` and ``bottom`` (never cut).
* ``print_headlines(analyses, console)``: the same facts in the terminal (``framing score``).
"""

from __future__ import annotations

import html as _html
import textwrap
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape as xesc

from framing.comparison.headlines import (
    HeadlineComparison,
    HeadlineFraming,
    compare_headlines,
    headline_framing,
)

TITLE = "Headlines side by side"
INTRO = (
    "Headlines are often the sharpest framing. For each: its main verb (loaded when the verb itself "
    "judges: mocks, slams, taunts), the words it puts in quote marks, the statements it reports, "
    "its own evaluative words and the name it leads with. Hover over a marked word to see why."
)


def esc(text: object) -> str:
    return _html.escape(str(text), quote=True)


def facts(h: HeadlineFraming) -> list[tuple[str, str]]:
    """(label, plain text) for each fact of a headline, in reading order."""
    if not h.headline:
        return [("Headline", "none detected")]
    out: list[tuple[str, str]] = []
    main = h.main_verb
    if main is not None:
        out.append(("Main verb", f"'{main.text}', {main.cls} ({main.basis})"))
    else:
        colon = next((a for a in h.attributions if a.cue is None), None)
        out.append(("Main verb", f"none: it gives {colon.name}'s words after a colon" if colon else "none found"))
    others = [v for v in h.verbs if v is not main]
    if others:
        out.append(("Also", "; ".join(f"'{v.text}', {v.cls} ({v.basis})" for v in others)))
    if h.lead is not None:
        who = h.lead.name if h.lead.name != h.lead.text else h.lead.text
        out.append(("Leads with", f"{who}{' (the subject)' if h.lead.subject else ''}"))
    else:
        out.append(("Leads with", "no name"))
    out.append(("In quote marks", "; ".join(
        f"'{q.text}'" + (f" ({q.speaker})" if q.speaker else "") for q in h.quotes) or "nothing"))
    if h.attributions:
        out.append(("Reports", "; ".join(
            f"{a.name}" + (f" ('{a.cue.text}')" if a.cue is not None else " (colon)") for a in h.attributions)))
    ev = h.own_evaluative
    out.append(("Evaluative words", ", ".join(f"'{e.text}'" for e in ev) or "none"))
    return out


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------


def headlines_html(c: Any) -> str:
    """The headline section of report.html ("" when the comparison has none)."""
    hc: HeadlineComparison | None = getattr(c, "headlines", None)
    if hc is None:
        return ""
    cards = "".join(_card_html(c, h) for h in hc.headlines)
    return (
        '<section id="headlines" aria-labelledby="h-headlines">'
        f'<h2 id="h-headlines">{esc(TITLE)}</h2>'
        f'<p class="hl-diff"><strong>How they differ:</strong> {esc(hc.difference)}</p>'
        f'<p class="lede">{esc(INTRO)}</p>'
        f'<div class="hl-grid">{cards}</div></section>'
    )


def _card_html(c: Any, h: HeadlineFraming) -> str:
    from framing.report import annotate

    a = next(x for x, s in zip(c.analyses, c.articles, strict=True) if s.label == h.label)
    if h.headline:
        pieces = []
        for ev in annotate.events(a.text, h.start, h.end, list(h.highlights()), set()):
            if isinstance(ev, str):
                pieces.append(esc(ev))
            elif isinstance(ev, annotate.Open):
                pieces.append(_mark_open(ev.mark, ev.continuation))
            else:
                pieces.append("</mark>")
        head = "".join(pieces)
    else:
        head = f'<span class="none">no headline detected ({esc(a.article.name)})</span>'
    items = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts(h))
    return (
        f'<article class="hl-card" aria-label="Headline of article {esc(h.label)}">'
        f'<p class="hl-text"><span class="badge">{esc(h.label)}</span>{head}</p>'
        f'<dl class="hl-facts">{items}</dl></article>'
    )


def _mark_open(m: Any, continuation: bool) -> str:
    """A headline highlight: drawn like the body's (``k-<kind>``), with its explanation as the
    title; ``data-hl``, not ``data-ev``: the body's evidence marks stay one per score span."""
    classes = " ".join(["hl", *(f"k-{k}" for k in m.kinds), *(("cont",) if continuation else ())])
    tab = "" if continuation else ' tabindex="0"'
    return f'<mark class="{classes}" data-hl="{esc(m.id)}"{tab} title="{esc(m.explanation())}">'


# --------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------


def headlines_pdf(c: Any, st: dict[str, Any], width: float) -> list[Any]:
    """The headline section as reportlab flowables ([] when the comparison has none)."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import KeepTogether, Paragraph, Table, TableStyle

    from framing.report import annotate
    from framing.report.pdf_text import paragraph_markup

    hc: HeadlineComparison | None = getattr(c, "headlines", None)
    if hc is None:
        return []
    cells: list[Any] = []
    for h in hc.headlines:
        a = next(x for x, s in zip(c.analyses, c.articles, strict=True) if s.label == h.label)
        badge = f'<font backColor="#1a1a1a" color="#ffffff"><b> {xesc(h.label)} </b></font> '
        if h.headline:
            marks = annotate.Overlaps(list(h.highlights()))
            head = paragraph_markup(a.text, h.start, h.end, marks, set())
        else:
            head = "<i>no headline detected</i>"
        cell = [Paragraph(badge + head, st["card_h"])]
        cell += [Paragraph(f"<b>{xesc(k)}:</b> {xesc(v)}", st["cell"]) for k, v in facts(h)]
        cells.append(cell)
    n = len(cells)
    per_row = n if n <= 3 else 2
    rows: list[list[Any]] = [cells[k : k + per_row] for k in range(0, n, per_row)]
    if len(rows[-1]) < per_row:
        rows[-1] += [""] * (per_row - len(rows[-1]))
    grid = Table(rows, colWidths=[width / per_row] * per_row)
    grid.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, -1), 2, HexColor("#1a1a1a")),
        ("INNERGRID", (0, 0), (-1, -1), 0.5, HexColor("#c8c8c8")),
        ("BOX", (0, 0), (-1, -1), 0.5, HexColor("#c8c8c8")),
        ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return [KeepTogether([
        Paragraph(xesc(TITLE), st["h2"]),
        Paragraph(f"<b>How they differ:</b> {xesc(hc.difference)}", st["profile"]),
        grid,
    ])]


# --------------------------------------------------------------------------------------------
# PNG
# --------------------------------------------------------------------------------------------


def draw_headline_band(fig: Any, c: Any, top: float, bottom: float, *, left: float = 0.03, right: float = 0.97,
                       size: float = 12.5, min_size: float = 7.0) -> float:
    """Write "Headlines: <how they differ>" between ``top`` and ``bottom`` (figure fractions),
    wrapped to the width and shrunk until its measured box fits; returns the font size used (0
    when there is nothing to draw)."""
    hc: HeadlineComparison | None = getattr(c, "headlines", None)
    if hc is None:
        return 0.0
    line = f"Headlines: {hc.difference}"
    return fit_text(fig, line, left, right, top, bottom, size=size, min_size=min_size)


def fit_text(fig: Any, text: str, left: float, right: float, top: float, bottom: float, *,
             size: float, min_size: float, **kw: Any) -> float:
    """Draw ``text`` wrapped inside the box, at the largest size from ``size`` down to
    ``min_size`` whose rendered extent fits; at the smallest size, whole lines that do not fit
    are left out and the last kept line ends with "…". Returns the size used."""
    renderer = fig.canvas.get_renderer()
    fw, fh = fig.bbox.width, fig.bbox.height
    box_w, box_h = (right - left) * fw, (top - bottom) * fh
    s = size
    while True:
        chars = max(20, int(box_w / (0.56 * s * fig.dpi / 72)))
        lines = textwrap.wrap(text, chars)
        t = fig.text(left, top, "\n".join(lines), fontsize=s, va="top", ha="left", linespacing=1.25, **kw)
        ext = t.get_window_extent(renderer=renderer)
        while ext.width > box_w and chars > 20:  # measured, not guessed: rewrap narrower
            chars = int(chars * 0.95)
            lines = textwrap.wrap(text, chars)
            t.set_text("\n".join(lines))
            ext = t.get_window_extent(renderer=renderer)
        if ext.height <= box_h and ext.width <= box_w:
            return s
        if s - 0.5 < min_size:
            while len(lines) > 1 and ext.height > box_h:
                lines = lines[:-1]
                lines[-1] = lines[-1].rstrip(" ,;") + " …"
                t.set_text("\n".join(lines))
                ext = t.get_window_extent(renderer=renderer)
            return s
        t.remove()
        s -= 0.5


# --------------------------------------------------------------------------------------------
# Terminal
# --------------------------------------------------------------------------------------------


def print_headlines(analyses: Sequence[Any], console: Any) -> None:
    """The headline framing of each article and, for two or more, how they differ."""
    from rich.markup import escape

    if not analyses:
        return
    labels = [chr(ord("A") + i) if i < 26 else f"A{i}" for i in range(len(analyses))]
    if len(analyses) >= 2:
        hc = compare_headlines(analyses, labels)
        heads: Sequence[HeadlineFraming] = hc.headlines
        console.rule("[bold]Headlines side by side")
    else:
        hc = None
        heads = [headline_framing(analyses[0], labels[0])]
    for h, a in zip(heads, analyses, strict=True):
        console.print(f"[bold]{h.label}[/] {escape(h.headline or '(no headline detected)')}  [dim]{escape(a.article.name)}[/]")
        for k, v in facts(h)[0 if h.headline else 1 :]:
            console.print(f"    {escape(k)}: {escape(v)}")
    if hc is not None:
        console.print(f"[bold]How they differ:[/] {escape(hc.difference)}")
