"""`pollcli schema NAME`: the JSON Schema of a command's JSON output, generated from its model."""

# No `from __future__ import annotations`: Typer reads the command's signature on every run, and
# annotations kept as text would be compiled again each time (milliseconds of start-up).

from typing import Annotated

import typer

from pollcli import schema as registry
from pollcli.cli import options as opt
from pollcli.cli.output import write_text

EXAMPLE = """Examples:

  pollcli schema summary > summary.schema.json

  pollcli summary data/kz_2022.csv --format json > kz.json

  check-jsonschema --schemafile summary.schema.json kz.json
"""


def _complete_name(incomplete: str) -> list[str]:
    return [name for name in registry.names() if name.startswith(incomplete)]


def schema(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help=f"The command whose JSON output to describe: {', '.join(registry.names())}.",
            autocompletion=_complete_name,
            show_default=False,
        ),
    ],
    output: opt.OutputOpt = None,
) -> None:
    """Print the JSON Schema (draft 2020-12) of a command's `--format json` output."""
    import json

    document = registry.json_schema(name)
    write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", output)


def register(app: typer.Typer) -> None:
    app.command("schema", epilog=EXAMPLE)(schema)
