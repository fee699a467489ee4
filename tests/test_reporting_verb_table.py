"""The verb table (framing/lexicons/reporting_verbs.tsv): one row per lemma, the only place a
reporting verb is loaded or neutral, only allowed values, and each column doing what its header
says on a sentence that needs it and one it must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest

import framing
from framing.errors import LexiconError
from framing.lexicons import parse_text, read_lines, read_table, split_rows
from framing.scores.lexicon import entry_tokens, load_lexicon
from framing.settings import Settings
from framing.voice.lexicon import VERB_COLUMNS, cue_lexicon, verb, verb_table

BODY = Settings(detect_headline=False, detect_byline=False)
ROWS = read_table("reporting_verbs.tsv", VERB_COLUMNS)
LAYOUT_CUES = {"credit", "transcript"}  # made by layout patterns ("“…” ― Name", "NAME: …"), not words


def analyse(text: str):
    return framing.analyse(text, settings=BODY)


def attributions(text: str) -> list[tuple[str, str, str, str, bool]]:
    return [(a.cue.text, a.source.text, a.content.text, a.rule, a.loaded) for a in analyse(text).attributions]


def editorial_rules(text: str) -> set[str]:
    fam = analyse(text).scores.editorial_voice
    return {e.full_rule for m in fam.metrics for e in m.evidence if "loaded" in e.rule}


# --- the table -------------------------------------------------------------------------------


def test_one_row_per_lemma_and_each_form_in_one_row():
    lemmas = [r[0] for r in ROWS]
    assert len(lemmas) == len(set(lemmas))
    seen: dict[str, str] = {}
    for v in verb_table().values():
        for form in v.forms:
            assert form not in seen, f"{form!r} is a form of {seen.get(form)!r} and of {v.lemma!r}"
            seen[form] = v.lemma
    assert len(seen) > 900


def test_columns_hold_only_allowed_values():
    flags = {"yes", "no"}
    for row in ROWS:
        r = dict(zip(VERB_COLUMNS, row, strict=True))
        items = {c: set() if r[c] == "-" else set(r[c].split(",")) for c in VERB_COLUMNS}
        assert r["class"] in ("neutral", "loaded"), row
        for col in ("needs_complement", "strict", "invertible", "it_subject", "by_passive"):
            assert r[col] in flags, (col, row)
        assert items["complements"] <= {"bare", "to", "object", "addressee"}, row
        assert items["chain"] <= {"first", "second"}, row
        for col in ("forms", "editorial", "prepositions", "agentless"):
            assert all(x and x == x.strip() and x == x.lower() for x in items[col]), (col, row)
        for col in ("prepositions", "agentless"):
            assert all(" " not in x for x in items[col]), (col, row)
        # a form of the author's voice is a form of a loaded verb
        assert items["editorial"] <= items["forms"], row
        assert not items["editorial"] or r["class"] == "loaded", row
        # a verb that takes a to-infinitive hands it on in a chain ("refused to say")
        assert "to" not in items["complements"] or "first" in items["chain"], row
        assert bool(items["forms"]) == (r["lemma"] not in LAYOUT_CUES), row


def test_loaded_verbs_txt_holds_no_reporting_verb():
    """Whether a reporting verb is loaded is said in the verb table only."""
    forms = {entry_tokens(f) for v in verb_table().values() for f in v.forms}
    clash = [e for e in read_lines("loaded_verbs.txt").entries if entry_tokens(e) in forms]
    assert clash == []


def test_the_editorial_forms_join_the_loaded_verbs_lexicon(tmp_path: Path):
    lex = load_lexicon("loaded_verbs")
    assert ("slammed",) in lex and ("railed",) in lex and ("lashed", "out") in lex
    assert ("claimed",) not in lex  # loaded as a cue only: "claimed three lives" judges nothing
    extra = tmp_path / "loaded_verbs.txt"
    extra.write_text("# source: test; licence: MIT\n-slammed\n", encoding="utf-8")
    assert ("slammed",) not in load_lexicon("loaded_verbs", (extra,))


def test_the_cue_lexicon_reads_the_table():
    lex = cue_lexicon()
    cue = lex.match(["the", "senator", "went", "on", "to", "say"], 2)
    assert cue is not None and (cue.words, cue.lemma, cue.cls) == (("went", "on", "to"), "go on to", "neutral")
    cue = lex.match(["castigated"], 0)
    assert cue is not None and (cue.lemma, cue.cls) == ("castigate", "loaded")
    said = lex.match(["said"], 0)
    assert said is not None and said.lemma == "say" and verb("say").invertible
    # a reporting noun's lemma has no row: every flag off
    assert not verb("message").invertible and verb("message").complements == frozenset()


def test_a_malformed_row_names_its_file_and_line():
    lex = parse_text("# format: form<TAB>lemma<TAB>class\nsaid\tsay\tneutral\nclaimed\tclaim\n", "verbs.tsv")
    with pytest.raises(LexiconError, match=r"verbs\.tsv line 3: expected 3"):
        split_rows(lex, ("form", "lemma", "class"))


# --- each column, a sentence it applies to and one it leaves alone ----------------------------


def test_class_loaded_and_neutral():
    assert attributions("The senator claimed the figures were wrong.")[0][4] is True
    assert attributions("The senator said the figures were wrong.")[0][4] is False
    # one class per lemma: every form of "attack" and of "castigate" is loaded
    assert attributions("Critics attacked the plan as reckless.")[0][4] is True
    assert attributions("Critics are attacking the plan as reckless.")[0][4] is True
    assert attributions("The senator castigated the agency for its delays.")[0][4] is True
    assert "rule:loaded_reporting_verb" in editorial_rules("The senator claimed the figures were wrong.")
    # the standard words of news for a denial, an accusation and a position held judge no one
    for text in ("The senator denied the figures were wrong.", "The lawsuit alleges the firm hid losses.",
                 "The senator maintained the figures were wrong."):
        assert attributions(text)[0][4] is False


def test_editorial_forms_count_in_the_authors_voice_too():
    # no attribution ("blasted" does not invert), yet the loaded verb is the author's word
    assert attributions("The deal is a disaster, blasted Clinton in a speech.") == []
    assert editorial_rules("The deal is a disaster, blasted Clinton in a speech.") == {"lexicon:loaded_verbs/blasted"}
    # a loaded cue with no editorial form judges nothing outside a report
    assert attributions("The storm claimed three lives.") == []
    assert editorial_rules("The storm claimed three lives.") == set()


def test_needs_complement():
    assert attributions("Police found the car.") == []
    assert attributions("Police found that the car was stolen.")[0][:3] == ("found", "Police", "that the car was stolen")


def test_strict():
    assert attributions("Battleground state Florida is close.") == []
    assert attributions("The memo states that funding will end.")[0][:3] == ("states", "The memo", "that funding will end")


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Obama believes his efforts will pay off.", "believes", "his efforts will pay off"),  # bare
        ("The mayor vowed to rebuild the bridge.", "vowed", "to rebuild the bridge"),  # to
        ("Blinken acknowledged the focus on Gaza.", "acknowledged", "the focus on Gaza"),  # object
        ("The mayor told reporters that the bridge would reopen.", "told", "that the bridge would reopen"),  # addressee
        ("The senator urged Republicans to reject the bill.", "urged", "to reject the bill"),  # addressee + to
        ("The minister commented on the shooting.", "commented", "on the shooting"),  # prepositions
    ],
)
def test_complements_and_prepositions(text, cue, content):
    [(got_cue, _, got_content, _, _)] = attributions(text)
    assert (got_cue, got_content) == (cue, content)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor continued to rebuild the bridge.",  # "continue" takes no to-infinitive of its own
        "The minister responded to the blaze.",  # "respond" has no prepositional complement
    ],
)
def test_complements_leave_alone(text):
    assert attributions(text) == []


def test_invertible():
    assert attributions("The talks will resume, said the official.")[0][:4] == (
        "said", "the official", "The talks will resume", "cue_source")
    assert attributions("The deal is a disaster, blasted Clinton in a speech.") == []


def test_it_subject():
    assert attributions("It said the talks would resume.")[0][:2] == ("said", "It")
    assert attributions("It would tell an American story.") == []


def test_by_passive_and_agentless():
    assert attributions("The plan was endorsed by dozens of papers.")[0][:4] == (
        "endorsed", "dozens of papers", "The plan", "passive")
    assert attributions("The plan was offered by the mayor.") == []
    assert attributions("The treasurer was accused of using public funds.")[0][:4] == (
        "accused", "", "using public funds", "passive")
    assert attributions("The treasurer was questioned about the funds.") == []


def test_chain():
    [att] = analyse("The senator continued to claim that the election was rigged.").attributions
    assert (att.cue.text, att.loaded) == ("continued to claim", True)
    [att] = analyse("The company declined to comment on the report.").attributions
    assert att.cue.text == "declined to comment"
    # "find" ends no chain: a stance ("hopes to ..."), not a report of finding anything
    [att] = analyse("The company hopes to find a buyer.").attributions
    assert (att.cue.text, att.content.text) == ("hopes", "to find a buyer")
