"""Editorial voice: evaluative language in the author's own voice.

News writing keeps the reporter's judgement out of the narration and leaves evaluation to the
people quoted; opinion writing does the opposite. This family counts evaluative words and
phrases that lie wholly in the narrator voice of the voice layer, so a quoted "unbreakable" or a
reported "the relationship is one of history's great alliances" never counts.

The word lists (``framing/lexicons/``, described in ``docs/lexicons.md``) fall in categories:

========================  ================================================  ==================
category                  examples                                          makes a sentence
                                                                            evaluative?
========================  ================================================  ==================
evaluative_adjective      timeless, unwavering, disgraceful                 yes
evaluative_adverb         unfortunately, rightly, brazenly                  yes
evaluative_phrase         a shining example, testament to, stand tall       yes
loaded_label              regime, so-called, thugs, fiasco                  yes
loaded_verb               slammed, touted, lashed out                       yes
intensifier               very, deeply, undoubtedly, clearly                yes
prescriptive              should, must, ought to, I believe, in my view     yes
hedge                     arguably, perhaps, seemingly                      no
========================  ================================================  ==================

Hedges are counted and shown but never flag a sentence: a hedge marks caution rather than
judgement ("the storm will probably reach the coast"). Prescriptive modals and stance markers do
flag: in the author's own voice "the city must act" or "I believe it falls short" is the author's
position. (In reported speech, "she said the city must act", they are not the author's and the
voice layer keeps them out.)

The idea follows the subjectivity-lexicon tradition (Wiebe & Riloff 2005; Recasens et al. 2013 on
biased language in news) and the stance/metadiscourse categories of Hyland (2005).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from framing.model import Evidence, Metric, ScoreFamily, count_words
from framing.nlp.segment import Token
from framing.scores.lexicon import PhraseIndex, load_lexicon, normalise
from framing.voice.layer import Layer

# Lexicon file stem -> category. Earlier lexicons win where two entries overlap.
LEXICON_CATEGORY: dict[str, str] = {
    "evaluative_phrases": "evaluative_phrase",
    "loaded_labels": "loaded_label",
    "loaded_verbs": "loaded_verb",
    "evaluative_adverbs": "evaluative_adverb",
    "evaluative_adjectives": "evaluative_adjective",
    "textblob_adjectives": "evaluative_adjective",
    "intensifiers": "intensifier",
    "hedges": "hedge",
    "stance_modals": "prescriptive",
}

CATEGORY_DETAIL: dict[str, str] = {
    "evaluative_adjective": "evaluative adjective (author's voice)",
    "evaluative_adverb": "evaluative adverb (author's voice)",
    "evaluative_phrase": "evaluative phrase (author's voice)",
    "loaded_label": "loaded label (author's voice)",
    "loaded_verb": "loaded verb: judges while it reports (author's voice)",
    "intensifier": "intensifier or booster (author's voice)",
    "hedge": "hedge: softens a claim (author's voice)",
    "prescriptive": "says what ought to happen, or states the author's position (author's voice)",
}

# Categories that flag a sentence on their own; the others only together with one of these.
FLAGGING: frozenset[str] = frozenset(
    {
        "evaluative_adjective",
        "evaluative_adverb",
        "evaluative_phrase",
        "loaded_label",
        "loaded_verb",
        "intensifier",
        "prescriptive",
    }
)

CATEGORIES: tuple[str, ...] = tuple(dict.fromkeys(LEXICON_CATEGORY.values()))
CATEGORY_METRIC: dict[str, str] = {
    c: ("prescriptive_modals" if c == "prescriptive" else f"{c}s") for c in CATEGORIES
}

_OPENERS = frozenset({"“", '"', "‘", "'", "(", "[", "«", "‹", "—", "–", "-", ":"})


def category_of(evidence: Evidence) -> str | None:
    """The category of an editorial hit, read from its rule ``lexicon:<stem>/<entry>``."""
    if not evidence.rule.startswith("lexicon:"):
        return None
    stem = evidence.rule[len("lexicon:") :].split("/", 1)[0]
    return LEXICON_CATEGORY.get(stem)


def sentence_is_evaluative(hits_in_sentence: Sequence[Evidence]) -> bool:
    """True when a sentence's narrator-voice hits make it evaluative.

    One hit of an evaluative category (adjective, adverb, phrase, loaded label, loaded verb,
    intensifier, prescriptive modal or stance marker) is enough; hedges never flag a sentence.
    """
    return any(category_of(h) in FLAGGING for h in hits_in_sentence)


def _index(lexicon_paths: tuple[Path, ...]) -> PhraseIndex:
    return _INDEXES.get(lexicon_paths) or _build_index(lexicon_paths)


_INDEXES: dict[tuple[Path, ...], PhraseIndex] = {}


def _build_index(lexicon_paths: tuple[Path, ...]) -> PhraseIndex:
    index = PhraseIndex(load_lexicon(stem, lexicon_paths) for stem in LEXICON_CATEGORY)
    _INDEXES[lexicon_paths] = index
    return index


def sentence_initial(layer: Layer) -> list[bool]:
    """For each token: does it open a sentence (possibly after an opening quote or bracket)?"""
    starts = {s.start for s in layer.sentences}
    out: list[bool] = []
    prev_initial = False
    prev_opener = False
    for tok in layer.tokens:
        initial = tok.start in starts or (prev_initial and prev_opener)
        out.append(initial)
        prev_initial = initial
        prev_opener = tok.text in _OPENERS
    return out


def looks_like_name(tok: Token, initial: bool) -> bool:
    """A capitalised token in mid-sentence ("Great Britain", "Land of Promise"), or an acronym."""
    text = tok.text
    if text == "I" or not text[:1].isupper():
        return False
    if len(text) > 1 and text.isupper():
        return True  # "US", "REGIME": acronyms and shouting are not read as words
    return not initial


def find_evaluative(layer: Layer, *, lexicon_paths: tuple[Path, ...] = ()) -> tuple[Evidence, ...]:
    """Every evaluative word or phrase that lies wholly in the narrator voice, in text order.

    ``lexicon_paths`` are user lexicon files that extend the packaged ones
    (``Settings.lexicon_paths``). Matching is a dict lookup per token (``PhraseIndex``);
    capitalised tokens in mid-sentence are skipped as likely parts of names.
    """
    tokens = layer.tokens
    if not tokens:
        return ()
    initial = sentence_initial(layer)
    words = [normalise(t.text) for t in tokens]
    allowed = [
        layer.is_narrator(t.start, t.end) and not looks_like_name(t, initial[i])
        for i, t in enumerate(tokens)
    ]
    text = layer.text
    out: list[Evidence] = []
    for m in _index(lexicon_paths).find(words, allowed):
        start, end = tokens[m.first].start, tokens[m.last].end
        if m.last > m.first and not layer.is_narrator(start, end):
            continue
        category = LEXICON_CATEGORY[m.lexicon]
        out.append(
            Evidence(
                start,
                end,
                text[start:end],
                f"lexicon:{m.lexicon}/{m.entry}",
                CATEGORY_DETAIL[category],
            )
        )
    return tuple(out)


def narrator_word_count(layer: Layer) -> int:
    """Words (``count_words``) in the narrator voice of the body."""
    text = layer.text
    return sum(count_words(text[s.start : s.end]) for s in layer.narrator_segments())


def hits_by_sentence(layer: Layer, hits: Sequence[Evidence]) -> list[list[Evidence]]:
    """The hits of each sentence of ``layer.sentences`` (a hit belongs to the sentence it starts in)."""
    out: list[list[Evidence]] = [[] for _ in layer.sentences]
    sents = layer.sentences
    j = 0
    for h in sorted(hits, key=lambda e: e.start):
        while j < len(sents) and sents[j].end <= h.start:
            j += 1
        if j < len(sents) and sents[j].start <= h.start:
            out[j].append(h)
    return out


def narrator_sentence_mask(layer: Layer) -> list[bool]:
    """For each sentence: does it hold any narrator-voice word?"""
    text = layer.text
    mask: list[bool] = []
    segs = layer.narrator_segments()
    k = 0
    for s in layer.sentences:
        while k < len(segs) and segs[k].end <= s.start:
            k += 1
        has = False
        m = k
        while m < len(segs) and segs[m].start < s.end:
            lo, hi = max(s.start, segs[m].start), min(s.end, segs[m].end)
            if lo < hi and count_words(text[lo:hi]):
                has = True
                break
            m += 1
        mask.append(has)
    return mask


def _per_100(count: int, words: int) -> float:
    return 100.0 * count / words if words else 0.0


def score_editorial(layer: Layer, hits: tuple[Evidence, ...]) -> ScoreFamily:
    """The "editorial_voice" family from the hits of :func:`find_evaluative`.

    Metrics:

    - ``evaluative_per_100_narrator_words`` (headline): evaluative hits (every category except
      hedges) per 100 words of the author's own voice. Higher means the
      narration judges more; straight news reports usually stay under about 1, opinion and
      advocacy writing often run at 4 or more.
    - ``evaluative_sentences``: sentences with narrator text that :func:`sentence_is_evaluative`
      flags. Higher means more of the narration carries the author's judgement.
    - ``narrator_sentences``: sentences holding any narrator-voice word (the denominator).
    - ``flagged_sentence_share``: evaluative_sentences / narrator_sentences, 0 to 1.
    - one count per category (``evaluative_adjectives``, ``hedges``, ...): higher means more of
      that kind of language in the author's voice.
    """
    narrator_words = narrator_word_count(layer)
    flagging = tuple(h for h in hits if category_of(h) in FLAGGING)
    per_sentence = hits_by_sentence(layer, hits)
    narr_mask = narrator_sentence_mask(layer)
    text = layer.text
    flagged_evidence: list[Evidence] = []
    narrator_sentences = 0
    evaluative_sentences = 0
    for sent, sent_hits, has_narr in zip(layer.sentences, per_sentence, narr_mask, strict=True):
        if not has_narr:
            continue
        narrator_sentences += 1
        if sentence_is_evaluative(sent_hits):
            evaluative_sentences += 1
            flagged_evidence.append(
                Evidence(sent.start, sent.end, text[sent.start : sent.end], "sentence:evaluative",
                         "sentence with evaluative language in the author's voice")
            )
    by_category: dict[str, list[Evidence]] = {c: [] for c in CATEGORIES}
    tally: Counter[tuple[str, str]] = Counter()
    for h in hits:
        cat = category_of(h)
        if cat is not None:
            by_category[cat].append(h)
            stem, entry = h.rule[len("lexicon:") :].split("/", 1)
            tally[(stem, entry)] += 1
    share = evaluative_sentences / narrator_sentences if narrator_sentences else 0.0
    metrics = [
        Metric(
            "evaluative_per_100_narrator_words",
            _per_100(len(flagging), narrator_words),
            "Evaluative words and phrases in the author's own voice per 100 narrator words "
            "(hedges not counted). Higher: the narration judges more.",
            flagging,
            "per 100 words",
        ),
        Metric(
            "evaluative_sentences",
            evaluative_sentences,
            "Sentences whose author's-voice text carries evaluative language. Higher: more "
            "judgement in the narration.",
            tuple(flagged_evidence),
            "sentences",
        ),
        Metric(
            "narrator_sentences",
            narrator_sentences,
            "Sentences with any words in the author's own voice (outside quotes and reported "
            "speech).",
            (),
            "sentences",
        ),
        Metric(
            "flagged_sentence_share",
            share,
            "Share of the author's-voice sentences that are evaluative, 0 to 1. Higher: more "
            "opinionated narration.",
            tuple(flagged_evidence),
            "share",
        ),
    ]
    for cat in CATEGORIES:
        label = cat.replace("_", " ")
        metrics.append(
            Metric(
                CATEGORY_METRIC[cat],
                len(by_category[cat]),
                f"Count of {label} hits in the author's own voice ({CATEGORY_DETAIL[cat]}). "
                "Higher: more of this kind of language.",
                tuple(by_category[cat]),
                "hits",
            )
        )
    table = [
        {"lexicon": stem, "category": LEXICON_CATEGORY[stem], "entry": entry, "count": n}
        for (stem, entry), n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return ScoreFamily("editorial_voice", tuple(metrics), {"lexicon_tally": table})
