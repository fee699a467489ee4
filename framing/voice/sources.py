"""Sources: the noun phrase beside a reporting cue that says who is speaking.

* ``left_np`` finds the phrase before the cue ("Netanyahu said", "Matthew Miller, a spokesperson
  for the State Department, elaborated", "sources familiar with the talks said", "All agreed"):
  it steps back over adverbs and auxiliaries, a catenative verb ("appeared to say"), a time
  phrase ("on Monday") and asides in dashes, brackets or commas, then takes the phrase there.
* ``right_np`` finds the phrase after an inverted cue ("said Blinken", "according to X").

Both return a token range; :mod:`framing.voice.phrases` gives a phrase its extent,
:mod:`framing.voice.wordclasses` holds the word classes they test, and
:func:`framing.voice.naming.classify` later names the phrase and gives its kind (person,
institution, anonymous, author, ...) with the article's :class:`framing.voice.registry.Registry`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from framing.nlp.segment import Token
from framing.voice.lexicon import source_words
from framing.voice.phrases import (
    appositive_head,
    clause_subject,
    common_noun_np,
    np_ending_at,
    phrase_to_comma,
    with_postmodifier,
)
from framing.voice.wordclasses import (
    AUTHOR_PRONOUNS,
    CLAUSE_OPENERS,
    CONNECTIVES,
    DETERMINERS,
    FUNCTION_WORDS,
    PARTY_STATE,
    POSSESSIVE_ENDINGS,
    PRONOUNS,
    can_be_in_source,
    can_head_source,
    clause_verb,
    modifies_verb,
    relative_that,
)

# Quantifiers that can stand alone as a clause's subject: "All agreed that …", "Both said …".
_QUANTIFIER_SOURCES = frozenset({"all", "both", "each", "everyone", "everybody", "nobody", "many", "most", "some", "others", "several", "few"})
_PLURAL_QUANTIFIERS = frozenset({"all", "both", "many", "most", "some", "others", "several", "few"})
# Verbs that pass their subject to an infinitive ("appeared to suggest"), and "yet", "able", "on"
_CATENATIVES = frozenset(
    {"appear", "appears", "appeared", "seem", "seems", "seemed", "try", "tries", "tried", "need",
     "needs", "needed", "attempt", "attempts", "attempted", "begin", "begins", "began", "start",
     "starts", "started", "seek", "seeks", "sought", "continue", "continues", "continued", "want",
     "wants", "wanted", "hope", "hopes", "hoped", "plan", "plans", "planned", "refuse", "refuses",
     "refused", "decline", "declines", "declined", "decide", "decides", "decided", "yet", "able",
     "going", "used", "ought", "have", "has", "had", "got", "on", "set", "prepared", "expected"}
)

APPOSITIVE_STARTS = frozenset(
    {"a", "an", "the", "who", "whose", "which", "now", "then", "his", "her", "their", "its",
     "himself", "herself", "one", "both", "also", "former", "currently", "longtime", "once"}
)
# "Hillary Clinton, at a later press gaggle, said" / "Trump, in particular, has criticized"
INTERPOSED_STARTS = frozenset(
    {"at", "in", "on", "during", "after", "before", "speaking", "asked", "writing", "like",
     "however", "meanwhile", "though", "too", "for", "under", "with", "without", "by", "from",
     "earlier", "later", "moreover", "nevertheless", "separately", "instead",
     "ever", "once", "still", "already", "when", "while", "as", "despite", "amid", "via"}
)

_POSTMODIFIER = re.compile(
    r"\b(?:familiar with|close to|with knowledge of|briefed on|involved in|knowledgeable about|"
    r"speaking on condition of anonymity|who (?:spoke|asked|requested)[^,]*)\b[^,.;:]*,?\s*$",
    re.IGNORECASE,
)


def left_np(toks: Sequence[Token], i: int, lo: int, in_quote: Sequence[bool], text: str) -> tuple[int, int] | None:
    """Token range ``[a, b]`` of the source phrase before the cue at ``i``: the phrase that ends
    there (``_phrase_ending_before``), unless the parse names the cue's subject elsewhere as a
    person or an organisation ("Sen. John Cornyn, R-TX, who heads the committee, said": the
    subject is Cornyn, not the party tag)."""
    span = _phrase_ending_before(toks, i, lo, in_quote, text)
    subject = _parse_subject(toks, i, lo)
    if subject is not None and not in_quote[subject] and (span is None or not span[0] <= subject <= span[1]) and (
        (toks[subject].pos == "PROPN" and toks[subject].ent in ("PERSON", "ORG"))
        # "the congressman who represents parts of Brooklyn and Queens was ...": the phrase
        # found is a piece of the subject's own modifier
        or (span is not None and toks[subject].pos in ("NOUN", "PROPN") and _inside(toks, span[1], subject, lo))
    ):
        return np_ending_at(toks, subject, lo, in_quote)
    in_span = subject is not None and span is not None and span[0] <= subject <= span[1]
    if span is not None and not in_span and not _can_name_a_source(toks[span[1]]):
        return None  # "who may have been responsible for tweeting": no noun phrase, no source
    if span is not None and subject is not None and in_span and span[0] == lo:
        # "But with Republicans vowing to …": words that open the sentence before the subject and
        # that the parse does not hang on it (a conjunction, a preposition) are no part of the source
        start = span[0]
        while start < subject and toks[start].pos in ("CCONJ", "SCONJ", "ADP") and not _inside_or_at(toks, start, subject, lo):
            start += 1
        span = (start, span[1])
    return span


def _path_up(toks: Sequence[Token], k: int, root: int, lo: int) -> list[str] | None:
    """The dependency relations on the parse's path from ``toks[k]`` up to ``toks[root]``
    (``[]`` when ``k`` is ``root``), or None when the path does not pass through ``root``."""
    deps: list[str] = []
    for _ in range(64):
        if k == root:
            return deps
        if toks[k].head == k or toks[k].head < lo:
            return None
        deps.append(toks[k].dep)
        k = toks[k].head
    return None


def _inside_or_at(toks: Sequence[Token], k: int, root: int, lo: int) -> bool:
    """Does the parse's path from ``toks[k]`` up to the root pass through ``toks[root]``?"""
    return _path_up(toks, k, root, lo) is not None


