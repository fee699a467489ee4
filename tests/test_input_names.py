"""File names that are not UTF-8, or hold control characters, are shown as escaped, valid ``str``s.

``Article.name`` and the file named in messages are ``display_name``s, so JSON on a UTF-8 stdout,
the terminal and the HTML report all get text they can write, on one line.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from framing.article import display_name, read_article
from framing.article.checks import CONTROL
from framing.cli import app
from framing.errors import SourceNotFound

SAMPLE = Path(__file__).parent / "fixtures" / "000_8326348c89f63b57.txt"
runner = CliRunner()
# What a shown name never holds: C0 controls (tab and newline too), DEL, C1 controls, line and
# paragraph separators, bidirectional controls.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _file_named(folder: Path, name: bytes, content: bytes) -> Path:
    """A file whose name is the given bytes; skipped where the file system refuses the name."""
    raw = os.path.join(os.fsencode(folder), name)
    try:
        with open(raw, "wb") as handle:
            handle.write(content)
    except OSError as exc:  # e.g. macOS file systems accept UTF-8 names only
        pytest.skip(f"the file system refuses the name {name!r}: {exc}")
    return Path(os.fsdecode(raw))


# --- display_name -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        (b"caf\xff.txt", "caf\\xff.txt"),
        ("caf\udcff.txt", "caf\\xff.txt"),  # the same name, as os.fsdecode gives it
        (b"\xe2\x80.txt", "\\xe2\\x80.txt"),  # a UTF-8 sequence cut short
        ("café.txt", "café.txt"),  # valid UTF-8 is shown as it is
        ("a\nb.txt", "a\\nb.txt"),
        ("\x1b[31mred\x1b[0m.txt", "\\x1b[31mred\\x1b[0m.txt"),
        ("\x1b]0;PWNED\x07.txt", "\\x1b]0;PWNED\\x07.txt"),
        ("tab\there\r.txt", "tab\\there\\r.txt"),
        ("del\x7f c1\x9b.txt", "del\\x7f c1\\u009b.txt"),
        ("evil\u202etxt.exe", "evil\\u202etxt.exe"),  # a right-to-left override
        ("line\u2028sep.txt", "line\\u2028sep.txt"),
        ("lone\ud800.txt", "lone\\ud800.txt"),
        (Path("dir") / "x.txt", os.path.join("dir", "x.txt")),
    ],
)
def test_display_name(name: str | bytes | Path, shown: str) -> None:
    assert display_name(name) == shown


@settings(max_examples=200, deadline=1000)
@given(st.binary(min_size=1, max_size=60))
def test_any_file_name_is_shown_as_one_printable_utf8_line(name: bytes) -> None:
    shown = display_name(name)
    shown.encode("utf-8")  # strict: no lone surrogate is left
    assert not UNSAFE.search(shown)
    assert display_name(shown) == shown  # idempotent
    decoded = os.fsdecode(name)
    if not UNSAFE.search(decoded):
        # the rule of the hardening issue, exactly
        expected = decoded.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        assert shown == expected
    elif decoded.isascii():
        # controls are written as the command line's one-line messages write them
        assert shown == "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in decoded)


# --- read_article and its messages --------------------------------------------------------------


def test_non_utf8_file_name(tmp_path: Path) -> None:
    path = _file_named(tmp_path, b"caf\xff.txt", SAMPLE.read_bytes())
    article = read_article(path)
    assert article.name == "caf\\xff.txt"
    assert read_article(os.fsencode(path)).name == "caf\\xff.txt"  # a bytes path, too
    assert json.loads(json.dumps(article.as_dict(), ensure_ascii=False).encode("utf-8"))["name"] == "caf\\xff.txt"


def test_file_name_with_control_characters(tmp_path: Path) -> None:
    path = _file_named(tmp_path, b"a\nb\x1b[31m.txt", SAMPLE.read_bytes())
    assert read_article(path).name == "a\\nb\\x1b[31m.txt"


def test_messages_name_the_file_escaped(tmp_path: Path) -> None:
    missing = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"gone\xff\n\x1b.txt")))
    with pytest.raises(SourceNotFound) as info:
        read_article(missing)
    message = str(info.value)
    assert message.endswith("gone\\xff\\n\\x1b.txt")
    message.encode("utf-8")
    assert not CONTROL.search(message) and "\n" not in message


# --- the command line ---------------------------------------------------------------------------


def test_score_json_with_a_non_utf8_file_name(tmp_path: Path) -> None:
    """CliRunner's stdout is strict UTF-8, as with PYTHONIOENCODING=utf-8: a lone surrogate in the
    name made json.dump fail with a traceback."""
    odd = _file_named(tmp_path, b"caf\xff.txt", SAMPLE.read_bytes())
    ctl = _file_named(tmp_path, b"a\nb\x1b[31m.txt", SAMPLE.read_bytes())
    result = runner.invoke(app, ["score", "--format", "json", str(odd), str(ctl)])
    assert result.exit_code == 0, result.output
    assert [d["name"] for d in json.loads(result.stdout)] == ["caf\\xff.txt", "a\\nb\\x1b[31m.txt"]
    assert "\x1b" not in result.stdout


def test_score_table_with_control_characters_in_the_file_name(tmp_path: Path) -> None:
    path = _file_named(tmp_path, b"x\x1b]0;PWNED\x07\xff.txt", SAMPLE.read_bytes())
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == 0, result.output
    assert "x\\x1b]0;PWNED\\x07\\xff.txt" in result.stdout
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_compare_report_html_with_a_non_utf8_file_name(tmp_path: Path) -> None:
    odd = _file_named(tmp_path, b"caf\xff.txt", SAMPLE.read_bytes())
    other = Path(__file__).parent / "fixtures" / "002_7f6faa312e2320b9.txt"
    out = tmp_path / "report"
    result = runner.invoke(app, ["compare", str(odd), str(other), "--out", str(out), "--format", "html"])
    assert result.exit_code == 0, result.output
    html = (out / "report.html").read_bytes().decode("utf-8")  # strict
    assert "caf\\xff.txt" in html
