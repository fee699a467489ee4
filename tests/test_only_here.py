"""True "only here" claims (issue 12, item 1): a name, number or date is only in A when no other
article mentions it under any variant (surname, full name, acronym, any case, possessive), checked
against the other texts themselves; names are the pipeline's entities, never capitalised
fragments; a speaker quoted only in A but named in B says so."""

from __future__ import annotations

import pytest

import framing
from framing.comparison.content import compare_content
from framing.comparison.entities import (
    Entity,
    index_text,
    mentioned_in,
    name_key,
    pipeline_entities,
)
from framing.comparison.figures import Figure, extract_figures, figure_mentioned_in, index_figures

NAME_KINDS = {"speaker", "person", "group", "organization", "place", "name"}

# One hearing told three ways: the same people, bureau and figures under other names.
A = """Senate panel questions FBI chief over budget

Christopher Wray, the director of the Federal Bureau of Investigation, told senators on Friday that the bureau had opened 2,000 new cases.
“We are stretched thin,” Wray said. Sen. Kamala Harris pressed him on the budget, which is $7.5 billion.
The hearing came a week after aides to President Barack Obama met agents in Aqaba.
But Republicans said the request was too large. About 40% of the cases involve fraud, and two million dollars were seized.
Matthew Miller, a former Justice Department spokesman, said the request was fair: “It is a modest sum.”"""

B = """FBI director defends his budget

The FBI needs more money, Director Chris Wray told a Senate committee. Democrats and republicans questioned him for three hours.
“obama’s people never had to deal with this,” one senator quipped. Forty percent of cases involve fraud, according to the bureau.
Agents have seized $2,000,000 in cash. Matthew Miller, who once spoke for the department, watched from the gallery.
Related: Senator Throws His Hat Into The Ring For Another Term"""

C = """Wray asks Congress for more agents

Agents in Washington said they were stretched thin. The 2,000 new cases are a record, Wray said on Friday.
Former President George W. Bush had asked for the same in 2004."""


@pytest.fixture(scope="module")
def hearing():
    analyses = [framing.analyse(t) for t in (A, B, C)]
    return compare_content(analyses)


def _items(c, k: int, kinds=None) -> dict[str, dict]:
    return {i["text"]: i for i in c.only_here[k] if kinds is None or i["kind"] in kinds}


def test_variants_of_a_name_elsewhere_are_not_only_here(hearing):
    a = {t.lower() for t in _items(hearing, 0, NAME_KINDS)}
    # surname in B and C ("Chris Wray", "Wray"); acronym in B ("FBI"); lower case in a quote in
    # B ("obama’s"); lower case in B ("republicans")
    for variant in ("christopher wray", "wray", "federal bureau of investigation", "barack obama", "obama", "republicans"):
        assert variant not in a, variant
    b = {t.lower() for t in _items(hearing, 1, NAME_KINDS)}
    for variant in ("chris wray", "wray", "fbi", "obama"):  # the other way round
        assert variant not in b, variant


def test_genuinely_only_here_is_listed(hearing):
    a = _items(hearing, 0)
    assert a["Kamala Harris"]["kind"] == "person"
    assert a["Aqaba"]["kind"] == "place"
    assert a["$7.5 billion"]["kind"] == "number"
    assert "Democrats" in _items(hearing, 1, NAME_KINDS)
    c = _items(hearing, 2)
    assert "George W. Bush" in c and "2004" in c


def test_same_quantity_in_other_words_is_not_only_here(hearing):
    a = {i["text"] for i in hearing.only_here[0] if i["kind"] in ("number", "date")}
    assert not {"40%", "two million dollars", "2,000 new cases", "Friday"} & a, a


def test_no_junk_names(hearing):
    for items in hearing.only_here:
        for it in items:
            if it["kind"] not in NAME_KINDS:
                continue
            text = it["text"]
            assert text[:1].isupper(), it
            assert text.split()[0] not in ("But", "The", "Related", "Sen."), it
            assert text not in ("George W", "Ring", "Hat", "Throws His Hat", "Senator"), it
            assert not text.endswith(("’s", "'s")), it


def test_speaker_quoted_only_here_but_named_elsewhere_says_so(hearing):
    miller = _items(hearing, 0, {"speaker"})["Matthew Miller"]
    assert miller["mentioned_in"] == [hearing.labels[1]]
    assert "Matthew Miller" not in _items(hearing, 0, {"person"})  # B names him: no person claim


def test_offsets_point_at_the_names(hearing):
    for k, text in enumerate((A, B, C)):
        for it in hearing.only_here[k]:
            if it["kind"] != "speaker" and it.get("start") is not None:
                assert text[it["start"] : it["end"]] == it["text"], it


