"""`pollcli summary`: one election's story, as a table and findings, JSON, CSV or Markdown."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import typer

from pollcli.cli import options as opt
from pollcli.cli.charts import chart_request, draw_summary_chart
from pollcli.cli.output import check_output_path, emit, warn
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
) -> None:
    """Who leads and by how much, majority or runoff, who is below the threshold, turnout and term."""
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
    )
    with progress_on_terminal():
        elections = load(
            files,
            encoding=encoding,
            delimiter=opt.delimiter_char(delimiter),
            decimal=decimal,
            **opt.reading(kind, ignore_column, sheet),
            facts=facts,
        )
    result = summarize(elections, threshold=threshold, majority=majority, by_region=by is not None)
    warn([w for e in result.elections for w in e.warnings], quiet)
    emit(result, "summary", fmt.value, output, no_color)
    if svg or html:
        from pollcli.render import table

        title = " · ".join(visible(e.election) for e in result.elections) or "pollcli summary"
        save_pictures(partial(table.render_summary, result), title, svg, html)
    if request is not None:
        draw_summary_chart(request, result, quiet)


def register(app: typer.Typer) -> None:
    app.command("summary", epilog=EXAMPLE)(summary)
