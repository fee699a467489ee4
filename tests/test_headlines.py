"""Headlines side by side (framing.comparison.headlines, framing.report.headlines): main verbs
neutral or loaded, quotes and reported statements, evaluative words, the name a headline leads
with, the line on how they differ, and every renderer (HTML escaped, PDF, PNG band, terminal)."""

from __future__ import annotations

import io
import json

import pytest
from html_parse import parse

import framing
from framing.comparison import compare
from framing.comparison.headlines import compare_headlines, headline_framing, sentence_case
from framing.report.headlines import (
    draw_headline_band,
    headlines_html,
    headlines_pdf,
    print_headlines,
)

BODY = (
    "President Barack Obama met congressional leaders at the White House on Tuesday to discuss the "
    "budget. \u201cWe have work to do,\u201d Obama said after the meeting. Republicans said the talks "
    "would continue next week, and the budget office said it would publish new figures on Friday."
)


def article(headline: str, body: str = BODY) -> framing.Analysis:
    return framing.analyse(f"{headline}\n\n{body}\n")


@pytest.fixture(scope="module")
def triplet():
    return [
        article("Republicans taunt Obama over budget"),
        article("Republicans meet Obama over budget"),
        article("Obama meets Republicans on budget"),
    ]


@pytest.fixture(scope="module")
def heads(triplet):
    return compare_headlines(triplet, ["A", "B", "C"])


# --- verbs -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headline, verb, loaded, basis",
    [
        ("Obama mocks Congress over budget", "mocks", True, "verb table"),
        ("Senator slams the budget plan", "slams", True, "verb table"),
        ("Schumer bashed by the left over shutdown deal", "bashed", True, "loaded-verb list"),
        ("Obama says Congress must act on budget", "says", False, "verb table"),
        ("Farenthold resigns from Congress", "resigns", False, "in no verb list"),
        ("Obama Mocks Congress Over Budget Talks", "Mocks", True, "verb table"),  # title case
        ("Obama Meets Congressional Leaders On Budget", "Meets", False, "in no verb list"),
    ],
)
def test_main_verb_is_loaded_or_neutral(headline, verb, loaded, basis):
    h = headline_framing(article(headline))
    assert h.main_verb is not None, h
    assert h.main_verb.text == verb and h.main_verb.loaded is loaded
    assert basis in h.main_verb.basis
    a_text = f"{headline}\n\n"
    assert a_text[h.main_verb.start : h.main_verb.end] == verb  # a span of the headline as written


def test_title_case_is_read_in_sentence_case_with_names_kept():
    body = "Donald Trump said on Tuesday that the meeting on the birth bill would go ahead, Trump said."
    assert sentence_case("Trump Plans Meeting on Arizona Birth Bill", body) == "Trump plans meeting on Arizona birth bill"
    assert sentence_case("Trump plans meeting", body) == "Trump plans meeting"  # not title case: as written
    h = headline_framing(article("Trump Plans Meeting on Arizona Birth Bill", body))
    assert h.main_verb is not None and h.main_verb.text == "Plans" and not h.main_verb.loaded
    assert h.lead is not None and h.lead.name == "Donald Trump" and h.lead.subject


def test_a_headline_without_a_verb_has_none():
    h = headline_framing(article("With abortion in the spotlight, a challenge for Romney"))
    assert h.main_verb is None and h.verbs == ()


# --- quotes, reported statements, evaluative words -------------------------------------------


def test_quotes_in_a_headline_and_their_marks():
    a = article("Rice calls Netanyahu visit \u2018destructive\u2019 to ties")
    h = headline_framing(a)
    assert [q.text for q in h.quotes] == ["destructive"]
    q = h.quotes[0]
    assert a.text[q.start : q.end] == "destructive"


def test_a_colon_headline_reports_a_statement_and_has_no_verb_of_its_own():
    body = "Susan Rice, the national security adviser, said on Tuesday that the visit was destructive."
    a = article("Susan Rice: Netanyahu visit 'destructive' to U.S.-Israel ties", body)
    h = headline_framing(a)
    assert h.main_verb is None
    assert [x.name for x in h.attributions] == ["Susan Rice"] and h.attributions[0].cue is None
    assert [q.text for q in h.quotes] == ["destructive"]
    assert h.lead is not None and h.lead.name == "Susan Rice"


def test_evaluative_words_are_the_headline_writers_own():
    h = headline_framing(article("Democratic candidate faces harsh criticism over farmer comments"))
    assert [e.text for e in h.own_evaluative] == ["harsh"]
    assert all(e.rule.startswith(("lexicon:", "rule:")) for e in h.evaluative)
    # words in quote marks are the speaker's, not the headline writer's
    quoted = headline_framing(article("Obama calls the plan 'harsh' and 'cruel'"))
    assert quoted.own_evaluative == ()


# --- the lead name ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headline, body, lead",
    [
        ("GOP Rep. Blake Farenthold resigns after allegations",
         "Rep. Blake Farenthold (R-Texas) resigned on Friday, Farenthold said in a statement.", "Blake Farenthold"),
        ("Texas Rep. Blake Farenthold resigns from Congress",
         "Rep. Blake Farenthold resigned on Friday, Farenthold said in a statement.", "Blake Farenthold"),
        ("Obama aide calls Netanyahu visit destructive",
         "Susan Rice, an aide to President Obama, said the visit was destructive.", "Obama"),
        ("House Republicans pass the budget bill",
         "The House passed the bill on Friday, Republican leaders said.", "House Republicans"),
        ("Liberals fume at Chuck Schumer after shutdown deal",  # the subject names no one: the first person
         "Liberal groups said Chuck Schumer had caved, according to several activists.", "Chuck Schumer"),
    ],
)
def test_lead_name(headline, body, lead):
    h = headline_framing(article(headline, body))
    assert h.lead is not None and h.lead.name == lead
    assert h.lead.text == article(headline, body).text[h.lead.start : h.lead.end]


