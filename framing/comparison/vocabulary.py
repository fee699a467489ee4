"""Distinctive vocabulary: the "Fightin' Words" log-odds ratio with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict", *Political Analysis* 16(4), section 3.5.

For each article ``i`` against the pooled rest ``j`` and every term ``w`` (lower-cased unigrams and
bigrams, counted within sentences)::

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var_w   = 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

``a_w = a_0 * p_w`` is the prior: ``p_w`` is the term's share of a background distribution, and
``a_0`` its total weight (see :func:`prior`). A high positive ``z`` means the article uses the term
more than the others, beyond what chance and the term's general frequency explain.
Stop words and punctuation are counted (so rates are true rates) but never displayed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

# Tokens: initialisms ("U.S."), then words with inner apostrophes or hyphens split off.
TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE_RE = re.compile(r"['’]s$|['’]$", re.IGNORECASE)
_ALIASES = {"us": "u.s.", "u.s": "u.s.", "usa": "u.s.", "u.s.a.": "u.s.", "uk": "u.k.", "un": "u.n."}

PRIOR_WEIGHT = 1.0  # a_0 = PRIOR_WEIGHT * tokens compared (see prior())
PRIOR_LAMBDA = 0.5  # share of the general (wordfreq or background) rate in the prior
WORDFREQ_FLOOR = 1e-8  # wordfreq's "large" list stops at 1e-8; unknown words get that


def normalise_token(raw: str) -> str:
    """Lower case, one apostrophe, no possessive; "US"/"U.S." -> "u.s." (not the pronoun "us")."""
    tok = _POSSESSIVE_RE.sub("", raw.replace("’", "'")) or raw
    if tok.isupper() and tok.lower() in _ALIASES:
        return _ALIASES[tok.lower()]
    low = tok.lower()
    if "." in low and low.replace(".", "") in _ALIASES:
        return _ALIASES[low.replace(".", "")]
    return low


def _raw_tokens(text: str) -> list[tuple[str, str, bool]]:
    """(normalised, raw, joined) tokens; a possessive "'s" becomes its own token.

    ``joined``: only spaces or a hyphen separate the token from the previous one, so the two may
    form a bigram (no bigram across a comma, a dash, a bracket or a quote mark).
    """
    out: list[tuple[str, str, bool]] = []
    prev_end = 0
    for m in TOKEN_RE.finditer(text):
        raw = m.group()
        gap = text[prev_end : m.start()].strip()
        out.append((normalise_token(raw), raw, bool(out) and gap in ("", "-")))
        if _POSSESSIVE_RE.search(raw) and len(raw) > 2 and raw[-1] in "sS":
            out.append(("'s", "'s", True))
        prev_end = m.end()
    return out


def tokens(text: str) -> list[str]:
    """Normalised word tokens of ``text`` (punctuation dropped; a possessive "'s" is its own token)."""
    return [t for t, _, _ in _raw_tokens(text)]


@dataclass(frozen=True)
class TermCounts:
    """One article's unigram and bigram counts, and which bigrams were always written as a name."""

    uni: Counter[str]
    bi: Counter[str]
    names: frozenset[str]  # bigrams whose every occurrence is two capitalised words in mid-sentence

    def part(self, k: int) -> Counter[str]:
        return self.bi if k else self.uni


def term_counts(sentences: Iterable[str]) -> TermCounts:
    """Unigram and bigram counts; bigrams never cross a sentence boundary."""
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    for s in sentences:
        toks = _raw_tokens(s)
        uni.update(t for t, _, _ in toks)
        for k in range(len(toks) - 1):
            (a, ra, _), (b, rb, joined) = toks[k], toks[k + 1]
            if not joined:
                continue
            term = f"{a} {b}"
            bi[term] += 1
            if ra[:1].isupper() and rb[:1].isupper() and not (_title_words() & {a, b}):
                capitalised[term] += 1
    names = frozenset(t for t, n in capitalised.items() if n == bi[t])
    return TermCounts(uni, bi, names)


@cache
def _title_words() -> frozenset[str]:
    """Titles and nationalities ("President", "Israeli"): a capitalised pair with one is no name."""
    from framing.voice.lexicon import source_words

    sw = source_words()
    return sw["title"] | sw["nationality"]


@cache
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words plus contractions and one-letter tokens; display only."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    extra = {"it's", "we're", "i'm", "you're", "they're", "that's", "there's", "he's", "she's",
             "don't", "doesn't", "didn't", "won't", "can't", "isn't", "aren't", "wasn't", "weren't",
             "we've", "i've", "you've", "they've", "we'll", "i'll", "you'll", "let's", "said", "says",
             "say", "also", "would", "could", "mr", "ms", "mrs", "just", "'s"}
    return frozenset(ENGLISH_STOP_WORDS) | frozenset(extra)


