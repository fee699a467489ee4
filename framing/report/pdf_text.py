"""The PDF report's annotated texts: each article's text with every evidence span marked in
reportlab's paragraph markup (``paragraph_markup``), under a legend of the highlight kinds, set
in columns side by side that each flow on their own from page to page (``side_by_side``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape as xesc

from framing.comparison.comparison import Comparison
from framing.report import annotate
from framing.report.pdf_style import (
    FONT,
    FONT_SERIF,
    KIND_MARKERS,
    KIND_PRIORITY,
    KIND_TAGS,
    fit_text,
    para,
)
from framing.report.style import HIGHLIGHTS
from framing.rules import KINDS


def paragraph_markup(text: str, lo: int, hi: int, marks: Sequence[Any] | annotate.Overlaps, started: set[str],
                     numbers: Mapping[int, str] | None = None) -> str:
    """reportlab markup for text[lo:hi] with every evidence span styled (nesting kept).

    ``numbers``: offset -> a sentence number, set small and raised where the sentence starts."""
    out: list[str] = []
    stack: list[list[str]] = []
    pos = lo
    cuts = sorted(k for k in (numbers or {}) if lo <= k < hi)
    for ev in annotate.events(text, lo, hi, marks, started):
        if isinstance(ev, str):
            end = pos + len(ev)
            at = pos
            for k in cuts:
                if pos <= k < end:
                    out.append(xesc(text[at:k]).replace("\n", "<br/>"))
                    out.append(_number(numbers[k]))  # type: ignore[index]
                    at = k
            out.append(xesc(text[at:end]).replace("\n", "<br/>"))
            pos = end
        elif isinstance(ev, annotate.Open):
            kinds = sorted(ev.mark.kinds, key=KIND_PRIORITY.index)
            if not ev.continuation:
                out += [KIND_MARKERS[k] for k in kinds if k in KIND_MARKERS]
            tags = [t for k in kinds for t in KIND_TAGS[k]]
            out.append("".join(f"<{name}{' ' + attrs if attrs else ''}>" for name, attrs in tags))
            stack.append([name for name, _ in tags])
        else:
            names = stack.pop()
            out.append("".join(f"</{name}>" for name in reversed(names)))
    return "".join(out)


def _number(label: str) -> str:
    return f'<super><font name="{FONT}" size="5.5" color="#6b6b6b">{xesc(label)}</font></super>'


def _legend(st: dict[str, Any], width: float) -> Any:
    """Each drawn highlight kind, styled as in the texts, with how it looks in grey print and what
    it means (``framing.rules.KINDS``), in two columns."""
    from reportlab.platypus import Table, TableStyle

    items = []
    for k in KINDS:
        tags = KIND_TAGS[k.name]
        marker = KIND_MARKERS.get(k.name, "")
        if not tags and not marker:  # drawn as nothing in the PDF (sentences with a source)
            continue
        open_ = "".join(f"<{n}{' ' + a if a else ''}>" for n, a in tags)
        close = "".join(f"</{n}>" for n, _ in reversed(tags))
        items.append([para(f"{marker}{open_}{xesc(k.label)}{close}", st["legend"]),
                      para(f"<i>{xesc(HIGHLIGHTS[k.name].looks)}</i>: {xesc(k.explanation)}", st["legend_s"])])
    half = (len(items) + 1) // 2
    gap = 12.0
    col = (width - gap) / 2
    style = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 5), ("TOPPADDING", (0, 0), (-1, -1), 1),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)])
    halves = []
    for part in (items[:half], items[half:]):
        t = Table(part, colWidths=[col * 0.42, col * 0.58], hAlign="LEFT")
        t.setStyle(style)
        halves.append(t)
    outer = Table([halves], colWidths=[col + gap, col], hAlign="LEFT")
    outer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return outer


def annotated(c: Comparison, st: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth

    st = {**st, "legend": ParagraphStyle("legend", st["cell"], fontName=FONT_SERIF, fontSize=8, leading=11.5),
          "legend_s": ParagraphStyle("legend_s", st["small"], fontSize=7, leading=8.6)}
    out: list[Any] = [
        para("The texts, annotated", st["h2"]),
        para("Every highlight is evidence counted in a score (report.html explains each one on hover or focus). "
           "Each kind has a line style of its own as well as a colour, so the texts read in grey-scale print too; "
           "the lower lines mark whole sentences.", st["small"]),
        _legend(st, width),
    ]
    columns = []
    heads = []
    for a, s in zip(c.analyses, c.articles, strict=True):
        started: set[str] = set()
        paras = []
        marks = annotate.Overlaps(s.highlights)
        numbers = {sent.start: str(k + 1) for k, sent in enumerate(a.sentences)}
        for role, lo, hi in annotate.regions(a):
            markup = paragraph_markup(a.text, lo, hi, marks, started, numbers if role == "p" else None)
            if role == "headline":
                paras.append(para(f'<font backColor="#1a1a1a" color="#ffffff"><b> {s.label} </b></font> {markup}', st["text_h"]))
            elif role == "byline":
                paras.append(para(markup, st["small"]))
            else:
                paras.append(para(markup, st["text"]))
        if not a.article.headline:
            paras.insert(0, para(f'<font backColor="#1a1a1a" color="#ffffff"><b> {s.label} </b></font> {xesc(s.title)}',
                               st["text_h"]))
        columns.append(paras)
    n = len(columns)
    col_w = (width - 12.0 * (n - 1)) / n if n <= 3 else width
    for s in c.articles:
        room = col_w - 40 - stringWidth(", continued", FONT, 7.5)
        heads.append(f'<font backColor="#1a1a1a" color="#ffffff"><b> {s.label} </b></font> '
                     f"<font color='#4d4d4d'>{xesc(fit_text(s.title, room, FONT, 7.5))}, continued</font>")
    if n <= 3:
        from reportlab.platypus import Spacer

        out.append(Spacer(1, 5))
        out.append(side_by_side(columns, width, [ParagraphStyle("cont", st["small"], spaceAfter=3)] * n, heads))
    else:
        for col in columns:
            out += col
    return out


def _fill_column(col: list[Any], col_w: float, avail: float) -> tuple[list[Any], list[Any]]:
    """The flowables of ``col`` that fit in ``avail`` points of a ``col_w`` wide column (the last
    one split), and the rest."""
    used = 0.0
    taken: list[Any] = []
    for k, f in enumerate(col):
        before = f.getSpaceBefore() if taken else 0.0
        _w, h = f.wrap(col_w, avail)
        if used + before + h <= avail + 1e-6:
            taken.append(f)
            used += before + h + f.getSpaceAfter()
            continue
        parts = f.split(col_w, avail - used - before) if avail - used - before > 0 else []
        if len(parts) >= 2:
            taken.append(parts[0])
            return taken, [*parts[1:], *col[k + 1:]]
        return taken, col[k:]
    return taken, []


def _column_height(col: list[Any], col_w: float) -> float:
    """The height of a column's flowables set ``col_w`` wide, with the spaces between them. Each
    flowable's height is kept on it: a column that runs over several pages is measured again on
    each (what is left of it), and a paragraph's height at one width does not change."""
    total = 0.0
    for k, f in enumerate(col):
        known = getattr(f, "_framing_height", None)
        if known is not None and known[0] == col_w:
            h = known[1]
        else:
            _w, h = f.wrap(col_w, 1e7)
            f._framing_height = (col_w, h)
        total += (f.getSpaceBefore() if k else 0.0) + h + (f.getSpaceAfter() if k < len(col) - 1 else 0.0)
    return total


