"""Attribution: reporting cues, their sources and their content; speakers of quotes.

A *frame* is a reporting cue with its source, found by the patterns news writing uses:

==================  ==================================================================
``source_cue``      Netanyahu said (that) CONTENT / CONTENT, Netanyahu said.
``cue_source``      CONTENT, said Blinken. / “QUOTE,” said Blinken.
``according_to``    According to X, CONTENT. / CONTENT, according to X. / As per X, CONTENT.
``participle``      ..., saying (that) CONTENT  (the source is the clause's subject)
``coordinated``     X said A and added that CONTENT (the earlier frame's source)
``nominal``         X’s claim that CONTENT / his promise to CONTENT
``stance``          X is confident that CONTENT / X was critical of CONTENT
``passive``         CONTENT was endorsed by X / X was accused of CONTENT (source unnamed)
``credit``          “QUOTE” ― X
``transcript``      NAME: CONTENT (a paragraph, or a headline, opened by a speaker's name)
==================  ==================================================================

Sources are names, roles, groups and pronouns, and also relative pronouns ("the EU, which
argued ...") and the writer's own "I" and "we" (kind ``author``: listed, but the statement stays
in the author's voice). CONTENT keeps its complementiser ("that ...", "to ...", "whether ...")
and ends where the author goes on with a clause of their own.

When a frame's content is nothing but quotes, the frame gives those quotes their speaker and
cue (direct speech). Otherwise it is an attributed statement (indirect speech), and any partial
quotes inside its content take its source as their speaker.

Quotes that no frame reaches take the speaker of the previous quote in their paragraph (or the
next one), or, for a paragraph that opens with a quote, the last speaker of the paragraph
before. Pronouns go to the most recent compatible source, surnames to the full name the
article gave, and role phrases ("the U.S. secretary") to the person introduced with that role.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from framing.model import SourceRef, Span
from framing.nlp.segment import SentenceSpan, Token
from framing.voice.lexicon import Cue, CueLexicon, cue_lexicon, reporting_nouns, stance_adjectives
from framing.voice.sources import (
    FUNCTION_WORDS,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVES,
    SKIP_BEFORE_CUE,
    Named,
    is_common_noun_source,
    is_person_like,
    left_np,
    np_ending_at,
    plural_noun,
    relative_that,
    right_np,
)

# Cues that report speech only with a complement clause, a quote, or at a clause's end
# ("Police found the car" is no attribution; "Police found that ..." is).
NEEDS_COMPLEMENT = frozenset(
    {"find", "show", "believe", "think", "hope", "expect", "fear", "worry", "reveal", "indicate",
     "agree", "signal", "estimate", "conclude", "disclose", "recall", "question", "continue",
     "describe", "call", "wonder", "post", "praise", "observe", "echo", "affirm", "reaffirm",
     "express", "highlight", "acknowledge", "charge", "attack", "blast", "slam", "maintain",
     "request", "demand", "propose", "recommend", "cite", "ask", "answer", "respond", "reply",
     "deny", "comment", "report", "write", "mention", "underscore", "stress", "elaborate",
     "spin", "put it", "note", "confirm", "blame", "accuse", "criticize", "condemn", "promise",
     "pledge", "vow", "tout", "trumpet", "assure", "inform", "specify", "clarify",
     "want", "plan", "seem", "support", "oppose", "decline", "refuse", "decide", "know", "feel",
     "intend", "threaten", "push for", "recognize", "understand", "learn", "view", "consider",
     "doubt", "defend", "mock", "dismiss", "reject", "welcome", "applaud", "endorse", "point to",
     "discuss", "talk about", "speak of", "react", "forecast", "project", "chant", "prefer",
     "favor", "dispute", "challenge", "contradict", "suspect", "speculate", "imply", "hint",
     "joke", "quip", "muse", "caution", "advise", "repeat", "remember", "go on to", "weigh in",
     "encourage", "offer", "reference", "label", "liken", "publish", "promote", "admire",
     "outline", "chastise", "compare", "detail", "denounce", "see", "characterize", "portray",
     "address", "lay out", "grill", "pitch", "rate", "rule", "pooh-pooh", "rip", "lash out",
     # verbs of communication and judgement (Levin 1993, classes 33 and 37)
     "back", "disagree", "advocate", "champion", "fault", "chide", "apologize", "recount", "anticipate",
     "press for", "lobby",
     "implore", "exhort", "plead", "beg", "laud", "commend", "lament", "decry", "speak out", "concur", "rebut", "refute", "posit", "opine", "theorize", "surmise", "reassure", "confess", "divulge", "assess", "deem", "castigate", "rebuke", "reprimand", "scold", "assail", "berate", "disparage", "deride", "belittle", "ridicule", "caution against", "object to", "lambaste", "excoriate", "rail against", "bemoan", "gripe", "grumble", "scoff", "rant", "taunt", "harangue", "crow", "gush"}
)
# Of those, the ones that take a to-infinitive stating the position ("refuses to", "plans to").
TAKES_INFINITIVE = frozenset(
    {"want", "plan", "seem", "decline", "refuse", "decide", "intend", "threaten", "promise",
     "pledge", "vow", "agree", "hope", "expect", "urge", "ask", "call on", "go on to", "push for",
     "prefer", "advise", "caution", "warn", "demand", "request", "offer", "implore",
     "exhort", "plead", "beg"}
)
# Of those, the ones whose object is what was said ("Blinken acknowledged the focus on ...").
OBJECT_IS_CONTENT = frozenset(
    {"express", "highlight", "acknowledge", "underscore", "stress", "elaborate", "reaffirm",
     "affirm", "confirm", "deny", "note", "mention", "emphasize", "reiterate", "announce",
     "propose", "recommend", "request", "demand", "promise", "pledge", "vow", "praise",
     "criticize", "condemn", "blame", "accuse", "attack", "blast", "slam", "question", "cite",
     "tout", "trumpet", "clarify", "specify", "describe", "call", "answer", "ask", "support",
     "oppose", "reject", "endorse", "defend", "welcome", "dismiss", "mock", "discuss", "view",
     "applaud", "dispute", "challenge", "contradict", "point to", "talk about",
     "speak of", "favor", "repeat", "go on to", "push for", "doubt", "encourage", "offer",
     "reference", "label", "liken", "promote", "admire", "outline", "chastise", "compare",
     "detail", "denounce", "characterize", "portray", "address", "lay out", "grill", "pitch",
     "rate", "pooh-pooh", "rip", "lash out", "want", "prefer",
     "back", "advocate", "champion", "fault", "chide", "recount", "press for", "lobby",
     "implore", "exhort", "beg", "laud", "commend", "lament", "decry", "rebut", "refute", "reassure", "confess", "divulge", "castigate", "rebuke", "reprimand", "scold", "assail", "berate", "disparage", "deride", "belittle", "ridicule", "caution against", "object to", "lambaste", "excoriate", "rail against", "bemoan", "taunt", "harangue", "speak out"}
)
# Verbs of saying that put their source after them ("…, said Blinken", "…, added the official");
# verbs of judging or asking someone ("blasted Clinton", "told reporters") never do.
INVERTIBLE = frozenset(
    {"say", "add", "write", "note", "explain", "ask", "reply", "respond", "continue", "declare",
     "state", "insist", "claim", "argue", "warn", "recall", "report", "announce", "confirm",
     "concede", "admit", "acknowledge", "suggest", "observe", "remark", "comment", "quip", "joke",
     "muse", "boast", "complain", "predict", "conclude", "tweet", "post", "retort", "put it",
     "according to", "as per", "credit", "transcript", "echo", "reiterate", "emphasize", "stress"}
)
# "It said", "it warned", "it found": what an institution, a report or a study can say.
IT_CUES = frozenset(
    {"say", "add", "state", "write", "report", "note", "show", "find", "indicate", "announce",
     "claim", "warn", "suggest", "conclude", "estimate", "predict", "argue", "confirm", "deny",
     "describe", "call", "urge", "recommend", "reveal", "accuse", "criticize"}
)
PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "be", "being", "get", "gets", "got"})
TELL_LIKE = frozenset({"tell", "inform", "assure", "ask", "urge", "warn", "implore", "exhort", "beg", "reassure"})
TRAILER_STARTS = frozenset(
    {"today", "yesterday", "tonight", "on", "in", "at", "after", "before", "during", "when",
     "while", "as", "last", "this", "earlier", "later", "monday", "tuesday", "wednesday",
     "thursday", "friday", "saturday", "sunday", "recently", "from", "via", "by", "to", "of",
     "with", "without", "through", "following", "amid", "amidst", "told", "adding", "according",
     "noting", "saying", "citing", "referring", "speaking", "and", "but", "because", "since",
     "although", "though", "ahead", "outside", "inside", "late", "early", "again",
     "previously", "repeatedly", "too", "instead", "then", "afterwards", "afterward", ","}
)
_OPEN_MARKS = "“„«\"‘"
_CLOSE_MARKS = "”»\"’"
_TERMINAL = ".!?…"


@dataclass
class Frame:
    cue_a: int  # token index of the cue's first word
    cue_b: int  # token index of its last word
    cue: Cue
    src: tuple[int, int] | None  # token range of the source phrase
    pattern: str
    content: tuple[int, int] | None = None  # character range
    direct: bool = False
    named: Named | None = None
    ref: SourceRef | None = None
    parenthetical: bool = False  # "Blinken—who previously said X—reiterated": content ends at the dash
    lo: int = 0  # first token of the frame's sentence


def _is_ing(cue: Cue, toks: Sequence[Token], a: int) -> bool:
    return toks[a].lower.endswith("ing")


def _strip_range(text: str, start: int, end: int, chars: str = " \t\n,;:—–-") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _content_after(text: str, toks: Sequence[Token], b: int, hi: int, cue: Cue, in_quote: Sequence[bool], end_char: int) -> tuple[int, int] | None:
    """Content that follows a cue: skip a colon and an addressee ("told reporters"); keep
    "that" ("said that ..."), except before a quote ("said that “…”": the quote is the content)."""
    k = b + 1
    if k > hi:
        return None
    # "reiterated to Netanyahu that ...", "told reporters that ...", "said in a statement that ..."
    that_at = None
    for m in range(k, min(hi + 1, k + 12)):
        if in_quote[m] or toks[m].start >= end_char:
            break  # the "that" of a later statement is not this one's
        if toks[m].lower == "that" and m > k:
            that_at = m
            break
        if toks[m].text in (".", ";", ":") or toks[m].text[0] in _OPEN_MARKS:
            break
    if that_at is not None and (
        toks[k].lower in ("to", "in", "on", "at", "during", "after", "before", "reporters", "journalists", "me", "him", "her", "them", "us")
        or cue.lemma in TELL_LIKE
        or _aside_before_that(toks, k, that_at)
    ):
        k = that_at
    elif cue.lemma in TELL_LIKE and not in_quote[k] and toks[k].lower not in ("that",):
        # skip the addressee ("told reporters", "told The Post")
        m = k
        while m <= hi and not in_quote[m] and (toks[m].text[0].isupper() or toks[m].lower in ("reporters", "journalists", "me", "him", "her", "them", "us", "the", "a", "an") or toks[m].text in ("’s", "'s")):
            m += 1
        k = m
    while k <= hi and (toks[k].lower in (":", ",") or toks[k].lower in SKIP_BEFORE_CUE and toks[k].lower in ("also", "again", "further")):
        k += 1
    # the complementiser belongs to what was said ("said that ...", as annotated news marks it)
    if k > hi or (toks[k].lower == "that" and (k + 1 > hi or toks[k + 1].text[0] in _OPEN_MARKS)):
        k += 1  # "said that “…”": the quote is the content
    if k > hi:
        return None
    start = toks[k].start
    s, e = _strip_range(text, start, end_char)
    while e > s and text[e - 1] in _TERMINAL:
        e -= 1
    return (s, e) if e > s else None


def _next_comma(toks: Sequence[Token], start: int, stop: int, in_quote: Sequence[bool] | None = None) -> int | None:
    """Index of the first comma in ``toks[start:stop]`` (outside quote marks when ``in_quote`` is given)."""
    return next((m for m in range(start, stop) if toks[m].text == "," and not (in_quote is not None and in_quote[m])), None)


def _aside_before_that(toks: Sequence[Token], k: int, that_at: int) -> bool:
    """Is ``toks[k:that_at]`` an aside in commas before a that-clause ("cautioned, as did the
    campaign itself, that …", "said, however, that …")? Not a participle ("said, adding that")."""
    return (
        toks[k].text == ","
        and that_at - k >= 3
        and toks[that_at - 1].text == ","
        and not (toks[k + 1].lower.endswith("ing") and toks[k + 1].text.islower())
    )


def _only_quotes(text: str, start: int, end: int, quote_mask: bytearray) -> bool:
    """True when every letter or digit of ``[start, end)`` lies inside quote marks."""
    seen = False
    for i in range(start, end):
        if text[i].isalnum():
            if not quote_mask[i]:
                return False
            seen = True
    return seen


def find_frames(
    text: str,
    toks: Sequence[Token],
    sentences: Sequence[SentenceSpan],
    tok_ranges: Sequence[tuple[int, int]],
    in_quote: Sequence[bool],
    quote_mask: bytearray,
    paragraphs: Sequence[Span],
) -> list[Frame]:
    """Every reporting frame of the body, in document order, with its content range.

    In a line set in title case ("Senator Ruth Adler Says ..."), a capitalised word may still be a
    cue; elsewhere a capitalised word inside a sentence is part of a name ("the United States")."""
    lex = cue_lexicon()
    nouns = reporting_nouns()
    stance = stance_adjectives()
    words = [t.lower for t in toks]
    frames: list[Frame] = []
    for sent, (lo, hi) in zip(sentences, tok_ranges, strict=True):
        if hi < lo:
            continue
        sent_frames: list[Frame] = []
        title_case = _title_case(toks, lo, hi, in_quote)
        i = lo
        while i <= hi:
            if in_quote[i]:
                i += 1
                continue
            if words[i] in _BE_FORMS and i > lo:
                held = _stance_frame(text, toks, i, lo, hi, in_quote, stance)
                if held is not None:
                    held.lo = lo
                    sent_frames.append(held)
                    i = held.cue_b + 1
                    continue
            if words[i] in nouns:
                nominal = _nominal_frame(toks, i, lo, hi, in_quote, nouns[words[i]])
                if nominal is not None:
                    nominal.lo = lo
                    sent_frames.append(nominal)
                    i += 1
                    continue
            cue = lex.match(words, i)
            if cue is None or any(in_quote[k] for k in range(i, min(i + len(cue.words), hi + 1))):
                i += 1
                continue
            b = i + len(cue.words) - 1
            cue, b = _chained_cue(lex, words, cue, b, hi, in_quote)
            if b > hi or (i > lo and not title_case and toks[i].text[0].isupper() and toks[i - 1].text[0] not in _OPEN_MARKS):
                i += 1  # beyond the sentence, or a capitalised word inside it ("the United States")
                continue
            frame = _frame_at(text, toks, i, b, cue, lo, hi, sent, in_quote, quote_mask, sent_frames)
            if frame is not None:
                frame.lo = lo
                sent_frames.append(frame)
                i = b + 1
                if title_case:
                    break  # a headline reports one statement; its other capitalised verbs are its content
            else:
                i += 1
        _set_contents(text, toks, sent, lo, hi, sent_frames, in_quote, quote_mask)
        for f in sent_frames:
            if f.content is None and toks[hi].text == ":" and sent.paragraph + 1 < len(paragraphs):
                # "He said:" closing a paragraph: what he said is the next paragraph
                nxt = paragraphs[sent.paragraph + 1]
                f.content = _trim_terminal(text, nxt.start, nxt.end)
                f.direct = _only_quotes(text, f.content[0], f.content[1], quote_mask)
        if not sent_frames:
            opening = _in_source_frame(text, toks, lo, hi, in_quote)
            if opening is not None:
                opening.lo = lo
                opening.direct = _only_quotes(text, *opening.content, quote_mask)  # type: ignore[misc]
                sent_frames.append(opening)
        sent_frames.extend(_layout_frames(text, toks, sent, lo, hi, in_quote, quote_mask, paragraphs))
        frames.extend(f for f in sent_frames if f.content is not None or f.pattern != "participle")
    return frames


_IN_CUE = Cue(("in",), "according to", "neutral")
_VIEW_HEADS = frozenset({"view", "eyes", "opinion", "estimation", "judgment", "judgement", "words"})


def _in_source_frame(text: str, toks: Sequence[Token], lo: int, hi: int, in_quote: Sequence[bool]) -> Frame | None:
    """"In the latest Washington Post poll, Clinton led …", "In her view, the deal …": a sentence
    with no other cue that opens with "In", a poll, study, statement or someone's view, and a comma
    reports what follows as that source's (like "According to …"). Not "In a statement, the company
    said …" (the sentence has its own cue) nor "In the end, …" (no source)."""
    if hi - lo < 4 or toks[lo].lower != "in" or in_quote[lo]:
        return None
    comma = _next_comma(toks, lo + 1, min(hi, lo + 16))
    if comma is None or comma + 1 > hi or any(in_quote[lo:comma]):
        return None
    head = None
    for m in range(lo + 1, comma):
        low = toks[m].lower
        if low in _EVIDENCE_HEADS or low in _MEDIA:
            head = m
            break
        if low in _VIEW_HEADS and m - 1 > lo and (toks[m - 1].lower in POSSESSIVE_PRONOUNS or toks[m - 1].text in ("’s", "'s")):
            head = m
            break
        if _finite_verb(toks[m]) and not _after_determiner(toks, lo, m):
            return None  # "In 2015 the company lost money, …": a clause, not a source
    if head is None or not _has_words(text, toks[comma].end, toks[hi].end):
        return None
    src_end = comma - 1
    nxt = toks[comma + 1]
    if nxt.text.islower() and nxt.lower.endswith("ed"):
        # "In the previous poll, conducted in early September, Clinton led …": the participle
        # belongs to the source
        later = _next_comma(toks, comma + 2, min(hi, comma + 14))
        if later is None or later + 1 > hi:
            return None
        comma = later
    content = _trim_terminal(text, *_strip_range(text, toks[comma].end, toks[hi].end))
    return Frame(lo, lo, _IN_CUE, (lo + 1, src_end), "according_to", content=content)


def _chained_cue(lex: CueLexicon, words: list[str], cue: Cue, b: int, hi: int, in_quote: Sequence[bool]) -> tuple[Cue, int]:
    """"continues to insist", "declined to say", "vowed to fight": one cue, whose meaning and
    complement are the second verb's."""
    if b + 2 > hi or words[b + 1] != "to" or cue.lemma not in _CHAIN_FIRST or in_quote[b + 2]:
        return cue, b
    second = lex.match(words, b + 2) if words[b + 2] in lex.by_first else None
    if second is None or second.lemma in _NOT_SECOND_IN_CHAIN or second.words[-1].endswith(("ing", "ed")) or b + 1 + len(second.words) > hi:
        return cue, b  # "hopes to find a buyer", "want to know how": no statement is reported
    cls = "loaded" if "loaded" in (cue.cls, second.cls) else "neutral"  # "continued to claim"
    return Cue((*cue.words, "to", *second.words), second.lemma, cls, chained=True), b + 1 + len(second.words)


# "continued to insist": verbs that hand their subject to a reporting verb; verbs of perceiving,
# learning and intending do not report a statement when they come second
_CHAIN_FIRST = TAKES_INFINITIVE | {"continue"}
_NOT_SECOND_IN_CHAIN = frozenset(
    {"see", "find", "learn", "know", "understand", "recognize", "feel", "view", "consider", "expect",
     "hope", "want", "plan", "seem", "decide", "prefer", "intend", "continue", "remember", "address",
     "offer", "support", "oppose", "discuss", "rate", "rule", "project", "detail", "grill", "pitch"}
)


def _title_case(toks: Sequence[Token], lo: int, hi: int, in_quote: Sequence[bool]) -> bool:
    """Is the sentence set in title case (most of its words capitalised, as in headlines)?"""
    words = [toks[k] for k in range(lo, hi + 1) if not in_quote[k] and toks[k].text.isalpha() and len(toks[k].text) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def _nominal_frame(
    toks: Sequence[Token], i: int, lo: int, hi: int, in_quote: Sequence[bool], entry: tuple[Cue, frozenset[str]]
) -> Frame | None:
    """"Trump’s claim that ...", "his repeated promises to ...", "Clinton's statement: “...”":
    a reporting noun after its owner and before what was said."""
    cue, takes = entry
    if i + 2 > hi:
        return None
    nxt = toks[i + 1]
    if not (
        ("that" in takes and nxt.lower == "that" and not _relative_after_that(toks, i + 2, hi))
        or ("to" in takes and _infinitive_at(toks, i + 1, hi))
        or ("quote" in takes and (nxt.text == ":" or nxt.text[0] in _OPEN_MARKS or in_quote[i + 1]))
    ):
        return None
    k = i - 1  # up to two modifiers: "his repeated claims", "Trump's latest false claim"
    while k > lo and i - k <= 2 and toks[k].text.isalpha() and toks[k].text.islower() and toks[k].lower not in POSSESSIVE_PRONOUNS:
        k -= 1
    if k < lo or in_quote[k]:
        return None
    if toks[k].lower in POSSESSIVE_PRONOUNS:
        src = (k, k)
    elif toks[k].text in ("’s", "'s") and k - 1 >= lo and toks[k - 1].text[0].isupper() and not in_quote[k - 1]:
        src = np_ending_at(toks, k - 1, lo, in_quote)
    else:
        return None
    return Frame(i, i, cue, src, "nominal")


_BE_FORMS = frozenset(
    {"is", "are", "was", "were", "be", "been", "’s", "'s", "’re", "'re", "’m", "'m", "am", "seem",
     "seems", "seemed", "remain", "remains", "remained", "appear", "appears", "appeared", "became",
     "grew", "feel", "feels", "felt"}
)
# "that night", "that day": a time, not a that-clause
_THAT_TIMES = frozenset({"night", "day", "morning", "afternoon", "evening", "week", "month", "year", "time", "moment", "season"})
_STANCE_ADVERBS = frozenset(
    {"not", "n't", "n’t", "very", "so", "too", "more", "most", "less", "also", "still", "quite",
     "rather", "deeply", "increasingly", "especially", "particularly", "highly", "fully", "all",
     "both", "now", "already", "never", "always", "often", "even", "just", "pretty"}
)


def _stance_frame(
    text: str, toks: Sequence[Token], i: int, lo: int, hi: int, in_quote: Sequence[bool], stance: dict[str, frozenset[str]]
) -> Frame | None:
    """"Clinton is confident that ...", "Democrats were worried about ...", "He has been critical
    of ...": a view stated with "be" and a stance adjective, after a source that can hold one."""
    k = i + 1
    while k <= hi and k - i <= 3 and not in_quote[k] and toks[k].text.islower() and (
        toks[k].lower in _STANCE_ADVERBS or (toks[k].lower.endswith("ly") and len(toks[k].lower) > 3)
    ):
        k += 1
    if k + 1 > hi or in_quote[k] or toks[k].lower not in stance or in_quote[k + 1]:
        return None
    if toks[i].text in ("’s", "'s") and toks[i - 1].lower not in ("he", "she", "it", "who", "that", "there", "what"):
        return None  # "Smith’s angry supporters": a possessive, not "is"
    takes = stance[toks[k].lower]
    nxt = toks[k + 1]
    if nxt.lower == "that" and k + 2 <= hi and toks[k + 2].lower in _THAT_TIMES:
        return None  # "was angry that night"
    if nxt.lower == "that" and toks[k - 1].lower in ("so", "too", "such"):
        return None  # "was so angry that he left": a result, not a view
    if "that" in takes and (nxt.lower == "that" or _bare_clause(toks, k, hi, in_quote)):
        cue_end = k  # "is confident that ...", "was sure he would win"
    elif "to" in takes and _infinitive_at(toks, k + 1, hi):
        cue_end = k  # "is determined to ..."
    elif nxt.lower in takes and nxt.lower not in ("that", "to") and k + 2 <= hi:
        cue_end = k + 1  # "has been critical of", "were worried about"
    else:
        return None
    src = left_np(toks, i, lo, in_quote, text)
    if src is None or toks[src[1]].lower in ("it", "this", "that", "there", "which", "what"):
        return None  # "it is clear that ...": the author's own judgement
    if not is_person_like(toks, src, lo):
        return None  # "the road was clear of snow", "the documents are critical of": things, not people
    words = tuple(t.lower for t in toks[i : cue_end + 1])
    return Frame(i, cue_end, Cue(words, toks[k].lower, "neutral"), src, "stance")


_PARTICIPLE_ADVERBS = frozenset({"even", "also", "again", "perhaps", "repeatedly", "then", "later", "often"})
_PARTICIPLE_PREPOSITIONS = frozenset({"by", "while", "after", "before", "despite", "for"})
# Words that open a noun phrase: "the player", "his plan", "that action".
_NP_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that"})
# "footage of Trump saying …": recordings show their subject speaking.
_RECORDINGS = frozenset({"footage", "video", "videos", "clip", "clips", "recording", "recordings", "tape", "tapes", "audio"})


def _opening_participle(toks: Sequence[Token], a: int, lo: int) -> bool:
    """A participle phrase that opens the sentence: "After saying …", "Apart from noting …"."""
    if a - 1 == lo:
        return toks[lo].lower in _PARTICIPLE_PREPOSITIONS
    return a - 2 == lo and _aside_from(toks, a, lo)


def _opens_sentence(toks: Sequence[Token], f: Frame) -> bool:
    """A participle frame that opens its sentence ("After saying X, she …"): its content ends at the
    phrase's comma, and its source comes after it."""
    return f.pattern == "participle" and _opening_participle(toks, f.cue_a, f.lo)


def _aside_from(toks: Sequence[Token], a: int, lo: int) -> bool:
    """"aside from saying", "apart from noting": the two words before the participle at ``a``."""
    return a - 2 >= lo and toks[a - 1].lower == "from" and toks[a - 2].lower in ("aside", "apart")


def _name_length(toks: Sequence[Token], k: int, lo: int) -> int:
    """How many capitalised words before ``k`` still belong to the name that ends there (at most 3)."""
    n = 0
    while n < 3 and k - n - 1 >= lo and toks[k - n - 1].text[0].isupper() and toks[k - n - 1].text.isalpha():
        n += 1
    return n


def _plural_source_phrase(toks: Sequence[Token], k: int, hi: int, in_quote: Sequence[bool]) -> tuple[int, int] | None:
    """"federal statistics", "local officials": a determiner-less plural phrase as a source."""
    span = _agent_phrase(toks, k, hi, in_quote)
    if span is None or span[1] - span[0] > 4 or not plural_noun(toks[span[1]]):
        return None
    return span


def _relative_after_that(toks: Sequence[Token], k: int, hi: int) -> bool:
    """"the claims that were made", "a promise that angered": "that" opens a relative clause
    when a verb follows it at once."""
    if k > hi:
        return True
    w = toks[k]
    return w.text.islower() and (w.lower in _FINITE or w.lower.endswith("ed") or w.lower in ("has", "have", "had"))


_DASHES = frozenset({"―", "—", "–", "--", "-"})


def _layout_frames(
    text: str,
    toks: Sequence[Token],
    sent: SentenceSpan,
    lo: int,
    hi: int,
    in_quote: Sequence[bool],
    quote_mask: bytearray,
    paragraphs: Sequence[Span],
) -> list[Frame]:
    """Attribution by layout rather than by verb.

    * a credit line after a quote: ``“...” ― Sonya Herridge`` (the dash is the cue);
    * a transcript turn: ``PENCE: Well, look, ...`` (the colon is the cue).
    """
    para = paragraphs[sent.paragraph]
    out: list[Frame] = []
    end = hi
    if toks[end].text == "." and end > lo:
        end -= 1
    # credit line: a dash after a quote, then 1-5 capitalised words that end the sentence or come
    # before the next quote ("“…”― Stephanie Egan “…” ― Adriana Rodarte")
    after_credit: int | None = None  # where the previous credit's name ended
    for k in range(lo, end):
        glued = toks[k].text.lstrip(_CLOSE_MARKS) in _DASHES and toks[k].text[0] in _CLOSE_MARKS  # "”―" is one token
        if not (glued or toks[k].text in _DASHES and not in_quote[k] and (k == lo or in_quote[k - 1] or toks[k - 1].text in _CLOSE_MARKS)):
            continue
        m = k + 1
        while m <= end and not in_quote[m] and toks[m].text[0] not in _OPEN_MARKS and (toks[m].text[0].isupper() or toks[m].text == "."):
            m += 1
        names_end = m - 1
        if not (1 <= names_end - k <= 5) or (m <= end and toks[m].text[0] not in _OPEN_MARKS):
            break
        if after_credit is not None:
            content = _trim_terminal(text, *_strip_range(text, after_credit, toks[k].start))
        elif k > lo or sent.start > para.start:
            content = _trim_terminal(text, para.start, toks[k].start)
        elif sent.paragraph > 0:
            prev_para = paragraphs[sent.paragraph - 1]
            content = _trim_terminal(text, prev_para.start, prev_para.end)
        else:
            break
        if content[1] > content[0]:
            f = Frame(k, k, _DASH_CUE, (k + 1, names_end), "credit", content, lo=lo)
            f.direct = _only_quotes(text, content[0], content[1], quote_mask)
            out.append(f)
        after_credit = toks[names_end].end
        if m > end:
            break
    # transcript turn or title attribution: a name and a colon opening the paragraph
    # ("PENCE: Well, look, ...", "Pat Caddell: Democrat Voters Worried ...")
    if sent.start == para.start and lo + 1 <= hi:
        k = lo
        while (
            k <= min(hi, lo + 3)
            and not in_quote[k]
            and toks[k].text[0].isupper()
            and toks[k].text.replace(".", "").replace("-", "").isalpha()
            and toks[k].lower not in _NOT_SPEAKERS
        ):
            k += 1
        # a title-case label must name someone the article mentions again ("Pat Caddell: ..." and
        # later "Caddell"), unlike a headline's "Stealth Over Health: ..."
        if k > lo and k <= hi and toks[k].text == ":" and k + 1 <= hi and (
            toks[lo].text.isupper() or toks[k - 1].text in text[: para.start] or toks[k - 1].text in text[para.end :]
        ):
            content = _trim_terminal(text, toks[k + 1].start, para.end)
            f = Frame(k, k, _COLON_CUE, (lo, k - 1), "transcript", content, lo=lo)
            f.direct = _only_quotes(text, content[0], content[1], quote_mask)
            out.append(f)
    return out


# Paragraph labels that are no speakers ("Update: ...", "Editor's note: ...").
_NOT_SPEAKERS = frozenset(
    {"update", "updated", "note", "related", "photo", "photos", "watch", "read", "video",
     "editor", "correction", "source", "sources", "caption", "warning", "breaking", "exclusive",
     "analysis", "opinion", "live", "listen", "more", "see", "also", "q", "a", "the", "this",
     "here", "why", "what", "how", "who", "when", "where", "disclosure", "credit", "image",
     "pictured", "above", "below", "tags", "topics", "advertisement", "abstract", "summary",
     "said", "says", "asked", "added", "told", "wrote", "according", "noted", "continued"}
)
_DASH_CUE = Cue(("―",), "credit", "neutral")
_COLON_CUE = Cue((":",), "transcript", "neutral")


def _frame_at(
    text: str,
    toks: Sequence[Token],
    a: int,
    b: int,
    cue: Cue,
    lo: int,
    hi: int,
    sent: SentenceSpan,
    in_quote: Sequence[bool],
    quote_mask: bytearray,
    earlier: list[Frame],
) -> Frame | None:
    prev = toks[a - 1] if a > lo else None
    if prev is not None and prev.lower == "having" or (
        b + 2 <= hi and cue.lemma == "say" and toks[b + 2].lower == "about"
        and toks[b + 1].lower in ("something", "much", "little", "nothing", "lots", "volumes", "more", "less")
    ):
        return None  # "Having said that", "That says something about": no one reports anything
    # "his announced plans", "the suing states", "Fifth Amendment claims": a noun, not a verb
    if prev is not None and toks[a].lower.endswith("s") and len(cue.words) == 1 and (
        (prev.lower in NOUN_MARKERS and not relative_that(toks, a - 1, lo))  # not "a letter that says"
        or prev.lower in _SUPERLATIVES  # "our worst fears"
        or prev.text in ("’s", "'s") or (prev.text[0].isupper() and a - 1 > lo)
        and not _head_ok_token(prev)
    ):
        return None
    # "his plan", "one tweet", "No doubt": a base form after a determiner is a noun
    if prev is not None and len(cue.words) == 1 and prev.lower in _BASE_NOUN_MARKERS and not toks[a].lower.endswith(("ed", "ing", "s")):
        return None
    if cue.lemma == "go on to" and not cue.chained and not _is_ing(cue, toks, a):
        return None  # "Reagan went on to win that year": no statement unless a reporting verb follows
    at_clause_end = b + 1 > hi or toks[b + 1].text in _TERMINAL or toks[b + 1].text == ","
    content_before = prev is not None and (prev.text in _CLOSE_MARKS or in_quote[a - 1])
    if (
        cue.lemma in STRICT_COMPLEMENT
        and not _has_clause_complement(toks, b, hi, in_quote)
        # "Battleground state Florida is …", "Federal and state officials said": "state" is an
        # adjective far more often than a verb, and takes no bare clause
        and (toks[a].lower == "state" or not _bare_clause(toks, b, hi, in_quote))
        and not (at_clause_end or content_before)
    ):
        return None
    # passive: "was told", "It was first declared by ..."
    k = a - 1
    while k > lo and toks[k].text.islower() and (toks[k].lower in SKIP_BEFORE_CUE - PASSIVE_AUX or toks[k].lower.endswith("ly")):
        k -= 1
    if (
        k >= lo
        and toks[k].lower in PASSIVE_AUX
        and not toks[a].lower.endswith("ing")
        and cue.lemma not in ("according to", "as per")
    ):
        return _passive_frame(text, toks, a, b, k, cue, lo, hi, in_quote)
    if cue.lemma in ("according to", "as per"):
        # "according to the ministry", "according to federal statistics" (not "according to plan")
        src = right_np(toks, b + 1, hi, in_quote) or _plural_source_phrase(toks, b + 1, hi, in_quote)
        return Frame(a, b, cue, src, "according_to") if src else None
    # "Romney released a statement late Tuesday saying: ...": the statement speaks for its author
    if _is_ing(cue, toks, a) and prev is not None and prev.text != ",":
        # "sent a letter to the NAACP board urging …", "unleashed a series of tweets early Friday saying …"
        medium = None
        for k in range(a - 1, max(lo, a - 9) - 1, -1):
            if toks[k].text in (",", ";", ":") or in_quote[k]:
                break
            if toks[k].lower in _MEDIA:
                # only a document the subject put out ("sent a letter … urging"), not one it
                # received or threw out ("The court threw out a complaint alleging …")
                if any(toks[m].lower in _PRODUCING_VERBS for m in range(max(lo, k - 5), k)):
                    medium = k
                break
        if medium is not None:
            src = left_np(toks, _first_verb_guess(toks, lo, medium), lo, in_quote, text)
            if src is not None:
                return Frame(a, b, cue, src, "participle")
    # "footage of Trump saying …", "a video of Clinton telling …": the name is the speaker
    if _is_ing(cue, toks, a) and prev is not None and prev.text[0].isupper() and _head_ok_token(prev):
        first = a - 1 - _name_length(toks, a - 1, lo)
        if first - 2 >= lo and toks[first - 1].lower == "of" and toks[first - 2].lower in _RECORDINGS:
            return Frame(a, b, cue, (first, a - 1), "participle")
    # "After saying her foot was swollen, she was taken …", "Apart from noting the delay, the
    # report said …": the subject follows the phrase
    if _is_ing(cue, toks, a) and _opening_participle(toks, a, lo):
        comma = _next_comma(toks, b + 1, hi + 1, in_quote)
        src = right_np(toks, comma + 1, hi, in_quote) if comma is not None else None
        if src is None:
            return None
        # the subject ends before its verb ("the company's shares rose …")
        verb = next((m for m in range(src[0] + 1, src[1] + 1) if _finite_verb(toks[m]) or toks[m].lower in _IRREGULAR_FINITE), None)
        return Frame(a, b, cue, (src[0], verb - 1) if verb is not None else src, "participle")
    # "…, saying that …", "… by saying …", "…, even suggesting …", "…,” comparing him …": the
    # source is the subject of the clause
    p = a - 1
    while p > lo and toks[p].text.islower() and toks[p].lower in _PARTICIPLE_ADVERBS:
        p -= 1
    before_p = toks[p] if p >= lo else None
    after_comma = before_p is not None and (
        before_p.text == "," or prev.lower in _PARTICIPLE_PREPOSITIONS
        or _aside_from(toks, a, lo)  # not "refrained from saying"
        or (before_p.text in _CLOSE_MARKS and p - 1 >= lo and toks[p - 1].text == ",")
    )
    if _is_ing(cue, toks, a) and prev is not None and after_comma:
        if prev.lower == "for" and a - 2 > lo and not in_quote[a - 2]:
            # "The coach criticized the player for saying …": the one criticized said it
            obj = toks[a - 2]
            if obj.lower in ("him", "her", "them", "me", "us"):
                return None  # the speaker is whoever the pronoun stands for; better none than the subject
            if obj.text.isalpha() and not _finite_verb(obj) and obj.lower not in FUNCTION_WORDS:
                k = a - 2  # the object: back to its determiner or to the verb
                while k - 1 > lo and toks[k].lower not in _NP_DETERMINERS and toks[k - 1].text.isalpha() \
                        and not _finite_verb(toks[k - 1]) and toks[k - 1].lower not in PREPOSITIONS and k > a - 6:
                    k -= 1
                np = (k, a - 2)
                verb = toks[k - 1] if k - 1 >= lo else None
                if verb is not None and verb.text.islower() and verb.lower not in PREPOSITIONS and verb.lower not in FUNCTION_WORDS and (
                    _finite_verb(verb) or verb.lower.endswith(("s", "ed"))
                ):
                    return Frame(a, b, cue, np, "participle")
        if earlier:
            return Frame(a, b, cue, earlier[-1].src, "participle")
        src = left_np(toks, _first_verb_guess(toks, lo, a), lo, in_quote, text)
        return Frame(a, b, cue, src, "participle") if src else None
    # "... and added that ...": the subject of the previous frame speaks again; with no earlier
    # frame, the subject of the sentence ("Trump bemoaned the unrest and said ...")
    if prev is not None and prev.lower in ("and", "but", "yet", "or"):
        if earlier and earlier[0].src is not None:
            # the sentence's first speaker: in "X said they want A, but pledged B" it is X
            return Frame(a, b, cue, earlier[0].src, "coordinated")
        if not _is_ing(cue, toks, a):  # "Discussing X and reaffirming Y": no finite verb, no speaker
            first_verb = _first_verb_guess(toks, lo, a)
            subject = left_np(toks, first_verb, lo, in_quote, text)
            base_form = not toks[a].lower.endswith(("s", "ed")) and toks[a].lower not in _IRREGULAR_PAST \
                and not (first_verb < a and toks[first_verb].lower in _MODALS)  # "will visit … and announce"
            if subject is not None and subject[0] == lo and not toks[subject[1]].lower.endswith("ing") and not (
                # "Clinton needs to sell herself and tell more jokes": a base form after a singular
                # subject goes with an infinitive, not with the subject
                base_form and not plural_noun(toks[subject[1]]) and toks[subject[1]].lower not in ("they", "we", "i", "you")
            ):
                return Frame(a, b, cue, subject, "coordinated")
    after_is_end = (
        b + 1 > hi or toks[b + 1].text in _TERMINAL or toks[b + 1].lower in TRAILER_STARTS or _adverb_only(toks, b + 1, hi)
    ) and not _infinitive_at(toks, b + 1, hi)
    # inverted: "…,” said Blinken" / "…, said the official"
    if (
        (prev is None or prev.text == "," or in_quote[a - 1] or prev.text in _CLOSE_MARKS)  # "Said Ellis: ..."
        and b + 1 <= hi
        and cue.lemma in INVERTIBLE  # "…, blasted Clinton as …": Clinton is the target, not the speaker
    ):
        src = right_np(toks, b + 1, hi, in_quote)
        if src is not None and _ends_inverted_source(toks, src, hi, in_quote):
            return Frame(a, b, cue, src, "cue_source")
    src = left_np(toks, a, lo, in_quote, text)
    if src is None or src[0] > lo or src[1] < a - 1:
        modified = _modified_evidence_subject(toks, lo, a, in_quote)
        if modified is not None and (src is None or src[0] > modified[0] or src[1] < modified[1]):
            src = modified
    if src is None or (toks[src[0]].lower == "it" and src[0] == src[1] and cue.lemma not in IT_CUES):
        return None  # "it would tell an American story": a thing speaks only through a few verbs
    if toks[src[0]].lower in PREPOSITIONS and toks[a].lower.endswith("ed") and src[1] == a - 1 and toks[src[1]].lower in _MEDIA:
        return None  # "In a Facebook message posted Friday, Trump said …": a participle of the noun
    if len(cue.words) == 1 and toks[a].lower.endswith("s") and toks[src[1]].text.islower() and plural_noun(toks[src[1]]) \
            and src[1] == a - 1 and not any(t.lower in PREPOSITIONS or t.lower in RELATIVES for t in toks[src[0] : src[1] + 1]):
        return None  # "capital gains rates": a verb in -s does not follow a plural subject
    if (
        len(cue.words) == 1 and b + 1 <= hi and toks[b + 1].lower in _AUXILIARIES and not in_quote[b + 1]
        and toks[src[1]].lower not in PRONOUNS | RELATIVES | {"i", "we", "you"}
        # only a source that opens its clause: not "what the study shows is", "Smith, who officials
        # say was driving", "a deal the mayor said would save …"
        and (src[0] == lo or toks[src[0] - 1].text in (",", ";", ":", "—") or toks[src[0] - 1].lower in ("and", "but", "or"))
        and not any(t.lower in ("what", "who", "which", "whom", "that") for t in toks[src[0] : src[1] + 1])
    ):
        return None  # "Health worries have dogged …", "Republican support was solid": a noun before its verb
    if cue.lemma in NEEDS_COMPLEMENT:
        nxt = toks[b + 1] if b + 1 <= hi else None
        if nxt is not None and nxt.text == ",":
            # "cautioned, as did the campaign itself, that …": look past the aside
            that_at = next((m for m in range(b + 3, min(hi + 1, b + 14)) if toks[m].lower == "that" and not in_quote[m]), None)
            if that_at is not None and _aside_before_that(toks, b + 1, that_at):
                nxt = toks[that_at]
        has_comp = nxt is not None and (
            nxt.lower in ("that", ":", "whether", "if", "how", "why", "what")
            or in_quote[b + 1]
            or nxt.text[0] in _OPEN_MARKS
            or (nxt.lower == "to" and cue.lemma in TAKES_INFINITIVE)
            # "implored her to ...", "urged Republicans to ...": an addressee, then what to do
            or (cue.lemma in TELL_LIKE and cue.lemma in TAKES_INFINITIVE and not in_quote[b + 1] and any(
                toks[m].lower == "to" and m + 1 <= hi and toks[m + 1].text.isalpha() and toks[m + 1].text.islower()
                for m in range(b + 2, min(hi + 1, b + 6))
            ))
        )
        quote_soon = any(in_quote[k] for k in range(b + 1, min(hi + 1, b + 16)))
        clause_end = after_is_end and (_before_ends_with_comma(text, toks, lo, src[0]) or _as_source(toks, src, lo))
        if _opening_as(toks, src, b, lo, hi, cue):
            has_comp = True  # "As Ms. Simonyan put it in a statement, RT is …": what was said follows the comma
        # "acknowledged the focus on ...": an object, not "protested outside the embassy"
        object_ok = cue.lemma in OBJECT_IS_CONTENT and nxt is not None and nxt.text not in _TERMINAL \
            and nxt.lower not in PREPOSITIONS and nxt.lower not in _NOT_OBJECT_STARTS
        evidence = _evidence_source(toks, src)
        if cue.lemma in ("find", "show", "indicate", "suggest", "reveal") and evidence:
            object_ok = True  # "The poll indicates a tightening race", "Video shows him ..."
        prep = PREP_COMPLEMENTS.get(cue.lemma)
        if prep and not in_quote[min(b + 1, hi)]:
            # "commented on the shooting", "weighed in Friday about", "asks him about his taxes"
            k = b + 1
            while k <= hi and k - b <= 2 and (toks[k].lower in _TIME_WORDS or toks[k].lower in ("him", "her", "them", "me", "us", "it")):
                k += 1
            if k + 1 <= hi and toks[k].lower in prep and toks[k + 1].lower not in _TIME_WORDS:
                has_comp = True  # not "testified on Tuesday"
        if nxt is not None and nxt.lower in ("just", "exactly", "precisely") and b + 2 <= hi and toks[b + 2].lower in _WH_WORDS:
            has_comp = True  # "reveals just how swift ..."
        if cue.lemma in ("call", "describe", "continue", "ask", "answer"):
            # "called climate change a hoax", "described the deal as ...": an object and a label
            labelled = cue.lemma in ("call", "describe") and any(
                t.lower in ("a", "an", "as") for t in toks[b + 2 : min(hi + 1, b + 13)]
            )
            object_ok = object_ok and (quote_soon or labelled)
        if cue.lemma in BARE_CLAUSE_VERBS and _bare_clause(toks, b, hi, in_quote):
            has_comp = True  # "Obama believes his efforts will be ...", "analysts agreed it was ..."
        if is_common_noun_source(toks, src) and not evidence and not plural_noun(toks[src[1]]):
            # "the various challenges it faces": a thing needs firmer evidence than an object;
            # people in the plural ("advocates have expressed concern") do not
            object_ok = False
        if not (has_comp or quote_soon or clause_end or object_ok or cue.chained):
            return None
    if _noun_compound(toks, a, src):
        return None
    between = {t.text for t in toks[src[1] + 1 : a]}
    if toks[src[0]].lower in RELATIVES and src[0] > lo:
        between.add(toks[src[0] - 1].text)  # "Blinken—who previously said X—reiterated"
    return Frame(a, b, cue, src, "source_cue", parenthetical=bool(between & {"—", "–", "--", "("}))


def _quote_at_end(text: str, region: tuple[int, int], quote_mask: bytearray) -> tuple[int, int]:
    """The quote that ends ``region``, when one does ("the words “I can’t breathe,” as Garner
    said": the quote is what he said); otherwise the region."""
    start, end = region
    k = end - 1
    while k >= start and text[k] in "”’'\"», ":
        k -= 1
    if k < start or not quote_mask[k]:
        return region
    s = k
    while s > start and quote_mask[s - 1]:
        s -= 1
    return (s, end)


def _adverb_only(toks: Sequence[Token], k: int, hi: int) -> bool:
    """Only manner adverbs up to the end of the sentence ("Gowdy said sarcastically.")."""
    while k <= hi and toks[k].text.islower() and toks[k].lower.endswith("ly") and len(toks[k].lower) > 3:
        k += 1
    return k > hi or toks[k].text in _TERMINAL


def _opening_as(toks: Sequence[Token], src: tuple[int, int], b: int, lo: int, hi: int, cue: Cue) -> bool:
    """"As Smith said, …", "As Ms. Simonyan put it in a statement, …": a sentence that opens with
    "as", its source and a verb of saying, then a comma or a prepositional phrase and a comma (not
    "As we continue to navigate the landscape, …")."""
    if src[0] - 1 != lo or toks[lo].lower != "as" or cue.lemma not in INVERTIBLE or cue.lemma == "continue" or b + 1 > hi:
        return False
    comma = _next_comma(toks, b + 1, hi + 1)
    if comma is None:
        return False
    if comma == b + 1:
        return True
    # only a phrase that says where it was said ("in a statement", "on Twitter"), not a complement
    # ("As Smith argued with the referee, …", "As the CEO warned investors about …")
    phrase = toks[b + 1 : comma]
    return phrase[0].lower in ("in", "on", "at", "during", "to") and any(
        t.lower in _MEDIA or t.lower in _SPEECH_OCCASIONS or t.text[0].isupper() for t in phrase[1:]
    )


_SPEECH_OCCASIONS = frozenset({"interview", "interviews", "speech", "remarks", "conference", "hearing", "debate", "rally", "briefing", "podcast", "broadcast", "twitter", "television", "radio"})


def _as_source(toks: Sequence[Token], src: tuple[int, int], lo: int) -> bool:
    """"…, as a memo put it", "…,'' as Eric Garner said": a source after "as" that follows a
    comma or a closing quote mark."""
    if src[0] - 2 < lo or toks[src[0] - 1].lower != "as":
        return False
    before = toks[src[0] - 2].text
    return before == "," or all(ch in "”’'\"»" for ch in before)


def _passive_frame(
    text: str, toks: Sequence[Token], a: int, b: int, aux: int, cue: Cue, lo: int, hi: int, in_quote: Sequence[bool]
) -> Frame | None:
    """"Clinton has been endorsed by dozens of papers", "His views were echoed by tax experts":
    the agent after "by" is the source, the subject is what was said or judged. Without an
    agent ("the treasurer was accused of using ...", "it is expected to pass"), the source is unnamed."""
    if b + 2 <= hi and toks[b + 1].lower != "by":
        return _agentless_passive(text, toks, a, b, cue, hi, in_quote)
    if b + 2 > hi or toks[b + 1].lower != "by" or cue.lemma not in _BY_PASSIVES:
        return None
    src = _agent_phrase(toks, b + 2, hi, in_quote)
    subject = left_np(toks, aux, lo, in_quote, text)
    if src is None or subject is None or toks[subject[0]].lower in PRONOUNS | RELATIVES | {"it"}:
        return None
    f = Frame(a, b, cue, src, "passive")
    f.content = (toks[subject[0]].start, toks[subject[1]].end)
    return f


# Passives that report an unnamed source's words or view, with the complement each takes
_AGENTLESS = {
    "accuse": ("of",), "criticize": ("for", "as"), "blame": ("for",), "consider": ("to", "a", "an", "as"),
    "expect": ("to",), "view": ("as",), "see": ("as",), "describe": ("as",), "label": ("as", "a", "an"),
    "rate": ("as",), "believe": ("to",), "think": ("to",), "say": ("to",), "allege": ("to",),
    "suspect": ("of",), "report": ("to",), "deem": ("to", "a", "an"), "call": ("a", "an"),
    "ask": ("to", "how", "whether", "why", "what", "if"), "tell": ("to", "that"), "warn": ("of", "that", "to", "not"),
    "urge": ("to",), "mention": ("as",), "praise": ("for", "as"), "condemn": ("for", "as"),
}


def _agentless_passive(text: str, toks: Sequence[Token], a: int, b: int, cue: Cue, hi: int, in_quote: Sequence[bool]) -> Frame | None:
    takes = _AGENTLESS.get(cue.lemma)
    if takes is None or in_quote[b + 1] or toks[b + 1].lower not in takes:
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


# Passives whose "by" phrase is who said or judged ("was endorsed by", "were echoed by")
_BY_PASSIVES = (OBJECT_IS_CONTENT | {"report", "write", "echo"}) - {"reassure", "offer", "address", "rate", "detail", "pitch", "want", "prefer"}
_AGENT_ENDS = frozenset({"who", "which", "that", "to", "after", "before", "when", "while", "because", "for", "in", "on", "at", "since", "and", "but"})


def _agent_phrase(toks: Sequence[Token], k: int, hi: int, in_quote: Sequence[bool]) -> tuple[int, int] | None:
    """The phrase after a passive's "by": "dozens of papers", "far fewer publications"."""
    if k > hi or in_quote[k] or not toks[k].text.isalnum():
        return None
    end = k
    while end + 1 <= hi and end - k < 12 and not in_quote[end + 1] and toks[end + 1].text.replace("-", "").replace("’", "").isalnum() \
            and toks[end + 1].lower not in _AGENT_ENDS:
        end += 1
    return (k, end)


NOUN_MARKERS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those",
     "this", "that", "such", "some", "several", "many", "any", "no", "new", "other", "own",
     "announced", "swing", "suing", "federal", "two", "three", "four", "five", "all", "both"}
)
_SUPERLATIVES = frozenset(
    {"worst", "best", "biggest", "largest", "latest", "greatest", "highest", "lowest", "strongest",
     "newest", "oldest", "earliest", "deepest", "harshest", "toughest", "fiercest", "loudest", "most", "least"}
)
_MODALS = frozenset({"will", "would", "can", "could", "should", "may", "might", "must", "shall", "do", "does", "did"})
# Before a base-form cue word, these make it a noun ("his plan", "one tweet", "No doubt").
_BASE_NOUN_MARKERS = frozenset(
    {"the", "a", "an", "his", "its", "their", "our", "my", "your", "this", "these", "those", "no",
     "one", "any", "every", "such"}
)  # not "her" ("I heard her say …") nor "each" ("the two candidates each say …")
# Right after a cue word, these make it the head of a subject ("Health worries have dogged").
_AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "should", "must", "may", "might"}
)
# Cue words that are more often nouns or adjectives: a cue only with a clause or quote after.
STRICT_COMPLEMENT = frozenset({"state", "retort", "plan", "claim", "charge"})


