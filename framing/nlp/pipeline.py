"""Load the spaCy pipeline once per process.

The default is ``spacy.blank("en")``: spaCy's rule-based English tokenizer, which needs no model
download. If a statistical pipeline is named (``Settings.spacy_model`` or $FRAMING_SPACY_MODEL)
and installed, it is loaded instead and its named entities help speaker detection.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from framing.errors import PipelineError

BLANK = "spacy.blank(en)"


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Any:
    """Return a spaCy ``Language``; cached, so each process loads it once."""
    import spacy

    if not model:
        return spacy.blank("en")
    try:
        # Only the parts that help with entities; the parser and lemmatizer cost time.
        return spacy.load(model, exclude=["lemmatizer", "textcat"])
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise PipelineError(
            f"spaCy pipeline {model!r} is not installed (pip install it, or unset FRAMING_SPACY_MODEL)"
        ) from exc


def pipeline_name(model: str | None) -> str:
    """The name reported in the output for the pipeline that ran."""
    if not model:
        return f"{BLANK}+framing-rules"
    nlp = load_pipeline(model)
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', model)}-{nlp.meta.get('version', '?')}+framing-rules"
