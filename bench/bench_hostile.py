"""Benchmark: hostile inputs (issue 14) against real news text of the same size, in the same run.

    python bench/bench_hostile.py [--size 200000] [--only NAME ...] [--timeout 900] [--root DIR]

Every case is written to a file of about ``--size`` bytes and scored by the command line
(``framing score FILE --format json``) in a subprocess under a 6 GB address-space limit. For each
case the bench prints the wall time, the peak memory (RSS of the subprocess), the exit status, and
the time as a ratio against real news text of the same size and format scored in the same run
(concatenated PolNeAR and BASIL dev articles; without the data, the seeds or the sample corpus).
The issue's targets, for every case under the size limit: no traceback, time <= 3x the prose,
peak memory <= 2 GB. A not-timed test cannot hold these figures; they go in the closing notes.
At small sizes the subprocess's start-up (importing spaCy, loading the pipeline: a few seconds)
dominates both times; the ratios mean most at ``--size 2000000`` (the default size limit).

Item 8 (large valid inputs) adds tiny paragraphs, one-letter lines, numbered lines, single
letters with spaces (a pattern, and drawn at random), random letters joined by commas (nearly a
token a byte), and ``framing compare PROSE SAMPLE
--format json`` of the prose against the first sample article (corpus/). That case's ratio is
against ``score`` of the same prose: a comparison has to analyse the prose first, so the ratio
says how much the comparison (the other article's analysis, the alignment, the names, the sides,
writing the JSON) adds on top of that analysis.

framing parses each distinct paragraph once, so the prose never repeats a paragraph: where the
data is shorter than ``--size``, each further pass over it joins its paragraphs in twos, then in
threes (the same articles, paragraphed otherwise), so that the reference costs what as much real
news text would.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from evaluate import data_dir  # noqa: E402

MEMORY_LIMIT = 6 * 1024**3  # address space of each run; the target is 2 GB of RSS


@dataclass(frozen=True)
class Case:
    name: str
    fmt: str  # file suffix: txt, md or html
    item: str  # the item of issue 14
    make: Callable[[int, str], str]  # (size in bytes, prose of that size) -> the input
    command: str = "score"  # or "compare": the input against the first sample article


def fill(unit: str, size: int) -> str:
    """``unit`` repeated to at most ``size`` UTF-8 bytes (less 200 for the page around it)."""
    return unit * max(1, (size - 200) // len(unit.encode("utf-8")))


def html_page(body: str) -> str:
    return f"<!doctype html><html><head><title>Hostile</title></head><body><article>{body}</article></body></html>"


def _nested_parentheses(size: int, _: str) -> str:
    half = size // 2
    return "(" * half + ")" * half


def _many_attributes(size: int, _: str) -> str:
    attrs = " ".join(f"a{i}=x" for i in range(size // 10))
    return html_page(f"<div {attrs}><p>Officials said the bridge would reopen next week.</p></div>")


def _letters(size: int, _: str) -> str:
    """Single letters drawn at random (seeded), a space after each: a token every two bytes, and
    no piece of the text that repeats another."""
    import random

    rng = random.Random(8)
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") + " " for _ in range((size - 200) // 2))


def _letters_and_commas(size: int, _: str) -> str:
    """Random letters joined by commas in groups of five ("q,w,e,r,t "): spaCy splits a comma
    between letters, so nearly a token a byte (news prose: about 0.2), over framing's parse budget
    (framing/nlp/segment.py): tokenised, not parsed."""
    import random

    rng = random.Random(8)
    return "".join(",".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(5)) + " " for _ in range((size - 200) // 10))


def _numbered_lines(size: int, _: str) -> str:
    """One number a line: a paragraph each, none the same as another."""
    out: list[str] = []
    total, k = 0, 0
    while total < size - 200:
        k += 1
        out.append(f"{k}\n")
        total += len(out[-1])
    return "".join(out)


CASES = (
    # 1. a paragraph over spaCy's max_length (1,000,000 characters): E088
    Case("one-paragraph", "txt", "1", lambda size, prose: " ".join(prose.split())),  # 97% of size
    Case("one-paragraph-no-full-stops", "txt", "1", lambda size, prose: fill("the council voted ", size)),
    Case("no-spaces-letters", "txt", "1", lambda size, _: fill("a", size)),
    # 5. runs of punctuation without spaces: the tokenizer's affix loop
    Case("straight-quotes", "txt", "5", lambda size, _: fill('"', size)),
    Case("curly-quotes", "txt", "5", lambda size, _: fill("“", size)),
    Case("ellipses", "txt", "5", lambda size, _: fill("…", size)),
    Case("nested-parentheses", "txt", "5", _nested_parentheses),
    Case("quote-paren-alternating", "txt", "5", lambda size, _: fill('"(', size)),
    Case("letter-quote-paren", "txt", "5", lambda size, _: fill('a"(', size)),
    Case("runs-of-99-quotes", "txt", "5", lambda size, _: fill('"' * 99 + " ", size)),
    Case("web-addresses-joined", "txt", "5", lambda size, _: fill("https://example.com/a?b=c&d=e/", size)),
    Case("cjk-no-spaces", "txt", "5", lambda size, _: fill("中文新闻报道，", size)),
    Case("html-amp-entities", "html", "5", lambda size, _: html_page("<p>" + fill("&amp;", size) + "</p>")),
    # 6. HTML: the fallback tag-stripper and trafilatura
    # (text that trafilatura does not take as the main text, so that the fallback runs)
    Case("html-unclosed-scripts", "html", "6", lambda size, _: "<div>Hello there.</div>" + fill("<script>a ", size)),
    Case("html-unclosed-comments", "html", "6", lambda size, _: "<p>Hello.</p>" + fill("<!--a ", size)),
    Case("html-many-attributes", "html", "6", _many_attributes),
    Case("html-deep-nesting", "html", "6", lambda size, _: html_page(fill("<div>", size) + "Text.")),
    Case("html-unclosed-tags", "html", "6", lambda size, _: html_page(fill("<p ", size))),
    # 7. Markdown: the converter
    Case("md-backticks", "md", "7", lambda size, _: fill("`", size)),
    Case("md-backticks-inline", "md", "7", lambda size, _: "Intro " + fill("`", size)),
    Case("md-image-openers", "md", "7", lambda size, _: fill("![", size)),
    Case("md-brackets", "md", "7", lambda size, _: fill("[", size)),
    Case("md-emphasis", "md", "7", lambda size, _: fill("*a", size)),
    Case("md-strong-under", "md", "7", lambda size, _: fill("**a_", size)),
    Case("md-nested-quotes", "md", "7", lambda size, _: fill(">", size)),
    Case("md-nested-lists", "md", "7", lambda size, _: fill("".join("  " * i + "- a\n" for i in range(100)), size)),
    Case("md-wide-table", "md", "7", lambda size, _: "|a" * 500 + "|\n" + "|-" * 500 + "|\n" + fill("|b" * 500 + "|\n", size - 2_100)),
    # 8. large valid inputs: many tiny paragraphs, many tokens, and a comparison of a long text
    Case("tiny-paragraphs", "txt", "8", lambda size, _: fill("a\n\n", size)),
    Case("one-letter-lines", "txt", "8", lambda size, _: fill("a\n", size)),
    Case("numbered-lines", "txt", "8", _numbered_lines),
    Case("letters-spaced", "txt", "8", lambda size, _: fill("a b c d e f g h i j k l m n o p q r s t u v w x y z ", size)),
    Case("letters-random", "txt", "8", _letters),
    Case("letters-commas", "txt", "8", _letters_and_commas),
    Case("compare-prose", "txt", "8", lambda size, prose: prose, command="compare"),
)


def prose_text(data: Path | None) -> str:
    """Real news articles, concatenated (paragraphs separated by blank lines): PolNeAR's and
    BASIL's dev articles when the data is there, else the seeds or the sample corpus."""
    articles: list[str] = []
    if data is not None and (data / "polnear" / "dev.jsonl").exists():
        lines = (data / "polnear" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
        articles += [json.loads(line)["text"].strip() for line in lines if line.strip()]
    if data is not None and (data / "basil" / "dev.jsonl").exists():
        for line in (data / "basil" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                paragraphs: dict[int, list[str]] = {}
                for sentence in json.loads(line)["sentences"]:
                    paragraphs.setdefault(sentence["paragraph"], []).append(sentence["text"].strip())
                articles.append("\n\n".join(" ".join(p) for p in paragraphs.values()))
    if articles:
        return "\n\n".join(articles)
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")) or sorted((ROOT / "corpus").glob("*.txt"))
    return "\n\n".join(p.read_text(encoding="utf-8").strip() for p in seeds)


def prose_of_size(prose: str, size: int) -> str:
    """Whole paragraphs of ``prose`` to at most ``size`` UTF-8 bytes (as HTML, with its tags,
    too: 97% of it is text). No paragraph repeats: pass k over the prose (k = 1, 2, ...) joins
    its paragraphs k at a time."""
    paragraphs = [p.strip() for p in prose.split("\n\n") if p.strip()] or ["Officials said so."]
    out: list[str] = []
    total, budget = 0, size * 0.97
    k = 0
    while True:
        k += 1
        for i in range(0, len(paragraphs), k):
            p = " ".join(paragraphs[i : i + k])
            total += len(p.encode("utf-8")) + 2
            if total > budget:
                return "\n\n".join(out)
            out.append(p)


def as_format(prose: str, fmt: str) -> str:
    if fmt == "html":
        return html_page("".join(f"<p>{p}</p>\n" for p in prose.split("\n\n")))
    return prose


@dataclass
class Run:
    seconds: float
    peak_mb: float
    status: int | str
    traceback: bool
    message: str


def run_cli(args: list[str], timeout: float, root: Path = ROOT) -> Run:
    """``framing ARGS`` in a subprocess: time, peak RSS, exit status."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    code = "import sys; from framing.cli import app; sys.argv[0] = 'framing'; app()"
    env = {**os.environ, "PYTHONPATH": str(root)}  # and run in root: `python -c` puts the cwd first
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdout=subprocess.DEVNULL, stderr=err, preexec_fn=limit, env=env, cwd=root,
        )
        status: int | str
        while True:
            pid, wait_status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(wait_status)
                break
            if time.perf_counter() - start > timeout:
                proc.send_signal(signal.SIGKILL)
                _, _, usage = os.wait4(proc.pid, 0)
                status = f"killed after {timeout:.0f} s"
                break
            time.sleep(0.05)
        proc.returncode = 0  # reaped by os.wait4 above
        seconds = time.perf_counter() - start
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    errors = [line for line in stderr.splitlines() if line.startswith("framing: error")]
    return Run(seconds, usage.ru_maxrss / 1024, status, "Traceback" in stderr, errors[0] if errors else "")


def case_args(case: Case, path: Path, tmp: Path) -> list[str]:
    """The command line of a case: ``score PATH``, or ``compare PATH SAMPLE`` (the first sample
    article of corpus/), JSON only."""
    if case.command == "compare":
        sample = sorted((ROOT / "corpus").glob("*.txt"))[0]
        return ["compare", str(path), str(sample), "--format", "json", "--out", str(tmp / f"{case.name}-report")]
    return ["score", str(path), "--format", "json"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=200_000, help="bytes of each input (default 200,000)")
    ap.add_argument("--only", nargs="*", default=None, help="case names to run (default: all)")
    ap.add_argument("--item", nargs="*", default=None, help="items of issue 14 to run (default: all)")
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds before a run is killed")
    ap.add_argument("--data", default=None)
    ap.add_argument("--root", type=Path, default=ROOT, help="the framing checkout to run (to compare with another)")
    args = ap.parse_args()
    prose = prose_of_size(prose_text(data_dir(args.data)), args.size)
    cases = [c for c in CASES if (not args.only or c.name in args.only) and (not args.item or c.item in args.item)]
    baselines: dict[str, Run] = {}
    print(f"{args.root}: size {args.size:,} bytes; times include the subprocess's start-up; "
          "ratios against `score` of the prose (compare-prose too)")
    print(f"{'case':30} {'item':>4} {'seconds':>8} {'ratio':>6} {'peak MB':>8}  exit  note")
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        for case in cases:
            if case.fmt not in baselines:
                path = tmp / f"prose.{case.fmt}"
                path.write_text(as_format(prose, case.fmt), encoding="utf-8")
                baselines[case.fmt] = run = run_cli(["score", str(path), "--format", "json"], args.timeout, args.root)
                if run.status != 0:
                    sys.exit(f"the prose baseline failed ({run.status}): {run.message}")
                print(f"{'prose (' + case.fmt + ')':30} {'':>4} {run.seconds:8.1f} {1.0:6.2f} {run.peak_mb:8.0f}  {run.status!s:>4}")
            path = tmp / f"{case.name}.{case.fmt}"
            path.write_text(case.make(args.size, prose), encoding="utf-8")
            run = run_cli(case_args(case, path, tmp), args.timeout, args.root)
            ratio = run.seconds / baselines[case.fmt].seconds
            note = "TRACEBACK " if run.traceback else ""
            note += run.message[:70]
            if ratio > 3 or run.peak_mb > 2048:
                note = "OVER TARGET " + note
            print(f"{case.name:30} {case.item:>4} {run.seconds:8.1f} {ratio:6.2f} {run.peak_mb:8.0f}  {run.status!s:>4}  {note}", flush=True)


if __name__ == "__main__":
    main()
