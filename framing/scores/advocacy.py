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

from framing import rules
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

def _phrase_index() -> PhraseIndex:
    """Exhortations before collective phrases; each list is named by its rule's id."""
    from framing.scores.lexicon import Lexicon

    return PhraseIndex(
        (
            Lexicon(rules.EXHORTATION.id, (), frozenset(entry_tokens(p) for p in EXHORTATIONS)),
            Lexicon(rules.COLLECTIVE.id, (), frozenset(entry_tokens(p) for p in COLLECTIVE_PHRASES)),
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
    if low not in PRONOUNS or not tokens[i].may_be_pronoun:
        return False  # the tagger's word too: the "I" of "Sanders (I-Vt.)" is a party tag
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

    Rules (``framing.rules``) with the entry matched: ``first_person:pronoun`` "we",
    ``first_person:collective`` "as a nation", ``first_person:exhortation`` "we must". "let's"
    counts as one pronoun and one exhortation.
    """
    tokens = layer.tokens
    if not tokens:
        return ()
    initial = sentence_initial(layer)
    text = layer.text
    narr = layer.narrator_mask
    out: list[Evidence] = []
    words = layer.words
    pronoun = rules.PRONOUN
    for i, tok in enumerate(tokens):
        if not narr[i] or (words[i] not in PRONOUNS and words[i] != "let"):
            continue
        low = words[i]
        if low == "let" and i + 1 < len(tokens) and words[i + 1] == "'s" and narr[i + 1] \
                and tokens[i + 1].start == tok.end and _case_ok(tok, initial[i]):
            end = tokens[i + 1].end
            out.append(Evidence(tok.start, end, text[tok.start:end], pronoun.id, pronoun.detail, "let's"))
        elif is_pronoun(tokens, i, initial):
            out.append(Evidence(tok.start, tok.end, tok.text, pronoun.id, pronoun.detail, low))
    allowed = [narr[i] and _case_ok(t, initial[i]) for i, t in enumerate(tokens)]
    for m in _index().find(words, allowed):
        start, end = tokens[m.first].start, tokens[m.last].end
        if not layer.is_narrator(start, end):
            continue
        if not all(_case_ok(tokens[k], initial[k]) for k in range(m.first, m.last + 1)):
            continue
        rule = rules.rule(m.lexicon)
        out.append(Evidence(start, end, text[start:end], rule.id, rule.detail, m.entry))
    out.sort(key=lambda e: (e.start, e.end))
    return tuple(out)


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
    pronouns = _of_rule(hits, rules.PRONOUN)
    fp_sentences = first_person_sentences(layer, pronouns)
    late = in_last_third(layer, fp_sentences)
    late_share = len(late) / len(fp_sentences) if fp_sentences else None
    return ScoreFamily(
        "advocacy",
        (
            *_pronoun_metrics(pronouns, narrator_word_count(layer)),
            Metric(
                "first_person_sentences",
                len(fp_sentences),
                "Sentences in which the author says I or we. Higher: more of the text in a personal voice.",
                fp_sentences,
                "sentences",
            ),
            *_phrase_metrics(_of_rule(hits, rules.COLLECTIVE), _of_rule(hits, rules.EXHORTATION)),
            Metric(
                "first_person_last_third_share",
                late_share,
                "Share of the first-person sentences in the last third of the body, 0 to 1 (none: "
                "no first person). Near 1: the text ends on the author's own rallying voice.",
                late,
                "share",
            ),
        ),
    )


def _of_rule(hits: Sequence[Evidence], rule: rules.Rule) -> tuple[Evidence, ...]:
    return tuple(h for h in hits if h.rule == rule.id)


def first_person_sentences(layer: Layer, pronouns: Sequence[Evidence]) -> tuple[Evidence, ...]:
    """The sentences with at least one first-person pronoun, as evidence."""
    text = layer.text
    rule = rules.FIRST_PERSON_SENTENCE
    return tuple(
        Evidence(s.start, s.end, text[s.start:s.end], rule.id, rule.detail)
        for s, hs in zip(layer.sentences, hits_by_sentence(layer, pronouns), strict=True)
        if hs
    )


def in_last_third(layer: Layer, sentences: Sequence[Evidence]) -> tuple[Evidence, ...]:
    """The sentences that start in the last third of the article's body."""
    article = layer.article
    body_start, body_end = article.body_start, article.body_end
    cut = body_start + 2 * (body_end - body_start) / 3
    return tuple(e for e in sentences if e.start >= cut)


def _pronoun_metrics(pronouns: tuple[Evidence, ...], words: int) -> tuple[Metric, ...]:
    return (
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
    )


def _phrase_metrics(collective: tuple[Evidence, ...], exhort: tuple[Evidence, ...]) -> tuple[Metric, ...]:
    return (
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
    )
