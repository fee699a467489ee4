"""Headlines side by side: how each headline frames the event (issue 12, item 2).

    compare_headlines(analyses, labels, *, model=None) -> HeadlineComparison   # .as_dict(): JSON

For each article's headline (``Article.headline``; none when none was detected):

* ``verbs``: its main verb (the parse's root) and the verbs coordinated with it ("calls …,
  claims …"), each neutral or loaded. A verb is loaded when the verb table says so
  (``reporting_verbs.tsv``, column ``class``: "mocks", "slams", "taunts") or when the
  ``loaded_verbs`` list holds it ("bashed"); neutral otherwise, and then the evidence says
  which list it is in, if any ("says": a neutral reporting verb; "resigns": in neither list).
* ``quotes`` and ``attributions``: what the voice layer found in the headline
  (``Analysis.headline_quotes``, ``Analysis.headline_attributions``): words in quote marks with
  their speaker where known, and statements the headline reports ("Trump Says …", "Rice: …").
* ``evaluative``: the evaluative words of the headline writer, found by the same finder as the
  body's (``framing.scores.evaluative.find_evaluative``) over the headline's own voice (not its
  quotes or the statements it reports); only the hits that count as evaluative words
  (``framing.rules.Category.word``), not the weak cues (numbers, modals, questions).
* ``lead``: the first name in the headline: a person, organisation or group the pipeline's
  entity recogniser names (a place only when it is the main verb's subject), skipping a name that
  only modifies a person's ("GOP Rep. Blake Farenthold": the lead is Blake Farenthold). A
  surname is completed from the article's sources or text ("Trump" -> "Donald Trump").

Headlines are often set in title case ("Obama Defends NSA Programs, Says Congress Knew"), which
the statistical pipeline reads as a run of proper nouns. The parse therefore reads a copy in
sentence case (``sentence_case``): a capitalised word is lower-cased when the article's body
writes it in lower case, or, absent from the body, when it is a common English word (wordfreq)
and no first name; a word the body capitalises in mid-sentence keeps its capital. The copy has
the same length, so every offset is an offset into the article text, and every piece of
evidence is a span of the headline as written.

``HeadlineComparison.difference`` is one plain-English line that says how the headlines differ,
built only from the facts above ("A uses a loaded verb ('taunts'); B and C use neutral verbs
('says', 'meets'); only C names Obama first."). Every fact it states has its span in
``evidence``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from framing import rules
from framing.comparison.entities import name_key, surname
from framing.comparison.headline_case import (
    first_names,
    loaded_list,
    parse_headline,
    parsed_headline,
    sentence_case,
    title_case,
    verb_words,
)
from framing.comparison.summary import Highlight, HighlightRule
from framing.comparison.vocabulary import zipf_frequencies
from framing.model import Analysis, Article, Evidence, VoiceSegment
from framing.nlp.segment import Segmentation, SentenceSpan, Token

# Entity labels that name who acts in a headline; a place only as the main verb's subject.
ACTOR_LABELS = ("PERSON", "ORG", "NORP")
PLACE_LABELS = ("GPE",)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeadlineVerb:
    """A main verb of the headline and whether it is neutral or loaded."""

    start: int
    end: int
    text: str  # as written ("Mocks", "lashes out")
    lemma: str  # the verb table's lemma where it has a row ("mock"), else the parse's lemma
    loaded: bool
    basis: str  # why: "verb table: loaded reporting verb", "in the loaded-verb list", "in no verb list"
    main: bool  # the root of the parse (else coordinated with it, or loaded elsewhere)

    @property
    def cls(self) -> str:
        return "loaded" if self.loaded else "neutral"

    def evidence(self) -> Evidence:
        rule = "headline:loaded_verb" if self.loaded else "headline:neutral_verb"
        return Evidence(self.start, self.end, self.text, rule, self.basis, self.lemma)

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "lemma": self.lemma,
                "class": self.cls, "basis": self.basis, "main": self.main}


@dataclass(frozen=True)
class HeadlineName:
    """The first name in a headline (who or what it leads with)."""

    start: int
    end: int
    text: str  # as written ("Trump", "G.O.P.")
    name: str  # completed from the article where it can be ("Donald Trump")
    label: str  # the entity label: PERSON, ORG, NORP, GPE
    subject: bool  # it stands in the main verb's subject

    @property
    def key(self) -> str:
        """What two headlines must share to lead with the same name: a person's surname, else
        the normalised name without dots ("F.B.I." = "FBI")."""
        key = name_key(self.name)
        if self.label == "PERSON":
            return surname(key) or key
        return key.replace(".", "")

    def evidence(self) -> Evidence:
        kind = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "place"}[self.label]
        detail = f"{kind}{', the subject of the main verb' if self.subject else ''}"
        if self.name != self.text:
            detail += f"; named {self.name} in the article"
        return Evidence(self.start, self.end, self.text, "headline:lead", detail, self.name)

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "name": self.name,
                "label": self.label, "subject": self.subject}


@dataclass(frozen=True)
class HeadlineQuote:
    start: int
    end: int
    text: str  # the words between the marks
    speaker: str | None

    def evidence(self) -> Evidence:
        detail = f"in quote marks, said by {self.speaker}" if self.speaker else "in quote marks, speaker not named in the headline"
        return Evidence(self.start, self.end, self.text, "headline:quote", detail)

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "speaker": self.speaker}


@dataclass(frozen=True)
class HeadlineAttribution:
    """A statement the headline reports: its source, its cue and what was said."""

    source: Evidence  # rule headline:source; entry = the source's name
    cue: Evidence | None  # the reporting verb ("Says"); None for "Name: …"
    content: Evidence  # rule headline:attribution
    loaded: bool

    @property
    def name(self) -> str:
        return self.source.entry or self.source.text

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source.as_dict() | {"name": self.name},
                "cue": None if self.cue is None else self.cue.as_dict() | {"loaded": self.loaded},
                "content": self.content.as_dict()}


@dataclass(frozen=True)
class HeadlineFraming:
    """One article's headline and how it frames the event."""

    label: str  # "A", "B", ...
    headline: str | None
    start: int
    end: int
    verbs: tuple[HeadlineVerb, ...] = ()
    quotes: tuple[HeadlineQuote, ...] = ()
    attributions: tuple[HeadlineAttribution, ...] = ()
    evaluative: tuple[Evidence, ...] = ()  # find_evaluative's hits (their own rule ids)
    lead: HeadlineName | None = None
    subject: str | None = None  # the main verb's subject phrase as written
    cased: str | None = None  # the sentence-case copy the parse read (None: read as written)

    @property
    def main_verb(self) -> HeadlineVerb | None:
        return next((v for v in self.verbs if v.main), self.verbs[0] if self.verbs else None)

    @property
    def loaded_verbs(self) -> tuple[HeadlineVerb, ...]:
        return tuple(v for v in self.verbs if v.loaded)

    @property
    def own_evaluative(self) -> tuple[Evidence, ...]:
        """Evaluative words that are not one of its loaded verbs (said once, as the verb)."""
        verbs = [(v.start, v.end) for v in self.verbs]
        return tuple(e for e in self.evaluative if not any(s < e.end and e.start < t for s, t in verbs))

    def evidence(self) -> tuple[Evidence, ...]:
        """Every span behind what is said of the headline, in text order."""
        ev: list[Evidence] = [v.evidence() for v in self.verbs]
        ev += [q.evidence() for q in self.quotes]
        for a in self.attributions:
            ev += [a.source, a.content, *((a.cue,) if a.cue is not None else ())]
        ev += [_headline_evaluative(e) for e in self.own_evaluative]
        if self.lead is not None:
            ev.append(self.lead.evidence())
        return tuple(sorted(ev, key=lambda e: (e.start, -e.end)))

    def highlights(self, prefix: str = "h") -> tuple[Highlight, ...]:
        """The evidence as the reports mark it (one highlight per distinct span)."""
        spans: dict[tuple[int, int], list[Evidence]] = {}
        for e in self.evidence():
            if e.end > e.start:
                spans.setdefault((e.start, e.end), []).append(e)
        out = []
        for i, ((s, t), evs) in enumerate(sorted(spans.items(), key=lambda kv: (kv[0][0], -kv[0][1]))):
            kinds = tuple(dict.fromkeys(k for e in evs if (k := rules.rule(e.rule).kind) is not None))
            hrules = tuple(HighlightRule(e.rule, e.entry, e.detail, ("headlines",)) for e in evs)
            out.append(Highlight(f"{prefix}{self.label.lower()}{i}", s, t, evs[0].text, kinds, hrules))
        return tuple(out)

    def as_dict(self) -> dict[str, Any]:
        main = self.main_verb
        return {
            "label": self.label,
            "headline": self.headline,
            "start": self.start,
            "end": self.end,
            "main_verb": main.as_dict() if main else None,
            "verbs": [v.as_dict() for v in self.verbs],
            "quotes": [q.as_dict() for q in self.quotes],
            "attributions": [a.as_dict() for a in self.attributions],
            "evaluative": [e.as_dict() for e in self.evaluative],
            "lead": self.lead.as_dict() if self.lead else None,
            "subject": self.subject,
            "read_as": self.cased,
            "evidence": [e.as_dict() for e in self.evidence()],
        }


