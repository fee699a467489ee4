"""scores.csv cannot run as a spreadsheet formula (OWASP "CSV injection"): a text cell starting
with = + - @, a tab or a carriage return gets a leading single quote; numbers, negative ones
included, stay numbers; comparison.json keeps every value as it is."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from framing.cli import app
from framing.printable import FORMULA_STARTS, csv_safe_cell

runner = CliRunner()


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=HYPERLINK(\"http://x\",\"click\")", "'=HYPERLINK(\"http://x\",\"click\")"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Mayor opens bridge", "Mayor opens bridge"),
        ("a=b", "a=b"),
        ("", ""),
        (-3.5, -3.5),
        (-7, -7),
        (0, 0),
        (12.25, 12.25),
        (None, None),
        (True, True),
    ],
)
def test_csv_safe_cell(value, cell):
    got = csv_safe_cell(value)
    assert got == cell and type(got) is type(cell)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.integers(), st.floats(allow_nan=False), st.none()))
def test_only_text_that_starts_a_formula_changes(value):
    got = csv_safe_cell(value)
    if isinstance(value, str) and value[:1] in FORMULA_STARTS and value:
        assert got == "'" + value
    else:
        assert got is value


def test_compare_csv_neutralises_formula_headlines_and_json_keeps_them(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "=cmd.txt"
    a.write_text("=HYPERLINK(\"http://evil.example\",\"Mayor opens bridge\")\n\nThe mayor said the bridge "
                 "would reopen on Monday. Officials said it cost $4 million.\n", encoding="utf-8")
    b.write_text("-Council shuts the bridge\n\nThe council said the bridge would close. We must act now.\n",
                 encoding="utf-8")
    out = tmp_path / "out"
    r = runner.invoke(app, ["compare", str(a), str(b), "--out", str(out), "-f", "csv,json"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO((out / "scores.csv").read_text(encoding="utf-8"))))
    assert rows[0]["headline"].startswith("'=HYPERLINK(")
    assert rows[1]["headline"] == "'-Council shuts the bridge"
    assert rows[1]["name"] == "'=cmd.txt"
    for row in rows:  # no cell a spreadsheet would take for a formula
        assert not any(v[:1] in FORMULA_STARTS and not is_number(v) for v in row.values())
    data = json.loads((out / "comparison.json").read_text(encoding="utf-8"))
    assert [x["headline"] for x in data["articles"]] == [
        "=HYPERLINK(\"http://evil.example\",\"Mayor opens bridge\")", "-Council shuts the bridge"]


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_negative_scores_stay_numbers_in_the_csv(tmp_path):
    """A hard text has a negative Flesch reading ease: written as a number, not neutralised."""
    hard = ("Incomprehensibility notwithstanding, intergovernmental institutionalisation characteristically "
            "necessitates multidimensional deliberation regarding constitutional interpretation. ") * 3
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Institutional deliberations\n\n" + hard + "\n", encoding="utf-8")
    b.write_text("Bridge opens\n\nThe mayor said the bridge opens on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["compare", str(a), str(b), "--out", str(out), "-f", "csv"]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO((out / "scores.csv").read_text(encoding="utf-8"))))
    ease = rows[0]["readability.flesch_reading_ease"]
    assert ease.startswith("-") and float(ease) < 0
