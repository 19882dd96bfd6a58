"""`pollcli compare`: elections side by side, names matched across spellings, exit polls against the count."""

# No `from __future__ import annotations`: Typer reads the command's signature on every run, and
# annotations kept as text would be compiled again each time (milliseconds of start-up).

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pollcli.cli import options as opt
from pollcli.cli.charts import chart_request, draw_comparison_chart
from pollcli.cli.output import check_output_path, emit, report_refused, warn
from pollcli.cli.pictures import check_picture_paths, save_pictures
from pollcli.cli.progress import progress_on_terminal
from pollcli.errors import NoSuchRace, UsageError
from pollcli.render.safe import visible

if TYPE_CHECKING:
    from pollcli.names import Alias

EXAMPLE = """Examples:

  pollcli compare data/kz_2019.csv data/kz_2022.csv

  pollcli compare data/kz_2022_exit_poll_*.csv data/kz_2022.csv

  pollcli compare old.csv new.csv -a "Tokaev=Kassym-Jomart Tokayev" --no-fuzzy

  pollcli compare old.csv new.csv --by party -f json | jq .volatility

  pollcli compare data/kz_2022_exit_poll_*.csv data/kz_2022.csv --chart polls.svg

  pollcli compare ga_runoff.csv 538.csv --race "U.S. Senate" --race-of 2="U.S. Senate · Class II"
"""

MATCHING = "Matching names"


class By(StrEnum):
    candidate = "candidate"
    party = "party"


