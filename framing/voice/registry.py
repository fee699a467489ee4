"""The people an article names: full names, their roles and gender, and every mention of them in
the author's voice, in order (``build_registry``). Speaker resolution reads it: surnames to full
names, pronouns to the nearest compatible person, role phrases to the person with that role."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from framing.nlp.segment import Token
from framing.voice.lexicon import first_name_genders, source_words
from framing.voice.wordclasses import (
    DETERMINERS,
    POSSESSIVE_ENDINGS,
    in_source_words,
    is_name_word,
    name_text,
    role_words,
)

# Role words that name the same office ("Rep. Todd Akin" ... "the congressman").
_ROLE_GROUPS = (
    {"rep", "representative", "congressman", "congresswoman", "lawmaker"},
    {"sen", "senator", "lawmaker"},
    {"gov", "governor"},
    {"president"},
    {"leader"},
    {"secretary"},
    {"prime", "premier", "minister"},
    {"gen", "general"},
    {"dr", "doctor"},
    {"mayor"},
    {"chancellor"},
    {"attorney", "lawyer"},
)
OFFICES = frozenset(w for group in _ROLE_GROUPS for w in group)
ROLE_SYNONYMS: dict[str, set[str]] = {}
for _group in _ROLE_GROUPS:
    for _word in _group:
        ROLE_SYNONYMS.setdefault(_word, set()).update(_group)


# Entity types (spaCy's OntoNotes labels) that never speak; PERSON, ORG, NORP and GPE (a country
# as its government) can.
NEVER_SPEAKERS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LOC", "FAC", "EVENT",
     "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"}
)
# Entity types under which a capitalised run is no person even when it opens with a first name
# ("Virginia Beach", "Charlotte Observer"): the recogniser misses people mostly as "" or as a
# work of art, a product or a group.
NOT_PEOPLE = (NEVER_SPEAKERS - {"WORK_OF_ART", "PRODUCT"}) | {"ORG", "GPE"}
Gender = str  # "m", "f" or "" (unknown)


@dataclass
class Registry:
    """The people the article names: full names with their role words and gender, and every
    mention of a person in the author's voice (outside quote marks), in order.

    Gender comes from an honorific or a gendered title before the name ("Mr.", "Congresswoman");
    failing that, the first name's usual sex in the 1990 US census (``first_names.tsv``: only
    names that are clearly one or the other); failing that, a clear majority of the subject pronouns ("he", "she") that
    follow the person as a clause's subject with no other person a subject in between; and,
    during resolution, the pronoun a person was taken for.
    """

    full_names: dict[str, set[str]] = field(default_factory=dict)  # name -> role words
    by_last: dict[str, list[str]] = field(default_factory=dict)  # surname -> full names
    mentions: list[tuple[int, str]] = field(default_factory=list)  # (offset, name as written), outside quotes
    subjects: list[tuple[int, str]] = field(default_factory=list)  # those that are the main clause's subject
    genders: dict[str, Gender] = field(default_factory=dict)  # full name -> "m" / "f"
    has_entities: bool = False  # the pipeline recognised entities: names must be PERSON to count

    def add(self, name: str, roles: set[str]) -> None:
        self.full_names.setdefault(name, set()).update(roles)
        last = name.split()[-1]
        names = self.by_last.setdefault(last, [])
        if name not in names:
            names.append(name)

    def expand(self, name: str, gender: Gender = "") -> str | None:
        """"Netanyahu" -> "Benjamin Netanyahu" when the article names exactly one such person;
        "Jeb" -> "Jeb Bush" when no one has it for a surname and exactly one person has it for a
        first name. A first name is never taken for a surname ("Hill" is no Hillary). With the
        ``gender`` a title shows, "Mr. Trump" is never Ivanka Trump, and is Donald Trump when he
        is the one man of that surname."""
        full = self._expand(name)
        if not gender:
            return full
        if full is not None and self.genders.get(full, gender) != gender:
            return None  # a wrong name is worse than the name as written
        if full is None and " " not in name:
            fits = [n for n in self.by_last.get(name, []) if n != name and self.genders.get(n) == gender]
            full = fits[0] if len(fits) == 1 else None
        return full

    def _expand(self, name: str) -> str | None:
        if " " in name:
            # "de Léon" -> "Kevin de Léon": the end of exactly one full name
            longer = {n for n in self.by_last.get(name.split()[-1], []) if n.endswith(" " + name)}
            return longer.pop() if len(longer) == 1 else None
        names = self.by_last.get(name, [])
        longest = max(names, key=len) if names else None
        if longest and all(longest.endswith(n) for n in names) and longest != name:
            return longest
        if not names and name[:1].isupper():
            # a first name that only one person the article names carries ("Jeb" for Jeb Bush)
            firsts = [n for n in self.full_names if n.split()[0] == name]
            if len(firsts) == 1:
                return firsts[0]
        return None

    def full(self, name: str, gender: Gender = "") -> str:
        """The article's full name for a name as written (itself when there is none)."""
        if not name or name in self.full_names:
            return name
        return self.expand(name.split()[-1], gender) or name

    def knows(self, name: str) -> bool:
        """Is this word a surname or full name of a person the article names?"""
        return name in self.full_names or name in self.by_last

    def gender(self, name: str) -> Gender:
        return self.genders.get(self.full(name), "")

    def mention_counts(self) -> dict[str, int]:
        """Full name -> how often the author names that person."""
        counts: dict[str, int] = {}
        for _, name in self.mentions:
            full = self.full(name)
            counts[full] = counts.get(full, 0) + 1
        return counts

    def by_role(self, roles: set[str]) -> list[str]:
        wanted = set(roles)
        for r in roles:
            wanted |= ROLE_SYNONYMS.get(r, set())
        return [n for n, r in self.full_names.items() if wanted & r]

    def last_mention_before(self, offset: int, gender: Gender = "", *, subject: bool = False) -> tuple[int, str] | None:
        """(offset, full name) of the person named most recently before ``offset`` in the
        author's voice (as a clause's subject, with ``subject``) whose gender does not clash
        with ``gender``."""
        mentions = self.subjects if subject else self.mentions
        i = bisect_left(mentions, (offset, "")) - 1
        while i >= 0:
            name = self.full(mentions[i][1])
            if not gender or self.genders.get(name, gender) == gender:
                return mentions[i][0], name
            if self.genders.get(mentions[i][1]) == gender:
                return mentions[i][0], mentions[i][1]  # "Mr. Trump wrote … he wrote" beside Melania Trump
            i -= 1
        return None


