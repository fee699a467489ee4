"""Generic news frames (Semetko & Valkenburg 2000), cued by a lexicon, per 100 words.

Semetko, H. A. & Valkenburg, P. M. (2000). Framing European politics: A content analysis of press
and television news. *Journal of Communication* 50(2), 93-109. Their five generic frames:

* ``conflict``: disagreement between parties, reproach, two sides, winners and losers;
* ``human_interest``: a human face, emotions, personal stories, how individuals are affected;
* ``economic``: financial gains or losses, costs, economic consequences;
* ``morality``: moral messages, religion, social prescriptions of how to behave;
* ``responsibility``: who caused the problem or must solve it, what government should do.

The paper codes frames with yes/no questions answered by a reader; here each frame is cued by a
list of words and phrases (``framing/lexicons/news_frames.txt``). A frame's score is its cue hits
per 100 body words, so articles of different length compare; every hit is an evidence span with
the rule ``frame:<frame>`` (registered in ``framing.rules`` for the five frames) and the cue it
matched as its entry (the JSON writes ``frame:<frame>/<cue>``). Cues count in every voice (a quote an article chooses to run is
part of how it frames the event); the evidence says which voice each hit lies in. A cue inside a
capitalised name in mid-sentence ("Justice Department", "the Land of Promise") is skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from framing.errors import InputError
from framing.lexicons import parse_text, read_lines
from framing.model import Analysis, Evidence

FRAMES: tuple[str, ...] = ("conflict", "human_interest", "economic", "morality", "responsibility")
FRAME_LABELS = {
    "conflict": "conflict",
    "human_interest": "human interest",
    "economic": "economic consequences",
    "morality": "morality",
    "responsibility": "attribution of responsibility",
}


@dataclass(frozen=True)
class FrameLexicon:
    cues: dict[str, tuple[str, ...]]  # frame -> cues as written ("attack*", "both sides")
    patterns: dict[str, re.Pattern[str]]  # frame -> one alternation, longest cue first


def _cue_regex(cue: str) -> str:
    words = cue.rstrip("*").split()
    body = r"\s+".join(re.escape(w).replace("'", "['’]") for w in words)
    return body + (r"[\w'’-]*" if cue.endswith("*") else "")


def parse_frames(text: str) -> dict[str, list[str]]:
    """``[frame]`` sections of cue lines -> frame -> cues."""
    return _sections(parse_text(text, "news_frames.txt").entries)


def _sections(lines: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            out.setdefault(current, [])
        elif current is not None:
            out[current].append(line.lower())
    return out


def build_lexicon(sections: dict[str, list[str]]) -> FrameLexicon:
    cues = {f: tuple(dict.fromkeys(c)) for f, c in sections.items() if c}
    patterns = {
        f: re.compile(
            r"(?<![\w'’-])(?:" + "|".join(_cue_regex(c) for c in sorted(cs, key=lambda c: (-len(c), c))) + r")(?![\w'’])",
            re.IGNORECASE,
        )
        for f, cs in cues.items()
    }
    return FrameLexicon(cues, patterns)


@cache
def packaged_sections() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in _sections(read_lines("news_frames.txt").entries).items()}


@cache
def load_frames(extra_paths: tuple[Path, ...] = ()) -> FrameLexicon:
    """The packaged frame lexicon; a user file (same format) adds cues, ``-cue`` removes one."""
    sections = {k: list(v) for k, v in packaged_sections().items()}
    for path in extra_paths:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise InputError(f"cannot read frame lexicon {path}: {exc}") from exc
        for frame, cues in parse_frames(text).items():
            have = sections.setdefault(frame, [])
            for cue in cues:
                if cue.startswith("-") and len(cue) > 1:
                    if cue[1:] in have:
                        have.remove(cue[1:])
                elif cue not in have:
                    have.append(cue)
    return build_lexicon(sections)


def _which_cue(lex: FrameLexicon, frame: str, hit: str) -> str:
    for cue in sorted(lex.cues[frame], key=lambda c: (-len(c), c)):
        if re.fullmatch(_cue_regex(cue), hit, re.IGNORECASE):
            return cue
    return hit.lower()  # pragma: no cover - the alternation only matches cues


@dataclass(frozen=True)
class FrameScore:
    frame: str
    score: float  # hits per 100 body words
    hits: int
    evidence: tuple[Evidence, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": FRAME_LABELS.get(self.frame, self.frame),
            "score": round(self.score, 3),
            "hits": self.hits,
            "evidence": [e.as_dict() for e in self.evidence],
        }


def _in_name(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Is the hit a capitalised word in mid-sentence (most likely part of a name)?"""
    if not text[start : start + 1].isupper() or start == sentence_start:
        return False
    before = text[sentence_start:start].rstrip()
    return not (before.endswith(("“", '"', "‘", "(", ":", "—", "–")) or before == "")


def frame_profile(analysis: Analysis, lexicon: FrameLexicon | None = None) -> tuple[FrameScore, ...]:
    """The five frames' scores for one article (and any extra frames a user lexicon adds)."""
    lex = lexicon or load_frames()
    text = analysis.text
    words = max(analysis.body_words, 1)
    voices = analysis.segments
    starts = [seg.start for seg in voices]
    cues: dict[tuple[str, str], str] = {}  # (frame, hit) -> its cue, found once
    out = []
    frames = list(FRAMES) + [f for f in lex.cues if f not in FRAMES]
    for frame in frames:
        pattern = lex.patterns.get(frame)
        evidence: list[Evidence] = []
        if pattern is not None:
            for s in analysis.sentences:
                for m in pattern.finditer(text, s.start, s.end):
                    if _in_name(text, m.start(), m.end(), s.start):
                        continue
                    hit = m.group()
                    cue = cues.get((frame, hit))
                    if cue is None:
                        cue = cues[frame, hit] = _which_cue(lex, frame, hit)
                    voice = _voice_at(voices, starts, m.start())
                    evidence.append(Evidence(m.start(), m.end(), m.group(), f"frame:{frame}", voice, cue))
        out.append(FrameScore(frame, 100.0 * len(evidence) / words, len(evidence), tuple(evidence)))
    return tuple(out)


def _voice_at(segments: Sequence[Any], starts: Sequence[int], offset: int) -> str | None:
    """The voice of the segment that holds ``offset`` (the segments in text order, without
    overlaps, and their starts: a binary search)."""
    i = bisect_right(starts, offset) - 1
    if i >= 0 and segments[i].start <= offset < segments[i].end:
        return f"{segments[i].voice} voice"
    return None
