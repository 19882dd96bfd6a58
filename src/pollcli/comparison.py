"""Several elections → a `Comparison`: shares side by side, names matched, volatility, exit-poll accuracy.

Pure: takes loaded `Election`s and returns a `Comparison`; nothing here reads files or prints. Each election's own
figures (shares, leader, turnout, effective number) come from `summary.summarize_election`, so `compare` and
`summary` cannot disagree. The decisions below are repeated for users in docs/compare.md.

- Order: by date, undated elections last. The stages of one election sit together, the official count first
  (it is the reference the others are measured against), then the other stages in input order.
- One election at two stages: equal date (required), and equal country, office and round, compared
  case-insensitively; a fact missing from both files counts as equal, missing from one as different.
- Between two stages of one election, `changes` and `volatility` are null: that difference is a poll's error,
  reported in `poll_accuracy`. Polls (and preliminary counts) are measured against the first official count
  of their election.
- One race: elections of files of many races are compared only where each file gives one race
  (`race_identity`); a file that gives several is refused, never chained as one race's elections.
- Blank and invalid ballots are not options: they are left out of rows and volatility. Non-candidate options
  ("Against all") have rows of their own, after the candidates, and match each other by kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from pollcli import names, race_identity
from pollcli import volatility as volatility_of
from pollcli.compare_match import By, Matcher, MatchRow, units_of
from pollcli.compare_models import (
    ComparedElection,
    CompareRow,
    Comparison,
)
from pollcli.compare_order import (
    in_order,
    row_order,
    same_election,
    short_labels,
    unlike_pairs,
)
from pollcli.coverage import place_gaps
from pollcli.election import Election, Facts
from pollcli.errors import UsageError
from pollcli.findings import compare as findings
from pollcli.models import ResultRow
from pollcli.polls import Standings, points_diff, poll_accuracy
from pollcli.summary import summarize_election


def compare(
    elections: Sequence[Election],
    *,
    by: By = "candidate",
    aliases: Iterable[names.Alias] | Mapping[str, str] = (),
    fuzzy: bool = True,
) -> Comparison:
    """Compare two or more elections (or one election's exit polls with its count), as `compare` shows them.

    `aliases` are `names.Alias` pairs or a mapping of OLD → NEW spelling; `fuzzy=False` matches names only
    when they are equal after normalisation (or aliased). Raises `UsageError` for fewer than two
    elections, and where a file gives several races (`race_identity.several_races`).
    """
    items = list(elections)
    if len(items) < 2:
        raise UsageError(
            f"compare needs at least two elections, got {len(items)}; give two or more files, "
            "or one file with an 'election' column"
        )
    if by not in ("candidate", "party"):
        raise UsageError(f"--by must be 'candidate' or 'party', not {by!r}")
    several = race_identity.several_races(items)
    if several:
        raise UsageError(several)
    alias_keys = (
        {names.key(old): new for old, new in aliases.items()}
        if isinstance(aliases, Mapping)
        else names.alias_map(aliases)
    )
    ordered = in_order(items)
    summaries = [summarize_election(e) for e in ordered]
    party_list = all(s.party_list for s in summaries)
    facts = [e.facts for e in ordered]
    same = [same_election(facts[p], facts[p + 1]) for p in range(len(facts) - 1)]
    labels = short_labels(facts, [e.source_file for e in ordered])

    candidate_units = [units_of(s, "candidate") for s in summaries]
    people = Matcher(candidate_units, alias_keys, fuzzy, labels).run()
    told = volatility_of.party_pairs(summaries, same) if by == "candidate" else []
    parties = (
        Matcher([units_of(s, "party") for s in summaries], alias_keys, fuzzy, labels, True).run()
        if by == "party" or any(told)
        else None
    )
    matched = parties if by == "party" and parties is not None else people
    mixed = (
        volatility_of.unmatched_parties(
            [{q: (u.name, u.party) for q, u in r.units.items()} for r in people.rows],
            [
                {
                    names.party_key(r.units[q].name): i
                    for i, r in enumerate(parties.rows)
                    if q in r.units
                }
                for q in range(len(facts))
            ],
            same,
        )
        if parties is not None
        else [[] for _ in same]
    )
    told = [t and not m for t, m in zip(told, mixed, strict=False)]

    people_rows = [_row(r, facts, same) for r in people.rows]
    rows = list(people_rows) if by == "candidate" else [_row(r, facts, same) for r in matched.rows]
    rows.sort(key=row_order(facts))
    # With --by party, no figure where a candidate's two party names may be one party (`mixed`).
    withheld = findings.withheld(mixed, labels) if by == "party" else None
    volatility = volatility_of.pedersen(rows, same, withheld)
    by_party = (
        volatility_of.by_party([_row(r, facts, same) for r in parties.rows], same, told)
        if parties is not None and by == "candidate"
        else None
    )
    standings = Standings(summaries, people, people_rows)
    polls = poll_accuracy(facts, standings, rows, same_election)

    leaders = (
        [standings.leader(p) for p in range(len(facts))]
        if by == "candidate"
        else [_first(rows, p) for p in range(len(facts))]
    )
    notes = findings.part_notes(ordered)
    notes += findings.order_notes(facts, race_identity.yearly_files(ordered))
    notes += findings.pair_notes(
        facts,
        summaries,
        leaders,
        rows,
        same,
        (volatility, by_party),
        labels,
        by_party=by == "party",
        mixed=mixed,
    )
    notes += matched.notes
    notes += findings.poll_notes(polls)
    notes += findings.stage_notes(facts, same, bool(polls), same_election)

    return Comparison(
        elections=[
            ComparedElection(
                election=f.election,
                date=f.date,
                stage=f.stage,
                leader=s.leader.candidate if s.leader else None,
                turnout_pct=s.turnout.pct,
                term_years=f.term_years,
                effective_number=s.effective_number,
                label=label,
                tied=bool(s.tied_for_first),
                tie_step=s.tie_step,
            )
            for f, s, label in zip(facts, summaries, labels, strict=True)
        ],
        rows=rows,
        matches=matched.matches,
        unmatched=[row.candidate for row in rows if sum(s is not None for s in row.shares) == 1],
        volatility=volatility,
        volatility_withheld=withheld if withheld and any(withheld) else None,
        volatility_by_party=by_party,
        poll_accuracy=polls or None,
        by=by,
        party_list=party_list,
        notes=notes,
        warnings=[w for s in summaries for w in s.warnings]
        + (
            ["--by party: no option has a party in these files, so rows are the options' own names"]
            if by == "party"
            and not party_list
            and not any(r.party for s in summaries for r in s.results)
            else []
        )
        + _unused_aliases(alias_keys, [e for s in summaries for e in s.results])
        + unlike_pairs(facts)
        + place_gaps(ordered, labels)
        + race_identity.unlike_pairs(
            ordered,
            [
                any(r.kind == "candidate" and None not in r.shares[p : p + 2] for r in people_rows)
                for p in range(len(same))
            ],
        ),
    )


def _first(rows: Sequence[CompareRow], position: int) -> CompareRow | None:
    """With `--by party`, the party row with the most of the vote in election `position` (None on
    a tie): the party that led, whoever its candidate."""
    held = [r for r in rows if r.kind == "candidate" and r.shares[position] is not None]
    top = max((r.shares[position] or 0.0 for r in held), default=None)
    first = [r for r in held if r.shares[position] == top]
    return first[0] if len(first) == 1 else None


def _row(row: MatchRow, facts: list[Facts], same: list[bool]) -> CompareRow:
    present = sorted(row.units)
    official = [p for p in present if facts[p].stage == "official"]
    reference = row.units[(official or present)[-1]]
    shares = [row.units[p].share if p in row.units else None for p in range(len(facts))]
    changes: list[float | None] = []
    for p, one_election in enumerate(same):
        before, after = shares[p], shares[p + 1]
        changes.append(
            None if one_election or before is None or after is None else points_diff(after, before)
        )
    return CompareRow(
        candidate=reference.name,
        party=reference.party,
        names=row.spellings(),
        shares=shares,
        changes=changes,
        kind=reference.kind,
        colour=next(
            (u.colour for u in (reference, *reversed(row.units.values())) if u.colour), None
        ),
    )


def _unused_aliases(alias_keys: Mapping[str, str], results: Sequence[ResultRow]) -> list[str]:
    """An alias whose OLD name is in no input is most likely a typo: say so rather than ignore it."""
    present = {names.key(r.candidate) for r in results} | {
        names.key(r.party) for r in results if r.party
    }
    return [
        f"--alias: no option is named like {old!r} (given for {new!r}); check its spelling"
        for old, new in alias_keys.items()
        if old not in present
    ]
