"""A file name that is not valid UTF-8 (byte 0xFF): ``compare`` writes every format and ``score``
valid UTF-8 JSON. Python holds such a name with a lone surrogate (0xFF -> U+DCFF); the writers
never fail on one, whatever the input layer makes of the name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import framing
from framing.cli import app
from framing.report.writer import json_text

FIX = Path(__file__).parent / "fixtures"
ROOT = Path(framing.__file__).resolve().parents[1]
runner = CliRunner()
pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="a file system that takes any bytes")


@pytest.fixture()
def bad_name(tmp_path: Path) -> str:
    raw = os.path.join(os.fsencode(tmp_path), b"bad\xffname.txt")
    with open(raw, "wb") as fh:
        fh.write((FIX / "000_8326348c89f63b57.txt").read_bytes())
    return os.fsdecode(raw)


def test_compare_writes_every_format(tmp_path, bad_name):
    out = tmp_path / "out"
    r = runner.invoke(app, ["compare", bad_name, str(FIX / "002_7f6faa312e2320b9.txt"), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == ["comparison.json", "report.html", "report.pdf", "report.png",
                                                    "scores.csv"]
    for name in ("comparison.json", "report.html", "scores.csv"):
        (out / name).read_bytes().decode("utf-8")  # valid UTF-8
    data = json.loads((out / "comparison.json").read_bytes())
    names = [a["name"] for a in data["articles"]]
    assert names[0].startswith("bad") and names[0].endswith("name.txt")
    assert (out / "report.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "report.png").read_bytes().startswith(b"\x89PNG")
    assert "\\udcff" in r.stdout or "\\xff" in r.stdout  # the closing lines show the byte escaped


def test_score_json_is_valid_utf8(bad_name):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run(
        [sys.executable, "-c", "from framing.cli import app; app()", "score", bad_name, "-f", "json"],
        capture_output=True, env=env, check=False, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert b"\xff" not in proc.stdout
    data = json.loads(proc.stdout.decode("utf-8"))
    assert data["name"].startswith("bad") and data["name"].endswith("name.txt")
    table = subprocess.run([sys.executable, "-c", "from framing.cli import app; app()", "score", bad_name],
                           capture_output=True, env=env, check=False, timeout=300)
    assert table.returncode == 0 and b"\xff" not in table.stdout and b"\xff" not in table.stderr
    table.stdout.decode("utf-8")


def test_json_text_escapes_lone_surrogates_only():
    text = json_text({"name": "bad\udcffname", "quote": "“café” 🙂"})
    assert text == '{"name": "bad\\udcffname", "quote": "“café” 🙂"}'
    assert json.loads(text.encode("utf-8")) == {"name": "bad\udcffname", "quote": "“café” 🙂"}
