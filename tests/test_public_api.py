"""The public API is a curated, lazily imported list (like httpx's ``__all__``)."""

from __future__ import annotations

import subprocess
import sys

import framing


def test_all_names_resolve():
    for name in framing.__all__:
        assert getattr(framing, name) is not None, name


def test_import_is_light():
    code = "import sys, framing; print(sorted(m for m in ('spacy', 'sklearn', 'matplotlib', 'pandas') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
