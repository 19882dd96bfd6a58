"""Where output goes: data to stdout or --output, messages to stderr, colour only on a terminal."""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from pollcli.document import Document
    from pollcli.models import RefusedRace

from pollcli.errors import UsageError
from pollcli.render.safe import visible

# Tables written to a file or a pipe have no terminal to measure.
FILE_WIDTH = 100
# COLUMNS=0, COLUMNS=1 or a terminal that reports no size: narrower than this, Rich draws nothing
# or a letter per line; a table this wide folds names but can be read.
MIN_WIDTH = 40


def _same_file(source: Path, target: Path) -> bool:
    """Also true through symbolic and hard links, which a path comparison misses."""
    try:
        return source.resolve() == target or os.path.samefile(source, target)
    except OSError:  # the target does not exist yet, or the source is unreadable
        return False


def _stdin_identity() -> tuple[int, int] | None:
    """(device, inode) of what standard input reads, when it is a file descriptor at all."""
    try:
        status = os.fstat(sys.stdin.fileno())
    except (AttributeError, ValueError, OSError):  # closed, or replaced by an in-memory stream
        return None
    return status.st_dev, status.st_ino


def _reads_from_stdin(target: Path) -> bool:
    """`pollcli summary - -o v.csv < v.csv`: the shell opened v.csv, so no path names it here."""
    identity = _stdin_identity()
    try:
        status = target.stat()
    except OSError:  # the target does not exist yet
        return False
    return identity == (status.st_dev, status.st_ino)


def check_output_path(output: str | None, inputs: Sequence[str]) -> None:
    """Refuse to write over an input file: pollcli never modifies its inputs."""
    if output is None or output == "-":
        return
    target = Path(output).resolve()
    for source in inputs:
        if source != "-" and _same_file(Path(source), target):
            raise UsageError(
                f"--output {output} is an input file; pollcli never overwrites its inputs"
            )
    if "-" in inputs and _reads_from_stdin(target):
        raise UsageError(
            f"--output {output} is the file standard input reads from; "
            "pollcli never overwrites its inputs"
        )
    if target.is_dir():
        raise UsageError(f"--output {output} is a directory; give a file name")
    if not target.parent.is_dir():
        raise UsageError(f"--output {output}: the directory {target.parent} does not exist")


# Rich is imported where a table is drawn: JSON, CSV and Markdown never pay for it.


def stdout_console(no_color: bool = False) -> Console:
    from rich.console import Console

    class StdoutConsole(Console):
        def on_broken_pipe(self) -> None:
            # Rich would exit 1 here; the CLI's error boundary decides what a closed pipe means.
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    plain = no_color or "NO_COLOR" in os.environ
    console = StdoutConsole(
        file=sys.stdout,
        no_color=plain,
        color_system=None if plain else "auto",
        highlight=False,
        emoji=False,
        markup=False,
        width=None if sys.stdout.isatty() or "COLUMNS" in os.environ else FILE_WIDTH,
        soft_wrap=False,
    )
    if console.width < MIN_WIDTH:
        console.width = MIN_WIDTH
    return console


def render_to_text(renderable: RenderableType, width: int) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    Console(
        file=buffer,
        width=width,
        color_system=None,
        highlight=False,
        emoji=False,
        markup=False,
        no_color=True,
    ).print(renderable)
    return buffer.getvalue()


