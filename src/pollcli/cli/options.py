"""Options shared by several commands, declared once."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from pollcli.errors import UsageError

READING = "Reading the file"
RACES = "Files of many races"
FACTS = "Election facts (override the file)"
OUTPUT = "Output"


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


Files = Annotated[
    list[str],
    typer.Argument(
        help="Results file(s): CSV, Excel, OpenDocument or Parquet; '-' reads standard input.",
        show_default=False,
        metavar="FILE...",
    ),
]
FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format", "-f", help="Output format.", rich_help_panel=OUTPUT, case_sensitive=False
    ),
]
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the output to FILE instead of standard output (never to an input file).",
        rich_help_panel=OUTPUT,
    ),
]
QuietOpt = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="Do not print warnings on stderr.", rich_help_panel=OUTPUT),
]
NoColorOpt = Annotated[
    bool,
    typer.Option(
        "--no-color", help="No colour in tables (also: NO_COLOR=1).", rich_help_panel=OUTPUT
    ),
]
SvgOpt = Annotated[
    str | None,
    typer.Option(
        "--svg",
        metavar="FILE",
        help="Also save the table (and findings) as an SVG picture, 100 columns wide.",
        rich_help_panel=OUTPUT,
    ),
]
HtmlOpt = Annotated[
    str | None,
    typer.Option(
        "--html",
        metavar="FILE",
        help="Also save the table (and findings) as a standalone HTML page, 100 columns wide.",
        rich_help_panel=OUTPUT,
    ),
]
ChartOpt = Annotated[
    str | None,
    typer.Option(
        "--chart",
        metavar="FILE",
        help="Also draw a chart: .svg, .png or .pdf, told by the suffix. Several elections are "
        "stacked in one file. See docs/charts.md.",
        rich_help_panel=OUTPUT,
    ),
]
ColoursOpt = Annotated[
    str | None,
    typer.Option(
        "--colours",
        "--colors",
        metavar="FILE",
        help="Colours for --chart: NAME=#rrggbb lines, NAME a party or an option. "
        "Default: a colour column, else a colour-blind-safe palette.",
        rich_help_panel=OUTPUT,
    ),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        "-e",
        metavar="NAME",
        help="Text encoding, e.g. cp1251 or latin-1. "
        "Default: UTF-8 with or without BOM, or UTF-16 with BOM.",
        rich_help_panel=READING,
    ),
]
DelimiterOpt = Annotated[
    str | None,
    typer.Option(
        "--delimiter",
        "-d",
        metavar="CHAR",
        help="Cell delimiter: ',', ';', '|', or 'tab'. Default: sniffed.",
        rich_help_panel=READING,
    ),
]
DecimalOpt = Annotated[
    str | None,
    typer.Option(
        "--decimal",
        metavar="MARK",
        help="Decimal mark, ',' or '.'. Default: detected from the "
        "shares; '.' when they do not tell.",
        rich_help_panel=READING,
    ),
]
KindOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        metavar="NAME=KIND",
        help="What the option NAME is: candidate, against_all, blank, invalid, other; or "
        "registered, ballots_cast, total_votes for a row that counts its unit; '=other': rows "
        "of no name, as '(no name)'. Wins over the name's word and a kind column. Repeatable.",
        rich_help_panel=READING,
    ),
]
IgnoreColumnOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore-column",
        metavar="COL",
        help="Leave the column COL unused (a header that looks like one pollcli reads but is "
        "not). Repeatable.",
        rich_help_panel=READING,
    ),
]
SheetOpt = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        metavar="NAME",
        help="The sheet of an Excel or OpenDocument workbook to read. Default: the first.",
        rich_help_panel=READING,
    ),
]
HeaderLineOpt = Annotated[
    str | None,
    typer.Option(
        "--header-line",
        metavar="N[-M]",
        help="The header's line, counted from 1 as an editor shows it (in a workbook, the sheet's "
        "row); N-M for a header over lines N to M. Default: found below any title lines.",
        rich_help_panel=READING,
    ),
]
RegionOpt = Annotated[
    str | None,
    typer.Option(
        "--region",
        metavar="COL",
        help="The column of the area each row counts (county, district…), whatever its header's "
        "words say; a column meaning the same (its number beside its name) is left unused. "
        "Default: told by the header.",
        rich_help_panel=READING,
    ),
]
UnitOpt = Annotated[
    str | None,
    typer.Option(
        "--unit",
        metavar="COL[,COL]",
        help="The column of the precinct or polling station each row counts, whatever its "
        "header's words say (division_alias, UIK…): rows of one option in different units are "
        "added up. Two columns or more name a unit together (--unit ad,ed: an election district "
        "numbered within its assembly district). Default: told by the header (town and "
        "precinct together).",
        rich_help_panel=READING,
    ),
]
ColumnsOpt = Annotated[
    str | None,
    typer.Option(
        "--columns",
        metavar="NAME,…",
        help="The names of the columns of a file with no header, in order, read as a header "
        "line would be (e.g. --columns region,candidate,party,votes; a name pollcli does not "
        "know, such as x, leaves its column unused); the file's first line is data. Not with "
        "--header-line.",
        rich_help_panel=READING,
    ),
]
WideOpt = Annotated[
    bool,
    typer.Option(
        "--wide",
        help="Read a wide table: one column per candidate or party (after protocol columns such "
        "as registered or invalid). Default: detected.",
        rich_help_panel=READING,
    ),
]
IdColumnsOpt = Annotated[
    str | None,
    typer.Option(
        "--id-columns",
        metavar="COL,…",
        help="In a wide table, the columns that name a row (region, precinct, codes); the others "
        "are options or protocol lines. Implies --wide.",
        rich_help_panel=READING,
    ),
]
FusionOpt = Annotated[
    bool,
    typer.Option(
        "--fusion",
        help="Add up the rows of one race with one candidate name and different parties: one "
        "candidate on several party lines (fusion voting, as in New York). Default: two "
        "candidates of one name, each with its party, and a warning; a fusion_ticket column "
        "(MEDSL) or one candidate_id on the lines adds them up without the flag. A candidate "
        "whose lines are added up counts for the line with most votes.",
        rich_help_panel=READING,
    ),
]

BlankVotesOpt = Annotated[
    str | None,
    typer.Option(
        "--blank-votes",
        metavar="zero|error",
        help="A named row's blank vote cell (or lone dash, -): zero counts 0, listed in a warning; "
        "error refuses its race. By default a candidate's refuses it, a scatter or write-in's is 0.",
        rich_help_panel=READING,
    ),
]
PrimaryOpt = Annotated[
    str | None,
    typer.Option(
        "--primary",
        metavar="TYPE",
        help="How a file's primaries are read: party (one primary per party and office) or "
        "top-two (one race of every party per office, whose top two advance, as in Washington "
        "and California; presidential primaries and party committees stay party primaries). "
        "Default: top-two for an OpenElections file of a WA primary since 2008 or a CA one since "
        "2012; a LA one's open primary (every party's race: a majority wins); party otherwise.",
        rich_help_panel=READING,
    ),
]

ElectionOpt = Annotated[
    str | None,
    typer.Option(
        "--election",
        metavar="TEXT",
        help="Election label (of a file of one race; --race picks one of many).",
        rich_help_panel=FACTS,
    ),
]
RaceByOpt = Annotated[
    str | None,
    typer.Option(
        "--race-by",
        metavar="COL,...",
        help="The columns that tell races apart, as the header names them. Default: election, "
        "office, district, constituency, race, seat, stage, special… and the party in party "
        "primaries (see README 'Files with many races').",
        rich_help_panel=RACES,
    ),
]
RaceOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--race",
        metavar="TEXT",
        help="Keep the races whose name contains TEXT, in any case (repeatable); a race's whole "
        "name, or whole parts of names between '·', keeps those races only ('U.S. House · 1' "
        "keeps district 1, not 10–19; 'Class II' not 'Class III').",
        rich_help_panel=RACES,
    ),
]
AliasOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--alias",
        metavar="OLD=NEW",
        help="Read the option named OLD as NEW: one candidate spelt two ways (repeatable).",
        rich_help_panel=READING,
    ),
]
WhereOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--where",
        metavar="COL=VALUE",
        help="Keep the rows whose column COL holds VALUE, in any case (repeatable). On a place "
        "(county=Cherokee) it keeps part of a race: the figures are those rows', not the race's "
        "result (counts given for the whole race, as in front matter, are left out).",
        rich_help_panel=RACES,
    ),
]
VotesOpt = Annotated[
    str | None,
    typer.Option(
        "--votes",
        metavar="COL",
        help="Read the votes from this column only. Default: the votes column, else the sum of "
        "the vote-mode columns (election_day_votes, absentee…).",
        rich_help_panel=READING,
    ),
]
SystemOpt = Annotated[
    str | None,
    typer.Option(
        "--system",
        metavar="SYSTEM",
        help="majority (two rounds: a runoff without a majority), plurality (first past the "
        "post) or list. Default: plurality for a file split into races by office, district or "
        "constituency (so assumed, a leader with no majority leads, and the runoff a majority "
        "system would need is named); majority otherwise.",
        rich_help_panel=FACTS,
    ),
]
VoteForOpt = Annotated[
    str | None,
    typer.Option(
        "--vote-for",
        metavar="N",
        help="Members the race elects: the top N by votes win (a race of several seats). "
        "Default: a vote_for, magnitude or number_elected column, or '(N)' at the end of the "
        "district's name ('BE 02 (4)'); else 1. Every race read elects N: pick them with "
        "--race.",
        rich_help_panel=FACTS,
    ),
]
DateOpt = Annotated[
    str | None,
    typer.Option("--date", metavar="YYYY-MM-DD", help="Date of the vote.", rich_help_panel=FACTS),
]
CountryOpt = Annotated[
    str | None,
    typer.Option("--country", metavar="TEXT", help="Country, e.g. KZ.", rich_help_panel=FACTS),
]
OfficeOpt = Annotated[
    str | None,
    typer.Option("--office", metavar="TEXT", help="Office, e.g. President.", rich_help_panel=FACTS),
]
RoundOpt = Annotated[
    int | None,
    typer.Option("--round", metavar="N", min=1, help="Round number.", rich_help_panel=FACTS),
]
StageOpt = Annotated[
    str | None,
    typer.Option(
        "--stage",
        metavar="STAGE",
        help="official, preliminary or exit_poll.",
        rich_help_panel=FACTS,
    ),
]
SourceOpt = Annotated[
    str | None,
    typer.Option(
        "--source", metavar="TEXT", help="Where the figures come from.", rich_help_panel=FACTS
    ),
]
RegisteredOpt = Annotated[
    str | None,
    typer.Option("--registered", metavar="N", help="Registered voters.", rich_help_panel=FACTS),
]
CastOpt = Annotated[
    str | None,
    typer.Option("--ballots-cast", metavar="N", help="Ballots cast.", rich_help_panel=FACTS),
]
InvalidOpt = Annotated[
    str | None,
    typer.Option("--invalid", metavar="N", help="Invalid ballots.", rich_help_panel=FACTS),
]
BlankOpt = Annotated[
    str | None,
    typer.Option("--blank", metavar="N", help="Blank ballots.", rich_help_panel=FACTS),
]
ShareBaseOpt = Annotated[
    str | None,
    typer.Option(
        "--share-base",
        metavar="BASE",
        help="Base of computed shares: valid (default) or cast.",
        rich_help_panel=FACTS,
    ),
]
TermYearsOpt = Annotated[
    int | None,
    typer.Option(
        "--term-years",
        metavar="N",
        min=1,
        max=99,
        help="Term of office won in this election, in years.",
        rich_help_panel=FACTS,
    ),
]
PreviousTermOpt = Annotated[
    int | None,
    typer.Option(
        "--previous-term-years",
        metavar="N",
        min=1,
        max=99,
        help="Term length before this election.",
        rich_help_panel=FACTS,
    ),
]
TermLimitOpt = Annotated[
    str | None,
    typer.Option(
        "--term-limit", help="Term limit, e.g. 'single non-renewable term'.", rich_help_panel=FACTS
    ),
]


def race_options(
    race_by: str | None, race: list[str] | None, where: list[str] | None, votes: str | None
) -> dict[str, Any]:
    """The race-reading flags as `pollcli.read.load`'s keyword arguments; a malformed --where is a
    usage error."""
    pairs = []
    for text in where or []:
        column, sep, value = text.partition("=")
        if not sep or not column.strip() or not value.strip():
            raise UsageError(f"--where {text!r}: write COL=VALUE, e.g. --where office=Governor")
        pairs.append((column.strip(), value.strip()))
    return {
        "race_by": None if race_by is None else [c for c in race_by.split(",") if c.strip()],
        "race": list(race or []),
        "where": pairs,
        "votes": votes,
    }


def aliases(alias: list[str] | None) -> list[tuple[str, str]]:
    """--alias OLD=NEW as (old, new) pairs; a malformed one is a usage error."""
    if not alias:
        return []
    from pollcli.names import parse_alias  # its patterns and unicodedata only for --alias

    return [(a.old, a.new) for a in map(parse_alias, alias)]


_DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def delimiter_char(value: str | None) -> str | None:
    if value is None:
        return None
    char = _DELIMITER_NAMES.get(value.lower(), value)
    if len(char) != 1:
        raise UsageError(f"--delimiter must be one character or 'tab', not {value!r}")
    return char


def fact_overrides(**flags: Any) -> dict[str, Any]:
    """Election-fact flags, typed and bounded like the file's facts; a bad value is a usage error
    naming the flag. Counts arrive as text and are read like a cell (`6,456,392`), so that a count
    of thousands of digits gets pollcli's message, not Click's or Python's."""
    from pollcli.contract import parse_fact

    facts: dict[str, Any] = {}
    for key, value in flags.items():
        if value is None:
            continue
        try:
            facts[key] = parse_fact(key, str(value))
        except ValueError as exc:
            # The reader's advice is for a cell; the flag's name says where to fix it.
            message = str(exc).removesuffix("; fix the cell")
            raise UsageError(f"--{key.replace('_', '-')}: {message}") from None
    return facts


def reading(kind: list[str] | None, ignore_column: list[str] | None, sheet: str | None) -> Any:
    """The keyword arguments of `load` and `validate` for --kind, --ignore-column and --sheet."""
    kinds: dict[str, str] = {}
    for text in kind or []:
        name, equals, value = text.rpartition("=")
        if not equals:
            raise UsageError(f"--kind {text!r}: write NAME=KIND, e.g. --kind 'Write-ins=other'")
        kinds[name.strip()] = value.strip().lower().replace("-", "_")
    columns = [c.strip() for text in ignore_column or [] for c in text.split(",") if c.strip()]
    return {"kinds": kinds, "ignore_columns": columns, "sheet": sheet}
