"""One binary rule for the whole input (a NUL anywhere; controls over 10% of all characters), and
a size limit on the bytes read (the size on disk), whatever the encoding."""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import pytest

from framing.article import article_from_text, read_article
from framing.errors import BinaryInput, TooLarge
from framing.settings import Settings

SAMPLE = Path(__file__).parent / "fixtures" / "000_8326348c89f63b57.txt"
SAMPLE_BYTES = SAMPLE.read_bytes()


# --- binary -------------------------------------------------------------------------------------


def test_nuls_after_the_first_8_kb_are_binary(tmp_path: Path) -> None:
    """The hardening issue's case: 94% NULs after some text was analysed."""
    path = tmp_path / "padded.txt"
    text = SAMPLE_BYTES * 2  # over 8 KB of text first
    assert len(text) > 8192
    nuls = len(text) * 16
    path.write_bytes(text + b"\x00" * nuls)
    with pytest.raises(BinaryInput, match=rf"padded\.txt: looks like a binary file \({nuls:,} NUL characters\)"):
        read_article(path)


def test_one_nul_at_the_end_of_a_long_file_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "late.txt"
    path.write_bytes(SAMPLE_BYTES * 20 + b"\x00")
    with pytest.raises(BinaryInput, match=r"\(1 NUL character\)"):
        read_article(path)


def test_nul_in_text_given_in_memory_is_binary() -> None:
    with pytest.raises(BinaryInput, match="<text>: looks like a binary file"):
        article_from_text("Bridge to reopen\nOfficials said so\x00 on Monday.")


def test_nul_characters_in_utf16_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    text = SAMPLE_BYTES.decode("utf-8")
    path.write_bytes((text + "\x00" * 10).encode("utf-16"))
    with pytest.raises(BinaryInput, match=r"\(10 NUL characters\)"):
        read_article(path)


def test_binary_check_is_cheap_on_a_large_input(tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    path.write_bytes(SAMPLE_BYTES * 400 + b"\x00")  # about 1.8 MB, the NUL at the very end
    start = time.perf_counter()
    with pytest.raises(BinaryInput):
        read_article(path)
    assert time.perf_counter() - start < 2.0


# --- size ---------------------------------------------------------------------------------------


def test_limit_is_on_the_size_on_disk_not_the_utf8_size(tmp_path: Path) -> None:
    """The hardening issue's case: a UTF-16 file under the limit was refused with its UTF-8 size
    ("2,666,008 bytes" for a 1.89 MB file)."""
    text = "Bridge reopens\n" + "新华社北京电国务院总理今天会见了代表团。" * 50 + "\n"
    data = text.encode("utf-16")
    assert len(data) <= 2_200 < len(text.encode("utf-8"))
    path = tmp_path / "wide.txt"
    path.write_bytes(data)
    article = read_article(path, settings=Settings(max_bytes=2_200))
    assert article.text == text


def test_over_the_limit_names_the_size_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(SAMPLE_BYTES.decode("utf-8").encode("utf-16"))
    size = path.stat().st_size
    with pytest.raises(TooLarge, match=rf"^.*wide\.txt: {size:,} bytes is over the limit of 5,000 bytes \(settings\.max_bytes\)$"):
        read_article(path, settings=Settings(max_bytes=5_000))


def test_stdin_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(b"x" * 5_000)

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    with pytest.raises(TooLarge, match=r"^<stdin>: more than 1,000 bytes, over the limit \(settings\.max_bytes\)$"):
        read_article("-", settings=Settings(max_bytes=1_000))


def test_text_in_memory_is_measured_in_utf8() -> None:
    with pytest.raises(TooLarge, match=r"^<text>: 3,000 bytes as UTF-8 is over the limit of 2,000 bytes"):
        article_from_text("é" * 1_500, settings=Settings(max_bytes=2_000))
    assert article_from_text("é" * 1_000, settings=Settings(max_bytes=2_000)).text == "é" * 1_000