def _inside(toks: Sequence[Token], k: int, root: int, lo: int) -> bool:
    """Does the parse put ``toks[k]`` inside a modifier of ``toks[root]`` (a relative clause, a
    prepositional phrase), not merely beside it ("Oklahoma and Nebraska")?"""
    deps = _path_up(toks, k, root, lo)
    return deps is not None and any(d in ("relcl", "acl", "prep", "pobj", "appos") for d in deps)


def _can_name_a_source(tok: Token) -> bool:
    """Can the tagger's word class of a phrase's last word head a source ("officials", "Trump",
    "she", "many"), unlike an adjective or a verb ("been responsible")?"""
    return tok.pos in ("NOUN", "PROPN", "PRON", "X", "") or tok.lower in _QUANTIFIER_SOURCES or not tok.text.islower()


def _parse_subject(toks: Sequence[Token], i: int, lo: int) -> int | None:
    """The token the parse makes the subject of the verb at ``i`` (or of the verb an auxiliary at
    ``i`` belongs to), if it comes before ``i`` in the sentence."""
    verb = toks[i].head if toks[i].dep in ("aux", "auxpass") else i
    for j in range(lo, i):
        if toks[j].head == verb and toks[j].dep in ("nsubj", "nsubjpass") and j != verb:
            return j
    return None


def _phrase_ending_before(toks: Sequence[Token], i: int, lo: int, in_quote: Sequence[bool], text: str) -> tuple[int, int] | None:
    """The source phrase that ends before the cue at ``i``: step back over adverbs and
    auxiliaries, a catenative verb ("appeared to say"), a time phrase, and asides in dashes,
    brackets or commas, then take the phrase that ends there."""
    j = _skip_before_cue(toks, i, i - 1, lo, in_quote)
    decided, span = _opening_quantifier(toks, i, j, lo, in_quote)
    if decided:
        return span
    if j < lo or in_quote[j]:
        return None
    # "appeared to suggest", "tried to make the case", "has yet to explain", "went on to say"
    if toks[j].lower == "to" and j - 1 > lo and toks[j - 1].lower in _CATENATIVES and not toks[i].lower.endswith(("ing", "ed")):
        j -= 2
        if toks[j].lower == "went" or toks[j].lower == "go" or toks[j].lower == "goes":
            j -= 1
        while j >= lo and not in_quote[j] and toks[j].text.islower() and (
            modifies_verb(toks[j], toks) or toks[j].lower.endswith("ly") and _adverb_here(toks, j, lo)
        ):
            j -= 1
        if j < lo or in_quote[j]:
            return None
    # "Trump this week also said", "Clinton on Monday said": step over the time phrase
    j = _skip_time_phrase(toks, j, lo)
    while j >= lo and not in_quote[j] and toks[j].text.islower() and modifies_verb(toks[j], toks):
        j -= 1
    if j < lo or in_quote[j]:
        return None
    step = _skip_asides(toks, j, lo, in_quote, text)
    if step is None or isinstance(step, tuple):
        return step
    return _phrase_before_cue(toks, step, lo, in_quote, text)


