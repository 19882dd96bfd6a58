"""A wide table's row of groups over its columns' names: what each group makes of its columns.

India's booth files head their columns with two rows: groups written once over the columns they
span (`Polling Station`, `Total No of Electors`, `Voters Turnout`, `Candidate ID and Name`), the
columns' own names under them (`Part No`; `Male, Female, Other, Total No. of electors`; `Male,
Female, Other, Total, …`; the candidates). A Russian protocol may group its lines under `Строки
протокола` and its candidates under `Кандидаты` (their names maybe over variants, the first count
and the recount). The dialect stage reads such a header as the names, each with its group
(`preamble.grouped`, `preamble.split_groups`); the layout plans the table by the names; and here
each option column is read by its group:

- under a group of options (`Candidates`, `Кандидаты`, a party or list word, or the valid votes:
  `Votes`): an option;
- under a group of a count (`Total No of Electors`: the registered voters; `Voters Turnout`: the
  ballots cast; a protocol line): no option. Its total (`Total`, a name that restates the group)
  is that count, unless another column gives it; the others are its parts
  (`Male`, `Female`, `Other`) or counts of another kind (`Tendered Voter`): set aside, with a note;
- under a group that names the rows (`Polling Station`): a naming column;
- under a group pollcli cannot tell: refused, never read as options (a breakdown added into the
  options is a confident wrong answer), with what to pass.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import Final

from pollcli.columns import RACE_PREFIX, canonical_column
from pollcli.problems import Code, Found
from pollcli.read import preamble, protocol
from pollcli.read.dialect import RawTable
from pollcli.read.layout import Plan, level0, variant
from pollcli.read.total_words import is_total_name

# Groups that hold one count and its parts, by `protocol.key` (matched in full), before the
# protocol's own words (`Turnout` alone is a protocol line of no fact there: a percentage).
GROUP_FACTS: Final[dict[str, str]] = {
    "registered": r"((total )?(no|number|count) of )?(electors|registered voters|voters on the "
    r"(roll|list))|electorate|eligible voters|registered( voters)?",
    "ballots_cast": r"(voters? )?turn ?out|(total )?votes? polled|poll(ed)? votes|ballots cast|"
    r"votes cast|voted",
}
# Groups of a protocol's lines, whose columns are read by their own names.
PROTOCOL_GROUPS: Final[str] = r"(строки |данные )?протокола?|protocol( lines| data)?|protokoll"
# Words of a group of options.
OPTION_WORDS: Final[frozenset[str]] = frozenset(
    {"candidate", "candidates", "candidat", "candidats", "candidato", "candidatos", "kandidat",
     "kandidaten", "kandydat", "kandydaci", "кандидат", "кандидаты", "кандидатов", "party",
     "parties", "partei", "parteien", "parti", "partis", "partido", "partidos", "partia",
     "partie", "партия", "партии", "list", "lists", "liste", "listes", "listen", "lista",
     "listas", "списки", "nominee", "nominees", "contestant", "contestants"}
)  # fmt: skip
# Words of a group of options in scripts written without spaces, found inside the group's name:
# Taiwan's CEC heads its candidates `各組候選人得票情形` (votes of each pair of candidates).
OPTION_INFIXES: Final[tuple[str, ...]] = (
    "候選人",
    "候选人",
    "候補者",
    "후보",
    "政黨",
    "政党",
    "정당",
)
# How many columns a note names of a group before "…".
SHOWN: Final[int] = 8

Role = str  # "options", "names", a fact ("registered"…), "" (a protocol group of no fact), "?"


@cache
def _fact_patterns() -> dict[str, re.Pattern[str]]:
    return {fact: re.compile(pattern) for fact, pattern in GROUP_FACTS.items()}


def role(group: str) -> Role:
    """What a group makes of the columns under it."""
    text = protocol.key(group)
    if set(text.split()) & OPTION_WORDS or any(word in text for word in OPTION_INFIXES):
        return "options"
    for fact, pattern in _fact_patterns().items():
        if pattern.fullmatch(text):
            return fact
    line = protocol.line(group)
    if line is not None:
        # (`Votes`, `Valid votes` over the candidates: their votes, a `Total` among them checked.)
        return "options" if line[0] == "total_votes" else line[0]
    if re.fullmatch(PROTOCOL_GROUPS, text):
        return ""
    column = canonical_column(group) or ""
    if column == "region" or column.startswith(RACE_PREFIX) or protocol.names_a_row(group):
        return "names"
    return "?"


def name(table: RawTable, index: int) -> str:
    """A column's own name, without the group `preamble.under_groups` gave it."""
    label, group = level0(table, index), table.groups[index]
    return label.removeprefix(f"{group} / ") if group else label


