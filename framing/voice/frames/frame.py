"""The frame record, the sentence view and the helpers every pattern shares.

``Frame`` (a cue, its source and its content), ``SentenceView`` (the sentence a pattern works
on, with the text, the tokens and the quote marks), the quote and sentence marks, character-range
helpers (``_strip_range``, ``_trim_terminal``, ``_has_words``, ``_only_quotes``), token helpers
(``_next_comma``, participle phrases) and ``frame_start`` / ``frame_end``, the character extent of
a frame's cue and source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from framing.model import SourceRef, Span
from framing.nlp.segment import SentenceSpan, Token
from framing.voice.lexicon import Cue
from framing.voice.naming import Named

_OPEN_MARKS = "“„«\"‘"
_CLOSE_MARKS = "”»\"’"
_TERMINAL = ".!?…"


@dataclass
class Frame:
    cue_a: int  # token index of the cue's first word
    cue_b: int  # token index of its last word
    cue: Cue
    src: tuple[int, int] | None  # token range of the source phrase
    pattern: str
    content: tuple[int, int] | None = None  # character range
    direct: bool = False
    named: Named | None = None
    ref: SourceRef | None = None
    parenthetical: bool = False  # "Blinken—who previously said X—reiterated": content ends at the dash
    lo: int = 0  # first token of the frame's sentence
    hi: int = -1  # last token of the frame's sentence


@dataclass(frozen=True)
class SentenceView:
    """One sentence as the patterns see it, built once per sentence by ``find_frames``: the
    article's text and tokens, the sentence and its token range ``lo`` .. ``hi`` (inclusive),
    which tokens (``in_quote``) and characters (``quote_mask``) lie inside quote marks, and the
    article's paragraphs."""

    text: str
    toks: Sequence[Token]
    sent: SentenceSpan
    lo: int
    hi: int
    in_quote: Sequence[bool]
    quote_mask: bytearray
    paragraphs: Sequence[Span]


def _is_ing(cue: Cue, toks: Sequence[Token], a: int) -> bool:
    return toks[a].lower.endswith("ing")


def _strip_range(text: str, start: int, end: int, chars: str = " \t\n,;:—–-") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _trim_terminal(text: str, start: int, end: int) -> tuple[int, int]:
    s, e = _strip_range(text, start, end)
    while e > s and text[e - 1] in _TERMINAL + " ,":
        e -= 1
    return (s, e)


def _has_words(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])


def _only_quotes(text: str, start: int, end: int, quote_mask: bytearray) -> bool:
    """True when every letter or digit of ``[start, end)`` lies inside quote marks."""
    seen = False
    for i in range(start, end):
        if text[i].isalnum():
            if not quote_mask[i]:
                return False
            seen = True
    return seen


def _quote_ending(text: str, quote_mask: bytearray, end: int, floor: int, skip: str) -> tuple[int, int] | None:
    """The quoted run that ends ``text[floor:end]`` once the characters in ``skip`` (closing marks,
    end punctuation) are passed over: its start and the end of its last quoted character, or None."""
    k = end - 1
    while k >= floor and text[k] in skip:
        k -= 1
    if k < floor or not quote_mask[k]:
        return None
    s = k
    while s > floor and quote_mask[s - 1]:
        s -= 1
    return (s, k + 1)


def _quote_at_end(text: str, region: tuple[int, int], quote_mask: bytearray) -> tuple[int, int]:
    """The quote that ends ``region``, when one does ("the words “I can’t breathe,” as Garner
    said": the quote is what he said); otherwise the region."""
    quote = _quote_ending(text, quote_mask, region[1], region[0], "”’'\"», ")
    return region if quote is None else (quote[0], region[1])


def _quote_just_before(view: SentenceView, pos: int) -> tuple[int, int] | None:
    """The quote that ends right before ``pos`` in the same paragraph (its closing mark and end
    punctuation aside), or None."""
    text = view.text
    k = pos - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k < 0 or text[k] not in "”’\"»":
        return None
    return _quote_ending(text, view.quote_mask, k + 1, 0, "”’\"»!?.,")


