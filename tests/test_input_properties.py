"""Properties of the input layer for any text and any bytes (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.article import article_from_text, decode_bytes
from framing.article.checks import CONTROL
from framing.errors import EmptyArticle, InputError
from framing.model import Article
from framing.settings import Settings

# Characters the input layer treats specially, mixed into arbitrary text.
SPECIAL = st.sampled_from(
    list("\n\r\t \ufeff\u00a0\u2028\"'“”‘’«»–—-.!?:;,#*_[]()<>`~|\\")
    + ["\r\n", "By ", "— ", "Report from "]
)
WORDS = st.sampled_from(["Jane", "Doe", "the", "said", "Bridge", "Tuesday", "and", "Reuters", "in"])
# Runs of marks without spaces and Markdown openers of issue 14 (items 5 and 7), kept short for CI.
RUNS = st.builds(
    lambda mark, n: mark * n,
    st.sampled_from(['"', "“", "(", ")", "…", "`", "*", "_", "[", "![", "&amp;", "<!--", "<", ">", "\\", "|", '"(']),
    st.integers(min_value=2, max_value=300),
)
TEXTS = st.lists(st.one_of(st.text(), SPECIAL, WORDS, RUNS), max_size=40).map("".join)
HTML_PIECES = st.sampled_from(
    "<p> </p> <html> <body> <title> </title> <script> </script> <!-- --> <div> &amp; <br/>".split()
    + ['<meta name="author" content="Jane Doe">', "<style>", "<p ", '<div a="1" b=2 c>', "<?xml version='1.0'?>"]
)
SETTINGS = st.builds(Settings, detect_headline=st.booleans(), detect_byline=st.booleans())


def check_article(article: Article) -> None:
    """Spans are in bounds, equal their slice of the text, and body paragraphs are in order,
    disjoint, and clear of the headline and byline."""
    text = article.text
    assert article.body, "an article always has a body"
    others = [s for s in (article.headline, article.byline) if s is not None]
    for span in [*others, *article.body]:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip()
    for left, right in zip(article.body, article.body[1:], strict=False):
        assert left.end <= right.start
    for other in others:
        for paragraph in article.body:
            assert paragraph.end <= other.start or other.end <= paragraph.start
    if article.headline and article.byline:
        assert article.headline.end <= article.byline.start
    assert "\r" not in text
    # no control character or lone surrogate reaches a renderer, in the text or the metadata
    for value in (text, article.author, article.date, article.url, article.name):
        if value is not None:
            assert not CONTROL.search(value), value
            value.encode("utf-8")  # strict: raises on a lone surrogate


@given(TEXTS, SETTINGS)
def test_any_text_gives_an_article_or_an_input_error(text: str, settings: Settings) -> None:
    try:
        article = article_from_text(text, settings=settings)
    except (EmptyArticle, InputError):
        return
    check_article(article)
    assert not article.text.startswith("\ufeff")  # a leading byte-order mark is removed


@given(TEXTS)
def test_any_markdown_gives_an_article_or_an_input_error(text: str) -> None:
    try:
        article = article_from_text(text, fmt="markdown")
    except (EmptyArticle, InputError):
        return
    check_article(article)
    assert article.fmt == "markdown"


@settings(max_examples=40, deadline=None)  # the first call imports trafilatura
@given(st.lists(st.one_of(TEXTS, HTML_PIECES), max_size=30).map("".join))
def test_any_html_gives_an_article_or_an_input_error(markup: str) -> None:
    try:
        article = article_from_text(markup, fmt="html")
    except (EmptyArticle, InputError):
        return
    check_article(article)
    assert article.fmt == "html"


@given(st.text().filter(lambda t: t.lstrip("\ufeff").strip() != ""))
def test_whitespace_only_is_the_only_empty_text(text: str) -> None:
    """Text with a visible character after the byte-order mark is never refused as empty."""
    try:
        article_from_text(text)
    except EmptyArticle as exc:
        raise AssertionError(f"refused as empty: {text!r}") from exc
    except InputError:
        pass


@given(st.binary())
def test_decode_bytes_never_raises(data: bytes) -> None:
    text, encoding, warnings = decode_bytes(data)
    assert isinstance(text, str)
    assert encoding in {
        "utf-8", "utf-16", "utf-32", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "cp1252"
    }
    assert "\r" not in text
    assert all(isinstance(w, str) and "\n" not in w for w in warnings)


@given(st.text().filter(lambda t: "\x00" not in t))
def test_utf8_round_trip(text: str) -> None:
    """UTF-8 without NULs comes back as it was (data with NULs is binary, or UTF-16/32 without a
    byte-order mark: test_input_encodings.py)."""
    expected = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert decode_bytes(text.encode("utf-8")) == (expected, "utf-8", [])


@given(st.text(alphabet="abc XYZ.\n“”‘’–—…€£°"))
def test_cp1252_round_trip(text: str) -> None:
    """Text that cp1252 can encode comes back unchanged, curly quotes and dashes included.

    (Letters such as "é" are UTF-8 lead bytes in cp1252; "é““" is also valid UTF-8, so they are
    left out of this alphabet.)
    """
    data = text.encode("cp1252")
    decoded, _, _ = decode_bytes(data)
    assert decoded == text
