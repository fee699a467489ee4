"""Nothing from an article reaches the terminal as a control sequence: ``framing score``'s tables,
the warnings and errors, and ``compare``'s closing lines print ESC, BEL, C1 controls and DEL
escaped (``\\x1b``), whatever the input layer lets through. The analyses are built in memory, so
these hold without the input layer's own clean-up."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

import framing
from framing.cli import fail, note, one_line, warn, warn_all
from framing.comparison import compare
from framing.printable import printable
from framing.report.terminal import (
    SafeConsole,
    article_summary_line,
    print_tables,
)

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # any control character but \t and \n
HOSTILE = (
    "Bad \x1b[31mRED\x1b[0m headline \x1b]0;PWNED\x07 now\n"
    "By Jane \x1b[2J Doe\n\n"
    "The mayor said \x1b[31mthe bridge\x1b[0m would reopen\x9b on Monday. "
    "\u201cWe must fix this \x1b]0;PWNED\x07 terrible mess,\u201d said Ann Lee. "
    "We believe the \x7fcity deserves better. "
    "The \x1b[31mdisastrous plan was a shameful \x1b]0;x\x07failure, officials \x1b[1msaid.\n"
)


EVIL_NAME = "evil\x1b]0;PWNED\x07.txt"


@pytest.fixture(scope="module")
def hostile():
    """An analysis of HOSTILE named EVIL_NAME. Should the input layer remove ESC from the text,
    the name (set here, after it) still carries one."""
    a = framing.analyse(HOSTILE)
    return replace(a, article=replace(a.article, name=EVIL_NAME))


def printed(analyses, *, evidence: bool = False, colour: bool = True) -> str:
    buf = io.StringIO()
    console = SafeConsole(file=buf, force_terminal=colour, color_system="truecolor" if colour else None,
                          width=160, highlight=False, soft_wrap=False)
    print_tables(analyses, console, evidence=evidence)
    return buf.getvalue()


def without_our_styles(text: str) -> str:
    """The output without rich's own SGR sequences (ESC [ digits;... m)."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


@pytest.mark.parametrize("evidence", [False, True])
def test_score_tables_show_control_characters_escaped(hostile, evidence):
    out = printed([hostile], evidence=evidence)
    plain = without_our_styles(out)
    assert not CONTROL.search(plain), repr(CONTROL.search(plain))
    assert "\x1b]0;" not in out and "\x07" not in out and "\x1b[2J" not in out
    assert r"evil\x1b]0;PWNED\x07.txt" in plain
    assert "\x1b[" in out  # rich's own colours are still there


def test_the_console_escapes_what_a_renderer_forgot():
    buf = io.StringIO()
    SafeConsole(file=buf, force_terminal=True, width=80, highlight=False).print("x \x1b]0;PWNED\x07 y")
    assert "\x1b]" not in buf.getvalue() and r"\x1b]0;PWNED\x07" in buf.getvalue()
    plain = io.StringIO()
    Console(file=plain, force_terminal=True, width=80, highlight=False).print("x \x1b]0;PWNED\x07 y")
    assert "\x1b]0;PWNED" in plain.getvalue()  # what rich alone does: why SafeConsole exists


def test_warnings_errors_and_notes_are_one_escaped_line(capsys):
    warn("a\x1b[31m.txt", "quote\x1b]0;PWNED\x07 on line 3")
    note("headline \x9b2J")
    warn_all("b.txt", ["same\x1b", "same\x1b", "same\x1b", "other"])
    with pytest.raises(typer.Exit):
        fail("file \x1b]0;x\x07\nname")
    err = capsys.readouterr().err
    assert not CONTROL.search(err.replace("\n", ""))
    assert err.splitlines() == [
        r"framing: warning: a\x1b[31m.txt: quote\x1b]0;PWNED\x07 on line 3",
        r"framing: note: headline \u009b2J",
        r"framing: warning: b.txt: same\x1b (3 times)",
        "framing: warning: b.txt: other",
        r"framing: error: file \x1b]0;x\x07\nname",
    ]


def test_compare_closing_lines_escape_names_and_headlines(hostile):
    from framing.cli.compare import closing_lines

    other = framing.analyse("Bridge opens\nThe mayor said the bridge opens on Monday.\n")
    lines = closing_lines(compare([hostile, other]), Path("out\x1b[2J"), [Path("out\x1b[2J/report.html")])
    assert lines[0] == r"wrote out\x1b[2J/: report.html" and lines[-1] == r"report: out\x1b[2J/report.html"
    assert all(not CONTROL.search(line) for line in lines)
    assert lines[2].startswith(r"A evil\x1b]0;PWNED\x07.txt: ")
    line = article_summary_line("A\x1b", hostile)
    assert line.startswith(r"A\x1b evil\x1b]0;PWNED\x07.txt: ") and not CONTROL.search(line)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_printable_leaves_no_control_character_and_is_stable(text):
    safe = printable(text)
    assert not re.search("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]", safe)
    assert printable(safe) == safe and one_line(text) == safe
    # printable text is left as it is, and escaping only ever adds characters
    if not re.search("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]", text):
        assert safe == text
    assert len(safe) >= len(text)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\x1b[31mb", r"a\x1b[31mb"),
        ("title \x1b]0;PWNED\x07", r"title \x1b]0;PWNED\x07"),
        ("line\nbreak\ttab", r"line\nbreak\ttab"),
        ("c1 \x9b and del \x7f", r"c1 \u009b and del \x7f"),
        ("bad\udcffname.txt", r"bad\xffname.txt"),
        ("\u202eevil", r"\u202eevil"),
        ("café 中文 🙂 “quoted”", "café 中文 🙂 “quoted”"),
    ],
)
def test_printable_examples(text, shown):
    assert printable(text) == shown
