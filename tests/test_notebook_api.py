"""``framing.compare`` for notebooks and scripts: sources in, a Comparison out, whose scores are a
DataFrame (``to_frame``) and whose files are those of ``framing compare`` (``save``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import framing
from framing.cli import app
from framing.errors import FramingError, OutputError, SourceNotFound
from framing.report.tables import render_csv

FIX = Path(__file__).parent / "fixtures"
SEED = [FIX / "000_8326348c89f63b57.txt", FIX / "002_7f6faa312e2320b9.txt"]
FORMULA = "=HYPERLINK(\"http://x\",\"bridge\") reopens\n\nThe council said the bridge would reopen on Monday.\n"


@pytest.fixture(scope="module")
def seed():
    return framing.compare([str(SEED[0]), SEED[1]], title="Two takes")


def test_compare_reads_paths_and_returns_a_comparison(seed):
    assert isinstance(seed, framing.Comparison)
    assert seed.title == "Two takes"
    assert [a.name for a in seed.articles] == [p.name for p in SEED]
    assert [a.label for a in seed.articles] == ["A", "B"]
    assert seed.articles[1].headline == "Strengthening Bonds: A Renewed Emphasis on US-Israel Relations"


def test_compare_is_the_function_and_the_comparison_package_another_name():
    import framing.comparison.comparison  # noqa: F401  (importing it leaves framing.compare alone)
    from framing import compare

    assert compare is framing.compare and compare.__module__ == "framing.notebook"
    assert framing.comparison.__name__ == "framing.comparison"


def test_the_public_api_stays_light_to_import():
    code = (
        "import sys, framing; framing.compare; framing.Comparison; "
        "print(sorted(m for m in ('spacy', 'sklearn', 'matplotlib', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_analyses_and_articles_are_sources_too(seed):
    a = seed.analyses[0]
    pasted = framing.analyse("Council votes\n\nThe council voted on Tuesday, officials said.\n")
    c = framing.compare([a, pasted])
    assert c.analyses[0] is a and c.analyses[1] is pasted
    article = framing.read_article(SEED[1])
    assert framing.compare([a, article]).analyses[1].article is article


def test_bad_sources_are_one_line_errors():
    with pytest.raises(ValueError, match="at least two articles, got 1"):
        framing.compare([SEED[0]])
    with pytest.raises(TypeError, match="list of sources"):
        framing.compare(str(SEED[0]))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="only once"):
        framing.compare(["-", "-"])
    with pytest.raises(SourceNotFound) as info:
        framing.compare([SEED[0], "no/such/file.txt"])
    assert isinstance(info.value, FramingError) and "\n" not in str(info.value)
    assert str(info.value) == "no such file: no/such/file.txt"


# ----------------------------------------------------------------------------- to_frame


def test_to_frame_has_the_rows_and_columns_of_scores_csv(seed):
    import io

    import pandas as pd

    df = seed.to_frame()
    csv = pd.read_csv(io.StringIO(render_csv(seed)))
    assert list(df.columns) == list(csv.columns) and len(df) == len(csv) == 2
    assert list(df["label"]) == ["A", "B"]
    for col in df.columns:
        if pd.api.types.is_numeric_dtype(df[col]):
            assert df[col].tolist() == pytest.approx(csv[col].tolist(), nan_ok=True), col
    assert df.loc[0, "sourcing.direct_quotes"] == seed.analyses[0].scores.sourcing.value("direct_quotes")


def test_to_frame_keeps_text_as_it_is(tmp_path, seed):
    (tmp_path / "formula.txt").write_text(FORMULA, encoding="utf-8")
    c = framing.compare([tmp_path / "formula.txt", seed.analyses[0]])
    headline = FORMULA.splitlines()[0]
    assert c.to_frame().loc[0, "headline"] == headline  # the CSV neutralises it, the frame does not
    assert f"'{headline}" in render_csv(c).replace('""', '"')


# ----------------------------------------------------------------------------- save


def test_save_writes_the_files_of_the_cli(tmp_path, seed):
    written = seed.save(tmp_path / "api", formats="json,csv")
    assert [p.name for p in written] == ["comparison.json", "scores.csv"]
    r = CliRunner().invoke(app, ["compare", *map(str, SEED), "--title", "Two takes", "-f", "json,csv", "-o", str(tmp_path / "cli")])
    assert r.exit_code == 0, r.output
    for name in ("comparison.json", "scores.csv"):
        assert (tmp_path / "api" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name


def test_save_takes_a_list_of_formats_and_replaces_an_earlier_report(tmp_path, seed):
    out = tmp_path / "report"
    out.mkdir()
    (out / "report.pdf").write_bytes(b"%PDF old")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    written = seed.save(out, ["html", "csv"])
    assert [p.name for p in written] == ["report.html", "scores.csv"]
    # as the CLI: a report file in a format not asked for now is removed; other files are kept
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt", "report.html", "scores.csv"]
    assert [p.name for p in tmp_path.iterdir()] == ["report"]  # no temporary folder left
    with pytest.raises(ValueError, match="unknown format docx"):
        seed.save(out, "docx")


def test_a_failed_save_leaves_nothing_half_written(tmp_path, seed, monkeypatch):
    import framing.report.tables as tables

    def broken(c):
        raise RuntimeError("boom")

    monkeypatch.setattr(tables, "render_csv", broken)
    with pytest.raises(OutputError, match="could not render scores.csv: RuntimeError: boom"):
        seed.save(tmp_path / "new", "json,csv")
    assert list(tmp_path.iterdir()) == []
