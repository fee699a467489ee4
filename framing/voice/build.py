"""Article -> Layer: segment, find quotes and frames, resolve speakers, paint the voices."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from framing.model import Article, Attribution, Quote, SourceRef, VoiceSegment
from framing.nlp.segment import Segmentation, SentenceSpan, Token, segment_groups
from framing.settings import Settings
from framing.voice.attribution import Frame, find_frames
from framing.voice.layer import Layer
from framing.voice.quotes import FoundQuote, find_headline_quotes, find_quotes
from framing.voice.registry import Registry, build_registry
from framing.voice.speakers import assign_quote_speakers, make_attributions, resolve_sources

NARRATOR, ATTRIBUTED, QUOTED = 1, 2, 3
_VOICE_NAMES = {NARRATOR: "narrator", ATTRIBUTED: "attributed", QUOTED: "quoted"}
_RUNS = re.compile(rb"\x01+|\x02+|\x03+")


@dataclass(frozen=True)
class _Parsed:
    """An article's tokens, quotes and frames with named sources: what the voices are painted from."""

    seg: Segmentation
    head_seg: Segmentation
    found: list[FoundQuote]
    warnings: list[str]
    registry: Registry
    frames: list[Frame]


def _parse(article: Article, settings: Settings) -> _Parsed:
    """Segment the article, find its quotes and its frames, and name every frame's source."""
    text = article.text
    h = article.headline
    seg, head_seg = segment_groups(text, (article.body, (h,) if h is not None else ()), settings.model_name())
    found, warnings = find_quotes(text, article.body, seg.sentences)
    quote_mask = bytearray(len(text))
    for q in found:
        quote_mask[q.open_mark : q.outer_end] = b"\x01" * (q.outer_end - q.open_mark)
    toks = seg.tokens
    in_quote = [bool(quote_mask[t.start]) for t in toks]
    registry = build_registry(text, toks, in_quote)
    frames = find_frames(text, toks, seg.sentences, TokenRanges(toks, seg.sentences), in_quote, quote_mask, article.body)
    resolve_sources(text, toks, frames, registry, in_quote)
    return _Parsed(seg, head_seg, found, warnings, registry, frames)


class TokenRanges(Sequence[tuple[int, int]]):
    """For each sentence, the indices of its first and last tokens (``hi < lo``: none), found
    when asked: a list of the pairs took 120 bytes a sentence, 120 MB for a text of a million
    short lines."""

    def __init__(self, toks: Sequence[Token], sentences: Sequence[SentenceSpan]) -> None:
        self._starts = array("q", (t.start for t in toks))
        self._sentences = sentences

    def __len__(self) -> int:
        return len(self._sentences)

    @overload
    def __getitem__(self, i: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, i: slice) -> list[tuple[int, int]]: ...
    def __getitem__(self, i: int | slice) -> tuple[int, int] | list[tuple[int, int]]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        s = self._sentences[i]
        return bisect_left(self._starts, s.start), bisect_right(self._starts, s.end - 1) - 1

    def __iter__(self) -> Iterator[tuple[int, int]]:
        for k in range(len(self._sentences)):
            yield self[k]


def explain_frames(article: Article, settings: Settings) -> list[tuple[str, str, str, str]]:
    """Why each span was attributed: every frame in text order as (pattern id, source words, cue
    words, content), the pattern ids of ``frames/patterns.py``."""
    parsed = _parse(article, settings)
    text, toks = article.text, parsed.seg.tokens
    out = []
    for f in parsed.frames:
        src = text[toks[f.src[0]].start : toks[f.src[1]].end] if f.src else ""
        content = text[f.content[0] : f.content[1]] if f.content else ""
        out.append((f.pattern, src, text[toks[f.cue_a].start : toks[f.cue_b].end], content))
    return out


