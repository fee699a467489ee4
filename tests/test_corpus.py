"""`framing corpus` and `framing.score_corpus`: discovery, meta, outputs, errors, cache, workers, report."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.corpus import read_rows, score_corpus
from framing.corpus.discover import discover
from framing.corpus.report import bootstrap_median_ci
from framing.errors import InputError, SourceNotFound

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted(FIXTURES.glob("*.txt"))
SHORT = (
    "Council approves the bridge budget\nBy Dana Reyes\n\n"
    "The city council approved the budget for the bridge on Monday, officials said.\n\n"
    "“We have listened to the residents,” Mayor Tom Hale said. Critics claimed the plan was reckless.\n"
)
OPINION = (
    "Our city deserves better\nBy Lee Park\n\n"
    "I have covered this council for years, and I have never seen anything so shameful.\n\n"
    "We must demand better. The handling of the bridge has been utterly disastrous.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two outlets as folders: wire/ (news) and views/ (opinion), with a nested folder."""
    root = tmp_path / "corpus"
    (root / "wire" / "2024").mkdir(parents=True)
    (root / "views").mkdir()
    shutil.copy(SEEDS[0], root / "wire" / "a.txt")
    (root / "wire" / "2024" / "b.md").write_text(SHORT.replace("Monday", "Tuesday"), encoding="utf-8")
    shutil.copy(SEEDS[1], root / "views" / "c.txt")
    (root / "views" / "d.txt").write_text(OPINION, encoding="utf-8")
    (root / "views" / "e.txt").write_text(OPINION.replace("bridge", "tunnel"), encoding="utf-8")
    (root / "views" / "notes.json").write_text("{}", encoding="utf-8")  # not an article format
    (root / ".hidden.txt").write_text(SHORT, encoding="utf-8")  # hidden: skipped
    return root


def _meta(root: Path) -> Path:
    path = root.parent / "meta.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "outlet", "date"])
        w.writerow(["a.txt", "Wire", "2024-01-02"])
        w.writerow(["b.md", "Wire", "2024-01-03"])
        w.writerow(["c.txt", "Views", "2024-01-04"])
        w.writerow(["d.txt", "Views", "2024-01-05"])
        w.writerow(["e.txt", "Views", "2024-01-06"])
    return path


def _scores(df: pd.DataFrame) -> pd.DataFrame:
    cols = ["file", "headline", "byline", "words", "status"] + [c for c in df.columns if "." in c and not c.startswith("meta.")]
    return df[cols].sort_values("file").reset_index(drop=True)


# -- discovery -----------------------------------------------------------------------------------
def test_folder_discovery_is_recursive_sorted_and_skips_other_files(corpus: Path) -> None:
    items = discover([corpus])
    names = [Path(i.path).relative_to(corpus).as_posix() for i in items]
    assert names == ["views/c.txt", "views/d.txt", "views/e.txt", "wire/2024/b.md", "wire/a.txt"]
    assert [i.folder for i in items] == ["views", "views", "views", "wire/2024", "wire"]


def test_glob_and_file_discovery_without_duplicates(corpus: Path) -> None:
    items = discover([str(corpus / "views" / "*.txt"), corpus / "views" / "d.txt", str(corpus / "**" / "*.md")])
    assert [Path(i.path).name for i in items] == ["c.txt", "d.txt", "e.txt", "b.md"]
    assert items[0].folder == "views"


def test_missing_path_and_empty_glob_fail_before_any_work(corpus: Path) -> None:
    with pytest.raises(SourceNotFound):
        discover([corpus / "nope"])
    with pytest.raises(SourceNotFound):
        discover([str(corpus / "*.pdf")])
    with pytest.raises(InputError):
        score_corpus(corpus / "views" / "*.json", workers=1)


