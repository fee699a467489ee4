"""Comparison -> PDF with reportlab (text selectable, charts as vector graphics).

Layout is reportlab's platypus with matplotlib's bundled DejaVu fonts registered, so curly quotes
and dashes render. Charts: matplotlib draws each chart as a one-page vector PDF; the layout keeps
an empty slot of the chart's size (``ChartSlot`` records where it landed) and, after the build,
pypdf stamps each chart page into its slot (``PageObject.merge_transformed_page``). The charts stay
vector (paths and TrueType text), nothing is rasterised, and no SVG converter is needed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xesc

from framing.compare.comparison import Comparison, format_difference, format_value
from framing.report import annotate, methodology
from framing.report.charts import Chart, ChartSet
from framing.report.headlines import headlines_pdf
from framing.report.sides import sides_pdf
from framing.rules import KINDS

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_SERIF = "DejaVuSerif"

# How each highlight kind opens in reportlab's paragraph markup (closing tags are derived).
KIND_TAGS: dict[str, list[tuple[str, str]]] = {
    "quote": [("span", 'backColor="#d4e4f7"')],
    "attributed": [("span", 'backColor="#e9f2fb"'), ("u", 'color="#2f6db5" width="0.5" offset="-1.5"')],
    "cue": [("b", ""), ("font", 'color="#1d5a2c"')],
    "cue-loaded": [("b", ""), ("font", 'color="#b3261e"'), ("u", 'color="#b3261e" width="1.2"')],
    "source": [("b", ""), ("font", 'color="#14365e"')],
    "evaluative": [("span", 'backColor="#fbd38d"')],
    "hedge": [("span", 'backColor="#eeeeee"'), ("i", "")],
    "weak-cue": [("u", 'color="#a86500" width="0.5" offset="-1.5"')],
    "factual": [("u", 'color="#555555" width="0.5" offset="-1.5"')],
    "first-person": [("span", 'backColor="#e3c6ef"'), ("b", ""), ("font", 'color="#4b1158"')],
    "sentence-sourced": [],
    "sentence-evaluative": [("u", 'color="#a86500" width="0.8" offset="-2"')],
    "sentence-first-person": [("span", 'backColor="#f4e8f8"'), ("u", 'color="#4b1158" width="1.2" offset="-2"')],
}
KIND_PRIORITY = (
    "sentence-sourced", "sentence-evaluative", "sentence-first-person", "attributed", "quote",
    "source", "cue", "cue-loaded", "hedge", "weak-cue", "factual", "evaluative", "first-person",
)


def register_fonts() -> None:
    import matplotlib
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    for name, file in (
        (FONT, "DejaVuSans.ttf"),
        (FONT_BOLD, "DejaVuSans-Bold.ttf"),
        (FONT_SERIF, "DejaVuSerif.ttf"),
        ("DejaVuSerif-Bold", "DejaVuSerif-Bold.ttf"),
        ("DejaVuSerif-Italic", "DejaVuSerif-Italic.ttf"),
        ("DejaVuSerif-BoldItalic", "DejaVuSerif-BoldItalic.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(ttf / file)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)  # the sans face sets no article text: no italics needed
    addMapping(FONT, 1, 1, FONT_BOLD)
    addMapping(FONT_SERIF, 0, 0, FONT_SERIF)
    addMapping(FONT_SERIF, 1, 0, "DejaVuSerif-Bold")
    addMapping(FONT_SERIF, 0, 1, "DejaVuSerif-Italic")
    addMapping(FONT_SERIF, 1, 1, "DejaVuSerif-BoldItalic")


def _styles() -> dict[str, Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=12.5, textColor=HexColor("#1a1a1a"))
    return {
        "base": base,
        "title": ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=18, leading=22, spaceAfter=4),
        "lede": ParagraphStyle("lede", base, textColor=HexColor("#4d4d4d"), spaceAfter=8),
        "h2": ParagraphStyle("h2", base, fontName=FONT_BOLD, fontSize=13, leading=16, spaceBefore=12, spaceAfter=6),
        "h3": ParagraphStyle("h3", base, fontName=FONT_BOLD, fontSize=10.5, leading=13, spaceBefore=8, spaceAfter=3),
        "card_h": ParagraphStyle("card_h", base, fontName=FONT_BOLD, fontSize=10.5, leading=13),
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=9.5, textColor=HexColor("#4d4d4d")),
        "profile": ParagraphStyle("profile", base, fontSize=9.5, leading=13),
        "cell": ParagraphStyle("cell", base, fontSize=8.5, leading=10.5),
        "cellr": ParagraphStyle("cellr", base, fontSize=8.5, leading=10.5, alignment=2),
        "text": ParagraphStyle("text", base, fontName=FONT_SERIF, fontSize=8.5, leading=12.5, spaceAfter=5),
        "text_h": ParagraphStyle("text_h", base, fontName=FONT_BOLD, fontSize=9.5, leading=12),
        "caption": ParagraphStyle("caption", base, fontSize=8, leading=10.5, textColor=HexColor("#4d4d4d"), spaceAfter=10),
        "caution": ParagraphStyle("caution", base, fontName=FONT_BOLD, borderColor=HexColor("#b3261e"), borderWidth=0,
                                  backColor=HexColor("#fbeeee"), borderPadding=5, spaceBefore=4, spaceAfter=10),
    }


def render_pdf(c: Comparison, charts: ChartSet, *, paper: str = "a4") -> bytes:
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
    st = _styles()
    slots: list[ChartSlotRecord] = []
    story = _story(c, charts.charts, st, doc.width, slots)
    doc.build(story, onFirstPage=_footer(c), onLaterPages=_footer(c))
    return _stamp_charts(buf.getvalue(), slots, c, charts.pdf)


class ChartSlotRecord:
    def __init__(self, chart: Chart, width: float, height: float, source: bytes | None = None) -> None:
        self.chart, self.width, self.height = chart, width, height
        self.source = source  # the PDF holding the chart's page when not the report's ChartSet.pdf
        self.page = 0
        self.x = self.y = 0.0


def _chart_slot(record: ChartSlotRecord) -> Any:
    from reportlab.platypus import Flowable

    class ChartSlot(Flowable):
        """Keeps room for a chart and records where it was drawn (filled in by pypdf later)."""

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            return record.width, record.height

        def draw(self) -> None:
            record.page = self.canv.getPageNumber()
            record.x, record.y = self.canv.absolutePosition(0, 0)

    return ChartSlot()


def _stamp_charts(pdf: bytes, slots: Sequence[ChartSlotRecord], c: Comparison, charts_pdf: bytes | None) -> bytes:
    """Place each chart page of ``charts_pdf`` in its slot as a form XObject (vector, untouched)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
    )

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    main = PdfReader(io.BytesIO(charts_pdf)) if charts_pdf else None
    readers: dict[int, Any] = {}
    for n, s in enumerate(slots):
        source = main
        if s.source is not None:  # the content charts come in a PDF of their own
            source = readers.setdefault(id(s.source), PdfReader(io.BytesIO(s.source)))
        if not s.page or source is None or s.chart.pdf_page is None:
            continue
        chart_page = source.pages[s.chart.pdf_page]
        box = [float(v) for v in chart_page.mediabox]
        chart_contents = chart_page.get_contents()
        assert chart_contents is not None, "a chart page always has a content stream"
        chart_resources = chart_page["/Resources"].get_object()
        assert isinstance(chart_resources, DictionaryObject)  # /Resources is a dictionary (PDF spec)
        form = DecodedStreamObject()
        form.set_data(chart_contents.get_data())
        form[NameObject("/Type")] = NameObject("/XObject")
        form[NameObject("/Subtype")] = NameObject("/Form")
        form[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in box)
        form[NameObject("/Resources")] = chart_resources.clone(writer)
        ref = writer._add_object(form)
        page = writer.pages[s.page - 1]
        resources = page["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject)
        if "/XObject" not in resources:
            resources[NameObject("/XObject")] = DictionaryObject()
        name = f"/FramingContent{n}" if s.source is not None else f"/FramingChart{n}"
        xobjects = resources["/XObject"].get_object()
        assert isinstance(xobjects, DictionaryObject)  # /XObject is a dictionary (PDF spec)
        xobjects[NameObject(name)] = ref
        scale = s.width / (box[2] - box[0])
        draw = DecodedStreamObject()
        draw.set_data(f"q {scale:.5f} 0 0 {scale:.5f} {s.x:.3f} {s.y:.3f} cm {name} Do Q".encode("ascii"))
        contents = page["/Contents"]
        contents_obj = contents.get_object()
        parts = list(contents_obj) if isinstance(contents_obj, ArrayObject) else [contents]
        page[NameObject("/Contents")] = ArrayObject([*parts, writer._add_object(draw)])
    writer.add_metadata({"/Title": c.title, "/Author": "framing " + c.version, "/Creator": "framing " + c.version,
                         "/Subject": "Compared: " + " / ".join(a.title for a in c.articles)})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _footer(c: Comparison) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setFillGray(0.35)
        text = f"{c.title} · framing {c.version} · the scores describe framing, not truth"
        canvas.drawString(doc.leftMargin, 9 * 2.835, text[:150])
        canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, 9 * 2.835, f"page {doc.page}")
        canvas.restoreState()

    return draw