def _skip_before_cue(toks: Sequence[Token], i: int, j: int, lo: int, in_quote: Sequence[bool]) -> int:
    """Step back from ``j`` over the adverbs and auxiliaries before the cue at ``i``
    ("Netanyahu strongly emphasized", "He’s claiming")."""
    while j >= lo and not in_quote[j] and (
        (modifies_verb(toks[j], toks) and toks[j].text.islower())
        # "He’s claiming", "who’s called for": "’s" is "is" or "has" before a verb form
        or (toks[j].text in ("’s", "'s") and (toks[i].lower.endswith("ing") or (
            j - 1 >= lo and toks[j - 1].lower in ("he", "she", "who", "it", "that")
            and toks[i].lower.endswith(("ed", "said", "told")))))
        or (toks[j].lower.endswith("ly") and toks[j].text.islower() and len(toks[j].text) > 3
            and _adverb_here(toks, j, lo))
    ):
        j -= 1
    return j


def _before_subject(tok: Token) -> bool:
    """A word after which a clause's subject can start: a clause break or a conjunction ("…, all
    agreed", "and both said", "Not everyone")."""
    return tok.text in (",", ";", ":", "—") or tok.lower in ("and", "but", "yet", "not")


def _opening_quantifier(toks: Sequence[Token], i: int, j: int, lo: int, in_quote: Sequence[bool]) -> tuple[bool, tuple[int, int] | None]:
    """(decided, source): "All agreed that …", "To varying degrees, all agreed …", "Both said …":
    a quantifier that opens the clause is the source (elsewhere "they all agreed" steps over it
    to "they"); "All told, 12 were hurt" and "Most estimates put …" have no speaker."""
    plural_quantifier_before_s = toks[i].lower.endswith("s") and not toks[i].lower.endswith("ss")
    idiom = toks[i].lower == "told" and i + 1 < len(toks) and toks[i + 1].text == ","  # "All told, …"
    for q in (j, j + 1):
        if q == i - 1 and ((idiom and toks[q].lower == "all") or (plural_quantifier_before_s and toks[q].lower in _PLURAL_QUANTIFIERS)):
            return True, None
        if lo <= q < i and toks[q].lower in _QUANTIFIER_SOURCES and not in_quote[q] and (q == lo or _before_subject(toks[q - 1])) \
                and (q == j or j < lo or _before_subject(toks[j])):
            return True, ((q - 1, q) if q - 1 >= lo and toks[q - 1].lower == "not" else (q, q))
    return False, None


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_TIME_NOUNS = frozenset({"week", "month", "year", "morning", "afternoon", "evening", "night", "weekend"})


def _skip_time_phrase(toks: Sequence[Token], j: int, lo: int) -> int:
    """Index before a time phrase that ends at ``j`` ("this week", "on Monday", "today")."""
    low = toks[j].lower
    if toks[j].ent and not toks[j].is_time:
        return j  # "USA Today", "Good Morning America": a name, not a time
    if low in _TIME_NOUNS and j - 1 >= lo and toks[j - 1].lower in ("this", "last", "next", "that", "earlier", "later", "on"):
        j -= 2
    elif low in _WEEKDAYS or low in ("today", "yesterday", "tonight", "recently", "earlier", "later"):
        j -= 1
    elif low.isdigit() and len(low) == 4 and j - 1 >= lo and toks[j - 1].lower in ("in", "since", "by"):
        j -= 2  # "who in 2010 said"
    else:
        return j
    if j >= lo and toks[j].lower in ("on", "earlier", "late", "early"):
        j -= 1
    return j


_LY_NOUNS = frozenset(
    {"family", "assembly", "supply", "ally", "rally", "anomaly", "monopoly", "reply", "bully",
     "belly", "jelly", "lily", "homily", "melancholy", "folly", "italy", "july", "tally", "gully"}
)


