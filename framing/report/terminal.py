"""What the terminal shows: the table of ``framing score`` (headline, byline, key scores, the
top evidence, and with ``--evidence`` every sentence with its voice and its hits) and the
closing lines of ``framing compare`` (one summary line per article).

Text from an article or a file name is printed through ``printable`` (its control characters,
ESC above all, shown escaped) and, in rich markup, ``escape``; ``SafeConsole`` applies
``printable`` to every string it prints as well, so that a renderer that forgets cannot let an
escape sequence through.

Shares are printed as percentages, counts with their noun in the right number ("1 quote",
"2 quotes"), and a list that is cut says how much it left out ("and 4 more").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from framing.model import Analysis, Evidence, Sentence
from framing.printable import printable
from framing.report.headlines import print_headlines

KEY_METRICS = (
    ("sourcing", "sourcing_density", "Sourcing density (statements /100 words)"),
    ("sourcing", "direct_quotes", "Direct quotes"),
    ("sourcing", "quoted_share", "Share of body words quoted"),
    ("sourcing", "attributed_statements", "Attributed statements"),
    ("sourcing", "sourced_sentence_share", "Sentences with a source"),
    ("sourcing", "distinct_sources", "Distinct sources"),
    ("sourcing", "named_people", "  named people"),
    ("sourcing", "institutions", "  institutions"),
    ("sourcing", "anonymous_sources", "  anonymous"),
    ("sourcing", "loaded_verbs", "Loaded reporting verbs"),
    ("editorial_voice", "evaluative_per_100_narrator_words", "Editorial voice (/100 author words)"),
    ("editorial_voice", "evaluative_sentences", "Evaluative author sentences"),
    ("editorial_voice", "flagged_sentence_share", "  share of the author's sentences"),
    ("advocacy", "first_person_per_100_narrator_words", "First person (/100 author words)"),
    ("advocacy", "first_person_tokens", "First-person words (author's voice)"),
    ("readability", "flesch_reading_ease", "Flesch reading ease"),
    ("readability", "flesch_kincaid_grade", "Flesch-Kincaid grade"),
)
SHOW_WORDS = 12  # evaluative words listed
SHOW_SPEAKERS = 6
SHOW_SENTENCES = 3  # first-person sentences quoted
SENTENCE_CHARS = 160
VOICE_NAMES = {"quoted": "quoted", "attributed": "attributed", "narrator": "author"}
# Highlight styles of the --evidence view, by the report's highlight kind (framing.rules.KINDS).
KIND_STYLES = {
    "cue": "bold cyan",
    "cue-loaded": "bold red",
    "source": "bold blue",
    "evaluative": "bold magenta underline",
    "hedge": "italic yellow",
    "weak-cue": "yellow",
    "factual": "green",
    "first-person": "bold green underline",
}


# ------------------------------------------------------------------------------- formatting
class SafeConsole(Console):
    """A rich ``Console`` whose every printed string (markup, table cells, rule titles) passes
    through ``printable`` first: no escape sequence from the data reaches the terminal."""

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return super().render_str(printable(text), **kwargs)


def safe(text: str) -> str:
    """Article text for rich markup: control characters escaped, then markup escaped."""
    return escape(printable(text))


def plural(n: int, noun: str, plural_form: str | None = None) -> str:
    """``plural(1, "quote") -> "1 quote"``, ``plural(2, "quote") -> "2 quotes"``."""
    return f"{n} {noun if n == 1 else plural_form or noun + 's'}"


def percent(share: float | None) -> str:
    """A share (0..1) as a percentage: 0.35 -> "35%", 0.004 -> "<1%", 0 -> "0%"."""
    if share is None or share != share:
        return "–"
    if 0 < share < 0.005:
        return "<1%"
    if 0.995 < share < 1:
        return ">99%"
    return f"{share:.0%}"


def cut_list(items: Sequence[str], limit: int, sep: str = ", ") -> str:
    """The first ``limit`` items, and how many were left out: "a, b, c and 4 more"."""
    shown = sep.join(items[:limit])
    return f"{shown} and {len(items) - limit} more" if len(items) > limit else shown


def shorten(text: str, limit: int = SENTENCE_CHARS) -> str:
    """``text`` cut at a word boundary with an ellipsis, never mid-word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if text[limit - 1] != " " and " " in head:  # never end mid-word
        head = head[: head.rindex(" ")]
    return head.rstrip(",;:") + "…"


