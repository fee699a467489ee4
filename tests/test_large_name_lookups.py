"""Look-ups that scale with long articles (issue 14, item 8): the sides of the sources find each
name through an index of the text built once, not a pass over the whole text per name (which
was quadratic: 30 s of a 500 KB comparison); a voice or a sentence at an offset is a binary
search; a word list's entries are matched word by word. Each gives what the scan it replaces
gives, on any text."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from framing.comparison.content import _sentence_at
from framing.comparison.frames import _voice_at
from framing.comparison.sides import _Names, _occurrences, party_evidence
from framing.model import VoiceSegment
from framing.scores.lexicon import Lexicon, PhraseIndex, display

# Words that make the regular expressions' edge cases: initials, possessives, hyphens, curly and
# straight apostrophes, a surname that is also a first name, the same surname twice in a row.
PIECES = ["Ryan", "Paul", "Tim", "R.", "Ryan's", "Ryan’s", "O'Brien", "Brien", "Jean-Paul", "Smith",
          "Smith-Jones", "Mr.", "Sen.", "ryan", "Ryans", "said", "(R-Wis.)", ",", ".", "the", "Jr.", "-Ryan", "x"]
SEPARATORS = [" ", "  ", "\n", "\n\n", "", " - "]


def texts() -> st.SearchStrategy[str]:
    part = st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)).map("".join)
    return st.lists(part, max_size=30).map("".join)


def whole_text_starts(form: str, text: str, possessive: bool) -> list[int]:
    tail = r"(?:['’]s)?" if possessive else ""
    return [m.start() for m in re.finditer(r"(?<![\w-])" + re.escape(form) + tail + r"(?![\w-])", text)]


def whole_text_words_before(written: str, text: str) -> set[str]:
    return {m.group(1) for m in re.finditer(r"\b([A-Z][\w’'-]+)\s+(?:[A-Z]\.\s+)?" + re.escape(written) + r"\b", text)}


@settings(max_examples=300, deadline=None)
@example("Smith Smith Smith", "Smith Smith")  # overlapping places: the expression takes the first
@given(texts(), st.sampled_from(["Ryan", "Paul Ryan", "O'Brien", "Jean-Paul", "Smith", "Smith Smith", "Jr.", "R.", "-Ryan", "(R-Wis.)", "x"]))
def test_a_name_stands_where_the_whole_text_expression_finds_it(text: str, form: str) -> None:
    names = _Names(text, ())
    for possessive in (True, False):
        assert names.starts(form, possessive=possessive) == whole_text_starts(form, text, possessive)


@settings(max_examples=300, deadline=None)
@example("Tim Smith Smith", "Smith")  # "Smith" before the second is inside the first match
@given(texts(), st.sampled_from(["Ryan", "Smith", "O'Brien", "Brien", "Jr.", "Paul", "-Ryan", "x"]))
def test_the_words_before_a_surname_are_the_whole_text_expressions(text: str, written: str) -> None:
    assert _Names(text, ()).words_before(written) == whole_text_words_before(written, text)


def test_occurrences_are_found_once_per_name() -> None:
    text = "Paul Ryan spoke. Ryan, R-Wis., left. Ryan's aide said so."
    names = _Names(text, ("Paul Ryan",))
    first = _occurrences("Paul Ryan", names)
    assert first == [(0, 9), (5, 9), (17, 21), (37, 41)]  # the full name, the surname alone
    assert _occurrences("Paul Ryan", names) is first  # kept for the name's next look-up
    assert names.runs is names.runs  # the index is built once
    # another person with the surname ("Tim Ryan"): the full name only
    assert _occurrences("Paul Ryan", _Names(text + " Tim Ryan stayed.", ("Paul Ryan",))) == [(0, 9)]
    assert _occurrences("Paul Ryan", _Names(text, ("Paul Ryan", "Tim Ryan"))) == [(0, 9)]


def test_party_evidence_through_the_index() -> None:
    text = "Rep. Paul Ryan (R-Wis.) spoke first. Later Ryan, a Republican, left."
    found = party_evidence("Paul Ryan", text)
    assert [(e.pattern, e.side, e.text, e.start) for e in found] == [
        ("party_tag", "Republican", "Paul Ryan (R-Wis.)", 5),
        ("party_tag", "Republican", "Ryan (R-Wis.)", 10),
        ("appositive", "Republican", "Ryan, a Republican", 43),
    ]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(1, 6), min_size=1, max_size=20), st.integers(-2, 80))
def test_the_voice_at_an_offset_is_the_segment_that_holds_it(lengths: list[int], offset: int) -> None:
    segments, pos = [], 0
    for k, n in enumerate(lengths):
        pos += k % 3 == 2  # a gap now and then (between paragraphs)
        segments.append(VoiceSegment(pos, pos + n, ("narrator", "quoted", "attributed")[k % 3]))
        pos += n
    scan = next((f"{s.voice} voice" for s in segments if s.start <= offset < s.end), None)
    assert _voice_at(segments, [s.start for s in segments], offset) == scan


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(1, 6), max_size=20), st.integers(-2, 80))
def test_the_sentence_at_an_offset_is_the_one_that_holds_it(lengths: list[int], offset: int) -> None:
    class Sentence:
        def __init__(self, start: int, end: int) -> None:
            self.start, self.end = start, end

    class Article:
        sentences: list[Sentence] = []

    pos = 0
    for n in lengths:
        Article.sentences.append(Sentence(pos + 1, pos + 1 + n))  # one space between sentences
        pos += n + 1
    scan = next((k for k, s in enumerate(Article.sentences) if s.start <= offset < s.end), None)
    assert _sentence_at(Article, [s.start for s in Article.sentences], offset) == scan


ENTRIES = [("a",), ("a", "bit"), ("a", "bit", "much"), ("a", "lot"), ("bit",), ("lot", "of"), ("much",)]


def leftmost_longest(words: list[str], allowed: list[bool]) -> list[tuple[int, int, str]]:
    out, i = [], 0
    by_length = sorted(ENTRIES, key=lambda e: -len(e))
    while i < len(words):
        hit = next((e for e in by_length if allowed[i] and tuple(words[i : i + len(e)]) == e), None)
        if hit is None:
            i += 1
            continue
        out.append((i, i + len(hit) - 1, display(hit)))
        i += len(hit)
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "bit", "much", "lot", "of", "x"]), st.booleans()), max_size=25))
def test_word_list_entries_are_matched_leftmost_longest(pairs: list[tuple[str, bool]]) -> None:
    words = [w for w, _ in pairs]
    allowed = [ok for _, ok in pairs]
    index = PhraseIndex([Lexicon("test", (), frozenset(ENTRIES))])
    assert [(m.first, m.last, m.entry) for m in index.find(words, allowed)] == leftmost_longest(words, allowed)
