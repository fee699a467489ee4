"""The command line: a thin Typer layer over the library.

Each command builds settings, calls the library, and turns ``FramingError`` into a one-line
message and an exit code. Heavy libraries are imported inside the commands, never at start-up.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer

from framing import __version__
from framing.errors import FramingError

app = typer.Typer(
    name="framing",
    help="Show how news articles frame the same event: sourcing, editorial voice, first-person advocacy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class ScoreFormat(str, Enum):
    table = "table"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"framing {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """framing: who is quoted, where the author speaks, where the author turns to advocacy."""


def fail(message: str, code: int = 1) -> None:
    """Print a one-line error and exit with ``code``."""
    typer.echo(f"framing: error: {message}", err=True)
    raise typer.Exit(code)


def run_guarded(fn: Callable[[], Any]) -> Any:
    """Run a command body; library errors become one line on stderr, never a traceback."""
    try:
        return fn()
    except FramingError as exc:
        fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        fail("interrupted", 130)
    except MemoryError:
        fail("out of memory while analysing the input", 1)


ModelOption = Annotated[
    Optional[str],
    typer.Option(
        "--model",
        help="An installed spaCy pipeline (e.g. en_core_web_sm) to improve speaker detection; "
        "default: $FRAMING_SPACY_MODEL or the rule-based pipeline.",
    ),
]


def make_settings(model: str | None) -> Any:
    from framing.settings import Settings

    return Settings(spacy_model=model)


@app.command()
def score(
    files: Annotated[list[str], typer.Argument(help="Article files (.txt, .md, .html) or - for stdin.")],
    fmt: Annotated[ScoreFormat, typer.Option("--format", "-f", help="table (readable) or json (the full analysis).")] = ScoreFormat.table,
    model: ModelOption = None,
) -> None:
    """Score articles: sourcing, editorial voice, first-person advocacy, readability."""
    from framing.analysis import analyse

    settings = make_settings(model)

    def body() -> None:
        analyses = [analyse(Path(f) if f != "-" else "-", settings=settings) for f in files]
        if fmt is ScoreFormat.json:
            data: Any = [a.as_dict() for a in analyses]
            json.dump(data[0] if len(data) == 1 else data, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            from framing.report.terminal import print_tables

            print_tables(analyses)
        for a in analyses:
            for w in a.warnings:
                typer.echo(f"framing: warning: {a.article.name}: {w}", err=True)

    run_guarded(body)


if __name__ == "__main__":  # pragma: no cover
    app()
