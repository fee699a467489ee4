"""How much single cues weigh, and where a prescriptive modal prescribes nothing."""

from __future__ import annotations

import pytest

from framing import analyse, rules
from framing.settings import Settings

PLAIN = Settings(detect_headline=False)


def cues(text: str) -> dict[str, str]:
    """The editorial hits of a one-sentence text (text -> rule id), and nothing else."""
    a = analyse(text, settings=PLAIN)
    return {
        text[e.start : e.end].lower(): e.rule
        for m in a.scores.editorial_voice.metrics
        for e in m.evidence
        if rules.rule(e.rule).category is not None and e.end - e.start < 30
    }


def flagged(text: str) -> bool:
    return any("evaluative" in s.flags for s in analyse(text, settings=PLAIN).sentences)


# --- a loaded reporting verb is a weak cue ----------------------------------------------------


def test_a_loaded_cue_alone_does_not_flag_its_sentence():
    # "claimed", "insisted": the verb leans, but it mostly reports a speech act
    assert cues("The senator claimed the figures were wrong.") == {"claimed": "rule:loaded_reporting_verb"}
    assert not flagged("The senator claimed the figures were wrong.")
    assert not flagged("The senator insisted the figures were wrong.")
    assert rules.LOADED_REPORTING_VERB.points == 1


def test_a_loaded_cue_with_company_or_an_editorial_form_flags():
    # with another cue of another kind
    assert flagged("As always, the senator claimed the figures were wrong.")  # + an absolute
    # the editorial forms of loaded verbs ("slammed") are the author's judgement on their own
    assert flagged("The senator slammed the figures.")


# --- a modal in a condition or an indirect question ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "If it should continue at this rate, the cost would rise.",
        "Should the talks fail, prices will rise.",
        "Republicans avoided discussing whether Mr. Trump should cancel the meeting.",
        "It does not help his case should there ever be one.",
    ],
)
def test_a_modal_in_a_condition_prescribes_nothing(text):
    assert "should" not in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "The council should act now.",
        "Why should not everyone pay an income tax?",
        "If the council fails, the mayor must resign.",
    ],
)
def test_a_modal_outside_a_condition_still_prescribes(text):
    assert rules.rule(next(r for w, r in cues(text).items() if w in ("should", "must"))).category == "prescriptive"


# --- a focusing adverb is no booster ---------------------------------------------------------


def test_an_intensifier_that_picks_out_a_phrase_is_no_booster():
    assert "particularly" not in cues("Several groups, particularly in education, have set targets.")
    assert "particularly" not in cues("He spoke on many matters, particularly foreign policy.")


def test_an_intensifier_that_grades_is_a_booster():
    assert cues("The cuts were particularly harsh.")["particularly"] == "lexicon:intensifiers"
    assert cues("There is absolutely no way to win.")["absolutely"] == "lexicon:intensifiers"


# --- a modal in a purpose clause argues nothing ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Trump is sidestepping Congress so that he can gain access to federal funds.", "can"),
        ("The rules were changed in order that more people may vote.", "may"),
        ("They put the files in a drop box so the government can then harvest them.", "can"),
    ],
)
def test_a_modal_in_a_purpose_clause_argues_nothing(text, word):
    assert word not in cues(text)


def test_a_modal_in_a_result_clause_still_counts():
    # "so mean that": "so" grades the adjective; the modal is the author's claim
    assert cues("Who is so mean that he will not himself be taxed?")["will"] == "rule:modal"


def test_a_modal_in_a_conclusion_still_counts():
    assert cues("Prices rose, so people will buy less.")["will"] == "rule:modal"


# --- "I" in a party tag is no first person -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Two senators did not vote: Tim Kaine (D-Va.) and Bernie Sanders (I-Vt.), the runner-up.",
        "Sen. Angus King, I-Maine, voted no.",
    ],
)
def test_a_party_tag_is_no_first_person(text):
    assert "i" not in cues(text)


def test_the_authors_i_is_first_person():
    assert cues("I have written about this before, and I was wrong.")["i"] == "rule:first_person"
