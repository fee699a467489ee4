"""`framing compare` stopped part way: Ctrl-C (SIGINT) always exits 130 and leaves nothing,
``kill -9`` leaves a temporary folder that the next run removes, and the forked PDF renderer
dies with its parent. Real signals sent to a real ``framing compare`` process."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import framing
from framing.comparison import compare
from framing.report import writer
from framing.report.writer import interrupts_kept, remove_stale_tmp

FIX = Path(__file__).parent / "fixtures"
ARTICLES = [str(FIX / "000_8326348c89f63b57.txt"), str(FIX / "002_7f6faa312e2320b9.txt")]
ROOT = Path(framing.__file__).resolve().parents[1]
# SIGINT as in a terminal: a shell's background job (and so a test run in one) starts with SIGINT
# ignored, which Python would keep.
CLI = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
       "sys.argv[0] = 'framing'; from framing.cli import app; app()")
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")


def start_compare(out: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.pop("FRAMING_NO_FORK", None)
    return subprocess.Popen([sys.executable, "-c", CLI, "compare", *ARTICLES, "--out", str(out), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)


def tmp_folders(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.*.tmp"))


def wait_for(condition, proc: subprocess.Popen[str], timeout: float = 120.0) -> None:
    """Poll until ``condition()``; fail if the process ends first."""
    end = time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, f"compare ended before the moment to signal it: {proc.communicate()}"
        assert time.monotonic() < end, "timed out"
        time.sleep(0.01)


def children_of(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")  # a zombie has stopped; only its exit status is left


# --- Ctrl-C -----------------------------------------------------------------------------------
MOMENTS = {
    # the temporary folder has just appeared: charts are being drawn, the PDF child forked
    "render-start": lambda out: bool(tmp_folders(out)),
    # the PNG is written: the HTML is being rendered here, the PDF in the child
    "png-written": lambda out: any((t / "report.png").exists() for t in tmp_folders(out)),
}


@posix_only
@pytest.mark.parametrize("moment", [*MOMENTS, "render-start+0.3s"])
@pytest.mark.parametrize("to", ["process", "process-group"])
def test_ctrl_c_exits_130_and_leaves_nothing(tmp_path, moment, to):
    out = tmp_path / "report"
    proc = start_compare(out)
    try:
        wait_for(lambda: MOMENTS[moment.split("+")[0]](out), proc)
        if "+" in moment:
            time.sleep(0.3)
        assert proc.poll() is None
        children = children_of(proc.pid)
        if to == "process-group":  # what Ctrl-C in a terminal does: the renderer gets it too
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, (stdout, stderr)
    assert stderr.strip().splitlines()[-1] == "framing: error: interrupted"
    assert "Exception ignored" not in stderr and "Traceback" not in stderr
    assert stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no report, no temporary folder
    time.sleep(0.2)
    assert all(gone(c) for c in children)


@pytest.fixture()
def python_sigint():
    """Python's own SIGINT handler for the test (a run in a background job starts with SIGINT
    ignored), restored afterwards."""
    old = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, old)


@pytest.mark.usefixtures("python_sigint")
def test_a_keyboard_interrupt_swallowed_by_a_finalizer_is_raised_again(monkeypatch):
    """The cause of "Ctrl-C exits 0": a KeyboardInterrupt raised while Python runs a finalizer
    (matplotlib's WeakKeyDictionary callbacks) is printed as "Exception ignored" and dropped."""
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)

    class Finalized:
        def __del__(self) -> None:
            signal.raise_signal(signal.SIGINT)  # the handler runs here, inside the finalizer

    # without the guard the interrupt is lost
    Finalized()
    gc.collect()
    assert len(unraisable) == 1 and isinstance(unraisable[0].exc_value, KeyboardInterrupt)  # type: ignore[attr-defined]
    # with it, it is recorded, not reported as ignored, and raised at the next check
    unraisable.clear()
    with interrupts_kept() as guard:
        Finalized()
        gc.collect()
        assert guard.hits == 1 and unraisable == []
        with pytest.raises(KeyboardInterrupt):
            guard.check()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@pytest.mark.usefixtures("python_sigint")