def _p(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(text, style)


def _story(c: Comparison, charts: Sequence[Chart], st: dict[str, Any], width: float, slots: list[ChartSlotRecord]) -> list[Any]:
    from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer

    story: list[Any] = [
        _p(xesc(c.title), st["title"]),
        _p(f"{len(c.articles)} articles compared with framing {xesc(c.version)}. Highlights in the annotated "
           "texts are the evidence behind every number; comparison.json holds the full data.", st["lede"]),
    ]
    story += headlines_pdf(c, st, width)
    story += _summary(c, st, width)
    by_key = {ch.key: ch for ch in charts}
    first = [by_key[k] for k in ("timeline", "composition") if k in by_key]
    rest = [ch for ch in charts if ch.key not in ("timeline", "composition")]
    for ch in first:
        story.append(KeepTogether(_chart(ch, st, width, slots)))
    story.append(CondPageBreak(200))
    story += _scores(c, st, width)
    story += sides_pdf(c, st, width)
    if rest:
        story.append(_p("Charts", st["h2"]))
    for ch in rest:
        story.append(KeepTogether(_chart(ch, st, width, slots)))
    if c.content is not None:
        story += _content(c, st, width, slots)
    story.append(PageBreak())
    story += _annotated(c, st, width)
    story.append(Spacer(1, 6))
    story += _methodology(c, st)
    return story


def _chart(ch: Chart, st: dict[str, Any], width: float, slots: list[ChartSlotRecord]) -> list[Any]:
    if ch.pdf_page is None:
        return []
    w = min(width, ch.width_in * 72)
    rec = ChartSlotRecord(ch, w, ch.height_in * 72 * w / (ch.width_in * 72))
    slots.append(rec)
    return [_p(xesc(ch.title), st["h3"]), _chart_slot(rec), _p(xesc(ch.caption), st["caption"])]


def _summary(c: Comparison, st: dict[str, Any], width: float) -> list[Any]:

    from framing.report.html import key_figures

    cells = []
    for i, a in enumerate(c.articles):
        byline = f"by {xesc(a.byline)}" if a.byline else "no byline detected"
        figs = "<br/>".join(f"<b>{xesc(n)}</b> {xesc(t)}" for n, t in key_figures(c, i))
        cells.append([
            _p(f'<font backColor="#1a1a1a" color="#ffffff"><b> {a.label} </b></font> {xesc(a.title)}', st["card_h"]),
            _p(f"{byline} · {a.body_words} words, {a.sentences} sentences", st["small"]),
            _p(xesc(a.profile), st["profile"]),
            _p(figs, st["cell"]),
        ])
    return [_p("Summary", st["h2"]), card_grid(cells, width)]


def _scores(c: Comparison, st: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    from framing.report.html import _is_big

    two = len(c.articles) == 2
    head = ["Score", *[a.label for a in c.articles], f"{c.articles[-1].label} − {c.articles[0].label}" if two else "Spread"]
    data = [[_p(f"<b>{xesc(h)}</b>", st["cell"] if i == 0 else st["cellr"]) for i, h in enumerate(head)]]
    shade = []
    for r_i, r in enumerate(c.rows, start=1):
        d = r.difference if two else r.spread
        if d is not None and _is_big(r, d):
            shade.append(("BACKGROUND", (-1, r_i), (-1, r_i), HexColor("#fff3cd")))
        data.append([
            _p(f"{xesc(r.label.strip())}<br/><font size=6.5 color='#4d4d4d'>{xesc(r.description)}</font>", st["cell"]),
            *[_p(xesc(format_value(v, r.how)), st["cellr"]) for v in r.values],
            _p(f"<b>{xesc(format_difference(d, r.how))}</b>", st["cellr"]),
        ])
    n = len(c.articles)
    num_w = min(52, (width * 0.4) / (n + 1))
    t = Table(data, colWidths=[width - num_w * (n + 1)] + [num_w] * (n + 1), repeatRows=1)
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, HexColor("#1a1a1a")),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, HexColor("#c8c8c8")),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *shade,
    ]))
    return [_p("Key scores side by side", st["h2"]),
            _p("Shaded: the largest differences. Every count is a set of highlighted spans in the annotated texts.", st["small"]),
            t]


