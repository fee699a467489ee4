"""Whether a cue that reports only with a complement (column ``needs_complement`` of the verb
table: "Police found the car" is no attribution, "Police found that ..." is) has one: a clause,
a quote, the end of the clause after what was said, or an object that states what was said."""

from __future__ import annotations

from collections.abc import Sequence

from framing.nlp.segment import Token
from framing.voice.frames.clause import (
    _adverb_only,
    _as_source,
    _aside_before_that,
    _bare_clause,
    _before_ends_with_comma,
    _infinitive_at,
    _opening_as,
)
from framing.voice.frames.frame import (
    _OPEN_MARKS,
    _TERMINAL,
    SentenceView,
    introduces_next_paragraph,
)
from framing.voice.frames.words import (
    _EVIDENCE_HEADS,
    _MEDIA,
    _TIME_WORDS,
    _WH_WORDS,
    TRAILER_STARTS,
)
from framing.voice.lexicon import Cue, cue_lexicon, verb
from framing.voice.wordclasses import is_common_noun_source, plural_noun

_NOT_OBJECT_STARTS = frozenset(
    {"from", "with", "by", "up", "down", "out", "off", "away", "back", "as", "when", "while", "because",
     "after", "before", "until", "during", "so", "then", "again", "there", "here", "too", "and", "or", "but"}
)


def _complement_ok(view: SentenceView, b: int, cue: Cue, src: tuple[int, int]) -> bool:
    """Does a cue that reports only with a complement (``needs_complement``) have one: a clause,
    a quote soon after, the clause's end after what was said, an object that states what was
    said, or a second reporting verb ("continued to insist")?"""
    toks, lo, hi, in_quote = view.toks, view.lo, view.hi, view.in_quote
    nxt = _complement_start(view, b)
    quote_soon = any(in_quote[k] for k in range(b + 1, min(hi + 1, b + 16)))
    after_is_end = (
        b + 1 > hi or toks[b + 1].text in _TERMINAL or toks[b + 1].lower in TRAILER_STARTS or _adverb_only(toks, b + 1, hi)
    ) and not _infinitive_at(toks, b + 1, hi)
    clause_end = after_is_end and (_before_ends_with_comma(view, src[0]) or _as_source(toks, src, lo))
    has_comp = _complement_follows(view, b, cue, src, nxt)
    object_ok = _object_is_content(toks, b, cue, src, nxt, hi, quote_soon)
    return has_comp or quote_soon or clause_end or object_ok or cue.chained or _introduces(view, b)


def _introduces(view: SentenceView, b: int) -> bool:
    """"Trump responded in a statement on Friday afternoon:" ¶ "“I have no idea …”": the cue is
    the sentence's main verb, and the colon that introduces the next paragraph's quote closes its
    clause (no other verb between)."""
    toks, hi = view.toks, view.hi
    return toks[b].dep == "ROOT" and introduces_next_paragraph(view) and not any(
        toks[k].text in _TERMINAL or toks[k].pos in ("VERB", "AUX") for k in range(b + 1, hi)
    )


def _complement_start(view: SentenceView, b: int) -> Token | None:
    """The word after the cue at ``b``, or the "that" after an aside in commas."""
    toks, hi, in_quote = view.toks, view.hi, view.in_quote
    nxt = toks[b + 1] if b + 1 <= hi else None
    if nxt is not None and nxt.text == ",":
        # "cautioned, as did the campaign itself, that …": look past the aside
        that_at = next((m for m in range(b + 3, min(hi + 1, b + 14)) if toks[m].lower == "that" and not in_quote[m]), None)
        if that_at is not None and _aside_before_that(toks, b + 1, that_at):
            nxt = toks[that_at]
    return nxt


