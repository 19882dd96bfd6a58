"""A header line as wide as its rows, or not: a header split by another delimiter than the one
that splits its rows' cells more evenly, and a header a cell short of its rows.

PKW's 2018 mayoral results, as a repository holds them (`tura;teryt;nrk;kto;wiek;miasto;glosy;
glosyp;glosyn;wynik`), name ten columns over rows of eleven cells (the candidate's education is
unnamed), and each row holds one comma (`Bolesławiec,`): the lines were read as a title over a table
of two columns split by commas, and the advice was "the header seems to start on line 13"; followed,
"line 13 holds figures, not a header", then `--columns` of eleven names, "this first row of data has
10 cells". Read by `;`, each of 8,239 rows was an error of its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Final

from pollcli.read.preamble import cells, is_number

# The delimiters a header may be split by (`read.dialect.DELIMITERS`, which imports this module).
_DELIMITERS: Final[tuple[str, ...]] = (",", ";", "\t", "|")


def header_astray(lines: Sequence[str], found: str) -> bool:
    """Whether the first of `lines` (the first that is no front matter) is a header that another
    delimiter than `found` (the one `preamble.locate` found a header below title lines by)
    splits: three labels or more, no figure, over rows most of which are as wide, or a cell wider
    or narrower. A header a cell short, or a few rows a cell too long beside the others, left a
    table split by `found` (a comma in each row) one line longer, the header's, taken for a
    title."""
    text = [line for line in lines if line.strip()]
    for delimiter in _DELIMITERS:
        if delimiter == found or len(text) < 4:
            continue
        first = cells(text[0], delimiter, strict=True)
        filled = [c for c in first if c.strip()]
        if len(filled) < 3 or len(filled) < len(first) - 1 or any(map(is_number, filled)):
            continue
        widths = Counter(len(cells(line, delimiter, strict=True)) for line in text[1:])
        width, count = widths.most_common(1)[0]
        if abs(width - len(first)) <= 1 and count * 5 >= (len(text) - 1) * 4:
            return True
    return False


def short_header(
    header: Sequence[str], delimiter: str, line: int, records: Sequence[tuple[int, list[str]]]
) -> str | None:
    """The error of a header (on `line`) a cell short of the rows under it: four fifths of the
    first rows (four at least) have a filled cell more than it names. Which column it leaves
    unnamed, pollcli cannot tell; None where it is not so."""
    first = records[:50]
    width = len(header)
    if width < 2 or len(first) < 4:
        return None
    longer = sum(1 for _, c in first if len(c) == width + 1 and c[width].strip())
    if longer * 5 < len(first) * 4:
        return None
    return (
        f"the header has {width} cells (split by {delimiter!r}) but the rows below have "
        f"{width + 1} ({longer} of the first {len(first)}, from line {first[0][0]}): the header "
        "leaves a column unnamed (or each row has a cell too many); name every column in the "
        "header, in order, or remove the extra cell from each row"
    )
