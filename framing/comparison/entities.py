"""Names in an article body, and whether another article mentions them.

**Names are the pipeline's named entities** (spaCy's entity recogniser: en_core_web_sm unless
another pipeline is named), never runs of capitalised words. Labels and the kinds they give:

* PERSON -> person; ORG -> organization; GPE, LOC, FAC -> place (countries, cities, regions,
  sites: "Temple Mount", "Trump Tower"); NORP -> group (nationalities, religious and political
  groups: "Palestinians", "Republicans"); EVENT, LAW -> name ("Madrid Conference", "Voting
  Rights Act"); DATE and TIME hold the dates (below).
* Left out: WORK_OF_ART and PRODUCT (the small pipeline gives them to capitalised phrases of every
  kind: "Today", "Town Hall"), LANGUAGE, and the numeric labels (numbers are read by rule, which
  also gives their value).

Each mention is cleaned: leading words that are no part of a name go (determiners, conjunctions,
prepositions, pronouns, adverbs: "the State Department", "But Republicans"), and so do trailing
punctuation and a possessive ("Obama's"); a word the tokenizer cut at a hyphen is made whole
("Chick-fil-A"); titles before a person's name go ("Minnesota Congresswoman Michele Bachmann" ->
"Michele Bachmann"). A mention is dropped when it does not start with a capital letter (name
particles such as "al-" or "de" aside), ends with an initial ("George W"), is a title alone
("Gov."), or stands in a sentence written in title case ("Congressman Who Settled Case Resigns"),
where the pipeline's entities are unreliable.

A name's kind is decided once per comparison, over the mentions in every article: a source of the
voice layer it names (person or institution) decides; else a surname of a full name the pipeline
calls a person is a person ("Sestak" of "Joe Sestak"); else the label most mentions carry. An
acronym of three or more letters called a place is an organisation ("F.B.I."). Within an article
a surname or first name alone joins the one full name that has it ("Netanyahu" -> "Benjamin
Netanyahu"), and full names with the same first and last name are one ("Robert Mueller" =
"Robert S. Mueller III").

**Mentioned elsewhere** is checked against the other article's whole text (headline, quotes and
lower case included; see :func:`mentioned_in`), never against its list of entities or speakers.

Numbers and dates: ``framing/comparison/figures.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from framing.comparison.vocabulary import normalise_token, stop_words
from framing.model import NamedEntity

NAME_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:[’'-][^\W\d_]+)*")
POSSESSIVE_END = re.compile(r"(?:['’]s|['’])$")
# Name particles written in lower case ("Osama bin Laden", "Charles de Gaulle", "al-Sharif").
CONNECTORS = frozenset({"of", "al", "el", "de", "del", "della", "da", "di", "bin", "ibn", "van", "von", "der", "den", "la", "le", "du", "dos", "das", "y"})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_ABBR = {"jan.": "january", "feb.": "february", "aug.": "august", "sept.": "september",
              "sep.": "september", "oct.": "october", "nov.": "november", "dec.": "december"}

# The pipeline's entity labels -> the kinds of the only-here lists.
NAME_LABELS: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "name",
    "LAW": "name",
}
DATE_LABELS = frozenset({"DATE", "TIME"})
# Tie-break when the labels of a name's mentions are as many for two kinds.
KIND_PRECEDENCE = ("person", "organization", "place", "group", "name")
# Parts of speech that never open a name ("the", "But", "in", "his", "also", "to").
_NOT_NAME_START = frozenset({"DET", "CCONJ", "SCONJ", "ADP", "PRON", "ADV", "PART", "PUNCT", "INTJ", "AUX", "SYM"})
# The lemmas of the auxiliaries: a word tagged AUX with another lemma is a name the parse misread.
_AUXILIARIES = frozenset({"be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
                          "ought", "need", "dare", "get", "ca", "wo", "sha", "'s", "'d", "'ll", "'ve", "'re", "'m"})
_NOT_NAME_WORDS = frozenset({"the", "a", "an", "but", "and", "or", "so", "yet", "nor", "if", "then", "of"})
# After a person's surname, not the surname: "Joseph R. Biden Jr.", "Robert S. Mueller III".
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
# Words after an organisation's name that the name is often written without ("ABC News" / "ABC").
ORG_SUFFIXES = frozenset({"inc", "corp", "co", "ltd", "llc", "plc", "company", "corporation", "stores", "news", "group"})
# Words after a place's name that the name is often written without ("New York City" / "New York").
PLACE_SUFFIXES = frozenset({"city", "state", "county"})
# Function words that a title-case line capitalises and a sentence does not.
_TITLE_CASE_WORDS = frozenset({"The", "Of", "And", "In", "On", "At", "To", "For", "With", "Who", "As", "By", "From", "Into", "His", "Her", "Their", "Is", "Are", "After", "Over"})
# Aliases that spelling cannot join: each group is one entity.
ALIASES: tuple[frozenset[str], ...] = (
    frozenset({"u.s.", "united states", "america", "united states of america"}),
    frozenset({"u.k.", "united kingdom", "britain", "great britain"}),
    frozenset({"u.n.", "united nations"}),
    frozenset({"eu", "european union"}),
    frozenset({"gop", "g.o.p.", "republican party", "republicans", "republican"}),
    frozenset({"democrats", "democratic party", "democrat", "democratic"}),
)


@cache
def _source_words() -> dict[str, frozenset[str]]:
    from framing.voice.lexicon import source_words

    return source_words()


def _titles() -> frozenset[str]:
    return _source_words()["title"] - {"state", "house", "general", "of", "the", "for", "and", "then",
                                       "top", "senior", "official", "officials", "head", "leader"}


def _party_and_nationality() -> frozenset[str]:
    """Words that stand before a person's name without being part of it ("Republican", "Israeli")."""
    return _source_words()["nationality"]