# --- the line that compares them --------------------------------------------------------------


def test_difference_line_says_which_verb_is_loaded_and_who_leads(heads):
    line = heads.difference
    assert line.startswith("A's headline uses a loaded verb ('taunt'); B and C use neutral verbs")
    assert "only C leads with Barack Obama (A and B with Republicans)" in line  # named in full from the body
    assert line.endswith(".") and "\n" not in line


def test_difference_line_when_all_alike():
    same = compare_headlines([article("Obama meets Republicans on budget"), article("Obama meets Congress on budget")], ["A", "B"])
    assert same.difference.startswith("Both headlines use neutral verbs ('meets')")
    assert "both lead with Barack Obama" in same.difference


def test_difference_line_names_quotes_and_missing_headlines():
    with_quote = article("Obama calls budget 'a disgrace'")
    plain = article("Obama meets Republicans on budget")
    no_head = framing.analyse("The budget talks went on. Obama met the leaders, officials said.\n")
    hc = compare_headlines([with_quote, plain, no_head], ["A", "B", "C"])
    assert hc.difference.startswith("No headline was detected in C; ")
    assert "only A puts words in quote marks ('a disgrace')" in hc.difference


def test_every_fact_is_a_span_of_its_headline(heads, triplet):
    for h, a in zip(heads.headlines, triplet, strict=True):
        assert h.headline == a.headline
        ev = h.evidence()
        assert ev, h
        for e in ev:
            assert a.text[e.start : e.end] == e.text
            assert h.start <= e.start and e.end <= h.end
            framing.rules.rule(e.rule)  # every rule is registered
        for m in h.highlights():
            assert m.explanation() and "Counts in the headline comparison" in m.explanation()


# --- the comparison and its JSON --------------------------------------------------------------


def test_comparison_json_holds_the_headlines(triplet):
    c = compare(triplet)
    d = json.loads(json.dumps(c.as_dict()))
    assert d["schema"] == "framing.comparison/3"
    hd = d["headlines"]
    assert hd["difference"] == c.headlines.difference
    first = hd["headlines"][0]
    assert first["main_verb"]["text"] == "taunt" and first["main_verb"]["class"] == "loaded"
    assert first["lead"]["name"] == "Republicans"
    assert {"verbs", "quotes", "attributions", "evaluative", "evidence", "subject"} <= set(first)


# --- renderers --------------------------------------------------------------------------------

EVIL = 'Mayor mocks <script>alert(1)</script> council over " onmouseover="alert(2)" & <b>staff</b>'


def test_html_escapes_hostile_headline_text():
    c = compare([article(EVIL), article("Mayor meets the council")])
    html = headlines_html(c)
    doc = parse(html)
    tags = [t for t, _ in doc.tags]
    assert "script" not in tags and "b" not in tags
    for _tag, attrs in doc.tags:
        assert not any(name.startswith("on") for name in attrs), attrs
    text = "".join(doc.text)
    assert "<script>alert(1)</script>" in text and '" onmouseover="alert(2)"' in text
    assert "How they differ:" in text
    assert "data-ev" not in html  # the body's evidence marks stay one per score span
    assert any(t == "mark" and "k-cue-loaded" in (a.get("class") or "") for t, a in doc.tags)


def test_pdf_flowables_render(heads, triplet):
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from framing.report.pdf_style import register_fonts, styles

    pypdf = pytest.importorskip("pypdf")
    c = compare(triplet)
    register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4)
    doc.build(headlines_pdf(c, styles(), doc.width))
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(buf.getvalue())).pages).split())
    assert "How they differ:" in text and "Republicans taunt Obama over budget" in text
    assert "'taunt', loaded" in text


def test_png_band_fits_its_box_even_for_a_long_line(triplet):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    c = compare(triplet)
    long = c.headlines.difference + " " + " ".join(["and a much longer clause about the headlines"] * 12)
    object.__setattr__(c.headlines, "difference", long)
    fig = plt.figure(figsize=(16, 9), dpi=120)
    size = draw_headline_band(fig, c, 0.86, 0.77)
    renderer = fig.canvas.get_renderer()
    (t,) = fig.texts
    box = t.get_window_extent(renderer=renderer)
    assert 7.0 <= size <= 12.5
    assert box.y0 >= 0.77 * fig.bbox.height - 1 and box.y1 <= 0.86 * fig.bbox.height + 1
    assert box.x0 >= 0.03 * fig.bbox.width - 1 and box.x1 <= 0.97 * fig.bbox.width + 1
    plt.close(fig)


def test_terminal_prints_the_headlines(triplet):
    from rich.console import Console

    console = Console(record=True, width=200)
    print_headlines(triplet, console)
    out = console.export_text()
    assert "Headlines side by side" in out and "How they differ:" in out
    assert "Main verb: 'taunt', loaded" in out
