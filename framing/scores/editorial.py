"""Editorial voice: evaluative language in the author's own voice.

News writing keeps the reporter's judgement out of the narration and leaves evaluation to the
people quoted; opinion writing does the opposite. This family counts evaluative words and
phrases that lie wholly in the narrator voice of the voice layer, so a quoted "unbreakable" or a
reported "the relationship is one of history's great alliances" never counts.

The evidence comes in two kinds. Word-list hits (rule ``lexicon:<file>/<entry>``, lists in
``framing/lexicons/``, described in ``docs/lexicons.md``) and rule hits (``rule:<name>``) for what
no list spells out. Each hit carries points; a sentence is evaluative when its author's-voice
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
  rule:loaded_reporting_verb      cue the attribution layer marks loaded         2
                                  (claimed, insisted, complained)
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
question are two. The counter-cue counts once per sentence: a specific number marks a report of
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
from functools import cache
from pathlib import Path

from framing.model import Evidence, Metric, ScoreFamily
from framing.nlp.segment import Token
from framing.scores.lexicon import PhraseIndex, load_lexicon
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

# Rule name -> category, for the hits that no word list spells out (``rule:<name>``).
RULE_CATEGORY: dict[str, str] = {
    "comparative_of_evaluative": "evaluative_adjective",
    "evaluative_ly_adverb": "evaluative_adverb",
    "valence_word": "valence_word",
    "loaded_reporting_verb": "loaded_verb",
    "rhetorical_question": "rhetorical",
    "exclamation": "rhetorical",
    "second_person": "rhetorical",
    "first_person": "rhetorical",
    "absolute": "argument",
    "modal": "argument",
    "factual_number": "factual",
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
    "valence_word": "emotionally charged word (VADER valence, author's voice)",
    "rhetorical": "addresses or challenges the reader (author's voice)",
    "argument": "marks argument rather than report (author's voice); a weak cue",
    "factual": "specific fact (a number): a cue against an evaluative reading",
}

RULE_DETAIL: dict[str, str] = {
    "comparative_of_evaluative": "comparative or superlative of an evaluative adjective (author's voice)",
    "evaluative_ly_adverb": "adverb made from an evaluative adjective: judges how something was done (author's voice)",
    "valence_word": "emotionally charged word: strong valence in the VADER lexicon (author's voice)",
    "loaded_reporting_verb": "loaded reporting verb chosen by the author (claimed, insisted, "
    "complained ...): it judges the statement or the speaker",
    "rhetorical_question": "question asked in the author's own voice: usually rhetorical in news",
    "exclamation": "exclamation mark in the author's own voice",
    "second_person": "addresses the reader as \"you\" (author's voice)",
    "first_person": "the author speaks as \"I\" or \"we\" (author's voice)",
    "absolute": "sweeping claim (all, every, never, nothing ...) in the author's voice",
    "modal": "modal verb in the author's voice: predicts or judges what can happen",
    "factual_number": "a specific number: reporting a fact weighs against an evaluative reading",
}

# Points of each cue towards the sentence decision (see sentence_is_evaluative).
LEXICON_POINTS: dict[str, int] = {
    "evaluative_phrases": 2,
    "loaded_labels": 2,
    "loaded_verbs": 2,
    "evaluative_adverbs": 2,
    "evaluative_adjectives": 2,
    "textblob_adjectives": 2,
    "intensifiers": 2,
    "hedges": 0,
    "stance_modals": 2,
}
RULE_POINTS: dict[str, int] = {
    "comparative_of_evaluative": 2,
    "evaluative_ly_adverb": 2,
    "valence_word": 1,
    "loaded_reporting_verb": 2,
    "rhetorical_question": 1,
    "exclamation": 1,
    "second_person": 1,
    "first_person": 1,
    "absolute": 1,
    "modal": 1,
    "factual_number": -1,
}
THRESHOLD = 2

# Categories that can make a sentence evaluative (hedges never do).
FLAGGING: frozenset[str] = frozenset(
    {
        "evaluative_adjective",
        "evaluative_adverb",
        "evaluative_phrase",
        "loaded_label",
        "loaded_verb",
        "intensifier",
        "prescriptive",
        "valence_word",
        "rhetorical",
        "argument",
    }
)
# Categories of single evaluative words and phrases, counted by the headline metric.
WORD_CATEGORIES: frozenset[str] = FLAGGING - {"rhetorical", "argument"}

CATEGORIES: tuple[str, ...] = tuple(dict.fromkeys([*LEXICON_CATEGORY.values(), *RULE_CATEGORY.values()]))
CATEGORY_METRIC: dict[str, str] = {
    c: ("prescriptive_modals" if c == "prescriptive" else "rhetorical_cues" if c == "rhetorical" else f"{c}s")
    for c in CATEGORIES
}


def _rule_parts(rule: str) -> tuple[str, str]:
    """("lexicon", stem) or ("rule", name) from an Evidence rule."""
    kind, _, rest = rule.partition(":")
    return kind, rest.split("/", 1)[0]


def category_of(evidence: Evidence) -> str | None:
    """The category of an editorial hit, read from its rule ``lexicon:<stem>/<entry>`` or ``rule:<name>``."""
    kind, name = _rule_parts(evidence.rule)
    if kind == "lexicon":
        return LEXICON_CATEGORY.get(name)
    if kind == "rule":
        return RULE_CATEGORY.get(name)
    return None


def points_of(evidence: Evidence) -> int:
    """The points one hit adds towards flagging its sentence (0 for hedges and unknown rules)."""
    kind, name = _rule_parts(evidence.rule)
    if kind == "lexicon":
        return LEXICON_POINTS.get(name, 2 if LEXICON_CATEGORY.get(name) in FLAGGING else 0)
    if kind == "rule":
        return RULE_POINTS.get(name, 0)
    return 0


def sentence_is_evaluative(hits_in_sentence: Sequence[Evidence]) -> bool:
    """True when a sentence's author's-voice hits reach ``THRESHOLD`` points.

    Every hit is a cue with points (``LEXICON_POINTS``, ``RULE_POINTS``): an evaluative word or
    phrase from a list is a strong cue on its own; weak cues (a charged word from VADER, a
    question or exclamation in the author's voice, "you", "I"/"we") count only together with
    another cue. Hedges never count.
    """
    total = 0
    against = 0
    weak_seen: set[str] = set()
    for h in hits_in_sentence:
        p = points_of(h)
        if p < 0:
            against = min(against, p)  # a counter-cue counts once per sentence
        elif p < THRESHOLD:
            if h.rule not in weak_seen:  # weak cues count once per kind: two modals are one cue
                weak_seen.add(h.rule)
                total += p
        else:
            total += p
    return total + against >= THRESHOLD


_FINITE_TAGS = frozenset({"VB", "VBD", "VBP", "VBZ"})
_CLAUSE_HEADS = frozenset({"ROOT", "ccomp", "xcomp", "relcl", "pcomp", "acl", "parataxis"})


def _pos_fits(tokens: Sequence[Token], i: int, wanted: frozenset[str]) -> bool:
    """Is a one-word hit used as the part of speech its list intends? Only clear contradictions
    drop it, since the small tagger often calls participial adjectives verbs ("embattled",
    "unflinching"): an adjective used as a finite verb or as a participle heading a clause
    ("deserved the award", "are challenging the ruling"), a modal or a verb used as a noun
    ("May" the month). A word inside a compound term is no judgement: a noun modifying another
    ("heart rate", "hate crime"), or an adjective before one ("effective tax rate"). Without a
    tagger (a blank pipeline) every hit fits."""
    tok = tokens[i]
    if not tok.pos:
        return True
    if in_compound(tokens, i):
        return False
    if not wanted:
        return True
    if tok.pos in wanted:
        return True
    if "ADJ" in wanted and "VERB" not in wanted and tok.pos == "VERB":
        return tok.tag not in _FINITE_TAGS and tok.dep not in _CLAUSE_HEADS
    if ("AUX" in wanted or "VERB" in wanted) and "NOUN" not in wanted:
        return tok.pos not in ("NOUN", "PROPN")
    return True


def in_compound(tokens: Sequence[Token], i: int) -> bool:
    """Is token ``i`` part of a compound noun term: a compound modifier itself, or an adjective
    whose next word is a compound modifier of the same head ("effective tax rate")?"""
    tok = tokens[i]
    if tok.dep == "compound":
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return tok.dep == "amod" and nxt is not None and nxt.dep == "compound" and nxt.head == tok.head


@cache
def _parts_of_speech(lexicon_paths: tuple[Path, ...]) -> dict[str, frozenset[str]]:
    return {stem: load_lexicon(stem, lexicon_paths).parts_of_speech for stem in LEXICON_CATEGORY}


def _index(lexicon_paths: tuple[Path, ...]) -> PhraseIndex:
    return _INDEXES.get(lexicon_paths) or _build_index(lexicon_paths)


_INDEXES: dict[tuple[Path, ...], PhraseIndex] = {}
_ADJECTIVES: dict[tuple[Path, ...], frozenset[str]] = {}


def _build_index(lexicon_paths: tuple[Path, ...]) -> PhraseIndex:
    index = PhraseIndex(load_lexicon(stem, lexicon_paths) for stem in LEXICON_CATEGORY)
    _INDEXES[lexicon_paths] = index
    return index


def _evaluative_adjectives(lexicon_paths: tuple[Path, ...]) -> frozenset[str]:
    """Single-word entries of the adjective lists: the bases for comparatives and -ly adverbs."""
    got = _ADJECTIVES.get(lexicon_paths)
    if got is None:
        got = frozenset(
            e[0]
            for stem in ("evaluative_adjectives", "textblob_adjectives")
            for e in load_lexicon(stem, lexicon_paths).entries
            if len(e) == 1
        )
        _ADJECTIVES[lexicon_paths] = got
    return got


# VADER (Hutto & Gilbert 2014; vaderSentiment, MIT licence) rates words from -4 to +4 by how
# negative or positive readers judged them. A word at |valence| >= VALENCE_MIN is a weak cue:
# many such words name events rather than judge them ("killed", "war", "win"), so the list below
# drops the event and topic words of news, and a charged word never flags a sentence alone.
VALENCE_MIN = 2.0
VALENCE_STOP: frozenset[str] = frozenset(
    """
    kill killed killing kills killer killers dead death deaths die died dies dying murder murdered
    murders war wars attack attacked attacks attacking bomb bombs bombing bombed terror terrorism
    terrorist terrorists crisis crime crimes criminal criminals victim victims cancer disease
    disaster disasters accident accidents violence violent abuse abused rape raped arrest arrested
    prison jail fire fired fight fighting fights fought injured injury injuries hurt wounded shot
    shooting gun guns weapon weapons threat threats threatened threatening fear fears feared lost
    lose losing loss losses fail failed failure fails win won wins winning winner winners victory
    support supported supports supporting help helped helps helping helpful protect protected
    protection safe safety security save saved saves rescue rescued care cared cares caring free
    freedom free freed peace peaceful celebrate celebrated celebration award awards awarded prize
    honor honored honour honoured love loved loves like liked likes friend friends friendly hope
    hoped hopes hoping thank thanks thanked please pleased welcome welcomed agree agreed agreement
    accept accepted approve approved approval benefit benefits interest interests interested
    respect respected trust trusted justice legal illegal ban banned cut cuts tax taxes pay paid
    debt poverty poor rich wealth wealthy lawsuit sue sued guilty charged charges conflict
    protest protests protester protesters strike strikes emergency hostage hostages prisoner
    prisoners war-torn funeral grief mourning mourn mourned cried cry crying tears sad sadness
    god yes no ok okay haha lol true truth important kind joke party parties united nice
    """.split()
)


@cache
def _vader() -> dict[str, float]:
    """VADER's word valences (alphabetic entries only), read from the installed package."""
    try:
        from importlib import resources as _res

        text = _res.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - a dependency
        return {}
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].replace("-", "").replace("'", "").isalpha():
            continue
        try:
            out[parts[0]] = float(parts[1])
        except ValueError:
            continue
    return out