# -- outputs -------------------------------------------------------------------------------------
def test_meta_join_and_parquet_equals_csv(corpus: Path, tmp_path: Path) -> None:
    meta = _meta(corpus)
    pq = score_corpus(corpus, out=tmp_path / "r.parquet", meta=meta, workers=1)
    score_corpus(corpus, out=tmp_path / "r.csv", meta=meta, workers=1, cache=False)
    assert len(pq) == 5 and (pq["status"] == "ok").all()
    assert pq.set_index("name")["outlet"].to_dict() == {"a.txt": "Wire", "b.md": "Wire", "c.txt": "Views", "d.txt": "Views", "e.txt": "Views"}
    expected_cols = {"file", "name", "folder", "outlet", "date", "headline", "byline", "words", "pipeline", "status", "hash", "framing_version"}
    assert expected_cols <= set(pq.columns)
    assert "sourcing.quoted_share" in pq.columns and "readability.flesch_reading_ease" in pq.columns
    back_pq = pd.read_parquet(tmp_path / "r.parquet")
    back_csv = pd.read_csv(tmp_path / "r.csv")
    assert list(back_pq.columns) == list(back_csv.columns)
    pd.testing.assert_frame_equal(back_pq, back_csv, check_dtype=False, check_exact=False, rtol=1e-9)
    pd.testing.assert_frame_equal(pq, back_pq)
    assert pq.loc[pq["name"] == "d.txt", "advocacy.first_person_tokens"].item() > 0


def test_scores_equal_analyse(corpus: Path) -> None:
    from framing.analysis import analyse

    df = score_corpus(corpus / "views" / "d.txt", workers=1)
    flat = analyse(corpus / "views" / "d.txt").scores.flat()
    for key, value in flat.items():
        assert df[key].item() == pytest.approx(value if value is not None else float("nan"), nan_ok=True)


