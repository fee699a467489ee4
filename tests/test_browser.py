"""A real browser opens the HTML report: no console errors, and as many highlights in the live
DOM as the JSON has evidence spans. Uses Debian's chromium (headless); skipped without it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.cli import app

FIX = Path(__file__).parent / "fixtures"
CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or "") if p and Path(p).exists()), None)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no headless browser: install Debian's chromium (apt-get install -y chromium) to run the browser test")

CONSOLE = re.compile(r":CONSOLE[:(]")


def run_chromium(url: str, profile: Path) -> tuple[str, str]:
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", f"--user-data-dir={profile}",
        "--enable-logging=stderr", "--v=0", "--dump-dom", url,
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, proc.stderr


class Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "mark" and a.get("data-ev"):
            self.ids.add(a["data-ev"])
        self.scripts += tag == "script"


def test_console_errors_are_detected(tmp_path):
    """The detector itself works: a page with an error is caught (so a pass below means something)."""
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><p>x</p><script>console.error("boom"); missing();</script>', encoding="utf-8")
    _dom, log = run_chromium(page.as_uri(), tmp_path / "profile")
    assert CONSOLE.search(log), log[-2000:]


def test_report_in_a_browser(tmp_path):
    out = tmp_path / "report"
    result = CliRunner().invoke(
        app, ["compare", str(FIX / "000_8326348c89f63b57.txt"), str(FIX / "002_7f6faa312e2320b9.txt"), "--out", str(out), "-f", "html,json"]
    )
    assert result.exit_code == 0, result.output
    dom, log = run_chromium((out / "report.html").as_uri(), tmp_path / "profile")
    console = [line for line in log.splitlines() if CONSOLE.search(line)]
    assert console == []
    marks = Marks()
    marks.feed(dom)
    data = json.loads((out / "comparison.json").read_text(encoding="utf-8"))
    spans = 0
    for analysis, article in zip(data["analyses"], data["articles"], strict=True):
        found = {
            (e["start"], e["end"])
            for family in analysis["scores"].values()
            for metric in family.values()
            if isinstance(metric, dict) and "evidence" in metric
            for e in metric["evidence"]
            if e["end"] > e["start"]
        }
        # the author's sentences of the voice strip are evidence of their count too
        found |= {(c["start"], c["end"]) for c in article["timeline"] if c["category"].startswith("narrator")}
        spans += len(found)
    assert spans > 50
    assert len(marks.ids) == spans
    assert marks.scripts == 0
