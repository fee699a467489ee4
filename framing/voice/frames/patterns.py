"""The attribution patterns, in the order they are tried: one table a newcomer can read to find
why a span was attributed.

Every frame the voice layer finds carries the id of the pattern that made it (``Frame.pattern``,
the JSON's ``attribution:<id>`` rule). This table says, for each pattern, where it is tried
(``site``), the module that holds it, its shape, and sentences it must find and must leave
alone; ``tests/test_attribution_patterns.py`` runs every example. The order is the order of
the code:

* per sentence, left to right over the words outside quotes: a *be*-form may open a
  ``stance`` frame; a reporting noun may open a ``nominal`` frame; a reporting verb (the verb
  table, ``framing/lexicons/reporting_verbs.tsv``) goes through ``VERB_PATTERNS`` in
  ``frames/verbal.py`` — the first pattern that decides wins;
* a sentence with no frame may open with "In X's view," (``according_to`` opened by "In");
* last, the layout of the paragraph: credit lines and transcripts.

Then every frame's content is cut where its clause ends (``frames/boundary.py``) and its
source is named (``voice/speakers.py``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pattern:
    """One attribution pattern: its id, where it is tried, the module that holds it, its shape,
    and example sentences it finds (``finds``: sentence, source, cue) and leaves alone."""

    id: str
    site: str  # "reporting verb", "reporting noun", "be-form", "sentence", "paragraph layout"
    module: str  # in framing/voice/frames
    shape: str
    finds: tuple[tuple[str, str, str], ...]
    leaves_alone: tuple[str, ...]


PATTERNS: tuple[Pattern, ...] = (
    Pattern(
        "stance", "be-form", "nominal", "X is confident that …",
        (("The mayor is confident that the bridge will hold.", "The mayor", "is confident"),),
        ("The bridge is long and the river is wide.",),
    ),
    Pattern(
        "nominal", "reporting noun", "nominal", "X's claim that …",
        (("Trump’s claim that the election was rigged spread quickly.", "Trump", "claim"),
         ("Despite warnings from the agency that the dam was weak, work went on.", "the agency", "warnings")),
        ("The claims that were made last year were dropped.",),
    ),
    Pattern(
        "passive", "reporting verb", "passive", "… was endorsed by X",
        (("The plan was endorsed by the city council.", "the city council", "endorsed"),),
        ("The council endorsed the plan.",),
    ),
    Pattern(
        "according_to", "reporting verb", "verbal", "according to X, …",
        (("According to the ministry, prices rose by four percent.", "the ministry", "According to"),
         ("Prices rose by four percent, according to a report in the Financial Times.", "a report in the Financial Times", "according to")),
        ("Everything went according to plan.",),
    ),
    Pattern(
        "participle", "reporting verb", "participle", "…, saying …",
        (("The governor signed the bill, saying it would create jobs.", "The governor", "saying"),),
        ("The emails found on his laptop were old.",),
    ),
    Pattern(
        "coordinated", "reporting verb", "verbal", "… and added …",
        (("The minister praised the deal and added that more work was needed.", "The minister", "added"),),
        ("The minister praised the deal and left.",),
    ),
    Pattern(
        "cue_source", "reporting verb", "verbal", "…, said X",
        (("The vote was rigged, said Senator Alma Ruiz.", "Senator Alma Ruiz", "said"),),
        ("The deal is a disaster, blasted Clinton in a speech.",
         "Politico, a news site, reported that Speaker John Boehner, who is from Ohio, wants the plan."),
    ),
    Pattern(
        "source_cue", "reporting verb", "verbal", "X said …",
        (("The senator said the figures were wrong.", "The senator", "said"),
         ("The plan, which critics said was rushed, passed on Tuesday.", "critics", "said")),
        ("The recovery he promised has turned into a cascade of downgrades.",
         "Having said that, the team played well."),
    ),
    Pattern(
        "according_to", "sentence", "nominal", "In X's view, …",
        (("In her view, the deal is a mistake.", "her view", "In"),),
        ("In the end, the deal was signed.",),
    ),
    Pattern(
        "credit", "paragraph layout", "layout", "“…” ― Name",
        (("“We will win.” ― Ada Stone", "Ada Stone", "―"),),
        ("The bridge ― long and narrow ― was closed.",),
    ),
    Pattern(
        "transcript", "paragraph layout", "layout", "NAME: …",
        (("WALLACE: Will you accept the result of the election?", "WALLACE", ":"),),
        ("The plan: build more homes.",),
    ),
)

# The verb patterns, in the order ``frames/verbal.py`` tries them.
VERB_PATTERN_ORDER: tuple[str, ...] = tuple(p.id for p in PATTERNS if p.site == "reporting verb")


def pattern_shapes() -> dict[str, str]:
    """Pattern id -> its shape (the first, where one id has two sites)."""
    shapes: dict[str, str] = {}
    for p in PATTERNS:
        shapes.setdefault(p.id, p.shape)
    return shapes
