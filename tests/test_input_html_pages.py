"""HTML pages at the edges: a page with only a title has no article text; an XHTML page with an
XML declaration and an internal DTD subset keeps its title."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from framing.article import article_from_text, read_article, sniff_format
from framing.article.html import drop_internal_subset, extract_html
from framing.errors import EmptyArticle

PARAGRAPHS = (
    "Officials said on Monday that the bridge would reopen next week after repairs to the deck "
    "were completed by the contractors, who had worked through the night.",
    "“We are confident the work will be finished on time,” the mayor said at a news conference.",
)
BODY = "<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"
XHTML = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<!DOCTYPE html [\n  <!ENTITY nbsp "&#160;">\n  <!ENTITY site "Example News">\n]>\n'
    '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Bridge to reopen next week</title></head>'
    f"<body>{BODY}</body></html>"
)


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Bridge to reopen next week</title></head><body></body></html>",
        "<!doctype html><title>Bridge to reopen next week</title>",
        "<html><head><title>Bridge to reopen next week</title></head><body>  <script>x()</script></body></html>",
    ],
)
def test_page_with_only_a_title_has_no_article_text(page: str) -> None:
    with pytest.raises(EmptyArticle, match=r"^page\.html: no text found in the HTML$"):
        article_from_text(page, fmt="html", name="page.html")


def test_markdown_with_only_a_front_matter_title_has_no_article_text() -> None:
    with pytest.raises(EmptyArticle, match="no text found in the Markdown"):
        article_from_text("---\ntitle: Bridge to reopen\n---\n\n<!-- nothing -->\n", fmt="markdown")


def test_title_and_one_paragraph_is_an_article() -> None:
    page = f"<html><head><title>Bridge to reopen</title></head><body><p>{PARAGRAPHS[0]}</p></body></html>"
    article = article_from_text(page, fmt="html")
    assert article.headline is not None and article.headline.text == "Bridge to reopen"
    assert [p.text for p in article.body] == [PARAGRAPHS[0]]


def test_xml_declaration_and_internal_subset_keep_the_title(tmp_path: Path) -> None:
    path = tmp_path / "page.xhtml"
    path.write_text(XHTML, encoding="utf-8")
    article = read_article(path)
    assert article.headline is not None and article.headline.text == "Bridge to reopen next week"
    assert [p.text for p in article.body] == list(PARAGRAPHS)
    assert "]>" not in article.text


def test_xhtml_page_is_sniffed_as_html(tmp_path: Path) -> None:
    assert sniff_format(XHTML) == "html"
    assert sniff_format('<?xml version="1.0"?>\n<!DOCTYPE html>\n<html></html>') == "html"
    path = tmp_path / "page"
    path.write_text(XHTML, encoding="utf-8")
    assert read_article(path).fmt == "html"


def test_strip_tags_fallback_keeps_the_structure_too() -> None:
    """The plain-text fallback reads the same page without the subset's ``]>`` as text."""
    page = XHTML.replace(BODY, "<div>Short.</div>")
    doc = extract_html(page)
    assert doc.title == "Bridge to reopen next week"
    assert "]>" not in doc.text


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<!DOCTYPE html [ <!ENTITY a "b"> ]><html></html>', "<!DOCTYPE html ><html></html>"),
        ('  <?xml version="1.0"?>\n<!doctype html[]>\n<p>x', '  <?xml version="1.0"?>\n<!doctype html>\n<p>x'),
        ("<!DOCTYPE html><html></html>", "<!DOCTYPE html><html></html>"),  # no subset: unchanged
        ("<p>[not a doctype]></p>", "<p>[not a doctype]></p>"),
        ("<!DOCTYPE html [ <!ENTITY a 'b'> ", "<!DOCTYPE html [ <!ENTITY a 'b'> "),  # unclosed: unchanged
    ],
)
def test_drop_internal_subset(markup: str, expected: str) -> None:
    assert drop_internal_subset(markup) == expected


def test_drop_internal_subset_is_linear() -> None:
    hostile = "<!DOCTYPE html [" + "<!ENTITY a 'b'>" * 100_000  # 1.5 MB, never closed
    start = time.perf_counter()
    assert drop_internal_subset(hostile) == hostile
    assert drop_internal_subset(hostile + "]>") == "<!DOCTYPE html >"
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("reference", ["&#1", "&#1;", "&#x1b;", "&#0;", "&#xD800;", "&#99999999999;", "&#xFFFE;"])
def test_references_to_characters_lxml_cannot_hold(reference: str) -> None:
    """The plain-text fallback parsed ``&#1`` into a control character and lxml_html_clean's
    cleaner raised ValueError on it (found by tests/test_input_fuzz.py)."""
    article = article_from_text(f"0</0>{reference}<p>Officials said so.</p><script>{reference}</script>", fmt="html")
    assert "Officials said so." in article.text
    assert all(ch >= " " or ch in "\t\n\f" for ch in article.text)


def test_references_to_ordinary_characters_are_kept() -> None:
    article = article_from_text("<div>caf&#233; &#x2014; &#65;&#9;b</div>", fmt="html")
    assert article.text == "café — A b"
