"""Hostile inputs of issue 14 (items 1, 5, 6, 7): each is analysed, with every span indexing its
text, where it used to crash or take minutes. Not timed: bench/bench_hostile.py measures the time
of each case against real news text of the same size."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import framing
from framing.article import article_from_text
from framing.article.html import MAX_ATTRIBUTES, extract_html, limit_attributes, strip_tags
from framing.article.markdown import convert_markdown
from framing.cli import app
from framing.model import Span
from framing.nlp.pipeline import load_pipeline
from framing.nlp.segment import (
    CHUNK_CHARS,
    Segmentation,
    chunk_spans,
    long_runs,
    parse_pieces,
    run_tokens,
    segment,
)

seg_module = sys.modules["framing.nlp.segment"]  # framing.nlp.segment is also the name of a function

PROSE = (
    "The city council voted 7-2 on Tuesday to spend $4.2 million repairing the Elm Street bridge. "
    "“We cannot keep patching this bridge,” said council member Rosa Delgado. "
    "Critics said the repairs were rushed (and costly). "
)


def check_tokens(text: str, paragraphs: tuple[Span, ...]) -> Segmentation:
    seg = segment(text, paragraphs)
    for tok in seg.tokens:
        assert text[tok.start : tok.end] == tok.text
        assert tok.i == seg.tokens.index(tok) if len(seg.tokens) < 50 else True
    for left, right in zip(seg.tokens, seg.tokens[1:], strict=False):
        assert left.end <= right.start
    for s in seg.sentences:
        assert 0 <= s.start < s.end <= len(text)
    return seg


def whole(text: str) -> tuple[Span, ...]:
    return (Span(0, len(text), text),)


def check_analysis(analysis: framing.Analysis) -> None:
    """Every span of the JSON indexes the article text."""
    text = analysis.article.text

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if {"start", "end", "text"} <= value.keys() and isinstance(value["start"], int):
                assert text[value["start"] : value["end"]] == value["text"]
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(analysis.as_dict())


# --- 1. paragraphs longer than spaCy's max_length (E088) ----------------------------------------


def test_paragraph_over_a_million_characters_is_analysed() -> None:
    text = "a" * 1_100_000  # one paragraph, one run: spaCy raised E088 for anything over 1,000,000
    analysis = framing.analyse(text)
    assert analysis.article.body[0].text == text
    check_tokens(text, whole(text))


def test_long_prose_paragraph_is_parsed_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph longer than the pipeline's max_length goes through in pieces cut at sentence
    ends; the tokens of every piece carry the pipeline's facts and index the text."""
    nlp = load_pipeline()
    monkeypatch.setattr(nlp, "max_length", 2_000)
    monkeypatch.setattr(seg_module, "CHUNK_CHARS", 1_000)
    text = PROSE * 40  # about 9,000 characters, one paragraph
    seg = check_tokens(text, whole(text))
    assert {t.text for t in seg.tokens} >= {"council", "Delgado", "“", "bridge"}
    assert all(t.pos and t.tag for t in seg.tokens)
    assert all(0 <= t.head < len(seg.tokens) for t in seg.tokens)
    assert len(seg.sentences) == 120  # three sentences in each repetition, none lost at a cut
    analysis = framing.analyse(text)
    assert len(analysis.quotes) == 40
    check_analysis(analysis)


def test_chunks_cover_the_text_and_cut_at_sentence_ends() -> None:
    text = PROSE * 100
    spans = chunk_spans(text, 1_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a < b and b - a <= 1_000 for a, b in spans)
    assert all(left[1] == right[0] for left, right in zip(spans, spans[1:], strict=False))
    assert all(text[b - 2 : b] in (". ", ") ") or text[b - 1] == " " for _, b in spans[:-1])
    assert all(text[b - 2] in ".”)" for _, b in spans[:-1])  # a sentence end in every window here
    assert chunk_spans("x" * 2_500, 1_000) == [(0, 1_000), (1_000, 2_000), (2_000, 2_500)]
    assert chunk_spans("word " * 300, 1_000)[0] == (0, 1_000)  # after the last space
    assert chunk_spans("") == [(0, 0)]
    assert chunk_spans(text) == [(0, len(text))] if len(text) <= CHUNK_CHARS else True


