"""The source before a reporting verb: the phrase left of the cue as far as the parse's subject of
it reaches (``subject_source``), and the tests that such a phrase is no source of it
(``implausible_subject``, ``noun_compound``). Used by the ``source_cue`` pattern of verbal.py, and
``parse_subject_of`` also by ``cue_source`` to tell an inversion from a verb with its subject."""

from __future__ import annotations

from collections.abc import Sequence

from framing.nlp.segment import Token
from framing.voice.frames.frame import _TERMINAL, SentenceView
from framing.voice.frames.words import _EVIDENCE_HEADS, _MEDIA, _NP_DETERMINERS
from framing.voice.lexicon import Cue, verb
from framing.voice.phrases import np_ending_at
from framing.voice.sources import left_np
from framing.voice.wordclasses import (
    PRONOUNS,
    RELATIVES,
    finite_verb,
    modifies_verb,
    plural_noun,
    under,
)


def parse_subject_of(toks: Sequence[Token], v: int, lo: int, in_quote: Sequence[bool]) -> int | None:
    """The token the parse makes the nominal subject of the verb at ``v``, outside quotes."""
    for k in range(v - 1, lo - 1, -1):
        if toks[k].head == v and toks[k].dep in ("nsubj", "nsubjpass") and not in_quote[k]:
            return k
    return None


def _as_parse_subject(
    toks: Sequence[Token], a: int, lo: int, in_quote: Sequence[bool], src: tuple[int, int]
) -> tuple[int, int]:
    """The source phrase as far as the parse's subject of the cue, a noun, reaches: not "the same
    day" before "the Republican governor's campaign announced", and the whole of "the lawyer for
    the campaign and the party said", not "the party"."""
    subject = parse_subject_of(toks, a, lo, in_quote)
    if subject is None or toks[subject].pos not in ("NOUN", "PROPN"):
        return src
    left = _subject_left_edge(toks, subject, lo)
    if src[0] <= subject <= src[1]:
        # the whole subject ("the U.S. Fish and Wildlife Service", "Law enforcement agencies"),
        # without a time the phrase ran into ("the same day the Republican governor's campaign")
        if left < src[0] and not any(in_quote[left : src[0]]):
            return (left, src[1])
        if src[0] < left and any(t.is_time for t in toks[src[0] : left]):
            return (left, src[1])
        return src
    if subject < src[0] and under(toks, src[1], subject) and not any(in_quote[left : src[1] + 1]):
        return (left, src[1])
    return src


def _bare_parse_subject(toks: Sequence[Token], a: int, lo: int, in_quote: Sequence[bool]) -> tuple[int, int] | None:
    """Where no source phrase ends before the cue, the parse's subject of it, a noun: across an
    aside in commas ("Government officials, who asked not to be identified because the matter is
    sensitive, said"), or with all the parse hangs on it ("The real estate mogul and reality TV
    star said")."""
    subject = parse_subject_of(toks, a, lo, in_quote)
    if subject is None or toks[subject].pos not in ("NOUN", "PROPN"):
        return None
    if toks[a - 1].text == "," and subject + 1 < a and toks[subject + 1].text == ",":
        return (np_ending_at(toks, subject, lo, in_quote)[0], subject)
    if subject != a - 1:
        return None
    left = _subject_left_edge(toks, subject, lo, in_quote)
    return (left, subject)


def _subject_left_edge(toks: Sequence[Token], subject: int, lo: int, in_quote: Sequence[bool] | None = None) -> int:
    """Where the parse's subject starts: the words before it that the parse hangs on it, without a
    gap, a clause's punctuation, a hyphen (a hyphenated title splits badly: "Editor-in-Chief") or,
    with ``in_quote``, a quoted word."""
    left = subject
    while left - 1 >= lo and under(toks, left - 1, subject) and toks[left - 1].text not in _CLAUSE_PUNCT \
            and toks[left - 1].text != "-" and not (in_quote is not None and in_quote[left - 1]):
        left -= 1
    return left


_CLAUSE_PUNCT = frozenset({",", ";", ":", "—", "–", "(", ")"})


def subject_source(view: SentenceView, a: int) -> tuple[int, int] | None:
    """The source before the cue: the phrase left of it, or a study or poll with its modifiers
    ("The latest Reuters/Ipsos poll released Friday shows") when that reaches further."""
    text, toks, lo, in_quote = view.text, view.toks, view.lo, view.in_quote
    src = left_np(toks, a, lo, in_quote, text)
    if src is not None:
        src = _as_parse_subject(toks, a, lo, in_quote, src)
    else:
        src = _bare_parse_subject(toks, a, lo, in_quote)
    if src is not None and toks[src[1]].is_place:
        # "the mayor of Washington, DC, suggested": the place in commas is no subject; the parse's is
        subject = parse_subject_of(toks, a, lo, in_quote)
        if subject is None:
            # or the phrase the place belongs to: "the mayor of [Washington, DC]" (one entity)
            k = src[1]
            while k > lo and toks[k - 1].ent == toks[k].ent and not toks[k].ent_start:
                k -= 1
            subject = k - 2 if k - 2 >= lo and toks[k - 1].lower == "of" and not in_quote[k - 2] else None
        if subject is not None and subject < src[0] and not toks[subject].is_place:
            src = (np_ending_at(toks, subject, lo, in_quote)[0], subject if toks[subject + 1].lower != "of" else src[1])
    if src is None or src[0] > lo or src[1] < a - 1:
        modified = _modified_evidence_subject(view, a)
        if modified is not None and (src is None or src[0] > modified[0] or src[1] < modified[1]):
            src = modified
    return src


