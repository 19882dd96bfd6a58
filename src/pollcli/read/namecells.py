"""The streaming engine's names of a block validated a column at a time (`OptionCells.column_parts`).

A file of 10,000 races of their own candidates (`election,candidate,party,votes`, no region) draws
its million keys from some 200,000 names, each validated once whatever its party. Validated one
`contract.Row` at a time, a name cost ~5 µs: the cells split (`CellReader.split`), the row's
contract called, its model validator run, the row built field by field. Here a block's new names
are validated together: each name cell read as `split` reads a lone candidate cell (cleaned; a
count beside the candidates, `count_beside`, is left to `split`), what each name implies worked
out once (`contract.implied_by`, as `Row._implied` works it out: the `--kind` overrides first;
the ASCII names keyed in one pass, `namekeys.name_keys`, and a name with a word no kind's or
fact's key holds told a candidate's a distinct word at a time, `implied_by_keys`: 2-3 µs a name
less, tests/test_name_column_keys.py), and the columns (names, kinds, facts) validated by Pydantic with the row contract's own field
validators (`contract.name_cell`, `contract.kind_cell`: a blank name, an unknown kind refused as
the row refuses them). Each name's `Row` is then made from its validated cells (as
`contract.counted` makes one), a field a column at a time; it equals the row the contract makes
of the same cell (tests/test_name_columns.py holds the two to each other on random blocks).

Only a file whose option is its candidate cell alone (besides the election and party set apart)
and has no race column (whose cells `split` reads with the name) reads its names so (`plain`).
A name the column cannot take as it is (blank, a count beside the candidates, a name refused by
a validator) is left to the row's contract, one at a time as before, which records its problems
with their line and column as it always has (`OptionCells._validated`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from operator import itemgetter
from typing import TYPE_CHECKING, Annotated, Any, Final

from pydantic import BeforeValidator, TypeAdapter, ValidationError, ValidationInfo, model_validator
from pydantic.dataclasses import dataclass

from pollcli.beside_counts import keys_beside
from pollcli.columns import RACE_PREFIX, Kind
from pollcli.contract import Row, cells_context, implied_by, kind_cell, name_cell
from pollcli.kinds import ROW_FACTS, camel_key, implied_by_name, plainly_candidate
from pollcli.namekeys import name_keys
from pollcli.read.cellsplit import clean_cell
from pollcli.read.keysums import SETTERS

if TYPE_CHECKING:
    from pollcli.numbers import ShareMarks
    from pollcli.read.records import CellReader


@dataclass(frozen=True, slots=True)
class NameColumns:
    """A block's name cells (each cleaned as `split` cleans it) validated as columns: each name,
    the kind it has and the fact its row gives, as `contract.Row` validates a row of that name
    alone. The kinds and facts are worked out from the names (`_implied`), as `Row._implied`
    works them out for a row with no kind or fact cell."""

    candidate: list[Annotated[str, BeforeValidator(name_cell)]]
    kind: list[Annotated[Kind, BeforeValidator(kind_cell)]]
    fact: list[str | None]

    @model_validator(mode="before")
    @classmethod
    def _implied(cls, data: Any, info: ValidationInfo) -> Any:
        if not isinstance(data, dict) or "kind" in data:
            return data
        context = info.context or {}
        kinds, names = context.get("kinds"), context.get("names")
        candidates = data["candidate"]
        texts = [name for name in candidates if isinstance(name, str)]
        keys = name_keys(texts)  # (each name's key once: its `--kind` and what it implies)
        implied = implied_by_keys(texts, keys, names)
        if not kinds and len(texts) == len(candidates):  # (no `--kind`: what the names imply)
            facts = [fact if kind == "candidate" else None for kind, fact in implied]
            return {**data, "kind": list(map(itemgetter(0), implied)), "fact": facts}
        found = iter(zip(keys, implied, strict=True))
        kind_column: list[str] = []
        fact_column: list[str | None] = []
        for name in candidates:
            if not isinstance(name, str):
                kind_column.append("candidate")  # (the name's validator refuses it)
                fact_column.append(None)
                continue
            key, (kind, fact) = next(found)
            override = kinds.get(key) if kinds else None
            if override in ROW_FACTS:
                kind, fact = "candidate", override
            elif override is not None:
                kind, fact = override, None
            else:
                fact = fact if kind == "candidate" else None
            kind_column.append(kind)
            fact_column.append(fact)
        return {**data, "kind": kind_column, "fact": fact_column}


def implied_by_keys(
    texts: list[str], keys: list[str], names: dict[str, tuple[Kind, str | None]] | None
) -> list[tuple[Kind, str | None]]:
    """`contract.implied_by` of each name, given its key (`name_key`): a name with a word that
    no key implying a kind or a fact holds is a candidate's (`kinds.plainly_candidate`), each
    distinct word of the column looked at once; any other name (or a key with a footnote mark
    at an end, which `implied_by_name` reads aside) through `implied_by` itself."""
    if names is not None:
        return [implied_by(text, names) for text in texts]
    words = set(" ".join(keys).split(" "))
    plainly = {word for word in words if word and plainly_candidate(word)}
    candidate: tuple[Kind, None] = ("candidate", None)
    if "" not in keys:
        ends = "".join(map(itemgetter(0), keys)) + "".join(map(itemgetter(-1), keys))
        camel = any(map(camel_key, texts))  # (`TimesCounted`: read by its words)
        if ends.isascii() and ends.isalnum() and not words - plainly and not camel:
            return [candidate] * len(texts)  # (each name of words no kind's or fact's key holds)
    return [
        candidate
        if key
        and (key[0] + key[-1]).isascii()
        and (key[0] + key[-1]).isalnum()
        and not plainly.isdisjoint(key.split(" "))
        and camel_key(text) is None
        else implied_by_name(text)
        for text, key in zip(texts, keys, strict=True)
    ]


_COLUMNS: Final[TypeAdapter[NameColumns]] = TypeAdapter(NameColumns)
# A name's row's fields that no name sets: as `Row` has them by default.
_DEFAULTS: Final[tuple[tuple[str, Any], ...]] = (
    ("party", None),
    ("votes", None),
    ("share", None),
    ("share_decimals", None),
    ("region", None),
    ("unit", None),
    ("colour", None),
    ("all_races", False),
)


def plain(reader: CellReader, marks: ShareMarks, column: int) -> bool:
    """Whether the names of a file whose option's cells are `column` alone (the election's and
    party's set apart) read as columns: its candidate column, no race column (`split` reads a
    name with its race cells), no blank header and no share cell to look at."""
    names = reader.columns.columns
    races = [c for c in names.values() if c.startswith(("office", RACE_PREFIX))]  # (`split`'s)
    return (
        names.get(column) == "candidate"
        and not races
        and not reader.columns.blank
        and marks.index != column
    )


def name_rows(reader: CellReader, texts: list[str]) -> tuple[list[Row | None], list[bool]]:
    """Each name cell's row, as the row contract validates a row of that cell alone (its party
    and election apart): None where the column cannot tell it (left to the row's contract); and
    whether each cell held characters that print as nothing (`CellReader.invisible`)."""
    kinds = reader.kinds
    invisible = [False] * len(texts)
    if "".join(texts).isascii():  # (most files: each cell stripped, nothing to clean)
        raws = list(map(str.strip, texts))
    else:
        raws = []
        for index, text in enumerate(texts):
            if text.isascii():
                raw = text.strip()
            else:
                raw = clean_cell(text)
                invisible[index] = raw != text.strip()
            raws.append(raw)
    keys = name_keys(raws)
    # Blank, or a count beside the candidates (`count_beside`): `split` reads it.
    at = [  # each cleaned name's place in `texts`
        index
        for index, (raw, beside, key) in enumerate(zip(raws, keys_beside(keys), keys, strict=True))
        if raw and not (beside and key not in kinds)
    ]
    cleaned = [raws[index] for index in at]
    rows: list[Row | None] = [None] * len(texts)
    # (No cache of what the names imply beside `implied_by_name`'s: each is validated once.)
    context = cells_context(reader.decimal, reader.decimal_given, None, kinds, None)
    made = _rows(cleaned, context)
    for index, row in zip(at, made, strict=True):
        rows[index] = row
    return rows, invisible


def _rows(names: list[str], context: Mapping[str, Any]) -> list[Row | None]:
    """The names' rows, validated as columns; None for a name a validator refuses (the rest
    validated again without it)."""
    try:
        columns = _COLUMNS.validate_python({"candidate": names}, context=dict(context))
    except ValidationError as error:
        places = [item["loc"] for item in error.errors(include_url=False)]
        if any(len(place) < 2 for place in places):
            return [None] * len(names)  # (not a name's: each left to the row's contract)
        refused = {place[1] for place in places}
        kept = [i for i in range(len(names)) if i not in refused]
        again = iter(_rows([names[i] for i in kept], context))
        return [None if i in refused else next(again) for i in range(len(names))]
    rows: list[Row] = [object.__new__(Row) for _ in names]
    for field, column in (
        ("candidate", columns.candidate),
        ("kind", columns.kind),
        ("fact", columns.fact),
    ):
        deque(map(SETTERS[field], rows, column), 0)
    for field, value in _DEFAULTS:
        deque(map(SETTERS[field], rows, [value] * len(rows)), 0)
    return list(rows)
