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
- Blank and invalid ballots are not options: they are left out of rows and volatility. Non-candidate options
  ("Against all") have rows of their own, after the candidates, and match each other by kind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pollcli import names
from pollcli.columns import NOT_VALID_KINDS, Kind
from pollcli.compare_models import (
    ComparedElection,
    CompareRow,
    Comparison,
    Match,
    MatchMethod,
    OptionError,
    PollAccuracy,
)
from pollcli.election import Election, Facts
from pollcli.errors import UsageError
from pollcli.models import ElectionSummary, ResultRow
from pollcli.summary import pct, summarize_election

By = Literal["candidate", "party"]

STAGE_ORDER = {"official": 0, "preliminary": 1, "exit_poll": 2}
STAGE_NAMES = {
    "official": "official count",
    "preliminary": "preliminary count",
    "exit_poll": "exit poll",
}


def compare(
    elections: Sequence[Election],
    *,
    by: By = "candidate",
    aliases: Iterable[names.Alias] | Mapping[str, str] = (),
    fuzzy: bool = True,
) -> Comparison:
    """Compare two or more elections (or one election's exit polls with its count), as `compare` shows them.

    `aliases` are `names.Alias` pairs or a mapping of OLD → NEW spelling; `fuzzy=False` matches names only
    when they are equal after normalisation (or aliased).
    """
    items = list(elections)
    if len(items) < 2:
        raise UsageError(
            f"compare needs at least two elections, got {len(items)}; give two or more files, "
            "or one file with an 'election' column"
        )
    if by not in ("candidate", "party"):
        raise UsageError(f"--by must be 'candidate' or 'party', not {by!r}")
    alias_keys = (
        {names.key(old): new for old, new in aliases.items()}
        if isinstance(aliases, Mapping)
        else names.alias_map(aliases)
    )
    ordered = _order(items)
    summaries = [summarize_election(e) for e in ordered]
    party_list = all(s.party_list for s in summaries)
    facts = [e.facts for e in ordered]
    same = [_same_election(facts[p], facts[p + 1]) for p in range(len(facts) - 1)]
    labels = _short_labels(facts)

    candidate_units = [_units(s, "candidate") for s in summaries]
    people = _Matcher(candidate_units, alias_keys, fuzzy, labels).run()
    if by == "party":
        matched = _Matcher([_units(s, "party") for s in summaries], alias_keys, fuzzy, labels).run()
    else:
        matched = people

    people_rows = [_row(r, facts, same) for r in people.rows]
    rows = list(people_rows) if by == "candidate" else [_row(r, facts, same) for r in matched.rows]
    rows.sort(key=_sort_key(facts))
    volatility = [
        None
        if same[p]
        else round(
            sum(abs((row.shares[p + 1] or 0.0) - (row.shares[p] or 0.0)) for row in rows) / 2, 10
        )
        for p in range(len(same))
    ]
    leaders = _Standings(summaries, people, people_rows)
    polls = _poll_accuracy(facts, leaders, rows)

    notes: list[str] = []
    undated = [f for f in facts if f.date is None]
    if undated and len(undated) == len(facts):
        notes.append("No election has a date: they are compared in the order given.")
    else:
        notes += [
            f"“{f.election}” has no date; it is placed after the dated elections." for f in undated
        ]
    notes += _pair_notes(facts, summaries, leaders, rows, same, volatility, labels)
    notes += matched.notes
    notes += _poll_notes(polls)
    notes += [
        f"“{f.election}” ({STAGE_NAMES[f.stage]}) has no official count of its election among the "
        "inputs, so its accuracy is not measured."
        for f in facts
        if f.stage != "official"
        and not any(g.stage == "official" and _same_election(g, f) for g in facts)
    ]
    both_official = [facts[p].stage == facts[p + 1].stage == "official" for p in range(len(same))]
    for p, same_election in enumerate(same):
        if same_election and both_official[p]:
            notes.append(
                f"“{facts[p].election}” and “{facts[p + 1].election}” are both the official count of "
                "one election (same date, country, office and round; the same file twice?): no change "
                "is computed between them."
            )
    if any(s and not o for s, o in zip(same, both_official, strict=True)):
        where = (
            "that difference is the poll's error, shown under poll accuracy"
            if polls
            else "with no official count among the inputs, no poll's error can be measured"
        )
        notes.append(
            "Between two stages of one election (a poll and the count), changes and volatility are "
            f"left empty: {where}."
        )

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
            )
            for f, s, label in zip(facts, summaries, labels, strict=True)
        ],
        rows=rows,
        matches=matched.matches,
        unmatched=[row.candidate for row in rows if sum(s is not None for s in row.shares) == 1],
        volatility=volatility,
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
        + _unlike_pairs(facts),
    )


