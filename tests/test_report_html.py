"""The HTML report: self-contained, accessible, every evidence span one highlight, and article
text always escaped (never markup), in element content and in attributes."""

from __future__ import annotations

from pathlib import Path

import pytest
from html_parse import parse

import framing
from framing.comparison import compare
from framing.comparison.summary import Highlight, HighlightRule, evidence_spans
from framing.report import charts
from framing.report.html import mark_open, render_html

FIX = Path(__file__).parent / "fixtures"

EVIL = (
    "Mayor <script>alert(1)</script> opens \" onmouseover=\"alert(2)\" bridge\n"
    "By Eve <img src=x onerror=alert(3)>\n\n"
    "The mayor said the bridge is <b>safe</b>. \u201cWe <script>alert(4)</script> love it\" onmouseover=\"x,\u201d "
    "Mayor Ann Lee said. We must protect our magnificent city & its </p><p>people.\n"
)


@pytest.fixture(scope="module")
def evil_report(tmp_path_factory):
    d = tmp_path_factory.mktemp("evil")
    (d / "evil.txt").write_text(EVIL, encoding="utf-8")
    c = compare([framing.analyse(d / "evil.txt"), framing.analyse(FIX / "002_7f6faa312e2320b9.txt")])
    return c, render_html(c, charts.render(c, svg=True, pdf=False))


@pytest.fixture(scope="module")
def seed_report():
    c = compare([framing.analyse(FIX / "000_8326348c89f63b57.txt"), framing.analyse(FIX / "002_7f6faa312e2320b9.txt")])
    return c, render_html(c, charts.render(c, svg=True, pdf=False))


def test_article_markup_renders_as_text_never_as_markup(evil_report):
    _c, html = evil_report
    doc = parse(html)
    tags = [t for t, _ in doc.tags]
    assert "script" not in tags and "img" not in tags and "b" not in tags
    for _tag, attrs in doc.tags:
        assert not any(name.startswith("on") for name in attrs), attrs
    text = "".join(doc.text)
    assert "<script>alert(1)</script>" in text
    assert '" onmouseover="alert(2)"' in text
    assert "<img src=x onerror=alert(3)>" in text


def test_titles_escape_article_text():
    """Explanations hold article text (source names, lexicon entries): escaped in the attribute."""
    evil = '"><script>alert(1)</script><b onmouseover="x'
    h = Highlight("a0", 0, 5, evil, ("source",),
                  (HighlightRule("source:person", None, f"source: {evil} (person)", ("sourcing.named_people",)),))
    doc = parse(mark_open(h, False) + "x</mark>")
    assert [t for t, _ in doc.tags] == ["mark"]
    attrs = doc.tags[0][1]
    assert set(attrs) == {"class", "data-ev", "tabindex", "title"}
    assert evil in attrs["title"]


def test_one_highlight_per_evidence_span_each_explained_and_focusable(seed_report):
    c, html = seed_report
    doc = parse(html)
    marks = [a for t, a in doc.tags if t == "mark" and "data-ev" in a]
    ids = {a["data-ev"] for a in marks}
    expected = sum(len(evidence_spans(a)) for a in c.analyses)
    assert len(ids) == expected > 50
    firsts = [a for a in marks if "cont" not in (a.get("class") or "").split()]
    assert len(firsts) == len(ids)
    assert all(a.get("tabindex") == "0" and a.get("title") for a in firsts)
    titles = " ".join(a["title"] for a in firsts)
    # plain words from the rule registry, never the rule ids (those stay in comparison.json)
    assert "evaluative phrase 'testament to': a ready-made phrase of praise or blame" in titles
    assert "'as a nation': the author speaks for a national or group 'we'" in titles
    assert "direct quote (Benjamin Netanyahu): the speaker's own words" in titles
    assert "lexicon:" not in titles and "first_person:" not in titles and "[" not in titles


def test_self_contained_and_structured(seed_report):
    c, html = seed_report
    doc = parse(html)
    for tag, attrs in doc.tags:
        for name in ("src", "href", "data", "action"):
            value = attrs.get(name) or ""
            assert not value.startswith(("http:", "https:", "//")), (tag, attrs)
        if tag == "link":
            pytest.fail("external stylesheet")
    assert "@import" not in html and "url(http" not in html
    tags = [t for t, _ in doc.tags]
    assert tags.count("h1") == 1 and tags.count("h2") >= 5 and tags.count("svg") >= 5
    assert ('lang', 'en') in [(k, v) for t, a in doc.tags if t == "html" for k, v in a.items()]
    text = "".join(doc.text)
    for a in c.articles:
        assert a.headline in text and a.profile in text
    assert "The scores describe framing, not truth" in text
    assert "Methodology and limits" in text and "licence" in text.lower()
