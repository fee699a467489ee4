"""Large inputs made of repeated paragraphs (issue 14, item 8: "a" and a blank line 490,000 times
took 78 s): the pipeline parses each distinct paragraph once, and a repeated paragraph gets the
same tokens and facts, at its own offsets, as if it had been parsed where it stands. Not timed:
the mechanism is pinned by counting the parses (bench/bench_hostile.py measures the time)."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.model import Span
from framing.nlp.pipeline import load_pipeline
from framing.nlp.segment import Token, parse_pieces, segment

seg_module = sys.modules["framing.nlp.segment"]  # framing.nlp.segment is also the name of a function

PARAGRAPH = "Officials said the bridge would reopen next week, “if the weather holds.”"
OTHER = "Critics called the repairs rushed."


def _facts(doc: Any) -> list[tuple[str, str, str, int, str]]:
    return [(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in doc]


@pytest.fixture()
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts handed to the pipeline, in order."""
    seen: list[str] = []
    tokenised = seg_module._tokenised

    def spy(nlp: Any, piece: str) -> Any:
        seen.append(piece)
        return tokenised(nlp, piece)

    monkeypatch.setattr(seg_module, "_tokenised", spy)
    return seen


def test_each_distinct_piece_is_parsed_once(parses: list[str]) -> None:
    nlp = load_pipeline()
    pieces = ["a", PARAGRAPH, "a", "", OTHER, PARAGRAPH, "a", ""]
    docs = list(parse_pieces(nlp, pieces))
    assert parses == ["a", PARAGRAPH, "", OTHER]  # first occurrences, in order
    assert [d.text for d in docs] == pieces
    assert docs[0] is docs[2] is docs[6] and docs[1] is docs[5]


def test_read_is_applied_once_per_distinct_piece() -> None:
    nlp = load_pipeline()
    calls: list[str] = []

    def read(doc: Any) -> list[str]:
        calls.append(doc.text)
        return [t.text for t in doc]

    got = list(parse_pieces(nlp, ["a b", "c", "a b", "a b"], read=read))
    assert got == [["a", "b"], ["c"], ["a", "b"], ["a", "b"]]
    assert calls == ["a b", "c"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["a", "b b", PARAGRAPH, OTHER, "", "x."]), max_size=12))
def test_repeated_pieces_get_what_a_parse_of_their_own_gives(pieces: list[str]) -> None:
    nlp = load_pipeline()
    alone = {p: _facts(next(parse_pieces(nlp, [p]))) for p in set(pieces)}
    assert [_facts(d) for d in parse_pieces(nlp, pieces)] == [alone[p] for p in pieces]


def _shifted(tokens: tuple[Token, ...], by: int, first: int) -> list[Token]:
    return [t._replace(start=t.start + by, end=t.end + by, head=t.head + first if t.head >= 0 else -1, i=t.i + first) for t in tokens]


def test_a_repeated_paragraph_has_its_own_offsets_and_heads(parses: list[str]) -> None:
    """The facts of a paragraph parsed once are placed at each place it stands: offsets, token
    indices and heads all point into that occurrence."""
    text = "\n\n".join([PARAGRAPH, OTHER, PARAGRAPH, PARAGRAPH])
    starts = [0, len(PARAGRAPH) + 2]
    starts += [starts[1] + len(OTHER) + 2, starts[1] + len(OTHER) + 2 + len(PARAGRAPH) + 2]
    paragraphs = tuple(Span(s, s + len(p), p) for s, p in zip(starts, [PARAGRAPH, OTHER, PARAGRAPH, PARAGRAPH], strict=True))
    seg = segment(text, paragraphs)
    assert parses == [PARAGRAPH, OTHER]
    one = segment(PARAGRAPH, (Span(0, len(PARAGRAPH), PARAGRAPH),)).tokens
    n, m = len(one), len(segment(OTHER, (Span(0, len(OTHER), OTHER),)).tokens)
    assert list(seg.tokens[:n]) == list(one)
    assert list(seg.tokens[n + m : 2 * n + m]) == _shifted(one, starts[2], n + m)
    assert list(seg.tokens[2 * n + m :]) == _shifted(one, starts[3], 2 * n + m)
    for t in seg.tokens:
        assert text[t.start : t.end] == t.text
    assert [(s.start, s.paragraph) for s in seg.sentences if s.paragraph != 1] == [(starts[0], 0), (starts[2], 2), (starts[3], 3)]


def test_tens_of_thousands_of_tiny_paragraphs_are_parsed_once(parses: list[str]) -> None:
    """20,000 paragraphs of "a" (the first is the headline): one parse, one sentence each."""
    analysis = framing.analyse("a\n\n" * 20_000)
    assert parses == ["a"]
    assert analysis.headline == "a"
    assert len(analysis.article.body) == len(analysis.sentences) == 19_999
    assert [(s.start, s.text) for s in analysis.sentences[:2]] == [(3, "a"), (6, "a")]
    assert analysis.sentences[-1].start == 3 * 19_999
