"""Paragraphs -> tokens and sentences, every one with character offsets into the article text.

Tokens come from spaCy's English pipeline (which keeps "U.S." and "Mr." whole) and carry what
the statistical pipeline says of them: coarse and fine part of speech, lemma, dependency relation
and head, and entity type. Paragraphs go through ``nlp.pipe`` in batches. Sentences are
split by rule, never across a paragraph: after ``.``, ``!``, ``?`` or an ellipsis (with any closing
quote marks or brackets that follow), when the next token opens a sentence: a capital letter, a
digit, or an opening quote mark or bracket. ``“Really?” he asked.`` stays one sentence.

Time and memory stay bounded on any input (the 2 MB size limit is also a time limit):

* a paragraph longer than ``CHUNK_CHARS`` is parsed in pieces cut at sentence ends (else at a
  space, else anywhere), so that no text reaches spaCy's ``max_length`` (error E088); the
  parser's memory grows with the tokens of a batch (about 16 KB each), so batches hold at most
  ``BATCH_TOKENS`` tokens;
* spaCy's tokenizer strips prefixes and suffixes from a run of characters without spaces one at a
  time, copying the rest each time: quadratic in the run (16 KB of ``"`` took 32 s). A run whose
  length times its count of non-word characters exceeds ``LONG_RUN_COST`` (about a run of 100
  punctuation marks; no run in real news text comes near) is tokenised in linear time instead:
  the run is cut into windows of ``RUN_WINDOW`` characters, each split by the tokenizer, and
  neighbouring tokens without a word character are joined (a run of marks is one token, as spaCy
  keeps ``....``): ``"(("(`` repeated is one token, not one per mark;
* the parser's time grows with the number of tokens, and spaCy makes a token of each ``"``, ``!``
  or ``=``: a mark repeated ``REPEATED_MARK`` times or more is one token in any run, so that runs
  of marks separated by spaces (99 ``"`` and a space, again and again) are not one token a
  character either;
* each doc costs the pipeline about half a millisecond whatever its length (490,000 paragraphs of
  "a" took 78 s): each distinct paragraph (or piece) is parsed once, and its repeats get the same
  facts at their own offsets;
* the pipeline's time (tagger, parser, entities: about a quarter of a millisecond a token) grows
  with the tokens, and text that is not prose has far more tokens a character: single letters
  with commas between them ("q,w,e,r,t ") are 0.9 tokens a character, news prose about 0.2 (a
  token and its space average five characters). The pipeline runs over at most
  ``PARSE_DENSITY`` (0.4) tokens a character of a text, plus ``PARSE_SLACK`` tokens: a piece
  within that density is parsed; a denser one only while the pieces parsed before it leave room
  (each leaves 0.4 times its characters less its tokens, so a short dense paragraph of news,
  "___." or "U-S-A! U-S-A!", is parsed as before); any other is tokenised only, its tokens
  without facts (as from a blank pipeline): runs of letters, digits and marks, lists and tables
  of them, never prose. In the annotated news of PolNeAR, BASIL and CheckThat! (1,560 texts), no
  piece of 100 characters or more comes over 0.32 tokens a character, and the budget turns no
  piece away.

What is kept of each token is small, for texts of a million short lines: its labels (part of
speech, tag, relation, entity type, lemma) are one string per distinct value (``_Labels``), and a
token in lower case is its own lower-case form.

Every offset still indexes the article text exactly: the pieces are handed to spaCy as a ``Doc``
whose text is the piece's text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from framing.model import Span
from framing.nlp.pipeline import load_pipeline

MAX_TOKENS = 300  # a sentence longer than this is cut at its next comma (see _split_sentences)
TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??"})
CLOSERS = frozenset({"”", '"', "’", "'", ")", "]", "»", "›"})
OPENERS = frozenset({"“", '"', "‘", "'", "(", "[", "«", "‹", "—", "–"})

CHUNK_CHARS = 5_000  # a paragraph longer than this is parsed in pieces (the longest in PolNeAR: 938)
BATCH_TOKENS = 8_000  # at most this many tokens in one nlp.pipe batch (the parser needs ~16 KB each)
BATCH_SIZE = 64  # and at most this many paragraphs or pieces
LONG_RUN_COST = 10_000  # length x non-word characters of a run without spaces: linear tokenising above
RUN_WINDOW = 64  # the windows a long run is cut into for the tokenizer
REPEATED_MARK = 8  # a mark repeated this often ("!!!!!!!!", "========") is one token, as "........" is
PARSE_DENSITY = 0.4  # tokens a character the pipeline runs over at most (prose: about 0.2; see below)
PARSE_SLACK = 64.0  # and tokens over that at the start of a text (a short dense headline, "___.")


class Token(NamedTuple):
    """A token with its offsets into the article text and the pipeline's facts about it (a tuple:
    cheap to make by the million). The facts are empty when the pipeline has no tagger, parser or
    entity recogniser (a blank pipeline named with ``--model``), and in text over the parse
    budget (see the module docstring)."""

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
    ent_start: bool = False  # it begins an entity (spaCy's IOB "B"): where two entities of one type meet

    @property
    def is_time(self) -> bool:
        """A date or a time to the entity recogniser: "Tuesday", "Oct. 28, 2016", "early morning"."""
        return self.ent in ("DATE", "TIME")

    @property
    def is_place(self) -> bool:
        """A place to the entity recogniser: a country, city or state (GPE) or another location (LOC)."""
        return self.ent in ("GPE", "LOC")

    @property
    def may_be_pronoun(self) -> bool:
        """A pronoun to the tagger, or a word no tagger has read: "I" in "(I-Vt.)" is a party tag."""
        return self.pos in ("PRON", "")


@dataclass(frozen=True, slots=True)  # slots: a text of short lines has a million of them
class SentenceSpan:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Segmentation:
    tokens: tuple[Token, ...]
    sentences: tuple[SentenceSpan, ...]


_ATTRS = ("IDX", "LENGTH", "IS_SPACE", "POS", "TAG", "LEMMA", "DEP", "HEAD", "ENT_TYPE", "ENT_IOB")
_IOB_BEGIN = 3  # spaCy's ENT_IOB code of "B"


def segment(text: str, paragraphs: Sequence[Span], model: str | None = None) -> Segmentation:
    """Run the pipeline over the paragraphs; tokens with their facts, sentences by rule."""
    return segment_groups(text, (paragraphs,), model)[0]


def segment_groups(text: str, groups: Sequence[Sequence[Span]], model: str | None = None) -> tuple[Segmentation, ...]:
    """One Segmentation per group of paragraphs (the body, the headline), with the pipeline run
    once over all of them: ``nlp.pipe`` in batches costs less than a call per group."""
    nlp = load_pipeline(model)
    labels = _Labels(nlp.vocab.strings)
    facts = parse_pieces(nlp, (piece for paragraphs in groups for para in paragraphs for _, piece in _pieces(para)), read=_facts)
    out = []
    for paragraphs in groups:
        tokens: list[Token] = []
        sentences: list[SentenceSpan] = []
        for p_index, para in enumerate(paragraphs):
            first = len(tokens)
            for base, piece in _pieces(para):
                _add_tokens(tokens, next(facts), base, piece, labels)
            sentences.extend(_split_sentences(text, tokens[first:], p_index))
        out.append(Segmentation(tuple(tokens), tuple(sentences)))
    return tuple(out)


def _pieces(para: Span) -> Iterator[tuple[int, str]]:
    """``(offset in the article text, text)`` of each piece of a paragraph (``chunk_spans``)."""
    if len(para.text) <= CHUNK_CHARS:
        yield para.start, para.text
        return
    for a, b in chunk_spans(para.text):
        yield para.start + a, para.text[a:b]


class _Labels(dict[int, str]):
    """The pipeline's strings (part of speech, tag, relation, entity type, lemma) by their hash,
    each made once: spaCy's ``StringStore`` makes a new ``str`` at every look-up, five a token,
    which took more memory than the tokens themselves. ``lemma(hash)``: the lemma lower-cased;
    the hash 0 (no value) is ""."""

    def __init__(self, strings: Any) -> None:
        super().__init__({0: ""})
        self.strings = strings
        self.lemmas: dict[int, str] = {0: ""}

    def __missing__(self, key: int) -> str:
        value = self[key] = self.strings[key]
        return value

    def lemma(self, key: int) -> str:
        value = self.lemmas.get(key)
        if value is None:
            value = self.lemmas[key] = self[key].lower()
        return value


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]»]*\s+")
_SPACES = re.compile(r"\s+")


def chunk_spans(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of ``text``, in order and covering it, none longer than ``limit``
    (default ``CHUNK_CHARS``): cut after the last sentence end in the second half of each window,
    else after its last run of spaces, else at the limit. Text no longer than that is one piece."""
    limit = limit or CHUNK_CHARS
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = hi
        for pattern in (_SENTENCE_END, _SPACES):
            last = None
            for last in pattern.finditer(text, lo, hi):  # noqa: B007 - the last match is wanted
                pass
            if last is not None:
                cut = last.end()
                break
        out.append((start, cut))
        start = cut
    if start < n or not out:
        out.append((start, n))
    return out