def _adverb_here(toks: Sequence[Token], j: int, lo: int) -> bool:
    """Is the -ly word at ``j`` an adverb ("Netanyahu strongly emphasized") rather than a noun
    ("Scott's family has called", "the assembly voted")?"""
    if toks[j].lower in _LY_NOUNS:
        return False
    prev = toks[j - 1] if j > lo else None
    return prev is None or not (prev.lower in DETERMINERS or prev.text in POSSESSIVE_ENDINGS)


def _skip_asides(toks: Sequence[Token], j: int, lo: int, in_quote: Sequence[bool], text: str) -> int | tuple[int, int] | None:
    """Step back over an aside before the cue: the index where the source phrase ends, the
    source itself when an aside gives it, or None when there is none."""
    # "Blinken—who previously said ...—reiterated" / "Blinken (who ...) said"
    if toks[j].text in ("—", "–", "--", ")"):
        opener = "(" if toks[j].text == ")" else toks[j].text
        k = j - 1
        while k >= lo and toks[k].text != opener and not in_quote[k]:
            k -= 1
        if k <= lo or in_quote[k]:
            return None
        return k - 1
    # "Matthew Miller, a spokesperson for the State Department, elaborated"; up to two such
    # segments ("Okafor, 61, who has served on the board for a decade, told")
    for _ in range(2):
        if toks[j].text != ",":
            break
        step = _skip_comma_segment(toks, j, lo, in_quote, text)
        if step is None or isinstance(step, tuple):
            return step
        j = step
        while j > lo and toks[j].text.islower() and modifies_verb(toks[j], toks):
            j -= 1  # "Other unions, including the AFL-CIO, have also endorsed"
    return j


def _skip_comma_segment(toks: Sequence[Token], j: int, lo: int, in_quote: Sequence[bool], text: str) -> int | tuple[int, int] | None:
    """The source phrase before a comma-enclosed segment that ends at the comma ``j``: the
    index where that phrase ends, or the source itself ("A lawyer, David Schulz, said"), or
    None when the segment is no appositive or aside."""
    k = j - 1
    while k > lo and toks[k].text != "," and not in_quote[k]:
        k -= 1
    if k <= lo or in_quote[k] or toks[k].text != ",":
        return None
    first = toks[k + 1]
    inner = toks[k + 1 : j]
    if not inner:
        return None
    if len(inner) <= 4 and all(t.text[0].isupper() for t in inner) and not in_quote[k + 1]:
        # "A lawyer for the news outlets, David Schulz, said": the whole phrase is the source (the
        # name names it); without a phrase before the comma, the name alone
        name = np_ending_at(toks, j - 1, k + 1, in_quote)
        head = appositive_head(toks, k - 1, lo, in_quote)
        return (head[0], name[1]) if head is not None else name
    if all(t.text.isdigit() for t in inner) or PARTY_STATE.fullmatch(text[inner[0].start : inner[-1].end]):
        j = k - 1  # "Quina Jones, 25, said", "Mitch McConnell, R-Ky., said"
        return j if j >= lo and can_head_source(toks[j]) else None
    participial = first.text.islower() and first.lower.endswith(("ing", "ed")) and len(first.lower) > 4
    named_before = toks[k - 1].text[0].isupper() and can_head_source(toks[k - 1])
    # "Dana Ortiz, executive director of the group, called for": after a name, any segment without
    # a verb of its own is an appositive
    verbless = named_before and len(inner) <= 15 and not any(
        clause_verb(t) or in_quote[t_i] for t_i, t in enumerate(inner, start=k + 1)
    )
    if (
        first.lower not in APPOSITIVE_STARTS
        and first.lower not in INTERPOSED_STARTS
        and first.lower != "including"  # "Other major unions, including the AFL-CIO, have endorsed"
        and not participial  # "President Obama, dedicating the museum on Saturday, said"
        and not (k + 1 < j and first.lower in source_words()["title"])
        and not verbless
    ):
        return None
    j = k - 1
    while j - 2 >= lo and toks[j - 1].text == "," and (toks[j].text.isdigit() or PARTY_STATE.fullmatch(toks[j].text)):
        j -= 2  # "Okafor, 61, who has served ..., told"
    if j >= lo and toks[j].text == ")":  # "Rep. Jim Jordan (R-Ohio), an oversight panel member, said"
        k = j - 1
        while k > lo and toks[k].text != "(":
            k -= 1
        j = k - 1
    if j < lo or not (toks[j].text[0].isupper() or first.lower == "including" or toks[j].text == ","):
        return None
    return j


