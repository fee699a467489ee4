"""Source phrases by their extent: where a noun phrase that names a source begins and ends.

Given the token that ends the phrase (its head), or the token that opens it:

* ``np_ending_at``: names, titles and modifiers before a head ("Israeli Prime Minister Benjamin
  Netanyahu", "The energy ministry", "human rights groups");
* ``with_postmodifier``: a whole phrase with its prepositional tail ("Drivers interviewed at
  stations in the city");
* ``common_noun_np``: a common noun opened by a determiner or a possessive ("the announcer",
  "Trump’s campaign manager", "73 percent");
* ``appositive_head``: the phrase a name in commas renames ("Trump's running mate, Mike Pence");
* ``clause_subject``: a bare plural subject from its clause's start ("But environmentalists");
* ``phrase_to_comma``: a phrase after an inverted cue that runs to the next comma ("according to
  a new report by Politico,").

:mod:`framing.voice.sources` decides which of these to call beside a reporting cue.
"""

from __future__ import annotations

from collections.abc import Sequence

from framing.nlp.segment import Token
from framing.voice.wordclasses import (
    CLAUSE_OPENERS,
    CONNECTIVES,
    DETERMINERS,
    FUNCTION_WORDS,
    POSSESSIVE_ENDINGS,
    PRONOUNS,
    SUBJECT_BOUNDARY,
    can_be_in_source,
    clause_verb,
    in_source_words,
    modifies_verb,
    plural_noun,
)


def np_ending_at(toks: Sequence[Token], j: int, lo: int, in_quote: Sequence[bool]) -> tuple[int, int]:
    """Extend a source phrase leftwards from its head at ``j`` over names, titles and modifiers."""
    a = j
    while a - 1 >= lo and not in_quote[a - 1] and can_be_in_source(toks[a - 1]):
        if toks[a - 1].lower in PRONOUNS or toks[a - 1].lower in ("i", "we", "you", "it") or toks[a - 1].lower in CLAUSE_OPENERS:
            break
        a -= 1
    # drop leading connectives
    while a < j and toks[a].lower in ("of", "for", "and", "-", "&", "’s", "'s"):
        a += 1
    # "The energy ministry": lower-case modifiers between a determiner and the head
    k, words = a, 0
    while k - 1 >= lo and words < 3 and not in_quote[k - 1] and (
        _glued_hyphen(toks, k - 1, lo) or (k < len(toks) and _glued_hyphen(toks, k, lo)) or (
            toks[k - 1].text.isalpha() and toks[k - 1].lower not in FUNCTION_WORDS
            and toks[k - 1].lower not in DETERMINERS and toks[k - 1].lower not in SUBJECT_BOUNDARY
            and toks[k - 1].lower not in CLAUSE_OPENERS
        )
    ):
        words += toks[k - 1].text != "-"
        k -= 1  # "The Democratic presidential nominee", "the four-term congressman", not "while critics"
    if k < a and k - 1 >= lo and toks[k - 1].lower in DETERMINERS:
        a = k - 1
    elif k < a and a == j and plural_noun(toks[j]) and all(t.text.islower() for t in toks[k:a]) and (
        k == lo or toks[k - 1].lower in SUBJECT_BOUNDARY
    ):
        a = k  # "..., and human rights groups warned"
    return (a, j)


def _glued_hyphen(toks: Sequence[Token], k: int, lo: int) -> bool:
    """A hyphen inside a compound modifier ("four-term", "long-serving"): no space either side."""
    return (
        toks[k].text == "-" and lo < k < len(toks) - 1
        and toks[k - 1].end == toks[k].start and toks[k].end == toks[k + 1].start
    )


