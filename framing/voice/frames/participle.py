"""``participle`` frames: ..., saying (that) CONTENT, whose source is the clause's subject (or
the document it put out, the person a recording shows, the one criticized "for saying"), and
"After saying CONTENT, X ...", whose source follows the phrase."""

from __future__ import annotations

from collections.abc import Sequence

from framing.nlp.segment import Token
from framing.voice.frames.clause import _first_verb_guess, _head_ok_token
from framing.voice.frames.frame import (
    _CLOSE_MARKS,
    _PARTICIPLE_ADVERBS,
    _PARTICIPLE_PREPOSITIONS,
    Frame,
    SentenceView,
    _aside_from,
    _next_comma,
)
from framing.voice.frames.words import _MEDIA, _NP_DETERMINERS
from framing.voice.lexicon import Cue
from framing.voice.sources import left_np, right_np
from framing.voice.wordclasses import FUNCTION_WORDS, finite_verb, modifiers_start

# "footage of Trump saying …": recordings show their subject speaking.
_RECORDINGS = frozenset({"footage", "video", "videos", "clip", "clips", "recording", "recordings", "tape", "tapes", "audio"})

# Verbs by which a subject puts out a document that then speaks for it.
_PRODUCING_VERBS = frozenset(
    {form
     for stem in ("send", "sent", "issue", "release", "post", "file", "give", "gave", "given", "hold", "held",
                  "publish", "write", "wrote", "written", "tweet", "air", "run", "ran", "unveil", "launch",
                  "circulate", "distribute", "sign", "deliver", "put out", "submit", "pen", "draft", "unleash", "fire off")
     for form in (stem, stem + "s", stem + "ed", stem + "d", stem + "ing")}
)


def _name_length(toks: Sequence[Token], k: int, lo: int) -> int:
    """How many capitalised words before ``k`` still belong to the name that ends there (at most 3)."""
    n = 0
    while n < 3 and k - n - 1 >= lo and toks[k - n - 1].text[0].isupper() and toks[k - n - 1].text.isalpha():
        n += 1
    return n


def _medium_participle(view: SentenceView, a: int, b: int, cue: Cue, prev: Token | None) -> Frame | None:
    """"Romney released a statement late Tuesday saying: ...": the statement speaks for its
    author. None unless a document the subject put out comes before the participle."""
    text, toks, lo, in_quote = view.text, view.toks, view.lo, view.in_quote
    if prev is None or prev.text == ",":
        return None
    # "sent a letter to the NAACP board urging …", "unleashed a series of tweets early Friday saying …"
    medium = None
    for k in range(a - 1, max(lo, a - 9) - 1, -1):
        if toks[k].text in (",", ";", ":") or in_quote[k]:
            break
        if toks[k].lower in _MEDIA:
            # only a document the subject put out ("sent a letter … urging"), not one it
            # received or threw out ("The court threw out a complaint alleging …")
            if any(toks[m].lower in _PRODUCING_VERBS for m in range(max(lo, k - 5), k)):
                medium = k
            break
    if medium is None:
        return None
    src = left_np(toks, _first_verb_guess(toks, lo, medium), lo, in_quote, text)
    return Frame(a, b, cue, src, "participle") if src is not None else None


def _recording_participle(toks: Sequence[Token], a: int, b: int, cue: Cue, lo: int, prev: Token | None) -> Frame | None:
    """"footage of Trump saying …", "a video of Clinton telling …": the name is the speaker."""
    if prev is None or not (prev.text[0].isupper() and _head_ok_token(prev)):
        return None
    first = a - 1 - _name_length(toks, a - 1, lo)
    if first - 2 >= lo and toks[first - 1].lower == "of" and toks[first - 2].lower in _RECORDINGS:
        return Frame(a, b, cue, (first, a - 1), "participle")
    return None


def _opening_participle_frame(view: SentenceView, a: int, b: int, cue: Cue) -> Frame | None:
    """"After saying her foot was swollen, she was taken …", "Apart from noting the delay, the
    report said …": the subject follows the phrase."""
    toks, hi, in_quote = view.toks, view.hi, view.in_quote
    comma = _next_comma(toks, b + 1, hi + 1, in_quote)
    src = right_np(toks, comma + 1, hi, in_quote) if comma is not None else None
    if src is None:
        return None
    # the subject ends before its verb ("the company's shares rose …")
    verb_at = next((m for m in range(src[0] + 1, src[1] + 1) if finite_verb(toks[m])), None)
    return Frame(a, b, cue, (src[0], verb_at - 1) if verb_at is not None else src, "participle")