def build_layer(article: Article, settings: Settings) -> tuple[Layer, list[str]]:
    """The voice layer of an article, and the warnings found on the way."""
    parsed = _parse(article, settings)
    text, seg, head_seg, found, warnings = article.text, parsed.seg, parsed.head_seg, parsed.found, parsed.warnings
    registry, frames, toks = parsed.registry, parsed.frames, parsed.seg.tokens
    speakers = assign_quote_speakers(text, toks, found, frames)
    quotes = tuple(
        Quote(q.start, q.end, text[q.start : q.end], q.open_mark, q.close_mark, src, cue, q.rule, rule)
        for q, (src, cue, rule) in zip(found, speakers, strict=True)
    )
    attributions = tuple(make_attributions(text, toks, frames))
    headline_quotes = _headline_quotes(article, quotes, registry)

    # Paint the voices: body = narrator, then reporting cues and attributed content (not the
    # author's own "I think ..."), then quotes on top. The source phrase stays the author's:
    # "the disgraced minister said" describes the minister in the author's words.
    paint = bytearray(len(text))
    for p in article.body:
        paint[p.start : p.end] = bytes([NARRATOR]) * (p.end - p.start)
    for f in frames:
        if f.ref is None or f.content is None or f.ref.kind == "author":
            continue  # "I believe ...": the author's statement stays in the author's voice
        for s, e in ((toks[f.cue_a].start, toks[f.cue_b].end), f.content):
            paint[s:e] = bytes([ATTRIBUTED]) * (e - s)
    for q in found:
        paint[q.open_mark : q.outer_end] = bytes([QUOTED]) * (q.outer_end - q.open_mark)
    segments = tuple(
        VoiceSegment(m.start(), m.end(), _VOICE_NAMES[m.group()[0]])  # type: ignore[arg-type]
        for m in _RUNS.finditer(paint)
    )
    headline_attributions = _headline_attributions(article, head_seg, registry)
    layer = Layer(article, seg, quotes, headline_quotes, attributions, segments, headline_attributions)
    return layer, warnings


def _headline_attributions(article: Article, seg: Segmentation, registry: Registry) -> tuple[Attribution, ...]:
    """Statements reported in the headline ("Senator Adler Says …", "Adler: …"), found as in the
    body. Not counted in the body's scores."""
    h = article.headline
    if h is None:
        return ()
    text = article.text
    toks = seg.tokens
    if not toks:
        return ()
    found = find_headline_quotes(text, h)
    quote_mask = bytearray(len(text))
    for q in found:
        quote_mask[q.open_mark : q.outer_end] = b"\x01" * (q.outer_end - q.open_mark)
    in_quote = [bool(quote_mask[t.start]) for t in toks]
    frames = find_frames(text, toks, seg.sentences, TokenRanges(toks, seg.sentences), in_quote, quote_mask, (h,))
    resolve_sources(text, toks, frames, registry, in_quote)
    return tuple(make_attributions(text, toks, frames))


def _headline_quotes(article: Article, body_quotes: Sequence[Quote], registry: Registry) -> tuple[Quote, ...]:
    """Quotes in the headline; the speaker is "X" of a "X: ..." headline or the body quote's."""
    if article.headline is None:
        return ()
    text = article.text
    h = article.headline
    found: list[FoundQuote] = find_headline_quotes(text, h)
    lead = re.match(r"\s*([A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})\s*:", h.text)
    out = []
    for q in found:
        inner = text[q.start : q.end]
        source = None
        rule = None
        if lead and h.start + lead.end() <= q.open_mark:
            name = lead.group(1)
            full = registry.expand(name) or name
            s = h.start + lead.start(1)
            source = SourceRef(s, s + len(name), name, full, "person", "alias" if full != name else None)
            rule = "headline_lead"
        else:
            for bq in body_quotes:
                if bq.source is not None and inner.lower() in bq.text.lower():
                    source, rule = bq.source, "body_quote"
                    break
        out.append(Quote(q.start, q.end, inner, q.open_mark, q.close_mark, source, None, "headline", rule))
    return tuple(out)