def _content(c: Comparison, st: dict[str, Any], width: float, slots: list[ChartSlotRecord]) -> list[Any]:
    """What each article includes and omits: only-here lists, distinctive words, similarity,
    sentence alignment (the first PDF_ALIGN_ROWS sentences of each article) and frames."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import CondPageBreak, Spacer

    from framing.report import content as ct

    st = {**st, "oh": ParagraphStyle("oh", st["cell"], spaceBefore=2.5)}
    meta, chart_pdf = ct.content_chart_pdf(c)
    charts = {key: Chart(key, title, caption, None, page, w, h) for key, title, caption, page, w, h in meta}

    def chart(key: str) -> list[Any]:
        return _content_chart(charts.get(key), chart_pdf, st, width, slots)

    out: list[Any] = [
        CondPageBreak(220),
        _p("What each article includes and omits", st["h2"]),
        _p("Framing is also selection. Each list names what one article mentions and the others never mention in any "
           "form (names, places and figures are found by rules: check them against the annotated texts).", st["small"]),
        Spacer(1, 6),
        card_grid([_only_here_card(c, i, st) for i in range(len(c.articles))], width),
    ]
    out += chart("distinctive_terms")
    out += _similarity_block(c, st)
    out += _alignment_block(c, st, width)
    out += chart("frames")
    out += _frames_table(c, st, width)
    return out


def _content_chart(ch: Chart | None, chart_pdf: Any, st: dict[str, Any], width: float, slots: list[ChartSlotRecord]) -> list[Any]:
    """A content chart with its title and caption, its slot recorded for stamping."""
    from reportlab.platypus import KeepTogether

    if ch is None or chart_pdf is None:
        return []
    w = min(width, ch.width_in * 72)
    rec = ChartSlotRecord(ch, w, ch.height_in * 72 * w / (ch.width_in * 72), source=chart_pdf)
    slots.append(rec)
    return [KeepTogether([_p(xesc(ch.title), st["h3"]), _chart_slot(rec), _p(xesc(ch.caption), st["caption"])])]


def _only_here_card(c: Comparison, i: int, st: dict[str, Any]) -> list[Any]:
    """One article's card: what it alone mentions, and how many of its sentences no other has."""
    from framing.report import content as ct

    art = c.articles[i]
    other = ct.others_text(c, i)
    paras = [_p(f'<font backColor="#1a1a1a" color="#ffffff"><b> {art.label} </b></font> '
                f"<b>Only in {art.label}</b> <font color='#4d4d4d'>(not in {xesc(other)})</font>", st["card_h"]),
             _p(xesc(art.title), st["small"])]
    for _kind, heading, items in ct.only_here(c, i):
        listed = ", ".join(xesc(it.text) + (f" <font size=7 color='#4d4d4d'>{xesc(it.note)}</font>" if it.note else "") for it in items)
        paras.append(_p(f"<b>{xesc(heading)}:</b> {listed}", st["oh"]))
    sents = ct.only_here_sentences(c, i)
    total = len(c.content.alignment[i]) if c.content is not None and i < len(c.content.alignment) else 0
    if sents:
        refs = ", ".join(f"{art.label}{s.index + 1}" for s in sents) + "; " if len(sents) <= 8 else ""
        paras.append(_p(f"<b>Sentences:</b> {len(sents)} of {total} say something {xesc(other)} does not ({refs}"
                        "marked in the table below).", st["oh"]))
    if len(paras) == 2:
        paras.append(_p(f"Nothing that {xesc(other)} leaves out.", st["cell"]))
    return paras


