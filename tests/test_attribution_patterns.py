"""Each attribution pattern of ``framing/voice/frames/patterns.py`` finds its examples and
leaves its leave-alone sentences alone; the registry and the code agree on the order."""

from __future__ import annotations

import pytest

from framing import analyse
from framing.article.reading import article_from_text
from framing.settings import Settings
from framing.voice.build import explain_frames
from framing.voice.frames.patterns import PATTERNS, VERB_PATTERN_ORDER
from framing.voice.frames.verbal import VERB_PATTERNS

PLAIN = Settings(detect_headline=False)


def frames(text: str) -> list[tuple[str, str, str, str]]:
    return explain_frames(article_from_text(text, settings=PLAIN), PLAIN)


FINDS = [(p.id, *example) for p in PATTERNS for example in p.finds]
LEAVES = [(p.id, sentence) for p in PATTERNS for sentence in p.leaves_alone]


@pytest.mark.parametrize(("pattern", "sentence", "source", "cue"), FINDS)
def test_each_pattern_finds_its_examples(pattern, sentence, source, cue):
    assert (pattern, source, cue) in [(f[0], f[1], f[2]) for f in frames(sentence)]


@pytest.mark.parametrize(("pattern", "sentence"), LEAVES)
def test_each_pattern_leaves_its_counter_examples_alone(pattern, sentence):
    assert pattern not in [f[0] for f in frames(sentence)]


def test_the_verb_patterns_run_in_the_registry_order():
    assert tuple(name for name, _ in VERB_PATTERNS) == VERB_PATTERN_ORDER


def test_every_registered_pattern_has_examples_both_ways():
    for p in PATTERNS:
        assert p.finds and p.leaves_alone, p.id


@pytest.mark.parametrize(
    "text",
    [
        "The bill pays for 75 new immigration judges and support staff.",
        "Clinton leads by three points in an average of polls in 11 swing states.",
    ],
)
def test_a_cue_word_the_tagger_and_the_parse_read_as_a_noun_is_no_cue(text):
    assert analyse(text, settings=Settings(detect_headline=False)).attributions == ()


def test_a_cue_word_after_a_name_stays_a_verb_though_the_parser_reads_a_noun():
    text = "Trump charges that countries that stand to benefit from the deal donated millions."
    assert [a.cue.text for a in analyse(text, settings=Settings(detect_headline=False)).attributions] == ["charges"]