@lru_cache(maxsize=1)
def _gendered_titles() -> dict[str, Gender]:
    """Titles that show a sex ("congresswoman", "spokesman"), from source_words.tsv, and honorifics."""
    sw = source_words()
    return {**{w: g for g, cat in (("m", "male_title"), ("f", "female_title")) for w in sw.get(cat, ())}, **_HONORIFICS}


def title_gender(words: Sequence[str]) -> Gender:
    """The gender the titles before a name show ("Mr.", "Congresswoman"), "" when none does."""
    gendered = _gendered_titles()
    sex: Gender = ""
    for w in words:
        sex = gendered.get(w.lower(), "") or sex
    return sex


def _census_genders(reg: Registry) -> None:
    """Each full name's first name's usual sex ("Meredith Vieira"), where nothing showed one."""
    firsts = first_name_genders()
    for name in reg.full_names:
        sex = firsts.get(name.split()[0].lower(), "")
        if sex:
            reg.genders.setdefault(name, sex)


_NOT_NAME_POS = frozenset({"CCONJ", "SCONJ", "ADV", "DET", "PRON", "ADP", "AUX", "VERB", "PART", "INTJ", "NUM"})
_HONORIFICS: dict[str, Gender] = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}
PRONOUN_GENDER: dict[str, Gender] = {"he": "m", "she": "f"}


