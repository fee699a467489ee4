"""Rows -> Parquet or CSV, written in batches as they come (pyarrow), so memory stays flat.

The schema is fixed by the first row that has scores: text columns are strings, ``words`` is an
integer, every score (``family.metric``) is a float64 (counts are whole numbers). A run that is
interrupted still leaves a readable file: ``close()`` writes the Parquet footer.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from framing.errors import OutputError

BATCH_ROWS = 500
INT_COLUMNS = frozenset({"words"})


def output_format(path: str | os.PathLike[str]) -> str:
    """``parquet`` or ``csv``, from the file's extension."""
    suffix = Path(path).suffix.lower()
    if suffix in (".parquet", ".pq"):
        return "parquet"
    if suffix == ".csv":
        return "csv"
    raise OutputError(f"{os.fspath(path)}: the output must end in .parquet or .csv")


def sidecar(out: str | os.PathLike[str], suffix: str) -> Path:
    """``results.parquet`` -> ``results.errors.csv`` (``suffix=".errors.csv"``)."""
    p = Path(out)
    return p.with_name(p.stem + suffix)


class RowWriter:
    """Buffers rows and appends them to a Parquet or CSV file (or, with no path, to memory)."""

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
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self.path.unlink(missing_ok=True)
            except OSError as exc:
                raise OutputError(f"{self.path}: cannot write: {exc.strerror or exc}") from exc

    def add(self, row: dict[str, Any]) -> None:
        if self._scores is None and row.get("status") == "ok":
            self._scores = [k for k in row if "." in k and k not in self.leading]
        self._buffer.append(row)
        if len(self._buffer) >= self.batch_rows and self._scores is not None:
            self.flush()

    def flush(self) -> None:
        if not self._buffer:
            return
        import pyarrow as pa

        if self._schema is None:
            self._schema = self._make_schema(pa)
        table = pa.Table.from_pylist(self._buffer, schema=self._schema)
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
        try:
            if self._writer is None:
                if self.fmt == "parquet":
                    import pyarrow.parquet as pq

                    self._writer = pq.ParquetWriter(self.path, table.schema, compression="zstd")
                else:
                    import pyarrow.csv as pacsv

                    self._writer = pacsv.CSVWriter(self.path, table.schema)
            self._writer.write_table(table)
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write: {exc}") from exc

    def close(self) -> None:
        """Write what is buffered and finish the file (also after an interruption)."""
        try:
            self.flush()
            if self._writer is None and self.fmt != "memory" and self.path is not None:
                self._write(self._empty())
        finally:
            if self._writer is not None:
                self._writer.close()
                self._writer = None

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
    """``FILE.errors.csv``: one line per failed article (file, error type, message), written as it goes."""

    COLUMNS = ("file", "error_type", "error")

    def __init__(self, path: str | os.PathLike[str] | None):
        self.path = Path(path) if path is not None else None
        self.count = 0
        self._fh: Any = None
        self._csv: Any = None
        if self.path is not None:
            self.path.unlink(missing_ok=True)  # a stale list from an earlier run would mislead

    def add(self, file: str, error_type: str, message: str) -> None:
        self.count += 1
        if self.path is None:
            return
        if self._fh is None:
            self._fh = open(self.path, "w", newline="", encoding="utf-8")  # noqa: SIM115
            self._csv = csv.writer(self._fh)
            self._csv.writerow(self.COLUMNS)
        self._csv.writerow((file, error_type, message))
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
