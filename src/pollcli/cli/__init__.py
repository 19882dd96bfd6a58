"""The command line: parse arguments, call the library, render, exit. The only place that exits."""

# No `from __future__ import annotations`: Typer reads `_root`'s signature on every run, and
# annotations kept as text would be compiled again each time (as in the command modules).

import codecs
import errno
import functools
import os
import sys
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import typer
from typer import Abort

from pollcli import __version__
from pollcli.errors import DataError, ExitCode, PollcliError, UsageError
from pollcli.render.safe import visible

try:  # Recent Typer vendors Click as typer._click; older releases use Click itself.
    from typer._click.exceptions import ClickException
except ImportError:  # pragma: no cover
    from click.exceptions import ClickException  # type: ignore[no-redef,import-not-found,unused-ignore]

MAX_ERRORS_SHOWN = 5

COMMANDS = ("summary", "compare", "seats", "validate", "schema")


def _typer() -> typer.Typer:
    return typer.Typer(
        name="pollcli",
        help="Election results from a CSV: who leads and by how much, majority or runoff, "
        "thresholds, turnout, term of office; compare elections and exit polls.",
        epilog="Example: pollcli summary data/kz_2022.csv",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


_app: typer.Typer | None = None


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"pollcli {__version__}\n")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a Python traceback on errors.")
    ] = False,
) -> None:
    """Election results from a CSV: who leads and by how much, majority or runoff, thresholds, turnout,
    term of office; compare elections and exit polls."""


def _register(target: typer.Typer, names: Sequence[str] = COMMANDS) -> None:
    import importlib
    import inspect

    for name in names:
        importlib.import_module(f"pollcli.cli.{name}").register(target)
    # The list of commands in `pollcli --help` would keep the docstring's line breaks ("the quota
    # or" on a line of its own): give it the first paragraph as one line, for Rich to wrap.
    for command in target.registered_commands:
        if command.short_help is None and command.callback is not None:
            first = inspect.cleandoc(command.callback.__doc__ or "").split("\n\n")[0]
            command.short_help = " ".join(first.split())


def full_app() -> typer.Typer:
    """The app with every command, built on first use (help, completion, the docs)."""
    global _app
    if _app is None:
        _app = _typer()
        _app.callback()(_root)
        _register(_app)
    return _app


def __getattr__(name: str) -> Any:
    if name == "app":  # `from pollcli.cli import app`, as before; built when asked for
        return full_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _app_for(args: Sequence[str]) -> typer.Typer:
    """The app with only the command being run: Typer reads the signature of every command it
    registers, on every run (about 8 ms for all five), and one is enough to run one. Help, shell
    completion and anything unknown get the whole app."""
    name = next((a for a in args if not a.startswith("-")), None)
    if name not in COMMANDS or "_POLLCLI_COMPLETE" in os.environ:
        return full_app()
    single = _typer()
    single.callback()(_root)
    _register(single, [name])
    return single


def _report_data_error(error: DataError, *, quiet: bool = False) -> None:
    # The errors of a file as a whole (encoding, header, CSV that cannot be split) stop it: they
    # come first, however many errors its races have, and it is said what they mean.
    errors = sorted(error.problems, key=lambda p: p.race is not None)
    whole = sum(1 for p in errors if p.race is None)
    shown = errors[:MAX_ERRORS_SHOWN]
    for index, problem in enumerate(shown):
        sys.stderr.write(f"pollcli: error: {visible(problem.render())}\n")
        if whole < len(errors) and index + 1 == min(whole, len(shown)):
            sys.stderr.write(f"pollcli: {_stopped(problem.file, whole, whole < len(shown))}\n")
    for problem in [] if quiet else error.explained_by:  # (warnings: --quiet leaves them out)
        sys.stderr.write(f"pollcli: warning: {visible(problem.render())}\n")
    import shlex

    from pollcli.read.inputs import validate_args

    names, sheet = validate_args(p.file for p in errors)
    files = sorted({visible(name) for name in names})
    more = len(errors) - MAX_ERRORS_SHOWN
    lead = f"… and {more} more error(s); " if more > 0 else ""
    # Standard input is read once: the same input must be given again.
    how = "with the same standard input " if "-" in files else ""
    flag = f" --sheet {shlex.quote(visible(sheet))}" if sheet is not None else ""
    sys.stderr.write(
        f"pollcli: {lead}run 'pollcli validate {' '.join(files)}{flag}' {how}to list every "
        "problem\n"
    )


