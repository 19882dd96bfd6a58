"""The exceptions the library raises and the exit codes the CLI maps them to."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pollcli.problems import Problem


class ExitCode(IntEnum):
    OK = 0
    DATA_ERROR = 1
    USAGE_ERROR = 2
    # A bug in pollcli is neither bad data nor bad usage: SPEC gives it its own code, so that users
    # (and the fuzz tests) can tell it apart.
    INTERNAL_ERROR = 70
    # 128 + SIGINT, as a shell reports a process that Ctrl-C ended.
    INTERRUPTED = 130


class PollcliError(Exception):
    """Base of every error pollcli reports to the user without a traceback."""

    exit_code = ExitCode.DATA_ERROR


class UsageError(PollcliError):
    """The command line asks for something impossible (a missing file, a bad flag value)."""

    exit_code = ExitCode.USAGE_ERROR


class NoSuchColumn(UsageError):
    """A flag names a column the file does not have: the reader adds which file (`compare` and
    `validate` read several)."""


class NoSuchRace(UsageError):
    """`--race` keeps no race of a file: the reader adds which file, as for `NoSuchColumn`, and
    `load` the file's position among its sources (`position`, from 0), for `compare`'s advice."""

    position: int | None = None


class InputError(UsageError):
    """An input cannot be opened or read at all (a missing file, a directory, a closed standard
    input): a usage error that `validate` reports after the files it could read."""


class DataError(PollcliError):
    """The input cannot be analysed; carries every problem found, errors first, and the warnings
    that may explain them (`explained_by`: a column that splits the candidates into races)."""

    def __init__(self, problems: list[Problem], explained_by: Sequence[Problem] = ()) -> None:
        self.problems = problems
        self.explained_by = list(explained_by)
        super().__init__(problems[0].render() if problems else "invalid data")
