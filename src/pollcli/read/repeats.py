"""An option listed twice in one precinct of a big file, found without keeping the rows.

The streaming engine sums a precinct's rows into its region, so a repeated row (the same option twice
in one unit: an export that doubled a precinct) would be summed silently. Each row leaves 12 bytes
here instead: a 64-bit hash of its unit (election, region and unit cells, cleaned as the exact
engine cleans them) and of its option's name (as the exact engine compares names), and its party's
number. At the end, rows with equal hashes are a repeat unless their parties tell them apart (two
candidates of one name, or one candidate's party lines: the assembly tells which, for both
engines); a repeat hands the file to the exact engine, which names every line. Two different units whose hashes collide would at worst send the
file to the exact engine too, never merge anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from pollcli.read.assemble import option_key
from pollcli.read.records import clean_cell

# Mixing constant (the golden ratio in 64 bits): a name's number spread over the hash.
_MIX: Final[int] = 0x9E3779B97F4A7C15
_MASK: Final[int] = (1 << 64) - 1


def unit_hash(cells: Sequence[str]) -> int:
    """One unit's hash from its identifying cells as written, as `column_hashes` combines them."""
    value = 0
    for cell in cells:
        value = (value * _MIX + hash(clean_cell(cell))) & _MASK
    return value


def cleaned_any(columns: Sequence[tuple[Any, list[bytes]]]) -> bool:
    """Whether cleaning changed a cell of these columns (an invisible character in a unit's name:
    the findings say so, as for the cells the exact stages clean)."""
    return any(
        not cell.isascii() and clean_cell(text := cell.decode("utf-8", "replace")) != text.strip()
        for _, dictionary in columns
        for cell in dictionary
    )


def column_hashes(np: Any, columns: Sequence[tuple[Any, list[bytes]]]) -> Any:
    """Per row, the hash of its unit: each column given as (indices into its dictionary, the
    dictionary's values as bytes), cleaned and combined as `unit_hash` does (numpy, wrapping in
    64 bits)."""
    value = None
    for indices, dictionary in columns:
        hashes = np.fromiter(
            (hash(clean_cell(cell.decode("utf-8", "replace"))) & _MASK for cell in dictionary),
            dtype=np.uint64,
            count=len(dictionary),
        )[indices]
        value = hashes if value is None else value * np.uint64(_MIX) + hashes
    return value


class Repeats:
    """The rows of a file, by unit and option, to find an option repeated within a unit."""

    def __init__(self) -> None:
        self._codes: list[Any] = []
        self._parties: list[Any] = []
        self._names: dict[str, int] = {}
        self._party_ids: dict[str | None, int] = {None: 0}

    def _name_id(self, name: str) -> int:
        return self._names.setdefault(option_key(name.strip()), len(self._names) + 1)

    def _party_id(self, party: str | None) -> int:
        # Parties compared as the assembly compares them: "DEM" twice is a repeat, "dem" too.
        key = option_key(party) if party else None
        return self._party_ids.setdefault(key or None, len(self._party_ids))

    def add_block(
        self,
        np: Any,
        units: Any,
        names: tuple[Any, list[bytes]],
        parties: tuple[Any, list[bytes]] | None,
    ) -> None:
        """A block's rows: each row's unit hash, and its name and party as dictionary indices."""
        indices, values = names
        ids = np.fromiter(
            (self._name_id(v.decode("utf-8")) for v in values), dtype=np.uint64, count=len(values)
        )
        self._codes.append(units + ids[indices] * np.uint64(_MIX))
        if parties is None:
            self._parties.append(np.zeros(len(indices), dtype=np.uint32))
        else:
            indices, values = parties
            ids = np.fromiter(
                (self._party_id(v.decode("utf-8")) for v in values),
                dtype=np.uint32,
                count=len(values),
            )
            self._parties.append(ids[indices])

    def add_row(self, np: Any, unit: Sequence[str], name: str, party: str | None) -> None:
        """One row read by the exact stages (a block pyarrow could not be trusted with)."""
        number = self._name_id(name)
        code = (unit_hash(unit) + number * _MIX) & _MASK
        self._codes.append(np.array([code], dtype=np.uint64))
        self._parties.append(np.array([self._party_id(party)], dtype=np.uint32))

    def check(self, np: Any) -> bool:
        """Whether some unit lists an option twice with no party to tell the rows apart."""
        if not self._codes:
            return False
        ordered = np.concatenate(self._codes)
        ordered.sort()  # in place: the rows' order is only needed again in the rare case below
        twice = ordered[1:][ordered[1:] == ordered[:-1]]
        if not twice.size:
            return False  # the usual case, settled by one sort
        # Only the rows whose unit and name come back are looked at with their parties.
        codes = np.concatenate(self._codes)
        rows = np.isin(codes, twice)
        codes, parties = codes[rows], np.concatenate(self._parties)[rows]
        order = np.lexsort((parties, codes))
        codes, parties = codes[order], parties[order]
        same = codes[1:] == codes[:-1]
        # Rows of one unit and name: a repeat when a party repeats or one of them has none.
        return bool(
            ((parties[1:] == parties[:-1]) & same).any()
            or ((parties == 0)[1:] & same).any()
            or ((parties == 0)[:-1] & same).any()
        )
