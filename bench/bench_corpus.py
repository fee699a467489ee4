"""Corpus-mode benchmarks (figures for the notes; not timed tests).

    python bench/bench_corpus.py [--work DIR] [--articles 2000] [--big 10000] [--small 1000]

1. throughput, one worker, in words per second, against the pipeline's own ``nlp.pipe`` over the
   same texts' paragraphs in the same run (target: ratio >= 0.75; bench/bench_throughput.py
   measures the same on real articles);
2. ``framing corpus --workers 2`` against ``--workers 1``, end to end (target: >= 1.7x);
3. peak memory (RSS of the whole process tree, sampled) for ``--big`` against ``--small``
   articles (target: <= 1.2x);
4. cold start: ``framing corpus`` on 10 articles, wall time.
Corpora come from bench/gen_corpus.py (deterministic). ``--profile`` writes a cProfile of the
single-worker run and prints the top functions in framing/.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_corpus  # noqa: E402

FRAMING = [str(Path(sys.executable).parent / "framing")]


def tree_rss(pid: int) -> int:
    """RSS in bytes of a process and all its descendants (psutil if installed, else /proc)."""
    try:
        import psutil

        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
        total = 0
        for q in procs:
            try:
                total += q.memory_info().rss
            except psutil.Error:
                pass
        return total
    except ImportError:
        pass
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                ppid = int(Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(d))
    total, stack = 0, [pid]
    while stack:
        q = stack.pop()
        stack.extend(children.get(q, []))
        try:
            for line in Path(f"/proc/{q}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def run_cli(args: list[str], sample: bool = False) -> tuple[float, int, str]:
    """Wall time, peak tree RSS (bytes, when sampled), output."""
    start = time.perf_counter()
    proc = subprocess.Popen([*FRAMING, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    stop = threading.Event()

    def sampler() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.2)

    t = threading.Thread(target=sampler, daemon=True)
    if sample:
        t.start()
    out, _ = proc.communicate()
    stop.set()
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 2):
        raise SystemExit(f"framing {' '.join(args)} failed ({proc.returncode}):\n{out}")
    return elapsed, peak, out.strip()


def corpus(work: Path, n: int, seed: int = 7) -> Path:
    path = work / f"corpus{n}"
    if not (path / "meta.csv").exists():
        gen_corpus.generate(path, n, seed)
    return path


def throughput(root: Path, profile: bool) -> None:
    from framing.article import article_from_text
    from framing.corpus.discover import discover
    from framing.corpus.job import CorpusJob
    from framing.corpus.worker import warm_up

    warm_up()
    job = CorpusJob([root], workers=1, cache=False)
    if profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        s = job.run()
        prof.disable()
        prof.dump_stats(str(root.parent / "corpus_single.prof"))
        st = pstats.Stats(prof)
        st.sort_stats("tottime")
        print("\nTop framing/ functions by own time (profiled run, slower than unprofiled):")
        rows = [(v[2], k) for k, v in st.stats.items() if "/framing/" in k[0]]  # type: ignore[attr-defined]
        for tt, (f, line, fn) in sorted(rows, reverse=True)[:15]:
            print(f"  {tt:7.2f} s  {f.split('/framing/', 1)[1]}:{line} {fn}")
        st.sort_stats("cumulative")
        rows = [(v[3], k) for k, v in st.stats.items() if "/framing/" in k[0]]  # type: ignore[attr-defined]
        print("Top framing/ functions by cumulative time:")
        for ct, (f, line, fn) in sorted(rows, reverse=True)[:15]:
            print(f"  {ct:7.2f} s  {f.split('/framing/', 1)[1]}:{line} {fn}")
        job = CorpusJob([root], workers=1, cache=False)
    s = job.run()
    from framing.nlp.pipeline import load_pipeline

    texts = [Path(i.path).read_text(encoding="utf-8") for i in discover([root])]
    paragraphs = [p.text for text in texts for p in article_from_text(text).body]
    nlp = load_pipeline(None)
    t0 = time.perf_counter()
    for _doc in nlp.pipe(paragraphs, batch_size=64):
        pass
    tok = time.perf_counter() - t0
    fw = s.scored_words / s.seconds
    tw = s.scored_words / tok
    print(f"\n[1] one worker, in process, warm: {s.scored} articles, {s.scored_words:,} words in {s.seconds:.1f} s"
          f" = {fw:,.0f} words/s; nlp.pipe alone: {tok:.1f} s = {tw:,.0f} words/s;"
          f" ratio {fw / tw:.3f} (target >= 0.75)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path("/tmp/framing-bench"))
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--big", type=int, default=10000)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--skip", default="", help="comma-separated steps to skip: 1,2,3,4")
    args = ap.parse_args()
    skip = set(args.skip.split(","))
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    main_corpus = corpus(args.work, args.articles)

    if "4" not in skip:
        ten = args.work / "corpus10"
        if not ten.exists():
            gen_corpus.generate(ten, 10, 11)
        for w in ("1", "2"):
            out = args.work / f"cold{w}.parquet"
            t, _, _ = run_cli(["corpus", str(ten), "--out", str(out), "--force", "--workers", w, "--quiet"])
            print(f"[4] cold start, 10 articles, --workers {w}: {t:.1f} s wall")

    if "1" not in skip:
        throughput(main_corpus, args.profile)

    if "2" not in skip:
        times = {}
        for w in ("1", "2"):
            out = args.work / f"w{w}.parquet"
            t, _, msg = run_cli(["corpus", str(main_corpus), "--out", str(out), "--force", "--workers", w])
            times[w] = t
            print(f"[2] --workers {w}: {t:.1f} s wall ({msg.splitlines()[0]})")
        print(f"[2] two workers against one: {times['1'] / times['2']:.2f}x (target >= 1.7)")

    if "3" not in skip:
        peaks = {}
        for n in (args.small, args.big):
            root = corpus(args.work, n, seed=13)
            out = args.work / f"mem{n}.parquet"
            t, peak, msg = run_cli(["corpus", str(root), "--out", str(out), "--force", "--quiet"], sample=True)
            peaks[n] = peak
            print(f"[3] {n} articles, --workers default: {t:.1f} s wall, peak tree RSS {peak / 2**20:.0f} MiB")
        print(f"[3] peak memory {args.big} vs {args.small}: {peaks[args.big] / peaks[args.small]:.2f}x (target <= 1.2)")


if __name__ == "__main__":
    main()
