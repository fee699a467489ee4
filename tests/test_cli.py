"""The command line: one-liners through Typer's CliRunner, and start-up without heavy imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing import __version__
from framing.cli import app

FIX = Path(__file__).parent / "fixtures"
runner = CliRunner()


def test_version():
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and __version__ in r.stdout


def test_score_table():
    r = runner.invoke(app, ["score", str(FIX / "002_7f6faa312e2320b9.txt")])
    assert r.exit_code == 0, r.output
    assert "Strengthening Bonds" in r.stdout
    assert "First-person advocacy" in r.stdout
    assert "Matthew Miller" in r.stdout


def test_score_json_two_files():
    r = runner.invoke(app, ["score", str(FIX / "000_8326348c89f63b57.txt"), str(FIX / "002_7f6faa312e2320b9.txt"), "-f", "json"])
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert [d["name"] for d in data] == ["000_8326348c89f63b57.txt", "002_7f6faa312e2320b9.txt"]


def test_score_stdin():
    r = runner.invoke(app, ["score", "-", "-f", "json"], input="Headline here\nThe mayor said the bridge would reopen.\n")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["attributions"][0]["source"]["text"] == "The mayor"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"   \n\t \n", "empty"),
        (b"\x00\x01\x02binary\x00" * 50, "binary"),
    ],
)
def test_bad_input_one_line_error(tmp_path, content, expected):
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    r = runner.invoke(app, ["score", str(path)])
    assert r.exit_code != 0
    err = r.stderr.strip()
    assert expected in err.lower()
    assert len(err.splitlines()) == 1 and "Traceback" not in r.output


def test_too_large(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"The council said the budget would pass. " * 130_000)  # about 5 MB
    r = runner.invoke(app, ["score", str(path)])
    assert r.exit_code != 0
    assert "too large" in r.stderr.lower() or "limit" in r.stderr.lower()
    assert "Traceback" not in r.output


def test_non_english_warns_but_scores(tmp_path):
    path = tmp_path / "de.txt"
    path.write_text(
        "Die Regierung hat am Montag einen neuen Haushalt vorgelegt. Der Minister sagte, die "
        "Ausgaben würden steigen, und die Opposition kritisierte den Plan scharf. Viele Bürger "
        "sind besorgt über die Zukunft der Renten und der Gesundheitsversorgung im ganzen Land.\n",
        encoding="utf-8",
    )
    r = runner.invoke(app, ["score", str(path)])
    assert r.exit_code == 0
    assert "english" in r.stderr.lower()


def test_startup_imports_no_heavy_library():
    heavy = ["spacy", "sklearn", "matplotlib", "pandas", "textstat", "reportlab", "trafilatura"]
    code = (
        "import sys; from framing.cli import app; "
        "from typer.testing import CliRunner; "
        "r1 = CliRunner().invoke(app, ['--help']); r2 = CliRunner().invoke(app, ['--version']); "
        "assert r1.exit_code == 0 and r2.exit_code == 0; "
        f"print([m for m in {heavy!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_user_lexicon_extends_packaged_one(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Bridge reopens\nThe new bridge is a gleaming structure over the river.\n", encoding="utf-8")
    lex = tmp_path / "evaluative_adjectives.txt"
    lex.write_text("# source: a teacher's list; licence: CC0\ngleaming\n", encoding="utf-8")
    plain = json.loads(runner.invoke(app, ["score", str(article), "-f", "json"]).stdout)
    extended = json.loads(runner.invoke(app, ["score", str(article), "-f", "json", "--lexicon", str(lex)]).stdout)
    rules = lambda d: {e["rule"] for e in d["scores"]["editorial_voice"]["evaluative_per_100_narrator_words"]["evidence"]}  # noqa: E731
    assert "lexicon:evaluative_adjectives/gleaming" not in rules(plain)
    assert "lexicon:evaluative_adjectives/gleaming" in rules(extended)


def test_missing_spacy_model_is_a_clear_error(tmp_path):
    r = runner.invoke(app, ["score", str(FIX / "002_7f6faa312e2320b9.txt"), "--model", "no_such_pipeline_xyz"])
    assert r.exit_code == 3
    assert "no_such_pipeline_xyz" in r.stderr and "Traceback" not in r.output


def test_messages_stay_on_one_line_for_odd_file_names(tmp_path):
    path = tmp_path / "bad\nname.txt"
    path.write_bytes(b"")
    r = runner.invoke(app, ["score", str(path)])
    assert r.exit_code != 0
    assert len(r.stderr.strip().splitlines()) == 1 and "\\n" in r.stderr