# --- the pieces ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind", "other", "mentioned"),
    [
        ("Barack Obama", "person", "Obama's speech was short.", True),  # surname, possessive
        ("Barack Obama", "person", "SHAME ON OBAMA, the sign said.", True),  # any case
        ("Obama", "person", "President Barack Obama spoke.", True),  # full name
        ("Federal Bureau of Investigation", "organization", "The FBI said so.", True),  # acronym
        ("Federal Bureau of Investigation", "organization", "The F.B.I. said so.", True),
        ("FBI", "organization", "The Federal Bureau of Investigation said so.", True),  # expansion
        ("New York City", "place", "Voters in New York agreed.", True),
        ("New York", "place", "Sen. Chuck Schumer (D-N.Y.) agreed.", True),
        ("ABC News", "organization", "ABC reported it first.", True),
        ("Iran", "place", "Iranian officials denied it.", True),
        ("United States", "place", "America will respond.", True),  # alias
        ("Kamala Harris", "person", "The vice president did not speak.", False),
        ("George Will", "person", "He will run again.", False),  # a common-word surname needs its capital
        ("George Will", "person", "As Will wrote, the race is close.", True),
        ("Aqaba", "place", "Talks in Sharm El Sheikh ended.", False),
    ],
)
def test_mentioned_in_variants(name, kind, other, mentioned):
    ent = Entity(name_key(name), name, kind, personal=kind == "person")
    assert mentioned_in(ent, index_text(other)) is mentioned


@pytest.mark.parametrize(
    ("text", "other", "mentioned"),
    [
        ("40% of cases", "Forty percent of the cases.", True),
        ("40 percent of cases", "Some 40% of cases.", True),
        ("2 million people", "Two million people came.", True),
        ("two million people", "2,000,000 people came.", True),
        ("$7.5 billion budget", "a budget of 7,500,000,000 dollars", True),
        ("$7.5 billion budget", "a budget of $7.4 billion", False),
        ("75-year-old man", "He is 74.", False),
    ],
)
def test_numbers_compared_by_value(text, other, mentioned):
    figs = [f for f in extract_figures(text, [(0, len(text))]) if f.kind == "number"]
    assert figs, text
    assert figure_mentioned_in(figs[0], index_figures(other)) is mentioned


@pytest.mark.parametrize(
    ("key", "other", "mentioned"),
    [
        ("friday", "On friday's call they agreed.", True),
        ("march 3 2004", "It happened on March 3.", True),
        ("march 3 2004", "It happened in March 2004.", False),
        ("july 2016", "By July of 2016 it was over.", True),
        ("2014", "Since 2014, the numbers rose.", True),
        ("2014", "Since 2015, the numbers rose.", False),
    ],
)
def test_dates_compared_by_their_parts(key, other, mentioned):
    fig = Figure("date", key, key, 0, len(key), 0)
    assert figure_mentioned_in(fig, index_figures(other)) is mentioned


def test_ordinals_are_not_quantities():
    text = "She finished 2nd among 40 runners."
    assert [f.text for f in extract_figures(text, [(0, len(text))]) if f.kind == "number"] == ["40 runners"]


def test_pipeline_entities_are_cleaned():
    text = ("But Republicans said no. Former President George W. Bush agreed with Obama’s aides. "
            "Minnesota Congresswoman Michele Bachmann spoke at the White House.")
    ents = pipeline_entities(text, [(0, len(text))])
    texts = {e.text for e in ents}
    assert "Republicans" in texts and "But Republicans" not in texts
    assert "George W. Bush" in texts and "George W" not in texts
    assert "Obama" in texts and not any(t.endswith("’s") for t in texts)
    assert "Michele Bachmann" in texts and not any("Congresswoman" in t for t in texts)
    assert "White House" in texts
    for e in ents:
        assert text[e.start : e.end] == e.text


def test_blank_pipeline_finds_no_names(tmp_path):
    import spacy

    path = tmp_path / "blank"
    spacy.blank("en").to_disk(path)
    text = "Barack Obama met Angela Merkel in Berlin on Friday."
    assert pipeline_entities(text, [(0, len(text))], str(path)) == ()


def test_reports_word_a_speaker_named_elsewhere_truthfully():
    from framing.comparison import compare
    from framing.report.content import headline_items, only_here

    c = compare([framing.analyse(t) for t in (A, B, C)])
    speakers = {it.text: it for kind, _h, items in only_here(c, 0) if kind == "speaker" for it in items}
    assert "named in B too, not quoted there" in speakers["Matthew Miller"].note
    card = headline_items(c, 0, limit=20)  # the PNG's "Only in A, never in B or C"
    assert "Matthew Miller" not in card and "Kamala Harris" in card


def test_bench_checker_finds_false_and_junk_claims():
    from bench_modules import load_bench

    check = load_bench("check_only_here").check
    comparison = {
        "analyses": [{"text": "Obama spoke. 40% agreed."}, {"text": "President Barack Obama's aides met the F.B.I. Forty percent agreed."}],
        "content": {"labels": ["a", "b"], "coverage": {
            "a": {"only_here": [{"kind": "person", "text": "Obama"}, {"kind": "number", "text": "40%"}]},
            "b": {"only_here": [{"kind": "organization", "text": "Federal Bureau of Investigation"},
                                {"kind": "person", "text": "George W"},
                                {"kind": "speaker", "text": "Obama", "speaker_kind": "person", "mentioned_in": ["a"]}]},
        }},
    }
    totals = check([comparison])
    assert totals["claims"] == 5
    assert totals["false"] == 2  # Obama and 40% are in b; the FBI is not in a; the speaker says "named in a"
    assert totals["junk"] == 1  # George W
