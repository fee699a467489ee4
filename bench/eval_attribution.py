"""Measure attribution (who said what, through which cue) against PolNeAR.

Gold: ``../shared/data/polnear/dev.jsonl`` (PolNeAR, Newell, Margolin & Ruths, LREC 2018). Each gold
attribution has three parts, *source*, *cue* and *content*, each a set of character spans.

Predicted: for every article, ``framing.analyse(text)``; each ``Attribution`` (indirect speech) gives
one predicted triple; direct quotes (``analysis.quotes`` and ``analysis.headline_quotes``) give one
triple each, except that quotes sharing one cue span (a split quote: "...," X said, "...") are merged
into one triple whose content has several spans.

Each role is scored on its own, per article, with two matchings:

* **exact**: a predicted part matches a gold part when both cover the same characters once each span is
  stripped of surrounding whitespace, punctuation and quote marks (and spans separated only by such
  characters are joined);
* **overlap**, as the issue defines it: "a predicted part counts when it overlaps the gold part and no
  other gold part better". Each predicted part goes to the gold part(s) of the same role it shares most
  characters with; it counts when it shares at least one. A gold part is found when some predicted
  part counts for it. So a statement predicted in two pieces counts twice for precision and once for
  recall, and one source span that PolNeAR gives to two statements is found for both;
* **overlap_1to1**: the stricter reading used until 2026-12-01, still reported and gated: one-to-one
  pairs, greedily by the number of characters shared, so a second predicted part for an already
  matched gold part counts as wrong.

Precision is matched predictions / predictions, recall matched gold parts / gold parts. Scores are
reported for all attributions and separately for direct and indirect ones. Matching is done once over
all parts of an article; the direct/indirect figures then count the matched predictions among the
predictions of that kind and the matched gold parts among the gold parts of that kind (so a predicted
quote that finds a gold attribution the classifier called indirect still counts as a hit). A gold
attribution is *direct* when its content starts or ends with a quote mark, or when most of its content
lies inside quote marks.

A *relation* is a whole triple: a predicted relation matches a gold relation when their contents were
paired by the one-to-one overlap matching and their cues, and their sources where the gold has one,
overlap. The error listing (``--errors``) uses the one-to-one pairs too.

Run ``python bench/eval_attribution.py`` (``--help`` for options, ``--selftest`` for the matching's own
checks). ``bench/evaluate.py`` runs this together with the other evaluations.
"""

from __future__ import annotations

import argparse
import json
import re
import string
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
POLNEAR_DEV = Path("polnear") / "dev.jsonl"

ROLES: tuple[str, ...] = ("source", "cue", "content")
SCHEMES: tuple[str, ...] = ("exact", "overlap", "overlap_1to1")
SUBSETS: tuple[str, ...] = ("all", "direct", "indirect")

OPEN_MARKS = "“„‟«‹"
CLOSE_MARKS = "”»›"
DOUBLE_MARKS = "“”„‟«»\""  # single marks are left out: ’ also ends possessives
QUOTE_MARKS = OPEN_MARKS + CLOSE_MARKS + "\"'‘’`´"
# Characters stripped from both ends of a span before exact matching.
STRIP = set(string.whitespace + string.punctuation + QUOTE_MARKS + "\u00a0\u2000\u2009\u200a\u200b—–‒―…·•")

Span = tuple[int, int]
Spans = tuple[Span, ...]


# --------------------------------------------------------------------------- spans and matching


def normalise(text: str, spans: Iterable[Sequence[int]]) -> Spans:
    """Strip each span of surrounding whitespace/punctuation/quote marks, drop what is left empty,
    sort, and join spans that overlap or are separated only by stripped characters. A part made only
    of such characters (PolNeAR marks some cues as ":" or "―") keeps its raw spans."""
    raw = sorted((max(int(a), 0), min(int(b), len(text))) for a, b in spans)
    out = _strip_join(text, raw)
    if not out:
        out = [[s, e] for s, e in raw if e > s]
    return tuple((s, e) for s, e in out)


