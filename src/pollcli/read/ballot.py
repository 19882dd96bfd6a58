"""A party written inside the candidate cell, read out of it: "Scott Andrews ** Liberal/Libéral".

Elections Canada's tables give each candidate as the name, an incumbent's `**`, and the party in
English and French. With no party column, and when nearly every name (9 in 10) ends in such a
bilingual label, the party is the longest ending shared by other names of the file: the ending of
one word ("Liberal/Libéral") grows by a word as long as at least half as many names (and two at
least) share the longer one ("Green Party/Parti Vert", not "Crowder Green Party/Parti Vert").
The party is then written in its first language ("Liberal"), and the name without the marks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Final

from pollcli.read.header import ColumnMap
from pollcli.read.records import Record

# The share of names that must end in a bilingual label for the party to be read from the names.
BILINGUAL_SHARE: Final[float] = 0.9
MARKS: Final[frozenset[str]] = frozenset({"**", "*"})


def _suffixes(name: str) -> list[str]:
    """The name's endings of one word or more that hold a '/', shortest first, stopping at a mark
    and leaving at least one word for the name."""
    words = name.split()
    endings = []
    for start in range(len(words) - 1, 0, -1):
        if words[start] in MARKS:
            break
        ending = " ".join(words[start:])
        if "/" in ending:
            endings.append(ending)
    return endings


def _first_language(label: str) -> str:
    """'Liberal/Libéral' → 'Liberal'; 'Bloc Québécois/Bloc Québécois' → 'Bloc Québécois'."""
    half, rest = len(label) // 2, label
    if len(label) % 2 == 1 and label[half] == "/" and label[:half] == label[half + 1 :]:
        return label[:half]
    if rest.count("/") == 1:
        return rest.split("/")[0].strip()
    return rest


def parties_from_names(records: list[Record], columns: ColumnMap) -> list[Record]:
    """The records with the party read out of each name, where the file writes it there (see the
    module's docstring); the records as they are otherwise."""
    if "party" in columns.present or not records:
        return records
    names = {r.row.candidate for r in records if r.row.kind == "candidate"}
    bilingual = [n for n in names if _suffixes(n)]
    if len(names) < 4 or len(bilingual) < BILINGUAL_SHARE * len(names):
        return records
    counts: Counter[str] = Counter(e for n in names for e in _suffixes(n))
    split: dict[str, tuple[str, str]] = {}
    for name in bilingual:
        endings = _suffixes(name)
        best = endings[0]
        for longer in endings[1:]:
            if counts[longer] < max(2, counts[endings[0]] / 2):
                break
            best = longer
        person = " ".join(w for w in name[: -len(best)].split() if w not in MARKS)
        split[name] = (person, _first_language(best))
    if len({party for _, party in split.values()}) < 2:
        return records
    example = min(split)
    person, party = split[example]
    columns.notes.append(
        f"The party is read from the end of each candidate cell (e.g. {example!r} → {person!r}, "
        f"party {party!r}); '**' marks are left out of the names."
    )
    out = []
    for record in records:
        if record.row.candidate in split:
            person, party = split[record.row.candidate]
            record = replace(
                record, row=record.row.model_copy(update={"candidate": person, "party": party})
            )
        out.append(record)
    return out
