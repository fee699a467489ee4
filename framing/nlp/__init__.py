"""Tokens with the statistical pipeline's facts (tag, lemma, parse, entity) and character offsets;
sentences by quote-aware rules."""

from framing.nlp.pipeline import load_pipeline, pipeline_name
from framing.nlp.segment import Segmentation, Token, segment

__all__ = ["Segmentation", "Token", "load_pipeline", "pipeline_name", "segment"]
