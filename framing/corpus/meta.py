"""``--meta FILE.csv``: per-article fields (outlet, date, author ...) joined by file name."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from pathlib import Path

from framing.errors import InputError, SourceNotFound
from framing.printable import display_name

KEY_COLUMNS = ("file", "filename", "file_name", "name", "path")


@dataclass
class Meta:
    key: str  # the CSV column holding the file names
    columns: list[str]  # the other columns, renamed where they clash with an output column
    by_path: dict[str, dict[str, str]] = field(default_factory=dict)
    by_name: dict[str, dict[str, str]] = field(default_factory=dict)
    ambiguous: set[str] = field(default_factory=set)

    def lookup(self, path: str) -> dict[str, str] | None:
        """The fields for ``path``: matched by its path (as given) first, then by its file name; a
        name that is not UTF-8 is matched in its escaped form (``caf\\xff.txt``, as in the output)."""
        for p in dict.fromkeys((path, display_name(path))):
            hit = self.by_path.get(Path(p).as_posix())
            if hit is None:
                hit = self.by_name.get(os.path.basename(p))
            if hit is not None:
                return hit
        return None


def read_meta(path: str | os.PathLike[str], reserved: set[str]) -> Meta:
    """Read the CSV. The key column is the first of file, filename, name, path (any case), else the
    first column; a value is matched against the article's path, or else its file name."""
    p = Path(path)
    if not p.is_file():
        raise SourceNotFound(f"{p}: no such meta file")
    try:
        with open(p, newline="", encoding="utf-8-sig") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if not header:
                raise InputError(f"{p}: the meta file is empty")
            lowered = [h.strip().lower() for h in header]
            key_i = next((lowered.index(k) for k in KEY_COLUMNS if k in lowered), 0)
            names = [h.strip() for h in header]
            out_names = [f"meta.{n}" if n in reserved else n for n in names]
            columns = [n for i, n in enumerate(out_names) if i != key_i]
            meta = Meta(key=names[key_i], columns=columns)
            for line_no, row in enumerate(reader, start=2):
                if not row or not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(names):
                    raise InputError(f"{p}:{line_no}: {len(row)} fields where the header has {len(names)}")
                fields = {n: row[i] for i, n in enumerate(out_names) if i != key_i}
                key = row[key_i].strip()
                meta.by_path[Path(key).as_posix()] = fields
                base = os.path.basename(key)
                if base in meta.by_name and meta.by_name[base] != fields:
                    meta.ambiguous.add(base)
                meta.by_name[base] = fields
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: the meta file is not UTF-8 text") from exc
    except csv.Error as exc:
        raise InputError(f"{p}: not a readable CSV file: {exc}") from exc
    for base in meta.ambiguous:  # two rows share a file name: only their full paths can match
        meta.by_name.pop(base, None)
    return meta