def parse_pieces(
    nlp: Any, pieces: Iterable[str], *, disable: Sequence[str] = (), read: Callable[[Any], Any] | None = None
) -> Iterator[Any]:
    """The spaCy ``Doc`` of each piece of text, in order, its character offsets indexing the
    piece. Pieces are cut by ``chunk_spans``, so that none reaches ``nlp.max_length``. Each piece
    is tokenised first (long runs without spaces in linear time, see the module docstring), and
    the pipeline runs over batches of at most ``BATCH_SIZE`` pieces and ``BATCH_TOKENS`` tokens,
    within the parse budget (see the module docstring): a piece over it comes back tokenised
    only. ``disable``: components of the pipeline to skip, as for ``nlp.pipe``.

    Each distinct text is parsed once: a piece that repeats an earlier one gets the same result
    (a doc's analysis does not depend on the other docs of its batch). ``read``: what to yield
    for a doc instead of the doc (the facts a caller keeps), computed once per distinct text;
    a repeated text's result is kept until its last occurrence only."""
    pieces = list(pieces)
    left = Counter(pieces)
    docs = _parse_distinct(nlp, dict.fromkeys(pieces), disable)
    kept: dict[str, Any] = {}  # the result of each repeated text, until its last occurrence
    for piece in pieces:
        if piece in kept:
            result = kept[piece]
        else:
            doc = next(docs)
            result = read(doc) if read is not None else doc
        left[piece] -= 1
        if left[piece]:
            kept[piece] = result
        else:
            kept.pop(piece, None)
        yield result