def with_postmodifier(toks: Sequence[Token], span: tuple[int, int], lo: int, in_quote: Sequence[bool]) -> tuple[int, int]:
    """"Drivers interviewed at stations in the city said": the phrase before "said" is the
    object of a preposition; the source is the whole phrase from the clause's start."""
    a, j = span
    if a - 1 < lo or toks[a - 1].pos != "ADP":
        return span
    s = a - 1
    while s - 1 >= lo and not in_quote[s - 1] and toks[s - 1].text not in (",", ";", ":", "—", "–", "(", ")"):
        s -= 1
    first = toks[s]
    if a - s > 10 or not (first.text[0].isupper() or first.lower in DETERMINERS):
        return span
    if any(clause_verb(t) or t.dep == "mark" for t in toks[s:a]):
        # a verb or a subordinate clause: the phrase before "said" starts a new clause ("He
        # wrote that his work as a pastor helps him understand")
        return span
    return (s, j)


_NOT_IN_NP = frozenset(
    {"and", "but", "or", "that", "which", "who", "to", "is", "was", "are", "were", "has", "have",
     "had", "be", "been", "not", "said", "says", "if", "when", "as", "than", "then", "because",
     "while", "after", "before", "since", "until", "although", "though", "whether"}
)

# Words that follow a determiner but are no nouns ("the various challenges": a verb follows).
_NOT_NOUNS = frozenset(
    {"various", "many", "several", "other", "others", "same", "own", "new", "recent", "latest",
     "first", "last", "next", "only", "most", "more", "less", "few", "such", "whole", "entire",
     "very", "real", "main", "key", "best", "worst", "one", "two", "way", "time", "day", "year"}
)


def common_noun_np(toks: Sequence[Token], j: int, lo: int, in_quote: Sequence[bool]) -> tuple[int, int] | None:
    """A phrase headed by any common noun, opened by a determiner or a possessive:
    "the announcer said", "The clip says", "Trump’s campaign manager said"."""
    if not toks[j].text.isalpha() or not toks[j].text.islower() or toks[j].lower in FUNCTION_WORDS:
        return None
    k = j
    while k - 1 >= lo and j - k < 4 and not in_quote[k - 1]:
        w = toks[k - 1]
        if w.lower in DETERMINERS or w.lower == "this" or w.text in POSSESSIVE_ENDINGS or w.text.isdigit():
            break
        word = w.text.replace("-", "")
        if w.text == "-" and k - 2 >= lo and toks[k - 2].text[0].isupper():
            k -= 1  # "the African-American community"
            continue
        if not (word.isalnum() and (w.text.islower() or w.text[0].isupper() or word.isdigit())) or w.lower in _NOT_IN_NP:
            return None
        k -= 1
    if k == lo and toks[k].text[0].isupper() and k < j:
        return (k, j)  # "Twelve percent indicated", "Human rights groups warned"
    if k - 1 < lo or in_quote[k - 1]:
        return None
    opener = toks[k - 1]
    if opener.text in POSSESSIVE_ENDINGS:
        if k - 2 < lo:
            return None
        owner = toks[k - 2]
        if owner.text[0].isupper():
            a, _ = np_ending_at(toks, k - 2, lo, in_quote)
            return (a, j)
        # "the ad’s narrator", "the Democratic presidential candidate’s former doctor": a common
        # noun with its determiner (and up to two modifiers) owns the head
        if owner.text.isalpha():
            d = k - 3
            while d >= lo and k - 3 - d < 2 and toks[d].text.isalpha() and toks[d].lower not in DETERMINERS and toks[d].lower not in FUNCTION_WORDS:
                d -= 1
            if d >= lo and toks[d].lower in DETERMINERS:
                return (d, j)
        return None
    if opener.text.isdigit():
        return (k - 1, j)  # "73 percent said"
    if (opener.lower in DETERMINERS or opener.lower == "this") and toks[j].lower not in _NOT_NOUNS:
        return (k - 1, j)
    return None


