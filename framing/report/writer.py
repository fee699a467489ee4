"""Write a report folder atomically: every file is rendered into a temporary folder next to the
output folder, then renamed into place; on any failure the temporary files are removed, so no
half-written report is ever left. File names are fixed (report.pdf, ...); article names never
become paths, so nothing is written outside the output folder.

What stops a run part way, and what it leaves:

* an error or Ctrl-C (SIGINT): nothing new; a folder the run created is removed, an earlier
  report in the folder is kept. Ctrl-C is never lost while rendering (``interrupts_kept``).
* ``kill -9`` or a power cut: the hidden temporary folder ``.OUT.PID.XXXX.tmp``, whose name holds
  the process id of its run; the next run for the same folder removes it once that process is
  gone (``remove_stale_tmp``). The forked PDF renderer dies with its parent.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any

from framing.comparison.comparison import Comparison
from framing.errors import OutputError


class Format(StrEnum):
    pdf = "pdf"
    png = "png"
    html = "html"
    json = "json"
    csv = "csv"


FILE_NAMES: dict[Format, str] = {
    Format.pdf: "report.pdf",
    Format.png: "report.png",
    Format.html: "report.html",
    Format.json: "comparison.json",
    Format.csv: "scores.csv",
}


def parse_formats(spec: str) -> list[Format]:
    """"pdf,png" -> [Format.pdf, Format.png]; "all" -> every format. Unknown names raise."""
    names = [s.strip().lower() for s in spec.split(",") if s.strip()]
    if not names or names == ["all"]:
        return list(Format)
    bad = [n for n in names if n not in Format.__members__]
    if bad:
        raise ValueError(f"unknown format {', '.join(bad)} (choose from {', '.join(f.value for f in Format)})")
    return list(dict.fromkeys(Format(n) for n in names))


def render_files(
    c: Comparison, formats: Sequence[Format], *, paper: str = "a4", split_charts: bool = False,
    drawn: Any | None = None,
) -> dict[str, Callable[[], bytes]]:
    """File name -> a function that renders it. Charts are drawn once and shared by the HTML
    (SVG) and the PDF (vector pages); with ``split_charts`` each saves only its own kind, for
    when the two are rendered in separate processes, from ``drawn`` (``charts.figures``, drawn
    before the processes part) when given, else from figures of its own."""
    from framing.report import charts as charts_mod

    want = set(formats)
    cache: dict[str, charts_mod.ChartSet] = {}

    def chart_set(kind: str) -> charts_mod.ChartSet:
        key = kind if split_charts else "both"
        if key not in cache:
            svg = Format.html in want and kind in ("svg", "both") if split_charts else Format.html in want
            vector = Format.pdf in want and kind in ("pdf", "both") if split_charts else Format.pdf in want
            cache[key] = charts_mod.render(c, svg=svg, pdf=vector, drawn=drawn)
        return cache[key]

    def html() -> bytes:
        from framing.report.html import render_html

        # a lone surrogate (a file name that was not UTF-8) becomes U+FFFD, never an error
        return render_html(c, chart_set("svg")).encode("utf-8", "backslashreplace")

    def pdf() -> bytes:
        from framing.report.pdf import render_pdf

        return render_pdf(c, chart_set("pdf"), paper=paper)

    def png() -> bytes:
        from framing.report.png import render_png

        return render_png(c)

    def js() -> bytes:
        return (json_text(c.as_dict(), indent=1) + "\n").encode("utf-8")

    def csv() -> bytes:
        from framing.report.tables import render_csv

        return render_csv(c).encode("utf-8")

    fns = {Format.json: js, Format.csv: csv, Format.html: html, Format.pdf: pdf, Format.png: png}
    return {FILE_NAMES[f]: fns[f] for f in Format if f in want}


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(data: Any, *, indent: int | None = None) -> str:
    """``data`` as JSON text that is always valid UTF-8: characters as they are, except a lone
    surrogate (a file name that was not UTF-8 holds one: byte 0xFF -> U+DCFF), which only a
    string can hold and which becomes its escape, ``\\udcff``, as with ``ensure_ascii``."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# ------------------------------------------------------------------------------- Ctrl-C
