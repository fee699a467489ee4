"""Frames of reporting verbs, and the order their patterns are tried in (``_frame_at``):
``source_cue`` (X said CONTENT / CONTENT, X said), ``cue_source`` (CONTENT, said X),
``according_to`` (according to X), ``coordinated`` (X said A and added that CONTENT), with the
``passive`` and ``participle`` patterns of passive.py and participle.py; also the tests that a
cue word is a verb here and not a noun ("his announced plans"), and chained cues ("continued to
insist")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from framing.nlp.segment import Token
from framing.voice.frames.boundary import with_prepositional_modifier
from framing.voice.frames.clause import (
    _bare_clause,
    _first_verb_guess,
    _head_ok_token,
)
from framing.voice.frames.complement import _complement_ok
from framing.voice.frames.frame import (
    _CLOSE_MARKS,
    _OPEN_MARKS,
    _TERMINAL,
    Frame,
    SentenceView,
    _is_ing,
    _opening_participle,
)
from framing.voice.frames.participle import (
    _after_comma,
    _comma_participle_frame,
    _medium_participle,
    _opening_participle_frame,
    _recording_participle,
)
from framing.voice.frames.passive import _agent_phrase, _passive_aux, _passive_frame
from framing.voice.frames.patterns import VERB_PATTERN_ORDER
from framing.voice.frames.words import (
    _EVIDENCE_HEADS,
    _MEDIA,
    _NP_DETERMINERS,
    TRAILER_STARTS,
)
from framing.voice.lexicon import Cue, CueLexicon, verb
from framing.voice.phrases import np_ending_at
from framing.voice.sources import left_np, right_np
from framing.voice.wordclasses import (
    PRONOUNS,
    RELATIVES,
    finite_verb,
    modifies_verb,
    plural_noun,
    relative_pronoun,
    relative_that,
    under,
)


class _Site(NamedTuple):
    """A reporting verb where the patterns are tried: the cue's tokens ``a`` .. ``b``, the
    token before it, and the sentence's frames so far."""

    view: SentenceView
    a: int
    b: int
    cue: Cue
    prev: Token | None
    earlier: list[Frame]


# What a pattern says at a site: (decided, frame). Decided with no frame: the cue reports
# nothing here and no later pattern is tried; not decided: the next pattern is tried.
Verdict = tuple[bool, "Frame | None"]
_PASS: Verdict = (False, None)


def _passive(s: _Site) -> Verdict:
    """"The plan was endorsed by the council" / "she was accused of …" (patterns.py: passive)."""
    aux = _passive_aux(s.view.toks, s.a, s.view.lo, s.cue)
    return _PASS if aux is None else (True, _passive_frame(s.view, s.a, s.b, aux, s.cue))


def _according_to(s: _Site) -> Verdict:
    """"according to the ministry", "according to federal statistics", not "according to plan"."""
    if s.cue.lemma not in ("according to", "as per"):
        return _PASS
    view = s.view
    src = right_np(view.toks, s.b + 1, view.hi, view.in_quote) or _plural_source_phrase(view, s.b + 1)
    if src is not None:
        src = with_prepositional_modifier(view, src)  # "according to a report in Fox News"
    return True, Frame(s.a, s.b, s.cue, src, "according_to") if src else None


def _participle(s: _Site) -> Verdict:
    """"…, saying that …", "in a video showing …", "Asked about X, Y said …"."""
    view, a, b, cue, prev = s.view, s.a, s.b, s.cue, s.prev
    if not _is_ing(cue, view.toks, a):
        return _PASS
    found = _medium_participle(view, a, b, cue, prev) or _recording_participle(view.toks, a, b, cue, view.lo, prev)
    if found is not None:
        return True, found
    if _opening_participle(view.toks, a, view.lo):
        return True, _opening_participle_frame(view, a, b, cue)
    if prev is not None and _after_comma(view.toks, a, view.lo, prev):
        return True, _comma_participle_frame(view, a, b, cue, prev, s.earlier)
    return _PASS


def _coordinated(s: _Site) -> Verdict:
    """"X praised the deal and added that …": the earlier frame's source."""
    if s.prev is None or s.prev.lower not in ("and", "but", "yet", "or"):
        return _PASS
    found = _coordinated_frame(s.view, s.a, s.b, s.cue, s.earlier)
    return _PASS if found is None else (True, found)