def test_parse_pieces_keeps_order_text_and_facts_in_small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = load_pipeline()
    pieces = [PROSE, '"' * 300, "", "a-" * 400, PROSE[:50], " x  y\t", "!!!!!!!!!!"]
    whole_batch = [[(t.text, t.tag_, t.dep_, t.head.i) for t in d] for d in parse_pieces(nlp, pieces)]
    monkeypatch.setattr(seg_module, "BATCH_TOKENS", 10)
    docs = list(parse_pieces(nlp, pieces))
    assert [d.text for d in docs] == pieces
    assert [[(t.text, t.tag_, t.dep_, t.head.i) for t in d] for d in docs] == whole_batch


def test_cli_scores_a_paragraph_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Officials said so. " + "b" * 1_050_000 + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


# --- 5. runs of punctuation without spaces ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"' * 16_000,
        "(" * 25_000 + ")" * 25_000,
        "…" * 20_000,
        "“" * 100_000,
        '"(' * 20_000,
        'He said "' + "!?" * 5_000 + '" and left.',
        "中文新闻报道，" * 3_000,
    ],
    ids=["quotes", "nested-parentheses", "ellipses", "curly-quotes", "alternating", "in-prose", "cjk"],
)
def test_punctuation_runs_are_analysed(text: str) -> None:
    analysis = framing.analyse(text)
    check_analysis(analysis)
    check_tokens(text, whole(text))


def test_a_repeated_mark_in_a_long_run_is_one_token() -> None:
    text = 'Before "' + '"' * 16_000 + ' after.'
    seg = check_tokens(text, whole(text))
    words = [t.text for t in seg.tokens]
    assert words[0] == "Before" and set(words[1]) == {'"'} and len(words[1]) > 1_000
    assert len(words) < 20  # not one token per mark (parts are cut at CHUNK_CHARS)
    assert [t.text for t in seg.tokens][-2:] == ["after", "."]


def test_ordinary_text_is_tokenised_by_spacy_as_it_is() -> None:
    """Runs below the threshold (long URLs, "!!!", "3(a)(1)(A)(i).") go to spaCy's tokenizer whole."""
    nlp = load_pipeline()
    text = (
        "See https://www.example.com/2024/03/01/politics/bridge-repairs-approved-after-heated-debate.html "
        "Wow!!! (U.S.) “Yes,” he said... 3(a)(1)(A)(i). tweet-id=\"78349911607\"><tweet/>. ------\" ?'.''"
    )
    assert long_runs(text) == []
    seg = check_tokens(text, whole(text))
    assert [t.text for t in seg.tokens] == [t.text for t in nlp(text) if not t.is_space]


def test_a_mark_repeated_eight_times_is_one_token() -> None:
    text = 'Wow!!!!!!!!!! "Yes!!!!!!!!" he said. ' + "=" * 71 + " " + ('"' * 99 + " ") * 3
    seg = check_tokens(text, whole(text))
    assert [t.text for t in seg.tokens] == [
        "Wow", "!!!!!!!!!!", '"', "Yes", "!!!!!!!!", '"', "he", "said", ".", "=" * 71, *['"' * 99] * 3
    ]


def test_long_runs_are_found_by_length_and_marks() -> None:
    assert long_runs("x" * 100_000) == []  # letters only: spaCy's tokenizer is linear on them
    assert long_runs('"(' * 50) == []  # 100 x 100 is the threshold
    assert long_runs('ab "(' + '"(' * 50 + " cd") == [(3, 105)]
    assert long_runs("a !!!!!!! b") == [] and long_runs("a !!!!!!!! b") == [(2, 10)]


RUN_CHARS = st.sampled_from(list("\"'“”‘’()[]{}…!?.,;:-—*&#_/\\<>=|`~") + ["a", "Z", "9", "é", "中", "\u0301"])


@settings(max_examples=60, deadline=None)
@given(st.lists(RUN_CHARS, min_size=1, max_size=400).map("".join))
def test_run_tokens_concatenate_to_the_run(run: str) -> None:
    tokens = run_tokens(load_pipeline(), run)
    assert "".join(tokens) == run
    assert all(tokens)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(RUN_CHARS, st.sampled_from([" ", "  ", "\t", " \n", "word", "(x)"])), max_size=600).map("".join))