class InterruptGuard:
    """Records Ctrl-C (SIGINT) while a report is written, so that it cannot be lost.

    Python raises ``KeyboardInterrupt`` wherever the main thread happens to be; when that is a
    finalizer or a weakref callback (matplotlib's ``WeakKeyDictionary`` entries die while a
    figure is drawn), the exception is printed as "Exception ignored in ..." and dropped, and the
    run went on to exit 0. The guard's handler still raises at once, but also records the signal,
    and ``check()`` raises it again at every step of the writer. Inside ``deferred()`` (moving
    finished files into place, cleaning up) the signal is only recorded."""

    def __init__(self) -> None:
        self.hits = 0
        self._deferred = 0

    def handler(self, signum: int, frame: Any) -> None:
        self.hits += 1
        if not self._deferred:
            raise KeyboardInterrupt

    def check(self) -> None:
        """Raise ``KeyboardInterrupt`` if Ctrl-C was pressed since the guard was set."""
        if self.hits:
            raise KeyboardInterrupt

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Ctrl-C is recorded, not raised, inside this block (a step that must not stop half way)."""
        self._deferred += 1
        try:
            yield
        finally:
            self._deferred -= 1


_ACTIVE: InterruptGuard | None = None


@contextmanager
def interrupts_kept() -> Iterator[InterruptGuard]:
    """Set an ``InterruptGuard`` as the SIGINT handler for the block (nested blocks share it).

    It is set only in the main thread and only over Python's own handler: a SIGINT that is
    ignored (a background job) or handled by the caller stays so, and the guard then never
    records anything. While set, a ``KeyboardInterrupt`` that a finalizer swallowed is not
    printed as "Exception ignored" (``check()`` raises it again)."""
    global _ACTIVE
    if _ACTIVE is not None:
        yield _ACTIVE
        return
    guard = InterruptGuard()
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield guard
        return
    old_hook = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        if not (guard.hits and isinstance(unraisable.exc_value, KeyboardInterrupt)):
            old_hook(unraisable)

    signal.signal(signal.SIGINT, guard.handler)
    sys.unraisablehook = hook
    _ACTIVE = guard
    try:
        yield guard
    finally:
        _ACTIVE = None
        signal.signal(signal.SIGINT, signal.default_int_handler)
        sys.unraisablehook = old_hook


# ------------------------------------------------------------------------------- temporary folders
_TMP_CHARS = "[a-z0-9_]+"  # tempfile.mkdtemp's random part


def _tmp_stem(out_name: str) -> str:
    return f".{out_name[:40]}."


def _make_tmp(parent: Path, out_name: str) -> Path:
    """A new hidden folder ``.OUT.PID.XXXX.tmp`` beside the output folder, with the permissions a
    plain ``mkdir`` would give it (it may become the output folder by a rename)."""
    tmp = Path(tempfile.mkdtemp(prefix=f"{_tmp_stem(out_name)}{os.getpid()}.", suffix=".tmp", dir=parent))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o777 & ~umask)
    return tmp


def _process_alive(pid: int) -> bool:
    """Whether a process ``pid`` exists (a process of another user counts as alive)."""
    if os.name != "posix":  # os.kill(pid, 0) would end the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale_tmp(parent: Path, out_name: str) -> list[Path]:
    """Remove the temporary folders an earlier run for ``parent/out_name`` left when it was killed
    (``kill -9``, a power cut): those whose process is gone. A folder of a running process, one
    that holds anything but report files, or one that is not ours by name is left alone.
    Returns the folders removed."""
    pattern = re.compile(re.escape(_tmp_stem(out_name)) + r"(\d+)\." + _TMP_CHARS + r"\.tmp")
    known = set(FILE_NAMES.values())
    removed = []
    try:
        candidates = sorted(parent.glob(glob.escape(_tmp_stem(out_name)) + "*.tmp"))
    except OSError:
        return []
    for folder in candidates:
        match = pattern.fullmatch(folder.name)
        if match is None or folder.is_symlink() or not folder.is_dir():
            continue
        pid = int(match[1])
        if pid == os.getpid() or _process_alive(pid):
            continue
        try:
            if not {p.name for p in folder.iterdir()} <= known:
                continue
            shutil.rmtree(folder)
        except OSError:
            continue
        removed.append(folder)
    return removed


# ------------------------------------------------------------------------------- writing
def write_report(c: Comparison, out_dir: Path, formats: Sequence[Format], *, paper: str = "a4") -> list[Path]:
    """Render every format, then move the files into ``out_dir``; returns the paths written."""
    out_dir = Path(out_dir)
    parent = out_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {parent}: {exc.strerror or exc}") from exc
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir} exists and is not a folder")
    remove_stale_tmp(parent, out_dir.name)
    with interrupts_kept() as guard:
        created_out = not out_dir.exists()
        try:
            with guard.deferred():  # Ctrl-C as the folder is made: never a folder no one removes
                tmp = _make_tmp(parent, out_dir.name)
        except OSError as exc:
            raise OutputError(f"cannot write in {parent}: {exc.strerror or exc}") from exc
        try:
            guard.check()
            _render_into(tmp, c, formats, paper, guard)
            guard.check()
            with guard.deferred():
                written = _move_into_place(tmp, out_dir, created_out)
            guard.check()  # Ctrl-C while moving: the report is complete, but the run stops
        except BaseException as exc:
            with guard.deferred():
                if created_out and out_dir.exists():
                    shutil.rmtree(out_dir, ignore_errors=True)
            if isinstance(exc, OSError):
                raise OutputError(f"cannot write the report to {out_dir}: {exc.strerror or exc}") from exc
            raise
        finally:
            with guard.deferred():
                shutil.rmtree(tmp, ignore_errors=True)
    order = list(FILE_NAMES.values())
    return sorted(written, key=lambda p: order.index(p.name))


def _move_into_place(tmp: Path, out_dir: Path, created_out: bool) -> list[Path]:
    """Move the rendered files from ``tmp`` into ``out_dir``: a new folder is the temporary one
    renamed (one atomic step); into an existing folder the files are replaced one by one, and a
    report file of an earlier run in a format not asked for now is removed (it would not match
    the rest)."""
    names = sorted(p.name for p in tmp.iterdir())
    if created_out:
        try:
            os.rename(tmp, out_dir)
            return [out_dir / name for name in names]
        except OSError:
            out_dir.mkdir(parents=True, exist_ok=True)  # made meanwhile: move the files one by one
    written = []
    for name in names:
        os.replace(tmp / name, out_dir / name)
        written.append(out_dir / name)
    for name in set(FILE_NAMES.values()) - set(names):
        (out_dir / name).unlink(missing_ok=True)
    return written


def _render(name: str, render: Callable[[], bytes], folder: Path) -> None:
    try:
        data = render()
    except (OutputError, KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # a renderer's bug must not leave half a report
        raise OutputError(f"could not render {name}: {type(exc).__name__}: {exc}") from exc
    (folder / name).write_bytes(data)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods() and not os.environ.get("FRAMING_NO_FORK")


_PDF_TIMEOUT = 600.0  # seconds; a PDF of six long articles takes a few seconds
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent_pid: int) -> None:
    """Make this (forked) process end when ``parent_pid`` does: PR_SET_PDEATHSIG on Linux,
    elsewhere a thread that watches the parent. A parent killed with ``kill -9`` never gets to
    stop its children itself."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent_pid:  # the parent died before the call
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        import time

        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """The objects alive now (the pipeline, the analyses: hundreds of thousands) left out of the
    garbage collector's passes until the block ends (``gc.freeze``): the charts' many short-lived
    objects trigger full collections, each of which would walk them all again, and in a forked
    process touch every page the two processes share (CPython's advice for fork: freeze right
    before it). They are handed back to the collector after the block."""
    import gc

    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _render_into(tmp: Path, c: Comparison, formats: Sequence[Format], paper: str, guard: InterruptGuard) -> None:
    """Render every file into ``tmp``. The PDF, the slowest, is laid out in a forked process
    while this one draws the others (the machine's second core); the charts both need are drawn
    before the fork; set FRAMING_NO_FORK=1 to render everything in this process. The forked process ignores Ctrl-C (this one stops it)
    and dies with this one. The heap of the analyses is frozen meanwhile (``frozen_heap``)."""
    with frozen_heap():
        _render_all(tmp, c, formats, paper, guard)