def _acronym(t: Token) -> bool:
    """"PAC", "FBI": capitals only, no part of a personal name."""
    return len(t.text) > 1 and t.text.isupper()


def first_name_like(text: str, t: Token, surname: Token) -> bool:
    """Is ``t`` the first name of the ``surname`` after it, which the recogniser left out ("Ivanka"
    in "Ivanka Trump", called a product)? A capitalised singular proper noun the parse makes a
    compound of the surname, in no entity or taken for a product or a work, and no title,
    nationality or institution word ("Justices Kennedy"), nor an acronym. Opening a sentence, a
    capital proves nothing ("Injecting Clinton’s troubles into …"): there the census must know
    the word as a first name."""
    if not (
        t.tag == "NNP" and t.dep == "compound" and t.head == surname.i and surname.i == t.i + 1
        and t.ent in ("", "PRODUCT", "WORK_OF_ART") and t.text.isalpha() and t.text[0].isupper()
        and not _acronym(t) and not any(in_source_words(t.lower, cat) for cat in ("title", "nationality", "institution"))
    ):
        return False
    before = text[max(0, t.start - 40) : t.start].rstrip()
    return not (before == "" or before[-1] in ".!?:“\"‘'") or t.lower in first_name_genders()


def _person_tokens(t: Token, has_entities: bool) -> bool:
    """May this capitalised token be part of a person's name?"""
    return t.ent == "PERSON" if has_entities else True


def build_registry(text: str, toks: Sequence[Token], in_quote: Sequence[bool] = ()) -> Registry:
    """Scan the body for names of people: capitalised runs of 2-4 words (that the entity
    recogniser marks PERSON, when the pipeline has one) are full names, with their role words
    and gender; a run that is a known person's surname, or that the recogniser marks PERSON, is
    a mention of that person (surnames alone are often missed or mislabelled by the small
    pipeline: "Akin rebuffed", "Trump" as ORG)."""
    has_entities = any(t.ent for t in toks)
    reg = Registry(has_entities=has_entities)
    quoted = in_quote or [False] * len(toks)
    runs = [r for r in _name_runs(text, toks) if r[0]]
    firsts = first_name_genders()
    for name_toks, roles, _sex in runs:
        # a title before the name is evidence enough ("Former President Vicente Fox", which the
        # small pipeline calls an organisation), and so is a first name the recogniser took for
        # no place, organisation, date or number ("Twitter's Adam Sharp", a "work of art" to it),
        # in a run without an acronym ("Make America Awesome PAC")
        if 2 <= len(name_text(name_toks).split()) <= 4 and (
            roles
            or all(_person_tokens(t, has_entities) for t in name_toks)
            or (name_toks[0].lower in firsts and not any(t.ent in NOT_PEOPLE or _acronym(t) for t in name_toks))
        ):
            reg.add(name_text(name_toks), roles)
    # "his daughter Ivanka Trump": a first name the recogniser missed, before a surname it marks
    # a person here or in another of the article's names
    for name_toks, roles, _sex in runs:
        if len(name_toks) == 2 and (name_toks[1].ent == "PERSON" or name_toks[1].text in reg.by_last) \
                and first_name_like(text, *name_toks):
            reg.add(name_text(name_toks), roles)
    # a name in apposition with a title noun ("Aitan Goelman, Strzok's attorney", "his lawyer,
    # Aitan Goelman", "Peter Strzok, the F.B.I. agent who ...") is a person with that role, whatever
    # type the recogniser gave the name
    for name_toks, role in _apposed_roles(toks, runs):
        name = name_text(name_toks)
        if 2 <= len(name.split()) <= 4:
            reg.add(name, {role})
        elif reg.knows(name):
            reg.add(reg.full(name), {role})
    # gender: a title before a full name ("Mr. Todd Akin"), else the first name's usual sex
    # ("Meredith Vieira"), before any surname alone is matched to a full name by its title
    for name_toks, _roles, sex in runs:
        if sex and name_text(name_toks) in reg.full_names:
            reg.genders.setdefault(name_text(name_toks), sex)
    _census_genders(reg)
    # a surname under a title ("President Trump", "Sen. Cruz") gives its person that role, and
    # is a person of its own when the article gives no full name
    for name_toks, roles, sex in runs:
        if len(name_toks) == 1 and roles and name_toks[0].pos in ("PROPN", ""):
            full = reg.full(name_toks[0].text, sex)
            if full == name_toks[0].text and reg.by_last.get(full):
                continue  # "Mrs. Trump" beside Donald Trump: someone the article never names in full
            reg.add(full, roles)
    for name_toks, _roles, sex in runs:
        name = name_text(name_toks)
        if not (name in reg.full_names or name_toks[-1].text in reg.by_last or all(t.ent == "PERSON" for t in name_toks)):
            continue
        if sex:  # "Mr. Clinton" gives no man's gender to Hillary Clinton
            reg.genders.setdefault(reg.full(name, sex), sex)
        if not quoted[name_toks[0].i]:
            reg.mentions.append((name_toks[0].start, name))
            if _main_subject(toks, name_toks[-1]):
                reg.subjects.append((name_toks[0].start, name))
    # then, for names added since, the first name's usual sex, then the pronouns that follow
    _census_genders(reg)
    _genders_from_pronouns(reg, toks, quoted)
    return reg


