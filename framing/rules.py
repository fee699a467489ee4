"""Every rule that produces evidence, and everything the package says about it, in one table.

A score's evidence (:class:`framing.model.Evidence`) names the rule that found it by its id
(``rule``: ``quote``, ``attribution:source_cue``, ``lexicon:loaded_verbs``, ``rule:modal`` ...)
and, apart from it, the list entry the rule matched (``entry``: ``piled on``). Nothing reads
meaning out of an id: a rule's score family, its editorial category and points, the highlight
kind the reports draw, a short label and a plain-English explanation are columns of ``RULES``.
The JSON writes a rule as its id and, for a list entry, ``/entry``
(``lexicon:loaded_verbs/piled on``, :func:`full_rule`): the string is composed, never parsed.

    rule("lexicon:loaded_verbs").category            -> "loaded_verb"
    rule("lexicon:loaded_verbs").explain("piled on")  -> "loaded verb 'piled on': the author's ..."

``RULES`` is ordered by family; within the editorial word lists the order is the precedence
(where two lists hold the same entry the earlier list wins, ``EDITORIAL_LEXICONS``).
``CATEGORIES`` are the editorial-voice categories (each with its count metric) and ``KINDS`` the
highlight kinds of the reports, in legend order. ``tests/test_rule_registry.py`` checks that
every rule an analysis emits is registered and drawn, and that every attribution pattern of the
voice layer (``framing/voice/frames``) is a rule here.

The news frames of the content comparison are registered for the five packaged frames; a frame
that a user's frame lexicon adds gets the id ``frame:<name>`` without a row (its cues are shown as
a chart, never looked up here).
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.voice.frames.patterns import pattern_shapes

# --------------------------------------------------------------------------- highlight kinds


@dataclass(frozen=True)
class Kind:
    """How the reports draw a highlight: ``name`` is its CSS class (``k-<name>``)."""

    name: str
    label: str  # the legend's words
    explanation: str  # what it means, for a reader who has not read the methodology


KINDS: tuple[Kind, ...] = (
    Kind("quote", "Direct quote", "the speaker's own words, inside quote marks"),
    Kind("attributed", "Attributed statement (reported speech)",
         "what a source said, in the author's words and without quote marks"),
    Kind("cue", "Reporting verb (neutral)", "reports speech without judging it (said, told, according to)"),
    Kind("cue-loaded", "Reporting verb (loaded)",
         "the verb itself judges the statement or the speaker (claimed, admitted, insisted)"),
    Kind("source", "Source", "a person, an institution or an unnamed source the article cites"),
    Kind("evaluative", "Evaluative word or phrase (author's voice)",
         "the author's own judgement, carried by a word choice"),
    Kind("hedge", "Hedge (author's voice)", "softens a claim (perhaps, arguably); shown, never counted as judgement"),
    Kind("weak-cue", "Weak cue (author's voice)",
         "a question, an exclamation, you, I or we, a sweeping word or a modal; it marks a "
         "sentence as evaluative only together with another cue"),
    Kind("factual", "Specific number (author's voice)", "a reported fact, which weighs against reading the sentence as judgement"),
    Kind("first-person", "First person (author's voice)",
         "the author says I or we, speaks for a group or calls the reader to act"),
    Kind("sentence-sourced", "Sentence with a source", "the sentence holds a quote or reported speech"),
    Kind("sentence-author", "Sentence in the author's voice",
         "one of the author's sentences, the ones the evaluative share is counted over: most of its words are "
         "the author's own, or the author's words in it judge or say I or we"),
    Kind("sentence-evaluative", "Evaluative sentence (author's voice)",
         "the author's own words in the sentence add up to a judgement"),
    Kind("sentence-first-person", "First-person sentence (author's voice)", "the author says I or we in the sentence"),
)
KIND_LABELS: dict[str, str] = {k.name: k.label for k in KINDS}


# --------------------------------------------------------------------------- editorial categories


@dataclass(frozen=True)
class Category:
    """An editorial-voice category: the hits it groups, its count metric and how they count."""

    name: str  # "loaded_verb"
    metric: str  # the family's count of its hits: "loaded_verbs"
    detail: str  # what its hits are; the ``detail`` of a word-list hit
    flags: bool  # can make a sentence evaluative (hedges and numbers cannot)
    word: bool  # an evaluative word or phrase, counted by evaluative_per_100_narrator_words


CATEGORIES: tuple[Category, ...] = (
    Category("evaluative_phrase", "evaluative_phrases", "evaluative phrase (author's voice)", True, True),
    Category("loaded_label", "loaded_labels", "loaded label (author's voice)", True, True),
    Category("loaded_verb", "loaded_verbs", "loaded verb: judges while it reports (author's voice)", True, True),
    Category("evaluative_adverb", "evaluative_adverbs", "evaluative adverb (author's voice)", True, True),
    Category("evaluative_adjective", "evaluative_adjectives", "evaluative adjective (author's voice)", True, True),
    Category("intensifier", "intensifiers", "intensifier or booster (author's voice)", True, True),
    Category("hedge", "hedges", "hedge: softens a claim (author's voice)", False, False),
    Category("prescriptive", "prescriptive_modals",
             "says what ought to happen, or states the author's position (author's voice)", True, True),
    Category("valence_word", "valence_words", "emotionally charged word (VADER valence, author's voice)", True, True),
    Category("rhetorical", "rhetorical_cues", "addresses or challenges the reader (author's voice)", True, False),
    Category("argument", "arguments", "marks argument rather than report (author's voice); a weak cue", True, False),
    Category("factual", "factuals", "specific fact (a number): a cue against an evaluative reading", False, False),
)
_CATEGORY: dict[str, Category] = {c.name: c for c in CATEGORIES}


def category(name: str) -> Category:
    return _CATEGORY[name]


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class Rule:
    """One rule that produces evidence.

    ``explanation`` is a template for a reader: ``{entry}`` is the list entry matched (else the
    highlighted text), ``{text}`` the highlighted text, ``{detail}`` the evidence's own detail
    (which names the speaker or source where there is one) and ``{label}`` the rule's label.
    """

    id: str  # what Evidence.rule holds: "lexicon:loaded_verbs", "quote", "attribution:passive"
    name: str  # its name within its family: the word list's stem or the rule's name
    family: str  # the score family its evidence counts in ("frames": the content comparison)
    kind: str | None  # the highlight kind (KINDS); None: never highlighted (shown as a chart)
    label: str  # a few words: "loaded verb"
    explanation: str  # template, see above
    category: str | None = None  # editorial-voice category (CATEGORIES)
    points: int = 0  # towards flagging its sentence as evaluative (editorial.THRESHOLD)
    lexicon: str | None = None  # the packaged word list it matches (framing/lexicons/<stem>.txt)
    detail: str | None = None  # the detail its evidence carries, when the same for every hit

    def explain(self, entry: str | None = None, *, text: str = "", detail: str | None = None) -> str:
        """The plain-English explanation of one hit."""
        return self.explanation.format(
            entry=entry if entry is not None else text,
            text=text,
            detail=detail or self.detail or self.label,
            label=self.label,
        )


def full_rule(rule_id: str, entry: str | None) -> str:
    """The rule as the JSON writes it: the id, then ``/entry`` for a list entry."""
    return rule_id if entry is None else f"{rule_id}/{entry}"


_PER_100 = "evaluative words per 100 of the author's words"
_WEAK = "A weak cue: it makes a sentence evaluative only together with another cue."
_RHETORICAL = f"{_WEAK} Counts in the rhetorical cues."
_ARGUMENT = f"{_WEAK} Counts in the argument cues."


def _word_list(stem: str, category: str, label: str, what: str, counts_in: str, *, kind: str = "evaluative",
               points: int = 2) -> Rule:
    return Rule(
        id=f"lexicon:{stem}", name=stem, family="editorial_voice", kind=kind, label=label,
        explanation=f"{{label}} '{{entry}}': {what}. Counts in {counts_in}.",
        category=category, points=points, lexicon=stem, detail=_CATEGORY[category].detail,
    )


def _editorial(name: str, category: str, points: int, kind: str, label: str, explanation: str, detail: str) -> Rule:
    return Rule(id=f"rule:{name}", name=name, family="editorial_voice", kind=kind, label=label,
                explanation=explanation, category=category, points=points, detail=detail)


# Attribution patterns (framing/voice/frames: Frame.pattern, Attribution.rule) with the shape of
# sentence each one reads.
# The attribution patterns (framing.voice.frames.patterns, one table with their order, where
# each is tried and example sentences), with their shapes.
ATTRIBUTION_PATTERNS: tuple[tuple[str, str], ...] = tuple(pattern_shapes().items())

# The five generic news frames (framing.comparison.frames.FRAMES), with what their cues point to.
NEWS_FRAMES: tuple[tuple[str, str, str], ...] = (
    ("conflict", "conflict", "disagreement, reproach, two sides, winners and losers"),
    ("human_interest", "human interest", "a human face, emotions, personal stories"),
    ("economic", "economic consequences", "gains and losses, costs, economic effects"),
    ("morality", "morality", "moral messages, religion, how people ought to behave"),
    ("responsibility", "attribution of responsibility", "who caused the problem or must solve it"),
)

# How the article gives a source's side or affiliation (framing.comparison.sides).
SIDE_PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("party_tag", "party tag", "a party tag after the name: “Schumer (D-N.Y.)”, “Cruz, R-Texas,”"),
    ("party_title", "party before the name", "the party before the name: “Republican Sen. Ted Cruz”"),
    ("appositive", "party in an apposition", "“Jones, a Democrat,”, “Jones, the Republican leader,”"),
    ("role", "role for someone", "“a spokeswoman for the Republican National Committee”"),
    ("group_name", "party in the name", "the source's own name holds the party: “House Republicans”, “the DNC”"),
)
_HEADLINE = "Counts in the headline comparison at the top of the report, not in the body's scores."

RULES: tuple[Rule, ...] = (
    # ---- sourcing
    Rule("quote", "quote", "sourcing", "quote", "direct quote",
         "{detail}: the speaker's own words, inside quote marks. Counts in the direct quotes, the "
         "quoted words and the sourcing density."),
    *(
        Rule(f"attribution:{pattern}", pattern, "sourcing", "attributed", f"reported speech (“{shape}”)",
             "reported speech, {detail}: the author restates what a source said, without quote "
             f"marks (“{shape}”). Counts in the attributed statements and the sourcing density.")
        for pattern, shape in ATTRIBUTION_PATTERNS
    ),
    Rule("cue:neutral", "neutral", "sourcing", "cue", "neutral reporting verb",
         "{detail}: a plain verb that reports speech without judging it. Counts in the neutral "
         "reporting verbs."),
    Rule("cue:loaded", "loaded", "sourcing", "cue-loaded", "loaded reporting verb",
         "{detail}: the verb itself judges the statement or the speaker, where 'said' would not. "
         "Counts in the loaded reporting verbs and their share."),
    Rule("source:person", "person", "sourcing", "source", "named person",
         "{detail}: a named person the article cites. Counts in the distinct sources and the named people."),
    Rule("source:institution", "institution", "sourcing", "source", "institution",
         "{detail}: an organisation the article cites (a ministry, an office, a company, a newspaper). "
         "Counts in the distinct sources and the institutions."),
    Rule("source:anonymous", "anonymous", "sourcing", "source", "anonymous or vague source",
         "{detail}: a source without a name ('officials', 'critics', 'reports'). Counts in the "
         "distinct sources and the anonymous sources."),
    Rule("sourced_sentence", "sourced_sentence", "sourcing", "sentence-sourced", "sentence with a source",
         "sentence with a source: it holds a quote or reported speech. Counts in the share of "
         "sentences with a source."),
    # ---- editorial voice: word lists, in precedence order
    _word_list("evaluative_phrases", "evaluative_phrase", "evaluative phrase",
               "a ready-made phrase of praise or blame in the author's own words", _PER_100),
    _word_list("loaded_labels", "loaded_label", "loaded label",
               "a name for someone or something that already judges it", _PER_100),
    _word_list("loaded_verbs", "loaded_verb", "loaded verb",
               "the author's word choice judges while it reports", _PER_100),
    _word_list("evaluative_adverbs", "evaluative_adverb", "evaluative adverb",
               "the author judges how or whether something happened", _PER_100),
    _word_list("evaluative_adjectives", "evaluative_adjective", "evaluative adjective",
               "the author's own judgement of a person or thing", _PER_100),
    _word_list("textblob_adjectives", "evaluative_adjective", "evaluative adjective",
               "the author's own judgement of a person or thing (TextBlob's list)", _PER_100),
    _word_list("intensifiers", "intensifier", "intensifier",
               "the author boosts a claim", _PER_100),
    _word_list("hedges", "hedge", "hedge",
               "the author softens a claim; shown, but never counted as judgement", "the hedges",
               kind="hedge", points=0),
    _word_list("stance_modals", "prescriptive", "prescriptive word",
               "the author says what ought to happen, or states a position of their own", _PER_100),
    # ---- editorial voice: rules for what no list spells out
    _editorial("comparative_of_evaluative", "evaluative_adjective", 2, "evaluative",
               "comparative of an evaluative adjective", f"'{{text}}': {{detail}}. Counts in {_PER_100}.",
               "comparative or superlative of an evaluative adjective (author's voice)"),
    _editorial("evaluative_ly_adverb", "evaluative_adverb", 2, "evaluative",
               "adverb from an evaluative adjective", f"'{{text}}': {{detail}}. Counts in {_PER_100}.",
               "adverb made from an evaluative adjective: judges how something was done (author's voice)"),
    _editorial("valence_word", "valence_word", 1, "evaluative", "emotionally charged word",
               "'{text}': {detail}. Readers rate this word as strongly positive or negative. "
               f"Counts in {_PER_100}.",
               "emotionally charged word: strong valence in the VADER lexicon (author's voice)"),
    _editorial("loaded_reporting_verb", "loaded_verb", 1, "evaluative", "loaded reporting verb",
               "loaded reporting verb '{text}': the author chose a verb that judges the statement or "
               f"the speaker. {_WEAK} Counts in {_PER_100}.",
               "loaded reporting verb chosen by the author (claimed, insisted, complained ...): it "
               "judges the statement or the speaker"),
    _editorial("rhetorical_question", "rhetorical", 1, "weak-cue", "rhetorical question",
               f"question in the author's own voice: in news usually rhetorical. {_RHETORICAL}",
               "question asked in the author's own voice: usually rhetorical in news"),
    _editorial("exclamation", "rhetorical", 1, "weak-cue", "exclamation",
               f"exclamation mark in the author's own voice. {_RHETORICAL}",
               "exclamation mark in the author's own voice"),
    _editorial("second_person", "rhetorical", 1, "weak-cue", "addresses the reader",
               f"'{{text}}': the author addresses the reader directly. {_RHETORICAL}",
               "addresses the reader as \"you\" (author's voice)"),
    _editorial("first_person", "rhetorical", 1, "weak-cue", "the author as I or we",
               f"'{{text}}': the author speaks as I or we. {_RHETORICAL}",
               "the author speaks as \"I\" or \"we\" (author's voice)"),
    _editorial("absolute", "argument", 1, "weak-cue", "sweeping word",
               f"'{{text}}': a sweeping word (all, every, never, nothing) that argues rather than reports. {_ARGUMENT}",
               "sweeping claim (all, every, never, nothing ...) in the author's voice"),
    _editorial("modal", "argument", 1, "weak-cue", "modal verb",
               f"'{{text}}': a modal verb in the author's voice, predicting or judging what can happen. {_ARGUMENT}",
               "modal verb in the author's voice: predicts or judges what can happen"),
    _editorial("factual_number", "factual", -1, "factual", "specific number",
               "'{text}': a specific number. Reporting a fact weighs against reading the sentence as "
               "the author's judgement. Counts in the specific numbers (factuals).",
               "a specific number: reporting a fact weighs against an evaluative reading"),
    Rule("sentence:author", "author", "editorial_voice", "sentence-author", "sentence in the author's voice",
         "sentence in the author's own voice: most of its words are the author's, or the author's words in it "
         "judge or say I or we. Counts in the sentences in the author's own voice (the evaluative share is "
         "counted over them).",
         detail="sentence in the author's own voice"),
    Rule("sentence:evaluative", "evaluative", "editorial_voice", "sentence-evaluative", "evaluative sentence",
         "evaluative sentence: the author's own words in it judge (its cues reach 2 points). Counts in "
         "the evaluative sentences and their share of the author's sentences.",
         detail="sentence with evaluative language in the author's voice"),
    # ---- advocacy
    Rule("first_person:pronoun", "pronoun", "advocacy", "first-person", "first-person pronoun",
         "'{text}': the author speaks as I or we and steps into the story. Counts in the "
         "first-person words and their rate per 100 of the author's words.",
         detail="first-person pronoun (author's voice)"),
    Rule("first_person:collective", "collective", "advocacy", "first-person", "collective 'we'",
         "'{entry}': the author speaks for a national or group 'we'. Counts in the collective phrases.",
         detail="speaks for a national 'we' (author's voice)"),
    Rule("first_person:exhortation", "exhortation", "advocacy", "first-person", "call to act",
         "'{entry}': the author calls the readers to act. Counts in the exhortations.",
         detail="calls the reader to act (author's voice)"),
    Rule("sentence:first_person", "first_person", "advocacy", "sentence-first-person", "first-person sentence",
         "sentence in which the author says I or we. Counts in the first-person sentences (and, in the "
         "last third of the body, in their share there).",
         detail="sentence in which the author says I or we"),
    # ---- news frames (content comparison; drawn as a chart, not highlighted)
    *(
        Rule(f"frame:{frame}", frame, "frames", None, f"{label} frame",
             f"'{{entry}}': a cue of the {label} frame ({what}). Counts in the frame's hits per 100 body words.")
        for frame, label, what in NEWS_FRAMES
    ),
    # ---- headlines (the comparison's headline panel: marked there, counted in no body score)
    Rule("headline:loaded_verb", "loaded_verb", "headlines", "cue-loaded", "loaded verb in the headline",
         "loaded verb '{entry}' in the headline ({detail}): the verb itself judges what it reports. "
         f"{_HEADLINE}"),
    Rule("headline:neutral_verb", "neutral_verb", "headlines", "cue", "neutral verb in the headline",
         f"verb '{{entry}}' in the headline ({{detail}}): it reports without judging. {_HEADLINE}"),
    Rule("headline:quote", "quote", "headlines", "quote", "quote in the headline",
         f"'{{text}}': words {{detail}}. {_HEADLINE}"),
    Rule("headline:attribution", "attribution", "headlines", "attributed", "statement the headline reports",
         f"what the headline reports, {{detail}}, in the headline's words. {_HEADLINE}"),
    Rule("headline:source", "source", "headlines", "source", "source named in the headline",
         f"'{{text}}' ({{entry}}): {{detail}}. {_HEADLINE}"),
    Rule("headline:evaluative", "evaluative", "headlines", "evaluative", "evaluative word in the headline",
         f"{{detail}} '{{entry}}': the headline writer's own word choice. {_HEADLINE}"),
    Rule("headline:lead", "lead", "headlines", "source", "first name in the headline",
         f"'{{text}}': the first name in the headline ({{detail}}). {_HEADLINE}"),
    # ---- sides (who speaks for which side: what the article says of a source's affiliation)
    *(
        Rule(f"side:{name}", name, "sides", None, label,
             f"'{{text}}': {{detail}} ({shape}). Counts in who speaks, by side.")
        for name, label, shape in SIDE_PATTERNS
    ),
)

_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
_BY_LEXICON: dict[str, Rule] = {r.lexicon: r for r in RULES if r.lexicon is not None}

# The editorial word lists, in precedence order: where two lists hold an entry the first wins.
EDITORIAL_LEXICONS: tuple[str, ...] = tuple(_BY_LEXICON)


def rule(rule_id: str) -> Rule:
    """The registered rule with this id; a KeyError names any id that is not registered."""
    try:
        return _BY_ID[rule_id]
    except KeyError:
        raise KeyError(f"evidence rule {rule_id!r} is not in framing.rules.RULES") from None


def lexicon_rule(stem: str) -> Rule:
    """The rule that matches the packaged word list ``stem``."""
    return _BY_LEXICON[stem]


QUOTE = rule("quote")
SOURCED_SENTENCE = rule("sourced_sentence")
LOADED_REPORTING_VERB = rule("rule:loaded_reporting_verb")
COMPARATIVE = rule("rule:comparative_of_evaluative")
LY_ADVERB = rule("rule:evaluative_ly_adverb")
VALENCE_WORD = rule("rule:valence_word")
EVALUATIVE_SENTENCE = rule("sentence:evaluative")
AUTHOR_SENTENCE = rule("sentence:author")
PRONOUN = rule("first_person:pronoun")
COLLECTIVE = rule("first_person:collective")
EXHORTATION = rule("first_person:exhortation")
FIRST_PERSON_SENTENCE = rule("sentence:first_person")
