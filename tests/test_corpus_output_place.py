"""`framing corpus --out` in a place that cannot be written: one line, exit code 4 (as `compare`),
before any file is discovered or scored."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import framing.corpus.job as job_mod
from framing.cli import app


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "arts"
    root.mkdir()
    (root / "a.txt").write_text("Headline\nThe mayor said the bridge would reopen.\n", encoding="utf-8")
    return root


@pytest.fixture
def no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Discovering the input counts as work: it must not start."""

    def refuse(paths: object) -> None:
        raise AssertionError("discover() ran before the output was checked")

    monkeypatch.setattr(job_mod, "discover", refuse)


def _places(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / "adir.parquet").mkdir()
    places = {
        "parent is a file": tmp_path / "afile" / "r.parquet",
        "out is a folder": tmp_path / "adir.parquet",
    }
    if sys.platform.startswith("linux") and os.path.isdir("/proc/self"):
        places["/proc"] = Path("/proc/r.parquet")
    if os.name == "posix" and os.geteuid() != 0:  # root writes anywhere
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o555)
        places["read-only folder"] = ro / "r.parquet"
    return places


@pytest.mark.parametrize("kind", ["parent is a file", "out is a folder", "/proc", "read-only folder"])
def test_unwritable_out_is_one_line_and_exit_4_before_any_work(corpus: Path, tmp_path: Path, kind: str, no_work: None) -> None:
    places = _places(tmp_path)
    if kind not in places:
        pytest.skip(f"{kind}: not available here")
    out = places[kind]
    r = CliRunner().invoke(app, ["corpus", str(corpus), "--out", str(out)])
    assert r.exit_code == 4, r.output
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("framing: error: ") and "Traceback" not in r.output, r.output
    assert any(w in lines[0] for w in ("cannot create", "cannot write", "is a folder")), lines[0]
    assert not list(tmp_path.glob("**/*.cache.sqlite"))


def test_the_same_check_in_python(corpus: Path, tmp_path: Path) -> None:
    from framing.corpus import score_corpus
    from framing.errors import OutputError

    (tmp_path / "afile").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot create"):
        score_corpus(corpus, out=tmp_path / "afile" / "r.csv", workers=1)


def test_a_missing_folder_is_created(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "new" / "deeper" / "r.csv"
    r = CliRunner().invoke(app, ["corpus", str(corpus), "--out", str(out), "--workers", "1", "--quiet"])
    assert r.exit_code == 0, r.output
    assert out.is_file() and not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_folder_without_write_permission_is_refused(corpus: Path, tmp_path: Path, no_work: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a read-only folder gives (EACCES), also when the tests run as root."""
    import framing.corpus.writer as writer_mod

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(writer_mod.tempfile, "mkstemp", denied)
    r = CliRunner().invoke(app, ["corpus", str(corpus), "--out", str(tmp_path / "r.parquet")])
    assert r.exit_code == 4
    assert r.stderr.strip() == f"framing: error: cannot write in {tmp_path}: Permission denied"
