"""The streaming engine's bounds: on options — an election (a race) of more than `MAX_OPTIONS`
options is no ballot, and reading stops at the first option past it — and on what it keeps of the
options it has validated (`Kept`).

Options are counted race by race as the exact engine's assembly counts them (`assemble.option_key`),
a race told by its election and race cells (`roles.race_cells`) and, in a file of party primaries,
the party as the row's race key (`racekeys.PartyRule`), so that the assembly refuses the
election at the same line (`too-many-options`) whichever engine read the file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final, TypeVar

from pollcli.read.assemble import MAX_OPTIONS, option_key
from pollcli.read.roles import PartyCells, race_cells, race_labels

if TYPE_CHECKING:
    from pollcli.read.blocks import BlockSums
    from pollcli.read.header import ColumnMap
    from pollcli.read.racekeys import PartyRule

# Validated option cells kept for the keys to come: a precinct file names its few options again in
# every block; a file of a million names would keep a row per name for nothing.
OPTIONS_KEPT: Final[int] = 1 << 16

K = TypeVar("K")
V = TypeVar("V")


class Kept(dict[K, V]):
    """What was worked out once for a key (its cells validated), emptied once a block when it
    holds `most` (`bound`): a key met again is worked out again, to the same result. A plain dict
    otherwise: a `__setitem__` of its own cost ~1 µs a key, in a file of a million keys."""

    def __init__(self, most: int) -> None:
        super().__init__()
        self.most = most

    def bound(self) -> None:
        if len(self) >= self.most:
            self.clear()


class OptionCount:
    """The options met so far in each race, to stop at MAX_OPTIONS."""

    def __init__(
        self,
        columns: ColumnMap,
        key_indexes: Sequence[int],
        default_election: str,
        party: PartyRule | None = None,
    ):
        self.names: dict[tuple[str, ...], set[str]] = {}
        self.race_columns = race_cells(columns)
        # A candidate cell as written → its option key (a few per precinct file, a million in a
        # file of 10,000 races of their own candidates: bounded, forgotten beyond).
        self.raw_names: Kept[bytes, str] = Kept(OPTIONS_KEPT)
        # A validated name → its option key: `option_key`'s cache is smaller than the names of a
        # file of many races, so it would compute each key anew.
        self.name_keys: Kept[str, str] = Kept(OPTIONS_KEPT)
        self.key_indexes = list(key_indexes)
        self.candidate_index = columns.index("candidate")
        self.election_index = columns.index("election")
        self.default_election = default_election
        # In a file of party primaries, each primary's options are counted apart (as its race).
        self.party_index = columns.index("party") if party is not None else None
        self.party = party if self.party_index is not None else None
        self.stage_index = columns.index("stage")
        self.office_index = columns.index("office")

    def in_order(self, summed: BlockSums) -> tuple[Iterable[int], bool]:
        """The block's groups to add, and whether the file goes past the bound: all of them when
        it does not; else those up to the first option past it in line order."""
        self.raw_names.bound()
        self.name_keys.bound()
        names = summed.keys[self.key_indexes.index(self._index(self.candidate_index))]
        elections = (
            [
                raw.decode("utf-8", "replace").strip() or self.default_election
                for raw in summed.keys[self.key_indexes.index(self.election_index)]
            ]
            if self.election_index is not None
            else [self.default_election] * len(names)
        )
        cells = [summed.keys[self.key_indexes.index(i)] for i, _ in self.race_columns]
        labels = race_labels(elections, cells, self._parties(summed))
        if all(
            len(self.names.get(label, ())) + count <= MAX_OPTIONS
            for label, count in Counter(labels).items()
        ):
            # No race can pass the bound, even were each of its groups a new option: a file of
            # many races of their own candidates is spared an option key per group.
            return range(len(names)), False
        keys = [self._option_key(raw) for raw in names]
        seen = {label: set(self.names.get(label, ())) for label in set(labels)}
        for label, key in zip(labels, keys, strict=True):
            seen[label].add(key)
        if all(len(known) <= MAX_OPTIONS for known in seen.values()):
            return range(len(names)), False
        order = sorted(range(len(names)), key=summed.firsts.__getitem__)
        seen = {label: set(self.names.get(label, ())) for label in set(labels)}
        for position, index in enumerate(order):
            seen[labels[index]].add(keys[index])
            if len(seen[labels[index]]) > MAX_OPTIONS:
                return order[: position + 1], True
        return order, True

    def add(
        self, election: str, facts: dict[str, str], candidate: str, party: str | None = None
    ) -> bool:
        """Count a new record's option in its race; whether the race is now past the bound."""
        label = (election, *(facts.get(c, "") for _, c in self.race_columns))
        if self.party is not None:
            stage, office = facts.get("stage", ""), facts.get("office", "")
            label = (*label, self.party.label(party or "", stage, office))
        names = self.names.setdefault(label, set())
        key = self.name_keys.get(candidate)
        if key is None:
            key = self.name_keys[candidate] = option_key(candidate)
        names.add(key)
        return len(names) > MAX_OPTIONS

    def _parties(self, summed: BlockSums) -> PartyCells | None:
        """The party rule and each group's party, stage and office cells (`roles.race_labels`), or None
        in a file where the party is no race key."""
        if self.party is None or self.party_index is None:
            return None
        at = self.key_indexes.index
        stages = None if self.stage_index is None else summed.keys[at(self.stage_index)]
        offices = None if self.office_index is None else summed.keys[at(self.office_index)]
        return self.party, summed.keys[at(self.party_index)], stages, offices

    def release(self) -> None:
        self.raw_names.clear()
        self.name_keys.clear()

    @staticmethod
    def _index(index: int | None) -> int:
        if index is None:
            raise ValueError("a file without a candidate column is not streamed")
        return index

    def _option_key(self, raw: bytes) -> str:
        key = self.raw_names.get(raw)
        if key is None:
            key = self.raw_names[raw] = option_key(raw.decode("utf-8", "replace"))
        return key