def title_after(view: SentenceView, m: int) -> int | None:
    """When ``toks[m]`` opens a short quote in title case ("on NBC's “Meet the Press” on Sunday",
    "told “Fox & Friends”"), the name of a show, a book or a film rather than anyone's words: the
    index of its closing mark; otherwise None. Up to six words, no sentence punctuation inside,
    and every word of four letters or more capitalised."""
    toks, hi = view.toks, view.hi
    if toks[m].text[0] not in _OPEN_MARKS:
        return None
    close = next((c for c in range(m + 1, min(m + 9, hi + 1)) if toks[c].text[0] in _CLOSE_MARKS), None)
    if close is None or close == m + 1:
        return None
    inner = toks[m + 1 : close]
    if inner[-1].text in (",", "."):  # "on “Fox & Friends,” where …": the comma goes inside
        inner = inner[:-1]
    long_words = [t.text for t in inner if t.text.isalpha() and len(t.text) > 3]
    if not inner or len(inner) > 6 or any(t.text in _TERMINAL or t.text in (",", ";", ":") for t in inner):
        return None
    return close if long_words and all(w[0].isupper() for w in long_words) else None


def introduces_next_paragraph(view: SentenceView) -> bool:
    """Does the sentence end with a colon before a paragraph that opens with a quote ("Trump
    responded in a statement on Friday:" ¶ "“I have no idea …”")? What was said is that quote."""
    toks, hi, text = view.toks, view.hi, view.text
    if toks[hi].text != ":":
        return False
    k = toks[hi].end
    while k < len(text) and text[k] in " \t\r":
        k += 1
    if k >= len(text) or text[k] != "\n":
        return False
    rest = text[k : k + 40].lstrip()
    return bool(rest) and rest[0] in _OPEN_MARKS


def _time_only(view: SentenceView, span: tuple[int, int]) -> bool:
    """Is the text ``span`` only a time ("early Tuesday", "on Oct. 28, 2016"), as the recogniser
    marks dates and times?"""
    toks = view.toks
    inside = [t for t in toks[view.lo : view.hi + 1] if span[0] <= t.start < span[1]]
    return bool(inside) and any(t.is_time for t in inside) and all(
        t.is_time or t.pos in ("ADP", "PUNCT", "ADV") for t in inside
    )


def _next_comma(toks: Sequence[Token], start: int, stop: int, in_quote: Sequence[bool] | None = None) -> int | None:
    """Index of the first comma in ``toks[start:stop]`` (outside quote marks when ``in_quote`` is given)."""
    return next((m for m in range(start, stop) if toks[m].text == "," and not (in_quote is not None and in_quote[m])), None)


def _start_of(t: Token) -> int:
    return t.start


_PARTICIPLE_ADVERBS = frozenset({"even", "also", "again", "perhaps", "repeatedly", "then", "later", "often"})
_PARTICIPLE_PREPOSITIONS = frozenset({"by", "while", "after", "before", "despite", "for"})


def _opening_participle(toks: Sequence[Token], a: int, lo: int) -> bool:
    """A participle phrase that opens the sentence: "After saying …", "Apart from noting …"."""
    if a - 1 == lo:
        return toks[lo].lower in _PARTICIPLE_PREPOSITIONS
    return a - 2 == lo and _aside_from(toks, a, lo)


def _opens_sentence(toks: Sequence[Token], f: Frame) -> bool:
    """A participle frame that opens its sentence ("After saying X, she …"): its content ends at the
    phrase's comma, and its source comes after it."""
    return f.pattern == "participle" and _opening_participle(toks, f.cue_a, f.lo)


def _aside_from(toks: Sequence[Token], a: int, lo: int) -> bool:
    """"aside from saying", "apart from noting": the two words before the participle at ``a``."""
    return a - 2 >= lo and toks[a - 1].lower == "from" and toks[a - 2].lower in ("aside", "apart")


def frame_start(toks: Sequence[Token], f: Frame) -> int:
    if f.src and f.pattern not in ("participle", "coordinated"):
        return toks[min(f.cue_a, f.src[0])].start
    # "… by telling them", "… aside from saying": the preposition opens the participle's phrase
    k = _participle_phrase_start(toks, f.cue_a, f.lo) if f.pattern == "participle" else f.cue_a
    return toks[k].start


def _participle_phrase_start(toks: Sequence[Token], a: int, lo: int) -> int:
    """The first token of a participle's phrase: "even suggesting", "by telling", "aside from saying"."""
    k = a
    while k - 1 > lo and toks[k - 1].text.islower() and (toks[k - 1].lower in _PARTICIPLE_ADVERBS or toks[k - 1].lower in _PARTICIPLE_PREPOSITIONS):
        k -= 1
    if k == a and k - 2 > lo and _aside_from(toks, a, lo):
        k -= 2
    return k


def frame_end(toks: Sequence[Token], f: Frame) -> int:
    if f.src and f.pattern not in ("participle", "coordinated"):
        return toks[max(f.cue_b, f.src[1])].end
    return toks[f.cue_b].end
