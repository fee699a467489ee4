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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from framing.model import Attribution, SourceRef, Span
from framing.nlp.segment import Token
from framing.voice.attribution import Frame, frame_end, frame_start
from framing.voice.documents import Documents, document_owner, note_documents
from framing.voice.frames.frame import _start_of
from framing.voice.naming import Named, classify
from framing.voice.phrases import np_ending_at
from framing.voice.quotes import FoundQuote
from framing.voice.registry import OFFICES, PRONOUN_GENDER, ROLE_SYNONYMS, Registry
from framing.voice.wordclasses import (
    POSSESSIVE_ENDINGS,
    POSSESSIVE_PRONOUNS,
    RELATIVES,
    modifiers_start,
    under,
)


def resolve_sources(
    text: str,
    toks: Sequence[Token],
    frames: list[Frame],
    registry: Registry,
    in_quote: Sequence[bool],
) -> None:
    """Name every frame's source, resolving pronouns, surnames, roles and documents in document
    order."""
    state = _Recent()
    documents = Documents()
    noted: set[tuple[int, int]] = set()
    by_sentence: dict[int, list[Frame]] = {}
    for f in frames:
        by_sentence.setdefault(f.lo, []).append(f)
    for f in frames:
        if f.src is None:
            continue
        span = f.src
        named = classify(toks[span[0] : span[1] + 1], text, registry)
        if named.name in RELATIVES and named.kind == "pronoun":
            span, named = _antecedent_phrase(text, toks, f, span, named, registry, in_quote)

        def name_at(j: int, f: Frame = f) -> tuple[str, str] | None:
            return _name_at(text, toks, j, f.lo, in_quote, registry, state)

        # "the Texas governor", not "the inspector general" (a compound naming another office)
        definite = toks[span[0]].lower == "the" and not any(
            t.pos == "NOUN" and t.dep == "compound" and t.text.islower() and toks[t.i - 1].text != "-"
            for t in toks[span[0] + 1 : span[1]]
        )
        # "according to one senator who spoke on the condition of anonymity", "a senior aide": no one we know
        # (but "Jeff Sessions, a former senator, who has told": a role in apposition to a name is the name's)
        apposed = toks[span[1]].dep == "appos" and f.lo <= toks[span[1]].head < span[0] and toks[toks[span[1]].head].ent == "PERSON"
        indefinite = (toks[span[0]].tag == "CD" or toks[span[0]].lower in ("a", "an", "another", "some", "any")) and not apposed
        if named.kind == "role" and indefinite:
            named = Named(named.name, "anonymous")
        name, kind, resolved_from = _resolve(named, toks[f.src[0]].start, registry, state, definite=definite)
        person = _apposed_person(toks, f, span, named, apposed, name_at)
        if person is not None:
            name, kind, resolved_from = person
        # "In a Twitter post, Mr. Trump referred to ...": the post is Trump's, not Twitter's
        opened_by_in = f.pattern == "according_to" and toks[f.cue_a].lower == "in"
        if kind in ("anonymous", "unresolved") or (opened_by_in and kind != "person"):
            owner = document_owner(toks, span, f.lo, f.hi, name_at, documents)
            if owner is not None:
                (name, kind), resolved_from = owner, "document"
        if not _nested(f, by_sentence[f.lo], toks):
            # one speaker reported by another ("Trump said he appreciates Mueller releasing a
            # statement") is no antecedent for the next "he"
            state.saw(toks[f.src[0]].start, name, kind)
        if (f.lo, f.hi) not in noted:
            noted.add((f.lo, f.hi))
            note_documents(toks, f.lo, f.hi, in_quote, name_at, documents)
        a, b = f.src
        span_start, span_end = toks[a].start, toks[b].end
        f.ref = SourceRef(span_start, span_end, text[span_start:span_end], name, kind, resolved_from)  # type: ignore[arg-type]


