"""Where a reported statement ends, read from the parse.

A reporting verb inside a relative clause, a noun modifier or a subordinate clause, and a
reporting noun ("warnings that ..."), report only what their clause or phrase says: in "The
plan, which critics said was rushed, passed on Tuesday", critics said "was rushed", and "passed
on Tuesday" is the author's again; in "The recovery he promised has turned into a cascade of
downgrades", he promised the recovery, and what it turned into is the author's account. The clause is the cue verb's subtree in the dependency parse, so content
that follows the cue ends where that subtree ends, and a cue whose clause holds nothing after it
reports nothing there.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from framing.nlp.segment import Token
from framing.voice.frames.frame import (
    _CLOSE_MARKS,
    Frame,
    SentenceView,
    _only_quotes,
    _start_of,
    _trim_terminal,
)

# Relations of a clause that hangs off a noun or another clause: relative clauses and noun
# modifiers ("the recovery he promised"), adverbial clauses ("Because the mayor warned ...").
SUBORDINATE = frozenset({"relcl", "acl", "advcl"})


def clause_right_edge(toks: Sequence[Token], head: int, lo: int, hi: int) -> int:
    """The last token of the subtree of ``toks[head]`` within the sentence ``lo`` .. ``hi``."""
    edge = head
    for j in range(head + 1, hi + 1):
        k, steps = j, 0
        while lo <= k <= hi and k != head and toks[k].head != k and steps < 64:
            k, steps = toks[k].head, steps + 1
        if k == head:
            edge = j
    return edge


def clip_to_clause(view: SentenceView, frames: list[Frame]) -> list[Frame]:
    """End the content of each frame whose cue heads a subordinate clause where that clause ends;
    drop a frame whose clause has nothing left to report, a cue noun whose "source" only
    modifies it ("the Benghazi attack"), and a participle naming a thing ("the emails found on
    ..."). Content before the cue and frames of a main clause are left as they are."""
    return [f for f in (_within_clause(view, f) for f in frames) if f is not None]


def _within_clause(view: SentenceView, f: Frame) -> Frame | None:
    """The frame as its clause bounds it, or None when it reports nothing (see clip_to_clause)."""
    toks, text = view.toks, view.text
    cue = toks[f.cue_a]
    if f.pattern in ("source_cue", "cue_source") and f.src is not None and toks[f.src[1]].head == f.cue_a \
            and toks[f.src[1]].dep in ("compound", "poss", "amod", "nmod") \
            and f.cue_b < view.hi and toks[f.cue_b + 1].text.isalpha():
        # "the 2012 Benghazi attack are shared": the "source" modifies the cue, a noun here
        # (not "…, a new poll shows.", a cue that ends the sentence, however it is tagged);
        # with a that-clause it reports as a noun does ("a New York Times report that …")
        if toks[f.cue_b + 1].lower != "that":
            return None
        f.pattern = "nominal"
    if cue.dep == "acl" and cue.tag == "VBN" and cue.head == f.cue_a - 1 \
            and f.pattern in ("source_cue", "participle") and not _has_clause(toks, f.cue_a, view):
        return None  # "the emails found on his laptop": a participle naming a thing, no report
    if cue.dep == "relcl" and f.content is not None and f.src is not None and not f.direct \
            and f.content[1] <= toks[f.src[0]].start:
        # "The bill, which Saudi Arabia has opposed, ...": what was opposed is the relative
        # pronoun standing for the bill (annotated news marks "which"); the antecedent is the author's
        rel = _relative_before(toks, f.src[0], view.lo)
        if rel is None:
            return None
        f.content = (toks[rel].start, toks[rel].end)
        return f
    clause_cue = (cue.dep in SUBORDINATE or _in_opening_phrase(toks, f.cue_a, view.lo, view.hi)) \
        and f.pattern in ("source_cue", "coordinated", "stance")
    # a reporting noun reports what its own phrase holds ("warnings ... that X, lawmakers voted")
    if f.content is None or f.content[0] < cue.end or not (clause_cue or f.pattern == "nominal"):
        return f
    if _as_clause(toks, f.cue_a, view.lo):
        return f  # "As Ms. Simonyan put it, CONTENT": the clause frames what follows
    last = clause_right_edge(toks, f.cue_a, view.lo, view.hi)
    if toks[last].end >= f.content[1] or not _main_clause_resumes(toks, f.cue_a, last, view.hi):
        return f
    end = toks[last + 1].end if last + 1 <= view.hi and toks[last].text == "," and toks[last + 1].text in _CLOSE_MARKS else toks[last].end
    s, e = _trim_terminal(text, f.content[0], end)
    if e <= s:
        return None  # "the recovery he promised has turned ...": the clause ends at the cue
    f.content = (s, e)
    f.direct = _only_quotes(text, s, e, view.quote_mask)
    return f


def _in_opening_phrase(toks: Sequence[Token], cue: int, lo: int, hi: int) -> bool:
    """Is the cue's clause inside a phrase that opens the sentence before its main verb ("In
    laying out what his campaign calls the “Rubio Doctrine,” the presidential hopeful said …")?"""
    k, steps = cue, 0
    while lo <= toks[k].head <= hi and toks[k].head != k and steps < 8:
        up = toks[k].head
        if toks[up].head == up:  # k hangs on the sentence's root
            return toks[k].dep in ("prep", "advcl", "npadvmod") and k != cue and cue < up
        k, steps = up, steps + 1
    return False


def _main_clause_resumes(toks: Sequence[Token], cue: int, last: int, hi: int) -> bool:
    """Does the author's own clause plainly start after the cue's clause ends at ``last``: a
    comma or a dash, or the verb of the phrase the clause modifies ("The recovery he promised
    | has turned")? A parse that merely lost the thread ("he admitted under questioning | he
    had not ...") is not trusted to cut the statement."""
    if last + 1 > hi:
        return False
    nxt = toks[last + 1]
    if nxt.text in (",", ";", ":", "—", "–", "--", ")") or (toks[last].text == "," and nxt.text in _CLOSE_MARKS):
        return True  # (American style puts the comma inside the closing mark: "Doctrine,” the …")
    governor = toks[toks[cue].head].head
    return nxt.pos in ("AUX", "VERB") and (nxt.i == governor or nxt.head == governor)


def _as_clause(toks: Sequence[Token], cue: int, lo: int) -> bool:
    """Does "as" open the cue's clause ("As Smith put it, ...", "as officials warned")?"""
    return any(toks[j].head == cue and toks[j].dep == "mark" and toks[j].lower == "as" for j in range(lo, cue))


def _has_clause(toks: Sequence[Token], cue: int, view: SentenceView) -> bool:
    """Does the cue govern a clause or a quote ("a memo stated that ...")?"""
    return any(
        toks[j].head == cue and (toks[j].dep in ("ccomp", "xcomp") or view.in_quote[j])
        for j in range(view.lo, view.hi + 1)
    )


def with_prepositional_modifier(view: SentenceView, src: tuple[int, int]) -> tuple[int, int]:
    """A source phrase with the prepositional phrase the parse attaches to it ("a report in Fox
    News", "officials at the ministry"), up to a comma, a quote or eight words."""
    toks, hi = view.toks, view.hi
    k = src[1] + 1
    if k > hi or toks[k].pos != "ADP" or not src[0] <= toks[k].head <= src[1]:
        return src
    edge = clause_right_edge(toks, k, view.lo, hi)
    if edge - k > 8 or any(view.in_quote[m] or toks[m].text in (",", ";", ":") for m in range(k, edge + 1)):
        return src
    return (src[0], edge)


def _relative_before(toks: Sequence[Token], k: int, lo: int) -> int | None:
    """The relative pronoun just before the source of a relative clause ("which she plans")."""
    j = k - 1
    if j >= lo and toks[j].lower in ("which", "that", "whom", "what"):
        return j
    return None


def without_background_clause(view: SentenceView, s: int, e: int) -> tuple[int, int]:
    """What was said without the author's background on a person it names: a relative clause set
    off by a comma after a proper noun that runs to the end of the content ("Trump said he would
    meet Kim Jong Un, whose regime has tested dozens of missiles"; "told the FBI he had not
    spoken to Kislyak, who was then the Russian ambassador"). Annotated news leaves such a clause
    out of the statement. Inside quote marks it is the speaker's, and kept."""
    toks, lo, hi, in_quote = view.toks, view.lo, view.hi, view.in_quote
    for k in range(max(lo + 1, bisect_left(toks, s, lo, hi + 1, key=_start_of)), hi):
        t = toks[k]
        if t.end > e:
            break
        if in_quote[k] or t.lower not in ("who", "whose", "whom") or toks[k - 1].text != ",":
            continue
        verb = t.head if t.dep != "poss" else toks[t.head].head  # "whose regime has": the clause's verb
        antecedent = toks[verb].head if lo <= verb <= hi and toks[verb].dep == "relcl" else -1
        if not (lo <= antecedent < k - 1 and toks[antecedent].pos == "PROPN"):
            continue
        last = clause_right_edge(toks, verb, lo, hi)
        if toks[last].end >= _trim_terminal(view.text, s, e)[1] and not any(in_quote[m] for m in range(k, last + 1)):
            return _trim_terminal(view.text, s, toks[k - 1].start)
    return (s, e)
