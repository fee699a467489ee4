"""Analyses -> Comparison: several articles side by side (see ``comparison.py``).

    from framing.compare import compare
    comparison = compare([framing.analyse(a), framing.analyse(b)], title=None)
    comparison.as_dict()   # the comparison.json of a report

The content comparison (what each article covers that the others do not) lives in
``framing.compare.content`` when installed; ``compare`` fills ``Comparison.content`` from it.
"""

from __future__ import annotations

from framing.compare.comparison import Comparison, compare

__all__ = ["Comparison", "compare"]