def _is_total(table: RawTable, index: int) -> bool:
    """Whether a column is its group's total: a total word (`Total`), or its group's words again
    (`Total No. of electors` under `Total No of Electors`). Not a group's only column: `Male`
    alone under `Electors` is no count of them all."""
    own = name(table, index)
    return is_total_name(own) or protocol.key(own) == protocol.key(table.groups[index])


def read_groups(table: RawTable, plan: Plan, found: Found) -> tuple[Plan, list[str], bool]:
    """The plan with each option column read by its group (see the module's docstring); the
    notes that say what was set aside (columns then no option, fact nor name of the plan); and
    whether the table is refused (a group pollcli cannot tell, an error then)."""
    if not table.groups or plan.blocks is not None:
        return plan, [], False
    under: dict[str, list[int]] = {}
    for i in plan.options:
        if table.groups[i]:
            under.setdefault(table.groups[i], []).append(i)
    roles = {group: role(group) for group in under}
    unknown = [group for group, r in roles.items() if r == "?"]
    if unknown:
        group = unknown[0]
        shown = ", ".join(repr(name(table, i)) for i in under[group][:SHOWN])
        last = table.header_line + 1
        found.add(
            Code.MISSING_COLUMN,
            table.header_line,
            f"the header's top row groups the columns, and pollcli cannot tell what the columns "
            f"under {group!r} ({shown}{'…' if len(under[group]) > SHOWN else ''}) are: "
            "options, or counts of another kind (parts of a count, such as Male and Female). "
            f"If every column of counts is an option, pass --header-line {last} to read the "
            "names alone as the header, and --ignore-column COL,… for those that are none",
            column="votes",
        )
        return replace(plan, options=[]), [], True
    options = [i for i in plan.options if roles.get(table.groups[i], "options") == "options"]
    ids = sorted({*plan.ids, *(i for i in plan.options if roles.get(table.groups[i]) == "names")})
    facts = dict(plan.facts)
    aside: dict[str, list[int]] = {}
    for group, columns in under.items():
        fact = roles[group]
        if fact in ("options", "names"):
            continue
        for i in columns:
            key = (fact, variant(table, i))
            if fact and key not in facts and _is_total(table, i):
                facts[key] = [i]
            else:
                aside.setdefault(group, []).append(i)
    notes = []
    if aside:
        said = "; ".join(
            ", ".join(repr(name(table, i)) for i in columns[:SHOWN])
            + ("…" if len(columns) > SHOWN else "")
            + f" under {group!r}"
            for group, columns in aside.items()
        )
        notes.append(
            f"Not options, set aside: {said} (parts of the count their group holds, or counts "
            "of another kind)."
        )
    return replace(plan, ids=ids, options=options, facts=facts), notes, False


def names_under_groups(
    table: RawTable, plan: Plan, rows: Sequence[tuple[int, Sequence[str]]]
) -> tuple[int, str] | None:
    """The first row, when it holds the columns' names under a header of groups that pollcli
    did not take as such (a column named in neither row): the line, and what to pass. Each of
    its cells is refused anyway."""
    if plan.blocks is not None or not rows or table.groups or table.header_rows > 1:
        return None
    line, cells = rows[0]
    if line != table.header_line + 1 or not preamble.grouped([table.header, cells]):
        return None
    counts = [*plan.options, *(i for columns in plan.facts.values() for i in columns)]
    filled = [cells[i].strip() for i in counts if i < len(cells) and cells[i].strip()]
    shown = ", ".join(repr(c) for c in list(dict.fromkeys(filled))[:3])
    return line, (
        f"this row holds words, not counts, under the columns of counts ({shown} …): if it names "
        f"the columns under a row of groups (line {table.header_line}), pass --header-line "
        f"{table.header_line}-{line}"
    )