def _infinitive_at(toks: Sequence[Token], k: int, hi: int) -> bool:
    """"to stand tall" (an infinitive), unlike "to reporters" or "to the Times" (an addressee)."""
    if k + 1 > hi or toks[k].lower != "to":
        return False
    nxt = toks[k + 1]
    return nxt.text.isalpha() and nxt.text.islower() and nxt.lower not in DETERMINERS_AND_PRONOUNS


DETERMINERS_AND_PRONOUNS = _NP_DETERMINERS | {
    "these", "those", "me", "him", "them", "us", "you", "reporters", "journalists", "some", "all", "both"
}


def _has_clause_complement(toks: Sequence[Token], b: int, hi: int, in_quote: Sequence[bool]) -> bool:
    if b + 1 > hi:
        return False
    nxt = toks[b + 1]
    return nxt.lower in ("that", ":", ",", "to", "whether", "if") or in_quote[b + 1] or nxt.text[0] in _OPEN_MARKS


# Verbs of thinking and saying that take a clause without "that" ("believes his efforts will").
BARE_CLAUSE_VERBS = frozenset(
    {"believe", "think", "know", "feel", "hope", "expect", "fear", "worry", "suspect", "doubt",
     "understand", "recognize", "agree", "argue", "claim", "insist", "acknowledge", "admit",
     "warn", "predict", "estimate", "suggest", "contend", "maintain", "assert", "concede",
     "confirm", "deny", "note", "find", "show", "indicate", "reveal", "conclude", "learn",
     "recall", "remember", "complain", "boast", "announce", "explain", "state", "report", "write",
     "tweet", "post", "respond", "reply", "answer", "assure", "promise", "pledge", "vow",
     "emphasize", "stress", "reiterate", "add", "declare", "allege", "charge", "speculate",
     "decide"}
)
_FINITE = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can",
     "should", "must", "may", "might", "does", "did", "do", "’s", "'s", "’re", "'re", "’ll", "'ll",
     "wo", "ca", "need", "needs", "wants", "remains", "remained", "seems", "seemed"}
)


