"""Paragraphs -> tokens and sentences, every one with character offsets into the article text.

Tokens come from spaCy's English pipeline (which keeps "U.S." and "Mr." whole) and carry what
the statistical pipeline says of them: coarse and fine part of speech, lemma, dependency relation
and head, and entity type. Paragraphs go through ``nlp.pipe`` in one batch. Sentences are
split by rule, never across a paragraph: after ``.``, ``!``, ``?`` or an ellipsis (with any closing
quote marks or brackets that follow), when the next token opens a sentence: a capital letter, a
digit, or an opening quote mark or bracket. ``“Really?” he asked.`` stays one sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from framing.model import Span
from framing.nlp.pipeline import load_pipeline

MAX_TOKENS = 300  # a sentence longer than this is cut at its next comma (see _split_sentences)
TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??"})
CLOSERS = frozenset({"”", '"', "’", "'", ")", "]", "»", "›"})
OPENERS = frozenset({"“", '"', "‘", "'", "(", "[", "«", "‹", "—", "–"})


class Token(NamedTuple):
    """A token with its offsets into the article text and the pipeline's facts about it (a tuple:
    cheap to make by the million). The facts are empty when the pipeline has no tagger, parser or
    entity recogniser (a blank pipeline named with ``--model``)."""

    start: int
    end: int
    text: str
    lower: str  # text.lower(), computed once
    pos: str = ""  # universal part of speech: NOUN, PROPN, VERB, AUX, ADJ ...
    tag: str = ""  # Penn Treebank tag: NNS, VBD, VBZ, JJR ...
    lemma: str = ""  # lower-cased lemma: "said" -> "say"
    dep: str = ""  # dependency relation to the head: nsubj, ccomp, amod ...
    head: int = -1  # index of the head token in Segmentation.tokens (itself at a root)
    ent: str = ""  # entity type: PERSON, ORG, GPE, DATE ... ("" outside entities)
    i: int = -1  # its own index in Segmentation.tokens


@dataclass(frozen=True)
class SentenceSpan:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Segmentation:
    tokens: tuple[Token, ...]
    sentences: tuple[SentenceSpan, ...]


_ATTRS = ("IDX", "LENGTH", "IS_SPACE", "POS", "TAG", "LEMMA", "DEP", "HEAD", "ENT_TYPE")


def segment(text: str, paragraphs: Sequence[Span], model: str | None = None) -> Segmentation:
    """Run the pipeline over the paragraphs; tokens with their facts, sentences by rule."""
    return segment_groups(text, (paragraphs,), model)[0]


def segment_groups(text: str, groups: Sequence[Sequence[Span]], model: str | None = None) -> tuple[Segmentation, ...]:
    """One Segmentation per group of paragraphs (the body, the headline), with the pipeline run
    once over all of them: ``nlp.pipe`` in one batch costs less than a call per group."""
    nlp = load_pipeline(model)
    strings = nlp.vocab.strings
    docs = iter(nlp.pipe([p.text for paragraphs in groups for p in paragraphs], batch_size=64))
    out = []
    for paragraphs in groups:
        tokens: list[Token] = []
        sentences: list[SentenceSpan] = []
        for p_index, para in enumerate(paragraphs):
            first = len(tokens)
            _add_tokens(tokens, next(docs), para, strings)
            sentences.extend(_split_sentences(text, tokens[first:], p_index))
        out.append(Segmentation(tuple(tokens), tuple(sentences)))
    return tuple(out)


def _add_tokens(tokens: list[Token], doc: Any, para: Span, strings: Any) -> None:
    """Append a paragraph's tokens with their facts; heads become indices into ``tokens``."""
    ptext, base, first = para.text, para.start, len(tokens)
    # the facts as one array: far faster than iterating spaCy's Token objects
    array = doc.to_array(list(_ATTRS))
    rows = array.tolist()
    heads = array[:, 7].astype("int64").tolist() if len(rows) else []  # relative, signed
    # whitespace tokens are dropped, so heads are mapped to the kept tokens' indices
    index: list[int] = []
    k = first
    for row in rows:
        index.append(k)
        k += not row[2]
    for j, (i, n, space, pos, tag, lemma, dep, _, ent) in enumerate(rows):
        if space:
            continue
        word = ptext[i : i + n]
        tokens.append(
            Token(
                base + i, base + i + n, word, word.lower(),
                strings[pos] if pos else "", strings[tag] if tag else "",
                strings[lemma].lower() if lemma else "", strings[dep] if dep else "",
                index[j + heads[j]] if dep else -1, strings[ent] if ent else "", len(tokens),
            )
        )


