"""Word lists as package data, and a fast matcher that finds their entries among tokens.

A lexicon file (``framing/lexicons/<name>.txt``) is UTF-8 text: ``#`` lines are comments and
the header must say where the list comes from and under which licence; every other line is one
entry, a word or a phrase ("testament to", "so-called"). Matching is case-insensitive and runs
over the article's tokens, so an entry is split into tokens the way the article is ("so-called"
becomes ``so - called``; curly and straight apostrophes are the same).

Packaged files are read once per process through :mod:`framing.lexicons`. A user can extend a
lexicon with files of the same format (``Settings.lexicon_paths``): a file named
``evaluative_adjectives.txt`` adds its entries to the packaged ``evaluative_adjectives``, and a
line ``-entry`` removes a packaged entry. Files with other names are ignored.

``loaded_verbs`` also takes entries from the verb table: the forms of loaded reporting verbs
that count in the author's own voice too (``reporting_verbs.tsv``, column ``editorial``), so that
whether a reporting verb is loaded is said in one place only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from framing.errors import InputError
from framing.lexicons import LexiconText, parse_text, read_lines
from framing.nlp.pipeline import load_pipeline
from framing.voice.lexicon import editorial_loaded_forms


def entry_tokens(entry: str) -> tuple[str, ...]:
    """Split a lexicon entry into normalised tokens with the tokenizer that splits articles.

    spaCy's English tokenizer splits hyphens out of words ("so-called" -> ``so``, ``-``,
    ``called``) and contractions apart ("let's" -> ``let``, ``'s``); entries are split the same
    way, so they match whatever the article tokenizer produced.
    """
    entry = " ".join(entry.split())
    if _PLAIN.fullmatch(entry):
        # Letters only: spaCy keeps each word whole unless it has a special case ("cannot",
        # "gonna"); skipping the tokenizer for these makes loading the lists about 5x faster.
        words = entry.split()
        if not any(w in _special_cases() for w in words):
            return tuple(w.lower() for w in words)
    doc = load_pipeline(None).make_doc(entry)
    return tuple(normalise(t.text) for t in doc if not t.is_space)


_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


@cache
def _special_cases() -> frozenset[str]:
    """Strings the tokenizer splits by a special rule ("cannot" -> "can", "not")."""
    return frozenset(load_pipeline(None).tokenizer.rules)


def display(words: Sequence[str]) -> str:
    """An entry's tokens as one readable string ("so-called", "let's", "testament to")."""
    out = ""
    for w in words:
        if out and not (w == "-" or out.endswith("-") or w.startswith("'") or w == "n't"):
            out += " "
        out += w
    return out


def normalise(token_text: str) -> str:
    """Lower-case a token and write every apostrophe as ``'``."""
    return token_text.lower().replace("’", "'").replace("‘", "'")


@dataclass(frozen=True)
class Lexicon:
    """One word list: its name (the file stem), header lines and entries (as token tuples)."""

    name: str
    header: tuple[str, ...]
    entries: frozenset[tuple[str, ...]]

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, phrase: object) -> bool:
        if isinstance(phrase, str):
            return entry_tokens(phrase) in self.entries
        return phrase in self.entries

    @property
    def parts_of_speech(self) -> frozenset[str]:
        """The universal parts of speech the list's one-word entries are meant as, from the header
        line ``pos: ADJ ADV`` (empty: any); ``scores.evaluative`` drops a hit that the tagger
        clearly uses otherwise ("challenging the ruling", "May" the month)."""
        for line in self.header:
            if line.lower().startswith("pos:"):
                return frozenset(line.split(":", 1)[1].split())
        return frozenset()

    @property
    def source(self) -> str:
        """The header line that names the list's source and licence."""
        for line in self.header:
            if line.lower().startswith("source:"):
                return line
        return ""


def parse_lexicon(lex: LexiconText) -> tuple[tuple[str, ...], set[tuple[str, ...]], set[tuple[str, ...]]]:
    """A lexicon file's (header lines, entries to add, entries to remove)."""
    header = tuple(line.lstrip("#").strip() for line in lex.header)
    add: set[tuple[str, ...]] = set()
    remove: set[tuple[str, ...]] = set()
    for line in lex.entries:
        if line.startswith("-") and len(line) > 1:
            remove.add(entry_tokens(line[1:]))
        else:
            add.add(entry_tokens(line))
    return header, add, remove


def _table_entries(name: str) -> tuple[str, ...]:
    """Entries a packaged lexicon takes from a table instead of its own file."""
    if name == "loaded_verbs":
        return editorial_loaded_forms()
    return ()


@cache
def _packaged(name: str) -> Lexicon:
    header, add, _ = parse_lexicon(read_lines(f"{name}.txt"))
    add.update(entry_tokens(form) for form in _table_entries(name))
    return Lexicon(name, header, frozenset(add))


@lru_cache(maxsize=32)
def load_lexicon(name: str, extra_paths: tuple[Path, ...] = ()) -> Lexicon:
    """The packaged lexicon ``name``, extended by any user file with the same stem.

    Cached: each combination of name and user files is read once per process.
    """
    base = _packaged(name)
    entries = set(base.entries)
    header = list(base.header)
    for path in extra_paths:
        if Path(path).stem != name:
            continue
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise InputError(f"cannot read lexicon file {path}: {exc}") from exc
        extra_header, add, remove = parse_lexicon(parse_text(text, str(path)))
        entries |= add
        entries -= remove
        header.append(f"extended by {path}")
        header.extend(extra_header)
    return Lexicon(name, tuple(header), frozenset(entries))


@dataclass(frozen=True)
class Match:
    """Tokens ``[first, last]`` (indices into the token sequence) spell ``entry`` of ``lexicon``."""

    first: int
    last: int
    lexicon: str
    entry: str


class PhraseIndex:
    """Every entry of several lexicons, keyed by its first token, longest entries first.

    ``find`` walks the tokens once and at each position looks up the token in a dict, then
    compares the few entries that start with it; the cost does not grow with the lexicon size.
    When an entry lies in two lexicons the first lexicon given wins.
    """

    def __init__(self, lexicons: Iterable[Lexicon]) -> None:
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        seen: set[tuple[str, ...]] = set()
        for lex in lexicons:
            for words in sorted(lex.entries):
                if not words or words in seen:
                    continue
                seen.add(words)
                by_first.setdefault(words[0], []).append((words, lex.name))
        for options in by_first.values():
            options.sort(key=lambda o: -len(o[0]))
        self._by_first = by_first

    def find(self, words: Sequence[str], allowed: Sequence[bool] | None = None) -> list[Match]:
        """Non-overlapping matches in ``words`` (normalised tokens), leftmost-longest.

        ``allowed[i]`` False means no match may start at token ``i`` (e.g. a capitalised word in
        mid-sentence, which is most likely part of a name).
        """
        out: list[Match] = []
        n = len(words)
        i = 0
        by_first = self._by_first
        while i < n:
            options = by_first.get(words[i])
            if options is not None and (allowed is None or allowed[i]):
                for phrase, lex_name in options:
                    k = len(phrase)
                    # the second word first: "a" starts 48 entries, and a slice for each is dear
                    if i + k <= n and (k == 1 or (words[i + 1] == phrase[1] and tuple(words[i : i + k]) == phrase)):
                        out.append(Match(i, i + k - 1, lex_name, display(phrase)))
                        i += k
                        break
                else:
                    i += 1
                continue
            i += 1
        return out