def _cue_source(s: _Site) -> Verdict:
    """"…, said Blinken", "“…,” added the official"."""
    found = _inverted_frame(s.view, s.a, s.b, s.cue, s.prev)
    return _PASS if found is None else (True, found)


def _source_cue(s: _Site) -> Verdict:
    """"Netanyahu said (that) …", "“…,” he said": the clause's subject; always decides."""
    view, a, b, cue = s.view, s.a, s.b, s.cue
    toks, lo = view.toks, view.lo
    src = _subject_source(view, a)
    if src is None or _implausible_subject(view, a, b, cue, src):
        return True, None
    if verb(cue.lemma).needs_complement and not _complement_ok(view, b, cue, src):
        return True, None
    if _noun_compound(toks, a, src):
        return True, None
    between = {t.text for t in toks[src[1] + 1 : a]}
    if toks[src[0]].lower in RELATIVES and src[0] > lo:
        between.add(toks[src[0] - 1].text)  # "Blinken—who previously said X—reiterated"
    return True, Frame(a, b, cue, src, "source_cue", parenthetical=bool(between & {"—", "–", "--", "("}))


# The patterns of a reporting verb, in the order of ``patterns.VERB_PATTERN_ORDER``.
VERB_PATTERNS: tuple[tuple[str, Callable[[_Site], Verdict]], ...] = (
    ("passive", _passive),
    ("according_to", _according_to),
    ("participle", _participle),
    ("coordinated", _coordinated),
    ("cue_source", _cue_source),
    ("source_cue", _source_cue),
)
assert tuple(name for name, _ in VERB_PATTERNS) == VERB_PATTERN_ORDER


def _frame_at(view: SentenceView, a: int, b: int, cue: Cue, earlier: list[Frame]) -> Frame | None:
    """The frame of the cue at ``toks[a : b + 1]``: the first of ``VERB_PATTERNS`` that decides.
    ``earlier`` holds the sentence's frames so far. None when the cue word reports nothing here
    (an idiom or a noun, ``_not_a_cue``)."""
    prev = view.toks[a - 1] if a > view.lo else None
    if _not_a_cue(view, a, b, cue, prev):
        return None
    site = _Site(view, a, b, cue, prev, earlier)
    for _, pattern in VERB_PATTERNS:
        decided, frame = pattern(site)
        if decided:
            return frame
    return None


# the relations of a noun inside a noun phrase or after a verb or preposition (not a subject: the
# small parser makes "Trump charges that …" a noun phrase whose head is "charges")
_NOMINAL_DEPS = frozenset({"compound", "dobj", "pobj", "attr", "appos", "poss"})


def _not_a_cue(view: SentenceView, a: int, b: int, cue: Cue, prev: Token | None) -> bool:
    """Is the cue word at ``a`` part of an idiom, a noun or an adjective rather than a reporting
    verb ("Having said that", "his announced plans", "one tweet", "Battleground state Florida")?"""
    toks, lo, hi, in_quote = view.toks, view.lo, view.hi, view.in_quote
    if prev is not None and prev.lower == "having" or (
        b + 2 <= hi and cue.lemma == "say" and toks[b + 2].lower == "about"
        and toks[b + 1].lower in ("something", "much", "little", "nothing", "lots", "volumes", "more", "less")
    ):
        return True  # "Having said that", "That says something about": no one reports anything
    if len(cue.words) == 1 and (toks[a].pos == "ADV" or prev is not None and _noun_after(toks, a, lo, prev)):
        return True  # "No doubt, …" (an adverb), "his plan" (a noun)
    if len(cue.words) == 1 and toks[a].pos == "NOUN" and toks[a].dep in _NOMINAL_DEPS \
            and prev is not None and (prev.text.islower() or verb(cue.lemma).strict and not _that_or_quote_after(view, b)):
        # "judges and support staff", "in 11 swing states", "Washington state": a noun to the
        # tagger and the parse alike (after a capitalised word the small pipeline also reads
        # "Trump charges that …" so; a word more often a noun than a verb is trusted there too)
        return True
    if cue.lemma == "go on to" and not cue.chained and not _is_ing(cue, toks, a):
        return True  # "Reagan went on to win that year": no statement unless a reporting verb follows
    at_clause_end = b + 1 > hi or toks[b + 1].text in _TERMINAL or toks[b + 1].text == ","
    content_before = prev is not None and (prev.text in _CLOSE_MARKS or in_quote[a - 1])
    return (
        verb(cue.lemma).strict  # more often a noun or an adjective: a cue only with a clause or quote after
        and not _has_clause_complement(view, b)
        # "Battleground state Florida is …", "Federal and state officials said": "state" is an
        # adjective far more often than a verb, and takes no bare clause
        and (toks[a].lower == "state" or not _bare_clause(view, b))
        and not (at_clause_end or content_before)
    )


