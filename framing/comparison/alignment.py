"""Sentence alignment: each body sentence's closest sentence in each other article.

Every sentence of every compared article is vectorised once, two ways, with one fit over all
the sentences (so a word's weight reflects how many sentences, in any article, use it):

* word TF-IDF: lower-cased words (stop words dropped), unigrams and bigrams, sublinear tf;
* character TF-IDF: 3- to 5-grams inside word boundaries (``char_wb``), which catches rewording
  that keeps word stems ("normalisation"/"normalization", "reaffirmed"/"reaffirming").

The similarity of two sentences is the mean of the two cosines. Statuses (per pair of articles):

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


def sentence_similarities(sentences: Sequence[Sequence[str]]) -> list[list[Any]]:
    """``sims[i][j]``: the similarity matrix (numpy) of article i's sentences to article j's."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    flat = [s for sents in sentences for s in sents]
    bounds = np.cumsum([0] + [len(s) for s in sentences])
    n = len(sentences)
    if not flat:
        return [[np.zeros((len(sentences[i]), len(sentences[j]))) for j in range(n)] for i in range(n)]
    word = TfidfVectorizer(analyzer=_word_analyzer, sublinear_tf=True)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True, sublinear_tf=True)
    try:
        w = word.fit_transform(flat)
    except ValueError:  # nothing but stop words
        w = None
    c = char.fit_transform(flat)
    sim = (c @ c.T).toarray()
    if w is not None:
        sim = 0.5 * sim + 0.5 * (w @ w.T).toarray()
    return [[sim[bounds[i] : bounds[i + 1], bounds[j] : bounds[j + 1]] for j in range(n)] for i in range(n)]


def align(sentences: Sequence[Sequence[tuple[int, int, str]]]) -> list[tuple[AlignedSentence, ...]]:
    """Per article, per sentence (``(start, end, text)``), its best match in each other article."""
    texts = [[t for _, _, t in sents] for sents in sentences]
    sims = sentence_similarities(texts)
    out = []
    for i, sents in enumerate(sentences):
        aligned = []
        for k, (start, end, text) in enumerate(sents):
            matches = []
            for j in range(len(sentences)):
                if j == i:
                    continue
                row = sims[i][j][k] if len(sentences[j]) else None
                if row is None or not len(row):
                    matches.append(Match(j, None, 0.0, "unique"))
                    continue
                best = int(row.argmax())
                value = float(min(max(row[best], 0.0), 1.0))
                matches.append(Match(j, best, value, status_of(value)))
            aligned.append(AlignedSentence(k, start, end, text, tuple(matches)))
        out.append(tuple(aligned))
    return out
