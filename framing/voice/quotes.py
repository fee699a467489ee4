"""Direct quotes: find the stretches of text inside quote marks.

Rules, in the order a reader applies them:

* Double quotes, curly (“ ”, „, « ») or straight ("), pair within a paragraph. A straight mark
  opens when it follows the start, a space, a bracket or a dash, and closes otherwise.
* A quote still open at the end of its paragraph continues into the next one when that paragraph
  opens with a quote mark (the newspaper convention for long quotes: no closing mark at the end
  of the paragraph). It is reported paragraph by paragraph (rule ``continued``).
* A quote still open otherwise is unbalanced: it is recovered locally, up to the end of its
  sentence (rule ``unclosed``), never past its paragraph, and a warning names its line.
* A closing mark with nothing open is a stray mark: ignored, with a warning.
* Warnings of one kind make one line however many there are: their count and the first lines
  (``QuoteWarnings``), so that a file of thousands of stray marks gives one warning, not
  thousands.
* Single curly quotes (‘ ’) pair as quotes in headlines, and in the body only in articles that
  use no double quotes at all (British style); then an opening ‘ must start a word and a closing
  ’ end one, so that apostrophes (Friday’s, Harris’, ’90s) are never quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from framing.model import Span
from framing.nlp.segment import SentenceSpan

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
STRAIGHT_DOUBLE = '"'
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
STRAIGHT_SINGLE = "'"

_OPEN_CONTEXT = set(" \t\n([{—–-/:;")  # a straight mark after these opens a quote
# Two apostrophes (or backticks) stand for a double quote in some wire and archive texts.
_DOUBLE_RE = re.compile("''|``|[“”„«»\"]")
_SINGLE_RE = re.compile("[‘’‹›']")


@dataclass(frozen=True)
class FoundQuote:
    """A quote before speaker attribution: inner span, marks, and how it was found."""

    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    open_mark: int
    close_mark: int | None
    rule: str  # paired | continued | unclosed | headline
    paragraph: int
    close_len: int = 1  # characters of the closing mark

    @property
    def outer_end(self) -> int:
        """One past the closing mark (or the end of the quote when it was never closed)."""
        return self.close_mark + self.close_len if self.close_mark is not None else self.end


# Each kind of warning: its message for one mark and for many ({n} marks, {lines} their lines).
WARNING_KINDS: dict[str, tuple[str, str]] = {
    "stray": ("stray closing quote mark on line {line} ignored",
              "{n} stray closing quote marks ignored ({lines})"),
    "to-paragraph-end": ("quote opened on line {line} is not closed; taken to the paragraph end",
                         "{n} quotes not closed, each taken to its paragraph end ({lines})"),
    "to-sentence-end": ("quote opened on line {line} is not closed; recovered to the end of its sentence",
                        "{n} quotes not closed, each recovered to the end of its sentence ({lines})"),
}
SHOW_LINES = 5  # line numbers named in a warning about many marks


@dataclass
class QuoteWarnings:
    """The quote marks a warning is about, by kind: every mark counted, and the offsets of the
    first marks on different lines kept. ``messages()`` gives one line per kind, in the order
    the kinds first occurred: "quote opened on line 5 is not closed; ..." for one mark,
    "4,512 stray closing quote marks ignored (lines 3, 9, 14, 20, 31, …)" for many. Marks come
    in text order, so the work is linear in the text, however many marks there are."""

    text: str
    counts: dict[str, int] = field(default_factory=dict)
    offsets: dict[str, list[int]] = field(default_factory=dict)

    def add(self, kind: str, offset: int) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        first = self.offsets.setdefault(kind, [])
        if len(first) > SHOW_LINES:  # one more than shown: enough to say there are more lines
            return
        if first:
            lo, hi = sorted((first[-1], offset))
            if self.text.find("\n", lo, hi) == -1:  # on the line of the last one kept
                return
        first.append(offset)

    def messages(self) -> list[str]:
        out = []
        for kind, n in self.counts.items():
            one, many = WARNING_KINDS[kind]
            lines = [line_of(self.text, o) for o in self.offsets[kind]]
            if n == 1:
                out.append(one.format(line=lines[0]))
            elif len(lines) == 1:
                out.append(many.format(n=f"{n:,}", lines=f"line {lines[0]}"))
            else:
                shown = ", ".join(str(line) for line in lines[:SHOW_LINES])
                out.append(many.format(n=f"{n:,}", lines=f"lines {shown}{', …' if len(lines) > SHOW_LINES else ''}"))
        return out


def _has_letters(s: str) -> bool:
    return any(ch.isalnum() for ch in s)


def _classify_double(text: str, pos: int, lo: int, hi: int, is_open: bool) -> str:
    """Return 'open' or 'close' for the double mark at ``pos`` inside ``[lo, hi)``."""
    ch = text[pos]
    width = 2 if text.startswith(("''", "``"), pos) else 1
    prev = text[pos - 1] if pos > lo else " "
    nxt = text[pos + width] if pos + width < hi else " "
    if text.startswith("``", pos):
        return "open"
    if ch in DOUBLE_OPEN:
        # A “ followed by a space or end, while a quote is open, is a misused closing mark.
        if is_open and (nxt.isspace() or nxt in ",.;:!?") and not prev.isspace():
            return "close"
        return "open"
    if ch in DOUBLE_CLOSE:
        # A ” that starts a word while nothing is open is a misused opening mark.
        if not is_open and (prev in _OPEN_CONTEXT or pos == lo) and nxt.isalnum():
            return "open"
        return "close"
    # straight "
    if pos == lo or prev in _OPEN_CONTEXT:
        if nxt.isspace() and is_open:
            return "close"
        return "open"
    if nxt.isalnum() and not prev.isalnum() and not is_open:
        return "open"
    return "close"


def _single_marks(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """Single marks that can only be quote marks (not apostrophes) in ``[lo, hi)``."""
    out: list[tuple[int, str]] = []
    for m in _SINGLE_RE.finditer(text, lo, hi):
        pos = m.start()
        prev = text[pos - 1] if pos > lo else " "
        nxt = text[pos + 1] if pos + 1 < hi else " "
        if (prev in _OPEN_CONTEXT or pos == lo) and nxt.isalnum() and m.group() != "’":
            out.append((pos, "open"))
        elif (prev in _OPEN_CONTEXT or pos == lo) and nxt.isalpha() and m.group() == "’":
            # ’ at the start of a word: an elision (’90s, ’em) unless a ‘-style pair follows;
            # treat as opening only for straight-quote-free texts that use ’ for both.
            continue
        elif prev.isalnum() or prev in ".,!?…":
            if nxt.isalnum():
                continue  # inside a word: an apostrophe
            if m.group() in SINGLE_CLOSE or m.group() == STRAIGHT_SINGLE:
                out.append((pos, "close"))
    return out


def find_quotes(
    text: str,
    paragraphs: Sequence[Span],
    sentences: Sequence[SentenceSpan],
) -> tuple[list[FoundQuote], list[str]]:
    """Find the direct quotes of the body. Returns the quotes and warnings."""
    use_single = not any(_DOUBLE_RE.search(text, p.start, p.end) for p in paragraphs)
    quotes: list[FoundQuote] = []
    warnings = QuoteWarnings(text)
    carry = False  # a quote ran on past the end of the previous paragraph
    for p_index, para in enumerate(paragraphs):
        if use_single:
            marks = [(pos, kind, 1) for pos, kind in _single_marks(text, para.start, para.end)]
        else:
            marks = []
            is_open = False
            for m in _DOUBLE_RE.finditer(text, para.start, para.end):
                kind = _classify_double(text, m.start(), para.start, para.end, is_open)
                marks.append((m.start(), kind, m.end() - m.start()))
                is_open = kind == "open" if not is_open else kind != "close"
        carry = _pair_paragraph(text, para, p_index, marks, sentences, quotes, warnings, carry, paragraphs)
    return quotes, warnings.messages()


def _pair_paragraph(
    text: str,
    para: Span,
    p_index: int,
    marks: list[tuple[int, str, int]],
    sentences: Sequence[SentenceSpan],
    quotes: list[FoundQuote],
    warnings: QuoteWarnings,
    carry: bool,
    paragraphs: Sequence[Span],
) -> bool:
    """Pair the marks of one paragraph; return True when a quote runs on into the next one."""
    open_at: int | None = None
    open_len = 1
    continued = False
    for pos, kind, width in marks:
        if kind == "open":
            if open_at is not None:
                # Two openings in a row: the first one was never closed. Recover it locally.
                _recover(text, open_at, pos, p_index, sentences, quotes, warnings, continued, open_len)
            open_at, open_len = pos, width
            continued = carry and pos == para.start
        else:
            if open_at is None:
                warnings.add("stray", pos)
                continue
            if _has_letters(text[open_at + open_len : pos]):
                rule = "continued" if continued else "paired"
                quotes.append(FoundQuote(open_at + open_len, pos, open_at, pos, rule, p_index, width))
            open_at = None
            continued = False
    if open_at is None:
        return False
    nxt = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
    if nxt is not None and text[nxt.start] in DOUBLE_OPEN + STRAIGHT_DOUBLE + SINGLE_OPEN:
        end = para.end
        if _has_letters(text[open_at + open_len : end]):
            quotes.append(FoundQuote(open_at + open_len, end, open_at, None, "continued", p_index))
        return True
    if open_at == para.start:
        # A whole paragraph opened as a quote and never closed: the quote is the paragraph.
        end = para.end
        if _has_letters(text[open_at + open_len : end]):
            quotes.append(FoundQuote(open_at + open_len, end, open_at, None, "unclosed", p_index))
        warnings.add("to-paragraph-end", open_at)
        return False
    _recover(text, open_at, para.end, p_index, sentences, quotes, warnings, continued, open_len)
    return False


def _recover(
    text: str,
    open_at: int,
    limit: int,
    p_index: int,
    sentences: Sequence[SentenceSpan],
    quotes: list[FoundQuote],
    warnings: QuoteWarnings,
    continued: bool,
    open_len: int = 1,
) -> None:
    """An opening mark without its closing one: quote to the end of its sentence (or ``limit``)."""
    end = limit
    k = _sentence_index(sentences, open_at)
    if k >= 0 and sentences[k].start <= open_at < sentences[k].end:
        end = min(sentences[k].end, limit)
    # leave trailing sentence punctuation outside the quote
    while end > open_at + open_len and text[end - 1] in " .,;:!?":
        end -= 1
    if _has_letters(text[open_at + open_len : end]):
        quotes.append(
            FoundQuote(open_at + open_len, end, open_at, None, "continued" if continued else "unclosed", p_index)
        )
    warnings.add("to-sentence-end", open_at)


def line_of(text: str, offset: int) -> int:
    """The 1-based line of a character offset: what a reader finds in an editor."""
    return text.count("\n", 0, offset) + 1


def _sentence_index(sentences: Sequence[SentenceSpan], offset: int) -> int:
    """Index of the last sentence starting at or before ``offset`` (binary search)."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].start <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def find_headline_quotes(text: str, headline: Span) -> list[FoundQuote]:
    """Quotes in a headline: double quotes, and single quotes used as quote marks."""
    out: list[FoundQuote] = []
    lo, hi = headline.start, headline.end
    for marks in (
        [(m.start(), _classify_double(text, m.start(), lo, hi, False), m.end() - m.start())
         for m in _DOUBLE_RE.finditer(text, lo, hi)],
        [(pos, kind, 1) for pos, kind in _single_marks(text, lo, hi)],
    ):
        open_at: int | None = None
        open_len = 1
        for pos, kind, width in marks:
            if kind == "open":
                open_at, open_len = pos, width
            elif open_at is not None:
                if _has_letters(text[open_at + open_len : pos]):
                    out.append(FoundQuote(open_at + open_len, pos, open_at, pos, "headline", -1, width))
                open_at = None
    out.sort(key=lambda q: q.start)
    return out
