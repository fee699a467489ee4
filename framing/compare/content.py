"""Content comparison: what each article includes, omits and emphasises (issue 4).

    compare_content(analyses, *, background=None) -> ContentComparison   # .as_dict() is the JSON

Five parts, each documented in docs/content.md:

* ``similarity``: cosine similarity of the articles' TF-IDF vectors (scikit-learn);
* ``distinctive_terms``: "Fightin' Words" z-scores (framing/compare/vocabulary.py);
* ``alignment``: each sentence's closest sentence in each other article (framing/compare/alignment.py);
* ``coverage``: per article, what no other article has: speakers, people, groups, organisations,
  places, other names, numbers, dates and unmatched sentences (this module);
* ``frames``: Semetko & Valkenburg's generic news frames (framing/compare/frames.py).

scikit-learn and wordfreq are imported inside the functions that need them, so importing this
module stays cheap. Everything is vectorised once per comparison.

Names, numbers and dates (no statistical model is needed; the engine runs on spaCy's tokenizer
alone), so names come from capitalised runs and are classified by rules, in this order:

1. **person**: the run (or its surname) is a person source of any compared article, or a title
   stands before it ("Vice President Kamala Harris"), or the article names the person by surname
   alone elsewhere ("Matthew Miller ... Miller said"), or an appositive follows ("X, a spokesman");
2. **place**: a small gazetteer (countries, a few regions and territories), or the run follows
   in/at/from/to/near/into/across/... ("meetings in Aqaba and Sharm El Sheikh", "on the Temple
   Mount");
3. **group**: nationalities and religious groups ("Palestinians", "Israelis", "Arab", "Jews");
4. **organization**: an institution head word ("State Department", "Negev Forum", "United
   Nations") or an acronym ("NATO");
5. **name**: any other run of two or more words ("Islamic Republic"); single unclassified words
   are dropped (too often a capitalised common word).

What is never a name: a capitalised word at the start of a sentence or quote unless it is
capitalised in mid-sentence somewhere in the compared articles (or is a known source); stop
words, pronouns, titles alone ("Prime Minister"), weekdays and months (those are dates).

Numbers: digits (with separators, decimals, %, currency, "million"/"billion"), spelled numbers
from three up, with the word that follows ("40 years", "seven lives", "75-year-old"). Dates:
weekdays, months (with a day), years 1900-2099.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from framing.compare.alignment import REWORDED, SHARED, AlignedSentence, align
from framing.compare.frames import FrameScore, frame_profile, load_frames
from framing.compare.vocabulary import (
    Term,
    fightin_words,
    normalise_token,
    stop_words,
    term_counts,
    tokens,
)
from framing.model import Analysis

NAME_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:[’'-][^\W\d_]+)*")
_POSS = re.compile(r"(?:['’]s|['’])$")
CONNECTORS = frozenset({"of", "al", "el", "de", "del", "della", "da", "di", "bin", "ibn", "van", "von", "der", "den", "la", "le", "du", "dos", "das", "y"})
OPENERS = ("“", '"', "‘", "(", "[", ":", "—", "–", "-", "'")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_ABBR = {"jan.": "january", "feb.": "february", "aug.": "august", "sept.": "september",
              "sep.": "september", "oct.": "october", "nov.": "november", "dec.": "december"}
PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them",
                      "my", "our", "your", "his", "its", "their", "this", "that", "these", "those"})
ORG_HEADS = frozenset({"forum", "conference", "accords", "accord", "summit", "nations", "agency",
                       "association", "federation", "coalition", "movement", "front", "brigade",
                       "brigades", "guard", "corps", "fund", "bank", "assembly", "institute",
                       "society", "league", "alliance", "council", "ministry", "department",
                       "commission", "committee", "court", "party", "union", "university",
                       "college", "school", "hospital", "church", "club", "group", "company",
                       "times", "post", "news", "press", "network", "office", "authority",
                       "administration", "government", "parliament", "congress", "senate",
                       "cabinet", "army", "navy", "police", "forces", "service", "services",
                       "organization", "organisation", "foundation", "center", "centre"})
RELIGIOUS_GROUPS = frozenset({"jews", "jew", "jewish", "muslims", "muslim", "christians",
                              "christian", "catholics", "catholic", "hindus", "hindu", "sikhs",
                              "buddhists", "arabs", "arab", "kurds", "kurdish", "shiite", "shiites",
                              "sunni", "sunnis", "druze", "bedouin", "roma", "latinos", "latino",
                              "hispanic", "hispanics"})
PLACE_CONTEXT = re.compile(
    r"(?:\b(?:in|at|from|to|near|into|across|toward|towards|outside|inside|throughout|via|around|"
    r"between|within|through|visit(?:ed|ing|s)?)\s+(?:the\s+)?|\bon\s+the\s+)"
    r"(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s*(?:,\s*|\s+and\s+|\s+or\s+))*$"
)
APPOSITIVE = re.compile(r"^\s*,\s*(?:a|an|the|who|whose|\d{1,3},)\b")
# Aliases that spelling cannot join: each group is one entity.
ALIASES: tuple[frozenset[str], ...] = (
    frozenset({"u.s.", "united states", "america", "united states of america"}),
    frozenset({"u.k.", "united kingdom", "britain", "great britain"}),
    frozenset({"u.n.", "united nations"}),
    frozenset({"eu", "european union"}),
)
# Countries and a few regions and territories (English short names).
GAZETTEER = frozenset(
    """afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
    botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada chad chile china
    colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt
    eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece
    grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq
    ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan
    laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi
    malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia
    montenegro morocco mozambique myanmar burma namibia nauru nepal netherlands holland nicaragua
    niger nigeria norway oman pakistan palau palestine panama paraguay peru philippines poland
    portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia
    slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania
    thailand togo tonga tunisia turkey turkiye turkmenistan tuvalu uganda ukraine uruguay
    uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe england scotland wales
    europe asia africa antarctica oceania america americas arctic gaza crimea donbas kashmir
    tibet xinjiang kurdistan sinai golan""".split()
) | frozenset({
    "united states", "united kingdom", "great britain", "united arab emirates", "saudi arabia",
    "south africa", "south korea", "north korea", "new zealand", "sri lanka", "costa rica",
    "el salvador", "ivory coast", "czech republic", "dominican republic", "papua new guinea",
    "west bank", "gaza strip", "middle east", "near east", "far east", "latin america",
    "north america", "south america", "central america", "southeast asia", "east asia",
    "central asia", "south asia", "sub-saharan africa", "north africa", "west africa",
    "east africa", "golan heights", "persian gulf", "red sea", "black sea", "south china sea",
    "hong kong", "puerto rico", "east jerusalem", "new york", "u.s.", "u.k.",
})
_SPELLED = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
            "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
            "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
            "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90, "hundred": 100, "hundreds": 100, "thousand": 1000, "thousands": 1000,
            "million": 10**6, "millions": 10**6, "billion": 10**9, "billions": 10**9,
            "dozen": 12, "dozens": 12}
_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9,
          "m": 10**6, "k": 10**3}
NUMBER_RE = re.compile(
    r"(?<![\w.,])(?P<cur>[$€£¥])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<pct>\s?%)?(?:\s?(?P<scale>thousand|million|billion|trillion|bn|m|k)\b)?"
    r"(?P<unit>-[a-z]+(?:-[a-z]+)*|[a-z]{1,3}(?![\w])|\s+(?:per\s?cent|percent|[a-z]+))?(?![\w])"
    r"|\b(?P<word>" + "|".join(sorted(_SPELLED, key=len, reverse=True)) + r")\b(?!-)(?P<wunit>\s+[a-z]+)?",
    re.IGNORECASE,
)
YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
DATE_RE = re.compile(
    r"\b(?:(?P<wd>" + "|".join(w.capitalize() for w in WEEKDAYS) + r")(?:['’]s)?"
    r"|(?P<mo>" + "|".join(m.capitalize() for m in MONTHS) + r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
    r"(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<moyear>(?:19|20)\d\d)\b)?"
    r"|(?P<year>(?<![\d,.$€£])(?:19|20)\d\d(?![\d,%]|-year|\s?(?:percent|per cent|people|million|billion))))"
)


@cache
def _source_words() -> dict[str, frozenset[str]]:
    from framing.voice.lexicon import source_words

    return source_words()


def _titles() -> frozenset[str]:
    return _source_words()["title"] - {"state", "house", "general", "of", "the", "for", "and", "then",
                                       "top", "senior", "official", "officials", "head", "leader"}


def _nationalities() -> frozenset[str]:
    return _source_words()["nationality"] - {"democratic", "republican", "democrat", "gop", "federal", "state-run", "national", "international", "north", "south", "western", "eastern", "u.s.", "us"}


def _key(text: str) -> str:
    return " ".join(normalise_token(t) for t in NAME_TOKEN_RE.findall(text))


@dataclass
class Mention:
    start: int
    end: int
    text: str  # the name as written (titles stripped)
    sentence: int
    place_context: bool = False
    titled: bool = False
    appositive: bool = False


@dataclass
class Entity:
    key: str  # normalised full form, e.g. "benjamin netanyahu"
    text: str  # display form
    kind: str
    mentions: list[Mention] = field(default_factory=list)

    def item(self) -> dict[str, Any]:
        m = self.mentions[0]
        return {"kind": self.kind, "text": self.text, "start": m.start, "end": m.end, "sentence": m.sentence, "mentions": len(self.mentions)}


@dataclass(frozen=True)
class TextIndex:
    """What another article says, for "is it mentioned there in any form?" checks."""

    tokens: frozenset[str]  # normalised word tokens (possessives dropped), headline included
    joined: str  # " tok tok tok " for phrase look-ups
    acronyms: frozenset[str]  # initials of its capitalised multi-word runs ("united nations" -> "u.n.")

    def has_phrase(self, key: str) -> bool:
        return f" {key} " in self.joined

    def has_prefix_form(self, stem: str) -> bool:
        """A token that is ``stem`` plus a short demonym ending ("iran" -> "iranian")."""
        if len(stem) < 4:
            return False
        return any(t.startswith(stem) and len(t) - len(stem) <= 4 for t in self.tokens)


def index_text(text: str) -> TextIndex:
    toks = [normalise_token(t) for t in NAME_TOKEN_RE.findall(text)]
    acronyms = set()
    for run in re.findall(r"(?:[A-Z][a-z]+\s+(?:of\s+(?:the\s+)?)?){1,}[A-Z][a-z]+", text):
        initials = "".join(w[0] for w in run.split() if w[0].isupper())
        acronyms.add(normalise_token(initials))
        acronyms.add(initials.lower())
    return TextIndex(frozenset(toks), " " + " ".join(toks) + " ", frozenset(acronyms))


def _forms(key: str) -> set[str]:
    forms = {key}
    for group in ALIASES:
        if key in group:
            forms |= group
    return forms


def mentioned_in(entity: Entity, index: TextIndex) -> bool:
    """Does the other text mention the entity in any form (case-insensitive)?"""
    for form in _forms(entity.key):
        if index.has_phrase(form) or form in index.acronyms or form.replace(".", "") in index.acronyms:
            return True
        words = form.split()
        if entity.kind == "person" and index.has_phrase(words[-1]):
            return True
        if len(words) == 1 and entity.kind in ("place", "group") and index.has_prefix_form(_stem(words[0])):
            return True
    return False


def _stem(word: str) -> str:
    """"palestinians" -> "palestin", "israelis" -> "israel", "iranian" -> "iran"."""
    for suffix in ("ians", "ian", "ans", "an", "ese", "ish", "is", "i", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _is_demonym(word: str) -> bool:
    low = word.lower()
    if low in _nationalities() or low in RELIGIOUS_GROUPS:
        return True
    return bool(re.search(r"(?:ians?|ese|ish|is)$", low)) and low not in stop_words() and len(low) > 5 and low[:-1] not in GAZETTEER


def _sentence_initial(text: str, sent_start: int, tok_start: int) -> bool:
    before = text[sent_start:tok_start].rstrip()
    return before == "" or before.endswith(OPENERS)


def capitalised_runs(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, list[tuple[int, int, str, bool]]]]:
    """Per sentence, runs of capitalised tokens: (sentence index, [(start, end, token, initial)])."""
    out = []
    for si, (s0, s1) in enumerate(sentences):
        run: list[tuple[int, int, str, bool]] = []
        pending: list[tuple[int, int, str, bool]] = []  # connectors waiting for a capitalised word
        prev_end = None
        for m in NAME_TOKEN_RE.finditer(text, s0, s1):
            tok = m.group()
            start, end = m.start(), m.end()
            parts = [(start, end, tok)]
            if "-" in tok and all(p[:1].isupper() for p in tok.split("-")):
                parts, pos = [], start
                for p in tok.split("-"):
                    parts.append((pos, pos + len(p), p))
                    pos += len(p) + 1
            for k, (ps, pe, pt) in enumerate(parts):
                gap = text[prev_end:ps] if prev_end is not None else ""
                contiguous = prev_end is not None and gap.strip() == "" and k == 0
                cap = pt[:1].isupper()
                initial = _sentence_initial(text, s0, ps) and k == 0
                if cap and run and (contiguous and not pending or (pending and contiguous)):
                    run.extend(pending)
                    pending = []
                    run.append((ps, pe, pt, initial))
                elif not cap and run and contiguous and (not pending and pt.lower().split("-")[0] in CONNECTORS or pending and [p[2].lower() for p in pending] == ["of"] and pt.lower() == "the"):
                    pending.append((ps, pe, pt, False))
                    if "-" in pt and pt.split("-")[-1][:1].isupper():  # "al-Sharif"
                        run.extend(pending)
                        pending = []
                else:
                    if run:
                        out.append((si, run))
                    run, pending = [], []
                    if cap:
                        run.append((ps, pe, pt, initial))
                prev_end = pe
        if run:
            out.append((si, run))
    return out


def _is_date_word(low: str) -> bool:
    return low in WEEKDAYS or low in MONTHS or low.rstrip("’'s") in WEEKDAYS


def extract_names(
    text: str,
    sentences: Sequence[tuple[int, int]],
    *,
    mid_capitalised: frozenset[str],
    lower_words: frozenset[str],
    person_names: dict[str, str],
    surnames_alone: frozenset[str],
) -> list[Entity]:
    """Named entities of one article's body.

    ``mid_capitalised``: normalised words written capitalised in mid-sentence in any compared
    article; ``lower_words``: words written in lower case in any of them; ``person_names``: key
    (full name or surname) -> full display name of every person known in the comparison;
    ``surnames_alone``: words used capitalised on their own in mid-sentence in any article.
    """
    sw = stop_words()
    titles, nats = _titles(), _nationalities()
    entities: dict[str, Entity] = {}
    for si, run in capitalised_runs(text, sentences):
        toks = [(s, e, _POSS.sub("", t), ini) for s, e, t, ini in run]
        # a sentence-initial first word that is not a name part
        while toks:
            s, e, t, ini = toks[0]
            low = normalise_token(t)
            if low in sw or low in PRONOUNS or _is_date_word(low):
                toks = toks[1:]
                continue
            if ini and len(toks) == 1 and low not in mid_capitalised and low not in person_names:
                toks = []
            elif ini and len(toks) > 1 and (low.endswith("ly") or low in lower_words) and low not in mid_capitalised:
                toks = toks[1:]
                continue
            break
        while toks and normalise_token(toks[-1][2]) in CONNECTORS:
            toks = toks[:-1]
        if not toks:
            continue
        # titles and nationalities before a name
        titled = False
        k = 0
        while k < len(toks) - 1 and (normalise_token(toks[k][2]) in titles or normalise_token(toks[k][2]) in nats or normalise_token(toks[k][2]) in CONNECTORS):
            titled = titled or normalise_token(toks[k][2]) in titles
            k += 1
        for j in range(max(0, len(toks) - 4), len(toks) - 1):  # "Labour MP David Reed" -> "David Reed"
            tail = " ".join(normalise_token(t) for _, _, t, _ in toks[j:])
            if " " in tail and tail in person_names:
                titled = titled or j > 0
                k = j
                break
        head = normalise_token(toks[-1][2])
        if k and head in ORG_HEADS | _source_words()["institution"]:
            k = 0  # "State Department", "Israeli Defense Forces": keep whole
        name_toks = toks[k:]
        while name_toks and normalise_token(name_toks[0][2]) in CONNECTORS:
            name_toks = name_toks[1:]
        if not name_toks:
            continue
        lows = [normalise_token(t) for _, _, t, _ in name_toks]
        if all(w in titles or w in sw or w in PRONOUNS or _is_date_word(w) for w in lows):
            continue
        if len(lows) == 1 and (lows[0] in sw or lows[0] in PRONOUNS or _is_date_word(lows[0])):
            continue
        start, end = name_toks[0][0], name_toks[-1][1]
        shown = text[start:end]
        shown = _POSS.sub("", shown)
        end = start + len(shown)
        key = " ".join(lows)
        before = text[max(0, start - 80) : start]
        after = text[end : end + 12]
        prev_word = re.search(r"([\w.]+)\s*$", text[max(0, start - 30) : start])
        titled = titled or bool(prev_word and normalise_token(prev_word.group(1)) in titles)
        mention = Mention(start, end, shown, si, bool(PLACE_CONTEXT.search(before)), titled, bool(APPOSITIVE.match(after)))
        if key in person_names:
            key = _key(person_names[key])
        ent = entities.get(key)
        if ent is None:
            ent = entities[key] = Entity(key, person_names.get(key, shown), "")
        ent.mentions.append(mention)
    # merge surnames into full names of this article ("Netanyahu" -> "Benjamin Netanyahu")
    by_last: dict[str, list[str]] = {}
    for key in entities:
        if " " in key:
            by_last.setdefault(key.split()[-1], []).append(key)
    for key in list(entities):
        if " " not in key and len(by_last.get(key, [])) == 1:
            full = entities[by_last[key][0]]
            full.mentions.extend(entities.pop(key).mentions)
    for ent in entities.values():
        ent.mentions.sort(key=lambda m: m.start)
        ent.kind = _classify(ent, person_names, surnames_alone)
    return [e for e in entities.values() if e.kind]


def _classify(ent: Entity, person_names: dict[str, str], surnames_alone: frozenset[str]) -> str:
    words = ent.key.split()
    inst = _source_words()["institution"]
    if ent.key in person_names or any(m.titled for m in ent.mentions) and 1 <= len(words) <= 4 and words[-1] not in ORG_HEADS:
        return "person"
    if ent.key in GAZETTEER or any(ent.key in g for g in ALIASES if "u.s." in g or "u.k." in g):
        return "place"
    if len(words) == 1 and _is_demonym(words[0]):
        return "group"
    if words[-1] in ORG_HEADS or words[-1] in inst or re.fullmatch(r"[A-Z]{2,6}", ent.text) or ent.key in ("u.n.", "eu"):
        return "organization"
    if any(m.place_context for m in ent.mentions):
        return "place"
    if 2 <= len(words) <= 3 and all(w.isalpha() for w in words) and (
        words[-1] in surnames_alone or any(m.appositive for m in ent.mentions)
    ):
        return "person"
    if len(words) >= 2:
        return "name"
    return ""


@dataclass(frozen=True)
class Figure:
    kind: str  # "number" or "date"
    key: str  # comparison key: a number's value, a date's normalised words
    text: str
    start: int
    end: int
    sentence: int

    def item(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end, "sentence": self.sentence}


def _number_value(m: re.Match[str]) -> str | None:
    if m.group("word"):
        return str(_SPELLED[m.group("word").lower()])
    num = m.group("num").replace(",", "")
    value = float(num)
    scale = (m.group("scale") or "").lower()
    if scale:
        value *= _SCALE[scale]
    return f"{value:g}"


def extract_figures(text: str, sentences: Sequence[tuple[int, int]]) -> list[Figure]:
    """Numbers (with the word they count) and dates in the body."""
    out: list[Figure] = []
    for si, (s0, s1) in enumerate(sentences):
        taken: list[tuple[int, int]] = []
        for m in DATE_RE.finditer(text, s0, s1):
            if m.group("wd"):
                key = m.group("wd").lower()
                shown = m.group("wd")
            elif m.group("mo"):
                mo = m.group("mo")
                month = MONTH_ABBR.get(mo.lower(), mo.lower())
                if month == "may" and not (m.group("day") or m.group("moyear")):
                    continue  # "May" alone is too often the verb or a name
                key = " ".join(x for x in (month, m.group("day"), m.group("moyear")) if x)
                shown = m.group()
            else:
                key = shown = m.group("year")
            out.append(Figure("date", key, shown, m.start(), m.start() + len(shown), si))
            taken.append((m.start(), m.end()))
        for m in NUMBER_RE.finditer(text, s0, s1):
            if any(a <= m.start() < b for a, b in taken):
                continue
            value = _number_value(m)
            if value is None:
                continue
            unit = (m.group("unit") or m.group("wunit") or "")
            shown = m.group()
            if unit and not unit.startswith("-") and unit.strip().lower() in stop_words() - {"percent"}:
                shown = shown[: len(shown) - len(unit)]
            if m.group("word") and not (m.group("wunit") and shown != m.group("word")):
                # a spelled number alone ("the three") says little
                if shown.strip().lower() == m.group("word").lower():
                    continue
            if m.group("num") and not m.group("cur") and YEAR_RE.match(m.group("num")):
                continue
            out.append(Figure("number", value, shown.strip(), m.start(), m.start() + len(shown.strip()), si))
    out.sort(key=lambda f: f.start)
    return out


def figure_keys(figures: Iterable[Figure]) -> set[tuple[str, str]]:
    return {(f.kind, f.key) for f in figures}


# --------------------------------------------------------------------------------------------
# The comparison
# --------------------------------------------------------------------------------------------

KIND_ORDER = ("speaker", "person", "group", "organization", "place", "name", "number", "date", "sentence")


@dataclass(frozen=True)
class ContentComparison:
    """What each article includes, omits and emphasises, against the others.

    Everything is per article, in the order of ``labels`` (the articles' names, made unique).
    """

    labels: tuple[str, ...]
    similarity: tuple[tuple[float, ...], ...]  # cosine of the articles' TF-IDF vectors
    distinctive_terms: tuple[tuple[Term, ...], ...]
    only_here: tuple[tuple[dict[str, Any], ...], ...]  # coverage: items no other article has
    alignment: tuple[tuple[AlignedSentence, ...], ...]
    frames: tuple[tuple[FrameScore, ...], ...]
    background_articles: int = 0

    def as_dict(self) -> dict[str, Any]:
        labels = self.labels
        return {
            "labels": list(labels),
            "similarity": [[round(v, 4) for v in row] for row in self.similarity],
            "distinctive_terms": {
                lab: [t.as_dict() for t in terms] for lab, terms in zip(labels, self.distinctive_terms, strict=True)
            },
            "coverage": {lab: {"only_here": [dict(i) for i in items]} for lab, items in zip(labels, self.only_here, strict=True)},
            "alignment": {
                lab: [s.as_dict(labels) for s in sents] for lab, sents in zip(labels, self.alignment, strict=True)
            },
            "frames": {
                lab: {f.frame: f.as_dict() for f in profile} for lab, profile in zip(labels, self.frames, strict=True)
            },
            "method": {
                "similarity": "cosine of TF-IDF vectors of the body text (lower-cased words, stop words dropped, "
                "unigrams and bigrams, sublinear tf), fitted on the compared articles"
                + (" and the background articles" if self.background_articles else ""),
                "distinctive_terms": "log-odds ratio with informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), "
                "each article against the others; prior: "
                + ("background articles" if self.background_articles else "wordfreq English frequencies")
                + " mixed half and half with the pooled compared articles, total weight = compared tokens",
                "alignment": {"shared": SHARED, "reworded": REWORDED,
                              "similarity": "mean of word and character 3-5-gram TF-IDF cosines"},
                "frames": "Semetko & Valkenburg (2000) generic frames, cue hits per 100 body words",
                "background_articles": self.background_articles,
            },
        }

    def article(self, label: str) -> int:
        return self.labels.index(label)

    def only_here_of(self, label: str, kind: str | None = None) -> list[dict[str, Any]]:
        items = self.only_here[self.article(label)]
        return [i for i in items if kind is None or i["kind"] == kind]


def _labels(analyses: Sequence[Analysis]) -> tuple[str, ...]:
    out: list[str] = []
    for k, a in enumerate(analyses):
        name = a.article.name or f"article {k + 1}"
        label = name
        n = 2
        while label in out:
            label = f"{name} ({n})"
            n += 1
        out.append(label)
    return tuple(out)


def _body(a: Analysis) -> str:
    return "\n\n".join(p.text for p in a.article.body)


def _word_analyzer(text: str) -> list[str]:
    sw = stop_words()
    toks = [t for t in tokens(text) if t not in sw and len(t) > 1]
    return toks + [f"{x} {y}" for x, y in zip(toks, toks[1:], strict=False)]


def similarity_matrix(bodies: Sequence[str], background: Sequence[str] = ()) -> list[list[float]]:
    """Cosine similarities of the articles' TF-IDF vectors (fitted with the background too)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    vec = TfidfVectorizer(analyzer=_word_analyzer, sublinear_tf=True)
    try:
        vec.fit(list(bodies) + list(background))
    except ValueError:  # no words at all
        return [[1.0 if i == j else 0.0 for j in range(len(bodies))] for i in range(len(bodies))]
    m = cosine_similarity(vec.transform(list(bodies)))
    return [[float(min(max(v, 0.0), 1.0)) for v in row] for row in m]


def _sentences(a: Analysis) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in a.sentences]


