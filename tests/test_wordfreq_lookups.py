"""wordfreq's English ratings looked up for just the words a comparison needs
(``vocabulary.background_frequencies``, ``vocabulary.zipf_frequencies``) are exactly what
wordfreq's own per-word functions give, which read its dictionary of all 321,000 words."""

from __future__ import annotations

import wordfreq
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.comparison.vocabulary import (
    background_frequencies,
    background_frequency,
    tokens,
    zipf_frequencies,
)

WORDS = [
    "the", "government", "unwavering", "netanyahu", "blinken", "zzqxv", "", "'s", "’s", "don't", "don’t",
    "he’s", "u.s.", "u.s", "2", "7.5", "2,000", "1990s", "2024", "3rd", "24/7", "co-op", "naïve", "straße", "ﬁle",
    "1,000,000", "café", "isn't", "rock'n'roll", "x", "Obama", "NATO", "e-mail", "100%",
]
TEXT = ("Netanyahu’s office said on Tuesday that 2,000 troops, 7.5% of the force, would stay until 2024; "
        "the U.S. envoy’s co-op plan isn't naïve, a café owner said.")


def test_the_background_frequencies_are_wordfreqs() -> None:
    words = WORDS + tokens(TEXT)
    found = background_frequencies(words)
    assert set(found) == set(words)
    assert found == {w: background_frequency(w) for w in words}
    assert found["the"] > found["government"] > found["unwavering"] > found["zzqxv"] == 1e-8


def test_the_zipf_ratings_are_wordfreqs() -> None:
    words = WORDS + tokens(TEXT)
    assert zipf_frequencies(words) == {w: wordfreq.zipf_frequency(w, "en") for w in words}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet="aeinrst’'.,-0123456789éß ", max_size=8), min_size=1, max_size=6))
def test_any_words_get_wordfreqs_ratings(words: list[str]) -> None:
    assert background_frequencies(words) == {w: background_frequency(w) for w in words}
    assert zipf_frequencies(words) == {w: wordfreq.zipf_frequency(w, "en") for w in words}
