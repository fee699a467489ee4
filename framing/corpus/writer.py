"""Rows -> Parquet or CSV, written in batches as they come (pyarrow), so memory stays flat.

The schema is fixed by the first row that has scores: text columns are strings, ``words`` is an
integer, every score (``family.metric``) is a float64 (counts are whole numbers).

Nothing is written over an earlier output until a run is complete: rows go to a temporary file
beside the output (``.NAME.PID.XXXX.tmp``), which ``commit()`` closes (Parquet footer), flushes to
disk and moves over the output with ``os.replace`` (atomic). A run that fails, is interrupted or
killed leaves the earlier output and its errors file as they were; the temporary file of a killed
run is removed by the next run. The scored rows are kept in the cache, so the next run resumes.
"""

from __future__ import annotations

import contextlib
import csv
import glob
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from framing.errors import OutputError
from framing.printable import csv_safe_cell, display_name

BATCH_ROWS = 500
INT_COLUMNS = frozenset({"words"})


def output_format(path: str | os.PathLike[str]) -> str:
    """``parquet`` or ``csv``, from the file's extension."""
    suffix = Path(path).suffix.lower()
    if suffix in (".parquet", ".pq"):
        return "parquet"
    if suffix == ".csv":
        return "csv"
    raise OutputError(f"{display_name(os.fspath(path))}: the output must end in .parquet or .csv")


def sidecar(out: str | os.PathLike[str], suffix: str) -> Path:
    """``results.parquet`` -> ``results.errors.csv`` (``suffix=".errors.csv"``)."""
    p = Path(out)
    return p.with_name(p.stem + suffix)


