"""The command line: a thin Typer layer over the library (one module per command).

Each command builds settings, calls the library, and turns ``FramingError`` into a one-line
message and an exit code. Heavy libraries are imported inside the commands, never at start-up.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from framing import __version__
from framing.errors import FramingError


def plain_help(params: list[Any]) -> list[Any]:
    """Help that shows plain option names, never type placeholders ("<bool>", "<list[str]>"):
    a flag (--force, --help) shows nothing after its name, an option its metavar (FOLDER, NAME),
    an argument its name (FILES...)."""
    for p in params:
        if isinstance(p, TyperArgument):
            p.__class__ = _PlainArgument
        elif getattr(p, "is_flag", False) or getattr(p, "count", False):
            p.metavar = ""
        elif p.metavar is None:
            p.metavar = (p.name or "value").upper()
    return params


class _PlainArgument(TyperArgument):
    def display_type_rich(self, ctx: Any) -> str | None:
        return None


class PlainCommand(TyperCommand):
    """A command whose help shows no type placeholders (``plain_help``)."""

    def get_params(self, ctx: Any) -> list[Any]:
        return plain_help(super().get_params(ctx))


class PlainGroup(TyperGroup):
    """The ``framing`` group: its own options (--version, --help) without type placeholders, and
    every command it holds a ``PlainCommand``."""

    def get_params(self, ctx: Any) -> list[Any]:
        return plain_help(super().get_params(ctx))


app = typer.Typer(
    name="framing",
    cls=PlainGroup,
    help="Show how news articles frame the same event: sourcing, editorial voice, first-person advocacy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"framing {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """framing: who is quoted, where the author speaks, where the author turns to advocacy."""


def one_line(text: str) -> str:
    """Control characters (a newline in a file name) shown escaped, so a message stays one line."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def fail(message: str, code: int = 1) -> None:
    """Print a one-line error and exit with ``code``."""
    typer.echo(f"framing: error: {one_line(message)}", err=True)
    raise typer.Exit(code)


def warn(name: str, message: str) -> None:
    """Print a one-line warning about one input."""
    typer.echo(f"framing: warning: {one_line(name)}: {one_line(message)}", err=True)


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
    except BrokenPipeError:
        # the reader went away (framing score ... | head): stop quietly, like other tools
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(141) from None


ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        metavar="NAME",
        help="An installed spaCy pipeline to use instead of the default (e.g. en_core_web_md); "
        "default: $FRAMING_SPACY_MODEL or en_core_web_sm 3.8.0.",
    ),
]


LexiconOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--lexicon",
        metavar="FILE",
        help="An extra word-list file (same format as framing/lexicons/*.txt; its name says which "
        "list it extends, a '-entry' line removes an entry). Repeatable.",
        exists=True,
        dir_okay=False,
    ),
]


def make_settings(model: str | None, lexicons: list[Path] | None = None) -> Any:
    from framing.settings import Settings

    return Settings(spacy_model=model, lexicon_paths=tuple(lexicons or ()))


# Each command lives in its own module and registers itself on ``app`` when imported.
from framing.cli import compare as _compare  # noqa: E402,F401
from framing.cli import corpus as _corpus  # noqa: E402,F401
from framing.cli import score as _score  # noqa: E402,F401

if __name__ == "__main__":  # pragma: no cover
    app()
