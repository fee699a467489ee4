"""Who speaks for which side: each source's party or affiliation, where the article says it
(issue 12, item 6).

    compare_sides(analyses, labels) -> SidesComparison   # .as_dict() is the JSON

A source's side is read only from what the article's text says of it, next to its name or its
mention; nothing is inferred from who the person is. Unknown stays unknown. The patterns, in the
order they are tried (``framing.rules.SIDE_PATTERNS``):

* ``party_tag``: a party tag after the name: "Sen. Chuck Schumer (D-N.Y.)", "McConnell, R-Ky.,",
  "Bernie Sanders (I-Vt.)";
* ``appositive``: the party in an apposition after the name: "Heidi Heitkamp, Democrat of North
  Dakota", "Mr. Booker, a New Jersey Democrat", "Todd Akin, the Republican Senate candidate";
* ``party_title``: the party before the name and its titles: "Republican Sen. Ted Cruz", "Senate
  Democratic Leader Chuck Schumer", "former Democratic presidential candidate Howard Dean";
* ``role``: a role for someone: "AshLee Strong, a spokeswoman for Speaker Paul Ryan", "Reince
  Priebus, the chairman of the Republican National Committee", "a spokesperson for Grassley";
  the affiliation is who the role is for, and its side is theirs when the text gives it (the
  party in the organisation's name, or the person's own tag: "Speaker Paul Ryan, Republican of
  Wisconsin");
* ``group_name``: a group or institution whose own name holds the party ("Senate Democrats",
  "House Republicans", "the DNC").

A person's name is looked for in full and, when no other person in the article has the same
surname, by surname ("Farenthold, R-Texas"). When the evidence disagrees the side is the one most
of it gives; a tie stays unknown.

Each article also lists the people and institutions quoted (or whose statements are reported) in
another article but not in it: "not quoted here", with whether it names them at all.

Each article's text is indexed once (``_Names``): finding a source's name costs a look-up per
place it stands, not a pass over the whole text, so the sides grow with the article's length,
not with its length times its sources.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from framing.comparison.entities import name_key, surname
from framing.comparison.headline_case import first_names
from framing.model import Analysis, Evidence

DEMOCRATIC, REPUBLICAN, INDEPENDENT = "Democratic", "Republican", "independent"
SIDES: tuple[str, ...] = (DEMOCRATIC, REPUBLICAN, INDEPENDENT)
UNKNOWN = "unknown"

# Words and acronyms that name a party, and the side they name.
PARTY_WORDS: dict[str, str] = {
    "democrat": DEMOCRATIC, "democrats": DEMOCRATIC, "democratic": DEMOCRATIC, "dem": DEMOCRATIC,
    "dems": DEMOCRATIC, "dnc": DEMOCRATIC, "dccc": DEMOCRATIC, "dscc": DEMOCRATIC,
    "republican": REPUBLICAN, "republicans": REPUBLICAN, "gop": REPUBLICAN, "g.o.p.": REPUBLICAN,
    "rnc": REPUBLICAN, "nrcc": REPUBLICAN, "nrsc": REPUBLICAN,
}
TAG_SIDES = {"D": DEMOCRATIC, "R": REPUBLICAN, "I": INDEPENDENT}

_PARTY = r"(Republican|Democrat|Democratic|GOP|G\.O\.P\.|Dem)"
_STATE = r"[A-Z][A-Za-z.]*(?:\s?[A-Z][A-Za-z.]*)?"
# "(D-N.Y.)", ", R-Texas,", "(R-Wisc.", "(I-Vt.)", "(R)"
_TAG_AFTER = re.compile(r"\s*(?:\(|,)\s*([RDI])(?:\s*[-–.,]\s*" + _STATE + r"\)?|\))")
# ", of New York," before an apposition: "Senator Chuck Schumer of New York, the Democratic leader"
_OF_STATE = r"(?:\s+of\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?"
# Lower-case words that may stand between the article and the party in an apposition or
# between the party and the name ("a moderate Democrat", "the top Democrat", "Democratic donor").
_MODIFIERS = (
    "top|moderate|registered|leading|fellow|former|conservative|liberal|longtime|veteran|senior|ranking|"
    "lone|only|first|freshman|progressive|centrist|prominent|influential|powerful|presumptive|"
    "presidential|vice|nominee|candidate|hopeful|leader|donor|strategist|operative|consultant|"
    "activist|pollster|fundraiser|senator|congressman|congresswoman|lawmaker|representative|"
    "governor|whip|chairman|chairwoman|chair|leadership|state|house|senate|party|national|"
    "mayor|attorney|general|speaker|majority|minority|no\\.|\\d+"
)
_WORDS_BEFORE_PARTY = r"((?:(?:[A-Z][\w.'’-]*|" + _MODIFIERS + r")\s+){0,4}?)"
_APPOSITIVE = re.compile(
    _OF_STATE + r",\s+(?:(?:a|an|the|one of the)\s+)?" + _WORDS_BEFORE_PARTY + _PARTY + r"(?![-\w’'])"
)
# "Republican Sen. Ted Cruz", "Senate Democratic Leader Chuck Schumer", "GOP presidential nominee X"
_ABBREVIATED = r"(?:Sen|Rep|Gov|Lt|Gen|Dr|Mr|Mrs|Ms|Sens|Reps|Atty|Col|Capt|Sgt|Adm|Cmdr)\."
_TITLE_BEFORE = re.compile(
    r"(?<![\w-])" + _PARTY + r" +((?:(?:" + _ABBREVIATED + r"|[A-Z][\w'’-]*|" + _MODIFIERS + r") +){0,4})$"
)
_ROLES = (
    r"spokesman|spokeswoman|spokesperson|press secretary|communications director|aide|adviser|advisor|"
    r"lawyer|attorney|counsel|chairman|chairwoman|chair|director|strategist|head|campaign manager|"
    r"chief of staff|senior adviser|deputy"
)
# a name's words: initials ("A.", "C.I.A."), abbreviated titles ("Sen."), words without a final
# stop ("Ryan", "MoveOn.org"): "Speaker Paul Ryan. Mr. Ryan" ends at "Ryan"
_NAME_WORD = r"(?:(?:[A-Z]\.)+|(?:Sen|Rep|Gov|Dr|Mr|Mrs|Ms|St|Lt|Gen)\.|[A-Z][\w'’-]*(?:\.[a-z]+)*)"
_AFFILIATE = r"((?:the +)?" + _NAME_WORD + r"(?: +(?:of +|for +|the +|and +|on +)*" + _NAME_WORD + r")*)"
# ", a spokeswoman for Speaker Paul Ryan", ", the chairman of the Republican National Committee"
_ROLE_AFTER = re.compile(
    _OF_STATE + r",\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?(?:" + _ROLES + r")\s+(?:for|to|of|at)\s+" + _AFFILIATE
)
# the mention itself is the role: "A spokesperson for Grassley", "spokesman for Speaker John Boehner"
_ROLE_FOLLOWS = re.compile(r"\s+(?:for|to|of|at)\s+" + _AFFILIATE)
_ROLE_WORD = re.compile(r"\b(?:" + _ROLES + r")\b", re.IGNORECASE)
_PARTY_IN_NAME = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in PARTY_WORDS) + r")(?![-\w’'])", re.IGNORECASE)

WINDOW = 90  # characters read around a name


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SideEvidence:
    """What the text says of a source's side: the words, the pattern and what they give."""

    start: int
    end: int
    text: str
    pattern: str  # a framing.rules.SIDE_PATTERNS name: party_tag, appositive, party_title, role, group_name
    side: str | None  # Democratic, Republican, independent; None: an affiliation without a side
    affiliation: str | None = None  # who a role is for ("Speaker Paul Ryan")

    def evidence(self) -> Evidence:
        what = self.side or "side not given"
        if self.affiliation:
            what = f"{what}; for {self.affiliation}"
        return Evidence(self.start, self.end, self.text, f"side:{self.pattern}", what, self.side)

    def as_dict(self) -> dict[str, Any]:
        return self.evidence().as_dict() | {"side": self.side, "affiliation": self.affiliation}


