"""Evidence spans -> marked-up text, for the HTML and PDF renderers.

Evidence spans nest (a source name inside a sourced sentence) and sometimes cross (a quote that
runs past the end of an attributed statement). ``events`` walks a stretch of the text and yields
open/close/text events that always nest: a mark interrupted by the end of another is closed and
reopened, and the reopened piece is flagged as a continuation. Every renderer then marks exactly
the evidence spans, no more, no fewer.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from framing.comparison.summary import Highlight


@dataclass(frozen=True)
class Open:
    mark: Highlight
    continuation: bool


@dataclass(frozen=True)
class Close:
    mark: Highlight


class Overlaps:
    """Marks sorted by start, so that the marks of one paragraph are found without scanning
    every mark of the article (long articles have thousands of both)."""

    def __init__(self, marks: Sequence[Highlight]) -> None:
        self.marks = sorted(marks, key=lambda m: m.start)
        self.starts = [m.start for m in self.marks]
        self.longest = max((m.end - m.start for m in self.marks), default=0)

    def between(self, lo: int, hi: int) -> list[Highlight]:
        i = bisect_left(self.starts, lo - self.longest)
        j = bisect_left(self.starts, hi)
        return [m for m in self.marks[i:j] if m.end > lo]


def events(
    text: str, lo: int, hi: int, marks: Sequence[Highlight] | Overlaps, started: set[str]
) -> Iterator[Open | Close | str]:
    """Events for ``text[lo:hi]``. ``started`` collects the ids already opened (across calls),
    so a mark split over two paragraphs opens once and continues once."""
    ms = marks.between(lo, hi) if isinstance(marks, Overlaps) else [m for m in marks if m.start < hi and m.end > lo]
    bounds = sorted({lo, hi} | {max(lo, m.start) for m in ms} | {min(hi, m.end) for m in ms})
    stack: list[Highlight] = []
    by_start: dict[int, list[Highlight]] = {}
    for m in ms:
        by_start.setdefault(max(lo, m.start), []).append(m)
    for k, pos in enumerate(bounds):
        ending = {m.id for m in stack if min(hi, m.end) == pos}
        if ending:
            reopen = []
            while ending & {m.id for m in stack}:
                m = stack.pop()
                yield Close(m)
                if m.id not in ending:
                    reopen.append(m)
            for m in reversed(reopen):
                yield Open(m, True)
                stack.append(m)
        if pos >= hi:
            break
        for m in sorted(by_start.get(pos, ()), key=lambda m: -m.end):
            yield Open(m, m.id in started)
            started.add(m.id)
            stack.append(m)
        nxt = bounds[k + 1]
        if nxt > pos:
            yield text[pos:nxt]
    while stack:  # pragma: no cover - every mark ends at or before hi
        yield Close(stack.pop())


def regions(analysis) -> list[tuple[str, int, int]]:  # type: ignore[no-untyped-def]
    """The stretches of text a report shows: headline, byline, then each body paragraph."""
    a = analysis.article
    out: list[tuple[str, int, int]] = []
    if a.headline:
        out.append(("headline", a.headline.start, a.headline.end))
    if a.byline:
        out.append(("byline", a.byline.start, a.byline.end))
    out.extend(("p", p.start, p.end) for p in a.body)
    return out