@dataclass(frozen=True)
class HeadlineComparison:
    """Every article's headline framing, and one line on how they differ."""

    headlines: tuple[HeadlineFraming, ...]
    difference: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "difference": self.difference,
            "headlines": [h.as_dict() for h in self.headlines],
            "method": "main verb: the root of a spaCy parse of the headline (read in sentence case when "
            "the headline is set in title case) and the verbs coordinated with it; loaded when "
            "reporting_verbs.tsv (column class) or the loaded_verbs list says so. Quotes and reported "
            "statements: the voice layer. Evaluative words: the body's evaluative finder over the "
            "headline's own voice. Lead: the first person, organisation or group the entity "
            "recogniser names.",
        }


def _headline_evaluative(e: Evidence) -> Evidence:
    """An evaluative hit of the headline as headline evidence: its rule's label as the detail."""
    return Evidence(e.start, e.end, e.text, "headline:evaluative", rules.rule(e.rule).label, e.entry or e.text.lower())


# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------


def compare_headlines(analyses: Sequence[Analysis], labels: Sequence[str], *, model: str | None = None) -> HeadlineComparison:
    """Each article's headline framing (see the module docstring) and the line that compares them."""
    heads = tuple(headline_framing(a, label, model=model) for a, label in zip(analyses, labels, strict=True))
    return HeadlineComparison(heads, difference_line(heads))


