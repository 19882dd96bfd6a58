"""Two columns that make one: a name in two columns, and FiveThirtyEight's two party columns.

A name in two columns (`Forename`, `Surname`; `Nom`, `Prénom`) is joined, given name first
(`joined_names`).

FiveThirtyEight's `party` beside its `ballot_party` (`race_party`): the race's party and the
candidate's.

FiveThirtyEight's election results (`election_results_presidential.csv`: `…,stage,special,party,
politician_id,candidate_id,candidate_name,ballot_party,…`) have two party columns, both filled in
its presidential file, which was refused whole ("columns 'party' and 'ballot_party' both mean
'party'"). Its README says what each is: `party` "indicates the party of the race. For primaries,
this should read DEM or REP; for non-primaries, this should be blank"; `ballot_party` is the
"party under which the candidate appears on the ballot for this race". A candidate on several
ballot lines has a row for each (New York 2024: Harris DEM and WFP, Trump REP and CRV), which the
races stage adds up once, credited to the main party.

So, where the file also has a `race_id` (which alone tells its races apart, `read.racekeys`: a
primary's write-ins, `W`, and its uncommitted rows, blank, stay in it), `ballot_party` is the
party column and `party` is left unused, with a note; a primary's party still names its race, from
its candidates' ballot party. Without a race id the two remain a `duplicate-label` error.
"""

from __future__ import annotations

from pollcli.columns import RACE_PREFIX, normalize_header


def joined_names(header: list[str], columns: dict[int, str], notes: list[str]) -> dict[int, str]:
    """A name in two columns (`Forename`, `Surname`; `Nom`, `Prénom`) is joined, given name first;
    one of them alone is the candidate column; beside a candidate column they are unused."""
    parts = {c: i for i, c in columns.items() if c in ("given_name", "family_name")}
    present = set(columns.values())
    if "candidate" in present and parts:
        notes.append(
            f"{', '.join(repr(header[i]) for i in parts.values())} left unused: "
            f"{header[next(i for i, c in columns.items() if c == 'candidate')]!r} names the "
            "candidates."
        )
        return {i: c for i, c in columns.items() if c not in parts}
    if len(parts) == 1:
        return {i: "candidate" if c in parts else c for i, c in columns.items()}
    if len(parts) == 2:
        notes.append(
            f"Candidates' names are joined from {header[parts['given_name']]!r} and "
            f"{header[parts['family_name']]!r}, given name first."
        )
    if "alt_name" in present and "candidate" not in present and not parts:
        return {i: "candidate" if c == "alt_name" else c for i, c in columns.items()}
    return columns


def race_party(header: list[str], by_column: dict[str, list[int]], notes: list[str]) -> int | None:
    """The index of `ballot_party` where the `party` columns (`by_column["party"]`) are exactly
    FiveThirtyEight's `party` and `ballot_party` and a race id column is mapped (then `party` is
    set aside with a note, `by_column` updated); else None."""
    named = {normalize_header(header[i]): i for i in by_column.get("party", [])}
    if set(named) != {"party", "ballot_party"} or f"{RACE_PREFIX}race_id" not in by_column:
        return None
    kept, unused = header[named["ballot_party"]], header[named["party"]]
    notes.append(
        f"{unused!r} is left unused: in FiveThirtyEight's layout it is the party of the race (a "
        f"primary's; blank in a general election), which {kept!r} and the race id already give; "
        f"{kept!r} is each candidate's party, one row per ballot line (a candidate's lines are "
        "added up)."
    )
    by_column["party"] = [named["ballot_party"]]
    return named["ballot_party"]
