"""Where the author's voice ends for evaluative words: a stance a source holds, a name, a case
put as a condition. Each text holds a word of the evaluative lists that is not the author's
judgement there, and a control where the same word is."""

from __future__ import annotations

import pytest
from layer_helpers import evaluative_hits

from framing import analyse
from framing.settings import Settings

PLAIN = Settings(detect_headline=False)


# --- a stance adjective in a stance frame reports the source's view ------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He reviewed which conservative commentators had been supportive of him.", "supportive"),
        ("Huckabee said last month that he is confident he can broaden his appeal.", "confident"),
        ("House Republicans had been adamant about not signing off on any measure.", "adamant"),
    ],
)
def test_a_stance_a_source_holds_is_not_the_authors(text, word):
    assert word not in evaluative_hits(text)


def test_the_same_adjective_of_a_thing_is_the_authors():
    # no person holds the view: the author judges the tone
    assert "adamant" in evaluative_hits("The tone of the letter was adamant and cold.")
    # the manner word next to the stance stays the author's choice
    assert "sharply" in evaluative_hits("Huckabee is sharply critical of Obama's foreign policy.")


# --- a word inside a name is no judgement ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a name at the start of a sentence, where capitals say nothing: the entity recogniser
        # puts the word inside a multi-word name
        ("Honest Tea was sold to Coca-Cola.", "honest"),
        ("Beautiful Boy opened on Friday.", "beautiful"),
    ],
)
def test_a_word_inside_a_name_is_no_judgement(text, word):
    assert word not in evaluative_hits(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Disgraceful scenes followed the vote.", "disgraceful"),
        # the recogniser's one-word "entity" before a lower-case word is its slip, not a name
        ("Bombastic conservative talk show host Glenn Beck spoke on Saturday.", "bombastic"),
    ],
)
def test_a_sentence_initial_judgement_outside_a_name_stays(text, word):
    assert word in evaluative_hits(text)


# --- an adjective in a case the author only poses ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("If true, Mr. Schiff said, the allegations would constitute obstruction of justice.", "true"),
        ("Those wondering whether the reading would be dramatic found out on Thursday.", "dramatic"),
        ("The aim was, if not always successful, to create economic growth.", "successful"),
    ],
)
def test_an_adjective_in_a_condition_judges_nothing(text, word):
    assert word not in evaluative_hits(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The reading was dramatic.", "dramatic"),
        # the judgement in the main clause stands whatever the condition
        ("If the talks fail, the damage will be catastrophic.", "catastrophic"),
    ],
)
def test_an_adjective_outside_the_condition_still_judges(text, word):
    assert word in evaluative_hits(text)


# --- a charged word from VADER is evidence only in company -----------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # news names events with charged words; alone, such a word does not judge
        ("Some lawmakers have been scrambling to try to obviate the veto rejection.", "rejection"),
        ("That did not satisfy Justice Scalia.", "satisfy"),
        ("Mr. Cohen was sentenced in December to three years in prison for lying to Congress.", "lying"),
    ],
)
def test_a_charged_word_alone_is_no_evidence(text, word):
    assert word not in evaluative_hits(text)


def test_a_charged_word_with_another_cue_of_the_author_is_evidence():
    text = "Marking a significant defeat for the White House, the House ensured the bill will become law."
    assert {"significant", "defeat"} <= evaluative_hits(text)
    a = analyse(text, settings=PLAIN)
    assert [s.flags for s in a.sentences] == [("evaluative",)]
