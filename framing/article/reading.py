"""Source -> Article: read a file, stdin or a URL, decode it, convert HTML/Markdown, find the structure."""

from __future__ import annotations

import codecs
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from framing.article.checks import (
    check_binary_text,
    check_text_size,
    controls_warning,
    replace_controls,
    size_error,
    text_warnings,
)
from framing.article.decoding import decode_bytes, normalise_newlines, strip_bom, wide_encoding
from framing.article.html import extract_html
from framing.article.markdown import convert_markdown
from framing.article.metadata import find_layout, lines_of, same_text
from framing.errors import EmptyArticle, InputError, SourceNotFound
from framing.model import Article, count_words
from framing.printable import display_name
from framing.settings import DEFAULT_SETTINGS, Settings
from framing.web.pages import Page, fetch_page, fetch_pages, is_url

STDIN = "-"
STDIN_NAME = "<stdin>"
FORMATS = ("text", "markdown", "html")
_FORMAT_NAMES = {"text": "text", "markdown": "Markdown", "html": "HTML"}
_FORMAT_ALIASES = {"txt": "text", "md": "markdown", "htm": "html"}
_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
SNIFF_CHARS = 65_536
# A fetched page with fewer body words has no article text (a menu, a paywall's notice, "enable
# JavaScript"); with fewer than PAGE_SHORT_WORDS, a warning (a paywall's teaser, or a brief).
PAGE_MIN_WORDS = 40
PAGE_SHORT_WORDS = 150
# An XML declaration may come first (XHTML).
_HTML_START = re.compile(r"\s*(?:<\?xml\b[^<>]*>\s*)?<(?:!doctype\b|html\b)", re.IGNORECASE)
_HTML_TAG = re.compile(r"<(?:p|body)[\s>]", re.IGNORECASE)


def read_article(
    source: str | bytes | os.PathLike[str] | os.PathLike[bytes],
    *,
    settings: Settings = DEFAULT_SETTINGS,
) -> Article:
    """Read an article from a .txt, .md/.markdown or .html/.htm file, from stdin (``"-"``) or from
    an http(s) URL given as a ``str`` (``article_from_page``; docs/urls.md).

    Other extensions (or none) are sniffed: HTML when the text starts with ``<!doctype`` or
    ``<html`` (after an optional ``<?xml ...?>``) or has ``<p>``/``<body>`` tags, plain text
    otherwise. The size limit (``settings.max_bytes``) applies to the bytes read, i.e. the size on
    disk. ``Article.name`` and the file named in messages are ``display_name``s: any file name,
    UTF-8 or not, with control characters or not, becomes a printable ``str``. Raises an
    ``InputError`` (SourceNotFound, EmptyArticle, BinaryInput, TooLarge) with a one-line message
    naming the file.
    """
    if is_url(source):
        return article_from_page(fetch_page(str(source), settings=settings), settings=settings)
    if isinstance(source, str) and source == STDIN:
        data = _read_stdin(settings.max_bytes)
        name = label = STDIN_NAME
        fmt = None
    else:
        path = Path(os.fsdecode(source))
        label = display_name(path)
        data = _read_file(path, label, settings.max_bytes)
        name = display_name(path.name)
        fmt = _EXTENSIONS.get(path.suffix.lower())
    text, encoding, warnings = decode_bytes(data)
    return _build_article(
        text,
        name=name,
        label=label,
        fmt=fmt or sniff_format(text),
        settings=settings,
        encoding=encoding,
        warnings=warnings,
    )


def read_articles(
    sources: Sequence[str | os.PathLike[str]],
    *,
    settings: Settings = DEFAULT_SETTINGS,
) -> list[Article]:
    """The articles of command-line sources, in order: URLs (``str``), ``"-"`` (stdin) and paths.

    The URLs are fetched first, all at the same time (``fetch_pages``), so several pages take as
    long as the slowest one. The first source that fails, in the order given, raises its error.
    """
    urls = [s for s in sources if is_url(s)]
    pages = dict(zip(urls, fetch_pages(urls, settings=settings), strict=True)) if urls else {}
    out = []
    for source in sources:
        if isinstance(source, str) and source in pages:
            page = pages[source]
            if not isinstance(page, Page):
                raise page
            out.append(article_from_page(page, settings=settings))
        else:
            out.append(read_article(source if source == STDIN else Path(source), settings=settings))
    return out


