"""The input layer: files, stdin and strings -> Article (decoding, formats, structure, errors)."""

from __future__ import annotations

import io
import socket
import sys
from pathlib import Path

import pytest

from framing.article import article_from_text, decode_bytes, read_article
from framing.errors import BinaryInput, EmptyArticle, InputError, SourceNotFound, TooLarge
from framing.model import Article
from framing.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
BLINKEN_VISIT = FIXTURES / "000_8326348c89f63b57.txt"
STRENGTHENING_BONDS = FIXTURES / "002_7f6faa312e2320b9.txt"

ENGLISH_BODY = (
    "Officials said on Monday that the bridge would reopen next week after repairs.\n"
    "The mayor said the work had taken longer than expected because of the weather.\n"
)


def assert_spans_consistent(article: Article) -> None:
    """Every Span is the text it claims to be, and body paragraphs are ordered and disjoint."""
    spans = [s for s in (article.headline, article.byline) if s is not None] + list(article.body)
    for span in spans:
        assert 0 <= span.start < span.end <= len(article.text)
        assert article.text[span.start : span.end] == span.text
        assert span.text == span.text.strip()
    ordered = sorted(spans, key=lambda s: s.start)
    for left, right in zip(ordered, ordered[1:], strict=False):
        assert left.end <= right.start


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any attempt to open a network connection."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the input layer must never touch the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# --- the sample articles ----------------------------------------------------------------------


def test_sample_000_headline_and_trailing_byline() -> None:
    article = read_article(BLINKEN_VISIT)
    assert article.headline is not None
    assert article.headline.text == "Netanyahu: Blinken visit sign of ‘unbreakable’ US-Israel bond"
    assert article.headline.start == 0
    assert article.byline is not None
    assert article.byline.text == "Report from Bradley Martin"
    assert article.author == "Bradley Martin"
    assert all("Bradley Martin" not in p.text for p in article.body)
    assert article.body[0].text.startswith("The U.S.-Israel relationship")
    assert article.body[-1].text.startswith("“We continue to support upholding")
    assert len(article.body) == 18
    assert article.name == "000_8326348c89f63b57.txt"
    assert (article.fmt, article.encoding, article.warnings) == ("text", "utf-8", ())
    assert_spans_consistent(article)


def test_sample_002_headline_and_no_byline() -> None:
    article = read_article(str(STRENGTHENING_BONDS))
    assert article.headline is not None
    assert article.headline.text == "Strengthening Bonds: A Renewed Emphasis on US-Israel Relations"
    assert article.byline is None
    assert article.author is None
    assert len(article.body) == 9
    assert article.body[-1].text.startswith("As we continue to navigate")
    assert article.warnings == ()
    assert_spans_consistent(article)


def test_text_is_kept_as_read() -> None:
    """Curly quotes and dashes are not normalised."""
    raw = BLINKEN_VISIT.read_text(encoding="utf-8")
    assert read_article(BLINKEN_VISIT).text == raw


# --- decoding -----------------------------------------------------------------------------------


def test_cp1252_quotes_and_dashes(tmp_path: Path) -> None:
    data = b"\x93We are ready,\x94 she said \x96 and left \x97 quickly.\n"
    text, encoding, warnings = decode_bytes(data)
    assert text == "“We are ready,” she said – and left — quickly.\n"
    assert encoding == "cp1252"
    assert warnings == ["decoded as cp1252 (not valid UTF-8)"]

    path = tmp_path / "cp1252.txt"
    path.write_bytes(data)
    article = read_article(path)
    assert article.text == text
    assert article.encoding == "cp1252"
    assert "decoded as cp1252 (not valid UTF-8)" in article.warnings


def test_byte_undefined_in_cp1252_is_replaced_alone() -> None:
    """One of the five bytes cp1252 leaves undefined becomes U+FFFD; the rest stays cp1252."""
    text, encoding, warnings = decode_bytes(b"caf\xe9 \x93x\x94 \x81")
    assert (text, encoding) == ("café “x” \ufffd", "cp1252")
    assert warnings == [
        "decoded as cp1252 (not valid UTF-8); 1 byte undefined in cp1252 replaced with U+FFFD"
    ]


def test_stray_byte_in_utf8_keeps_the_utf8_characters() -> None:
    data = "“Yes,” she said – twice.".encode() + b" \x93ok\x94"
    text, encoding, warnings = decode_bytes(data)
    assert text == "“Yes,” she said – twice. “ok”"
    assert encoding == "utf-8"
    assert warnings == ["2 bytes not valid UTF-8 decoded as cp1252"]


def test_bom_is_stripped_and_offsets_index_the_decoded_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfBridge to reopen\n" + ENGLISH_BODY.encode())
    article = read_article(path)
    assert not article.text.startswith("\ufeff")
    assert article.headline is not None
    assert (article.headline.start, article.headline.text) == (0, "Bridge to reopen")
    assert article.encoding == "utf-8"
    assert decode_bytes(b"\xef\xbb\xbfabc") == ("abc", "utf-8", [])
    assert article_from_text("\ufeffabc def").text == "abc def"


