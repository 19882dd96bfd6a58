"""Wide tables → the long form: one column per option, or candidate blocks repeated along the row.

Commissions publish protocols one row per polling station or region: columns that name the row
(region, precinct, codes), then a column per protocol line (voters on the list, ballots issued,
invalid…), then one per candidate or party. France's ministry repeats a block of columns per candidate
(`Sexe, Nom, Prénom, Voix, % Voix/Ins, % Voix/Exp`), often naming only the first block in the header.
This stage finds such a table (`detect`: no candidate column, and numeric columns under names; or
blocks; or `--wide`, `--id-columns`) and reshapes it with pandas (`melt`) into the long form the other
stages read: one row per option per row of the table, with the row's physical line, its names, and
its protocol lines as fact cells (`protocol`), each option's cells validated where they are, with the
column that holds them. A header over several rows (`preamble`) gives each option a variant per lower
label (Erststimmen · Vorläufig): each variant is an election.

Rows that are totals — a total word in a naming cell, no name at all, or rows other rows belong to
(`gehört zu`) — are marked for the totals stage (`totals.Marked`), which sets them aside and checks
them. pandas is imported only here, and only for a wide table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import field, replace
from typing import TYPE_CHECKING, Final, TypeGuard

from pollcli.columns import RACE_PREFIX, ROW_ALIASES, canonical_column, normalize_header
from pollcli.dataclass import dataclass
from pollcli.errors import UsageError
from pollcli.kinds import kind_from_name
from pollcli.numbers import NA_WORDS, padded_codes, percents, with_share
from pollcli.read import fact_options, preamble, protocol, seat_variants, votes_words, wide_hints
from pollcli.read.dialect import DELIMITERS, RawTable
from pollcli.read.pollfiles import WORDS as POLL_WORDS
from pollcli.read.preamble import is_number
from pollcli.read.roles import RACE_FACT_KEYS
from pollcli.read.total_words import says_total
from pollcli.read.transposed import transposed
from pollcli.read.wide_hints import candidate_column, option_column_hint, seats_only, votes_hint

if TYPE_CHECKING:
    from pollcli.read.options import ReadOptions

# Columns that make a table long: a row per candidate (or party), whatever its other columns.
_LONG_COLUMNS: Final[frozenset[str | None]] = frozenset(
    {"candidate", "party", "given_name", "family_name"}
)
# Rows looked at to tell numeric columns (the reshaping reads them all).
SAMPLE_ROWS: Final[int] = 500
# A column of counts: more of its filled cells are whole numbers than not (a cell that is no count
# is then a problem at its line and column, not a reason to read the table otherwise).
NUMERIC_SHARE: Final[float] = 0.5
# At most this many unknown columns between two protocol lines are protocol lines too.
PROTOCOL_GAP: Final[int] = 3
# At most this many columns of numbers under headers pollcli does not know stand before a name and
# are codes (`fips,county`); more are candidates' votes, and a column of words after them a remark.
CODES_BEFORE_NAME: Final[int] = 1
# Words of a name split over columns, given name first when joined (`Emmanuel MACRON`).
GIVEN_NAMES: Final[frozenset[str]] = frozenset(
    {"prénom", "prenom", "prénoms", "first name", "firstname", "forename", "given name",
     "vorname", "имя", "imię", "imie", "nombre", "mp firstname", "first"}
)  # fmt: skip
SURNAMES: Final[frozenset[str]] = frozenset(
    {"nom", "surname", "last name", "lastname", "family name", "nachname", "фамилия", "nazwisko",
     "apellido", "apellidos", "mp surname", "last"}
)  # fmt: skip
# A list's label in a block of a list vote (France's European elections).
LIST_LABELS: Final[frozenset[str]] = frozenset(
    {"libellé abrégé liste", "libelle abrege liste", "libellé liste", "libelle liste", "liste",
     "list", "list name", "nom liste", "nom de la liste", "lista"}
)  # fmt: skip
# (`lista`, a party column in a long table, is in a block the list's name, not its party.)
PARTY_LABELS: Final[frozenset[str]] = (
    frozenset({*ROW_ALIASES["party"], "nuance", "code nuance", "nuance liste", "partia", "партия"})
    - LIST_LABELS
)


@dataclass(frozen=True)
class Blocks:
    """Candidate blocks along the row: where they start, their width, and what each offset holds."""

    start: int
    size: int
    names: tuple[int, ...]  # offsets of the name's parts, in the order they are joined
    votes: int
    party: int | None
    labels: tuple[str, ...]  # the first block's labels
    # Named by a list's label (`Libellé Abrégé Liste`), not a candidate's: the options are lists,
    # read as parties (a majority rule's runoff between two lists is no reading to offer).
    lists: bool = False


@dataclass
class Plan:
    """How a wide table is read: which columns name the row, hold facts, or are options."""

    ids: list[int]
    facts: dict[tuple[str, str], list[int]]  # (fact, variant) → its column (or its parts)
    options: list[int] = field(default_factory=list)  # one option per column
    blocks: Blocks | None = None
    ignored: list[int] = field(default_factory=list)  # protocol lines with no fact, shares…
    # Columns of figures without the votes word the options' headers end in (`votes_words`).
    unworded: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def lists(self) -> bool:
        """Whether the options are party lists, named by a list's label in their blocks."""
        return self.blocks is not None and self.blocks.lists