def headline_framing(a: Analysis, label: str = "A", *, model: str | None = None) -> HeadlineFraming:
    """One headline's main verbs, quotes, reported statements, evaluative words and lead name."""
    h = a.article.headline
    if h is None or not h.text.strip():
        return HeadlineFraming(label, None, 0, 0)
    text = a.text
    body = "\n".join(p.text for p in a.article.body)
    cased = sentence_case(h.text, body, model=model)
    toks, ents = parse_headline(cased, h.start, model)
    def probe(t: Token) -> bool:
        return _probe_one(t, cased, h.start, model) is not None

    reported = [x for x in a.headline_attributions if _reports_statement(x, toks, a.headline_quotes, probe)]
    own = _own_voice(h.start, h.end, a.headline_quotes, reported)
    cues = [(x.cue.start, x.cue.end) for x in reported if any(c.isalpha() for c in x.cue.text)]
    toks, main, subject = _main_verb(toks, own, cased, h.start, model, cues, frozenset(_person_surnames(a)))
    marks = [(q.open_mark, (q.close_mark + 1) if q.close_mark is not None else q.end) for q in a.headline_quotes]
    verbs = _verbs(toks, own, text, main, marks)
    quotes = tuple(_quote(q.start, q.end, text, q.speaker) for q in a.headline_quotes if q.end > q.start)
    attributions = tuple(_attribution(x, text, _source_name(x, cased, h.start, a)) for x in reported)
    evaluative = _evaluative(a.article, toks, own, tuple(reported))
    lead = _lead(toks, ents, subject, a)
    return HeadlineFraming(
        label, h.text, h.start, h.end, verbs, quotes, attributions, evaluative, lead,
        text[subject[0] : subject[1]] if subject else None,
        cased if cased != h.text else None,
    )


def _quote(start: int, end: int, text: str, speaker: str | None) -> HeadlineQuote:
    """A headline quote without the comma or stop that American style sets inside the marks."""
    while end > start + 1 and text[end - 1] in ",.;:":
        end -= 1
    return HeadlineQuote(start, end, text[start:end], speaker)


def _own_voice(lo: int, hi: int, quotes: Sequence[Any], reported: Sequence[Any]) -> list[tuple[int, int]]:
    """The stretches of the headline in its writer's own voice: not in quote marks, not the
    content of a statement it reports."""
    cut = [(q.open_mark, (q.close_mark + 1) if q.close_mark is not None else q.end) for q in quotes]
    cut += [(x.content.start, x.content.end) for x in reported]
    out, pos = [], lo
    for s, e in sorted(cut):
        if s > pos:
            out.append((pos, min(s, hi)))
        pos = max(pos, e)
    if pos < hi:
        out.append((pos, hi))
    return out


def _in_quotes(t: Token, quotes: Sequence[tuple[int, int]]) -> bool:
    return any(s <= t.start and t.end <= e for s, e in quotes)


def _inside(spans: Sequence[tuple[int, int]], s: int, e: int) -> bool:
    return any(lo <= s and e <= hi for lo, hi in spans)


# ---- verbs

_FINITE_OR_PARTICIPLE = frozenset({"VBZ", "VBD", "VBP", "VBN", "VB", "VBG"})
_FINITE = frozenset({"VBZ", "VBD", "VBP"})


def _main_verb(
    toks: tuple[Token, ...], own: Sequence[tuple[int, int]], cased: str, base: int, model: str | None,
    cues: Sequence[tuple[int, int]] = (), names: frozenset[str] = frozenset(),
) -> tuple[tuple[Token, ...], int | None, tuple[int, int] | None]:
    """(tokens, the main verb's index, its subject's span).

    The parse's root when it is a verb, unless its subject holds a verb the parser misread as a
    noun ("FBI fires Peter Strzok, months after texts revealed"). A headline the parser read as
    one noun phrase ("Trump plans meeting on ...") is probed: a word in -s or -ed in lower case
    after a noun is the verb when "It" + the rest of the headline parses with that word as the
    root verb and "It" as its subject; the words before it are the subject. Else the cue of a
    statement the headline reports ("…, Trump Says"). Else a participle or a to-infinitive that
    the root noun governs, with its "is" left out ("Pipe bomb suspect arrested in Florida",
    "Washington state to boycott Indiana")."""
    root = next((i for i, t in enumerate(toks) if t.dep == "ROOT"), None)
    if root is None:
        return toks, None, None
    r = toks[root]
    if r.pos in ("VERB", "AUX") and _inside(own, r.start, r.end) and not (root > 0 and r.text[:1].isupper()) and r.text not in names:
        subject = _subject(toks, r)
        if subject is None:
            return toks, root, None
        inside = [k for k, t in enumerate(toks) if subject[0] <= t.start and t.end <= subject[1]]
        clause = any(toks[k].dep in ("relcl", "acl") for k in inside)  # "Strzok, who criticized Trump, is fired"
        finite = [k for k in inside if toks[k].tag in _FINITE and toks[k].pos == "VERB" and toks[k].dep not in ("relcl", "acl")
                  and _inside(own, toks[k].start, toks[k].end)]
        # a reporting verb read as a noun ("Mueller statement disputes report that …")
        noun_verb = any(toks[k].pos in ("NOUN", "PROPN") and toks[k].lower in verb_words() and k > inside[0] for k in inside)
        if not finite and not noun_verb and (clause or "," not in cased[subject[0] - base : subject[1] - base]):
            return toks, root, subject
        probed = _probe(toks, own, cased, base, model, subject)
        if probed[1] is not None:
            return probed
        if finite:  # "Perry goes after Obama over Don't Ask Don't Tell"
            return toks, finite[0], _before(toks, finite[0])
        return toks, root, subject
    probed = _probe(toks, own, cased, base, model, (toks[0].start, toks[-1].end))
    if probed[1] is not None:
        return probed
    for s, e in cues:
        found = next((i for i, t in enumerate(toks) if s <= t.start < e), None)
        if found is not None and toks[found].pos in ("VERB", "AUX"):
            return toks, found, _subject(toks, toks[found]) or _before(toks, found)
    for k, t in enumerate(toks):
        if t.head != root or k <= root or not _inside(own, t.start, t.end):
            continue
        if t.dep == "acl" and t.tag in ("VBN", "VBG"):
            return toks, k, (toks[0].start, toks[k - 1].end)
        to = k - 1
        if t.dep in ("acl", "relcl", "xcomp") and t.tag == "VB" and toks[to].lower == "to" and to > 0:
            return toks, k, _before(toks, to)  # "Washington state to boycott Indiana"
    return toks, None, None


