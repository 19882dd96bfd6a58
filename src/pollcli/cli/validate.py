"""`pollcli validate`: every problem in each file, with line, column and a stable code."""

# No `from __future__ import annotations`: Typer reads the command's signature on every run, and
# annotations kept as text would be compiled again each time (milliseconds of start-up).

import sys
from functools import partial

import typer

from pollcli.cli import options as opt
from pollcli.cli.output import check_output_path, emit
from pollcli.cli.pictures import check_picture_paths, save_pictures
from pollcli.cli.progress import progress_on_terminal
from pollcli.errors import ExitCode, InputError, UsageError

EXAMPLE = """Examples:

  pollcli validate data/kz_2022.csv

  pollcli validate export.csv --encoding cp1251 --format json | jq '.files[].problems[].code'
"""


def validate(
    files: opt.Files,
    fmt: opt.FormatOpt = opt.Format.table,
    output: opt.OutputOpt = None,
    svg: opt.SvgOpt = None,
    html: opt.HtmlOpt = None,
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
    header_line: opt.HeaderLineOpt = None,
    columns: opt.ColumnsOpt = None,
    region: opt.RegionOpt = None,
    unit: opt.UnitOpt = None,
    wide: opt.WideOpt = False,
    id_columns: opt.IdColumnsOpt = None,
    fusion: opt.FusionOpt = False,
    blank_votes: opt.BlankVotesOpt = None,
    primary: opt.PrimaryOpt = None,
) -> int:
    """List every problem in each file, not just the first. Errors exit 1; warnings alone exit 0."""
    from pollcli.models import FileReport, ValidationReport
    from pollcli.read import validate as run_validation
    from pollcli.render.safe import visible

    check_output_path(output, files)
    check_picture_paths(files, output, svg, html)
    if files.count("-") > 1:
        raise UsageError("'-' (standard input) can be read only once; give it one time")
    # File by file, so that one that cannot be read is reported after the others, not instead.
    reports: list[FileReport] = []
    unreadable: list[str] = []
    with progress_on_terminal():
        for file in files:
            try:
                reports += run_validation(
                    file,
                    encoding=encoding,
                    delimiter=opt.delimiter_char(delimiter),
                    decimal=decimal,
                    **opt.reading(kind, ignore_column, sheet),
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
                ).files
            except InputError as exc:
                unreadable.append(str(exc))
    report = ValidationReport(files=reports)
    if reports or not unreadable:  # no empty report when not one file could be read
        emit(report, "validate", fmt.value, output, no_color)
        if svg or html:
            from pollcli.render import table

            save_pictures(partial(table.render_validation, report), "pollcli validate", svg, html)
    for message in unreadable:
        sys.stderr.write(f"pollcli: error: {visible(message)}\n")
    if unreadable:
        return ExitCode.USAGE_ERROR
    return ExitCode.OK if report.valid else ExitCode.DATA_ERROR


def register(app: typer.Typer) -> None:
    app.command("validate", epilog=EXAMPLE)(validate)