def level0(table: RawTable, index: int) -> str:
    if table.levels and index < len(table.levels):
        return table.levels[index][0]
    return table.header[index] if index < len(table.header) else ""


def variant(table: RawTable, index: int) -> str:
    """The lower labels of a column of a header over several rows (Zweitstimmen · Vorläufig)."""
    if not table.levels or index >= len(table.levels):
        return ""
    return " · ".join(part for part in table.levels[index][1:] if part)


def _numeric(values: Sequence[str]) -> bool:
    # (`NA`: R's missing value, a party that did not stand that year: no figure, as a blank.)
    filled = [v for v in values if v.strip() and v.strip() not in NA_WORDS]
    if not filled:
        return False
    whole = sum(1 for v in filled if (is_number(v) and "%" not in v) or with_share(v))
    return whole > NUMERIC_SHARE * len(filled)


def _names_by_header(label: str) -> bool:
    """A column that names the rows whatever it holds: a code, a year, a place, a race's key (a
    district's number is no candidate)."""
    role = canonical_column(label) or ""
    return (
        protocol.names_a_row(label)
        or role in ("region", "election", "office")
        or role in RACE_FACT_KEYS  # (its date, round, seats: no candidate)
        or role.startswith(RACE_PREFIX)
    )


def _words(values: Sequence[str]) -> bool:
    """A column of names: most filled cells are no numbers and hold a letter (a column of dashes
    for a candidate who did not stand is no name)."""
    filled = [v for v in values if v.strip()]
    named = sum(1 for v in filled if not is_number(v) and any(ch.isalpha() for ch in v))
    return named > NUMERIC_SHARE * len(filled)


def _filled(records: Sequence[tuple[int, list[str]]], index: int) -> bool:
    """Whether any row has a cell in the column (the first one found ends the search)."""
    return any(index < len(cells) and cells[index].strip() for _, cells in records)


def _last_name(
    sample: Sequence[tuple[int, list[str]]],
    counts: Sequence[bool],
    blocks: bool,
    end: int,
    named: Sequence[bool],
) -> int:
    """The last naming column of a table without protocol lines: the last column of words, or
    named by its header as naming (`named`: a precinct's numbers), that options follow, with at
    most one column of numbers before it. A number left of a name is a code (`fips,county`,
    `AGS;Gemeinde`, `state,fips,county`, `AD,precinct`), not a candidate; one right of the last
    name is an option. Two or more are options already: a column of words after them is a remark
    (`precinct,Smith,Jones,comments,Total`), and names no row."""
    last, gap = -1, 0
    for i in range(end):
        if counts[i]:
            gap += 1
        elif (_words(column(sample, i)) or named[i]) and (blocks or any(counts[i + 1 :])):
            if gap > CODES_BEFORE_NAME:
                break
            last, gap = i, 0
    return last


def column(records: Sequence[tuple[int, list[str]]], index: int) -> list[str]:
    return [cells[index] if index < len(cells) else "" for _, cells in records]


