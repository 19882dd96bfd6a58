"""The note that says how a wide table was read: its shape (a column or a block of columns per
option), the columns that name its rows, its protocol lines read as facts, and the columns left
unused."""

from __future__ import annotations

from pollcli.read import votes_words
from pollcli.read.dialect import RawTable
from pollcli.read.layout import Plan, level0
from pollcli.read.reporting import is_reporting


def describe(table: RawTable, plan: Plan) -> str:
    """The note that says how a wide table was read."""
    header = table.header
    if plan.blocks is not None:
        b = plan.blocks
        shape = (
            f"a block of {b.size} columns per option from column {b.start + 1} "
            f"({', '.join(map(repr, b.labels))}), names from "
            f"{' + '.join(repr(b.labels[i]) for i in b.names)}"
        )
    else:
        names = list(dict.fromkeys(level0(table, i) for i in plan.options))
        more = "…" if len(names) > 4 else ""
        shape = f"one column per option ({len(names)}: {', '.join(map(repr, names[:4]))}{more})"
    first: dict[str, list[int]] = {}
    for (fact, _), columns in plan.facts.items():
        first.setdefault(fact, columns)
    facts = "; ".join(
        f"{fact} from " + " + ".join(repr(level0(table, i)) for i in columns)
        for fact, columns in first.items()
    )
    parts = [f"A wide table: {shape}, reshaped to one row per option"]
    if plan.ids:
        parts.append(f"rows named by {', '.join(repr(header[i]) for i in plan.ids)}")
    if facts:
        parts.append(f"protocol lines read as facts: {facts}")
    if plan.unworded:
        word = votes_words.word(header)
        shown = ", ".join(repr(header[i]) for i in plan.unworded[:6])
        more = f" and {len(plan.unworded) - 6} more" if len(plan.unworded) > 6 else ""
        parts.append(
            f"the options are the columns whose headers have {word}; the other columns of "
            f"figures ({shown}{more}) are no option's votes and are not used"
        )
    ignored = [
        repr(level0(table, i))
        for i in dict.fromkeys(plan.ignored)
        if i not in plan.unworded and not is_reporting(level0(table, i))  # (`read.reporting`)
    ]
    if ignored:
        more = f" and {len(ignored) - 6} more" if len(ignored) > 6 else ""
        parts.append(f"not used: {', '.join(dict.fromkeys(ignored[:6]))}{more}")
    return "; ".join(parts) + "."
