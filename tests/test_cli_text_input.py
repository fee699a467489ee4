"""Pasted articles: ``framing compare - other.txt`` reads one article from stdin, and
``framing compare --text "..." --text "..."`` takes the articles' text itself ("text 1",
"text 2" ..., after the files). Mistakes are one line and a non-zero exit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from framing.cli import app
from framing.cli.compare import text_articles
from framing.errors import InputError
from framing.settings import DEFAULT_SETTINGS

FIX = Path(__file__).parent / "fixtures"
runner = CliRunner()

ONE = "Council approves bridge\n\nThe council approved the new bridge on Tuesday, officials said.\n"
TWO = ("Bridge plan is a shining example\n\nBy Ann Lee\n\n"
       "\u201cIt will serve everyone,\u201d Mayor Ann Lee said. We must protect our magnificent city.\n")


def compare(args: list[str], tmp_path: Path, stdin: str | None = None) -> tuple[int, str, dict | None]:
    out = tmp_path / "out"
    r = runner.invoke(app, ["compare", *args, "-f", "json", "-o", str(out)], input=stdin)
    data = json.loads((out / "comparison.json").read_text(encoding="utf-8")) if r.exit_code == 0 else None
    return r.exit_code, r.output, data


def names(data: dict) -> list[str]:
    return [a["name"] for a in data["articles"]]


def test_two_pasted_texts(tmp_path):
    code, output, data = compare(["--text", ONE, "--text", TWO], tmp_path)
    assert code == 0, output
    assert names(data) == ["text 1", "text 2"]
    assert [a["headline"] for a in data["articles"]] == ["Council approves bridge", "Bridge plan is a shining example"]
    assert data["articles"][1]["byline"] == "Ann Lee"
    assert "A text 1:" in output and "B text 2:" in output


def test_stdin_and_a_file(tmp_path):
    code, output, data = compare(["-", str(FIX / "002_7f6faa312e2320b9.txt")], tmp_path, stdin=ONE)
    assert code == 0, output
    assert names(data) == ["<stdin>", "002_7f6faa312e2320b9.txt"]
    assert data["articles"][0]["headline"] == "Council approves bridge"


def test_files_first_then_the_pasted_texts(tmp_path):
    code, output, data = compare(["--text", TWO, str(FIX / "002_7f6faa312e2320b9.txt"), "-t", ONE], tmp_path)
    assert code == 0, output
    assert names(data) == ["002_7f6faa312e2320b9.txt", "text 1", "text 2"]
    assert data["articles"][2]["headline"] == "Council approves bridge"


def test_stdin_and_a_pasted_text(tmp_path):
    code, output, data = compare(["-", "--text", TWO], tmp_path, stdin=ONE)
    assert code == 0, output
    assert names(data) == ["<stdin>", "text 1"]


def test_pasted_html_is_read_as_html(tmp_path):
    page = "<html><head><title>Bridge reopens</title></head><body><p>The bridge reopened, officials said.</p></body></html>"
    code, output, data = compare(["--text", page, "--text", ONE], tmp_path)
    assert code == 0, output
    assert data["analyses"][0]["format"] == "html" and "<p>" not in data["analyses"][0]["text"]


@pytest.mark.parametrize(
    ("args", "stdin", "message", "exit_code"),
    [
        (["--text", ONE], None, "compare needs at least two articles: files, - for stdin, or --text TEXT (see: framing compare --help)", 2),
        ([], None, "compare needs at least two articles: files, - for stdin, or --text TEXT (see: framing compare --help)", 2),
        (["-", "-"], ONE, "stdin (-) can be given only once", 2),
        (["--text", ONE, "--text", "  \n "], None, "text 2: the article is empty", 2),
        (["--text", "a\x00b\x00c\x00d\x00" * 50, "--text", ONE], None, "text 1: looks like a binary file", 2),
        (["--text", "x" * (DEFAULT_SETTINGS.max_bytes + 1), "--text", ONE], None, "text 1: 2,000,001 bytes as UTF-8 is over the limit", 2),
        (["-", "--text", ONE], "", "<stdin>: the article is empty", 2),
    ],
)
def test_mistakes_are_one_line(tmp_path, args, stdin, message, exit_code):
    r = runner.invoke(app, ["compare", *args, "-f", "json", "-o", str(tmp_path / "out")], input=stdin)
    lines = r.output.strip().splitlines()
    assert len(lines) == 1, r.output
    assert lines[0].startswith("framing: error: ") and message in lines[0], lines
    assert r.exit_code == exit_code
    assert not (tmp_path / "out").exists()


@settings(max_examples=60, deadline=5000)
@given(st.lists(st.text(max_size=300), min_size=1, max_size=4))
def test_each_text_is_an_article_named_in_order_or_one_input_error(texts):
    try:
        articles = text_articles(texts, DEFAULT_SETTINGS)
    except InputError as exc:
        message = str(exc)
        assert "\n" not in message and message.startswith("text ")
        return
    assert [a.name for a in articles] == [f"text {i}" for i in range(1, len(texts) + 1)]
    for a in articles:
        assert a.body and a.text.strip()
