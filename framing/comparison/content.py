"""Content comparison: what each article includes, omits and emphasises (issue 4).

    compare_content(analyses, *, background=None) -> ContentComparison   # .as_dict() is the JSON

Five parts, each documented in docs/content.md:

* ``similarity``: cosine similarity of the articles' TF-IDF vectors (scikit-learn);
* ``distinctive_terms``: "Fightin' Words" z-scores (framing/comparison/vocabulary.py);
* ``alignment``: each sentence's closest sentence in each other article (framing/comparison/alignment.py);
* ``coverage``: per article, what no other article has: speakers, people, groups, organisations,
  places, other names (framing/comparison/entities.py), numbers, dates (framing/comparison/figures.py) and unmatched sentences
  (this module);
* ``frames``: Semetko & Valkenburg's generic news frames (framing/comparison/frames.py).

scikit-learn and wordfreq are imported inside the functions that need them, so importing this
module stays cheap. Everything is vectorised once per comparison.

Names come from ``framing/comparison/entities.py``, numbers and dates from ``framing/comparison/figures.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from framing.comparison.alignment import REWORDED, SHARED, AlignedSentence, align
from framing.comparison.entities import (
    DATE_LABELS,
    Entity,
    entity_kinds,
    extract_names,
    index_text,
    mentioned_in,
    name_key,
    pipeline_entities,
)
from framing.comparison.figures import extract_figures, figure_mentioned_in, index_figures
from framing.comparison.frames import FrameScore, frame_profile, load_frames
from framing.comparison.vocabulary import (
    Term,
    fightin_words,
    stop_words,
    term_counts,
    tokens,
)
from framing.model import Analysis, NamedEntity
from framing.settings import DEFAULT_SETTINGS

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


def _person_names(analyses: Sequence[Analysis]) -> list[str]:
    """The names of every person source of the compared articles (they decide a name's kind)."""
    return [s["name"] for a in analyses for s in a.sources if s.get("kind") == "person" and s.get("name")]


def compare_content(
    analyses: Sequence[Analysis],
    *,
    background: Sequence[Analysis] | None = None,
    top_terms: int = 50,
    model: str | None = None,
) -> ContentComparison:
    """Compare what the articles include, omit and emphasise.

    ``analyses``: two or more articles on one event (one article gives an empty comparison).
    ``background``: optional other articles; they join the TF-IDF fit and give the prior of the
    distinctive-terms model instead of wordfreq's English frequencies.
    ``model``: the spaCy pipeline whose named entities give the only-here names and dates of an
    Analysis made without them (``Analysis.entities`` is None; None: $FRAMING_SPACY_MODEL or the
    default, as for ``framing.analyse``). An analysis from ``framing.analyse`` carries the
    entities of its own parse, and the pipeline does not run again.
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

    only_here = _only_here(analyses, alignment, model or DEFAULT_SETTINGS.model_name())
    return ContentComparison(
        labels=labels,
        similarity=tuple(tuple(r) for r in sim),
        distinctive_terms=tuple(distinctive),
        only_here=only_here,
        alignment=tuple(alignment),
        frames=frames,
        background_articles=len(background),
    )


def _only_here(
    analyses: Sequence[Analysis], alignment: Sequence[Sequence[AlignedSentence]], model: str | None = None
) -> tuple[tuple[dict[str, Any], ...], ...]:
    """Per article, the speakers, names, numbers, dates and sentences no other article has.

    Every claim is checked against the other articles' whole texts: a name is only here when no
    other text mentions it under any variant (``entities.mentioned_in``), a number or date when no
    other text states it (``entities.figure_mentioned_in``). A speaker is only here when no other
    article quotes or cites it; ``mentioned_in`` then lists the articles that still name it."""
    if len(analyses) < 2:
        return tuple(() for _ in analyses)
    found = [_entities(a, model) for a in analyses]
    kinds = entity_kinds(found, _person_names(analyses))
    names = [extract_names(a.text, _sentences(a), found[i], kinds) for i, a in enumerate(analyses)]
    indexes = [index_text(a.text) for a in analyses]
    figures = [
        extract_figures(a.text, _sentences(a), date_spans=[(e.start, e.end) for e in found[i] if e.label in DATE_LABELS])
        for i, a in enumerate(analyses)
    ]
    figure_indexes = [index_figures(a.text) for a in analyses]
    quoted = [index_text("\n".join(s["name"] for s in _speakers(a))) for a in analyses]
    labels = _labels(analyses)
    stems = [{_stem5(w) for w in _content_words(a.text)} for a in analyses]
    out = []
    for i, a in enumerate(analyses):
        others = [j for j in range(len(analyses)) if j != i]
        items = _only_here_speakers(a, names[i], [(labels[j], quoted[j], indexes[j]) for j in others])
        for ent in names[i]:
            if not any(mentioned_in(ent, indexes[j]) for j in others):
                items.append(ent.item())
        seen: set[tuple[str, str]] = set()
        for f in figures[i]:
            if (f.kind, f.key) in seen:
                continue
            seen.add((f.kind, f.key))
            if not any(figure_mentioned_in(f, figure_indexes[j]) for j in others):
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


def _entities(a: Analysis, model: str | None) -> tuple[NamedEntity, ...]:
    """The body's names and dates: the analysis' own (from its one parse); the pipeline runs
    over the body again only for an Analysis made without them."""
    if a.entities is not None:
        return a.entities
    return pipeline_entities(a.text, [(p.start, p.end) for p in a.article.body], model)


def _only_here_speakers(a: Analysis, names: Sequence[Entity], others: Sequence[tuple[str, Any, Any]]) -> list[dict[str, Any]]:
    """The named people and institutions ``a`` quotes or cites that no other article does.

    A speaker must be one of the article's named entities ("White House", "Matthew Miller"; not
    "reports" or "Benjamin Netanyahu's office"). ``others``: (label, index of the speakers' names,
    index of the text) of each other article; ``mentioned_in`` lists the labels of the articles
    that name the speaker without quoting it (then it is quoted only here, not named only here)."""
    own = index_text("\n".join(m.text for e in names for m in e.mentions))
    full_surnames = {name_key(x["name"]).split()[-1] for x in _speakers(a) if x.get("kind") == "person" and " " in x["name"]}
    items: list[dict[str, Any]] = []
    starts = [s.start for s in a.sentences]
    for s in _speakers(a):
        if s.get("kind") not in ("person", "institution"):
            continue
        key = name_key(s["name"])
        if not s["name"][:1].isupper():
            continue  # a role ("chairman of the Joint Chiefs of Staff"), not a name
        if not key or s.get("kind") == "person" and " " not in key and key in full_surnames:
            continue  # "Reed" beside "David Reed"
        ent = Entity(key, s["name"], "person" if s.get("kind") == "person" else "organization", personal=s.get("kind") == "person")
        if not mentioned_in(ent, own) or any(mentioned_in(ent, speakers) for _lab, speakers, _text in others):
            continue
        first = s.get("mentions") or [[None, None]]
        start, end = first[0][0], first[0][1]
        item: dict[str, Any] = {"kind": "speaker", "text": s["name"], "speaker_kind": s.get("kind")}
        if start is not None:
            item.update(start=start, end=end, sentence=_sentence_at(a, starts, start))
        item["statements"] = s.get("quotes", 0) + s.get("statements", 0)
        item["mentioned_in"] = [lab for lab, _speakers, text in others if mentioned_in(ent, text)]
        items.append(item)
    return items


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


def _sentence_at(a: Analysis, starts: Sequence[int], offset: int) -> int | None:
    """The index of the sentence that holds ``offset`` (``starts``: the sentences' starts, in
    text order, without overlaps: a binary search)."""
    k = bisect_right(starts, offset) - 1
    if k >= 0 and a.sentences[k].start <= offset < a.sentences[k].end:
        return k
    return None
