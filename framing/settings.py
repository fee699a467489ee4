"""Options of the pure core, as one frozen dataclass (``analyse(text, settings=...)``)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES_DEFAULT = 2_000_000  # about 300,000 words; a 5 MB file is refused with a clear message
FETCH_TIMEOUT_DEFAULT = 15.0  # seconds to connect, and between two reads of a page
FETCH_DEADLINE_DEFAULT = 60.0  # seconds for a whole page (a server that sends a byte a second)
MAX_REDIRECTS_DEFAULT = 5


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
    # URLs as sources (framing/web, docs/urls.md). offline: refuse every URL (no network at all).
    # refresh: fetch pages again even when the page cache holds them. cache_dir: the folder of the
    # page cache; None: $FRAMING_CACHE_DIR, else the user's cache folder (platformdirs).
    offline: bool = False
    refresh: bool = False
    fetch_timeout: float = FETCH_TIMEOUT_DEFAULT
    fetch_deadline: float = FETCH_DEADLINE_DEFAULT
    max_redirects: int = MAX_REDIRECTS_DEFAULT
    cache_dir: Path | None = None

    def model_name(self) -> str | None:
        return self.spacy_model or os.environ.get("FRAMING_SPACY_MODEL") or None


DEFAULT_SETTINGS = Settings()