def _before(toks: Sequence[Token], k: int) -> tuple[int, int] | None:
    """The words before token ``k`` up to a comma or the start (the subject of "…, Trump Says")."""
    j = k - 1
    while j >= 0 and toks[j].text not in (",", ":", ";", "'", "’", '"', "”"):
        j -= 1
    return (toks[j + 1].start, toks[k - 1].end) if j + 1 < k else None


def _probe(
    toks: tuple[Token, ...], own: Sequence[tuple[int, int]], cased: str, base: int, model: str | None,
    within: tuple[int, int],
) -> tuple[tuple[Token, ...], int | None, tuple[int, int] | None]:
    for k in range(1, len(toks)):
        t, prev = toks[k], toks[k - 1]
        if not (within[0] <= t.start and t.end <= within[1]) or t.pos not in ("NOUN", "PROPN", "VERB"):
            continue
        if not t.text.islower() or not t.lower.endswith(("s", "ed")) or t.lower.endswith("ss"):
            continue
        if prev.pos not in ("NOUN", "PROPN") or not _inside(own, t.start, t.end):
            continue
        if any(x.pos in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ") or x.text in ",;:" for x in toks[:k]):
            continue  # the words before it are no plain noun phrase
        verb = _probe_one(t, cased, base, model)
        if verb is not None:
            return (*toks[:k], verb, *toks[k + 1 :]), k, (toks[0].start, prev.end)
    return toks, None, None


def _probe_one(t: Token, cased: str, base: int, model: str | None) -> Token | None:
    """``t`` as a verb when "It" + the headline from ``t`` on parses with ``t`` as the root verb
    and "It" as its subject ("It slams 'crooked' aide …"); else None."""
    doc = parsed_headline("It " + cased[t.start - base :], model)[0]  # the first two tokens are no spaces
    if len(doc) > 1 and doc[1].dep == "ROOT" and doc[1].pos == "VERB" and doc[0].dep in ("nsubj", "nsubjpass"):
        return t._replace(pos="VERB", tag=doc[1].tag, lemma=doc[1].lemma, dep="ROOT")
    return None


def _verbs(toks: Sequence[Token], own: Sequence[tuple[int, int]], text: str, main_i: int | None,
           quotes: Sequence[tuple[int, int]] = ()) -> tuple[HeadlineVerb, ...]:
    """The main verb, the verbs coordinated with it, and any other verb of the headline's own
    voice that a list calls loaded."""
    words = [t.lower.replace("’", "'") for t in toks]
    main: list[int] = []
    if main_i is not None:
        main = [main_i] + [i for i, t in enumerate(toks) if t.dep == "conj" and t.head == main_i and t.pos == "VERB"]
        m = toks[main_i]
        head = m.head
        if m.dep in ("ccomp", "conj", "parataxis") and 0 <= head < len(toks) and toks[head].pos == "VERB" and not any(
            t.head == head and t.dep in SUBJECT_DEPS for t in toks
        ):
            main.append(head)  # "Trump calls X 'unfair,' claims Clinton …": one subject, two verbs
    out: list[HeadlineVerb] = []
    taken: set[int] = set()
    for i in range(len(toks)):
        t = toks[i]
        if i in taken or (not _inside(own, t.start, t.end) and not (i in main and not _in_quotes(t, quotes))):
            continue
        is_main = i in main
        if not is_main and (t.pos != "VERB" or t.tag not in _FINITE_OR_PARTICIPLE):
            continue
        last, lemma, loaded, basis = _classify(toks, words, i)
        if not is_main and not loaded:
            continue  # outside the main clause only a loaded verb is named
        taken.update(range(i, last + 1))
        out.append(HeadlineVerb(t.start, toks[last].end, text[t.start : toks[last].end], lemma, loaded, basis, i == main_i))
    return tuple(out)


def _classify(toks: Sequence[Token], words: Sequence[str], i: int) -> tuple[int, str, bool, str]:
    """(last token, lemma, loaded, basis) of the verb at ``i``: the verb table's row by form
    ("lashes out") or lemma, else the loaded_verbs list, else in no list (neutral)."""
    from framing.voice.lexicon import cue_lexicon, verb

    t = toks[i]
    cue = cue_lexicon().match(list(words), i)
    if cue is not None and _verb_like(t):
        last = i + len(cue.words) - 1
        return last, cue.lemma, cue.cls == "loaded", f"verb table: {cue.cls} reporting verb"
    row = verb(t.lemma)
    if row.forms and _verb_like(t):
        return i, row.lemma, row.cls == "loaded", f"verb table: {row.cls} reporting verb"
    entries = loaded_list()
    for k in (3, 2, 1):
        if tuple(words[i : i + k]) in entries and i + k <= len(words):
            return i + k - 1, t.lemma or t.lower, True, "in the loaded-verb list"
    if (t.lemma,) in entries:
        return i, t.lemma, True, "in the loaded-verb list"
    return i, t.lemma or t.lower, False, "in no verb list"


def _verb_like(t: Token) -> bool:
    return t.pos in ("VERB", "AUX", "") or t.tag in _FINITE_OR_PARTICIPLE


# ---- attributions, evaluative words


def _source_name(x: Any, cased: str, base: int, a: Analysis) -> str:
    """The source's name as the voice layer gives it, cut before a word that the sentence-case
    copy writes in lower case ("Mitt To Akin: Drop Out" -> "Mitt") and completed from the article
    ("Mitt Romney")."""
    src = x.source
    name = str(src.name)
    written = a.text[src.start : src.end]
    if name != written and written.endswith(name) and written[: -len(name)].endswith("-"):
        return written  # "E-Mails", not "Mails"
    if src.kind in ("institution", "anonymous") and name.lower() in written.lower() and written[:1].isupper():
        return _POSSESSIVE.sub("", written)  # "Benghazi Panel", as the headline writes it
    if src.start >= base and src.end <= base + len(cased) and name == a.text[src.start : src.end]:
        words = cased[src.start - base : src.end - base].split()
        keep: list[str] = []
        for w in words:
            if keep and w[:1].islower():
                break
            keep.append(w)
        if len(keep) < len(words):
            name = " ".join(a.text[src.start : src.end].split()[: len(keep)])
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _titles():
        return " ".join([*words[:-1], words[-1].lower()])  # "Obama Aide" -> "Obama aide"
    return _full_name(name, a) if src.kind == "person" or " " not in name else name


@cache
def _titles() -> frozenset[str]:
    from framing.voice.lexicon import source_words

    return frozenset(source_words()["title"])


def _attribution(x: Any, text: str, name: str) -> HeadlineAttribution:
    src = x.source
    source = Evidence(src.start, src.end, text[src.start : src.end], "headline:source",
                      f"source of a statement the headline reports ({src.kind})", name)
    cue = None
    if x.cue.end > x.cue.start and x.rule != "transcript":
        cue = Evidence(x.cue.start, x.cue.end, x.cue.text,
                       "headline:loaded_verb" if x.loaded else "headline:neutral_verb",
                       f"verb table: {'loaded' if x.loaded else 'neutral'} reporting verb", x.cue.text.lower())
    content = Evidence(x.content.start, x.content.end, x.content.text, "headline:attribution",
                       f"attributed to {src.name}")
    return HeadlineAttribution(source, cue, content, bool(x.loaded))


def _reports_statement(x: Any, toks: Sequence[Token], quotes: Sequence[Any] = (),
                       probe: Callable[[Token], bool] | None = None) -> bool:
    """Does the attribution report a statement: "Name: …", or content whose head is a verb
    ("Trump Says F.B.I. 'Destroyed' …", "calls on Akin to drop …"), or content with words in
    quote marks ("calls the visit 'destructive'")? A verb with a plain object
    ("Congress rejects Obama veto", "emails underscore State Department's concern") reports an
    act, not a statement, and is left to the verbs."""
    src = [t for t in toks if x.source.start <= t.start and t.end <= x.source.end]
    if src and all(t.pos in ("VERB", "AUX", "PART") for t in src):
        return False  # the voice layer took words of a title-case headline for a source ("Don't Ask")
    if src and x.source.kind in ("person", "institution") and not any(t.text[:1].isupper() for t in src):
        return False  # a common word read as a name ("Immigration", lower case in sentence case)
    words = [t for t in src if t.text[:1].isalpha() and t.lower not in ("of", "the", "for", "and", "a", "an")
             and t.lower.rstrip(".") not in _titles()]
    cases = [t.text[:1].isupper() and not (t.i == 0 and _common(t.lower)) for t in words]
    if x.rule not in ("transcript", "credit") and any(cases) and not all(cases):
        return False  # a name run on into the headline ("Bernie Sanders Meets President Obama")
    if src and all(t.pos == "PRON" and t.lower in ("who", "which", "that") for t in src):
        return False  # a relative clause ("Strzok, Who Criticized Trump in Texts")
    if x.rule in ("transcript", "credit"):
        return True
    cue = [t for t in toks if x.cue.start <= t.start and t.end <= x.cue.end]
    probed = False
    if cue and not any(t.pos in ("VERB", "AUX") for t in cue):
        if probe is None or not probe(cue[0]):
            return False
        probed = True  # "Trump slams 'crooked' aide": a verb the parser read as a noun
    if cue and src and x.rule != "according_to":
        next_to = probed and src[-1].i + 1 == cue[0].i
        if not next_to and not _source_of(toks, src, cue):
            return False  # the parse does not make the source the verb's subject or agent
    lo, hi = x.content.start, x.content.end
    if any(lo <= q.start and q.end <= hi for q in quotes):
        return True  # "calls Netanyahu visit 'destructive'": the content holds the source's words
    inside = [t for t in toks if lo <= t.start and t.end <= hi]
    if any(t.lemma == "say" for t in inside):
        return True  # "defends Flynn by saying Clinton is the real liar"
    return any(
        t.pos in ("VERB", "AUX") and (t.head == t.i or t.dep in _CLAUSE_DEPS or not (lo <= toks[t.head].start and toks[t.head].end <= hi) and t.dep != "conj")
        for t in inside
    )


_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "ROOT"})