def fmt_value(v: object, unit: str = "") -> str:
    if v is None:
        return "–"
    if unit == "share" and isinstance(v, int | float):
        return percent(float(v))
    if isinstance(v, float):
        return f"{v:.2f}" if abs(v) < 10 else f"{v:.1f}"
    return str(v)


# ------------------------------------------------------------------------------- framing score
def print_tables(analyses: Sequence[Analysis], console: Console | None = None, *, evidence: bool = False) -> None:
    console = console or SafeConsole(highlight=False, soft_wrap=False)
    print_headlines(analyses, console)
    for a in analyses:
        console.rule(f"[bold]{safe(a.article.name)}")
        console.print(f"[bold]Headline:[/] {safe(a.headline or '(none detected)')}")
        console.print(f"[bold]Byline:[/] {safe(a.byline or '(none detected)')}")
        console.print(f"[dim]{plural(a.body_words, 'body word')}, {plural(len(a.sentences), 'sentence')}; "
                      f"{plural(a.narrator_words, 'word')} in the author's own voice; pipeline {safe(a.pipeline)}[/]")
        t = Table(show_header=True, header_style="bold")
        t.add_column("Score")
        t.add_column("Value", justify="right")
        families = {f.name: f for f in a.scores.families()}
        for fam, key, label in KEY_METRICS:
            try:
                metric = families[fam][key]
            except KeyError:
                continue
            t.add_row(label, fmt_value(metric.value, metric.unit))
        console.print(t)
        speakers = [s for s in a.sources if s["kind"] != "unresolved"]
        if speakers:
            console.print("[bold]Who speaks[/] (share of quoted + attributed words):")
            for s in speakers[:SHOW_SPEAKERS]:
                console.print(f"  {safe(s['name'])} ({safe(s['kind'])}): {plural(s['quotes'], 'quote')}, "
                              f"{plural(s['statements'], 'statement')}, {percent(s['share_of_sourced_words'])}")
            if len(speakers) > SHOW_SPEAKERS:
                console.print(f"  and {len(speakers) - SHOW_SPEAKERS} more")
        ev = a.scores.editorial_voice.metrics[0].evidence
        if ev:
            words = sorted({e.text.lower() for e in ev})
            console.print(f"[bold]Author's evaluative words:[/] {safe(cut_list(words, SHOW_WORDS))}")
        fp = [s for s in a.sentences if "first_person" in s.flags]
        for sent in fp[:SHOW_SENTENCES]:
            console.print(f"[bold]First-person advocacy:[/] “{safe(shorten(sent.text))}”")
        if len(fp) > SHOW_SENTENCES:
            console.print(f"[bold]First-person advocacy:[/] and {plural(len(fp) - SHOW_SENTENCES, 'more sentence')}")
        if evidence:
            print_evidence(a, console)


