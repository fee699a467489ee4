"""The command line: a thin Typer layer over the library (one module per command).

Each command builds settings, calls the library, and turns ``FramingError`` into a one-line
message and an exit code. Heavy libraries are imported inside the commands, never at start-up.
"""

from __future__ import annotations

import functools
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from framing import __version__
from framing.errors import FramingError
from framing.printable import printable


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
    every command it holds a ``PlainCommand``. A usage error (a bad option value, a missing
    argument) is one line, ``framing: error: ...``, not Typer's box; the exit code stays 2."""

    def get_params(self, ctx: Any) -> list[Any]:
        return plain_help(super().get_params(ctx))

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        run = functools.partial(super().main, args, prog_name, complete_var, standalone_mode=False,
                                windows_expand_args=windows_expand_args, **extra)
        if not standalone_mode:
            return run()
        _quick_exit()
        try:
            code = run()
        except typer.Abort:  # end of input at a prompt
            typer.echo("framing: error: aborted", err=True)
            sys.exit(1)
        except typer.TyperException as exc:  # Typer's (click's) usage errors
            typer.echo(f"framing: error: {one_line(usage_message(exc))}", err=True)
            sys.exit(getattr(exc, "exit_code", 2))
        sys.exit(code if isinstance(code, int) else 0)


def _quick_exit() -> None:
    """At the end of the process, leave its objects out of the interpreter's last garbage
    collections (``gc.freeze`` as the first exit handler): they die with the process, and walking
    the pipeline's and the analyses' million objects took half a second of every command's exit."""
    import atexit
    import gc

    atexit.unregister(gc.freeze)  # once, however often main() runs in one process
    atexit.register(gc.freeze)


def usage_message(exc: Exception) -> str:
    """Typer's message for a usage error, and where to find the command's help:
    "No such option: --bogus (see: framing score --help)"."""
    format_message = getattr(exc, "format_message", None)
    message = format_message() if callable(format_message) else str(exc)
    message = message.replace("Value error, ", "")  # from pydantic, which checks Typer's choices
    ctx = getattr(exc, "ctx", None)
    path = getattr(ctx, "command_path", None)
    return f"{message.rstrip('.')} (see: {path} --help)" if path else message


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
    """Control characters (a newline in a file name, ESC in an article) shown escaped, so a
    message stays one line and the terminal runs nothing (``framing.report.printable``)."""
    return printable(text)


def fail(message: str, code: int = 1) -> None:
    """Print a one-line error and exit with ``code``."""
    typer.echo(f"framing: error: {one_line(message)}", err=True)
    raise typer.Exit(code)


def warn(name: str, message: str) -> None:
    """Print a one-line warning about one input."""
    typer.echo(f"framing: warning: {one_line(name)}: {one_line(message)}", err=True)


def warn_all(name: str, warnings: Iterable[str]) -> None:
    """Print one input's warnings, each different one once; one that repeats says how often,
    "... (3 times)" (the voice layer already counts its own: one line per kind)."""
    for message, n in Counter(warnings).items():
        warn(name, message if n == 1 else f"{message} ({n:,} times)")


def note(message: str) -> None:
    """Print a one-line note (something worth knowing, not wrong)."""
    typer.echo(f"framing: note: {one_line(message)}", err=True)


def check_input_file(path: Path, option: str) -> None:
    """A file option's value must be an existing file: else a one-line error (exit 2)."""
    shown = f"{option} {path}"
    if not path.exists():
        fail(f"{shown}: no such file", 2)
    if path.is_dir():
        fail(f"{shown} is a folder, not a file", 2)


def check_output_folder(path: Path, option: str) -> None:
    """A folder option's value must be a folder or not exist yet: else a one-line error (exit 2)."""
    if path.exists() and not path.is_dir():
        fail(f"{option} {path} is a file, not a folder", 2)


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
    ),
]


OfflineOption = Annotated[
    bool, typer.Option("--offline", help="Refuse URLs: never use the network.")
]
RefreshOption = Annotated[
    bool, typer.Option("--refresh", help="Fetch URLs again even when the page cache holds them.")
]


def make_settings(
    model: str | None, lexicons: list[Path] | None = None, *, offline: bool = False, refresh: bool = False
) -> Any:
    """The library's settings from the common options; a --lexicon that is not a file is a
    one-line error (exit 2)."""
    from framing.settings import Settings

    for path in lexicons or ():
        check_input_file(path, "--lexicon")
    return Settings(
        spacy_model=model, lexicon_paths=tuple(lexicons or ()), offline=offline, refresh=refresh
    )


# Each command lives in its own module and registers itself on ``app`` when imported.
from framing.cli import compare as _compare  # noqa: E402,F401
from framing.cli import corpus as _corpus  # noqa: E402,F401
from framing.cli import score as _score  # noqa: E402,F401

if __name__ == "__main__":  # pragma: no cover
    app()