def displayable(term: str) -> bool:
    """Show a term? Not a stop word, not a lone letter; bigrams must start and end on content."""
    sw = stop_words()
    words = term.split()
    if any(len(w) < 2 and not w.isdigit() for w in (words[0], words[-1])):
        return False
    return words[0] not in sw and words[-1] not in sw


@cache
def _wordfreq_dict() -> dict[str, float]:
    import wordfreq

    # the arguments as word_frequency passes them: one dictionary in wordfreq's cache, not two
    return wordfreq.get_frequency_dict("en", "best")  # type: ignore[no-any-return]


def background_frequency(word: str) -> float:
    """wordfreq's English frequency of a word (numbers by wordfreq's digit model), floored.
    Reads wordfreq's dictionary of all its words (about 0.15 s to build, once per process): for
    many look-ups; :func:`background_frequencies` gives the same for a set of words at once."""
    freqs = _wordfreq_dict()
    f = freqs.get(word)
    if f is None:
        import wordfreq

        f = wordfreq.word_frequency(word, "en", minimum=WORDFREQ_FLOOR)
    return max(f, WORDFREQ_FLOOR)


def background_frequencies(words: Iterable[str]) -> dict[str, float]:
    """:func:`background_frequency` of each word, the same values, found in one pass over
    wordfreq's English list (``wordfreq.get_frequency_list``) for just these words, instead of
    its dictionary of all 321,000 words."""
    ranks, split = _looked_up(words)
    out = {}
    for w, toks in split.items():
        f = _cb_freq(ranks[w]) if w in ranks else _word_frequency(toks, ranks, WORDFREQ_FLOOR)
        out[w] = max(f, WORDFREQ_FLOOR)
    return out


def zipf_frequencies(words: Iterable[str]) -> dict[str, float]:
    """``wordfreq.zipf_frequency(word, "en")`` of each word, the same values, from one pass over
    wordfreq's English list (see :func:`background_frequencies`)."""
    import wordfreq

    ranks, split = _looked_up(words)
    floor = wordfreq.zipf_to_freq(0.0)
    return {w: round(wordfreq.freq_to_zipf(_word_frequency(toks, ranks, floor)), 2) for w, toks in split.items()}


def _looked_up(words: Iterable[str]) -> tuple[dict[str, int], dict[str, list[str]]]:
    """(the rank on wordfreq's English list of each word, and of each token wordfreq reads in
    them, that the list has; each word's tokens as ``wordfreq.word_frequency`` reads it). Rank
    ``i`` is the list's bucket of frequency 10^(-i/100), as in ``wordfreq.get_frequency_dict``."""
    import wordfreq

    # a word of ASCII letters is its own one token (what wordfreq's tokenizer gives, faster)
    split = {w: [w] if _LETTERS.fullmatch(w) else wordfreq.lossy_tokenize(w, "en") for w in set(words)}
    wanted = set(split) | {wordfreq.smash_numbers(t) for toks in split.values() for t in toks}
    ranks: dict[str, int] = {}
    for i, bucket in enumerate(wordfreq.get_frequency_list("en", "best")):
        for w in wanted.intersection(bucket):
            ranks[w] = i
    return ranks, split


_LETTERS = re.compile(r"[a-z]+")


def _cb_freq(rank: int) -> float:
    import wordfreq

    return float(wordfreq.cB_to_freq(-rank))


def _word_frequency(tokens: Sequence[str], ranks: dict[str, int], minimum: float) -> float:
    """What ``wordfreq.word_frequency`` returns for a word of these tokens (English: no
    inferred word breaks): the frequencies of the tokens combined as 1/f = 1/f1 + 1/f2 ...,
    digits by wordfreq's digit model, ``minimum`` when a token is not listed, rounded to three
    significant digits."""
    import math

    import wordfreq

    if not tokens:
        return minimum
    one_over = 0.0
    for token in tokens:
        smashed = wordfreq.smash_numbers(token)
        if smashed not in ranks:
            return minimum
        freq = _cb_freq(ranks[smashed])
        if smashed != token:
            freq *= wordfreq.digit_freq(token)
        one_over += 1.0 / freq
    unrounded = max(1.0 / one_over, minimum)
    if unrounded == 0.0:
        return 0.0
    return round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)


