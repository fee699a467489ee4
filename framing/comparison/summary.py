"""One article as the reports show it: its summary, voice composition and timeline, and the
index of its evidence spans.

    article_summary(analysis, "A", slug) -> ArticleSummary

``ArticleSummary`` holds the headline, byline, length and a one-sentence profile with the
numbers in it (``profile``), the words per voice category (``composition``), one cell per
sentence (``sentence_voices``) and every evidence span the reports mark (``highlights``). A
``Comparison`` (``framing.comparison.comparison``) holds one per article; the notebook's
one-article view builds one alone.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from framing import rules
from framing.model import _WORD_RE, Analysis, voices_in

# The five voice categories of the composition and timeline charts, in drawing order.
CATEGORIES: tuple[str, ...] = (
    "quoted",
    "attributed",
    "narrator_neutral",
    "narrator_evaluative",
    "narrator_first_person",
)
CATEGORY_LABELS: dict[str, str] = {
    "quoted": "Quoted (inside quote marks)",
    "attributed": "Attributed (reported speech)",
    "narrator_neutral": "Author: neutral",
    "narrator_evaluative": "Author: evaluative",
    "narrator_first_person": "Author: first person",
}


@dataclass(frozen=True)
class HighlightRule:
    """One rule behind a highlight: its registry id (``framing.rules``), the entry it matched,
    the evidence's detail, and the ``family.metric`` keys whose evidence holds the span (the
    numbers the highlight is counted in)."""

    rule: str
    entry: str | None
    detail: str | None
    metrics: tuple[str, ...]

    def explanation(self, text: str) -> str:
        """The registry's plain-English explanation of this hit."""
        return rules.rule(self.rule).explain(self.entry, text=text, detail=self.detail)

    def as_dict(self) -> dict[str, Any]:
        return {"rule": rules.full_rule(self.rule, self.entry), "detail": self.detail, "metrics": list(self.metrics)}


@dataclass(frozen=True)
class Highlight:
    """One evidence span as the reports mark it, with every rule that produced it."""

    id: str
    start: int
    end: int
    text: str
    kinds: tuple[str, ...]
    rules: tuple[HighlightRule, ...]

    def explanation(self) -> str:
        """What the span is and what it counts in, in plain words (the report's tooltip)."""
        return " · ".join(dict.fromkeys(r.explanation(self.text) for r in self.rules))

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kinds": list(self.kinds),
            "rules": [r.as_dict() for r in self.rules],
        }


@dataclass(frozen=True)
class TimelineCell:
    """One sentence in the voice strip (see :func:`sentence_voices`)."""

    start: int
    end: int
    words: int
    category: str
    evaluative: bool = False  # evidence of editorial_voice.evaluative_sentences
    first_person: bool = False  # evidence of advocacy.first_person_sentences

    @property
    def author(self) -> bool:
        """One of the author's sentences (editorial_voice.narrator_sentences)."""
        return self.category.startswith("narrator")

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "words": self.words, "category": self.category,
                "evaluative": self.evaluative, "first_person": self.first_person}


@dataclass(frozen=True)
class ArticleSummary:
    label: str  # "A", "B", ...
    name: str
    slug: str
    headline: str | None
    byline: str | None
    body_words: int
    sentences: int
    narrator_words: int
    profile: str
    composition: dict[str, int]  # category -> words of the body
    timeline: tuple[TimelineCell, ...]
    highlights: tuple[Highlight, ...]

    @property
    def title(self) -> str:
        return self.headline or self.name

    def author_sentences(self) -> tuple[int, int, int]:
        """(the author's sentences, of them evaluative, of them first person), counted from the
        voice strip: the numbers the summaries print beside it."""
        cells = [c for c in self.timeline if c.author]
        return len(cells), sum(c.evaluative for c in cells), sum(c.first_person for c in cells)

    def composition_shares(self) -> dict[str, float]:
        total = sum(self.composition.values()) or 1
        return {k: v / total for k, v in self.composition.items()}

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "name": self.name,
            "slug": self.slug,
            "headline": self.headline,
            "byline": self.byline,
            "body_words": self.body_words,
            "sentences": self.sentences,
            "narrator_words": self.narrator_words,
            "profile": self.profile,
            "voice_composition": {
                "words": dict(self.composition),
                "shares": {k: round(v, 4) for k, v in self.composition_shares().items()},
            },
            "timeline": [c.as_dict() for c in self.timeline],
            "highlights": [h.as_dict() for h in self.highlights],
        }