def _starts_sentence(tok: Token) -> bool:
    first = tok.text[0]
    return first.isupper() or first.isdigit() or tok.text in OPENERS or first in "“‘\"'(["


def _past_and_third(stem: str) -> tuple[str, str]:
    """"demand" -> ("demanded", "demands"); "argue" -> ("argued", "argues"); "cry" -> ("cried",
    "cries"); "quip" -> ("quipped", "quips"); "press" -> ("pressed", "presses")."""
    if stem.endswith("e"):
        return stem + "d", stem + "s"
    if stem.endswith("y") and stem[-2] not in "aeiou":
        return stem[:-1] + "ied", stem[:-1] + "ies"
    if stem in ("quip", "snap"):
        return stem + stem[-1] + "ed", stem + "s"
    return stem + "ed", stem + ("es" if stem.endswith(("s", "sh", "ch")) else "s")


# Verbs of a speech tag after a quote ("“Why?” Graham asked."); the tag stays in the quote's sentence
_TAG_VERBS = frozenset(
    {"said", "says", "asked", "asks", "added", "adds", "wrote", "writes", "told", "tells", "replied",
     "shouted", "yelled", "exclaimed", "wondered", "continued", "insisted", "recalled", "joked"}
    | {
        form
        for stem in ("demand", "explain", "answer", "argue", "note", "declare", "plead", "quip", "scream",
                     "muse", "tweet", "counter", "retort", "complain", "remark", "warn", "cry", "respond",
                     "press", "challenge", "marvel", "snap", "chant", "reply", "shout", "wonder", "insist")
        for form in (stem, *_past_and_third(stem))  # "“Why now?” Democrats demand."
    }
)


_OPEN_QUOTES = frozenset({"“", '"', "‘", "«"})


def _speech_tag_follows(toks: Sequence[Token], j: int) -> bool:
    """After a sentence that is a quote ending with ? or !: a name of up to four words, then a
    speech verb that ends the tag (“Why?” Graham asked. / “Why?” Graham asked, …), not the
    start of a sentence of its own ("“Will you run?” Biden said he would decide …")."""
    for k in range(j, min(len(toks), j + 5)):
        t = toks[k]
        if t.text in _TAG_VERBS:
            m = k + 1
            while m < len(toks) and m <= k + 4 and (toks[m].ent in ("DATE", "TIME") or toks[m].lower in ("on", "at")):
                m += 1  # “Jail!” Trump tweeted early Tuesday.
            ends = m >= len(toks) or toks[m].text in (".", ",", ":", ";") or toks[m].text[0] in "“\"‘"
            return k > j and ends and all(toks[m].text[0].isupper() for m in range(j, k))
        if not (t.text[0].isupper() or t.text == "."):
            return False
    return False


def _split_sentences(text: str, toks: Sequence[Token], p_index: int) -> list[SentenceSpan]:
    if not toks:
        return []
    out: list[SentenceSpan] = []
    start_i = 0
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        # A run-on "sentence" (a list, a transcript without punctuation) is cut at a comma or
        # semicolon after MAX_TOKENS tokens, and anywhere after twice that, so that no sentence
        # is long enough to make the per-sentence rules slow.
        length = i - start_i
        if length >= 2 * MAX_TOKENS or (length >= MAX_TOKENS and tok.text in (",", ";", ":")):
            out.append(SentenceSpan(toks[start_i].start, tok.end, p_index))
            start_i = i + 1
            i += 1
            continue
        if tok.text in TERMINALS or (tok.text.endswith(("?", "!")) and len(tok.text) > 1 and not tok.text[0].isalnum()):
            j = i + 1
            while j < n and toks[j].text in CLOSERS and toks[j].start == toks[j - 1].end:
                j += 1
            if j >= n:
                break
            if j > i + 1 and tok.text[-1] in "?!" and toks[start_i].text in _OPEN_QUOTES and _speech_tag_follows(toks, j):
                i = j  # “Does anybody know?” Graham asked. — the tag belongs to the quote's sentence
                continue
            if _starts_sentence(toks[j]):
                out.append(SentenceSpan(toks[start_i].start, toks[j - 1].end, p_index))
                start_i = j
                i = j
                continue
        i += 1
    if start_i < n:
        out.append(SentenceSpan(toks[start_i].start, toks[-1].end, p_index))
    return out
