"""The "who speaks" chart and tables group the sources by the side the article gives them
(issue 12, item 6): each side's sources together under a heading that names it, in a colour and a
hatch of its own (grey print), unknown last and never guessed; the PDF's sides section is one
compact table whose rows name the side."""

from __future__ import annotations

import io
import re

import pytest
from html_parse import parse

import framing
from framing.comparison import compare
from framing.comparison.sides import SIDES, UNKNOWN
from framing.report import charts
from framing.report.html import render_html
from framing.report.sides import SIDE_SIGN
from framing.report.style import SIDE_STYLE, side_style, tint

A = (
    "Senate passes the budget deal\n\n"
    "\u201cThis is a good day for working families and for the country,\u201d said Sen. Chuck Schumer (D-N.Y.).\n\n"
    "\u201cWe got what we needed in the end,\u201d Sen. John Cornyn, R-Texas, said after the vote.\n\n"
    "\u201cThe farmers in my state will pay for this deal,\u201d said Heidi Heitkamp, Democrat of North Dakota.\n\n"
    "\u201cIt is a start,\u201d Republican Sen. Ted Cruz told reporters.\n\n"
    "\u201cI just want the roads fixed,\u201d said Jane Doe, a retired teacher from Ohio.\n"
)
B = (
    "Budget deal clears the Senate\n\n"
    "\u201cWe got what we needed,\u201d Sen. John Cornyn said on Tuesday.\n\n"
    "\u201cThe deal is a failure,\u201d said Rep. Tim Ryan.\n"
)


@pytest.fixture(scope="module")
def c():
    return compare([framing.analyse(A), framing.analyse(B)])


@pytest.fixture(scope="module")
def sources_fig(c):
    figs = {key: fig for key, _t, _c, fig in charts.figures(c)}
    yield figs["sources"]
    import matplotlib.pyplot as plt

    for fig in figs.values():
        plt.close(fig)


def _names(group):
    return [s["name"] for s in group]


def test_sources_are_grouped_by_side_unknown_last(c):
    groups = charts.source_groups(c, 0)
    sides = [g.side for g in groups]
    assert sides == [s for s in (*SIDES, UNKNOWN) if s in sides]  # the sides in order, unknown last
    by_side = {g.side: _names(g.sources) for g in groups}
    assert {"Chuck Schumer", "Heidi Heitkamp"} <= set(by_side["Democratic"])
    assert {"John Cornyn", "Ted Cruz"} <= set(by_side["Republican"])
    assert by_side[UNKNOWN] == ["Jane Doe"]
    for g in groups:  # the largest first within a side
        shares = [s["share_of_sourced_words"] for s in g.sources]
        assert shares == sorted(shares, reverse=True)


def test_unknown_stays_unknown_even_when_another_article_gives_the_side(c):
    # B never says Cornyn's party (A does): in B he is unknown
    groups = charts.source_groups(c, 1)
    assert [g.side for g in groups] == [UNKNOWN]
    assert "John Cornyn" in _names(groups[0].sources)


def test_without_sides_the_sources_are_one_group(c):
    import dataclasses

    bare = dataclasses.replace(c, sides=None)
    groups = charts.source_groups(bare, 0)
    assert [g.side for g in groups] == [None]
    assert len(groups[0].sources) == sum(len(g.sources) for g in charts.source_groups(c, 0))


def test_every_side_shows_even_when_its_sources_speak_least(c):
    full = charts.source_groups(c, 0)
    few = charts.source_groups(c, 0, limit=1)
    assert [g.side for g in few] == [g.side for g in full]  # no side dropped by the limit
    for g, whole in zip(few, full, strict=True):
        assert [s["name"] for s in g.sources] == [whole.sources[0]["name"]] and g.total == whole.total
    four = charts.source_groups(c, 0, limit=4)  # each side's largest, then the largest of the rest
    assert sum(len(g.sources) for g in four) == 4
    assert charts.side_heading("Republican", 4, 1) == "Republican · 4 sources, 1 shown"