def _bare_clause(toks: Sequence[Token], b: int, hi: int, in_quote: Sequence[bool]) -> bool:
    """A clause follows without "that": a subject, then a finite verb within a few words."""
    if b + 2 > hi or in_quote[b + 1]:
        return False
    first = toks[b + 1]
    subject_word = first.text[0].isupper() or first.lower in _CLAUSE_SUBJECTS or first.text.isdigit() or (
        first.text.isalpha() and first.text.islower() and not first.lower.endswith("ly")
        and first.lower not in FUNCTION_WORDS and first.lower not in PREPOSITIONS and first.lower not in _WH_WORDS
    )  # "hoped electric utilities would ..."; not "decided who should run"
    if not subject_word:
        return False
    for k in range(b + 2, min(hi + 1, b + 9)):
        if in_quote[k] or toks[k].text in (",", ".", ";", ":"):
            return False
        low = toks[k].lower
        if low in _FINITE or (toks[k].text.islower() and (low.endswith("ed") and len(low) > 4 or low in _IRREGULAR_FINITE)):
            return True
        if low in PREPOSITIONS and k == b + 2:
            return False  # "thinks highly of", "hopes for a deal"
        if low in ("and", "or", "but"):
            return False  # "claimed seven lives and injured several": an object, then another verb
    return False


