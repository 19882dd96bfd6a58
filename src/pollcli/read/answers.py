"""A ballot measure's answers read as its options, where one of them is also a kind of ballot.

A row's kind comes from its name alone (`kinds.kind_from_name`), and "Rejected" names rejected
(invalid) ballots in a constituency's table. Washington's measures answer "Approved" / "Rejected":
read row by row, the votes against the measure left the valid vote and the measure passed with
100 % (Referendum Measure 90, 2020, which was rejected). So, race by race: where both answers of a
pair (`kinds.ANSWER_PAIRS`) are listed, both are options (`candidate`), unless `--kind` or a `kind`
column says otherwise of the row.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from pollcli.kinds import measure_answers, name_key
from pollcli.read.records import Record


def as_options(
    records: list[Record],
    races: Sequence[object | None],
    kind_column: bool,
    kinds: Mapping[str, str],
) -> list[Record]:
    """`records` with each race's answers made options (`races`: each record's race, parallel to
    `records`, None for a count of its unit; `kind_column`: whether a column gives each row's
    kind, which then wins; `kinds`: the --kind overrides by `name_key`, which win too)."""
    if kind_column:
        return records
    # Only a race with a row of another kind than `candidate` has an answer to make an option:
    # a file of 10,000 races of candidates alone looks up none of its million names.
    wanted = {
        (record.election, id(race))
        for record, race in zip(records, races, strict=True)
        if race is not None and record.row.kind != "candidate"
    }
    if not wanted:
        return records
    names: dict[tuple[str, int], set[str]] = {}
    for record, race in zip(records, races, strict=True):
        if race is not None and record.row.fact is None:
            group = (record.election, id(race))
            if group in wanted:
                names.setdefault(group, set()).add(record.row.candidate)
    answers = {group: measure_answers(found) for group, found in names.items()}
    if not any(answers.values()):
        return records
    out = []
    for record, race in zip(records, races, strict=True):
        key = name_key(record.row.candidate)
        if (
            race is not None
            and record.row.kind != "candidate"
            and key not in kinds
            and key in answers.get((record.election, id(race)), ())
        ):
            row = record.row.model_copy(update={"kind": "candidate"})
            record = dataclasses.replace(record, row=row)
        out.append(record)
    return out
