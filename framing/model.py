"""The results of each pipeline stage, as frozen dataclasses.

    source (path, text) -> Article -> Analysis -> Scores -> Comparison -> renderers

Every offset is a Python slice offset into ``Article.text`` (the text as read: decoded, with a
byte-order mark removed, and for HTML the text that trafilatura extracted). Every dataclass has
``as_dict()`` returning plain JSON-ready values; ``Analysis.as_dict()`` is the documented,
versioned JSON schema (see ``docs/schema.md``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from framing.rules import full_rule

SCHEMA_VERSION = "framing.analysis/1"

Voice = Literal["quoted", "attributed", "narrator"]
VOICES: tuple[Voice, ...] = ("quoted", "attributed", "narrator")
SourceKind = Literal["person", "institution", "anonymous", "unresolved", "author"]


@dataclass(frozen=True)
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Article:
    """An article as read: its text, where its body lies, and what was detected around it."""

    text: str
    name: str  # file name, or "<stdin>" / "<text>"
    headline: Span | None
    byline: Span | None  # the byline line as it stands in the text ("Report from Bradley Martin")
    author: str | None  # the name(s) in the byline or HTML metadata ("Bradley Martin")
    body: tuple[Span, ...]  # paragraphs of the body, in order (headline and byline excluded)
    date: str | None = None
    url: str | None = None  # the URL it was fetched from, else the one its HTML metadata names
    fmt: str = "text"  # "text", "markdown" or "html"
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    fetched: str | None = None  # when it was fetched from ``url`` (ISO 8601, UTC); None: not fetched

    @property
    def body_start(self) -> int:
        return self.body[0].start if self.body else 0

    @property
    def body_end(self) -> int:
        return self.body[-1].end if self.body else 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "format": self.fmt,
            "encoding": self.encoding,
            "headline": self.headline.as_dict() if self.headline else None,
            "byline": (
                {**self.byline.as_dict(), "name": self.author} if self.byline else None
            ),
            "author": self.author,
            "date": self.date,
            "url": self.url,
            "fetched": self.fetched,
            "paragraphs": [p.as_dict() for p in self.body],
        }


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index into Article.body
    voice: Voice  # the voice that holds most of the sentence's characters
    flags: tuple[str, ...] = ()  # "evaluative", "first_person" (author's own voice only)

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "paragraph": self.paragraph,
            "voice": self.voice,
            "flags": list(self.flags),
        }


@dataclass(frozen=True)
class VoiceSegment:
    """A maximal run of body characters that belong to one voice."""

    start: int
    end: int
    voice: Voice

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "voice": self.voice}


def voices_in(segments: Sequence[VoiceSegment], seg_starts: Sequence[int], start: int, end: int) -> dict[Voice, int]:
    """How many characters of ``[start, end)`` each voice holds, given the segments in text order
    and their start offsets (for the binary search)."""
    out: dict[Voice, int] = {}
    i = max(bisect_right(seg_starts, start) - 1, 0)
    while i < len(segments) and segments[i].start < end:
        seg = segments[i]
        n = min(end, seg.end) - max(start, seg.start)
        if n > 0:
            out[seg.voice] = out.get(seg.voice, 0) + n
        i += 1
    return out


@dataclass(frozen=True)
class SourceRef:
    """A mention of a source in the text, with the source it resolves to."""

    start: int
    end: int
    text: str
    name: str  # normalised: "Benjamin Netanyahu", "State Department", "officials"
    kind: SourceKind
    resolved_from: str | None = None  # "pronoun", "alias", "role", "previous_speaker" ...

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "kind": self.kind,
        }
        if self.resolved_from:
            d["resolved_from"] = self.resolved_from
        return d


@dataclass(frozen=True)
class Quote:
    """A direct quote: ``text`` is the characters between the marks (``start``/``end``)."""

    start: int
    end: int
    text: str
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark, None when recovered from an unclosed one
    source: SourceRef | None = None
    cue: Span | None = None
    rule: str = "paired"  # how the quote was found: paired, continued, unclosed, headline
    speaker_rule: str | None = None  # how the speaker was found

    @property
    def speaker(self) -> str | None:
        return self.source.name if self.source else None

    def words(self) -> int:
        return count_words(self.text)

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "speaker_kind": self.source.kind if self.source else None,
            "source": self.source.as_dict() if self.source else None,
            "cue": self.cue.as_dict() if self.cue else None,
            "rule": self.rule,
            "speaker_rule": self.speaker_rule,
            "words": self.words(),
        }


@dataclass(frozen=True)
class Attribution:
    """Reported speech without quote marks: a cue ("said"), its source and its content."""

    cue: Span
    source: SourceRef
    content: Span
    rule: str  # which pattern matched: "source_cue", "cue_source", "according_to", ...
    loaded: bool = False  # the cue is a loaded reporting verb (claimed, admitted, ...)
    # Reported inside another attributed statement ("Netanyahu said Israelis might not know"):
    # listed, painted as attributed, but not counted as the article's own sourcing.
    nested: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "cue": {**self.cue.as_dict(), "loaded": self.loaded},
            "source": self.source.as_dict(),
            "content": self.content.as_dict(),
            "rule": self.rule,
            "nested": self.nested,
            "words": count_words(self.content.text),
        }


@dataclass(frozen=True)
class Evidence:
    """One span that contributed to a score, the rule that produced it and the entry it matched.

    ``rule`` is an id of the rule registry (``framing.rules``: "quote", "cue:neutral",
    "lexicon:evaluative_adjectives"), which says what the rule means; ``entry`` is the list entry
    or word it matched, if any ("said", "timeless"). The JSON joins them
    ("lexicon:evaluative_adjectives/timeless", ``full_rule``)."""

    start: int
    end: int
    text: str
    rule: str  # a framing.rules id
    detail: str | None = None  # what this hit is, with its particulars (speaker, source, base word)
    entry: str | None = None  # the list entry or word the rule matched

    @property
    def full_rule(self) -> str:
        """The rule as the JSON writes it: "cue:neutral/say", "quote"."""
        return full_rule(self.rule, self.entry)

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end, "rule": self.full_rule}
        if self.detail:
            d["detail"] = self.detail
        return d


@dataclass(frozen=True)
class Metric:
    """A score with its meaning and its evidence."""

    name: str
    value: float | int | None
    description: str  # what it measures, which way it runs
    evidence: tuple[Evidence, ...] = ()
    unit: str = ""

    def as_dict(self) -> dict[str, Any]:
        value = self.value
        if isinstance(value, float):
            value = round(value, 4)
        return {
            "value": value,
            "unit": self.unit,
            "description": self.description,
            "evidence": [e.as_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class ScoreFamily:
    name: str  # "sourcing", "editorial_voice", "advocacy", "readability"
    metrics: tuple[Metric, ...]
    extra: dict[str, Any] = field(default_factory=dict)  # tables (as_dict()["tables"]): per-source shares, verb tallies

    def __getitem__(self, key: str) -> Metric:
        for m in self.metrics:
            if m.name == key:
                return m
        raise KeyError(key)

    def value(self, key: str) -> float | int | None:
        return self[key].value

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {m.name: m.as_dict() for m in self.metrics}
        if self.extra:
            d["tables"] = dict(self.extra)
        return d


@dataclass(frozen=True)
class Scores:
    sourcing: ScoreFamily
    editorial_voice: ScoreFamily
    advocacy: ScoreFamily
    readability: ScoreFamily

    def families(self) -> tuple[ScoreFamily, ...]:
        return (self.sourcing, self.editorial_voice, self.advocacy, self.readability)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: f.as_dict() for f in self.families()}

    def flat(self) -> dict[str, float | int | None]:
        """Every metric as ``family.metric -> value`` (one CSV row)."""
        return {f"{f.name}.{m.name}": m.value for f in self.families() for m in f.metrics}


@dataclass(frozen=True)
class NamedEntity:
    """A name or a date in the body, as the entity recogniser found it in the analysis' one parse;
    a name cleaned for the comparison's lists (``framing.comparison.entities``: no leading "the",
    possessive or title; "George W" dropped). ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str
    label: str  # the pipeline's label: PERSON, ORG, GPE, DATE ...
    titled: bool = False  # a title stood before the person's name ("Sen. Chuck Grassley")