@dataclass(frozen=True)
class SourceSide:
    """One source of an article with its side (or ``unknown``) and how much it speaks."""

    name: str
    kind: str
    side: str  # Democratic, Republican, independent or unknown
    affiliation: str | None
    evidence: tuple[SideEvidence, ...]
    quotes: int
    quoted_words: int
    statements: int
    attributed_words: int

    @property
    def words(self) -> int:
        return self.quoted_words + self.attributed_words

    @property
    def label(self) -> str:
        """The side as a reader sees it: "Republican", "for Speaker Paul Ryan (Republican)", "unknown"."""
        if self.affiliation and self.side != UNKNOWN:
            return f"{self.side} (for {self.affiliation})"
        if self.affiliation:
            return f"for {self.affiliation}"
        return self.side

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "side": self.side, "affiliation": self.affiliation,
                "quotes": self.quotes, "quoted_words": self.quoted_words, "statements": self.statements,
                "attributed_words": self.attributed_words, "evidence": [e.as_dict() for e in self.evidence]}


@dataclass(frozen=True)
class SideTotal:
    side: str  # a side, or "unknown"
    sources: tuple[str, ...]
    quotes: int
    quoted_words: int
    statements: int
    attributed_words: int

    @property
    def words(self) -> int:
        return self.quoted_words + self.attributed_words

    def as_dict(self) -> dict[str, Any]:
        return {"side": self.side, "sources": list(self.sources), "quotes": self.quotes,
                "quoted_words": self.quoted_words, "statements": self.statements,
                "attributed_words": self.attributed_words}


