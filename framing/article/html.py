"""HTML to the main text of the page, with its title, author, date and URL, via trafilatura.

trafilatura is imported on first use only (it takes a while to import and plain-text reading does
not need it). It never fetches anything: it is given the markup, never a URL.
"""

from __future__ import annotations

import html as html_entities
import re
from dataclasses import dataclass
from typing import Any

_DROPPED_ELEMENTS = re.compile(
    r"<(script|style|noscript|template|head|svg)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|blockquote|pre|dd|dt)\b[^>]*>",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^<>]+>")
_SPACES = re.compile(r"[ \t\f\v\xa0]+")


@dataclass(frozen=True)
class HtmlDocument:
    """The extracted main text (paragraphs separated by newlines) and the page's metadata."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()


def extract_html(markup: str) -> HtmlDocument:
    """Main text and metadata of an HTML page; comments, scripts and boilerplate left out.

    When trafilatura finds no main text, the whole visible text of the page is used instead
    (a plain tag strip that keeps block elements as lines), with a warning.
    """
    import trafilatura  # lazily: only HTML input needs it

    warnings: list[str] = []
    try:
        doc: Any = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds of errors on broken markup
        doc = None
        warnings.append(
            f"HTML extraction failed ({type(exc).__name__}); used the page's plain text"
        )
    text = (_field(doc, "text") or "").strip()
    if doc is None:
        doc = _metadata_only(markup)
    if not text:
        text = strip_tags(markup)
        if text and not warnings:
            warnings.append("no main text found in the HTML; used the page's whole text")
    return HtmlDocument(
        text=text,
        title=_one_line(_field(doc, "title")),
        author=_one_line(_field(doc, "author")),
        date=_one_line(_field(doc, "date")),
        url=_one_line(_field(doc, "url")),
        warnings=tuple(warnings),
    )


def _metadata_only(markup: str) -> Any:
    """trafilatura's metadata (title, author, date) of a page whose text it could not extract."""
    import trafilatura

    try:
        return trafilatura.extract_metadata(markup)
    except Exception:  # metadata is optional: a page without it still has text
        return None


def strip_tags(markup: str) -> str:
    """Text of ``markup`` without scripts, styles, comments and tags; one line per block."""
    text = _DROPPED_ELEMENTS.sub(" ", _COMMENT.sub(" ", markup))
    text = _TAG.sub("", _BLOCK_TAG.sub("\n", text))
    text = html_entities.unescape(text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _field(doc: Any, name: str) -> Any:
    """A field of trafilatura's result: a ``Document`` (2.x) or a dict (1.x)."""
    if doc is None:
        return None
    if isinstance(doc, dict):
        return doc.get(name)
    return getattr(doc, name, None)


def _one_line(value: Any) -> str | None:
    """A metadata value on one line, or None when empty."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
