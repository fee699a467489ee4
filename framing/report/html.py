"""Comparison -> one self-contained HTML file (inline CSS and SVG, no script, no requests).

Every piece of article text, in element content and in attributes, passes through ``esc``
(``html.escape`` with quotes). Every evidence span is one ``<mark class="hl" data-ev=...>``
with ``tabindex="0"`` and a ``title`` that says in plain words what was found and which scores
count it (the rule registry's explanations, ``framing.rules``; the rule ids stay in
comparison.json); the focus style shows the same text, so it works from the keyboard. A span
that crosses another is split: its later pieces carry the same ``data-ev`` and no tab stop.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from importlib import resources
from string import Template
from typing import Any

from framing.comparison.comparison import Comparison, format_difference, format_value
from framing.comparison.summary import Highlight
from framing.report import annotate, methodology
from framing.report.charts import Chart
from framing.report.headlines import headlines_html
from framing.report.sides import sides_html
from framing.report.style import HIGHLIGHTS, highlight_css
from framing.rules import KINDS


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def render_html(c: Comparison, charts: Iterable[Chart]) -> str:
    """The report as one HTML document (report.html)."""
    tpl = Template(resources.files("framing.report").joinpath("templates/report.html").read_text(encoding="utf-8"))
    return tpl.substitute(title=esc(c.title), css=report_css(), body=report_body(c, charts), version=esc(c.version))


def report_css() -> str:
    """The report's stylesheet: report.css and the highlight kinds (``highlight_css``)."""
    css = resources.files("framing.report").joinpath("templates/report.css").read_text(encoding="utf-8")
    return css + highlight_css()


def report_body(c: Comparison, charts: Iterable[Chart], *, main: str = "main") -> str:
    """The report's content, from the header to the footer (what ``<body>`` holds after the skip
    link). ``main`` is the element that holds the sections: "main" in report.html; a notebook
    cell, which is not the page's main content, uses "div" (``framing.report.notebook``)."""
    charts = list(charts)
    glance = [ch for ch in charts if ch.key in GLANCE]
    # the sources chart, grouped by side, stands in the "who speaks, by side" section when there is one
    sources = next((ch for ch in charts if ch.key == "sources"), None) if c.sides is not None else None
    rest = [ch for ch in charts if ch.key not in GLANCE and ch is not sources]
    return "\n".join(
        [
            _header(c),
            f'<{main} id="main">',
            headlines_html(c),
            _summary(c),
            _charts(glance, "glance", "At a glance: whose voice is it?"),
            _scores(c),
            sides_html(c, _figure(sources) if sources is not None else ""),
            _charts(rest, "charts", "Charts"),
            _annotated(c),
            _content(c),
            _methodology(c),
            f"</{main}>",
            f"<footer>Made with framing {esc(c.version)}. The full data, every evidence span "
            "included, is in comparison.json next to this file; one row per article with every "
            "score in scores.csv.</footer>",
        ]
    )


def _header(c: Comparison) -> str:
    names = " · ".join(f"{a.label}: {a.title}" for a in c.articles)
    toc = "".join(
        f'<li><a href="#{k}">{t}</a></li>'
        for k, t in (
            *((("headlines", "Headlines"),) if c.headlines is not None else ()),
            ("summary", "Summary"),
            ("glance", "At a glance"),
            ("scores", "Key scores"),
            *((("sides", "Who speaks, by side"),) if c.sides is not None else ()),
            ("charts", "Charts"),
            ("texts", "The texts, annotated"),
            *((("content", "What each includes and omits"),) if c.content is not None else ()),
            ("method", "Methodology and limits"),
        )
    )
    return (
        f"<header><h1>{esc(c.title)}</h1>"
        f'<p class="lede">{len(c.articles)} articles compared: {esc(names)}</p>'
        f'<nav class="toc" aria-label="Sections"><ul>{toc}</ul></nav></header>'
    )


def key_figures(c: Comparison, i: int) -> list[tuple[str, str]]:
    return article_figures(c.analyses[i], c.articles[i])


def article_figures(a: Any, summary: Any) -> list[tuple[str, str]]:
    """The five numbers of an article's summary card: (value, what it counts)."""
    s, adv = a.scores.sourcing, a.scores.advocacy
    author, evaluative, _first_person = summary.author_sentences()  # as the voice strip shows them

    def v(fam: Any, key: str, how: str = "int") -> str:
        try:
            return format_value(fam.value(key), how)
        except KeyError:
            return "–"

    return [
        (v(s, "direct_quotes"), "direct quotes"),
        (v(s, "quoted_share", "pct"), "of body words inside quotes"),
        (v(s, "distinct_sources"), "distinct sources"),
        (f"{evaluative} / {author}", "author sentences evaluative"),
        (v(adv, "first_person_tokens"), "first-person words by the author"),
    ]


