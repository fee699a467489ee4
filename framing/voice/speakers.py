"""Speakers: name every frame's source and give every quote its speaker.

* ``resolve_sources`` names each frame's source phrase in document order (``classify``), then
  resolves what only points at a source: pronouns to the nearest compatible person or group,
  role phrases ("the aide") to the person introduced in that role, relative pronouns to the
  phrase before them. When nothing fits, the source stays ``unresolved``: a wrong name is worse
  than none.
* ``assign_quote_speakers`` gives each quote the frame whose content holds it, or a neighbour's.
* ``make_attributions`` turns indirect frames into attributed statements.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from framing.model import Attribution, SourceRef, Span
from framing.nlp.segment import Token
from framing.voice.attribution import Frame, frame_end, frame_start
from framing.voice.naming import classify
from framing.voice.phrases import np_ending_at
from framing.voice.quotes import FoundQuote
from framing.voice.registry import PRONOUN_GENDER, Registry
from framing.voice.wordclasses import RELATIVES


def resolve_sources(
    text: str,
    toks: Sequence[Token],
    frames: list[Frame],
    registry: Registry,
    in_quote: Sequence[bool],
) -> None:
    """Name every frame's source, resolving pronouns, surnames and roles in document order."""
    last_person: tuple[int, str] | None = None  # (offset, name) of the last person who spoke
    last_any: tuple[str, str] | None = None
    last_institution: str | None = None
    for f in frames:
        if f.src is None:
            continue
        a, b = f.src
        named = classify(toks[a : b + 1], text, registry)
        if named.name in RELATIVES and named.kind == "pronoun":
            # "an architect who said": the relative pronoun stands for the phrase before it
            k = a - 1
            while k >= f.lo and toks[k].text in (",", "—", "–", "(", "--"):
                k -= 1
            if k >= f.lo and not in_quote[k]:
                ante = np_ending_at(toks, k, f.lo, in_quote)
                named = classify(toks[ante[0] : ante[1] + 1], text, registry)
        resolved_from = named.resolved_from
        name, kind = named.name, named.kind
        if kind == "pronoun":
            person = _antecedent(name, toks[a].start, registry, last_person)
            if person is not None:
                name, kind, resolved_from = person, "person", "pronoun"
            elif name == "they" and last_any and last_any[1] in ("anonymous", "institution"):
                name, kind = last_any  # "they" goes to a group or an institution, never a person
                resolved_from = "pronoun"
            elif name == "it" and last_institution:
                name, kind, resolved_from = last_institution, "institution", "pronoun"
            else:
                name, kind = name, "unresolved"
        elif kind == "role":
            person = _role_holder(set(named.roles), registry, last_person)
            if person is not None:
                name, kind, resolved_from = person, "person", "role"
            else:
                # "the mayor said": a person the article does not name; keep the role as the name
                kind, resolved_from = "person", "role"
        if kind == "person":
            last_person = (toks[a].start, name)
        if kind in ("person", "institution", "anonymous"):
            last_any = (name, kind)
        if kind == "institution":
            last_institution = name
        span_start, span_end = toks[a].start, toks[b].end
        f.ref = SourceRef(span_start, span_end, text[span_start:span_end], name, kind, resolved_from)  # type: ignore[arg-type]


def _role_holder(roles: set[str], registry: Registry, last_person: tuple[int, str] | None) -> str | None:
    """The person a role phrase ("the president", "the congressman") stands for: the last
    person who spoke if they hold it, else the person introduced with it, the most often named
    when several hold it ("the president" in an article on Trump that also names President
    Putin)."""
    candidates = registry.by_role(roles)
    if last_person is not None and last_person[1] in candidates:
        return last_person[1]
    if not candidates:
        return None
    counts = registry.mention_counts()
    return max(candidates, key=lambda n: counts.get(n, 0))


def _antecedent(pronoun: str, offset: int, registry: Registry, last_person: tuple[int, str] | None) -> str | None:
    """The person "he" or "she" stands for: of the last person who spoke and the person last
    named as a clause's subject in the author's voice (never one only named inside a quote), the
    more recent one whose gender, where the article shows it, agrees; else the person last
    named anywhere in the author's voice. None when unsure."""
    gender = PRONOUN_GENDER.get(pronoun)
    if gender is None:
        return None
    candidates: list[tuple[int, str]] = []
    if last_person is not None and registry.gender(last_person[1]) in ("", gender):
        candidates.append(last_person)
    subject = registry.last_mention_before(offset, gender, subject=True)
    if subject is not None:
        candidates.append(subject)
    if not candidates:
        mention = registry.last_mention_before(offset, gender)
        candidates = [mention] if mention is not None else []
    if not candidates:
        return None
    name = max(candidates)[1]
    # what "he" stood for is no "she" later on ("Tom Baker ... he said ... she said")
    registry.genders.setdefault(name, gender)
    return name


