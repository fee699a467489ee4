"""Analyses -> Comparison: several articles side by side (see ``comparison.py``).

    from framing.comparison import compare
    comparison = compare([framing.analyse(a), framing.analyse(b)], title=None)
    comparison.as_dict()   # the comparison.json of a report

The content comparison (what each article covers that the others do not) lives in
``framing.comparison.content`` when installed; ``compare`` fills ``Comparison.content`` from it.
"""

from __future__ import annotations

from framing.comparison.comparison import Comparison, compare

__all__ = ["Comparison", "compare"]
