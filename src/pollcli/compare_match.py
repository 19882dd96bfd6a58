"""`compare`'s matching of options across elections: each election's options (`units_of`: an
option, or with `--by party` a party's options added up) join the rows of the earlier elections
they match, as docs/compare.md "How names are matched" says: a name spelt letter for letter as an
open row's first, then aliases and normalised keys, then similar names (`names`), one to one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from pollcli import names
from pollcli.columns import NOT_VALID_KINDS, Kind
from pollcli.compare_models import Match, MatchMethod
from pollcli.models import ElectionSummary

By = Literal["candidate", "party"]


@dataclass(frozen=True)
class Unit:
    """One row of one election: an option, or with `--by party` a party's options added up."""

    name: str
    party: str | None
    kind: Kind
    share: float | None
    colour: str | None = None


def units_of(summary: ElectionSummary, by: By) -> list[Unit]:
    options = [
        Unit(r.candidate, r.party, r.kind, r.share, r.colour)
        for r in summary.results
        if r.kind not in NOT_VALID_KINDS
    ]
    if by == "candidate":
        return options
    parties: dict[str, list[Unit]] = {}
    order: list[Unit | str] = []
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
    return [item if isinstance(item, Unit) else _party(parties[item]) for item in order]


def _party(members: list[Unit]) -> Unit:
    shares = [m.share for m in members if m.share is not None]
    party = members[0].party or ""
    colour = next((m.colour for m in members if m.colour), None)
    return Unit(party, party, "candidate", sum(shares) if shares else None, colour)


@dataclass
class MatchRow:
    group: str
    units: dict[int, Unit] = field(default_factory=dict)

    def spellings(self) -> list[str]:
        return list(dict.fromkeys(u.name for u in self.units.values()))


@dataclass
class Matched:
    rows: list[MatchRow]
    matches: list[Match]
    notes: list[str]
    # (election position, option name) → row index, to find a summary's leader among the rows.
    where: dict[tuple[int, str], int]


@dataclass(frozen=True)
class Candidate:
    effective: float
    score: float
    unit: int
    row: int
    to: str


class Matcher:
    """Build rows election by election: exact and aliased keys first, then fuzzy, one to one.

    Indexed, so that matching n names costs about n, not n²: rows by (group, normalised key) for
    exact and aliased matches, and for fuzzy matching only the pairs `names.fuzzy_candidates`
    proves may score above 0 — the others score 0 and could never be matched.
    """

    def __init__(
        self,
        units: list[list[Unit]],
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
        self.rows: list[MatchRow] = []
        self.matches: list[Match] = []
        self.notes: list[str] = []
        self.where: dict[tuple[int, str], int] = {}
        # (group, key) → row → the name and alias flag of the row's latest unit with that key.
        self.by_key: dict[tuple[str, str], dict[int, tuple[str, bool]]] = {}
        self.by_group: dict[str, list[int]] = {}
        self.resolved: dict[str, tuple[str, bool]] = {}

    def run(self) -> Matched:
        for position, units in enumerate(self.units):
            # A name spelt letter for letter as an open row's first (`ץ` is `ץ`, not `אצ`).
            keyed = [i for i, unit in enumerate(units) if not self._match_exact(position, unit)]
            pending = [i for i in keyed if not self._match_by_key(position, units[i])]
            if self.fuzzy:
                pending = self._match_fuzzy(position, pending)
            for index in pending:
                self._add(len(self.rows), position, units[index], new=True)
        return Matched(self.rows, self.matches, self.notes, self.where)

    @staticmethod
    def _group(unit: Unit) -> str:
        return "candidate" if unit.kind == "candidate" else unit.kind

    def _resolve(self, name: str) -> tuple[str, bool]:
        if name not in self.resolved:
            own, alias = names.resolve(name, self.aliases)
            if self.parties:  # (an alias's NEW as its party: `REP` and `Republican` are one)
                own = names.party_key(self.aliases[names.key(name)] if alias else name)
            self.resolved[name] = (own, alias)
        return self.resolved[name]

    def _add(self, row: int, position: int, unit: Unit, new: bool = False) -> None:
        if new:
            self.rows.append(MatchRow(self._group(unit)))
            self.by_group.setdefault(self._group(unit), []).append(row)
        self.rows[row].units[position] = unit
        self.where[(position, unit.name)] = row
        own, alias = self._resolve(unit.name)
        self.by_key.setdefault((self.rows[row].group, own), {})[row] = (unit.name, alias)

    def _open_rows(self, position: int, group: str) -> list[int]:
        return [row for row in self.by_group.get(group, []) if position not in self.rows[row].units]

    def _record(self, unit: Unit, row: int, to: str, score: float, method: MatchMethod) -> None:
        if unit.name in self.rows[row].spellings():
            return
        self.matches.append(Match(name=unit.name, matched_to=to, score=score, method=method))

    def _match_exact(self, position: int, unit: Unit) -> bool:
        group = self._group(unit)
        if group not in ("candidate", "other"):
            return False
        # (A row holding the name holds its key: the first open one, as the key pass takes it.)
        for row in sorted(self.by_key.get((group, self._resolve(unit.name)[0]), {})):
            if position not in self.rows[row].units and unit.name in self.rows[row].spellings():
                self._add(row, position, unit)
                return True
        return False

    def _match_by_key(self, position: int, unit: Unit) -> bool:
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
            if not (own_alias or their_alias) and names.apart_in_script(unit.name, earlier):
                continue  # (one key, two names in their own script: `names.apart_in_script`)
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
        found: list[Candidate] = []
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
                found.append(Candidate(best[0] + bonus, best[0], index, row, best[1]))
        found.sort(key=lambda c: (-c.effective, c.unit, c.row))
        return self._assign(position, found, pending)

    def _assign(self, position: int, found: list[Candidate], pending: list[int]) -> list[int]:
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
