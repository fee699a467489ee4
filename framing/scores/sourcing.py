"""Sourcing: who gets the floor, how often, in how many words, with which reporting verbs.

The ideas are those of journalism's sourcing audits (count the sources, their kinds and
their share of the quoted words) and of research on attribution verbs (a reporter who writes
"claimed" or "admitted" instead of "said" frames the statement).
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from typing import Any

from framing import rules
from framing.model import Attribution, Evidence, Metric, ScoreFamily, SourceRef, count_words
from framing.voice.layer import Layer
from framing.voice.lexicon import cue_lexicon


def _per100(n: float, words: int) -> float:
    return 100.0 * n / words if words else 0.0


def own_attributions(layer: Layer) -> list[Attribution]:
    """The article's own attributed statements: not those reported inside another one, nor the
    author's own ("I think ...", source kind ``author``)."""
    return [a for a in layer.attributions if not a.nested and a.source.kind != "author"]


def body_words(layer: Layer) -> int:
    return layer.body_words


def source_table(layer: Layer) -> list[dict[str, Any]]:
    """One row per distinct source: kind, quotes, quoted words, statements, attributed words."""
    rows: dict[str, dict[str, Any]] = {}

    def row(name: str, kind: str) -> dict[str, Any]:
        return rows.setdefault(
            name,
            {"name": name, "kind": kind, "quotes": 0, "quoted_words": 0, "statements": 0,
             "attributed_words": 0, "mentions": []},
        )

    for q in layer.quotes:
        if q.source is None:
            continue
        r = row(q.source.name, q.source.kind)
        r["quotes"] += 1
        r["quoted_words"] += q.words()
        r["mentions"].append([q.source.start, q.source.end])
    for a in own_attributions(layer):
        r = row(a.source.name, a.source.kind)
        r["statements"] += 1
        r["attributed_words"] += count_words(a.content.text)
        r["mentions"].append([a.source.start, a.source.end])
    total = sum(r["quoted_words"] + r["attributed_words"] for r in rows.values())
    for r in rows.values():
        r["mentions"] = sorted({tuple(m) for m in r["mentions"]})
        r["mentions"] = [list(m) for m in r["mentions"]]
        words = r["quoted_words"] + r["attributed_words"]
        r["share_of_sourced_words"] = round(words / total, 4) if total else 0.0
    return sorted(rows.values(), key=lambda r: -(r["quoted_words"] + r["attributed_words"]))


def _cue_evidence(layer: Layer) -> list[tuple[Evidence, str, str]]:
    """Each reporting cue once (split quotes share one), with its lemma and class."""
    lex = cue_lexicon()
    seen: set[tuple[int, int]] = set()
    out: list[tuple[Evidence, str, str]] = []
    cues = [(q.cue, speaker_label(q.source)) for q in layer.quotes if q.cue is not None]
    cues += [(a.cue, speaker_label(a.source)) for a in own_attributions(layer)]
    for cue, speaker in sorted(cues, key=lambda c: c[0].start):  # type: ignore[union-attr]
        assert cue is not None
        if (cue.start, cue.end) in seen:
            continue
        seen.add((cue.start, cue.end))
        words = cue.text.lower().split()
        # in a chained cue ("continued to insist") the last reporting verb says what was done
        matches = [m for k in range(len(words)) if (m := lex.match(words, k)) is not None]
        match = matches[-1] if matches else None
        if match is not None and any(m.cls == "loaded" for m in matches):
            match = dataclasses.replace(match, cls="loaded")
        lemma, cls = (match.lemma, match.cls) if match else (cue.text.lower(), "neutral")
        detail = f"{cls} reporting verb '{lemma}' introducing {speaker}"
        out.append((Evidence(cue.start, cue.end, cue.text, rules.rule(f"cue:{cls}").id, detail, lemma), lemma, cls))
    return out


def speaker_label(source: SourceRef | None) -> str:
    """Who speaks, as a reader sees it: the name, or "speaker unresolved" with the words that
    point at someone the analysis could not name ("he", "the official") — a wrong name is
    worse than none."""
    if source is None:
        return "speaker not found"
    if source.kind == "unresolved":
        return f"speaker unresolved: “{source.text}”"
    return source.name


