"""Comparison -> PDF with reportlab (text selectable, charts as vector graphics).

Layout is reportlab's platypus with matplotlib's bundled DejaVu fonts registered, so curly quotes
and dashes render. This module builds the document: the page template and its canvas, the
reader's pages (summary, key scores, what each article includes and omits) and the order of
the whole story. Its parts live next to it:

* ``pdf_style``: fonts, paragraph styles and the highlight markup every part shares;
* ``pdf_charts``: the slots kept for the charts and the vector chart pages stamped into them;
* ``pdf_text``: the annotated texts, in columns side by side;
* ``pdf_appendix``: the sentence alignment, the frames, the methodology and the word lists.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape as xesc

from framing.comparison.comparison import Comparison, format_difference, format_value
from framing.report.charts import Chart, ChartSet
from framing.report.headlines import headlines_pdf
from framing.report.pdf_appendix import appendix
from framing.report.pdf_charts import ChartSlotRecord, chart, content_chart, stamp_charts
from framing.report.pdf_style import FONT, fit_text, para, register_fonts, styles
from framing.report.pdf_text import annotated
from framing.report.sides import sides_pdf
from framing.report.style import LINE_DASH, PRINT_LINES

_PRINT_CANVAS: type | None = None  # print_canvas(), made once


# A page whose share of the text height in use is below NEAR_EMPTY is "near empty"; the reader's
# part ending on a page used less than SPILL is worth a tighter layout that may save that page.
NEAR_EMPTY, SPILL = 0.2, 0.35


def render_pdf(c: Comparison, charts: ChartSet, *, paper: str = "a4") -> bytes:
    """The report as PDF: the reader's pages first (summary, headlines, key scores, charts, the
    annotated texts side by side), then, after a page break, the appendix (sentence alignment,
    frames, how each score is computed, the word lists' sources and licences).

    When the reader's part ends with a short spill-over page, it is laid out again with the
    annotated texts set a little tighter (two steps at most), and that layout is kept when it
    saves the page or, at least, leaves no near-empty page. The content charts are drawn once for
    all the layouts, and stamped into the one kept."""
    content = _content_charts(c)
    pdf, layout = _build(c, charts, content, paper=paper, tight=0)
    if layout.main_end_page > 1 and layout.main_end_used < SPILL:
        for tight in (1, 2):
            candidate, tighter = _build(c, charts, content, paper=paper, tight=tight)
            if tighter.main_end_page < layout.main_end_page or (layout.near_empty() and not tighter.near_empty()):
                pdf, layout = candidate, tighter
                break
    return stamp_charts(pdf, layout.slots, c, charts.pdf)


class Layout:
    """Where the reader's part of the report ended: its last page and how much of it is used."""

    def __init__(self) -> None:
        self.main_end_page = 0
        self.main_end_used = 1.0
        self.slots: list[ChartSlotRecord] = []  # where its charts go (``stamp_charts``)

    def near_empty(self) -> bool:
        return self.main_end_page > 1 and self.main_end_used < NEAR_EMPTY


def _content_charts(c: Comparison) -> tuple[dict[str, Chart], bytes | None]:
    """The content charts (framing.report.content) by key, and the vector PDF that holds them
    (a page each); none without a content comparison."""
    if c.content is None:
        return {}, None
    from framing.report import content as ct

    meta, content_pdf = ct.content_chart_pdf(c)
    return {key: Chart(key, title, caption, None, page, w, h) for key, title, caption, page, w, h in meta}, content_pdf


def _build(c: Comparison, charts: ChartSet, content: tuple[dict[str, Chart], bytes | None], *, paper: str,
           tight: int) -> tuple[bytes, Layout]:
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    pagesize = LETTER if paper.lower() == "letter" else A4
    buf = io.BytesIO()
    author = "framing " + c.version
    doc = SimpleDocTemplate(
        buf, pagesize=pagesize, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=14 * mm, bottomMargin=16 * mm,
        title=c.title, author=author, creator=author, subject="Compared: " + " / ".join(a.title for a in c.articles),
        keywords=["framing", "news", "comparison"],
    )
    st = styles(tight)
    layout = Layout()
    story = _story(c, charts.charts, content, st, doc.width, layout.slots, layout, doc.height)
    doc.build(story, onFirstPage=_footer(c), onLaterPages=_footer(c), canvasmaker=print_canvas())
    return buf.getvalue(), layout


def print_canvas() -> type:
    """reportlab's canvas, drawing the dotted, dashed and wavy underlines of ``style.HIGHLIGHTS``.

    reportlab's paragraph underline has a colour, a width, an offset and a count (single, double),
    but no dash pattern. Each of those underlines has a colour used for nothing else
    (``style.PRINT_LINES``): when a line is stroked in it, the canvas sets its dash pattern, or
    draws the line as a wave."""
    from reportlab.pdfgen.canvas import Canvas

    global _PRINT_CANVAS
    if _PRINT_CANVAS is not None:
        return _PRINT_CANVAS

    class PrintCanvas(Canvas):  # type: ignore[misc]
        STATE_ATTRIBUTES = [*Canvas.STATE_ATTRIBUTES, "_framing_line"]  # saved and restored with q/Q

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self._framing_line: str | None = None
            super().__init__(*args, **kwargs)

        def setStrokeColor(self, aColor: Any, alpha: Any = None) -> None:  # noqa: N802 - reportlab's name
            super().setStrokeColor(aColor, alpha)
            line = PRINT_LINES.get(_hex(aColor))
            if line != self._framing_line:
                dash = LINE_DASH.get(line) if line else None
                self.setDash(list(dash) if dash else [], 0)
                self._framing_line = line

        def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
            if self._framing_line != "wavy" or y1 != y2 or x2 <= x1:
                super().line(x1, y1, x2, y2)
                return
            path = self.beginPath()
            path.moveTo(x1, y1)
            half, amp, x, up = 1.6, 0.75, x1, True
            while x < x2:
                step = min(half, x2 - x)
                dy = amp if up else -amp
                path.curveTo(x + step / 3, y1 + dy, x + 2 * step / 3, y1 + dy, x + step, y1)
                x += step
                up = not up
            self.drawPath(path, stroke=1, fill=0)

    _PRINT_CANVAS = PrintCanvas
    return PrintCanvas


def _hex(colour: Any) -> str:
    try:
        r, g, b = colour.rgb()
    except AttributeError:
        return ""
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def _footer(c: Comparison) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setFillGray(0.35)
        page = f"page {doc.page}"
        room = doc.pagesize[0] - doc.leftMargin - doc.rightMargin - stringWidth(page, FONT, 7) - 12
        tail = f" · framing {c.version} · the scores describe framing, not truth"
        canvas.drawString(doc.leftMargin, 9 * 2.835, fit_text(c.title, room - stringWidth(tail, FONT, 7), FONT, 7) + tail)
        canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, 9 * 2.835, page)
        canvas.restoreState()

    return draw