def test_ctrl_c_while_moving_files_into_place_is_recorded_not_raised():
    with interrupts_kept() as guard:
        with guard.deferred():
            signal.raise_signal(signal.SIGINT)
            moved = True
        assert moved and guard.hits == 1
        with pytest.raises(KeyboardInterrupt):
            guard.check()


@pytest.mark.usefixtures("python_sigint")
def test_a_nested_guard_is_the_same_guard():
    with interrupts_kept() as outer, interrupts_kept() as inner:
        assert inner is outer


# --- kill -9 ----------------------------------------------------------------------------------
@posix_only
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc to find the renderer")
def test_kill_9_leaves_a_temporary_folder_the_next_run_removes_and_the_renderer_dies(tmp_path):
    out = tmp_path / "report"
    proc = start_compare(out)
    try:
        wait_for(lambda: bool(tmp_folders(out)) and bool(children_of(proc.pid)), proc)
        renderer = children_of(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    end = time.monotonic() + 10
    while not all(gone(pid) for pid in renderer) and time.monotonic() < end:
        time.sleep(0.05)
    assert all(gone(pid) for pid in renderer), "the forked PDF renderer outlived its parent"
    stale = tmp_folders(out)
    assert len(stale) == 1 and f".{proc.pid}." in stale[0].name and not out.exists()
    # the next run for the same folder removes it
    again = start_compare(out, "-f", "json")
    stdout, stderr = again.communicate(timeout=300)
    assert again.returncode == 0, stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]
    assert [p.name for p in out.iterdir()] == ["comparison.json"]


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def make_tmp(parent: Path, out_name: str, pid: int, files=("report.png",)) -> Path:
    folder = parent / f".{out_name}.{pid}.k2j_x9a1.tmp"
    folder.mkdir()
    for name in files:
        (folder / name).write_bytes(b"half")
    return folder


@posix_only
def test_only_folders_of_ended_runs_for_this_output_are_removed(tmp_path):
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead = dead_pid()
        stale = make_tmp(tmp_path, "r", dead)
        running = make_tmp(tmp_path, "r", sleeper.pid)
        mine = make_tmp(tmp_path, "r", os.getpid())
        other_output = make_tmp(tmp_path, "r2", dead)
        foreign = tmp_path / f".r.{dead}.zz9.tmp"
        foreign.mkdir()
        (foreign / "thesis.docx").write_bytes(b"keep me")
        not_ours = tmp_path / ".r.notapid.tmp"
        not_ours.mkdir()
        link = tmp_path / f".r.{dead}.lnk.tmp"
        link.symlink_to(other_output, target_is_directory=True)
        assert remove_stale_tmp(tmp_path, "r") == [stale]
        assert not stale.exists()
        assert all(p.exists() for p in (running, mine, other_output, foreign, not_ours, link))
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_stale_folder_is_removed_by_the_next_write(tmp_path):
    stale = make_tmp(tmp_path, "out", dead_pid(), files=("report.pdf", "comparison.json"))
    c = compare([framing.analyse("Bridge opens\nThe mayor said the bridge opens.\n"),
                                 framing.analyse("Bridge shut\nOfficials said it shuts.\n")])
    written = writer.write_report(c, tmp_path / "out", [writer.Format.json])
    assert [p.name for p in written] == ["comparison.json"]
    assert not stale.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_new_output_folder_gets_the_usual_permissions(tmp_path):
    c = compare([framing.analyse("Bridge opens\nThe mayor said the bridge opens.\n"),
                                 framing.analyse("Bridge shut\nOfficials said it shuts.\n")])
    writer.write_report(c, tmp_path / "out", [writer.Format.json])
    (tmp_path / "plain").mkdir()
    assert (tmp_path / "out").stat().st_mode == (tmp_path / "plain").stat().st_mode