def detect(
    table: RawTable, options: ReadOptions, records: Sequence[tuple[int, list[str]]] | None = None
) -> Plan | None:
    """How to read `table` as a wide table, or None when it is a long one (or not a table of
    options at all: its errors are then the header stage's)."""
    if not table.header:
        return None
    sample = list((records if records is not None else table.records)[:SAMPLE_ROWS])
    if records is not None and not table.records:
        # The streaming engine's head: its rows are the file's the layout looks at as a whole.
        table = replace(table, records=list(records))
    if not sample:
        return None  # no rows: nothing tells the layout (the header stage says what is missing)
    blocks = _blocks(table, sample)
    mapped = {canonical_column(h) for h in table.header if h}
    # A candidate's name (or its parts: `Surname`, `GivenNm`) makes each row a candidate's: the
    # numeric columns beside it are the candidate's counts by way of voting (Australia's AEC
    # `OrdinaryVotes`, `PostalVotes`, `TotalVotes`), never options of their own.
    if blocks is None and not options.wide and mapped & _LONG_COLUMNS:
        return None
    if options.wide and (named := candidate_column(table.header)):
        raise UsageError(
            f"--wide: {table.name} (header on line {table.header_line}): {named!r} names a "
            "candidate on each row, so each row is one candidate's and its other columns are "
            "that candidate's figures, not options of their own; leave --wide out (--votes COL "
            "names the column of votes)"
        )
    if any(is_number(h) for h in table.header if h.strip()) and not options.wide:
        return None  # a header of figures: a file without a header (the header stage says so)
    plan = _plan(table, sample, options, blocks)
    if plan is None or seats_only([table.header[i] for i in plan.options]):
        return None  # (columns of seats: no table of votes, the header stage says so)
    enough = blocks is not None or len(plan.options) >= 2 or options.wide
    return plan if enough else None


def _plan(
    table: RawTable,
    sample: list[tuple[int, list[str]]],
    options: ReadOptions,
    blocks: Blocks | None,
) -> Plan | None:
    header = table.header
    end = blocks.start if blocks is not None else len(header)
    given = {normalize_header(c) for c in options.id_columns}
    unused = {normalize_header(c) for c in options.ignore_columns}
    lines = {i: protocol.line(level0(table, i)) for i in range(end)}
    labels = {i: level0(table, i) for i in range(end)}
    lines.update(dict.fromkeys(protocol.breakdowns(labels, lines), ("", 0)))
    # A fact's header over names names the rows: Australia's `electorate` is a division (`Banks`),
    # not the registered voters ("registered 'Banks': not a number").
    lines.update(
        {i: None for i in range(end) if lines[i] is not None and _words(column(sample, i))}
    )
    is_share = {
        i: "%" in header[i]
        or canonical_column(header[i]) == "share"
        or protocol.says_share(header[i])
        # (A fact's column of percentages: Kenya's `Voter_TurnOut` of `43.78%`, no ballots cast.)
        or (lines[i] is not None and percents(column(sample, i)))
        for i in range(end)
    }
    numeric = {i: _numeric(column(sample, i)) for i in range(end)}
    for i in range(end):
        if not any(v.strip() for v in column(sample, i)):
            # No figure in the first rows (a party that stood only further down): all rows tell.
            numeric[i] = _numeric(column(table.records, i))
    padded = padded_codes([column(sample, i) if numeric[i] else [] for i in range(end)])  # `001`
    answers = protocol.answers(header[:end])  # (`Water District No` beside its `… Yes`)
    # A column of each row's total (`TOTAL_VOTOS`) is no option's count: after a protocol line
    # (`VOTOS NULOS`) it does not make the options before it naming columns.
    counts = [
        bool(header[i].strip())
        and _norm(table, i) not in unused  # (--ignore-column: no count after a protocol line)
        and _norm(table, i) not in POLL_WORDS  # (a poll's `Sample size`: no option's count)
        and lines[i] is None
        and not says_total(level0(table, i))
        and not is_share[i]
        and canonical_column(header[i]) not in ("kind", "colour")
        and (i in answers or not _names_by_header(header[i]))
        and i not in padded
        and (numeric[i] or not _filled(table.records, i))
        for i in range(end)
    ]
    skip = given | unused
    protocol_at = [i for i in range(end) if lines[i] is not None and not skip & {_norm(table, i)}]
    if (
        protocol_at
        and blocks is None
        and not any(
            counts[i] and kind_from_name(header[i]) == "candidate"
            for i in range(protocol_at[0], end)
        )
    ):
        # Lines after the options (a `majority`, the `winner`, the valid votes), or among the
        # ballots of no candidate after them (Alaska's ranked-choice tables: `Dunleavy/Dahlstrom,
        # Gara/Cook,Blank,Exhausted,Overvote`, whose candidates named the rows): they end no
        # naming columns, and the options before them are no protocol lines.
        protocol_at = []
    first_protocol = protocol_at[0] if protocol_at else None
    last_protocol = protocol.last_line(lines, protocol_at, PROTOCOL_GAP)
    # (A column its header says names the rows, of numbers: New York City's `AD,election_district`
    # of 65, 1 made 'AD leads with 37.01 %', both read as options.)
    by_header = [
        bool(header[i].strip()) and _norm(table, i) not in unused and _names_by_header(header[i])
        for i in range(end)
    ]
    last_name = _last_name(sample, counts, blocks is not None, end, by_header)
    ids: list[int] = []
    plan = Plan(ids=ids, facts={}, blocks=blocks)
    for i in range(end):
        label = header[i]
        if not label.strip() and not any(column(sample, i)):
            continue  # an empty column under an empty header: a trailing delimiter
        if _norm(table, i) in unused:
            plan.ignored.append(i)  # --ignore-column: no option, fact or name
            continue
        # A code or number names the row wherever it is (a district's number right of the name),
        # and so does a race's fact (its seats, `vote_for`: no candidate).
        code = lines[i] is None and (i in padded or canonical_column(label) in RACE_FACT_KEYS)
        code = code or (lines[i] is None and protocol.names_a_row(label) and i not in answers)
        code = code or _norm(table, i) in POLL_WORDS  # (a poll's sample size names its row)
        if given:
            named = _norm(table, i) in given
        elif first_protocol is not None:
            # (`Registered,precinct,<candidates>`: the precincts' numbers after it no option;
            # after an option, a header like a key is a party's: the Netherlands' `CD` by `CDA`.)
            keyed = by_header[i] and i not in answers and not plan.options
            named = i < first_protocol or code or keyed
        else:
            words = not numeric[i] and any(v.strip() for v in column(sample, i))
            named = (
                i <= last_name or code or (not plan.options and (words or _names_by_header(label)))
            )
        if named:
            ids.append(i)
        elif (line := _fact_line(lines[i], level0(table, i), plan)) is not None and not is_share[i]:
            fact, part = line
            columns = plan.facts.setdefault((fact, variant(table, i)), [])
            if part or not columns:
                columns.append(i)
            else:
                plan.ignored.append(i)  # the same fact twice: the first one is read
        elif (first_protocol is not None and first_protocol <= i <= last_protocol) or (
            is_share[i] or lines[i] is not None
        ):
            plan.ignored.append(i)
        elif (
            blocks is None
            and label.strip()
            and canonical_column(label) not in ("kind", "colour")
            and (numeric[i] or not _filled(table.records, i))
        ):
            plan.options.append(i)  # (one that no row has figures for is an option too)
        else:
            plan.ignored.append(i)
    if blocks is None and (worded := votes_words.worded(header)).keys() & set(plan.options):
        # (Romania's `…-voturi` beside `uat_siruta` and the protocol's `a`, `b`…: no options.)
        kept = {i for i in plan.options if i in worded or votes_words.no_candidate(header[i])}
        plan.unworded = [i for i in plan.options if i not in kept]
        plan.options = [i for i in plan.options if i in kept]
        plan.ignored += plan.unworded
    seat_variants.set_aside(table, plan)  # (Spain's `Diputados` beside each party's `Votos`)
    missing = given - {_norm(table, i) for i in ids}
    if options.wide and (said := seats_only([header[i] for i in plan.options])):
        # (India's `party,won,leading`; without --wide, the header stage's error says it.)
        raise UsageError(f"--wide: {table.name} (header on line {table.header_line}): {said}")
    if (options.wide or given) and (said := transposed(header, ids, plan.options)):
        raise UsageError(f"--wide: {table.name} (header on line {table.header_line}): {said}")
    if missing:
        # As --race-by and --where say it (`roles.find_column`): every column, to pick from.
        absent = ", ".join(repr(c) for c in options.id_columns if normalize_header(c) in missing)
        shown = ", ".join(repr(h) for h in header if h.strip())
        raise UsageError(
            f"--id-columns {absent}: the file has no such column (header on line "
            f"{table.header_line}); its columns are {shown}"
        )
    return plan


