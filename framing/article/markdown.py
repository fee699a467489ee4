"""Markdown to plain text: markdown-it-py parses (CommonMark, with GitHub's tables and
strikethrough), and the text is read from its tokens.

- front matter (``---`` ... ``---`` at the top) is removed; its title, author and date are kept;
- ATX (``# Title``) and setext (``Title`` / ``=====``) headings become their text, on a line;
- emphasis and strikethrough markers and code backticks are removed, links and autolinks become
  their text, images, HTML comments and tags are dropped (the text inside HTML blocks is kept,
  scripts and styles are not), backslash escapes and entities become their characters;
- list items keep their marker (``- x``, ``1. x``), one line each; code blocks and table rows
  (``| a | b |``, as written, without inline markup) are kept as text, one line each;
- the lines of a paragraph are joined with spaces, so each paragraph is one line of the result;
  a hard line break starts a new line.

markdown-it-py runs in time linear in the input (the regular expressions of the hand-written
converter before it were quadratic to cubic: 16 KB of backticks took 89 s), and nests blocks at
most ``maxNesting`` (20) deep. Nothing here is rendered to HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
_FRONT_MATTER_ITEM = re.compile(r"^\s*-\s+(?P<value>.+)$")
_FRONT_MATTER_KEYS = {"title": "title", "author": "author", "authors": "author", "date": "date"}

# An HTML tag inside an HTML block: `[^<>]` stops at the next tag, so the scan is linear.
_HTML_TAG = re.compile(r"<[^<>]*>")
# HTML blocks whose content is never text
_HTML_CODE_BLOCK = re.compile(r"\s*<(?:script|style)\b", re.IGNORECASE)


@dataclass(frozen=True)
class MarkdownDocument:
    """The plain text of a Markdown document and what its front matter and headings said."""

    text: str
    title: str | None = None  # front-matter title
    author: str | None = None
    date: str | None = None
    first_heading: str | None = None  # the text of the first block, when it is a heading


def convert_markdown(source: str) -> MarkdownDocument:
    """Convert Markdown (newlines already normalised) to plain text, one paragraph per line."""
    fields, source = _split_front_matter(source)
    blocks, first_heading = _text_blocks(_parser().parse(source), source.split("\n"))
    return MarkdownDocument(
        text="\n\n".join(blocks),
        title=fields.get("title"),
        author=fields.get("author"),
        date=fields.get("date"),
        first_heading=first_heading,
    )


def _split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """The title/author/date fields of a leading ``---`` block, and the text after it."""
    match = _FRONT_MATTER.match(source)
    if match is None:
        return {}, source
    fields: dict[str, str] = {}
    items: dict[str, list[str]] = {}
    key: str | None = None
    for line in match.group(1).split("\n"):
        field = _FRONT_MATTER_FIELD.match(line)
        item = _FRONT_MATTER_ITEM.match(line)
        if field:
            key = _FRONT_MATTER_KEYS.get(field["key"].lower())
            value = _unquote(field["value"])
            if key and value and key not in fields:
                fields[key] = value
        elif item and key:
            items.setdefault(key, []).append(_unquote(item["value"]))
    for key, values in items.items():
        fields.setdefault(key, ", ".join(v for v in values if v))
    return {k: v for k, v in fields.items() if v}, source[match.end() :]


def _unquote(value: str) -> str:
    """A YAML scalar without its quotes; a flow list ``[a, b]`` as ``a, b``."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    if value.startswith("[") and value.endswith("]"):
        return ", ".join(_unquote(v) for v in value[1:-1].split(",") if v.strip())
    return value


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def inline_text(text: str) -> str:
    """Inline Markdown to text (emphasis and links dropped, code spans and escapes kept)."""
    tokens = _parser().parseInline(text)
    return _inline(tokens[0].children or []) if tokens else ""


def _inline(children: list[Any]) -> str:
    """The text of an inline token's children: words, code and link text; no markup, no images."""
    out: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            out.append(child.content)
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("\n")
        # images, inline HTML and the open/close markers of emphasis and links carry no text
    return "".join(out)


def _html_text(html: str) -> list[str]:
    """The lines of text in an HTML block, without comments and tags (linear scans)."""
    if _HTML_CODE_BLOCK.match(html):
        return []
    kept: list[str] = []
    pos = 0
    while True:
        start = html.find("<!--", pos)
        if start < 0:
            kept.append(html[pos:])
            break
        kept.append(html[pos:start])
        end = html.find("-->", start + 4)
        if end < 0:  # an unclosed comment runs to the end of the block
            break
        pos = end + 3
    text = _HTML_TAG.sub("", "".join(kept))
    return [inline_text(line.strip()) for line in text.split("\n") if line.strip()]


class _Blocks:
    """Output blocks (each a list of lines). Lists and tables are one block each, their items and
    rows one line each; outside them, each paragraph, heading or code block is a block."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.container: list[str] | None = None  # lines of the open list or table
        self.depth = 0  # open lists and tables
        self.marker = ""  # the marker of the list item whose first line is to come
        self.first_heading: str | None = None

    def open_container(self) -> None:
        if self.depth == 0:
            self.container = []
        self.depth += 1

    def close_container(self) -> None:
        self.depth -= 1
        if self.depth == 0 and self.container is not None:
            self.add_block(self.container)
            self.container = None

    def add_lines(self, lines: list[str]) -> None:
        lines = [line for line in lines if line.strip()]
        if not lines:
            return
        if self.container is None:
            self.add_block(lines)
            return
        if self.marker:
            lines[0] = f"{self.marker} {lines[0].lstrip()}"
            self.marker = ""
        self.container.extend(lines)

    def add_heading(self, text: str) -> None:
        text = text.strip()
        if text and self.container is None and not self.blocks and self.first_heading is None:
            self.first_heading = text
        self.add_lines([text])

    def add_block(self, lines: list[str]) -> None:
        block = "\n".join(lines)
        if block.strip():
            self.blocks.append(block)


def _text_blocks(tokens: list[Any], lines: list[str]) -> tuple[list[str], str | None]:
    """The text blocks of markdown-it's block tokens, and the text of the first block when it is
    a heading. ``lines``: the source, for table rows, which are kept as written (without their
    inline markup), not rebuilt with a space around each cell (a row of one-letter cells would
    double its size)."""
    out = _Blocks()
    where = ""  # the block whose inline content comes next: heading, paragraph or cell
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open", "table_open"):
            out.open_container()
        elif kind in ("bullet_list_close", "ordered_list_close", "table_close"):
            out.close_container()
        elif kind == "list_item_open":
            out.marker = f"{token.info}{token.markup}"
        elif kind == "list_item_close":
            out.marker = ""
        elif kind in ("heading_open", "paragraph_open", "th_open", "td_open"):
            where = kind
        elif kind == "tr_open" and token.map:
            out.add_lines([inline_text(lines[token.map[0]].strip().lstrip(">").strip())])
        elif kind == "inline":
            text = _inline(token.children or [])
            if where == "heading_open":
                out.add_heading(" ".join(text.split("\n")))
            elif where in ("th_open", "td_open"):
                pass  # read with its row
            else:
                out.add_lines([line.strip() for line in text.split("\n")])
        elif kind in ("fence", "code_block"):
            out.add_lines([line.rstrip() for line in token.content.split("\n")])
        elif kind == "html_block":
            out.add_lines(_html_text(token.content))
    return out.blocks, out.first_heading