def _story(c: Comparison, charts: Sequence[Chart], content: tuple[dict[str, Chart], bytes | None], st: dict[str, Any],
           width: float, slots: list[ChartSlotRecord], layout: Layout, height: float) -> list[Any]:
    from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak

    story: list[Any] = [
        para(xesc(c.title), st["title"]),
        para(f"{len(c.articles)} articles compared with framing {xesc(c.version)}. Every number counts highlighted "
           "words or sentences in the annotated texts; the appendix says how each is computed, and comparison.json "
           "holds the full data.", st["lede"]),
    ]
    story += headlines_pdf(c, st, width)
    story += _summary(c, st, width)
    by_key = {ch.key: ch for ch in charts}
    first = [by_key[k] for k in ("timeline", "composition") if k in by_key]
    rest = [ch for ch in charts if ch.key not in ("timeline", "composition")]
    for ch in first:
        story.append(KeepTogether(chart(ch, st, width, slots)))
    story += _scores(c, st, width)
    sources = by_key.get("sources")
    story += sides_pdf(c, st, width, [KeepTogether(chart(sources, st, width, slots))] if sources else [])
    rest = [ch for ch in rest if ch.key != "sources"]
    for k, ch in enumerate(rest):  # the section heading kept with the first chart
        story.append(KeepTogether(([para("Charts", st["h2"])] if k == 0 else []) + chart(ch, st, width, slots)))
    content_charts, content_pdf = content
    if c.content is not None:
        story += _content(c, st, width, slots, content_charts, content_pdf)
    story.append(CondPageBreak(height * 0.3))
    story += annotated(c, st, width)
    story.append(_end_marker(layout, height))
    story.append(PageBreak())
    story += appendix(c, st, width, slots, content_charts, content_pdf)
    return story


