"""Content comparison (issue 4): similarity, distinctive terms, alignment, only-here, frames."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import framing
from framing.comparison.alignment import REWORDED, SHARED, sentence_similarities
from framing.comparison.content import compare_content
from framing.comparison.figures import extract_figures
from framing.comparison.frames import build_lexicon, frame_profile, parse_frames
from framing.comparison.vocabulary import fightin_words, term_counts

FIXTURES = Path(__file__).parent / "fixtures"
SEED_A = FIXTURES / "000_8326348c89f63b57.txt"  # sourced report
SEED_B = FIXTURES / "002_7f6faa312e2320b9.txt"  # advocacy rewrite


@pytest.fixture(scope="module")
def seed():
    a, b = framing.analyse(SEED_A), framing.analyse(SEED_B)
    return compare_content([a, b])


def _only(content, k: int) -> list[dict]:
    return list(content.only_here[k])


def _texts(items, kinds=None) -> str:
    return " | ".join(i["text"] for i in items if kinds is None or i["kind"] in kinds).lower()


# --- the seed pair (acceptance) ------------------------------------------------------------------


def test_seed_only_in_a(seed):
    items = _only(seed, 0)
    everything = _texts(items)
    assert "synagogue" in everything and "shooting" in everything
    assert "drones to russia" in everything
    names = _texts(items, {"person", "place", "group", "organization", "name"})
    for name in ("palestinians", "west bank", "gaza", "temple mount", "isaac herzog"):
        assert name in names, name
    speakers = [i["text"] for i in items if i["kind"] == "speaker"]
    assert "Isaac Herzog" in speakers


def test_seed_only_in_b(seed):
    items = _only(seed, 1)
    names = _texts(items, {"person", "place", "speaker"})
    for name in ("matthew miller", "aqaba", "sharm el sheikh"):
        assert name in names, name
    sentences = _texts(items, {"sentence"})
    assert "interim nuclear agreement" in sentences
    assert "relief from sanctions" in sentences
    assert "Matthew Miller" in [i["text"] for i in items if i["kind"] == "speaker"]


def test_seed_nothing_absurd(seed):
    for items in seed.only_here:
        for it in items:
            if it["kind"] in ("person", "place", "group", "organization", "name"):
                first = it["text"].split()[0].lower()
                assert first not in {"the", "a", "he", "she", "it", "we", "they", "this", "in", "as"}, it
                assert it["text"] not in {"Friday", "March", "Prime Minister", "Discussing", "Further"}, it
    # shared names are never "only here"
    for items in seed.only_here:
        shown = _texts(items, {"person", "place", "group", "organization", "name", "speaker"})
        for shared in ("netanyahu", "blinken", "biden", "iran", "israel"):
            assert shared not in shown.replace("netanyahu’s office", ""), shared


def test_seed_distinctive_vocabulary(seed):
    b_terms = [t.term for t in seed.distinctive_terms[1]]
    joined = " | ".join(b_terms)
    for word in ("unwavering", "timeless", "beacon"):
        assert word in joined, word
    assert "unwavering" in " ".join(b_terms[:3])
    a_terms = " | ".join(t.term for t in seed.distinctive_terms[0][:20])
    assert "palestinians" in a_terms and "blinken" in a_terms
    for terms in seed.distinctive_terms:
        assert all(t.z > 0 for t in terms)
        assert not {"the", "and", "of", "'s"} & {t.term for t in terms}


def test_seed_json_shape(seed):
    d = json.loads(json.dumps(seed.as_dict()))
    assert set(d) >= {"labels", "similarity", "distinctive_terms", "coverage", "alignment", "frames"}
    assert len(d["similarity"]) == 2 and d["similarity"][0][0] == pytest.approx(1.0)
    a = d["labels"][0]
    assert {"term", "z", "count"} <= set(d["distinctive_terms"][a][0])
    assert all({"kind", "text"} <= set(i) for i in d["coverage"][a]["only_here"])
    first = d["alignment"][a][0]
    assert first["status"] in ("shared", "reworded", "unique")
    assert first["matches"][0]["article"] == d["labels"][1]
    conflict = d["frames"][a]["conflict"]
    assert conflict["hits"] == len(conflict["evidence"]) > 0
    assert conflict["evidence"][0]["rule"].startswith("frame:conflict/")
    assert d["frames"][a]["conflict"]["score"] > d["frames"][d["labels"][1]]["conflict"]["score"]


def test_seed_offsets(seed):
    for k, items in enumerate(seed.only_here):
        text = [SEED_A, SEED_B][k].read_text("utf-8")
        for it in items:
            if it.get("start") is not None and it["kind"] not in ("speaker",):
                assert text[it["start"] : it["end"]] == it["text"], it


# --- constructed texts ---------------------------------------------------------------------------


def test_similarity_identical_and_disjoint():
    text = "The river burst its banks on Monday.\n\nHundreds of homes were flooded in the valley."
    other = "Parliament passed the budget after a long debate.\n\nThe finance minister welcomed the vote."
    c = compare_content([framing.analyse(text), framing.analyse(text), framing.analyse(other)])
    assert c.similarity[0][1] == pytest.approx(1.0)
    assert c.similarity[0][2] < 0.1
    assert all(s.status == "shared" for s in c.alignment[0] if s.matches[0].article == 1)
    assert c.alignment[0][0].matches[0].similarity == pytest.approx(1.0)


def test_word_only_in_one_article_gets_high_z():
    a = ["The council approved the plan.", "The plan was approved after the council met.", "Residents cheered."]
    b = ["The council approved the plan.", "Critics called the plan reckless and the vote reckless.",
         "Reckless spending, they said, is reckless.", "Residents cheered."]
    terms = fightin_words([term_counts(a), term_counts(b)])
    b_terms = {t.term: t for t in terms[1]}
    assert "reckless" in b_terms
    assert terms[1][0].term == "reckless"
    assert b_terms["reckless"].count == 4 and b_terms["reckless"].count_rest == 0
    assert "reckless" not in {t.term for t in terms[0]}
    assert "council" not in b_terms  # used equally: not distinctive


def test_alignment_statuses_on_rewordings():
    pairs = [
        ("Blinken met Netanyahu in Jerusalem on Monday to discuss Iran.",
         "Blinken met Netanyahu in Jerusalem on Monday to discuss Iran.", "shared"),
        ("Blinken met Netanyahu in Jerusalem on Monday to discuss Iran.",
         "Blinken met with Netanyahu in Jerusalem on Monday to talk about Iran.", "shared"),
        ("Officials said the fire was started by a downed power line.",
         "The blaze was sparked by a fallen power line, officials said.", "reworded"),
        ("The central bank raised interest rates by half a point on Wednesday.",
         "On Wednesday the central bank lifted its key interest rate by half a point.", "reworded"),
        ("The company said profits fell sharply in the third quarter.",
         "Protesters gathered outside the parliament building on Sunday.", "unique"),
    ]
    for a, b, want in pairs:
        sim = float(sentence_similarities([[a], [b]])[0][1][0, 0])
        got = "shared" if sim >= SHARED else "reworded" if sim >= REWORDED else "unique"
        assert got == want, (a, b, sim)


def test_numbers_and_dates():
    text = ("On Friday, 12 people died and 3,400 homes lost power; damage is put at $2.5 billion. "
            "Officials said seven villages were cut off, 40% of roads closed, a 75-year-old man was "
            "rescued, and the storm was the worst since 1991 or since March 3, 2004.")
    figs = extract_figures(text, [(0, len(text))])
    got = {(f.kind, f.text) for f in figs}
    for want in [("date", "Friday"), ("number", "12 people"), ("number", "3,400 homes"),
                 ("number", "$2.5 billion"), ("number", "seven villages"), ("number", "40%"),
                 ("number", "75-year-old"), ("date", "1991"), ("date", "March 3, 2004")]:
        assert want in got, want
    keys = {f.key for f in figs if f.kind == "number"}
    assert "2.5e+09" in keys and "7" in keys
    for f in figs:
        assert text[f.start : f.end] == f.text


def test_frames_on_cue_sentences():
    lex = build_lexicon(parse_frames("[conflict]\nattack*\nboth sides\n[economic]\ncost*\n"))
    text = "Both sides traded attacks overnight. The attackers fled. Repairs will cost millions."
    a = framing.analyse(text)
    profile = {f.frame: f for f in frame_profile(a, lex)}
    assert profile["conflict"].hits == 3
    assert profile["economic"].hits == 1
    assert {e.full_rule for e in profile["conflict"].evidence} == {"frame:conflict/both sides", "frame:conflict/attack*"}
    assert profile["conflict"].score == pytest.approx(100 * 3 / a.body_words)
    assert profile["morality"].hits == 0


def test_packaged_frame_lexicon_has_five_frames_and_header():
    from importlib import resources

    text = resources.files("framing.lexicons").joinpath("news_frames.txt").read_text("utf-8")
    assert "Semetko" in text and "licence: MIT" in text
    assert set(parse_frames(text)) == {"conflict", "human_interest", "economic", "morality", "responsibility"}


TRIPLET = [
    """Storm floods river town; mayor orders evacuation

