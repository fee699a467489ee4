"""Editorial voice: evaluative language in the author's own voice.

News writing keeps the reporter's judgement out of the narration and leaves evaluation to the
people quoted; opinion writing does the opposite. This family counts evaluative words and
phrases that lie wholly in the narrator voice of the voice layer, so a quoted "unbreakable" or a
reported "the relationship is one of history's great alliances" never counts.

The evidence comes in two kinds. Word-list hits (rule ``lexicon:<file>`` with the matched
entry, lists in ``framing/lexicons/``, described in ``docs/lexicons.md``) and rule hits
(``rule:<name>``) for what no list spells out. Each rule's category and points are columns of the
rule registry, ``framing.rules``. Each hit carries points; a sentence is evaluative when its author's-voice
hits reach ``THRESHOLD`` (2) points, so one strong cue flags a sentence and weak cues only flag
together:

==============================  ==============================================  ======
cue (category)                  examples                                        points
==============================  ==============================================  ======
evaluative_adjective            timeless, unwavering, disgraceful, inept        2
  rule:comparative_of_evaluative  "bleaker", "worse", "more reckless"            2
evaluative_adverb               unfortunately, rightly, brazenly, bluntly       2
  rule:evaluative_ly_adverb       "spinelessly" (from the listed "spineless")    2
evaluative_phrase               a shining example, testament to, stand tall     2
loaded_label                    regime, so-called, thugs, fiasco                2
loaded_verb                     slammed, touted, lashed out, rebuffed           2
  rule:loaded_reporting_verb      cue the attribution layer marks loaded         1
                                  (claimed, insisted, complained): a weak cue
intensifier                     very, deeply, undoubtedly, clearly              2
prescriptive                    should, must, ought to, I believe, in my view   2
valence_word (rule)             VADER |valence| >= 2: "outrage", "pathetic"     1
rhetorical (rules)              "?" / "!" in the author's voice, "you",         1
                                "I"/"we" in the narration
argument (rules)                all, every, never, nothing; can, will, would    1
factual (rule:factual_number)   a number in the sentence                        -1
hedge                           arguably, perhaps, seemingly                    0
==============================  ==============================================  ======

Weak cues (1 point) count once per kind in a sentence: two modals are one cue, a modal and a
question are two. A charged word from VADER is evidence only in a sentence its cues flag: rated
out of context, alone it mostly names an event ("the veto rejection", "sentenced for lying"), so
``find_evaluative`` neither counts nor shows it there. The counter-cue counts once per sentence: a specific number marks a report of
fact, so a single strong cue in "The regime arrested 40 people" does not flag it (CheckThat and
BASIL both show flagged sentences with numbers to be mostly objective). Hedges are counted and
shown but never add points: a hedge marks caution rather than judgement ("the storm will probably
reach the coast"). Prescriptive modals do flag: in the author's own voice "the city must act" or
"I believe it falls short" is the author's position. (In reported speech, "she said the city must
act", they are not the author's and the voice layer keeps them out.)

Where a word is looked for: lexicon entries match in the narrator voice and also in the cue of an
attribution and an -ly adverb next to it ("sharply criticized", "insisted angrily"), because the
reporting verb and its manner are the author's choice of words even when the voice layer gives
the cue to the attributed voice. Rule hits other than the loaded cue match in the narrator voice
only.

The idea follows the subjectivity-lexicon tradition (Wiebe & Riloff 2005; Recasens et al. 2013 on
biased language in news) and the stance/metadiscourse categories of Hyland (2005).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from framing import rules
from framing.model import Evidence, Metric, ScoreFamily
from framing.voice.layer import Layer

THRESHOLD = 2  # points a sentence's author's-voice hits must reach to flag it

# Each hit's category and points are columns of the rule registry (``framing.rules``).
# Categories that can make a sentence evaluative (hedges and numbers never do).
FLAGGING: frozenset[str] = frozenset(c.name for c in rules.CATEGORIES if c.flags)
# Categories of single evaluative words and phrases, counted by the headline metric.
WORD_CATEGORIES: frozenset[str] = frozenset(c.name for c in rules.CATEGORIES if c.word)


def category_of(evidence: Evidence) -> str | None:
    """The editorial category of a hit (``framing.rules.Rule.category``), None for other evidence."""
    return rules.rule(evidence.rule).category


def points_of(evidence: Evidence) -> int:
    """The points one hit adds towards flagging its sentence (``framing.rules.Rule.points``)."""
    return rules.rule(evidence.rule).points


def sentence_is_evaluative(hits_in_sentence: Sequence[Evidence]) -> bool:
    """True when a sentence's author's-voice hits reach ``THRESHOLD`` points.

    Every hit is a cue with points (``framing.rules``): an evaluative word or
    phrase from a list is a strong cue on its own; weak cues (a charged word from VADER, a loaded
    reporting verb, a question or exclamation in the author's voice, "you", "I"/"we") count only
    together with another cue. Hedges never count.
    """
    total = 0
    against = 0
    weak_seen: set[str] = set()
    for h in hits_in_sentence:
        p = points_of(h)
        if p < 0:
            against = min(against, p)  # a counter-cue counts once per sentence
        elif p < THRESHOLD:
            if h.rule not in weak_seen:  # weak cues count once per rule: two modals are one cue
                weak_seen.add(h.rule)
                total += p
        else:
            total += p
    return total + against >= THRESHOLD


def narrator_word_count(layer: Layer) -> int:
    """Words (``count_words``) in the narrator voice of the body."""
    return layer.narrator_words


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
            if lo < hi and any(ch.isalnum() for ch in text[lo:hi]):
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

    - ``evaluative_per_100_narrator_words`` (headline): evaluative words and phrases (every
      word-level category: lists, comparatives, -ly adverbs, loaded cues, VADER words; not the
      sentence-level cues "?", "!", you/I/we, modals and absolutes, numbers or hedges) per 100
      words of the author's own voice. Higher means the
      narration judges more; straight news reports usually stay under about 1, opinion and
      advocacy writing often run at 4 or more.
    - ``evaluative_sentences``: sentences with narrator text that :func:`sentence_is_evaluative`
      flags. Higher means more of the narration carries the author's judgement.
    - ``narrator_sentences``: the author's sentences (the denominator): sentences mostly in the
      narrator voice, and sentences whose narrator words are evaluative.
    - ``flagged_sentence_share``: evaluative_sentences / narrator_sentences, 0 to 1.
    - one count per category (``evaluative_adjectives``, ``hedges``, ...): higher means more of
      that kind of language in the author's voice.
    """
    narrator_words = narrator_word_count(layer)
    flagging = tuple(h for h in hits if category_of(h) in WORD_CATEGORIES)
    narrator_sentences, flagged_evidence = _author_sentences(layer, hits)
    evaluative_sentences = len(flagged_evidence)
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
            "The author's sentences: mostly in the author's own voice (outside quotes and "
            "reported speech), or with evaluative words of the author's.",
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
    metrics.extend(_category_metrics(hits))
    return ScoreFamily("editorial_voice", tuple(metrics), {"lexicon_tally": _lexicon_tally(hits)})


def _author_sentences(layer: Layer, hits: Sequence[Evidence]) -> tuple[int, list[Evidence]]:
    """How many sentences are the author's, and the evidence of those that are evaluative.

    An author's sentence is mostly in the author's voice ("“…,” Netanyahu said." is not), or
    one whose author's words judge ("…, praising his significant progress")."""
    text = layer.text
    flagged: list[Evidence] = []
    count = 0
    for sent, sent_hits, has_narr in zip(layer.sentences, hits_by_sentence(layer, hits), narrator_sentence_mask(layer), strict=True):
        if not has_narr:
            continue
        evaluative = sentence_is_evaluative(sent_hits)
        voices = layer.voices_in(sent.start, sent.end)
        if not evaluative and voices.get("narrator", 0) * 2 <= sum(voices.values()):
            continue
        count += 1
        if evaluative:
            rule = rules.EVALUATIVE_SENTENCE
            flagged.append(Evidence(sent.start, sent.end, text[sent.start : sent.end], rule.id, rule.detail))
    return count, flagged


def _category_metrics(hits: Sequence[Evidence]) -> list[Metric]:
    """One count per category (``evaluative_adjectives``, ``hedges``, ...), with its hits."""
    by_category: dict[str, list[Evidence]] = {c.name: [] for c in rules.CATEGORIES}
    for h in hits:
        cat = category_of(h)
        if cat is not None:
            by_category[cat].append(h)
    return [
        Metric(
            cat.metric,
            len(by_category[cat.name]),
            f"Count of {cat.name.replace('_', ' ')} hits in the author's own voice ({cat.detail}). "
            "Higher: more of this kind of language.",
            tuple(by_category[cat.name]),
            "hits",
        )
        for cat in rules.CATEGORIES
    ]


def _lexicon_tally(hits: Sequence[Evidence]) -> list[dict[str, object]]:
    """How often each list entry or rule was hit, most frequent first."""
    tally: Counter[tuple[str, str, str]] = Counter()
    for h in hits:
        rule = rules.rule(h.rule)
        if rule.category is not None:
            tally[(rule.name, h.entry or h.text.lower(), rule.category)] += 1
    return [
        {"lexicon": name, "category": cat, "entry": entry, "count": n}
        for (name, entry, cat), n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