def _strip_join(text: str, raw: list[tuple[int, int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for s, e in raw:
        while s < e and text[s] in STRIP:
            s += 1
        while e > s and text[e - 1] in STRIP:
            e -= 1
        if s >= e:
            continue
        if out and (s <= out[-1][1] or all(ch in STRIP for ch in text[out[-1][1] : s])):
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def overlap(a: Spans, b: Spans) -> int:
    """Characters that two span sets share (each set is sorted and non-overlapping)."""
    total = 0
    for s1, e1 in a:
        for s2, e2 in b:
            lo, hi = max(s1, s2), min(e1, e2)
            if hi > lo:
                total += hi - lo
    return total


def size(a: Spans) -> int:
    return sum(e - s for s, e in a)


def match_exact(pred: Sequence[Spans], gold: Sequence[Spans]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) of identical span sets."""
    free: dict[Spans, list[int]] = defaultdict(list)
    for j, g in enumerate(gold):
        free[g].append(j)
    pairs = []
    for i, p in enumerate(pred):
        if p and free.get(p):
            pairs.append((i, free[p].pop(0)))
    return pairs


def match_overlap(pred: Sequence[Spans], gold: Sequence[Spans]) -> list[tuple[int, int]]:
    """One-to-one pairs, greedily by characters shared (ties: the tighter pair first)."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = overlap(p, g)
            if ov > 0:
                cands.append((-ov, size(p) + size(g), i, j))
    cands.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def match_best(pred: Sequence[Spans], gold: Sequence[Spans]) -> list[tuple[int, int]]:
    """Each predicted part with the gold parts it overlaps most, when it overlaps any: the issue's
    definition, "a predicted part counts when it overlaps the gold part and no other gold part
    better". Several predicted parts may count for one gold part (a statement split in two), and
    one predicted part for several equal gold parts (one source span that PolNeAR gives to two
    statements); each part is counted once."""
    pairs = []
    for i, p in enumerate(pred):
        shared = [overlap(p, g) for g in gold]
        top = max(shared, default=0)
        if top > 0:
            pairs.extend((i, j) for j, ov in enumerate(shared) if ov == top)
    return pairs


MATCHERS: dict[str, Callable[[Sequence[Spans], Sequence[Spans]], list[tuple[int, int]]]] = {
    "exact": match_exact,
    "overlap": match_best,
    "overlap_1to1": match_overlap,
}


def prf(matched_pred: int, n_pred: int, matched_gold: int, n_gold: int) -> dict[str, float]:
    p = matched_pred / n_pred if n_pred else 0.0
    r = matched_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


# --------------------------------------------------------------------------- relations


@dataclass(frozen=True)
class Relation:
    """One attribution, gold or predicted: each part is a normalised span set, or None."""

    source: Spans | None
    cue: Spans | None
    content: Spans | None
    direct: bool
    label: str  # gold id ("E3") or how the prediction was made ("quote:paired", "attr:source_cue")

    def part(self, role: str) -> Spans | None:
        value: Spans | None = getattr(self, role)
        return value or None


def quoted_regions(text: str) -> list[Span]:
    """Stretches inside quote marks: curly pairs, and straight double quotes paired within a
    paragraph (an unclosed straight quote runs to the paragraph's end, as in multi-paragraph quotes)."""
    regions: list[Span] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in OPEN_MARKS:
            if depth == 0:
                start = i
            depth += 1
        elif ch in CLOSE_MARKS and depth:
            depth -= 1
            if depth == 0:
                regions.append((start, i + 1))
    pos = 0
    for para in text.split("\n"):
        open_at: int | None = None
        for k, ch in enumerate(para):
            if ch == '"':
                if open_at is None:
                    open_at = pos + k
                else:
                    regions.append((open_at, pos + k + 1))
                    open_at = None
        if open_at is not None:
            regions.append((open_at, pos + len(para)))
        pos += len(para) + 1
    return regions


def is_direct(text: str, content: Spans | None, regions: Sequence[Span], raw: Sequence[Span] = ()) -> bool:
    """Gold direct: the raw content starts or ends with a quote mark, or most of it is quoted."""
    for s, e in raw:
        chunk = text[s:e].strip()
        if chunk and (chunk[0] in DOUBLE_MARKS or chunk[-1] in DOUBLE_MARKS):
            return True
    if not content:
        return False
    inside = overlap(content, tuple(sorted(regions)))
    return inside * 2 > size(content)


def gold_relations(text: str, record: dict[str, Any]) -> list[Relation]:
    regions = quoted_regions(text)
    rels = []
    for a in record.get("attributions", []):

        def part(role: str, a: dict[str, Any] = a) -> tuple[Spans | None, list[Span]]:
            raw = [tuple(sp) for p in (a.get(role) or []) for sp in p["spans"]]
            spans = normalise(text, raw)
            return (spans or None), raw  # type: ignore[return-value]

        source, _ = part("source")
        # has_source: false means the source is not in the text; one dev record says false but still
        # marks a source span, which we keep (the span is what is scored).
        if not a.get("has_source", True) and not source:
            source = None
        cue, _ = part("cue")
        content, raw_content = part("content")
        rels.append(
            Relation(source, cue, content, is_direct(text, content, regions, raw_content), str(a.get("id", "")))
        )
    return rels


_SENTENCE_END = re.compile(r"[.!?…][\"”’']*\s")


def _in_later_sentence(text: str, cue: Spans, content: Spans) -> bool:
    """Whether ``content`` starts in the sentence after the one that holds ``cue``, in its paragraph."""
    if not content or content[0][0] <= cue[-1][1] or "\n" in text[cue[-1][1] : content[0][0]]:
        return False
    return len(_SENTENCE_END.findall(text, cue[-1][1], content[0][0])) == 1


def _span(x: Any) -> Spans | None:
    return ((x.start, x.end),) if x is not None else None


def predicted_relations(
    analysis: Any, text: str, shift: Callable[[int], int] | None = None, stats: Counter[str] | None = None
) -> list[Relation]:
    """Triples from an ``Analysis``: attributions (indirect) and quotes (direct, merged by cue)."""

    def sp(x: Any) -> list[Span]:
        if x is None:
            return []
        if shift is None:
            return [(x.start, x.end)]
        return [(shift(x.start), shift(x.end))]

    rels: list[Relation] = []
    # Statements reported inside another one ("He said he hoped ...": "hoped" is nested) are
    # kept in the analysis but are not the article's own attributions (the sourcing score leaves
    # them out too); PolNeAR annotates only the outer one (6 of 2,192 dev cues lie inside
    # another attribution's content).
    for a in tuple(analysis.attributions) + tuple(getattr(analysis, "headline_attributions", ())):
        if a.nested:
            if stats is not None:
                stats["nested_attributions_not_scored"] += 1
            continue
        rels.append(
            Relation(
                normalise(text, sp(a.source)) or None,
                normalise(text, sp(a.cue)) or None,
                normalise(text, sp(a.content)) or None,
                False,
                f"attr:{a.rule}",
            )
        )
    # How PolNeAR counts direct quotes (checked against dev): one attribution per cue. So
    # * quotes sharing a cue span are one attribution (a split quote: "...," X said, "...");
    # * a quote without a cue of its own whose speaker was carried over from the quote before it
    #   (speaker_rule "previous_quote") joins that quote's attribution (122 of 136 such quotes on
    #   dev share the gold attribution of the quote before them); quotes continued from the previous
    #   paragraph or with other carried-over speakers stay apart (most are separate gold ones);
    # * a quote with neither speaker nor cue claims no attribution and is not scored;
    # * a quote inside the content of a predicted attribution (she said she "..." ) is part of that
    #   attribution, not another one, and is folded into it.
    contents = [pc for r in rels if (pc := r.content)]
    groups: dict[Any, list[Any]] = {}
    prev_key: Any = None
    folded = 0
    for q in tuple(getattr(analysis, "headline_quotes", ())) + tuple(sorted(analysis.quotes, key=lambda q: q.start)):
        if q.source is None and q.cue is None:
            # a quote with neither speaker nor cue (scare quotes, titles: the "gold standard",
            # “Fox News Sunday”) claims no attribution; the analysis lists it among the quotes only
            if stats is not None:
                stats["quotes_without_speaker"] += 1
            continue
        qs_ = normalise(text, sp(q))
        if qs_ and any(c[0][0] <= qs_[0][0] and qs_[-1][1] <= c[-1][1] for c in contents):
            folded += 1
            continue
        if q.cue is not None:
            key: Any = ("cue", q.cue.start, q.cue.end)
        elif getattr(q, "speaker_rule", None) == "previous_quote" and prev_key is not None:
            key = prev_key
        else:
            key = ("quote", q.start, q.end)
        groups.setdefault(key, []).append(q)
        prev_key = key
    if stats is not None:
        stats["quotes_folded_into_attributions"] += folded
    # * quotes in a later sentence whose cue is an attribution's cue ("Mills “got an immunity
    #   agreement,” Jordan said. “It just raises ...”") are more of that attribution's content: one
    #   cue, one attribution (a quote in the cue's own sentence but outside the content keeps its
    #   own relation, as PolNeAR gives it one).
    by_cue = {r.cue: n for n, r in enumerate(rels) if r.cue}
    for key, qs in groups.items():
        content = normalise(text, [s for q in qs for s in sp(q)])
        cue = normalise(text, sp(qs[0].cue)) or None
        if key[0] == "cue" and cue in by_cue and _in_later_sentence(text, cue, content):
            n = by_cue[cue]
            old = rels[n]
            rels[n] = Relation(old.source, old.cue, normalise(text, [*(old.content or ()), *content]) or None, old.direct, old.label)
            if stats is not None:
                stats["quotes_merged_by_cue"] += 1
            continue
        src = next((q.source for q in qs if q.source is not None), None)
        rule = "+".join(sorted({q.rule for q in qs}))
        rels.append(
            Relation(
                normalise(text, sp(src)) or None,
                normalise(text, sp(qs[0].cue)) or None,
                content or None,
                True,
                f"quote:{rule}",
            )
        )
    return rels


# --------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    """Counts keyed by (scheme, role, subset) and relation counts keyed by subset."""

    n_gold: Counter[tuple[str, str]] = field(default_factory=Counter)  # (role, subset)
    n_pred: Counter[tuple[str, str]] = field(default_factory=Counter)
    hit_gold: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (scheme, role, subset)
    hit_pred: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    rel_gold: Counter[str] = field(default_factory=Counter)
    rel_pred: Counter[str] = field(default_factory=Counter)
    rel_hit_gold: Counter[str] = field(default_factory=Counter)
    rel_hit_pred: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            getattr(self, name).update(getattr(other, name))


@dataclass
class ArticleResult:
    name: str
    text: str
    gold: list[Relation]
    pred: list[Relation]
    tally: Tally
    # For the overlap scheme: which gold/pred relation parts were matched, per role.
    gold_hit: dict[str, set[int]]
    pred_hit: dict[str, set[int]]
    rel_pairs: dict[int, int]  # pred relation index -> gold relation index (content pairing)
    rel_ok: set[int]  # pred relations whose whole triple matched
    error: str | None = None


def _subsets(direct: bool) -> tuple[str, str]:
    return ("all", "direct" if direct else "indirect")


def score_article(name: str, text: str, gold: list[Relation], pred: list[Relation]) -> ArticleResult:
    t = Tally()
    gold_hit: dict[str, set[int]] = {}
    pred_hit: dict[str, set[int]] = {}
    content_pairs: dict[int, int] = {}
    for role in ROLES:
        g_idx = [k for k, r in enumerate(gold) if r.part(role)]
        p_idx = [k for k, r in enumerate(pred) if r.part(role)]
        for k in g_idx:
            for sub in _subsets(gold[k].direct):
                t.n_gold[role, sub] += 1
        for k in p_idx:
            for sub in _subsets(pred[k].direct):
                t.n_pred[role, sub] += 1
        for scheme, matcher in MATCHERS.items():
            pairs = matcher([pred[k].part(role) for k in p_idx], [gold[k].part(role) for k in g_idx])  # type: ignore[misc]
            for pk in sorted({p_idx[i] for i, _ in pairs}):
                for sub in _subsets(pred[pk].direct):
                    t.hit_pred[scheme, role, sub] += 1
            for gk in sorted({g_idx[j] for _, j in pairs}):
                for sub in _subsets(gold[gk].direct):
                    t.hit_gold[scheme, role, sub] += 1
            if scheme == "overlap_1to1":
                pred_hit[role] = {p_idx[i] for i, _ in pairs}
                gold_hit[role] = {g_idx[j] for _, j in pairs}
                if role == "content":
                    content_pairs = {p_idx[i]: g_idx[j] for i, j in pairs}
    # Relations: content paired, and cue (and source, where the gold has one) overlapping.
    ok: set[int] = set()
    for pk, gk in content_pairs.items():
        p, g = pred[pk], gold[gk]
        cue_ok = g.cue is None or (p.cue is not None and overlap(p.cue, g.cue) > 0)
        src_ok = g.source is None or (p.source is not None and overlap(p.source, g.source) > 0)
        if cue_ok and src_ok:
            ok.add(pk)
            for sub in _subsets(p.direct):
                t.rel_hit_pred[sub] += 1
            for sub in _subsets(g.direct):
                t.rel_hit_gold[sub] += 1
    for r in gold:
        for sub in _subsets(r.direct):
            t.rel_gold[sub] += 1
    for r in pred:
        for sub in _subsets(r.direct):
            t.rel_pred[sub] += 1
    return ArticleResult(name, text, gold, pred, t, gold_hit, pred_hit, content_pairs, ok)


def figures(t: Tally) -> tuple[dict[str, float], dict[str, int]]:
    """Flat, stably named scores and counts.

    Scores: ``polnear[.<direct|indirect>].<exact|overlap>.<source|cue|content>.<precision|recall|f1>``
    and ``polnear[.<subset>].relation.<...>``. Counts: ``polnear.<all|direct|indirect>.<role>.gold``,
    ``.predicted``, ``.<scheme>.matched_gold``, ``.<scheme>.matched_predicted``.
    """
    scores: dict[str, float] = {}
    counts: dict[str, int] = {}
    for sub in SUBSETS:
        prefix = "polnear" if sub == "all" else f"polnear.{sub}"
        for role in ROLES:
            ng, np_ = t.n_gold[role, sub], t.n_pred[role, sub]
            counts[f"polnear.{sub}.{role}.gold"] = ng
            counts[f"polnear.{sub}.{role}.predicted"] = np_
            for scheme in SCHEMES:
                hg, hp = t.hit_gold[scheme, role, sub], t.hit_pred[scheme, role, sub]
                counts[f"polnear.{sub}.{role}.{scheme}.matched_gold"] = hg
                counts[f"polnear.{sub}.{role}.{scheme}.matched_predicted"] = hp
                for k, v in prf(hp, np_, hg, ng).items():
                    scores[f"{prefix}.{scheme}.{role}.{k}"] = v
        counts[f"polnear.{sub}.relation.gold"] = t.rel_gold[sub]
        counts[f"polnear.{sub}.relation.predicted"] = t.rel_pred[sub]
        counts[f"polnear.{sub}.relation.matched_gold"] = t.rel_hit_gold[sub]
        counts[f"polnear.{sub}.relation.matched_predicted"] = t.rel_hit_pred[sub]
        rel = prf(t.rel_hit_pred[sub], t.rel_pred[sub], t.rel_hit_gold[sub], t.rel_gold[sub])
        for k, v in rel.items():
            scores[f"{prefix}.relation.{k}"] = v
    return scores, counts


# --------------------------------------------------------------------------- running the analyser


def _offset_map(src: str, dst: str) -> Callable[[int], int]:
    """Map offsets in ``dst`` (the analysed text) back to ``src`` (the gold text)."""
    k = src.find(dst)
    if k >= 0:
        return lambda i: i + k
    import difflib

    sm = difflib.SequenceMatcher(None, dst, src, autojunk=False)
    table = [0] * (len(dst) + 1)
    last = 0
    for tag, i1, i2, j1, _j2 in sm.get_opcodes():
        for i in range(i1, i2):
            table[i] = j1 + (i - i1) if tag == "equal" else j1
        last = _j2
    table[len(dst)] = last
    return lambda i: table[max(0, min(i, len(dst)))]


@dataclass
class PolnearResult:
    scores: dict[str, float]
    counts: dict[str, int]
    articles: list[ArticleResult]
    seconds: float
    failures: list[tuple[str, str]]  # (article, error) where analyse raised


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def eval_polnear(path: Path | str | None = None, *, analyse: Callable[[str], Any] | None = None) -> PolnearResult:
    """Run ``framing.analyse`` over every PolNeAR article in ``path`` and score it."""
    path = Path(path) if path else DEFAULT_DATA / POLNEAR_DEV
    if analyse is None:
        _ensure_importable()
        import framing

        analyse = framing.analyse
    t0 = time.perf_counter()
    total = Tally()
    articles: list[ArticleResult] = []
    failures: list[tuple[str, str]] = []
    stats: Counter[str] = Counter()
    for rec in load(path):
        text = rec["text"]
        name = rec.get("filename", "?")
        gold = gold_relations(text, rec)
        error = None
        try:
            analysis = analyse(text)
            shift = None if analysis.text == text else _offset_map(text, analysis.text)
            pred = predicted_relations(analysis, text, shift, stats)
        except Exception as exc:  # noqa: BLE001 - a crash on one article is scored as no predictions
            error = f"{type(exc).__name__}: {exc}"
            failures.append((name, error))
            pred = []
        res = score_article(name, text, gold, pred)
        res.error = error
        total.add(res.tally)
        articles.append(res)
    scores, counts = figures(total)
    counts["polnear.articles"] = len(articles)
    counts["polnear.failures"] = len(failures)
    counts["polnear.quotes_folded_into_attributions"] = stats["quotes_folded_into_attributions"]
    return PolnearResult(scores, counts, articles, time.perf_counter() - t0, failures)


def _ensure_importable() -> None:
    try:
        import framing  # noqa: F401

        if hasattr(framing, "analyse"):
            return
    except ImportError:
        pass
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
        for mod in [m for m in sys.modules if m == "framing" or m.startswith("framing.")]:
            del sys.modules[mod]


# --------------------------------------------------------------------------- error dump


def _ctx(text: str, spans: Spans | None, width: int = 70) -> str:
    if not spans:
        return "—"
    s, e = spans[0][0], spans[-1][1]
    left = text[max(0, s - width) : s]
    right = text[e : e + width]
    inner = text[s:e]
    if len(inner) > 300:
        inner = inner[:140] + " [...] " + inner[-140:]
    return (" ".join((left + "[[" + inner + "]]" + right).split())).strip()


def _part_line(text: str, role: str, spans: Spans | None, hit: bool | None) -> str:
    if not spans:
        return f"    {role:<7} (none)"
    mark = "ok " if hit else "MISS"
    frag = " | ".join(" ".join(text[s:e].split()) for s, e in spans)
    if len(frag) > 160:
        frag = frag[:75] + " [...] " + frag[-75:]
    return f"    {role:<7} {mark} {frag!r}"


def write_errors(result: PolnearResult, out: Path) -> None:
    """Per article: gold relations with a missed part (false negatives) and predicted relations with
    an unmatched part (false positives), overlap matching, with the content in context."""
    lines = [
        "# PolNeAR attribution errors (overlap matching)",
        "# FN = gold relation with at least one part no prediction overlapped;",
        "# FP = predicted relation with at least one part that matched no gold part.",
        "# [[...]] marks the content in its context; 'MISS' marks the unmatched part.",
        "",
    ]
    for a in result.articles:
        fn = [k for k, r in enumerate(a.gold) if any(r.part(x) and k not in a.gold_hit.get(x, ()) for x in ROLES)]
        fp = [k for k, r in enumerate(a.pred) if any(r.part(x) and k not in a.pred_hit.get(x, ()) for x in ROLES)]
        if not fn and not fp and not a.error:
            continue
        lines.append(f"## {a.name}  (gold {len(a.gold)}, predicted {len(a.pred)}, FN {len(fn)}, FP {len(fp)})")
        if a.error:
            lines.append(f"  ANALYSE FAILED: {a.error}")
        for tag, ks, rels, hits in (("FN", fn, a.gold, a.gold_hit), ("FP", fp, a.pred, a.pred_hit)):
            for k in ks:
                r = rels[k]
                kind = "direct" if r.direct else "indirect"
                lines.append(f"  {tag} {r.label} [{kind}]: {_ctx(a.text, r.content or r.cue)}")
                for role in ROLES:
                    lines.append(_part_line(a.text, role, r.part(role), k in hits.get(role, ())))
        lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")


# --------------------------------------------------------------------------- self-test


def selftest() -> None:
    """Checks of the matching on tiny constructed cases (no data, no analyser needed)."""
    text = 'He said “we will win,” Smith told reporters. “And soon,” he added. Officials said the plan failed.'
    # normalise strips quote marks, punctuation and space, and joins spans split by them only.
    q = text.index("“we")
    assert normalise(text, [(q, q + 14)]) == ((q + 1, q + 12),), normalise(text, [(q, q + 14)])
    # "He" and "said" are separated by a space only, a stripped character: one span.
    assert normalise(text, [(0, 2), (3, 7)]) == ((0, 7),)
    assert normalise(text, [(0, 2), (9, 11)]) == ((0, 2), (9, 11))
    assert normalise(text, [(5, 5)]) == ()
    assert normalise("Trump: no", [(5, 6)]) == ((5, 6),)  # a cue that is only punctuation stays
    assert overlap(((0, 10), (20, 30)), ((5, 25),)) == 10
    # exact: one-to-one, duplicates need duplicates
    a, b = ((0, 4),), ((10, 12),)
    assert match_exact([a, a], [a]) == [(0, 0)]
    assert match_exact([a, b], [b, a]) == [(0, 1), (1, 0)]
    # overlap: the bigger overlap wins; the other prediction stays unmatched
    g = [((0, 100),)]
    assert match_overlap([((0, 10),), ((0, 90),)], g) == [(1, 0)]
    # a prediction overlapping two gold parts pairs with the better one, the other gold stays free
    assert match_overlap([((0, 50),)], [((0, 10),), ((10, 60),)]) == [(0, 1)]
    # no overlap, no pair
    assert match_overlap([((0, 5),)], [((5, 9),)]) == []
    # the definition: every prediction goes to the gold parts it overlaps most
    assert match_best([((0, 10),), ((0, 90),)], g) == [(0, 0), (1, 0)]
    assert match_best([((0, 50),)], [((0, 10),), ((10, 60),)]) == [(0, 1)]
    assert match_best([((0, 5),)], [((0, 5),), ((0, 5),)]) == [(0, 0), (0, 1)]  # equal gold parts
    assert match_best([((0, 5),)], [((5, 9),)]) == []
    assert prf(1, 2, 1, 4) == {"precision": 0.5, "recall": 0.25, "f1": 2 * 0.5 * 0.25 / 0.75}
    assert prf(0, 0, 0, 3)["f1"] == 0.0

    # quoted regions and the direct test
    regs = quoted_regions(text)
    assert (q, q + 14) in regs
    assert is_direct(text, normalise(text, [(q, q + 14)]), regs)
    off = text.index("the plan")
    assert not is_direct(text, normalise(text, [(off, off + 15)]), regs)
    assert quoted_regions('a "b" c\n"d\n"e"') == [(2, 5), (8, 10), (11, 14)]

    # a whole article: a split quote merged by its cue, one indirect attribution, one spurious one
    def s(sub: str, start: int = 0) -> Span:
        i = text.index(sub, start)
        return (i, i + len(sub))

    rec = {
        "attributions": [
            {  # “we will win,” Smith told reporters. “And soon,” -> one gold with two content spans
                "id": "E1",
                "has_source": True,
                "source": [{"spans": [list(s("Smith"))]}],
                "cue": [{"spans": [list(s("told"))]}],
                "content": [{"spans": [list(s("“we will win,”")), list(s("“And soon,”"))]}],
            },
            {
                "id": "E2",
                "has_source": True,
                "source": [{"spans": [list(s("Officials"))]}],
                "cue": [{"spans": [list(s("said", 60))]}],
                "content": [{"spans": [list(s("the plan failed"))]}],
            },
        ]
    }
    gold = gold_relations(text, rec)
    assert [r.direct for r in gold] == [True, False]
    assert len(gold[0].content or ()) == 2

    class NS:
        def __init__(self, **kw: Any) -> None:
            self.__dict__.update(kw)

    def span(sub: str, start: int = 0) -> NS:
        i, j = s(sub, start)
        return NS(start=i, end=j, text=text[i:j])

    smith, told = span("Smith"), span("told")
    q1, q2 = span("we will win,"), span("And soon,")
    analysis = NS(
        text=text,
        headline_quotes=(),
        quotes=(
            NS(start=q1.start, end=q1.end, source=smith, cue=told, rule="paired"),
            NS(start=q2.start, end=q2.end, source=span("he", 50), cue=told, rule="paired"),
        ),
        attributions=(
            NS(source=span("Officials"), cue=span("said", 60), content=span("the plan"), rule="source_cue", nested=False),
            NS(source=span("He"), cue=span("said"), content=span("we will"), rule="source_cue", nested=False),
        ),
    )
    pred = predicted_relations(analysis, text)
    assert len(pred) == 3 and sum(r.direct for r in pred) == 1
    cont = NS(
        text=text,
        headline_quotes=(),
        attributions=(),
        quotes=(
            NS(start=q1.start, end=q1.end, source=smith, cue=None, rule="paired"),
            NS(start=q2.start, end=q2.end, source=smith, cue=None, rule="paired", speaker_rule="previous_quote"),
        ),
    )
    assert len(predicted_relations(cont, text)) == 1
    # a quote inside an attribution's content is folded into it
    inner = NS(
        text=text,
        headline_quotes=(),
        attributions=(NS(source=span("He"), cue=span("said"), content=span("we will win,” Smith"), rule="x", nested=False),),
        quotes=(NS(start=q1.start, end=q1.end, source=span("He"), cue=span("said"), rule="paired"),),
    )
    st: Counter[str] = Counter()
    assert len(predicted_relations(inner, text, stats=st)) == 1 and st["quotes_folded_into_attributions"] == 1
    res = score_article("t", text, gold, pred)
    sc, cn = figures(res.tally)
    # content: merged quote equals gold E1 exactly; "the plan" is a partial overlap of E2; "we will"
    # overlaps E1: by the definition it counts (no other gold part overlaps it better), in
    # the one-to-one matching E1 is taken by the better match -> FP.
    assert cn["polnear.all.content.exact.matched_gold"] == 1, cn
    assert cn["polnear.all.content.overlap.matched_gold"] == 2, cn
    assert sc["polnear.overlap.content.precision"] == 1.0
    assert sc["polnear.overlap.content.recall"] == 1.0
    assert cn["polnear.all.content.overlap_1to1.matched_gold"] == 2, cn
    assert sc["polnear.overlap_1to1.content.precision"] == 2 / 3
    assert sc["polnear.overlap_1to1.content.recall"] == 1.0
    assert sc["polnear.direct.exact.content.recall"] == 1.0
    assert sc["polnear.indirect.exact.content.recall"] == 0.0
    assert sc["polnear.exact.source.precision"] == 2 / 3  # Smith, Officials right; "He" wrong
    assert cn["polnear.all.relation.matched_gold"] == 2
    assert sc["polnear.relation.precision"] == 2 / 3
    print("selftest: ok")


# --------------------------------------------------------------------------- CLI


def print_table(scores: dict[str, float], counts: dict[str, int]) -> None:
    print(f"{'':<10} {'':<12} {'role':<9} {'P':>6} {'R':>6} {'F1':>6}   {'gold':>5} {'pred':>5} {'hit':>9}")
    for sub in SUBSETS:
        prefix = "polnear" if sub == "all" else f"polnear.{sub}"
        for scheme in SCHEMES:
            for role in ROLES:
                k = f"{prefix}.{scheme}.{role}"
                hits = f"{counts[f'polnear.{sub}.{role}.{scheme}.matched_predicted']}/{counts[f'polnear.{sub}.{role}.{scheme}.matched_gold']}"
                print(
                    f"{sub:<10} {scheme:<12} {role:<9} {scores[k + '.precision']:6.3f} {scores[k + '.recall']:6.3f} "
                    f"{scores[k + '.f1']:6.3f}   {counts[f'polnear.{sub}.{role}.gold']:5d} "
                    f"{counts[f'polnear.{sub}.{role}.predicted']:5d} {hits:>9}"
                )
        k = f"{prefix}.relation"
        print(
            f"{sub:<10} {'overlap_1to1':<12} {'relation':<9} {scores[k + '.precision']:6.3f} {scores[k + '.recall']:6.3f} "
            f"{scores[k + '.f1']:6.3f}   {counts[f'polnear.{sub}.relation.gold']:5d} {counts[f'polnear.{sub}.relation.predicted']:5d}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", type=Path, help=f"PolNeAR jsonl (default: {DEFAULT_DATA / POLNEAR_DEV})")
    ap.add_argument("--errors", type=Path, metavar="FILE", help="write false positives and negatives here")
    ap.add_argument("--json", type=Path, metavar="FILE", help="write the scores and counts as JSON")
    ap.add_argument("--selftest", action="store_true", help="check the matching on constructed cases and exit")
    args = ap.parse_args(argv)
    if args.selftest:
        selftest()
        return 0
    path = args.path or DEFAULT_DATA / POLNEAR_DEV
    if not path.exists():
        print(f"no PolNeAR data at {path}", file=sys.stderr)
        return 2
    result = eval_polnear(path)
    print_table(result.scores, result.counts)
    print(f"{len(result.articles)} articles in {result.seconds:.1f} s; analyse failed on {len(result.failures)}")
    for name, err in result.failures[:10]:
        print(f"  {name}: {err}", file=sys.stderr)
    if args.errors:
        write_errors(result, args.errors)
        print(f"errors written to {args.errors}")
    if args.json:
        args.json.write_text(json.dumps({"scores": result.scores, "counts": result.counts}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