def article_summary(a: Analysis, label: str, slug: str, *, prefix: str | None = None) -> ArticleSummary:
    """What the comparison holds for one article: its label ("A"; "" for none), file slug,
    size, profile, voice timeline and highlights (ids prefixed ``prefix``, default the label)."""
    timeline = tuple(sentence_voices(a))
    return ArticleSummary(
        label=label,
        name=a.article.name,
        slug=slug,
        headline=a.headline,
        byline=a.byline,
        body_words=a.body_words,
        sentences=len(a.sentences),
        narrator_words=a.narrator_words,
        profile=profile(a, timeline),
        composition=composition(a, timeline),
        timeline=timeline,
        highlights=tuple(highlights(a, prefix=label.lower() if prefix is None else prefix, timeline=timeline)),
    )


def sentence_category(voice: str, flags: Sequence[str]) -> str:
    if voice != "narrator":
        return voice
    if "first_person" in flags:
        return "narrator_first_person"
    if "evaluative" in flags:
        return "narrator_evaluative"
    return "narrator_neutral"


def composition(a: Analysis, timeline: Sequence[TimelineCell] | None = None) -> dict[str, int]:
    """Body words per voice category: quoted and attributed from the voice segments; words in
    the author's own voice split by their sentence in the voice strip (``timeline``): first
    person, evaluative or neutral."""
    cells = list(timeline) if timeline is not None else sentence_voices(a)
    counts = dict.fromkeys(CATEGORIES, 0)
    seg_starts = [s.start for s in a.segments]
    sent_starts = [s.start for s in a.sentences]
    text = a.text
    for p in a.article.body:
        for m in _WORD_RE.finditer(text, p.start, p.end):
            pos = m.start()
            voice = "narrator"
            i = bisect.bisect_right(seg_starts, pos) - 1
            if i >= 0 and a.segments[i].start <= pos < a.segments[i].end:
                voice = a.segments[i].voice
            flags: list[str] = []
            j = bisect.bisect_right(sent_starts, pos) - 1
            if j >= 0 and a.sentences[j].start <= pos < a.sentences[j].end:
                flags = ["evaluative"] * cells[j].evaluative + ["first_person"] * cells[j].first_person
            counts[sentence_category(voice, flags)] += 1
    return counts


def sentence_voices(a: Analysis) -> list[TimelineCell]:
    """Each sentence's voice, as the strip draws it and the summaries count it: one assignment.

    A sentence is evaluative when it is evidence of ``editorial_voice.evaluative_sentences`` and
    first person when it is evidence of ``advocacy.first_person_sentences``. It is one of the
    author's sentences (``editorial_voice.narrator_sentences``) when it is either, or when most of
    its characters are in the author's own voice; the others take the larger of their quoted and
    reported-speech shares. So the cells of the strip are the sentences the counts count.
    """
    from framing.model import count_words

    evaluative = {(e.start, e.end) for e in _evidence(a.scores.editorial_voice, "evaluative_sentences")}
    first_person = {(e.start, e.end) for e in _evidence(a.scores.advocacy, "first_person_sentences")}
    seg_starts = [seg.start for seg in a.segments]
    out = []
    for s in a.sentences:
        voices = voices_in(a.segments, seg_starts, s.start, s.end)
        ev, fp = (s.start, s.end) in evaluative, (s.start, s.end) in first_person
        if fp:
            category = "narrator_first_person"
        elif ev:
            category = "narrator_evaluative"
        elif voices.get("narrator", 0) * 2 > sum(voices.values()):
            category = "narrator_neutral"
        else:
            category = "quoted" if voices.get("quoted", 0) > voices.get("attributed", 0) else "attributed"
        out.append(TimelineCell(s.start, s.end, max(1, count_words(s.text)), category, ev, fp))
    return out