def card_html(a: Any, summary: Any) -> str:
    """One article's summary card: headline, byline, size, profile and key figures."""
    byline = f"by {esc(summary.byline)}" if summary.byline else "no byline detected"
    figs = "".join(f"<dt>{esc(n)}</dt><dd>{esc(t)}</dd>" for n, t in article_figures(a, summary))
    label = esc(summary.label)
    badge = f'<span class="badge">{label}</span>' if label else ""
    return (
        f'<article class="card" aria-labelledby="card-{label or "article"}">'
        f'<h3 id="card-{label or "article"}">{badge}{esc(summary.title)}</h3>'
        f'<p class="meta">{byline} · {summary.body_words} words, {summary.sentences} sentences · {_source(summary.name, a.article)}</p>'
        f'<p class="profile">{esc(summary.profile)}</p><dl>{figs}</dl></article>'
    )


def _summary(c: Comparison) -> str:
    cards = "".join(card_html(a, s) for a, s in zip(c.analyses, c.articles, strict=True))
    return f'<section id="summary" aria-labelledby="h-summary"><h2 id="h-summary">Summary</h2><div class="cards">{cards}</div></section>'


def _source(name: str, article: Any) -> str:
    """Where the article came from: its file name, or the URL it was fetched from (a link) and
    when."""
    url, fetched = article.url, article.fetched
    if not (fetched and url and url.startswith(("http://", "https://"))):
        return esc(name)
    from framing.web.pages import fetched_text

    return (f'<a class="source" href="{esc(url)}" rel="noopener noreferrer">{esc(url)}</a>'
            f", fetched {esc(fetched_text(fetched))}")


