"""Control characters in an article (terminal escapes, C0/C1 controls, DEL) never reach a renderer.

The input layer replaces each with U+FFFD, one character for one, in the text and the metadata,
before any offset is computed, and says so in one warning.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.article import article_from_text, read_article
from framing.article.checks import CONTROL
from framing.cli import app
from framing.errors import BinaryInput
from framing.model import Article

SAMPLE = Path(__file__).parent / "fixtures" / "000_8326348c89f63b57.txt"
runner = CliRunner()

HOSTILE_HEADLINE = "Bridge \x1b[31mto reopen\x1b[0m\x1b]0;PWNED\x07 next week"
BODY = (
    "Officials said on Monday that the bridge would reopen next week after repairs.\n"
    "The mayor said the work had taken longer than expected because of the weather.\n"
)


def assert_clean(article: Article) -> None:
    """No control character is left, and every span is the text it claims to be."""
    for value in (article.text, article.author, article.date, article.url, article.name):
        assert value is None or not CONTROL.search(value), value
    spans = [s for s in (article.headline, article.byline) if s is not None] + list(article.body)
    for span in spans:
        assert article.text[span.start : span.end] == span.text


def test_terminal_escapes_are_replaced_one_for_one() -> None:
    article = article_from_text(f"{HOSTILE_HEADLINE}\n{BODY}")
    assert article.headline is not None
    assert article.headline.text == "Bridge \ufffd[31mto reopen\ufffd[0m\ufffd]0;PWNED\ufffd next week"
    assert len(article.text) == len(f"{HOSTILE_HEADLINE}\n{BODY}")  # offsets keep their places
    assert "4 control characters replaced with U+FFFD" in article.warnings
    assert_clean(article)


@pytest.mark.parametrize(
    "control",
    ["\x01", "\x07", "\x08", "\x0b", "\x0e", "\x1b", "\x1f", "\x7f", "\x80", "\x85", "\x9b", "\x9f"],
)
def test_each_kind_of_control_is_replaced(control: str) -> None:
    """(NUL is not among them: a NUL makes the input binary, test_input_binary_and_size.py.)"""
    article = article_from_text(f"Bridge to reopen\nOfficials said{control} so on Monday.\n{BODY}")
    assert "said\ufffd so" in article.text
    assert "1 control character replaced with U+FFFD" in article.warnings
    assert_clean(article)


def test_tab_newline_carriage_return_and_form_feed_are_kept() -> None:
    article = article_from_text(f"Bridge to reopen\r\nOfficials\tsaid so.\f\n{BODY}")
    assert "Officials\tsaid so.\f" in article.text
    assert not any("control" in w for w in article.warnings)


def test_lone_surrogates_are_replaced() -> None:
    article = article_from_text(f"Bridge to reopen\nOfficials said \ud800 so.\n{BODY}")
    assert "said \ufffd so." in article.text
    article.text.encode("utf-8")
    assert "1 control character replaced with U+FFFD" in article.warnings


def test_controls_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "escapes.txt"
    path.write_text(f"{HOSTILE_HEADLINE}\n{BODY}\x9b2J", encoding="utf-8")
    article = read_article(path)
    assert "5 control characters replaced with U+FFFD" in article.warnings
    assert article.text.endswith("\ufffd2J")
    assert_clean(article)


def test_controls_from_html_references_and_metadata() -> None:
    """A character reference (``&#27;``) would make a control only after conversion: it never
    reaches the text or the metadata either."""
    page = (
        "<html><head><title>Bridge &#27;[31mreopens</title>"
        '<meta name="author" content="Jane &#27;]0;x&#7; Doe">'
        "</head><body><article>"
        f"<p>{BODY.splitlines()[0]} &#27;[2J</p><p>{BODY.splitlines()[1]}</p>"
        "</article></body></html>"
    )
    article = article_from_text(page, fmt="html")
    assert article.headline is not None and article.headline.text.startswith("Bridge")
    assert "[31mreopens" in article.headline.text
    assert "\ufffd[2J" in article.text
    assert article.author is not None and "\x1b" not in article.author and "\x07" not in article.author
    assert_clean(article)


def test_controls_from_markdown_references() -> None:
    article = article_from_text("# Bridge &#27;[31mreopens\n\nOfficials said so &#x9b;2J.\n", fmt="markdown")
    assert article.text == "Bridge \ufffd[31mreopens\n\nOfficials said so \ufffd2J."
    assert_clean(article)


def test_controls_in_markdown_front_matter() -> None:
    source = f"---\ntitle: Bridge\x1b[31m reopens\nauthor: Jane\x07 Doe\n---\n\n{BODY}"
    article = article_from_text(source, fmt="markdown")
    assert article.headline is not None and article.headline.text == "Bridge\ufffd[31m reopens"
    assert article.author is None or not CONTROL.search(article.author)
    assert_clean(article)


def test_mostly_controls_is_binary_wherever_they_are() -> None:
    """The share of controls is taken over the whole text, not its first 8 KB."""
    text = f"Bridge to reopen\n{BODY * 100}"
    assert len(text) > 8192
    with pytest.raises(BinaryInput, match="control characters"):
        article_from_text(text + "\x01" * (len(text) // 5))
    article = article_from_text(text + "\x01" * (len(text) // 20))  # 5%: text, cleaned
    assert any("control characters replaced" in w for w in article.warnings)


# --- the command line: nothing a terminal acts on reaches stdout or stderr ----------------------

TERMINAL_BYTES = (b"\x1b", b"\x07", b"\x9b")


def _hostile_sample(tmp_path: Path) -> Path:
    text = SAMPLE.read_text(encoding="utf-8").replace("said", "said\x1b[31m", 3)
    path = tmp_path / "escapes.txt"
    path.write_text(f"\x1b]0;PWNED\x07{text}\x9b2J\x7f", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_score_output_has_no_terminal_controls(tmp_path: Path, fmt: str) -> None:
    path = _hostile_sample(tmp_path)
    result = runner.invoke(app, ["score", "--format", fmt, "--evidence", str(path)] if fmt == "table" else ["score", "--format", fmt, str(path)])
    assert result.exit_code == 0, result.output
    for stream in (result.stdout_bytes, result.stderr_bytes):
        for byte in TERMINAL_BYTES:
            assert byte not in stream
        assert not CONTROL.search(stream.decode("utf-8"))
    warnings = [line for line in result.stderr.splitlines() if "control characters" in line]
    assert warnings == ["framing: warning: escapes.txt: 7 control characters replaced with U+FFFD"]
    if fmt == "json":
        assert json.loads(result.stdout)["headline"].startswith("\ufffd]0;PWNED\ufffdNetanyahu")