# ------------------------------------------------------------------------------- --evidence
def sentence_hits(a: Analysis) -> dict[int, list[tuple[Evidence, list[str]]]]:
    """Each sentence's hits (index into ``a.sentences`` -> its spans in text order, each with the
    plain-English labels of the rules that found it): the words and phrases the scores counted.
    Quotes, reported statements and whole-sentence flags are left out: the sentence's voice and
    flags already say them."""
    from framing.rules import rule

    labels: dict[tuple[int, int], tuple[Evidence, list[str]]] = {}
    for family in a.scores.families():
        for metric in family.metrics:
            for e in metric.evidence:
                try:
                    r = rule(e.rule)
                except KeyError:
                    continue
                if r.kind not in KIND_STYLES:
                    continue
                label = _source_label(r.label, e) if r.kind == "source" else r.label
                first, names = labels.setdefault((e.start, e.end), (e, []))
                if label not in names:
                    names.append(label)
    spans = sorted(labels.values(), key=lambda h: (h[0].start, -h[0].end))
    out: dict[int, list[tuple[Evidence, list[str]]]] = {}
    for i, s in enumerate(a.sentences):
        inside = [h for h in spans if s.start <= h[0].start and h[0].end <= s.end]
        if inside:
            out[i] = inside
    return out


def _source_label(label: str, e: Evidence) -> str:
    """"named person: Antony Blinken" for "he" or "Blinken" (the source it resolves to)."""
    name = (e.detail or "").removeprefix("source: ")
    if name.endswith(")") and " (" in name:
        name = name.rsplit(" (", 1)[0]
    return f"{label}: {name}" if name and name != e.text else label


def marked_sentence(s: Sentence, hits: Iterable[tuple[Evidence, list[str]]]) -> Text:
    """The sentence with its hits styled by their highlight kind (outer spans first). The input
    layer has replaced every control character of the text, so offsets need no mapping here."""
    from framing.rules import rule

    text = Text(s.text)
    for e, _ in hits:
        text.stylize(KIND_STYLES[rule(e.rule).kind or ""], e.start - s.start, e.end - s.start)
    return text


def hit_label(e: Evidence, labels: Sequence[str]) -> str:
    """"'timeless' (evaluative adjective)", "'he' (Antony Blinken (person))"."""
    return printable(f"'{' '.join(e.text.split())}' ({'; '.join(labels)})")


def print_evidence(a: Analysis, console: Console) -> None:
    """Every body sentence with its voice, its flags, its hits highlighted and each hit named."""
    console.print("[bold]Evidence, sentence by sentence[/] [dim](voice: quoted, attributed or the author's own)[/]")
    hits = sentence_hits(a)
    for i, s in enumerate(a.sentences):
        tags = [VOICE_NAMES.get(s.voice, s.voice), *(f.replace("_", "-") for f in s.flags)]
        line = Text(f"{i + 1:>3}. ", style="dim")
        line.append(printable(f"[{', '.join(tags)}] "), style="bold")
        line.append_text(marked_sentence(s, hits.get(i, ())))
        console.print(line)
        if i in hits:
            console.print(Text("       " + "; ".join(hit_label(e, labels) for e, labels in hits[i]), style="dim"))


# ------------------------------------------------------------------------------- framing compare
def article_summary_line(label: str, a: Analysis, author_sentences: tuple[int, int, int] | None = None) -> str:
    """One line: quotes, the share of sentences with a source, the share of the author's
    sentences that are evaluative, and the first-person words in the author's voice.

    ``author_sentences`` is ``(author's sentences, evaluative, first person)`` as the report's
    voice strip counts them (``ArticleSummary.author_sentences``); without it the scores' own
    counts are used."""
    s, ev, adv = a.scores.sourcing, a.scores.editorial_voice, a.scores.advocacy
    quotes = int(s.value("direct_quotes") or 0)
    if author_sentences is not None:
        n_author, n_eval = author_sentences[0], author_sentences[1]
    else:
        n_author, n_eval = int(ev.value("narrator_sentences") or 0), int(ev.value("evaluative_sentences") or 0)
    evaluative = f"{n_eval} of {plural(n_author, 'author sentence')} evaluative"
    if n_author:
        evaluative += f" ({percent(n_eval / n_author)})"
    first = int(adv.value("first_person_tokens") or 0)
    return (f"{printable(label)} {printable(a.article.name)}: {plural(quotes, 'quote')}, "
            f"{percent(s.value('sourced_sentence_share'))} of sentences sourced, {evaluative}, "
            f"{plural(first, 'first-person word')}")