def _scores(c: Comparison) -> str:
    two = len(c.articles) == 2
    head = "".join(f'<th scope="col">{a.label}</th>' for a in c.articles)
    diff_head = f"Difference ({c.articles[-1].label} − {c.articles[0].label})" if two else "Spread (max − min)"
    rows = []
    for r in c.rows:
        d = r.difference if two else r.spread
        big = d is not None and r.how in ("int", "num", "pct") and _is_big(r, d)
        vals = "".join(f"<td>{esc(format_value(v, r.how))}</td>" for v in r.values)
        rows.append(
            f'<tr class="{"big" if big else ""}"><th scope="row">{esc(r.label.strip())}<small>{esc(r.description)}</small></th>'
            f'{vals}<td class="diff">{esc(format_difference(d, r.how))}</td></tr>'
        )
    return (
        '<section id="scores" aria-labelledby="h-scores"><h2 id="h-scores">Key scores side by side</h2>'
        '<p class="lede">Shaded rows differ most. Each number counts highlighted spans in the annotated '
        "texts below (hover or focus a highlight to see which scores count it).</p>"
        f'<table class="scores"><thead><tr><th scope="col">Score</th>{head}<th scope="col">{esc(diff_head)}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _is_big(r: Any, d: float) -> bool:
    vals = [abs(v) for v in r.values if v is not None]
    top = max(vals) if vals else 0
    if r.how == "pct":
        return abs(d) >= 0.2
    return top > 0 and abs(d) >= 0.5 * top and abs(d) >= 2


GLANCE = ("timeline", "composition")


def _figure(c: Chart) -> str:
    if not c.svg:
        return ""
    return f'<figure id="chart-{c.key}"><h3>{esc(c.title)}</h3>{c.svg}<figcaption>{esc(c.caption)}</figcaption></figure>'


def _charts(charts: Iterable[Chart], anchor: str, heading: str) -> str:
    figs = [_figure(c) for c in charts if c.svg]
    return f'<section id="{anchor}" aria-labelledby="h-{anchor}"><h2 id="h-{anchor}">{esc(heading)}</h2>{"".join(figs)}</section>'


def _content(c: Comparison) -> str:
    if c.content is None:
        return ""
    from framing.report.content import content_html

    return content_html(c)


def legend_html() -> str:
    """Every highlight kind as it is drawn, with its explanation on hover."""
    items = "".join(
        f'<span class="item"><mark class="hl k-{k.name}" title="{esc(k.explanation)}">{esc(k.label)}</mark> '
        f'<span class="looks">({esc(HIGHLIGHTS[k.name].looks)})</span></span>'
        for k in KINDS
    )
    return f'<div class="legend" role="note" aria-label="Legend of the highlights">{items}</div>'


def mark_open(m: Highlight, continuation: bool) -> str:
    classes = " ".join(["hl", *(f"k-{k}" for k in m.kinds), *(("cont",) if continuation else ())])
    tab = "" if continuation else ' tabindex="0"'
    return f'<mark class="{classes}" data-ev="{esc(m.id)}"{tab} title="{esc(m.explanation())}">'


def annotated(a: Any, summary: Any, targets: Sequence[tuple[int, int, str]] = ()) -> str:
    """One article's headline, byline and body with every evidence span marked.

    ``targets``: (start, end, id) spans to make link targets (the content section's "only here"
    items link to their first mention); their text is wrapped in ``<span class="oh-t">`` inside
    whatever marks are open, the first piece carrying the id, so the nesting stays valid."""
    marks = annotate.Overlaps(summary.highlights)
    badge = f'<span class="badge">{esc(summary.label)}</span>' if summary.label else ""  # none for a lone article
    started: set[str] = set()
    placed: set[str] = set()
    parts = []
    for role, lo, hi in annotate.regions(a):
        pieces = []
        pos = lo
        for ev in annotate.events(a.text, lo, hi, marks, started):
            if isinstance(ev, str):
                pieces.append(_text_with_targets(ev, pos, targets, placed) if targets else esc(ev))
                pos += len(ev)
            else:
                pieces.append(mark_open(ev.mark, ev.continuation) if isinstance(ev, annotate.Open) else "</mark>")
        inner = "".join(pieces)
        if role == "headline":
            parts.append(f"<h3>{badge}{inner}</h3>")
        elif role == "byline":
            parts.append(f'<p class="byline">{inner}</p>')
        else:
            parts.append(f"<p>{inner}</p>")
    if not a.article.headline:
        parts.insert(0, f"<h3>{badge}{esc(summary.title)}</h3>")
    return "".join(parts)


def _text_with_targets(piece: str, pos: int, targets: Sequence[tuple[int, int, str]], placed: set[str]) -> str:
    """Escaped ``piece`` (which starts at offset ``pos``) with the link targets wrapped."""
    end = pos + len(piece)
    hits = [t for t in targets if t[0] < end and t[1] > pos]
    if not hits:
        return esc(piece)
    cuts = sorted({pos, end} | {min(max(s, pos), end) for s, _e, _i in hits} | {min(max(e, pos), end) for _s, e, _i in hits})
    out = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        if hi <= lo:
            continue
        text = esc(piece[lo - pos : hi - pos])
        inside = [t for t in hits if t[0] <= lo < t[1]]
        if not inside:
            out.append(text)
            continue
        ident = next((i for s, _e, i in inside if i not in placed), None)
        if ident is not None:
            placed.add(ident)
            out.append(f'<span class="oh-t" id="{esc(ident)}">{text}</span>')
        else:
            out.append(f'<span class="oh-t">{text}</span>')
    return "".join(out)


def _annotated(c: Comparison) -> str:
    n = len(c.articles)
    targets: list[list[tuple[int, int, str]]] = [[] for _ in c.articles]
    if c.content is not None:
        from framing.report.content import anchor_targets

        targets = [anchor_targets(c, i) for i in range(n)]
    cols = "".join(
        f'<article class="col" aria-label="Article {s.label}, annotated">{annotated(a, s, t)}</article>'
        for a, s, t in zip(c.analyses, c.articles, targets, strict=True)
    )
    return (
        '<section id="texts" aria-labelledby="h-texts"><h2 id="h-texts">The texts, annotated</h2>'
        '<p class="lede">Every highlight is evidence behind a score. Hover over it, or move to it with '
        "the Tab key, to see what was found and which scores count it.</p>"
        f"{legend_html()}"
        f'<div class="columns" style="grid-template-columns: repeat({n}, minmax(18rem, 1fr))">{cols}</div></section>'
    )


def _methodology(c: Comparison) -> str:
    fams = []
    for family, ms in methodology.metrics(c.analyses[0]):
        items = "".join(
            f"<dt>{esc(name)}{' (' + esc(unit) + ')' if unit else ''}</dt><dd>{esc(desc)}</dd>" for name, unit, desc in ms
        )
        fams.append(f"<h3>{esc(family)}</h3><dl>{items}</dl>")
    lex = "".join(
        f"<tr><td>{esc(lx.file)}</td><td>{lx.entries}</td><td>{esc(lx.source)} {esc(lx.notes)}</td><td>{esc(lx.licence)}</td></tr>"
        for lx in methodology.lexicons()
    )
    limits = methodology.limits()
    return (
        '<section id="method" class="method" aria-labelledby="h-method"><h2 id="h-method">Methodology and limits</h2>'
        f'<p class="caution">{esc(limits[0])}</p>'
        f"<h3>Voices</h3><p>{esc(methodology.voices_text())}</p>"
        f"{''.join(fams)}"
        '<h3>Lexicons</h3><table class="plain"><thead><tr><th scope="col">File</th><th scope="col">Entries</th>'
        f'<th scope="col">Source</th><th scope="col">Licence</th></tr></thead><tbody>{lex}</tbody></table>'
        f"<h3>What the tool cannot see</h3><ul>{''.join(f'<li>{esc(p)}</li>' for p in limits[1:])}</ul></section>"
    )
