"""Whether compared elections are counted over the same places: a warning where their regions differ.

A share is of its own file's places. OpenElections' 2020 Pennsylvania county file holds 13 of the 67
counties; compared with 2016's file of all 67, Trump's "48.58 % → 59.39 % (+10.82 points)" was the
change of the places counted, not of the voters. Where both elections name their regions and the
names differ (case, runs of spaces and a code's leading zeros aside: `0738` is `738`), `compare`
warns, naming what each lacks.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from pollcli.election import Election
from pollcli.formats import counted, listed
from pollcli.names import plain_key

# Region names listed in a warning, at most.
SHOWN = 4


def place_gaps(ordered: Sequence[Election], labels: Sequence[str]) -> list[str]:
    """A warning for each pair of consecutive elections, both with places, whose places differ."""
    found = []
    for (a, b), (first, second) in zip(pairwise(ordered), pairwise(labels), strict=True):
        places = _places(a), _places(b)
        if not places[0] or not places[1]:
            continue
        # A code written to another width is the same place: CBS's municipality 738 in one
        # year's file is 0738 in another's.
        codes = {_unpadded(key) for key in places[0]}, {_unpadded(key) for key in places[1]}
        only = (
            [name for key, name in places[0].items() if _unpadded(key) not in codes[1]],
            [name for key, name in places[1].items() if _unpadded(key) not in codes[0]],
        )
        if not only[0] and not only[1]:
            continue
        lacks = [
            f"of {_quoted(second if side else first)}'s {counted(len(places[side]), 'region')}, "
            f"{len(missing)} {'is' if len(missing) == 1 else 'are'} not in "
            f"{_quoted(first if side else second)} ({listed(missing, SHOWN)})"
            for side, missing in ((0, only[0]), (1, only[1]))
            if missing
        ]
        found.append(
            f"{_quoted(first)} and {_quoted(second)} are counted over different places: "
            f"{'; '.join(lacks)}. Each share is of its own file's places, so a change may be the "
            "places', not the voters': check that each file is complete"
        )
    return found


def _places(election: Election) -> dict[str, str]:
    """The election's regions (or the one place of a file read as a whole) by their key, in file
    order; none where the file names no place."""
    names = [region.name for region in election.regions] or [election.place or ""]
    return {plain_key(name): name for name in names if name}


def _unpadded(key: str) -> str:
    """A place's key; a code of digits without its leading zeros (`0738` as `738`)."""
    return (key.lstrip("0") or "0") if key.isdigit() else key


def _quoted(label: str) -> str:
    return f"“{label}”"
