"""A hand-made voice layer for the score tests (no quote or attribution detection involved)."""

from __future__ import annotations

import re

from framing.model import Article, Span, VoiceSegment
from framing.nlp.segment import segment
from framing.voice.layer import Layer

QUOTE_RE = re.compile(r"“[^”]*”")


def make_layer(text: str, attributed: tuple[str, ...] = (), headline: bool = False) -> Layer:
    """A hand-made voice layer: one paragraph per line, “…” quoted, and each ``attributed``
    content (found by its first words) attributed up to the end of its sentence or the next
    quote mark; everything else narrator."""
    body_from = text.index("\n") + 1 if headline else 0
    paras: list[Span] = []
    pos = body_from
    for line in text[body_from:].split("\n"):
        if line.strip():
            paras.append(Span(pos, pos + len(line), line))
        pos += len(line) + 1
    voice = ["narrator"] * len(text)
    for m in QUOTE_RE.finditer(text):
        voice[m.start() : m.end()] = ["quoted"] * (m.end() - m.start())
    for start_words in attributed:
        a = text.index(start_words, body_from)
        ends = [i for i in (text.find(". ", a), text.find("“", a), text.find("\n", a)) if i >= 0]
        b = min(ends) if ends else len(text)
        voice[a:b] = ["attributed"] * (b - a)
    segs: list[VoiceSegment] = []
    for p in paras:
        run_start = p.start
        for i in range(p.start + 1, p.end + 1):
            if i == p.end or voice[i] != voice[run_start]:
                segs.append(VoiceSegment(run_start, i, voice[run_start]))  # type: ignore[arg-type]
                run_start = i
    art = Article(text, "<test>", None, None, None, tuple(paras))
    return Layer(art, segment(text, paras), (), (), (), tuple(segs))


def evaluative_hits(text: str) -> set[str]:
    """The evaluative words and phrases (lower case, under 30 characters) the editorial-voice
    family shows for ``text``, analysed as a plain body."""
    from framing import analyse, rules
    from framing.settings import Settings

    a = analyse(text, settings=Settings(detect_headline=False))
    return {
        text[e.start : e.end].lower()
        for m in a.scores.editorial_voice.metrics
        for e in m.evidence
        if rules.rule(e.rule).category is not None and e.end - e.start < 30
    }