@dataclass(frozen=True)
class Analysis:
    """Everything the engine found in one article. ``as_dict()`` is the JSON schema."""

    article: Article
    pipeline: str  # which NLP pipeline ran, e.g. "en_core_web_sm-3.8.0+framing-rules"
    sentences: tuple[Sentence, ...]
    segments: tuple[VoiceSegment, ...]  # partition of the body into voices
    quotes: tuple[Quote, ...]
    headline_quotes: tuple[Quote, ...]
    attributions: tuple[Attribution, ...]
    sources: tuple[dict[str, Any], ...]  # one per distinct source: name, kind, counts, words
    scores: Scores
    body_words: int
    narrator_words: int
    warnings: tuple[str, ...] = ()
    version: str = ""
    headline_attributions: tuple[Attribution, ...] = ()  # statements the headline reports
    # The body's names and dates, for the comparison (not part of the JSON: what the comparison
    # makes of them is, in comparison.json); None for an Analysis made without them, which the
    # comparison then reads from the text with the pipeline.
    entities: tuple[NamedEntity, ...] | None = None

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def headline(self) -> str | None:
        return self.article.headline.text if self.article.headline else None

    @property
    def byline(self) -> str | None:
        return self.article.author

    def as_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "schema": SCHEMA_VERSION,
            "framing_version": self.version,
            "pipeline": self.pipeline,
            "name": a.name,
            "format": a.fmt,
            "encoding": a.encoding,
            "headline": self.headline,
            "headline_span": a.headline.as_dict() if a.headline else None,
            "byline": self.byline,
            "byline_span": a.byline.as_dict() if a.byline else None,
            "date": a.date,
            "url": a.url,
            "fetched": a.fetched,
            "text": a.text,
            "body_words": self.body_words,
            "narrator_words": self.narrator_words,
            "paragraphs": [p.as_dict() for p in a.body],
            "sentences": [s.as_dict() for s in self.sentences],
            "voices": [s.as_dict() for s in self.segments],
            "quotes": [q.as_dict() for q in self.quotes],
            "headline_quotes": [q.as_dict() for q in self.headline_quotes],
            "attributions": [x.as_dict() for x in self.attributions],
            "headline_attributions": [x.as_dict() for x in self.headline_attributions],
            "sources": [dict(s) for s in self.sources],
            "scores": self.scores.as_dict(),
            "warnings": list(self.warnings),
        }

    def _repr_html_(self) -> str:
        """The article with every evidence span marked, for a notebook (framing.report.notebook)."""
        from framing.report.notebook import analysis_html

        return analysis_html(self)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        from framing.report.notebook import analysis_text

        p.text(analysis_text(self))


def count_words(text: str) -> int:
    """Words as readers count them: runs of letters or digits (``don't`` is one word)."""
    return len(_WORD_RE.findall(text))


_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
