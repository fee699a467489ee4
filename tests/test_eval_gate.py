"""Quality gate: measured accuracy may not fall below the stored baseline (bench/baseline.json).

Like trafilatura's eval gate: the evaluations in ``bench/evaluate.py`` run on the annotated data in
``../shared/data`` (or ``$FRAMING_EVAL_DATA``), and every figure in the baseline must be within
``TOLERANCE`` (one point) of it. Without the data the gate is skipped, so a clone without
``../shared`` still passes. Deselect with ``-m "not eval"``.

When a change is meant to move the figures, rerun ``python bench/evaluate.py --update-baseline`` and
commit the new baseline with the change.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from bench_modules import load_bench

pytestmark = pytest.mark.eval  # registered in pyproject.toml

evaluate = load_bench("evaluate")


@pytest.fixture(scope="module")
def baseline() -> dict[str, Any]:
    doc = evaluate.load_baseline()
    if doc is None:
        pytest.fail("bench/baseline.json is missing: run `python bench/evaluate.py --update-baseline`")
    return doc


@pytest.fixture(scope="module")
def report() -> Any:
    root = evaluate.data_dir()
    if root is None:
        pytest.skip(
            f"annotated data not found at {evaluate.DEFAULT_DATA} and $FRAMING_EVAL_DATA is unset; "
            "the accuracy gate needs ../shared/data"
        )
    return evaluate.run_all(root)


def test_baseline_is_well_formed(baseline: dict[str, Any]) -> None:
    assert {"date", "framing_version", "command", "figures"} <= baseline.keys()
    assert baseline["figures"], "the baseline holds no figures"
    for name, value in baseline["figures"].items():
        assert evaluate.is_score(name), name
        assert isinstance(value, float | int) and 0.0 <= value <= 1.0 and not math.isnan(value), name


def test_evaluations_ran(report: Any, baseline: dict[str, Any]) -> None:
    """Every evaluation that produced the baseline still runs, without errors."""
    assert not report.errors, f"evaluations failed: {report.errors}"
    wanted = {name.split(".")[0] for name in baseline["figures"]}
    missing = {k: v for k, v in report.missing.items() if k.split(".")[0] in wanted}
    assert not missing, f"evaluations did not run: {missing}"


def test_no_figure_below_baseline(report: Any, baseline: dict[str, Any]) -> None:
    drops = evaluate.regressions(report.figures, baseline, baseline.get("tolerance", evaluate.TOLERANCE))
    assert not drops, "accuracy fell below bench/baseline.json:\n  " + "\n  ".join(drops)


def test_the_attribution_scorer_checks_itself() -> None:
    """The PolNeAR scorer's own checks on constructed cases (no data needed): matching, the issue's
    overlap definition against the one-to-one reading, quote merging, relations."""
    evaluate.eval_attribution.selftest()
