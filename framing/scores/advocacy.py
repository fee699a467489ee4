"""Advocacy: the author speaking as "I" or "we" in their own voice.

A news report keeps its author out of the story; advocacy and opinion writing enlist the reader
("we must", "as a nation", "our values"). This family counts first-person pronouns, national-
collective phrases and exhortations that lie wholly in the narrator voice, so a quoted
"We share common values" never counts.

Case matters: "US" and "U.S." are the United States, never the pronoun; only a lower-case "us"
(or "Us" opening a sentence) is first person. The same holds for the other pronouns: a
capitalised "Our" or "We" in mid-sentence is read as part of a name ("Our Lady of Lourdes").
"I" is always upper case; after a capitalised word ("World War I", "Phase I") it is read as a
Roman numeral.

The measures follow the self-mention and engagement markers of Hyland (2005, *Metadiscourse*)
and the "inclusive we" of political rhetoric (Fairclough 1989; Pennebaker 2011).
"""

from __future__ import annotations

from collections.abc import Sequence

from framing.model import Evidence, Metric, ScoreFamily
from framing.nlp.segment import Token
from framing.scores.editorial import hits_by_sentence, narrator_word_count
from framing.scores.evaluative import sentence_initial
from framing.scores.lexicon import PhraseIndex, entry_tokens, normalise
from framing.voice.layer import Layer