def _similarity_block(c: Comparison, st: dict[str, Any]) -> list[Any]:
    """Overall similarity: one sentence for two articles, a matrix for more."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    from framing.report import content as ct

    n = len(c.articles)
    out: list[Any] = [_p("Overall similarity", st["h3"])]
    if n == 2:
        out.append(_p(xesc(ct.similarity_sentence(c)), st["cell"]))
    elif c.content is not None:
        labs = ct.labels(c)
        data = [[""] + [_p(f"<b>{lab}</b>", st["cellr"]) for lab in labs]]
        for r, row in enumerate(c.content.similarity):
            data.append([_p(f"<b>{labs[r]}</b>", st["cell"])] + [_p("" if r == k else f"{v:.2f}", st["cellr"]) for k, v in enumerate(row)])
        sim = Table(data, colWidths=[30] + [40] * n, hAlign="LEFT")
        sim.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, HexColor("#c8c8c8"))]))
        out += [_p("Cosine similarity of the articles' TF-IDF vectors, from 0 (no content words in common) to 1 "
                   "(the same words in the same proportions).", st["cell"]), sim]
    return out


def _alignment_block(c: Comparison, st: dict[str, Any], width: float) -> list[Any]:
    """Sentence by sentence: the first PDF_ALIGN_ROWS sentences of each article and their matches."""
    from reportlab.platypus import CondPageBreak

    from framing.compare.alignment import REWORDED, SHARED
    from framing.report import content as ct

    rows_max = ct.PDF_ALIGN_ROWS
    out: list[Any] = [CondPageBreak(160), _p("Sentence by sentence: what matches across the articles", st["h3"])]
    out.append(_p(f"{ct.STATUS_MARK['shared']} <b>shared</b>: similarity {SHARED:.2f} or more (the same sentence or lightly "
                  f"edited) · {ct.STATUS_MARK['reworded']} <b>reworded</b>: {REWORDED:.2f}–{SHARED:.2f} (the same content "
                  f"in other words) · {ct.STATUS_MARK['unique']} <b>no match</b>: below {REWORDED:.2f}. The first "
                  f"{rows_max} sentences of each article; report.html and comparison.json list every one.",
                  st["small"]))
    for i, art in enumerate(c.articles):
        rows_ = ct.alignment_rows(c, i)
        counts = ct.status_counts(rows_)
        out.append(_p(f"<b>{art.label}</b>: {len(rows_)} sentences: {counts['shared']} shared, {counts['reworded']} reworded, "
                      f"<b>{counts['unique']} with no match</b> in {xesc(ct.others_text(c, i))}", st["cell"]))
        out.append(_alignment_table(c, i, rows_[:rows_max], st, width))
        if len(rows_) > rows_max:
            out.append(_p(f"… {len(rows_) - rows_max} more sentences of {art.label} in report.html.", st["small"]))
    return out


def _frames_table(c: Comparison, st: dict[str, Any], width: float) -> list[Any]:
    """Generic news frames: per article, cue hits per 100 words and the cues found."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    from framing.report import content as ct

    frows = ct.frame_rows(c)
    if not frows:
        return []
    n = len(c.articles)
    labs = ct.labels(c)
    data = [[_p("<b>Frame</b>", st["cell"])] + [_p(f"<b>{lab}</b>", st["cell"]) for lab in labs]]
    for frame, cells in frows:
        data.append([_p(xesc(frame), st["cell"])] + [
            _p(f"<b>{score:.1f}</b> per 100 words · {hits} cue{'s' if hits != 1 else ''}"
               + (f"<br/><font size=7 color='#4d4d4d'>{xesc(ct.cue_text(cues, hits))}</font>" if cues else ""), st["cell"])
            for score, hits, cues in cells
        ])
    first = min(110, width * 0.25)
    ft = Table(data, colWidths=[first] + [(width - first) / n] * n, repeatRows=1)
    ft.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.4, HexColor("#c8c8c8")),
                            ("LINEBELOW", (0, 0), (-1, 0), 1.2, HexColor("#1a1a1a"))]))
    return [ft]


