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
from framing.voice.frames.subject import (
    implausible_subject,
    noun_compound,
    parse_subject_of,
    subject_source,
)
from framing.voice.frames.words import (
    TRAILER_STARTS,
)
from framing.voice.lexicon import Cue, CueLexicon, verb
from framing.voice.sources import left_np, right_np
from framing.voice.wordclasses import (
    RELATIVES,
    plural_noun,
    relative_pronoun,
    relative_that,
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
    src = subject_source(view, a)
    if src is None or implausible_subject(view, a, b, cue, src):
        return True, None
    if verb(cue.lemma).needs_complement and not _complement_ok(view, b, cue, src):
        return True, None
    if noun_compound(toks, a, src):
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
    if span is None or span[1] - span[0] > 4:
        return None
    # the phrase's head, as the parse has it ("excerpts released by his campaign"), else its end
    head = next((j for j in range(span[0], span[1] + 1) if toks[j].dep == "pobj" and toks[j].head == k - 1), span[1])
    return span if plural_noun(toks[head]) else None


def _coordinated_frame(view: SentenceView, a: int, b: int, cue: Cue, earlier: list[Frame]) -> Frame | None:
    """"... and added that ...": the subject of the previous frame speaks again; with no earlier
    frame, the subject of the sentence ("Trump bemoaned the unrest and said ..."). None when
    neither is found."""
    text, toks, lo, in_quote = view.text, view.toks, view.lo, view.in_quote
    first = _first_conjunct(toks, a, lo)
    if first is not None and not (earlier and earlier[0].cue_a == first):
        # the parse's first verb of the coordination has its own subject: "…, as the Republican
        # congressman continued to hold his ground and vowed to stay" (not the sentence's first speaker)
        nsubj = parse_subject_of(toks, first, lo, in_quote)
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
    subject = parse_subject_of(toks, a, view.lo, in_quote)
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

