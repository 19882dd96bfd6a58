"""Numbers by first appearance (`numbered_each`), and the parts of a block of new races left out
of the look-up that numbers them (`Unnumbered`), for `keysums.KeySums`.

A file of races one after another (10,000 races of their own candidates: `election,candidate,
party,votes`) gives each block of keys the race the block before left unfinished, then races no
part names yet. Such a race's keys are parts of their own, numbered in order with no look-up
(`KeySums.numbered`): the million keys of 10,000 races were each looked up in a dictionary of up
to a million for nothing. A block's parts so numbered are put in the look-up only once a later key
names their race again (a race split by a block's end, or listed again further down the file).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

# How often a block's parts left out of the look-up are searched for races named again before all
# of them are put in (a file whose races come back in many later blocks: no search each time).
SEARCHES: Final[int] = 3

Span = tuple[int, int]  # a block's parts, from the first to past the last


def numbered_each(items: list[Any], numbers: dict[Any, int], every: list[Any]) -> list[int]:
    """Each item's number in `numbers`; an item met first is given the next one, its place in
    `every` (appended): rows, parts' keys, numbered in order of first appearance."""
    out = []
    for item in items:
        known = len(every)
        number = numbers.setdefault(item, known)
        if number == known:
            every.append(item)
        out.append(number)
    return out


class Unnumbered:
    """Parts numbered in order and left out of a look-up (`numbers`: packed key → part), by
    their race's election label (the packed key's lowest bits, `mask`); each race in one block."""

    def __init__(self, mask: int) -> None:
        self.mask = mask
        self.spans: dict[int, Span] = {}  # by election label
        self.labels: dict[Span, list[int]] = {}  # a block's election labels
        self.searched: dict[Span, int] = {}

    def __bool__(self) -> bool:
        return bool(self.spans)

    def __contains__(self, election: int) -> bool:
        return election in self.spans

    def add(self, span: Span, elections: Iterable[int]) -> None:
        """A block's parts (`span`), of these elections' labels, left out of the look-up."""
        labels = list(dict.fromkeys(elections))
        self.spans.update(dict.fromkeys(labels, span))
        self.labels[span] = labels

    def number(self, elections: Iterable[int], packed: list[int], numbers: dict[int, int]) -> None:
        """The parts of these elections left out, put in `numbers`: those of a block found by one
        search of its parts, or all of the block's once it is searched `SEARCHES` times."""
        spans, mask = self.spans, self.mask
        wanted: dict[Span, set[int]] = {}
        for election in elections:
            span = spans.get(election)
            if span is not None:
                wanted.setdefault(span, set()).add(election)
        for span, labels in wanted.items():
            searched = self.searched[span] = self.searched.get(span, 0) + 1
            if searched >= SEARCHES:
                labels = set(self.labels.pop(span))
                del self.searched[span]
            for label in labels:
                spans.pop(label, None)  # (put in already, where all of a block's are)
            for part in range(*span):
                key = packed[part]
                if key & mask in labels:
                    numbers[key] = part
