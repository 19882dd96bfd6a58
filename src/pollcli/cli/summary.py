"""`pollcli summary`: one election's story, as a table and findings, JSON, CSV or Markdown."""

# No `from __future__ import annotations`: Typer reads the command's signature on every run, and
# annotations kept as text would be compiled again each time (milliseconds of start-up).

from functools import partial
from typing import Annotated

import typer

from pollcli.cli import options as opt
from pollcli.cli.charts import chart_request, draw_summary_chart
from pollcli.cli.output import check_output_path, emit, report_refused, warn
from pollcli.cli.pictures import check_picture_paths, save_pictures
from pollcli.cli.progress import progress_on_terminal
from pollcli.errors import UsageError

EXAMPLE = """Examples:

  pollcli summary data/kz_2022.csv

  pollcli summary data/kz_2022.csv --format json | jq '.elections[0].leader'

  pollcli summary results.csv --encoding cp1251 --threshold 5 --term-years 7

  pollcli summary data/kz_2022.csv --svg kz_2022.svg --html kz_2022.html

  pollcli summary precincts.csv --by region

  pollcli summary data/kz_2022.csv --chart kz_2022.svg

  pollcli summary regions.csv --by region --chart map.svg --geojson regions.geojson

  pollcli summary 20241105__ga__general__precinct.csv --sort margin

  pollcli summary results.csv --race "U.S. House" --detail
"""


