"""A headline's words as the body writes them, and the headline's parse (for
``framing/comparison/headlines.py``).

A headline set in title case is read from a sentence-case copy (``sentence_case``): a capitalised
word is lower-cased when the body writes it (or an inflection of it) in lower case, or, absent
from the body, when it is a common English word (wordfreq) and neither a first name nor a place or
group the entity recogniser finds; a word the body capitalises in mid-sentence, or the pair of
capitalised words it stands in, keeps its capital. The copy has the same length, so every offset
is an offset into the headline as written. ``parsed_headline`` parses each headline text once per
process.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from framing.comparison.vocabulary import zipf_frequencies
from framing.nlp.segment import Token

# A capitalised word absent from the body is read as a common word when wordfreq rates it at
# least this often used (Zipf scale: 2 = once per hundred million words); the body is the main
# evidence, since a headline's names are nearly always in its body.
COMMON_ZIPF = 2.0

_WORD = re.compile(r"[^\W\d_]+")


def sentence_case(headline: str, body: str, *, model: str | None = None) -> str:
    """A title-case headline in sentence case, the same length (see the module docstring); any
    other headline as it is. A word the body does not have keeps its capital when the entity
    recogniser, reading the headline as written, calls it a place or a group on its own
    ("Arizona", "Democrats")."""
    if not title_case(headline):
        return headline
    lower, capital, pairs = _body_cases(body)
    places: set[int] | None = None
    zipf: dict[str, float] | None = None
    found = list(_WORD.finditer(headline))
    out = list(headline)
    for k, m in enumerate(found):
        w = m.group()
        if k == 0 or not w[0].isupper() or (len(w) > 1 and w.isupper()) or _dotted(headline, m.start(), m.end()):
            continue
        if headline[m.end() : m.end() + 1] == "." or w == "I" or headline[m.start() - 1 : m.start()] == "-":
            continue  # an abbreviated title ("Rep.", "Gov."), "I", "Chick-Fil-A"
        low = w.lower()
        if low in verb_words():
            out[m.start() : m.end()] = low if len(low) == len(w) else w
            continue
        if capital[w] > lower[low]:
            continue
        # part of a capitalised name the body writes too ("Supreme Court", "House Republicans")
        prev = found[k - 1].group() if k > 0 and headline[found[k - 1].end() : m.start()] == " " else ""
        nxt = found[k + 1].group() if k + 1 < len(found) and headline[m.end() : found[k + 1].start()] == " " else ""
        if (prev[:1].isupper() and (prev, w) in pairs) or (nxt[:1].isupper() and (w, nxt) in pairs):
            continue
        inflected = any(lower[f] for f in (low + "s", low + "d", low + "ed", low + "ing", low[:-1] + "ing", low + "es"))
        if not lower[low] and not inflected:
            if capital[w] or low in first_names():
                continue
            if zipf is None:  # wordfreq's ratings of the headline's words, looked up together
                zipf = zipf_frequencies(x.group().lower() for x in found)
            if zipf[low] < COMMON_ZIPF:
                continue
            if places is None:
                places = _place_words(headline, model)
            if m.start() in places:
                continue
        out[m.start() : m.end()] = low if len(low) == len(w) else w
    return "".join(out)


def _place_words(headline: str, model: str | None) -> set[int]:
    """The offsets of one-word places and groups the entity recogniser finds in the headline."""
    return {s for s, _e, label, n in parsed_headline(headline, model)[1] if label in ("GPE", "LOC", "NORP") and n == 1}


def title_case(line: str) -> bool:
    """Most words of four letters or more after the first capitalised (and at least two)."""
    words = [w for w in _WORD.findall(line)[1:] if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


@cache
def verb_words() -> frozenset[str]:
    """The one-word forms of the verb table and the loaded_verbs list: read as verbs, never names."""
    from framing.voice.lexicon import verb_table

    forms = {f for v in verb_table().values() for f in v.forms if " " not in f}
    return frozenset(forms | {e[0] for e in loaded_list() if len(e) == 1})


def _dotted(text: str, s: int, e: int) -> bool:
    """Part of an initialism ("U.S.", "F.B.I.")?"""
    return (e < len(text) and text[e] == "." and e - s == 1) or (s > 0 and text[s - 1] == ".")


def _body_cases(body: str) -> tuple[Counter[str], Counter[str], set[tuple[str, str]]]:
    """(lower-case words, capitalised words in mid-sentence, pairs of capitalised words) of the
    body's paragraphs that are not themselves set in title case (a repeated headline, a
    subheading)."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    pairs: set[tuple[str, str]] = set()
    for para in body.split("\n"):
        if title_case(para):
            continue
        prev: re.Match[str] | None = None
        for m in _WORD.finditer(para):
            w = m.group()
            if w[0].islower():
                lower[w] += 1
            else:
                before = para[max(0, m.start() - 3) : m.start()].rstrip(" “\"‘'(")
                if before and before[-1] not in ".!?:" and not w.isupper():
                    capital[w] += 1
                if prev is not None and prev.group()[0].isupper() and para[prev.end() : m.start()] == " ":
                    pairs.add((prev.group(), w))
            prev = m
    return lower, capital, pairs


@cache
def first_names() -> frozenset[str]:
    from framing.voice.lexicon import first_name_genders

    return frozenset(first_name_genders())


def parse_headline(cased: str, base: int, model: str | None) -> tuple[tuple[Token, ...], list[tuple[int, int, str]]]:
    """Tokens of the sentence-case copy (offsets into the article text) and its entities."""
    toks, ents = parsed_headline(cased, model)
    return (tuple(t._replace(start=base + t.start, end=base + t.end) for t in toks),
            [(base + s, base + e, label) for s, e, label, _n in ents])


@lru_cache(maxsize=256)
def parsed_headline(text: str, model: str | None) -> tuple[tuple[Token, ...], tuple[tuple[int, int, str, int], ...]]:
    """The pipeline's tokens of ``text`` (spaces left out; offsets into ``text``) and its entities
    as (start, end, label, tokens). Cached: a process parses each headline text once, however
    many comparisons, reports or probes read it."""
    from framing.nlp.pipeline import load_pipeline

    doc = load_pipeline(model)(text)
    index: dict[int, int] = {}
    for t in doc:
        if not t.is_space:
            index[t.i] = len(index)
    toks = tuple(
        Token(t.idx, t.idx + len(t.text), t.text, t.text.lower(), t.pos_, t.tag_, t.lemma_.lower(),
              t.dep_, index.get(t.head.i, index[t.i]), t.ent_type_, index[t.i], t.ent_iob_ == "B")
        for t in doc if not t.is_space
    )
    return toks, tuple((e.start_char, e.end_char, e.label_, len(e)) for e in doc.ents)


@cache
def loaded_list() -> frozenset[tuple[str, ...]]:
    from framing.scores.lexicon import load_lexicon

    return load_lexicon("loaded_verbs").entries