def article_from_page(page: Page, *, settings: Settings = DEFAULT_SETTINGS) -> Article:
    """The article of a fetched page, through the same path as a file (trafilatura for HTML).

    ``Article.name`` and ``Article.url`` are the URL as given, ``Article.fetched`` the time of the
    fetch. The encoding: a byte-order mark, else UTF-8 when the bytes are valid UTF-8, else the
    charset the server named, else as for files (``decode_bytes``). A page on which trafilatura
    finds no main text (a paywall, a page built by JavaScript, an index page) is refused:
    ``EmptyArticle`` "no article text found at URL", where a file would fall back to the page's
    whole text. So is a page whose body has fewer than ``PAGE_MIN_WORDS`` words (trafilatura's
    fallbacks read a page of links as text: "Home / World / Sport"); under ``PAGE_SHORT_WORDS``
    the article has a warning.
    """
    label = display_name(page.url)
    text, encoding, warnings = _decode_page(page)
    fmt = page.fmt or sniff_format(text)
    no_text = EmptyArticle(
        f"no article text found at {label} (a paywall, or a page built by JavaScript? "
        "save it from the browser and give the .html file)"
    )
    try:
        article = _build_article(
            text,
            name=label,
            label=label,
            fmt=fmt,
            settings=settings,
            encoding=encoding,
            warnings=(*page.warnings, *warnings),
            url=page.url,
            fetched=page.fetched,
            require_main_text=True,
        )
    except EmptyArticle:
        raise no_text from None
    words = sum(count_words(p.text) for p in article.body)
    if words < PAGE_MIN_WORDS:
        raise no_text
    if words < PAGE_SHORT_WORDS:
        short = f"only {words} words of article text on the page; a paywall may hide the rest"
        article = replace(article, warnings=(*article.warnings, short))
    return article


# Charsets a server names that browsers read as windows-1252 (WHATWG Encoding): as cp1252 here.
_CP1252_LABELS = frozenset({"ascii", "iso8859-1", "cp1252"})


def _decode_page(page: Page) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings) of a page's bytes (see ``article_from_page``)."""
    data = page.body
    if page.charset and not data.startswith(codecs.BOM_UTF8) and wide_encoding(data) is None:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                name = codecs.lookup(page.charset).name
                name = "cp1252" if name in _CP1252_LABELS else name
                return data.decode(name), name, []
            except (LookupError, UnicodeDecodeError):
                pass  # an unknown charset, or bytes it does not take: as for a file
    return decode_bytes(data)


def article_from_text(
    text: str,
    *,
    name: str = "<text>",
    fmt: str = "text",
    settings: Settings = DEFAULT_SETTINGS,
    encoding: str = "utf-8",
    warnings: Iterable[str] = (),
) -> Article:
    """Build an Article from text already in memory (the pure core used by ``analyse``).

    ``fmt`` is "text", "markdown" or "html". A leading byte-order mark is removed, line
    endings are normalised to ``\\n`` and control characters are replaced with U+FFFD; all
    offsets index ``Article.text``. The size limit applies to the text's UTF-8 encoding; ``name``
    is shown as its ``display_name``.
    """
    name = display_name(name)
    check_text_size(text, name, settings.max_bytes)
    return _build_article(
        text,
        name=name,
        label=name,
        fmt=fmt,
        settings=settings,
        encoding=encoding,
        warnings=warnings,
    )


def sniff_format(text: str) -> str:
    """ "html" when the text looks like an HTML page, else "text"."""
    head = text[:SNIFF_CHARS]
    if _HTML_START.match(head) or _HTML_TAG.search(head):
        return "html"
    return "text"


def _read_file(path: Path, label: str, limit: int) -> bytes:
    """The bytes of a file, refusing missing paths, directories and files over ``limit``."""
    try:
        if path.is_dir():
            raise InputError(f"{label} is a directory, not a file")
        size = path.stat().st_size
        if size > limit:
            raise size_error(label, size, limit)  # the size on disk, as ls shows it
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except (FileNotFoundError, NotADirectoryError):
        raise SourceNotFound(f"no such file: {label}") from None
    except PermissionError:
        raise InputError(f"cannot read {label}: permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read {label}: {exc.strerror or exc}") from None
    if len(data) > limit:  # the file grew, or it is a device or pipe without a size
        raise size_error(label, None, limit)
    return data


def _read_stdin(limit: int) -> bytes:
    """Up to ``limit`` bytes of standard input; TooLarge when there are more."""
    try:
        data = sys.stdin.buffer.read(limit + 1)
    except (AttributeError, OSError, ValueError) as exc:  # closed, or not a byte stream
        raise InputError(f"cannot read {STDIN_NAME}: {exc}") from None
    if len(data) > limit:
        raise size_error(STDIN_NAME, None, limit)
    return data


