"""Repeated warnings do not flood stderr: one line per kind with its count and first lines
("6,000 stray closing quote marks ignored (lines 3, 5, 7, 9, 11, …)"), made where the marks are
found, so that the Analysis JSON's warnings stay as short."""

from __future__ import annotations

import json
import time

from typer.testing import CliRunner

import framing
from framing.cli import app
from framing.voice.quotes import SHOW_LINES, QuoteWarnings, find_quotes

runner = CliRunner()


def stray_article(n: int) -> str:
    lines = ["Stray marks everywhere", ""]
    for i in range(n):
        lines += [f"The plan {i}\u201d was approved and the council\u201d met again.", ""]
    return "\n".join(lines)


def test_thousands_of_stray_marks_make_one_warning_line(tmp_path):
    path = tmp_path / "stray.txt"
    path.write_text(stray_article(1500), encoding="utf-8")
    t0 = time.perf_counter()
    r = runner.invoke(app, ["score", str(path), "-f", "json"])
    elapsed = time.perf_counter() - t0
    assert r.exit_code == 0, r.output
    assert r.stderr.splitlines() == [
        "framing: warning: stray.txt: 3,000 stray closing quote marks ignored (lines 3, 5, 7, 9, 11, …)"]
    assert json.loads(r.stdout)["warnings"] == ["3,000 stray closing quote marks ignored (lines 3, 5, 7, 9, 11, …)"]
    assert elapsed < 120


def test_one_mark_keeps_the_sentence_that_names_its_line():
    a = framing.analyse("Bridge reopens\n\nThe plan\u201d was approved on Monday, the council said.\n")
    assert a.warnings == ("stray closing quote mark on line 3 ignored",)


def test_kinds_are_counted_apart_in_the_order_they_first_occur():
    text = "a” b\n\n“open one\n\nc” d ” e\n\n“open two\n"
    paragraphs = []
    pos = 0
    for line in text.split("\n"):
        if line:
            from framing.model import Span

            paragraphs.append(Span(pos, pos + len(line), line))
        pos += len(line) + 1
    _, warnings = find_quotes(text, paragraphs, [])
    assert warnings == [
        "3 stray closing quote marks ignored (lines 1, 5)",
        "2 quotes not closed, each taken to its paragraph end (lines 3, 7)",
    ]


def test_many_marks_on_one_line_name_that_line_once():
    w = QuoteWarnings("x” y” z”\nnext")
    for offset in (1, 4, 7):
        w.add("stray", offset)
    assert w.messages() == ["3 stray closing quote marks ignored (line 1)"]


def test_only_the_first_lines_are_named_and_the_rest_is_an_ellipsis():
    text = "”\n" * 100
    w = QuoteWarnings(text)
    for offset in range(0, len(text), 2):
        w.add("stray", offset)
    assert w.messages() == [f"100 stray closing quote marks ignored (lines {', '.join(map(str, range(1, SHOW_LINES + 1)))}, …)"]
    assert len(w.offsets["stray"]) == SHOW_LINES + 1  # bounded, however many marks


def test_identical_warnings_from_elsewhere_are_printed_once_with_a_count(capsys):
    from framing.cli import warn_all

    warn_all("a.txt", ["decoded as cp1252", "very long article", "decoded as cp1252"])
    assert capsys.readouterr().err.splitlines() == [
        "framing: warning: a.txt: decoded as cp1252 (2 times)",
        "framing: warning: a.txt: very long article",
    ]