def _that_or_quote_after(view: SentenceView, b: int) -> bool:
    """Does a that-clause, a colon or a quote follow the cue ("Trump charges that …")?"""
    toks, hi, in_quote = view.toks, view.hi, view.in_quote
    return b + 1 <= hi and (
        (toks[b + 1].lower == "that" and not relative_pronoun(toks[b + 1])) or toks[b + 1].text == ":"
        or in_quote[b + 1] or toks[b + 1].text[0] in _OPEN_MARKS
    )


def _has_clause_complement(view: SentenceView, b: int) -> bool:
    toks, hi, in_quote = view.toks, view.hi, view.in_quote
    if b + 1 > hi:
        return False
    nxt = toks[b + 1]
    return nxt.lower in ("that", ":", ",", "to", "whether", "if") or in_quote[b + 1] or nxt.text[0] in _OPEN_MARKS


def _plural_source_phrase(view: SentenceView, k: int) -> tuple[int, int] | None:
    """"federal statistics", "local officials": a determiner-less plural phrase as a source."""
    toks = view.toks
    span = _agent_phrase(view, k)
    if span is None or span[1] - span[0] > 4 or not plural_noun(toks[span[1]]):
        return None
    return span


def _coordinated_frame(view: SentenceView, a: int, b: int, cue: Cue, earlier: list[Frame]) -> Frame | None:
    """"... and added that ...": the subject of the previous frame speaks again; with no earlier
    frame, the subject of the sentence ("Trump bemoaned the unrest and said ..."). None when
    neither is found."""
    text, toks, lo, in_quote = view.text, view.toks, view.lo, view.in_quote
    first = _first_conjunct(toks, a, lo)
    if first is not None and not (earlier and earlier[0].cue_a == first):
        # the parse's first verb of the coordination has its own subject: "…, as the Republican
        # congressman continued to hold his ground and vowed to stay" (not the sentence's first speaker)
        nsubj = _parse_subject_of(toks, first, lo, in_quote)
        # (a thing's relative clause, "which was commissioned … and published", speaks for no one)
        if nsubj is not None and toks[nsubj].lower not in ("which", "that"):
            src = left_np(toks, first, lo, in_quote, text)
            if src is not None and src[0] <= nsubj <= src[1]:
                return Frame(a, b, cue, src, "coordinated")
    if earlier and earlier[0].src is not None:
        # the sentence's first speaker: in "X said they want A, but pledged B" it is X
        return Frame(a, b, cue, earlier[0].src, "coordinated")
    if _is_ing(cue, toks, a):  # "Discussing X and reaffirming Y": no finite verb, no speaker
        return None
    if _participle_modifier(toks, a):
        return None  # "a coalition led by Saudi Arabia and backed by the West": no speaker
    first_verb = _first_verb_guess(toks, lo, a)
    subject = left_np(toks, first_verb, lo, in_quote, text)
    # "will visit … and announce": a base form after a modal goes with the modal's subject
    base_form = toks[a].tag == "VB" and not (first_verb < a and toks[first_verb].tag == "MD")
    if subject is not None and subject[0] == lo and not toks[subject[1]].lower.endswith("ing") and not (
        # "Clinton needs to sell herself and tell more jokes": a base form after a singular
        # subject goes with an infinitive, not with the subject
        base_form and not plural_noun(toks[subject[1]]) and toks[subject[1]].lower not in ("they", "we", "i", "you")
    ):
        return Frame(a, b, cue, subject, "coordinated")
    return None


def _first_conjunct(toks: Sequence[Token], a: int, lo: int) -> int | None:
    """The first verb of the coordination the verb at ``a`` ends ("continued" for "vowed" in
    "continued to hold his ground and vowed to stay"), as the parse says; None without one."""
    k = a
    while toks[k].dep == "conj" and lo <= toks[k].head < k:
        k = toks[k].head
    # not a verb inside what was said ("said the F.B.I. ruined his life and said …", where the
    # small parser joins the second "said" to "ruined")
    return k if k != a and toks[k].pos in ("VERB", "AUX") and toks[k].dep not in ("ccomp", "xcomp", "pcomp", "acl") else None


