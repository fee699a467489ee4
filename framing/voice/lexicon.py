"""The voice layer's word lists and tables (package data in ``framing/lexicons``, read through
:mod:`framing.lexicons`), loaded once per process.

The verb table ``reporting_verbs.tsv`` has one row per lemma; :func:`verb` gives a lemma's row as
a :class:`Verb`, and :func:`cue_lexicon` finds the cue forms among an article's words. Its
columns are documented in the file's header and in docs/lexicons.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from framing.errors import LexiconError
from framing.lexicons import read_table

VERB_COLUMNS = (
    "lemma", "forms", "class", "editorial", "needs_complement", "strict", "complements",
    "prepositions", "invertible", "it_subject", "by_passive", "agentless", "chain",
)
# The values a list column may hold (any word for prepositions and agentless).
VERB_VALUES = {
    "class": frozenset({"neutral", "loaded"}),
    "complements": frozenset({"bare", "to", "object", "addressee"}),
    "chain": frozenset({"first", "second"}),
}
VERB_FLAGS = ("needs_complement", "strict", "invertible", "it_subject", "by_passive")


@dataclass(frozen=True)
class Verb:
    """One row of the verb table: everything the attribution patterns know about a verb."""

    lemma: str
    forms: tuple[str, ...] = ()  # surface forms, e.g. ("said", "says"); () for a layout cue
    cls: str = "neutral"  # "neutral" or "loaded": the verb itself judges the statement or speaker
    editorial: frozenset[str] = frozenset()  # forms that are loaded verbs in the author's voice too
    needs_complement: bool = False  # reports only with a complement, a quote or at a clause's end
    strict: bool = False  # more often a noun or adjective: a cue only with a clause or quote after
    complements: frozenset[str] = frozenset()  # bare, to, object, addressee
    prepositions: frozenset[str] = frozenset()  # "commented on": the phrase is what was said
    invertible: bool = False  # "…, said Blinken"
    it_subject: bool = False  # "it said", "it found"
    by_passive: bool = False  # "was endorsed by X": the agent is the source
    agentless: frozenset[str] = frozenset()  # "was accused of": words after an agentless passive
    chain: frozenset[str] = frozenset()  # first ("declined to say"), second ("... to insist")


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]  # lower-cased tokens of the form, e.g. ("according", "to")
    lemma: str
    cls: str  # "neutral" or "loaded"
    chained: bool = False  # "refused to disclose": the first verb's infinitive is its complement


@dataclass(frozen=True)
class CueLexicon:
    by_first: dict[str, tuple[Cue, ...]]  # first word -> cues starting with it, longest first

    def match(self, words: list[str], i: int) -> Cue | None:
        """The longest cue whose words start at ``words[i]``."""
        for cue in self.by_first.get(words[i], ()):
            n = len(cue.words)
            if tuple(words[i : i + n]) == cue.words:
                return cue
        return None


def _items(field: str) -> tuple[str, ...]:
    return () if field == "-" else tuple(x.strip() for x in field.split(","))


def _verb(row: tuple[str, ...]) -> Verb:
    """A table row as a :class:`Verb`; a value outside its column's values is an error."""
    values = dict(zip(VERB_COLUMNS, row, strict=True))
    lemma = values["lemma"]
    for col in VERB_FLAGS:
        if values[col] not in ("yes", "no"):
            raise LexiconError(f"reporting_verbs.tsv, row {lemma!r}: {col} is yes or no, not {values[col]!r}")
    for col, allowed in VERB_VALUES.items():
        items = _items(values[col])
        if set(items) - allowed or (col == "class" and len(items) != 1):
            raise LexiconError(
                f"reporting_verbs.tsv, row {lemma!r}: {col} takes {', '.join(sorted(allowed))}, not {values[col]!r}"
            )
    return Verb(
        lemma,
        forms=_items(values["forms"]),
        cls=values["class"],
        editorial=frozenset(_items(values["editorial"])),
        needs_complement=values["needs_complement"] == "yes",
        strict=values["strict"] == "yes",
        complements=frozenset(_items(values["complements"])),
        prepositions=frozenset(_items(values["prepositions"])),
        invertible=values["invertible"] == "yes",
        it_subject=values["it_subject"] == "yes",
        by_passive=values["by_passive"] == "yes",
        agentless=frozenset(_items(values["agentless"])),
        chain=frozenset(_items(values["chain"])),
    )


@lru_cache(maxsize=1)
def verb_table() -> dict[str, Verb]:
    """Lemma -> its row of ``reporting_verbs.tsv``."""
    table: dict[str, Verb] = {}
    for row in read_table("reporting_verbs.tsv", VERB_COLUMNS):
        v = _verb(row)
        if v.lemma in table:
            raise LexiconError(f"reporting_verbs.tsv: the lemma {v.lemma!r} has two rows")
        table[v.lemma] = v
    return table


def verb(lemma: str) -> Verb:
    """The verb table's row for ``lemma``; a lemma with no row (a reporting noun's, such as
    "message") has every flag off and no complements."""
    return verb_table().get(lemma) or Verb(lemma)


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """Every cue form of the verb table, keyed by its first word, longest forms first."""
    table: dict[str, list[Cue]] = {}
    for v in verb_table().values():
        for form in v.forms:
            words = tuple(form.lower().split())
            table.setdefault(words[0], []).append(Cue(words, v.lemma, v.cls))
    return CueLexicon(
        {k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in table.items()}
    )


def editorial_loaded_forms() -> tuple[str, ...]:
    """The forms of loaded reporting verbs that count as loaded verbs in the author's own voice,
    cue or not (column ``editorial``): the editorial score's ``loaded_verbs`` lexicon adds them to
    ``loaded_verbs.txt``, which holds only loaded verbs that are no cue."""
    return tuple(f for v in verb_table().values() for f in sorted(v.editorial))


@lru_cache(maxsize=1)
def reporting_nouns() -> dict[str, tuple[Cue, frozenset[str]]]:
    """Noun form -> (its cue, the complements it takes): "claim" -> that, quote."""
    return {
        form: (Cue((form,), lemma, cls), frozenset(comps.split(",")))
        for form, lemma, cls, comps in read_table("reporting_nouns.tsv", ("form", "lemma", "class", "complements"))
    }


@lru_cache(maxsize=1)
def stance_adjectives() -> dict[str, frozenset[str]]:
    """Adjective -> the complements it takes: "confident" -> that, about."""
    return {adj: frozenset(comps.split(",")) for adj, comps in read_table("stance_adjectives.tsv", ("adjective", "complements"))}


@lru_cache(maxsize=1)
def source_words() -> dict[str, frozenset[str]]:
    """Category -> words: anonymous, institution, title, nationality."""
    cats: dict[str, set[str]] = {}
    for word, cat in read_table("source_words.tsv", ("word", "category")):
        cats.setdefault(cat, set()).add(word)
    return {k: frozenset(v) for k, v in cats.items()}


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """First name -> "f" or "m", where the 1990 US census shows one sex ten times more often."""
    return {name: sex for name, sex in read_table("first_names.tsv", ("name", "sex"))}