def appositive_head(toks: Sequence[Token], j: int, lo: int, in_quote: Sequence[bool]) -> tuple[int, int] | None:
    """The phrase that a name in commas renames: "Trump's running mate" in "Trump's running mate,
    Mike Pence, said"; None when it is no noun phrase of its own (a clause, an adverb)."""
    if j < lo or in_quote[j] or not toks[j].text.isalpha():
        return None
    span: tuple[int, int] | None
    if toks[j].text[0].isupper():
        span = np_ending_at(toks, j, lo, in_quote)
    else:
        span = common_noun_np(toks, j, lo, in_quote)
        span = with_postmodifier(toks, span, lo, in_quote) if span else None
    if span is None:
        return None
    if span[0] > lo and toks[span[0] - 1].text not in (";", ":", "—", "–", "(") and toks[span[0] - 1].lower not in ("and", "but"):
        return None  # the phrase is the object of something before it ("After the vote, ...")
    return span


def clause_subject(toks: Sequence[Token], j: int, lo: int, in_quote: Sequence[bool]) -> tuple[int, int] | None:
    """A subject with no determiner, from the start of its clause to the cue: "But
    environmentalists worry", "Companies and individuals complain", "Experts on North Korea
    and nuclear nonproliferation said". Its first noun must be a plural or a source word."""
    s = j
    while s - 1 >= lo and j - s < 10 and not in_quote[s - 1] and (toks[s - 1].lower == "and" or toks[s - 1].lower not in SUBJECT_BOUNDARY):
        s -= 1
    if s - 1 >= lo and (in_quote[s - 1] or toks[s - 1].lower not in SUBJECT_BOUNDARY):
        return None  # too long to be a subject
    span = _bare_subject(toks, s, j)
    if span is None:  # "The deal collapsed and environmentalists worry": the subject after "and"
        last_and = next((k for k in range(j - 1, s - 1, -1) if toks[k].lower == "and"), None)
        span = _bare_subject(toks, last_and + 1, j) if last_and is not None else None
    return span


def _bare_subject(toks: Sequence[Token], s: int, j: int) -> tuple[int, int] | None:
    phrase = toks[s : j + 1]
    if any(
        not (t.text.replace("-", "").isalnum() or t.text in POSSESSIVE_ENDINGS or t.lower == "and")
        or clause_verb(t) or modifies_verb(t, toks) and t.text.islower()
        or (t.text.islower() and t.lower.endswith("ing"))
        for t in phrase
    ):
        return None
    if toks[s].pos == "ADP" or toks[s].lower in CLAUSE_OPENERS or toks[s].lower in FUNCTION_WORDS:
        return None
    # the first noun phrase: up to the first preposition or "and"
    end = s
    while end + 1 <= j and toks[end + 1].pos != "ADP" and toks[end + 1].lower != "and":
        end += 1
    head = toks[end]
    if end - s > 3 or not (plural_noun(head) or in_source_words(head.lower, "anonymous") or in_source_words(head.lower, "institution")):
        return None
    return (s, j)


def phrase_to_comma(toks: Sequence[Token], a: int, hi: int, in_quote: Sequence[bool]) -> tuple[int, int] | None:
    """"according to a new report by Politico,", "said the ruling.": a source phrase that runs
    to the next comma or the end of the sentence (at most 15 words), opened by a determiner,
    a number or a name."""
    first = toks[a]
    if not (first.lower in DETERMINERS or first.text[0].isupper() or first.text[0].isdigit()):
        return None
    b = a
    while b + 1 <= hi and not in_quote[b + 1] and toks[b + 1].text not in (",", ";", ":", ".", "!", "?", "—", "–", "(") \
            and b + 1 - a < 15:
        b += 1
    if b + 1 <= hi and toks[b + 1].text not in (",", ";", ":", ".", "!", "?", "—", "–", "("):
        return None  # longer than a source phrase: a clause follows
    if any(clause_verb(t) for t in toks[a : b + 1]):
        return None  # "said the call was productive": a clause, not a source
    while b > a and (toks[b].lower in CONNECTIVES or toks[b].lower in DETERMINERS):
        b -= 1
    head = toks[b]
    if not head.text.replace("-", "").isalnum() or head.lower in FUNCTION_WORDS or head.lower in DETERMINERS:
        return None
    return (a, b)
