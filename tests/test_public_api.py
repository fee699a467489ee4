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


def test_all_is_complete_and_sorted():
    """Every public name is in ``__all__`` (and ``dir``): the lazy ones, ``compare`` and the version."""
    assert set(framing.__all__) == set(framing._LAZY) | {"compare", "__version__"}
    assert framing.__all__ == sorted(framing.__all__)
    assert dir(framing) == sorted(framing.__all__)


def test_compare_and_comparison_are_public():
    assert callable(framing.compare) and framing.compare.__module__ == "framing.notebook"
    assert framing.Comparison.__name__ == "Comparison" and hasattr(framing.Comparison, "_repr_html_")
    assert hasattr(framing.Analysis, "_repr_html_")
