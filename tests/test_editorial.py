"""Editorial voice: evaluative language in the author's own voice only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from layer_helpers import make_layer

from framing.model import Evidence
from framing.rules import CATEGORIES, EDITORIAL_LEXICONS, lexicon_rule, rule
from framing.scores.editorial import (
    FLAGGING,
    hits_by_sentence,
    score_editorial,
    sentence_is_evaluative,
)
from framing.scores.evaluative import find_evaluative
from framing.scores.lexicon import load_lexicon
from framing.voice.layer import Layer

FIXTURES = Path(__file__).parent / "fixtures"


def narrator_layer(text: str) -> Layer:
    return make_layer(text)


def seed(name: str) -> tuple[str, dict]:
    gold = json.loads((FIXTURES / "seeds_gold.json").read_text("utf-8"))["articles"][name]
    return (FIXTURES / name).read_text("utf-8"), gold


def seed_layer(name: str) -> tuple[Layer, dict]:
    text, gold = seed(name)
    starts = tuple(a["content_starts"] for a in gold["attributions"] if not a["content_starts"].startswith("“"))
    return make_layer(text, starts, headline=True), gold


def flagged_texts(layer: Layer) -> list[str]:
    hits = find_evaluative(layer)
    per = hits_by_sentence(layer, hits)
    return [layer.text[s.start : s.end] for s, h in zip(layer.sentences, per, strict=True) if sentence_is_evaluative(h)]


# --- lexicons --------------------------------------------------------------------------------


@pytest.mark.parametrize("stem", sorted(EDITORIAL_LEXICONS))
def test_every_lexicon_states_source_and_licence(stem: str) -> None:
    lex = load_lexicon(stem)
    header = " ".join(lex.header).lower()
    assert "source:" in header and "licence:" in header
    assert len(lex) > 10
    assert f"category: {lexicon_rule(stem).category}" in header


def test_user_lexicon_extends_and_removes(tmp_path: Path) -> None:
    extra = tmp_path / "evaluative_adjectives.txt"
    extra.write_text("# source: test; licence: MIT\nglorious\n-timeless\n", encoding="utf-8")
    layer = narrator_layer("The glorious and timeless bond held.")
    rules = {h.full_rule for h in find_evaluative(layer, lexicon_paths=(extra,))}
    assert "lexicon:evaluative_adjectives/glorious" in rules
    assert "lexicon:evaluative_adjectives/timeless" not in rules


# --- matching --------------------------------------------------------------------------------


def test_easy_and_hard_sentences() -> None:
    easy = narrator_layer("It is a shining example of the timeless bond between the two nations.")
    hits = find_evaluative(easy)
    rules = {h.full_rule for h in hits}
    assert "lexicon:evaluative_phrases/a shining example" in rules
    assert "lexicon:evaluative_adjectives/timeless" in rules
    assert all(h.detail and "author's voice" in h.detail for h in hits)
    assert all(easy.text[h.start : h.end] == h.text for h in hits)
    plain = narrator_layer("The minister met the delegation on Tuesday and discussed trade.")
    assert find_evaluative(plain) == ()


def test_multiword_and_hyphenated_entries() -> None:
    layer = narrator_layer("This exchange serves as a reminder of the so-called reforms.")
    rules = [h.full_rule for h in find_evaluative(layer)]
    assert "lexicon:evaluative_phrases/serves as a reminder" in rules
    assert "lexicon:loaded_labels/so-called" in rules


def test_quoted_and_attributed_evaluative_words_do_not_count() -> None:
    text = "He called it “a timeless, unbreakable bond.” She said the deal was a disgraceful sham. The talks ended."
    layer = make_layer(text, attributed=("the deal was",))
    assert find_evaluative(layer) == ()
    fam = score_editorial(layer, find_evaluative(layer))
    assert fam.value("evaluative_per_100_narrator_words") == 0
    assert fam.value("evaluative_sentences") == 0


def test_capitalised_words_in_mid_sentence_are_names() -> None:
    layer = narrator_layer("Students at Liberty University visited Great Britain and the Land of Promise.")
    assert find_evaluative(layer) == ()
    layer = narrator_layer("Great news arrived.")
    assert [(h.rule, h.entry) for h in find_evaluative(layer)] == [("lexicon:textblob_adjectives", "great")]


def test_hedges_alone_do_not_flag_a_sentence() -> None:
    layer = narrator_layer("The storm will perhaps reach the coast.")
    hits = find_evaluative(layer)
    assert [h.full_rule for h in hits] == ["rule:modal", "lexicon:hedges/perhaps"]  # "will": a weak cue
    assert not sentence_is_evaluative(hits)
    fam = score_editorial(layer, hits)
    assert fam.value("hedges") == 1
    assert fam.value("evaluative_per_100_narrator_words") == 0


def test_sentence_rule_on_plain_evidence() -> None:
    adj = Evidence(0, 5, "grand", "lexicon:evaluative_adjectives", entry="grand")
    hedge = Evidence(0, 7, "perhaps", "lexicon:hedges", entry="perhaps")
    assert sentence_is_evaluative([adj])
    assert not sentence_is_evaluative([hedge])
    assert not sentence_is_evaluative([])
    assert "hedge" not in FLAGGING


def test_score_family_metrics() -> None:
    layer = narrator_layer("The regime was very cruel. Officials met on Monday.")
    fam = score_editorial(layer, find_evaluative(layer))
    assert fam.name == "editorial_voice"
    assert fam.value("narrator_sentences") == 2
    assert fam.value("evaluative_sentences") == 1
    assert fam.value("flagged_sentence_share") == pytest.approx(0.5)
    assert fam.value("evaluative_per_100_narrator_words") == pytest.approx(300 / 9)
    assert fam.value("loaded_labels") == 1 and fam.value("intensifiers") == 1
    for cat in CATEGORIES:
        assert fam[cat.metric].description
    assert {row["entry"] for row in fam.extra["lexicon_tally"]} == {"regime", "very", "cruel"}
    assert fam.as_dict()["evaluative_per_100_narrator_words"]["evidence"]


def rules_of(text: str) -> list[str]:
    return [h.rule for h in find_evaluative(narrator_layer(text))]


def test_comparatives_and_ly_adverbs_of_listed_adjectives() -> None:
    rules = rules_of("The new plan is bleaker, and the most odious yet; the council spinelessly agreed.")
    assert rules.count("rule:comparative_of_evaluative") == 1  # "bleaker"; "odious" is listed itself
    assert "rule:evaluative_ly_adverb" in rules
    layer = narrator_layer("The council spinelessly agreed.")
    assert sentence_is_evaluative(find_evaluative(layer))


def test_weak_cues_need_company() -> None:
    # one weak cue (a modal, a charged word, a question) does not flag; two kinds do
    for text in ("The bill would take effect in May.", "Is the bridge open?", "The fire destroyed the barn."):
        layer = narrator_layer(text)
        assert not sentence_is_evaluative(find_evaluative(layer)), text
    layer = narrator_layer("Would you trust them with your savings?")
    hits = find_evaluative(layer)
    assert {"rule:modal", "rule:second_person", "rule:rhetorical_question"} <= {h.rule for h in hits}
    assert sentence_is_evaluative(hits)
    # two modals are one cue, not two
    layer = narrator_layer("The bill would pass and could take effect in May.")
    assert not sentence_is_evaluative(find_evaluative(layer))


def test_a_number_weighs_against_a_single_cue() -> None:
    plain = narrator_layer("The regime arrested 40 people.")
    hits = find_evaluative(plain)
    assert "rule:factual_number" in {h.rule for h in hits}
    assert not sentence_is_evaluative(hits)
    strong = narrator_layer("The brutal regime arrested 40 people.")
    assert sentence_is_evaluative(find_evaluative(strong))


def test_rule_hits_explain_themselves_and_stay_in_the_narrator_voice() -> None:
    text = "“Would you trust them?” she asked. Officials met."
    layer = make_layer(text)
    assert not any(rule(h.rule).lexicon is None and h.rule != "rule:factual_number" for h in find_evaluative(layer))
    for h in find_evaluative(narrator_layer("You must see how much worse it got!")):
        assert h.detail and "author" in h.detail or h.rule == "rule:factual_number"


def test_names_are_not_first_person() -> None:
    assert "rule:first_person" not in rules_of("The Social Distance Between Us was published in May.")
    assert "rule:first_person" in rules_of("We must act.")


# --- the seed pair ---------------------------------------------------------------------------


def test_seed_002_evaluative_sentences_flagged() -> None:
    layer, gold = seed_layer("002_7f6faa312e2320b9.txt")
    flagged = flagged_texts(layer)
    listed = gold["narrator_evaluative_sentences"]
    assert sum(s in flagged for s in listed) >= 8


def test_seed_000_few_narrator_sentences_flagged_and_ratio() -> None:
    layer0, _ = seed_layer("000_8326348c89f63b57.txt")
    layer2, _ = seed_layer("002_7f6faa312e2320b9.txt")
    fam0 = score_editorial(layer0, find_evaluative(layer0))
    fam2 = score_editorial(layer2, find_evaluative(layer2))
    assert fam0.value("evaluative_sentences") <= 2
    per0 = fam0.value("evaluative_per_100_narrator_words")
    per2 = fam2.value("evaluative_per_100_narrator_words")
    assert per2 >= 4 * per0 and per2 > 0


def test_entry_tokens_fast_path_matches_the_tokenizer():
    """Lexicon entries split without spaCy (letters only) split exactly as spaCy splits them."""
    from importlib import resources

    from framing.nlp.pipeline import load_pipeline
    from framing.scores.lexicon import entry_tokens, normalise

    nlp = load_pipeline(None)
    checked = 0
    for f in resources.files("framing.lexicons").iterdir():
        if not f.name.endswith(".txt"):
            continue
        for line in f.read_text("utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            entry = line.lstrip("-").split("\t")[0]
            slow = tuple(normalise(t.text) for t in nlp.make_doc(" ".join(entry.split())) if not t.is_space)
            assert entry_tokens(entry) == slow, entry
            checked += 1
    assert checked > 1000
    assert entry_tokens("cannot") == ("can", "not")
