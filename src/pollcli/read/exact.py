"""The exact engine: every row of a file parsed and checked in Python, one stage after another.

Used for files under the streaming threshold (a national table, a regional file of some thousand rows)
and for whatever the streaming engine hands over; it imports neither pandas nor pyarrow.
"""

from __future__ import annotations

from pollcli.election import Election
from pollcli.problems import Found, Problem, sort_problems
from pollcli.read.assemble import Assembly
from pollcli.read.decode import decode
from pollcli.read.dialect import RawTable, split
from pollcli.read.facts import FactSources, UnitFacts, front_matter
from pollcli.read.header import map_header
from pollcli.read.inputs import stem
from pollcli.read.options import ReadOptions
from pollcli.read.records import CellReader, decimal_mark


def read_exact(
    data: bytes, name: str, options: ReadOptions
) -> tuple[list[Election], list[Problem]]:
    """The elections in one file's bytes and every problem found in it (errors first)."""
    found = Found(name)
    table = RawTable(name=name, stem=stem(name))
    text = decode(data, found, options.encoding)
    if text is not None:
        split(text, table, found, options.delimiter)
    if not table.header:
        return [], sort_problems(found.items)

    def holds_values(index: int) -> bool:
        return any(index < len(c) and c[index].strip() for _, c in table.records)

    columns = map_header(table.header, table.header_line, found, holds_values)
    if columns is None:
        return [], sort_problems(found.items)
    decimal, decimal_given = decimal_mark(columns, table.records, options.decimal, found)
    reader = CellReader(columns, decimal, decimal_given, options.facts.get("election") or "", found)
    records = [
        record
        for line, cells in table.records
        if (record := reader.read(line, cells, table.delimiter)) is not None
    ]
    front = front_matter(table.front_matter, found)
    sources = FactSources(
        front=front,
        overrides=options.facts,
        columns=columns,
        decimal=decimal,
        decimal_given=decimal_given,
        default_label=front["election"][0] if "election" in front else table.stem,
    )
    assembly = Assembly(name, sources, found, UnitFacts())
    elections = assembly.elections(records, table.header_line)
    return elections, sort_problems(found.items)