def _render_all(tmp: Path, c: Comparison, formats: Sequence[Format], paper: str, guard: InterruptGuard) -> None:
    pdf_name = FILE_NAMES[Format.pdf]
    parallel = Format.pdf in formats and len(set(formats)) > 1 and _can_fork()
    drawn = None
    if parallel and Format.html in formats:  # both processes save the charts: drawn once, before they part
        from framing.report import charts as charts_mod

        try:
            drawn = charts_mod.figures(c)
        except Exception:  # noqa: BLE001 - each renderer then draws its own and reports what fails
            drawn = None
        guard.check()
    files = render_files(c, formats, paper=paper, split_charts=parallel, drawn=drawn)
    if not parallel:
        for name, render in files.items():
            _render(name, render, tmp)
            guard.check()
        return
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    parent_pid = os.getpid()

    def child() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        die_with_parent(parent_pid)
        try:
            _render(pdf_name, files[pdf_name], tmp)
            send.send(None)
        except BaseException as exc:  # reported to the parent, which raises it
            message = str(exc) if isinstance(exc, OutputError) else f"could not render {pdf_name}: {type(exc).__name__}: {exc}"
            send.send(message[:500])

    proc = ctx.Process(target=child, daemon=True)
    with guard.deferred():  # a process half started could not be stopped
        proc.start()
    send.close()  # the child holds its own copy; the parent only reads
    try:
        for name, render in files.items():
            if name != pdf_name:
                _render(name, render, tmp)
                guard.check()
        # Read the child's one message before joining it (a writer blocked on a full pipe would
        # never exit); a child that died without a word closes the pipe (EOFError).
        from multiprocessing.connection import wait

        wait([receive, proc.sentinel], timeout=_PDF_TIMEOUT)
        guard.check()
        try:
            error = receive.recv() if receive.poll() else f"could not render {pdf_name}: the renderer did not finish"
        except EOFError:
            error = f"could not render {pdf_name}: the renderer stopped"
        proc.join(timeout=5)
        if proc.is_alive():
            proc.terminate()
            proc.join()
    except BaseException:
        with guard.deferred():
            proc.terminate()
            proc.join()
        raise
    finally:
        receive.close()
    if error is not None:
        raise OutputError(error)