def test_utf16_with_bom() -> None:
    assert decode_bytes("“Hi” – there\r\n".encode("utf-16")) == ("“Hi” – there\n", "utf-16", [])


def test_line_endings_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Bridge to reopen\r\nOfficials said so.\r\rThe mayor agreed.\r\n")
    article = read_article(path)
    assert article.text == "Bridge to reopen\nOfficials said so.\n\nThe mayor agreed.\n"
    assert [p.text for p in article.body] == ["Officials said so.", "The mayor agreed."]
    assert article_from_text("a b\r\nc d.").text == "a b\nc d."


# --- HTML ---------------------------------------------------------------------------------------

HTML_PAGE = """<!doctype html>
<html><head>
<title>Bridge to reopen next week</title>
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-01">
<script>var tracking = "SCRIPT_TEXT";</script>
<style>p { color: red; }</style>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<p>Officials said on Monday that the bridge would reopen next week after repairs to the deck
were completed by the contractors, who had worked through the night.</p>
<p>“We are confident the work will be finished on time,” the mayor said at a news conference.</p>
</article>
<!-- a comment that is not article text -->
</body></html>
"""


def test_html_title_author_date_and_no_script(tmp_path: Path, no_network: None) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    article = read_article(path)
    assert article.fmt == "html"
    assert article.text.startswith("Bridge to reopen next week\n\nOfficials said on Monday")
    assert article.headline is not None
    assert article.headline.text == "Bridge to reopen next week"
    assert article.author == "Jane Doe"
    assert article.date == "2024-03-01"
    assert "SCRIPT_TEXT" not in article.text
    assert "color" not in article.text
    assert "comment" not in article.text
    assert [p.text[:20] for p in article.body] == ["Officials said on Mo", "“We are confident th"]
    assert_spans_consistent(article)


def test_html_title_not_repeated(no_network: None) -> None:
    page = HTML_PAGE.replace("<article>", "<article><h1>Bridge to reopen next week</h1>")
    article = article_from_text(page, fmt="html")
    assert article.text.count("Bridge to reopen next week") == 1
    assert article.headline is not None and article.headline.start == 0


def test_html_is_sniffed_without_extension(tmp_path: Path, no_network: None) -> None:
    path = tmp_path / "page"
    path.write_text(HTML_PAGE, encoding="utf-8")
    assert read_article(path).fmt == "html"
    plain = tmp_path / "notes.dat"
    plain.write_text("Bridge to reopen\n" + ENGLISH_BODY, encoding="utf-8")
    assert read_article(plain).fmt == "text"


def test_html_without_text_is_empty(no_network: None) -> None:
    with pytest.raises(EmptyArticle, match="page.html"):
        article_from_text(
            "<html><head><title>x</title><script>run()</script></head><body></body></html>",
            fmt="html",
            name="page.html",
            settings=Settings(detect_headline=False),
        )


# --- Markdown -----------------------------------------------------------------------------------

MARKDOWN = """---
title: "Bridge to reopen"
author: Jane Doe
date: 2024-03-01
---

# Bridge to reopen

<!-- editor: check the date -->
Officials said on **Monday** that the [bridge](https://example.com/a_(b)) would
reopen *next week*, after repairs to the _deck_.

![a photo of the bridge](bridge.png)

- first, with `code`
- second

```
fenced code
```
"""