def _is_body(f: Any) -> bool:
    """Is the flowable a paragraph of an article's text (not a headline or a label)?"""
    return getattr(getattr(f, "style", None), "name", "") == "text"


def side_by_side(columns: list[list[Any]], width: float, cont_styles: Sequence[Any], cont_heads: Sequence[str],
                 gap: float = 12.0) -> Any:
    """Columns of flowables next to each other, each flowing on its own from page to page.

    A row-by-row table would hold every paragraph of one text level with a paragraph of the other
    and leave gaps; here each column fills the page and continues on the next, under a small
    "continued" line."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Flowable, Paragraph

    n = len(columns)
    col_w = (width - gap * (n - 1)) / n

    class SideBySide(Flowable):
        def __init__(self, cols: list[list[Any]]) -> None:
            super().__init__()
            self.cols = cols

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            self.height = max((_column_height(col, col_w) for col in self.cols), default=0.0)
            return width, self.height

        def split(self, aw: float, ah: float) -> list[Any]:
            firsts, rests = [], []
            for col in self.cols:
                first, rest = _fill_column(col, col_w, ah)
                firsts.append(first)
                rests.append(rest)
            if not any(firsts) or any(first and rest and not any(_is_body(f) for f in first)
                                      for first, rest in zip(firsts, rests, strict=True)):
                return []  # nothing fits, or a headline would stand alone at the foot of the page
            if not any(rests):
                return [SideBySide(firsts)]
            rests = [[Paragraph(cont_heads[k], cont_styles[k]), *rest] if rest else [] for k, rest in enumerate(rests)]
            return [SideBySide(firsts), SideBySide(rests)]

        def draw(self) -> None:
            canv = self.canv
            for k, col in enumerate(self.cols):
                x = k * (col_w + gap)
                y = self.height
                for j, f in enumerate(col):
                    if j:
                        y -= f.getSpaceBefore()
                    _w, h = f.wrap(col_w, 1e7)
                    f.drawOn(canv, x, y - h)
                    y -= h + f.getSpaceAfter()
                if k < n - 1 and any(self.cols[k + 1:]):
                    canv.saveState()
                    canv.setStrokeColor(HexColor("#c8c8c8"))
                    canv.setLineWidth(0.5)
                    canv.line(x + col_w + gap / 2, 0, x + col_w + gap / 2, self.height)
                    canv.restoreState()

    return SideBySide(columns)
