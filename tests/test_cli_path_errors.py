"""Bad paths and bad option values are one-line errors (``framing: error: ...``, non-zero exit),
never Typer's boxed usage error."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.cli import app

FIX = Path(__file__).parent / "fixtures"
A, B = str(FIX / "000_8326348c89f63b57.txt"), str(FIX / "002_7f6faa312e2320b9.txt")
runner = CliRunner()
BOX = set("╭╮╰╯│─")


def one_line_error(r, exit_code: int | None = None) -> str:
    assert r.exit_code != 0 if exit_code is None else r.exit_code == exit_code, r.output
    assert not BOX & set(r.output), r.output
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("framing: error: "), r.stderr
    assert "Traceback" not in r.output and "Usage:" not in r.output
    return lines[0]


@pytest.fixture()
def afile(tmp_path: Path) -> Path:
    path = tmp_path / "afile"
    path.write_text("not a folder", encoding="utf-8")
    return path


def test_out_pointing_at_a_file(afile, monkeypatch):
    monkeypatch.chdir(afile.parent)
    r = runner.invoke(app, ["compare", A, B, "--out", "afile", "-f", "json"])
    assert one_line_error(r, 2) == "framing: error: --out afile is a file, not a folder"
    assert afile.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("command", [["score", A], ["compare", A, B, "-f", "json"]])
def test_lexicon_missing_or_a_folder(tmp_path, command):
    missing = one_line_error(runner.invoke(app, [*command, "--lexicon", str(tmp_path / "none.txt")]), 2)
    assert missing == f"framing: error: --lexicon {tmp_path / 'none.txt'}: no such file"
    folder = one_line_error(runner.invoke(app, [*command, "--lexicon", str(tmp_path)]), 2)
    assert folder == f"framing: error: --lexicon {tmp_path} is a folder, not a file"


@pytest.mark.parametrize("command", [["score"], ["compare", A]])
def test_missing_or_folder_inputs(tmp_path, command):
    assert "no such file" in one_line_error(runner.invoke(app, [*command, str(tmp_path / "gone.txt")]))
    folder = one_line_error(runner.invoke(app, [*command, str(tmp_path)]))
    assert str(tmp_path) in folder and ("directory" in folder or "folder" in folder)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["compare", A, B, "--paper", "a5"], "framing: error: Invalid value for '--paper': 'a5' is not one of 'a4', 'letter'"),
        (["score", A, "--format", "xml"], "framing: error: Invalid value for '--format' / '-f': 'xml' is not one of"),
        (["compare"], "framing: error: compare needs at least two articles"),  # files or --text
        (["score", "--bogus"], "framing: error: No such option: --bogus"),
        (["nosuch"], "framing: error: No such command 'nosuch'"),
    ],
)
def test_usage_errors_are_one_line_with_exit_2(args, expected):
    line = one_line_error(runner.invoke(app, args), 2)
    assert line.startswith(expected) and line.endswith("--help)")


def test_help_and_version_still_exit_0():
    assert runner.invoke(app, ["--help"]).exit_code == 0
    assert runner.invoke(app, ["compare", "--help"]).exit_code == 0
    assert runner.invoke(app, ["--version"]).exit_code == 0
