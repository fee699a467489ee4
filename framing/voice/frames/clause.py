"""Guesses at clause structure from the words alone, shared by the patterns and the content
boundaries: finite verbs, clauses without "that", to-infinitives, a clause's first verb and
subject, and sources introduced by "as" ("…, as Smith said", "As Smith put it, …"); from the
parse, the verbs a cue's clause hangs on and a verb joined to one of them ("said no and went on
to win")."""

from __future__ import annotations

from collections.abc import Sequence

from framing.nlp.segment import Token
from framing.voice.frames.frame import _OPEN_MARKS, _TERMINAL, SentenceView, _next_comma
from framing.voice.frames.words import (
    _MEDIA,
)
from framing.voice.lexicon import Cue, verb
from framing.voice.wordclasses import finite_verb


def _infinitive_at(toks: Sequence[Token], k: int, hi: int) -> bool:
    """"to stand tall" (an infinitive), unlike "to reporters" or "to the Times" (an addressee)."""
    return k + 1 <= hi and toks[k].lower == "to" and toks[k + 1].tag == "VB"


# Parts of speech that can open a clause's subject: "he", "Trump", "officials", "the", "two",
# "electric utilities"
_SUBJECT_STARTS = frozenset({"PRON", "PROPN", "NOUN", "DET", "NUM", "ADJ"})


def _subject_start(tok: Token) -> bool:
    """Can ``tok`` open a subject? Not a question word ("decided who should run"), a preposition
    or an adverb."""
    return tok.pos in _SUBJECT_STARTS and tok.tag not in ("WDT", "WP", "WP$")


def _bare_clause(view: SentenceView, b: int) -> bool:
    """A clause follows without "that": a subject, then a finite verb within a few words."""
    toks, hi, in_quote = view.toks, view.hi, view.in_quote
    if b + 2 > hi or in_quote[b + 1] or not _subject_start(toks[b + 1]):
        return False  # "hoped electric utilities would ..."; not "decided who should run"
    for k in range(b + 2, min(hi + 1, b + 9)):
        if in_quote[k] or toks[k].text in (",", ".", ";", ":"):
            return False
        if finite_verb(toks[k]):
            return True
        if toks[k].pos == "ADP" and k == b + 2:
            return False  # "thinks highly of", "hopes for a deal"
        if toks[k].pos == "CCONJ":
            return False  # "claimed seven lives and injured several": an object, then another verb
    return False


def _after_determiner(toks: Sequence[Token], lo: int, k: int) -> bool:
    """A participle used as an adjective: "a swiftly called meeting", "the announced plan"."""
    j = k - 1
    if j > lo and toks[j].lower.endswith("ly"):
        j -= 1
    return j >= lo and toks[j].lower in ("a", "an", "the", "this", "that", "its", "his", "her", "their", "our")


def _first_verb_guess(toks: Sequence[Token], lo: int, a: int) -> int:
    """For a participle frame with no earlier frame: the subject is the sentence's first phrase,
    which ends before the first past-tense or auxiliary verb ("The mayor visited ...") or, for a
    name, at the first word after it."""
    for k in range(lo + 1, a):
        w = toks[k]
        if finite_verb(w) and not _after_determiner(toks, lo, k):
            return k
        if w.text in (";", ":") or w.text[0] in _OPEN_MARKS:
            break
    k = lo
    while k < a and (toks[k].text[0].isupper() or toks[k].lower in ("the", "a", "an", "’s", "'s", "of")):
        k += 1
    return k


def _new_subject(view: SentenceView, k: int, said_from: int | None = None) -> bool:
    """A subject, then a finite verb within four words ("he has also intensified", "Trump said");
    or, when ``said_from`` (the first token of what was said) is given, a longer subject whose verb
    the parse joins to a verb before it, not to one inside it."""
    toks, hi, in_quote = view.toks, view.hi, view.in_quote
    if k > hi or in_quote[k] or not _subject_start(toks[k]):
        return False
    for m in range(k + 1, min(hi + 1, k + 5)):
        if finite_verb(toks[m]):
            return True
        if toks[m].text in (",", ";", ":") or in_quote[m]:
            return False
    # a longer subject, as the parse reads it: "Pelosi tweeted about …, and West Hollywood bar The
    # Abbey introduced …" (not "Polls showed that few Americans thought …, and the percentage of
    # voters who … had tumbled", where the second clause is part of what the polls showed)
    for m in range(k, min(hi + 1, k + 8)):
        if toks[m].text in (",", ";", ":") or in_quote[m]:
            return False
        v = toks[m].head
        if toks[m].dep in ("nsubj", "nsubjpass") and m < v <= hi and finite_verb(toks[v]):
            return said_from is not None and toks[v].dep == "conj" and view.lo <= toks[v].head < said_from
    return False