def check_output(path: str | os.PathLike[str]) -> None:
    """Refuse an output that cannot be written, before any work: its folder is created (as
    ``compare --out`` does) and a file is created in it and removed again."""
    p = Path(path)
    shown = display_name(os.fspath(p))
    if p.is_dir():
        raise OutputError(f"{shown} is a folder, not a file")
    parent = p.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {display_name(os.fspath(parent))}: {exc.strerror or exc}") from exc
    try:
        fd, probe = tempfile.mkstemp(prefix=_temp_prefix(p), suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(f"cannot write in {display_name(os.fspath(parent))}: {exc.strerror or exc}") from exc
    os.close(fd)
    os.unlink(probe)


def _temp_prefix(target: Path) -> str:
    return f".{target.name}.{os.getpid()}."


def _remove_stale_temps(target: Path) -> None:
    """Remove the temporary files that killed runs left beside ``target`` (their process is gone)."""
    for leftover in glob.glob(os.path.join(glob.escape(os.fspath(target.parent)), f".{glob.escape(target.name)}.*.tmp")):
        pid = Path(leftover).name[len(target.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(leftover)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


class _TempFile:
    """A temporary file beside ``target``, moved over it by ``commit`` or removed by ``discard``."""

    def __init__(self, target: Path):
        self.target = target
        _remove_stale_temps(target)
        try:
            fd, name = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=".tmp", dir=target.parent)
        except OSError as exc:
            raise OutputError(f"{display_name(os.fspath(target))}: cannot write: {exc.strerror or exc}") from exc
        os.close(fd)
        self.path = Path(name)

    def commit(self) -> None:
        """Flush the finished file to disk and move it over the target."""
        try:
            fd = os.open(self.path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(self.path, self.target)
        except OSError as exc:
            self.discard()
            raise OutputError(f"{display_name(os.fspath(self.target))}: cannot write: {exc.strerror or exc}") from exc

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()


class RowWriter:
    """Buffers rows and appends them to a Parquet or CSV file (or, with no path, to memory).

    The file is written under a temporary name; ``commit()`` puts it in place, ``discard()``
    removes it (the earlier output stays). Text cells are stored as valid UTF-8
    (``display_name``); in CSV, cells that a spreadsheet would run as formulas are neutralised
    (``csv_safe_cell``).
    """

    def __init__(self, path: str | os.PathLike[str] | None, leading: Sequence[str], batch_rows: int = BATCH_ROWS):
        self.path = Path(path) if path is not None else None
        self.fmt = output_format(path) if path is not None else "memory"
        self.leading = list(leading)  # the columns before the scores, in order
        self.batch_rows = batch_rows
        self.rows_written = 0
        self._buffer: list[dict[str, Any]] = []
        self._scores: list[str] | None = None
        self._schema: Any = None
        self._writer: Any = None
        self._tables: list[Any] = []  # memory mode
        self._header: list[str] = []  # CSV: the column names as written
        self._temp: _TempFile | None = None
        if self.path is not None:
            check_output(self.path)
            self._temp = _TempFile(self.path)

    def add(self, row: dict[str, Any]) -> None:
        if self._scores is None and row.get("status") == "ok":
            self._scores = [k for k in row if "." in k and k not in self.leading]
        self._buffer.append({k: display_name(v) if isinstance(v, str) else v for k, v in row.items()})
        if len(self._buffer) >= self.batch_rows and self._scores is not None:
            self.flush()

    def flush(self) -> None:
        if not self._buffer:
            return
        import pyarrow as pa

        if self._schema is None:
            self._schema = self._make_schema(pa)
        rows = self._buffer
        if self.fmt == "csv":
            rows = [{k: csv_safe_cell(v) for k, v in r.items()} for r in rows]
        table = pa.Table.from_pylist(rows, schema=self._schema)
        self._write(table)
        self.rows_written += len(self._buffer)
        self._buffer = []

    def _make_schema(self, pa: Any) -> Any:
        fields = [pa.field(c, pa.int64() if c in INT_COLUMNS else pa.string()) for c in self.leading]
        fields += [pa.field(c, pa.float64()) for c in self._scores or ()]
        return pa.schema(fields)

    def _write(self, table: Any) -> None:
        if self.fmt == "memory":
            self._tables.append(table)
            return
        assert self._temp is not None
        try:
            if self._writer is None:
                if self.fmt == "parquet":
                    import pyarrow.parquet as pq

                    self._writer = pq.ParquetWriter(self._temp.path, table.schema, compression="zstd")
                else:
                    import pyarrow.csv as pacsv

                    # the header too: a --meta column may be named "=..."
                    self._header = [csv_safe_cell(name) for name in table.schema.names]
                    self._writer = pacsv.CSVWriter(self._temp.path, table.rename_columns(self._header).schema)
            if self.fmt == "csv":
                table = table.rename_columns(self._header)
            self._writer.write_table(table)
        except OSError as exc:
            raise OutputError(f"{display_name(os.fspath(self.path or ''))}: cannot write: {exc}") from exc

    def _finish(self) -> None:
        """Write what is buffered and close the file (the Parquet footer)."""
        try:
            self.flush()
            if self._writer is None and self.fmt != "memory":
                self._write(self._empty())
        finally:
            if self._writer is not None:
                self._writer.close()
                self._writer = None

    def commit(self) -> None:
        """Finish the file and put it in place of the output (atomically)."""
        if self._temp is None:
            self.flush()
            return
        try:
            self._finish()
            self._temp.commit()
        except BaseException:
            self._temp.discard()
            raise
        self._temp = None

    def discard(self) -> None:
        """Drop what was written: the earlier output, if any, stays as it was."""
        self._buffer = []
        try:
            if self._writer is not None:
                with contextlib.suppress(Exception):
                    self._writer.close()
                self._writer = None
        finally:
            if self._temp is not None:
                self._temp.discard()
                self._temp = None

    def _empty(self) -> Any:
        import pyarrow as pa

        if self._schema is None:
            self._schema = self._make_schema(pa)
        return self._schema.empty_table()

    def to_pandas(self) -> Any:
        """Memory mode: every row as a DataFrame (the same dtypes as a Parquet file read back)."""
        import pyarrow as pa

        self.flush()
        tables = self._tables or [self._empty()]
        if self._schema is not None:
            tables = [t.cast(self._schema) if t.schema != self._schema else t for t in tables]
        return pa.concat_tables(tables).to_pandas()


class ErrorsFile:
    """``FILE.errors.csv``: one line per failed article (file, error type, message).

    Written to a temporary file as it goes; ``commit()`` puts it in place (or removes the errors
    file of an earlier run when nothing failed: a stale list would mislead), ``discard()`` leaves
    the earlier one. Cells are safe for spreadsheets (``csv_safe_cell``).
    """

    COLUMNS = ("file", "error_type", "error")

    def __init__(self, path: str | os.PathLike[str] | None):
        self.path = Path(path) if path is not None else None
        self.count = 0
        self._fh: Any = None
        self._csv: Any = None
        self._temp: _TempFile | None = None
        if self.path is not None:
            check_output(self.path)
            _remove_stale_temps(self.path)

    def add(self, file: str, error_type: str, message: str) -> None:
        self.count += 1
        if self.path is None:
            return
        if self._fh is None:
            self._temp = _TempFile(self.path)
            self._fh = open(self._temp.path, "w", newline="", encoding="utf-8")  # noqa: SIM115
            self._csv = csv.writer(self._fh)
            self._csv.writerow(self.COLUMNS)
        self._csv.writerow([csv_safe_cell(display_name(c)) for c in (file, error_type, message)])

    def _close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def commit(self) -> None:
        self._close()
        if self._temp is not None:
            self._temp.commit()
            self._temp = None
        elif self.path is not None:
            try:
                self.path.unlink(missing_ok=True)
            except OSError as exc:
                raise OutputError(f"{display_name(os.fspath(self.path))}: cannot remove: {exc.strerror or exc}") from exc

    def discard(self) -> None:
        try:
            self._close()
        finally:
            if self._temp is not None:
                self._temp.discard()
                self._temp = None
