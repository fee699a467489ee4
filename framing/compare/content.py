"""Content comparison: what each article includes, omits and emphasises (issue 4).

    compare_content(analyses, *, background=None) -> ContentComparison   # .as_dict() is the JSON

Five parts, each documented in docs/content.md:

* ``similarity``: cosine similarity of the articles' TF-IDF vectors (scikit-learn);
* ``distinctive_terms``: "Fightin' Words" z-scores (framing/compare/vocabulary.py);
* ``alignment``: each sentence's closest sentence in each other article (framing/compare/alignment.py);
* ``coverage``: per article, what no other article has: speakers, people, groups, organisations,
  places, other names, numbers, dates (framing/compare/entities.py) and unmatched sentences
  (this module);
* ``frames``: Semetko & Valkenburg's generic news frames (framing/compare/frames.py).

scikit-learn and wordfreq are imported inside the functions that need them, so importing this
module stays cheap. Everything is vectorised once per comparison.

Names, numbers and dates come from ``framing/compare/entities.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from framing.compare.alignment import REWORDED, SHARED, AlignedSentence, align
from framing.compare.entities import (
    CONNECTORS,
    NAME_TOKEN_RE,
    POSSESSIVE_END,
    extract_figures,
    extract_names,
    figure_keys,
    index_text,
    mentioned_in,
    name_key,
    opens_sentence,
)
from framing.compare.frames import FrameScore, frame_profile, load_frames
from framing.compare.vocabulary import (
    Term,
    fightin_words,
    normalise_token,
    stop_words,
    term_counts,
    tokens,
)
from framing.model import Analysis

# --------------------------------------------------------------------------------------------
# The comparison
# --------------------------------------------------------------------------------------------

KIND_ORDER = ("speaker", "person", "group", "organization", "place", "name", "number", "date", "sentence")


@dataclass(frozen=True)
class ContentComparison:
    """What each article includes, omits and emphasises, against the others.

    Everything is per article, in the order of ``labels`` (the articles' names, made unique).
    """

    labels: tuple[str, ...]
    similarity: tuple[tuple[float, ...], ...]  # cosine of the articles' TF-IDF vectors
    distinctive_terms: tuple[tuple[Term, ...], ...]
    only_here: tuple[tuple[dict[str, Any], ...], ...]  # coverage: items no other article has
    alignment: tuple[tuple[AlignedSentence, ...], ...]
    frames: tuple[tuple[FrameScore, ...], ...]
    background_articles: int = 0

    def as_dict(self) -> dict[str, Any]:
        labels = self.labels
        return {
            "labels": list(labels),
            "similarity": [[round(v, 4) for v in row] for row in self.similarity],
            "distinctive_terms": {
                lab: [t.as_dict() for t in terms] for lab, terms in zip(labels, self.distinctive_terms, strict=True)
            },
            "coverage": {lab: {"only_here": [dict(i) for i in items]} for lab, items in zip(labels, self.only_here, strict=True)},
            "alignment": {
                lab: [s.as_dict(labels) for s in sents] for lab, sents in zip(labels, self.alignment, strict=True)
            },
            "frames": {
                lab: {f.frame: f.as_dict() for f in profile} for lab, profile in zip(labels, self.frames, strict=True)
            },
            "method": {
                "similarity": "cosine of TF-IDF vectors of the body text (lower-cased words, stop words dropped, "
                "unigrams and bigrams, sublinear tf), fitted on the compared articles"
                + (" and the background articles" if self.background_articles else ""),
                "distinctive_terms": "log-odds ratio with informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), "
                "each article against the others; prior: "
                + ("background articles" if self.background_articles else "wordfreq English frequencies")
                + " mixed half and half with the pooled compared articles, total weight = compared tokens",
                "alignment": {"shared": SHARED, "reworded": REWORDED,
                              "similarity": "mean of word and character 3-5-gram TF-IDF cosines"},
                "frames": "Semetko & Valkenburg (2000) generic frames, cue hits per 100 body words",
                "background_articles": self.background_articles,
            },
        }

    def article(self, label: str) -> int:
        return self.labels.index(label)

    def only_here_of(self, label: str, kind: str | None = None) -> list[dict[str, Any]]:
        items = self.only_here[self.article(label)]
        return [i for i in items if kind is None or i["kind"] == kind]


def _labels(analyses: Sequence[Analysis]) -> tuple[str, ...]:
    out: list[str] = []
    for k, a in enumerate(analyses):
        name = a.article.name or f"article {k + 1}"
        label = name
        n = 2
        while label in out:
            label = f"{name} ({n})"
            n += 1
        out.append(label)
    return tuple(out)


def _body(a: Analysis) -> str:
    return "\n\n".join(p.text for p in a.article.body)


def _word_analyzer(text: str) -> list[str]:
    sw = stop_words()
    toks = [t for t in tokens(text) if t not in sw and len(t) > 1]
    return toks + [f"{x} {y}" for x, y in zip(toks, toks[1:], strict=False)]


def similarity_matrix(bodies: Sequence[str], background: Sequence[str] = ()) -> list[list[float]]:
    """Cosine similarities of the articles' TF-IDF vectors (fitted with the background too)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    vec = TfidfVectorizer(analyzer=_word_analyzer, sublinear_tf=True)
    try:
        vec.fit(list(bodies) + list(background))
    except ValueError:  # no words at all
        return [[1.0 if i == j else 0.0 for j in range(len(bodies))] for i in range(len(bodies))]
    m = cosine_similarity(vec.transform(list(bodies)))
    return [[float(min(max(v, 0.0), 1.0)) for v in row] for row in m]


def _sentences(a: Analysis) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in a.sentences]


