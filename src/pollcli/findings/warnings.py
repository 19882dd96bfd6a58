"""Which warnings stderr prints, and in which order, so that the one that needs action is seen.

A county file of 200 primaries has a total row in nearly every race: a warning each, all saying the
total was set aside and equals its parts, buried the one total that did not (New Hampshire's). Stderr
therefore counts such routine notices in one line per file, and prints first the warnings that say
a figure disagrees with another. Nothing is lost: `validate` and the JSON `warnings` list each one.
"""

from __future__ import annotations

import shlex
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final

from pollcli.problems import Code, Problem
from pollcli.read.inputs import validate_args

# Notices of one family said one by one up to this many a file, in one line beyond.
FAMILY_SAID: Final[int] = 3
# Warnings that say two figures of the file disagree: the file needs checking, so they come first.
DISAGREE: Final[frozenset[Code]] = frozenset(
    {Code.TOTAL_MISMATCH, Code.MODE_MISMATCH, Code.SHARE_MISMATCH, Code.SHARES_SUM}
)


def digest(
    elections: Iterable[Sequence[Problem]], races: Sequence[tuple[str, str]] = ()
) -> list[str]:
    """The warnings of some elections (each one's problems) as stderr prints them, rendered
    without the `pollcli: warning:` prefix, each problem once however many races carry it: those
    in `DISAGREE` first, then the others in the order found, then one line per file for its
    routine notices (`Problem.routine`) when it has several. With each election's file and name
    (`races`), a warning of no line that is one race's alone, in a file of several, names its race
    (`_in_race`)."""
    found: list[tuple[int, Problem]] = [
        (index, p) for index, problems in enumerate(elections) for p in problems
    ]
    named = _in_race(found, races)
    routine: dict[str, list[tuple[int, Problem]]] = {}
    for index, problem in found:
        if problem.routine:
            routine.setdefault(problem.file, []).append((index, problem))
    grouped = {id(p) for notices in routine.values() if len(notices) > 1 for _, p in notices}
    # (A file's notice is each race's: one problem, counted once.)
    families: dict[tuple[str, str], dict[int, Problem]] = {}
    for _, problem in found:
        if problem.family:
            families.setdefault((problem.file, problem.family), {})[id(problem)] = problem
    families = {k: v for k, v in families.items() if len(v) > FAMILY_SAID}
    grouped |= {id(p) for notices in families.values() for p in notices.values()}
    # A warning carried by many races (`problems.race_split`) rendered once, not once a race:
    # stderr prints each line once (`cli.output.warn`), and 10,000 races held 9 MiB of copies.
    kept = list({id(p): p for _, p in found if id(p) not in grouped}.values())
    ordered = [p for p in kept if p.code in DISAGREE] + [p for p in kept if p.code not in DISAGREE]
    lines = [
        f"{p.file}: race {named[id(p)]!r}: {p.message}" if id(p) in named else p.render()
        for p in ordered
    ]
    lines += [_counted(file, notices) for file, notices in routine.items() if len(notices) > 1]
    lines += [
        f"{file}: {len(notices):,} {family}; {_validate(file)} to list them"
        for (file, family), notices in families.items()
    ]
    return lines


def _in_race(
    found: Sequence[tuple[int, Problem]], races: Sequence[tuple[str, str]]
) -> dict[int, str]:
    """The race each warning of no line is said of, by its id: where its file holds several races
    (`races`: each election's file and name) and the warning is one race's alone, not naming it
    already (Arizona's precinct files: `the options' valid votes … exceed ballots_cast`, of one of
    30 races)."""
    if not races:
        return {}
    several = {file for file, count in Counter(file for file, _ in races).items() if count > 1}
    carried = Counter(id(problem) for _, problem in found)
    return {
        id(problem): races[index][1]
        for index, problem in found
        if problem.line is None
        and problem.file in several
        and carried[id(problem)] == 1
        and repr(races[index][1]) not in problem.message
    }


def _counted(file: str, notices: Sequence[tuple[int, Problem]]) -> str:
    rows = sum(p.routine for _, p in notices)
    races = len({index for index, _ in notices})
    where = f" in {races:,} races" if races > 1 else ""
    return (
        f"{file}: {rows:,} total rows{where} set aside, not added to their parts: every total "
        f"equals the sum of its parts; {_validate(file)} to list them"
    )


def _validate(file: str) -> str:
    """What to run to list a file's problems. Standard input is read once: `-`, given the same
    input again."""
    (name,), sheet = validate_args([file])
    flag = f" --sheet {shlex.quote(sheet)}" if sheet is not None else ""
    if name == "-":
        return f"run 'pollcli validate -{flag}' with the same standard input"
    return f"run 'pollcli validate {shlex.quote(name)}{flag}'"
