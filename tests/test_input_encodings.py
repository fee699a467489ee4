"""Decoding: cp1252 byte by byte (an undefined byte does not turn the file into latin-1), and
UTF-16/UTF-32 without a byte-order mark detected instead of refused as binary."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.article import decode_bytes, read_article
from framing.errors import BinaryInput

SAMPLE = Path(__file__).parent / "fixtures" / "000_8326348c89f63b57.txt"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
CP1252_UNDEFINED = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
CURLY = "“”‘’"


@pytest.mark.parametrize("byte", CP1252_UNDEFINED)
def test_one_undefined_byte_keeps_the_file_cp1252(byte: int) -> None:
    data = SAMPLE_TEXT.encode("cp1252") + bytes([byte]) + b"\n"
    text, encoding, warnings = decode_bytes(data)
    assert encoding == "cp1252"
    assert text == SAMPLE_TEXT + "\ufffd\n"
    assert sum(text.count(c) for c in CURLY) == sum(SAMPLE_TEXT.count(c) for c in CURLY) > 40
    assert warnings == [
        "decoded as cp1252 (not valid UTF-8); 1 byte undefined in cp1252 replaced with U+FFFD"
    ]


def test_undefined_bytes_are_counted() -> None:
    text, encoding, warnings = decode_bytes(b"\x93Hi\x94 \x81\x8d\x8f\x90\x9d")
    assert (text, encoding) == ("“Hi” \ufffd\ufffd\ufffd\ufffd\ufffd", "cp1252")
    assert warnings[0].endswith("; 5 bytes undefined in cp1252 replaced with U+FFFD")


def test_undefined_byte_among_utf8_characters() -> None:
    text, encoding, warnings = decode_bytes("“Yes,” she said – twice.".encode() + b" \x81 \x93ok\x94")
    assert (text, encoding) == ("“Yes,” she said – twice. \ufffd “ok”", "utf-8")
    assert warnings == ["3 bytes not valid UTF-8 decoded as cp1252"]


def test_sample_in_cp1252_with_an_undefined_byte_keeps_its_quotes(tmp_path: Path) -> None:
    """The hardening issue's case: the sample article in cp1252, one 0x81 added, had 0 quotes."""
    from framing.analysis import analyse

    path = tmp_path / "sample-cp1252.txt"
    path.write_bytes(SAMPLE_TEXT.encode("cp1252") + b"\x81\n")
    article = read_article(path)
    assert article.text == SAMPLE_TEXT + "\ufffd\n"
    assert analyse(path).scores.sourcing.value("direct_quotes") == 23
    assert analyse(SAMPLE).scores.sourcing.value("direct_quotes") == 23


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_encodings_without_a_byte_order_mark(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(SAMPLE_TEXT.encode(codec))
    article = read_article(path)
    assert article.text == SAMPLE_TEXT
    assert article.encoding == codec
    assert f"decoded as {codec} (no byte-order mark; detected)" in article.warnings
    assert article.headline is not None and article.headline.text.startswith("Netanyahu:")


def test_wide_encoding_of_non_latin_text_without_a_mark() -> None:
    text = "新华社北京电 国务院总理今天在北京会见了来访的代表团。\n双方就共同关心的问题交换了意见。\n" * 20
    decoded, encoding, _ = decode_bytes(text.encode("utf-16-le"))
    assert (decoded, encoding) == (text, "utf-16-le")


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-8-sig"])
def test_byte_order_marks_name_the_encoding(codec: str) -> None:
    text, encoding, warnings = decode_bytes(SAMPLE_TEXT.encode(codec))
    assert text == SAMPLE_TEXT
    assert encoding == codec.removesuffix("-sig")
    assert warnings == []


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"\x00\x01\x02\x03binary\x00" * 20,
        SAMPLE_TEXT.encode() + b"\x00" * 20_000,  # text, then NUL padding
        b"\x00" * 5_000,
        SAMPLE_TEXT.encode("utf-16-le")[:4000] + b"\x00\x00" + SAMPLE_TEXT.encode("utf-16-le")[4000:],
    ],
)
def test_data_with_nuls_that_is_not_wide_text_is_binary(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(data)
    with pytest.raises(BinaryInput, match="data.txt: looks like a binary file"):
        read_article(path)