def _speakers(a: Analysis) -> list[dict[str, Any]]:
    return [s for s in a.sources if s.get("kind") in ("person", "institution", "anonymous") and s.get("name")]


def _speaker_keys(a: Analysis) -> set[str]:
    keys = set()
    for s in _speakers(a):
        key = name_key(s["name"])
        keys.add(key)
        if s.get("kind") == "person":
            keys.add(key.split()[-1])
    return keys


def _context_words(analyses: Sequence[Analysis]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words capitalised in mid-sentence, words written in lower case, capitalised words alone."""
    mid: set[str] = set()
    lower: set[str] = set()
    alone: set[str] = set()
    for a in analyses:
        text = a.text
        for s in a.sentences:
            prev_cap = False
            prev_end = s.start
            toks = list(NAME_TOKEN_RE.finditer(text, s.start, s.end))
            for k, m in enumerate(toks):
                tok = POSSESSIVE_END.sub("", m.group())
                low = normalise_token(tok)
                if tok[:1].isupper():
                    if not opens_sentence(text, s.start, m.start()):
                        mid.add(low)
                        nxt = toks[k + 1] if k + 1 < len(toks) else None
                        nxt_cap = nxt is not None and nxt.group()[:1].isupper() and text[m.end() : nxt.start()].strip() == ""
                        joined_prev = prev_cap and text[prev_end : m.start()].strip() == ""
                        if k >= 2 and normalise_token(toks[k - 1].group()) in CONNECTORS and toks[k - 2].group()[:1].isupper():
                            joined_prev = True  # "Land of Promise"
                        if not nxt_cap and not joined_prev:
                            alone.add(low)
                    prev_cap = True
                else:
                    lower.add(low)
                    prev_cap = False
                prev_end = m.end()
    return frozenset(mid), frozenset(lower), frozenset(alone)


def _person_names(analyses: Sequence[Analysis]) -> dict[str, str]:
    """Key (full name, and surname when only one such person) -> full display name."""
    full: dict[str, str] = {}
    for a in analyses:
        for s in a.sources:
            if s.get("kind") == "person" and s.get("name") and " " in s["name"]:
                full[name_key(s["name"])] = s["name"]
    by_last: dict[str, set[str]] = {}
    for key in full:
        by_last.setdefault(key.split()[-1], set()).add(key)
    out = dict(full)
    for last, keys in by_last.items():
        if len(keys) == 1:
            out.setdefault(last, full[next(iter(keys))])
    return out


def compare_content(
    analyses: Sequence[Analysis],
    *,
    background: Sequence[Analysis] | None = None,
    top_terms: int = 50,
) -> ContentComparison:
    """Compare what the articles include, omit and emphasise.

    ``analyses``: two or more articles on one event (one article gives an empty comparison).
    ``background``: optional other articles; they join the TF-IDF fit and give the prior of the
    distinctive-terms model instead of wordfreq's English frequencies.
    """
    analyses = list(analyses)
    labels = _labels(analyses)
    background = list(background or ())
    bodies = [_body(a) for a in analyses]
    sim = similarity_matrix(bodies, [_body(b) for b in background]) if analyses else []

    counts = [term_counts(s.text for s in a.sentences) for a in analyses]
    bg = None
    if background:
        bg_counts = [term_counts(s.text for s in b.sentences) for b in background]
        uni: Counter[str] = Counter()
        bi: Counter[str] = Counter()
        for c in bg_counts:
            uni.update(c.uni)
            bi.update(c.bi)
        bg = (uni, bi)
    distinctive = fightin_words(counts, background=bg, top=top_terms)

    alignment = align([[(s.start, s.end, s.text) for s in a.sentences] for a in analyses])
    lexicon = load_frames()
    frames = tuple(frame_profile(a, lexicon) for a in analyses)

    only_here = _only_here(analyses, alignment)
    return ContentComparison(
        labels=labels,
        similarity=tuple(tuple(r) for r in sim),
        distinctive_terms=tuple(distinctive),
        only_here=only_here,
        alignment=tuple(alignment),
        frames=frames,
        background_articles=len(background),
    )


def _only_here(analyses: Sequence[Analysis], alignment: Sequence[Sequence[AlignedSentence]]) -> tuple[tuple[dict[str, Any], ...], ...]:
    """Per article, the speakers, names, numbers, dates and sentences no other article has."""
    if len(analyses) < 2:
        return tuple(() for _ in analyses)
    mid, lower, alone = _context_words(analyses)
    persons = _person_names(analyses)
    indexes = [index_text(a.text) for a in analyses]
    names = [
        extract_names(a.text, _sentences(a), mid_capitalised=mid, lower_words=lower, person_names=persons, surnames_alone=alone)
        for a in analyses
    ]
    figures = [extract_figures(a.text, _sentences(a)) for a in analyses]
    fig_keys = [figure_keys(f) for f in figures]
    speaker_keys = [_speaker_keys(a) for a in analyses]
    stems = [{_stem5(w) for w in _content_words(a.text)} for a in analyses]
    out = []
    for i, a in enumerate(analyses):
        others = [j for j in range(len(analyses)) if j != i]
        items: list[dict[str, Any]] = []
        full_surnames = {name_key(x["name"]).split()[-1] for x in _speakers(a) if x.get("kind") == "person" and " " in x["name"]}
        for s in _speakers(a):
            key = name_key(s["name"])
            if s.get("kind") == "person" and " " not in key and key in full_surnames:
                continue  # "Reed" beside "David Reed"
            forms = {key, key.split()[-1]} if s.get("kind") == "person" else {key}
            if not any(forms & speaker_keys[j] for j in others):
                first = s.get("mentions") or [[None, None]]
                start, end = first[0][0], first[0][1]
                item: dict[str, Any] = {"kind": "speaker", "text": s["name"], "speaker_kind": s.get("kind")}
                if start is not None:
                    item.update(start=start, end=end, sentence=_sentence_at(a, start))
                item["statements"] = s.get("quotes", 0) + s.get("statements", 0)
                items.append(item)
        for ent in names[i]:
            if not any(mentioned_in(ent, indexes[j]) for j in others):
                items.append(ent.item())
        seen: set[tuple[str, str]] = set()
        for f in figures[i]:
            if (f.kind, f.key) in seen:
                continue
            seen.add((f.kind, f.key))
            if not any((f.kind, f.key) in fig_keys[j] for j in others):
                items.append(f.item())
        other_stems = set().union(*(stems[j] for j in others))
        for sent in alignment[i]:
            new_words = _new_words(sent.text, other_stems) if sent.status == "reworded" else []
            if sent.status == "unique" or len(new_words) >= NEW_WORDS_MIN and len(new_words) >= NEW_WORDS_SHARE * len(_content_words(sent.text)):
                item = {"kind": "sentence", "text": sent.text, "start": sent.start, "end": sent.end, "sentence": sent.index,
                        "status": sent.status, "similarity": round(max((m.similarity for m in sent.matches), default=0.0), 3)}
                if sent.status != "unique":
                    item["new_words"] = new_words
                items.append(item)
        items.sort(key=lambda it: (KIND_ORDER.index(it["kind"]), it.get("start") if it.get("start") is not None else 10**9))
        out.append(tuple(items))
    return tuple(out)


NEW_WORDS_MIN = 3  # a reworded sentence is still "only here" with this many new content words
NEW_WORDS_SHARE = 0.5  # ... making up at least this share of its content words


def _content_words(text: str) -> list[str]:
    """Lower-case content words (no stop words, no capitalised names, no numbers)."""
    sw = stop_words()
    return [t.lower() for t in re.findall(r"(?<![\w'’])[a-z][a-z'’-]+", text) if t.lower() not in sw and len(t) > 2]


def _stem5(word: str) -> str:
    """A crude stem: the first five letters ("flooded"/"flooding", "evacuate"/"evacuation")."""
    return word[:5]


def _new_words(text: str, other_stems: set[str]) -> list[str]:
    """Content words of a sentence that no other article uses in any form."""
    return list(dict.fromkeys(w for w in _content_words(text) if _stem5(w) not in other_stems))


def _sentence_at(a: Analysis, offset: int) -> int | None:
    for k, s in enumerate(a.sentences):
        if s.start <= offset < s.end:
            return k
    return None
