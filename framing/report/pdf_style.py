"""What every part of the PDF report shares: the fonts (matplotlib's bundled DejaVu, so curly
quotes and dashes render), the paragraph styles, the highlight markup of ``style.HIGHLIGHTS`` in
reportlab's paragraph markup, and small text helpers. reportlab and matplotlib are imported
only when a function here is called.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from framing.report.style import HIGHLIGHTS, Mark

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_SERIF = "DejaVuSerif"


# Underline offsets below the baseline (points): word-level marks, and the whole-sentence marks
# further down so that the two never draw on top of each other.
_WORD_LINE, _LOW_LINE = -1.6, -3.3


def _kind_tags(mark: Mark) -> list[tuple[str, str]]:
    """reportlab paragraph markup for one highlight style (opening tags; closing ones derived)."""
    tags: list[tuple[str, str]] = []
    if mark.fill:
        tags.append(("span", f'backColor="{mark.fill}"'))
    if mark.bold:
        tags.append(("b", ""))
    if mark.italic:
        tags.append(("i", ""))
    if mark.ink:
        tags.append(("font", f'color="{mark.ink}"'))
    if mark.line:
        offset = _LOW_LINE if mark.low else _WORD_LINE
        line = f'color="{mark.line_colour}" width="{mark.width}" offset="{offset}"'
        if mark.line == "double":
            line += ' kind="double" gap="0.9"'
        tags.append(("u", line))
        if mark.line == "box":  # and a rule above the words: reportlab's strike line, raised
            tags.append(("strike", f'color="{mark.line_colour}" width="{mark.width}" offset="0.8*F"'))
    return tags


# How each highlight kind opens in reportlab's paragraph markup (style.HIGHLIGHTS). The sentences
# with a source are left unmarked in print: nearly all of their words are quotes or reported speech.
KIND_TAGS: dict[str, list[tuple[str, str]]] = {
    kind: [] if kind == "sentence-sourced" or mark.marker else _kind_tags(mark) for kind, mark in HIGHLIGHTS.items()
}
# Signs set before a span (the author's sentences): kind -> markup.
KIND_MARKERS: dict[str, str] = {
    kind: f'<font name="{FONT}" color="{mark.ink or "#1a1a1a"}">{mark.marker}</font>'
    for kind, mark in HIGHLIGHTS.items() if mark.marker
}


KIND_PRIORITY = (
    "sentence-sourced", "sentence-author", "sentence-evaluative", "sentence-first-person", "attributed", "quote",
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


def styles(tight: int = 0) -> dict[str, Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=12.5, textColor=HexColor("#1a1a1a"))
    return {
        "base": base,
        "title": ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=18, leading=22, spaceAfter=4),
        "lede": ParagraphStyle("lede", base, textColor=HexColor("#4d4d4d"), spaceAfter=6),
        "h2": ParagraphStyle("h2", base, fontName=FONT_BOLD, fontSize=13, leading=16, spaceBefore=10, spaceAfter=5,
                             keepWithNext=1),
        "h3": ParagraphStyle("h3", base, fontName=FONT_BOLD, fontSize=10.5, leading=13, spaceBefore=7, spaceAfter=3,
                             keepWithNext=1),
        "card_h": ParagraphStyle("card_h", base, fontName=FONT_BOLD, fontSize=10.5, leading=13),
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=9.5, textColor=HexColor("#4d4d4d")),
        "profile": ParagraphStyle("profile", base, fontSize=9.5, leading=13),
        "cell": ParagraphStyle("cell", base, fontSize=8.5, leading=10.5),
        "cellr": ParagraphStyle("cellr", base, fontSize=8.5, leading=10.5, alignment=2),
        # the annotated texts; ``tight`` (1, 2) sets them closer when they would spill onto a near-empty page
        "text": ParagraphStyle("text", base, fontName=FONT_SERIF, fontSize=(8.5, 8.5, 8.2)[tight],
                               leading=(12.5, 11.8, 11.2)[tight], spaceAfter=(5, 3.5, 3)[tight]),
        "text_h": ParagraphStyle("text_h", base, fontName=FONT_BOLD, fontSize=9.5, leading=12, spaceAfter=2),
        "caption": ParagraphStyle("caption", base, fontSize=8, leading=10.5, textColor=HexColor("#4d4d4d"), spaceAfter=8),
        "caution": ParagraphStyle("caution", base, fontName=FONT_BOLD, borderColor=HexColor("#b3261e"), borderWidth=0,
                                  backColor=HexColor("#fbeeee"), borderPadding=5, spaceBefore=4, spaceAfter=10),
    }


def fit_text(text: str, width: float, font: str, size: float) -> str:
    """``text`` cut at a word and closed with "…" where it is wider than ``width`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    words = text.split()
    while words and stringWidth(" ".join(words) + " …", font, size) > width:
        words.pop()
    return (" ".join(words) + " …") if words else "…"


def para(text: str, style: Any) -> Any:
    """A reportlab paragraph of ``text`` (paragraph markup) in ``style``."""
    from reportlab.platypus import Paragraph

    return Paragraph(text, style)