def _apposed_roles(toks: Sequence[Token], runs: Sequence[tuple[list[Token], set[str], Gender]]) -> list[tuple[list[Token], str]]:
    """(name, role word) for each name the parse puts in apposition with a common noun that is
    a title ("attorney", "agent", "spokesman"), either way round, or that such a noun
    modifies ("attorney Aitan Goelman")."""
    titles = source_words()["title"]

    def title_noun(t: Token) -> bool:
        return t.pos == "NOUN" and t.text.islower() and t.lower in titles

    out: list[tuple[list[Token], str]] = []
    for name_toks, _roles, _sex in runs:
        head = name_toks[-1]
        if head.i < 0 or not head.dep:
            continue
        if head.dep == "appos" and 0 <= head.head < len(toks) and title_noun(toks[head.head]):
            out.append((name_toks, toks[head.head].lower))
            continue
        before = toks[name_toks[0].i - 1] if name_toks[0].i > 0 else None
        if before is not None and title_noun(before) and before.head == head.i:
            out.append((name_toks, before.lower))  # "Strzok attorney Aitan Goelman"
            continue
        for t in toks[head.i + 1 : head.i + 12]:
            if t.dep == "appos" and t.head == head.i and title_noun(t):
                out.append((name_toks, t.lower))
                break
    return out


def _main_subject(toks: Sequence[Token], tok: Token) -> bool:
    """Is this name the subject of its sentence's main clause ("Rubio said …"), not of a clause
    inside it ("Rubio said Obama wasted …", "appreciates Mueller releasing …")? Without a parse,
    every name counts."""
    if not tok.dep:
        return True
    return tok.dep in ("nsubj", "nsubjpass") and 0 <= tok.head < len(toks) and toks[tok.head].dep == "ROOT"