def compare(
    files: opt.Files,
    by: Annotated[
        By,
        typer.Option("--by", help="One row per candidate, or per party.", case_sensitive=False),
    ] = By.candidate,
    alias: Annotated[
        list[str] | None,
        typer.Option(
            "--alias",
            "-a",
            metavar="OLD=NEW",
            help="Treat the name OLD as NEW (repeatable).",
            rich_help_panel=MATCHING,
        ),
    ] = None,
    aliases: Annotated[
        str | None,
        typer.Option(
            "--aliases",
            metavar="FILE",
            help="A file of OLD=NEW lines ('#' starts a comment).",
            rich_help_panel=MATCHING,
        ),
    ] = None,
    no_fuzzy: Annotated[
        bool,
        typer.Option(
            "--no-fuzzy",
            help="Match names only when equal after normalising case, accents, script, "
            "punctuation and word order (and aliases).",
            rich_help_panel=MATCHING,
        ),
    ] = False,
    fmt: opt.FormatOpt = opt.Format.table,
    output: opt.OutputOpt = None,
    svg: opt.SvgOpt = None,
    html: opt.HtmlOpt = None,
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
    race_of: Annotated[
        list[str] | None,
        typer.Option(
            "--race-of",
            metavar="FILE=TEXT",
            help="In FILE only, keep the races named like TEXT, in place of --race (repeatable). "
            "FILE as given, its file name, or its number (--race-of 2='Class II'). compare "
            "compares one race: each file must give one.",
            rich_help_panel=opt.RACES,
        ),
    ] = None,
    encoding_of: Annotated[
        list[str] | None,
        typer.Option(
            "--encoding-of",
            metavar="FILE=NAME",
            help="FILE's text encoding, in place of --encoding (repeatable): files of two "
            "publishers, one cp1252 and one UTF-8. FILE as given, its file name, or its number.",
            rich_help_panel=opt.READING,
        ),
    ] = None,
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
    """Elections side by side: shares and changes, leader, turnout, term, volatility; polls vs the count.

    Names are matched across spellings (case, accents, Cyrillic/Latin, punctuation, word order, then similarity of at least 88 out of 100); every match that is not letter-for-letter is listed with its score.

    Inputs that are one election at different stages (same date, country, office and round) are read as exit polls against the official count and ranked by mean absolute error.
    """
    from pollcli import names
    from pollcli.comparison import compare as run_compare
    from pollcli.read import load

    inputs = [*files, *([aliases] if aliases else []), *([colours] if colours else [])]
    check_output_path(output, inputs)
    check_picture_paths(inputs, output, svg, html, chart)
    request = chart_request(chart, colours)
    pairs = [names.parse_alias(text) for text in alias or []]
    if aliases:
        pairs = _read_aliases(aliases) + pairs
    with progress_on_terminal(), _race_in_each(files, race or []):
        elections = load(
            files,
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
            race_of=races_of(files, race_of or []),
            encoding_of={
                position: names[-1]
                for position, names in per_file(files, encoding_of or [], "--encoding-of").items()
            },
        )
    result = run_compare(elections, by=by.value, aliases=pairs, fuzzy=not no_fuzzy)
    warn(result.warnings, quiet)
    emit(result, "compare", fmt.value, output, no_color)
    if svg or html:
        from pollcli.render import compare_table

        title = " → ".join(visible(e.election) for e in result.elections)
        save_pictures(partial(compare_table.render_comparison, result), title, svg, html)
    if request is not None:
        draw_comparison_chart(request, result, quiet)
    return 1 if report_refused(elections.refused) else 0


@contextmanager
def _race_in_each(files: list[str], races: list[str]) -> Iterator[None]:
    """--race that keeps no race of one file: compare keeps it in the others with --race-of
    (R4: the NY 2020 primary, one race, beside the 2016 general election of many)."""
    try:
        yield
    except NoSuchRace as exc:
        if exc.position is None or len(files) < 2 or not races:
            raise
        import shlex

        others = [n for n in range(1, len(files) + 1) if n != exc.position + 1]
        picks = " ".join(f"--race-of {shlex.quote(f'{n}={races[0]}')}" for n in others)
        raise NoSuchRace(
            f"{exc}. --race keeps races in every file; to keep them in some files only, give "
            f"--race-of FILE=TEXT (FILE: a file as given, its name or its number) in its place: "
            f"{picks} keeps {races[0]!r} in the other "
            f"{'file' if len(others) == 1 else 'files'} and reads {visible(files[exc.position])} "
            "whole"
        ) from None


def races_of(files: list[str], given: list[str]) -> dict[int, list[str]]:
    """--race-of FILE=TEXT as `load`'s `race_of`: the races to keep, by the file's position."""
    return per_file(files, given, "--race-of")


def per_file(files: list[str], given: list[str], flag: str) -> dict[int, list[str]]:
    """A per-file option's FILE=TEXT values by the file's position. FILE is a file as given, its
    file name when no other file has it, or its number from 1; the first `=` after which the text
    before names a file ends FILE (a path may hold an `=`)."""
    picked: dict[int, list[str]] = {}
    for text in given:
        for at in (i for i, c in enumerate(text) if c == "="):
            position = _file_position(files, text[:at].strip())
            if position is not None and text[at + 1 :].strip():
                picked.setdefault(position, []).append(text[at + 1 :].strip())
                break
        else:
            numbered = ", ".join(f"{n} {visible(f)}" for n, f in enumerate(files, 1))
            example, form = (
                ("2='U.S. Senate'", "TEXT") if flag == "--race-of" else ("2=cp1252", "NAME")
            )
            raise UsageError(
                f"{flag} {visible(text)!r}: write FILE={form}, FILE being one of the files "
                f"given, its file name or its number ({numbered}), e.g. {flag} {example}"
            )
    return picked


def _file_position(files: list[str], name: str) -> int | None:
    if name in files:
        return files.index(name)
    named = [i for i, f in enumerate(files) if Path(f).name == name]
    if len(named) == 1:
        return named[0]
    if name.isdigit() and 1 <= int(name) <= len(files):
        return int(name) - 1
    return None


def _read_aliases(path: str) -> list["Alias"]:
    from pollcli import names

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"--aliases {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--aliases {path}: cannot read it as UTF-8 text ({exc})") from None
    return names.parse_alias_lines(text.splitlines(), path)


def register(app: typer.Typer) -> None:
    app.command("compare", epilog=EXAMPLE)(compare)
