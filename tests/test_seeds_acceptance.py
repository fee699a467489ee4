"""Acceptance on the seed pair: everything under "acceptance" in the hand-annotated gold.

The gold (tests/fixtures/seeds_gold.json) is a copy of ../shared/gold/seeds.json so that these
tests run on a clone without ../shared.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import framing

FIX = Path(__file__).parent / "fixtures"
GOLD = json.loads((FIX / "seeds_gold.json").read_text(encoding="utf-8"))
REPORT, ADVOCACY = "000_8326348c89f63b57.txt", "002_7f6faa312e2320b9.txt"


@pytest.fixture(scope="module")
def analyses():
    return {name: framing.analyse(FIX / name) for name in (REPORT, ADVOCACY)}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _narrator_sentences(analysis):
    """Sentences with words in the author's own voice (outside quotes and attributions)."""
    out = []
    for s in analysis.sentences:
        voices = {}
        for seg in analysis.segments:
            if seg.start < s.end and s.start < seg.end:
                voices[seg.voice] = voices.get(seg.voice, 0) + min(s.end, seg.end) - max(s.start, seg.start)
        if voices.get("narrator", 0) > 0 and s.voice == "narrator":
            out.append(s)
    return out


def test_headlines_and_byline_detected_and_kept_out_of_body(analyses):
    for name, a in analyses.items():
        gold = GOLD["articles"][name]
        assert a.headline == gold["headline"]
        assert a.byline == gold["byline"]
        assert all(gold["headline"] not in s.text for s in a.sentences)
    report = analyses[REPORT]
    assert report.article.byline is not None
    assert report.article.byline.text == "Report from Bradley Martin"
    assert all("Report from" not in s.text for s in report.sentences)


def test_direct_quotes_found_with_speakers(analyses):
    a = analyses[REPORT]
    text = a.text
    gold_quotes = GOLD["articles"][REPORT]["direct_quotes"]
    found = right_speaker = 0
    for g in gold_quotes:
        start = text.index(g["text"])
        span = (start, start + len(g["text"]))
        hits = [q for q in a.quotes if _overlap((q.start, q.end), span)]
        if hits:
            found += 1
            right_speaker += any(q.speaker == g["speaker"] for q in hits)
    assert found >= 21, f"only {found} of {len(gold_quotes)} quotes found"
    assert right_speaker / found >= 0.9, f"{right_speaker}/{found} right speakers"
    assert analyses[ADVOCACY].quotes == ()


def test_headline_quote(analyses):
    hq = analyses[REPORT].headline_quotes
    assert [q.text for q in hq] == ["unbreakable"]
    assert hq[0].speaker == "Benjamin Netanyahu"


def test_first_person_only_in_authors_voice(analyses):
    report, advocacy = analyses[REPORT], analyses[ADVOCACY]
    assert report.scores.advocacy.value("first_person_tokens") == 0
    assert advocacy.scores.advocacy.value("first_person_tokens") == 9
    flagged = [s.text for s in advocacy.sentences if "first_person" in s.flags]
    assert flagged == GOLD["articles"][ADVOCACY]["narrator_first_person_sentences"]
    # every we/us/our of the report is inside quote marks
    quoted_fp = sum(
        q.text.lower().split().count(w) for q in report.quotes for w in ("we", "us", "our")
    )
    assert quoted_fp >= GOLD["articles"][REPORT]["quoted_first_person_plural_tokens_at_least"] - 2


def test_editorial_voice(analyses):
    report, advocacy = analyses[REPORT], analyses[ADVOCACY]
    gold_sents = GOLD["articles"][ADVOCACY]["narrator_evaluative_sentences"]
    flagged = {s.text for s in advocacy.sentences if "evaluative" in s.flags}
    assert sum(g in flagged for g in gold_sents) >= 8
    report_flagged = [s for s in _narrator_sentences(report) if "evaluative" in s.flags]
    assert len(report_flagged) <= 2, [s.text for s in report_flagged]
    r = report.scores.editorial_voice.value("evaluative_per_100_narrator_words")
    v = advocacy.scores.editorial_voice.value("evaluative_per_100_narrator_words")
    assert v >= 4 * r and v > 0


def test_sourcing(analyses):
    report, advocacy = analyses[REPORT], analyses[ADVOCACY]
    people = {s["name"] for s in report.sources if s["kind"] == "person"}
    assert {"Benjamin Netanyahu", "Antony Blinken", "Isaac Herzog"} <= people
    names = {s["name"] for s in advocacy.sources}
    assert {"Antony Blinken", "Matthew Miller"} <= names
    assert "Benjamin Netanyahu" in names or any("Netanyahu" in n and "office" in n for n in names)
    assert any(s["kind"] == "anonymous" and "reports" in s["name"] for s in advocacy.sources)
    d_report = report.scores.sourcing.value("sourcing_density")
    d_adv = advocacy.scores.sourcing.value("sourcing_density")
    assert d_report >= 3 * d_adv


def test_attributions_of_the_advocacy_piece(analyses):
    a = analyses[ADVOCACY]
    got = {(x.cue.text, x.source.name) for x in a.attributions}
    for g in GOLD["articles"][ADVOCACY]["attributions"]:
        source = g["source"].replace(" (anonymous)", "")
        assert any(cue == g["cue"] and (source in name or name in source) for cue, name in got), g
