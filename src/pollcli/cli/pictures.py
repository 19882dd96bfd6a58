"""`--svg` and `--html`: save what the table renderer draws as a picture file; where `--chart` may go."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pollcli.cli.output import check_output_path, write_file
from pollcli.errors import UsageError

if TYPE_CHECKING:
    from rich.console import RenderableType


def check_picture_paths(
    inputs: Sequence[str],
    output: str | None,
    svg: str | None,
    html: str | None,
    chart: str | None = None,
) -> None:
    """Before any work: pictures never overwrite an input, nor the data output or each other; a
    chart's file name says which format it wants."""
    if chart is not None:
        from pollcli.charts.files import chart_format

        chart_format(chart)
    targets = {"--output": output, "--svg": svg, "--html": html, "--chart": chart}
    seen: dict[Path, str] = {}
    for flag, target in targets.items():
        if target is None or (flag == "--output" and target == "-"):
            continue
        if flag != "--output":
            if target == "-":
                raise UsageError(f"{flag} needs a file name; standard output carries the data")
            _check(flag, target, inputs)
        resolved = Path(target).resolve()
        if resolved in seen:
            raise UsageError(
                f"{seen[resolved]} and {flag} both name {target}; give each its own file"
            )
        seen[resolved] = flag


def _check(flag: str, target: str, inputs: Sequence[str]) -> None:
    try:
        check_output_path(target, inputs)
    except UsageError as error:
        raise UsageError(str(error).replace("--output", flag, 1)) from None


def save_pictures(
    draw: Callable[[int], RenderableType], title: str, svg: str | None, html: str | None
) -> None:
    """Render `draw(width)` at the export width and write the SVG and/or HTML files asked for."""
    if svg is None and html is None:
        return
    from pollcli import export

    renderable = draw(export.EXPORT_WIDTH)
    for flag, target, make in (("--svg", svg, export.to_svg), ("--html", html, export.to_html)):
        if target is None:
            continue
        write_file(target, make(renderable, title=title), flag)
