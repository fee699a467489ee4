"""Measure who framing says is speaking: speaker accuracy on BASIL, and speakers that are no people.

    python bench/eval_speakers.py [--data DIR] [--limit N]

**Speaker accuracy (BASIL dev).** Each article is rebuilt from its sentences and analysed whole, as
``eval_basil`` in ``bench/eval_subjectivity.py`` does (the same text, offsets and ``Settings``; the
title is not fed, so there is no headline). Gold: every span with ``in_quote`` true whose
``speaker`` is one of the article's ``main_entities`` and looks like a person: two or more name
parts once underscores are spaces, and none of the group words in ``GROUP_WORDS`` ("Obama_campaign",
"Democratic_lawmakers" stand for a spokesperson or a group). Each gold span is looked up among
framing's direct quotes (``analysis.quotes``): the quote that overlaps it most. A found quote is

* *right* when its speaker's name shares a name part with the entity (parts: split on whitespace
  and hyphens, kept when they have 3+ letters, compared case-insensitively);
* *wrong* when it has a speaker whose name shares none (an anonymous "spokesperson" included);
* *unresolved* when it has no speaker (or one of kind "unresolved": "they", "who").

Several gold spans inside one quote with the same entity count that quote once. Figures (prefix
``speakers.basil``): ``accuracy`` = right / found quotes (a gated score), ``wrong_rate`` = wrong /
found quotes and ``unresolved_rate`` (counts: lower is better, so not gated as scores), ``found`` =
gold spans inside some quote / gold spans (recorded), and the raw counts. Targets: accuracy >= 0.90,
wrong_rate <= 0.05.

**Speakers that are no people (PolNeAR dev and BASIL dev).** Every source framing names, from the
quotes (and headline quotes), the attributions (and headline attributions) and the source table
(``analysis.sources``), whose kind is "person" or "institution" and whose whole name is a place (a US
state, DC, or one of ``PLACES``), a month, a weekday, or a party tag ("R-Texas", "D-N.Y.", "R").
``speakers.non_person.count`` counts distinct (article, name) offenders; the target is 0. PolNeAR
articles are analysed as ``bench/eval_attribution.py`` does (default settings).

``bench/evaluate.py`` runs this together with the other evaluations; run this file on its own for a
readable report with the wrong and unresolved speakers and the non-person offenders.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DEFAULT_DATA = REPO.parent / "shared" / "data"
BASIL_DEV = Path("basil") / "dev.jsonl"
POLNEAR_DEV = Path("polnear") / "dev.jsonl"

for _p in (str(BENCH), str(REPO)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

# Targets the speaker figures are measured against (printed, not enforced here).
TARGET_ACCURACY = 0.90
TARGET_WRONG_RATE = 0.05

# --------------------------------------------------------------------------- names

# An entity with one of these words stands for a group, an organisation or its spokesperson.
GROUP_WORDS = frozenset(
    {
        "campaign", "administration", "party", "house", "senate", "congress", "department",
        "committee", "court", "government", "democrats", "republicans", "democratic",
        "republican", "lawmakers", "members", "leaders", "officials", "senators", "supporters",
    }
)  # fmt: skip

_PART_SPLIT = re.compile(r"[\s\-‐‑–—]+")
_POSSESSIVE = re.compile(r"['’]s$")


def entity_name(entity: str) -> str:
    """A BASIL entity as a name: "Donald_Trump" -> "Donald Trump"."""
    return " ".join(entity.replace("_", " ").split())


def name_parts(name: str) -> set[str]:
    """Lower-cased parts of a name with 3+ letters: "Jean-Luc O'Neill Jr." -> {jean, luc, o'neill}."""
    out = set()
    for raw in _PART_SPLIT.split(name):
        part = _POSSESSIVE.sub("", raw.strip(".,;:!?()[]\"'“”‘’")).lower()
        if sum(ch.isalpha() for ch in part) >= 3:
            out.add(part)
    return out


def shares_name_part(a: str, b: str) -> bool:
    return bool(name_parts(a) & name_parts(b))


def is_person_entity(entity: str) -> bool:
    """Two or more name parts (of any length: "Ed Murray") and no group word."""
    words = entity_name(entity).split()
    return len(words) >= 2 and not any(
        w.lower() in GROUP_WORDS for p in words for w in _PART_SPLIT.split(p)
    )


# --------------------------------------------------------------------------- places, dates, party tags

US_STATES = frozenset(
    {
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
        "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
        "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
        "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
        "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
        "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota",
        "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "West Virginia",
        "Wisconsin", "Wyoming", "District of Columbia", "Washington DC",
    }
)  # fmt: skip
# Countries and cities frequent in US political news. Left out on purpose: names that are as often
# a person's ("Jordan" is Rep. Jim Jordan, "Austin", "Chad").
PLACES = frozenset(
    {
        "United States", "America", "United States of America", "Russia", "China", "Iran", "Iraq",
        "Syria", "Israel", "Mexico", "Canada", "Cuba", "North Korea", "South Korea", "Japan",
        "Germany", "France", "Britain", "Great Britain", "United Kingdom", "England", "Ukraine",
        "Afghanistan", "Pakistan", "India", "Saudi Arabia", "Egypt", "Turkey", "Libya",
        "Venezuela", "Yemen", "Europe", "Gaza", "Moscow", "Beijing", "Tehran", "Jerusalem",
        "London", "Paris", "Baghdad", "Kabul", "Havana", "Pyongyang", "Benghazi", "Chicago",
        "Los Angeles", "New York City", "Boston", "Philadelphia", "Baltimore", "Ferguson",
    }
)  # fmt: skip
# Abbreviations compared case-sensitively (after dots are dropped), so the pronoun "us" is not the US.
PLACE_ACRONYMS = frozenset({"US", "USA", "UK", "DC", "NYC"})
MONTHS = frozenset(
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    }
)  # fmt: skip
WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
# "(R-Texas)", "D-N.Y.", "I-Vt.", and a bare "R" or "D" (a bare "I" is the pronoun).
PARTY_TAG = re.compile(r"^\(?(?:[RDI]-[A-Z].*|[RD])\)?$")