def _parse_subject_of(toks: Sequence[Token], v: int, lo: int, in_quote: Sequence[bool]) -> int | None:
    """The token the parse makes the nominal subject of the verb at ``v``, outside quotes."""
    for k in range(v - 1, lo - 1, -1):
        if toks[k].head == v and toks[k].dep in ("nsubj", "nsubjpass") and not in_quote[k]:
            return k
    return None


def _participle_modifier(toks: Sequence[Token], a: int) -> bool:
    """A past participle that modifies a noun, alone or coordinated with one that does, as the
    parse says: "a coalition led by Saudi Arabia and backed by the West"."""
    k = a
    while toks[k].dep == "conj" and 0 <= toks[k].head < k:
        k = toks[k].head
    return toks[a].tag == "VBN" and toks[k].tag == "VBN" and toks[k].dep in ("acl", "amod")


def _inverted_frame(view: SentenceView, a: int, b: int, cue: Cue, prev: Token | None) -> Frame | None:
    """Inverted: "…,” said Blinken" / "…, said the official" / "Said Ellis: …"."""
    toks, hi, in_quote = view.toks, view.hi, view.in_quote
    if not (
        (prev is None or prev.text == "," or in_quote[a - 1] or prev.text in _CLOSE_MARKS)  # "Said Ellis: ..."
        and b + 1 <= hi
        and verb(cue.lemma).invertible  # "…, blasted Clinton as …": Clinton is the target, not the speaker
        and toks[b + 1].lower != "that"  # "Politico, a news site, reported that Boehner …": no inversion
    ):
        return None
    src = right_np(toks, b + 1, hi, in_quote)
    subject = _parse_subject_of(toks, a, view.lo, in_quote)
    if subject is not None and not (src is not None and _set_off_by_commas(view, a, src, subject)):
        # "Faiz Shakir, the political director …, said the group …", "Sen. Mitt Romney, …, said
        # Trump “…”": the subject speaks
        return None
    if src is not None and _ends_inverted_source(view, src):
        return Frame(a, b, cue, src, "cue_source")
    return None


def _set_off_by_commas(view: SentenceView, a: int, src: tuple[int, int], subject: int) -> bool:
    """"The plan, said a White House spokesman, will cost billions", "Her comments, said Josh
    Earnest, …, are": a verb and its source in commas right after a clause's subject, where the
    parse takes that subject ("plan", "comments") for the subject of "said". Not when the subject
    is a person or a pronoun, who speaks ("Faiz Shakir, the director, said Trump, who …, was
    wrong"), nor when more stands between the subject and the verb ("Outside economists, however,
    said the revisions, which …", "Mr. Pence, briefing reporters, said the speech, …")."""
    toks = view.toks
    return (subject == a - 2 and toks[a - 1].text == ","
            and src[1] + 1 <= view.hi and toks[src[1] + 1].text == ","
            and toks[subject].ent != "PERSON" and toks[subject].tag != "PRP")


def _ends_inverted_source(view: SentenceView, src: tuple[int, int]) -> bool:
    """Is the phrase after the verb its source ("…, said Phil Smith, a spokesman", "said
    Blinken.") rather than the subject of the reported clause ("…, said the union expected
    …", "said he would …")? A source ends the clause; a subject goes on to its verb."""
    toks, hi, in_quote = view.toks, view.hi, view.in_quote
    if any(t.is_time for t in toks[src[0] : src[1] + 1]):
        return False  # "…, said Tuesday": a time, not a speaker
    k = src[1] + 1
    if k > hi or in_quote[k]:
        return True
    nxt = toks[k]
    return nxt.text in (",", ".", ";", ":", "!", "?", "—", "–", "(", ")") or nxt.text[0] in _OPEN_MARKS \
        or nxt.lower in TRAILER_STARTS or nxt.lower in ("who", "whose", "for")  # "wrote X for Morning Consult"