def write_text(text: str, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_file(output, text, "--output")


def write_file(target: str, data: str | bytes | Iterable[bytes], flag: str) -> None:
    """Write `data` (text as UTF-8; bytes, or pieces of them) to the file `target` whole or not
    at all (`pollcli.atomic`)."""
    from pollcli import atomic

    there = atomic.existed(target)
    try:
        atomic.write_bytes(target, data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as exc:
        kept = "the file is left as it was" if there else "nothing was written"
        raise UsageError(f"{flag} {target}: cannot write ({exc.strerror or exc}); {kept}") from None


def report_refused(refused: Sequence[RefusedRace], shown: int = 5) -> bool:
    """Print the errors of races refused in files of many races (the first `shown` of them) and
    how to see them all; True when there were any (the command then exits 1)."""
    if not refused:
        return False
    errors = [(race, p) for race in refused for p in race.problems if p.severity == "error"]
    for race, problem in errors[:shown]:
        sys.stderr.write(
            f"pollcli: error: race {visible(race.race)!r} refused: {visible(problem.render())}\n"
        )
    import shlex

    from pollcli.read.inputs import validate_args

    files, sheet = validate_args(r.file for r in refused)
    names = [visible(name) for name in files]
    if sheet is not None:
        names.append(f"--sheet {shlex.quote(visible(sheet))}")
    # Standard input is read once: the same input must be given again.
    how = "with the same standard input " if "-" in names else ""
    more = f"… and {len(errors) - shown} more error(s); " if len(errors) > shown else ""
    count = f"{len(refused)} race{'' if len(refused) == 1 else 's'}"
    sys.stderr.write(
        f"pollcli: {more}{count} refused for their errors, the others summarised; "
        f"run 'pollcli validate {' '.join(names)}' {how}to list every problem\n"
    )
    return True


def warn(messages: Sequence[str], quiet: bool) -> None:
    if quiet:
        return
    for message in dict.fromkeys(messages):  # once each, in order
        sys.stderr.write(f"pollcli: warning: {visible(message)}\n")


# Which renderer makes each command's text, by format; imported on use, so JSON never loads Rich tables.
_RENDERERS: dict[str, dict[str, str]] = {
    "summary": {
        "csv": "pollcli.render.csv:render_summary",
        "markdown": "pollcli.render.markdown:render_summary",
        "table": "pollcli.render.overview_table:render_summary",
    },
    "compare": {
        "csv": "pollcli.render.compare_csv:render_comparison",
        "markdown": "pollcli.render.compare_markdown:render_comparison",
        "table": "pollcli.render.compare_table:render_comparison",
    },
    "seats": {
        "csv": "pollcli.render.seats_csv:render_seats",
        "markdown": "pollcli.render.seats_markdown:render_seats",
        "table": "pollcli.render.seats_table:render_seats",
    },
    "validate": {
        "csv": "pollcli.render.csv:render_validation",
        "markdown": "pollcli.render.markdown:render_validation",
        "table": "pollcli.render.table:render_validation",
    },
}


def _renderer(command: str, fmt: str) -> Callable[..., Any]:
    import importlib

    module, name = _RENDERERS[command][fmt].split(":")
    found: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return found


def emit(result: Document, command: str, fmt: str, output: str | None, no_color: bool) -> None:
    """Write a command's result in the asked format to stdout or --output: the one place that does."""
    if fmt == "json":
        from pollcli.render import json

        if output is None or output == "-":
            # Piece by piece: a big summary is 330 MB; as bytes to a UTF-8 stdout.
            buffer = _utf8_buffer(sys.stdout)
            if buffer is not None:
                sys.stdout.flush()
                json.write_utf8(result, buffer.write)
                buffer.flush()
            else:
                json.write(result, sys.stdout.write)
                sys.stdout.flush()
        else:
            # Piece by piece too: the whole text, and its copies, held 2.2 GB of a 330 MB summary.
            write_file(output, json.pieces_utf8(result), "--output")
    elif fmt in ("csv", "markdown"):
        write_text(_renderer(command, fmt)(result), output)
    elif output not in (None, "-"):
        write_text(
            render_to_text(_renderer(command, "table")(result, FILE_WIDTH), FILE_WIDTH), output
        )
    else:
        console = stdout_console(no_color)
        console.print(_renderer(command, "table")(result, console.width))


def _utf8_buffer(stream: Any) -> Any:
    """The binary buffer under a text stream that writes UTF-8 and line feeds as they are (stdout
    on Linux and macOS), for text written as bytes; None otherwise (a Windows console, a locale
    of another encoding, a stream of text only)."""
    buffer = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None)
    if buffer is None or not encoding or os.linesep != "\n":
        return None
    import codecs

    try:
        utf8 = codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return None
    return buffer if utf8 else None