def _antecedent_phrase(
    text: str, toks: Sequence[Token], f: Frame, span: tuple[int, int], named: Named, registry: Registry,
    in_quote: Sequence[bool],
) -> tuple[tuple[int, int], Named]:
    """"an architect who said": the phrase a relative pronoun stands for, and its name; the
    parse's antecedent when the phrase before is a place in commas ("Sheriff Adam Hayward of
    Deuel County, Neb., who said" is Hayward). The pronoun itself when there is none."""
    k = span[0] - 1
    while k >= f.lo and toks[k].text in (",", "—", "–", "(", "--"):
        k -= 1
    clause = toks[max(toks[span[0]].head, span[0])]  # (no parse: the token itself)
    if k >= f.lo and toks[k].is_place and clause.dep == "relcl" and f.lo <= clause.head < k:
        head = clause.head
        a = modifiers_start(toks, head, f.lo, _PLACE_NOUN_MODIFIERS)
        return (a, head), classify(toks[a : head + 1], text, registry)
    if k >= f.lo and not in_quote[k]:
        span = np_ending_at(toks, k, f.lo, in_quote)
        return span, classify(toks[span[0] : span[1] + 1], text, registry)
    return span, named


def _apposed_person(
    toks: Sequence[Token], f: Frame, span: tuple[int, int], named: Named, apposed: bool,
    name_at: Callable[[int], tuple[str, str] | None],
) -> tuple[str, str, str] | None:
    """(name, kind, resolved_from) of the person a name in apposition makes of the source phrase,
    or None:
    - the name after the phrase speaks: "Another leading Dem, Sen. Kristen Gillibrand of New York,
      who …, said"; also "the mayor of Hoboken, Dawn Zimmer, said", where the parse hangs the name
      on the place; never an owner, "Bob Haueter, Farenthold’s chief of staff";
    - a role renaming the name before it is that name: "Jeff Sessions, a former senator, who has told"."""
    if named.kind != "pronoun":
        renamed = next((k for k in range(span[1] + 2, min(f.hi, span[1] + 8) + 1)
                        if toks[k].dep == "appos" and toks[k].ent == "PERSON" and _after_comma(toks, k)
                        and under(toks, k, span[1])
                        and not (k + 1 < len(toks) and toks[k + 1].text in POSSESSIVE_ENDINGS)), None)
        person = name_at(renamed) if renamed is not None else None
        if person is not None and person[1] == "person":
            return person[0], "person", "alias"
    if named.kind == "role" and apposed:
        person = name_at(toks[span[1]].head)
        if person is not None and person[1] == "person":
            return person[0], "person", "role"
    return None


def _nested(f: Frame, sentence_frames: Sequence[Frame], toks: Sequence[Token]) -> bool:
    """Is the frame's cue inside what another frame of its sentence reports?"""
    cue = toks[f.cue_a].start
    return any(
        g is not f and g.content is not None and g.content[0] <= cue < g.content[1]
        for g in sentence_frames
    )


@dataclass
class _Recent:
    """Who spoke last, as resolution goes through the article in order."""

    person: tuple[int, str] | None = None  # (offset, name) of the last person who spoke
    any: tuple[str, str] | None = None  # (name, kind) of the last person, group or institution
    institution: str | None = None

    def saw(self, offset: int, name: str, kind: str) -> None:
        if kind == "person":
            self.person = (offset, name)
        if kind in ("person", "institution", "anonymous"):
            self.any = (name, kind)
        if kind == "institution":
            self.institution = name


def _after_comma(toks: Sequence[Token], k: int) -> bool:
    """Does the name headed by ``toks[k]`` follow a comma ("…, Sen. Kristen Gillibrand")?"""
    j = k
    while j - 1 >= 0 and toks[j - 1].dep == "compound" and toks[j - 1].head == k:
        j -= 1
    return j - 1 >= 0 and toks[j - 1].text == ","


def _resolve(
    named: Named, offset: int, registry: Registry, recent: _Recent, *, definite: bool = False
) -> tuple[str, str, str | None]:
    """(name, kind, resolved_from) of a classified source phrase: a pronoun goes to its
    antecedent, a role to the person who holds it (``definite``: "the Texas governor" may also
    stand for the person who just spoke)."""
    name, kind, resolved_from = named.name, named.kind, named.resolved_from
    if kind == "pronoun":
        person = _antecedent(name, offset, registry, recent.person)
        if person is not None:
            return person, "person", "pronoun"
        if name == "they" and recent.any and recent.any[1] in ("anonymous", "institution"):
            return recent.any[0], recent.any[1], "pronoun"  # "they": a group or an institution, never a person
        if name == "it" and recent.institution:
            return recent.institution, "institution", "pronoun"
        return name, "unresolved", resolved_from
    if kind == "role":
        owner = registry.full(named.owner.split()[-1]) if named.owner else ""
        person = _role_holder(set(named.roles), registry, recent.person, owner)
        if person is None and definite:
            person = _office_anaphor(named.roles, offset, registry, recent.person)
        # "the mayor said": a person the article does not name; keep the role as the name
        return (person or name), "person", "role"
    return name, kind, resolved_from