def _stopped(file: str, whole: int, races_below: bool) -> str:
    """What errors of the file as a whole mean in a file of races: none of its races is given."""
    which = (
        "the error above concerns" if whole == 1 else f"its {whole:,} errors of this kind concern"
    )
    below = "; the errors below are its races' own" if races_below else ""
    return (
        f"nothing summarised from {visible(file)}: {which} the file as a whole, and none of its "
        f"races is summarised until that is fixed{below}"
    )


class _Interrupted(Exception):
    """Ctrl-C inside a command. Typer turns KeyboardInterrupt into a silent exit 130."""


class _OutputClosed(Exception):
    """The reader of standard output went away (`| head -1`). Typer would exit 1 for it."""


def _guarded(callback: Callable[..., Any]) -> Callable[..., Any]:
    """The command's callback, with the two exceptions Typer swallows renamed so that they reach
    `run`, the one place that decides what the user sees."""

    @functools.wraps(callback)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except KeyboardInterrupt:
            raise _Interrupted from None
        except BrokenPipeError:
            raise _OutputClosed from None
        except UnicodeEncodeError as error:
            raise _unwritable(error) from None

    return guarded


# Errors only a write gives. The files pollcli writes by name (--output, charts, a spooled standard
# input) say their own; one of no file name that reaches the command's end is standard output's.
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def _of_stdout(error: OSError) -> bool:
    """Whether an OSError is standard output's (a full disk, `/dev/full`, an I/O error): one only a
    write gives, of no named file, or standard output still failing to take what is buffered."""
    if error.errno in _WRITE_ERRORS and error.filename is None:
        return True
    try:
        sys.stdout.flush()
    except OSError:
        return True
    return False


def _stdout_unwritable(error: OSError) -> UsageError:
    """Standard output that cannot be written, as a usage error that says what to do; what is still
    buffered for it is dropped, so that the exit does not fail on it again."""
    _discard_stdout()
    reason = error.strerror or type(error).__name__
    return UsageError(
        f"cannot write to standard output ({reason}); write the results to a file with "
        "--output FILE where there is room, or redirect standard output elsewhere"
    )


def _unwritable(error: UnicodeEncodeError) -> Exception:
    """A result standard output's encoding cannot write (a Windows console's cp1252, a
    PYTHONIOENCODING=latin-1) as a usage error that says what to do; any other, as it was."""
    encoding = getattr(sys.stdout, "encoding", None) or ""
    if codecs.lookup(error.encoding).name != codecs.lookup(encoding or "utf-8").name:
        return error
    char = error.object[error.start : error.start + 1]
    return UsageError(
        f"standard output writes {encoding}, which cannot show {char!r} (U+{ord(char):04X}) of "
        "the results; set PYTHONIOENCODING=utf-8 (or PYTHONUTF8=1), or write them to a file "
        "with --output FILE (UTF-8)"
    )


def _command(args: Sequence[str]) -> Any:
    command = typer.main.get_command(_app_for(args))
    for subcommand in getattr(command, "commands", {}).values():
        if subcommand.callback is not None:
            subcommand.callback = _guarded(subcommand.callback)
    return command


