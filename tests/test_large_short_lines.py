"""Texts of many short lines (issue 14, item 8: a million one-letter lines took 4.3 GB, one number
a line 2.6 GB). What an analysis keeps per token and per sentence is small: the pipeline's labels
are one string per distinct value, a lower-case token is its own lower-case form, and the token
range of each sentence is computed when asked. Not measured in bytes (that flakes); the sharing
itself is pinned (bench/bench_hostile.py measures the peak memory)."""

from __future__ import annotations

import sys
import tracemalloc
from bisect import bisect_left, bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.analysis import analyse
from framing.model import Span
from framing.nlp.segment import segment
from framing.report.json_stream import analysis_parts, write_json
from framing.voice.build import TokenRanges

seg_module = sys.modules["framing.nlp.segment"]

PROSE = (
    "The city council voted 7-2 on Tuesday to spend $4.2 million repairing the Elm Street bridge. "
    "“We cannot keep patching this bridge,” said council member Rosa Delgado. Critics said the "
    "repairs were rushed, and the mayor did not comment on Wednesday."
)


def _segmented(text: str):  # type: ignore[no-untyped-def]
    spans, pos = [], 0
    for part in text.split("\n"):
        if part:
            spans.append(Span(pos, pos + len(part), part))
        pos += len(part) + 1
    return segment(text, spans)


def test_labels_are_one_string_per_distinct_value() -> None:
    toks = _segmented("\n".join([PROSE] * 3 + ["a", "b", "12", "Officials said so."] * 50)).tokens
    for field in ("pos", "tag", "dep", "ent", "lemma"):
        values = [getattr(t, field) for t in toks]
        assert len({id(v) for v in values}) == len(set(values)), field
    assert len({t.pos for t in toks}) > 5 and len({t.dep for t in toks}) > 5  # the facts are there
    for t in toks:
        assert t.lower == t.text.lower()
        if t.text == t.text.lower():
            assert t.lower is t.text


def test_labels_are_the_pipelines() -> None:
    """The shared strings are the ones spaCy gives for each token."""
    from framing.nlp.pipeline import load_pipeline

    doc = load_pipeline()(PROSE)
    toks = _segmented(PROSE).tokens
    assert [(t.text, t.pos, t.tag, t.dep, t.lemma, t.ent) for t in toks] == [
        (d.text, d.pos_, d.tag_, d.dep_, d.lemma_.lower(), d.ent_type_) for d in doc if not d.is_space
    ]


@settings(max_examples=40, deadline=None)
@given(lines=st.lists(st.sampled_from(["a", "Officials said so.", "12", "“Why?” he asked. No.", "x y z", "!!"]), min_size=1, max_size=12))
def test_token_ranges_are_each_sentences_first_and_last_token(lines: list[str]) -> None:
    seg = _segmented("\n".join(lines))
    starts = [t.start for t in seg.tokens]
    expected = [(bisect_left(starts, s.start), bisect_right(starts, s.end - 1) - 1) for s in seg.sentences]
    ranges = TokenRanges(seg.tokens, seg.sentences)
    assert len(ranges) == len(expected)
    assert list(ranges) == expected
    assert [ranges[k] for k in range(len(ranges))] == expected
    assert ranges[1:] == expected[1:] and ranges[::-1] == expected[::-1]
    if expected:
        assert ranges[-1] == expected[-1]


def test_paragraph_pieces_cover_long_paragraphs_at_their_offsets() -> None:
    long = " ".join(["Officials said the bridge would reopen."] * 400)  # over CHUNK_CHARS
    para = Span(10, 10 + len(long), long)
    pieces = list(seg_module._pieces(para))
    assert len(pieces) > 1 and "".join(p for _, p in pieces) == long
    assert [b for b, _ in pieces] == [10 + a for a, _ in seg_module.chunk_spans(long)]
    assert list(seg_module._pieces(Span(3, 8, "short"))) == [(3, "short")]


@pytest.mark.parametrize("unit", ["a\n", "a\n\n"])
def test_writing_the_json_of_many_lines_holds_little_at_once(unit: str) -> None:
    """Writing the JSON of 20,000 lines (6 MB of it) holds a small part of it at any moment:
    the dicts of one batch of items and one buffer, not the whole analysis as dicts or text."""
    a = analyse("Lines\n\n" + unit * 20_000)

    class Count:
        chars = 0

        def write(self, s: str) -> int:
            self.chars += len(s)
            return len(s)

    out = Count()
    tracemalloc.start()
    try:
        write_json(out, analysis_parts(a))  # type: ignore[arg-type]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert out.chars > 5_000_000
    assert peak < out.chars / 10  # as dicts or as one string it would be several times its length
