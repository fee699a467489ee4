"""``passive`` frames: CONTENT was endorsed by X (the agent is the source), X was accused of
CONTENT (the source is unnamed)."""

from __future__ import annotations

from collections.abc import Sequence

from framing.model import SourceRef
from framing.nlp.segment import Token
from framing.voice.frames.boundary import clause_right_edge
from framing.voice.frames.frame import _TERMINAL, Frame, SentenceView, _strip_range
from framing.voice.lexicon import Cue, verb
from framing.voice.sources import left_np
from framing.voice.wordclasses import PRONOUNS, RELATIVES, modifies_verb

# The auxiliaries of a passive. The parse's ``auxpass`` finds more passives ("you're simply
# expected to accept", "voters are worried about"), which the agentless patterns then read as
# reports by an unnamed source; until the verb table says which agentless passives take a person
# as subject, the words decide (CheckThat dev fell 0.004 with the parse, on three sentences).
PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "be", "being", "get", "gets", "got"})


def _passive_aux(toks: Sequence[Token], a: int, lo: int, cue: Cue) -> int | None:
    """The auxiliary of a passive cue ("was told", "It was first declared by ..."), or None."""
    k = a - 1
    while k > lo and toks[k].text.islower() and (modifies_verb(toks[k], toks) and toks[k].lower not in PASSIVE_AUX or toks[k].lower.endswith("ly")):
        k -= 1
    if (
        k >= lo
        and toks[k].lower in PASSIVE_AUX
        and not toks[a].lower.endswith("ing")
        and cue.lemma not in ("according to", "as per")
    ):
        return k
    return None


def _passive_frame(view: SentenceView, a: int, b: int, aux: int, cue: Cue) -> Frame | None:
    """"Clinton has been endorsed by dozens of papers", "His views were echoed by tax experts":
    the agent after "by" is the source, the subject is what was said or judged. Without an
    agent ("the treasurer was accused of using ...", "it is expected to pass"), the source is unnamed."""
    text, toks, lo, hi, in_quote = view.text, view.toks, view.lo, view.hi, view.in_quote
    if b + 2 <= hi and toks[b + 1].lower != "by":
        return _agentless_passive(view, a, b, cue)
    if b + 2 > hi or toks[b + 1].lower != "by" or not verb(cue.lemma).by_passive:
        return None
    src = _agent_phrase(view, b + 2)
    subject = left_np(toks, aux, lo, in_quote, text)
    if src is None or subject is None or toks[subject[0]].lower in PRONOUNS | RELATIVES | {"it"}:
        return None
    f = Frame(a, b, cue, src, "passive")
    f.content = (toks[subject[0]].start, toks[subject[1]].end)
    return f


def _agentless_passive(view: SentenceView, a: int, b: int, cue: Cue) -> Frame | None:
    """"The treasurer was accused of using ...": a passive without an agent reports an unnamed
    source's words when the word after it is one the verb table's column ``agentless`` lists."""
    text, toks, hi, in_quote = view.text, view.toks, view.hi, view.in_quote
    takes = verb(cue.lemma).agentless  # what may follow: "accused of", "expected to"
    if not takes or in_quote[b + 1] or toks[b + 1].lower not in takes:
        return None
    k = b + 1 + (toks[b + 1].lower in ("of", "for", "as"))  # "accused of using ...": what was said
    if k > hi:
        return None
    s, e = _strip_range(text, toks[k].start, toks[hi].end)
    while e > s and text[e - 1] in _TERMINAL:
        e -= 1
    if e <= s:
        return None
    f = Frame(a, b, cue, None, "passive")
    f.content = (s, e)
    start = toks[a].start
    f.ref = SourceRef(start, start, "", "unnamed", "anonymous", "passive")
    return f


_AGENT_ENDS = frozenset({"who", "which", "that", "to", "after", "before", "when", "while", "because", "for", "in", "on", "at", "since", "and", "but"})


def _agent_phrase(view: SentenceView, k: int) -> tuple[int, int] | None:
    """The phrase after a passive's "by": "dozens of papers", "far fewer publications"."""
    toks, hi, in_quote = view.toks, view.hi, view.in_quote
    if k > hi or in_quote[k] or not toks[k].text.isalnum():
        return None
    end = k
    while end + 1 <= hi and end - k < 12 and not in_quote[end + 1] and toks[end + 1].text.replace("-", "").replace("’", "").isalnum() \
            and toks[end + 1].lower not in _AGENT_ENDS:
        end += 1
    # the parse's object of "by" ends the phrase: "by their progressive base even as …"
    obj = next((j for j in range(k, end + 1) if toks[j].dep == "pobj" and toks[j].head == k - 1), None)
    if obj is not None:
        end = min(end, clause_right_edge(toks, obj, view.lo, hi))
    return (k, end)