def _head_ok_token(tok: Token) -> bool:
    """A capitalised word before an -s cue that can be a subject (a name), not a modifier."""
    return tok.text[0].isupper() and tok.lower not in ("fifth", "first", "second")


def _adverb_only(toks: Sequence[Token], k: int, hi: int) -> bool:
    """Only manner adverbs up to the end of the sentence ("Gowdy said sarcastically.")."""
    while k <= hi and toks[k].text.islower() and toks[k].lower.endswith("ly") and len(toks[k].lower) > 3:
        k += 1
    return k > hi or toks[k].text in _TERMINAL


def _aside_before_that(toks: Sequence[Token], k: int, that_at: int) -> bool:
    """Is ``toks[k:that_at]`` an aside in commas before a that-clause ("cautioned, as did the
    campaign itself, that …", "said, however, that …")? Not a participle ("said, adding that")."""
    return (
        toks[k].text == ","
        and that_at - k >= 3
        and toks[that_at - 1].text == ","
        and not (toks[k + 1].lower.endswith("ing") and toks[k + 1].text.islower())
    )


def _opening_as(view: SentenceView, src: tuple[int, int], b: int, cue: Cue) -> bool:
    """"As Smith said, …", "As Ms. Simonyan put it in a statement, …": a sentence that opens with
    "as", its source and a verb of saying, then a comma or a prepositional phrase and a comma (not
    "As we continue to navigate the landscape, …")."""
    toks, lo, hi = view.toks, view.lo, view.hi
    if src[0] - 1 != lo or toks[lo].lower != "as" or not verb(cue.lemma).invertible or cue.lemma == "continue" or b + 1 > hi:
        return False
    comma = _next_comma(toks, b + 1, hi + 1)
    if comma is None:
        return False
    if comma == b + 1:
        return True
    # only a phrase that says where it was said ("in a statement", "on Twitter"), not a complement
    # ("As Smith argued with the referee, …", "As the CEO warned investors about …")
    phrase = toks[b + 1 : comma]
    return phrase[0].lower in ("in", "on", "at", "during", "to") and any(
        t.lower in _MEDIA or t.lower in _SPEECH_OCCASIONS or t.text[0].isupper() for t in phrase[1:]
    )


_SPEECH_OCCASIONS = frozenset({"interview", "interviews", "speech", "remarks", "conference", "hearing", "debate", "rally", "briefing", "podcast", "broadcast", "twitter", "television", "radio"})


def _as_source(toks: Sequence[Token], src: tuple[int, int], lo: int) -> bool:
    """"…, as a memo put it", "…,'' as Eric Garner said": a source after "as" that follows a
    comma or a closing quote mark."""
    if src[0] - 2 < lo or toks[src[0] - 1].lower != "as":
        return False
    before = toks[src[0] - 2].text
    return before == "," or all(ch in "”’'\"»" for ch in before)


def _before_ends_with_comma(view: SentenceView, src_a: int) -> bool:
    """Does the text before the source end a clause (a comma or a closing quote mark), allowing
    two lower-case modifiers before the name ("…,” panel Chairman Jason Chaffetz said")?"""
    text, toks, lo = view.text, view.toks, view.lo
    if src_a <= lo:
        return False
    k = src_a
    while k > lo and src_a - k < 2 and toks[k - 1].text.isalpha() and toks[k - 1].text.islower():
        k -= 1
    for cut in (src_a, k):
        before = text[toks[lo].start : toks[cut].start].rstrip()
        if before.endswith((",", "”", '"', "’", "''")):
            return True
    return False


def _governors(toks: Sequence[Token], cue: int | None, lo: int, hi: int) -> set[int]:
    """The cue verb and the verbs its clause hangs on in the parse ("slammed" for "refusing" in
    "slammed McConnell for refusing …")."""
    out: set[int] = set()
    k = cue
    while k is not None and lo <= k <= hi and k not in out and len(out) < 10:
        out.add(k)
        k = toks[k].head if toks[k].head != k else None
    return out


def _joined_verb(toks: Sequence[Token], cc: int, hi: int) -> bool:
    """Does a finite verb of its own clause follow the conjunction at ``cc`` ("and went on",
    "but has since left", "but stopped short of"), joined in the parse to the verb the
    conjunction hangs on, with no subject or "that" of its own ("but that JASTA undermines …" is
    a second thing said) and not a bare infinitive ("to cap and then gradually reduce")?"""
    for j in range(cc + 1, min(cc + 4, hi + 1)):
        t = toks[j]
        if t.dep == "conj" and t.head == toks[cc].head and t.pos == "VERB":
            between = range(cc + 1, j)
            if any(toks[m].head == j and toks[m].dep in ("mark", "nsubj") for m in between):
                return False
            if any(toks[m].head == j and toks[m].tag == "MD" for m in between):
                return False  # "would depress revenue … but would eventually add": what was said goes on
            return finite_verb(t) or any(finite_verb(toks[m]) and toks[m].head == j for m in between)
    return False
