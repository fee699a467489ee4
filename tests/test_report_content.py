"""The reports' content section (issue 4, item 6): only-here lists, distinctive-terms chart,
sentence alignment and frames, in the HTML, the PDF and the PNG card; never raw JSON, always
escaped article text."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from html_parse import parse

import framing
from framing.comparison import compare
from framing.report import charts
from framing.report.content import anchor_targets, headline_items, only_here
from framing.report.html import render_html
from framing.report.pdf import render_pdf

FIX = Path(__file__).parent / "fixtures"
SEED = (FIX / "000_8326348c89f63b57.txt", FIX / "002_7f6faa312e2320b9.txt")

EVIL = (
    "Mayor <script>alert(1)</script> opens the Springfield bridge\n\n"
    "Mayor Ann Lee <script>alert(1)</script> opened the bridge in Springfield on Monday. "
    "\u201cIt cost 40 million dollars,\u201d said Ann Lee. The <b>Fire Brigade</b> \" onmouseover=\"alert(2)\" watched "
    "from Shelbyville.\n"
)


def section(html: str) -> str:
    start = html.index('<section id="content"')
    return html[start : html.index("</section>", start) + len("</section>")]


def card(html: str, label: str) -> str:
    start = html.index(f'<article class="oh-card" aria-labelledby="oh-h-{label}">')
    return html[start : html.index("</article>", start)]


def text_of(html: str) -> str:
    return " ".join("".join(parse(html).text).split())


@pytest.fixture(scope="module")
def seed():
    return compare([framing.analyse(p) for p in SEED])


@pytest.fixture(scope="module")
def seed_html(seed):
    return render_html(seed, charts.render(seed, svg=True, pdf=False))


@pytest.fixture(scope="module")
def seed_pdf(seed):
    pypdf = pytest.importorskip("pypdf")
    pdf = render_pdf(seed, charts.render(seed, svg=False, pdf=True))
    return pypdf.PdfReader(io.BytesIO(pdf))


def test_html_only_here_lists_name_what_each_leaves_out(seed_html):
    a, b = text_of(card(seed_html, "A")), text_of(card(seed_html, "B"))
    for name in ("Herzog", "West Bank", "Gaza"):
        assert name in a and name not in b, name
    for name in ("Matthew Miller", "Aqaba"):
        assert name in b and name not in a, name
    assert "Speakers" in a and "Places" in a  # grouped by kind, with readable headings


def test_html_only_here_items_link_to_their_first_mention(seed, seed_html):
    doc = parse(seed_html)
    ids = {attrs.get("id") for _t, attrs in doc.tags}
    links = [attrs["href"] for t, attrs in parse(card(seed_html, "A")).tags if t == "a" and (attrs.get("href") or "").startswith("#oh-")]
    assert links and all(h[1:] in ids for h in links)
    # the target wraps the item's own words in the annotated text
    herzog = next(it for _k, _h, items in only_here(seed, 0) for it in items if "Herzog" in it.text)
    m = re.search(rf'<span class="oh-t" id="oh-A-{herzog.start}-{herzog.end}">([^<]*)</span>', seed_html)
    assert m and "Herzog" in m.group(1)
    assert len(anchor_targets(seed, 0)) == len({t[2] for t in anchor_targets(seed, 0)})


def test_html_section_has_charts_alignment_and_frames(seed, seed_html):
    sec = section(seed_html)
    doc = parse(sec)
    svgs = [a for t, a in doc.tags if t == "svg"]
    assert len(svgs) >= 2 and all(a.get("role") == "img" for a in svgs)
    text = text_of(sec)
    assert "unwavering" in text  # B's evaluative vocabulary in the distinctive-terms chart
    assert "Monroe" in text and "not as a significance test" in text
    # alignment: every sentence of A a row, each status written out (not colour only)
    rows = [a for t, a in doc.tags if t == "tr" and (a.get("id") or "").startswith("al-A-")]
    assert len(rows) == len(seed.content.alignment[0]) > 20
    assert "no match in B" in text and "reworded" in text
    assert [t for t, _ in doc.tags].count("th") > 10  # table headers
    assert "conflict" in text and "cues" in text  # frames with evidence counts


def test_no_raw_json_in_html_section(seed_html):
    text = text_of(section(seed_html))
    for bad in ('{"kind"', "{'kind'", '"only_here"', '"z":', "[{", "{\""):
        assert bad not in text, bad


def test_pdf_section_is_laid_out_not_dumped(seed_pdf):
    pages = [p.extract_text() for p in seed_pdf.pages]
    text = "\n".join(pages)
    flat = " ".join(text.split())
    assert "What each article includes and omits" in flat
    assert "Only in A" in flat and "Only in B" in flat
    for name in ("Herzog", "West Bank", "Gaza", "Matthew Miller", "Aqaba"):
        assert name in flat, name
    for bad in ('{"kind"', "{'kind'", '"only_here"', '"z":', "[{"):
        assert bad not in text, bad
    assert "no match" in flat and "Sentence in A" in flat


def test_pdf_distinctive_terms_chart_is_vector(seed_pdf):
    from pypdf.generic import NameObject

    page = next(p for p in seed_pdf.pages if "Distinctive words" in p.extract_text())
    xobjects = page["/Resources"]["/XObject"].get_object()
    forms = [k for k in xobjects if k.startswith("/FramingContent") and xobjects[k].get_object().get(NameObject("/Subtype")) == "/Form"]
    assert forms
    assert not any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())
    # the chart's words are text in the page (vector), not pixels
    assert "unwavering" in page.extract_text()


@pytest.fixture(scope="module")
def evil(tmp_path_factory):
    d = tmp_path_factory.mktemp("evil")
    (d / "evil.txt").write_text(EVIL, encoding="utf-8")
    return compare([framing.analyse(d / "evil.txt"), framing.analyse(SEED[1])])


def test_article_markup_in_content_section_is_text(evil):
    sec = section(render_html(evil, charts.render(evil, svg=True, pdf=False)))
    doc = parse(sec)
    tags = {t for t, _ in doc.tags}
    assert "script" not in tags
    for _t, attrs in doc.tags:
        assert not any(k.startswith("on") for k in attrs), attrs
    text = "".join(doc.text)
    assert "<script>alert(1)</script>" in text
    assert "<b>Fire Brigade</b>" in text and '" onmouseover="alert(2)"' in text
    assert "&lt;script&gt;" in sec
    assert "Ann Lee" in text_of(card(sec, "A"))


def test_three_articles(evil, seed):
    c = compare([*seed.analyses, evil.analyses[0]])
    sec = section(render_html(c, charts.render(c, svg=True, pdf=False)))
    text = text_of(sec)
    assert "Only in C" in text and "not mentioned in A or B" in text
    heads = [a for t, a in parse(sec).tags if t == "th"]
    assert heads
    assert "In B" in text and "In C" in text


def test_png_card_names_what_only_each_has(seed):
    a, b = headline_items(seed, 0, limit=8), headline_items(seed, 1, limit=8)
    assert "Isaac Herzog" in a and "Matthew Miller" in b and "Aqaba" in b
    from framing.report.png import HEIGHT_PX, WIDTH_PX, render_png

    Image = pytest.importorskip("PIL.Image")
    img = Image.open(io.BytesIO(render_png(seed)))
    assert img.size == (WIDTH_PX, HEIGHT_PX)