def _complement_follows(view: SentenceView, b: int, cue: Cue, src: tuple[int, int], nxt: Token | None) -> bool:
    """A complement after the cue: a that-, wh- or bare clause, a quote, a to-infinitive, a
    prepositional phrase of what was said ("commented on"), or an opening "As X put it, …"."""
    toks, hi, in_quote = view.toks, view.hi, view.in_quote
    comps = verb(cue.lemma).complements
    has_comp = nxt is not None and (
        nxt.lower in ("that", ":", "whether", "if", "how", "why", "what")
        or in_quote[b + 1]
        or nxt.text[0] in _OPEN_MARKS
        or (nxt.lower == "to" and "to" in comps)
        # "implored her to ...", "urged Republicans to ...": an addressee, then what to do
        or ("addressee" in comps and "to" in comps and not in_quote[b + 1] and any(
            toks[m].lower == "to" and m + 1 <= hi and toks[m + 1].text.isalpha() and toks[m + 1].text.islower()
            for m in range(b + 2, min(hi + 1, b + 6))
        ))
    )
    if _opening_as(view, src, b, cue):
        has_comp = True  # "As Ms. Simonyan put it in a statement, RT is …": what was said follows the comma
    # a prepositional phrase that can only be about something said ("commented on"); not
    # "responded to the blaze", "asked for a lawyer", "writes about food"
    prep = verb(cue.lemma).prepositions
    if prep and not in_quote[min(b + 1, hi)]:
        # "commented on the shooting", "weighed in Friday about", "asks him about his taxes"
        k = b + 1
        while k <= hi and k - b <= 2 and (toks[k].lower in _TIME_WORDS or toks[k].lower in ("him", "her", "them", "me", "us", "it")):
            k += 1
        if k + 1 <= hi and toks[k].lower in prep and toks[k + 1].lower not in _TIME_WORDS:
            has_comp = True  # not "testified on Tuesday"
    if nxt is not None and nxt.lower in ("just", "exactly", "precisely") and b + 2 <= hi and toks[b + 2].lower in _WH_WORDS:
        has_comp = True  # "reveals just how swift ..."
    if "bare" in comps and _bare_clause(view, b):
        has_comp = True  # "Obama believes his efforts will be ...", "analysts agreed it was ..."
    return has_comp


def _object_is_content(
    toks: Sequence[Token], b: int, cue: Cue, src: tuple[int, int], nxt: Token | None, hi: int, quote_soon: bool
) -> bool:
    """An object that states what was said ("Blinken acknowledged the focus on ...")."""
    # "acknowledged the focus on ...": an object, not "protested outside the embassy"
    object_ok = "object" in verb(cue.lemma).complements and nxt is not None and nxt.text not in _TERMINAL \
        and nxt.pos != "ADP" and nxt.lower not in _NOT_OBJECT_STARTS
    evidence = _evidence_source(toks, src)
    if cue.lemma in ("find", "show", "indicate", "suggest", "reveal") and evidence:
        object_ok = True  # "The poll indicates a tightening race", "Video shows him ..."
    if cue.lemma in ("call", "describe", "continue", "ask", "answer"):
        # "called climate change a hoax", "described the deal as ...": an object and a label
        labelled = cue.lemma in ("call", "describe") and any(
            t.lower in ("a", "an", "as") for t in toks[b + 2 : min(hi + 1, b + 13)]
        )
        object_ok = object_ok and (quote_soon or labelled)
    head = toks[src[1]]
    if is_common_noun_source(toks, src) and not evidence and not (plural_noun(head) and cue_lexicon().match([head.lower], 0) is None):
        # "the various challenges it faces": a thing needs firmer evidence than an object;
        # people in the plural ("advocates have expressed concern") do not, unless the plural is
        # itself a word of saying ("Those states offer", "his comments defending")
        object_ok = False
    return object_ok


def _evidence_source(toks: Sequence[Token], src: tuple[int, int]) -> bool:
    """Is the source a study, poll, record, recording or publication (which "finds", "shows",
    "mentions")?"""
    head = toks[src[1]].lower
    heads = _EVIDENCE_HEADS | _MEDIA
    return head in heads or head.rstrip("s") in heads or any(t.lower in _EVIDENCE_HEADS for t in toks[src[0] : src[1] + 1])
