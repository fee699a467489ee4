"""Who speaks, by side (framing.comparison.sides, framing.report.sides): a source's side only from
what the text says (party tags, "a Democrat", "Republican Sen. X", a role for someone), unknown
otherwise; totals by side; the sources the other articles quote that one does not."""

from __future__ import annotations

import json

import pytest
from html_parse import parse

import framing
from framing.comparison import compare
from framing.comparison.sides import UNKNOWN, compare_sides, party_evidence, source_sides
from framing.report.sides import sides_html

A = (
    "Senate passes the budget deal\n\n"
    "\u201cThis is a good day for working families,\u201d said Sen. Chuck Schumer (D-N.Y.).\n\n"
    "\u201cWe got what we needed,\u201d Sen. John Cornyn, R-Texas, said after the vote.\n\n"
    "\u201cI voted no because the deal is too small,\u201d said Bernie Sanders (I-Vt.).\n\n"
    "\u201cThe farmers in my state will pay for this,\u201d said Heidi Heitkamp, Democrat of North Dakota.\n\n"
    "\u201cIt is a start,\u201d Republican Sen. Ted Cruz told reporters.\n\n"
    "\u201cThe speaker supports the bill,\u201d said AshLee Strong, a spokeswoman for Speaker Paul Ryan. "
    "Mr. Ryan, Republican of Wisconsin, did not comment.\n\n"
    "\u201cI just want the roads fixed,\u201d said Jane Doe, a retired teacher from Ohio.\n\n"
    "Democrats said the deal would pass the House next week.\n"
)
B = (
    "Budget deal clears the Senate\n\n"
    "\u201cWe got what we needed,\u201d Sen. John Cornyn said on Tuesday.\n\n"
    "\u201cThe deal is a failure,\u201d said Rep. Tim Ryan. Paul Ryan (R-Wis.) was not asked.\n\n"
    "Senator Chuck Schumer was also at the vote but did not speak to reporters.\n"
)


@pytest.fixture(scope="module")
def analyses():
    return [framing.analyse(A), framing.analyse(B)]


@pytest.fixture(scope="module")
def sides(analyses):
    return compare_sides(analyses, ["A", "B"])


def _by_name(art):
    return {s.name: s for s in art.sources}


@pytest.mark.parametrize(
    "name, side, pattern",
    [
        ("Chuck Schumer", "Democratic", "party_tag"),  # (D-N.Y.)
        ("John Cornyn", "Republican", "party_tag"),  # , R-Texas,
        ("Bernie Sanders", "independent", "party_tag"),  # (I-Vt.)
        ("Heidi Heitkamp", "Democratic", "appositive"),  # , Democrat of North Dakota
        ("Ted Cruz", "Republican", "party_title"),  # Republican Sen. Ted Cruz
        ("AshLee Strong", "Republican", "role"),  # a spokeswoman for Speaker Paul Ryan (Republican of Wisconsin)
    ],
)
def test_party_tags_give_sides(sides, analyses, name, side, pattern):
    s = _by_name(sides.articles[0])[name]
    assert s.side == side
    assert pattern in {e.pattern for e in s.evidence}
    for e in s.evidence:  # every piece of evidence is a span of the text
        assert analyses[0].text[e.start : e.end] == e.text


def test_a_role_names_its_affiliation(sides):
    strong = _by_name(sides.articles[0])["AshLee Strong"]
    assert strong.affiliation == "Speaker Paul Ryan"
    assert strong.label == "Republican (for Speaker Paul Ryan)"


def test_unknown_stays_unknown(sides):
    doe = _by_name(sides.articles[0])["Jane Doe"]
    assert doe.side == UNKNOWN and doe.evidence == () and doe.affiliation is None


def test_a_group_named_by_its_party(sides):
    groups = [s for s in sides.articles[0].sources if s.kind != "person" and s.side == "Democratic"]
    assert groups and all(e.pattern == "group_name" for g in groups for e in g.evidence)


def test_a_shared_surname_is_not_read_alone(sides):
    # "Paul Ryan (R-Wis.)" is no evidence for Tim Ryan, who shares the surname
    tim = next(s for s in sides.articles[1].sources if s.name.endswith("Ryan"))
    assert tim.name == "Tim Ryan" and tim.side == UNKNOWN


def test_party_evidence_needs_the_name_next_to_it():
    text = "Republican leaders met on Monday. Jane Doe, who teaches in Ohio, said the roads were bad."
    assert party_evidence("Jane Doe", text) == []
    # a sentence boundary between the party and the name is no title
    text = "The plan was backed by Republican Rep. Michael McCaul. Clinton said nothing."
    assert party_evidence("Clinton", text) == []


def test_totals_by_side_add_up(sides):
    art = sides.articles[0]
    totals = {t.side: t for t in art.totals()}
    assert {"Democratic", "Republican", "independent", UNKNOWN} <= set(totals)
    assert sum(t.words for t in totals.values()) == sum(s.words for s in art.sources)
    assert "Chuck Schumer" in totals["Democratic"].sources


def test_not_quoted_here(sides):
    a, b = sides.articles
    missing_in_b = {n.name: n for n in b.not_quoted_here}
    schumer = missing_in_b["Chuck Schumer"]
    assert schumer.quoted_in == ("A",) and schumer.named_here and schumer.side == "Democratic"
    assert "John Cornyn" not in missing_in_b  # quoted in both
    assert not missing_in_b["Heidi Heitkamp"].named_here
    missing_in_a = {n.name for n in a.not_quoted_here}
    assert "Tim Ryan" in missing_in_a and "John Cornyn" not in missing_in_a


def test_json_and_html(analyses):
    c = compare(analyses)
    d = json.loads(json.dumps(c.as_dict()))
    arts = d["sides"]["articles"]
    first = {s["name"]: s for s in arts[0]["sources"]}
    assert first["Chuck Schumer"]["side"] == "Democratic"
    assert first["Chuck Schumer"]["evidence"][0]["rule"].startswith("side:party_tag")
    assert {t["side"] for t in arts[0]["by_side"]} >= {"Democratic", "Republican"}
    html = sides_html(c)
    text = "".join(parse(html).text)
    assert "Who speaks, by side" in text and "Not quoted here" in text and "Chuck Schumer" in text


def test_html_escapes_source_names():
    evil = (
        "Council votes on the bridge\n\n"
        "\u201cWe will build it,\u201d said Ann <script>alert(1)</script> Lee (D-Ohio).\n\n"
        "\u201cNo,\u201d said Bob Stone, a spokesman for <b>Mayor</b> Jim Hall.\n"
    )
    c = compare([framing.analyse(evil), framing.analyse(B)])
    doc = parse(sides_html(c))
    assert "script" not in [t for t, _ in doc.tags] and "b" not in [t for t, _ in doc.tags]


def test_every_source_that_speaks_is_listed(analyses):
    listed = {s.name for s in source_sides(analyses[0])}
    speaking = {s["name"] for s in analyses[0].sources
                if (s["quotes"] or s["statements"]) and s["kind"] not in ("unresolved", "author")}
    assert listed == speaking


def test_a_body_in_a_role_is_no_person_to_take_a_side_from():
    from framing.comparison.sides import _role

    text = "Senate Democrats met. John McCain of Arizona, the chairman of the Senate Armed Services Committee, spoke."
    start = text.index("John McCain")
    ev = _role(start, text.index(", spoke"), text, "the Senate Armed Services Committee", ["John McCain"])
    assert ev.side is None
