"""Who speaks, by side (``framing.comparison.sides``): for each article, the speaking sources grouped
by the side the article gives them (or "unknown"), with their quotes and words, and the sources
the other articles quote that it does not ("not quoted here").

* ``sides_html(c, chart)``: a section of report.html: per article a bar of the sourced words by side
  (every part labelled in words, not only by colour) and a table; each source's name carries the
  evidence of its side in its tooltip. All article text is escaped.
* ``sides_pdf(c, styles, width, chart)``: one compact table for all the articles (a row per side)
  and the sources chart, grouped by side, as reportlab flowables.
"""

from __future__ import annotations

import html as _html
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape as xesc

from framing import rules
from framing.comparison.sides import SIDES, UNKNOWN, ArticleSides, SourceSide
from framing.report.style import side_style

TITLE = "Who speaks, by side"
INTRO = (
    "Each source's side is shown only where the article itself says it: a party tag (D-N.Y.), "
    "\u201ca Democrat\u201d, \u201cRepublican Sen. X\u201d, or a role for someone whose side the text gives "
    "(\u201ca spokeswoman for X\u201d). Otherwise it is unknown: the article does not say. Words are the "
    "source's quoted words plus its reported (attributed) words."
)
INTRO_PDF = (
    "A side is shown only where the article itself says it: a party tag (D-N.Y.), \u201ca Democrat\u201d, "
    "\u201cRepublican Sen. X\u201d, a role for someone whose side it gives; otherwise it is unknown."
)
# the table's key of each side: a square filled like the side's pattern in the chart (style.SIDE_STYLE)
SIDE_SIGN = {"Democratic": "\u25a0", "Republican": "\u25a8", "independent": "\u25a5", UNKNOWN: "\u2592"}
SIDE_CLASS = {"Democratic": "d", "Republican": "r", "independent": "i", UNKNOWN: "u"}


def esc(text: object) -> str:
    return _html.escape(str(text), quote=True)


def side_title(side: str) -> str:
    return "Unknown" if side == UNKNOWN else side


def evidence_text(s: SourceSide) -> str:
    """Why the source has its side, in plain words (its tooltip)."""
    if not s.evidence:
        return "the article does not say which side this source is on"
    return " · ".join(
        dict.fromkeys(rules.rule(f"side:{e.pattern}").explain(text=e.text, detail=e.evidence().detail) for e in s.evidence)
    )


def source_text(s: SourceSide) -> str:
    extra = f", for {s.affiliation}" if s.affiliation else ""
    return f"{s.name}{extra} ({s.words} words)"


def not_quoted_text(art: ArticleSides) -> list[str]:
    out = []
    for n in art.not_quoted_here:
        side = "" if n.side == UNKNOWN else f"{n.side}; "
        named = "named here, not quoted" if n.named_here else "not named here"
        out.append(f"{n.name} ({side}quoted in {', '.join(n.quoted_in)}; {named})")
    return out


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------


def sides_html(c: Any, chart: str = "") -> str:
    """The "who speaks, by side" section of report.html ("" when the comparison has none);
    ``chart``: the sources chart's figure (grouped by side), set under the articles' cards."""
    sc = getattr(c, "sides", None)
    if sc is None:
        return ""
    cards = "".join(_card(c, art) for art in sc.articles)
    return (
        '<section id="sides" aria-labelledby="h-sides">'
        f'<h2 id="h-sides">{esc(TITLE)}</h2><p class="lede">{esc(INTRO)}</p>'
        f'<div class="sd-grid">{cards}</div>{chart}</section>'
    )


def _card(c: Any, art: ArticleSides) -> str:
    summary = next(s for s in c.articles if s.label == art.label)
    totals = art.totals()
    total_words = sum(t.words for t in totals) or 1
    bar = "".join(
        f'<span class="sd-part sd-{SIDE_CLASS.get(t.side, "u")}" style="width:{100 * t.words / total_words:.1f}%" '
        f'title="{esc(side_title(t.side))}: {t.words} words">{esc(t.side if t.words / total_words >= 0.12 else "")}</span>'
        for t in totals if t.words
    )
    rows = []
    for t in totals:
        names = ", ".join(
            f'<span class="sd-src" tabindex="0" title="{esc(evidence_text(s))}">{esc(source_text(s))}</span>'
            for s in art.sources if s.side == t.side
        )
        rows.append(
            f'<tr><th scope="row"><span class="sd-key sd-{SIDE_CLASS.get(t.side, "u")}"></span>{esc(side_title(t.side))}</th>'
            f"<td>{names}</td><td>{t.quotes}</td><td>{t.words}</td></tr>"
        )
    table = (
        '<table class="sd"><thead><tr><th scope="col">Side</th><th scope="col">Sources (words)</th>'
        '<th scope="col">Quotes</th><th scope="col" title="quoted plus reported words">Words</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>" if rows else '<p class="none">No source speaks in this article.</p>'
    )
    missing = not_quoted_text(art)
    nq = (
        f'<p class="sd-nq"><strong>Not quoted here</strong> (quoted in another article): {esc("; ".join(missing))}</p>'
        if missing else '<p class="sd-nq"><strong>Not quoted here:</strong> none; every named source the others quote speaks here too.</p>'
    )
    label = "; ".join(f"{side_title(t.side)} {t.words} words" for t in totals)
    return (
        f'<article class="sd-card" aria-label="Article {esc(art.label)}: who speaks, by side">'
        f'<h3><span class="badge">{esc(art.label)}</span>{esc(summary.title)}</h3>'
        f'<div class="sd-bar" role="img" aria-label="{esc(label)}">{bar}</div>{table}{nq}</article>'
    )