_IRREGULAR_COMPARATIVE = {"worse": "bad", "worst": "bad"}
_DEGREE_WORDS = frozenset({"more", "most", "less", "least"})
_SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
_FIRST_PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves"})
_ABSOLUTES = frozenset(
    {"all", "every", "always", "never", "nothing", "everyone", "everybody", "nobody", "none",
     "everything", "anything", "entire", "entirely", "whatsoever"}
)
_MODALS = frozenset({"can", "could", "will", "would", "may", "might", "wo", "ca"})
_LY_STOP = frozenset(
    """only early likely daily weekly monthly yearly family reply supply apply rally ally italy
    july holy jolly belly bully fly sly ugly silly lonely lovely elderly friendly costly
    deadly orderly timely""".split()
)


# word -> (rule, detail) of the word-shape and valence rules, or None; per user-lexicon set
_WORD_RULES: dict[tuple[Path, ...], dict[str, tuple[str, str] | None]] = {}


def _word_rule(w: str, adjectives: frozenset[str], vader: dict[str, float]) -> tuple[str, str] | None:
    """The rule a single word meets on its own (its shape or its valence), if any."""
    base = _comparative_base(w, adjectives)
    if base is not None:
        return ("rule:comparative_of_evaluative",
                f"comparative or superlative of the evaluative adjective \"{base}\" (author's voice)")
    base = _ly_base(w, adjectives)
    if base is not None:
        return ("rule:evaluative_ly_adverb",
                f"adverb from the evaluative adjective \"{base}\": judges how something was done (author's voice)")
    v = vader.get(w)
    if v is not None and abs(v) >= VALENCE_MIN and w not in VALENCE_STOP:
        return ("rule:valence_word", f"emotionally charged word (VADER valence {v:+.1f}; a weak cue, author's voice)")
    return None


