"""The PDF report's appendix, after the reader's pages: which sentences the articles share or
reword (``framing.comparison.alignment``), the news frames, how each score is computed and the
limits (``framing.report.methodology``), and the word lists' sources and licences.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape as xesc

from framing.comparison.comparison import Comparison
from framing.report import methodology
from framing.report.charts import Chart
from framing.report.pdf_charts import ChartSlotRecord, content_chart
from framing.report.pdf_style import FONT_BOLD, para


def appendix(c: Comparison, st: dict[str, Any], width: float, slots: list[ChartSlotRecord],
              charts: dict[str, Chart], chart_pdf: Any) -> list[Any]:
    """After the page break: the sentence alignment, the frames, the methodology, the word lists."""
    out: list[Any] = [
        para("Appendix", st["title"]),
        para("For a closer look: which sentences the articles share, the news frames, how each score is computed, "
           "and where the word lists come from. report.html and comparison.json hold everything in full.", st["lede"]),
    ]
    if c.content is not None:
        out += _alignment_block(c, st, width)
        frames = content_chart(charts.get("frames"), chart_pdf, st, width, slots)
        table = _frames_table(c, st, width)
        if frames or table:
            out.append(para("News frames", st["h2"]))
            out += frames + table
    out += _methodology(c, st, width)
    return out


def _alignment_block(c: Comparison, st: dict[str, Any], width: float) -> list[Any]:
    """The sentences the articles share or reword (not every sentence without a match)."""
    from framing.comparison.alignment import REWORDED, SHARED
    from framing.report import content as ct

    out: list[Any] = [
        para("Sentence by sentence: what the articles share", st["h2"]),
        para(f"{ct.STATUS_MARK['shared']} <b>shared</b>: similarity {SHARED:.2f} or more (the same sentence or lightly "
           f"edited) · {ct.STATUS_MARK['reworded']} <b>reworded</b>: {REWORDED:.2f}–{SHARED:.2f} (the same content in "
           "other words). Sentences with no match in any other article are left out here; the annotated texts number "
           "every sentence in report.html, and comparison.json lists every match.", st["small"]),
    ]
    counts = []
    for i, art in enumerate(c.articles):
        k = ct.status_counts(ct.alignment_rows(c, i))
        total = sum(k.values())
        counts.append(f"<b>{art.label}</b>: {total} sentences, {k['shared']} shared, {k['reworded']} reworded, "
                      f"{k['unique']} with no match in {xesc(ct.others_text(c, i))}")
    out.append(para(" · ".join(counts), st["cell"]))
    if len(c.articles) == 2:
        pairs = _aligned_pairs(c)
        if pairs:
            out.append(_pair_table(c, pairs, st, width))
        else:
            out.append(para("No sentence of one article is shared with or reworded in the other.", st["cell"]))
        return out
    for i, art in enumerate(c.articles):
        rows = [r for r in ct.alignment_rows(c, i) if any(m.status != "unique" for m in r.matches)]
        out += _table_heading(f"{art.label}: its sentences found in another article", st)
        if rows:
            out.append(_alignment_table(c, i, rows, st, width))
        else:
            out.append(para(f"None: every sentence of {art.label} is its own.", st["cell"]))
    return out


def _aligned_pairs(c: Comparison) -> list[tuple[int, int, str, float, str, str]]:
    """Two articles: (sentence in A, sentence in B, status, similarity, text A, text B) for every
    shared or reworded pair, found from either side, in A's order."""
    from framing.report import content as ct

    pairs: dict[tuple[int, int], tuple[int, int, str, float, str, str]] = {}
    for side in (0, 1):
        for r in ct.alignment_rows(c, side):
            for m in r.matches:
                if m.status == "unique" or m.sentence is None:
                    continue
                a, b = (r.index, m.sentence) if side == 0 else (m.sentence, r.index)
                ta, tb = (r.text, m.text) if side == 0 else (m.text, r.text)
                if (a, b) not in pairs:
                    pairs[(a, b)] = (a, b, m.status, m.similarity, ta, tb)
    return [pairs[k] for k in sorted(pairs)]


def _table_heading(text: str, st: dict[str, Any]) -> list[Any]:
    """A heading over a table that may run over pages: kept with the table's first rows (not with
    the whole table, which would leave the page before it near empty)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import CondPageBreak

    return [CondPageBreak(90), para(xesc(text), ParagraphStyle("h3t", st["h3"], keepWithNext=0))]


def _ref_width(labels: Sequence[str], count: int, st: dict[str, Any]) -> float:
    """A column wide enough for the longest sentence reference ("A12") on one line."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    longest = max((f"{lab}{count}" for lab in labels), key=len)
    return stringWidth(longest, FONT_BOLD, st["cell"].fontSize) + 13


