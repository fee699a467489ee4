"""Word lists and tables shipped with framing (package data; see docs/lexicons.md), and the one
loader every read of them goes through.

A lexicon file is UTF-8 text. A line whose first non-blank character is ``#`` belongs to its
header (name, category, source, licence, format); blank lines are skipped; every other line is one
entry: a word or a phrase in a ``.txt`` list, tab-separated columns in a ``.tsv`` table.

    read_lines("hedges.txt")                        -> LexiconText(name, header, entries)
    read_table("source_words.tsv", ("word", "category"))  -> rows, each a tuple of two strings
    parse_text(text, name)                          -> LexiconText of any text (a user's file)

A table row with the wrong number of columns raises :class:`framing.errors.LexiconError`, which
names the file, the line and what was expected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from framing.errors import LexiconError


@dataclass(frozen=True)
class LexiconText:
    """A lexicon file split into its header and its entry lines.

    ``header`` holds each ``#`` line after its first ``#``, as written (continuation lines keep
    their indent); ``entries`` holds each entry line without surrounding blanks, with its line
    number in ``numbers``."""

    name: str
    header: tuple[str, ...]
    entries: tuple[str, ...]
    numbers: tuple[int, ...]


def parse_text(text: str, name: str) -> LexiconText:
    """Split ``text`` (a packaged file or a user's) into header lines and entry lines."""
    header: list[str] = []
    entries: list[str] = []
    numbers: list[int] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            header.append(raw.lstrip()[1:])
        else:
            entries.append(line)
            numbers.append(number)
    return LexiconText(name, tuple(header), tuple(entries), tuple(numbers))


def packaged_files() -> list[str]:
    """The names of the packaged lexicon files (``.txt`` lists and ``.tsv`` tables), sorted."""
    root = resources.files(__name__)
    return sorted(p.name for p in root.iterdir() if p.name.endswith((".txt", ".tsv")))


@cache
def read_lines(name: str) -> LexiconText:
    """The packaged file ``name`` ("hedges.txt"), read once per process.

    Raises :class:`KeyError` when no such file is packaged."""
    try:
        text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KeyError(f"no packaged lexicon named {name!r}") from exc
    return parse_text(text, name)


def split_rows(lex: LexiconText, columns: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """Each entry line of ``lex`` split at tabs into exactly ``len(columns)`` fields."""
    rows = []
    for line, number in zip(lex.entries, lex.numbers, strict=True):
        fields = tuple(f.strip() for f in line.split("\t"))
        if len(fields) != len(columns) or not all(fields):
            raise LexiconError(
                f"{lex.name} line {number}: expected {len(columns)} tab-separated columns "
                f"({', '.join(columns)}), found {len([f for f in fields if f])}: {line!r}"
            )
        rows.append(fields)
    return tuple(rows)


@cache
def read_table(name: str, columns: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The rows of the packaged table ``name``, each a tuple with one string per column."""
    return split_rows(read_lines(name), columns)