def assign_quote_speakers(
    text: str,
    toks: Sequence[Token],
    quotes: Sequence[FoundQuote],
    frames: Sequence[Frame],
) -> list[tuple[SourceRef | None, Span | None, str | None]]:
    """For each quote: (source, cue, rule) from the nearest frame, or from its neighbours."""
    out: list[tuple[SourceRef | None, Span | None, str | None]] = [(None, None, None)] * len(quotes)
    # quotes inside the author's own "I replied, …" or "I think his “plan” …" are the author's
    # words or scare quotes: no neighbour lends them a speaker
    author_spans = [f.content for f in frames if f.ref is not None and f.ref.kind == "author" and f.content is not None]
    in_author = [any(s <= q.start and q.end <= e for s, e in author_spans) for q in quotes]
    # frames by content start; a quote can only overlap contents that start within the longest
    # content's length before it (keeps this linear in long articles)
    usable = sorted(
        (f for f in frames if f.content is not None and f.ref is not None and f.ref.kind != "author"),
        key=lambda f: f.content[0],  # type: ignore[index]
    )
    starts = [f.content[0] for f in usable]  # type: ignore[index]
    longest = max((f.content[1] - f.content[0] for f in usable), default=0)  # type: ignore[index]
    for qi, q in enumerate(quotes):
        best: tuple[int, Frame] | None = None
        for f in usable[bisect_left(starts, q.start - longest) : bisect_left(starts, q.end)]:
            s, e = f.content  # type: ignore[misc]
            if q.start < e and s < q.end:
                # the outermost statement wins: in "Netanyahu said Israelis might not know ...
                # “in record time”", the quoted words are Netanyahu's; then the nearest frame
                fs = frame_start(toks, f)
                dist = min(abs(fs - q.end), abs(frame_end(toks, f) - q.start)) - 10 * (e - s)
                if best is None or dist < best[0]:
                    best = (dist, f)
        if best is not None and best[1].ref is not None:
            f = best[1]
            cue = Span(toks[f.cue_a].start, toks[f.cue_b].end, text[toks[f.cue_a].start : toks[f.cue_b].end])
            out[qi] = (f.ref, cue, "frame" if f.direct else "within_attribution")
    # a transcript turn inside quote marks: "WALLACE: If I may, sir, ..."
    for qi, q in enumerate(quotes):
        if out[qi][0] is None:
            m = _TURN.match(text, q.start, q.end)
            if m:
                s, e = m.span(1)
                name = text[s:e]
                out[qi] = (SourceRef(s, e, name, name.title(), "person", None), Span(e, e + 1, text[e : e + 1]), "transcript")
    # neighbours: the previous quote of the paragraph, then the next one, then the last
    # speaker of the previous paragraph for a paragraph that opens with a quote
    by_para: dict[int, list[int]] = {}
    for qi, q in enumerate(quotes):
        by_para.setdefault(q.paragraph, []).append(qi)
    for qi, q in enumerate(quotes):
        if out[qi][0] is not None or _is_title(text, q) or in_author[qi]:
            continue
        same = by_para[q.paragraph]
        pos = same.index(qi)
        prev_same = next((out[k] for k in reversed(same[:pos]) if out[k][0] is not None), None)
        if prev_same is not None:
            out[qi] = (prev_same[0], prev_same[1], "previous_quote")
            continue
        next_same = next((out[k] for k in same[pos + 1 :] if out[k][0] is not None), None)
        if next_same is not None:
            out[qi] = (next_same[0], next_same[1], "next_quote")
            continue
        if q.open_mark == _para_start_of(text, q.open_mark):
            prev_para = next((out[k] for k in reversed(by_para.get(q.paragraph - 1, [])) if out[k][0] is not None), None)
            if prev_para is not None:
                out[qi] = (prev_para[0], None, "previous_paragraph")
    return out


_TURN = re.compile(r"\s*([A-Z][A-Z.'’ -]{1,30}[A-Z])(?=:\s)")
_TITLE_BEFORE = re.compile(r"(?:\b(?:on|in|at|of|from|to|titled|entitled|called|named|dubbed)|['’]s)\s*$", re.IGNORECASE)


def _is_title(text: str, q: FoundQuote) -> bool:
    """A short quote after a preposition or a possessive names a show, a book or a slogan
    ("in an interview on “Meet the Press,”", "the director’s “Ninth”"): it takes no neighbour's
    speaker."""
    inner = text[q.start : q.end].rstrip(",.")
    if len(inner.split()) > 6 or any(ch in inner for ch in ".!?"):
        return False
    return _TITLE_BEFORE.search(text, max(0, q.open_mark - 20), q.open_mark) is not None


def _para_start_of(text: str, pos: int) -> int:
    k = text.rfind("\n", 0, pos) + 1
    while k < pos and text[k] in " \t":
        k += 1
    return k


def make_attributions(text: str, toks: Sequence[Token], frames: Sequence[Frame]) -> list[Attribution]:
    """Indirect frames with a named source become attributed statements."""
    out: list[Attribution] = []
    # the author's own statements ("I think ...") hold no one else's: they nest nothing
    contents = sorted(f.content for f in frames if f.content is not None and f.ref is not None and f.ref.kind != "author")
    starts = [a for a, _ in contents]
    longest = max((b - a for a, b in contents), default=0)
    for f in frames:
        if f.direct or f.content is None or f.ref is None:
            continue
        cs, ce = toks[f.cue_a].start, toks[f.cue_b].end
        s, e = f.content
        # reported inside another statement ("Netanyahu said Israelis might not know ...")
        window = contents[bisect_left(starts, cs - longest) : bisect_right(starts, cs)]
        nested = any(a <= cs and ce <= b and (a, b) != (s, e) for a, b in window if b >= ce)
        out.append(
            Attribution(
                cue=Span(cs, ce, text[cs:ce]),
                source=f.ref,
                content=Span(s, e, text[s:e]),
                rule=f.pattern,
                loaded=f.cue.cls == "loaded",
                nested=nested,
            )
        )
    return out
