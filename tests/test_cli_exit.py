"""The command line's process ends quickly: at exit its objects (the pipeline, the analyses) are
left out of the interpreter's last garbage collections (``gc.freeze`` as the first exit handler),
which walked them all for half a second. A library user's process is left alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import atexit, gc, sys
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0))  # runs after framing's handler
sys.argv = ["framing", *sys.argv[1:]]
{body}
"""


def _run(body: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROBE.format(body=body), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_the_command_line_freezes_its_heap_at_exit() -> None:
    done = _run("from framing.cli import app\napp()", "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [done.stdout.splitlines()[0], "frozen at exit: True"]
    assert done.stdout.startswith("framing ")


def test_a_usage_error_exits_as_before() -> None:
    done = _run("from framing.cli import app\napp()", "compare", "--bogus")
    assert done.returncode == 2
    assert done.stderr.startswith("framing: error:") and "Traceback" not in done.stderr
    assert done.stdout.strip() == "frozen at exit: True"


def test_the_library_leaves_the_collector_alone() -> None:
    done = _run("import framing.cli, framing.comparison")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "frozen at exit: False"
