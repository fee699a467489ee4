"""Scoping a stylesheet to the notebook view's wrapper (``framing.report.notebook.scope_css``):
every selector lands under the wrapper's id, ids are renamed, declarations are kept as written,
@media rules are scoped inside, and at-rules that cannot be scoped (or would fetch) are dropped.

Stylesheets are generated from a small grammar (hypothesis) with the awkward parts of CSS:
commas and braces inside strings and attribute selectors, :not(...), comments, extra spaces."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.report.notebook import prefix_ids, scope_css, scope_selector, split_selectors

ROOT = "#framing-00c0ffee"


def rename(ident: str) -> str:
    return f"framing-00c0ffee-{ident}"


COMPOUNDS = ["html", "body", ":root", "*", "h1", "p", "mark.hl", "a", "table.scores", ".card", "#content", "#main",
             "tr:target", "mark.k-x:not(.cont)::before", "th[scope=row]", '[title="a, b { c } #id"]', ":focus-visible",
             "li:is(.a, .b)"]
COMBINATORS = [" ", " > ", " + ", " ~ "]
DECLARATIONS = ["color: red", 'content: "} { ; ,"', "background: #fff", "font: 400 .8rem/1.35 \"DejaVu Sans\", sans-serif",
                "content: attr(title)", "border-bottom: 1px solid var(--rule)"]

selector = st.lists(st.sampled_from(COMPOUNDS), min_size=1, max_size=3).flatmap(
    lambda parts: st.lists(st.sampled_from(COMBINATORS), min_size=len(parts) - 1, max_size=len(parts) - 1).map(
        lambda combs: parts[0] + "".join(c + p for c, p in zip(combs, parts[1:], strict=True))
    )
)
rule = st.tuples(st.lists(selector, min_size=1, max_size=3), st.lists(st.sampled_from(DECLARATIONS), max_size=3))
item = st.one_of(
    rule.map(lambda r: ("rule", r)),
    st.lists(rule, min_size=1, max_size=3).map(lambda rs: ("media", rs)),
    st.sampled_from(['@import url("https://example.com/x.css");', "@font-face { font-family: X; src: url(x.woff) }",
                     "@keyframes k { from { color: red } to { color: blue } }"]).map(lambda s: ("drop", s)),
)
space = st.sampled_from(["", " ", "\n", "  /* a { comment, } */ "])


def block(decls: list[str]) -> str:
    return " " + "; ".join(decls) + " " if decls else " "


def expected_selector(sel: str) -> str:
    parts = re.split(r"(\[[^\]]*\])", sel)
    sel = "".join(p if p.startswith("[") else re.sub(r"#([\w-]+)", lambda m: "#" + rename(m[1]), p) for p in parts)
    for head in ("html", "body", ":root"):
        if sel == head or (sel.startswith(head) and sel[len(head)] == " "):
            return ROOT + sel[len(head):]
    return f"{ROOT} {sel}"


def expected_rule(r: tuple[list[str], list[str]]) -> str:
    sels, decls = r
    return ", ".join(expected_selector(s) for s in sels) + " {" + block(decls) + "}\n"


@settings(max_examples=200, deadline=2000)
@given(st.lists(st.tuples(item, space), max_size=6))
def test_every_rule_is_scoped_and_nothing_else_changes(items):
    css, want = "", ""
    for (kind, value), gap in items:
        if kind == "rule":
            sels, decls = value
            css += gap + (" ," + gap).join(sels) + gap + "{" + block(decls) + "}"
            want += expected_rule(value)
        elif kind == "media":
            inner = "".join(", ".join(s) + " {" + block(d) + "}" + gap for s, d in value)
            css += f"@media print {{{gap}{inner}}}"
            want += "@media print {\n" + "".join(expected_rule(r) for r in value) + "}\n"
        else:
            css += gap + value
    assert scope_css(css, ROOT, rename=rename) == want


def test_the_page_selectors_become_the_wrapper():
    assert scope_selector(":root", ROOT) == ROOT
    assert scope_selector("html", ROOT) == ROOT
    assert scope_selector("body > p", ROOT) == f"{ROOT} > p"
    assert scope_selector("*", ROOT) == f"{ROOT} *"
    assert scope_selector("html.dark", ROOT) == f"{ROOT} html.dark"  # matches nothing inside: harmless
    assert scope_selector("#content h4", ROOT, rename=rename) == f"{ROOT} #framing-00c0ffee-content h4"
    assert split_selectors('a, b:is(.c, .d), [x="1,2"]') == ["a", "b:is(.c, .d)", '[x="1,2"]']


def test_ids_and_references_are_prefixed_in_tags_only():
    html = (
        '<h2 id="h-x">T</h2><a href="#h-x">url(#h-x) id="h-x"</a><svg><path clip-path="url(#p1)"/>'
        '<use xlink:href="#m1"/></svg><section aria-labelledby="h-x h-y"></section>'
        '<style type="text/css">*{stroke-linejoin: round}</style>'
    )
    out = prefix_ids(html, "P", css=lambda css: scope_css(css, "#P"))
    assert out == (
        '<h2 id="P-h-x">T</h2><a href="#P-h-x">url(#h-x) id="h-x"</a><svg><path clip-path="url(#P-p1)"/>'
        '<use xlink:href="#P-m1"/></svg><section aria-labelledby="P-h-x P-h-y"></section>'
        '<style type="text/css">#P * {stroke-linejoin: round}\n</style>'
    )
