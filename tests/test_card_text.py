"""The summary card (PNG) and the summaries never mislead: example words are the strongest hits,
no text overflows or is cut, and every count agrees with the voice strip drawn beside it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import framing
from framing.comparison import compare
from framing.comparison.summary import profile, sentence_voices, strongest_words
from framing.model import Evidence
from framing.report import charts
from framing.report.html import key_figures
from framing.report.png import HEIGHT_PX, RIGHT_X, ROWS_BOTTOM, ROWS_TOP, WIDTH_PX, card_figure

FIX = Path(__file__).parent / "fixtures"

LONG_TITLE = ("Senate Republicans and House Democrats Trade Accusations Over the Stalled Infrastructure Bill "
              "as the Deadline for a Government Shutdown Approaches and Both Sides Dig In")
LONG_PROFILE = ("17 direct quotes from 11 named sources fill 62% of the body; 4 loaded reporting verbs ('slammed', "
                "'conceded'); 9 of 14 sentences in the author's own voice are evaluative ('a stunning betrayal', "
                "'reckless'); closes in first-person advocacy ('we … as a nation'), and the last sentence of all "
                "is an extraordinarily long appeal to the readers that goes on and on to test the wrapping.")


@pytest.fixture(scope="module")
def seed():
    return compare([framing.analyse(FIX / "000_8326348c89f63b57.txt"), framing.analyse(FIX / "002_7f6faa312e2320b9.txt")])


def _long(c, n: int):
    """The seed comparison with very long headlines and profiles, for ``n`` articles."""
    arts = [c.articles[i % 2] for i in range(n)]
    arts = [dataclasses.replace(a, label="ABCD"[k], headline=f"{LONG_TITLE} ({k})", profile=LONG_PROFILE)
            for k, a in enumerate(arts)]
    analyses = [c.analyses[i % 2] for i in range(n)]
    return dataclasses.replace(c, title="How " + LONG_TITLE.lower(), articles=tuple(arts), analyses=tuple(analyses))


def _texts(fig):
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    return [(t.get_gid() or "", t.get_text(), t.get_window_extent(renderer)) for t in fig.texts]


# --- nothing overflows, nothing is cut ---------------------------------------------------------


@pytest.mark.parametrize("n", [2, 3, 4])
def test_long_titles_and_profiles_fit_the_card_whole(seed, n):
    import matplotlib.pyplot as plt

    c = _long(seed, n)
    fig = card_figure(c)
    try:
        assert charts.overflowing_texts(fig) == []  # every drawn text inside the figure
        texts = _texts(fig)
        row_h = (ROWS_TOP - ROWS_BOTTOM) / n
        for gid, text, box in texts:
            if not gid[-1:].isdigit() or gid.startswith(("label", "figures", "composition")):
                continue
            i = int(gid[-1])
            top, bottom = (ROWS_TOP - i * row_h) * HEIGHT_PX, (ROWS_TOP - (i + 1) * row_h) * HEIGHT_PX
            assert box.x1 <= RIGHT_X * WIDTH_PX, (gid, text)  # stays left of the strip
            assert bottom - 1 <= box.y0 and box.y1 <= top + 1, (gid, text)  # stays in its row
        by_gid = {gid: text for gid, text, _box in texts}
        for i in range(n):
            # the headline and, up to four articles, the profile are shown whole, only wrapped
            assert " ".join(by_gid[f"title{i}"].split()) == " ".join(c.articles[i].title.split())
            assert " ".join(by_gid[f"profile{i}"].split()) == " ".join(LONG_PROFILE.split())
        lines = by_gid["card-title"].split("\n")
        assert " ".join(" ".join(lines).split()) == " ".join(c.title.split())
    finally:
        plt.close(fig)


def test_texts_of_the_rows_do_not_overlap(seed):
    import matplotlib.pyplot as plt

    fig = card_figure(_long(seed, 3))
    try:
        boxes = [(gid, box) for gid, _t, box in _texts(fig) if gid[:-1] in ("title", "byline", "profile", "only", "onlylist")]
        for k, (g1, b1) in enumerate(boxes):
            for g2, b2 in boxes[k + 1:]:
                assert not b1.overlaps(b2), (g1, g2)
    finally:
        plt.close(fig)


def test_report_charts_keep_their_labels_inside(seed):
    import matplotlib.pyplot as plt

    c = _long(seed, 3)
    for key, _title, _caption, fig in charts.figures(c):
        try:
            assert charts.overflowing_texts(fig) == [], key
        finally:
            plt.close(fig)


# --- every count agrees with the strip beside it ----------------------------------------------


def test_counts_on_the_card_are_read_off_the_strip(seed):
    for i, (art, a) in enumerate(zip(seed.articles, seed.analyses, strict=True)):
        author = [cell for cell in art.timeline if cell.author]
        evaluative = [cell for cell in author if cell.evaluative]
        # the strip draws evaluative sentences amber (a first-person one with an amber lower half)
        assert all(cell.category in ("narrator_evaluative", "narrator_first_person") for cell in evaluative)
        assert key_figures(seed, i)[3][0] == f"{len(evaluative)} / {len(author)}"
        # ... and the scores count the same sentences
        ed, adv = a.scores.editorial_voice, a.scores.advocacy
        assert len(author) == ed.value("narrator_sentences")
        assert {(c.start, c.end) for c in evaluative} == {(e.start, e.end) for e in ed["evaluative_sentences"].evidence}
        assert {(c.start, c.end) for c in art.timeline if c.first_person} == {
            (e.start, e.end) for e in adv["first_person_sentences"].evidence}
        assert f"{len(evaluative)} of {len(author)} sentences in the author's own voice" in art.profile


def test_the_author_sentences_figure_has_highlighted_evidence(seed):
    for art in seed.articles:
        marked = [h for h in art.highlights if "sentence-author" in h.kinds]
        assert len(marked) == sum(cell.author for cell in art.timeline)
        for h in marked:
            assert any("editorial_voice.narrator_sentences" in r.metrics for r in h.rules)
            assert "author's own voice" in h.explanation()


def test_strip_counts_hold_where_sentences_mix_voices():
    text = ("Council backs the bridge\n\n"
            "The council, in a reckless and shameful vote, approved the bridge, officials said. "
            "\u201cIt is a good day,\u201d Mayor Ann Lee said of the disgraceful plan. "
            "We must do better as a nation. The work will cost $4 million.\n")
    a = framing.analyse(text)
    cells = sentence_voices(a)
    ed = a.scores.editorial_voice
    assert sum(c.author for c in cells) == ed.value("narrator_sentences")
    assert sum(c.evaluative for c in cells) == ed.value("evaluative_sentences")
    n, e = sum(c.author for c in cells), sum(c.evaluative for c in cells)
    assert f"{e} of {n} sentences" in profile(a, cells)


# --- the example words are the strongest hits --------------------------------------------------


def _ev(text: str, rule: str, at: int) -> Evidence:
    return Evidence(at, at + len(text), text, rule, "detail", text)


def test_example_words_put_loaded_words_before_mild_adjectives():
    hits = [
        *[_ev("effective", "lexicon:textblob_adjectives", k * 20) for k in range(4)],
        _ev("challenging", "lexicon:textblob_adjectives", 100),
        _ev("bombastic", "lexicon:evaluative_adjectives", 120),
        _ev("slammed", "lexicon:loaded_verbs", 140),
        _ev("regime", "lexicon:loaded_labels", 160),
    ]
    assert strongest_words(hits, 2) == ["regime", "slammed"]
    assert strongest_words(hits, 3)[2] == "bombastic"  # the curated list before TextBlob's mild words
    assert strongest_words(hits, 5)[3:] == ["effective", "challenging"]  # then the more frequent first


def test_example_words_never_come_from_a_weak_rule():
    hits = [_ev("horrific", "rule:valence_word", 0), _ev("never", "rule:absolute", 20), _ev("should", "rule:modal", 40),
            _ev("perhaps", "lexicon:hedges", 60), _ev("4 million", "rule:factual_number", 80)]
    assert strongest_words(hits, 5) == []
    assert strongest_words([*hits, _ev("dazzling", "lexicon:evaluative_adjectives", 100)], 5) == ["dazzling"]
