"""HTML to the main text of the page, with its title, author, date and URL, via trafilatura.

trafilatura is imported on first use only (it takes a while to import and plain-text reading does
not need it). It never fetches anything: it is given the markup, never a URL.

Time stays linear in the size of the page. libxml2 (under lxml and so under trafilatura) checks each
attribute of an element against the ones before it: quadratic in the attribute count of one element
(20,000 attributes took 9 s in trafilatura). ``limit_attributes`` keeps the first
``MAX_ATTRIBUTES`` of each tag before any parser sees the markup, with one linear scan. The
fallback text of a page is taken from lxml's tree and lxml_html_clean's ``Cleaner``, never with
regular expressions over the markup (those were quadratic on unclosed ``<script>`` and ``<!--``).

An XHTML page may declare entities in an internal DTD subset (``<!DOCTYPE html [ <!ENTITY ...> ]>``).
HTML parsers do not know that syntax: libxml2 reads ``]>`` as text, puts the ``<title>`` in the
body, and the page lost its title. ``drop_internal_subset`` removes the subset (the entities it
declares are not expanded, as no HTML parser expands them) before any parser sees the markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

MAX_ATTRIBUTES = 100  # attributes kept per tag (real pages use a few dozen at most)

# A start tag whose attributes take more than two characters each on average could hold more than
# MAX_ATTRIBUTES of them; only those are looked at. `[^<>]` stops at the next tag: linear.
_LONG_START_TAG = re.compile(rf"<([A-Za-z][^\s/<>]*)([^<>]{{{2 * MAX_ATTRIBUTES},}})")
# The doctype at the start of a page (after an optional XML declaration) with an internal subset
# in brackets. Anchored, and each part stops at a character the next one needs: linear.
_DOCTYPE_SUBSET = re.compile(
    r"(\s*(?:<\?xml\b[^<>]*>\s*)?<!doctype\b[^\[<>]*)\[[^\]]*\]\s*>", re.IGNORECASE
)
_ATTRIBUTE = re.compile(r"""[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?""")
# Elements whose text is never article text; the cleaner also drops scripts, styles, comments,
# processing instructions, embedded objects and frames.
_KILLED = ("head", "noscript", "template", "svg", "math", "title")
_BLOCKS = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 li ul ol tr table section article header footer blockquote pre dd dt".split()
)
_SPACES = re.compile(r"[ \t\f\v\xa0]+")
# Characters an lxml tree cannot hold (C0 controls but tab and line breaks; U+FFFE, U+FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A numeric character reference (``&#1;``, ``&#x1b``): the parser turns it into its character,
# which may be one an lxml tree cannot hold. Bounded digit runs: linear.
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


@dataclass(frozen=True)
class HtmlDocument:
    """The extracted main text (paragraphs separated by newlines) and the page's metadata."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()
    main_text: bool = True  # False: trafilatura found no main text; ``text`` is the page's whole text


def extract_html(markup: str) -> HtmlDocument:
    """Main text and metadata of an HTML page; comments, scripts and boilerplate left out.

    When trafilatura finds no main text, the whole visible text of the page is used instead
    (a plain tag strip that keeps block elements as lines), with a warning.
    """
    import trafilatura  # lazily: only HTML input needs it

    markup = drop_internal_subset(limit_attributes(markup))
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
    main_text = bool(text)
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
        main_text=main_text,
    )


def _metadata_only(markup: str) -> Any:
    """trafilatura's metadata (title, author, date) of a page whose text it could not extract."""
    import trafilatura

    try:
        return trafilatura.extract_metadata(markup)
    except Exception:  # metadata is optional: a page without it still has text
        return None


def limit_attributes(markup: str, limit: int = MAX_ATTRIBUTES) -> str:
    """``markup`` with at most ``limit`` attributes in each start tag (the first ones), in time
    linear in its length; markup without such a tag is returned as it is."""

    def shorten(match: re.Match[str]) -> str:
        attributes = _ATTRIBUTE.findall(match[2])
        if len(attributes) <= limit:
            return match[0]
        return f"<{match[1]} {' '.join(attributes[:limit])}"

    return _LONG_START_TAG.sub(shorten, markup)


def drop_internal_subset(markup: str) -> str:
    """``markup`` without the internal DTD subset of its leading doctype, if it has one:
    ``<!DOCTYPE html [ <!ENTITY a "b"> ]>`` becomes ``<!DOCTYPE html >``."""
    match = _DOCTYPE_SUBSET.match(markup)
    if match is None:
        return markup
    return f"{match[1]}>{markup[match.end():]}"


def _xml_character(code: int) -> bool:
    """A code point an XML tree (so lxml) can hold."""
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _safe_reference(match: re.Match[str]) -> str:
    """A character reference kept when lxml can hold its character, else U+FFFD."""
    code = int(match[1], 16) if match[1] else int(match[2])
    return match[0] if _xml_character(code) else "\ufffd"


def strip_tags(markup: str) -> str:
    """Text of ``markup`` without scripts, styles, comments and tags; one line per block.

    lxml's HTML parser builds the tree (it recovers from any markup, unclosed ``<script>`` and
    ``<!--`` included); lxml_html_clean's ``Cleaner`` removes what is never text; the text is
    then read in document order, with a line break at each block element. Characters and
    character references that an lxml tree cannot hold (``&#1;``: the cleaner raised ValueError
    on it) become a space and U+FFFD before parsing."""
    from lxml import etree
    from lxml import html as lxml_html
    from lxml_html_clean import Cleaner

    markup = drop_internal_subset(limit_attributes(markup))
    markup = _CHARACTER_REFERENCE.sub(_safe_reference, _NOT_XML.sub(" ", markup))
    data = markup.encode("utf-8", "replace")
    try:  # bytes with the encoding given: a str with an XML declaration is refused by lxml
        root = lxml_html.document_fromstring(data, parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):  # "Document is empty"
        return ""
    cleaner = Cleaner(
        scripts=True, javascript=False, comments=True, style=True, inline_style=False,
        links=True, meta=True, page_structure=False, processing_instructions=True,
        embedded=True, frames=True, forms=False, annoying_tags=False,
        remove_unknown_tags=False, safe_attrs_only=False, kill_tags=_KILLED,
    )
    cleaner(root)
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        block = element.tag in _BLOCKS
        if event == "start":
            if block:
                parts.append("\n")
            parts.append(element.text or "")
        else:
            if block:
                parts.append("\n")
            if element is not root:
                parts.append(element.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
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