def _pair_table(c: Comparison, pairs: Sequence[tuple[int, int, str, float, str, str]], st: dict[str, Any],
                width: float) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    from framing.report import content as ct

    la, lb = c.articles[0].label, c.articles[1].label
    ref = _ref_width([la, lb], max(c.articles[0].sentences, c.articles[1].sentences, 1), st)
    status_w = 62.0
    text_w = (width - 2 * ref - status_w) / 2
    data = [[para(f"<b>{la}</b>", st["cell"]), para(f"<b>Sentence in {la}</b>", st["cell"]), para("<b>Match</b>", st["cell"]),
             para(f"<b>{lb}</b>", st["cell"]), para(f"<b>Sentence in {lb}</b>", st["cell"])]]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 1.0, HexColor("#1a1a1a")),
             ("LINEBELOW", (0, 1), (-1, -1), 0.3, HexColor("#c8c8c8")),
             ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    for a, b, status, sim, ta, tb in pairs:
        word = xesc(ct.STATUS_TEXT.get(status, status))
        data.append([para(f"<b>{la}{a + 1}</b>", st["cell"]), para(xesc(clip(ta)), st["cell"]),
                     para(f"{ct.STATUS_MARK.get(status, '')}\u00a0<b>{word}</b><br/>"
                        f"<font size=6.5 color='#4d4d4d'>similarity {sim:.2f}</font>", st["cell"]),
                     para(f"<b>{lb}{b + 1}</b>", st["cell"]), para(xesc(clip(tb)), st["cell"])])
    t = Table(data, colWidths=[ref, text_w, status_w, ref, text_w], repeatRows=1)
    t.setStyle(TableStyle(style))
    return t


def _alignment_table(c: Comparison, i: int, rows: Sequence[Any], st: dict[str, Any], width: float) -> Any:
    """Three or more articles: article ``i``'s shared or reworded sentences and their status in each other one."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    from framing.report import content as ct

    label = c.articles[i].label
    others = [a.label for k, a in enumerate(c.articles) if k != i]

    def status(m: Any) -> str:
        word = ct.STATUS_TEXT.get(m.status, m.status)
        ref = f" {m.label}{m.sentence + 1}" if m.sentence is not None and m.status != "unique" else ""
        word = xesc(word).replace(" ", "\u00a0")
        return (f"{ct.STATUS_MARK.get(m.status, '')}\u00a0<b>{word}</b>{ref}"
                f"<br/><font size=6.5 color='#4d4d4d'>similarity {m.similarity:.2f}</font>")

    ref_w = _ref_width([label, *others], max(a.sentences for a in c.articles), st)
    cw = 74.0
    widths = [ref_w, width - ref_w - cw * len(others)] + [cw] * len(others)
    data = [[para(h, st["cell"]) for h in (f"<b>{label}</b>", "<b>Sentence</b>", *[f"<b>In {o}</b>" for o in others])]]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 1.0, HexColor("#1a1a1a")),
             ("LINEBELOW", (0, 1), (-1, -1), 0.3, HexColor("#c8c8c8")),
             ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    for r in rows:
        data.append([para(f"<b>{label}{r.index + 1}</b>", st["cell"]), para(xesc(clip(r.text)), st["cell"]),
                     *[para(status(m), st["cell"]) for m in r.matches]])
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle(style))
    return t


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
    data = [[para("<b>Frame</b>", st["cell"])] + [para(f"<b>{lab}</b>", st["cell"]) for lab in labs]]
    for frame, cells in frows:
        data.append([para(xesc(frame), st["cell"])] + [
            para(f"<b>{score:.1f}</b> per 100 words · {hits} cue{'s' if hits != 1 else ''}"
               + (f"<br/><font size=7 color='#4d4d4d'>{xesc(ct.cue_text(cues, hits))}</font>" if cues else ""), st["cell"])
            for score, hits, cues in cells
        ])
    first = min(110, width * 0.25)
    ft = Table(data, colWidths=[first] + [(width - first) / n] * n, repeatRows=1)
    ft.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.4, HexColor("#c8c8c8")),
                            ("LINEBELOW", (0, 0), (-1, 0), 1.2, HexColor("#1a1a1a"))]))
    return [ft]


def _methodology(c: Comparison, st: dict[str, Any], width: float) -> list[Any]:
    """How the voices are told apart, what each key score counts, the limits and the word lists."""
    from reportlab.lib.colors import HexColor
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Table, TableStyle

    limits = methodology.limits()
    out: list[Any] = [
        para("Methodology and limits", st["h2"]),
        para(xesc(limits[0]), st["caution"]),
        para("Voices", st["h3"]),
        para(xesc(methodology.voices_text()), st["cell"]),
        para("What each key score counts", st["h3"]),
    ]
    for r in c.rows:
        out.append(para(f"<b>{xesc(r.label.strip())}</b>: {xesc(r.description)}", st["cell"]))
    out.append(para("report.html and docs/methodology.md describe every score of comparison.json.", st["small"]))
    out.append(para("What the tool cannot see", st["h3"]))
    out += [para("• " + xesc(p), st["cell"]) for p in limits[1:]]
    out += _table_heading("Word lists: sources and licences", st)
    head = ("Word lists (entries)", "Source", "Licence")
    rows = [[para(f"<b>{h}</b>", st["small"]) for h in head]]
    for files, source, licence in methodology.lexicon_groups():
        rows.append([para(xesc(", ".join(files)), st["small"]), para(xesc(source), st["small"]), para(xesc(licence), st["small"])])
    first = max(stringWidth(head[0], FONT_BOLD, st["small"].fontSize) + 12, width * 0.3)
    t = Table(rows, colWidths=[first, width - first - width * 0.22, width * 0.22], repeatRows=1)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.4, HexColor("#c8c8c8")),
                           ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))
    out.append(t)
    return out


def clip(text: str, limit: int = 400) -> str:
    """A sentence short enough for a table cell (a table row must fit on one page)."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit] + " … (full text in report.html)"