def _after_comma(toks: Sequence[Token], a: int, lo: int, prev: Token) -> bool:
    """"…, saying that …", "… by saying …", "…, even suggesting …", "…,” comparing him …": a
    participle after a comma (past a few adverbs), a preposition or "aside from"."""
    p = a - 1
    while p > lo and toks[p].text.islower() and toks[p].lower in _PARTICIPLE_ADVERBS:
        p -= 1
    before_p = toks[p] if p >= lo else None
    return before_p is not None and (
        before_p.text == "," or prev.lower in _PARTICIPLE_PREPOSITIONS
        or _aside_from(toks, a, lo)  # not "refrained from saying"
        or (before_p.text in _CLOSE_MARKS and p - 1 >= lo and toks[p - 1].text == ",")
    )


# relations by which a word before a noun belongs to its phrase ("Text messages", "the two aides")
_NOUN_MODIFIERS = frozenset({"compound", "amod", "det", "poss", "nummod"})


def _comma_participle_frame(view: SentenceView, a: int, b: int, cue: Cue, prev: Token, earlier: list[Frame]) -> Frame | None:
    """"…, saying that …": the source is the subject of the clause (the earlier frame's source,
    or the sentence's first phrase); after "for", the one criticized."""
    text, toks, lo, in_quote = view.text, view.toks, view.lo, view.in_quote
    if prev.lower == "for" and a - 2 > lo and not in_quote[a - 2]:
        # "The coach criticized the player for saying …": the one criticized said it
        if toks[a - 2].lower in ("him", "her", "them", "me", "us"):
            return None  # the speaker is whoever the pronoun stands for; better none than the subject
        criticized = _criticized_object(toks, a, lo)
        if criticized is not None:
            return Frame(a, b, cue, criticized, "participle")
    if earlier:
        return Frame(a, b, cue, earlier[-1].src, "participle")
    # the verb the participle hangs on in the parse ("the Safari Club sent out a call, encouraging
    # ..."), else the clause's first verb
    head = toks[a].head
    if toks[a].dep == "acl" and lo <= head < a - 1 and toks[head].pos in ("NOUN", "PROPN") and toks[head].dep.startswith("nsubj"):
        # "Text messages between the agents, showing their disdain, were released": the
        # subject the participle describes speaks
        return Frame(a, b, cue, (modifiers_start(toks, head, lo, _NOUN_MODIFIERS), head), "participle")
    if toks[a].dep == "acl" and lo <= head < a and toks[head].dep in ("dobj", "pobj", "attr"):
        head = toks[head].head  # after a comma, the parser may hang it on the object ("a call, encouraging")
    # (a word after a possessive is a noun, whatever the parse says: "celebrated Strzok's firing")
    verb = head if toks[a].dep in ("advcl", "xcomp", "conj", "acl") and lo <= head < a and toks[head].pos in ("VERB", "AUX") \
        and toks[head - 1].tag != "POS" else _first_verb_guess(toks, lo, a)
    src = left_np(toks, verb, lo, in_quote, text)
    return Frame(a, b, cue, src, "participle") if src else None


def _criticized_object(toks: Sequence[Token], a: int, lo: int) -> tuple[int, int] | None:
    """The object before "for" at ``a - 1`` ("criticized the player for saying"), when a verb
    governs it."""
    obj = toks[a - 2]
    if not (obj.text.isalpha() and not finite_verb(obj) and obj.lower not in FUNCTION_WORDS) \
            or obj.pos in ("ADJ", "ADV", "VERB", "AUX"):
        return None  # "who may have been responsible for tweeting": no one criticized
    k = a - 2  # the object: back to its determiner or to the verb
    while k - 1 > lo and toks[k].lower not in _NP_DETERMINERS and toks[k - 1].text.isalpha() \
            and not finite_verb(toks[k - 1]) and toks[k - 1].pos != "ADP" and k > a - 6:
        k -= 1
    np = (k, a - 2)
    verb = toks[k - 1] if k - 1 >= lo else None
    if verb is not None and verb.text.islower() and verb.pos != "ADP" and verb.lower not in FUNCTION_WORDS and (
        finite_verb(verb) or verb.lower.endswith(("s", "ed"))
    ):
        return np
    return None