@dataclass(frozen=True)
class NotQuoted:
    """A source quoted in another article but not in this one."""

    name: str
    side: str
    quoted_in: tuple[str, ...]  # the labels of the articles that quote it
    named_here: bool  # this article names it without quoting it

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "side": self.side, "quoted_in": list(self.quoted_in), "named_here": self.named_here}


@dataclass(frozen=True)
class ArticleSides:
    label: str
    sources: tuple[SourceSide, ...]  # speaking sources, most words first
    not_quoted_here: tuple[NotQuoted, ...]

    def totals(self) -> tuple[SideTotal, ...]:
        """Words, quotes and sources per side (the sides in SIDES order, then unknown)."""
        out = []
        for side in (*SIDES, UNKNOWN):
            group = [s for s in self.sources if s.side == side]
            if group:
                out.append(SideTotal(side, tuple(s.name for s in group), sum(s.quotes for s in group),
                                     sum(s.quoted_words for s in group), sum(s.statements for s in group),
                                     sum(s.attributed_words for s in group)))
        return tuple(out)

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, "sources": [s.as_dict() for s in self.sources],
                "by_side": [t.as_dict() for t in self.totals()],
                "not_quoted_here": [n.as_dict() for n in self.not_quoted_here]}


@dataclass(frozen=True)
class SidesComparison:
    articles: tuple[ArticleSides, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": [a.as_dict() for a in self.articles],
            "method": "a source's side is read only from the article's text next to its name or mention: "
            "a party tag (D-N.Y.), the party in an apposition (a Democrat; Republican of Texas), the party "
            "before the name and its titles (Republican Sen.), a role for someone whose side the text gives "
            "(a spokeswoman for Speaker Paul Ryan), or the party in a group's own name (House Republicans); "
            "otherwise unknown",
        }


# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------


def compare_sides(analyses: Sequence[Analysis], labels: Sequence[str]) -> SidesComparison:
    """Each article's sources with their sides, and what the others quote that it does not."""
    names = [_names_of(a) for a in analyses]
    per = [_source_sides(a, n) for a, n in zip(analyses, names, strict=True)]
    out = []
    for i, label in enumerate(labels):
        out.append(ArticleSides(label, per[i], _not_quoted(i, names[i], per, labels)))
    return SidesComparison(tuple(out))


def source_sides(a: Analysis) -> tuple[SourceSide, ...]:
    """Every source that speaks in the article (a quote or a reported statement), with its side."""
    return _source_sides(a, _names_of(a))


def _names_of(a: Analysis) -> _Names:
    return _Names(a.text, tuple(str(s["name"]) for s in a.sources if s.get("kind") == "person"))


def _source_sides(a: Analysis, names: _Names) -> tuple[SourceSide, ...]:
    out = []
    for s in a.sources:
        if s.get("kind") in ("unresolved", "author") or not (s.get("quotes") or s.get("statements")):
            continue
        name, kind = str(s["name"]), str(s["kind"])
        found = _evidence_for(name, kind, [tuple(m) for m in s.get("mentions", ())], names)
        found = [e for e in found if e.affiliation is None or e.side or name_key(e.affiliation) != name_key(name)]
        side = _decide([e.side for e in found if e.side])
        affiliation = next((e.affiliation for e in found if e.affiliation), None)
        out.append(SourceSide(name, kind, side, affiliation, tuple(found), int(s.get("quotes", 0)),
                              int(s.get("quoted_words", 0)), int(s.get("statements", 0)),
                              int(s.get("attributed_words", 0))))
    return tuple(sorted(out, key=lambda x: -x.words))


