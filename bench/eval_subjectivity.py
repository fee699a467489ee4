"""Sentence-level accuracy of the editorial-voice "evaluative" flag.

    /work/venv/bin/python bench/eval_subjectivity.py [--data ../shared/data]

CheckThat! 2024 task 2 (English): each sentence is analysed on its own, and a sentence counts as
SUBJ when any of its sentences carries the "evaluative" flag; scored by macro-F1 over SUBJ/OBJ.
Both go through ``framing.analyse`` (headline and byline detection off) and read each sentence's
"evaluative" flag and the editorial evidence. BASIL: each article is rebuilt from its sentences
(one paragraph per BASIL paragraph) and analysed whole, so quotes and reported speech get their voices; a sentence is gold-positive when
it holds a lexical-bias span outside quotes (``in_quote`` false).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import framing  # noqa: E402
from framing.model import Evidence, count_words  # noqa: E402
from framing.scores.editorial import FLAGGING, category_of  # noqa: E402
from framing.settings import Settings  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
SETTINGS = Settings(detect_headline=False, detect_byline=False)


def analyse_flags(text: str) -> list[tuple[int, int, bool, list[Evidence]]]:
    """(start, end, evaluative?, editorial hits) for each sentence ``framing.analyse`` finds."""
    analysis = framing.analyse(text, settings=SETTINGS)
    hits = sorted(analysis.scores.editorial_voice["evaluative_per_100_narrator_words"].evidence
                  + tuple(h for m in analysis.scores.editorial_voice.metrics
                          if m.name == "hedges" for h in m.evidence),
                  key=lambda e: e.start)
    out = []
    for s in analysis.sentences:
        in_s = [h for h in hits if s.start <= h.start < s.end]
        out.append((s.start, s.end, "evaluative" in s.flags, in_s))
    return out


def _read(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def eval_checkthat(path: str | Path) -> dict[str, Any]:
    """Macro-F1 of the flag as SUBJ on a CheckThat! 2024 subjectivity file."""
    rows = _read(Path(path))
    tp = fp = fn = tn = 0
    errors: list[dict[str, Any]] = []
    words = 0
    t0 = time.perf_counter()
    for r in rows:
        text = r["sentence"]
        words += count_words(text)
        flags = analyse_flags(text)
        pred = any(f for _, _, f, _ in flags)
        gold = r["label"] == "SUBJ"
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
        tn += not pred and not gold
        if pred != gold:
            errors.append({"gold": r["label"], "sentence": text,
                           "hits": [h.full_rule for *_, hs in flags for h in hs]})
    elapsed = time.perf_counter() - t0
    _, _, f_subj = _f1(tp, fp, fn)
    _, _, f_obj = _f1(tn, fn, fp)
    return {
        "n": len(rows),
        "macro_f1": (f_subj + f_obj) / 2,
        "f1_subj": f_subj,
        "f1_obj": f_obj,
        "accuracy": (tp + tn) / len(rows) if rows else 0.0,
        "confusion": {"tp": tp, "fp": fp, "fn": fn, "tn": tn},
        "words_per_second": words / elapsed if elapsed else 0.0,
        "errors": errors,
    }


def _basil_article(rec: dict[str, Any]) -> tuple[str, dict[int, tuple[int, int]]]:
    """Join BASIL sentences into an article text (paragraphs apart by a blank line).

    Returns the text and each sentence's offsets in it.
    """
    parts: list[str] = []
    where: dict[int, tuple[int, int]] = {}
    pos = 0
    cur_para: int | None = None
    for s in sorted(rec["sentences"], key=lambda s: s["idx"]):
        if cur_para is not None and s["paragraph"] != cur_para:
            parts.append("\n\n")
            pos += 2
        elif cur_para is not None:
            parts.append(" ")
            pos += 1
        cur_para = s["paragraph"]
        where[s["idx"]] = (pos, pos + len(s["text"]))
        parts.append(s["text"])
        pos += len(s["text"])
    return "".join(parts), where


def eval_basil(path: str | Path) -> dict[str, Any]:
    """Sentence P/R/F1 of the flag against unquoted lexical-bias spans, and span coverage."""
    tp = fp = fn = 0
    gold_words = covered_words = 0
    quoted_spans = quoted_hit = 0
    errors: list[dict[str, Any]] = []
    failed: list[str] = []
    for rec in _read(Path(path)):
        text, where = _basil_article(rec)
        try:
            flags = analyse_flags(text)
        except Exception as exc:  # noqa: BLE001 - a crash in one article is reported, not fatal
            failed.append(f"{rec.get('file_key', '?')}: {type(exc).__name__}: {exc}")
            continue
        highlighted = [(h.start, h.end) for *_, hs in flags for h in hs if category_of(h) in FLAGGING]
        gold_sent: set[int] = set()
        for sp in rec["spans"]:
            if sp["bias"] != "lexical" or sp["sentence_idx"] not in where:
                continue
            base = where[sp["sentence_idx"]][0]
            a, b = base + sp["start"], base + sp["end"]
            if sp["in_quote"]:
                quoted_spans += 1
                quoted_hit += any(s < b and a < e for s, e in highlighted)
                continue
            gold_sent.add(sp["sentence_idx"])
            for w_start, w_end in _word_spans(text, a, b):
                gold_words += 1
                covered_words += any(s <= w_start and w_end <= e for s, e in highlighted)
        for idx, (a, b) in where.items():
            pred = any(f and s < b and a < e for s, e, f, _ in flags)
            gold = idx in gold_sent
            tp += pred and gold
            fp += pred and not gold
            fn += gold and not pred
            if pred != gold and len(errors) < 400:
                errors.append({"gold": gold, "sentence": text[a:b],
                               "hits": [h.full_rule for s, e, _, hs in flags if s < b and a < e for h in hs]})
    p, r, f = _f1(tp, fp, fn)
    return {
        "precision": p,
        "recall": r,
        "f1": f,
        "confusion": {"tp": tp, "fp": fp, "fn": fn},
        "span_word_coverage": covered_words / gold_words if gold_words else 0.0,
        "quoted_spans": quoted_spans,
        "quoted_span_false_positives": quoted_hit,
        "errors": errors,
        "failed_articles": failed,
    }


def _word_spans(text: str, a: int, b: int) -> list[tuple[int, int]]:
    import re

    return [(a + m.start(), a + m.end()) for m in re.finditer(r"[^\W_]+(?:['’][^\W_]+)*", text[a:b])]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--errors", type=int, default=0, help="print this many errors per set")
    ap.add_argument("--split", default=None, help="also evaluate this CheckThat split (e.g. train)")
    args = ap.parse_args(argv)
    ct = args.data / "checkthat2024-subjectivity-en"
    splits = ["dev", "dev_test"] + ([args.split] if args.split else [])
    for split in splits:
        res = eval_checkthat(ct / f"{split}.jsonl")
        print(f"CheckThat {split:9s} macro-F1 {res['macro_f1']:.3f}  (SUBJ F1 {res['f1_subj']:.3f}, "
              f"OBJ F1 {res['f1_obj']:.3f}, acc {res['accuracy']:.3f}, n={res['n']}, "
              f"{res['words_per_second']:,.0f} words/s) {res['confusion']}")
        for e in res["errors"][: args.errors]:
            print("   ", e["gold"], e["sentence"][:160], e["hits"])
    res = eval_basil(args.data / "basil" / "dev.jsonl")
    print(f"BASIL dev  P {res['precision']:.3f}  R {res['recall']:.3f}  F1 {res['f1']:.3f}  "
          f"{res['confusion']}  span-word coverage {res['span_word_coverage']:.3f}  "
          f"quoted spans wrongly counted {res['quoted_span_false_positives']}/{res['quoted_spans']}")
    if res["failed_articles"]:
        print(f"  {len(res['failed_articles'])} articles failed to analyse, e.g. {res['failed_articles'][0]}")
    for e in res["errors"][: args.errors]:
        print("   ", e["gold"], e["sentence"][:160], e["hits"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
