"""The voice layer: which characters of the body are quoted, attributed, or the author's own.

It is computed once per article (``build_layer``) and every score reads it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from framing.model import Article, Attribution, Quote, Voice, VoiceSegment, count_words, voices_in
from framing.nlp.segment import Segmentation, SentenceSpan, Token

# Tokens after which a sentence-opening token still counts as sentence-initial.
_OPENERS = frozenset({"“", '"', "‘", "'", "(", "[", "«", "‹", "—", "–", "-", ":"})


@dataclass(frozen=True)
class Layer:
    article: Article
    seg: Segmentation
    quotes: tuple[Quote, ...]
    headline_quotes: tuple[Quote, ...]
    attributions: tuple[Attribution, ...]
    segments: tuple[VoiceSegment, ...]  # partition of every body paragraph into voices
    headline_attributions: tuple[Attribution, ...] = ()  # not part of the body's voices or scores
    _seg_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_seg_starts", tuple(s.start for s in self.segments))

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.seg.tokens

    @property
    def sentences(self) -> tuple[SentenceSpan, ...]:
        return self.seg.sentences

    @cached_property
    def body_words(self) -> int:
        """Words of the body (``count_words``: headline and byline left out)."""
        return count_words("\n".join(p.text for p in self.article.body))

    @cached_property
    def narrator_words(self) -> int:
        """Words in the author's own voice."""
        return count_words(" ".join(self.text[s.start : s.end] for s in self.narrator_segments()))

    @cached_property
    def words(self) -> list[str]:
        """Each token lower-cased, with every apostrophe written ``'`` (lexicon matching form)."""
        return [t.lower.replace("’", "'").replace("‘", "'") for t in self.seg.tokens]

    @cached_property
    def narrator_mask(self) -> list[bool]:
        """For each token: does it lie wholly in the author's own voice?"""
        out: list[bool] = []
        segs = self.segments
        i, n = 0, len(segs)
        for t in self.seg.tokens:
            while i < n and segs[i].end <= t.start:
                i += 1
            out.append(i < n and segs[i].voice == "narrator" and segs[i].start <= t.start and t.end <= segs[i].end)
        return out

    @cached_property
    def initial_mask(self) -> list[bool]:
        """For each token: does it open a sentence (possibly after an opening quote or bracket)?"""
        starts = {s.start for s in self.seg.sentences}
        out: list[bool] = []
        prev_initial = prev_opener = False
        for tok in self.seg.tokens:
            initial = tok.start in starts or (prev_initial and prev_opener)
            out.append(initial)
            prev_initial = initial
            prev_opener = tok.text in _OPENERS
        return out

    def voice_at(self, offset: int) -> Voice | None:
        """The voice of the character at ``offset`` (None outside the body)."""
        starts = self._seg_starts
        i = bisect_right(starts, offset) - 1
        if i >= 0 and self.segments[i].start <= offset < self.segments[i].end:
            return self.segments[i].voice
        return None

    def voices_in(self, start: int, end: int) -> dict[Voice, int]:
        """How many characters of ``[start, end)`` each voice holds."""
        return voices_in(self.segments, self._seg_starts, start, end)

    def narrator_segments(self) -> tuple[VoiceSegment, ...]:
        return tuple(s for s in self.segments if s.voice == "narrator")

    def narrator_tokens(self) -> tuple[Token, ...]:
        """Tokens that lie wholly in the author's own voice."""
        return tuple(t for t in self.seg.tokens if self.is_narrator(t.start, t.end))

    def is_narrator(self, start: int, end: int) -> bool:
        """True when every character of ``[start, end)`` is in the author's own voice."""
        starts = self._seg_starts
        i = bisect_right(starts, start) - 1
        if i < 0:
            return False
        seg = self.segments[i]
        return seg.voice == "narrator" and seg.start <= start and end <= seg.end