def _as_parse_subject(
    toks: Sequence[Token], a: int, lo: int, in_quote: Sequence[bool], src: tuple[int, int]
) -> tuple[int, int]:
    """The source phrase as far as the parse's subject of the cue, a noun, reaches: not "the same
    day" before "the Republican governor's campaign announced", and the whole of "the lawyer for
    the campaign and the party said", not "the party"."""
    subject = _parse_subject_of(toks, a, lo, in_quote)
    if subject is None or toks[subject].pos not in ("NOUN", "PROPN"):
        return src
    left = subject  # the words before the subject that the parse hangs on it, without a gap
    while left - 1 >= lo and under(toks, left - 1, subject) and toks[left - 1].text not in _CLAUSE_PUNCT \
            and toks[left - 1].text != "-":  # a hyphenated title splits badly ("Editor-in-Chief")
        left -= 1
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


_CLAUSE_PUNCT = frozenset({",", ";", ":", "—", "–", "(", ")"})


def _subject_source(view: SentenceView, a: int) -> tuple[int, int] | None:
    """The source before the cue: the phrase left of it, or a study or poll with its modifiers
    ("The latest Reuters/Ipsos poll released Friday shows") when that reaches further."""
    text, toks, lo, in_quote = view.text, view.toks, view.lo, view.in_quote
    src = left_np(toks, a, lo, in_quote, text)
    if src is not None:
        src = _as_parse_subject(toks, a, lo, in_quote, src)
    if src is not None and toks[src[1]].is_place:
        # "the mayor of Washington, DC, suggested": the place in commas is no subject; the parse's is
        subject = _parse_subject_of(toks, a, lo, in_quote)
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


def _noun_after(toks: Sequence[Token], a: int, lo: int, prev: Token) -> bool:
    """Is the cue word at ``a`` a noun because the word before it modifies it, as the parse
    says? A determiner, a possessive, a number or an adjective ("his plan", "one tweet", "his
    announced plans", "our worst fears"; not "some say", "the two candidates each say"); a noun
    joined to a noun before it ("coverage and comment"); or, for a form in -s, a capitalised
    modifier that cannot be its subject ("Fifth Amendment claims")."""
    if prev.head == a and prev.dep in ("det", "poss", "nummod", "amod") and not relative_that(toks, a - 1, lo):
        return True
    tok = toks[a]
    if tok.dep == "conj" and tok.pos == "NOUN" and lo <= tok.head < a and toks[tok.head].pos == "NOUN":
        return True  # "a frenzy of coverage and comment ensued": coordinated with a noun
    return toks[a].lower.endswith("s") and prev.text[0].isupper() and a - 1 > lo and not _head_ok_token(prev)


def _implausible_subject(view: SentenceView, a: int, b: int, cue: Cue, src: tuple[int, int]) -> bool:
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


def _noun_compound(toks: Sequence[Token], a: int, src: tuple[int, int]) -> bool:
    """"the U.S. support for ...", "a White House plan": a base-form cue right after a
    singular phrase opened by a determiner is a noun, not a verb."""
    if src[1] != a - 1 or toks[a].tag not in ("VB", "VBP", "NN"):
        return False
    first, head = toks[src[0]].lower, toks[src[1]]
    plural = head.lower.endswith("s") and not head.text.endswith(".") and not head.text.isupper()
    return first in _NP_DETERMINERS and not plural


def _chained_cue(lex: CueLexicon, words: list[str], cue: Cue, b: int, hi: int, in_quote: Sequence[bool]) -> tuple[Cue, int]:
    """"continues to insist", "declined to say", "vowed to fight": one cue, whose meaning and
    complement are the second verb's. The verb table's column ``chain`` says which verbs open a
    chain (first) and which may end one (second: not verbs of perceiving, learning and intending)."""
    if b + 2 > hi or words[b + 1] != "to" or "first" not in verb(cue.lemma).chain or in_quote[b + 2]:
        return cue, b
    second = lex.match(words, b + 2) if words[b + 2] in lex.by_first else None
    if second is None or "second" not in verb(second.lemma).chain or second.words[-1].endswith(("ing", "ed")) or b + 1 + len(second.words) > hi:
        return cue, b  # "hopes to find a buyer", "want to know how": no statement is reported
    cls = "loaded" if "loaded" in (cue.cls, second.cls) else "neutral"  # "continued to claim"
    return Cue((*cue.words, "to", *second.words), second.lemma, cls, chained=True), b + 1 + len(second.words)

