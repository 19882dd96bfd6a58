"""A long list of problems for the terminal: one line each, the advice they share said once.

A Rich table measures and wraps every cell, about half a millisecond a problem: 105,263 problems
of one Bulgarian file of polling stations read without `--unit` took 59 s and 103 MB to draw, each
with the same 300 characters of advice. Past `LONG_LIST` problems, `validate` writes each on one
line (line, column, severity, code, what is wrong; where that is wider than the terminal, what is
wrong beneath it, indented and folded at its spaces), and the advice that every problem of a code
ends with once beneath them (`problems.shared_advice`). Every problem is
still listed with its line, column and code, and the JSON, CSV and Markdown keep each message whole.
"""

from __future__ import annotations

import textwrap
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
            f" {len(self.problems):,} problems: line, column, severity, code and what is wrong"
            + (", the advice they share beneath them" if advice else ""),
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
            # Longer than the terminal (Rich would cut it at the width): the line, column,
            # severity and code on a line, what is wrong beneath it, indented, folded at spaces.
            head = [*segments[:2], Segment(f"  {problem.code}")]
            if Segment.get_line_length(head) > width:
                # (A column's name as wide as the terminal: the severity and code were cut off.)
                yield from _folded([Segment(segments[0].text.rstrip())], width)
                head = [Segment(" " * (digits + 3)), *head[1:]]
            yield from _folded(head, width)
            yield from _beneath(visible(message), digits + 3, width)
        for code, tail in advice.items():
            said = Text(f" Each {code} above ({counts[code]:,}): ", style=BOLD)
            said.append(visible(tail))
            yield said
        yield Text("")


def _beneath(message: str, indent: int, width: int) -> list[Segment]:
    """A message folded at its spaces into lines of `width` cells, each indented by `indent`; a
    word wider than a line (or a line wider in cells than in letters: CJK) cut at the width."""
    room = max(width - indent, 10)
    pad = " " * min(indent, max(width - room, 0))
    out: list[Segment] = []
    for text in textwrap.wrap(message, room, break_long_words=True, break_on_hyphens=False):
        out.extend(_folded([Segment(pad + text)], width))
    return out


def _folded(segments: list[Segment], width: int) -> list[Segment]:
    """Segments of one line cut into lines of `width` cells, each ended by a newline."""
    length = Segment.get_line_length(segments)
    out: list[Segment] = []
    for part in Segment.divide(segments, [*range(width, length, width), length]):
        out.extend(part)
        out.append(Segment.line())
    return out