Heavy rain caused the Ouse to burst its banks in Selby on Tuesday, flooding 300 homes.
Mayor Anna Clarke ordered the evacuation of the riverside district and opened a shelter at the Selby Leisure Centre.
“We have never seen water this high,” Clarke said. The Environment Agency said river levels would peak on Wednesday.
Forecasters expect another 40mm of rain.""",
    """Selby residents count the cost of floods

Families in Selby were cleaning up on Wednesday after the Ouse flooded 300 homes.
Margaret Hill, 82, said she lost everything: “My husband’s photographs, all gone.”
Insurers warned that damage could reach £20 million. The Environment Agency said it had warned the council in 2019.
Mayor Anna Clarke said the town would rebuild.""",
    """Government blamed as Selby floods again

Critics blamed the government for cutting flood defence spending after the Ouse flooded homes in Selby.
Labour MP David Reed said ministers had ignored warnings for years.
“This was avoidable,” Reed said. The Treasury declined to comment.
The Environment Agency said river levels would peak on Wednesday.""",
]


@pytest.fixture(scope="module")
def triplet():
    return compare_content([framing.analyse(t) for t in TRIPLET])


def test_triplet_only_here(triplet):
    a, b, c = (_texts(triplet.only_here[k]) for k in range(3))
    assert "leisure centre" in a or "shelter" in a
    assert "40mm" in a
    assert "margaret hill" in b and "£20 million" in b and "2019" in b
    assert "david reed" in c and "treasury" in c
    # mentioned by all or by two: never only here
    kinds = {"person", "place", "organization", "name", "date", "group", "speaker", "number"}
    for k in range(3):
        listed = {i["text"].lower() for i in triplet.only_here[k] if i["kind"] in kinds}
        for shared in ("selby", "ouse", "anna clarke", "clarke", "environment agency", "wednesday", "300 homes"):
            assert shared not in listed, (k, shared)
    # a reworded sentence that adds new facts is still listed, with its new words
    evac = [i for i in triplet.only_here[0] if i["kind"] == "sentence" and "evacuation" in i["text"]]
    assert evac and ("new_words" not in evac[0] or "evacuation" in evac[0]["new_words"])
    assert [i["text"] for i in triplet.only_here[2] if i["kind"] == "speaker"].count("Reed") == 0


def test_triplet_shapes(triplet):
    d = triplet.as_dict()
    assert len(d["similarity"]) == 3 and all(len(r) == 3 for r in d["similarity"])
    for lab in d["labels"]:
        for s in d["alignment"][lab]:
            assert len(s["matches"]) == 2
    # the line the first and third articles share is aligned as shared
    first_to_third = [s for s in triplet.alignment[0] if "peak on Wednesday" in s.text][0]
    assert first_to_third.matches[1].status == "shared"
    assert len(triplet.distinctive_terms) == 3 and all(triplet.distinctive_terms)


def test_background_changes_prior_only(triplet):
    analyses = [framing.analyse(t) for t in TRIPLET[:2]]
    bg = [framing.analyse(TRIPLET[2])]
    c = compare_content(analyses, background=bg)
    assert c.as_dict()["method"]["background_articles"] == 1
    assert len(c.similarity) == 2


def test_single_article_is_empty_but_valid():
    c = compare_content([framing.analyse("One short article about a vote in parliament.")])
    d = c.as_dict()
    assert d["coverage"][d["labels"][0]]["only_here"] == []
    assert d["distinctive_terms"][d["labels"][0]] == []


def test_import_does_not_load_sklearn_or_matplotlib():
    code = ("import sys, framing.comparison.content, framing.report.content_charts; "
            "print(any(m.split('.')[0] in ('sklearn', 'matplotlib', 'wordfreq') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_charts(seed, triplet, tmp_path):
    from matplotlib.figure import Figure

    from framing.report.content_charts import (
        draw_distinctive_terms,
        draw_frame_profiles,
        draw_similarity,
    )

    fig = Figure(figsize=(12, 9))
    axes = fig.subplots(2, 2)
    draw_distinctive_terms(seed, axes[0][0])
    draw_frame_profiles(seed, axes[0][1])
    draw_similarity(seed, axes[1][0])
    draw_distinctive_terms(triplet, axes[1][1])  # small multiples inside one cell
    fig.savefig(tmp_path / "content.png")
    assert (tmp_path / "content.png").stat().st_size > 10_000
    new = draw_distinctive_terms(triplet)
    assert isinstance(new, Figure)
    new.savefig(tmp_path / "terms.png")