# --------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------


def sides_pdf(c: Any, st: dict[str, Any], width: float, chart: Sequence[Any] = ()) -> list[Any]:
    """The "who speaks, by side" section as reportlab flowables: one compact table for every
    article (a row per side: its sources with their words, quotes, quoted and reported words),
    a line per article of the sources quoted elsewhere but not in it, then ``chart`` (the
    sources chart, grouped by side, with its title and caption)."""
    from reportlab.lib.colors import HexColor
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import CondPageBreak, Paragraph, Table, TableStyle

    sc = getattr(c, "sides", None)
    if sc is None:
        return [CondPageBreak(160), *chart] if chart else []
    cell, cellr = st["cell"], st["cellr"]
    head = ("", "Side", "Sources (words)", "Quotes", "Quoted", "Reported")
    data = [[Paragraph(f"<b>{h}</b>", cell if k < 3 else cellr) for k, h in enumerate(head)]]
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 1.0, HexColor("#1a1a1a")),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for art in sc.articles:
        first = len(data)
        totals = art.totals() or ()
        for k, t in enumerate(totals):
            names = "; ".join(xesc(source_text(s)) for s in art.sources if s.side == t.side)
            data.append([
                Paragraph(_badge(art.label) if k == 0 else "", cell),
                Paragraph(f"{_key(t.side)} <b>{xesc(side_title(t.side))}</b>", cell), Paragraph(names, cell),
                Paragraph(str(t.quotes), cellr), Paragraph(str(t.quoted_words), cellr),
                Paragraph(str(t.attributed_words), cellr),
            ])
        if not totals:
            data.append([Paragraph(_badge(art.label), cell), Paragraph("", cell),
                         Paragraph("No source speaks in this article.", cell), "", "", ""])
        style.append(("LINEBELOW", (0, len(data) - 1), (-1, len(data) - 1), 0.5, HexColor("#8c8c8c")))
        style.append(("NOSPLIT", (0, first), (-1, len(data) - 1)))  # an article's rows on one page
        style += [("LINEBELOW", (1, r), (-1, r), 0.3, HexColor("#d9d9d9")) for r in range(first, len(data) - 1)]
    size = cell.fontSize
    num = max(stringWidth(h, "DejaVuSans-Bold", size) for h in head[3:]) + 8
    side_w = max(stringWidth(side_title(s), "DejaVuSans-Bold", size) for s in (*SIDES, UNKNOWN)) + 18
    badge_w = 18.0
    widths = [badge_w, side_w, width - badge_w - side_w - 3 * num, num, num, num]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    lines = []
    for art in sc.articles:
        missing = not_quoted_short(art)
        lines.append(f"<b>{xesc(art.label)}</b>: " + (xesc("; ".join(missing)) if missing else "none"))
    nq = Paragraph("<b>Not quoted here</b> (quoted in another article, not in this one): " + " · ".join(lines)
                   + (" (report.html lists them all)" if any(len(a.not_quoted_here) > PDF_NOT_QUOTED for a in sc.articles)
                      else ""), st["small"])
    return [CondPageBreak(160), Paragraph(xesc(TITLE), st["h2"]), Paragraph(xesc(INTRO_PDF), st["small"]),
            table, nq, *chart]


PDF_NOT_QUOTED = 5  # the sources "not quoted here" the PDF names per article, the most quoted first


def not_quoted_short(art: ArticleSides, limit: int = PDF_NOT_QUOTED) -> list[str]:
    """The sources quoted elsewhere but not here, short: "Chuck Schumer (Democratic; in B, C; named here)",
    at most ``limit``, then "N more"."""
    out = []
    for n in art.not_quoted_here[:limit]:
        side = "" if n.side == UNKNOWN else f"{n.side}; "
        out.append(f"{n.name} ({side}in {', '.join(n.quoted_in)}{'; named here' if n.named_here else ''})")
    rest = len(art.not_quoted_here) - limit
    if rest > 0:
        out.append(f"{rest} more")
    return out


def _badge(label: str) -> str:
    return f'<font backColor="#1a1a1a" color="#ffffff"><b> {xesc(label)} </b></font>'


def _key(side: str) -> str:
    """A small square in the side's colour, filled as the chart's pattern (apart in grey print too)."""
    return f'<font color="{side_style(side)[0]}">{SIDE_SIGN.get(side, SIDE_SIGN[UNKNOWN])}</font>'


__all__ = ["SIDES", "sides_html", "sides_pdf"]