def _unlike_pairs(facts: list[Facts]) -> list[str]:
    """Consecutive elections whose country or office are both known and differ: their changes and
    volatility compare unlike things, most likely files given by mistake."""
    found = []
    for a, b in itertools.pairwise(facts):
        for what, plural in (("country", "countries"), ("office", "offices")):
            x, y = getattr(a, what), getattr(b, what)
            if x is not None and y is not None and _fold(x) != _fold(y):
                found.append(
                    f"“{a.election}” and “{b.election}” are for different {plural} ({x} and {y}): "
                    "their changes and volatility compare unlike elections"
                )
    return found


def _fold(value: object) -> object:
    return value.strip().casefold() if isinstance(value, str) else value


def _same_election(a: Facts, b: Facts) -> bool:
    """One election at two stages: equal date, country, office and round (see the module docstring)."""
    if a.date is None or a.date != b.date:
        return False
    return all(_fold(getattr(a, k)) == _fold(getattr(b, k)) for k in ("country", "office", "round"))


def _order(items: list[Election]) -> list[Election]:
    group = [
        next(j for j in range(i + 1) if j == i or _same_election(items[j].facts, e.facts))
        for i, e in enumerate(items)
    ]

    def sort_key(i: int) -> tuple[bool, dt.date, int, int, int]:
        f = items[i].facts
        return (f.date is None, f.date or dt.date.min, group[i], STAGE_ORDER[f.stage], i)

    return [items[i] for i in sorted(range(len(items)), key=sort_key)]