def _discard_stdout() -> None:
    """After a broken pipe, what is still buffered goes nowhere, instead of failing again at exit
    with "Exception ignored … BrokenPipeError" (the recipe of Python's `signal` documentation)."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, ValueError, OSError):  # an in-memory stdout (tests)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code: the single error boundary."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        from pollcli.collector import paused_gc

        # A run is short and makes many acyclic objects: the collector only slows it down.
        if sys.stdout is None:  # started with standard output closed (`>&-`)
            raise UsageError(
                "standard output is closed; give pollcli one to write to (a file, a pipe or "
                "/dev/null), or write the results to a file with --output FILE"
            )
        _files_once(args)
        with paused_gc():
            result = _command(args).main(args=args, prog_name="pollcli", standalone_mode=False)
        sys.stdout.flush()  # what is still buffered fails here, not at the exit, unexplained
        return int(result) if isinstance(result, int) else ExitCode.OK
    except DataError as error:
        if debug:
            __import__("traceback").print_exc()
        _report_data_error(error, quiet=bool({"--quiet", "-q"} & set(args)))
        return error.exit_code
    except PollcliError as error:
        if debug:
            __import__("traceback").print_exc()
        sys.stderr.write(f"pollcli: error: {visible(str(error))}\n")
        return error.exit_code
    except ClickException as error:
        hint = ""
        ctx = getattr(error, "ctx", None)
        if ctx is not None:
            hint = f"; see '{ctx.command_path} --help'"
        if getattr(error, "possibilities", None):  # (NoSuchOption)
            error.possibilities = _like(error.option_name, error.possibilities)  # type: ignore[attr-defined]
        message = _plain_numbers(error.format_message().rstrip("."))
        if message:  # a bare `pollcli` has printed its help already
            sys.stderr.write(f"pollcli: error: {visible(message)}{hint}\n")
        return error.exit_code
    except (Abort, KeyboardInterrupt, _Interrupted):
        sys.stderr.write("pollcli: interrupted\n")
        return ExitCode.INTERRUPTED
    except (BrokenPipeError, _OutputClosed):
        # The reader has all it wanted (`| head -1`): nothing went wrong, so exit 0, silently.
        _discard_stdout()
        return ExitCode.OK
    except OSError as error:
        if debug:
            raise
        if not _of_stdout(error):
            return _internal_error(error)
        sys.stderr.write(f"pollcli: error: {_stdout_unwritable(error)}\n")
        return ExitCode.USAGE_ERROR
    except Exception as error:
        if debug:
            raise
        return _internal_error(error)


# The options that name a file to write, by each of their spellings.
FILE_OPTIONS = {
    "--output": "--output",
    "-o": "--output",
    "--svg": "--svg",
    "--html": "--html",
    "--chart": "--chart",
}


def _files_once(args: Sequence[str]) -> None:
    """A file option given twice is a usage error: Click keeps the last value, and the other file
    (`--chart a.png --chart b.svg`) would silently not be written."""
    given: dict[str, list[str]] = {}
    tokens = iter(args)
    for token in tokens:
        if token == "--":
            break
        name, equals, value = token.partition("=")
        if name in FILE_OPTIONS:
            given.setdefault(FILE_OPTIONS[name], []).append(value if equals else next(tokens, ""))
    for flag, values in given.items():
        if len(values) > 1:
            times = "twice" if len(values) == 2 else f"{len(values)} times"
            raise UsageError(
                f"{flag} is given {times} ({', '.join(map(repr, values))}); a run writes one "
                f"{flag} file: run pollcli again for another"
            )


def _plain_numbers(message: str) -> str:
    """Click's words for a bad number in plain ones: "'abc' is not a valid float range" is not a
    number, "0 is not in the range x>=1" is less than 1."""
    import re

    message = re.sub(r"is not a valid float( range)?", "is not a number", message)
    message = re.sub(r"is not a valid integer( range)?", "is not a whole number", message)
    message = re.sub(
        r"is not in the range ([^\s<]+)<=x<=(\S+)", r"is not between \1 and \2", message
    )
    message = re.sub(r"is not in the range x>=(\S+)", r"is less than \1", message)
    return re.sub(r"is not in the range x<=(\S+)", r"is more than \1", message)


def _like(name: str, options: Sequence[str]) -> list[str]:
    """The options Click suggests for an unknown `name` that are like it without their dashes:
    Click compares them with the dashes every long option shares ('--nope' was like '--votes')."""
    from difflib import SequenceMatcher

    bare = name.lstrip("-")
    return [o for o in options if SequenceMatcher(None, bare, o.lstrip("-")).ratio() >= 0.6]


def _internal_error(error: Exception) -> int:
    sys.stderr.write(
        f"pollcli: internal error: {type(error).__name__}: {visible(str(error))}; this is a bug in "
        "pollcli — please report it with the input file (run with --debug for the traceback)\n"
    )
    return ExitCode.INTERNAL_ERROR


def main() -> None:
    sys.exit(run())
