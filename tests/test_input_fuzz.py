"""Fuzz: any bytes in a file, in mixed encodings, under any name -> an Article or an InputError.

Each example writes a small file (up to a few KB) made of segments of random unicode, punctuation
runs, HTML and Markdown fragments and terminal escapes, each encoded in its own encoding (UTF-8,
UTF-16/32 with or without a byte-order mark, cp1252, latin-1), with raw bytes and NUL runs mixed
in, and reads it with ``read_article``. The result is either an Article whose spans index its
text and which holds nothing a renderer cannot write (no control character, no lone surrogate),
or an ``InputError``; never another exception, and each example within a deadline. Sized for CI.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from framing.article import display_name, read_article
from framing.article.checks import CONTROL
from framing.errors import InputError
from framing.model import Article

ENCODINGS = [
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
    "cp1252", "latin-1",
]
KNOWN_ENCODINGS = {
    "utf-8", "utf-16", "utf-32", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "cp1252"
}
WORDS = st.sampled_from(
    ["Officials", "said", "the", "bridge", "would", "reopen", "“We are ready,”", "— Jane Doe",
     "By Jane Doe", "Reuters", "\n", "\n\n", "\r\n", " "]
)
RUNS = st.builds(
    lambda mark, n: mark * n,
    st.sampled_from(['"', "“", "”", "'", "(", "…", "`", "*", "_", "#", "<", "&amp;", "-", "—", "!"]),
    st.integers(min_value=2, max_value=120),
)
HTML = st.sampled_from(
    ["<!doctype html>", "<html>", "<head>", "<title>Bridge to reopen</title>", "</head>", "<body>",
     "<p>", "</p>", "<article>", "<script>x()</script>", "<!-- c -->", "<div a=1 b='2'>",
     '<meta name="author" content="Jane Doe">', "<?xml version='1.0'?>",
     '<!DOCTYPE html [ <!ENTITY a "b"> ]>', "&#27;[31m", "&#0;", "&#x9b;", "<br/>", "]]>"]
)
MARKDOWN = st.sampled_from(
    ["---\ntitle: Bridge\nauthor: Jane Doe\n---\n", "# Bridge to reopen\n", "Bridge\n====\n",
     "**bold**", "[link](http://x)", "![img](a.png)", "> quote\n", "- item\n", "1. item\n",
     "```\ncode\n```\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", "\\*", "<!-- note -->\n"]
)
CONTROLS = st.sampled_from(
    ["\x1b[31m", "\x1b]0;PWNED\x07", "\x1b[2J", "\x07", "\x7f", "\x85", "\x9b", "\x0b", "\x0c",
     "\x1f", "\ufeff", "\u2028", "\u202e"]
)
TEXT = st.one_of(st.text(max_size=40), WORDS, RUNS, HTML, MARKDOWN, CONTROLS)
# A file: text in one encoding, with (sometimes) foreign pieces spliced in at random places:
# text in another encoding, raw bytes, a run of NULs.
MAIN = st.builds(
    lambda parts, encoding: "".join(parts).encode(encoding, "replace"),
    st.lists(TEXT, min_size=1, max_size=20),
    st.sampled_from(ENCODINGS),
)
FOREIGN = st.one_of(
    st.builds(
        lambda parts, encoding: "".join(parts).encode(encoding, "replace"),
        st.lists(TEXT, max_size=4),
        st.sampled_from(ENCODINGS),
    ),
    st.binary(max_size=24),
    st.builds(lambda n: b"\x00" * n, st.integers(min_value=1, max_value=64)),
)


def _splice(main: bytes, pieces: list[tuple[int, bytes]]) -> bytes:
    for where, piece in pieces:
        cut = where % (len(main) + 1)
        main = main[:cut] + piece + main[cut:]
    return main


DATA = st.builds(
    _splice,
    MAIN,
    st.one_of(st.just([]), st.lists(st.tuples(st.integers(min_value=0), FOREIGN), max_size=3)),
)
EXTENSIONS = st.sampled_from([".txt", ".md", ".html", ".htm", ".xhtml", ""])
# A file name: any bytes but the path separator and NUL (and not "." or "..").
NAMES = st.binary(min_size=1, max_size=40).map(lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_")).filter(
    lambda b: b not in (b".", b"..")
)
FUZZ = settings(
    max_examples=80,
    deadline=timedelta(seconds=5),  # bounded time per example (HTML goes through trafilatura)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One folder for the module's files; HTML extraction warmed up so that its first import is
    not counted against an example's deadline."""
    from framing.article.html import extract_html

    extract_html("<html><body><p>Warm up.</p></body></html>")
    yield tmp_path_factory.mktemp("fuzz")


def check_article(article: Article) -> None:
    """Spans index the text; nothing a renderer cannot write is left anywhere."""
    text = article.text
    assert article.body
    spans = [s for s in (article.headline, article.byline) if s is not None] + list(article.body)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
    for left, right in zip(article.body, article.body[1:], strict=False):
        assert left.end <= right.start
    assert "\r" not in text
    assert article.encoding in KNOWN_ENCODINGS
    for value in (text, article.name, article.author, article.date, article.url, *article.warnings):
        if value is not None:
            assert not CONTROL.search(value), repr(value)
            value.encode("utf-8")  # strict: no lone surrogate
    for warning in article.warnings:
        assert "\n" not in warning
    json.dumps(article.as_dict(), ensure_ascii=False).encode("utf-8")


def read_or_input_error(path: Path) -> Article | None:
    try:
        return read_article(path)
    except InputError as exc:
        event(type(exc).__name__)
        message = str(exc)
        assert "\n" not in message and not CONTROL.search(message)
        message.encode("utf-8")
        return None


@FUZZ
@given(data=DATA, extension=EXTENSIONS)
def test_any_bytes_in_mixed_encodings(workdir: Path, data: bytes, extension: str) -> None:
    path = workdir / f"fuzz{extension}"
    path.write_bytes(data)
    try:
        article = read_or_input_error(path)
    finally:
        path.unlink()
    if article is not None:
        event(f"Article ({article.fmt}, {article.encoding})")
        check_article(article)


@settings(max_examples=60, deadline=timedelta(seconds=2))
@given(name=NAMES)
def test_any_file_name(workdir: Path, name: bytes) -> None:
    raw = os.path.join(os.fsencode(workdir), name)
    try:
        with open(raw, "wb") as handle:
            handle.write(b"Bridge to reopen\nOfficials said the bridge would reopen.\n")
    except OSError:  # a file system that refuses the name (not on Linux)
        return
    try:
        article = read_or_input_error(Path(os.fsdecode(raw)))
    finally:
        os.unlink(raw)
    assert article is not None
    assert article.name == display_name(name)
    check_article(article)
