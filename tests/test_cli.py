"""The command line: one-liners through Typer's CliRunner, and start-up without heavy imports."""

from __future__ import annotations

import json
import re
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


# --- issue 12, item 7: what the command line prints ---------------------------------------------
BRIDGE = {
    "a.txt": "Mayor opens the new river bridge\nBy Jane Doe\n\nThe mayor opened the bridge on Monday. "
    "\u201cIt is a good day for the city,\u201d Mayor Ann Lee said. Officials said the work cost $4 million.\n",
    "b.txt": "Mayor slams critics of the bridge\n\nThe magnificent new bridge is a shining example of what we can do "
    "together. We must build more bridges. Our city deserves nothing less.\n",
}


def write_bridge(tmp_path: Path) -> list[str]:
    for name, text in BRIDGE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(tmp_path / n) for n in BRIDGE]


def test_compare_ends_with_headline_difference_one_line_per_article_and_the_html_path(tmp_path):
    out = tmp_path / "out"
    r = runner.invoke(app, ["compare", *write_bridge(tmp_path), "--out", str(out), "-f", "html,json"])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0] == f"wrote {out}/: report.html, comparison.json"
    assert lines[1].startswith("headlines: ") and "slams" in lines[1]
    assert lines[2] == ("A a.txt: 1 quote, 67% of sentences sourced, 0 of 1 author sentence evaluative (0%), "
                        "0 first-person words")
    assert lines[3].startswith("B b.txt: 0 quotes, 0% of sentences sourced, 3 of 3 author sentences evaluative (100%), ")
    assert lines[3].endswith("first-person words") and lines[-1] == f"report: {out / 'report.html'}"


def test_compare_without_html_names_no_report(tmp_path):
    r = runner.invoke(app, ["compare", *write_bridge(tmp_path), "--out", str(tmp_path / "o"), "-f", "json"])
    assert r.exit_code == 0 and "report:" not in r.stdout and r.stdout.splitlines()[-1].startswith("B b.txt: ")


def test_score_prints_shares_as_percentages_and_plurals(tmp_path):
    r = runner.invoke(app, ["score", str(FIX / "002_7f6faa312e2320b9.txt")])
    assert r.exit_code == 0, r.output
    assert re.search(r"Share of body words quoted\s*│\s+0%", r.stdout)
    assert re.search(r"share of the author's sentences\s*│\s+67%", r.stdout)
    assert "Antony Blinken (person): 0 quotes, 2 statements, 26%" in r.stdout
    assert "Benjamin Netanyahu (person): 0 quotes, 1 statement, 17%" in r.stdout
    assert "1 statements" not in r.stdout and "0.00" not in r.stdout


def test_score_says_how_many_more_where_a_list_is_cut(tmp_path):
    path = tmp_path / "many.txt"
    path.write_text(
        "Bridge opens\n\nThe magnificent bridge is a disastrous waste. The shameful plan was a terrible idea. "
        "The brilliant engineers did a wonderful job. The awful delays were outrageous. The superb design is "
        "stunning. The horrible traffic was dreadful. The splendid views are breathtaking. The ridiculous cost "
        "was absurd.\n", encoding="utf-8")
    r = runner.invoke(app, ["score", str(path)], env={"COLUMNS": "400"})
    assert r.exit_code == 0, r.output
    words = next(line for line in r.stdout.splitlines() if line.startswith("Author's evaluative words:"))
    assert re.search(r"^Author's evaluative words: (\w+, ){11}\w+ and \d+ more$", words.rstrip()), words


def test_cut_lists_plurals_and_percentages():
    from framing.report.terminal import cut_list, percent, plural, shorten

    assert (plural(1, "quote"), plural(2, "quote"), plural(0, "statement")) == ("1 quote", "2 quotes", "0 statements")
    assert cut_list(list("abcde"), 3) == "a, b, c and 2 more" and cut_list(list("ab"), 3) == "a, b"
    assert (percent(0.35), percent(0.0), percent(0.001), percent(1.0), percent(None)) == ("35%", "0%", "<1%", "100%", "–")
    assert shorten("word " * 50, 20) == "word word word word…"


def test_score_evidence_lists_each_sentence_with_its_voice_and_labelled_hits():
    r = runner.invoke(app, ["score", str(FIX / "002_7f6faa312e2320b9.txt"), "--evidence"], env={"COLUMNS": "400"})
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "Evidence, sentence by sentence" in out
    assert re.search(r"\d+\. \[author, evaluative\] The dialogue between Blinken and Netanyahu", out)
    assert "'timeless' (evaluative adjective)" in out and "'a shining example' (evaluative phrase)" in out
    assert re.search(r"\[attributed\] He highlighted", out) and "'He' (named person: Matthew Miller)" in out
    assert "[author, evaluative, first-person] As we continue" in out
    assert "lexicon:" not in out  # plain-English labels, not rule ids
    plain = runner.invoke(app, ["score", str(FIX / "002_7f6faa312e2320b9.txt")])
    assert "Evidence, sentence by sentence" not in plain.stdout


def test_warnings_name_the_line_not_the_offset(tmp_path):
    path = tmp_path / "q.txt"
    path.write_text("Bridge reopens\n\nThe mayor said the bridge would open.\n\nShe said \u201cit is great and more.\n", encoding="utf-8")
    r = runner.invoke(app, ["score", str(path)])
    assert r.exit_code == 0, r.output
    assert "framing: warning: q.txt: quote opened on line 5 is not closed" in r.stderr
    assert "offset" not in r.stderr
    data = json.loads(runner.invoke(app, ["score", str(path), "-f", "json"]).stdout)
    assert any("on line 5" in w for w in data["warnings"])


@pytest.mark.parametrize("command", [[], ["score"], ["compare"], ["corpus"]])
def test_help_shows_plain_option_names(command):
    r = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    assert "--help" in r.stdout and "<" not in r.stdout, r.stdout
    for placeholder in ("bool", "list[", "str]", "Path]"):
        assert placeholder not in r.stdout


def test_bad_choice_is_still_a_short_error(tmp_path):
    r = runner.invoke(app, ["compare", *write_bridge(tmp_path), "--paper", "a5"])
    assert r.exit_code == 2 and "a5" in r.output and "Traceback" not in r.output