def _short_labels(facts: list[Facts]) -> list[str]:
    """The year for an official count when no other election in the comparison shares it, else the label."""
    years: dict[int, set[int]] = {}
    for index, f in enumerate(facts):
        if f.date is not None:
            first = next(j for j in range(index + 1) if j == index or _same_election(facts[j], f))
            years.setdefault(f.date.year, set()).add(first)
    return [
        str(f.date.year)
        if f.date is not None and f.stage == "official" and len(years[f.date.year]) == 1
        else f.election
        for f in facts
    ]


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
        party_key = names.key(option.party) if option.kind == "candidate" and option.party else ""
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
    ) -> None:
        self.units = units
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
            self.resolved[name] = names.resolve(name, self.aliases)
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
            method: MatchMethod = "alias" if own_alias or their_alias else "normalised"
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
        for i, j in names.fuzzy_candidates(
            [units[index].name for index in seekers], [unit.name for _, unit in earlier]
        ):
            rows_to_try.setdefault(seekers[i], set()).add(earlier[j][0])
        found: list[_Candidate] = []
        for index in seekers:
            unit = units[index]
            for row in sorted(rows_to_try.get(index, ())):
                best: tuple[float, str] | None = None
                agree = False
                for their in self.rows[row].units.values():
                    score = names.name_score(unit.name, their.name)
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
            self.notes.append(
                f"Matched by similarity, not spelling: “{unit.name}” ({self.labels[position]}) is "
                f"taken to be “{candidate.to}”, score {candidate.score:.1f} — check it; --alias pins "
                "a match, --no-fuzzy turns similarity off."
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
    for p, same_election in enumerate(same):
        before, after = shares[p], shares[p + 1]
        changes.append(
            None
            if same_election or before is None or after is None
            else _points_diff(after, before)
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


def _sort_key(facts: list[Facts]) -> Callable[[CompareRow], tuple[object, ...]]:
    """Candidates first, then other options; each by share in the latest official count, then earlier."""
    priority = [p for p in reversed(range(len(facts))) if facts[p].stage == "official"]
    priority += [p for p in reversed(range(len(facts))) if facts[p].stage != "official"]
    kinds = {"candidate": 0, "against_all": 1, "other": 2}

    def key(row: CompareRow) -> tuple[object, ...]:
        shares = tuple(-s if (s := row.shares[p]) is not None else 1.0 for p in priority)
        first = (
            next(p for p, s in enumerate(row.shares) if s is not None)
            if any(s is not None for s in row.shares)
            else len(facts)
        )
        return (kinds.get(row.kind, 3), shares, first)

    return key


class _Standings:
    """Who led and who came second in each election, as rows of the candidate matching."""

    def __init__(
        self, summaries: list[ElectionSummary], people: _Matched, rows: list[CompareRow]
    ) -> None:
        self.summaries = summaries
        self.people = people
        self.rows = rows

    def _find(self, position: int, name: str | None) -> CompareRow | None:
        if name is None:
            return None
        index = self.people.where.get((position, name))
        return None if index is None else self.rows[index]

    def leader(self, position: int) -> CompareRow | None:
        standing = self.summaries[position].leader
        return self._find(position, standing.candidate if standing else None)

    def runner_up(self, position: int) -> CompareRow | None:
        standing = self.summaries[position].runner_up
        return self._find(position, standing.candidate if standing else None)


def _poll_accuracy(
    facts: list[Facts], standings: _Standings, rows: list[CompareRow]
) -> list[PollAccuracy]:
    found: list[PollAccuracy] = []
    for position, poll in enumerate(facts):
        if poll.stage == "official":
            continue
        official = next(
            (p for p, f in enumerate(facts) if f.stage == "official" and _same_election(f, poll)),
            None,
        )
        if official is None:
            continue
        errors = [
            OptionError(
                candidate=row.candidate,
                poll=row.shares[position],
                official=row.shares[official],
                error=_points_diff(row.shares[position], row.shares[official])  # type: ignore[arg-type]
                if row.shares[position] is not None and row.shares[official] is not None
                else None,
            )
            for row in rows
            if row.shares[position] is not None or row.shares[official] is not None
        ]
        measured = [e for e in errors if e.error is not None]
        largest = max(measured, key=lambda e: abs(e.error or 0.0), default=None)
        if largest is not None and measured:
            largest = next(e for e in measured if abs(e.error or 0.0) == abs(largest.error or 0.0))
        count_leader, count_second = standings.leader(official), standings.runner_up(official)
        poll_leader, poll_second = standings.leader(position), standings.runner_up(position)
        found.append(
            PollAccuracy(
                rank=0,
                election=poll.election,
                stage=poll.stage,
                official=facts[official].election,
                mean_abs_error=sum(abs(e.error or 0.0) for e in measured) / len(measured)
                if measured
                else None,
                largest_miss=largest,
                leader=poll_leader.candidate if poll_leader else None,
                runner_up=poll_second.candidate if poll_second else None,
                called_leader=None if count_leader is None else poll_leader is count_leader,
                called_runner_up=None if count_second is None else poll_second is count_second,
                errors=errors,
                missing=[e.candidate for e in errors if e.error is None],
                position=position,
                official_position=official,
            )
        )
    found.sort(key=lambda a: (a.mean_abs_error is None, a.mean_abs_error or 0.0))
    ranked: list[PollAccuracy] = []
    for index, item in enumerate(found):
        tied = index > 0 and found[index - 1].mean_abs_error == item.mean_abs_error
        ranked.append(dataclasses.replace(item, rank=ranked[-1].rank if tied else index + 1))
    return ranked


def _points(value: float) -> str:
    return f"{value:+.2f} points".replace("-", "−")


def _listing(rows: list[CompareRow], position: int) -> str:
    return ", ".join(f"{row.candidate} ({pct(row.shares[position])})" for row in rows)


def _pair_notes(
    facts: list[Facts],
    summaries: list[ElectionSummary],
    standings: _Standings,
    rows: list[CompareRow],
    same: list[bool],
    volatility: list[float | None],
    labels: list[str],
) -> list[str]:
    notes: list[str] = []
    for p, same_election in enumerate(same):
        if same_election:
            continue
        a, b = p, p + 1
        first, then = labels[a], labels[b]
        led_a, led_b = standings.leader(a), standings.leader(b)
        if led_a is not None and led_b is not None and led_a is led_b:
            before, after = led_a.shares[a], led_a.shares[b]
            change = (
                f": {pct(before)} → {pct(after)} ({_points(after - before)})"
                if before is not None and after is not None
                else ""
            )
            notes.append(f"{led_b.candidate} led in both {first} and {then}{change}.")
        elif led_a is not None and led_b is not None:
            was, now = summaries[a].leader, summaries[b].leader
            notes.append(
                f"The lead changed hands: {was.candidate if was else led_a.candidate} led in {first} "
                f"({pct(led_a.shares[a])}); {now.candidate if now else led_b.candidate} leads in "
                f"{then} ({pct(led_b.shares[b])})."
            )
        else:
            notes += [
                f"No single leader in {labels[q]}." for q in (a, b) if standings.leader(q) is None
            ]

        value = volatility[p]
        if value is not None:
            notes.append(
                f"Pedersen volatility from {first} to {then}: {value:.2f} points (half the sum of every "
                "option's change in share; an option on one ballot only counts as 0 on the other)."
            )
        gone = [r for r in rows if r.shares[a] is not None and r.shares[b] is None]
        new = [r for r in rows if r.shares[a] is None and r.shares[b] is not None]
        gone_people = [r for r in gone if r.kind == "candidate"]
        new_people = [r for r in new if r.kind == "candidate"]
        if gone_people:
            notes.append(f"In {first} but not in {then}: {_listing(gone_people, a)}.")
        if new_people:
            notes.append(f"New in {then}: {_listing(new_people, b)}.")
        notes += [
            f"“{r.candidate}” was an option in {first} ({pct(r.shares[a])}) but not in {then}."
            for r in gone
            if r.kind != "candidate"
        ]
        notes += [
            f"“{r.candidate}” is new on the ballot in {then}: {pct(r.shares[b])}."
            for r in new
            if r.kind != "candidate"
        ]

        turnout_a, turnout_b = summaries[a].turnout.pct, summaries[b].turnout.pct
        if turnout_a is not None and turnout_b is not None:
            notes.append(
                f"Turnout: {pct(turnout_a)} in {first} → {pct(turnout_b)} in {then} "
                f"({_points(turnout_b - turnout_a)})."
            )
        elif turnout_a is not None or turnout_b is not None:
            missing = first if turnout_a is None else then
            notes.append(f"Turnout is not known for {missing}, so it is not compared.")
        enc_a, enc_b = summaries[a].effective_number, summaries[b].effective_number
        if enc_a is not None and enc_b is not None:
            what = (
                "parties" if summaries[a].party_list and summaries[b].party_list else "candidates"
            )
            notes.append(
                f"Effective number of {what}: {enc_a:.2f} in {first} → {enc_b:.2f} in {then}."
            )
        notes += _term_note(facts[a], facts[b], first, then)
    return notes


def _term_note(a: Facts, b: Facts, first: str, then: str) -> list[str]:
    before = a.term_years if a.term_years is not None else b.previous_term_years
    after = b.term_years
    if before is None or after is None:
        return []
    if before == after:
        return [f"Term of office unchanged at {after} years ({first} → {then})."]
    change = "lengthened" if after > before else "shortened"
    return [f"Term of office {change} from {before} to {after} years ({first} → {then})."]


def _poll_notes(polls: list[PollAccuracy]) -> list[str]:
    notes: list[str] = []
    for official in dict.fromkeys(p.official for p in polls):
        ranked = [p for p in polls if p.official == official]
        kinds = {STAGE_NAMES[p.stage] for p in ranked}
        what = kinds.pop() + "s" if len(kinds) == 1 else "polls and counts"
        notes.append(
            f"{len(ranked)} {what} against the official count “{official}”, ranked by mean absolute "
            "error (poll − official, in points, over the options in both):"
            if len(ranked) > 1
            else f"The {what[:-1]} against the official count “{official}”:"
        )
        for poll in ranked:
            notes.append(f"{poll.rank}. {_poll_sentence(poll)}")
    return notes


def _poll_sentence(poll: PollAccuracy) -> str:
    parts = [f"“{poll.election}”"]
    if poll.mean_abs_error is None:
        parts.append("no option is in both the poll and the count")
        return ": ".join(parts) + "."
    detail = f"mean absolute error {poll.mean_abs_error:.2f} points"
    if poll.largest_miss is not None and poll.largest_miss.error is not None:
        detail += f"; largest miss {poll.largest_miss.candidate} {_points(poll.largest_miss.error)}"
    if poll.called_leader is True:
        call = f"called the leader ({poll.leader})"
    elif poll.called_leader is False:
        call = f"did not call the leader (it had {poll.leader or 'a tie'} ahead)"
    else:
        call = "the count has no single leader to call"
    if poll.called_runner_up is True:
        call += f" and the runner-up ({poll.runner_up})"
    elif poll.called_runner_up is False:
        call += f"; it had {poll.runner_up or 'nobody'} second, not the count's runner-up"
    sentence = f"{parts[0]}: {detail}; {call}"
    if poll.missing:
        sentence += f"; not in both: {', '.join(poll.missing)}"
    return sentence + "."


def _points_diff(after: float, before: float) -> float:
    """A difference of two shares without float noise: 81.31 − 70.96 is 10.35, not 10.350000000000009."""
    return round(after - before, 10)


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
