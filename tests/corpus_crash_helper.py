"""A scoring function for the corpus tests that kills its worker process on files named
"crash*": importable by the spawned workers (the tests folder is on their sys.path)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from framing.corpus.worker import score_chunk as real_score_chunk
from framing.settings import DEFAULT_SETTINGS, Settings


def score_chunk(paths: Sequence[str], settings: Settings = DEFAULT_SETTINGS, terms: bool = False) -> list[dict[str, Any]]:
    if any(os.path.basename(p).startswith("crash") for p in paths):
        os._exit(3)  # a segfault or the out-of-memory killer, as far as the pool can tell
    return real_score_chunk(paths, settings, terms)
