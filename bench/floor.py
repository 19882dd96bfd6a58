"""Where a summary of 10,000 races spends its time, and the floor its design sets (issue 10 item 3).

    python bench/floor.py --runs 3

The `elections` cliff case (10,000 races of 100 candidates, 1M rows, no region: `bench/run.py cliff
--only elections`) misses the 3 s target. This script says by how much each stage does and what the
row contract alone costs, in one process, with the collector paused as the CLI pauses it:

  load, summarize, emit   the library's stages as `pollcli summary FILE --format json` runs them
                          (the JSON written to /dev/null);
  contract per row        `contract.Row` validated once per distinct row of the file (its option
                          cells: name and party), as both engines validate today;
  contract per column     the same cells validated a column at a time by Pydantic (a list of
                          names, a list of parties) and each distinct name's kind looked up once:
                          what a columnar contract would cost.

Medians of --runs; each figure also as a share of the 3 s target. The stages' sum is the wall time
of the library's work (not the process's start-up).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import OUT, ensure

TARGET_SECONDS = 3.0


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def stages(path: Path) -> dict[str, float]:
    """The library's stages of `pollcli summary PATH --format json`, timed one by one."""
    from pollcli.cli.output import emit
    from pollcli.read import load
    from pollcli.summary import summarize

    figures: dict[str, float] = {}
    figures["load"], elections = timed(lambda: load([path]))
    figures["summarize"], result = timed(
        lambda: summarize(
            elections,
            threshold=3.0,
            majority=50.0,
            by_region=False,
            detail=False,
            sort="file",
            one_line_per_race=False,
        )
    )
    with open("/dev/null", "w") as sink:  # (a stream, as the CLI's stdout)
        saved, sys.stdout = sys.stdout, sink
        try:
            figures["emit"], _ = timed(lambda: emit(result, "summary", "json", None, True))
        finally:
            sys.stdout = saved
    return figures


def distinct_rows(path: Path) -> list[dict[str, str]]:
    """The file's distinct option cells (name, party), as the engines validate them."""
    import pyarrow.csv as pv

    table = pv.read_csv(path, convert_options=pv.ConvertOptions(column_types={"votes": "string"}))
    pairs = dict.fromkeys(
        zip(table.column("candidate").to_pylist(), table.column("party").to_pylist(), strict=True)
    )
    return [{"candidate": name, "party": party} for name, party in pairs]


def _named(value: Any) -> Any:
    """A stand-in for the row contract's name check (a blank name is refused), of its cost."""
    if isinstance(value, str) and not value.strip():
        raise ValueError("the option has no name")
    return value


def contract_floor(rows: list[dict[str, str]]) -> dict[str, float]:
    """The row contract's cost per row, and a columnar contract's for the same cells."""
    from pydantic import BeforeValidator, TypeAdapter

    from pollcli.contract import Row
    from pollcli.kinds import implied_by_name

    implied_by_name.cache_clear()
    names: dict[str, Any] = {}
    per_row, _ = timed(lambda: [Row.model_validate(row, context={"names": names}) for row in rows])
    implied_by_name.cache_clear()
    column = TypeAdapter(list[Annotated[str, BeforeValidator(_named)]])
    plain = TypeAdapter(list[str | None])

    def columnar() -> None:
        column.validate_python([row["candidate"] for row in rows])
        plain.validate_python([row["party"] for row in rows])
        for name in {row["candidate"] for row in rows}:
            implied_by_name(name)

    per_column, _ = timed(columnar)
    return {"contract per row": per_row, "contract per column": per_column}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=OUT, help="where the bench files are")
    args = parser.parse_args(argv)
    path = ensure("elections", args.rows, out=args.out)
    gc.disable()  # as `pollcli`'s __main__ does for the whole run
    rows = distinct_rows(path)
    runs: dict[str, list[float]] = {}
    for _ in range(args.runs):
        for name, seconds in {**stages(path), **contract_floor(rows)}.items():
            runs.setdefault(name, []).append(seconds)
    print(f"{path.name}: {len(rows):,} distinct option rows; medians of {args.runs} run(s)")
    total = sum(statistics.median(runs[name]) for name in ("load", "summarize", "emit"))
    for name, values in runs.items():
        median = statistics.median(values)
        print(f"  {name:<20} {median:6.2f} s  {median / TARGET_SECONDS:5.2f}× the 3 s target")
    print(f"  {'stages in all':<20} {total:6.2f} s  {total / TARGET_SECONDS:5.2f}× the 3 s target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
