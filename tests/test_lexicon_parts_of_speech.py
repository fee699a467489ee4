"""Evaluative lexicon entries match only as the part of speech their list intends (the list's
``pos:`` header), and never inside a compound term."""

from __future__ import annotations

import pytest
from layer_helpers import evaluative_hits

from framing.scores.lexicon import load_lexicon
from framing.settings import Settings

PLAIN = Settings(detect_headline=False)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The union is challenging the ruling in court.", "challenging"),
        ("He deserved the award.", "deserved"),
        ("The effective tax rate rose.", "effective"),
        ("The vote is set for May 3.", "may"),
        # words news uses descriptively, out of the lists: a kind of committee, a size
        ("Mr. Cruz has no affiliation with the super PAC, and the ad was crude.", "super"),
        ("Class actions pool modest individual claims into a single action.", "modest"),
        # VADER rates topic words of news as charged; next to a real cue they would show
        ("The cable reached the director of national intelligence, a deeply partisan figure.", "intelligence"),
        ("A grand jury indicted the brutal dictator.", "grand"),
        # a frequency adverb, like "usually": no judgement
        ("Presidents typically do not weigh in on federal investigations.", "typically"),
    ],
)
def test_not_a_judgement(text, word):
    assert word not in evaluative_hits(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a participle with a verb's dependent (an object, a "by" agent) or after a preposition
        ("Akin is challenging Senator McCaskill in the race.", "challenging"),
        ("Few would consider challenging her.", "challenging"),
        ("The firm was barred from engaging in trade.", "engaging"),
        # a noun modifying another noun is part of a term, evaluative word or not
        ("The chicken sandwich sold out.", "chicken"),
        ("The landmark ruling came on Friday.", "landmark"),
        ("Two intelligence officials testified on Tuesday.", "intelligence"),
        ("The relief money arrived.", "relief"),
        ("Police investigated it as a hate crime.", "hate"),
        ("The patient's heart rate rose.", "heart"),
    ],
)
def test_verbs_and_terms_are_no_judgement(text, word):
    assert word not in evaluative_hits(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # the tagger calls these adjectives verbs or nouns; the pipeline's lexicon knows them only as
        # adjectives ("dubious", "paltry", "gory"), or the participle has no verb's dependent
        ("However dubious the claim, it spread quickly.", "dubious"),
        ("This paltry fund was spent within a month.", "paltry"),
        ("The gory photo was published on Tuesday.", "gory"),
        ("It is misguided to put all hope on one group.", "misguided"),
        # a participle right after a determiner or a possessive modifies the noun
        ("It reflects the nation's sometimes confusing approach to class.", "confusing"),
        # a noun the list holds, used as a noun and not as a modifier
        ("It was a landmark.", "landmark"),
        ("The plan is a disgrace.", "disgrace"),
        # a comparative by its shape is an adjective, whatever the tagger says
        ("A grimmer one now seems probable.", "grimmer"),
    ],
)
def test_adjectives_the_tagger_calls_otherwise(text, word):
    assert word in evaluative_hits(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The climb was challenging.", "challenging"),
        ("The brutal regime fell.", "brutal"),
        ("The council should act now.", "should"),
        ("The embattled mayor resigned.", "embattled"),
    ],
)
def test_still_a_judgement(text, word):
    assert word in evaluative_hits(text)


def test_every_list_names_its_part_of_speech():
    for stem in ("evaluative_adjectives", "textblob_adjectives", "evaluative_adverbs", "loaded_labels",
                 "loaded_verbs", "intensifiers", "stance_modals"):
        assert load_lexicon(stem).parts_of_speech, stem
    assert load_lexicon("evaluative_adjectives").parts_of_speech == frozenset({"ADJ"})