def test_tokens_index_the_text_whatever_the_runs(text: str) -> None:
    if text.strip():
        check_tokens(text, whole(text))


# --- 6. HTML: the fallback tag-stripper and trafilatura -----------------------------------------


def test_strip_tags_survives_unclosed_scripts_and_comments() -> None:
    assert strip_tags("<p>Hello.</p>" + "<script>a " * 20_000) == "Hello."
    assert strip_tags("<p>Hello.</p>" + "<!--a " * 20_000) == "Hello."
    assert strip_tags("<p>Hello.</p>" + "<style>a " * 20_000) == "Hello."


def test_strip_tags_keeps_blocks_as_lines() -> None:
    markup = (
        '<?xml version="1.0" encoding="utf-8"?><html><head><title>T</title><script>x()</script>'
        "</head><body><p>One &amp; <b>two</b></p><!-- note -->tail<div>Three<br>four</div>"
        "<style>p {}</style><noscript>no</noscript><ul><li>a\u00a0 b</li></ul></body></html>"
    )
    assert strip_tags(markup) == "One & two\ntail\nThree\nfour\na b"
    assert strip_tags("") == ""
    assert strip_tags("<!--") == ""
    assert strip_tags("\x1f<?>a\x00b<p>c\ufffe") == "a b\nc"  # characters lxml's tree cannot hold


def test_many_attributes_are_limited() -> None:
    attributes = " ".join(f'a{i}="v {i}"' for i in range(20_000))
    markup = f"<html><body><div {attributes}><p>The bridge will reopen next week, officials said.</p></div></body></html>"
    limited = limit_attributes(markup)
    assert limited.count("=") == MAX_ATTRIBUTES
    assert 'a0="v 0"' in limited and f"a{MAX_ATTRIBUTES}=" not in limited
    assert limit_attributes(HTML_PAGE) == HTML_PAGE  # ordinary pages are left as they are
    assert "bridge will reopen" in extract_html(markup).text


def test_unclosed_comments_page_falls_back_to_its_text() -> None:
    page = extract_html("<p>Officials said the bridge would reopen.</p>" + "<!--a " * 20_000)
    assert page.text == "Officials said the bridge would reopen."


HTML_PAGE = (
    "<!doctype html><html><head><title>Bridge</title></head><body><article>"
    "<p>Officials said the bridge would reopen next week after repairs to its deck.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Hello.</p>" + "<script>a " * 20_000,
        "<html><body><p>" + "&amp;" * 60_000 + "</p></body></html>",
        "<html><body>" + "<div>" * 20_000 + "Text of the page.</body></html>",
        "<html><body><p>" + "<p " * 20_000 + "</body></html>",
    ],
    ids=["unclosed-scripts", "entities", "deep-nesting", "unclosed-tags"],
)
def test_hostile_html_gives_an_article_or_an_input_error(markup: str) -> None:
    try:
        article = article_from_text(markup, fmt="html")
    except framing.errors.InputError as exc:
        assert "\n" not in str(exc)
        return
    analysis = framing.analyse(article.text)
    check_analysis(analysis)


# --- 7. Markdown ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    ["`" * 16_000, "![" * 8_000, "[" * 16_000, "*a" * 8_000, "**a_" * 4_000, ">" * 16_000, "<" * 16_000, "\\" * 16_000],
    ids=["backticks", "image-openers", "brackets", "emphasis", "strong-under", "nested-quotes", "angles", "backslashes"],
)
def test_hostile_markdown_is_converted(source: str) -> None:
    try:
        article = article_from_text(source, fmt="markdown")
    except framing.errors.EmptyArticle:
        return
    assert article.body


def test_backticks_are_kept_as_text() -> None:
    assert convert_markdown("a " + "`" * 16_000).text == "a " + "`" * 16_000
    assert convert_markdown("`" * 16_000).text == ""  # a code fence that runs to the end, empty


def md(source: str) -> str:
    return convert_markdown(source).text


