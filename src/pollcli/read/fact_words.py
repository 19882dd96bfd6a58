"""Words of headers whose columns hold no option's votes: seats, the registered voters, a numbering
or a code. One source for each, and the views the readings take of it, named for how they look:

- a whole header (`*_HEADERS`: the header normalised, `columns.normalize_header`) — a table whose
  every option column is one is a table of seats (`wide_hints.seats_only`), a variant of one
  (Spain's `Diputados` under each party) is a party's seats won (`seat_variants`);
- a word of a header (`*_WORDS_IN_*`: the header split at anything but letters and digits) — an
  option column headed `Sitze SPD` or `seats_s` counts seats (`wide_unlike`), one headed
  `subscribers` or `const. no.` among the election's facts is no option (`fact_options`).

Whole headers may be phrases of several words (`seats won`, `net change`) and words that say
seats only alone (`won`, `leading`, India's table of seats); a word within a header must say seats
wherever it stands, so the singular English `seat` and `mandate` (a constituency: `Seat`,
`seat_name`) are no such word in just any header. `racechecks` has words of its own for a column
that numbers constituencies.
"""

from __future__ import annotations

from typing import Final

from pollcli.columns import normalize_header

# The seats themselves, a word in each language met (`Sitze`, `Mandatos`, `Zetels`, `Seggi`).
SEAT_NAMES: Final[frozenset[str]] = frozenset(
    {"seats", "mandates", "mandatos", "mandats", "mandaty", "mandater", "sitze", "sièges",
     "sieges", "escaños", "escanos", "seggi", "zetels"}
)  # fmt: skip
# One seat, in English: also a constituency's name (Australia's `Seat`, `seat_name`).
ONE_SEAT: Final[frozenset[str]] = frozenset({"seat", "mandate"})
# The members a chamber's seats are, by name (Spain's `Diputados`, `Concejales`, `Senadores`).
MEMBERS: Final[frozenset[str]] = frozenset({"diputados", "concejales", "senadores"})
# The members elected (`Electos`, Italy's `Eletti`, France's `Élus`): a variant's seats won.
ELECTED: Final[frozenset[str]] = frozenset({"electos", "eletti", "élus", "elus"})
# Whole headers of a column of seats won or led, or their change (India's `won`, `leading`).
_SEAT_COUNTS: Final[tuple[str, ...]] = (
    "won", "win", "wins", "leading", "lead", "leads", "seats won", "won seats", "total seats",
    "elected", "gain", "gains", "loss", "losses", "lost", "net", "net change", "change", "+/-",
    "mandate gesamt", "victor count", "victorcount", "victors", "winners", "number elected",
)  # fmt: skip
# (Taiwan's Central Election Commission: `victorCount`, the members each party's list elected,
# beside `partyUni`, the party's number: readr-media's `congress_partyresult_2020.csv`.)

# A whole header of seats (`wide_hints.seats_only`): as `normalize_header` writes it
# (`seats won` → `seats_won`).
SEAT_HEADERS: Final[frozenset[str]] = frozenset(
    map(normalize_header, (*_SEAT_COUNTS, *SEAT_NAMES, *ONE_SEAT))
)
# A whole variant of seats won under a party's name (`seat_variants`).
SEAT_VARIANT_HEADERS: Final[frozenset[str]] = SEAT_HEADERS | frozenset(
    map(normalize_header, MEMBERS | ELECTED)
)
# A word of an option column's header that makes it seats (`wide_unlike`: `Sitze SPD`).
SEAT_WORDS_IN_OPTIONS: Final[frozenset[str]] = SEAT_NAMES | MEMBERS
# Words beside a seat word in an option column's header that say what it counts, no party's name
# (`wide_seatcols.seat_columns`: `Total seats`, `Seats won`, `Sitze gesamt`).
SEAT_QUALIFIERS: Final[frozenset[str]] = frozenset(
    {"total", "totals", "totale", "totales", "gesamt", "insgesamt", "all", "won", "gained", "lost",
     "allocated", "elected", "number", "sum", "change", "previous", "new", "year", "the", "for"}
)  # fmt: skip
# A word of a header among the election's facts that makes it seats (`fact_options`:
# Portugal's `mandates_total`; `seat` too, every other option being a fact).
SEAT_WORDS_IN_FACTS: Final[frozenset[str]] = SEAT_NAMES | ONE_SEAT

# The electors by name (`wide_unlike`: an option column headed so holds them, never votes).
ELECTORS: Final[frozenset[str]] = frozenset(
    {"electors", "electorate", "elettori", "wahlberechtigte", "wyborcy"}
)
# A word of a header among the election's facts that makes it the registered voters
# (`fact_options`: Portugal's `subscribers`, Spain's `inscritos`).
REGISTERED_WORDS_IN_FACTS: Final[frozenset[str]] = ELECTORS | frozenset(
    {"subscribers", "registered", "inscritos", "inscrits", "eligible", "kiesgerechtigden",
     "enrolled", "enrolment", "enrollment"}
)  # fmt: skip

# Words of a header that say it numbers or codes something (`PartyID`, `DistrictCd`, `SerialNo`,
# `const. no.`).
NUMBERING: Final[frozenset[str]] = frozenset(
    {"id", "cd", "code", "codes", "no", "nr", "num", "serial", "sn", "sl", "sno", "index"}
)
# A short header among the election's facts (`fact_options`): `number` numbers too.
NUMBERING_IN_FACTS: Final[frozenset[str]] = NUMBERING | {"number"}
# Columns of whole numbers that are no votes (`wide_hints.votes_hint`): a numbering, a rank, an
# age, a year — but not `number` (Arizona's `number` of each choice's votes).
NOT_COUNTS: Final[frozenset[str]] = NUMBERING | {"rank", "age", "year"}