_WH_WORDS = frozenset({"who", "whom", "what", "which", "where", "when", "why", "how", "whether", "if"})


def _finite_verb(tok: Token) -> bool:
    """A lower-case word that is a finite verb or looks like one: an auxiliary, an irregular
    past ("took", "cost") or a past in -ed."""
    low = tok.lower
    return tok.text.islower() and (low in _FINITE or low in _IRREGULAR_FINITE or (low.endswith("ed") and len(low) > 4))


_CLAUSE_SUBJECTS = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "the", "his", "her", "their", "its", "this",
     "there", "a", "an", "some", "no", "most", "many", "those", "these", "such", "several", "all",
     "both", "each", "every", "our", "my", "your", "one", "two", "three", "few", "nobody", "everyone"}
)
_IRREGULAR_FINITE = frozenset(
    {"took", "made", "got", "went", "came", "gave", "said", "told", "knew", "thought", "saw",
     "found", "won", "lost", "paid", "left", "ran", "sent", "spent", "kept", "held", "brought",
     "bought", "began", "became", "did", "had", "felt", "led", "meant", "grew", "fell", "rose",
     "broke", "chose", "drove", "wrote", "spoke", "stood", "sold", "taught", "understood", "drew",
     "cost", "hit", "hurt", "shut", "struck", "threw", "forced"}
)
# Verbs whose complement is a prepositional phrase naming what was said ("commented on").
# Only verbs of saying whose phrase can only be about something said: "responded to the blaze",
# "asked for a lawyer" and "writes about food" are actions, so those verbs are not here.
PREP_COMPLEMENTS = {
    "comment": ("on", "about"), "elaborate": ("on", "upon"),
    "weigh in": ("on", "about"), "speak out": ("about", "on", "against"),
    "complain": ("about", "of"), "warn": ("of", "about", "against"), "testify": ("about", "on"),
    "boast": ("about", "of"), "brag": ("about",), "joke": ("about",), "ask": ("about",),
    "worry": ("about",), "question": ("whether",), "argue": ("for", "against"),
    "disagree": ("with", "about", "on", "over"), "apologize": ("for", "to"),
}


