"""Sentence alignment: each body sentence's closest sentence in each other article.

Every sentence of every compared article is vectorised once, two ways, with one fit over all
the sentences (so a word's weight reflects how many sentences, in any article, use it):

* word TF-IDF: lower-cased words (stop words dropped), unigrams and bigrams, sublinear tf;
* character TF-IDF: 3- to 5-grams inside word boundaries (``char_wb``), which catches rewording
  that keeps word stems ("normalisation"/"normalization", "reaffirmed"/"reaffirming").

The similarity of two sentences is the mean of the two cosines. Only the best match of each
sentence in each other article is kept, read from blocks of at most ``CHUNK_CELLS`` similarities:
memory grows with the sentences, not with their pairs. Statuses (per pair of articles):

* ``shared``: similarity >= ``SHARED`` (0.50): the same sentence, or lightly edited;
* ``reworded``: ``REWORDED`` (0.25) <= similarity < ``SHARED``: the same content said otherwise;
* ``unique``: below ``REWORDED``: nothing in that article says it.

The thresholds were set on constructed pairs (tests/test_content.py) and the seed pair: an exact
copy scores 1, a copy with a few words changed 0.6-0.9, a paraphrase that keeps the key words
0.3-0.5, unrelated sentences on the same event 0.05-0.25 (see docs/content.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from framing.comparison.vocabulary import stop_words, tokens

Status = Literal["shared", "reworded", "unique"]
SHARED = 0.5
REWORDED = 0.25


def status_of(similarity: float) -> Status:
    if similarity >= SHARED:
        return "shared"
    if similarity >= REWORDED:
        return "reworded"
    return "unique"


@dataclass(frozen=True)
class Match:
    """The closest sentence of one other article."""

    article: int  # index of the other article
    sentence: int | None  # its sentence index (None when that article has no sentences)
    similarity: float
    status: Status

    def as_dict(self, labels: Sequence[str]) -> dict[str, Any]:
        return {
            "article": labels[self.article],
            "sentence": self.sentence,
            "similarity": round(self.similarity, 3),
            "status": self.status,
        }


@dataclass(frozen=True)
class AlignedSentence:
    index: int  # index into Analysis.sentences
    start: int
    end: int
    text: str
    matches: tuple[Match, ...]  # one per other article, in article order

    @property
    def status(self) -> Status:
        """The best status over the other articles: unique only if unique against every one."""
        order = {"shared": 0, "reworded": 1, "unique": 2}
        return min((m.status for m in self.matches), key=order.__getitem__, default="unique")

    def as_dict(self, labels: Sequence[str]) -> dict[str, Any]:
        return {
            "sentence": self.index,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "status": self.status,
            "matches": [m.as_dict(labels) for m in self.matches],
        }


def _word_analyzer(text: str) -> list[str]:
    sw = stop_words()
    toks = [t for t in tokens(text) if t not in sw and len(t) > 1]
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]


CHUNK_CELLS = 1_000_000  # similarities held at once: rows of one article against all of another


@dataclass(frozen=True)
class _Vectors:
    """Each article's sentences as TF-IDF rows (one fit over every sentence): character n-grams,
    and words (None when no sentence has a word that is not a stop word); ``*_t``: the same
    transposed (sparse, by row), made once for the products."""

    char: list[Any]
    word: list[Any] | None
    char_t: list[Any]
    word_t: list[Any] | None


def _vectorise(sentences: Sequence[Sequence[str]]) -> _Vectors | None:
    """None when there is no sentence at all."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    flat = [s for sents in sentences for s in sents]
    if not flat:
        return None
    bounds = np.cumsum([0] + [len(s) for s in sentences])
    word = TfidfVectorizer(analyzer=_word_analyzer, sublinear_tf=True)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True, sublinear_tf=True)
    try:
        w = word.fit_transform(flat)
    except ValueError:  # nothing but stop words
        w = None
    c = char.fit_transform(flat)

    def split(m: Any) -> list[Any]:
        return [m[bounds[i] : bounds[i + 1]] for i in range(len(sentences))]

    def transposed(ms: list[Any]) -> list[Any]:
        return [m.T.tocsr() for m in ms]

    char_rows = split(c)
    word_rows = split(w) if w is not None else None
    return _Vectors(char_rows, word_rows, transposed(char_rows), transposed(word_rows) if word_rows is not None else None)


def _block(vec: _Vectors, i: int, j: int, rows: slice = slice(None)) -> Any:
    """The similarities (dense) of ``rows`` of article i's sentences to all of article j's: the
    mean of the character and word cosines (the rows are L2-normalised, so a product is a
    cosine). Each value is the one the whole sentences-by-sentences product would hold there."""
    sim = (vec.char[i][rows] @ vec.char_t[j]).toarray()
    if vec.word is not None and vec.word_t is not None:
        sim = 0.5 * sim + 0.5 * (vec.word[i][rows] @ vec.word_t[j]).toarray()
    return sim


def sentence_similarities(sentences: Sequence[Sequence[str]]) -> list[list[Any]]:
    """``sims[i][j]``: the similarity matrix (numpy) of article i's sentences to article j's, dense
    (for a few sentences; ``align`` reads only the best match of each sentence, a block of rows at
    a time)."""
    import numpy as np

    n = len(sentences)
    vec = _vectorise(sentences)
    if vec is None:
        return [[np.zeros((len(sentences[i]), len(sentences[j]))) for j in range(n)] for i in range(n)]
    return [[_block(vec, i, j) for j in range(n)] for i in range(n)]


def best_matches(sentences: Sequence[Sequence[str]], i: int, j: int, vec: _Vectors | None = None) -> tuple[list[int], list[float]]:
    """For each sentence of article i, the index of its most similar sentence in article j (the
    first of equals) and that similarity. Read ``CHUNK_CELLS`` similarities at a time: memory
    stays bounded however many sentences the articles have (never a dense all-pairs matrix)."""
    vec = vec if vec is not None else _vectorise(sentences)
    n_i, n_j = len(sentences[i]), len(sentences[j])
    if vec is None or not n_i or not n_j:
        return [0] * n_i, [0.0] * n_i
    step = max(1, CHUNK_CELLS // n_j)
    best: list[int] = []
    value: list[float] = []
    for lo in range(0, n_i, step):
        sim = _block(vec, i, j, slice(lo, lo + step))
        top = sim.argmax(axis=1)
        best.extend(int(k) for k in top)
        value.extend(float(v) for v in sim[range(len(top)), top])
    return best, value


def align(sentences: Sequence[Sequence[tuple[int, int, str]]]) -> list[tuple[AlignedSentence, ...]]:
    """Per article, per sentence (``(start, end, text)``), its best match in each other article."""
    texts = [[t for _, _, t in sents] for sents in sentences]
    vec = _vectorise(texts)
    n = len(sentences)
    best = {(i, j): best_matches(texts, i, j, vec) for i in range(n) for j in range(n) if i != j}
    out = []
    for i, sents in enumerate(sentences):
        aligned = []
        for k, (start, end, text) in enumerate(sents):
            matches = []
            for j in range(n):
                if j == i:
                    continue
                if not len(sentences[j]):
                    matches.append(Match(j, None, 0.0, "unique"))
                    continue
                top, sim = best[i, j][0][k], best[i, j][1][k]
                value = float(min(max(sim, 0.0), 1.0))
                matches.append(Match(j, top, value, status_of(value)))
            aligned.append(AlignedSentence(k, start, end, text, tuple(matches)))
        out.append(tuple(aligned))
    return out