def _rows(ax):
    """(y, label) of the chart's headings and sources, top to bottom."""
    rows = [(t.get_position()[1], t.get_text()) for t in ax.texts if "·" in t.get_text()]
    rows += [(y, t.get_text()) for y, t in zip(ax.get_yticks(), ax.get_yticklabels(), strict=True)]
    return [label for _y, label in sorted(rows)]


def test_the_chart_labels_each_side_and_keeps_its_sources_under_it(c, sources_fig):
    ax_a, ax_b = sources_fig.axes[:2]
    rows = _rows(ax_a)
    headings = [r for r in rows if "·" in r]
    assert [h.split(" · ")[0] for h in headings] == ["Democratic", "Republican", "Side not given"]
    assert "Democratic · 2 sources" in headings and "Side not given · 1 source" in headings
    under = {}
    for r in rows:
        if "·" in r:
            current = r.split(" · ")[0]
        else:
            under.setdefault(current, []).append(r)
    assert set(under["Democratic"]) == {"Chuck Schumer", "Heidi Heitkamp"}
    assert set(under["Republican"]) == {"John Cornyn", "Ted Cruz"}
    assert under["Side not given"] == ["Jane Doe"]
    assert [r for r in _rows(ax_b) if "·" in r] == ["Side not given · 2 sources"]
    assert not charts.overflowing_texts(sources_fig)


def test_each_side_has_its_own_colour_and_hatch(c, sources_fig):
    from matplotlib.colors import to_hex

    # every side differs from every other by its hatch (grey print) as well as its colour
    hatches = [h for _c, h, _hc in SIDE_STYLE.values()]
    colours = [col for col, _h, _hc in SIDE_STYLE.values()]
    assert len(set(hatches)) == len(hatches) and len(set(colours)) == len(colours)
    ax = sources_fig.axes[0]
    row_of = {label.get_text(): y for y, label in zip(ax.get_yticks(), ax.get_yticklabels(), strict=True)}
    bars = {}
    for patch in ax.patches:
        if patch.get_width() > 0 and patch.get_x() == 0:  # the quoted (darker) part of a bar, and the heading keys
            bars.setdefault(round(patch.get_y() + patch.get_height() / 2), patch)
    for name, side in (("Chuck Schumer", "Democratic"), ("Ted Cruz", "Republican"), ("Jane Doe", UNKNOWN)):
        patch = bars[round(row_of[name])]
        colour, hatch, _hc = side_style(side)
        assert to_hex(patch.get_facecolor()) in (colour, tint(colour)), name
        assert (patch.get_hatch() or "") == hatch, name


def test_the_html_shows_the_sides_and_the_grouped_chart_in_its_section(c):
    html = render_html(c, charts.render(c, svg=True, pdf=False))
    section = html[html.index('<section id="sides"'):]
    section = section[: section.index("</section>")]
    text = " ".join(parse(section).text)
    for side in ("Democratic", "Republican", "Unknown"):
        assert side in text
    assert 'id="chart-sources"' in section and "Democratic · 2 sources" in section
    assert html.count('id="chart-sources"') == 1


def test_the_pdf_sides_table_names_the_side_of_every_row(c):
    pypdf = pytest.importorskip("pypdf")
    from framing.report.pdf import render_pdf

    pdf = render_pdf(c, charts.render(c, svg=False, pdf=True))
    pages = [p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    text = "\n".join(pages)
    part = text[text.index("Who speaks, by side"):]
    part = part[: part.index("Not quoted here")]
    for header in ("Side", "Sources (words)", "Quotes", "Quoted", "Reported"):
        assert header in part, header  # whole: no header wrapped inside a word
    # a row per side, each with its sources, in side order: A's Democratic, Republican, unknown; B's unknown
    signs = "".join(SIDE_SIGN.values())
    rows = re.findall(rf"[{signs}] (\w+)\n(.+)", part[part.index("Reported"):])
    assert [side for side, _ in rows] == ["Democratic", "Republican", "Unknown", "Unknown"]
    assert "Chuck Schumer" in rows[0][1] and "Ted Cruz" in rows[1][1] and "Jane Doe" in rows[2][1]
    assert "John Cornyn" in rows[3][1]  # unknown in B, which does not say his party
