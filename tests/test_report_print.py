"""The PDF prints short and whole: the reader's pages (summary, key scores, charts, the annotated
texts) come first and fit about six pages for the seed pair; the appendix follows a page break;
no near-empty page, nothing runs off a page; and the highlights stay apart in grey-scale print."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pytest

import framing
from framing.comparison import compare
from framing.comparison.summary import Highlight, HighlightRule
from framing.report import charts
from framing.report.pdf import print_canvas, render_pdf
from framing.report.pdf_style import KIND_MARKERS, KIND_TAGS, register_fonts
from framing.report.pdf_text import paragraph_markup
from framing.report.style import HIGHLIGHTS, LINE_DASH
from framing.rules import KINDS

pypdf = pytest.importorskip("pypdf")

FIX = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def seed():
    return compare([framing.analyse(FIX / "000_8326348c89f63b57.txt"), framing.analyse(FIX / "002_7f6faa312e2320b9.txt")])


@pytest.fixture(scope="module")
def seed_pdf(seed) -> bytes:
    return render_pdf(seed, charts.render(seed, svg=False, pdf=True))


def _pages(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def _appendix_page(pages: list[str]) -> int:
    """1-based number of the page the appendix starts on."""
    return next(k for k, t in enumerate(pages, 1) if re.search(r"^Appendix\s*$", t, re.M))


def test_the_readers_part_of_the_seed_pair_fits_six_pages(seed_pdf):
    pages = _pages(seed_pdf)
    appendix = _appendix_page(pages)
    assert appendix - 1 <= 6
    before = "\n".join(pages[: appendix - 1])
    after = "\n".join(pages[appendix - 1:])
    for heading in ("Summary", "Voice timeline", "Key scores side by side", "Who speaks, by side", "The texts, annotated"):
        assert heading in before, heading
    # who speaks for which side is a key fact: on the first pages, not after the charts
    assert "Who speaks, by side" in "\n".join(pages[:3])
    for heading in ("Sentence by sentence", "News frames", "Methodology and limits", "Word lists: sources and licences"):
        assert heading in after and heading not in before, heading
    # the appendix starts on a page of its own: nothing but the footer before its heading
    assert len(pages[appendix - 1].split("Appendix")[0].split()) <= 25


def test_the_alignment_lists_shared_and_reworded_sentences_only(seed, seed_pdf):
    from framing.report import content as ct

    after = "\n".join(_pages(seed_pdf)[_appendix_page(_pages(seed_pdf)) - 1:])
    assert ct.STATUS_MARK["unique"] not in after  # no "○ no match" row
    matched = sum(1 for r in ct.alignment_rows(seed, 0) if r.status != "unique")
    assert matched >= 1 and after.count(ct.STATUS_MARK["reworded"]) + after.count(ct.STATUS_MARK["shared"]) >= matched


def test_no_near_empty_page(seed_pdf):
    pages = _pages(seed_pdf)
    for k, text in enumerate(pages[:-1], 1):  # the last page of the appendix may be short
        assert len(text.split()) >= 60, f"page {k} is near empty"


def test_nothing_runs_off_a_page_even_with_long_titles(seed):
    pdfium = pytest.importorskip("pypdfium2")
    long = "Senate Republicans and House Democrats Trade Accusations Over the Stalled Infrastructure Bill " * 2
    c = dataclasses.replace(seed, title="How " + long.lower(), articles=tuple(
        dataclasses.replace(a, headline=long + f"({a.label})") for a in seed.articles))
    doc = pdfium.PdfDocument(render_pdf(c, charts.render(c, svg=False, pdf=True)))
    for n in range(len(doc)):
        page = doc[n]
        width, height = page.get_size()
        text = page.get_textpage()
        for i in range(text.count_chars()):
            left, bottom, right, top = text.get_charbox(i)
            if right - left <= 0:
                continue
            assert -0.5 <= left and right <= width + 0.5, f"page {n + 1}: {text.get_text_range(i, 1)!r} runs off"
            assert -0.5 <= bottom and top <= height + 0.5


def test_sentence_references_never_wrap_inside(seed, seed_pdf):
    # "A10" in a column too narrow printed as "A1" / "0": every reference is whole on its line
    for text in _pages(seed_pdf):
        assert not re.search(r"\b[AB]\d\n\d", text)
    assert "Entrie\ns" not in "\n".join(_pages(seed_pdf))


def test_chart_pages_show_in_pdfium(seed_pdf):
    """The stamped chart forms keep the page's content streams by reference (an inline stream in
    /Contents is invalid PDF, and PDFium, the viewer of Chrome, then draws a blank page)."""
    pdfium = pytest.importorskip("pypdfium2")
    doc = pdfium.PdfDocument(seed_pdf)
    for n in range(len(doc)):
        assert doc[n].get_textpage().count_chars() > 100, f"page {n + 1} is blank in PDFium"


# --- grey-scale print ------------------------------------------------------------------------------


def _samples_pdf() -> tuple[bytes, list[str]]:
    """One line per drawn highlight kind: the same words, marked up as the annotated texts are."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    register_fonts()
    text = "The bridge was opened on Monday"
    style = ParagraphStyle("t", fontName="DejaVuSerif", fontSize=10, leading=14)
    story, kinds = [], []
    for k in KINDS:
        if not KIND_TAGS[k.name] and k.name not in KIND_MARKERS:
            continue  # not drawn in print
        mark = Highlight(k.name, 0, len(text), text, (k.name,), (HighlightRule("quote", None, None, ("x",)),))
        story += [Paragraph(paragraph_markup(text, 0, len(text), [mark], set()), style), Spacer(1, 10)]
        kinds.append(k.name)
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, topMargin=40, leftMargin=40).build(story, canvasmaker=print_canvas())
    return buf.getvalue(), kinds


