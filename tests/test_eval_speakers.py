"""The pure helpers of ``bench/eval_speakers.py``: name parts, person-like BASIL entities, names
that are no people, and the judging of one quote. No annotated data and no analyser needed."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from bench_modules import load_bench

es = load_bench("eval_speakers")


def test_name_parts() -> None:
    assert es.name_parts("Donald Trump Jr.") == {"donald", "trump"}
    assert es.name_parts("Jean-Luc O'Neill") == {"jean", "luc", "o'neill"}
    assert es.name_parts("Trump's") == {"trump"}
    assert es.name_parts("Ed Li") == set()  # parts of fewer than 3 letters are left out


def test_shares_name_part() -> None:
    assert es.shares_name_part("Bibi Netanyahu", "Benjamin Netanyahu")
    assert es.shares_name_part("MR. TRUMP", "Donald Trump")
    assert not es.shares_name_part("Texas governor", "Rick Perry")
    assert not es.shares_name_part("Ed", "Ed Murray")  # "Ed" is too short to count


@pytest.mark.parametrize(
    ("entity", "person"),
    [
        ("Donald_Trump", True),
        ("Ed_Murray", True),
        ("Donald_Trump_Jr.", True),
        ("Trump", False),  # one name part
        ("Obama_campaign", False),
        ("Democratic_Lawmakers", False),
        ("House_Democrats", False),
        ("Nebraska_and_Oklahoma_officials", False),
        ("State_Department_officials", False),
    ],
)
def test_is_person_entity(entity: str, person: bool) -> None:
    assert es.is_person_entity(entity) is person


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("California", "place"),
        ("New York", "place"),
        ("the United States", "place"),
        ("U.S.", "place"),
        ("Washington, D.C.", "place"),
        ("WASHINGTON", "place"),
        ("Thursday", "weekday"),
        ("March", "month"),
        ("R-Texas", "party tag"),
        ("(D-N.Y.)", "party tag"),
        ("R", "party tag"),
        ("us", None),  # the pronoun, not the US
        ("I", None),
        ("Jordan", None),  # Rep. Jim Jordan
        ("GOP", None),
        ("Nancy Pelosi", None),
        ("New York Times", None),
    ],
)
def test_non_person_reason(name: str, reason: str | None) -> None:
    assert es.non_person_reason(name) == reason


def test_judge_and_speaker_of() -> None:
    def ref(name: str, kind: str = "person") -> SimpleNamespace:
        return SimpleNamespace(name=name, kind=kind)

    assert es.judge("Rick Perry", ref("Perry")) == "right"
    assert es.judge("Rick Perry", ref("Texas governor")) == "wrong"
    assert es.judge("Rick Perry", None) == "unresolved"
    assert es.speaker_of(SimpleNamespace(source=ref("they", "unresolved"))) is None
    assert es.speaker_of(SimpleNamespace(source=None)) is None
    assert es.speaker_of(SimpleNamespace(source=ref("Perry"))).name == "Perry"


def test_gold_spans_keep_person_like_main_entities() -> None:
    rec = {
        "main_entities": ["Rick Perry", "Obama campaign"],
        "spans": [
            {"sentence_idx": 1, "start": 2, "end": 9, "in_quote": True, "speaker": "Rick_Perry"},
            {"sentence_idx": 1, "start": 2, "end": 9, "in_quote": False, "speaker": None},
            {"sentence_idx": 1, "start": 0, "end": 4, "in_quote": True, "speaker": "Obama_campaign"},
            {"sentence_idx": 0, "start": 0, "end": 4, "in_quote": True, "speaker": "other_anti"},
            {"sentence_idx": 0, "start": 0, "end": 4, "in_quote": True, "speaker": "Ted_Cruz"},
        ],
    }
    where = {0: (0, 20), 1: (21, 60)}
    assert es.gold_speaker_spans(rec, where) == [(23, 30, "Rick Perry")]


def test_one_case_per_quote_and_entity() -> None:
    """Two gold spans inside one quote count the quote once; a span outside every quote is not found."""
    rec = {
        "file_key": "a_1",
        "source": "nyt",
        "main_entities": ["Rick Perry"],
        "spans": [
            {"sentence_idx": 0, "start": 1, "end": 5, "in_quote": True, "speaker": "Rick_Perry"},
            {"sentence_idx": 0, "start": 7, "end": 12, "in_quote": True, "speaker": "Rick_Perry"},
            {"sentence_idx": 1, "start": 0, "end": 3, "in_quote": True, "speaker": "Rick_Perry"},
        ],
    }
    src = SimpleNamespace(name="Perry", kind="person", resolved_from="alias", text="Perry")
    quote = SimpleNamespace(start=1, end=14, text="we will win it", source=src, speaker_rule="frame")
    analysis = SimpleNamespace(quotes=(quote,), headline_quotes=())
    n_gold, n_found, cases = es.score_basil_article(rec, analysis, {0: (0, 30), 1: (31, 50)})
    assert (n_gold, n_found) == (3, 2)
    assert [c.verdict for c in cases] == ["right"]
