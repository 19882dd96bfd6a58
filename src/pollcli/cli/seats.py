"""`pollcli seats`: party-list seats from votes, with the legal threshold, per district or race."""

# No `from __future__ import annotations`: Typer reads the command's signature on every run, and
# annotations kept as text would be compiled again each time (milliseconds of start-up).

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pollcli.cli import options as opt
from pollcli.cli.charts import chart_request, draw_seats_chart
from pollcli.cli.output import check_output_path, emit, report_refused, warn
from pollcli.cli.pictures import check_picture_paths
from pollcli.cli.progress import progress_on_terminal
from pollcli.errors import UsageError

EXAMPLE = """Examples:

  pollcli seats data/kz_2023_mazhilis.csv

  pollcli seats data/kz_2023_mazhilis.csv --method hare,dhondt

  pollcli seats results.csv --seats 120 --method sainte-lague --list-threshold 5

  pollcli seats regions.csv --seats-file seats.csv --format json | jq '.elections[0].allocations'

  pollcli seats districts.csv --list-threshold 5 --threshold-scope national --threshold-exempt MN

  pollcli seats data/kz_2023_mazhilis.csv --chart mazhilis.svg
"""

ALLOCATION = "Allocation (overrides the file)"


class Scope(StrEnum):
    district = "district"
    national = "national"


class TieRule(StrEnum):
    earlier = "earlier"
    lot = "lot"


# summary's --system, with seats' own default: a race the file gives no system is first past the post.
SystemOpt = Annotated[
    str | None,
    typer.Option(
        "--system",
        metavar="SYSTEM",
        help="How single-member races are won: plurality (first past the post: the most votes), "
        "majority (two rounds: a race without a majority counts no seat yet) or list. Default: "
        "the file's system column, else plurality, said in the findings where a race is won "
        "without a majority.",
        rich_help_panel=opt.FACTS,
    ),
]