def _common(word: str) -> bool:
    """A common English word (a headline's first word keeps its capital whatever it is)."""
    return word in verb_words() or (word not in first_names() and _zipf(word) >= 4.0)


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    """``wordfreq.zipf_frequency(word, "en")`` (see ``vocabulary.zipf_frequencies``)."""
    return zipf_frequencies((word,))[word]


def _source_of(toks: Sequence[Token], src: Sequence[Token], cue: Sequence[Token]) -> bool:
    """Is a word of the source the subject of the cue ("Trump calls …"), its agent ("… by
    Trump") or the subject of a clause the cue heads ("…, Trump says")?"""
    cue_i = {t.i for t in cue}
    if any(t.tag in ("VBN", "VBD") for t in cue) and any(t.lower == "by" and t.i > max(cue_i) for t in toks):
        return False  # "Schiff urged to step down by House Republicans": a passive; the agent speaks
    for t in src:
        head = toks[t.head] if 0 <= t.head < len(toks) else t
        if t.dep == "nsubjpass":
            return False  # "Schiff urged to step down by …": the subject of a passive is no speaker
        if head.i in cue_i or (head.lower == "by" and toks[head.head].i in cue_i):
            return True
    return any(toks[t.head].i in {s.i for s in src} for t in cue if t.dep not in ("ROOT",) and 0 <= t.head < len(toks))