def _name_at(
    text: str,
    toks: Sequence[Token],
    j: int,
    lo: int,
    in_quote: Sequence[bool],
    registry: Registry,
    recent: _Recent,
) -> tuple[str, str] | None:
    """The person or institution the phrase headed by ``toks[j]`` names (a pronoun resolved),
    or None: who owns a document."""
    tok = toks[j]
    if in_quote[j]:
        return None
    if tok.lower in POSSESSIVE_PRONOUNS:
        named = Named(POSSESSIVE_PRONOUNS[tok.lower], "pronoun")
    else:
        span = np_ending_at(toks, j, lo, in_quote)
        named = classify(toks[span[0] : span[1] + 1], text, registry)
    name, kind, _ = _resolve(named, tok.start, registry, recent)
    if kind == "person" and named.kind == "role" and name == named.name:
        return None  # an unnamed role holder owns nothing we can name
    return (name, kind) if kind in ("person", "institution") else None


def _role_holder(
    roles: set[str], registry: Registry, last_person: tuple[int, str] | None, owner: str = ""
) -> str | None:
    """The person a role phrase ("the president", "the congressman") stands for: the last
    person who spoke if they hold it, else the person introduced with it, the most often named
    when several hold it ("the president" in an article on Trump that also names President
    Putin). Never the role's ``owner`` ("Christie" for "Mr. Christie's lieutenant governor")."""
    candidates = [n for n in registry.by_role(roles) if n != owner]
    if last_person is not None and last_person[1] in candidates:
        return last_person[1]
    if not candidates:
        return None
    counts = registry.mention_counts()
    return max(candidates, key=lambda n: counts.get(n, 0))


def _office_anaphor(
    roles: frozenset[str], offset: int, registry: Registry, last_person: tuple[int, str] | None
) -> str | None:
    """"the Texas governor" where the article names no governor: news writing refers back to the
    person just quoted by their office. The last person who spoke, when they spoke within the
    last few paragraphs and the article gives them no other office; None otherwise."""
    offices = roles & OFFICES
    if not offices or last_person is None or offset - last_person[0] > _ANAPHOR_REACH:
        return None
    wanted = set(offices).union(*(ROLE_SYNONYMS.get(r, set()) for r in offices))
    held = registry.full_names.get(registry.full(last_person[1]), set()) & OFFICES
    if held and not held & wanted:
        return None  # "President Obama said ..." then "the governor said": someone else
    return last_person[1]


_ANAPHOR_REACH = 1500  # characters: about three paragraphs of news


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
        if _names_a_work(text, q):
            continue  # "Trump said on NBC's “Meet the Press” that …": a show is no one's words
        best: tuple[tuple[bool, int], Frame] | None = None
        inside = _tokens_inside(toks, q.start, q.end)
        for f in usable[bisect_left(starts, q.start - longest) : bisect_left(starts, q.end)]:
            s, e = f.content  # type: ignore[misc]
            if q.start < e and s < q.end:
                # the outermost statement wins: in "Netanyahu said Israelis might not know ...
                # “in record time”", the quoted words are Netanyahu's; then the nearest frame;
                # but a quote that is the cue's own object is its source's words ("Pelosi said
                # Trump called the wall “a beautiful thing”", "what aides called “orphan districts”")
                fs = frame_start(toks, f)
                dist = min(abs(fs - q.end), abs(frame_end(toks, f) - q.start)) - 10 * (e - s)
                names_with = any(f.cue_a <= toks[k].head <= f.cue_b and toks[k].dep == "oprd" for k in inside)
                rank = (not names_with, dist)
                if best is None or rank < best[0]:
                    best = (rank, f)
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
    _from_neighbours(text, quotes, _statements(toks, frames), in_author, out)
    return out


