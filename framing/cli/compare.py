"""`framing compare`: two or more articles side by side -> PDF, PNG, HTML, JSON and CSV.

Registered on the app when imported (see framing/cli/__init__.py). Thin: it analyses, calls
``framing.comparison.compare`` and ``framing.report.writer.write_report``, then prints what it
wrote, the line on how the headlines differ, one summary line per article and, last, the path
of report.html (the file to open).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from framing.cli import (
    LexiconOption,
    ModelOption,
    OfflineOption,
    PlainCommand,
    RefreshOption,
    app,
    check_output_folder,
    fail,
    make_settings,
    note,
    run_guarded,
    warn_all,
)
from framing.printable import printable


class Paper(StrEnum):
    a4 = "a4"
    letter = "letter"


@app.command(cls=PlainCommand)
def compare(
    ctx: typer.Context,
    files: Annotated[
        list[str] | None,
        typer.Argument(help="Article files (.txt, .md, .html) or http(s) URLs; - for stdin once. Two or more articles in all, with --text."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="FOLDER", help="Output folder (default: reports/SLUG-A--vs--SLUG-B/)."),
    ] = None,
    formats: Annotated[
        str, typer.Option("--format", "-f", metavar="LIST", help="Comma-separated: pdf,png,html,json,csv (default: all).")
    ] = "pdf,png,html,json,csv",
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help="Report title (default: generated).")] = None,
    paper: Annotated[Paper, typer.Option("--paper", metavar="[a4|letter]", help="PDF paper size.")] = Paper.a4,
    offline: OfflineOption = False,
    refresh: RefreshOption = False,
    texts: Annotated[
        list[str] | None,
        typer.Option("--text", "-t", metavar="TEXT",
                     help='An article\'s text itself, pasted in quotes (named "text 1", "text 2" ...; after the files). Repeatable.'),
    ] = None,
    model: ModelOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Compare how articles frame the same event; write a report (PDF, PNG, HTML, JSON, CSV)."""
    from framing.report.writer import parse_formats

    files, texts = files or [], texts or []
    if len(files) + len(texts) < 2:
        fail(f"compare needs at least two articles: files, - for stdin, or --text TEXT (see: {ctx.command_path} --help)", 2)
    if files.count("-") > 1:
        fail("stdin (-) can be given only once", 2)
    try:
        chosen = parse_formats(formats)
    except ValueError as exc:
        fail(str(exc), 2)
    if out is not None:
        check_output_folder(out, "--out")
    settings = make_settings(model, lexicon, offline=offline, refresh=refresh)

    def body() -> None:
        from framing.analysis import analyse
        from framing.article.reading import read_articles
        from framing.comparison import compare as compare_analyses
        from framing.report.writer import interrupts_kept, write_report

        # Ctrl-C is kept from the first article to the last file written (see interrupts_kept):
        # exit 130 and no report, never a run that goes on after it
        with interrupts_kept() as guard:
            articles = read_articles(files, settings=settings) + text_articles(texts, settings)
            analyses = [analyse(a, settings=settings) for a in articles]
            guard.check()
            for a in analyses:
                warn_all(a.article.name, a.warnings)
            comparison = compare_analyses(analyses, title=title)
            for line in comparison.notes:
                note(line)
            folder = out if out is not None else Path("reports") / comparison.slug
            written = write_report(comparison, folder, chosen, paper=paper.value)
        for line in closing_lines(comparison, folder, written):
            typer.echo(line)

    run_guarded(body)


def text_articles(texts: list[str], settings: Any) -> list[Any]:
    """The ``--text`` articles, named "text 1", "text 2" ... in order; HTML pasted as it is
    is read as HTML (``sniff_format``). An empty one is a one-line ``InputError``."""
    from framing.article import article_from_text, sniff_format

    return [article_from_text(t, name=f"text {i}", fmt=sniff_format(t), settings=settings) for i, t in enumerate(texts, 1)]


def closing_lines(comparison: Any, folder: Path, written: list[Path]) -> list[str]:
    """What ``compare`` prints when it is done (see the module docstring)."""
    from framing.report.terminal import article_summary_line

    names = [p.name for p in written]
    lines = [f"wrote {folder}{'/' if not str(folder).endswith('/') else ''}: {', '.join(names)}"]
    if comparison.headlines is not None and comparison.headlines.difference:
        lines.append(f"headlines: {comparison.headlines.difference}")
    for summary, analysis in zip(comparison.articles, comparison.analyses, strict=True):
        lines.append(article_summary_line(summary.label, analysis, summary.author_sentences()))
    html = [p for p in written if p.name == "report.html"]
    if html:
        lines.append(f"report: {html[0]}")
    return [printable(line) for line in lines]