PRONOUNS: frozenset[str] = frozenset(
    {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
)

COLLECTIVE_PHRASES: tuple[str, ...] = (
    "as a nation",
    "as a people",
    "as a country",
    "as a society",
    "as americans",
    "our people",
    "our country",
    "our nation",
    "our values",
    "our way of life",
    "our democracy",
    "our society",
    "our children",
    "our future",
    "our troops",
    "our fellow citizens",
    "our shared",
    "our common",
    "who we are",
)

EXHORTATIONS: tuple[str, ...] = (
    "we must",
    "we should",
    "we ought to",
    "we need to",
    "we have to",
    "we cannot",
    "we can't",
    "we must not",
    "we owe it to",
    "let us",
    "let's",
    "let us not",
    "it is time for us",
    "it's time for us",
)

_DETAIL = {
    "pronoun": "first-person pronoun (author's voice)",
    "collective": "speaks for a national 'we' (author's voice)",
    "exhortation": "calls the reader to act (author's voice)",
}


def _phrase_index() -> PhraseIndex:
    from framing.scores.lexicon import Lexicon

    return PhraseIndex(
        (
            Lexicon("exhortation", (), frozenset(entry_tokens(p) for p in EXHORTATIONS)),
            Lexicon("collective", (), frozenset(entry_tokens(p) for p in COLLECTIVE_PHRASES)),
        )
    )


_INDEX: list[PhraseIndex] = []


def _index() -> PhraseIndex:
    if not _INDEX:
        _INDEX.append(_phrase_index())
    return _INDEX[0]


def is_pronoun(tokens: Sequence[Token], i: int, initial: Sequence[bool]) -> bool:
    """Is ``tokens[i]`` a first-person pronoun? Case decides: "US" is the United States.

    ``initial[k]`` says whether token ``k`` opens a sentence.
    """
    text = tokens[i].text
    low = normalise(text)
    if low not in PRONOUNS:
        return False
    if text == "I":
        # "World War I", "Phase I": a Roman numeral right after a capitalised word in
        # mid-sentence. ("Yesterday I left": the capitalised word opens the sentence.)
        prev = tokens[i - 1] if i > 0 else None
        adjacent = prev is not None and tokens[i].start - prev.end <= 1
        roman = adjacent and prev is not None and prev.text[:1].isupper() and prev.text != "I" \
            and not initial[i - 1] and not initial[i]
        return not roman
    if text == low:
        return True
    # "Us", "We", "Our" only when they open a sentence; "US", "WE" never.
    return initial[i] and text == low.capitalize()


def _case_ok(tok: Token, initial: bool) -> bool:
    text = tok.text
    return text == "I" or text == text.lower() or (initial and text == text.lower().capitalize())


def find_first_person(layer: Layer) -> tuple[Evidence, ...]:
    """First-person pronouns, collective phrases and exhortations in the narrator voice.

    Rules: ``first_person:pronoun/we``, ``first_person:collective/as a nation``,
    ``first_person:exhortation/we must``. "let's" counts as one pronoun and one exhortation.
    """
    tokens = layer.tokens
    if not tokens:
        return ()
    initial = sentence_initial(layer)
    text = layer.text
    narr = layer.narrator_mask
    out: list[Evidence] = []
    words = layer.words
    for i, tok in enumerate(tokens):
        if not narr[i] or (words[i] not in PRONOUNS and words[i] != "let"):
            continue
        low = words[i]
        if low == "let" and i + 1 < len(tokens) and words[i + 1] == "'s" and narr[i + 1] \
                and tokens[i + 1].start == tok.end and _case_ok(tok, initial[i]):
            end = tokens[i + 1].end
            out.append(Evidence(tok.start, end, text[tok.start:end], "first_person:pronoun/let's", _DETAIL["pronoun"]))
        elif is_pronoun(tokens, i, initial):
            out.append(Evidence(tok.start, tok.end, tok.text, f"first_person:pronoun/{low}", _DETAIL["pronoun"]))
    allowed = [narr[i] and _case_ok(t, initial[i]) for i, t in enumerate(tokens)]
    for m in _index().find(words, allowed):
        start, end = tokens[m.first].start, tokens[m.last].end
        if not layer.is_narrator(start, end):
            continue
        if not all(_case_ok(tokens[k], initial[k]) for k in range(m.first, m.last + 1)):
            continue
        out.append(Evidence(start, end, text[start:end], f"first_person:{m.lexicon}/{m.entry}", _DETAIL[m.lexicon]))
    out.sort(key=lambda e: (e.start, e.end))
    return tuple(out)


def _kind(e: Evidence) -> str:
    return e.rule.split(":", 1)[1].split("/", 1)[0] if e.rule.startswith("first_person:") else ""


def score_advocacy(layer: Layer, hits: tuple[Evidence, ...]) -> ScoreFamily:
    """The "advocacy" family from the hits of :func:`find_first_person`.

    Metrics (all on the author's own voice):

    - ``first_person_tokens``: first-person pronouns. Higher: the author steps into the story.
    - ``first_person_per_100_narrator_words`` (headline): the same per 100 narrator words. News
      reports sit at 0; columns and advocacy pieces often above 1.
    - ``first_person_sentences``: sentences with at least one first-person pronoun.
    - ``collective_phrases``: "as a nation", "our people", "who we are" ... Higher: the author
      speaks for a national or group "we".
    - ``exhortations``: "we must", "let us" ... Higher: the text calls its readers to act.
    - ``first_person_last_third_share``: share of first-person sentences that start in the last
      third of the body, 0 to 1 (None without any). Near 1: the piece reports first and ends on
      a rallying note, a common shape of advocacy dressed as news.
    """
    pronouns = tuple(h for h in hits if _kind(h) == "pronoun")
    collective = tuple(h for h in hits if _kind(h) == "collective")
    exhort = tuple(h for h in hits if _kind(h) == "exhortation")
    words = narrator_word_count(layer)
    per_sentence = hits_by_sentence(layer, pronouns)
    text = layer.text
    fp_sentences = tuple(
        Evidence(s.start, s.end, text[s.start:s.end], "sentence:first_person", "sentence in which the author says I or we")
        for s, hs in zip(layer.sentences, per_sentence, strict=True)
        if hs
    )
    article = layer.article
    body_start, body_end = article.body_start, article.body_end
    cut = body_start + 2 * (body_end - body_start) / 3
    late = tuple(e for e in fp_sentences if e.start >= cut)
    late_share = len(late) / len(fp_sentences) if fp_sentences else None
    metrics = (
        Metric(
            "first_person_tokens",
            len(pronouns),
            "First-person pronouns (I, me, we, us, our ...) in the author's own voice. Higher: "
            "the author steps into the story; 0 in straight news.",
            pronouns,
            "tokens",
        ),
        Metric(
            "first_person_per_100_narrator_words",
            100.0 * len(pronouns) / words if words else 0.0,
            "First-person pronouns per 100 words of the author's own voice. Higher: more "
            "personal or collective advocacy.",
            pronouns,
            "per 100 words",
        ),
        Metric(
            "first_person_sentences",
            len(fp_sentences),
            "Sentences in which the author says I or we. Higher: more of the text in a personal voice.",
            fp_sentences,
            "sentences",
        ),
        Metric(
            "collective_phrases",
            len(collective),
            "Phrases that speak for a national or group 'we' (as a nation, our people, who we "
            "are). Higher: the author rallies a collective.",
            collective,
            "hits",
        ),
        Metric(
            "exhortations",
            len(exhort),
            "Calls to act (we must, let us, we need to). Higher: the text urges its readers.",
            exhort,
            "hits",
        ),
        Metric(
            "first_person_last_third_share",
            late_share,
            "Share of the first-person sentences in the last third of the body, 0 to 1 (none: "
            "no first person). Near 1: the text ends on the author's own rallying voice.",
            late,
            "share",
        ),
    )
    return ScoreFamily("advocacy", metrics)
