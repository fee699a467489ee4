"""The content of each frame of a sentence (``_set_contents``): which side of the cue holds
what was said, where it ends (the next frame that starts a clause, the end of an aside or of a
relative clause, the author's own next clause), and whether it is direct (only quotes)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from framing.nlp.segment import Token
from framing.voice.frames.boundary import without_background_clause
from framing.voice.frames.clause import (
    _adverb_only,
    _after_determiner,
    _as_source,
    _aside_before_that,
    _bare_clause,
    _before_ends_with_comma,
    _governors,
    _joined_verb,
    _new_subject,
    _opening_as,
)
from framing.voice.frames.frame import (
    _CLOSE_MARKS,
    _OPEN_MARKS,
    _PARTICIPLE_PREPOSITIONS,
    _TERMINAL,
    Frame,
    SentenceView,
    _has_words,
    _next_comma,
    _only_quotes,
    _opens_sentence,
    _participle_phrase_start,
    _quote_at_end,
    _quote_just_before,
    _start_of,
    _strip_range,
    _time_only,
    _trim_terminal,
    frame_end,
    frame_start,
    introduces_next_paragraph,
    title_after,
)
from framing.voice.frames.words import (
    TRAILER_STARTS,
)
from framing.voice.lexicon import Cue, verb
from framing.voice.wordclasses import RELATIVES, finite_verb, relative_pronoun


def _far_that(toks: Sequence[Token], k: int, hi: int, b: int) -> bool:
    """Does the parse show the "that" of the cue's (``toks[b]``) own clause within 30 words of
    ``k`` ("said after his speech, in a question-and-answer session with TV host Charlie Rose,
    that …")?"""
    return any(
        toks[m].lower == "that" and toks[m].dep == "mark" and toks[toks[m].head].dep == "ccomp" and toks[toks[m].head].head == b
        for m in range(k, min(hi, k + 30) + 1)
    )


_COMPLEMENTISERS = frozenset({"that", "whether", "if", "how", "why", "what"})


def _content_after(view: SentenceView, b: int, cue: Cue, end_char: int) -> tuple[int, int] | None:
    """Content that follows a cue: skip a colon and an addressee ("told reporters"); keep
    "that" ("said that ..."), except before a quote ("said that “…”": the quote is the content)."""
    text, toks, hi, in_quote = view.text, view.toks, view.hi, view.in_quote
    k = b + 1
    if k > hi:
        return None
    # "reiterated to Netanyahu that ...", "told reporters that ...", "said in a statement that ..."
    that_at = None
    window = 0  # words before the "that", not counting a time and its commas ("on Oct. 28, 2016,")
    limit = 12
    m, title_end = k, -1
    while m <= hi:
        window += not (toks[m].is_time or toks[m].text == ",")
        if limit == 12 and window > limit and _far_that(toks, k, hi, b):
            limit = 30  # the parse shows the "that" of the cue's own clause further on
        title = title_after(view, m)  # "said on NBC's “Meet the Press” on Sunday that …"
        if title is not None and window <= limit:
            m = title_end = title + 1
            continue
        if window > limit or in_quote[m] or toks[m].start >= end_char:
            break  # the "that" of a later statement is not this one's
        # the parse, thrown by a title, may read the "that" after it as a relative pronoun
        if toks[m].lower == "that" and m > k and (m == title_end or not relative_pronoun(toks[m])):
            that_at = m  # the complementiser, not a relative pronoun ("legislation that includes")
            break
        if toks[m].text in (".", ";", ":") or toks[m].text[0] in _OPEN_MARKS:
            break
        m += 1
    if that_at is not None and (
        (toks[k].lower == "to" and toks[k].tag != "TO") or toks[k].lower in ("in", "on", "at", "from", "during", "after", "before", "reporters", "journalists", "me", "him", "her", "them", "us")
        or "addressee" in verb(cue.lemma).complements
        or _aside_before_that(toks, k, that_at)
    ):
        k = that_at
    elif "addressee" in verb(cue.lemma).complements and not in_quote[k] and toks[k].lower not in ("that",):
        # skip the addressee ("told reporters", "told The Post")
        m = k
        while m <= hi and not in_quote[m] and (toks[m].text[0].isupper() or toks[m].lower in ("reporters", "journalists", "me", "him", "her", "them", "us", "the", "a", "an") or toks[m].text in ("’s", "'s")):
            m += 1
        k = m
    while k <= hi and (toks[k].lower in (":", ",") or toks[k].lower in ("also", "again", "further")):
        k += 1
    # "said Tuesday, “…”", "said on Monday night, “…”": the time is the cue's, the quote is what was said
    m = k
    while m <= hi and not in_quote[m] and (toks[m].is_time or toks[m].lower in ("on", "at")):
        m += 1
    if k < m < hi and toks[m].text == "," and toks[m + 1].text[0] in _OPEN_MARKS:
        k = m + 1
    elif k < m <= hi and toks[m].lower == "that" and not relative_pronoun(toks[m]):
        k = m  # "said Tuesday that …": the time is the cue's too
    # the complementiser belongs to what was said ("said that ...", as annotated news marks it)
    if k > hi or (toks[k].lower == "that" and (k + 1 > hi or toks[k + 1].text[0] in _OPEN_MARKS)):
        k += 1  # "said that “…”": the quote is the content
    if k > hi or (toks[k].lower not in _COMPLEMENTISERS and toks[k].tag != "TO" and view.sent.end <= end_char
                  and introduces_next_paragraph(view)):
        return None  # "responded in a statement on Friday:" ¶ "“…”": what was said is the quote after
    start = toks[k].start
    s, e = _strip_range(text, start, end_char)
    while e > s and text[e - 1] in _TERMINAL:
        e -= 1
    return (s, e) if e > s else None


def _set_contents(view: SentenceView, frames: list[Frame]) -> None:
    """Give each frame of a sentence its content range and decide direct or indirect."""
    text, toks, lo = view.text, view.toks, view.lo
    next_clause = _next_clause_frames(toks, frames, lo)
    region_start: list[int] = []
    for n, f in enumerate(frames):
        f_start = frame_start(toks, f)
        prev_end = _region_start(view, frames, n, f_start, region_start)
        region_start.append(prev_end)
        next_start = _content_limit(view, f, next_clause[n])
        before = _strip_range(text, prev_end, f_start)
        f.content = _content_of(view, f, before, next_start)
        _finish_content(view, f)


def _next_clause_frames(toks: Sequence[Token], frames: list[Frame], lo: int) -> list[Frame | None]:
    """For each frame, the next later frame that starts a clause (one backward pass)."""
    next_clause: list[Frame | None] = [None] * len(frames)
    following: Frame | None = None
    for n in range(len(frames) - 1, -1, -1):
        next_clause[n] = following
        if _starts_clause(toks, frames[n], lo):
            following = frames[n]
    return next_clause


def _region_start(view: SentenceView, frames: list[Frame], n: int, f_start: int, region_start: list[int]) -> int:
    """Where the text before frame ``n`` starts: the sentence's start, the end of the frame
    before, or where that frame's own region started when its content runs up to this frame."""
    text, toks, sent = view.text, view.toks, view.sent
    if n == 0:
        return sent.start
    prev = frames[n - 1]
    if toks[prev.cue_a].dep in ("relcl", "acl") and toks[prev.cue_a].start < f_start:
        # "Strzok, the agent who disparaged Trump in texts, has been fired, his lawyer said": a
        # relative clause inside what this frame reports does not cut it short
        return region_start[n - 1]
    prev_end = frame_end(toks, prev)
    if _opens_sentence(toks, prev) and prev.content is not None:
        prev_end = prev.content[1]  # "After promising X, the governor raised them, critics said"
    if prev.content is not None and prev.content[1] <= f_start and not text[prev.content[1] : f_start].strip(" ,;:”’\"'\n"):
        # "Voters are worried about prices, a new poll shows": the earlier statement runs up to
        # this frame, so it is part of what this frame reports, which starts where it started
        prev_end = region_start[n - 1]
    return prev_end


def _content_limit(view: SentenceView, f: Frame, nxt: Frame | None) -> int:
    """Where the frame's content can end at the latest.

    Content runs to the next frame that starts a new clause (``nxt``: "..., adding that", "and
    said"); a frame inside the content ("He added that he had expressed ...") is nested reported
    speech and does not cut it."""
    toks, sent, hi = view.toks, view.sent, view.hi
    if f.pattern == "according_to" and f.src is not None and toks[f.cue_a].start == sent.start:
        nxt = None  # "According to X, CONTENT": everything after the phrase is the content
    next_start = frame_start(toks, nxt) if nxt is not None else sent.end
    if nxt is not None and next_start <= toks[f.cue_b].end:  # it shares this frame's source
        next_start = toks[nxt.cue_a].start
    if f.parenthetical:
        closer = next((t.start for t in toks[f.cue_b + 1 : hi + 1] if t.text in ("—", "–", "--", ")")), None)
        if closer is not None:
            next_start = min(next_start, closer)
    return next_start


def _content_of(view: SentenceView, f: Frame, before: tuple[int, int], next_start: int) -> tuple[int, int] | None:
    """The content of a frame, by its pattern: ``before`` is the text between the frame before
    (or the sentence's start) and this one; ``next_start`` is where the content must end."""
    if f.pattern == "according_to":
        return _according_to_content(view, f, before, next_start)
    if f.pattern == "passive":
        return f.content  # the subject, set with the frame
    if f.pattern == "cue_source":
        return _cue_source_content(view, f, before, next_start)
    if f.pattern in ("participle", "coordinated", "nominal", "stance"):
        return _following_content(view, f, next_start)
    if f.src is None:  # a source_cue frame always has its source
        return f.content
    return _source_cue_content(view, f, f.src, before, next_start)


def _according_to_content(view: SentenceView, f: Frame, before: tuple[int, int], next_start: int) -> tuple[int, int] | None:
    """``according_to``: what comes before the phrase ("CONTENT, according to X"), unless that
    is an opening phrase and what follows is the content ("As it stands, according to X, ...")."""
    text = view.text
    after_src = _content_after(view, f.src[1], f.cue, next_start) if f.src else None
    if before[1] - before[0] > 0 and _has_words(text, *before) and not (
        after_src is not None and _has_words(text, *after_src) and _introductory(view, before)
    ):
        return _trim_terminal(text, *before)
    return _content_after(view, f.src[1] if f.src else f.cue_b, f.cue, next_start)


def _cue_source_content(view: SentenceView, f: Frame, before: tuple[int, int], next_start: int) -> tuple[int, int] | None:
    """``cue_source``: what comes before the cue ("…,” said Blinken"), or after the speaker and
    a colon."""
    text, toks, hi = view.text, view.toks, view.hi
    if _has_words(text, *before):
        return _trim_terminal(text, *before)
    if f.src is not None and f.src[1] + 1 <= hi and toks[f.src[1] + 1].text == ":":
        # "Said Ellis: “I don’t get the sense ...”": what was said follows the speaker
        return _content_after(view, f.src[1], f.cue, next_start)
    return None


def _following_content(view: SentenceView, f: Frame, next_start: int) -> tuple[int, int] | None:
    """``participle``, ``coordinated``, ``nominal``, ``stance``: what follows the cue, up to the
    main clause when the frame sits in an aside, an opening phrase or the sentence's subject."""
    text, toks, lo = view.text, view.toks, view.lo
    content = _content_after(view, f.cue_b, f.cue, next_start)
    if f.pattern == "participle" and content is not None and f.cue_a - 2 >= lo \
            and toks[f.cue_a - 1].lower in _PARTICIPLE_PREPOSITIONS and toks[f.cue_a - 2].text == ",":
        # "Ryan, despite admitting that he had concerns, backed the bill"
        content = _end_at_main_verb_after_comma(view, f.cue_b + 1, content)
    elif f.pattern == "participle" and content is not None and toks[f.cue_a].dep == "acl" \
            and toks[toks[f.cue_a].head].dep.startswith("nsubj") and toks[f.cue_a - 1].text == ",":
        # "Text messages between the agents, showing their disdain for Trump, were released"
        content = _end_at_main_verb_after_comma(view, f.cue_b + 1, content)
    if _opens_sentence(toks, f) and content is not None and f.src is not None:
        # "Despite saying the plant was safe, the company closed it": ends at the comma
        content = _trim_terminal(text, *_strip_range(text, content[0], min(content[1], toks[f.src[0]].start)))
    if f.pattern == "nominal" and content is not None and f.src is not None and f.src[0] == lo:
        content = _before_main_verb(view, f.cue_b + 1, content)
    return content


def _source_cue_content(
    view: SentenceView, f: Frame, src: tuple[int, int], before: tuple[int, int], next_start: int
) -> tuple[int, int] | None:
    """``source_cue``: what follows the cue ("He said that …") or what comes before its source
    ("“…,” he said", "…, as Smith said", "As Smith put it, …")."""
    text, toks, lo = view.text, view.toks, view.lo
    hi, in_quote, quote_mask = view.hi, view.in_quote, view.quote_mask
    after = _content_after(view, f.cue_b, f.cue, next_start)
    if after is not None and _time_only(view, after):
        after = None  # "“…!” Trump tweeted early Tuesday.": a time, nothing said
    after_words = after is not None and _has_words(text, *after)
    # "“…,” she said several months after her release": a time after the cue is no statement
    trailer = after is None or toks[f.cue_b + 1].lower in TRAILER_STARTS or _adverb_only(toks, f.cue_b + 1, hi) \
        or _modifies_cue(toks, f.cue_b) or toks[f.cue_b + 1].is_time if f.cue_b + 1 <= hi else True
    short_after = after is not None and len(text[after[0] : after[1]].split()) <= 3  # "told The Times then"
    told = "addressee" in verb(f.cue.lemma).complements
    relative = toks[src[0]].lower in RELATIVES  # "China, which vowed to ...": content after
    before_quote = before[1] > before[0] and _only_quotes(text, *_trim_terminal(text, *before), quote_mask)
    # what was said before the source is a quote or a clause, never "Still," or "Meanwhile,"
    # an opening phrase ("Through a spokesman,", "When the diagnosis was confirmed,") is
    # not what was said when the cue has content of its own after it
    before_ok = before_quote or (
        len(text[before[0] : before[1]].split()) >= 3 and not (after_words and _introductory(view, before))
    )
    # "The economy is strong, as Smith said.", "…,” as a memo put it.": what comes before
    # the "as" is what was said
    as_clause = _as_source(toks, src, lo)
    if as_clause:
        before = _quote_at_end(text, _strip_range(text, before[0], toks[src[0] - 1].start), quote_mask)
    # "As Ms. Simonyan put it in a statement, RT is …": what was said follows the comma
    opening_as = _opening_as(view, src, f.cue_b, f.cue)
    comma = _next_comma(toks, f.cue_b + 1, hi + 1, in_quote) if opening_as else None
    if src[0] > lo and toks[src[0] - 1].pos in ("SCONJ", "CCONJ"):
        # "The dam held, though engineers warned it might fail", "…, but Mr. Obama learned
        # from the experience": the clause before is no part of this statement
        before_ok = False
    # "..., Clinton said, “I think ...”" and "... reported at the time that ...": the
    # quote or that-clause after the verb is what was said
    after_first = after is not None and (text[after[0]] in _OPEN_MARKS or text[after[0] : after[0] + 5].lower() == "that ")
    if comma is not None and _has_words(text, toks[comma].end, next_start):
        return _trim_terminal(text, *_strip_range(text, toks[comma].end, next_start))
    if as_clause and _has_words(text, *before) and (
        not after_words or short_after
        or (f.cue_b + 1 <= hi and (toks[f.cue_b + 1].text == "," or toks[f.cue_b + 1].lower in ("and", "but")))
    ):  # "The rally was peaceful, as police confirmed, and …"
        return _trim_terminal(text, *before)
    if not relative and before_ok and _has_words(text, *before) and _before_ends_with_comma(view, src[0]) and (
        not after_words
        or (trailer and not (after_first and not before_quote))
        or (told and before_quote and not after_first)  # "“…,” he told some of the miners"
        or (short_after and told)
    ):
        return _trim_terminal(text, *before)
    if after_words:
        return after
    if _has_words(text, *before):
        return _trim_terminal(text, *before)
    if src[0] == lo:
        # "“… Jail!” Trump tweeted early Tuesday.": the quote that ends the sentence before
        return _quote_just_before(view, toks[lo].start)
    return None


def _modifies_cue(toks: Sequence[Token], b: int) -> bool:
    """Does a prepositional phrase or an adverb of the cue verb follow it ("said about the
    article", "said last week")? In the parse, it is the cue's modifier, not what was said."""
    nxt = toks[b + 1]
    return nxt.head == b and nxt.dep in ("prep", "npadvmod", "advmod") and nxt.lower not in ("that", "as")


def _finish_content(view: SentenceView, f: Frame) -> None:
    """End the frame's content where a relative clause ends or the author's own clause starts,
    and decide direct (nothing but quotes) or indirect."""
    text, toks, lo, hi, quote_mask = view.text, view.toks, view.lo, view.hi, view.quote_mask
    if f.content is not None and f.src is not None and f.pattern in ("source_cue", "stance") and toks[f.src[0]].lower in RELATIVES \
            and f.src[0] > lo and f.cue_b + 1 <= hi:
        # "Countries that condemned the invasion imposed sanctions", "The EU, which argued that
        # Ireland undertaxed Apple, won the case": a relative clause ends before the main verb
        if toks[f.src[0] - 1].text in (",", "—", "–", "("):
            f.content = _end_of_aside(view, f.cue_b + 1, f.content)
        v = verb(f.cue.lemma)
        clause = ("bare" in v.complements or not v.needs_complement) and _bare_clause(view, f.cue_b)
        f.content = _before_main_verb(view, f.cue_b + 1, f.content, clause)
    if f.content is not None:
        # ("according to" hangs on the verb of what was said: no verb of the author's governs it)
        cue = f.cue_a if f.pattern != "according_to" else None
        s, e = without_background_clause(view, *_end_at_new_clause(view, *f.content, cue))
        if e <= s:
            f.content = None  # "He apologized and even invited …": nothing said before the author goes on
            return
        f.content = (s, e)
        f.direct = _only_quotes(text, s, e, quote_mask)


def _before_main_verb(view: SentenceView, k: int, content: tuple[int, int], clause: bool = False) -> tuple[int, int]:
    """"His promise to cut taxes won him votes", "Trump's claim that crime had doubled was
    false": when the statement sits inside the sentence's subject (a reporting noun that opens
    it, or a relative clause), it ends before the sentence's own verb: the first finite verb
    after an object or a to-infinitive, the second after a clause ("that ...", or ``clause``)."""
    text, toks, hi, in_quote = view.text, view.toks, view.hi, view.in_quote
    needed = 2 if clause or toks[k].lower == "that" else 1
    seen = 0
    for m in range(k + 2, hi + 1):
        t = toks[m]
        if t.start >= content[1]:
            break
        if in_quote[m]:
            continue
        if finite_verb(t):
            seen += 1
            if seen == needed:
                return _trim_terminal(text, content[0], t.start)
    return content


def _end_at_main_verb_after_comma(view: SentenceView, k: int, content: tuple[int, int]) -> tuple[int, int]:
    """The aside ends at a comma followed by the main clause's verb (", backed the bill")."""
    text, toks, hi, in_quote = view.text, view.toks, view.hi, view.in_quote
    for m in range(k, hi):
        t = toks[m]
        if t.start >= content[1]:
            break
        nxt = toks[m + 1]
        if t.text == "," and not in_quote[m] and finite_verb(nxt):
            return _trim_terminal(text, content[0], t.start)
    return content


def _end_of_aside(view: SentenceView, k: int, content: tuple[int, int]) -> tuple[int, int]:
    """"Okafor, who said the plan would fail, told ...": a statement inside a relative clause set
    off by a comma ends where the aside ends (its next comma, dash or parenthesis)."""
    text, toks, hi, in_quote = view.text, view.toks, view.hi, view.in_quote
    if k <= hi and toks[k].lower == "that":
        return content  # "who said that ...": the clause may hold commas of its own
    for m in range(k, hi + 1):
        t = toks[m]
        if t.start >= content[1]:
            break
        if t.start > content[0] and not in_quote[m] and t.text in (",", "—", "–", "(", ")"):
            return _trim_terminal(text, content[0], t.start)
    return content


def _conjunction(tok: Token) -> bool:
    """"and", "but", "while", "although": a word that joins clauses, as the tagger says (not a
    question word such as "when", whose clause may be part of what was said)."""
    return tok.pos == "CCONJ" or tok.pos == "SCONJ" and tok.tag == "IN"


def _introductory(view: SentenceView, region: tuple[int, int]) -> bool:
    """Is ``region`` (what comes before a source, up to its comma) an opening phrase rather than
    something said: "Through a spokesman, he declined ...", "In the end, Patriot agreed ...",
    "When the diagnosis was confirmed, Clinton did not want ...", "Like President Obama, I believe
    ...", "As it stands, according to ..."? One phrase that starts with a preposition or a
    subordinator and holds no comma; a quote is always something said."""
    text, toks, quote_mask = view.text, view.toks, view.quote_mask
    start, end = _strip_range(text, *region)
    if end <= start or any(quote_mask[start:end]):
        return False
    k = bisect_left(toks, start, key=_start_of)
    while k < len(toks) and toks[k].start < end and toks[k].pos in ("ADV", "PART"):
        k += 1  # "even", "just", "shortly", "not"
    if k >= len(toks) or toks[k].start >= end or toks[k].pos not in ("ADP", "SCONJ"):
        return False
    if "," in text[toks[k].end : end] or ";" in text[toks[k].end : end]:
        return False
    if toks[k].pos == "SCONJ":
        return True  # "When the diagnosis was confirmed, …": a clause, but not a main one
    # a preposition: "About 9.9 million mothers live in the state, according to …" is a clause
    rest = [t for t in toks[k + 1 : bisect_left(toks, end, k, key=_start_of)]]
    if rest and toks[k].lower in ("about", "around", "over", "under") and rest[0].tag in ("CD", "PDT"):
        return False  # "About 9.9 million …", "Over half of …": a number, not a place or a time
    return not any(finite_verb(t) and not _after_determiner(toks, k, m) for m, t in enumerate(rest, k + 1))


def _end_at_new_clause(view: SentenceView, s: int, e: int, cue: int | None = None) -> tuple[int, int]:
    """What was said ends where the author goes on with a clause of their own: "… lower taxes,
    but he has also intensified …" (a comma, a conjunction, a new subject and its verb), or where
    the author compares another to the speaker (", as did …" hanging on the ``cue`` verb), or
    where a verb joined to the cue verb starts ("said no and went on to win")."""
    text, toks, lo, hi, in_quote = view.text, view.toks, view.lo, view.hi, view.in_quote
    # "Though she called for X, Clinton restricted ...": a statement in an opening subordinate
    # clause ends where the main clause starts
    # (when the content itself opens with the subordinate clause, as in "As it stands, the system
    # holds a quarter of all inmates, according to …", the whole sentence is what was said)
    subordinate = toks[lo].pos == "SCONJ" and s > toks[lo].start
    governors = _governors(toks, cue, lo, hi)
    first = bisect_left(toks, s, lo, hi + 1, key=_start_of)
    for k in range(first, hi + 1):
        t = toks[k]
        if t.end > e:
            break
        if in_quote[k]:
            continue
        if t.text == ";" or (t.text == "," and k + 1 <= hi and _conjunction(toks[k + 1]) and _new_subject(view, k + 2, first)):
            return _trim_terminal(text, s, t.start)
        if _conjunction(t) and k - 2 >= lo and toks[k - 1].text in _CLOSE_MARKS and toks[k - 2].text == "," \
                and toks[k - 2].start >= s and _new_subject(view, k + 1):
            # "… “jobs, jobs, jobs,” but he has also …": the comma sits inside the closing quote
            return _trim_terminal(text, s, toks[k - 1].end)
        if subordinate and t.text == "," and _new_subject(view, k + 1):
            return _trim_terminal(text, s, t.start)
        if t.dep == "cc" and t.head in governors and _joined_verb(toks, k, hi):
            return _trim_terminal(text, s, t.start)  # "Sestak said no and went on to win the primary"
        if t.text == "," and k + 2 <= hi and toks[k + 1].lower == "as" and toks[k + 2].dep == "advcl" and toks[k + 2].head == cue:
            # "Rubio supports the embargo, as did Jeb Bush": the author compares the speakers (not
            # "shows that avocados are grown in Mexico, as are limes", inside what was shown)
            return _trim_terminal(text, s, t.start)
    # "… were not complete, and" (the next statement starts after the conjunction); the window
    # keeps the search linear however much white space the text holds
    base = max(s, e - 40)
    m = _TRAILING_CONJUNCTION.search(text, base, e)
    return _trim_terminal(text, s, m.start()) if m and m.start() > s else (s, e)


_TRAILING_CONJUNCTION = re.compile(r"(?:[,;]?\s+(?:and|but|yet|so|while|although|though|whereas)|[,;]\s+(?:even|also|perhaps|then|again|later|often|repeatedly))\s*$")

# Words before a frame that make it a new clause of the author's. Not "because" and "since":
# "He said he wasn't worried because he doubted any court would act" gives the reason as part of
# what he said.
CLAUSE_BREAKS = frozenset(
    {",", ";", ":", "—", "–", "--", "and", "but", "though", "although", "while", "whereas", "yet", "as", "so"}
)


def _starts_clause(toks: Sequence[Token], f: Frame, lo: int) -> bool:
    """Does this frame open a new clause (after a comma, semicolon, dash or conjunction)?"""
    k = min(f.cue_a, f.src[0]) if f.src and f.pattern not in ("participle", "coordinated") else f.cue_a
    if f.pattern == "participle":
        # "…, even suggesting …", "…,” comparing …", "…, despite admitting …", "… by telling …"
        # "… aside from saying …" starts a clause; "… by telling …" and "… for accusing …" may
        # still be part of what was said ("told reporters that he expects Holt to … by calling out")
        k = _participle_phrase_start(toks, f.cue_a, lo)
        if toks[k].lower in ("aside", "apart"):
            return True
        if k - 2 >= lo and toks[k - 1].text in _CLOSE_MARKS and toks[k - 2].text == ",":
            return True
    return k > lo and toks[k - 1].lower in CLAUSE_BREAKS