def _decide(sides: Sequence[str]) -> str:
    if not sides:
        return UNKNOWN
    top = Counter(sides).most_common()
    if len(top) > 1 and top[0][1] == top[1][1]:
        return UNKNOWN
    return top[0][0]


def _evidence_for(name: str, kind: str, mentions: Sequence[tuple[int, ...]], names: _Names) -> list[SideEvidence]:
    text = names.text
    found: list[SideEvidence] = []
    if kind == "person" or (kind == "institution" and name[:1].isupper()):
        found += _party_evidence(name, names)
        found += _role_evidence(_occurrences(name, names), names)
    if kind != "person":
        m = _PARTY_IN_NAME.search(name)
        if m:
            side = PARTY_WORDS[m.group(1).lower()]
            spot = next(((s, e) for s, e in mentions if _PARTY_IN_NAME.search(text[s:e])), None)
            if spot is None:
                hit = re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text, re.IGNORECASE)
                spot = (hit.start(), hit.end()) if hit else None
            if spot is not None:
                found.append(SideEvidence(spot[0], spot[1], text[spot[0] : spot[1]], "group_name", side))
    # a role word in the source's own mention: "A spokesperson for Grassley", "ryan spokesman"
    for s, e in mentions:
        mention = text[s:e]
        if not _ROLE_WORD.search(mention):
            continue
        m = _ROLE_FOLLOWS.match(text, e)
        if m:
            found.append(_role_in(s, m.end(), m.group(1), names))
        else:
            owner = re.sub(r"^(?:an?|the)\s+", "", _ROLE_WORD.split(mention)[0].strip(), flags=re.IGNORECASE)
            if owner[:1].isupper() and owner.lower() not in ("a", "an", "the"):
                found.append(_role_in(s, e, owner, names))
    return _dedupe(found)


def _dedupe(found: Iterable[SideEvidence]) -> list[SideEvidence]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for e in sorted(found, key=lambda e: (e.start, e.end)):
        if (e.start, e.end, e.pattern) not in seen:
            seen.add((e.start, e.end, e.pattern))
            out.append(e)
    return out


_FIRST_NAME_NOT = frozenset({"Mr", "Mrs", "Ms", "Sen", "Rep", "Gov", "Dr", "Senator", "Representative", "Speaker",
                             "President", "Leader", "Governor", "Secretary"})


def _occurrences(name: str, names: _Names) -> list[tuple[int, int]]:
    """Where the person's name stands in the text: the full name, and the surname alone when no
    other person the article cites or names in full has it."""
    found = names.occurrences.get(name)
    if found is not None:
        return found
    forms = [name]
    key = name_key(name)
    last = surname(key)
    if " " in name.strip() and last:
        written = name.split()[-1]
        others = names.surnames.get(last, set()) - {key}
        firsts = names.words_before(written)
        firsts -= set(name.split()[:-1]) | _FIRST_NAME_NOT
        firsts = {f for f in firsts if f.lower() in first_names()}
        if not others and not firsts:
            forms.append(written)
    out: list[tuple[int, int]] = []
    for form in forms:
        out.extend((start, start + len(form)) for start in names.starts(form, possessive=True))
    names.occurrences[name] = found = sorted(set(out))
    return found


_WORD_RUN = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
# A capitalised word and the spaces after it (and an initial: "John F. Kennedy"), at every place
# one starts: what may stand before a surname (zero width, so that none is skipped)
_BEFORE_A_WORD = re.compile(r"\b(?=([A-Z][\w’'-]+)(\s+)(?:([A-Z]\.)(\s+))?)")


