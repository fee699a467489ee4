"""Benchmark: warm analysis throughput against the pipeline's own ``nlp.pipe``, on real articles.

    python bench/bench_throughput.py [--data DIR] [--rounds 3]

The statistical pipeline is the floor of framing's speed; the rules should add little to it.
Both run in this process on the same texts, alternating, best of ``--rounds`` each:

* reference: ``nlp.pipe`` of the loaded pipeline over the articles' paragraphs (what
  ``framing.nlp.segment`` feeds it), with nothing else;
* framing: ``framing.analyse`` of every article (voice layer, every score), warm.

Texts: the PolNeAR dev articles (``../shared/data/polnear/dev.jsonl``, 84 real news articles);
without the data, the sample corpus. The ratio framing / reference (words per second) is the
figure to track; the issue's target is >= 0.75.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from evaluate import data_dir  # noqa: E402


def texts(data: Path | None) -> tuple[str, list[str]]:
    if data is not None and (data / "polnear" / "dev.jsonl").exists():
        lines = (data / "polnear" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
        return "PolNeAR dev", [json.loads(line)["text"] for line in lines if line.strip()]
    return "corpus/", [p.read_text(encoding="utf-8") for p in sorted((HERE.parent / "corpus").glob("*.txt"))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    import framing
    from framing.article import article_from_text
    from framing.nlp.pipeline import load_pipeline, pipeline_name
    from framing.settings import Settings

    name, docs = texts(data_dir(args.data))
    settings = Settings(detect_headline=False)
    paragraphs = [p.text for d in docs for p in article_from_text(d, settings=settings).body]
    words = sum(len(d.split()) for d in docs)
    nlp = load_pipeline(None)
    framing.analyse(docs[0], settings=settings)  # warm: lexicons, VADER, caches
    ref, ours = [], []
    for _ in range(args.rounds):
        t = time.perf_counter()
        for _doc in nlp.pipe(paragraphs, batch_size=64):
            pass
        ref.append(time.perf_counter() - t)
        t = time.perf_counter()
        for d in docs:
            framing.analyse(d, settings=settings)
        ours.append(time.perf_counter() - t)
    r, o = min(ref), min(ours)
    print(f"{name}: {len(docs)} articles, {words:,} words; pipeline {pipeline_name(None)}")
    print(f"nlp.pipe alone:   {r:.2f} s = {words / r:,.0f} words/s (best of {args.rounds})")
    print(f"framing.analyse:  {o:.2f} s = {words / o:,.0f} words/s (best of {args.rounds})")
    print(f"ratio framing / nlp.pipe: {r / o:.3f}  (target >= 0.75)")


if __name__ == "__main__":
    main()
