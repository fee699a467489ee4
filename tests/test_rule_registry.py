"""The rule registry (framing.rules): every rule an analysis emits is registered, drawn as a
named highlight kind (never "other") and explained in plain words; attribution patterns are
registered rules; nothing in the package parses a rule string back into parts."""

from __future__ import annotations

import ast
import re
from importlib import resources
from pathlib import Path

import pytest

import framing
from framing import rules
from framing.comparison import compare
from framing.comparison.frames import FRAMES
from framing.comparison.summary import kind_of
from framing.model import Analysis, Evidence
from framing.report.pdf_style import KIND_PRIORITY, KIND_TAGS
from framing.report.style import HIGHLIGHTS, highlight_css
from framing.settings import Settings

TESTS = Path(__file__).parent
PACKAGE = Path(framing.__file__).parent
KIND_NAMES = {k.name for k in rules.KINDS}

# Texts that reach the rules the fixtures rarely meet: a credit line, a transcript, a
# question and an exclamation in the author's voice, "you", sweeping words, numbers, hedges.
CRAFTED = (
    "Council backs the river bridge\n\n"
    "Mayor Ann Lee said on Monday that the bridge would open in May, according to the council. "
    "Critics claimed the project wasted money, and the builder admitted that costs rose by $4 million. "
    "Officials said the delay was caused by floods, saying the river rose twice. "
    "The plan was endorsed by the regional board.\n\n"
    "\u201cWe are proud of this bridge,\u201d Lee said.\n\n"
    "Is this really the best we can do? You deserve better! Every resident will perhaps pay more, "
    "and the shockingly inept council never listens. As a nation we must do better.\n\n"
    "\u201cA bridge is a promise.\u201d \u2015 Ann Lee\n\n"
    "LEE: We will keep building.\n"
)


def _inputs() -> list[Path]:
    golden = sorted(p for p in (TESTS / "golden").iterdir() if p.suffix in (".txt", ".md", ".html"))
    return sorted((TESTS / "fixtures").glob("*.txt")) + golden


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    out = [framing.analyse(p) for p in _inputs()]
    out.append(framing.analyse(CRAFTED, settings=Settings()))
    return out


def _evidence(a: Analysis) -> list[Evidence]:
    return [e for fam in a.scores.families() for m in fam.metrics for e in m.evidence]


# --- every emitted rule is registered and drawn ----------------------------------------------


def test_every_evidence_rule_is_registered_with_a_drawn_kind(analyses):
    seen: set[str] = set()
    for a in analyses:
        for e in _evidence(a):
            r = rules.rule(e.rule)  # KeyError names an unregistered id
            assert r.kind in KIND_NAMES, e.rule
            seen.add(e.rule)
    # the texts reach every family of rules
    assert {"quote", "sourced_sentence", "cue:neutral", "cue:loaded", "source:person",
            "sentence:evaluative", "sentence:first_person", "first_person:pronoun",
            "first_person:collective", "first_person:exhortation", "lexicon:hedges",
            "rule:valence_word", "rule:rhetorical_question", "rule:exclamation",
            "rule:second_person", "rule:factual_number", "rule:modal", "rule:absolute"} <= seen


def test_every_attribution_pattern_the_analysis_emits_is_registered(analyses):
    patterns = {x.rule for a in analyses for x in (*a.attributions, *a.headline_attributions)}
    assert {"source_cue", "according_to", "participle", "passive"} <= patterns
    for pattern in patterns:
        assert rules.rule(f"attribution:{pattern}").kind == "attributed"