def score_sourcing(layer: Layer, table: list[dict[str, Any]] | None = None) -> ScoreFamily:
    """Sourcing density and diversity; every figure with the spans that produced it."""
    words = body_words(layer)
    quotes = layer.quotes
    atts = own_attributions(layer)
    q_ev = tuple(
        Evidence(q.start, q.end, q.text, rules.QUOTE.id, f"direct quote ({speaker_label(q.source)})")
        for q in quotes
    )
    # each attribution pattern (Attribution.rule) is a registered rule of its own
    a_ev = tuple(
        Evidence(a.content.start, a.content.end, a.content.text, rules.rule(f"attribution:{a.rule}").id,
                 f"attributed to {speaker_label(a.source)} ('{a.cue.text}')")
        for a in atts
    )
    quoted_words = sum(q.words() for q in quotes)
    attributed_words = sum(count_words(a.content.text) for a in atts)
    table = source_table(layer) if table is None else table
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in table:
        by_kind[r["kind"]].append(r)

    def source_ev(kinds: tuple[str, ...]) -> tuple[Evidence, ...]:
        ev = []
        for r in table:
            if r["kind"] in kinds:
                for s, e in r["mentions"]:
                    rule = rules.rule(f"source:{r['kind']}")
                    ev.append(Evidence(s, e, layer.text[s:e], rule.id, f"source: {r['name']} ({r['kind']})"))
        return tuple(sorted(ev, key=lambda x: x.start))

    sourced = _sourced_sentences(layer)
    cue_ev = _cue_evidence(layer)
    neutral = tuple(e for e, _, c in cue_ev if c == "neutral")
    loaded = tuple(e for e, _, c in cue_ev if c == "loaded")
    verbs: Counter[str] = Counter(f"{c}:{lemma}" for _, lemma, c in cue_ev)
    distinct = [r for r in table if r["kind"] != "unresolved"]
    statements = len(quotes) + len(atts)
    metrics = (
        Metric("sourcing_density", _per100(statements, words),
               "Direct quotes plus attributed statements per 100 body words: how often the article "
               "hands the floor to a source. Higher = more sourced reporting.",
               q_ev + a_ev, "per 100 words"),
        Metric("direct_quotes", len(quotes), "Number of direct quotes in the body.", q_ev, "quotes"),
        Metric("quoted_words", quoted_words, "Words inside quote marks in the body.", q_ev, "words"),
        Metric("quoted_share", quoted_words / words if words else 0.0,
               "Share of body words that are inside quote marks.", q_ev, "share"),
        Metric("attributed_statements", len(atts),
               "Reported statements without quote marks, governed by a reporting verb and tied to a source.",
               a_ev, "statements"),
        Metric("attributed_words", attributed_words, "Words of attributed (indirect) speech.", a_ev, "words"),
        Metric("sourced_sentence_share", len(sourced) / len(layer.sentences) if layer.sentences else 0.0,
               "Share of body sentences that carry a source (a quote or an attributed statement).",
               tuple(Evidence(s.start, s.end, layer.text[s.start:s.end], rules.SOURCED_SENTENCE.id) for s in sourced),
               "share"),
        Metric("distinct_sources", len(distinct), "Distinct sources of any kind.", source_ev(("person", "institution", "anonymous")), "sources"),
        Metric("named_people", len(by_kind["person"]), "Distinct named people quoted or cited.", source_ev(("person",)), "sources"),
        Metric("institutions", len(by_kind["institution"]), "Distinct institutions cited (ministries, offices, media, companies).", source_ev(("institution",)), "sources"),
        Metric("anonymous_sources", len(by_kind["anonymous"]),
               "Distinct anonymous or vague sources ('officials said', 'reports', 'critics').",
               source_ev(("anonymous",)), "sources"),
        Metric("sources_per_100_words", _per100(len(distinct), words), "Distinct sources per 100 body words.",
               source_ev(("person", "institution", "anonymous")), "per 100 words"),
        Metric("neutral_verbs", len(neutral), "Neutral reporting verbs (said, told, added, according to ...).", neutral, "cues"),
        Metric("loaded_verbs", len(loaded),
               "Loaded reporting verbs (claimed, admitted, insisted, conceded ...): the verb judges the statement.",
               loaded, "cues"),
        Metric("loaded_verb_share", len(loaded) / len(cue_ev) if cue_ev else 0.0,
               "Share of reporting verbs that are loaded. Higher = more judgement in how speech is reported.",
               loaded, "share"),
    )
    extra = {
        "sources": [{k: v for k, v in r.items() if k != "mentions"} for r in table],
        "reporting_verbs": dict(sorted(verbs.items(), key=lambda kv: (-kv[1], kv[0]))),
    }
    return ScoreFamily("sourcing", metrics, extra)


def _sourced_sentences(layer: Layer) -> list[Any]:
    """Sentences that hold any quoted or attributed characters."""
    return [s for s in layer.sentences if set(layer.voices_in(s.start, s.end)) - {"narrator"}]