def _end_marker(layout: Layout, height: float) -> Any:
    """Records the page the reader's part ends on and how much of that page it fills."""
    from reportlab.platypus import Flowable

    class EndMarker(Flowable):
        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            self._room = ah
            return 0, 0

        def draw(self) -> None:
            layout.main_end_page = self.canv.getPageNumber()
            layout.main_end_used = max(0.0, 1 - self._room / height)

    return EndMarker()


def _summary(c: Comparison, st: dict[str, Any], width: float) -> list[Any]:

    from framing.report.html import key_figures

    cells = []
    for i, a in enumerate(c.articles):
        byline = f"by {xesc(a.byline)}" if a.byline else "no byline detected"
        figs = "<br/>".join(f"<b>{xesc(n)}</b> {xesc(t)}" for n, t in key_figures(c, i))
        cells.append([
            para(f'<font backColor="#1a1a1a" color="#ffffff"><b> {a.label} </b></font> {xesc(a.title)}', st["card_h"]),
            para(f"{byline} · {a.body_words} words, {a.sentences} sentences", st["small"]),
            *_fetched_from(c.analyses[i].article, st),
            para(xesc(a.profile), st["profile"]),
            para(figs, st["cell"]),
        ])
    return [para("Summary", st["h2"]), card_grid(cells, width)]


def _fetched_from(article: Any, st: dict[str, Any]) -> list[Any]:
    """A card's line naming the URL a fetched article came from and when; none for a file."""
    if not (article.fetched and article.url):
        return []
    from framing.web.pages import fetched_text

    return [para(f"{xesc(article.url)}, fetched {xesc(fetched_text(article.fetched))}", st["small"])]


def _scores(c: Comparison, st: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    from framing.report.html import _is_big

    two = len(c.articles) == 2
    head = ["Score", *[a.label for a in c.articles], f"{c.articles[-1].label} − {c.articles[0].label}" if two else "Spread"]
    data = [[para(f"<b>{xesc(h)}</b>", st["cell"] if i == 0 else st["cellr"]) for i, h in enumerate(head)]]
    shade = []
    for r_i, r in enumerate(c.rows, start=1):
        d = r.difference if two else r.spread
        if d is not None and _is_big(r, d):
            shade.append(("BACKGROUND", (-1, r_i), (-1, r_i), HexColor("#fff3cd")))
        indent = "\u00a0\u00a0\u00a0" if r.label.startswith(" ") else ""
        data.append([
            para(indent + xesc(r.label.strip()), st["cell"]),
            *[para(xesc(format_value(v, r.how)), st["cellr"]) for v in r.values],
            para(f"<b>{xesc(format_difference(d, r.how))}</b>", st["cellr"]),
        ])
    n = len(c.articles)
    num_w = min(58, (width * 0.45) / (n + 1))
    t = Table(data, colWidths=[width - num_w * (n + 1)] + [num_w] * (n + 1), repeatRows=1)
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, HexColor("#1a1a1a")),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, HexColor("#c8c8c8")),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        *shade,
    ]))
    return [para("Key scores side by side", st["h2"]),
            para("Shaded: the largest differences. Every count is a set of highlighted spans in the annotated texts; "
               "the appendix says what each score counts.", st["small"]),
            t]


