"""Markdown to plain text, with a small converter that keeps the words and drops the markup.

- front matter (``---`` ... ``---`` at the top) is removed; its title, author and date are kept;
- ATX (``# Title``) and setext (``Title`` / ``=====``) headings become their text, on a line;
- emphasis markers (``*x*``, ``_x_``, ``**x**``, ``__x__``, ``~~x~~``) and code backticks are
  removed, links become their text, images and HTML comments and tags are dropped;
- list markers, code blocks and table rows are kept as text, one line each;
- the lines of a paragraph are joined with spaces, so each paragraph is one line of the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
_FRONT_MATTER_ITEM = re.compile(r"^\s*-\s+(?P<value>.+)$")
_FRONT_MATTER_KEYS = {"title": "title", "author": "author", "authors": "author", "date": "date"}

_FENCE = re.compile(r"^ {0,3}(?P<marker>`{3,}|~{3,})")
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_BLOCKQUOTE = re.compile(r"^ {0,3}>[ \t]?")
_TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")

_CODE_SPAN = re.compile(r"(`+)(?P<code>.+?)\1")
_ESCAPE = re.compile(r"\\(?P<char>[!-/:-@\[-`{-~])")
_IMAGE = re.compile(r"!\[[^\]]*\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[(?P<text>[^\]]*)\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<(?P<url>(?:https?|ftp|mailto):[^<>\s]+)>", re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_EMPHASIS = (
    re.compile(r"(\*\*|__)(?=\S)(?P<text>.+?)(?<=\S)\1"),
    re.compile(r"~~(?=\S)(?P<text>.+?)(?<=\S)~~"),
    re.compile(r"\*(?=[^\s*])(?P<text>.+?)(?<=[^\s*])\*"),
    re.compile(r"(?<!\w)_(?=[^\s_])(?P<text>.+?)(?<=[^\s_])_(?!\w)"),
)


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
    blocks, first_heading = _Converter().run(_HTML_COMMENT.sub("", source))
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


class _Converter:
    """Line-by-line block conversion; each finished block is a list of output lines."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.lines: list[str] = []  # lines of the block being built
        self.paragraph: list[str] = []  # source lines of the paragraph being built
        self.fence: str | None = None  # the marker of the open code fence
        self.in_item = False  # the last output line is a list item that may continue
        self.first_heading: str | None = None

    def run(self, source: str) -> tuple[list[str], str | None]:
        for line in source.split("\n"):
            self._line(line)
        self._end_block()
        return [b for b in self.blocks if b.strip()], self.first_heading

    def _line(self, line: str) -> None:
        if self.fence is not None:
            self._fenced(line)
            return
        fence = _FENCE.match(line)
        if fence:
            self._end_block()
            self.fence = fence["marker"]
            return
        if self.paragraph and _SETEXT_UNDERLINE.match(line):
            self._heading(" ".join(self.paragraph))
            return
        quote = _BLOCKQUOTE.match(line)
        if quote:
            line = line[quote.end() :]
        if not line.strip() or _THEMATIC_BREAK.match(line) or _TABLE_DELIMITER.match(line):
            self._end_block()
            return
        if _LINK_DEFINITION.match(line):
            return
        heading = _ATX_HEADING.match(line)
        if heading:
            self._heading(heading["text"] or "")
        elif _LIST_ITEM.match(line) or line.lstrip().startswith("|"):
            self._end_paragraph()
            self.lines.append(inline_text(line.strip()))
            self.in_item = _LIST_ITEM.match(line) is not None
        elif self.in_item and line[:1] in " \t":
            self.lines[-1] += " " + inline_text(line.strip())
        else:
            self.in_item = False
            self.paragraph.append(line.strip())
            if _HARD_BREAK.search(line):
                self._end_paragraph()

    def _fenced(self, line: str) -> None:
        """A line inside a code fence: kept verbatim, unless it closes the fence."""
        assert self.fence is not None
        if line.strip().startswith(self.fence) and not line.strip().strip(self.fence[0]):
            self.fence = None
            self._end_block()
        else:
            self.lines.append(line.rstrip())

    def _heading(self, text: str) -> None:
        self.paragraph = []
        self._end_block()
        text = inline_text(text.strip())
        if not self.blocks and self.first_heading is None and text:
            self.first_heading = text
        self.blocks.append(text)

    def _end_paragraph(self) -> None:
        if self.paragraph:
            text = " ".join(line.rstrip("\\").strip() for line in self.paragraph)
            self.lines.append(inline_text(text))
            self.paragraph = []

    def _end_block(self) -> None:
        self._end_paragraph()
        self.in_item = False
        if any(line.strip() for line in self.lines):
            self.blocks.append("\n".join(self.lines))
        self.lines = []


def inline_text(text: str) -> str:
    """Inline Markdown to text: code spans and backslash escapes are kept literally."""
    out: list[str] = []
    pos = 0
    for match in _literal_parts(text):
        out.append(_inline_markup(text[pos : match.start()]))
        out.append(match["code"].strip() if match["code"] is not None else match["char"])
        pos = match.end()
    out.append(_inline_markup(text[pos:]))
    return "".join(out)


_LITERAL = re.compile(rf"{_CODE_SPAN.pattern}|{_ESCAPE.pattern}")


def _literal_parts(text: str) -> list[re.Match[str]]:
    return list(_LITERAL.finditer(text))


def _inline_markup(text: str) -> str:
    """Drop images, tags and emphasis markers; keep the text of links and autolinks."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m["text"], text)
    text = _AUTOLINK.sub(lambda m: m["url"], text)
    text = _HTML_TAG.sub("", text)
    for _ in range(3):  # nested emphasis: ***x*** and **_x_**
        before = text
        for pattern in _EMPHASIS:
            text = pattern.sub(lambda m: m["text"], text)
        if text == before:
            break
    return text
