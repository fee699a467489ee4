"""Finding evaluative language in the author's voice: the evidence of the editorial-voice family.

``find_evaluative`` returns every hit, in text order: word-list entries (rule ``lexicon:<stem>``,
with the entry matched) that the tagger uses as the part of speech their list intends, and rule
hits (``rule:<name>``): comparatives and -ly adverbs of listed adjectives, charged VADER words,
sentence-level cues, and the attribution cues the attribution layer marks loaded. Each rule's
category and points are in the rule registry (``framing.rules``); the sentence flag that reads
them is in ``framing.scores.editorial``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from framing import rules
from framing.model import Evidence
from framing.nlp.segment import Token
from framing.rules import Rule
from framing.scores.lexicon import PhraseIndex, load_lexicon
from framing.voice.layer import Layer
from framing.voice.lexicon import stance_adjectives

_FINITE_TAGS = frozenset({"VB", "VBD", "VBP", "VBZ"})
# Dependents only a verb takes: an object, a predicative complement, a "by" agent, a particle. A
# participle with one of them is used as a verb ("challenging the ruling", "was justified by the
# facts"); without, as an adjective. Clauses and a passive subject are no sign: "it is misguided
# to ...", "it is disappointing that ...", "the plan was misguided" (the parser reads a passive).
_VERBAL_DEPENDENTS = frozenset({"dobj", "dative", "oprd", "agent", "prt"})
# Tags of the words that open a noun phrase before its premodifiers: a participle right after one
# (adverbs between allowed) modifies the noun ("a deeply troubling case", "the nation's sometimes
# confusing approach"), whatever object the parser gave it.
_NOUN_PHRASE_OPENERS = frozenset({"DT", "PDT", "PRP$", "POS", "WP$", "JJ", "JJR", "JJS"})
# Universal parts of speech and the word classes of the pipeline's lemma index.
_INDEX_CLASS = {"ADJ": "adj", "ADV": "adv", "NOUN": "noun", "VERB": "verb"}


@cache
def _word_classes(model: str | None) -> dict[str, frozenset[str]]:
    """The pipeline's own word lists by class ("adj", "adv", "noun", "verb"): the lemma index
    of spaCy's rule lemmatizer (WordNet's lemmas, shipped inside the English pipelines). Empty
    when the pipeline has none (a blank pipeline, a lookup lemmatizer)."""
    from framing.nlp.pipeline import load_pipeline

    try:
        lookups = load_pipeline(model).get_pipe("lemmatizer").lookups
        table = lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return {}
    return {name: frozenset(table.get(name, ())) for name in _INDEX_CLASS.values()}


def can_be(tok: Token, pos: str, classes: dict[str, frozenset[str]]) -> bool:
    """Can the word of ``tok`` be a ``pos`` (ADJ, ADV, NOUN, VERB) at all, by the pipeline's
    lemma index? True when the index does not say (a word it lacks, an empty index)."""
    words = classes.get(_INDEX_CLASS.get(pos, ""))
    if not words:
        return True
    known = any(tok.lower in ws or tok.lemma in ws for ws in classes.values())
    return not known or tok.lower in words or tok.lemma in words


def adjective_tagged_otherwise(tokens: Sequence[Token], i: int, classes: dict[str, frozenset[str]]) -> bool:
    """Is token ``i``, which the tagger calls a verb or a noun, used as an adjective?

    The small tagger often calls participial adjectives verbs ("embattled", "unflinching") and
    an adjective before a noun a noun ("paltry fund", "gory photo"). A word the pipeline's
    lexicon knows as an adjective but not in the tagged class ("dubious", "paltry") is one
    whatever its tag. Otherwise a finite verb ("deserved the award") and a gerund after a
    preposition ("from engaging in") are verbs, and a participle (-ing, -ed) is an adjective right
    after a determiner or a possessive ("the nation's sometimes confusing approach") or when it
    has no verb's dependent (an object, a "by" agent, a particle: "are challenging the ruling").
    """
    tok = tokens[i]
    if tok.pos not in ("VERB", "NOUN"):
        return False
    if not can_be(tok, tok.pos, classes):
        return can_be(tok, "ADJ", classes)
    if tok.pos == "NOUN" or tok.tag in _FINITE_TAGS or tok.dep == "pcomp":
        return False
    if _after_noun_phrase_opener(tokens, i):
        return True
    return not any(t.head == tok.i and t.dep in _VERBAL_DEPENDENTS for t in _around(tokens, i))


def _after_noun_phrase_opener(tokens: Sequence[Token], i: int) -> bool:
    """Does token ``i`` follow a determiner, a possessive or an adjective (adverbs between)?"""
    k = i - 1
    while k >= 0 and tokens[k].tag in ("RB", "RBR", "RBS"):
        k -= 1
    return k >= 0 and tokens[k].tag in _NOUN_PHRASE_OPENERS


def _around(tokens: Sequence[Token], i: int, reach: int = 25) -> Sequence[Token]:
    """The tokens near ``i``: where its dependents lie."""
    return tokens[max(0, i - reach) : i + reach + 1]


# Subordinators of a condition or an indirect question: a modal in their clause poses a case
# or a question, it prescribes nothing ("if it should continue", "asked whether he should resign").
_CONDITION_MARKS = frozenset({"if", "whether", "unless"})


def in_condition(tokens: Sequence[Token], i: int) -> bool:
    """Is the modal ``i`` in a condition or an indirect question: its verb's clause opens with
    "if", "whether" or "unless", or the modal comes before its subject outside a question
    ("Should the talks fail, ...", "should there ever be a case")?"""
    h = tokens[i].head
    if h < 0 or h == i:
        return False
    deps = [t for t in _around(tokens, h) if t.head == h and t.i != h]
    if any(t.dep == "mark" and t.lower in _CONDITION_MARKS for t in deps):
        return True
    subject = next((t for t in deps if t.dep in ("nsubj", "nsubjpass", "expl")), None)
    return subject is not None and subject.i > i and not _in_question(tokens, i)


# Relations that make a token the head of its own clause: the walk up from an adjective stops there.
_CLAUSE_DEPS = frozenset({"ROOT", "advcl", "ccomp", "xcomp", "csubj", "relcl", "conj", "pcomp", "acl", "parataxis"})


def adjective_in_condition(tokens: Sequence[Token], i: int) -> bool:
    """Is the adjective ``i`` said of a case the author only poses: its clause opens with "if",
    "whether" or "unless" ("If true, the allegations would ...", "if these things are true",
    "whether the reading would be dramatic")? The author does not assert it."""
    k = i
    for _ in range(4):
        if any(t.head == k and t.i != k and t.dep == "mark" and t.lower in _CONDITION_MARKS for t in _around(tokens, k)):
            return True
        h = tokens[k].head
        if tokens[k].dep in _CLAUSE_DEPS or h < 0 or h == k:
            return False
        k = h
    return False


def in_purpose(tokens: Sequence[Token], i: int) -> bool:
    """Is the modal ``i`` in a purpose clause ("so that he can gain access", "in order that they
    may vote", "a drop box so the government can harvest it")? It says what the purpose allows,
    it argues nothing. A result clause is not one: "so mean that he will not pay" ("so" grades an
    adjective), "Prices rose, so people will buy less" (a conclusion, after a comma)."""
    h = tokens[i].head
    if h < 0 or h == i:
        return False
    for t in _around(tokens, h):
        if t.head != h or t.dep != "mark" or t.i == h:
            continue
        if t.lower == "that" and t.i > 0 and tokens[t.i - 1].lower in ("so", "order"):
            return True
        if t.lower == "so" and t.i + 1 < len(tokens) and tokens[t.i + 1].lower == "that":
            return True
        if t.lower == "so" and tokens[h].dep == "advcl" and t.i > 0 and tokens[t.i - 1].text != ",":
            return True  # "so the government can ..."; not "Prices rose, so people will buy less"
    return False


def _in_question(tokens: Sequence[Token], i: int) -> bool:
    """Does the sentence of token ``i`` end with a question mark?"""
    for t in tokens[i : i + 120]:
        if t.text in ("?", "?!", "!?"):
            return True
        if t.text in (".", "!", "…", "..."):
            return False
    return False


def focuses(tokens: Sequence[Token], i: int) -> bool:
    """Is the adverb ``i`` a focusing adverb rather than a booster: it picks out a noun phrase or
    a prepositional phrase ("particularly the victims", "particularly at a time when") instead of
    grading an adjective, an adverb, a verb or a quantity ("particularly harsh", "absolutely no")?"""
    tok = tokens[i]
    h = tok.head
    if not (tok.pos == "ADV" and tok.dep == "advmod" and 0 <= h < len(tokens) and tokens[h].pos in ("NOUN", "PROPN", "ADP")):
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is None or not (nxt.lower in _ABSOLUTES or nxt.lower == "no")  # "absolutely no way"


def _pos_fits(tokens: Sequence[Token], i: int, wanted: frozenset[str], classes: dict[str, frozenset[str]]) -> bool:
    """Is a one-word hit used as the part of speech its list intends?

    A word inside a compound term is no judgement: a noun modifying another ("heart rate",
    "hate crime"), or an adjective before one ("effective tax rate"). An adjective list's word
    counts where the tagger says verb or noun but the word is used as an adjective
    (:func:`adjective_tagged_otherwise`: "embattled", "However dubious the claim", "this paltry
    fund"), not as a verb ("deserved the award", "are challenging the ruling"). A modal or a verb
    used as a noun ("May" the month) is none. Without a tagger (a blank pipeline) every hit fits."""
    tok = tokens[i]
    if not tok.pos:
        return True
    adjective = "ADJ" in wanted and tok.pos not in wanted and adjective_tagged_otherwise(tokens, i, classes)
    if in_compound(tokens, i, as_adjective=adjective):
        return False
    if not wanted or tok.pos in wanted:
        return True
    if "ADJ" in wanted and "VERB" not in wanted and tok.pos == "VERB":
        return adjective
    if ("AUX" in wanted or "VERB" in wanted) and "NOUN" not in wanted:
        return tok.pos not in ("NOUN", "PROPN")
    return True


def in_compound(tokens: Sequence[Token], i: int, *, as_adjective: bool = False) -> bool:
    """Is token ``i`` part of a compound noun term: a compound modifier itself, or an adjective
    whose next word is a compound modifier of the same head ("effective tax rate")?

    ``as_adjective``: the token is an adjective the tagger called a noun ("paltry" in "this
    paltry fund"), so its ``compound`` relation is the tagger's slip, not a term."""
    tok = tokens[i]
    if tok.dep == "compound" and not as_adjective:
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        tok.dep in ("amod", "compound")
        and nxt is not None
        and nxt.dep == "compound"
        and nxt.head == tok.head
    )


@cache
def _parts_of_speech(lexicon_paths: tuple[Path, ...]) -> dict[str, frozenset[str]]:
    return {stem: load_lexicon(stem, lexicon_paths).parts_of_speech for stem in rules.EDITORIAL_LEXICONS}


def _index(lexicon_paths: tuple[Path, ...]) -> PhraseIndex:
    return _INDEXES.get(lexicon_paths) or _build_index(lexicon_paths)


_INDEXES: dict[tuple[Path, ...], PhraseIndex] = {}
_ADJECTIVES: dict[tuple[Path, ...], frozenset[str]] = {}


def _build_index(lexicon_paths: tuple[Path, ...]) -> PhraseIndex:
    index = PhraseIndex(load_lexicon(stem, lexicon_paths) for stem in rules.EDITORIAL_LEXICONS)
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
    god yes no ok okay haha lol true truth important kind joke party parties united nice super
    heart festival intelligence grand supreme suicide
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
_WORD_RULES: dict[tuple[Path, ...], dict[str, tuple[Rule, str] | None]] = {}


def _word_rule(w: str, adjectives: frozenset[str], vader: dict[str, float]) -> tuple[Rule, str] | None:
    """The rule a single word meets on its own (its shape or its valence), if any."""
    base = _comparative_base(w, adjectives)
    if base is not None:
        return (rules.COMPARATIVE,
                f"comparative or superlative of the evaluative adjective \"{base}\" (author's voice)")
    base = _ly_base(w, adjectives)
    if base is not None:
        return (rules.LY_ADVERB,
                f"adverb from the evaluative adjective \"{base}\": judges how something was done (author's voice)")
    v = vader.get(w)
    if v is not None and abs(v) >= VALENCE_MIN and w not in VALENCE_STOP:
        return (rules.VALENCE_WORD, f"emotionally charged word (VADER valence {v:+.1f}; a weak cue, author's voice)")
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


# Entity types of names: a word inside one names something, it does not judge it.
_NAME_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "FAC", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


def in_name(tokens: Sequence[Token], i: int) -> bool:
    """Is token ``i`` inside a multi-word name: the entity recogniser puts it in a name entity
    (``_NAME_ENTITIES``) together with a capitalised neighbour ("Honest Tea", "Fair Housing
    Act", "Beautiful Boy" at the start of a sentence, where capitals say nothing)? A one-word
    "entity" before a lower-case word ("Bombastic conservative host ...") is the recogniser's
    slip and no name."""
    tok = tokens[i]
    if tok.ent not in _NAME_ENTITIES:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and nxt.ent == tok.ent and not nxt.ent_start and nxt.text[:1].isupper():
        return True
    prev = tokens[i - 1] if i > 0 else None
    return prev is not None and not tok.ent_start and prev.ent == tok.ent and prev.text[:1].isupper()


def _cue_token_mask(layer: Layer) -> list[bool]:
    """For each token: is it the author's word inside an attribution's frame?

    True for the tokens of an attribution's cue ("slammed", "complained"), and for an -ly adverb
    just before or after the cue ("sharply criticized", "insisted angrily"): the reporting verb
    and the manner given to it are the author's choice of words even when the voice layer gives
    the cue to the attributed voice, so lexicon entries may match there.

    The adjective of a stance frame is not: in "commentators had been supportive of him" or "he
    is confident that ..." it reports the view the source holds (``stance_adjectives.tsv``), as
    "said" reports a statement. An adverb next to it stays the author's ("sharply critical").
    """
    tokens = layer.tokens
    stance = stance_adjectives()
    held = {(a.cue.start, a.cue.end) for a in layer.attributions if a.rule == "stance"}
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
            out[i] = not (cues[j] in held and t.lower in stance)
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
        out.append(_hit(layer, s, e, rules.LOADED_REPORTING_VERB))
    return out


def _hit(layer: Layer, start: int, end: int, rule: Rule, detail: str | None = None, entry: str | None = None) -> Evidence:
    """Evidence of ``rule`` for ``text[start:end]``; its detail defaults to the rule's."""
    return Evidence(start, end, layer.text[start:end], rule.id, detail or rule.detail, entry)


def find_evaluative(layer: Layer, *, lexicon_paths: tuple[Path, ...] = (), model: str | None = None) -> tuple[Evidence, ...]:
    """Every evaluative cue that lies in the author's own voice, in text order.

    Lexicon entries (``lexicon:<stem>``, with the entry) match in the narrator voice and in the cue of an
    attribution (the author's choice of reporting verb). Rule hits (``rule:<name>``) add what no
    list spells out: comparatives and superlatives of listed adjectives ("nastier", "most
    dangerous", "worse"), -ly adverbs made from them ("shockingly"), charged words from VADER,
    questions and exclamations in the author's voice, and "you"/"I"/"we" in the narration.

    ``lexicon_paths`` are user lexicon files that extend the packaged ones
    (``Settings.lexicon_paths``); ``model`` names the pipeline that tagged the tokens (its
    lexicon tells which parts of speech a word can take; None: the default pipeline). Matching is a dict lookup per token (``PhraseIndex``);
    capitalised tokens in mid-sentence are skipped as likely parts of names, and so are words
    the entity recogniser puts inside a multi-word name (:func:`in_name`).
    """
    tokens = layer.tokens
    if not tokens:
        return ()
    initial = sentence_initial(layer)
    narrator = layer.narrator_mask
    cue = _cue_token_mask(layer)
    allowed = [
        (narrator[i] or cue[i]) and not looks_like_name(t, initial[i]) and not in_name(tokens, i)
        for i, t in enumerate(tokens)
    ]
    covered = [False] * len(tokens)
    classes = _word_classes(model) if any(t.pos for t in tokens) else {}
    out = _lexicon_hits(layer, allowed, covered, lexicon_paths, classes)
    out.extend(_rule_hits(layer, allowed, covered, lexicon_paths))
    out.extend(_loaded_cue_hits(layer, [(h.start, h.end) for h in out]))
    out.sort(key=lambda e: (e.start, e.end))
    return tuple(_charged_words_in_company(layer, out))


def _charged_words_in_company(layer: Layer, hits: list[Evidence]) -> list[Evidence]:
    """``hits`` without the charged words (``rule:valence_word``) of sentences the hits do not
    make evaluative.

    VADER rates words out of context, and news names events with charged words ("the veto
    rejection", "sentenced for lying", "did not satisfy him"); so a charged word is a weak cue
    that never flags a sentence alone (``editorial.sentence_is_evaluative``). Where no other cue
    of the author's joins it, it is no evidence of judgement either: it is neither counted nor
    shown. Its sentence's flag is the same with or without it."""
    from framing.scores.editorial import hits_by_sentence, sentence_is_evaluative

    drop: set[int] = set()
    for in_sentence in hits_by_sentence(layer, hits):
        if any(h.rule == rules.VALENCE_WORD.id for h in in_sentence) and not sentence_is_evaluative(in_sentence):
            drop.update(id(h) for h in in_sentence if h.rule == rules.VALENCE_WORD.id)
    return [h for h in hits if id(h) not in drop]


def _lexicon_hits(layer: Layer, allowed: list[bool], covered: list[bool], lexicon_paths: tuple[Path, ...],
                  classes: dict[str, frozenset[str]]) -> list[Evidence]:
    """Word-list entries where every token is allowed, a one-word entry only as the part of
    speech its list intends; marks the tokens they cover."""
    tokens = layer.tokens
    pos_of = _parts_of_speech(lexicon_paths)
    out: list[Evidence] = []
    for m in _index(lexicon_paths).find(layer.words, allowed):
        if m.last > m.first and not all(allowed[m.first : m.last + 1]):
            continue
        if m.last == m.first and not _pos_fits(tokens, m.first, pos_of.get(m.lexicon, frozenset()), classes):
            continue
        if tokens[m.first].tag == "MD" and (in_condition(tokens, m.first) or in_purpose(tokens, m.first)):
            continue
        if m.last == m.first and tokens[m.first].pos == "ADJ" and adjective_in_condition(tokens, m.first):
            continue
        if m.last == m.first and rules.lexicon_rule(m.lexicon).category == "intensifier" and focuses(tokens, m.first):
            continue
        for k in range(m.first, m.last + 1):
            covered[k] = True
        out.append(_hit(layer, tokens[m.first].start, tokens[m.last].end, rules.lexicon_rule(m.lexicon), entry=m.entry))
    return out


def _sentence_cue(w: str, tok: Token, initial: bool) -> Rule | None:
    """The rule a narrator token meets as a sentence-level cue, if any: "?", "!", you, I/we, a
    number, an absolute, a modal ("May" the month is no modal). You, I and we count only where
    the tagger reads a pronoun ("Sanders (I-Vt.)" holds a party tag)."""
    if w in ("?", "!"):
        return _RHETORICAL_QUESTION if w == "?" else _EXCLAMATION
    pronoun = tok.may_be_pronoun  # the tagger's word: "I" in "(I-Vt.)" is a party tag
    if w in _SECOND_PERSON and pronoun and not looks_like_name(tok, initial):
        return _SECOND_PERSON_RULE
    if w in _FIRST_PERSON and pronoun and (w == "i" or not looks_like_name(tok, initial)):
        return _FIRST_PERSON_RULE
    if w[:1].isdigit():
        return _FACTUAL_NUMBER
    if w in _ABSOLUTES:
        return _ABSOLUTE
    if w in _MODALS and tok.tag in ("MD", ""):
        return _MODAL
    return None


_RHETORICAL_QUESTION = rules.rule("rule:rhetorical_question")
_EXCLAMATION = rules.rule("rule:exclamation")
_SECOND_PERSON_RULE = rules.rule("rule:second_person")
_FIRST_PERSON_RULE = rules.rule("rule:first_person")
_FACTUAL_NUMBER = rules.rule("rule:factual_number")
_ABSOLUTE = rules.rule("rule:absolute")
_MODAL = rules.rule("rule:modal")


def _rule_hits(layer: Layer, allowed: list[bool], covered: list[bool], lexicon_paths: tuple[Path, ...]) -> list[Evidence]:
    """Rule hits in the narrator voice on tokens no list entry covers: sentence-level cues,
    "more"/"most" + a listed adjective, and the word-shape and valence rules (``_word_rule``).
    An adjective inside a compound term ("effective tax rate") is no hit."""
    tokens, words, narrator, initial = layer.tokens, layer.words, layer.narrator_mask, sentence_initial(layer)
    adjectives = _evaluative_adjectives(lexicon_paths)
    vader = _vader()
    word_rules = _WORD_RULES.setdefault(lexicon_paths, {})
    if len(word_rules) > 200_000:
        word_rules.clear()
    out: list[Evidence] = []
    n = len(tokens)
    for i, w in enumerate(words):
        tok = tokens[i]
        if covered[i] or not narrator[i]:
            continue
        cue = _sentence_cue(w, tok, initial[i])
        if cue is _MODAL and in_purpose(tokens, i):
            continue
        if cue is not None:
            out.append(_hit(layer, tok.start, tok.end, cue))
            continue
        if not allowed[i] or not w.isalpha():
            continue
        if w in _DEGREE_WORDS and i + 1 < n and allowed[i + 1] and not covered[i + 1] and words[i + 1] in adjectives:
            out.append(_hit(layer, tok.start, tokens[i + 1].end, rules.COMPARATIVE,
                            f"{w} + evaluative adjective \"{words[i + 1]}\" (author's voice)"))
            covered[i + 1] = True
            continue
        if w in word_rules:
            found = word_rules[w]
        else:
            found = word_rules[w] = _word_rule(w, adjectives, vader)
        if found is not None and tok.pos == "ADJ" and adjective_in_condition(tokens, i):
            continue
        if found is not None and not (found[0] is rules.VALENCE_WORD and in_compound(tokens, i)):
            out.append(_hit(layer, tok.start, tok.end, found[0], found[1]))
    return out
