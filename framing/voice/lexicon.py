"""The voice layer's word lists (package data in ``framing/lexicons``), loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("framing.lexicons").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


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


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    table: dict[str, list[Cue]] = {}
    for form, lemma, cls in _data_lines("reporting_verbs.tsv"):
        words = tuple(form.lower().split())
        table.setdefault(words[0], []).append(Cue(words, lemma, cls))
    return CueLexicon(
        {k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in table.items()}
    )


@lru_cache(maxsize=1)
def reporting_nouns() -> dict[str, tuple[Cue, frozenset[str]]]:
    """Noun form -> (its cue, the complements it takes): "claim" -> that, quote."""
    return {
        form: (Cue((form,), lemma, cls), frozenset(comps.split(",")))
        for form, lemma, cls, comps in _data_lines("reporting_nouns.tsv")
    }


@lru_cache(maxsize=1)
def stance_adjectives() -> dict[str, frozenset[str]]:
    """Adjective -> the complements it takes: "confident" -> that, about."""
    return {adj: frozenset(comps.split(",")) for adj, comps in _data_lines("stance_adjectives.tsv")}


@lru_cache(maxsize=1)
def source_words() -> dict[str, frozenset[str]]:
    """Category -> words: anonymous, institution, title, nationality."""
    cats: dict[str, set[str]] = {}
    for word, cat in _data_lines("source_words.tsv"):
        cats.setdefault(cat, set()).add(word)
    return {k: frozenset(v) for k, v in cats.items()}


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """First name -> "f" or "m", where the 1990 US census shows one sex ten times more often."""
    return dict((name, sex) for name, sex in _data_lines("first_names.tsv"))
