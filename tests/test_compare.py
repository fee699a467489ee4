"""`framing compare` and the Comparison stage: summaries, slugs, outputs, atomic writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import framing
from framing.cli import app
from framing.comparison import compare
from framing.comparison.comparison import report_slug, slugify
from framing.comparison.summary import CATEGORIES, evidence_spans
from framing.errors import OutputError

FIX = Path(__file__).parent / "fixtures"
REPORT, ADVOCACY = FIX / "000_8326348c89f63b57.txt", FIX / "002_7f6faa312e2320b9.txt"

SMALL = {
    "a.txt": "Mayor opens the new river bridge\nBy Jane Doe\n\nThe mayor opened the bridge on Monday. "
    "\u201cIt is a good day for the city,\u201d Mayor Ann Lee said. Officials said the work cost $4 million.\n",
    "b.txt": "A bridge to our future\n\nThe magnificent new bridge is a shining example of what we can do "
    "together. We must build more bridges. Our city deserves nothing less.\n",
    "c.txt": "Bridge opens after delays\n\nThe bridge opened on Monday, two years late. Critics claimed the "
    "project wasted money. The council said the delay was caused by floods.\n",
}


@pytest.fixture(scope="module")
def seed():
    return compare([framing.analyse(REPORT), framing.analyse(ADVOCACY)])


def write_small(tmp_path: Path, names=("a.txt", "b.txt", "c.txt")) -> list[str]:
    paths = []
    for n in names:
        (tmp_path / n).write_text(SMALL[n], encoding="utf-8")
        paths.append(str(tmp_path / n))
    return paths


def test_summary_profiles_carry_numbers(seed):
    a, b = seed.articles
    assert a.headline.startswith("Netanyahu") and b.headline.startswith("Strengthening Bonds")
    assert a.byline == "Bradley Martin" and b.byline is None
    assert re.search(r"\d+ direct quotes", a.profile)
    assert b.profile.startswith("No direct quotes")
    assert re.search(r"\d+ of \d+ sentences in the author's own voice are evaluative", b.profile)
    assert "closes in first-person advocacy" in b.profile


def test_key_rows_have_differences(seed):
    rows = {f"{r.family}.{r.metric}": r for r in seed.rows}
    quotes = rows["sourcing.direct_quotes"]
    assert quotes.values[0] > 0 and quotes.values[1] == 0
    assert quotes.difference == -quotes.values[0]
    assert rows["advocacy.first_person_tokens"].difference > 0


def test_composition_partitions_the_body(seed):
    for summary, analysis in zip(seed.articles, seed.analyses, strict=True):
        assert set(summary.composition) == set(CATEGORIES)
        assert sum(summary.composition.values()) == analysis.body_words
    report, advocacy = (s.composition_shares() for s in seed.articles)
    assert report["quoted"] > 0.3 and advocacy["quoted"] == 0
    assert advocacy["narrator_first_person"] > 0 and report["narrator_first_person"] == 0


def test_timeline_ends_in_advocacy_for_the_advocacy_piece(seed):
    last = seed.articles[1].timeline[-1]
    assert last.category == "narrator_first_person"
    assert len(seed.articles[0].timeline) == len(seed.analyses[0].sentences)


def test_highlights_are_exactly_the_evidence_spans(seed):
    for summary, analysis in zip(seed.articles, seed.analyses, strict=True):
        spans = evidence_spans(analysis)
        assert {(h.start, h.end) for h in summary.highlights} == set(spans)
        for h in summary.highlights:
            assert h.text == analysis.text[h.start : h.end]
            assert h.rules and all(r.metrics for r in h.rules)


def test_as_dict_is_json_and_embeds_every_analysis(seed):
    d = json.loads(json.dumps(seed.as_dict()))
    assert d["schema"] == "framing.comparison/3"
    assert len(d["analyses"]) == 2 and d["analyses"][0]["scores"] == seed.analyses[0].as_dict()["scores"]
    assert d["key_scores"][0]["formatted"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Netanyahu: Blinken visit sign of \u2018unbreakable\u2019 US-Israel bond", "netanyahu-blinken-visit-sign-of-unbreakable-us"),
        ("../../etc/passwd", "etc-passwd"),
        ("Caf\u00e9 \u00fcber \u00e9l\u00e8ve", "cafe-uber-eleve"),
        ("\u0416\u0436\u0436 ///", ""),
    ],
)
def test_slugify(text, expected):
    assert slugify(text) == expected


def test_report_slug_is_bounded_and_safe():
    long = ["x" * 200, "y" * 200, "z", "w"]
    slug = report_slug(long)
    assert len(slug) <= 120 and "/" not in slug and slug.endswith("--and-2-more")
    assert report_slug(["a", "b"]) == "a--vs--b"


runner = CliRunner()


def test_cli_default_folder_prints_what_it_wrote_and_replaces(tmp_path, monkeypatch):
    paths = write_small(tmp_path, ("a.txt", "b.txt"))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["compare", *paths, "--format", "json,csv"])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "reports" / "mayor-opens-the-new-river-bridge--vs--a-bridge-to-our-future"
    # It used to print only the paths; it now says what it wrote, then sums up (tests/test_cli.py).
    assert result.stdout.splitlines()[0] == f"wrote {Path('reports') / folder.name}/: comparison.json, scores.csv"
    assert sorted(p.name for p in folder.iterdir()) == ["comparison.json", "scores.csv"]
    first = (folder / "comparison.json").read_text(encoding="utf-8")
    again = runner.invoke(app, ["compare", *paths, "--format", "json,csv", "--title", "Bridge coverage"])
    assert again.exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["comparison.json", "scores.csv"]
    second = json.loads((folder / "comparison.json").read_text(encoding="utf-8"))
    assert second["title"] == "Bridge coverage" and first != json.dumps(second)
    assert not [p for p in (tmp_path / "reports").iterdir() if p.name.startswith(".")]


def test_cli_csv_has_one_row_per_article_with_every_score(tmp_path):
    import pandas as pd

    paths = write_small(tmp_path)
    result = runner.invoke(app, ["compare", *paths, "--out", str(tmp_path / "out"), "-f", "csv"])
    assert result.exit_code == 0, result.output
    df = pd.read_csv(tmp_path / "out" / "scores.csv")
    assert len(df) == 3
    flat = framing.analyse(paths[0]).scores.flat()
    assert set(flat) <= set(df.columns)


def test_cli_three_articles_every_format(tmp_path):
    paths = write_small(tmp_path)
    out = tmp_path / "three"
    result = runner.invoke(app, ["compare", *paths, "--out", str(out), "--paper", "letter"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["comparison.json", "report.html", "report.pdf", "report.png", "scores.csv"]
    data = json.loads((out / "comparison.json").read_text(encoding="utf-8"))
    assert [a["label"] for a in data["articles"]] == ["A", "B", "C"]
    assert (out / "report.pdf").read_bytes().startswith(b"%PDF")


def test_cli_never_writes_outside_the_output_folder(tmp_path, monkeypatch):
    evil = tmp_path / "in"
    evil.mkdir()
    (evil / "x.txt").write_text("../../../outside/..\\evil\n\nSome text here. We must act now.\n", encoding="utf-8")
    (evil / "y.txt").write_text("/etc/passwd\n\nOfficials said the plan works.\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    result = runner.invoke(app, ["compare", str(evil / "x.txt"), str(evil / "y.txt"), "-f", "json"])
    assert result.exit_code == 0, result.output
    written = [p for p in work.rglob("*") if p.is_file()]
    assert written and all(p.parent.parent == work / "reports" for p in written)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "work"]


def test_cli_failure_part_way_leaves_nothing(tmp_path, monkeypatch):
    import framing.report.png as png

    def broken(_c):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(png, "render_png", broken)
    paths = write_small(tmp_path, ("a.txt", "b.txt"))
    out = tmp_path / "reports" / "r"
    result = runner.invoke(app, ["compare", *paths, "--out", str(out), "-f", "json,csv,png"])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "report.png" in lines[0] and "disk on fire" in lines[0]
    assert not out.exists()
    assert list((tmp_path / "reports").iterdir()) == []


@pytest.mark.parametrize("fork", ["1", ""], ids=["forked-pdf", "one-process"])
def test_pdf_failure_leaves_nothing(tmp_path, monkeypatch, fork):
    """The PDF renders in a forked process when it can; its failure is reported the same way."""
    import framing.report.pdf as pdf

    def broken(*_a, **_k):
        raise RuntimeError("no more paper")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    if not fork:
        monkeypatch.setenv("FRAMING_NO_FORK", "1")
    paths = write_small(tmp_path, ("a.txt", "b.txt"))
    out = tmp_path / "reports" / "r"
    result = runner.invoke(app, ["compare", *paths, "--out", str(out), "-f", "pdf,html,json"])
    assert result.exit_code == OutputError.exit_code
    assert "report.pdf" in result.output and "no more paper" in result.output
    assert "Traceback" not in result.output
    assert not out.exists() and list((tmp_path / "reports").iterdir()) == []


def test_cli_failure_keeps_the_previous_report(tmp_path, monkeypatch):
    paths = write_small(tmp_path, ("a.txt", "b.txt"))
    out = tmp_path / "r"
    assert runner.invoke(app, ["compare", *paths, "--out", str(out), "-f", "json"]).exit_code == 0
    before = (out / "comparison.json").read_bytes()
    import framing.report.tables as tables

    monkeypatch.setattr(tables, "render_csv", lambda _c: 1 / 0)
    result = runner.invoke(app, ["compare", *paths, "--out", str(out), "-f", "json,csv", "--title", "New"])
    assert result.exit_code == OutputError.exit_code != 0
    assert "scores.csv" in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in out.iterdir()) == ["comparison.json"]
    assert (out / "comparison.json").read_bytes() == before


@pytest.mark.parametrize(
    "args, message",
    [
        (["only-one.txt"], "at least two"),
        (["a", "b", "-f", "pdf,docx"], "unknown format docx"),
    ],
)
def test_cli_usage_errors(args, message):
    result = runner.invoke(app, ["compare", *args])
    assert result.exit_code == 2
    assert message in result.output


def test_cli_six_articles(tmp_path):
    texts = [SMALL["a.txt"], SMALL["b.txt"], SMALL["c.txt"]] * 2
    paths = []
    for i, t in enumerate(texts):
        p = tmp_path / f"art{i}.txt"
        p.write_text(t.replace("bridge", f"bridge {i}", 1), encoding="utf-8")
        paths.append(str(p))
    result = runner.invoke(app, ["compare", *paths, "--out", str(tmp_path / "six"), "-f", "json,png"])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "six" / "comparison.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 6 and len({a["slug"] for a in data["articles"]}) == 6


def test_unique_slugs():
    import framing
    from framing.comparison.comparison import unique_slugs

    x = framing.analyse("X\nThe mayor said so.\n")
    x2 = framing.analyse("X 2\nThe mayor said so.\n")
    slugs = unique_slugs([x, x, x2])
    assert len(set(slugs)) == 3


def test_one_very_long_sentence_still_makes_a_pdf(tmp_path):
    long = tmp_path / "long.txt"
    long.write_text("A very long article\n" + " ".join(["word"] * 8000) + ".\n", encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text("Short piece\nThe mayor said the bridge would reopen on Monday.\n", encoding="utf-8")
    out = tmp_path / "r"
    result = runner.invoke(app, ["compare", str(long), str(short), "--out", str(out), "-f", "pdf,json"])
    assert result.exit_code == 0, result.output
    assert (out / "report.pdf").stat().st_size > 0