def _head_ok_token(tok: Token) -> bool:
    """A capitalised word before an -s cue that can be a subject (a name), not a modifier."""
    return tok.text[0].isupper() and tok.lower not in ("fifth", "first", "second")


_EVIDENCE_HEADS = frozenset(
    {"poll", "survey", "study", "report", "data", "research", "video", "analysis", "review",
     "investigation", "audit", "figures", "statistics", "records", "documents", "footage",
     "findings", "census", "estimate", "model", "test", "tests", "experiment", "paper", "filing",
     "average", "polls", "polling", "tally", "count", "forecast", "projection", "chart", "map"}
)


def _evidence_source(toks: Sequence[Token], src: tuple[int, int]) -> bool:
    """Is the source a study, poll, record, recording or publication (which "finds", "shows",
    "mentions")?"""
    head = toks[src[1]].lower
    heads = _EVIDENCE_HEADS | _MEDIA
    return head in heads or head.rstrip("s") in heads or any(t.lower in _EVIDENCE_HEADS for t in toks[src[0] : src[1] + 1])


_SUBJECT_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "one", "another", "each"}
)


def _modified_evidence_subject(toks: Sequence[Token], lo: int, a: int, in_quote: Sequence[bool]) -> tuple[int, int] | None:
    """A study or poll whose modifiers hold a participle or a relative clause, from the start of
    the clause to the cue: "The latest Reuters/Ipsos poll released Friday shows", "The average of
    polls taken over the past two weeks shows", "A USA TODAY analysis of super PACs that have
    raised $1 million since 2015, shows". None unless the clause opens with a determiner and its
    first evidence noun comes before any verb of the clause's own."""
    if a - lo < 3 or toks[lo].lower not in _SUBJECT_DETERMINERS or any(in_quote[lo:a]):
        return None
    head = None
    for k in range(lo + 1, min(a, lo + 9)):
        if toks[k].lower in _EVIDENCE_HEADS:
            head = k
            break
        if _finite_verb(toks[k]) or toks[k].text in (",", ";", ":"):
            return None
    if head is None or head == a - 1:
        return None  # no head, or nothing to add to what left_np finds
    relative = False
    for k in range(head + 1, a):
        t = toks[k]
        if t.text in (";", ":") or t.text in _TERMINAL:
            return None
        if not relative and (t.text == "," and k != a - 1 or t.lower in ("and", "but", "yet", "or", "while")):
            return None  # "The poll closed early, and the mayor said": another clause's subject
        if t.lower in ("that", "which", "who") and not relative:
            relative = True  # its verbs belong to the relative clause
            continue
        if relative or not (_finite_verb(t) or t.lower in _FINITE):
            continue
        # a participle right after a noun or an adverb modifies the head ("poll released Friday")
        if not (t.lower.endswith("ed") or t.lower in ("taken", "done", "given", "made", "run", "held", "shown", "seen", "written")):
            return None
    end = a - 1
    if relative and toks[end].text != ",":
        return None  # "… that have raised $1 million, shows": the relative clause ends with a comma
    while end > head and toks[end].text == ",":
        end -= 1
    return (lo, end)


