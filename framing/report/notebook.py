"""Comparison, Analysis -> an HTML fragment for a notebook cell (``_repr_html_``).

The fragment is report.html's content (``framing.report.html.report_body``) inside one wrapper,
``<section class="framing-report" id="framing-XXXXXXXX">``, and made to live inside someone
else's page:

- every CSS selector, the report's and the charts' own ``<style>`` elements alike, is scoped to
  the wrapper's id (``scope_css``): ``html``, ``body`` and ``:root`` become the wrapper, every
  other selector is prefixed with it, an at-rule other than ``@media``/``@supports`` is dropped;
- every id, and every reference to one (``href="#..."``, ``url(#...)``, ``aria-labelledby``), is
  prefixed with the wrapper's id (``prefix_ids``), so two reports in one notebook, or a report
  and the notebook's own page, never share an id;
- no ``<html>``, ``<head>``, ``<body>``, no skip link, and the sections sit in a ``<div>``, not
  in ``<main>`` (the notebook is the page);
- nothing is fetched: the report has no script, no image file, no web font.

The charts are drawn with matplotlib's Agg backend, and the user's backend and rcParams are
put back afterwards (``kept_matplotlib``), so the notebook's own plots are not restyled either.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from framing.comparison.comparison import Comparison
    from framing.comparison.summary import ArticleSummary
    from framing.model import Analysis
    from framing.report.charts import Chart

WRAPPER_CLASS = "framing-report"

# Added to report.css before it is scoped (":root" becomes the wrapper): the wrapper is a block
# in the notebook's page, not a page.
_FRAGMENT_CSS = """
:root { margin: 0; padding: .5rem 1rem 1.5rem; text-align: left; }
"""


def new_prefix() -> str:
    """A fresh wrapper id, ``framing-`` and 8 hex digits: unique in a page (and a valid CSS id)."""
    return f"framing-{secrets.token_hex(4)}"


# --------------------------------------------------------------------------- CSS


def scope_css(css: str, root: str, *, rename: Callable[[str], str] | None = None) -> str:
    """``css`` with every rule applying only inside ``root`` (a selector, e.g. ``#framing-1a2b``).

    ``html``, ``body`` and ``:root`` (as a selector's first compound) become ``root``; any other
    selector gets ``root`` and a space in front; ``#id`` in a selector becomes ``#`` + ``rename(id)``.
    Rules inside ``@media`` and ``@supports`` are scoped the same way; every other at-rule
    (``@import``, ``@font-face``, ``@keyframes`` ...) is dropped: it cannot be scoped, and
    ``@import`` would fetch. Comments are dropped; declarations are kept as they are."""
    out: list[str] = []
    for prelude, block in _rules(_without_comments(css)):
        if prelude.startswith("@"):
            name = prelude[1:].split(None, 1)[0].lower() if len(prelude) > 1 else ""
            if block is not None and name in ("media", "supports"):
                out.append(f"{prelude} {{\n{scope_css(block, root, rename=rename)}}}\n")
            continue
        if block is None:
            continue
        selectors = [scope_selector(s, root, rename=rename) for s in split_selectors(prelude)]
        selectors = [s for s in selectors if s]
        if selectors:
            out.append(f"{', '.join(selectors)} {{{block}}}\n")
    return "".join(out)


_ROOT_COMPOUND = re.compile(r"(?:html|body|:root)(?=$|[\s>+~])", re.IGNORECASE)
_ID_SELECTOR = re.compile(r"#(-?[_a-zA-Z][\w-]*)")


def scope_selector(selector: str, root: str, *, rename: Callable[[str], str] | None = None) -> str:
    """One selector scoped to ``root`` (see ``scope_css``)."""
    selector = " ".join(selector.split())
    if not selector:
        return ""
    if rename is not None:
        selector = _outside_brackets(selector, lambda part: _ID_SELECTOR.sub(lambda m: "#" + rename(m[1]), part))
    m = _ROOT_COMPOUND.match(selector)
    if m:
        rest = selector[m.end() :]
        return root + rest
    return f"{root} {selector}"


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside ``:is(...)`` or ``[...]``)."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(prelude):
        if quote:
            if ch == quote and prelude[i - 1] != "\\":
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return [p.strip() for p in parts if p.strip()]


def _outside_brackets(selector: str, fn: Callable[[str], str]) -> str:
    """``fn`` applied to the parts of ``selector`` outside attribute selectors ``[...]``."""
    pieces = re.split(r"(\[[^\]]*\])", selector)
    return "".join(p if p.startswith("[") else fn(p) for p in pieces)


def _without_comments(css: str) -> str:
    return re.sub(r"/\*.*?(?:\*/|$)", "", css, flags=re.DOTALL)


def _rules(css: str) -> Iterator[tuple[str, str | None]]:
    """(prelude, block) for each top-level rule; block is None for a statement (``@import ...;``)."""
    i, n = 0, len(css)
    while i < n:
        j = _find(css, i, "{;")
        if j < 0:
            return
        prelude = css[i:j].strip()
        if css[j] == ";":
            yield prelude, None
            i = j + 1
            continue
        end = _closing(css, j)
        yield prelude, css[j + 1 : end]
        i = end + 1


def _find(css: str, i: int, chars: str) -> int:
    """The index of the first of ``chars`` at or after ``i``, outside strings; -1 if none."""
    quote = ""
    while i < len(css):
        ch = css[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in chars:
            return i
        i += 1
    return -1


def _closing(css: str, i: int) -> int:
    """The index of the brace that closes the one at ``i`` (the end of ``css`` if none)."""
    depth = 0
    while True:
        j = _find(css, i, "{}")
        if j < 0:
            return len(css)
        depth += 1 if css[j] == "{" else -1
        if depth == 0:
            return j
        i = j + 1


# --------------------------------------------------------------------------- ids

# The report's markup: a <style> element whole, or one tag. Article text is always escaped, so
# a "<" in the HTML starts a tag and a '"' inside a tag is an attribute's quote.
_MARKUP = re.compile(r"(<style\b[^<>]*>)(.*?)(</style\s*>)|<[^<>]*>", re.DOTALL | re.IGNORECASE)
_ID_ATTR = re.compile(r'(\sid=")([^"]*)(")')
_HREF_ATTR = re.compile(r'(\s(?:xlink:)?href="#)([^"]*)(")')
_REFS_ATTR = re.compile(r'(\s(?:aria-labelledby|aria-describedby|aria-controls|aria-owns|for|headers)=")([^"]*)(")')
_URL_REF = re.compile(r"(url\(\s*['\"]?#)([^)'\"\s]+)")


def prefix_ids(html: str, prefix: str, *, css: Callable[[str], str] | None = None) -> str:
    """``html`` with every id, and every reference to one, prefixed with ``prefix`` and "-".

    ``css``, when given, rewrites the content of each ``<style>`` element (the charts' own)."""

    def name(ident: str) -> str:
        return f"{prefix}-{ident}"

    def tag(t: str) -> str:
        t = _ID_ATTR.sub(lambda a: a[1] + name(a[2]) + a[3], t)
        t = _HREF_ATTR.sub(lambda a: a[1] + name(a[2]) + a[3], t)
        t = _REFS_ATTR.sub(lambda a: a[1] + " ".join(name(x) for x in a[2].split()) + a[3], t)
        return _URL_REF.sub(lambda a: a[1] + name(a[2]), t)

    def markup(m: re.Match[str]) -> str:
        if m[1] is None:
            return tag(m[0])
        return tag(m[1]) + (css(m[2]) if css is not None else m[2]) + m[3]

    return _MARKUP.sub(markup, html)


def fragment(body: str, *, prefix: str, label: str, extra_class: str = "") -> str:
    """``body`` (report markup) as a scoped fragment: one wrapper, its own scoped stylesheet."""
    from framing.report.html import esc, report_css

    root = f"#{prefix}"

    def rename(ident: str) -> str:
        return f"{prefix}-{ident}"

    def scoped(css: str) -> str:
        return scope_css(css, root, rename=rename)

    css = scoped(report_css() + _FRAGMENT_CSS)
    classes = " ".join(c for c in (WRAPPER_CLASS, extra_class) if c)
    return (
        f'<section class="{classes}" id="{prefix}" aria-label="{esc(label)}">'
        f"<style>\n{css}</style>\n{prefix_ids(body, prefix, css=scoped)}</section>"
    )


# --------------------------------------------------------------------------- the two views


def comparison_html(c: Comparison, *, charts: Iterable[Chart] | None = None, prefix: str | None = None) -> str:
    """The whole report (summary, voice strips, scores, charts, annotated texts side by side,
    content, methodology) as a notebook fragment. ``charts`` default to drawing them now."""
    from framing.report import charts as charts_mod
    from framing.report.html import report_body

    with kept_matplotlib():  # the content section draws charts of its own
        body = report_body(c, charts_mod.render(c, svg=True, pdf=False) if charts is None else charts, main="div")
    return fragment(body, prefix=prefix or new_prefix(), label=c.title)


def analysis_html(a: Analysis, *, prefix: str | None = None) -> str:
    """One article as a notebook fragment: its summary card, the legend of the highlights and
    its text with every evidence span marked (as in the report's "texts, annotated")."""
    from framing.report.html import annotated, card_html, esc, legend_html

    summary = article_summary(a)
    body = (
        f'<div class="cards">{card_html(a, summary)}</div>'
        '<p class="lede">Every highlight is evidence behind a score. Hover over it, or move to it with '
        "the Tab key, to see what was found and which scores count it.</p>"
        f"{legend_html()}"
        f'<div class="columns"><article class="col" aria-label="The article, annotated">{annotated(a, summary)}</article></div>'
        f"<footer>Made with framing {esc(a.version)}.</footer>"
    )
    return fragment(body, prefix=prefix or new_prefix(), label=summary.title, extra_class="framing-analysis")


def article_summary(a: Analysis) -> ArticleSummary:
    """The ``ArticleSummary`` a comparison would hold for ``a``, without a label (no badge)."""
    from framing.comparison.comparison import slugify
    from framing.comparison.summary import article_summary as summary_of

    return summary_of(a, "", slugify(a.headline or a.article.name), prefix="a")


def comparison_text(c: Comparison) -> str:
    """A comparison in a few lines (a notebook's plain-text view): the title, one line an article."""
    lines = [f"Comparison: {c.title}"]
    lines += [f"  {s.label}  {s.title} ({s.name}): {s.profile}" for s in c.articles]
    return printable_lines(lines)


def analysis_text(a: Analysis) -> str:
    """An analysis in two lines (a notebook's plain-text view)."""
    s = article_summary(a)
    return printable_lines([f"Analysis: {s.title} ({s.name})", f"  {s.profile}"])


def printable_lines(lines: Iterable[str]) -> str:
    from framing.printable import printable

    return "\n".join(printable(line) for line in lines)


@contextmanager
def kept_matplotlib() -> Iterator[None]:
    """matplotlib's rcParams and backend as they were before the block: the report's charts set
    their own (``framing.report.charts.setup``), which must not change the notebook's plots."""
    import matplotlib

    before = _chosen_backend(matplotlib)
    with matplotlib.rc_context():  # puts every rcParam back but the backend
        yield
    if before is not None and before != _chosen_backend(matplotlib):
        matplotlib.use(before)


def _chosen_backend(matplotlib: Any) -> str | None:
    """The backend named in rcParams, without choosing one if none is yet (a sentinel then)."""
    value = dict.__getitem__(matplotlib.rcParams, "backend")
    return value if isinstance(value, str) else None