def name_key(text: str) -> str:
    """The normalised form of a name: lower case, one apostrophe, no possessive, no dots of an
    initial ("George W. Bush" -> "george w bush"); initialisms keep theirs ("U.S." -> "u.s.")."""
    return " ".join(normalise_token(t) for t in NAME_TOKEN_RE.findall(text))


def surname(key: str) -> str:
    """The last word of a person's name key that is no suffix or initial ("robert s mueller iii"
    -> "mueller"); "" when there is none."""
    words = [w for w in key.split() if w not in NAME_SUFFIXES and len(w.strip(".")) > 1]
    return words[-1] if words else ""


def acronym(key: str) -> str:
    """The initials of a multi-word name key, small words skipped ("federal bureau of
    investigation" -> "fbi"); "" for a single word."""
    words = [w for w in key.split() if w not in ("of", "the", "and", "for", "&")]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def undotted(word: str) -> str:
    return word.replace(".", "")


def is_initialism(text: str) -> bool:
    """"FBI", "F.B.I.", "NBC" (two to six capitals, dotted or not)."""
    return re.fullmatch(r"(?:[A-Z]\.){2,6}|[A-Z]{2,6}", text.strip()) is not None


# --------------------------------------------------------------------------------------------
# The pipeline's entities
# --------------------------------------------------------------------------------------------


def pipeline_entities(text: str, spans: Iterable[tuple[int, int]], model: str | None = None) -> tuple[NamedEntity, ...]:
    """The named entities and dates the pipeline finds in ``text[start:end]`` for each span (the
    body's paragraphs), cleaned, in text order: the pipeline runs over the text here. An
    analysis carries its own (``Analysis.entities``, from its one parse): the comparison reads
    those."""
    from framing.model import Span
    from framing.nlp.segment import segment

    return entities_of(text, segment(text, [Span(s, e, text[s:e]) for s, e in spans], model).tokens)


def entities_of(text: str, tokens: Sequence[Any]) -> tuple[NamedEntity, ...]:
    """The named entities and dates among ``tokens`` (``framing.nlp.segment.Token``: one parse's
    tokens, offsets into ``text``, whitespace left out), cleaned (see the module docstring), in
    text order. An entity is a run of tokens with one entity type that begins at a token that
    begins an entity ("Senate" "GOP" are two)."""
    out: list[NamedEntity] = []
    k, n = 0, len(tokens)
    while k < n:
        label = tokens[k].ent
        if not label:
            k += 1
            continue
        m = k + 1
        while m < n and tokens[m].ent == label and not tokens[m].ent_start:
            m += 1
        if label in DATE_LABELS:
            s, e = tokens[k].start, tokens[m - 1].end
            out.append(NamedEntity(s, e, text[s:e], label))
        elif label in NAME_LABELS:
            found = _clean(text, list(tokens[k:m]), label)
            if found is not None:
                out.append(found)
        k = m
    return tuple(out)


