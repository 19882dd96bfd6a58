"""Lines each wholly in one pair of quotes: `"01;001;13587;113"` (Hungary's valasztas.hu data as
a script wrote it out, a spreadsheet's export of a one-column sheet of pasted lines).

Such a file splits into one cell a line, the cell holding the whole row with its delimiters; its
header is one column, so nothing in it is read ("no candidate column"). When the first lines below
any `#` comments are all so quoted, the outer quotes of every such line are taken away (a doubled
quote inside turned back into one), the line numbers unchanged, with a note; the exact engine
reads the result (the streaming engine hands such a file over).
"""

from __future__ import annotations

import re
from typing import Final

from pollcli.read.dialect import DELIMITERS

# A line that is one quoted cell: quotes around anything with no lone quote inside (`""` is one).
_WHOLE: Final[re.Pattern[str]] = re.compile(r'^"((?:[^"\r\n]|"")*)"[ \t]*(?=\r\n|\r|\n|\Z)', re.M)
# How many lines at the top are looked at; each must be so quoted (blank lines and `#` ones aside).
_LOOK: Final[int] = 50


def wholly_quoted(text: str) -> bool:
    """Whether the top of `text` is lines each wholly in one pair of quotes with a delimiter
    inside: at least two such lines, and no other line (but blank and `#` lines) among them."""
    seen = 0
    for line in text[: 1 << 16].splitlines()[:_LOOK]:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _WHOLE.fullmatch(stripped)
        if match is None or not any(d in match.group(1) for d in DELIMITERS):
            return False
        seen += 1
    return seen >= 2


def unwrap(text: str) -> tuple[str, str | None]:
    """`text` with the outer quotes of each wholly quoted line taken away and a note saying so,
    when its top is such lines (`wholly_quoted`); else `text` as it is and None."""
    if not wholly_quoted(text):
        return text, None
    first = next(
        (s for s in map(str.strip, text[: 1 << 16].splitlines()) if s and not s.startswith("#")),
        "",
    )
    unwrapped = _WHOLE.sub(lambda m: m.group(1).replace('""', '"'), text)
    note = (
        f"Each line is wholly in one pair of quotes ({first[:40]!r}{' …' if len(first) > 40 else ''}"
        "): read without them, as the cells they hold."
    )
    return unwrapped, note