_PLACES_LOWER = frozenset(p.lower() for p in US_STATES | PLACES)
_MONTHS_LOWER = frozenset(m.lower() for m in MONTHS)
_WEEKDAYS_LOWER = frozenset(d.lower() for d in WEEKDAYS)
NON_PERSON_KINDS = ("person", "institution")


def non_person_reason(name: str) -> str | None:
    """Why a speaker's whole name is no person ("place", "month", "weekday", "party tag"), or None."""
    name = " ".join(name.split()).strip(",;:")
    if PARTY_TAG.match(name):
        return "party tag"
    key = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE).replace(".", "").replace(",", "")
    low = key.lower()
    if low in _PLACES_LOWER or key in PLACE_ACRONYMS:
        return "place"
    if low in _MONTHS_LOWER:
        return "month"
    if low in _WEEKDAYS_LOWER:
        return "weekday"
    return None


# --------------------------------------------------------------------------- measure 1: BASIL speakers


@dataclass(frozen=True)
class SpeakerCase:
    """One framing quote that holds gold speaker spans of one entity, and how it was judged."""

    article: str  # BASIL file_key
    outlet: str  # fox, nyt, hpo
    entity: str  # gold speaker, as a name
    verdict: str  # right, wrong, unresolved
    speaker: str | None  # framing's speaker name
    kind: str | None
    resolved_from: str | None
    speaker_rule: str | None
    quote: str  # the quote's text
    mention: str | None  # the speaker as it stands in the text ("he", "the senator")


def speaker_of(quote: Any) -> Any:
    """The quote's SourceRef, or None when it has none or an unresolved one ("they", "who")."""
    src = getattr(quote, "source", None)
    if src is None or src.kind == "unresolved" or not src.name:
        return None
    return src