def _speakers(a: Analysis) -> list[dict[str, Any]]:
    return [s for s in a.sources if s.get("kind") in ("person", "institution", "anonymous") and s.get("name")]


def _speaker_keys(a: Analysis) -> set[str]:
    keys = set()
    for s in _speakers(a):
        key = _key(s["name"])
        keys.add(key)
        if s.get("kind") == "person":
            keys.add(key.split()[-1])
    return keys


def _context_words(analyses: Sequence[Analysis]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words capitalised in mid-sentence, words written in lower case, capitalised words alone."""
    mid: set[str] = set()
    lower: set[str] = set()
    alone: set[str] = set()
    for a in analyses:
        text = a.text
        for s in a.sentences:
            prev_cap = False
            prev_end = s.start
            toks = list(NAME_TOKEN_RE.finditer(text, s.start, s.end))
            for k, m in enumerate(toks):
                tok = _POSS.sub("", m.group())
                low = normalise_token(tok)
                if tok[:1].isupper():
                    if not _sentence_initial(text, s.start, m.start()):
                        mid.add(low)
                        nxt = toks[k + 1] if k + 1 < len(toks) else None
                        nxt_cap = nxt is not None and nxt.group()[:1].isupper() and text[m.end() : nxt.start()].strip() == ""
                        joined_prev = prev_cap and text[prev_end : m.start()].strip() == ""
                        if k >= 2 and normalise_token(toks[k - 1].group()) in CONNECTORS and toks[k - 2].group()[:1].isupper():
                            joined_prev = True  # "Land of Promise"
                        if not nxt_cap and not joined_prev:
                            alone.add(low)
                    prev_cap = True
                else:
                    lower.add(low)
                    prev_cap = False
                prev_end = m.end()
    return frozenset(mid), frozenset(lower), frozenset(alone)


def _person_names(analyses: Sequence[Analysis]) -> dict[str, str]:
    """Key (full name, and surname when only one such person) -> full display name."""
    full: dict[str, str] = {}
    for a in analyses:
        for s in a.sources:
            if s.get("kind") == "person" and s.get("name") and " " in s["name"]:
                full[_key(s["name"])] = s["name"]
    by_last: dict[str, set[str]] = {}
    for key in full:
        by_last.setdefault(key.split()[-1], set()).add(key)
    out = dict(full)
    for last, keys in by_last.items():
        if len(keys) == 1:
            out.setdefault(last, full[next(iter(keys))])
    return out


def compare_content(
    analyses: Sequence[Analysis],
    *,
    background: Sequence[Analysis] | None = None,
    top_terms: int = 50,
) -> ContentComparison:
    """Compare what the articles include, omit and emphasise.

    ``analyses``: two or more articles on one event (one article gives an empty comparison).
    ``background``: optional other articles; they join the TF-IDF fit and give the prior of the
    distinctive-terms model instead of wordfreq's English frequencies.
    """
    analyses = list(analyses)
    labels = _labels(analyses)
    background = list(background or ())
    bodies = [_body(a) for a in analyses]
    sim = similarity_matrix(bodies, [_body(b) for b in background]) if analyses else []

    counts = [term_counts(s.text for s in a.sentences) for a in analyses]
    bg = None
    if background:
        bg_counts = [term_counts(s.text for s in b.sentences) for b in background]
        uni: Counter[str] = Counter()
        bi: Counter[str] = Counter()
        for c in bg_counts:
            uni.update(c.uni)
            bi.update(c.bi)
        bg = (uni, bi)
    distinctive = fightin_words(counts, background=bg, top=top_terms)

    alignment = align([[(s.start, s.end, s.text) for s in a.sentences] for a in analyses])
    lexicon = load_frames()
    frames = tuple(frame_profile(a, lexicon) for a in analyses)

    only_here = _only_here(analyses, alignment)
    return ContentComparison(
        labels=labels,
        similarity=tuple(tuple(r) for r in sim),
        distinctive_terms=tuple(distinctive),
        only_here=only_here,
        alignment=tuple(alignment),
        frames=frames,
        background_articles=len(background),
    )


def _only_here(analyses: Sequence[Analysis], alignment: Sequence[Sequence[AlignedSentence]]) -> tuple[tuple[dict[str, Any], ...], ...]:
    """Per article, the speakers, names, numbers, dates and sentences no other article has."""
    if len(analyses) < 2:
        return tuple(() for _ in analyses)
    mid, lower, alone = _context_words(analyses)
    persons = _person_names(analyses)
    indexes = [index_text(a.text) for a in analyses]
    names = [
        extract_names(a.text, _sentences(a), mid_capitalised=mid, lower_words=lower, person_names=persons, surnames_alone=alone)
        for a in analyses
    ]
    figures = [extract_figures(a.text, _sentences(a)) for a in analyses]
    fig_keys = [figure_keys(f) for f in figures]
    speaker_keys = [_speaker_keys(a) for a in analyses]
    stems = [{_stem5(w) for w in _content_words(a.text)} for a in analyses]
    out = []
    for i, a in enumerate(analyses):
        others = [j for j in range(len(analyses)) if j != i]
        items: list[dict[str, Any]] = []
        full_surnames = {_key(x["name"]).split()[-1] for x in _speakers(a) if x.get("kind") == "person" and " " in x["name"]}
        for s in _speakers(a):
            key = _key(s["name"])
            if s.get("kind") == "person" and " " not in key and key in full_surnames:
                continue  # "Reed" beside "David Reed"
            forms = {key, key.split()[-1]} if s.get("kind") == "person" else {key}
            if not any(forms & speaker_keys[j] for j in others):
                first = s.get("mentions") or [[None, None]]
                start, end = first[0][0], first[0][1]
                item: dict[str, Any] = {"kind": "speaker", "text": s["name"], "speaker_kind": s.get("kind")}
                if start is not None:
                    item.update(start=start, end=end, sentence=_sentence_at(a, start))
                item["statements"] = s.get("quotes", 0) + s.get("statements", 0)
                items.append(item)
        for ent in names[i]:
            if not any(mentioned_in(ent, indexes[j]) for j in others):
                items.append(ent.item())
        seen: set[tuple[str, str]] = set()
        for f in figures[i]:
            if (f.kind, f.key) in seen:
                continue
            seen.add((f.kind, f.key))
            if not any((f.kind, f.key) in fig_keys[j] for j in others):
                items.append(f.item())
        other_stems = set().union(*(stems[j] for j in others))
        for sent in alignment[i]:
            new_words = _new_words(sent.text, other_stems) if sent.status == "reworded" else []
            if sent.status == "unique" or len(new_words) >= NEW_WORDS_MIN and len(new_words) >= NEW_WORDS_SHARE * len(_content_words(sent.text)):
                item = {"kind": "sentence", "text": sent.text, "start": sent.start, "end": sent.end, "sentence": sent.index,
                        "status": sent.status, "similarity": round(max((m.similarity for m in sent.matches), default=0.0), 3)}
                if sent.status != "unique":
                    item["new_words"] = new_words
                items.append(item)
        items.sort(key=lambda it: (KIND_ORDER.index(it["kind"]), it.get("start") if it.get("start") is not None else 10**9))
        out.append(tuple(items))
    return tuple(out)


NEW_WORDS_MIN = 3  # a reworded sentence is still "only here" with this many new content words
NEW_WORDS_SHARE = 0.5  # ... making up at least this share of its content words


def _content_words(text: str) -> list[str]:
    """Lower-case content words (no stop words, no capitalised names, no numbers)."""
    sw = stop_words()
    return [t.lower() for t in re.findall(r"(?<![\w'’])[a-z][a-z'’-]+", text) if t.lower() not in sw and len(t) > 2]


def _stem5(word: str) -> str:
    """A crude stem: the first five letters ("flooded"/"flooding", "evacuate"/"evacuation")."""
    return word[:5]


def _new_words(text: str, other_stems: set[str]) -> list[str]:
    """Content words of a sentence that no other article uses in any form."""
    return list(dict.fromkeys(w for w in _content_words(text) if _stem5(w) not in other_stems))


def _sentence_at(a: Analysis, offset: int) -> int | None:
    for k, s in enumerate(a.sentences):
        if s.start <= offset < s.end:
            return k
    return None
