"""The report names where a fetched article came from, escaped: the summary card's link (HTML)
and line (PDF), for any URL; an article read from a file keeps its file name."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from html_parse import parse
from page_server import news_page

from framing.article.reading import article_from_page
from framing.report.html import _source
from framing.web import Page

FETCHED = "2025-05-01T09:30:12Z"
HOSTILE = [
    'http://e.example/a?q="><script>alert(1)</script>',
    "https://e.example/a?x=1&y=<b>2</b>",
    "http://e.example/'onmouseover='alert(1)",
]


@pytest.mark.parametrize("url", HOSTILE)
def test_card_links_the_url_escaped(url: str) -> None:
    html = _source("ignored", SimpleNamespace(url=url, fetched=FETCHED))
    doc = parse(f"<p>{html}</p>")
    links = [attrs for tag, attrs in doc.tags if tag == "a"]
    assert [a["href"] for a in links] == [url]  # one link, its address exactly the URL
    assert [t for t, _ in doc.tags] == ["p", "a"]  # nothing the URL could open (no <script>, <b>)
    assert "".join(doc.text) == f"{url}, fetched 2025-05-01 09:30 UTC"


@pytest.mark.parametrize("url", [None, "javascript:alert(1)", "data:text/html,<b>x</b>"])
def test_only_fetched_http_urls_are_links(url: str | None) -> None:
    assert _source("a <b>.html", SimpleNamespace(url=url, fetched=FETCHED)) == "a &lt;b&gt;.html"
    assert _source("a.html", SimpleNamespace(url="https://e.example/a", fetched=None)) == "a.html"


def test_pdf_card_line_is_escaped_markup() -> None:
    from framing.report.pdf import _fetched_from

    style = {"small": __import__("reportlab.lib.styles", fromlist=["ParagraphStyle"]).ParagraphStyle("s")}
    (paragraph,) = _fetched_from(SimpleNamespace(url=HOSTILE[0], fetched=FETCHED), style)
    assert paragraph.getPlainText() == f"{HOSTILE[0]}, fetched 2025-05-01 09:30 UTC"
    assert _fetched_from(SimpleNamespace(url="https://e.example/a", fetched=None), style) == []


def test_control_characters_in_a_fetched_url_are_replaced() -> None:
    page = Page(url="http://e.example/a\x1b[31m.html", final_url="http://e.example/a", fetched=FETCHED,
                content_type="text/html", charset=None, body=news_page())
    art = article_from_page(page)
    assert art.url == "http://e.example/a\ufffd[31m.html"
    assert art.name == "http://e.example/a\\x1b[31m.html"
    assert art.fetched == FETCHED