def _evaluative(article: Article, toks: tuple[Token, ...], own: Sequence[tuple[int, int]], reported: tuple[Any, ...]) -> tuple[Evidence, ...]:
    """The body's evaluative finder over the headline's own voice; evaluative words only."""
    from framing.scores.evaluative import find_evaluative
    from framing.voice.layer import Layer

    if not toks:
        return ()
    seg = Segmentation(toks, (SentenceSpan(toks[0].start, toks[-1].end, 0),))
    segments = tuple(VoiceSegment(s, e, "narrator") for s, e in own)
    layer = Layer(article, seg, (), (), reported, segments)
    out = []
    for e in find_evaluative(layer):
        cat = rules.rule(e.rule).category
        if cat is not None and rules.category(cat).word and rules.rule(e.rule).points >= 2:
            out.append(e)
    return tuple(out)


# ---- the lead name and the subject


def _subject(toks: Sequence[Token], head: Token) -> tuple[int, int] | None:
    """The span of the subject phrase of ``head`` (its nsubj's subtree), if any."""
    subj = next((t for t in toks if t.head == head.i and t.dep in SUBJECT_DEPS and t.i != head.i), None)
    if subj is None:
        return None
    members = [t for t in toks if _descends(toks, t, subj.i)]
    members = [t for t in members if t.pos != "PUNCT" or t.text in ".'’"]
    return (min(t.start for t in members), max(t.end for t in members)) if members else None


def _descends(toks: Sequence[Token], t: Token, ancestor: int) -> bool:
    k, seen = t.i, 0
    while seen < len(toks):
        if k == ancestor:
            return True
        nxt = toks[k].head
        if nxt == k or nxt < 0:
            return False
        k, seen = nxt, seen + 1
    return False


_POSSESSIVE = re.compile(r"(?:['’]s?)$")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "top-")


def _lead(toks: Sequence[Token], ents: Sequence[tuple[int, int, str]], subject: tuple[int, int] | None, a: Analysis) -> HeadlineName | None:
    """The name the headline leads with: the first name in the main verb's subject or the first
    person it names, whichever comes first; else the first organisation or group that is no
    preposition's object.
    A name that only modifies a person's ("GOP Rep. Blake Farenthold") is passed over, and so is
    a place that only modifies a noun ("Texas congressman"). A capitalised word of the subject
    that is the surname of a person the article cites is a person even when the entity
    recogniser missed it ("Trump plans meeting")."""
    cands: list[tuple[int, int, str, bool]] = []
    merged = _merge_adjacent(ents, a.text)
    people = _person_surnames(a)
    body = _plain_body(a)
    for k, (s, e, label) in enumerate(merged):
        if label not in ACTOR_LABELS + PLACE_LABELS:
            continue
        if label != "PERSON" and _modifies_person(toks, s, e, merged[k + 1 :]):
            continue
        s, e = _trim_name(a.text, s, e, label, body)
        if e <= s or a.text[s:e].split()[0].lower().startswith(_ORDINALS):
            continue  # "Third-Highest Ranking Republican" is no name
        if label == "PERSON":
            words = a.text[s:e].split()
            known = [w for w in words if _POSSESSIVE.sub("", w) in people]
            if len(words) == 2 and words[0].lower() not in first_names() and _full_name(words[0], a) != words[0]:
                e = s + len(words[0])  # "Obama Boehner Fiscal Cliff Meeting": two people, the first leads
            elif not (known or words[0].lower() in first_names() or a.text[s:e] in body):
                continue  # a capitalised phrase the recogniser took for a person ("Marijuana Legalization")
        if label in ("ORG", "GPE") and a.text[s:e].split()[-1] in people:
            label = "PERSON"  # "Trump" read as an organisation where the article names Donald Trump
        in_subject = subject is not None and subject[0] <= s and e <= subject[1]
        if label in PLACE_LABELS and not (in_subject and _heads_subject(toks, s, e)):
            continue
        cands.append((s, e, label, in_subject))
    for t in toks:
        if t.text in people and t.text[:1].isupper() and not any(c[0] <= t.start < c[1] for c in cands):
            cands.append((t.start, t.end, "PERSON", subject is not None and subject[0] <= t.start and t.end <= subject[1]))
    cands.sort()
    first = [c for c in (next((c for c in cands if c[3]), None), next((c for c in cands if c[2] == "PERSON"), None)) if c]
    chosen = min(first) if first else None
    chosen = chosen or next((c for c in cands if c[2] in ("ORG", "NORP") and not _object_of_preposition(toks, c[0])), None)
    if chosen is None:
        return None
    s, e, label, in_subject = chosen
    shown = a.text[s:e]
    name = _full_name(shown, a) if label == "PERSON" else shown
    return HeadlineName(s, e, shown, name, label, in_subject)


def _heads_subject(toks: Sequence[Token], s: int, e: int) -> bool:
    """Is the name's last word the subject itself (not a modifier of it)?"""
    last = next((t for t in reversed(toks) if s <= t.start and t.end <= e), None)
    return last is not None and last.dep in SUBJECT_DEPS