_PARTICLES = CONNECTORS - {"of"}
# The rest of a word the tokenizer cut at a hyphen: capitalised parts or short particles
# ("Chick" -> "Chick-fil-A"), never an ordinary word ("Republican-controlled", "Atlanta-based").
_HYPHEN_TAIL = re.compile(r"(?:-(?:[A-Z][^\W_]*|[^\W\d_]{1,3})(?![\w]))+")
# Web addresses, handles and hashtags are no names ("MorningJoe pic.twitter.com/tBp5aXWhBj").
_WEB = re.compile(r"https?:|www\.|\.com\b|pic\.|[@#]")


def _clean(text: str, toks: list[Any], label: str) -> NamedEntity | None:
    """A name mention without what is no part of it; None when nothing name-like is left.
    ``toks`` are the tokens of the entity (``framing.nlp.segment.Token``)."""

    def no_name_start(t: Any) -> bool:
        low = t.text.lower()
        if low in _PARTICLES and len(toks) > 1:
            return False
        if t.pos == "AUX" and t.lemma not in _AUXILIARIES:  # a name the parse made an auxiliary: "why would Trump do that"
            return low in _NOT_NAME_WORDS
        return t.pos in _NOT_NAME_START or low in _NOT_NAME_WORDS

    def strip() -> None:
        while toks and no_name_start(toks[0]):
            toks.pop(0)
        while toks and (toks[-1].pos in ("PUNCT", "PART", "ADP", "CCONJ", "DET") or toks[-1].text in ("’s", "'s", "’", "'", "/")):
            toks.pop()

    strip()
    # "X's Y": the label names Y ("Barack Obama's U.S.", "NBC's Lester Holt"), unless X is a
    # common noun ("Children's Health Insurance Program") or Y a single word of an organisation
    # or site ("Sam's Club"; but "Steele's RNC" is the RNC)
    poss = [k for k, t in enumerate(toks) if 0 < k < len(toks) - 1 and t.text in ("’s", "'s", "’", "'")]
    if poss:
        k = poss[-1]
        common_owner = k == 1 and toks[0].tag in ("NN", "NNS", "NNPS")
        one_word_site = k == len(toks) - 2 and label in ("ORG", "FAC") and not is_initialism(toks[-1].text)
        if not common_owner and not one_word_site:
            del toks[: k + 1]
            strip()
    titled = False
    if label == "PERSON" and len(toks) > 1:
        titles = _titles()
        last_title = max((k for k, t in enumerate(toks[:-1]) if normalise_token(t.text) in titles), default=-1)
        if last_title >= 0:
            del toks[: last_title + 1]
            titled = True
        lead = _party_and_nationality()
        while len(toks) > 1 and normalise_token(toks[0].text) in lead:
            toks.pop(0)
    if not toks:
        return None
    start = toks[0].start
    end = toks[-1].end
    tail = _HYPHEN_TAIL.match(text, end)
    if tail:  # "Chick" of "Chick-fil-A"
        end = tail.end()
    shown = POSSESSIVE_END.sub("", text[start:end])
    end = start + len(shown)
    words = shown.split()
    if not words or not re.search(r"[^\W\d_]", shown) or _WEB.search(shown):
        return None
    first = words[0]
    if not (first[:1].isupper() or first[:1].isdigit() or first.lower().split("-")[0] in _PARTICLES and len(words) > 1):
        return None  # "boycotts", "nonpartisan board"
    if len(words) > 1 and re.fullmatch(r"[A-Z]\.?", words[-1]):
        return None  # "George W": cut before the surname
    if all(normalise_token(w) in _titles() for w in words):
        return None  # "Gov.", "Prime Minister"
    return NamedEntity(start, end, shown, label, titled)


def title_case(sentence: str) -> bool:
    """A line written in title case ("Texas Congressman Who Settled Case With Funds Resigns"): a
    function word capitalised after the first word, and most words capitalised."""
    words = re.findall(r"[^\W\d_][\w’'-]*", sentence)
    if len(words) < 4 or not any(w in _TITLE_CASE_WORDS for w in words[1:]):
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


@dataclass(frozen=True)
class Kinds:
    """The kind of every name key in a comparison, and the keys some mention calls a person."""

    kind: dict[str, str]
    personal: frozenset[str]

    def of(self, key: str) -> str:
        return self.kind.get(key, "")