def test_markdown_to_text(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article = read_article(path)
    assert article.fmt == "markdown"
    assert article.text == (
        "Bridge to reopen\n\n"
        "Officials said on Monday that the bridge would reopen next week, after repairs to the deck.\n\n"
        "- first, with code\n- second\n\nfenced code"
    )
    assert article.headline is not None and article.headline.text == "Bridge to reopen"
    assert (article.author, article.date) == ("Jane Doe", "2024-03-01")
    assert [p.text for p in article.body][1:] == ["- first, with code", "- second", "fenced code"]
    assert_spans_consistent(article)


def test_markdown_heading_is_headline_even_with_question_mark() -> None:
    article = article_from_text("## Why did the bridge close?\n\nIt was old.\n", fmt="md")
    assert article.headline is not None and article.headline.text == "Why did the bridge close?"
    assert [p.text for p in article.body] == ["It was old."]


# --- headline, byline, body ---------------------------------------------------------------------


def test_by_line_at_the_top() -> None:
    article = article_from_text(
        "Bridge to reopen\nBy Jane Doe and John Smith, Reuters\n" + ENGLISH_BODY
    )
    assert article.byline is not None
    assert article.byline.text == "By Jane Doe and John Smith, Reuters"
    assert article.author == "Jane Doe and John Smith"
    assert len(article.body) == 2
    assert_spans_consistent(article)


def test_by_line_without_headline() -> None:
    article = article_from_text("By Jane Doe\n" + ENGLISH_BODY)
    assert article.headline is None
    assert article.author == "Jane Doe"


@pytest.mark.parametrize(
    "line",
    ["By Tuesday, the talks had collapsed.", "By contrast, the EU said nothing", "By the numbers"],
)
def test_sentence_starting_with_by_is_not_a_byline(line: str) -> None:
    article = article_from_text("Talks collapse\n" + line + "\n" + ENGLISH_BODY)
    assert article.byline is None and article.author is None
    assert article.body[0].text == line


@pytest.mark.parametrize(
    ("last", "author"),
    [
        ("Reporting by Jane Doe in Jerusalem; Editing by Mark Heinrich", "Jane Doe"),
        ("(Reporting by Jane Doe; Editing by Mark Heinrich)", "Jane Doe"),
        ("— Bradley Martin", "Bradley Martin"),
        ("Written by Ann O’Neil", "Ann O’Neil"),
        ("Story by Ahmed al-Sharif", "Ahmed al-Sharif"),
    ],
)
def test_trailing_byline(last: str, author: str) -> None:
    article = article_from_text("Bridge to reopen\n" + ENGLISH_BODY + "The deck is new.\n" + last)
    assert article.byline is not None and article.byline.text == last
    assert article.author == author
    assert article.body[-1].text == "The deck is new."


def test_one_line_is_a_body_not_a_headline() -> None:
    article = article_from_text("Officials said the bridge would reopen")
    assert article.headline is None
    assert [p.text for p in article.body] == ["Officials said the bridge would reopen"]


@pytest.mark.parametrize(
    "first",
    [
        "The bridge will reopen.",
        "“Will the bridge reopen?”",
        "The mayor said the following:",
        "It was, he said;",
        " ".join(["word"] * 31),
    ],
)
def test_first_line_that_is_not_a_headline(first: str) -> None:
    article = article_from_text(first + "\n" + ENGLISH_BODY)
    assert article.headline is None
    assert article.body[0].text == first


def test_headline_span_excludes_whitespace() -> None:
    article = article_from_text("\n\n   Bridge to reopen  \n\n" + ENGLISH_BODY)
    assert article.headline is not None
    assert article.headline.text == "Bridge to reopen"
    assert article.text[article.headline.start : article.headline.end] == "Bridge to reopen"


def test_detection_can_be_switched_off() -> None:
    text = "Bridge to reopen\nBy Jane Doe\n" + ENGLISH_BODY
    article = article_from_text(text, settings=Settings(detect_headline=False, detect_byline=False))
    assert article.headline is None and article.byline is None
    assert len(article.body) == 4


# --- errors -------------------------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(SourceNotFound, match=r"^no such file: .*nope\.txt$"):
        read_article(missing)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n"])
def test_empty_and_whitespace_only(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyArticle, match="empty.txt"):
        read_article(path)


def test_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(BinaryInput, match="image.txt"):
        read_article(path)
    with pytest.raises(BinaryInput):
        article_from_text("\x01\x02\x03\x04 text")


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Bridge to reopen\n" + ENGLISH_BODY * 10, encoding="utf-8")
    size = path.stat().st_size
    with pytest.raises(TooLarge, match=rf"big\.txt: {size:,} bytes is over the limit of 100 bytes"):
        read_article(path, settings=Settings(max_bytes=100))
    with pytest.raises(TooLarge, match="over the limit of 100 bytes"):
        article_from_text(path.read_text(encoding="utf-8"), settings=Settings(max_bytes=100))


def test_unknown_format() -> None:
    with pytest.raises(InputError, match="unknown format"):
        article_from_text("Some text.", fmt="pdf")


def test_error_messages_are_one_line(tmp_path: Path) -> None:
    cases = [tmp_path / "missing.txt", tmp_path]
    for source in cases:
        with pytest.raises(InputError) as info:
            read_article(source)
        assert "\n" not in str(info.value)


# --- warnings and stdin -------------------------------------------------------------------------


def test_non_english_is_a_warning() -> None:
    spanish = (
        "El gobierno anunció hoy nuevas medidas económicas para combatir la inflación, "
        "según fuentes oficiales consultadas por este periódico durante la mañana del lunes "
        "en Madrid, mientras los sindicatos convocaron protestas."
    )
    article = article_from_text(spanish)
    assert any("does not look like English" in w for w in article.warnings)
    assert article.body[0].text == spanish
    assert not article_from_text(ENGLISH_BODY * 2).warnings


def test_very_long_article_warns() -> None:
    article = article_from_text("the cat sat on a mat and said it was fine " * 5_001)
    assert any("very long article" in w for w in article.warnings)


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(("Bridge to reopen\r\n" + ENGLISH_BODY).encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    article = read_article("-")
    assert article.name == "<stdin>"
    assert article.fmt == "text"
    assert article.headline is not None and article.headline.text == "Bridge to reopen"
    assert len(article.body) == 2


def test_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(b"x" * 200)

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    with pytest.raises(TooLarge, match="<stdin>"):
        read_article("-", settings=Settings(max_bytes=100))


def test_plain_text_does_not_import_trafilatura() -> None:
    """Plain-text reading stays cheap: trafilatura is imported for HTML only."""
    import subprocess

    code = (
        "import sys; from framing.article import article_from_text; "
        "article_from_text('Bridge to reopen\\nOfficials said so.'); "
        "print('trafilatura' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
