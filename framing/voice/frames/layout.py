"""Frames found by layout rather than by a verb: ``credit`` (“QUOTE” ― X), ``transcript``
(NAME: CONTENT opening a paragraph), and the content of a frame whose sentence ends with a colon
("He said:"), which is the next paragraph."""

from __future__ import annotations

from framing.voice.frames.frame import (
    _CLOSE_MARKS,
    _OPEN_MARKS,
    Frame,
    SentenceView,
    _only_quotes,
    _strip_range,
    _trim_terminal,
)
from framing.voice.lexicon import Cue

_DASHES = frozenset({"―", "—", "–", "--", "-"})


def _layout_frames(view: SentenceView) -> list[Frame]:
    """Attribution by layout rather than by verb.

    * a credit line after a quote: ``“...” ― Sonya Herridge`` (the dash is the cue);
    * a transcript turn: ``PENCE: Well, look, ...`` (the colon is the cue).
    """
    out = _credit_frames(view)
    turn = _transcript_frame(view)
    if turn is not None:
        out.append(turn)
    return out


def _credit_frames(view: SentenceView) -> list[Frame]:
    """Credit lines: a dash after a quote, then 1-5 capitalised words that end the sentence or
    come before the next quote ("“…”― Stephanie Egan “…” ― Adriana Rodarte")."""
    text, toks, sent, lo = view.text, view.toks, view.sent, view.lo
    hi, in_quote, quote_mask, paragraphs = view.hi, view.in_quote, view.quote_mask, view.paragraphs
    para = paragraphs[sent.paragraph]
    out: list[Frame] = []
    end = hi
    if toks[end].text == "." and end > lo:
        end -= 1
    after_credit: int | None = None  # where the previous credit's name ended
    for k in range(lo, end):
        glued = toks[k].text.lstrip(_CLOSE_MARKS) in _DASHES and toks[k].text[0] in _CLOSE_MARKS  # "”―" is one token
        if not (glued or toks[k].text in _DASHES and not in_quote[k] and (k == lo or in_quote[k - 1] or toks[k - 1].text in _CLOSE_MARKS)):
            continue
        m = k + 1
        while m <= end and not in_quote[m] and toks[m].text[0] not in _OPEN_MARKS and (toks[m].text[0].isupper() or toks[m].text == "."):
            m += 1
        names_end = m - 1
        if not (1 <= names_end - k <= 5) or (m <= end and toks[m].text[0] not in _OPEN_MARKS):
            break
        if after_credit is not None:
            content = _trim_terminal(text, *_strip_range(text, after_credit, toks[k].start))
        elif k > lo or sent.start > para.start:
            content = _trim_terminal(text, para.start, toks[k].start)
        elif sent.paragraph > 0:
            prev_para = paragraphs[sent.paragraph - 1]
            content = _trim_terminal(text, prev_para.start, prev_para.end)
        else:
            break
        if content[1] > content[0]:
            f = Frame(k, k, _DASH_CUE, (k + 1, names_end), "credit", content, lo=lo)
            f.direct = _only_quotes(text, content[0], content[1], quote_mask)
            out.append(f)
        after_credit = toks[names_end].end
        if m > end:
            break
    return out


def _transcript_frame(view: SentenceView) -> Frame | None:
    """A transcript turn or title attribution: a name and a colon opening the paragraph
    ("PENCE: Well, look, ...", "Pat Caddell: Democrat Voters Worried ...")."""
    text, toks, sent, lo = view.text, view.toks, view.sent, view.lo
    hi, in_quote, quote_mask, paragraphs = view.hi, view.in_quote, view.quote_mask, view.paragraphs
    para = paragraphs[sent.paragraph]
    if not (sent.start == para.start and lo + 1 <= hi):
        return None
    k = lo
    while (
        k <= min(hi, lo + 3)
        and not in_quote[k]
        and toks[k].text[0].isupper()
        and toks[k].text.replace(".", "").replace("-", "").isalpha()
        and toks[k].lower not in _NOT_SPEAKERS
    ):
        k += 1
    # a title-case label must name someone the article mentions again ("Pat Caddell: ..." and
    # later "Caddell"), unlike a headline's "Stealth Over Health: ..."
    if k > lo and k <= hi and toks[k].text == ":" and k + 1 <= hi and (
        toks[lo].text.isupper() or toks[k - 1].text in text[: para.start] or toks[k - 1].text in text[para.end :]
    ):
        content = _trim_terminal(text, toks[k + 1].start, para.end)
        f = Frame(k, k, _COLON_CUE, (lo, k - 1), "transcript", content, lo=lo)
        f.direct = _only_quotes(text, content[0], content[1], quote_mask)
        return f
    return None


# Paragraph labels that are no speakers ("Update: ...", "Editor's note: ...").
_NOT_SPEAKERS = frozenset(
    {"update", "updated", "note", "related", "photo", "photos", "watch", "read", "video",
     "editor", "correction", "source", "sources", "caption", "warning", "breaking", "exclusive",
     "analysis", "opinion", "live", "listen", "more", "see", "also", "q", "a", "the", "this",
     "here", "why", "what", "how", "who", "when", "where", "disclosure", "credit", "image",
     "pictured", "above", "below", "tags", "topics", "advertisement", "abstract", "summary",
     "said", "says", "asked", "added", "told", "wrote", "according", "noted", "continued"}
)
_DASH_CUE = Cue(("―",), "credit", "neutral")
_COLON_CUE = Cue((":",), "transcript", "neutral")


def _next_paragraph_content(view: SentenceView, frames: list[Frame]) -> None:
    """"He said:" closing a paragraph: what he said is the next paragraph (for the sentence's
    frames that found no content of their own)."""
    text, toks, sent = view.text, view.toks, view.sent
    hi, quote_mask, paragraphs = view.hi, view.quote_mask, view.paragraphs
    for f in frames:
        if f.content is None and toks[hi].text == ":" and sent.paragraph + 1 < len(paragraphs):
            nxt = paragraphs[sent.paragraph + 1]
            f.content = _trim_terminal(text, nxt.start, nxt.end)
            f.direct = _only_quotes(text, f.content[0], f.content[1], quote_mask)
