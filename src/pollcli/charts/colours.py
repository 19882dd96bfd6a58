"""Colours that carry meaning: one colour per party (or option) for every chart of a run.

Where a colour comes from, first found first:

1. `--colours FILE`: `NAME=#rrggbb` lines, NAME a party or an option, matched like `compare` matches names
   (`pollcli.names.key`: case, accents, script, punctuation and word order do not matter);
2. the results file's `colour` column, for that option's party (or the option, when it has no party);
3. the default palette, in the order parties first appear: Okabe and Ito's colour-blind-safe colours
   (black left out: it reads as text; yellow kept for last, as it is faint on white), then Paul Tol's
   muted scheme; past sixteen parties colours repeat, and the labels alone tell those parties apart.

Non-candidate options ("Against all", blank, invalid, other) are grey unless FILE names them: they are
not parties. No matplotlib here; the file is read before any data is loaded, so its mistakes are found
first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Final

from pollcli import names
from pollcli.errors import UsageError

OKABE_ITO: Final[tuple[str, ...]] = (
    "#0072b2",  # blue
    "#e69f00",  # orange
    "#009e73",  # bluish green
    "#d55e00",  # vermillion
    "#56b4e9",  # sky blue
    "#cc79a7",  # reddish purple
    "#f0e442",  # yellow
)
TOL_MUTED: Final[tuple[str, ...]] = (
    "#332288",
    "#117733",
    "#882255",
    "#44aa99",
    "#999933",
    "#aa4499",
    "#ddcc77",
    "#cc6677",
    "#88ccee",
)
PALETTE: Final[tuple[str, ...]] = OKABE_ITO[:6] + TOL_MUTED + OKABE_ITO[6:]
# Options that are not a party's: set apart, not coloured like one.
NON_CANDIDATE_GREY: Final[str] = "#8c8c8c"
# Series that are not parties (the polls of a poll-error chart): Tol's bright scheme, told apart from
# one another, and never confused with a party since party colours are not shown beside them.
SERIES: Final[tuple[str, ...]] = ("#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377")

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def hex_colour(text: str) -> str | None:
    """`#rgb` or `#rrggbb` (any case) as `#rrggbb` in lower case; None for anything else."""
    value = text.strip()
    if not _HEX.fullmatch(value):
        return None
    if len(value) == 4:
        value = "#" + "".join(c * 2 for c in value[1:])
    return value.lower()


def parse_colour_lines(lines: Iterable[str], source: str) -> dict[str, str]:
    """`NAME=#rrggbb` lines → normalised name key → colour. Blank lines and lines starting with `#` are
    skipped; any other line that is not NAME=COLOUR is a usage error naming its line."""
    found: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        text = line.strip().lstrip("\ufeff").strip()
        if not text or text.startswith("#"):
            continue
        name, sep, value = text.rpartition("=")
        colour = hex_colour(value)
        if not sep or not name.strip():
            raise UsageError(
                f"{source}:{number}: {text!r} is not NAME=#rrggbb; write one party per line, "
                "e.g. Amanat=#1f77b4"
            )
        if colour is None:
            raise UsageError(
                f"{source}:{number}: {value.strip()!r} is not a colour; write it as #rrggbb "
                "(or #rgb), e.g. Amanat=#1f77b4"
            )
        key = names.key(name)
        if not key:
            raise UsageError(f"{source}:{number}: {name.strip()!r} has no letter or digit to match")
        if key in found and found[key] != colour:
            raise UsageError(
                f"{source}:{number}: {name.strip()!r} already has the colour {found[key]}; keep one"
            )
        found[key] = colour
    return found


def read_colours(path: str) -> dict[str, str]:
    """`--colours FILE` read as UTF-8 (with or without BOM)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"--colours {path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(
            f"--colours {path}: is a directory; give a file of NAME=#rrggbb lines"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--colours {path}: cannot read it as UTF-8 text ({exc})") from None
    return parse_colour_lines(text.splitlines(), path)


class Colours:
    """The colour of each party or option for one run: asked again, the same answer.

    `learn` takes the options in the order the first chart shows them, so that palette colours go to
    parties in that order whichever chart asks first.
    """

    def __init__(self, given: Mapping[str, str] | None = None) -> None:
        self._given = dict(given or {})
        self._column: dict[str, str] = {}
        self._assigned: dict[str, str] = {}
        self.warnings: list[str] = []

    @staticmethod
    def _key(name: str, party: str | None) -> str:
        return names.key(party) if party and names.key(party) else names.key(name)

    def learn(self, options: Iterable[tuple[str, str | None, str, str | None]]) -> None:
        """(name, party, kind, colour-column value) of options, in the order they are first shown."""
        for name, party, kind, column in options:
            key = self._key(name, party)
            if column and key not in self._column:
                colour = hex_colour(column) or _named_colour(column)
                if colour is None:
                    self.warnings.append(
                        f"colour {column!r} of {name!r} is not a colour (#rrggbb); "
                        "the default palette is used"
                    )
                else:
                    self._column[key] = colour
            if kind == "candidate":
                self.of(name, party, kind)

    def of(self, name: str, party: str | None, kind: str = "candidate") -> str:
        """The colour of an option: its own or its party's from FILE or the colour column, grey for a
        non-candidate option, else the next palette colour."""
        for key in (names.key(party) if party else "", names.key(name)):
            if key and key in self._given:
                return self._given[key]
        if kind != "candidate":
            return NON_CANDIDATE_GREY
        key = self._key(name, party)
        if key in self._column:
            return self._column[key]
        if key not in self._assigned:
            self._assigned[key] = PALETTE[len(self._assigned) % len(PALETTE)]
        return self._assigned[key]


def _named_colour(text: str) -> str | None:
    """A CSS colour name ("steelblue") as #rrggbb, as matplotlib knows them; None otherwise."""
    from matplotlib import colors

    name = text.strip().lower()
    if name in colors.CSS4_COLORS:
        return str(colors.CSS4_COLORS[name]).lower()
    return None


def text_colour(background: str) -> str:
    """Near-black or white, whichever reads better on `background` (#rrggbb), by WCAG's luminance."""
    channels = [int(background[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    # Contrast against white (1.05 / (L + 0.05)) and against near-black #1a1a1a.
    against_white = 1.05 / (luminance + 0.05)
    against_dark = (luminance + 0.05) / (0.0103 + 0.05)
    return "#ffffff" if against_white >= against_dark else "#1a1a1a"