def _parse_distinct(nlp: Any, pieces: Iterable[str], disable: Sequence[str]) -> Iterator[Any]:
    """``nlp.pipe`` over the pieces in bounded batches (see ``parse_pieces``), within the parse
    budget: a piece is parsed when its tokens are at most ``PARSE_DENSITY`` times its characters,
    or when the pieces parsed before it leave room for it (each leaves ``PARSE_DENSITY`` times its
    characters less its tokens; there is ``PARSE_SLACK`` at the start); any other piece is yielded
    tokenised only, in its place. So the pipeline never runs over more than ``PARSE_DENSITY``
    tokens a character of the text it parses, plus ``PARSE_SLACK``."""
    batch: list[tuple[Any, bool]] = []  # (doc, whether it is parsed)
    size = 0
    room = PARSE_SLACK
    for piece in pieces:
        doc = _tokenised(nlp, piece)
        left = room + PARSE_DENSITY * len(piece) - len(doc)
        parse = left >= 0
        if parse:
            room = left
        tokens = len(doc) if parse else 0  # what the pipeline will run over
        if batch and (len(batch) >= BATCH_SIZE or size + tokens > BATCH_TOKENS):
            yield from _run_batch(nlp, batch, disable)
            batch, size = [], 0
        batch.append((doc, parse))
        size += tokens
    if batch:
        yield from _run_batch(nlp, batch, disable)


def _run_batch(nlp: Any, batch: Sequence[tuple[Any, bool]], disable: Sequence[str]) -> Iterator[Any]:
    """The docs of a batch in order: those to parse through ``nlp.pipe``, the others as they are."""
    to_parse = [doc for doc, parse in batch if parse]
    parsed = iter(nlp.pipe(to_parse, batch_size=len(to_parse), disable=list(disable)) if to_parse else ())
    for doc, parse in batch:
        yield next(parsed) if parse else doc


_CANDIDATE_RUN = re.compile(rf"\S{{{int(LONG_RUN_COST**0.5) + 1},}}")
_RUN = re.compile(r"\S+")
_WORD_CHARS = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
_REPEATED_MARK = re.compile(rf"([^\w\s])\1{{{REPEATED_MARK - 1},}}")


def _is_long(run: str) -> bool:
    """Whether spaCy's tokenizer would take quadratic time on ``run`` (a run without spaces):
    its length times its non-word characters over ``LONG_RUN_COST``."""
    return len(run) ** 2 > LONG_RUN_COST and len(run) * len(_WORD_CHARS.sub("", run)) > LONG_RUN_COST


def long_runs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the runs without spaces in ``text`` that are tokenised here rather than
    by spaCy's tokenizer: the long ones (see ``_is_long``) and those with a mark repeated
    ``REPEATED_MARK`` times or more."""
    if _REPEATED_MARK.search(text):
        return [m.span() for m in _RUN.finditer(text) if _is_long(m.group()) or _REPEATED_MARK.search(m.group())]
    return [m.span() for m in _CANDIDATE_RUN.finditer(text) if _is_long(m.group())]


def _tokenised(nlp: Any, piece: str) -> Any:
    """The piece as a ``Doc`` of tokens, not yet through the pipeline: tokenised by spaCy, or, when
    it has runs that spaCy's tokenizer would take long on or split into a token per mark, partly
    here (the doc's text is the piece all the same)."""
    runs = long_runs(piece)
    if not runs:
        return nlp.make_doc(piece)
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for a, b in runs:
        _append(words, spaces, _spacy_tokens(nlp, piece[pos:a]))
        _append(words, spaces, ((w, "") for w in run_tokens(nlp, piece[a:b])))
        pos = b
    _append(words, spaces, _spacy_tokens(nlp, piece[pos:]))
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    if doc.text != piece:  # never seen; offsets must index the piece whatever happens
        parts = [m.group() for m in re.finditer(r"\s+|\S+", piece)]
        doc = Doc(nlp.vocab, words=parts, spaces=[False] * len(parts))
    return doc


def _spacy_tokens(nlp: Any, text: str) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in nlp.tokenizer(text)] if text else []


