"""Frames without a reporting verb: ``nominal`` (X’s claim that CONTENT, his promise to
CONTENT), ``stance`` (X is confident that CONTENT, X was critical of CONTENT), and "In X's view,
CONTENT" / "In the latest poll, CONTENT" (an ``according_to`` frame opened by "In")."""

from __future__ import annotations

from collections.abc import Sequence

from framing.nlp.segment import Token
from framing.voice.frames.clause import (
    _after_determiner,
    _bare_clause,
    _infinitive_at,
)
from framing.voice.frames.frame import (
    _OPEN_MARKS,
    Frame,
    SentenceView,
    _has_words,
    _next_comma,
    _strip_range,
    _trim_terminal,
)
from framing.voice.frames.words import _EVIDENCE_HEADS, _FINITE, _MEDIA
from framing.voice.lexicon import Cue
from framing.voice.phrases import np_ending_at
from framing.voice.sources import left_np
from framing.voice.wordclasses import POSSESSIVE_PRONOUNS, finite_verb, is_person_like

_IN_CUE = Cue(("in",), "according to", "neutral")
_VIEW_HEADS = frozenset({"view", "eyes", "opinion", "estimation", "judgment", "judgement", "words"})


def _in_source_frame(view: SentenceView) -> Frame | None:
    """"In the latest Washington Post poll, Clinton led …", "In her view, the deal …": a sentence
    with no other cue that opens with "In", a poll, study, statement or someone's view, and a comma
    reports what follows as that source's (like "According to …"). Not "In a statement, the company
    said …" (the sentence has its own cue) nor "In the end, …" (no source)."""
    text, toks, lo, hi, in_quote = view.text, view.toks, view.lo, view.hi, view.in_quote
    if hi - lo < 4 or toks[lo].lower != "in" or in_quote[lo]:
        return None
    comma = _next_comma(toks, lo + 1, min(hi, lo + 16))
    if comma is None or comma + 1 > hi or any(in_quote[lo:comma]):
        return None
    head = None
    for m in range(lo + 1, comma):
        low = toks[m].lower
        if low in _EVIDENCE_HEADS or low in _MEDIA:
            head = m
            break
        if low in _VIEW_HEADS and m - 1 > lo and (toks[m - 1].lower in POSSESSIVE_PRONOUNS or toks[m - 1].text in ("’s", "'s")):
            head = m
            break
        if finite_verb(toks[m]) and not _after_determiner(toks, lo, m):
            return None  # "In 2015 the company lost money, …": a clause, not a source
    if head is None or not _has_words(text, toks[comma].end, toks[hi].end):
        return None
    src_end = comma - 1
    nxt = toks[comma + 1]
    if nxt.text.islower() and nxt.lower.endswith("ed"):
        # "In the previous poll, conducted in early September, Clinton led …": the participle
        # belongs to the source
        later = _next_comma(toks, comma + 2, min(hi, comma + 14))
        if later is None or later + 1 > hi:
            return None
        comma = later
    content = _trim_terminal(text, *_strip_range(text, toks[comma].end, toks[hi].end))
    return Frame(lo, lo, _IN_CUE, (lo + 1, src_end), "according_to", content=content)


def _nominal_frame(view: SentenceView, i: int, entry: tuple[Cue, frozenset[str]]) -> Frame | None:
    """"Trump’s claim that ...", "his repeated promises to ...", "Clinton's statement: “...”":
    a reporting noun after its owner and before what was said."""
    toks, lo, hi, in_quote = view.toks, view.lo, view.hi, view.in_quote
    cue, takes = entry
    if i + 2 > hi:
        return None
    nxt = toks[i + 1]
    if nxt.lower == "from":
        return _owner_after(view, i, cue, takes)
    if not (
        ("that" in takes and nxt.lower == "that" and not _relative_after_that(toks, i + 2, hi))
        or ("to" in takes and _infinitive_at(toks, i + 1, hi))
        or ("quote" in takes and (nxt.text == ":" or nxt.text[0] in _OPEN_MARKS or in_quote[i + 1]))
    ):
        return None
    k = i - 1  # up to two modifiers: "his repeated claims", "Trump's latest false claim"
    while k > lo and i - k <= 2 and toks[k].text.isalpha() and toks[k].text.islower() and toks[k].lower not in POSSESSIVE_PRONOUNS:
        k -= 1
    if k < lo or in_quote[k]:
        return None
    if toks[k].lower in POSSESSIVE_PRONOUNS:
        src = (k, k)
    elif toks[k].text in ("’s", "'s") and k - 1 >= lo and toks[k - 1].text[0].isupper() and not in_quote[k - 1]:
        src = np_ending_at(toks, k - 1, lo, in_quote)
    else:
        return None
    return Frame(i, i, cue, src, "nominal")