@dataclass(frozen=True, eq=False)
class _Names:
    """One article's text and the names of its people, indexed once, so that finding every
    source's name costs a look-up per place it stands rather than a pass over the whole text
    (the whole-text regular expressions of each name made the sides quadratic in the article's
    length). Every look-up gives what the regular expression over the whole text gives."""

    text: str
    people: tuple[str, ...]
    occurrences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # _occurrences, once a name

    @cached_property
    def surnames(self) -> dict[str, set[str]]:
        """surname -> the name keys of the people with it."""
        out: dict[str, set[str]] = {}
        for p in self.people:
            key = name_key(p)
            out.setdefault(surname(key), set()).add(key)
        return out

    @cached_property
    def runs(self) -> dict[str, list[int]]:
        """Each run of word characters -> where it starts, in order."""
        out: dict[str, list[int]] = {}
        for m in _WORD_RUN.finditer(self.text):
            out.setdefault(m.group(), []).append(m.start())
        return out

    @cached_property
    def before(self) -> dict[str, list[tuple[int, str, int, int | None]]]:
        """The word run a capitalised word (and an initial) may stand before -> (where the
        capitalised word starts, the word, where the next word starts without the initial,
        with it)."""
        text = self.text
        out: dict[str, list[tuple[int, str, int, int | None]]] = {}
        for m in _BEFORE_A_WORD.finditer(text):
            p, word = m.start(), m.group(1)
            q0 = p + len(word) + len(m.group(2))
            q1 = q0 + len(m.group(3)) + len(m.group(4)) if m.group(3) else None
            entry = (p, word, q0, q1)
            for q in (q0, q1):
                run = _WORD_RUN.match(text, q) if q is not None else None
                if run is not None:
                    out.setdefault(run.group(), []).append(entry)
        return out

    def _boundary(self, pos: int) -> bool:
        """``\\b`` at ``pos``."""
        text = self.text
        return (pos > 0 and _WORD_CHAR.match(text, pos - 1) is not None) != (_WORD_CHAR.match(text, pos) is not None)

    def starts(self, form: str, *, possessive: bool) -> list[int]:
        """Where ``form`` stands as a whole word (not inside a word or a hyphenated one; with a
        possessive after it if ``possessive``): the starts of the matches of
        ``(?<![\\w-])form(?:['’]s)?(?![\\w-])`` over the text, left to right."""
        pattern = re.compile(r"(?<![\w-])" + re.escape(form) + (r"(?:['’]s)?" if possessive else "") + r"(?![\w-])")
        lead = _WORD_RUN.match(form)
        if lead is None:  # a form that starts with no word character: the whole text
            return [m.start() for m in pattern.finditer(self.text)]
        # a match starts where a run of word characters does, and that run is the form's first
        out: list[int] = []
        end = 0
        for p in self.runs.get(lead.group(), ()):
            if p < end:
                continue
            m = pattern.match(self.text, p)
            if m is not None:
                out.append(p)
                end = m.end()
        return out

    def words_before(self, written: str) -> set[str]:
        """The capitalised words that stand right before ``written`` (an initial between them
        allowed): the first groups of ``\\b([A-Z][\\w’'-]+)\\s+(?:[A-Z]\\.\\s+)?written\\b`` over
        the text, left to right."""
        text = self.text
        lead = _WORD_RUN.match(written)
        if lead is None:
            pattern = re.compile(r"\b([A-Z][\w’'-]+)\s+(?:[A-Z]\.\s+)?" + re.escape(written) + r"\b")
            return {m.group(1) for m in pattern.finditer(text)}
        out: set[str] = set()
        end = 0
        for p, word, q0, q1 in sorted(set(self.before.get(lead.group(), ()))):
            if p < end:
                continue
            for q in (q1, q0):  # with the initial first, as the regular expression tries
                if q is not None and text.startswith(written, q) and self._boundary(q + len(written)):
                    out.add(word)
                    end = q + len(written)
                    break
        return out




def party_evidence(name: str, text: str, people: Sequence[str] = ()) -> list[SideEvidence]:
    """The party the text gives a person by tag, apposition or title, at every place the name
    stands."""
    return _party_evidence(name, _Names(text, tuple(people)))


def _party_evidence(name: str, names: _Names) -> list[SideEvidence]:
    text = names.text
    found = []
    for s, e in _occurrences(name, names):
        end = e + (2 if text[e : e + 2] in ("'s", "’s") else 0)
        m = _TAG_AFTER.match(text, end)
        if m:
            found.append(SideEvidence(s, m.end(), text[s : m.end()], "party_tag", TAG_SIDES[m.group(1)]))
            continue
        m = _APPOSITIVE.match(text, end)
        if m and text[end : m.end()].count(",") == 1:
            found.append(SideEvidence(s, m.end(), text[s : m.end()], "appositive", PARTY_WORDS[m.group(2).lower()]))
            continue
        before = text[max(0, s - WINDOW) : s]
        m = _TITLE_BEFORE.search(before)
        if m:
            start = s - len(before) + m.start()
            found.append(SideEvidence(start, e, text[start:e], "party_title", PARTY_WORDS[m.group(1).lower()]))
    return found