def prior(
    vocab: Sequence[str],
    pooled: Any,
    background: tuple[Counter[str], Counter[str]] | None = None,
    *,
    frequencies: dict[str, float] | None = None,
) -> Any:
    """Dirichlet prior ``a_w`` for each term of ``vocab`` (numpy array; one vocabulary part).

    ``a_w = a_0 * p_w`` with ``p_w = LAMBDA * q_w + (1 - LAMBDA) * r_w``:

    * ``q_w``, the general rate: with background analyses, the term's count there plus 0.5,
      normalised over the vocabulary; without, wordfreq's English frequency for a unigram, and
      the product of its two words' frequencies for a bigram, normalised over the vocabulary.
    * ``r_w``, the term's share of the compared articles pooled (``pooled``: counts summed over
      the articles). Monroe et al. drew their prior from the whole corpus, the compared texts
      included; without this part a term that one short article uses and a general list rates
      rare gets an enormous variance, and the evaluative words that make an article distinctive
      could never stand out.
    * ``a_0 = PRIOR_WEIGHT * n`` (``n``: the compared tokens of this vocabulary part): the prior
      weighs as much as the data.

    ``frequencies``: :func:`background_frequencies` of the vocabulary's words, when at hand.
    """
    import numpy as np

    pooled = np.asarray(pooled, dtype=float)
    n = pooled.sum()
    a0 = PRIOR_WEIGHT * n
    if background is not None:
        uni_bg, bi_bg = background
        q = np.array([(bi_bg if " " in t else uni_bg).get(t, 0) + 0.5 for t in vocab], dtype=float)
    else:
        freq = frequencies if frequencies is not None else background_frequencies(w for t in vocab for w in t.split(" ", 1))
        q = np.empty(len(vocab), dtype=float)
        for k, t in enumerate(vocab):
            if " " in t:
                a, b = t.split(" ", 1)
                q[k] = freq[a] * freq[b]
            else:
                q[k] = freq[t]
    q /= q.sum()
    r = pooled / n if n else pooled
    return a0 * (PRIOR_LAMBDA * q + (1.0 - PRIOR_LAMBDA) * r)


@dataclass(frozen=True)
class Term:
    term: str
    z: float
    count: int  # in this article
    count_rest: int  # in the other articles together
    delta: float = 0.0  # the log-odds ratio (z = delta / its standard deviation)

    def as_dict(self) -> dict[str, Any]:
        return {"term": self.term, "z": round(self.z, 3), "count": self.count, "count_rest": self.count_rest}


MIN_BIGRAM_COUNT = 2  # a bigram is shown when the articles use it this often together, or it is a name


def fightin_words(
    counts: Sequence[TermCounts],
    *,
    background: tuple[Counter[str], Counter[str]] | None = None,
    top: int = 50,
    min_z: float = 0.0,
) -> list[tuple[Term, ...]]:
    """Per article, its most distinctive displayable terms against all the others together.

    Unigrams and bigrams are scored as two vocabularies (each with its own totals and prior),
    then merged. A bigram is shown when the compared articles use it at least
    ``MIN_BIGRAM_COUNT`` times in all or it is always written as a name ("Matthew Miller"); a
    unigram that only ever occurs inside a shown bigram gives way to it ("unwavering commitment"
    stands for "unwavering" when every "unwavering" is followed by "commitment").
    Order: z rounded to one decimal (finer differences are noise in articles of a few hundred
    words), then the log-odds ratio, so that among equally certain terms the one furthest above
    its general rate comes first; ``top`` terms per article with ``z > min_z``.
    """
    import numpy as np

    if len(counts) < 2:
        return [() for _ in counts]
    found: list[dict[str, Term]] = [{} for _ in counts]
    # the words of the bigrams are unigrams too: their general frequencies, looked up once
    freq = background_frequencies(t for c in counts for t in c.uni) if background is None else None
    for part in (0, 1):
        vocab = sorted({t for c in counts for t in c.part(part)})
        if not vocab:
            continue
        index = {t: k for k, t in enumerate(vocab)}
        y = np.zeros((len(counts), len(vocab)), dtype=float)
        for i, c in enumerate(counts):
            for t, n in c.part(part).items():
                y[i, index[t]] = n
        total = y.sum(axis=0)
        alpha = prior(vocab, total, background, frequencies=freq)
        a0 = alpha.sum()
        n_all = total.sum()
        names = frozenset().union(*(c.names for c in counts)) if part else frozenset()
        show = np.array(
            [displayable(t) and (not part or total[k] >= MIN_BIGRAM_COUNT or t in names) for k, t in enumerate(vocab)],
            dtype=bool,
        )
        for i in range(len(counts)):
            yi = y[i]
            yj = total - yi
            ni, nj = yi.sum(), n_all - yi.sum()
            if ni == 0 or nj == 0:
                continue
            delta = np.log((yi + alpha) / (ni + a0 - yi - alpha)) - np.log((yj + alpha) / (nj + a0 - yj - alpha))
            z = delta / np.sqrt(1.0 / (yi + alpha) + 1.0 / (yj + alpha))
            for k in np.flatnonzero(show & (yi > 0) & (z > min_z)):
                found[i][vocab[k]] = Term(vocab[k], float(z[k]), int(yi[k]), int(yj[k]), float(delta[k]))
    result = []
    for terms in found:
        for bigram in [b for b in terms.values() if " " in b.term]:
            for word in bigram.term.split(" "):
                u = terms.get(word)
                if u is not None and (u.count, u.count_rest) == (bigram.count, bigram.count_rest):
                    del terms[word]
        ranked = sorted(terms.values(), key=lambda t: (-round(t.z, 1), -t.delta, t.term))
        result.append(tuple(ranked[:top]))
    return result
