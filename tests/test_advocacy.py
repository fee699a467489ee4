"""Advocacy: first person in the author's own voice; "US" is never a pronoun."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from layer_helpers import make_layer

from framing.scores.advocacy import find_first_person, score_advocacy
from framing.voice.layer import Layer

FIXTURES = Path(__file__).parent / "fixtures"


def rules(text: str) -> list[str]:
    return [h.full_rule for h in find_first_person(make_layer(text))]


def test_us_the_country_is_not_first_person() -> None:
    assert rules("The US and the U.S. Navy met US officials. US troops left.") == []
    assert rules("The US’s commitment grew.") == []


def test_lowercase_us_and_sentence_initial_us_are() -> None:
    assert rules("He told us the news.") == ["first_person:pronoun/us"]
    assert rules("Us and them.") == ["first_person:pronoun/us"]


def test_easy_and_hard() -> None:
    easy = "We must defend our values as a nation. Let's act."
    got = rules(easy)
    assert got.count("first_person:pronoun/we") == 1
    assert "first_person:pronoun/our" in got
    assert "first_person:pronoun/let's" in got
    assert "first_person:exhortation/we must" in got
    assert "first_person:collective/as a nation" in got
    assert "first_person:collective/our values" in got
    assert "first_person:exhortation/let's" in got
    hard = "Officials in World War I archives said Our Lady of Lourdes was restored."
    assert rules(hard) == []


def test_quoted_first_person_does_not_count() -> None:
    layer = make_layer("“We share common values,” he said. “I assure you,” he added.")
    assert find_first_person(layer) == ()
    fam = score_advocacy(layer, ())
    assert fam.value("first_person_tokens") == 0
    assert fam.value("first_person_last_third_share") is None


def test_score_family() -> None:
    text = (
        "Talks between the two delegations ended on Monday after a long week of meetings.\n"
        "Officials left the capital on Tuesday morning.\n"
        "We must stand together, and I believe we will."
    )
    layer = make_layer(text)
    fam = score_advocacy(layer, find_first_person(layer))
    assert fam.name == "advocacy"
    assert fam.value("first_person_tokens") == 3
    assert fam.value("first_person_sentences") == 1
    assert fam.value("exhortations") == 1
    assert fam.value("first_person_last_third_share") == pytest.approx(1.0)
    assert fam.value("first_person_per_100_narrator_words") == pytest.approx(300 / 30)
    assert all(m.description for m in fam.metrics)


def seed(name: str) -> tuple[Layer, dict]:
    gold = json.loads((FIXTURES / "seeds_gold.json").read_text("utf-8"))["articles"][name]
    return make_layer((FIXTURES / name).read_text("utf-8"), headline=True), gold


def test_seed_000_no_narrator_first_person() -> None:
    layer, gold = seed("000_8326348c89f63b57.txt")
    fam = score_advocacy(layer, find_first_person(layer))
    assert fam.value("first_person_tokens") == gold["narrator_first_person_tokens"] == 0


def test_seed_002_nine_tokens_in_three_sentences() -> None:
    layer, gold = seed("002_7f6faa312e2320b9.txt")
    fam = score_advocacy(layer, find_first_person(layer))
    assert fam.value("first_person_tokens") == gold["narrator_first_person_tokens"] == 9
    got = sorted(e.text for e in fam["first_person_sentences"].evidence)
    assert got == sorted(gold["narrator_first_person_sentences"])
    assert fam.value("collective_phrases") >= 2


def test_the_i_of_a_party_tag_is_no_first_person() -> None:
    # the tagger reads "I" in "(I-Vt.)" as a name, not a pronoun
    assert rules("Sen. Bernie Sanders (I-Vt.), who is running, echoed the call.") == []
    assert rules("Sanders said I-Vt. voters agree. I think so.") == ["first_person:pronoun/i"]
