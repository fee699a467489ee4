"""Names, numbers and dates in an article body, and whether another article mentions them.

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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from framing.compare.vocabulary import normalise_token, stop_words

NAME_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:[’'-][^\W\d_]+)*")
POSSESSIVE_END = re.compile(r"(?:['’]s|['’])$")
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


def name_key(text: str) -> str:
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


def opens_sentence(text: str, sent_start: int, tok_start: int) -> bool:
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
                initial = opens_sentence(text, s0, ps) and k == 0
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
    entities: dict[str, Entity] = {}
    for si, run in capitalised_runs(text, sentences):
        toks = _strip_run(run, mid_capitalised, lower_words, person_names)
        if not toks:
            continue
        named = _name_in_run(toks, person_names)
        if named is None:
            continue
        name_toks, titled = named
        mention, key = _mention(text, name_toks, si, titled)
        if key in person_names:
            key = name_key(person_names[key])
        ent = entities.get(key)
        if ent is None:
            ent = entities[key] = Entity(key, person_names.get(key, mention.text), "")
        ent.mentions.append(mention)
    _merge_surnames(entities)
    for ent in entities.values():
        ent.mentions.sort(key=lambda m: m.start)
        ent.kind = _classify(ent, person_names, surnames_alone)
    return [e for e in entities.values() if e.kind]


_RunToken = tuple[int, int, str, bool]  # (start, end, token, sentence-initial)


def _strip_run(
    run: Sequence[_RunToken], mid_capitalised: frozenset[str], lower_words: frozenset[str], person_names: dict[str, str]
) -> list[_RunToken]:
    """A capitalised run without possessives, without a sentence-initial first word that is no
    name part, and without trailing connectors."""
    sw = stop_words()
    toks = [(s, e, POSSESSIVE_END.sub("", t), ini) for s, e, t, ini in run]
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
    return toks


def _name_in_run(toks: Sequence[_RunToken], person_names: dict[str, str]) -> tuple[list[_RunToken], bool] | None:
    """The name in a run after its titles and nationalities ("Labour MP David Reed" -> "David
    Reed"), and whether a title stood before it; None when only titles, stop words, pronouns or
    dates are left."""
    sw = stop_words()
    titles, nats = _titles(), _nationalities()
    titled = False
    k = 0
    while k < len(toks) - 1 and (normalise_token(toks[k][2]) in titles or normalise_token(toks[k][2]) in nats or normalise_token(toks[k][2]) in CONNECTORS):
        titled = titled or normalise_token(toks[k][2]) in titles
        k += 1
    for j in range(max(0, len(toks) - 4), len(toks) - 1):
        tail = " ".join(normalise_token(t) for _, _, t, _ in toks[j:])
        if " " in tail and tail in person_names:
            titled = titled or j > 0
            k = j
            break
    head = normalise_token(toks[-1][2])
    if k and head in ORG_HEADS | _source_words()["institution"]:
        k = 0  # "State Department", "Israeli Defense Forces": keep whole
    name_toks = list(toks[k:])
    while name_toks and normalise_token(name_toks[0][2]) in CONNECTORS:
        name_toks = name_toks[1:]
    if not name_toks:
        return None
    lows = [normalise_token(t) for _, _, t, _ in name_toks]
    if all(w in titles or w in sw or w in PRONOUNS or _is_date_word(w) for w in lows):
        return None
    if len(lows) == 1 and (lows[0] in sw or lows[0] in PRONOUNS or _is_date_word(lows[0])):
        return None
    return name_toks, titled


def _mention(text: str, name_toks: Sequence[_RunToken], si: int, titled: bool) -> tuple[Mention, str]:
    """The mention of a name, with what its context says (a place preposition before it, a
    title just before it, an appositive after it), and its key."""
    start, end = name_toks[0][0], name_toks[-1][1]
    shown = POSSESSIVE_END.sub("", text[start:end])
    end = start + len(shown)
    before = text[max(0, start - 80) : start]
    after = text[end : end + 12]
    prev_word = re.search(r"([\w.]+)\s*$", text[max(0, start - 30) : start])
    titled = titled or bool(prev_word and normalise_token(prev_word.group(1)) in _titles())
    key = " ".join(normalise_token(t) for _, _, t, _ in name_toks)
    return Mention(start, end, shown, si, bool(PLACE_CONTEXT.search(before)), titled, bool(APPOSITIVE.match(after))), key


def _merge_surnames(entities: dict[str, Entity]) -> None:
    """Surnames join the full names of this article ("Netanyahu" -> "Benjamin Netanyahu")."""
    by_last: dict[str, list[str]] = {}
    for key in entities:
        if " " in key:
            by_last.setdefault(key.split()[-1], []).append(key)
    for key in list(entities):
        if " " not in key and len(by_last.get(key, [])) == 1:
            full = entities[by_last[key][0]]
            full.mentions.extend(entities.pop(key).mentions)


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
