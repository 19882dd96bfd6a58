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

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pollcli import names, race_identity
from pollcli import volatility as volatility_of
from pollcli.columns import NOT_VALID_KINDS, Kind
from pollcli.compare_models import (
    ComparedElection,
    CompareRow,
    Comparison,
    Match,
    MatchMethod,
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
from pollcli.models import ElectionSummary, ResultRow
from pollcli.polls import Standings, points_diff, poll_accuracy
from pollcli.summary import summarize_election

By = Literal["candidate", "party"]


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

    candidate_units = [_units(s, "candidate") for s in summaries]
    people = _Matcher(candidate_units, alias_keys, fuzzy, labels).run()
    told = volatility_of.party_pairs(summaries, same) if by == "candidate" else []
    parties = (
        _Matcher([_units(s, "party") for s in summaries], alias_keys, fuzzy, labels, True).run()
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


@dataclass(frozen=True)
class _Unit:
    """One row of one election: an option, or with `--by party` a party's options added up."""

    name: str
    party: str | None
    kind: Kind
    share: float | None
    colour: str | None = None


def _units(summary: ElectionSummary, by: By) -> list[_Unit]:
    options = [
        _Unit(r.candidate, r.party, r.kind, r.share, r.colour)
        for r in summary.results
        if r.kind not in NOT_VALID_KINDS
    ]
    if by == "candidate":
        return options
    parties: dict[str, list[_Unit]] = {}
    order: list[_Unit | str] = []
    for option in options:
        if summary.party_list and option.kind == "candidate" and not option.party:
            option = dataclasses.replace(option, party=option.name)  # a list is its own party
        party_key = (
            names.party_key(option.party) if option.kind == "candidate" and option.party else ""
        )
        if not party_key:  # a non-candidate option, or a candidate without a party, stays alone
            order.append(option)
            continue
        if party_key not in parties:
            parties[party_key] = []
            order.append(party_key)
        parties[party_key].append(option)
    return [item if isinstance(item, _Unit) else _party(parties[item]) for item in order]


def _party(members: list[_Unit]) -> _Unit:
    shares = [m.share for m in members if m.share is not None]
    party = members[0].party or ""
    colour = next((m.colour for m in members if m.colour), None)
    return _Unit(party, party, "candidate", sum(shares) if shares else None, colour)


@dataclass
class _Row:
    group: str
    units: dict[int, _Unit] = field(default_factory=dict)

    def spellings(self) -> list[str]:
        return list(dict.fromkeys(u.name for u in self.units.values()))


@dataclass
class _Matched:
    rows: list[_Row]
    matches: list[Match]
    notes: list[str]
    # (election position, option name) → row index, to find a summary's leader among the rows.
    where: dict[tuple[int, str], int]


@dataclass(frozen=True)
class _Candidate:
    effective: float
    score: float
    unit: int
    row: int
    to: str


class _Matcher:
    """Build rows election by election: exact and aliased keys first, then fuzzy, one to one.

    Indexed, so that matching n names costs about n, not n²: rows by (group, normalised key) for
    exact and aliased matches, and for fuzzy matching only the pairs `names.fuzzy_candidates`
    proves may score above 0 — the others score 0 and could never be matched.
    """

    def __init__(
        self,
        units: list[list[_Unit]],
        aliases: Mapping[str, str],
        fuzzy: bool,
        labels: list[str],
        parties: bool = False,
    ) -> None:
        self.units = units
        self.parties = parties  # the units are parties, matched by `names.party_key`
        self.aliases = aliases
        self.fuzzy = fuzzy
        self.labels = labels
        self.rows: list[_Row] = []
        self.matches: list[Match] = []
        self.notes: list[str] = []
        self.where: dict[tuple[int, str], int] = {}
        # (group, key) → row → the name and alias flag of the row's latest unit with that key.
        self.by_key: dict[tuple[str, str], dict[int, tuple[str, bool]]] = {}
        self.by_group: dict[str, list[int]] = {}
        self.resolved: dict[str, tuple[str, bool]] = {}

    def run(self) -> _Matched:
        for position, units in enumerate(self.units):
            pending = []
            for index, unit in enumerate(units):
                if not self._match_by_key(position, unit):
                    pending.append(index)
            if self.fuzzy:
                pending = self._match_fuzzy(position, pending)
            for index in pending:
                self._add(len(self.rows), position, units[index], new=True)
        return _Matched(self.rows, self.matches, self.notes, self.where)

    @staticmethod
    def _group(unit: _Unit) -> str:
        return "candidate" if unit.kind == "candidate" else unit.kind

    def _resolve(self, name: str) -> tuple[str, bool]:
        if name not in self.resolved:
            own, alias = names.resolve(name, self.aliases)
            if self.parties:  # (an alias's NEW as its party: `REP` and `Republican` are one)
                own = names.party_key(self.aliases[names.key(name)] if alias else name)
            self.resolved[name] = (own, alias)
        return self.resolved[name]

    def _add(self, row: int, position: int, unit: _Unit, new: bool = False) -> None:
        if new:
            self.rows.append(_Row(self._group(unit)))
            self.by_group.setdefault(self._group(unit), []).append(row)
        self.rows[row].units[position] = unit
        self.where[(position, unit.name)] = row
        own, alias = self._resolve(unit.name)
        self.by_key.setdefault((self.rows[row].group, own), {})[row] = (unit.name, alias)

    def _open_rows(self, position: int, group: str) -> list[int]:
        return [row for row in self.by_group.get(group, []) if position not in self.rows[row].units]

    def _record(self, unit: _Unit, row: int, to: str, score: float, method: MatchMethod) -> None:
        if unit.name in self.rows[row].spellings():
            return
        self.matches.append(Match(name=unit.name, matched_to=to, score=score, method=method))

    def _match_by_key(self, position: int, unit: _Unit) -> bool:
        group = self._group(unit)
        if group not in ("candidate", "other"):
            # "Against all", "Против всех" and "NOTA" are one option whatever the spelling.
            open_rows = self._open_rows(position, group)
            if not open_rows:
                return False
            row = open_rows[0]
            self._record(unit, row, self.rows[row].spellings()[-1], 100.0, "kind")
            self._add(row, position, unit)
            return True
        own, own_alias = self._resolve(unit.name)
        # The first open row holding this key, matched to its latest spelling of it.
        for row, (earlier, their_alias) in sorted(self.by_key.get((group, own), {}).items()):
            if position in self.rows[row].units:
                continue
            method: MatchMethod = (
                "alias"
                if own_alias or their_alias
                else "normalised"
                if names.key(unit.name) == names.key(earlier)
                else "party"
            )
            self._record(unit, row, earlier, 100.0, method)
            self._add(row, position, unit)
            return True
        return False

    def _match_fuzzy(self, position: int, pending: list[int]) -> list[int]:
        units = self.units[position]
        open_rows = self._open_rows(position, "candidate")
        seekers = [index for index in pending if units[index].kind == "candidate"]
        earlier = [(row, unit) for row in open_rows for unit in self.rows[row].units.values()]
        rows_to_try: dict[int, set[int]] = {}
        # The names as `person_score` scores them: a ticket by its head.
        for i, j in names.fuzzy_candidates(
            [names.person(units[index].name) for index in seekers],
            [names.person(unit.name) for _, unit in earlier],
        ):
            rows_to_try.setdefault(seekers[i], set()).add(earlier[j][0])
        found: list[_Candidate] = []
        for index in seekers:
            unit = units[index]
            for row in sorted(rows_to_try.get(index, ())):
                best: tuple[float, str] | None = None
                agree = False
                for their in self.rows[row].units.values():
                    score = names.person_score(unit.name, their.name)
                    if best is None or score > best[0]:
                        best = (score, their.name)
                    agree = agree or names.parties_agree(unit.party, their.party)
                if best is None or best[0] < names.required_score(agree):
                    continue
                bonus = names.PARTY_BONUS if agree else 0.0
                found.append(_Candidate(best[0] + bonus, best[0], index, row, best[1]))
        found.sort(key=lambda c: (-c.effective, c.unit, c.row))
        return self._assign(position, found, pending)

    def _assign(self, position: int, found: list[_Candidate], pending: list[int]) -> list[int]:
        """Best scores first, one to one; a name within AMBIGUITY_MARGIN of two partners is left
        unmatched and reported."""
        units = self.units[position]
        by_unit: dict[int, list[int]] = {}
        by_row: dict[int, list[int]] = {}
        for order, candidate in enumerate(found):
            by_unit.setdefault(candidate.unit, []).append(order)
            by_row.setdefault(candidate.row, []).append(order)
        done_units: set[int] = set()
        done_rows: set[int] = set()
        assigned: set[int] = set()
        for order, candidate in enumerate(found):
            if candidate.unit in done_units or candidate.row in done_rows:
                continue
            rivals = [
                c
                for c in (
                    found[o]
                    for o in sorted({*by_unit[candidate.unit], *by_row[candidate.row]} - {order})
                )
                if c.unit not in done_units
                and c.row not in done_rows
                and c.effective >= candidate.effective - names.AMBIGUITY_MARGIN
            ]
            if rivals:
                contest = [candidate, *rivals]
                done_units.update(c.unit for c in contest)
                done_rows.update(c.row for c in contest)
                pairs = ", ".join(
                    f"“{units[c.unit].name}” ~ “{c.to}” ({c.score:.1f})" for c in contest
                )
                self.notes.append(
                    f"Ambiguous names in {self.labels[position]}: {pairs}; none of them is matched — "
                    "use --alias OLD=NEW to say which is which."
                )
                continue
            unit = units[candidate.unit]
            self._record(unit, candidate.row, candidate.to, candidate.score, "fuzzy")
            headed = (
                names.ticket_head(unit.name) is not None
                or names.ticket_head(candidate.to) is not None
            )
            self.notes.append(
                f"Matched by similarity, not spelling: “{unit.name}” ({self.labels[position]}) is "
                f"taken to be “{candidate.to}”{', by the ticket’s first name' if headed else ''}, "
                f"score {candidate.score:.1f} — check it; --alias pins a match, --no-fuzzy turns "
                "similarity off."
            )
            self._add(candidate.row, position, unit)
            done_units.add(candidate.unit)
            done_rows.add(candidate.row)
            assigned.add(candidate.unit)
        return [i for i in pending if i not in assigned]


def _row(row: _Row, facts: list[Facts], same: list[bool]) -> CompareRow:
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