def test_every_highlight_kind_differs_from_every_other_in_grey_scale():
    pdfium = pytest.importorskip("pypdfium2")
    import numpy as np

    pdf, kinds = _samples_pdf()
    page = pdfium.PdfDocument(pdf)[0]
    scale = 4.0
    grey = np.asarray(page.render(scale=scale, grayscale=True).to_pil().convert("L"), dtype=np.int16)
    # the samples, top to bottom, 24 pt apart (14 pt of leading and 10 of space) from the first ink
    first = int(np.argmax((grey < 250).any(axis=1)))
    crops = []
    for k in range(len(kinds)):
        top = first + int((k * 24 - 3) * scale)
        crops.append(grey[top : top + int(20 * scale), int(34 * scale) : int(260 * scale)])
    assert all(c.min() < 100 for c in crops)  # the words are there
    for a in range(len(kinds)):
        for b in range(a + 1, len(kinds)):
            differ = np.mean(np.abs(crops[a] - crops[b]) > 24)
            assert differ > 0.01, f"{kinds[a]} and {kinds[b]} look the same in grey ({differ:.2%} of pixels differ)"


def test_the_legend_shows_each_line_style_and_says_it(seed_pdf):
    pages = _pages(seed_pdf)
    legend = next(t for t in pages if "The texts, annotated" in t)
    squashed = " ".join(legend.split())
    for k in KINDS:
        if KIND_TAGS[k.name] or k.name in KIND_MARKERS:
            assert HIGHLIGHTS[k.name].looks in squashed, k.name
    # the dotted and dashed underlines are drawn dashed (the PDF's dash operator) and the wavy one as curves
    content = b"".join(p.get_contents().get_data() for p in pypdf.PdfReader(io.BytesIO(seed_pdf)).pages
                       if p.get_contents() is not None)
    from reportlab.lib.rl_accel import fp_str

    for line in ("dotted", "dashed"):
        assert f"[{fp_str(list(LINE_DASH[line] or ()))}] 0 d".encode() in content, line