def _trim_name(text: str, s: int, e: int, label: str, body: str = "") -> tuple[int, int]:
    """A name without a possessive, or a title word or acronym after it ("Obama Aide" -> "Obama",
    "Glenn Beck CPAC" -> "Glenn Beck")."""
    from framing.voice.lexicon import source_words

    titles = source_words()["title"]
    shown = _POSSESSIVE.sub("", text[s:e]) if label in ("PERSON", "ORG", "GPE") else text[s:e]
    words = shown.split()
    while label == "PERSON" and len(words) > 1 and (words[-1].lower().rstrip(".") in titles or words[-1].isupper()):
        words.pop()
    shown = " ".join(words)
    if label == "PERSON" and len(words) > 2 and shown not in body:
        for n in range(len(words) - 1, 1, -1):
            if " ".join(words[:n]) in body:
                shown = " ".join(words[:n])  # "Michele Bachmann Chick-Fil-A" -> "Michele Bachmann"
                break
    if label == "PERSON" and shown.endswith("-"):
        shown = shown.rsplit(" ", 1)[0]  # "Nancy Pelosi Re-" (of "Re-Elected")
    return (s, s + len(shown)) if text[s : s + len(shown)] == shown else (s, e)


def _person_surnames(a: Analysis) -> set[str]:
    """The last words of the names of the people the article cites ("Trump", "Pelosi"), and
    their first names ("Mitt")."""
    out: set[str] = set()
    for x in a.sources:
        words = str(x["name"]).split()
        if x.get("kind") == "person" and words:
            out.add(words[-1])
            if len(words) > 1 and words[0].isalpha() and words[0][:1].isupper():
                out.add(words[0])
    return out


def _object_of_preposition(toks: Sequence[Token], start: int) -> bool:
    t = next((t for t in toks if t.start <= start < t.end), None)
    while t is not None and t.dep in ("compound", "amod", "poss", "case") and 0 <= t.head != t.i:
        t = toks[t.head]
    return t is not None and t.dep == "pobj"


