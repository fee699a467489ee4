"""Tokens and sentences with character offsets (spaCy's tokenizer, rule-based sentences)."""

from framing.nlp.pipeline import load_pipeline, pipeline_name
from framing.nlp.segment import Segmentation, Token, segment

__all__ = ["Segmentation", "Token", "load_pipeline", "pipeline_name", "segment"]
