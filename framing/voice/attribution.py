"""Attribution: reporting cues, their sources and their content; speakers of quotes.

A *frame* is a reporting cue with its source, found by the patterns news writing uses. The
ordered registry of patterns, with where each is tried and the sentences it must find and leave
alone, is ``framing/voice/frames/patterns.py``; in short (the middle column names the module of
:mod:`framing.voice.frames` that holds the pattern):

==================  ==========  ==================================================================
``source_cue``      verbal      Netanyahu said (that) CONTENT / CONTENT, Netanyahu said.
``cue_source``      verbal      CONTENT, said Blinken. / “QUOTE,” said Blinken.
``according_to``    verbal      According to X, CONTENT. / CONTENT, according to X. / As per X, CONTENT.
``according_to``    nominal     In X's view, CONTENT. / In the latest poll, CONTENT. (a sentence with no other cue)
``participle``      participle  ..., saying (that) CONTENT  (the source is the clause's subject)
``coordinated``     verbal      X said A and added that CONTENT (the earlier frame's source)
``nominal``         nominal     X’s claim that CONTENT / his promise to CONTENT
``stance``          nominal     X is confident that CONTENT / X was critical of CONTENT
``passive``         passive     CONTENT was endorsed by X / X was accused of CONTENT (source unnamed)
``credit``          layout      “QUOTE” ― X
``transcript``      layout      NAME: CONTENT (a paragraph, or a headline, opened by a speaker's name)
==================  ==========  ==================================================================

Sources are names, roles, groups and pronouns, and also relative pronouns ("the EU, which
argued ...") and the writer's own "I" and "we" (kind ``author``: listed, but the statement stays
in the author's voice). CONTENT keeps its complementiser ("that ...", "to ...", "whether ...")
and ends where the author goes on with a clause of their own.

``find_frames`` (here) runs the patterns over each sentence in a fixed order, handing each one a
``SentenceView`` of the sentence (the text, tokens, token range, quote marks and paragraphs);
frames/verbal.py decides which pattern a reporting verb's frame follows (``_frame_at``;
frames/subject.py finds the source before the verb),
frames/content.py gives each frame its content, and frames/frame.py holds the ``Frame`` record,
the ``SentenceView`` and the shared helpers.

When a frame's content is nothing but quotes, the frame gives those quotes their speaker and
cue (direct speech). Otherwise it is an attributed statement (indirect speech), and any partial
quotes inside its content take its source as their speaker.

Quotes that no frame reaches take the speaker of the previous quote in their paragraph (or the
next one), or, for a paragraph that opens with a quote, the last speaker of the paragraph
before. Pronouns go to the most recent compatible source, surnames to the full name the
article gave, and role phrases ("the U.S. secretary") to the person introduced with that role.
"""

from __future__ import annotations

from collections.abc import Sequence

from framing.model import Span
from framing.nlp.segment import SentenceSpan, Token
from framing.voice.frames.boundary import clip_to_clause
from framing.voice.frames.content import _set_contents
from framing.voice.frames.frame import (
    _OPEN_MARKS,
    Frame,
    SentenceView,
    _only_quotes,
    frame_end,
    frame_start,
)
from framing.voice.frames.layout import _layout_frames, _next_paragraph_content
from framing.voice.frames.nominal import COPULAS, _in_source_frame, _nominal_frame, _stance_frame
from framing.voice.frames.verbal import _chained_cue, _frame_at
from framing.voice.lexicon import Cue, CueLexicon, cue_lexicon, reporting_nouns, stance_adjectives

__all__ = ["Frame", "find_frames", "frame_end", "frame_start"]


_DATELINE_DASHES = frozenset({"—", "–", "―", "--", "-"})


def after_dateline(toks: Sequence[Token], lo: int, hi: int) -> int:
    """The first token after a dateline that opens the sentence ("WASHINGTON —", "NEW YORK, N.Y.
    --", "LONDON (Reuters) -"): a place in capitals, a wire's name in brackets, then a dash. A
    dateline names where the story was filed; it is never a source."""
    k = lo
    while k <= hi:
        t = toks[k]
        letters = t.text.replace(".", "")
        if (letters.isalpha() and letters.isupper()) or t.text == ",":
            k += 1
        elif t.text == "(" and k + 2 <= hi and toks[k + 2].text == ")" and toks[k + 1].text[:1].isupper():
            k += 3
        else:
            break
    # a dash set apart by a space ("WASHINGTON —"), not a hyphen ("U.S.-China talks")
    if lo < k <= hi and toks[k].text in _DATELINE_DASHES and toks[k].start > toks[k - 1].end \
            and any(ch.isalpha() for t in toks[lo:k] for ch in t.text):
        return k + 1
    return lo