# --------------------------------------------------------------------------- highlights

def kind_of(rule_id: str) -> str:
    """The highlight kind the reports draw for an evidence rule (``framing.rules.Rule.kind``)."""
    kind = rules.rule(rule_id).kind
    if kind is None:
        raise ValueError(f"evidence rule {rule_id!r} is never highlighted")
    return kind


SpanRules = dict[tuple[str, str | None, str | None], list[str]]


def evidence_spans(a: Analysis, timeline: Sequence[TimelineCell] | None = None) -> dict[tuple[int, int], SpanRules]:
    """Every distinct evidence span of the scores: (start, end) -> {(rule, entry, detail): [metrics]}.

    The author's sentences of the voice strip (``timeline``, else :func:`sentence_voices`) are
    evidence too (``sentence:author``, counted in ``editorial_voice.narrator_sentences``): the
    scores count them without keeping their spans."""
    spans: dict[tuple[int, int], SpanRules] = {}
    for fam in a.scores.families():
        for m in fam.metrics:
            for e in m.evidence:
                if e.end <= e.start:
                    continue
                found = spans.setdefault((e.start, e.end), {})
                metrics = found.setdefault((e.rule, e.entry, e.detail), [])
                key = f"{fam.name}.{m.name}"
                if key not in metrics:
                    metrics.append(key)
    author = rules.AUTHOR_SENTENCE
    for cell in timeline if timeline is not None else sentence_voices(a):
        if cell.author:
            found = spans.setdefault((cell.start, cell.end), {})
            found.setdefault((author.id, None, author.detail), []).append("editorial_voice.narrator_sentences")
    return spans


def highlights(a: Analysis, *, prefix: str = "a", timeline: Sequence[TimelineCell] | None = None) -> list[Highlight]:
    """One highlight per distinct evidence span (start, end), in text order."""
    out = []
    spans = evidence_spans(a, timeline)
    for i, ((start, end), found) in enumerate(sorted(spans.items(), key=lambda kv: (kv[0][0], -kv[0][1]))):
        kinds = tuple(dict.fromkeys(kind_of(r) for r, _, _ in found))
        out.append(
            Highlight(
                id=f"{prefix}{i}",
                start=start,
                end=end,
                text=a.text[start:end],
                kinds=kinds,
                rules=tuple(HighlightRule(r, entry, d, tuple(ms)) for (r, entry, d), ms in found.items()),
            )
        )
    return out


# --------------------------------------------------------------------------- profile


