"""A table of options by row and places by column: transposed, no wide table of options.

Elections Canada's official report, table 8 (`Political affiliation/Appartenance politique,N.L.
Valid Votes/Votes valides T.-N.-L.,…`): one row per party, one column per province. pollcli reads
a wide table as one column per option; refused, it advised `--wide --id-columns COL`, and
followed with the party column as the rows' names, the provinces were the options ("Ont. Valid
Votes/Votes valides Ont. leads with 37.89 %", trial 16). A row-naming column that is the party or
candidate column says each row is an option: the advice says so (`read.layout.header_hint`), and
`--wide` with such a column naming the rows is refused (`read.layout`)."""

from __future__ import annotations

from collections.abc import Sequence

from pollcli.columns import canonical_column


def _names_options(label: str) -> bool:
    """Whether a header names options: the party column, or a candidate's by that word (`Name`,
    a candidate's alias, names places in a wide table: Germany's 1949 Kerg file)."""
    canonical = canonical_column(label)
    return canonical == "party" or (canonical == "candidate" and "candidat" in label.lower())


def transposed(header: Sequence[str], ids: Sequence[int], options: Sequence[int]) -> str | None:
    """Why a wide reading of these columns (`ids` naming the rows, `options` their counts) would
    take places for options: a row-naming column of parties or candidates; else None."""
    named = next((header[i] for i in ids if _names_options(header[i])), None)
    if named is None or len(options) < 2:
        return None
    shown = ", ".join(repr(header[i]) for i in options[:3])
    more = "…" if len(options) > 3 else ""
    return (
        f"the rows are named by {named!r}, whose cells name options: each row is an option and "
        f"each column of counts ({shown}{more}) a place or another count — a table transposed, "
        "not one column per option. Transpose it (one column per option, one row per place), "
        "or write it long: one row per option and place, with columns party (or candidate), "
        "region and votes"
    )