def gold_speaker_spans(
    rec: dict[str, Any], where: dict[int, tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """(start, end, entity name) in the rebuilt article for every quoted span of a person-like
    main entity."""
    entities = {entity_name(e) for e in rec.get("main_entities") or ()}
    out = []
    for sp in rec["spans"]:
        speaker = sp.get("speaker")
        if not sp.get("in_quote") or not speaker or sp["sentence_idx"] not in where:
            continue
        name = entity_name(speaker)
        if name not in entities or not is_person_entity(name):
            continue
        base = where[sp["sentence_idx"]][0]
        out.append((base + sp["start"], base + sp["end"], name))
    return out


def judge(entity: str, src: Any) -> str:
    """right / wrong / unresolved; an anonymous source ("officials", "spokesperson") is wrong."""
    if src is None:
        return "unresolved"
    return "right" if shares_name_part(src.name, entity) else "wrong"


def score_basil_article(
    rec: dict[str, Any], analysis: Any, where: dict[int, tuple[int, int]]
) -> tuple[int, int, list[SpeakerCase]]:
    """Gold spans, gold spans found inside a quote, and one case per (quote, entity)."""
    quotes = sorted(
        tuple(analysis.quotes) + tuple(getattr(analysis, "headline_quotes", ())),
        key=lambda q: q.start,
    )
    gold = gold_speaker_spans(rec, where)
    found = 0
    cases: dict[tuple[int, str], SpeakerCase] = {}
    for a, b, entity in gold:
        shared = [(min(b, q.end) - max(a, q.start), k) for k, q in enumerate(quotes)]
        best, k = max(shared, default=(0, -1))
        if best <= 0:
            continue
        found += 1
        if (k, entity) in cases:  # one quote, one entity: counted once
            continue
        q = quotes[k]
        src = speaker_of(q)
        cases[k, entity] = SpeakerCase(
            article=str(rec.get("file_key", "?")),
            outlet=str(rec.get("source", "?")),
            entity=entity,
            verdict=judge(entity, src),
            speaker=src.name if src is not None else None,
            kind=src.kind if src is not None else None,
            resolved_from=src.resolved_from if src is not None else None,
            speaker_rule=getattr(q, "speaker_rule", None),
            quote=q.text,
            mention=q.source.text if q.source is not None else None,
        )
    return len(gold), found, list(cases.values())


# --------------------------------------------------------------------------- measure 2: no people


@dataclass(frozen=True)
class Offender:
    """A source framing names whose whole name is a place, a date word or a party tag."""

    dataset: str  # basil, polnear
    article: str
    name: str
    kind: str
    reason: str
    origin: str  # quote, attribution, sources (the table)
    start: int
    end: int
    context: str  # the sentence around the mention


def _named_sources(analysis: Any) -> Iterator[tuple[str, str, str, int, int]]:
    """(origin, name, kind, start, end) for every source the analysis names."""
    for q in tuple(analysis.quotes) + tuple(getattr(analysis, "headline_quotes", ())):
        if q.source is not None:
            yield "quote", q.source.name, q.source.kind, q.source.start, q.source.end
    for a in tuple(analysis.attributions) + tuple(getattr(analysis, "headline_attributions", ())):
        yield "attribution", a.source.name, a.source.kind, a.source.start, a.source.end
    for row in analysis.sources:
        mentions = row.get("mentions") or [[0, 0]]
        start, end = mentions[0]
        yield "sources", str(row.get("name", "")), str(row.get("kind", "")), int(start), int(end)


def sentence_context(analysis: Any, start: int, end: int, width: int = 240) -> str:
    """The sentence that holds a mention, the mention in [[...]]; a window when no sentence does."""
    text = analysis.text
    s, e = max(0, start - width // 2), min(len(text), end + width // 2)
    for sent in analysis.sentences:
        if sent.start <= start < sent.end:
            s, e = sent.start, max(sent.end, end)
            break
    return " ".join((text[s:start] + "[[" + text[start:end] + "]]" + text[end:e]).split())


def non_person_sources(analysis: Any, dataset: str, article: str) -> list[Offender]:
    """One offender per distinct name in the article (its first mention gives the context)."""
    seen: dict[str, Offender] = {}
    for origin, name, kind, start, end in _named_sources(analysis):
        if kind not in NON_PERSON_KINDS or name in seen:
            continue
        reason = non_person_reason(name)
        if reason is None:
            continue
        seen[name] = Offender(
            dataset,
            article,
            name,
            kind,
            reason,
            origin,
            start,
            end,
            sentence_context(analysis, start, end),
        )
    return list(seen.values())


# --------------------------------------------------------------------------- running


@dataclass
class SpeakerResult:
    gold_spans: int = 0
    found_spans: int = 0
    cases: list[SpeakerCase] = field(default_factory=list)
    offenders: list[Offender] = field(default_factory=list)
    articles: dict[str, int] = field(default_factory=dict)  # dataset -> articles analysed
    failures: list[tuple[str, str]] = field(default_factory=list)  # (article, error)
    seconds: float = 0.0

    def tally(self, verdict: str) -> int:
        return sum(c.verdict == verdict for c in self.cases)

    def values(self) -> dict[str, Any]:
        """Stably named figures for ``bench/evaluate.py`` (prefix "speakers")."""
        n = len(self.cases)
        right, wrong, unresolved = (self.tally(v) for v in ("right", "wrong", "unresolved"))
        return {
            "basil": {
                "accuracy": right / n if n else 0.0,  # gated score
                "wrong_rate": wrong / n if n else 0.0,  # lower is better: a count, not a score
                "unresolved_rate": unresolved / n if n else 0.0,
                "found": self.found_spans / self.gold_spans if self.gold_spans else 0.0,
                "gold_spans": self.gold_spans,
                "found_spans": self.found_spans,
                "quotes": {"found": n, "right": right, "wrong": wrong, "unresolved": unresolved},
            },
            "non_person": {
                "count": len(self.offenders),  # target 0; a count, not gated
                "by_dataset": {
                    ds: sum(o.dataset == ds for o in self.offenders) for ds in ("basil", "polnear")
                },
                "by_kind": {k: sum(o.kind == k for o in self.offenders) for k in NON_PERSON_KINDS},
            },
            "articles": dict(self.articles),
            "failures": len(self.failures),
        }


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _safely(
    res: SpeakerResult, name: str, fn: Callable[..., Any], *args: Any, **kwargs: Any
) -> Any:
    """``fn(*args, **kwargs)``, or None with the error noted against article ``name``."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - a crash on one article is reported, not fatal
        res.failures.append((name, f"{type(exc).__name__}: {exc}"))
        return None


Analyse = Callable[..., Any]  # framing.analyse's signature: (text, *, settings=...) -> Analysis


def eval_speakers(
    basil: Path | str, polnear: Path | str | None = None, *, analyse: Analyse | None = None
) -> SpeakerResult:
    """Analyse every BASIL (and, when given, PolNeAR) article once and collect both measures.

    ``analyse`` stands in for ``framing.analyse`` (``bench/evaluate.py`` passes one that remembers
    the analyses ``eval_attribution`` already made of the PolNeAR articles)."""
    from eval_subjectivity import SETTINGS, _basil_article

    if analyse is None:
        import framing

        analyse = framing.analyse
    t0 = time.perf_counter()
    res = SpeakerResult()
    for rec in _load(Path(basil)):
        name = str(rec.get("file_key", "?"))
        text, where = _basil_article(rec)
        analysis = _safely(res, name, analyse, text, settings=SETTINGS)
        if analysis is None:
            continue
        if analysis.text != text:  # gold offsets map into the rebuilt text only
            res.failures.append(
                (name, "framing changed the text it was given; offsets would not map")
            )
            continue
        n_gold, n_found, cases = score_basil_article(rec, analysis, where)
        res.gold_spans += n_gold
        res.found_spans += n_found
        res.cases.extend(cases)
        res.offenders.extend(non_person_sources(analysis, "basil", name))
        res.articles["basil"] = res.articles.get("basil", 0) + 1
    if polnear is not None:
        for rec in _load(Path(polnear)):
            name = str(rec.get("filename", "?"))
            # default settings, as eval_attribution analyses PolNeAR
            analysis = _safely(res, name, analyse, rec["text"])
            if analysis is None:
                continue
            res.offenders.extend(non_person_sources(analysis, "polnear", name))
            res.articles["polnear"] = res.articles.get("polnear", 0) + 1
    res.seconds = time.perf_counter() - t0
    return res


# --------------------------------------------------------------------------- report


def _cut(text: str, n: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _case_line(c: SpeakerCase) -> str:
    how = "/".join(x for x in (c.resolved_from, c.speaker_rule) if x) or "-"
    said = (
        f"{c.speaker!r} ({c.kind}, from {c.mention!r})"
        if c.speaker
        else f"none (mention {c.mention!r})"
    )
    return f"  {c.article} [{c.outlet}] gold {c.entity!r} | framing {said} | {how}\n      “{_cut(c.quote)}”"


def print_report(res: SpeakerResult, limit: int = 20) -> None:
    v = res.values()
    b, q = v["basil"], v["basil"]["quotes"]
    ok = {True: "meets target", False: "BELOW TARGET"}
    print(
        f"BASIL dev speakers: {res.gold_spans} gold spans of person-like entities in quotes, "
        f"{res.found_spans} inside a framing quote (found {b['found']:.3f}); {q['found']} quotes judged"
    )
    print(
        f"  speakers.basil.accuracy     {b['accuracy']:.4f}  ({q['right']}/{q['found']}; target >= "
        f"{TARGET_ACCURACY}: {ok[b['accuracy'] >= TARGET_ACCURACY]})"
    )
    print(
        f"  speakers.basil.wrong_rate   {b['wrong_rate']:.4f}  ({q['wrong']}/{q['found']}; target <= "
        f"{TARGET_WRONG_RATE}: {ok[b['wrong_rate'] <= TARGET_WRONG_RATE]})"
    )
    print(
        f"  speakers.basil.unresolved_rate {b['unresolved_rate']:.4f}  ({q['unresolved']}/{q['found']})"
    )
    np_ = v["non_person"]
    print(
        f"speakers.non_person.count     {np_['count']}  (target 0; by dataset {np_['by_dataset']}, by kind {np_['by_kind']})"
    )
    print(
        f"{sum(res.articles.values())} articles ({res.articles}) in {res.seconds:.1f} s; "
        f"analyse failed on {len(res.failures)}"
    )
    for name, err in res.failures[:10]:
        print(f"  FAILED {name}: {err}")
    for verdict in ("wrong", "unresolved"):
        cases = [c for c in res.cases if c.verdict == verdict]
        print(f"\n{verdict} speakers ({len(cases)}, first {min(limit, len(cases))}):")
        for c in cases[:limit]:
            print(_case_line(c))
    print(
        f"\nspeakers that are no people ({len(res.offenders)}, first {min(30, len(res.offenders))}):"
    )
    for o in res.offenders[:30]:
        print(
            f"  {o.dataset}:{o.article} {o.name!r} ({o.kind}, {o.reason}, from {o.origin})\n      {_cut(o.context, 300)}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help=f"annotated data folder (default {DEFAULT_DATA})",
    )
    ap.add_argument(
        "--limit", type=int, default=20, metavar="N", help="wrong and unresolved examples to print"
    )
    ap.add_argument("--json", type=Path, metavar="FILE", help="write the figures as JSON")
    args = ap.parse_args(argv)
    basil, polnear = args.data / BASIL_DEV, args.data / POLNEAR_DEV
    if not basil.exists():
        print(f"no BASIL data at {basil}", file=sys.stderr)
        return 2
    res = eval_speakers(basil, polnear if polnear.exists() else None)
    print_report(res, args.limit)
    if args.json:
        args.json.write_text(json.dumps(res.values(), indent=2) + "\n", encoding="utf-8")
    return 1 if res.failures else 0


if __name__ == "__main__":
    sys.exit(main())
