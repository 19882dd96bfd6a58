"""A long list of problems for the terminal: one line each, the advice they share said once.

A Rich table measures and wraps every cell, about half a millisecond a problem: 105,263 problems
of one Bulgarian file of polling stations read without `--unit` took 59 s and 103 MB to draw, each
with the same 300 characters of advice. Past `LONG_LIST` problems, `validate` writes each on one
line (line, column, severity, code, what is wrong), folded at the terminal's width, and the advice that
every problem of a code ends with once beneath them (`problems.shared_advice`). Every problem is
still listed with its line, column and code, and the JSON, CSV and Markdown keep each message whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from pollcli.problems import ADVICE_MARK, Problem, shared_advice
from pollcli.render.safe import visible

# More problems than this in one list are written one a line.
LONG_LIST: Final[int] = 1000

SEVERITY_STYLES = {"error": Style(color="red"), "warning": Style(color="yellow")}
BOLD = Style(bold=True)


class LongList:
    """A list of more than `LONG_LIST` problems, a line each (see the module's docstring)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = problems

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        advice = shared_advice(self.problems)
        counts: dict[str, int] = {}
        digits = max(len(str(p.line or "")) for p in self.problems)
        yield Text(
            f" {len(self.problems):,} problems, one a line: line, column, severity, code and "
            "what is wrong" + (", the advice they share beneath them" if advice else ""),
            style="dim",
        )
        newline, width = Segment.line(), max(options.max_width, 1)
        for problem in self.problems:
            message = problem.message
            if problem.code in advice:
                message = message.partition(ADVICE_MARK)[0]
                counts[problem.code] = counts.get(problem.code, 0) + 1
            line = "" if problem.line is None else str(problem.line)
            column = f"  {visible(problem.column)}" if problem.column else ""
            segments = [
                Segment(f" {line:>{digits}}{column}  "),
                Segment(problem.severity, SEVERITY_STYLES[problem.severity]),
                Segment(f"  {problem.code}  {visible(message)}"),
            ]
            length = Segment.get_line_length(segments)
            if length <= width:
                yield from segments
                yield newline
                continue
            # Longer than the terminal: folded onto the next lines (Rich would cut it at the width).
            for part in Segment.divide(segments, [*range(width, length, width), length]):
                yield from part
                yield newline
        for code, tail in advice.items():
            said = Text(f" Each {code} above ({counts[code]:,}): ", style=BOLD)
            said.append(visible(tail))
            yield said
        yield Text("")