def _role_evidence(spots: Sequence[tuple[int, int]], names: _Names) -> list[SideEvidence]:
    """", a spokeswoman for Speaker Paul Ryan" after the name: the affiliation, and its side."""
    text = names.text
    found = []
    for s, e in spots:
        m = _ROLE_AFTER.match(text, e)
        if m and "." not in text[e : m.start(1)].rstrip(". "):
            found.append(_role_in(s, m.end(), m.group(1), names))
    return found


_TITLES = re.compile(
    r"^(?:the\s+)?(?:(?:House|Senate|Former|former|Vice|Majority|Minority|Speaker|President|Sen\.|Rep\.|Gov\.|"
    r"Senator|Representative|Governor|Secretary|Leader|Mr\.|Mrs\.|Ms\.|Dr\.)\s+)+"
)


def _names_a_body(name: str) -> bool:
    """Does a capitalised name hold an institution word ("Armed Services Committee")?"""
    from framing.voice.lexicon import source_words

    inst = source_words()["institution"]
    return any(w.lower() in inst or w.lower().rstrip("s") in inst for w in name.split())


def _role(start: int, end: int, text: str, affiliate: str, people: Sequence[str]) -> SideEvidence:
    """A role's evidence: the party in the affiliation's name, or the affiliated person's own."""
    return _role_in(start, end, affiliate, _Names(text, tuple(people)))


def _role_in(start: int, end: int, affiliate: str, names: _Names) -> SideEvidence:
    text, people = names.text, names.people
    affiliate = affiliate.strip().removesuffix("’s").removesuffix("'s")
    if affiliate.endswith(".") and not re.search(r"(?:[A-Z]\.){2,}$", affiliate):
        affiliate = affiliate[:-1]  # a sentence's stop, not an initialism's ("C.I.A.")
    m = _PARTY_IN_NAME.search(affiliate)
    side = PARTY_WORDS[m.group(1).lower()] if m else None
    if side is None:
        person = _TITLES.sub("", affiliate).strip()
        if person and person[0].isupper() and len(person.split()) <= 4:
            # a person ("a spokeswoman for Speaker Paul Ryan"), never a body's name ("the
            # chairman of the Senate Armed Services Committee")
            full: str | None = next((p for p in people if p.split()[-1:] == person.split()[-1:]), person)
            if _names_a_body(person):
                full = None
            side = _decide([x.side for x in _party_evidence(full, names) if x.side]) if full else UNKNOWN
            side = None if side == UNKNOWN else side
    return SideEvidence(start, end, text[start:end], "role", side, affiliate)


# --------------------------------------------------------------------------------------------
# Not quoted here
# --------------------------------------------------------------------------------------------


def _key(s: SourceSide) -> str:
    """A person by surname, an institution by its name without dots ("F.B.I." = "FBI")."""
    key = name_key(s.name)
    return (surname(key) or key) if s.kind == "person" else key.replace(".", "")


def _listable(s: SourceSide) -> bool:
    """A named source worth listing across articles: a person named in full (two words or more)
    or a named institution; anonymous and vague sources ("officials") are not."""
    if s.kind == "person":
        return len(s.name.split()) >= 2 and all(w[:1].isupper() for w in s.name.split())
    return s.kind == "institution" and s.name[:1].isupper()


def _not_quoted(i: int, names: _Names, per: Sequence[Sequence[SourceSide]], labels: Sequence[str]) -> tuple[NotQuoted, ...]:
    """``names``: the article's text and people, indexed."""
    here = {_key(s) for s in per[i]}
    found: dict[str, tuple[SourceSide, list[str]]] = {}
    for k, sources in enumerate(per):
        if k == i:
            continue
        for s in sources:
            key = _key(s)
            if not key or key in here or not _listable(s):
                continue
            entry = found.setdefault(key, (s, []))
            if labels[k] not in entry[1]:
                entry[1].append(labels[k])
            if len(s.name) > len(entry[0].name) or (entry[0].side == UNKNOWN and s.side != UNKNOWN):
                found[key] = (s, entry[1])
    out = []
    for s, where in found.values():
        written = s.name.split()[-1] if s.kind == "person" else s.name
        named = bool(names.starts(written, possessive=False))
        out.append(NotQuoted(s.name, s.side, tuple(where), named))
    return tuple(sorted(out, key=lambda n: (-len(n.quoted_in), n.name)))