def _fact_line(line: tuple[str, int] | None, label: str, plan: Plan) -> tuple[str, int] | None:
    """The fact a column holds: its protocol line's, or all options' votes for a `Votes` column
    before the options (the UK's flat files); None for no fact."""
    if line is None and not plan.options and canonical_column(label) == "votes":
        return ("total_votes", 0)
    return None if line is None or line == ("", 0) else line


def _norm(table: RawTable, index: int) -> str:
    return normalize_header(table.header[index])


def _blocks(table: RawTable, sample: list[tuple[int, list[str]]]) -> Blocks | None:
    """Candidate blocks along the row: the header names the first block and leaves the rest empty
    (France's ministry files), or repeats the first block's labels."""
    header = table.header
    if not sample:
        return None
    width = Counter(len(cells) for _, cells in sample).most_common(1)[0][0]
    named = len(header)
    while named and not header[named - 1].strip():
        named -= 1
    trailing = width > named and any(any(c.strip() for c in cells[named:]) for _, cells in sample)
    for start in range(1, named):
        size = named - start if trailing else 0
        if not trailing:
            size = _period(header, start)
            if not size:
                continue
        if (width - start) % size or (width - start) // size < 2:
            continue
        labels = tuple(header[start : start + size])
        if any(protocol.line(label) is not None for label in labels):
            continue  # a protocol line (Inscrits, Exprimés) is before the blocks, not in them
        roles = _block_roles(labels)
        if roles is None:
            continue
        names, votes, party, lists = roles
        if not all(
            _numeric(column(sample, start + k * size + votes))
            for k in range((width - start) // size)
        ):
            continue
        return Blocks(start, size, names, votes, party, labels, lists=lists)
    return None


def _period(header: list[str], start: int) -> int:
    """The width of a block whose labels repeat from `start` to the end of the header (`Nom, Voix,
    Nom, Voix` or `Voix.1`), or 0."""
    plain = [normalize_header(h).rstrip("0123456789").rstrip("._ ") for h in header[start:]]
    for size in range(2, len(plain) // 2 + 1):
        if len(plain) % size == 0 and all(plain[i] == plain[i % size] for i in range(len(plain))):
            return size
    return 0


def _block_roles(
    labels: tuple[str, ...],
) -> tuple[tuple[int, ...], int, int | None, bool] | None:
    """A block's name parts (in the order they are joined), its votes, its party, and whether the
    name is a list's, by label; None when the block has no one votes column or no name."""
    keys = [protocol.key(label) for label in labels]
    votes = [i for i, label in enumerate(labels) if canonical_column(label) == "votes"]
    if len(votes) != 1:
        return None
    candidate = [i for i, label in enumerate(labels) if canonical_column(label) == "candidate"]
    lists = [i for i, k in enumerate(keys) if k in LIST_LABELS]
    given = [i for i, k in enumerate(keys) if k in GIVEN_NAMES]
    surname = [i for i, k in enumerate(keys) if k in SURNAMES]
    party = next((i for i, k in enumerate(keys) if k in PARTY_LABELS), None)
    names = tuple(candidate[:1] or lists[:1] or (given[:1] + surname[:1]))
    if not names:
        return None
    return names, votes[0], party, not candidate and bool(lists[:1])


def header_hint(
    table: RawTable, rows: Sequence[tuple[int, Sequence[str]]], options: ReadOptions
) -> str | None:
    """What to do about a header pollcli cannot read: where a header seems to start
    (`preamble.hint`), or, for columns of counts under names, how to read it as a wide table."""
    where = preamble.hint(rows)
    if where is not None or options.wide:
        return where
    if said := wide_hints.shares_only(table.header, rows[1:SAMPLE_ROWS], table.delimiter):
        return said
    named = option_column_hint(table.header, rows[1:SAMPLE_ROWS])
    plan = _plan(table, [(line, list(cells)) for line, cells in rows[1:SAMPLE_ROWS]], options, None)
    if plan is not None and plan.options:
        said = seats_only([table.header[i] for i in plan.options])
        if said or (said := fact_options.facts_options(table.header, plan.options)):
            return said  # (no --wide advice where no column of figures is an option's)
        canon = {canonical_column(h) for h in table.header if h}
        if "candidate" in canon or ("party" in canon and len(plan.ids) > 1):  # an option a row
            return votes_hint(table.header, rows[1:SAMPLE_ROWS], plan.options)  # (and its place)
        if said := transposed(table.header, plan.ids, plan.options):
            return said
        return (named + "; " if named else "") + (
            f"if each option has a column of its own ({table.header[plan.options[0]]!r}…), pass "
            "--wide, and --id-columns COL,… to name the columns that name the rows"
        )
    return named or wide_hints.facts_only(table.header, plan)


def streams(
    records: list[tuple[int, list[str]]] | None, table: RawTable, options: ReadOptions
) -> TypeGuard[list[tuple[int, list[str]]]]:
    """Whether the streaming engine may read a table whose head it split: not one it has no head
    of, a header or layout the user names (`--header-line`, `--wide`), a header over several rows
    or of one cell of delimiters (quoted lines: `read.wholequoted`), nor a wide table (reshaped)."""
    if records is None or options.header_line or options.wide or table.header_rows > 1:
        return False
    if len(table.header) == 1 and any(d in table.header[0] for d in DELIMITERS):
        return False
    return detect(table, options, records) is None


def hint_for(
    table: RawTable, records: Sequence[tuple[int, list[str]]], options: ReadOptions
) -> Callable[[], str | None]:
    """`header_hint` for the header stage of the streaming engine (its head's records)."""
    if not table.records:  # (as `detect`: the head's rows are the file's)
        table = replace(table, records=list(records))
    return lambda: header_hint(table, [(table.header_line, table.header), *records], options)
