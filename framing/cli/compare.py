"""`framing compare`: two or more articles side by side -> PDF, PNG, HTML, JSON and CSV.

Registered on the app when imported (see framing/cli/__init__.py). Thin: it analyses, calls
``framing.compare.compare`` and ``framing.report.writer.write_report``, prints the paths.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from framing.cli import LexiconOption, ModelOption, app, fail, make_settings, run_guarded, warn


class Paper(StrEnum):
    a4 = "a4"
    letter = "letter"


@app.command()
def compare(
    files: Annotated[list[str], typer.Argument(help="Two or more article files (.txt, .md, .html); - for stdin once.")],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Output folder (default: reports/<slug-a>--vs--<slug-b>/).", file_okay=False),
    ] = None,
    formats: Annotated[
        str, typer.Option("--format", "-f", help="Comma-separated: pdf,png,html,json,csv (default: all).")
    ] = "pdf,png,html,json,csv",
    title: Annotated[str | None, typer.Option("--title", help="Report title (default: generated).")] = None,
    paper: Annotated[Paper, typer.Option("--paper", help="PDF paper size.")] = Paper.a4,
    model: ModelOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Compare how articles frame the same event; write a report (PDF, PNG, HTML, JSON, CSV)."""
    from framing.report.writer import parse_formats

    if len(files) < 2:
        fail("compare needs at least two articles", 2)
    if files.count("-") > 1:
        fail("stdin (-) can be given only once", 2)
    try:
        chosen = parse_formats(formats)
    except ValueError as exc:
        fail(str(exc), 2)
    settings = make_settings(model, lexicon)

    def body() -> None:
        from framing.analysis import analyse
        from framing.compare import compare as compare_analyses
        from framing.report.writer import write_report

        analyses = [analyse(Path(f) if f != "-" else "-", settings=settings) for f in files]
        for a in analyses:
            for w in a.warnings:
                warn(a.article.name, w)
        comparison = compare_analyses(analyses, title=title)
        for note in comparison.notes:
            typer.echo(f"framing: note: {note}", err=True)
        folder = out if out is not None else Path("reports") / comparison.slug
        for path in write_report(comparison, folder, chosen, paper=paper.value):
            typer.echo(str(path))

    run_guarded(body)