def _noun_compound(toks: Sequence[Token], a: int, src: tuple[int, int]) -> bool:
    """"the U.S. support for ...", "a White House plan": a base-form cue right after a
    singular phrase opened by a determiner is a noun, not a verb."""
    cue = toks[a].lower
    if src[1] != a - 1 or cue.endswith(("s", "ed", "ing")) or cue in _IRREGULAR_PAST:
        return False
    first, head = toks[src[0]].lower, toks[src[1]]
    plural = head.lower.endswith("s") and not head.text.endswith(".") and not head.text.isupper()
    return first in _NP_DETERMINERS and not plural


_IRREGULAR_PAST = frozenset({"said", "told", "knew", "thought", "wrote", "felt", "found", "saw", "spoke", "understood", "forecast", "put"})


_MEDIA = frozenset(
    {"statement", "letter", "ad", "advertisement", "video", "post", "tweet", "message", "email",
     "release", "interview", "note", "op-ed", "speech", "memo", "filing", "report", "column",
     "statements", "letters", "ads", "videos", "posts", "tweets", "messages", "emails", "notes",
     "paper", "papers", "conference", "motion", "complaint", "lawsuit", "petition", "brief",
     "editorial", "essay", "article", "resolution"}
)


# Verbs by which a subject puts out a document that then speaks for it.
_PRODUCING_VERBS = frozenset(
    {form
     for stem in ("send", "sent", "issue", "release", "post", "file", "give", "gave", "given", "hold", "held",
                  "publish", "write", "wrote", "written", "tweet", "air", "run", "ran", "unveil", "launch",
                  "circulate", "distribute", "sign", "deliver", "put out", "submit", "pen", "draft", "unleash", "fire off")
     for form in (stem, stem + "s", stem + "ed", stem + "d", stem + "ing")}
)
_DAY_WORDS = frozenset({"today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_TIME_WORDS = frozenset(
    {"today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "morning", "afternoon", "evening", "night", "week", "month", "year"}
)


def _ends_inverted_source(toks: Sequence[Token], src: tuple[int, int], hi: int, in_quote: Sequence[bool]) -> bool:
    """Is the phrase after the verb its source ("…, said Phil Smith, a spokesman", "said
    Blinken.") rather than the subject of the reported clause ("…, said the union expected
    …", "said he would …")? A source ends the clause; a subject goes on to its verb."""
    if any(t.lower in _TIME_WORDS and (t.text.islower() or t.lower in _DAY_WORDS) for t in toks[src[0] : src[1] + 1]):
        return False  # "…, said Tuesday": a time, not a speaker
    k = src[1] + 1
    if k > hi or in_quote[k]:
        return True
    nxt = toks[k]
    return nxt.text in (",", ".", ";", ":", "!", "?", "—", "–", "(", ")") or nxt.text[0] in _OPEN_MARKS \
        or nxt.lower in TRAILER_STARTS or nxt.lower in ("who", "whose", "for")  # "wrote X for Morning Consult"


def _after_determiner(toks: Sequence[Token], lo: int, k: int) -> bool:
    """A participle used as an adjective: "a swiftly called meeting", "the announced plan"."""
    j = k - 1
    if j > lo and toks[j].lower.endswith("ly"):
        j -= 1
    return j >= lo and toks[j].lower in ("a", "an", "the", "this", "that", "its", "his", "her", "their", "our")


def _first_verb_guess(toks: Sequence[Token], lo: int, a: int) -> int:
    """For a participle frame with no earlier frame: the subject is the sentence's first phrase,
    which ends before the first past-tense or auxiliary verb ("The mayor visited ...") or, for a
    name, at the first word after it."""
    for k in range(lo + 1, a):
        w = toks[k]
        if _finite_verb(w) and not _after_determiner(toks, lo, k):
            return k
        if w.text in (";", ":") or w.text[0] in _OPEN_MARKS:
            break
    k = lo
    while k < a and (toks[k].text[0].isupper() or toks[k].lower in ("the", "a", "an", "’s", "'s", "of")):
        k += 1
    return k


def _before_ends_with_comma(text: str, toks: Sequence[Token], lo: int, src_a: int) -> bool:
    """Does the text before the source end a clause (a comma or a closing quote mark), allowing
    two lower-case modifiers before the name ("…,” panel Chairman Jason Chaffetz said")?"""
    if src_a <= lo:
        return False
    k = src_a
    while k > lo and src_a - k < 2 and toks[k - 1].text.isalpha() and toks[k - 1].text.islower():
        k -= 1
    for cut in (src_a, k):
        before = text[toks[lo].start : toks[cut].start].rstrip()
        if before.endswith((",", "”", '"', "’", "''")):
            return True
    return False


def _set_contents(
    text: str,
    toks: Sequence[Token],
    sent: SentenceSpan,
    lo: int,
    hi: int,
    frames: list[Frame],
    in_quote: Sequence[bool],
    quote_mask: bytearray,
) -> None:
    """Give each frame of a sentence its content range and decide direct or indirect."""
    # for each frame, the next later frame that starts a clause (one backward pass)
    next_clause: list[Frame | None] = [None] * len(frames)
    following: Frame | None = None
    for n in range(len(frames) - 1, -1, -1):
        next_clause[n] = following
        if _starts_clause(toks, frames[n], lo):
            following = frames[n]
    region_start: list[int] = []
    for n, f in enumerate(frames):
        f_start = frame_start(toks, f)
        prev_end = frame_end(toks, frames[n - 1]) if n > 0 else sent.start
        if n > 0 and _opens_sentence(toks, frames[n - 1]) and frames[n - 1].content is not None:
            prev_end = frames[n - 1].content[1]  # "After promising X, the governor raised them, critics said"
        prev_content = frames[n - 1].content if n > 0 else None
        if prev_content is not None and prev_content[1] <= f_start and not text[prev_content[1] : f_start].strip(" ,;:”’\"'\n"):
            # "Voters are worried about prices, a new poll shows": the earlier statement runs up to
            # this frame, so it is part of what this frame reports, which starts where it started
            prev_end = region_start[n - 1]
        region_start.append(prev_end)
        # Content runs to the next frame that starts a new clause ("..., adding that",
        # "and said"); a frame inside the content ("He added that he had expressed ...") is
        # nested reported speech and does not cut it.
        nxt = next_clause[n]
        if f.pattern == "according_to" and f.src is not None and toks[f.cue_a].start == sent.start:
            nxt = None  # "According to X, CONTENT": everything after the phrase is the content
        next_start = frame_start(toks, nxt) if nxt is not None else sent.end
        if nxt is not None and next_start <= toks[f.cue_b].end:  # it shares this frame's source
            next_start = toks[nxt.cue_a].start
        before = _strip_range(text, prev_end, f_start)
        if f.parenthetical:
            closer = next((t.start for t in toks[f.cue_b + 1 : hi + 1] if t.text in ("—", "–", "--", ")")), None)
            if closer is not None:
                next_start = min(next_start, closer)
        if f.pattern == "according_to":
            after_src = _content_after(text, toks, f.src[1], hi, f.cue, in_quote, next_start) if f.src else None
            if before[1] - before[0] > 0 and _has_words(text, *before) and not (
                after_src is not None and _has_words(text, *after_src) and _introductory(text, toks, before, quote_mask)
            ):
                f.content = _trim_terminal(text, *before)
            else:
                f.content = _content_after(text, toks, f.src[1] if f.src else f.cue_b, hi, f.cue, in_quote, next_start)
        elif f.pattern == "passive":
            pass  # the subject, set with the frame
        elif f.pattern == "cue_source":
            if _has_words(text, *before):
                f.content = _trim_terminal(text, *before)
            elif f.src is not None and f.src[1] + 1 <= hi and toks[f.src[1] + 1].text == ":":
                # "Said Ellis: “I don’t get the sense ...”": what was said follows the speaker
                f.content = _content_after(text, toks, f.src[1], hi, f.cue, in_quote, next_start)
            else:
                f.content = None
        elif f.pattern in ("participle", "coordinated", "nominal", "stance"):
            f.content = _content_after(text, toks, f.cue_b, hi, f.cue, in_quote, next_start)
            if f.pattern == "participle" and f.content is not None and f.cue_a - 2 >= lo \
                    and toks[f.cue_a - 1].lower in _PARTICIPLE_PREPOSITIONS and toks[f.cue_a - 2].text == ",":
                # "Ryan, despite admitting that he had concerns, backed the bill"
                f.content = _end_at_main_verb_after_comma(text, toks, f.cue_b + 1, hi, f.content, in_quote)
            if _opens_sentence(toks, f) and f.content is not None and f.src is not None:
                # "Despite saying the plant was safe, the company closed it": ends at the comma
                f.content = _trim_terminal(text, *_strip_range(text, f.content[0], min(f.content[1], toks[f.src[0]].start)))
            if f.pattern == "nominal" and f.content is not None and f.src is not None and f.src[0] == lo:
                f.content = _before_main_verb(text, toks, f.cue_b + 1, hi, f.content, in_quote)
        else:  # source_cue
            after = _content_after(text, toks, f.cue_b, hi, f.cue, in_quote, next_start)
            after_words = after is not None and _has_words(text, *after)
            trailer = after is None or toks[f.cue_b + 1].lower in TRAILER_STARTS or _adverb_only(toks, f.cue_b + 1, hi) if f.cue_b + 1 <= hi else True
            short_after = after is not None and len(text[after[0] : after[1]].split()) <= 3  # "told The Times then"
            relative = toks[f.src[0]].lower in RELATIVES  # "China, which vowed to ...": content after
            before_quote = before[1] > before[0] and _only_quotes(text, *_trim_terminal(text, *before), quote_mask)
            # what was said before the source is a quote or a clause, never "Still," or "Meanwhile,"
            # an opening phrase ("Through a spokesman,", "When the diagnosis was confirmed,") is
            # not what was said when the cue has content of its own after it
            before_ok = before_quote or (
                len(text[before[0] : before[1]].split()) >= 3 and not (after_words and _introductory(text, toks, before, quote_mask))
            )
            # "The economy is strong, as Smith said.", "…,” as a memo put it.": what comes before
            # the "as" is what was said
            as_clause = _as_source(toks, f.src, lo)
            if as_clause:
                before = _quote_at_end(text, _strip_range(text, before[0], toks[f.src[0] - 1].start), quote_mask)
            # "As Ms. Simonyan put it in a statement, RT is …": what was said follows the comma
            opening_as = _opening_as(toks, f.src, f.cue_b, lo, hi, f.cue)
            comma = _next_comma(toks, f.cue_b + 1, hi + 1, in_quote) if opening_as else None
            if f.src[0] > lo and (toks[f.src[0] - 1].lower in _SUBORDINATORS or toks[f.src[0] - 1].lower in ("and", "but", "yet", "or")):
                # "The dam held, though engineers warned it might fail", "…, but Mr. Obama learned
                # from the experience": the clause before is no part of this statement
                before_ok = False
            # "..., Clinton said, “I think ...”" and "... reported at the time that ...": the
            # quote or that-clause after the verb is what was said
            after_first = after is not None and (text[after[0]] in _OPEN_MARKS or text[after[0] : after[0] + 5].lower() == "that ")
            if comma is not None and _has_words(text, toks[comma].end, next_start):
                f.content = _trim_terminal(text, *_strip_range(text, toks[comma].end, next_start))
            elif as_clause and _has_words(text, *before) and (
                not after_words or short_after
                or (f.cue_b + 1 <= hi and (toks[f.cue_b + 1].text == "," or toks[f.cue_b + 1].lower in ("and", "but")))
            ):  # "The rally was peaceful, as police confirmed, and …"
                f.content = _trim_terminal(text, *before)
            elif not relative and before_ok and _has_words(text, *before) and _before_ends_with_comma(text, toks, lo, f.src[0]) and (
                not after_words
                or (trailer and not (after_first and not before_quote))
                or (f.cue.lemma in TELL_LIKE and before_quote and not after_first)  # "“…,” he told some of the miners"
                or (short_after and f.cue.lemma in TELL_LIKE)
            ):
                f.content = _trim_terminal(text, *before)
            elif after_words:
                f.content = after
            elif _has_words(text, *before):
                f.content = _trim_terminal(text, *before)
        if f.content is not None and f.src is not None and f.pattern in ("source_cue", "stance") and toks[f.src[0]].lower in RELATIVES \
                and f.src[0] > lo and f.cue_b + 1 <= hi:
            # "Countries that condemned the invasion imposed sanctions", "The EU, which argued that
            # Ireland undertaxed Apple, won the case": a relative clause ends before the main verb
            if toks[f.src[0] - 1].text in (",", "—", "–", "("):
                f.content = _end_of_aside(text, toks, f.cue_b + 1, hi, f.content, in_quote)
            clause = (f.cue.lemma in BARE_CLAUSE_VERBS or f.cue.lemma not in NEEDS_COMPLEMENT) and _bare_clause(toks, f.cue_b, hi, in_quote)
            f.content = _before_main_verb(text, toks, f.cue_b + 1, hi, f.content, in_quote, clause)
        if f.content is not None:
            s, e = _end_at_new_clause(text, toks, lo, hi, *f.content, in_quote)
            f.content = (s, e)
            f.direct = _only_quotes(text, s, e, quote_mask)


def _before_main_verb(
    text: str, toks: Sequence[Token], k: int, hi: int, content: tuple[int, int], in_quote: Sequence[bool], clause: bool = False
) -> tuple[int, int]:
    """"His promise to cut taxes won him votes", "Trump's claim that crime had doubled was
    false": when the statement sits inside the sentence's subject (a reporting noun that opens
    it, or a relative clause), it ends before the sentence's own verb: the first finite verb
    after an object or a to-infinitive, the second after a clause ("that ...", or ``clause``)."""
    needed = 2 if clause or toks[k].lower == "that" else 1
    seen = 0
    for m in range(k + 2, hi + 1):
        t = toks[m]
        if t.start >= content[1]:
            break
        if in_quote[m]:
            continue
        if _finite_verb(t):
            if toks[m - 1].lower in _FINITE or toks[m - 1].lower in ("been", "be", "not", "n't", "n’t"):
                continue  # one verb group: "had doubled", "would be", "has not been"
            seen += 1
            if seen == needed:
                return _trim_terminal(text, content[0], t.start)
    return content


def _end_at_main_verb_after_comma(text: str, toks: Sequence[Token], k: int, hi: int, content: tuple[int, int], in_quote: Sequence[bool]) -> tuple[int, int]:
    """The aside ends at a comma followed by the main clause's verb (", backed the bill")."""
    for m in range(k, hi):
        t = toks[m]
        if t.start >= content[1]:
            break
        nxt = toks[m + 1]
        if t.text == "," and not in_quote[m] and _finite_verb(nxt):
            return _trim_terminal(text, content[0], t.start)
    return content


def _end_of_aside(text: str, toks: Sequence[Token], k: int, hi: int, content: tuple[int, int], in_quote: Sequence[bool]) -> tuple[int, int]:
    """"Okafor, who said the plan would fail, told ...": a statement inside a relative clause set
    off by a comma ends where the aside ends (its next comma, dash or parenthesis)."""
    if k <= hi and toks[k].lower == "that":
        return content  # "who said that ...": the clause may hold commas of its own
    for m in range(k, hi + 1):
        t = toks[m]
        if t.start >= content[1]:
            break
        if t.start > content[0] and not in_quote[m] and t.text in (",", "—", "–", "(", ")"):
            return _trim_terminal(text, content[0], t.start)
    return content


_NOT_OBJECT_STARTS = frozenset(
    {"from", "with", "by", "up", "down", "out", "off", "away", "back", "as", "when", "while", "because",
     "after", "before", "until", "during", "so", "then", "again", "there", "here", "too", "and", "or", "but"}
)
_SUBORDINATORS = frozenset(
    {"though", "although", "while", "when", "as", "if", "after", "before", "because", "since",
     "once", "until", "unless", "whereas", "whether"}
)
_COORDINATORS = frozenset({"and", "but", "yet", "so", "while", "although", "though", "whereas"})
_INTRO_OPENERS = PREPOSITIONS | _SUBORDINATORS | {"like", "unlike", "during", "despite", "amid", "by", "without", "to"}
_INTRO_ADVERBS = frozenset({"even", "just", "only", "long", "shortly", "soon", "right", "much", "not"})


def _introductory(text: str, toks: Sequence[Token], region: tuple[int, int], quote_mask: bytearray) -> bool:
    """Is ``region`` (what comes before a source, up to its comma) an opening phrase rather than
    something said: "Through a spokesman, he declined ...", "In the end, Patriot agreed ...",
    "When the diagnosis was confirmed, Clinton did not want ...", "Like President Obama, I believe
    ...", "As it stands, according to ..."? One phrase that starts with a preposition or a
    subordinator and holds no comma; a quote is always something said."""
    start, end = _strip_range(text, *region)
    if end <= start or any(quote_mask[start:end]):
        return False
    k = bisect_left(toks, start, key=_start_of)
    while k < len(toks) and toks[k].start < end and toks[k].lower in _INTRO_ADVERBS:
        k += 1
    if k >= len(toks) or toks[k].start >= end or toks[k].lower not in _INTRO_OPENERS:
        return False
    if "," in text[toks[k].end : end] or ";" in text[toks[k].end : end]:
        return False
    if toks[k].lower in _SUBORDINATORS:
        return True  # "When the diagnosis was confirmed, …": a clause, but not a main one
    # a preposition: "About 9.9 million mothers live in the state, according to …" is a clause
    rest = [t for t in toks[k + 1 : bisect_left(toks, end, k, key=_start_of)]]
    if rest and toks[k].lower in ("about", "around", "over", "under") and (rest[0].text[0].isdigit() or rest[0].lower in _NUMBER_WORDS):
        return False  # "About 9.9 million …", "Over half of …": a number, not a place or a time
    return not any(_finite_verb(t) and not _after_determiner(toks, k, m) for m, t in enumerate(rest, k + 1))


_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half", "dozens", "hundreds", "thousands", "millions"})


def _end_at_new_clause(text: str, toks: Sequence[Token], lo: int, hi: int, s: int, e: int, in_quote: Sequence[bool]) -> tuple[int, int]:
    """What was said ends where the author goes on with a clause of their own: "… lower taxes,
    but he has also intensified …" (a comma, a conjunction, a new subject and its verb)."""
    # "Though she called for X, Clinton restricted ...": a statement in an opening subordinate
    # clause ends where the main clause starts
    # (when the content itself opens with the subordinate clause, as in "As it stands, the system
    # holds a quarter of all inmates, according to …", the whole sentence is what was said)
    subordinate = toks[lo].lower in _SUBORDINATORS and s > toks[lo].start
    for k in range(bisect_left(toks, s, lo, hi + 1, key=_start_of), hi + 1):
        t = toks[k]
        if t.end > e:
            break
        if in_quote[k]:
            continue
        if t.text == ";" or (t.text == "," and k + 1 <= hi and toks[k + 1].lower in _COORDINATORS and _new_subject(toks, k + 2, hi, in_quote)):
            return _trim_terminal(text, s, t.start)
        if t.lower in _COORDINATORS and k - 2 >= lo and toks[k - 1].text in _CLOSE_MARKS and toks[k - 2].text == "," \
                and toks[k - 2].start >= s and _new_subject(toks, k + 1, hi, in_quote):
            # "… “jobs, jobs, jobs,” but he has also …": the comma sits inside the closing quote
            return _trim_terminal(text, s, toks[k - 1].end)
        if subordinate and t.text == "," and _new_subject(toks, k + 1, hi, in_quote):
            return _trim_terminal(text, s, t.start)
    # "… were not complete, and" (the next statement starts after the conjunction); the window
    # keeps the search linear however much white space the text holds
    base = max(s, e - 40)
    m = _TRAILING_CONJUNCTION.search(text, base, e)
    return _trim_terminal(text, s, m.start()) if m and m.start() > s else (s, e)


_TRAILING_CONJUNCTION = re.compile(r"(?:[,;]?\s+(?:and|but|yet|so|while|although|though|whereas)|[,;]\s+(?:even|also|perhaps|then|again|later|often|repeatedly))\s*$")


def _start_of(t: Token) -> int:
    return t.start


def _new_subject(toks: Sequence[Token], k: int, hi: int, in_quote: Sequence[bool]) -> bool:
    """A subject, then a finite verb within four words ("he has also intensified", "Trump said")."""
    if k > hi or in_quote[k] or not (toks[k].lower in _CLAUSE_SUBJECTS or toks[k].text[0].isupper()):
        return False
    for m in range(k + 1, min(hi + 1, k + 5)):
        low = toks[m].lower
        if low in _FINITE or (toks[m].text.islower() and low.endswith("ed") and len(low) > 4):
            return True
        if toks[m].text in (",", ";", ":") or in_quote[m]:
            return False
    return False


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


def frame_start(toks: Sequence[Token], f: Frame) -> int:
    if f.src and f.pattern not in ("participle", "coordinated"):
        return toks[min(f.cue_a, f.src[0])].start
    # "… by telling them", "… aside from saying": the preposition opens the participle's phrase
    k = _participle_phrase_start(toks, f.cue_a, f.lo) if f.pattern == "participle" else f.cue_a
    return toks[k].start


def _participle_phrase_start(toks: Sequence[Token], a: int, lo: int) -> int:
    """The first token of a participle's phrase: "even suggesting", "by telling", "aside from saying"."""
    k = a
    while k - 1 > lo and toks[k - 1].text.islower() and (toks[k - 1].lower in _PARTICIPLE_ADVERBS or toks[k - 1].lower in _PARTICIPLE_PREPOSITIONS):
        k -= 1
    if k == a and k - 2 > lo and _aside_from(toks, a, lo):
        k -= 2
    return k


def frame_end(toks: Sequence[Token], f: Frame) -> int:
    if f.src and f.pattern not in ("participle", "coordinated"):
        return toks[max(f.cue_b, f.src[1])].end
    return toks[f.cue_b].end


def _has_words(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])


def _trim_terminal(text: str, start: int, end: int) -> tuple[int, int]:
    s, e = _strip_range(text, start, end)
    while e > s and text[e - 1] in _TERMINAL + " ,":
        e -= 1
    return (s, e)