def _merge_adjacent(ents: Sequence[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """Entities that touch with only a space between, of organisation or group labels, as one
    ("House" + "Republicans", "Senate" + "Democrats")."""
    out: list[tuple[int, int, str]] = []
    for s, e, label in ents:
        if out and out[-1][2] in ("ORG", "NORP") and label in ("ORG", "NORP") and text[out[-1][1] : s] == " ":
            out[-1] = (out[-1][0], e, label)
        else:
            out.append((s, e, label))
    return out


def _modifies_person(toks: Sequence[Token], s: int, e: int, later: Sequence[tuple[int, int, str]]) -> bool:
    """Does the entity only modify a person named right after it ("GOP Rep. Blake Farenthold",
    "Israel Prime Minister Netanyahu")? Its tokens' heads lie in the next PERSON entity, and only
    titles or capitalised words stand between."""
    nxt = next((x for x in later if x[2] == "PERSON"), None)
    if nxt is None:
        return False
    inner = [t for t in toks if s <= t.start and t.end <= e]
    heads = {toks[t.head] for t in inner if t.head >= 0}
    outside = [h for h in heads if not (s <= h.start and h.end <= e)]
    between = [t for t in toks if e <= t.start and t.end <= nxt[0]]
    if any(not (t.text[:1].isupper() or t.text == ".") for t in between):
        return False
    return bool(outside) and all(nxt[0] <= h.start and h.end <= nxt[1] or e <= h.start < nxt[0] for h in outside)


def _plain_body(a: Analysis) -> str:
    """The body without paragraphs set in title case or repeating the headline (a repeated
    title, a subheading): what the article says in running text."""
    head = a.headline or ""
    return "\n".join(p.text for p in a.article.body if p.text.strip() != head.strip() and not title_case(p.text))


def _full_name(shown: str, a: Analysis) -> str:
    """A one-word person's name completed from the article's first mention of it, where news
    style names a person in full ("Trump" -> "Donald Trump" when the body first says "Donald
    Trump"; "Mitt" -> "Mitt Romney"); kept as it is when the first mention is the word alone or
    with a title ("President Trump", "Mr. Trump": the body may mean another Trump than its
    "Melania Trump")."""
    word = shown.strip()
    if " " in word or not word:
        return shown
    body = _plain_body(a)
    first = re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", body)
    if first is None:
        return shown
    sources = {str(x["name"]) for x in a.sources if x.get("kind") == "person"}
    if word.lower() in first_names() or any(n.startswith(word + " ") for n in sources):
        after = re.match(r"[ ]+((?:[A-Z]\.[ ]+)?[A-Z][\w’'-]+)", body[first.end() :])
        if after and after.group(1).split()[-1].lower() not in first_names() | _titles():
            return f"{word} {after.group(1)}"
        return shown
    before = re.search(r"((?:[A-Z][\w’'-]+|[A-Z]\.)(?:[ ]+(?:[A-Z][\w’'-]+|[A-Z]\.))?)[ ]+$", body[: first.start()])
    if before is None:
        return shown
    words = before.group(1).split()
    while words and words[0].lower().rstrip(".") in _titles():
        words = words[1:]  # "President Donald" -> "Donald"; "Representative Paul D." -> "Paul D."
    while words and not (words[0].lower() in first_names() or " ".join([*words, word]) in sources):
        words = words[1:]
    return " ".join([*words, word]) if words else shown


# --------------------------------------------------------------------------------------------
# The line that compares them
# --------------------------------------------------------------------------------------------


def _labels(labels: Sequence[str]) -> str:
    """["A"] -> "A"; ["A", "B"] -> "A and B"; ["A", "B", "C"] -> "A, B and C"."""
    labels = list(labels)
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


_NUMBERS = {2: "both", 3: "all three", 4: "all four", 5: "all five", 6: "all six"}


def _every(n: int) -> str:
    return _NUMBERS.get(n, f"all {n}")


def _q(words: Sequence[str], limit: int = 3) -> str:
    """'a', 'b' and 2 more: each distinct word once."""
    shown = list({w.lower(): w for w in reversed(list(words))}.values())[::-1]
    more = len(shown) - limit
    return ", ".join(f"'{w}'" for w in shown[:limit]) + (f" and {more} more" if more > 0 else "")


def _verb_clause(heads: Sequence[HeadlineFraming]) -> str | None:
    loaded = [h for h in heads if h.loaded_verbs]
    neutral = [h for h in heads if h.verbs and not h.loaded_verbs]
    none = [h for h in heads if not h.verbs]
    if len(loaded) == len(heads):
        return f"{_every(len(heads))} headlines use loaded verbs ({_q([v.text for h in loaded for v in h.loaded_verbs])})"
    if len(neutral) == len(heads):
        return f"{_every(len(heads))} headlines use neutral verbs ({_q([h.verbs[0].text for h in neutral])})"
    parts: list[str] = []
    for group, verbs, kind in ((loaded, lambda h: h.loaded_verbs, "loaded"), (neutral, lambda h: h.verbs[:1], "neutral")):
        if not group:
            continue
        words = _q([v.text for h in group for v in verbs(h)])
        if len(group) == 1:
            who = f"{group[0].label}'s headline" if not parts else group[0].label
            parts.append(f"{who} uses a {kind} verb ({words})")
        else:
            parts.append(f"{_labels([h.label for h in group])} use {kind} verbs ({words})")
    for h in none:
        colon = next((x for x in h.attributions if x.cue is None), None)
        if colon is not None:
            whose = f"{colon.name}'" if colon.name.endswith("s") else f"{colon.name}'s"
            parts.append(f"{h.label} has no verb of its own (it gives {whose} words after a colon)")
        else:
            parts.append(f"{h.label} has no main verb")
    return "; ".join(parts)


def _lead_clause(heads: Sequence[HeadlineFraming]) -> str | None:
    groups: dict[str, list[HeadlineFraming]] = {}
    for h in heads:
        groups.setdefault(h.lead.key if h.lead else "", []).append(h)
    named = sorted(((k, g) for k, g in groups.items() if k), key=lambda kg: (-len(kg[1]), heads.index(kg[1][0])))
    shown = {k: _short(g[0].lead) for k, g in named}
    nobody = groups.get("", [])
    if not named:
        return None
    if len(named) == 1 and not nobody:
        return f"{_every(len(heads))} lead with {shown[named[0][0]]}"
    if len(named) == 2 and not nobody and len(named[1][1]) == 1 and len(named[0][1]) > 1:
        (k0, g0), (k1, g1) = named
        return f"only {g1[0].label} leads with {shown[k1]} ({_labels([h.label for h in g0])} with {shown[k0]})"
    parts = []
    for n, (k, g) in enumerate(named):
        verb = "" if n else (" leads" if len(g) == 1 else " lead")
        parts.append(f"{_labels([h.label for h in g])}{verb} with {shown[k]}")
    text = ", ".join(parts)
    if nobody:
        text += f"; {_labels([h.label for h in nobody])} {'names' if len(nobody) == 1 else 'name'} no one"
    return text


def _short(lead: HeadlineName | None) -> str:
    if lead is None:
        return "no one"
    return lead.name if lead.label == "PERSON" else lead.text


def _some_clause(heads: Sequence[HeadlineFraming], items: Sequence[Sequence[str]], one: str, many: str,
                 *, quoted: bool = True) -> str | None:
    """"only B puts words in quote marks ('x')", "A and B put …", "all three put …"."""
    have = [(h, it) for h, it in zip(heads, items, strict=True) if it]
    if not have:
        return None
    words = [w for _, it in have for w in it]
    listed = _q(words) if quoted else ", ".join(_distinct_names(words))
    only = "only "
    if not quoted:  # "reports a statement, by" + "Trump" -> "reports a statement (by Trump)"
        one, many, listed = one.removesuffix(", by"), many.removesuffix(", by"), f"by {listed}"
        only = ""  # found in the others' headlines or not, a statement is named, never "only"
    if len(have) == len(heads):
        return f"{_every(len(heads))} {many} ({listed})"
    if len(have) == 1:
        return f"{only}{have[0][0].label} {one} ({listed})"
    return f"{_labels([h.label for h, _ in have])} {many} ({listed})"


def _distinct_names(names: Any) -> list[str]:
    """Names once each, a surname counted as the full name before it ("Trump" after "Donald Trump")."""
    out: dict[str, str] = {}
    for n in names:
        key = n.split()[-1].lower() if n.split() else n
        if key not in out or len(n) > len(out[key]):
            out[key] = n
    firsts = {v.split()[0].lower() for v in out.values() if " " in v}
    return [v for k, v in out.items() if " " in v or k not in firsts]  # "Mitt" after "Mitt Romney"


def difference_line(heads: Sequence[HeadlineFraming]) -> str:
    """One plain-English line on how the headlines differ, built only from their facts."""
    present = [h for h in heads if h.headline]
    if not present:
        return "No headline was detected in any article."
    clauses: list[str] = []
    missing = [h.label for h in heads if not h.headline]
    if missing:
        clauses.append(f"no headline was detected in {_labels(missing)}")
    if len(present) == 1:
        clauses.append(f"only {present[0].label} has a headline")
    else:
        for clause in (
            _verb_clause(present),
            _lead_clause(present),
            _some_clause(present, [[q.text for q in h.quotes] for h in present],
                         "puts words in quote marks", "put words in quote marks"),
            _some_clause(present, [_distinct_names(a.name for a in h.attributions) for h in present],
                         "reports a statement, by", "report statements, by", quoted=False),
            _some_clause(present, [[e.text for e in h.own_evaluative] for h in present],
                         "uses evaluative words", "use evaluative words"),
        ):
            if clause:
                clauses.append(clause)
    line = "; ".join(clauses)
    return line[:1].upper() + line[1:] + ("" if line.endswith(".") else ".")