_SUBJECT_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "one", "another", "each"}
)


def _modified_evidence_subject(view: SentenceView, a: int) -> tuple[int, int] | None:
    """A study or poll whose modifiers hold a participle or a relative clause, from the start of
    the clause to the cue: "The latest Reuters/Ipsos poll released Friday shows", "The average of
    polls taken over the past two weeks shows", "A USA TODAY analysis of super PACs that have
    raised $1 million since 2015, shows". None unless the clause opens with a determiner and its
    first evidence noun comes before any verb of the clause's own."""
    toks, lo, in_quote = view.toks, view.lo, view.in_quote
    if a - lo < 3 or toks[lo].lower not in _SUBJECT_DETERMINERS or any(in_quote[lo:a]):
        return None
    head = None
    for k in range(lo + 1, min(a, lo + 9)):
        if toks[k].lower in _EVIDENCE_HEADS:
            head = k
            break
        if finite_verb(toks[k]) or toks[k].text in (",", ";", ":"):
            return None
    if head is None or head == a - 1:
        return None  # no head, or nothing to add to what left_np finds
    relative = False
    for k in range(head + 1, a):
        t = toks[k]
        if t.text in (";", ":") or t.text in _TERMINAL:
            return None
        if not relative and (t.text == "," and k != a - 1 or t.lower in ("and", "but", "yet", "or", "while")):
            return None  # "The poll closed early, and the mayor said": another clause's subject
        if t.lower in ("that", "which", "who") and not relative:
            relative = True  # its verbs belong to the relative clause
            continue
        if relative or not finite_verb(t):
            continue
        # a participle right after a noun or an adverb modifies the head ("poll released Friday")
        if not (t.lower.endswith("ed") or t.lower in ("taken", "done", "given", "made", "run", "held", "shown", "seen", "written")):
            return None
    end = a - 1
    if relative and toks[end].text != ",":
        return None  # "… that have raised $1 million, shows": the relative clause ends with a comma
    while end > head and (toks[end].text == "," or modifies_verb(toks[end], toks)):
        end -= 1  # "The study also found": the adverb is the verb's
    return (lo, end)


def implausible_subject(view: SentenceView, a: int, b: int, cue: Cue, src: tuple[int, int]) -> bool:
    """Is the phrase before the cue no source of it: "it" with a verb only people use, a
    document noun before its participle, a plural before a verb in -s, a noun before its
    auxiliary?"""
    toks, lo, hi, in_quote = view.toks, view.lo, view.hi, view.in_quote
    if toks[src[0]].lower == "it" and src[0] == src[1] and not verb(cue.lemma).it_subject:
        return True  # "it would tell an American story": a thing speaks only through a few verbs
    if toks[src[0]].pos == "ADP" and toks[a].lower.endswith("ed") and src[1] == a - 1 and toks[src[1]].lower in _MEDIA:
        return True  # "In a Facebook message posted Friday, Trump said …": a participle of the noun
    if len(cue.words) == 1 and toks[a].lower.endswith("s") and toks[src[1]].text.islower() and plural_noun(toks[src[1]]) \
            and src[1] == a - 1 and not any(t.pos == "ADP" or t.lower in RELATIVES for t in toks[src[0] : src[1] + 1]):
        return True  # "capital gains rates": a verb in -s does not follow a plural subject
    if (
        len(cue.words) == 1 and b + 1 <= hi and toks[b + 1].pos == "AUX" and not in_quote[b + 1]
        and toks[src[1]].lower not in PRONOUNS | RELATIVES | {"i", "we", "you"}
        # only a source that opens its clause: not "what the study shows is", "Smith, who officials
        # say was driving", "a deal the mayor said would save …"
        and (src[0] == lo or toks[src[0] - 1].text in (",", ";", ":", "—") or toks[src[0] - 1].lower in ("and", "but", "or"))
        and not any(t.lower in ("what", "who", "which", "whom", "that") for t in toks[src[0] : src[1] + 1])
    ):
        return True  # "Health worries have dogged …", "Republican support was solid": a noun before its verb
    return False


def noun_compound(toks: Sequence[Token], a: int, src: tuple[int, int]) -> bool:
    """"the U.S. support for ...", "a White House plan": a base-form cue right after a
    singular phrase opened by a determiner is a noun, not a verb."""
    if src[1] != a - 1 or toks[a].tag not in ("VB", "VBP", "NN"):
        return False
    first, head = toks[src[0]].lower, toks[src[1]]
    plural = head.lower.endswith("s") and not head.text.endswith(".") and not head.text.isupper()
    return first in _NP_DETERMINERS and not plural
