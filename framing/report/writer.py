"""Write a report folder atomically: every file is rendered into a temporary folder next to the
output folder, then renamed into place; on any failure the temporary files are removed, so no
half-written report is ever left. File names are fixed (report.pdf, ...); article names never
become paths, so nothing is written outside the output folder.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path

from framing.compare.comparison import Comparison
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
    c: Comparison, formats: Sequence[Format], *, paper: str = "a4", split_charts: bool = False
) -> dict[str, Callable[[], bytes]]:
    """File name -> a function that renders it. Charts are drawn once and shared by the HTML
    (SVG) and the PDF (vector pages); with ``split_charts`` each draws only its own kind, for
    when the two are rendered in separate processes."""
    from framing.report import charts as charts_mod

    want = set(formats)
    cache: dict[str, charts_mod.ChartSet] = {}

    def chart_set(kind: str) -> charts_mod.ChartSet:
        key = kind if split_charts else "both"
        if key not in cache:
            svg = Format.html in want and kind in ("svg", "both") if split_charts else Format.html in want
            vector = Format.pdf in want and kind in ("pdf", "both") if split_charts else Format.pdf in want
            cache[key] = charts_mod.render(c, svg=svg, pdf=vector)
        return cache[key]

    def html() -> bytes:
        from framing.report.html import render_html

        return render_html(c, chart_set("svg")).encode("utf-8")

    def pdf() -> bytes:
        from framing.report.pdf import render_pdf

        return render_pdf(c, chart_set("pdf"), paper=paper)

    def png() -> bytes:
        from framing.report.png import render_png

        return render_png(c)

    def js() -> bytes:
        return (json.dumps(c.as_dict(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")

    def csv() -> bytes:
        from framing.report.tables import render_csv

        return render_csv(c).encode("utf-8")

    fns = {Format.json: js, Format.csv: csv, Format.html: html, Format.pdf: pdf, Format.png: png}
    return {FILE_NAMES[f]: fns[f] for f in Format if f in want}


def write_report(c: Comparison, out_dir: Path, formats: Sequence[Format], *, paper: str = "a4") -> list[Path]:
    """Render every format, then move the files into ``out_dir``; returns the paths written."""
    out_dir = Path(out_dir)
    parent = out_dir.parent
    created_out = not out_dir.exists()
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {parent}: {exc.strerror or exc}") from exc
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir} exists and is not a folder")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name[:40]}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise OutputError(f"cannot write in {parent}: {exc.strerror or exc}") from exc
    written: list[Path] = []
    try:
        _render_into(tmp, c, formats, paper)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in (p.name for p in sorted(tmp.iterdir())):
            target = out_dir / name
            os.replace(tmp / name, target)
            written.append(target)
        # a report file of an earlier run in a format not asked for now would not match the rest
        for name in set(FILE_NAMES.values()) - {p.name for p in written}:
            (out_dir / name).unlink(missing_ok=True)
    except BaseException as exc:
        if created_out and out_dir.exists():
            shutil.rmtree(out_dir, ignore_errors=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write the report to {out_dir}: {exc.strerror or exc}") from exc
        raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    order = list(FILE_NAMES.values())
    return sorted(written, key=lambda p: order.index(p.name))


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


def _render_into(tmp: Path, c: Comparison, formats: Sequence[Format], paper: str) -> None:
    """Render every file into ``tmp``. The PDF, the slowest, is laid out in a forked process
    while this one draws the others (the machine's second core); set FRAMING_NO_FORK=1 to
    render everything in this process."""
    pdf_name = FILE_NAMES[Format.pdf]
    parallel = Format.pdf in formats and len(set(formats)) > 1 and _can_fork()
    files = render_files(c, formats, paper=paper, split_charts=parallel)
    if not parallel:
        for name, render in files.items():
            _render(name, render, tmp)
        return
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        try:
            _render(pdf_name, files[pdf_name], tmp)
            send.send(None)
        except BaseException as exc:  # reported to the parent, which raises it
            message = str(exc) if isinstance(exc, OutputError) else f"could not render {pdf_name}: {type(exc).__name__}: {exc}"
            send.send(message[:500])

    proc = ctx.Process(target=child, daemon=True)
    proc.start()
    send.close()  # the child holds its own copy; the parent only reads
    try:
        for name, render in files.items():
            if name != pdf_name:
                _render(name, render, tmp)
        # Read the child's one message before joining it (a writer blocked on a full pipe would
        # never exit); a child that died without a word closes the pipe (EOFError).
        from multiprocessing.connection import wait

        wait([receive, proc.sentinel], timeout=_PDF_TIMEOUT)
        try:
            error = receive.recv() if receive.poll() else f"could not render {pdf_name}: the renderer did not finish"
        except EOFError:
            error = f"could not render {pdf_name}: the renderer stopped"
        proc.join(timeout=5)
        if proc.is_alive():
            proc.terminate()
            proc.join()
    except BaseException:
        proc.terminate()
        proc.join()
        raise
    finally:
        receive.close()
    if error is not None:
        raise OutputError(error)
