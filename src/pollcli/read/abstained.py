"""Ballots cast as the registered voters less the abstentions, in a wide table that gives those two
and no ballots cast: France's Ministry of the Interior gives its 2005 referendum by commune as
`Registered;Abstentions;Null;Choice A;Choice B`, and the turnout was "not computed (ballots cast not
given)", `Abstentions` "not used", though it is 1 − abstentions / registered (79.48 %). An
abstention is a registered voter who cast no ballot, so the difference is the ballots cast, row by
row; the column of it is added to the table, and the note that says how the table was read names
it (`Registered − Abstentions`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from pollcli.read import protocol
from pollcli.read.dialect import RawTable
from pollcli.read.layout import Plan

# The abstentions' headers, as `protocol.key` gives them, in the languages of those who publish
# them beside the registered voters (a count of voters who did not vote: `Nichtwähler`).
_WORDS: Final[frozenset[str]] = frozenset(
    {"abstentions", "abstention", "abstenciones", "abstención", "abstencion", "abstenções",
     "abstencoes", "abstenção", "abstencao", "astensioni", "astenuti", "nichtwähler",
     "nichtwaehler", "non voters", "nonvoters"}
)  # fmt: skip


def ballots_from_abstentions(table: RawTable, plan: Plan) -> tuple[RawTable, Plan]:
    """`table` and `plan` with a column of ballots cast (registered less abstentions, row by row)
    where the plan reads one column of registered voters and no ballots cast, and one column it
    leaves unused is the abstentions, both of whole numbers, the abstentions no more than the
    registered, in every row that fills either (a blank pair stays blank); else as given."""
    if any(fact == "ballots_cast" for fact, _ in plan.facts) or table.levels or table.groups:
        return table, plan
    registered = plan.facts.get(("registered", ""), [])
    abstained = [
        i
        for i in plan.ignored
        if "%" not in table.header[i] and protocol.key(table.header[i]) in _WORDS
    ]
    if len(registered) != 1 or len(abstained) != 1:
        return table, plan
    (at,), (off,) = registered, abstained
    width = len(table.header)
    records = []
    for line, cells in table.records:
        if len(cells) != width:
            return table, plan  # (a row of cells too few or many: its error, as it was)
        voters, away = cells[at].strip(), cells[off].strip()
        if not voters and not away:
            cast = ""
        elif voters.isdigit() and away.isdigit() and int(away) <= int(voters):
            cast = str(int(voters) - int(away))
        else:
            return table, plan  # (a cell of no whole number: no figure made of it)
        records.append((line, [*cells, cast]))
    label = f"{table.header[at]} − {table.header[off]}"
    table = replace(table, header=[*table.header, label], records=records)
    facts = {**plan.facts, ("ballots_cast", ""): [width]}
    return table, replace(plan, facts=facts, ignored=[i for i in plan.ignored if i != off])