def _comparative_base(word: str, adjectives: frozenset[str]) -> str | None:
    """The evaluative adjective that ``word`` is the -er/-est form of ("nastier" -> "nasty")."""
    if word in _IRREGULAR_COMPARATIVE:
        return _IRREGULAR_COMPARATIVE[word]
    for suffix in ("est", "er"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            for base in (stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else "",
                         stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
                if base and base in adjectives:
                    return base
    return None


def _ly_base(word: str, adjectives: frozenset[str]) -> str | None:
    """The evaluative adjective an -ly adverb is made from ("shockingly" -> "shocking")."""
    if not word.endswith("ly") or len(word) < 6 or word in _LY_STOP:
        return None
    stem = word[:-2]
    candidates = [stem]
    if stem.endswith("i"):
        candidates.append(stem[:-1] + "y")  # happily -> happy
    if word.endswith("ably") or word.endswith("ibly"):
        candidates.append(word[:-1] + "e")  # terribly -> terrible
    if word.endswith("ically"):
        candidates.append(word[:-4])  # tragically -> tragic
    for base in candidates:
        if base in adjectives:
            return base
    return None


def sentence_initial(layer: Layer) -> list[bool]:
    """For each token: does it open a sentence (possibly after an opening quote or bracket)?"""
    return layer.initial_mask


def looks_like_name(tok: Token, initial: bool) -> bool:
    """A capitalised token in mid-sentence ("Great Britain", "Land of Promise"), or an acronym."""
    text = tok.text
    if text == "I" or not text[:1].isupper():
        return False
    if len(text) > 1 and text.isupper():
        return True  # "US", "REGIME": acronyms and shouting are not read as words
    return not initial


def _cue_token_mask(layer: Layer) -> list[bool]:
    """For each token: is it the author's word inside an attribution's frame?

    True for the tokens of an attribution's cue ("slammed", "complained"), and for an -ly adverb
    just before or after the cue ("sharply criticized", "insisted angrily"): the reporting verb
    and the manner given to it are the author's choice of words even when the voice layer gives
    the cue to the attributed voice, so lexicon entries may match there.
    """
    tokens = layer.tokens
    cues = sorted((a.cue.start, a.cue.end) for a in layer.attributions)
    out = [False] * len(tokens)
    if not cues:
        return out
    j = 0
    n = len(tokens)
    for i, t in enumerate(tokens):
        while j < len(cues) and cues[j][1] <= t.start:
            j += 1
        if j < len(cues) and cues[j][0] <= t.start and t.end <= cues[j][1]:
            out[i] = True
            for k in (i - 1, i + 1):
                if 0 <= k < n and tokens[k].text.endswith("ly") and tokens[k].text.islower():
                    out[k] = True
    return out


def _loaded_cue_hits(layer: Layer, covered_spans: list[tuple[int, int]]) -> list[Evidence]:
    """Attribution cues that the attribution layer marks as loaded ("claimed", "insisted")."""
    out = []
    for a in layer.attributions:
        if not a.loaded:
            continue
        s, e = a.cue.start, a.cue.end
        if any(cs < e and s < ce for cs, ce in covered_spans):
            continue
        out.append(_hit(layer, s, e, "rule:loaded_reporting_verb", RULE_DETAIL["loaded_reporting_verb"]))
    return out


def _hit(layer: Layer, start: int, end: int, rule: str, detail: str) -> Evidence:
    return Evidence(start, end, layer.text[start:end], rule, detail)


def find_evaluative(layer: Layer, *, lexicon_paths: tuple[Path, ...] = ()) -> tuple[Evidence, ...]:
    """Every evaluative cue that lies in the author's own voice, in text order.

    Lexicon entries (``lexicon:<stem>/<entry>``) match in the narrator voice and in the cue of an
    attribution (the author's choice of reporting verb). Rule hits (``rule:<name>``) add what no
    list spells out: comparatives and superlatives of listed adjectives ("nastier", "most
    dangerous", "worse"), -ly adverbs made from them ("shockingly"), charged words from VADER,
    questions and exclamations in the author's voice, and "you"/"I"/"we" in the narration.

    ``lexicon_paths`` are user lexicon files that extend the packaged ones
    (``Settings.lexicon_paths``). Matching is a dict lookup per token (``PhraseIndex``);
    capitalised tokens in mid-sentence are skipped as likely parts of names.
    """
    tokens = layer.tokens
    if not tokens:
        return ()
    initial = sentence_initial(layer)
    words = layer.words
    narrator = layer.narrator_mask
    cue = _cue_token_mask(layer)
    allowed = [
        (narrator[i] or cue[i]) and not looks_like_name(t, initial[i]) for i, t in enumerate(tokens)
    ]
    out: list[Evidence] = []
    covered = [False] * len(tokens)
    pos_of = _parts_of_speech(lexicon_paths)
    for m in _index(lexicon_paths).find(words, allowed):
        start, end = tokens[m.first].start, tokens[m.last].end
        if m.last > m.first and not all(allowed[m.first : m.last + 1]):
            continue
        if m.last == m.first and not _pos_fits(tokens, m.first, pos_of.get(m.lexicon, frozenset())):
            continue
        for k in range(m.first, m.last + 1):
            covered[k] = True
        category = LEXICON_CATEGORY[m.lexicon]
        out.append(_hit(layer, start, end, f"lexicon:{m.lexicon}/{m.entry}", CATEGORY_DETAIL[category]))
    adjectives = _evaluative_adjectives(lexicon_paths)
    vader = _vader()
    word_rules = _WORD_RULES.setdefault(lexicon_paths, {})
    if len(word_rules) > 200_000:
        word_rules.clear()
    n = len(tokens)
    for i, w in enumerate(words):
        if covered[i] or not narrator[i] or (tokens[i].pos == "ADJ" and in_compound(tokens, i)):
            continue
        if w in ("?", "!"):
            name = "rhetorical_question" if w == "?" else "exclamation"
            out.append(_hit(layer, tokens[i].start, tokens[i].end, f"rule:{name}", RULE_DETAIL[name]))
            continue
        if w in _SECOND_PERSON and not looks_like_name(tokens[i], initial[i]):
            out.append(_hit(layer, tokens[i].start, tokens[i].end, "rule:second_person", RULE_DETAIL["second_person"]))
            continue
        if w in _FIRST_PERSON and (w == "i" or not looks_like_name(tokens[i], initial[i])):
            out.append(_hit(layer, tokens[i].start, tokens[i].end, "rule:first_person", RULE_DETAIL["first_person"]))
            continue
        if w[:1].isdigit():
            out.append(_hit(layer, tokens[i].start, tokens[i].end, "rule:factual_number", RULE_DETAIL["factual_number"]))
            continue
        if w in _ABSOLUTES:
            out.append(_hit(layer, tokens[i].start, tokens[i].end, "rule:absolute", RULE_DETAIL["absolute"]))
            continue
        if w in _MODALS and tokens[i].tag in ("MD", ""):  # "May" the month is no modal
            out.append(_hit(layer, tokens[i].start, tokens[i].end, "rule:modal", RULE_DETAIL["modal"]))
            continue
        if not allowed[i] or not w.isalpha():
            continue
        if w in _DEGREE_WORDS and i + 1 < n and allowed[i + 1] and not covered[i + 1] and words[i + 1] in adjectives:
            out.append(_hit(layer, tokens[i].start, tokens[i + 1].end, "rule:comparative_of_evaluative",
                            f"{w} + evaluative adjective \"{words[i + 1]}\" (author's voice)"))
            covered[i + 1] = True
            continue
        if w in word_rules:
            found = word_rules[w]
        else:
            found = word_rules[w] = _word_rule(w, adjectives, vader)
        if found is not None:
            out.append(_hit(layer, tokens[i].start, tokens[i].end, found[0], found[1]))
    out.extend(_loaded_cue_hits(layer, [(h.start, h.end) for h in out]))
    out.sort(key=lambda e: (e.start, e.end))
    return tuple(out)


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
    per_sentence = hits_by_sentence(layer, hits)
    narr_mask = narrator_sentence_mask(layer)
    text = layer.text
    flagged_evidence: list[Evidence] = []
    narrator_sentences = 0
    evaluative_sentences = 0
    for sent, sent_hits, has_narr in zip(layer.sentences, per_sentence, narr_mask, strict=True):
        if not has_narr:
            continue
        evaluative = sentence_is_evaluative(sent_hits)
        # An author's sentence: mostly in the author's voice ("“…,” Netanyahu said." is not),
        # or one whose author's words judge ("…, praising his significant progress").
        voices = layer.voices_in(sent.start, sent.end)
        if not evaluative and voices.get("narrator", 0) * 2 <= sum(voices.values()):
            continue
        narrator_sentences += 1
        if evaluative:
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
            kind, _, rest = h.rule.partition(":")
            stem, _, entry = rest.partition("/")
            tally[(stem, entry or h.text.lower())] += 1
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
        {"lexicon": stem, "category": LEXICON_CATEGORY.get(stem) or RULE_CATEGORY[stem], "entry": entry, "count": n}
        for (stem, entry), n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return ScoreFamily("editorial_voice", tuple(metrics), {"lexicon_tally": table})