def summary(
    files: opt.Files,
    threshold: Annotated[
        float,
        typer.Option(
            "--threshold",
            "-t",
            min=0,
            max=100,
            metavar="PCT",
            help="Candidates strictly below this share are flagged.",
        ),
    ] = 3.0,
    majority: Annotated[
        float,
        typer.Option(
            "--majority",
            min=0,
            max=100,
            metavar="PCT",
            help="A leader above this share wins outright; otherwise a runoff is named.",
        ),
    ] = 50.0,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            metavar="region",
            help="Add a table per region: leader, margin, shares and turnout.",
        ),
    ] = None,
    detail: Annotated[
        bool,
        typer.Option(
            "--detail",
            help="With more than 3 races: each race's table and findings, not one line per race.",
            rich_help_panel=opt.RACES,
        ),
    ] = False,
    one_line_per_race: Annotated[
        bool,
        typer.Option(
            "--overview",
            help="One line per race however few the races, in CSV too (its columns: race, "
            "leader, margin…). CSV is otherwise one row per option of each race.",
            rich_help_panel=opt.RACES,
        ),
    ] = False,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            metavar="ORDER",
            help="Order of the races: file (as they come) or margin (the closest first).",
            rich_help_panel=opt.RACES,
        ),
    ] = "file",
    race_by: opt.RaceByOpt = None,
    race: opt.RaceOpt = None,
    where: opt.WhereOpt = None,
    alias: opt.AliasOpt = None,
    fmt: opt.FormatOpt = opt.Format.table,
    output: opt.OutputOpt = None,
    svg: opt.SvgOpt = None,
    html: opt.HtmlOpt = None,
    chart: opt.ChartOpt = None,
    colours: opt.ColoursOpt = None,
    geojson: Annotated[
        str | None,
        typer.Option(
            "--geojson",
            metavar="FILE",
            help="With --by region and --chart: draw a map of who leads each region, regions "
            "matched to the GeoJSON's features by name.",
            rich_help_panel=opt.OUTPUT,
        ),
    ] = None,
    geojson_name: Annotated[
        str | None,
        typer.Option(
            "--geojson-name",
            metavar="PROPERTY",
            help="The feature property holding region names. Default: the one matching most regions.",
            rich_help_panel=opt.OUTPUT,
        ),
    ] = None,
    quiet: opt.QuietOpt = False,
    no_color: opt.NoColorOpt = False,
    encoding: opt.EncodingOpt = None,
    delimiter: opt.DelimiterOpt = None,
    decimal: opt.DecimalOpt = None,
    kind: opt.KindOpt = None,
    ignore_column: opt.IgnoreColumnOpt = None,
    sheet: opt.SheetOpt = None,
    votes: opt.VotesOpt = None,
    header_line: opt.HeaderLineOpt = None,
    columns: opt.ColumnsOpt = None,
    region: opt.RegionOpt = None,
    unit: opt.UnitOpt = None,
    wide: opt.WideOpt = False,
    id_columns: opt.IdColumnsOpt = None,
    fusion: opt.FusionOpt = False,
    blank_votes: opt.BlankVotesOpt = None,
    primary: opt.PrimaryOpt = None,
    election: opt.ElectionOpt = None,
    date: opt.DateOpt = None,
    country: opt.CountryOpt = None,
    office: opt.OfficeOpt = None,
    round_: opt.RoundOpt = None,
    stage: opt.StageOpt = None,
    source: opt.SourceOpt = None,
    registered: opt.RegisteredOpt = None,
    ballots_cast: opt.CastOpt = None,
    invalid: opt.InvalidOpt = None,
    blank: opt.BlankOpt = None,
    share_base: opt.ShareBaseOpt = None,
    term_years: opt.TermYearsOpt = None,
    previous_term_years: opt.PreviousTermOpt = None,
    term_limit: opt.TermLimitOpt = None,
    system: opt.SystemOpt = None,
    vote_for: opt.VoteForOpt = None,
) -> int:
    """Who leads and by how much, majority or runoff, who is below the threshold, turnout and term.
    A file of many races gives one line per race and the races won per party."""
    from pollcli.findings.warnings import digest
    from pollcli.read import load
    from pollcli.render.safe import visible
    from pollcli.summary import summarize

    inputs = [*files, *(f for f in (colours, geojson) if f is not None)]
    check_output_path(output, inputs)
    check_picture_paths(inputs, output, svg, html, chart)
    if by is not None and by.strip().lower() != "region":
        raise UsageError(f"--by {by!r} is not supported; use --by region")
    request = chart_request(
        chart, colours, geojson=geojson, geojson_name=geojson_name, by_region=by is not None
    )
    facts = opt.fact_overrides(
        election=election,
        date=date,
        country=country,
        office=office,
        round=round_,
        stage=stage,
        source=source,
        registered=registered,
        ballots_cast=ballots_cast,
        invalid=invalid,
        blank=blank,
        share_base=share_base,
        term_years=term_years,
        previous_term_years=previous_term_years,
        term_limit=term_limit,
        system=system,
        vote_for=vote_for,
    )
    if detail and one_line_per_race:
        raise UsageError("--detail and --overview ask for opposite things; choose one")
    if sort not in ("file", "margin"):
        raise UsageError(f"--sort {sort!r}: choose file or margin")
    with progress_on_terminal():
        elections = load(
            files,
            encoding=encoding,
            delimiter=opt.delimiter_char(delimiter),
            decimal=decimal,
            **opt.reading(kind, ignore_column, sheet),
            facts=facts,
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
    result = summarize(
        elections,
        threshold=threshold,
        majority=majority,
        by_region=by is not None,
        detail=detail,
        sort=sort,
        one_line_per_race=one_line_per_race,
        release=True,  # (nothing below reads the elections' options or regions)
    )
    warn(
        digest(
            [*(e.problems for e in result.elections), result.set_aside or []],
            [*((e.source_file, e.election) for e in result.elections), ("", "")],
        ),
        quiet,
    )
    emit(result, "summary", fmt.value, output, no_color)
    if svg or html:
        from pollcli.render import overview_table

        title = " · ".join(visible(e.election) for e in result.elections) or "pollcli summary"
        save_pictures(partial(overview_table.render_summary, result), title, svg, html)
    if request is not None:
        draw_summary_chart(request, result, quiet)
    return 1 if report_refused(elections.refused) else 0


def register(app: typer.Typer) -> None:
    app.command("summary", epilog=EXAMPLE)(summary)