def entity_kinds(found: Sequence[Sequence[NamedEntity]], person_names: Iterable[str] = ()) -> Kinds:
    """One kind per name key over all the compared articles (see the module docstring).

    ``found``: each article's :func:`pipeline_entities`; ``person_names``: the names of the voice
    layer's person sources (their keys and surnames are people)."""
    votes: dict[str, Counter[str]] = {}
    shown: dict[str, str] = {}
    for ents in found:
        for e in ents:
            if e.label not in NAME_LABELS:
                continue
            key = name_key(e.text)
            if not key:
                continue
            votes.setdefault(key, Counter())[NAME_LABELS[e.label]] += 1
            shown.setdefault(key, e.text)
    people: set[str] = set()
    for name in person_names:
        key = name_key(name)
        if key:
            people.add(key)
            if " " in key:
                people.add(surname(key))
    first_names = _first_names()
    personal = {k for k, c in votes.items() if c["person"] or " " in k and k.split()[0] in first_names} | people
    for key in list(personal):
        if " " in key:
            personal.add(surname(key))
    full_person_surnames = {surname(k) for k, c in votes.items() if c["person"] and " " in k}
    kind: dict[str, str] = {}
    for key, c in votes.items():
        if key in people or " " not in key and key in full_person_surnames:
            k = "person"
        else:
            k = max(c, key=lambda x: (c[x], -KIND_PRECEDENCE.index(x)))
        if k == "place" and is_initialism(shown[key]) and len(undotted(key)) >= 3 and not _aliased(key):
            k = "organization"  # "F.B.I." is no place
        kind[key] = k
    return Kinds(kind, frozenset(personal))


@cache
def _first_names() -> frozenset[str]:
    from framing.voice.lexicon import first_name_genders

    return frozenset(first_name_genders())


def _aliased(key: str) -> bool:
    return any(key in g for g in ALIASES)


# --------------------------------------------------------------------------------------------
# An article's names
# --------------------------------------------------------------------------------------------


@dataclass
class Mention:
    start: int
    end: int
    text: str  # the name as written (titles and possessive stripped)
    sentence: int
    titled: bool = False


@dataclass
class Entity:
    key: str  # normalised full form, e.g. "benjamin netanyahu"
    text: str  # display form
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    personal: bool = False  # some mention in the comparison is a person: surnames count

    def item(self) -> dict[str, Any]:
        m = next((m for m in self.mentions if m.text == self.text), self.mentions[0])
        return {"kind": self.kind, "text": m.text, "start": m.start, "end": m.end, "sentence": m.sentence, "mentions": len(self.mentions)}


def extract_names(text: str, sentences: Sequence[tuple[int, int]], found: Sequence[NamedEntity], kinds: Kinds) -> list[Entity]:
    """The named entities of one article's body, one per entity (its variants joined), in the
    order of their first mention. ``found``: the article's :func:`pipeline_entities`; ``kinds``:
    :func:`entity_kinds` of the whole comparison."""
    starts = [s for s, _ in sentences]
    in_title_case = {k for k, (s, e) in enumerate(sentences) if title_case(text[s:e])}
    entities: dict[str, Entity] = {}
    for e in found:
        if e.label not in NAME_LABELS:
            continue
        si = max(0, bisect_right(starts, e.start) - 1)
        if si in in_title_case:
            continue
        key = name_key(e.text)
        kind = kinds.of(key)
        if not key or not kind:
            continue
        ent = entities.get(key)
        if ent is None:
            ent = entities[key] = Entity(key, e.text, kind, personal=key in kinds.personal)
        ent.mentions.append(Mention(e.start, e.end, e.text, si, e.titled))
    _merge_variants(entities)
    out = list(entities.values())
    for ent in out:
        ent.mentions.sort(key=lambda m: m.start)
    out.sort(key=lambda ent: ent.mentions[0].start)
    return out


def _merge_variants(entities: dict[str, Entity]) -> None:
    """Variants of one entity join: for people, the same first and last name ("Robert Mueller"
    -> "Robert S. Mueller III"), a surname or first name alone that only one full name of the
    article has ("Netanyahu" -> "Benjamin Netanyahu", "de Léon" -> "Kevin de Léon"); for other
    names, an acronym and the name it stands for ("DHS" -> "Department of Homeland Security")."""
    spelled = {acronym(k): k for k, e in entities.items() if e.kind != "person" and acronym(k)}
    for key, ent in list(entities.items()):
        expansion = spelled.get(undotted(key))
        if ent.kind != "person" and is_initialism(ent.text) and expansion is not None and expansion in entities:
            _join(entities, expansion, key)
    people = [k for k, e in entities.items() if e.kind == "person"]
    full = [k for k in people if " " in k and k.split()[0] not in _PARTICLES]
    by_name: dict[tuple[str, str], str] = {}
    for key in full:
        sig = (key.split()[0], surname(key))
        if sig in by_name:
            _join(entities, by_name[sig], key)
        else:
            by_name[sig] = key
    full = list(by_name.values())
    for key in people:
        if key in full or key not in entities:
            continue
        owners = [k for k in full if k.endswith(" " + key) or surname(k) == key] or [k for k in full if k.split()[0] == key]
        if len(owners) == 1:
            _join(entities, owners[0], key)


