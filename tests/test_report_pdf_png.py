"""The PDF (reportlab + vector charts) and the PNG summary card."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import framing
from framing.comparison import compare
from framing.report import charts
from framing.report.pdf import render_pdf
from framing.report.png import HEIGHT_PX, WIDTH_PX, render_png

pypdf = pytest.importorskip("pypdf")
Image = pytest.importorskip("PIL.Image")

FIX = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def seed():
    return compare([framing.analyse(FIX / "000_8326348c89f63b57.txt"), framing.analyse(FIX / "002_7f6faa312e2320b9.txt")])


@pytest.fixture(scope="module")
def chart_set(seed):
    return charts.render(seed, svg=False, pdf=True)


def _text(pdf: bytes) -> tuple[str, pypdf.PdfReader]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(p.extract_text() for p in reader.pages), reader


def _squash(s: str) -> str:
    return " ".join(s.split())


@pytest.mark.parametrize("paper, size", [("a4", (595.3, 841.9)), ("letter", (612.0, 792.0))])
def test_pdf_text_headlines_figures_metadata(seed, chart_set, paper, size):
    pdf = render_pdf(seed, chart_set, paper=paper)
    text, reader = _text(pdf)
    flat = _squash(text)
    for a in seed.articles:
        assert _squash(a.headline)[:40] in flat  # curly quotes survive (DejaVu)
    assert "unbreakable\u2019" in text
    quotes = seed.analyses[0].scores.sourcing.value("direct_quotes")
    assert f"{quotes} direct quotes" in flat
    assert "No direct quotes" in flat and "closes in first-person advocacy" in flat
    assert "The scores describe framing, not truth" in flat
    assert 4 <= len(reader.pages) <= 20
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(size[0], abs=1) and float(box.height) == pytest.approx(size[1], abs=1)
    meta = reader.metadata
    assert meta.title == seed.title and meta.author.startswith("framing")


def test_pdf_charts_are_vector_forms_not_images(seed, chart_set):
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(seed, chart_set)))
    forms = images = 0
    for page in reader.pages:
        xobjects = page["/Resources"].get_object().get("/XObject")
        for _name, ref in (xobjects.get_object().items() if xobjects is not None else ()):
            sub = ref.get_object()["/Subtype"]
            forms += sub == "/Form" and _name.startswith("/FramingChart")  # the content charts: /FramingContent*
            images += sub == "/Image"
    assert forms == len(chart_set.charts) and images == 0


def test_png_card_decodes_at_the_promised_size(seed):
    data = render_png(seed)
    img = Image.open(io.BytesIO(data))
    img.load()
    assert img.format == "PNG" and img.size == (WIDTH_PX, HEIGHT_PX) and WIDTH_PX >= 1600
    # not blank: the timeline colours are there
    colours = img.convert("RGB").getcolors(maxcolors=1_000_000)
    assert len(colours) > 50