def _alignment_table(c: Comparison, i: int, rows: Sequence[Any], st: dict[str, Any], width: float) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    from framing.report import content as ct

    label = c.articles[i].label
    two = len(c.articles) == 2
    others = [a.label for k, a in enumerate(c.articles) if k != i]

    def status(m: Any) -> str:
        word = ct.STATUS_TEXT.get(m.status, m.status)
        ref = f" {m.label}{m.sentence + 1}" if m.sentence is not None and m.status != "unique" else ""
        word = xesc(word).replace(" ", "\u00a0")
        return (f"{ct.STATUS_MARK.get(m.status, '')}\u00a0<b>{word}</b>{ref}"
                f"<br/><font size=6.5 color='#4d4d4d'>similarity {m.similarity:.2f}</font>")

    if two:
        head = [f"<b>{label}</b>", f"<b>Sentence in {label}</b>", f"<b>In {others[0]}</b>", f"<b>Closest sentence in {others[0]}</b>"]
        widths = [30, width * 0.46, 74]
        widths.append(width - sum(widths))
    else:
        head = [f"<b>{label}</b>", "<b>Sentence</b>", *[f"<b>In {o}</b>" for o in others]]
        cw = 74
        widths = [30, width - 30 - cw * len(others)] + [cw] * len(others)
    data = [[_p(h, st["cell"]) for h in head]]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 1.0, HexColor("#1a1a1a")),
             ("LINEBELOW", (0, 1), (-1, -1), 0.3, HexColor("#c8c8c8")),
             ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    for r_i, r in enumerate(rows, start=1):
        row = [_p(f"<b>{label}{r.index + 1}</b>", st["cell"]), _p(xesc(clip(r.text)), st["cell"])]
        for m in r.matches:
            row.append(_p(status(m), st["cell"]))
            if two:
                row.append(_p(xesc(clip(m.text)) if m.status != "unique" and m.text else "—", st["cell"]))
        data.append(row)
        if r.status == "unique":
            style.append(("BACKGROUND", (1, r_i), (1, r_i), HexColor("#fbf3e9")))
        elif r.status == "shared":
            style.append(("LINEBEFORE", (0, r_i), (0, r_i), 3, HexColor("#14365e")))
        else:
            style.append(("LINEBEFORE", (0, r_i), (0, r_i), 3, HexColor("#8c8c8c")))
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle(style))
    return t