def _join(entities: dict[str, Entity], into: str, key: str) -> None:
    a, b = entities[into], entities.pop(key)
    a.mentions.extend(b.mentions)
    a.personal = a.personal or b.personal


# --------------------------------------------------------------------------------------------
# Is it mentioned in another text?
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextIndex:
    """What another article says, for "is it mentioned there in any form?" checks."""

    tokens: frozenset[str]  # normalised words (possessives dropped; hyphenated words also by part)
    joined: str  # " tok tok tok " for phrase look-ups
    acronyms: frozenset[str]  # initials of its capitalised multi-word runs ("united nations" -> "un")
    initialisms: frozenset[str]  # its words written in capitals, without dots ("FBI", "F.B.I." -> "fbi")
    capitalised: frozenset[str]  # its words written with a capital somewhere

    def has(self, form: str) -> bool:
        return f" {form} " in self.joined if " " in form else form in self.tokens

    def has_prefix_form(self, stem: str) -> bool:
        """A token that is ``stem`` plus a short demonym ending ("iran" -> "iranian")."""
        if len(stem) < 4:
            return False
        return any(t.startswith(stem) and len(t) - len(stem) <= 4 for t in self.tokens)


def index_text(text: str) -> TextIndex:
    raw = NAME_TOKEN_RE.findall(text)
    toks = [normalise_token(t) for t in raw]
    words = set(toks)
    for t in toks:
        if "-" in t:
            words.update(p for p in t.split("-") if p)
    acronyms = set()
    for run in re.findall(r"(?:[A-Z][a-z]+\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){1,}[A-Z][a-z]+", text):
        initials = "".join(w[0] for w in run.split() if w[0].isupper()).lower()
        acronyms.update({initials, initials[1:]} - {"", initials[-1:]})  # "The Federal Bureau ..." -> "tfbi", "fbi"
    initialisms = {undotted(normalise_token(t)) for t in raw if is_initialism(t)}
    for dotted in re.findall(r"(?<![^\W\d_])(?:[A-Z]\.){2,}", text):  # "N.Y." of "D-N.Y."
        words.add(normalise_token(dotted))
        initialisms.add(undotted(dotted).lower())
    capitalised = {normalise_token(t) for t in raw if t[:1].isupper()}
    return TextIndex(frozenset(words), " " + " ".join(toks) + " ", frozenset(acronyms), frozenset(initialisms), frozenset(capitalised))


def _forms(key: str) -> set[str]:
    forms = {key}
    for group in ALIASES:
        if key in group:
            forms |= group
    return forms


def mentioned_in(entity: Entity, index: TextIndex) -> bool:
    """Does the other text mention the entity under any name variant? Case-insensitive, as whole
    words, possessives ignored: the full name or an alias ("U.S." = "America"); for a person also
    the surname (a surname that is also a common word, "Will", only where the text capitalises
    it); the acronym of a multi-word name ("Federal Bureau of Investigation" = "FBI") and the name
    an acronym stands for; an organisation or place without its last generic word ("ABC News" =
    "ABC", "New York City" = "New York"); a one-word place or group by a demonym form ("Iran" =
    "Iranian", "Palestinians" = "Palestinian")."""
    for form in _forms(entity.key):
        if index.has(form):
            return True
        words = form.split()
        if entity.kind == "person" or entity.personal:
            last = surname(form)
            if last and (last in index.capitalised if last in stop_words() else index.has(last)):
                return True
        if len(words) == 1:
            if is_initialism(entity.text) and (undotted(form) in index.acronyms or undotted(form) in index.initialisms):
                return True
            if entity.kind in ("place", "group") and index.has_prefix_form(_stem(form)):
                return True
        else:
            initials = acronym(form)
            if len(initials) >= 2 and initials in index.initialisms:
                return True
            generic = ORG_SUFFIXES if entity.kind == "organization" else PLACE_SUFFIXES if entity.kind == "place" else frozenset()
            if words[-1] in generic and index.has(" ".join(words[:-1])):
                return True
    return False


def _stem(word: str) -> str:
    """"palestinians" -> "palestin", "israelis" -> "israel", "iranian" -> "iran"."""
    for suffix in ("ians", "ian", "ans", "an", "ese", "ish", "is", "i", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word