def _frame_patterns() -> set[str]:
    """The pattern names the attribution frames are built with (``Frame(..., "<pattern>")`` or
    ``pattern="<pattern>"``), read from the source of framing/voice/frames."""
    found: set[str] = set()
    for path in (PACKAGE / "voice" / "frames").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Frame"):
                continue
            args = [kw.value for kw in node.keywords if kw.arg == "pattern"] or node.args[4:5]
            found.update(a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return found


def test_every_attribution_pattern_in_the_frames_code_is_registered():
    patterns = _frame_patterns()
    assert len(patterns) >= 10
    registered = {name for name, _shape in rules.ATTRIBUTION_PATTERNS}
    assert patterns <= registered, patterns - registered
    for pattern in patterns:
        assert rules.rule(f"attribution:{pattern}").family == "sourcing"


def test_no_highlight_is_other(analyses):
    c = compare(analyses)
    kinds = {k for s in c.articles for h in s.highlights for k in h.kinds}
    assert kinds <= KIND_NAMES and "other" not in kinds
    assert {"evaluative", "weak-cue", "factual"} <= kinds
    assert "other" not in KIND_NAMES


def test_kind_of_reads_the_registry_and_is_loud():
    assert kind_of("rule:valence_word") == "evaluative"
    assert kind_of("rule:modal") == "weak-cue"
    assert kind_of("cue:loaded") == "cue-loaded"
    with pytest.raises(KeyError, match="not in framing.rules.RULES"):
        kind_of("lexicon:no_such_list")
    with pytest.raises(ValueError, match="never highlighted"):
        kind_of("frame:conflict")


# --- the registry's own shape ----------------------------------------------------------------


def test_ids_are_unique_and_columns_are_consistent():
    ids = [r.id for r in rules.RULES]
    assert len(ids) == len(set(ids))
    categories = {c.name for c in rules.CATEGORIES}
    for r in rules.RULES:
        assert r.kind is None or r.kind in KIND_NAMES, r.id
        assert r.label and r.explanation, r.id
        if r.family == "editorial_voice" and r.id not in ("sentence:evaluative", "sentence:author"):  # sentence-level
            assert r.category in categories, r.id
        else:
            assert r.category is None and r.points == 0, r.id
    assert len({c.metric for c in rules.CATEGORIES}) == len(rules.CATEGORIES)
    assert {r.id for r in rules.RULES if r.family == "frames"} == {f"frame:{f}" for f in FRAMES}


def test_points_follow_the_categories():
    for r in rules.RULES:
        if r.category is None:
            continue
        cat = rules.category(r.category)
        if cat.word:
            assert r.points >= 1, r.id
        if not cat.flags:
            assert r.points <= 0, r.id


def test_editorial_lexicons_keep_their_precedence():
    assert rules.EDITORIAL_LEXICONS[:3] == ("evaluative_phrases", "loaded_labels", "loaded_verbs")
    assert rules.lexicon_rule("hedges").kind == "hedge"


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda r: r.id)
def test_every_rule_explains_itself_in_plain_words(rule: rules.Rule):
    text = rule.explain("piled on", text="piled on", detail="attributed to Ann Lee ('said')")
    assert (rule.id.isalpha() or rule.id not in text) and "{" not in text  # "quote" is a plain word
    assert text[0].islower() or text[0] in "'“"
    assert "Counts in" in text


def test_explanations_name_the_entry_and_the_speaker():
    verb = rules.lexicon_rule("loaded_verbs").explain("piled on", text="piled on")
    assert verb.startswith("loaded verb 'piled on': the author's word choice")
    assert "evaluative words per 100 of the author's words" in verb
    quote = rules.QUOTE.explain(text="…", detail="direct quote (Ann Lee)")
    assert quote.startswith("direct quote (Ann Lee): the speaker's own words")


def test_json_composes_id_and_entry():
    e = Evidence(0, 8, "timeless", "lexicon:evaluative_adjectives", "detail", "timeless")
    assert e.as_dict()["rule"] == "lexicon:evaluative_adjectives/timeless" == e.full_rule
    assert Evidence(0, 1, "x", "quote").as_dict()["rule"] == "quote"


# --- the reports draw every kind --------------------------------------------------------------


def test_every_kind_is_styled_in_html_and_pdf():
    css = resources.files("framing.report").joinpath("templates/report.css").read_text("utf-8") + highlight_css()
    for k in rules.KINDS:
        assert f"mark.k-{k.name} " in css, k.name
        assert k.explanation
        assert HIGHLIGHTS[k.name].looks, k.name  # the legends say how it looks in grey
    assert set(KIND_TAGS) == KIND_NAMES == set(KIND_PRIORITY) == set(HIGHLIGHTS)
    assert "k-other" not in css


# --- nothing parses a rule string -------------------------------------------------------------

_PARSE = re.compile(r"\brule\w*\.(?:split|rsplit|partition|rpartition|startswith)\(|_rule_parts|kind_of\(head")


def test_no_module_splits_a_rule_string():
    offenders = [
        f"{p.relative_to(PACKAGE)}:{n}"
        for p in PACKAGE.rglob("*.py")
        for n, line in enumerate(p.read_text("utf-8").splitlines(), 1)
        if _PARSE.search(line)
    ]
    assert offenders == []