def paragraph_markup(text: str, lo: int, hi: int, marks: Sequence[Any] | annotate.Overlaps, started: set[str]) -> str:
    """reportlab markup for text[lo:hi] with every evidence span styled (nesting kept)."""
    out: list[str] = []
    stack: list[list[str]] = []
    for ev in annotate.events(text, lo, hi, marks, started):
        if isinstance(ev, str):
            out.append(xesc(ev).replace("\n", "<br/>"))
        elif isinstance(ev, annotate.Open):
            tags = [t for k in sorted(ev.mark.kinds, key=KIND_PRIORITY.index) for t in KIND_TAGS[k]]
            out.append("".join(f"<{name}{' ' + attrs if attrs else ''}>" for name, attrs in tags))
            stack.append([name for name, _ in tags])
        else:
            names = stack.pop()
            out.append("".join(f"</{name}>" for name in reversed(names)))
    return "".join(out)


def _legend(st: dict[str, Any], width: float) -> Any:
    """Each drawn highlight kind, styled as in the texts, beside what it means (``framing.rules``)."""
    from reportlab.platypus import Table, TableStyle

    rows = []
    for k in KINDS:
        tags = KIND_TAGS[k.name]
        if not tags:  # drawn as nothing in the PDF (sentences with a source)
            continue
        open_ = "".join(f"<{n}{' ' + a if a else ''}>" for n, a in tags)
        close = "".join(f"</{n}>" for n, _ in reversed(tags))
        rows.append([_p(f"{open_}{xesc(k.label)}{close}", st["cell"]), _p(xesc(k.explanation), st["cell"])])
    t = Table(rows, colWidths=[width * 0.37, width * 0.63])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                           ("TOPPADDING", (0, 0), (-1, -1), 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)]))
    return t


