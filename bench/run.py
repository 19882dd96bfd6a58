"""Benchmarks: pollcli against DuckDB on big precinct files, and pollcli's start-up on a small file.

    python bench/run.py big bench/out/precincts_10M.csv bench/out/precincts_30M.csv --runs 5
    python bench/run.py startup --runs 15

Each child runs alone and its own peak RSS comes from `os.wait4`; pollcli and the reference alternate in
one run, so a noisy machine slows both alike, and medians and ratios are printed.

pollcli's bytecode is written first, as `pip install` or any first run does: with an editable install and
PYTHONDONTWRITEBYTECODE set (as on our CI machines) every run would otherwise compile pollcli's modules
from source, some 40 ms that no user pays twice. The reference's packages have their bytecode from pip.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DUCKDB_QUERY = """
import json, sys, duckdb
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
rows = con.execute("select candidate, sum(votes) from read_csv(?) group by 1", [sys.argv[1]])
print(json.dumps({name: int(total) for name, total in rows.fetchall()}))
"""
BARE_IMPORT = "import typer, rich.table, pydantic"


def compile_pollcli() -> None:
    spec = importlib.util.find_spec("pollcli")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pollcli is not installed in this environment: pip install -e '.[bench]'")
    for folder in spec.submodule_search_locations:
        compileall.compile_dir(folder, quiet=1)
    print(f"pollcli bytecode written under {', '.join(spec.submodule_search_locations)}")


def measure(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MiB and stdout of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        err = child.stderr.read().decode() if child.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}): {err}")
    return wall, usage.ru_maxrss / 1024, out.decode()


def pollcli_totals(stdout: str) -> dict[str, int]:
    election = json.loads(stdout)["elections"][0]
    return {row["candidate"]: row["votes"] for row in election["results"]}


def big(files: list[Path], runs: int) -> None:
    pollcli = [PYTHON, "-m", "pollcli", "summary", "--format", "json"]
    duckdb = [PYTHON, "-c", DUCKDB_QUERY]
    peaks: dict[str, float] = {}
    for path in files:
        size = path.stat().st_size / 2**20
        walls: dict[str, list[float]] = {"pollcli": [], "duckdb": []}
        rss: dict[str, list[float]] = {"pollcli": [], "duckdb": []}
        totals: dict[str, dict[str, int]] = {}
        for _ in range(runs):
            for name, command in (("pollcli", pollcli), ("duckdb", duckdb)):
                wall, peak, out = measure([*command, str(path)])
                walls[name].append(wall)
                rss[name].append(peak)
                totals[name] = pollcli_totals(out) if name == "pollcli" else json.loads(out)
        p, d = (statistics.median(walls[n]) for n in ("pollcli", "duckdb"))
        peaks[path.name] = max(rss["pollcli"])
        print(f"{path.name} ({size:.0f} MiB), {runs} alternated runs each:")
        print(f"  pollcli  median {p:.2f} s  peak RSS {max(rss['pollcli']):.0f} MiB")
        print(f"  duckdb   median {d:.2f} s  peak RSS {max(rss['duckdb']):.0f} MiB")
        print(f"  wall-time ratio pollcli/duckdb: {p / d:.2f}")
        same = totals["pollcli"] == totals["duckdb"]
        print(
            f"  totals identical: {'yes' if same else 'NO'} ({sum(totals['duckdb'].values()):,} votes)"
        )
    if len(peaks) > 1:
        values = list(peaks.values())
        print(f"peak RSS largest/smallest file: {values[-1] / values[0]:.2f}")


def startup(runs: int) -> None:
    small = str(ROOT / "data" / "kz_2022.csv")
    commands = {
        "pollcli": [PYTHON, "-m", "pollcli", "summary", small, "--format", "json"],
        "import": [PYTHON, "-c", BARE_IMPORT],
    }
    walls: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            walls[name].append(measure(command)[0])
    p, i = (statistics.median(walls[n]) for n in commands)
    print(f"start-up, {runs} alternated runs each (medians):")
    print(f"  pollcli summary data/kz_2022.csv --format json  {p * 1000:.0f} ms")
    print(f"  python -c '{BARE_IMPORT}'  {i * 1000:.0f} ms")
    print(f"  ratio: {p / i:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="benchmark", required=True)
    big_parser = sub.add_parser("big", help="pollcli against DuckDB on generated precinct files")
    big_parser.add_argument("files", nargs="+", type=Path)
    big_parser.add_argument("--runs", type=int, default=5)
    start_parser = sub.add_parser("startup", help="pollcli on a small file against bare imports")
    start_parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    compile_pollcli()
    if args.benchmark == "big":
        big(args.files, args.runs)
    else:
        startup(args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