def _content(c: Comparison, st: dict[str, Any], width: float, slots: list[ChartSlotRecord],
             charts: dict[str, Chart], chart_pdf: Any) -> list[Any]:
    """What each article includes and omits: only-here lists, distinctive words and similarity
    (the sentence alignment and the frames are in the appendix)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

    st = {**st, "oh": ParagraphStyle("oh", st["cell"], spaceBefore=2.5)}
    out: list[Any] = [
        CondPageBreak(200),
        KeepTogether([  # the heading never stands alone at the foot of a page
            para("What each article includes and omits", st["h2"]),
            para("Framing is also selection. Each list names what one article mentions and the others never mention in "
               "any form (names, places and figures are found by rules: check them against the annotated texts).",
               st["small"]),
            Spacer(1, 6),
            card_grid([_only_here_card(c, i, st) for i in range(len(c.articles))], width),
        ]),
    ]
    out += content_chart(charts.get("distinctive_terms"), chart_pdf, st, width, slots)
    out += _similarity_block(c, st)
    return out


def _only_here_card(c: Comparison, i: int, st: dict[str, Any]) -> list[Any]:
    """One article's card: what it alone mentions, and how many of its sentences no other has."""
    from framing.report import content as ct

    art = c.articles[i]
    other = ct.others_text(c, i)
    paras = [para(f'<font backColor="#1a1a1a" color="#ffffff"><b> {art.label} </b></font> '
                f"<b>Only in {art.label}</b> <font color='#4d4d4d'>(not in {xesc(other)})</font>", st["card_h"]),
             para(xesc(art.title), st["small"])]
    for _kind, heading, items in ct.only_here(c, i):
        listed = ", ".join(xesc(it.text) + (f" <font size=7 color='#4d4d4d'>{xesc(it.note)}</font>" if it.note else "") for it in items)
        paras.append(para(f"<b>{xesc(heading)}:</b> {listed}", st["oh"]))
    sents = ct.only_here_sentences(c, i)
    total = len(c.content.alignment[i]) if c.content is not None and i < len(c.content.alignment) else 0
    if sents:
        refs = ", ".join(f"{art.label}{s.index + 1}" for s in sents) + "; " if len(sents) <= 8 else ""
        paras.append(para(f"<b>Sentences:</b> {len(sents)} of {total} say something {xesc(other)} does not"
                        f"{' (' + refs.rstrip('; ') + ', numbered in the annotated texts)' if refs else ''}.", st["oh"]))
    if len(paras) == 2:
        paras.append(para(f"Nothing that {xesc(other)} leaves out.", st["cell"]))
    return paras


def _similarity_block(c: Comparison, st: dict[str, Any]) -> list[Any]:
    """Overall similarity: one sentence for two articles, a matrix for more."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    from framing.report import content as ct

    n = len(c.articles)
    out: list[Any] = [para("Overall similarity", st["h3"])]
    if n == 2:
        out.append(para(xesc(ct.similarity_sentence(c)), st["cell"]))
    elif c.content is not None:
        labs = ct.labels(c)
        data = [[""] + [para(f"<b>{lab}</b>", st["cellr"]) for lab in labs]]
        for r, row in enumerate(c.content.similarity):
            data.append([para(f"<b>{labs[r]}</b>", st["cell"])] + [para("" if r == k else f"{v:.2f}", st["cellr"]) for k, v in enumerate(row)])
        sim = Table(data, colWidths=[30] + [40] * n, hAlign="LEFT")
        sim.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, HexColor("#c8c8c8"))]))
        out += [para("Cosine similarity of the articles' TF-IDF vectors, from 0 (no content words in common) to 1 "
                   "(the same words in the same proportions).", st["cell"]), sim]
    return out


def card_grid(cells: list[Any], width: float) -> Any:
    """Article cards in a grid: one row for up to three articles, two per row beyond."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    n = len(cells)
    per_row = n if n <= 3 else 2
    rows = [cells[k : k + per_row] for k in range(0, n, per_row)]
    if len(rows[-1]) < per_row:
        rows[-1] += [""] * (per_row - len(rows[-1]))
    t = Table(rows, colWidths=[width / per_row] * per_row)
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, -1), 3, HexColor("#1a1a1a")),
        ("BOX", (0, 0), (-1, -1), 0.5, HexColor("#c8c8c8")),
        ("INNERGRID", (0, 0), (-1, -1), 0.5, HexColor("#c8c8c8")),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return t


