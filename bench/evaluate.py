"""Measure framing's accuracy on the annotated data in ../shared/data, and keep a baseline.

    python bench/evaluate.py [--data DIR] [--json OUT] [--update-baseline]

Runs every evaluation whose data and code are present:

* attribution on PolNeAR dev (``bench/eval_attribution.py``): source, cue and content, exact and
  overlap matching, all / direct / indirect, and whole relations;
* sentence subjectivity on CheckThat! 2024 dev and dev_test (``eval_checkthat`` in
  ``bench/eval_subjectivity.py``);
* the author's own evaluative language against BASIL's lexical-bias spans outside quotes
  (``eval_basil`` in ``bench/eval_subjectivity.py``);
* speakers (``bench/eval_speakers.py``): who framing says spoke the quotes BASIL marks with a
  person's name ("speakers.basil.accuracy", gated; "speakers.basil.wrong_rate", recorded), and the
  sources on BASIL and PolNeAR whose whole name is a place, a month, a weekday or a party tag
  ("speakers.non_person.count", recorded).

Every figure has a stable dotted name ("polnear.overlap.source.f1", "checkthat.dev.macro_f1",
"basil.lexical_outside_quotes.f1"). Scores (precision, recall, F1, accuracy) are *figures*; the
F1s and the scores in ``GATED_SCORES`` are gated by ``tests/test_eval_gate.py``: none may fall more
than ``TOLERANCE`` below ``bench/baseline.json``. Counts are recorded beside them but not gated.
``--update-baseline`` rewrites the baseline from this run (rounded to 4 decimals, with the date, framing's version and the command);
do that only when a change is meant to move the figures, and say so in the commit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib
import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DEFAULT_DATA = REPO.parent / "shared" / "data"
BASELINE = BENCH / "baseline.json"
TOLERANCE = 0.01  # one point: a figure may fall this far below the baseline before the gate fails

for _p in (str(BENCH), str(REPO)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import eval_attribution  # noqa: E402

# The last component of a figure's name that makes it a gated score (higher is better, in [0, 1]).
SCORE_NAMES = {"precision", "recall", "f1", "macro_f1", "micro_f1", "accuracy"}
# Scores gated although they are no F1: they trade against no other figure. Rates where lower is
# better ("speakers.basil.wrong_rate") are named so that ``is_score`` leaves them among the counts.
GATED_SCORES = {"speakers.basil.accuracy"}

DATASETS = {
    "polnear": Path("polnear") / "dev.jsonl",
    "checkthat.dev": Path("checkthat2024-subjectivity-en") / "dev.jsonl",
    "checkthat.dev_test": Path("checkthat2024-subjectivity-en") / "dev_test.jsonl",
    "basil": Path("basil") / "dev.jsonl",
}


def data_dir(explicit: Path | str | None = None) -> Path | None:
    """The annotated data: ``explicit``, else $FRAMING_EVAL_DATA, else ../shared/data beside the repo;
    None when none of them exists."""
    for cand in (explicit, os.environ.get("FRAMING_EVAL_DATA"), DEFAULT_DATA):
        if cand and Path(cand).is_dir():
            return Path(cand)
    return None


def is_score(name: str) -> bool:
    last = name.rsplit(".", 1)[-1]
    return (
        last in SCORE_NAMES
        or last.endswith(("_f1", "_precision", "_recall", "_accuracy"))
        or last.startswith(("f1_", "precision_", "recall_"))
    )


def is_gated(name: str) -> bool:
    """F1-type figures are gated; precision and recall are recorded beside them but trade
    against each other in every detector change, so gating them separately would block real
    improvements (one point of F1 is the promise)."""
    last = name.rsplit(".", 1)[-1]
    return last in ("f1", "macro_f1", "micro_f1") or last.endswith("_f1") or name in GATED_SCORES


def _is_timing(name: str) -> bool:
    return "per_second" in name or name.endswith(("seconds", "_s"))


@dataclass
class Report:
    """Everything one run measured, and what it could not."""

    figures: dict[str, float] = field(default_factory=dict)  # gated scores
    counts: dict[str, float | int] = field(default_factory=dict)  # recorded, not gated
    seconds: dict[str, float] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)  # evaluation -> why it did not run
    errors: dict[str, str] = field(default_factory=dict)  # evaluation -> traceback's last line
    polnear: Any = None  # eval_attribution.PolnearResult, for --errors

    def add(self, prefix: str, values: Mapping[str, Any]) -> None:
        for key, value in _flatten(values):
            name = f"{prefix}.{key}" if prefix else key
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            if is_score(name) and isinstance(value, float | int):
                self.figures[name] = float(value)
            else:
                self.counts[name] = value


def _flatten(values: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for k, v in values.items():
        key = f"{prefix}.{k}" if prefix else str(k)
        if isinstance(v, Mapping):
            out.extend(_flatten(v, key))
        else:
            out.append((key, v))
    return out


def _bench_module(name: str) -> tuple[Any, str | None]:
    """An optional evaluation module in bench/, or None and why not."""
    try:
        mod = importlib.import_module(name)
    except ImportError as exc:
        if getattr(exc, "name", None) == name:
            return None, f"bench/{name}.py is missing"
        return None, f"bench/{name}.py does not import: {exc}"
    return mod, None


def _subjectivity() -> tuple[Any, str | None]:
    return _bench_module("eval_subjectivity")


def _remembering_analyse() -> Callable[..., Any]:
    """``framing.analyse``, remembering each analysis by (text, settings), so that evaluations over
    the same articles (PolNeAR: attribution and speakers) analyse each article once."""
    seen: dict[tuple[str, Any], Any] = {}

    def analyse(text: str, *, settings: Any = None) -> Any:
        import framing

        key = (text, settings)  # Settings is frozen, so hashable; None stands for the defaults
        if key not in seen:
            seen[key] = framing.analyse(text) if settings is None else framing.analyse(text, settings=settings)
        return seen[key]

    return analyse


def run_all(data: Path | str | None = None) -> Report:
    """Run every evaluation whose data and code exist; never raises for a missing or failing one."""
    rep = Report()
    root = data_dir(data)
    if root is None:
        rep.missing["all"] = f"no annotated data (looked in --data, $FRAMING_EVAL_DATA, {DEFAULT_DATA})"
        return rep

    def run(name: str, fn: Callable[[], Mapping[str, Any]], prefix: str, needs: tuple[str, ...] = ()) -> None:
        for dataset in needs or (name,):
            path = root / DATASETS[dataset]
            if not path.exists():
                rep.missing[name] = f"no data at {path}"
                return
        t0 = time.perf_counter()
        try:
            rep.add(prefix, fn())
        except Exception as exc:  # noqa: BLE001 - reported, and the gate fails on the missing figures
            rep.errors[name] = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
        rep.seconds[name] = round(time.perf_counter() - t0, 2)

    eval_attribution._ensure_importable()
    analyse = _remembering_analyse()

    def polnear() -> Mapping[str, Any]:
        res = eval_attribution.eval_polnear(root / DATASETS["polnear"], analyse=analyse)
        rep.polnear = res
        if res.failures:
            rep.errors["polnear"] = f"framing.analyse raised on {len(res.failures)} articles: {res.failures[0][1]}"
        return {**res.scores, **res.counts}

    run("polnear", polnear, "")

    sub, why = _subjectivity()
    for name, fn_name, prefix in (
        ("checkthat.dev", "eval_checkthat", "checkthat.dev"),
        ("checkthat.dev_test", "eval_checkthat", "checkthat.dev_test"),
        ("basil", "eval_basil", "basil.lexical_outside_quotes"),
    ):
        fn = getattr(sub, fn_name, None) if sub is not None else None
        if fn is None:
            rep.missing[name] = why or f"bench/eval_subjectivity.py has no {fn_name}()"
            continue
        path = root / DATASETS[name]
        run(name, lambda fn=fn, path=path: fn(path), prefix)

    spk, why = _bench_module("eval_speakers")
    if spk is None:
        rep.missing["speakers"] = why or "bench/eval_speakers.py does not import"
    else:

        def speakers() -> Mapping[str, Any]:
            res = spk.eval_speakers(root / DATASETS["basil"], root / DATASETS["polnear"], analyse=analyse)
            if res.failures:
                rep.errors["speakers"] = f"framing.analyse raised on {len(res.failures)} articles: {res.failures[0][1]}"
            return res.values()

        run("speakers", speakers, "speakers", needs=("basil", "polnear"))
    return rep


def framing_version() -> str:
    try:
        import framing

        v = getattr(framing, "__version__", None)
        if v:
            return str(v)
    except ImportError:
        pass
    try:
        from importlib.metadata import version

        return version("framing")
    except Exception:  # noqa: BLE001
        import tomllib

        return tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]


def _fingerprint(root: Path) -> dict[str, str]:
    out = {}
    for rel in sorted(set(DATASETS.values())):
        p = root / rel
        if p.exists():
            out[str(rel)] = hashlib.sha256(p.read_bytes()).hexdigest()[:16]
    return out


def load_baseline(path: Path = BASELINE) -> dict[str, Any] | None:
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def regressions(figures: Mapping[str, float], baseline: Mapping[str, Any], tolerance: float = TOLERANCE) -> list[str]:
    """One line for every baseline figure that is missing now or fell more than ``tolerance``."""
    out = []
    for name, base in sorted(baseline.get("figures", {}).items()):
        if not is_gated(name):
            continue
        now = figures.get(name)
        if now is None:
            out.append(f"{name}: not measured (baseline {base:.4f})")
        elif now < base - tolerance - 1e-9:
            out.append(f"{name}: {now:.4f} < baseline {base:.4f} - {tolerance} (fell {base - now:.4f})")
    return out


def baseline_doc(rep: Report, root: Path | None, command: str) -> dict[str, Any]:
    return {
        "date": dt.date.today().isoformat(),
        "framing_version": framing_version(),
        "command": command,
        "tolerance": TOLERANCE,
        "data": _fingerprint(root) if root else {},
        "not_measured": {**rep.missing, **rep.errors},
        "figures": {k: round(v, 4) for k, v in sorted(rep.figures.items())},
        # Counts are context for a reader of the baseline; timings vary by machine and are left out.
        "counts": {
            k: (round(v, 4) if isinstance(v, float) else v)
            for k, v in sorted(rep.counts.items())
            if not _is_timing(k)
        },
    }


def print_report(rep: Report, baseline: Mapping[str, Any] | None) -> None:
    base = (baseline or {}).get("figures", {})
    width = max([len(k) for k in rep.figures] + [40])
    print(f"{'figure':<{width}}  {'value':>7}  {'baseline':>8}  {'change':>7}")
    for name in sorted(rep.figures):
        v = rep.figures[name]
        b = base.get(name)
        flag = ""
        if b is not None and v < b - TOLERANCE - 1e-9:
            flag = "  BELOW BASELINE"
        bs = f"{b:8.4f}" if b is not None else f"{'-':>8}"
        ch = f"{v - b:+7.4f}" if b is not None else f"{'':>7}"
        print(f"{name:<{width}}  {v:7.4f}  {bs}  {ch}{flag}")
    for name in sorted(set(base) - set(rep.figures)):
        print(f"{name:<{width}}  {'-':>7}  {base[name]:8.4f}           NOT MEASURED")
    print()
    if rep.counts:
        print("counts (not gated):")
        for name in sorted(rep.counts):
            print(f"  {name:<{width}}  {rep.counts[name]}")
        print()
    for name, secs in rep.seconds.items():
        print(f"time {name}: {secs:.1f} s")
    for name, why in rep.missing.items():
        print(f"NOT RUN {name}: {why}")
    for name, err in rep.errors.items():
        print(f"ERROR {name}: {err}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, help=f"annotated data folder (default: $FRAMING_EVAL_DATA or {DEFAULT_DATA})")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write every figure and count as JSON")
    ap.add_argument("--errors", type=Path, metavar="FILE", help="write PolNeAR false positives/negatives")
    ap.add_argument("--update-baseline", action="store_true", help="rewrite bench/baseline.json from this run")
    args = ap.parse_args(argv)

    root = data_dir(args.data)
    if args.data and root != args.data:
        print(f"no data folder at {args.data}", file=sys.stderr)
        return 2
    rep = run_all(root)
    old = load_baseline()
    print_report(rep, old)

    cmd = "python bench/evaluate.py" + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:]))
    if args.json:
        args.json.write_text(json.dumps(baseline_doc(rep, root, cmd) | {"seconds": rep.seconds}, indent=2) + "\n")
        print(f"wrote {args.json}")
    if args.errors and rep.polnear is not None:
        eval_attribution.write_errors(rep.polnear, args.errors)
        print(f"wrote {args.errors}")
    if args.update_baseline:
        if not rep.figures:
            print("nothing measured; baseline left as it was", file=sys.stderr)
            return 1
        if old:
            for line in regressions(rep.figures, old):
                print(f"note: the new baseline lowers {line}", file=sys.stderr)
        BASELINE.write_text(json.dumps(baseline_doc(rep, root, cmd), indent=2) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE}")
    elif old:
        drops = regressions(rep.figures, old)
        for line in drops:
            print(f"REGRESSION {line}", file=sys.stderr)
        if drops:
            return 1
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