def _name_runs(text: str, toks: Sequence[Token]) -> list[tuple[list[Token], set[str], Gender]]:
    """Capitalised runs, each as (the name after its titles, the role words, the gender the
    titles show): "Missouri Rep. Todd Akin" -> (Todd Akin, {rep}, ""), "Mr. Akin" -> (Akin, {mr}, m)."""
    sw = source_words()
    titles, nats, inst = sw["title"], sw["nationality"], sw["institution"]
    out: list[tuple[list[Token], set[str], Gender]] = []
    run: list[Token] = []

    def flush() -> None:
        if not run:
            return
        roles = set(role_words(run))
        k = 0
        for m, t in enumerate(run):
            if t.lower in titles or t.lower in nats or t.lower in DETERMINERS or ("-" in t.text and t.text != "-"):
                k = m + 1
        # "FBI Special Agent Peter Strzok": where the recogniser marks the run's last words as a
        # PERSON, those are the name and what stands before them (an agency, a job) is context
        person_from = len(run)
        while person_from > 0 and run[person_from - 1].ent == "PERSON":
            person_from -= 1
        if 0 < person_from < len(run) and run[person_from - 1].ent != "PERSON" and not (
            person_from == len(run) - 1 and first_name_like(text, run[person_from - 1], run[person_from])
            and (person_from == 1 or run[person_from - 2].lower in titles or run[person_from - 2].lower in _HONORIFICS)
        ):
            k = max(k, person_from)
        # "Said Ellis: ...", "Says Trump": a verb of saying opening a sentence is no first name
        while k < len(run) and run[k].lower in ("said", "says", "told", "tells", "asked", "asks", "added", "wrote"):
            k += 1
        # a sentence-opening function word is no part of a name ("But Akin", "When Clinton")
        while k < len(run) and run[k].pos in _NOT_NAME_POS:
            k += 1
        name_toks = run[k:]
        sex = title_gender([t.lower for t in run[:k]])
        # an institution word is no name part unless the recogniser says it is ("Vicente Fox")
        if any((t.lower in inst and t.ent != "PERSON") or t.lower in titles or t.lower in nats for t in name_toks) or not all(
            is_name_word(t) or t.text == "-" for t in name_toks
        ) or (name_toks and "-" in (name_toks[0].text, name_toks[-1].text)):
            name_toks = []
        while name_toks and name_toks[-1].text in POSSESSIVE_ENDINGS:
            name_toks.pop()
        out.append((name_toks, roles, sex))
        run.clear()

    prev_end = -1
    for n, t in enumerate(toks):
        contiguous = prev_end >= 0 and text[prev_end : t.start].strip() == ""
        cap = t.text[0].isupper() and t.text not in ("I",)
        # "of" after a title ("Secretary of State"); a hyphen inside a name ("Ocasio-Cortez"); a
        # lower-case particle inside a name the recogniser marks as a person ("Kevin de Léon")
        joiner = (t.lower == "of" and run and run[-1].lower in titles) or (t.text == "-" and run and t.start == prev_end) or (
            bool(run) and t.ent == "PERSON" and t.text.isalpha() and n + 1 < len(toks)
            and toks[n + 1].ent == "PERSON" and not toks[n + 1].ent_start and toks[n + 1].text[0].isupper()
        )
        if run and run[-1].text == "-" and not (cap and t.start == prev_end):
            run.pop()  # "Smith-" then a lower-case word: the hyphen joins no name
        if (cap or joiner) and (contiguous or not run):
            run.append(t)
        else:
            flush()
            if cap:
                run.append(t)
        prev_end = t.end
    flush()
    return out


def _genders_from_pronouns(reg: Registry, toks: Sequence[Token], quoted: Sequence[bool]) -> None:
    """A person without an honorific takes the gender of the subject pronouns ("he", "she") that
    follow them as a clause's subject with no other person a subject in between, by a clear
    majority."""
    votes: dict[str, dict[Gender, int]] = {}
    mentions = reg.subjects
    m = 0
    last: str | None = None
    for k, t in enumerate(toks):
        while m < len(mentions) and mentions[m][0] <= t.start:
            last = reg.full(mentions[m][1])
            m += 1
        sex = PRONOUN_GENDER.get(t.lower)
        if sex and last and not quoted[k] and t.dep in ("nsubj", "nsubjpass", ""):
            votes.setdefault(last, {}).setdefault(sex, 0)
            votes[last][sex] += 1
    for name, v in votes.items():
        if name in reg.genders:
            continue
        m_votes, f_votes = v.get("m", 0), v.get("f", 0)
        if m_votes >= 2 * f_votes + 1:
            reg.genders[name] = "m"
        elif f_votes >= 2 * m_votes + 1:
            reg.genders[name] = "f"
