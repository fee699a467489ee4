"""The optional statistical pipeline: any spaCy pipeline given by name or path is loaded once,
its entities help classify sources, and the output names the pipeline that ran.

No model is downloaded: the test builds a tiny pipeline (an entity ruler) and saves it to disk,
which spaCy loads like an installed package.
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


def test_default_pipeline_is_rule_based():
    a = framing.analyse(TEXT, settings=Settings(detect_headline=False))
    assert a.pipeline == "spacy.blank(en)+framing-rules"


def test_model_entities_classify_sources(tiny_model):
    plain = framing.analyse(TEXT, settings=Settings(detect_headline=False))
    with_model = framing.analyse(TEXT, settings=Settings(detect_headline=False, spacy_model=tiny_model))
    assert "tiny_test" in with_model.pipeline
    kinds = {a.source.text: a.source.kind for a in with_model.attributions}
    assert kinds["Harbor Watch"] == "institution"
    assert kinds["Jo Kim"] == "person"
    assert {a.source.text for a in plain.attributions} == set(kinds)


def test_model_from_environment(tiny_model, monkeypatch):
    monkeypatch.setenv("FRAMING_SPACY_MODEL", tiny_model)
    a = framing.analyse(TEXT, settings=Settings(detect_headline=False))
    assert "tiny_test" in a.pipeline


def test_missing_model_is_a_pipeline_error():
    with pytest.raises(PipelineError, match="not installed"):
        framing.analyse(TEXT, settings=Settings(spacy_model="no_such_model_abc"))