def profile(a: Analysis, timeline: Sequence[TimelineCell] | None = None) -> str:
    """One sentence that sums up the article's framing, with the numbers in it (the sentence
    counts from the voice strip, ``timeline``, so that the two always agree)."""
    s, ed, adv = a.scores.sourcing, a.scores.editorial_voice, a.scores.advocacy
    cells = [c for c in (timeline if timeline is not None else sentence_voices(a)) if c.author]
    quotes = _int(s, "direct_quotes")
    attributed = _int(s, "attributed_statements")
    people = _int(s, "named_people")
    sources = _int(s, "distinct_sources")
    share = _num(s, "quoted_share") or 0.0
    parts = []
    if quotes == 0:
        part = "No direct quotes"
        if attributed:
            part += f"; {attributed} attributed statement{'s' if attributed != 1 else ''} from {sources} source{'s' if sources != 1 else ''}"
        parts.append(part)
    else:
        parts.append(
            f"{quotes} direct quote{'s' if quotes != 1 else ''} from {people or sources} "
            f"named source{'s' if (people or sources) != 1 else ''} fill {share:.0%} of the body"
        )
    loaded = _int(s, "loaded_verbs")
    if loaded:
        verbs = sorted({e.text.lower() for e in s["loaded_verbs"].evidence})[:2]
        parts.append(f"{loaded} loaded reporting verb{'s' if loaded != 1 else ''} ({', '.join(repr(v) for v in verbs)})")
    narr = len(cells)
    evals = sum(c.evaluative for c in cells)
    if narr == 0:
        parts.append("the author never speaks in their own voice")
    else:
        part = f"{evals} of {narr} sentences in the author's own voice {'is' if evals == 1 else 'are'} evaluative"
        words = strongest_words(ed["evaluative_per_100_narrator_words"].evidence, 2) if evals else []
        if words:
            part += f" ({', '.join(repr(w) for w in words)})"
        parts.append(part)
    fp_sent = sum(c.first_person for c in cells)
    last = _num(adv, "first_person_last_third_share")
    if fp_sent == 0:
        parts.append("no first person from the author")
    else:
        quote = _advocacy_quote(a)
        if last is not None and last >= 0.67:
            parts.append(f"closes in first-person advocacy{quote}")
        else:
            parts.append(f"{fp_sent} sentence{'s' if fp_sent != 1 else ''} in the first person{quote}")
    return "; ".join(parts) + "."


def _int(fam: Any, key: str) -> int:
    try:
        v = fam.value(key)
    except KeyError:
        return 0
    return int(v or 0)


def _num(fam: Any, key: str) -> float | None:
    try:
        v = fam.value(key)
    except KeyError:
        return None
    return None if v is None else float(v)


_RULE_ORDER = {r.id: i for i, r in enumerate(rules.RULES)}
_CATEGORY_ORDER = {c.name: i for i, c in enumerate(rules.CATEGORIES)}


def strongest_words(evidence: Sequence[Any], n: int) -> list[str]:
    """The ``n`` strongest evaluative words of the author's: loaded labels and verbs before mild
    adjectives (the editorial categories in registry order, ``framing.rules.CATEGORIES``, then
    the word lists in precedence order), the more frequent first; never a hit of a weak rule (one
    that flags a sentence only together with another cue)."""
    from framing.scores.editorial import THRESHOLD

    rank: dict[str, tuple[int, int]] = {}
    count: dict[str, int] = {}
    for e in evidence:
        r = rules.rule(e.rule)
        if r.category is None or r.points < THRESHOLD:
            continue
        w = e.text.lower()
        here = (_CATEGORY_ORDER[r.category], _RULE_ORDER[r.id])
        rank[w] = min(rank.get(w, here), here)
        count[w] = count.get(w, 0) + 1
    return sorted(rank, key=lambda w: (rank[w], -count[w], w))[:n]


def _advocacy_quote(a: Analysis) -> str:
    """(' we … as a nation '): the first pronoun and the last collective phrase of the first
    sentence with a collective phrase; else the first first-person pronoun."""
    adv = a.scores.advocacy
    pronouns = list(_evidence(adv, "first_person_tokens"))
    collective = list(_evidence(adv, "collective_phrases"))
    if collective:
        first = collective[0]
        sent = next((s for s in a.sentences if s.start <= first.start < s.end), None)
        lo, hi = (sent.start, sent.end) if sent else (first.start, first.end)
        phrase = [c for c in collective if lo <= c.start < hi][-1]
        before = [p for p in pronouns if lo <= p.start and p.end <= phrase.start]
        if before:
            return f" ('{before[0].text.lower()} … {phrase.text}')"
        return f" ('{phrase.text}')"
    if pronouns:
        return f" ('{pronouns[0].text}')"
    return ""


def _evidence(fam: Any, key: str) -> tuple[Any, ...]:
    try:
        return fam[key].evidence
    except KeyError:
        return ()