def _from_neighbours(
    text: str, quotes: Sequence[FoundQuote], stated: tuple[list[int], list[SourceRef]], in_author: Sequence[bool],
    out: list[tuple[SourceRef | None, Span | None, str | None]],
) -> None:
    """Speakers for the quotes still without one, from their neighbours: the previous quote of the
    paragraph, then the next one, then, for a paragraph that opens with a quote, the last speaker
    of the paragraph before, or the source of a statement ending it (``_statements``)."""
    by_para: dict[int, list[int]] = {}
    for qi, q in enumerate(quotes):
        by_para.setdefault(q.paragraph, []).append(qi)
    for qi, q in enumerate(quotes):
        if out[qi][0] is not None or _is_title(text, q) or in_author[qi]:
            continue
        same = by_para[q.paragraph]
        # a neighbour that names a show or a book ("on NBC's “Today”") lends no speaker
        spoken = [k for k in same if out[k][0] is not None and not _names_a_work(text, quotes[k])]
        prev_same = next((out[k] for k in reversed(spoken) if k < qi), None)
        if prev_same is not None:
            out[qi] = (prev_same[0], prev_same[1], "previous_quote")
            continue
        next_same = next((out[k] for k in spoken if k > qi), None)
        if next_same is not None:
            out[qi] = (next_same[0], next_same[1], "next_quote")
            continue
        if q.open_mark == _para_start_of(text, q.open_mark):
            prev_para = next(
                (out[k] for k in reversed(by_para.get(q.paragraph - 1, [])) if out[k][0] is not None and not _names_a_work(text, quotes[k])),
                None,
            )
            if prev_para is not None:
                out[qi] = (prev_para[0], None, "previous_paragraph")
            elif not by_para.get(q.paragraph - 1):
                # "Rubio also said that the embargo should stay." ¶ "“We cannot reward …”"
                ref = _statement_ending_paragraph(text, stated, q.open_mark)
                if ref is not None:
                    out[qi] = (ref, None, "previous_paragraph")


def _statements(toks: Sequence[Token], frames: Sequence[Frame]) -> tuple[list[int], list[SourceRef]]:
    """Where each statement of a person or an institution starts (its cue), in order, with its source."""
    found = sorted(
        (toks[f.cue_a].start, f.ref) for f in frames
        if f.ref is not None and f.ref.kind in ("person", "institution") and f.content is not None
    )
    return [at for at, _ in found], [ref for _, ref in found]


def _statement_ending_paragraph(text: str, stated: tuple[list[int], list[SourceRef]], para_start: int) -> SourceRef | None:
    """The source of the last statement (``_statements``) in the last sentence of the paragraph
    before ``para_start``, or None."""
    end = para_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end <= 0 or text[end - 1] not in ".!?”\"":
        return None
    prev_start = text.rfind("\n", 0, end) + 1
    last_sentence = max([prev_start, *(text.rfind(c, prev_start, end - 2) + 1 for c in ".!?")])
    starts, refs = stated
    k = bisect_left(starts, end) - 1
    return refs[k] if k >= 0 and starts[k] >= last_sentence else None


def _tokens_inside(toks: Sequence[Token], start: int, end: int) -> range:
    """The indices of the tokens between ``start`` and ``end`` (toks are in text order)."""
    return range(bisect_left(toks, start, key=_start_of), bisect_left(toks, end, key=_start_of))


_TURN = re.compile(r"\s*([A-Z][A-Z.'’ -]{1,30}[A-Z])(?=:\s)")
# relations by which a word before a noun belongs to its phrase ("the mayor of Hoboken")
_PLACE_NOUN_MODIFIERS = frozenset({"compound", "amod", "det", "poss"})

# a preposition, a naming verb or an owner's possessive ("NBC's", not "he's")
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:on|in|at|of|from|to|told|tells|titled|entitled|called|named|dubbed)|(?-i:[A-Z][\w.&-]*)['’]s)\s*$",
    re.IGNORECASE,
)


def _is_title(text: str, q: FoundQuote) -> bool:
    """A short quote after a preposition or a possessive names a show, a book or a slogan
    ("in an interview on “Meet the Press,”", "the director’s “Ninth”"): it takes no neighbour's
    speaker."""
    inner = text[q.start : q.end].rstrip(",.")
    if len(inner.split()) > 6 or any(ch in inner for ch in ".!?"):
        return False
    return _TITLE_BEFORE.search(text, max(0, q.open_mark - 20), q.open_mark) is not None


def _names_a_work(text: str, q: FoundQuote) -> bool:
    """A title quote in title case ("on NBC's “Today” show", "the movie “The American
    President”"): the name of a work, no one's words."""
    words = [w for w in text[q.start : q.end].rstrip(",.").split() if len(w) > 3]
    return _is_title(text, q) and bool(words) and all(w[0].isupper() for w in words)


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