def find_frames(
    text: str,
    toks: Sequence[Token],
    sentences: Sequence[SentenceSpan],
    tok_ranges: Sequence[tuple[int, int]],
    in_quote: Sequence[bool],
    quote_mask: bytearray,
    paragraphs: Sequence[Span],
) -> list[Frame]:
    """Every reporting frame of the body, in document order, with its content range.

    In a line set in title case ("Senator Ruth Adler Says ..."), a capitalised word may still be a
    cue; elsewhere a capitalised word inside a sentence is part of a name ("the United States")."""
    lex = cue_lexicon()
    nouns = reporting_nouns()
    stance = stance_adjectives()
    words = [t.lower for t in toks]
    frames: list[Frame] = []
    for sent, (lo, hi) in zip(sentences, tok_ranges, strict=True):
        if hi < lo:
            continue
        lo = after_dateline(toks, lo, hi)
        view = SentenceView(text, toks, sent, lo, hi, in_quote, quote_mask, paragraphs)
        sent_frames = _cue_frames(view, words, lex, nouns, stance)
        _set_contents(view, sent_frames)
        sent_frames = clip_to_clause(view, sent_frames)
        _next_paragraph_content(view, sent_frames)
        if not sent_frames:
            opening = _in_source_frame(view)
            if opening is not None and opening.content is not None:
                opening.lo = lo
                opening.direct = _only_quotes(text, *opening.content, quote_mask)
                sent_frames.append(opening)
        sent_frames.extend(_layout_frames(view))
        for f in sent_frames:
            f.hi = hi
        frames.extend(f for f in sent_frames if f.content is not None or f.pattern != "participle")
    return frames


def _cue_frames(
    view: SentenceView,
    words: list[str],
    lex: CueLexicon,
    nouns: dict[str, tuple[Cue, frozenset[str]]],
    stance: dict[str, frozenset[str]],
) -> list[Frame]:
    """The frames of one sentence's cue words, left to right: at each word outside quotes, a
    stance frame ("is confident that"), a nominal frame ("his claim that") or a verb's frame."""
    toks, lo, hi, in_quote = view.toks, view.lo, view.hi, view.in_quote
    sent_frames: list[Frame] = []
    title_case = _title_case(view)
    i = lo
    while i <= hi:
        if in_quote[i]:
            i += 1
            continue
        if toks[i].lemma in COPULAS and i > lo:
            held = _stance_frame(view, i, stance)
            if held is not None:
                held.lo = lo
                sent_frames.append(held)
                i = held.cue_b + 1
                continue
        if words[i] in nouns:
            nominal = _nominal_frame(view, i, nouns[words[i]])
            if nominal is not None:
                nominal.lo = lo
                sent_frames.append(nominal)
                i += 1
                continue
        cue = lex.match(words, i)
        if cue is None or any(in_quote[k] for k in range(i, min(i + len(cue.words), hi + 1))):
            i += 1
            continue
        b = i + len(cue.words) - 1
        cue, b = _chained_cue(lex, words, cue, b, hi, in_quote)
        if b > hi or (i > lo and not title_case and toks[i].text[0].isupper() and toks[i - 1].text[0] not in _OPEN_MARKS):
            i += 1  # beyond the sentence, or a capitalised word inside it ("the United States")
            continue
        frame = _frame_at(view, i, b, cue, sent_frames)
        if frame is not None:
            frame.lo = lo
            sent_frames.append(frame)
            i = b + 1
            if title_case:
                break  # a headline reports one statement; its other capitalised verbs are its content
        else:
            i += 1
    return sent_frames


def _title_case(view: SentenceView) -> bool:
    """Is the sentence set in title case (most of its words capitalised, as in headlines)?"""
    toks, lo, hi, in_quote = view.toks, view.lo, view.hi, view.in_quote
    words = [toks[k] for k in range(lo, hi + 1) if not in_quote[k] and toks[k].text.isalpha() and len(toks[k].text) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)