def _append(words: list[str], spaces: list[bool], pairs: Iterable[tuple[str, str]]) -> None:
    """Append tokens and their trailing space; a space token after a token without one is folded
    into it, as spaCy's tokenizer does ("x  y" -> "x" + space, " ", "y")."""
    for word, space in pairs:
        if word[0] == " " and word.isspace() and words and not spaces[-1]:
            spaces[-1] = True
            word = word[1:]
            if not word:
                continue
        words.append(word)
        spaces.append(bool(space))


def run_tokens(nlp: Any, run: str) -> list[str]:
    """Tokens of a run without spaces, in time linear in its length, concatenating to ``run``.

    A mark repeated ``REPEATED_MARK`` times or more is one token. The stretches between are split
    by the tokenizer; a long stretch (see ``_is_long``) in windows of ``RUN_WINDOW`` characters,
    cut where word and non-word characters meet when the window's second half has such a place.
    In a long run, neighbouring tokens without a word character are then joined: a run of marks
    is one token, as spaCy keeps ``....``."""
    pieces: list[str] = []
    pos = 0
    for m in _REPEATED_MARK.finditer(run):
        pieces.extend(_split(nlp, run[pos : m.start()]))
        pieces.append(m.group())
        pos = m.end()
    pieces.extend(_split(nlp, run[pos:]))
    if not _is_long(run):
        return pieces
    out: list[str] = []
    marks: list[str] = []  # the run of mark-only pieces being joined
    for piece in pieces:
        if _WORD_CHAR.search(piece):
            if marks:
                out.append("".join(marks))
                marks = []
            out.append(piece)
        else:
            marks.append(piece)
    if marks:
        out.append("".join(marks))
    return out


def _split(nlp: Any, stretch: str) -> list[str]:
    """spaCy's tokens of a stretch without spaces; of a long one, window by window."""
    if not _is_long(stretch):
        return [t.text for t in nlp.tokenizer(stretch)] if stretch else []
    out: list[str] = []
    start, n = 0, len(stretch)
    is_word = _WORD_CHAR.match
    while start < n:
        end = min(start + RUN_WINDOW, n)
        if end < n:
            for k in range(end, start + RUN_WINDOW // 2, -1):
                if bool(is_word(stretch, k - 1)) != bool(is_word(stretch, k)):
                    end = k
                    break
        out.extend(t.text for t in nlp.tokenizer(stretch[start:end]))
        start = end
    return out


def _facts(doc: Any) -> tuple[list[list[int]], list[int]]:
    """A doc's facts (``_ATTRS``) as rows of ints, and each token's head as an offset from it:
    read as one array, far faster than iterating spaCy's Token objects."""
    array = doc.to_array(list(_ATTRS))
    rows = array.tolist()
    heads = array[:, 7].astype("int64").tolist() if len(rows) else []  # relative, signed
    return rows, heads


def _add_tokens(tokens: list[Token], facts: tuple[list[list[int]], list[int]], base: int, ptext: str, labels: _Labels) -> None:
    """Append a piece's tokens with their facts (``_facts`` of its doc); heads become indices
    into ``tokens``. ``ptext`` is the piece's text, which starts at ``base`` in the article text.
    A token already in lower case is its own ``lower`` (one string, not two)."""
    first = len(tokens)
    rows, heads = facts
    # whitespace tokens are dropped, so heads are mapped to the kept tokens' indices
    index: list[int] = []
    k = first
    for row in rows:
        index.append(k)
        k += not row[2]
    for j, (i, n, space, pos, tag, lemma, dep, _, ent, iob) in enumerate(rows):
        if space:
            continue
        word = ptext[i : i + n]
        lower = word.lower()
        tokens.append(
            Token(
                base + i, base + i + n, word, word if lower == word else lower,
                labels[pos], labels[tag], labels.lemma(lemma), labels[dep],
                index[j + heads[j]] if dep else -1, labels[ent], len(tokens), iob == _IOB_BEGIN,
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
            while m < len(toks) and m <= k + 4 and (toks[m].is_time or toks[m].lower in ("on", "at")):
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