def _owner_after(view: SentenceView, i: int, cue: Cue, takes: frozenset[str]) -> Frame | None:
    """"warnings from the Obama administration that the bill was “badly misguided”": the owner
    follows the noun after "from", then what was said."""
    toks, hi, in_quote = view.toks, view.hi, view.in_quote
    for m in range(i + 3, min(hi, i + 10) + 1):
        if in_quote[m] or toks[m].text in (",", ";", ":") or toks[m].pos in ("VERB", "AUX"):
            return None
        if toks[m].lower == "that" and "that" in takes and not _relative_after_that(toks, m + 1, hi):
            owner = toks[i + 2 : m]
            if not any(t.pos in ("PROPN", "NOUN") for t in owner):
                return None
            return Frame(i, i, cue, (i + 2, m - 1), "nominal")
    return None


def _relative_after_that(toks: Sequence[Token], k: int, hi: int) -> bool:
    """"the claims that were made", "a promise that angered": "that" opens a relative clause
    when a verb follows it at once."""
    if k > hi:
        return True
    w = toks[k]
    return w.text.islower() and (w.lower in _FINITE or w.lower.endswith("ed") or w.lower in ("has", "have", "had"))


# Lemmas of the verbs that link a subject to a stance adjective: "is sure", "seemed confident"
COPULAS = frozenset({"be", "seem", "remain", "appear", "become", "grow", "feel"})
# "that night", "that day": a time, not a that-clause
_THAT_TIMES = frozenset({"night", "day", "morning", "afternoon", "evening", "week", "month", "year", "time", "moment", "season"})
_STANCE_ADVERBS = frozenset(
    {"not", "n't", "n’t", "very", "so", "too", "more", "most", "less", "also", "still", "quite",
     "rather", "deeply", "increasingly", "especially", "particularly", "highly", "fully", "all",
     "both", "now", "already", "never", "always", "often", "even", "just", "pretty"}
)


def _stance_frame(view: SentenceView, i: int, stance: dict[str, frozenset[str]]) -> Frame | None:
    """"Clinton is confident that ...", "Democrats were worried about ...", "He has been critical
    of ...": a view stated with "be" and a stance adjective, after a source that can hold one."""
    text, toks, lo, hi, in_quote = view.text, view.toks, view.lo, view.hi, view.in_quote
    k = i + 1
    while k <= hi and k - i <= 3 and not in_quote[k] and toks[k].text.islower() and (
        toks[k].lower in _STANCE_ADVERBS or (toks[k].lower.endswith("ly") and len(toks[k].lower) > 3)
    ):
        k += 1
    if k + 1 > hi or in_quote[k] or toks[k].lower not in stance or in_quote[k + 1]:
        return None
    if toks[i].text in ("’s", "'s") and toks[i - 1].lower not in ("he", "she", "it", "who", "that", "there", "what"):
        return None  # "Smith’s angry supporters": a possessive, not "is"
    takes = stance[toks[k].lower]
    nxt = toks[k + 1]
    if nxt.lower == "that" and k + 2 <= hi and toks[k + 2].lower in _THAT_TIMES:
        return None  # "was angry that night"
    if nxt.lower == "that" and toks[k - 1].lower in ("so", "too", "such"):
        return None  # "was so angry that he left": a result, not a view
    if "that" in takes and (nxt.lower == "that" or _bare_clause(view, k)):
        cue_end = k  # "is confident that ...", "was sure he would win"
    elif "to" in takes and _infinitive_at(toks, k + 1, hi):
        cue_end = k  # "is determined to ..."
    elif nxt.lower in takes and nxt.lower not in ("that", "to") and k + 2 <= hi:
        cue_end = k + 1  # "has been critical of", "were worried about"
    else:
        return None
    src = left_np(toks, i, lo, in_quote, text)
    if src is None or toks[src[1]].lower in ("it", "this", "that", "there", "which", "what"):
        return None  # "it is clear that ...": the author's own judgement
    if not is_person_like(toks, src, lo):
        return None  # "the road was clear of snow", "the documents are critical of": things, not people
    words = tuple(t.lower for t in toks[i : cue_end + 1])
    return Frame(i, cue_end, Cue(words, toks[k].lower, "neutral"), src, "stance")