def _phrase_before_cue(toks: Sequence[Token], j: int, lo: int, in_quote: Sequence[bool], text: str) -> tuple[int, int] | None:
    """The source phrase that ends at ``j``: with its postmodifier ("sources familiar with the
    talks"), a pronoun, a hyphenated name, a common-noun phrase or a name."""
    # "sources familiar with the talks said"
    base = max(toks[lo].start, toks[j].end - 300)  # the phrase ends at the cue: look back a little
    m = _POSTMODIFIER.search(text, base, toks[j].end)
    if m and m.start() > toks[lo].start:
        cut = m.start()
        end = j
        while j >= lo and toks[j].start >= cut:
            j -= 1
        if j < lo:
            return None
        if toks[j].lower in ("those", "some", "many", "others", "several", "most", "few", "one", "people", "anyone", "someone"):
            return (j, end)  # "Those close to him say": the whole phrase is the source
    if j < lo or in_quote[j]:
        return None
    if toks[j].lower in PRONOUNS or toks[j].lower in ("who", "which", "it") or toks[j].lower in AUTHOR_PRONOUNS or relative_that(toks, j, lo):
        return (j, j)  # resolved later: pronouns to a recent source, "who" to its antecedent
    if j - 2 >= lo and toks[j - 1].text == "-" and toks[j - 2].text[0].isupper() and toks[j].text.isalpha() \
            and toks[j - 1].start == toks[j - 2].end and toks[j].start == toks[j - 1].end:
        return np_ending_at(toks, j, lo, in_quote)  # "Park Geun-hye"
    if not can_head_source(toks[j]):
        span = common_noun_np(toks, j, lo, in_quote)
        return with_postmodifier(toks, span, lo, in_quote) if span else clause_subject(toks, j, lo, in_quote)
    span = np_ending_at(toks, j, lo, in_quote)
    if span[0] == span[1] and (toks[j].lower in CLAUSE_OPENERS or toks[j].lower in FUNCTION_WORDS):
        return None  # "In defending himself ...", "After saying ...": no phrase, no source
    return with_postmodifier(toks, span, lo, in_quote)


def _phrase_end(toks: Sequence[Token], a: int, b: int, hi: int, in_quote: Sequence[bool]) -> int:
    """How far the source phrase opened at ``a`` runs right from ``b``: over the words a source
    phrase holds, up to a comma."""
    titles = source_words()["title"]
    while b + 1 <= hi and not in_quote[b + 1] and can_be_in_source(toks[b + 1]) and toks[b + 1].text not in (",",):
        if toks[b + 1].lower == "for" and b > a and all(t.text[0].isupper() and t.lower not in titles for t in toks[a : b + 1]):
            break  # "wrote Cameron Easley for Morning Consult": the name, then the outlet
        b += 1
    return b


def right_np(toks: Sequence[Token], i: int, hi: int, in_quote: Sequence[bool]) -> tuple[int, int] | None:
    """Token range of the source phrase after an inverted cue ("said Blinken", "according to X")."""
    a = i
    if a > hi or in_quote[a] or toks[a].pos == "ADP":
        return None  # "..., said of RT", "..., said on Twitter": the speaker is before the verb
    b = _phrase_end(toks, a, a, hi, in_quote)
    place = toks[b]
    if place.is_place and b < place.head <= min(hi, b + 8) and not any(in_quote[b : place.head + 1]) \
            and place.dep in ("nmod", "compound", "amod") and toks[place.head].pos == "NOUN":
        # "tweeted the Brooklyn, N.Y., chapter of Indivisible": the place modifies the speaker
        b = _phrase_end(toks, a, place.head, hi, in_quote)
    # trim trailing connectives
    while b > a and (toks[b].lower in CONNECTIVES or toks[b].lower in DETERMINERS):
        b -= 1
    if toks[a].lower in PRONOUNS:
        return (a, a)
    if not can_head_source(toks[b]) or all(t.lower in DETERMINERS for t in toks[a : b + 1]):
        return phrase_to_comma(toks, a, hi, in_quote)
    return (a, b)
