"""The terminal table of ``framing score``: headline, byline, key scores and the top evidence."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from framing.model import Analysis
from framing.report.headlines import print_headlines

KEY_METRICS = (
    ("sourcing", "sourcing_density", "Sourcing density (statements /100 words)"),
    ("sourcing", "direct_quotes", "Direct quotes"),
    ("sourcing", "quoted_share", "Share of body words quoted"),
    ("sourcing", "attributed_statements", "Attributed statements"),
    ("sourcing", "distinct_sources", "Distinct sources"),
    ("sourcing", "named_people", "  named people"),
    ("sourcing", "institutions", "  institutions"),
    ("sourcing", "anonymous_sources", "  anonymous"),
    ("sourcing", "loaded_verbs", "Loaded reporting verbs"),
    ("editorial_voice", "evaluative_per_100_narrator_words", "Editorial voice (/100 author words)"),
    ("editorial_voice", "evaluative_sentences", "Evaluative author sentences"),
    ("advocacy", "first_person_per_100_narrator_words", "First person (/100 author words)"),
    ("advocacy", "first_person_tokens", "First-person words (author's voice)"),
    ("readability", "flesch_reading_ease", "Flesch reading ease"),
    ("readability", "flesch_kincaid_grade", "Flesch-Kincaid grade"),
)


def fmt_value(v: object) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.2f}" if abs(v) < 10 else f"{v:.1f}"
    return str(v)


def print_tables(analyses: Sequence[Analysis], console: Console | None = None) -> None:
    console = console or Console(highlight=False, soft_wrap=False)
    print_headlines(analyses, console)
    for a in analyses:
        console.rule(f"[bold]{escape(a.article.name)}")
        console.print(f"[bold]Headline:[/] {escape(a.headline or '(none detected)')}")
        console.print(f"[bold]Byline:[/] {escape(a.byline or '(none detected)')}")
        console.print(f"[dim]{a.body_words} body words, {len(a.sentences)} sentences; "
                      f"{a.narrator_words} words in the author's own voice; pipeline {escape(a.pipeline)}[/]")
        t = Table(show_header=True, header_style="bold")
        t.add_column("Score")
        t.add_column("Value", justify="right")
        families = {f.name: f for f in a.scores.families()}
        for fam, key, label in KEY_METRICS:
            try:
                t.add_row(label, fmt_value(families[fam].value(key)))
            except KeyError:
                continue
        console.print(t)
        speakers = [s for s in a.sources if s["kind"] != "unresolved"]
        if speakers:
            console.print("[bold]Who speaks[/] (share of quoted + attributed words):")
            for s in speakers[:6]:
                console.print(f"  {escape(s['name'])} ({s['kind']}): {s['quotes']} quotes, "
                              f"{s['statements']} statements, {s['share_of_sourced_words']:.0%}")
        ev = a.scores.editorial_voice.metrics[0].evidence
        if ev:
            words = ", ".join(sorted({e.text.lower() for e in ev})[:12])
            console.print(f"[bold]Author's evaluative words:[/] {escape(words)}")
        fp = [s for s in a.sentences if "first_person" in s.flags]
        for sent in fp[:3]:
            console.print(f"[bold]First-person advocacy:[/] “{escape(sent.text[:160])}”")
