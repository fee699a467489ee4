"""The notebook view of a comparison and of one article (``_repr_html_``): report.html's content,
scoped to one wrapper so that it restyles nothing else in the page, with no request of any kind,
and article text escaped as in report.html (the same hostile inputs as tests/test_report_html.py)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from html_parse import parse
from test_report_html import EVIL

import framing
from framing.comparison.summary import evidence_spans
from framing.report import charts as charts_mod
from framing.report.html import report_body
from framing.report.notebook import analysis_html, comparison_html, kept_matplotlib

FIX = Path(__file__).parent / "fixtures"
SEED = [FIX / "000_8326348c89f63b57.txt", FIX / "002_7f6faa312e2320b9.txt"]
PREFIX = "framing-0000abcd"
HOSTILE_TITLE = '"><script>alert(5)</script><style>body{display:none}</style><b onmouseover="x'


class Styles(HTMLParser):
    """Every tag (name, attributes) and the text of every <style> element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "style":
            self._in_style = True
            self.styles.append("")

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles[-1] += data


def styles_of(html: str) -> Styles:
    p = Styles()
    p.feed(html)
    p.close()
    return p


def selectors(css: str) -> list[str]:
    """Every selector of a stylesheet, those inside @media too (at-rule preludes left out)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    css = re.sub(r"\{[^{}]*\}", "{}", css)  # declaration blocks emptied
    out = []
    for prelude in re.findall(r"([^{}]*)\{", css):
        prelude = prelude.strip()
        if prelude and not prelude.startswith("@"):
            out += [s.strip() for s in prelude.split(",")]
    return out


def assert_scoped(html: str, root_id: str) -> None:
    doc = styles_of(html)
    assert doc.styles, "no stylesheet"
    for css in doc.styles:
        assert "@import" not in css and "@font-face" not in css and "url(" not in css.replace(f"url(#{root_id}-", "")
        sels = selectors(css)
        assert sels
        for s in sels:
            assert s == f"#{root_id}" or s.startswith((f"#{root_id} ", f"#{root_id}:", f"#{root_id}.")), s
            assert not re.search(r"(^|[\s>+~])(html|body|:root)\b", s.removeprefix(f"#{root_id}")), s


@pytest.fixture(scope="module")
def seed():
    import matplotlib

    c = framing.compare(SEED)
    # the same salt for matplotlib's clip-path ids in both renders of the content section's charts
    with kept_matplotlib(), matplotlib.rc_context({"svg.hashsalt": "framing-test"}):
        charts = list(charts_mod.render(c, svg=True, pdf=False))
        frag = comparison_html(c, charts=charts, prefix=PREFIX)
        body = report_body(c, charts)
    return c, charts, frag, body


@pytest.fixture(scope="module")
def evil(tmp_path_factory):
    d = tmp_path_factory.mktemp("evil")
    (d / "evil.txt").write_text(EVIL, encoding="utf-8")
    c = framing.compare([d / "evil.txt", SEED[1]], title=HOSTILE_TITLE)
    return c, c._repr_html_(), c.analyses[0]._repr_html_()


# ----------------------------------------------------------------------------- the same report


def _normalised(html: str) -> list[tuple[str, object]]:
    """Tags and text in order, ids unprefixed, <main> as <div>, stylesheets left out."""
    doc = styles_of(html)
    out: list[tuple[str, object]] = []
    for tag, attrs in doc.tags:
        if tag == "style":
            continue
        clean = {k: (v or "").replace(f"{PREFIX}-", "") for k, v in attrs.items()}
        out.append(("div" if tag == "main" else tag, sorted(clean.items())))
    text = [t for t in parse(re.sub(r"<style\b.*?</style>", "", html, flags=re.DOTALL)).text]
    return out + [("text", "".join(text).strip())]


def test_the_fragment_is_the_report_content(seed):
    c, charts, frag, body = seed
    assert frag.startswith(f'<section class="framing-report" id="{PREFIX}" aria-label="{c.title}"><style>')
    assert frag.endswith("</section>")
    inner = frag[frag.index("</style>") + len("</style>") : -len("</section>")]
    assert _normalised(inner) == _normalised(body)
    tags = [t for t, _ in parse(frag).tags]
    assert tags.count("svg") >= 5 and tags.count("h1") == 1 and "main" not in tags
    text = "".join(parse(frag).text)
    for part in ("Summary", "At a glance: whose voice is it?", "The texts, annotated", "Key scores side by side"):
        assert part in text
    for a in c.articles:
        assert a.headline in text and a.profile in text


def test_every_evidence_span_is_one_highlight(seed):
    c, _charts, frag, _body = seed
    marks = [a for t, a in parse(frag).tags if t == "mark" and "data-ev" in a]
    assert len({a["data-ev"] for a in marks}) == sum(len(evidence_spans(a)) for a in c.analyses) > 50


# ----------------------------------------------------------------------------- scoped, no requests


def test_every_style_rule_applies_only_inside_the_wrapper(seed):
    _c, _charts, frag, _body = seed
    assert_scoped(frag, PREFIX)
    # the charts' own stylesheets (matplotlib's "*{stroke-linejoin: round}") are scoped too
    assert len(styles_of(frag).styles) == 1 + frag.count("<svg")


def test_no_page_elements_and_nothing_fetched(seed):
    _c, _charts, frag, _body = seed
    doc = styles_of(frag)
    tags = {t for t, _ in doc.tags}
    assert not tags & {"html", "head", "body", "meta", "link", "script", "base", "iframe", "img", "object", "embed", "main"}
    for tag, attrs in doc.tags:
        assert "src" not in attrs and "srcset" not in attrs, tag
        for name in ("href", "xlink:href"):
            if name in attrs:
                assert (attrs[name] or "").startswith(f"#{PREFIX}-"), (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    for ref in re.findall(r"url\(([^)]*)\)", frag):
        assert ref.strip("'\"").startswith(f"#{PREFIX}-"), ref


def test_ids_are_prefixed_and_every_reference_resolves(seed):
    _c, _charts, frag, _body = seed
    doc = styles_of(frag)
    ids = [a["id"] for _t, a in doc.tags if a.get("id")]
    assert ids[0] == PREFIX and all(i.startswith(f"{PREFIX}-") for i in ids[1:])
    known = set(ids)
    refs = [a[k][1:] for _t, a in doc.tags for k in ("href", "xlink:href") if (a.get(k) or "").startswith("#")]
    refs += [x for _t, a in doc.tags for x in (a.get("aria-labelledby") or "").split()]
    refs += [r.strip("'\"")[1:] for r in re.findall(r"url\(([^)]*)\)", frag)]
    assert len(refs) > 20 and set(refs) <= known


def test_two_views_share_no_id(seed):
    c, charts, _frag, _body = seed
    one, two = comparison_html(c, charts=charts), comparison_html(c, charts=charts)
    ids = [{a["id"] for _t, a in styles_of(h).tags if a.get("id")} for h in (one, two)]
    assert ids[0] and not ids[0] & ids[1]
    for h, wrapper in zip((one, two), ids, strict=True):
        root = next(i for i in wrapper if re.fullmatch(r"framing-[0-9a-f]{8}", i))
        assert_scoped(h, root)


# ----------------------------------------------------------------------------- escaping


@pytest.mark.parametrize("which", ["comparison", "analysis"])
def test_article_markup_renders_as_text_never_as_markup(evil, which):
    c, comparison, analysis = evil
    html = comparison if which == "comparison" else analysis
    doc = styles_of(html)
    tags = [t for t, _ in doc.tags]
    assert "script" not in tags and "img" not in tags and "b" not in tags
    for _tag, attrs in doc.tags:
        assert not any(name.startswith("on") for name in attrs), attrs
    text = "".join(parse(re.sub(r"<style\b.*?</style>", "", html, flags=re.DOTALL)).text)
    assert "<script>alert(1)</script>" in text
    assert '" onmouseover="alert(2)"' in text
    assert "<img src=x onerror=alert(3)>" in text
    # the hostile title made no element: one stylesheet, plus one per chart, all scoped
    assert tags.count("style") == 1 + tags.count("svg")
    root = doc.tags[0][1]["id"]
    assert_scoped(html, root)
    if which == "comparison":
        assert HOSTILE_TITLE in text and doc.tags[0][1]["aria-label"] == HOSTILE_TITLE


def test_hostile_title_is_escaped_in_the_plain_view(evil):
    c, _comparison, _analysis = evil
    pytest.importorskip("IPython", reason="IPython comes with ipykernel (test extra)")
    from IPython.lib.pretty import pretty

    text = pretty(c)
    assert text.splitlines()[0] == f"Comparison: {HOSTILE_TITLE}"
    assert len(text.splitlines()) == 3 and len(text) < 2000


# ----------------------------------------------------------------------------- one article


def test_one_article_shows_annotated(seed):
    c, _charts, _frag, _body = seed
    a = c.analyses[1]
    html = analysis_html(a, prefix="framing-00001111")
    doc = styles_of(html)
    assert doc.tags[0] == ("section", {"class": "framing-report framing-analysis", "id": "framing-00001111",
                                       "aria-label": a.headline})
    assert_scoped(html, "framing-00001111")
    marks = [at for t, at in doc.tags if t == "mark" and "data-ev" in at]
    assert len({m["data-ev"] for m in marks}) == len(evidence_spans(a)) > 20
    text = "".join(parse(html).text)
    assert a.headline in text and "a shining example" in text
    assert "Evaluative word or phrase" in text  # the legend
    assert not {t for t, _ in doc.tags} & {"svg", "script", "img", "html", "body"}
    # no empty badge: a lone article has no letter
    assert '<span class="badge"></span>' not in html.replace(".badge:empty", "")


def test_plain_views_are_short():
    pytest.importorskip("IPython", reason="IPython comes with ipykernel (test extra)")
    from IPython.lib.pretty import pretty

    a = framing.analyse(SEED[1])
    lines = pretty(a).splitlines()
    assert lines[0].startswith("Analysis: Strengthening Bonds") and len(lines) == 2


# ----------------------------------------------------------------------------- matplotlib


def test_drawing_the_charts_leaves_matplotlib_as_it_was(seed):
    import matplotlib

    c, _charts, _frag, _body = seed
    before = dict.__getitem__(matplotlib.rcParams, "backend")
    try:
        matplotlib.use("svg")
        with matplotlib.rc_context({"font.size": 13.0, "axes.spines.top": True}):
            html = c._repr_html_()
            assert matplotlib.rcParams["font.size"] == 13.0 and matplotlib.rcParams["axes.spines.top"] is True
            assert matplotlib.get_backend().lower() == "svg"
    finally:
        matplotlib.use(before if isinstance(before, str) else "Agg")
    assert html.count("<svg") >= 5
