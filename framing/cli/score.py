"""`framing score`: analyse articles and print the scores (table) or the full analysis (JSON,
written as it is made: ``framing.report.json_stream``)."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated, Any

import typer

from framing.cli import (
    LexiconOption,
    ModelOption,
    OfflineOption,
    PlainCommand,
    RefreshOption,
    app,
    fail,
    make_settings,
    run_guarded,
    warn_all,
)


class ScoreFormat(StrEnum):
    table = "table"
    json = "json"


@app.command(cls=PlainCommand)
def score(
    files: Annotated[list[str], typer.Argument(help="Article files (.txt, .md, .html), http(s) URLs, or - for stdin.")],
    fmt: Annotated[ScoreFormat, typer.Option("--format", "-f", metavar="[table|json]", help="table (readable) or json (the full analysis).")] = ScoreFormat.table,
    evidence: Annotated[
        bool,
        typer.Option("--evidence", help="Also list every sentence with its voice, its highlighted hits and what each hit is (table format)."),
    ] = False,
    offline: OfflineOption = False,
    refresh: RefreshOption = False,
    model: ModelOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Score articles: sourcing, editorial voice, first-person advocacy, readability."""
    from framing.analysis import analyse
    from framing.article.reading import read_articles

    if files.count("-") > 1:
        fail("stdin (-) can be given only once", 2)
    settings = make_settings(model, lexicon, offline=offline, refresh=refresh)

    def body() -> None:
        analyses = [analyse(a, settings=settings) for a in read_articles(files, settings=settings)]
        if fmt is ScoreFormat.json:
            from framing.report.json_stream import analysis_parts, write_json

            data: Any = analysis_parts(analyses[0]) if len(analyses) == 1 else (analysis_parts(a) for a in analyses)
            write_json(sys.stdout, data, indent=2)
            sys.stdout.write("\n")
        else:
            from framing.report.terminal import print_tables

            print_tables(analyses, evidence=evidence)
        for a in analyses:
            warn_all(a.article.name, a.warnings)

    run_guarded(body)
