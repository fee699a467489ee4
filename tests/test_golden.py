"""Golden files: each input article in tests/golden/ beside its expected analysis.

The expected file keeps what a reader checks (headline, byline, quotes and speakers,
attributions, flagged sentences, key scores), not every offset, so that it reads as a review
record. After a deliberate change to the engine, regenerate with

    FRAMING_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

and review the diff of tests/golden/*.expected.json like any other code change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import framing

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p for p in GOLDEN.iterdir() if p.suffix in (".txt", ".md", ".html"))
KEY_SCORES = (
    "sourcing.sourcing_density",
    "sourcing.direct_quotes",
    "sourcing.attributed_statements",
    "sourcing.distinct_sources",
    "sourcing.loaded_verbs",
    "editorial_voice.evaluative_per_100_narrator_words",
    "editorial_voice.evaluative_sentences",
    "advocacy.first_person_tokens",
    "readability.flesch_reading_ease",
)


def summary(path: Path) -> dict:
    a = framing.analyse(path)
    flat = a.scores.flat()
    return {
        "headline": a.headline,
        "byline": a.byline,
        "pipeline": a.pipeline,
        "quotes": [[q.text, q.speaker] for q in a.quotes],
        "headline_quotes": [[q.text, q.speaker] for q in a.headline_quotes],
        "attributions": [
            [x.cue.text, x.source.name, x.source.kind, x.content.text[:60], x.nested] for x in a.attributions
        ],
        "flagged_sentences": [[s.text, list(s.flags)] for s in a.sentences if s.flags],
        "scores": {k: round(flat[k], 2) if isinstance(flat[k], float) else flat[k] for k in KEY_SCORES},
    }


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_golden(path: Path) -> None:
    expected_path = path.with_suffix(".expected.json")
    got = summary(path)
    if os.environ.get("FRAMING_UPDATE_GOLDEN"):
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert expected_path.exists(), f"no golden file for {path.name}: run with FRAMING_UPDATE_GOLDEN=1"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert got == expected
