"""Options of the pure core, as one frozen dataclass (``analyse(text, settings=...)``)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES_DEFAULT = 2_000_000  # about 300,000 words; a 5 MB file is refused with a clear message


@dataclass(frozen=True)
class Settings:
    # Look for a headline (first line without closing punctuation) and a byline. Off for
    # sentence-level evaluation, where every input is one body sentence.
    detect_headline: bool = True
    detect_byline: bool = True
    # Name (or path) of an installed spaCy pipeline to use instead of the default (en_core_web_md,
    # _lg, _trf ...). None: $FRAMING_SPACY_MODEL if set, otherwise en_core_web_sm 3.8.0.
    spacy_model: str | None = None
    # Extra lexicon files (same format as the packaged ones) that extend the packaged lexicons.
    lexicon_paths: tuple[Path, ...] = field(default_factory=tuple)
    max_bytes: int = MAX_BYTES_DEFAULT

    def model_name(self) -> str | None:
        return self.spacy_model or os.environ.get("FRAMING_SPACY_MODEL") or None


DEFAULT_SETTINGS = Settings()
