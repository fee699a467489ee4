"""Sentence alignment of long articles (issue 14, item 8: comparing a 2 MB text with an article
took 6.5 GB): only the best match of each sentence in each other article is kept, read from
blocks of at most ``CHUNK_CELLS`` similarities, never from a dense all-sentences matrix. The
matches are the ones the dense matrix gives, to the last bit."""

from __future__ import annotations

import random
import sys
import tracemalloc
from typing import Any

import pytest

from framing.comparison.alignment import align, best_matches, sentence_similarities

alignment = sys.modules["framing.comparison.alignment"]

WORDS = (
    "the council voted on tuesday to spend money repairing bridge officials said critics argued repairs "
    "were rushed costly mayor plan city state river road week flooding residents evacuated homes"
).split()


def sentences(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 16))).capitalize() + "." for _ in range(n)]


def articles(*sizes: int) -> list[list[str]]:
    return [sentences(n, seed) for seed, n in enumerate(sizes)]


def test_best_matches_are_the_dense_matrix_argmax(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = articles(23, 9, 14)
    texts[1][3] = texts[0][5]  # an exact copy: similarity 1
    dense = sentence_similarities(texts)
    monkeypatch.setattr(alignment, "CHUNK_CELLS", 20)  # blocks of one or two rows
    for i in range(3):
        for j in range(3):
            if i == j:
                continue
            best, value = best_matches(texts, i, j)
            assert best == [int(row.argmax()) for row in dense[i][j]]
            assert value == [float(row.max()) for row in dense[i][j]]  # the same floats, not nearly
    assert best_matches(texts, 1, 0)[0][3] == 5 and best_matches(texts, 1, 0)[1][3] == pytest.approx(1.0)


def test_alignment_reads_bounded_blocks_between_articles_only(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks: list[tuple[int, int, tuple[int, ...]]] = []
    block = alignment._block

    def spy(vec: Any, i: int, j: int, rows: slice = slice(None)) -> Any:
        sim = block(vec, i, j, rows)
        blocks.append((i, j, sim.shape))
        return sim

    monkeypatch.setattr(alignment, "_block", spy)
    monkeypatch.setattr(alignment, "CHUNK_CELLS", 100)
    texts = articles(120, 30)
    out = align([[(0, 0, t) for t in sents] for sents in texts])
    assert [len(a) for a in out] == [120, 30]
    assert all(i != j for i, j, _ in blocks)  # no article against itself
    assert all(rows * cols <= 100 for i, _, (rows, cols) in blocks if i == 0)
    assert all(rows == 1 for i, _, (rows, _) in blocks if i == 1)  # 120 columns: a row at a time
    assert sum(rows for i, _, (rows, _) in blocks if i == 0) == 120
    assert sum(rows for i, _, (rows, _) in blocks if i == 1) == 30


def test_a_block_is_one_row_when_the_other_article_is_longer_than_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(alignment, "CHUNK_CELLS", 10)
    texts = articles(5, 40)
    dense = sentence_similarities(texts)
    assert best_matches(texts, 0, 1)[0] == [int(row.argmax()) for row in dense[0][1]]


def test_memory_grows_with_the_sentences_not_their_pairs() -> None:
    """1,500 sentences against 30: the dense all-pairs matrices took 86 MB here; the blocks keep
    the peak under 40 MB (the TF-IDF matrices and the vectorisers' vocabularies)."""
    big, small = articles(1_500, 30)
    align([[(0, 0, t) for t in small], [(0, 0, t) for t in small]])  # imports and caches first
    tracemalloc.start()
    try:
        out = align([[(0, 0, t) for t in big], [(0, 0, t) for t in small]])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(out[0]) == 1_500 and len(out[1]) == 30
    assert peak < 40 * 1024**2, f"{peak / 1024**2:.0f} MB"


def test_articles_without_sentences() -> None:
    out = align([[(0, 5, "Hello there.")], []])
    assert out[0][0].matches[0].sentence is None and out[0][0].status == "unique"
    assert out[1] == ()
    assert align([[], []]) == [(), ()]