# -- failures ------------------------------------------------------------------------------------
def test_bad_files_are_recorded_and_the_run_goes_on(corpus: Path, tmp_path: Path) -> None:
    (corpus / "wire" / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary\x00" * 20)
    (corpus / "wire" / "empty.md").write_text("   \n", encoding="utf-8")
    out = tmp_path / "r.parquet"
    result = CliRunner().invoke(app, ["corpus", str(corpus), "--out", str(out), "--workers", "1", "--quiet"])
    assert result.exit_code == 2, result.output
    df = pd.read_parquet(out)
    assert len(df) == 7
    bad = df[df["status"] == "error"].set_index("name")
    assert set(bad.index) == {"binary.txt", "empty.md"}
    assert bad.loc["binary.txt", "error_type"] == "BinaryInput"
    assert bad.loc["empty.md", "error_type"] == "EmptyArticle"
    assert (df[df["status"] == "ok"]["sourcing.quoted_share"].notna()).all()
    errors = pd.read_csv(tmp_path / "r.errors.csv")
    assert sorted(Path(f).name for f in errors["file"]) == ["binary.txt", "empty.md"]
    assert "2 of 7 articles failed" in result.output


def test_any_exception_in_a_worker_becomes_an_error_row(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import framing.analysis

    real = framing.analysis.analyse

    def flaky(source, **kw):  # type: ignore[no-untyped-def]
        if Path(source).name == "d.txt":
            raise ValueError("boom")
        return real(source, **kw)

    monkeypatch.setattr(framing.analysis, "analyse", flaky)
    df = score_corpus(corpus, workers=1)
    bad = df[df["status"] == "error"]
    assert list(bad["name"]) == ["d.txt"] and "ValueError: boom" in bad["error"].item()
    assert (df["status"] == "ok").sum() == 4


def test_bad_output_extension_and_missing_group_field(corpus: Path, tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["corpus", str(corpus), "--out", str(tmp_path / "r.json")])
    assert r.exit_code == 4 and "parquet or .csv" in r.output
    r = CliRunner().invoke(app, ["corpus", str(corpus), "--out", str(tmp_path / "r.csv"), "--group-by", "outlet"])
    assert r.exit_code == 2 and "--group-by outlet" in r.output
    r = CliRunner().invoke(app, ["corpus", str(corpus), "--out", str(tmp_path / "r.csv"), "--group-by", "outlet",
                                 "--report", str(tmp_path / "rep")])
    assert r.exit_code == 2 and len(r.stderr.strip().splitlines()) == 1 and not (tmp_path / "rep").exists()


# -- cache ---------------------------------------------------------------------------------------
def test_cache_skips_unchanged_articles_and_force_rescores(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.parquet"
    args = ["corpus", str(corpus), "--out", str(out), "--workers", "1"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "5 scored, 0 cached" in first.output
    assert (tmp_path / "r.cache.sqlite").exists()
    df1 = pd.read_parquet(out)
    (corpus / "views" / "e.txt").write_text(OPINION.replace("bridge", "harbour"), encoding="utf-8")
    second = CliRunner().invoke(app, args)
    assert "1 scored, 4 cached" in second.output, second.output
    df2 = pd.read_parquet(out)
    assert len(df2) == 5 and list(df2["file"]) == list(df1["file"])
    unchanged = df2["name"] != "e.txt"
    pd.testing.assert_frame_equal(df1[unchanged].reset_index(drop=True), df2[unchanged].reset_index(drop=True))
    forced = CliRunner().invoke(app, [*args, "--force"])
    assert "5 scored, 0 cached" in forced.output


def test_a_new_version_misses_the_cache(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import framing
    from framing.corpus.job import CorpusJob

    out = tmp_path / "r.csv"
    assert CorpusJob([corpus], out=out, workers=1).run().scored == 5
    assert CorpusJob([corpus], out=out, workers=1).run().cached == 5
    monkeypatch.setattr(framing, "__version__", "99.0")
    assert CorpusJob([corpus], out=out, workers=1).run().scored == 5


# -- parallel ------------------------------------------------------------------------------------
def test_two_workers_equal_one(corpus: Path) -> None:
    one = score_corpus(corpus, workers=1)
    two = score_corpus(corpus, workers=2)
    pd.testing.assert_frame_equal(one, two)  # same rows, same order


# -- report --------------------------------------------------------------------------------------
def test_group_report_files(corpus: Path, tmp_path: Path) -> None:
    meta = _meta(corpus)
    rep = tmp_path / "rep"
    r = CliRunner().invoke(app, ["corpus", str(corpus), "--out", str(tmp_path / "r.parquet"), "--meta", str(meta),
                                 "--group-by", "outlet", "--report", str(rep), "--workers", "1", "--quiet"])
    assert r.exit_code == 0, r.output
    for name in ("report.html", "report.pdf", "scores.png", "medians.csv", "terms.csv"):
        assert (rep / name).stat().st_size > 0, name
    assert (rep / "report.pdf").read_bytes().startswith(b"%PDF")
    assert (rep / "scores.png").read_bytes().startswith(b"\x89PNG")
    page = (rep / "report.html").read_text(encoding="utf-8")
    assert "Views" in page and "Wire" in page and "data:image/png;base64," in page
    assert "<script" not in page and "http://" not in page and "https://" not in page
    medians = pd.read_csv(rep / "medians.csv")
    assert set(medians["group"]) == {"Views", "Wire"}
    assert (medians["ci_low"] <= medians["median"] + 1e-12).all() and (medians["median"] <= medians["ci_high"] + 1e-12).all()


def test_report_escapes_group_names(corpus: Path, tmp_path: Path) -> None:
    evil = corpus.parent / "<img src=x onerror=alert(1)>"
    shutil.copytree(corpus / "views", evil)
    df = score_corpus([corpus / "wire", evil], group_by="folder", report=tmp_path / "rep", workers=1)
    assert len(df) == 5
    page = (tmp_path / "rep" / "report.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page


def test_bootstrap_ci_is_seeded_and_brackets_the_median() -> None:
    values = [1.0, 2.0, 3.0, 4.0, 100.0, float("nan")]
    med, lo, hi = bootstrap_median_ci(values)
    assert med == 3.0 and lo <= med <= hi
    assert bootstrap_median_ci(values) == (med, lo, hi)
    assert bootstrap_median_ci([]) != bootstrap_median_ci([])  # nan


def test_read_rows_round_trip(corpus: Path, tmp_path: Path) -> None:
    df = score_corpus(corpus, out=tmp_path / "x.csv", workers=1)
    pd.testing.assert_frame_equal(df, read_rows(tmp_path / "x.csv"))


def test_a_file_that_kills_its_worker_fails_alone(tmp_path, monkeypatch):
    """The crashing file is recorded as failed; the files beside it in flight are scored."""
    import sys

    import framing.corpus.runner as runner_mod

    sys.path.insert(0, str(Path(__file__).parent))
    import corpus_crash_helper

    monkeypatch.setattr(runner_mod, "score_chunk", corpus_crash_helper.score_chunk)
    folder = tmp_path / "arts"
    folder.mkdir()
    for i in range(6):
        (folder / f"ok{i}.txt").write_text(f"Headline {i}\nThe mayor said the bridge would reopen in {i} weeks.\n", encoding="utf-8")
    (folder / "crash.txt").write_text("Headline\nThe mayor said so.\n", encoding="utf-8")
    df = score_corpus([folder], workers=2, cache=False)
    status = dict(zip(df["name"], df["status"], strict=True))
    assert status.pop("crash.txt") == "error"
    assert set(status.values()) == {"ok"}, status
    assert df.loc[df["name"] == "crash.txt", "error_type"].item() == "WorkerDied"


# -- report without --group-by, percentages, small samples, terms (issue 12, item 8) ---------------
def test_report_without_group_by_groups_by_folder(corpus: Path, tmp_path: Path) -> None:
    rep = tmp_path / "rep"
    r = CliRunner().invoke(app, ["corpus", str(corpus / "wire"), str(corpus / "views"), "--out", str(tmp_path / "r.csv"),
                                 "--report", str(rep), "--workers", "1", "--quiet"])
    assert r.exit_code == 0, r.output
    assert set(pd.read_csv(rep / "medians.csv")["group"]) == {"wire", "2024", "views"}  # relative to each folder given
    page = (rep / "report.html").read_text(encoding="utf-8")
    assert "scores by folder" in page


def test_report_of_one_folder_is_its_distribution_against_english(corpus: Path, tmp_path: Path) -> None:
    rep = tmp_path / "rep"
    r = CliRunner().invoke(app, ["corpus", str(corpus / "views"), "--out", str(tmp_path / "r.csv"),
                                 "--report", str(rep), "--workers", "1", "--quiet"])
    assert r.exit_code == 0, r.output
    page = (rep / "report.html").read_text(encoding="utf-8")
    assert "all in one group" in page and "Distribution of each score" in page
    assert re.search(r"quartiles [\d.<%]+–[\d.<%]+, range", page)
    assert "wordfreq" in page
    terms = pd.read_csv(rep / "terms.csv")
    assert set(terms["group"]) == {"views"} and len(terms) > 0 and "count_background" in terms.columns
    assert (terms["z"] > 1.96).all()
    assert not set(terms["term"]) & {"the", "and", "of"}


def test_shares_are_percentages_and_small_groups_carry_a_caution(corpus: Path, tmp_path: Path) -> None:
    rep = tmp_path / "rep"
    score_corpus([corpus / "wire", corpus / "views"], group_by="folder", report=rep, workers=1)
    page = (rep / "report.html").read_text(encoding="utf-8")
    row = re.search(r"Body words in quotes \(%\)</th>(.*?)</tr>", page).group(1)
    assert re.findall(r"<td>[\d<]+% \[[\d<]+%, [\d<]+%\]</td>", row), row
    for folder, n in (("wire", 1), ("2024", 1), ("views", 3)):
        assert f"<th>{folder} <span class=\"small\">⚠ small sample (n&nbsp;=&nbsp;{n})</span></th>" in page
    from framing.corpus.report import _small

    assert _small({"big": (10, 0), "small": (9, 3)}) == {"small"}
    assert "fewer than 10 articles" in page
    medians = pd.read_csv(rep / "medians.csv")  # the CSV keeps fractions
    assert medians.loc[medians["metric"] == "sourcing.quoted_share", "median"].max() <= 1.0


def test_distinctive_terms_against_the_other_groups() -> None:
    from collections import Counter

    from framing.comparison.vocabulary import term_counts
    from framing.corpus.report import GroupTerms, against_background

    acc = GroupTerms()
    for _ in range(4):
        acc.add("river", term_counts(["The flood swept the river bank and the flood waters rose."]))
        acc.add("budget", term_counts(["The budget vote split the council and the budget passed."]))
    found = acc.distinctive()
    assert found["river"][0].term in {"flood", "river", "flood waters"} and found["budget"][0].term.startswith("budget")
    assert all(t.count_rest == 0 for t in found["river"][:1])
    alone = against_background(Counter({"the": 40, "of": 20, "zeppelin": 6, "said": 5}))
    assert [t.term for t in alone] == ["zeppelin"]


def test_wordfreq_is_declared_and_reads_offline() -> None:
    import tomllib

    deps = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(d.startswith("wordfreq") for d in deps)
    code = ("import socket\n"
            "def no(*a, **k): raise OSError('network blocked')\n"
            "socket.socket.connect = no; socket.create_connection = no\n"
            "import wordfreq; assert wordfreq.word_frequency('the', 'en') > 0.01")
    subprocess.run([sys.executable, "-c", code], check=True)