def test_markdown_inline_markup() -> None:
    assert md("Officials said on **Monday** that the [bridge](https://e.com/a_(b)) would\nreopen *next week*.") == (
        "Officials said on Monday that the bridge would reopen next week."
    )
    assert md("~~struck~~ __strong__ _em_ ***both*** `code span` \\*not em\\* &amp; <https://x.org>") == (
        "struck strong em both code span *not em* & https://x.org"
    )
    assert md("A ![photo](p.png) here <b>bold</b> <!-- note --> end.") == "A  here bold  end."
    assert md("Line one  \nline two\\\nline three") == "Line one\nline two\nline three"


def test_markdown_blocks() -> None:
    source = (
        "Title\n=====\n\nIntro para.\n\n> Quoted *text*.\n\n- first\n- second\n  - nested\n\n"
        "3. third\n\n```python\nx = 1\n```\n\n    indented code\n\n| a | b |\n|---|---|\n| c | d |\n\n"
        "[ref]: https://example.com\n\n---\n\n<div>\nSome *html* text\n</div>\n\n<script>\nhidden()\n</script>\n"
    )
    assert md(source) == (
        "Title\n\nIntro para.\n\nQuoted text.\n\n- first\n- second\n- nested\n\n3. third\n\nx = 1\n\n"
        "indented code\n\n| a | b |\n| c | d |\n\nSome html text"
    )


def test_markdown_first_heading_and_front_matter() -> None:
    doc = convert_markdown('---\ntitle: "T"\nauthors:\n  - Jane Doe\n  - John Roe\n---\n<!-- c -->\n## Why?\n\nBody.\n')
    assert (doc.title, doc.author, doc.first_heading, doc.text) == ("T", "Jane Doe, John Roe", "Why?", "Why?\n\nBody.")
    assert convert_markdown("Body first.\n\n# Later heading\n").first_heading is None
    assert convert_markdown("- # In a list\n").first_heading is None


# --- the command line: no traceback, exit 0 --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("quotes.txt", '"' * 16_000),
        ("curly.txt", "Officials said “" + "“" * 50_000 + "” it was."),
        ("backticks.md", "Intro " + "`" * 16_000),
        ("comments.html", "<p>Officials said the bridge would reopen.</p>" + "<!--a " * 20_000),
        ("scripts.html", "<p>Officials said the bridge would reopen.</p>" + "<script>a " * 20_000),
    ],
)
def test_cli_scores_hostile_files(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def test_compare_reads_the_entities_of_a_long_paragraph_in_bounded_pieces(monkeypatch):
    from framing.comparison.entities import pipeline_entities
    from framing.nlp.pipeline import load_pipeline

    # a pipeline that refuses texts over 20,000 characters stands in for spaCy's 1,000,000 (E088)
    monkeypatch.setattr(load_pipeline(None), "max_length", 20_000)
    para = "Senator Ruth Adler spoke in Boston on Monday. " * 700  # 32,200 characters, one paragraph
    found = pipeline_entities(para, [(0, len(para))])
    assert any(e.text == "Ruth Adler" for e in found)
    assert all(para[e.start : e.end] == e.text for e in found)


# --- 8. large valid inputs (not timed; see tests/test_large_*.py for the mechanisms) -------------


@pytest.mark.parametrize(("name", "content"), [("paragraphs.txt", "a\n\n" * 30_000), ("lines.txt", "a\n" * 30_000)])
def test_cli_scores_tens_of_thousands_of_tiny_paragraphs(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def test_cli_compares_a_long_text_with_an_article(tmp_path: Path) -> None:
    """A text of 300 paragraphs (900 sentences) against a short article: the JSON has an alignment
    for every sentence of both, each with its best match in the other."""
    import json

    long = tmp_path / "long.txt"
    long.write_text("\n\n".join(f"Report {k}\n\n" if k == 0 else PROSE.replace("7-2", f"{k}-2") for k in range(301)), encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text("Bridge vote\n\n" + PROSE + "\n\nThe mayor did not comment.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(long), str(short), "--format", "json", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "out" / "comparison.json").read_text(encoding="utf-8"))
    alignment = list(data["content"]["alignment"].values())
    assert [len(a) for a in alignment] == [900, 4]
    assert all(len(s["matches"]) == 1 for a in alignment for s in a)
    assert {s["status"] for s in alignment[1][:3]} == {"shared"}