def _build_article(
    text: str,
    *,
    name: str,
    label: str,
    fmt: str,
    settings: Settings,
    encoding: str,
    warnings: Iterable[str],
    url: str | None = None,
    fetched: str | None = None,
    require_main_text: bool = False,
) -> Article:
    """Convert ``text`` from its format, find headline/byline/body, and collect warnings.

    ``url`` and ``fetched``: where and when a fetched page came from (they replace the URL the
    page's metadata names). ``require_main_text``: an HTML page without main text is
    ``EmptyArticle`` rather than read for its whole text.

    Control characters are replaced (``replace_controls``) in the text as read, so that no
    converter sees them, and again in the converted text and metadata (an HTML or Markdown
    character reference can make one).
    """
    fmt = _FORMAT_ALIASES.get(fmt, fmt)
    if fmt not in FORMATS:
        raise InputError(f"{label}: unknown format {fmt!r} (expected text, markdown or html)")
    text = normalise_newlines(strip_bom(text))
    if not text.strip():
        raise EmptyArticle(f"{label}: the article is empty")
    check_binary_text(text, label)
    text, replaced = replace_controls(text)
    source, replaced_after = _without_controls(_convert(text, fmt))
    replaced += replaced_after
    if require_main_text and not source.main_text:
        raise EmptyArticle(f"{label}: no main text found in the {_FORMAT_NAMES[fmt]}")
    if not source.text.strip():  # a page with only a <title>, a front matter with only a title
        raise EmptyArticle(f"{label}: no text found in the {_FORMAT_NAMES[fmt]}")
    text, headline_hint = source.text, source.first_heading
    if source.title and settings.detect_headline:
        text = with_title(source.title, text)
        headline_hint = source.title
    if replaced:
        warnings = (*warnings, controls_warning(replaced))
    layout = find_layout(text, settings, known_headline=headline_hint)
    body_text = text[layout.body[0].start : layout.body[-1].end]
    return Article(
        text=text,
        name=name,
        headline=layout.headline,
        byline=layout.byline,
        author=layout.author or source.author,
        body=layout.body,
        date=source.date,
        url=_clean(url) if url else source.url,
        fmt=fmt,
        encoding=encoding,
        warnings=(*warnings, *source.warnings, *text_warnings(body_text)),
        fetched=fetched,
    )


@dataclass(frozen=True)
class _Converted:
    """Plain text converted from a format, with the metadata the format carried."""

    text: str
    title: str | None = None
    first_heading: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()
    main_text: bool = True  # False: an HTML page whose text is its whole text (no main text)


def _convert(text: str, fmt: str) -> _Converted:
    """Plain text of ``text`` in format ``fmt`` (text, markdown or html), and its metadata."""
    if fmt == "html":
        page = extract_html(text)
        return _Converted(
            text=normalise_newlines(page.text),
            title=page.title,
            author=page.author,
            date=page.date,
            url=page.url,
            warnings=page.warnings,
            main_text=page.main_text,
        )
    if fmt == "markdown":
        doc = convert_markdown(text)
        return _Converted(
            text=doc.text,
            title=doc.title,
            first_heading=doc.first_heading,
            author=doc.author,
            date=doc.date,
        )
    return _Converted(text=text)


def _without_controls(source: _Converted) -> tuple[_Converted, int]:
    """``source`` with control characters replaced in its text and metadata, and how many there
    were in the text and in the metadata that is not part of it (author, date, URL)."""
    text, count = replace_controls(source.text)
    metadata: list[str | None] = []
    for value in (source.author, source.date, source.url):
        cleaned, n = replace_controls(value) if value is not None else (None, 0)
        metadata.append(cleaned)
        count += n
    author, date, url = metadata
    return (
        replace(
            source,
            text=text,
            title=_clean(source.title),
            first_heading=_clean(source.first_heading),
            author=author,
            date=date,
            url=url,
        ),
        count,
    )


def _clean(value: str | None) -> str | None:
    """``value`` with its control characters replaced (``replace_controls``)."""
    return None if value is None else replace_controls(value)[0]


def with_title(title: str, body: str) -> str:
    """``"TITLE\\n\\nBODY"``; a body that already starts with the title does not repeat it."""
    lines = lines_of(body)
    if lines and same_text(lines[0].text, title):
        body = body[lines[0].end :]
    body = body.strip("\n").strip()
    return f"{title}\n\n{body}" if body else title