def seats(
    files: opt.Files,
    seats_: Annotated[
        int | None,
        typer.Option(
            "--seats",
            "-n",
            metavar="N",
            min=1,
            help="Seats to fill (one election's total; districts take theirs from a seats column "
            "or --seats-file).",
            rich_help_panel=ALLOCATION,
        ),
    ] = None,
    method: Annotated[
        str | None,
        typer.Option(
            "--method",
            "-m",
            metavar="M[,M…]",
            help="hare, droop, dhondt, sainte-lague, modified-sainte-lague or imperiali; several, "
            "comma-separated, are shown side by side, the first compared with. Default: the "
            "file's method, else dhondt.",
            rich_help_panel=ALLOCATION,
        ),
    ] = None,
    list_threshold: Annotated[
        float | None,
        typer.Option(
            "--list-threshold",
            metavar="PCT",
            min=0,
            max=100,
            help="Legal threshold: lists below this percent of the base get no seats. Default: "
            "the file's list_threshold, else none.",
            rich_help_panel=ALLOCATION,
        ),
    ] = None,
    threshold_base: Annotated[
        str | None,
        typer.Option(
            "--threshold-base",
            metavar="BASE",
            help="What the threshold is a percent of: valid (all valid votes, 'Against all' in), "
            "parties (the lists' votes) or cast (ballots cast). Default: the file's "
            "threshold_base, else valid.",
            rich_help_panel=ALLOCATION,
        ),
    ] = None,
    threshold_scope: Annotated[
        Scope | None,
        typer.Option(
            "--threshold-scope",
            help="Where a file of districts takes the threshold: district (each district's "
            "votes) or national (the districts' votes summed, as Poland's Sejm: a list under it "
            "takes no seat anywhere). Default: the file's threshold_scope, else district.",
            case_sensitive=False,
            rich_help_panel=ALLOCATION,
        ),
    ] = None,
    threshold_exempt: Annotated[
        list[str] | None,
        typer.Option(
            "--threshold-exempt",
            metavar="NAME",
            help="A list the threshold does not apply to (a national minority's, as Poland's "
            "law exempts); repeat for several.",
            rich_help_panel=ALLOCATION,
        ),
    ] = None,
    seats_file: Annotated[
        str | None,
        typer.Option(
            "--seats-file",
            metavar="FILE",
            help="A CSV of 'district,seats': allocate per district (an election per district, or "
            "the file's regions) and add up.",
            rich_help_panel=ALLOCATION,
        ),
    ] = None,
    tie: Annotated[
        TieRule,
        typer.Option(
            "--tie",
            help="Who wins a tie for a seat: the list earlier in the file, or a lot drawn with "
            "--seed. Ties are always reported.",
            case_sensitive=False,
            rich_help_panel=ALLOCATION,
        ),
    ] = TieRule.earlier,
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed",
            metavar="N",
            min=0,
            help="Seed of the lot for --tie lot (default 0): the same seed draws the same lot.",
            rich_help_panel=ALLOCATION,
        ),
    ] = None,
    fmt: opt.FormatOpt = opt.Format.table,
    output: opt.OutputOpt = None,
    chart: opt.ChartOpt = None,
    colours: opt.ColoursOpt = None,
    quiet: opt.QuietOpt = False,
    no_color: opt.NoColorOpt = False,
    encoding: opt.EncodingOpt = None,
    delimiter: opt.DelimiterOpt = None,
    decimal: opt.DecimalOpt = None,
    kind: opt.KindOpt = None,
    ignore_column: opt.IgnoreColumnOpt = None,
    sheet: opt.SheetOpt = None,
    votes: opt.VotesOpt = None,
    race_by: opt.RaceByOpt = None,
    race: opt.RaceOpt = None,
    where: opt.WhereOpt = None,
    alias: opt.AliasOpt = None,
    header_line: opt.HeaderLineOpt = None,
    columns: opt.ColumnsOpt = None,
    region: opt.RegionOpt = None,
    unit: opt.UnitOpt = None,
    wide: opt.WideOpt = False,
    id_columns: opt.IdColumnsOpt = None,
    fusion: opt.FusionOpt = False,
    blank_votes: opt.BlankVotesOpt = None,
    primary: opt.PrimaryOpt = None,
    vote_for: opt.VoteForOpt = None,
    system: SystemOpt = None,
) -> int:
    """Seats from votes: each list's seats by a method, with the legal threshold, the quota or divisors, the last seat and who was next, votes that elected no one, and disproportionality.

    A file of several elections (an 'election' column) is read as the districts of one parliament: seats are allocated in each and added up; a district of one seat, or with none given, is a single-member race won by the most votes.

    A file that gives the seats each party won (a seats column that differs from party to party in a race) fills each race's seats won added up, unless --seats or --seats-file says otherwise, and the findings say whether the method gives the file's seats.
    """
    from pollcli.read import load
    from pollcli.seats import allocate, parse_district_seats

    inputs = [*files, *(f for f in (seats_file, colours) if f is not None)]
    check_output_path(output, inputs)
    check_picture_paths(inputs, output, None, None, chart)
    request = chart_request(chart, colours)
    district_seats = None
    if seats_file:
        district_seats = parse_district_seats(_read_lines(seats_file), seats_file)
    base = None
    if threshold_base is not None:
        from pollcli.columns import THRESHOLD_BASES, normalize_header

        base = normalize_header(threshold_base)
        if base not in THRESHOLD_BASES:
            raise UsageError(
                f"--threshold-base {threshold_base!r} is not one of {', '.join(THRESHOLD_BASES)}"
            )
    if seed is not None and tie is not TieRule.lot:
        raise UsageError("--seed draws a lot: use it with --tie lot")
    with progress_on_terminal():
        elections = load(
            files,
            encoding=encoding,
            delimiter=opt.delimiter_char(delimiter),
            decimal=decimal,
            **opt.reading(kind, ignore_column, sheet),
            facts=opt.fact_overrides(vote_for=vote_for, system=system),
            aliases=opt.aliases(alias),
            **opt.race_options(race_by, race, where, votes),
            header_line=header_line,
            columns=columns,
            region=region,
            unit=unit,
            wide=wide,
            id_columns=id_columns,
            fusion=fusion,
            blank_votes=blank_votes,
            primary=primary,
        )
    result = allocate(
        elections,
        seats=seats_,
        methods=method,
        list_threshold=list_threshold,
        threshold_base=base,
        tie=tie.value,
        seed=seed,
        district_seats=district_seats,
        threshold_scope=threshold_scope.value if threshold_scope is not None else None,
        threshold_exempt=threshold_exempt,
    )
    warn([w for e in result.elections for w in e.warnings], quiet)
    emit(result, "seats", fmt.value, output, no_color)
    if request is not None:
        draw_seats_chart(request, result, quiet)
    return 1 if report_refused(elections.refused) else 0


def _read_lines(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise UsageError(f"--seats-file {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--seats-file {path}: cannot read it as UTF-8 text ({exc})") from None


def register(app: typer.Typer) -> None:
    app.command("seats", epilog=EXAMPLE)(seats)
