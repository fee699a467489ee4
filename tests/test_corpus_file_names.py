"""Corpus mode with file names that are not UTF-8: stored and shown escaped (``caf\\xff.txt``), never
a crash of the Parquet/CSV writer (a POSIX file name is bytes, not text)."""

from __future__ import annotations

import csv
import os
import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from framing.cli import app
from framing.printable import display_name

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")

ARTICLE = (
    "Council approves the bridge budget\nBy Dana Reyes\n\n"
    "The city council approved the budget for the bridge on Monday, officials said.\n\n"
    "“We have listened to the residents,” Mayor Tom Hale said.\n"
)


def _bytes_file(folder: Path, name: bytes, data: bytes) -> None:
    try:
        with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
            fh.write(data)
    except OSError as exc:  # a file system that only takes UTF-8 names
        pytest.skip(f"cannot create a non-UTF-8 file name here: {exc}")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "arts"
    root.mkdir()
    (root / "plain.txt").write_text(ARTICLE, encoding="utf-8")
    _bytes_file(root, b"caf\xff.txt", ARTICLE.replace("Monday", "Tuesday").encode())
    _bytes_file(root, b"vide\xfe.txt", b"   \n")  # fails: empty
    os.mkdir(os.path.join(os.fsencode(root), b"dossier\xe9"))
    _bytes_file(root / os.fsdecode(b"dossier\xe9"), b"inner.txt", ARTICLE.encode())
    return root


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_non_utf8_names_are_stored_escaped_and_the_run_completes(corpus: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"r{suffix}"
    r = CliRunner().invoke(app, ["corpus", str(corpus), "--out", str(out), "--workers", "1"])
    assert r.exit_code == 2, r.output  # the empty file is an input failure; nothing else failed
    df = pd.read_parquet(out) if suffix == ".parquet" else pd.read_csv(out)
    assert sorted(df["name"]) == ["caf\\xff.txt", "inner.txt", "plain.txt", "vide\\xfe.txt"]
    by_name = df.set_index("name")
    assert by_name.loc["caf\\xff.txt", "status"] == "ok"
    assert by_name.loc["caf\\xff.txt", "file"] == f"{corpus}/caf\\xff.txt"
    assert by_name.loc["inner.txt", "folder"] == "dossier\\xe9"
    assert by_name.loc["vide\\xfe.txt", "error_type"] == "EmptyArticle"
    assert "vide\\xfe.txt" in by_name.loc["vide\\xfe.txt", "error"]
    with open(tmp_path / "r.errors.csv", encoding="utf-8", newline="") as fh:  # strict UTF-8
        rows = list(csv.reader(fh))
    assert rows[1][0] == f"{corpus}/vide\\xfe.txt" and "vide\\xfe.txt" in rows[1][2]
    assert "failed: " in r.stderr and "vide\\xfe.txt" in r.stderr and "\udcfe" not in r.stderr


def test_meta_matches_the_display_name(corpus: Path, tmp_path: Path) -> None:
    meta = tmp_path / "meta.csv"
    meta.write_text("file,outlet\ncaf\\xff.txt,Wire\nplain.txt,Views\n", encoding="utf-8")
    from framing.corpus import score_corpus

    df = score_corpus(corpus, meta=meta, workers=1)
    assert df.set_index("name").loc["caf\\xff.txt", "outlet"] == "Wire"


def test_a_non_utf8_argument_in_an_error_message_is_escaped(tmp_path: Path) -> None:
    missing = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"nul\xff.txt"))
    r = CliRunner().invoke(app, ["corpus", missing, "--out", str(tmp_path / "r.parquet")])
    assert r.exit_code == 2
    assert "nul\\xff.txt: no such file or folder" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def _unescape(shown: str) -> bytes:
    """The bytes back from the shown form: ``\\xNN`` and the control escapes ``\\uNNNN``, ``\\n``, ``\\t``, ``\\r``."""
    controls = {b"n": b"\n", b"t": b"\t", b"r": b"\r"}
    def one(m: re.Match[bytes]) -> bytes:
        if m[1]:
            return bytes([int(m[1], 16)])
        if m[2]:
            return chr(int(m[2], 16)).encode("utf-8")
        return controls[m[3]]

    return re.sub(rb"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|([ntr]))", one, shown.encode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\0" not in b and b"\\" not in b))
def test_display_name_is_utf8_and_lossless(raw: bytes) -> None:
    shown = display_name(os.fsdecode(raw))
    shown.encode("utf-8")  # no surrogates left
    assert _unescape(shown) == raw
    assert display_name(shown) == shown  # valid text is left as it is


def test_display_name_matches_the_prescribed_form() -> None:
    name = os.fsdecode(b"caf\xff.txt")
    assert display_name(name) == "caf\\xff.txt" == name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    assert display_name("café.txt") == "café.txt"
    assert display_name("odd\ud800.txt") == "odd\\ud800.txt"  # not from a file system, still valid UTF-8 out
