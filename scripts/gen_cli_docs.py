#!/usr/bin/env python3
"""Write docs/cli.md from the real `--help` of every pollcli command.

    python scripts/gen_cli_docs.py           # rewrite docs/cli.md
    python scripts/gen_cli_docs.py --check   # exit 1 and show a diff if docs/cli.md is stale

The help is rendered exactly as a terminal shows it, at a fixed width and without colour, so the page is
the same on every machine. tests/test_docs.py runs the check.
"""

from __future__ import annotations

import os

# Typer reads these when it is imported: a fixed width, no colour, never a "terminal" (CI sets
# GITHUB_ACTIONS or FORCE_COLOR, which would otherwise force colour codes into the help).
WIDTH = 100
os.environ["TERMINAL_WIDTH"] = str(WIDTH)
os.environ["NO_COLOR"] = "1"
os.environ["_TYPER_FORCE_DISABLE_TERMINAL"] = "1"
for variable in ("FORCE_COLOR", "PY_COLORS", "COLUMNS", "LINES"):
    os.environ.pop(variable, None)

import argparse  # noqa: E402 - the environment above must be set before Typer is imported
import contextlib  # noqa: E402
import difflib  # noqa: E402
import io  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "cli.md"
COMMAND = "python scripts/gen_cli_docs.py"

HEADER = f"""\
# pollcli command-line reference

<!--
  Generated from the commands' own --help by scripts/gen_cli_docs.py; do not edit by hand.
  After changing a command or its help text, regenerate with:

      {COMMAND}

  tests/test_docs.py fails while this file and the help disagree.
-->

Every command and option, exactly as `--help` prints them (here at {WIDTH} columns). Run
`pollcli COMMAND --help` for the same text in your terminal. See also [the CSV format](csv-format.md),
[the JSON output](json.md), [recipes](recipes.md) and [shell habits](shell.md).
"""


def help_text(args: list[str]) -> str:
    """What `pollcli ARGS --help` prints, with the padding Rich adds to each line removed."""
    from pollcli.cli import run

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        code = run([*args, "--help"])
    if code != 0:
        raise SystemExit(f"pollcli {' '.join(args)} --help exited {code}:\n{buffer.getvalue()}")
    lines = [line.rstrip() for line in buffer.getvalue().splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def command_names() -> list[str]:
    """The subcommands in the order `pollcli --help` lists them."""
    import typer

    from pollcli.cli import app

    group = typer.main.get_command(app)
    context = group.make_context("pollcli", ["--help"], resilient_parsing=True)
    names: list[str] = group.list_commands(context)  # type: ignore[attr-defined]
    return [name for name in names if not group.get_command(context, name).hidden]  # type: ignore[attr-defined]


def render() -> str:
    names = command_names()
    parts = [HEADER]
    parts.append("Commands: " + ", ".join(f"[`{name}`](#pollcli-{name})" for name in names) + ".\n")
    for title, args in [("pollcli", []), *((f"pollcli {name}", [name]) for name in names)]:
        parts.append(f"## {title}\n\n```text\n{help_text(args)}\n```\n")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if docs/cli.md is stale")
    args = parser.parse_args(argv)
    text = render()
    if not args.check:
        TARGET.parent.mkdir(parents=True, exist_ok=True)
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET.relative_to(ROOT)}")
        return 0
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    if current == text:
        return 0
    diff = difflib.unified_diff(
        current.splitlines(keepends=True),
        text.splitlines(keepends=True),
        "docs/cli.md (committed)",
        "docs/cli.md (from --help)",
    )
    sys.stdout.writelines(diff)
    print(f"\ndocs/cli.md is out of date with the commands' --help; run: {COMMAND}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