def _annotated(c: Comparison, st: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    out: list[Any] = [
        _p("The texts, annotated", st["h2"]),
        _p("Every highlight is evidence counted in a score (the HTML report explains each one on hover "
           "or focus). Sentences are underlined when the whole sentence counts.", st["small"]),
        _legend(st, width),
    ]
    columns = []
    for a, s in zip(c.analyses, c.articles, strict=True):
        started: set[str] = set()
        paras = []
        marks = annotate.Overlaps(s.highlights)
        for role, lo, hi in annotate.regions(a):
            markup = paragraph_markup(a.text, lo, hi, marks, started)
            if role == "headline":
                paras.append(_p(f'<font backColor="#1a1a1a" color="#ffffff"><b> {s.label} </b></font> {markup}', st["text_h"]))
            elif role == "byline":
                paras.append(_p(markup, st["small"]))
            else:
                paras.append(_p(markup, st["text"]))
        if not a.article.headline:
            paras.insert(0, _p(f"<b>{s.label}</b> {xesc(s.title)}", st["text_h"]))
        columns.append(paras)
    n = len(columns)
    if n <= 3:
        depth = max(len(col) for col in columns)
        rows = [[col[i] if i < len(col) else "" for col in columns] for i in range(depth)]
        t = Table(rows, colWidths=[width / n] * n, splitInRow=1)
        t.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEAFTER", (0, 0), (-2, -1), 0.5, HexColor("#c8c8c8")),
            ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]))
        out.append(t)
    else:
        for col in columns:
            out += col
    return out


def _methodology(c: Comparison, st: dict[str, Any]) -> list[Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    limits = methodology.limits()
    out: list[Any] = [
        _p("Methodology and limits", st["h2"]),
        _p(xesc(limits[0]), st["caution"]),
        _p("Voices", st["h3"]),
        _p(xesc(methodology.voices_text()), st["cell"]),
    ]
    for family, ms in methodology.metrics(c.analyses[0]):
        out.append(_p(xesc(family), st["h3"]))
        for name, unit, desc in ms:
            out.append(_p(f"<b>{xesc(name)}</b>{' (' + xesc(unit) + ')' if unit else ''}: {xesc(desc)}", st["cell"]))
    out.append(_p("Lexicons", st["h3"]))
    rows = [[_p(f"<b>{h}</b>", st["small"]) for h in ("File", "Entries", "Source", "Licence")]]
    for lx in methodology.lexicons():
        rows.append([_p(xesc(lx.file), st["small"]), _p(str(lx.entries), st["small"]),
                     _p(xesc(f"{lx.source} {lx.notes}".strip()), st["small"]), _p(xesc(lx.licence), st["small"])])
    t = Table(rows, colWidths=[90, 40, 250, 120], repeatRows=1)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.4, HexColor("#c8c8c8"))]))
    out.append(t)
    out.append(_p("What the tool cannot see", st["h3"]))
    out += [_p("• " + xesc(p), st["cell"]) for p in limits[1:]]
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


def clip(text: str, limit: int = 400) -> str:
    """A sentence short enough for a table cell (a table row must fit on one page)."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit] + " … (full text in report.html)"
