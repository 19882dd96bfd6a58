"""The card's stack alone, doing the least a summary of many races must (issue 10 item 3).

    python bench/bare.py --runs 3 [--shape elections|party_lists]

No pollcli at all. pyarrow reads the many-races cliff file (`bench/run.py cliff --only elections`:
10,000 races of 100 candidates, 1M rows), sums the votes by race, name and party and sorts each
race by votes; each option becomes a result of the summary's JSON (rank, name, party, kind, votes,
share, below the threshold) as a plain dict, and Pydantic's serialiser (`pydantic_core.to_json`,
the writer of pollcli's documents) writes them. No cell is validated, no check made, no note or
overview written, no rank worked out: each stage's figure is a floor under any design of pollcli
on this stack, and their sum is what the `elections` and `party_lists` shapes cost before pollcli
does any of its work. Printed against the 3 s target and against the cliff's reference, `pollcli
summary --format json` of the plain 1M-row file (one race), measured in the same run.

Session 23 (2 December 2026; load 3-4 on the 2 cores; medians of 3, CPU seconds, the reading
threads' too): `elections` read 0.15, group 0.26, sort 0.20, to Python 0.23, results as dicts 0.54,
written 0.50: 1.87 s, 62 % of the target (the JSON is 145 MB: a million results); `party_lists`
2.11 s (its group 0.55). The plain file's summary, the reference: 0.89-0.97 s. pollcli's own
summary of `elections` takes 12-13 s: some 10 s above this floor are its contract, its checks and
its findings, an object per option in each, and the target leaves them about 1 s. pandas' writer
(`to_json(orient="records")`, in C) took 1.67 s for the same rows in one run, and writes floats to
15 digits, not Python's shortest repr (the bytes would change): no way under Pydantic's.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import OUT, ensure

TARGET_SECONDS = 3.0


def _cpu(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.process_time()
    result = work()
    return time.process_time() - start, result


def floor(path: Path) -> dict[str, float]:
    """The stages' CPU seconds for one pass over `path` (a file of election, candidate, party,
    votes: the generator's many-races shapes)."""
    import pyarrow.csv as pv
    import pydantic_core

    seconds: dict[str, float] = {}
    seconds["read"], table = _cpu(lambda: pv.read_csv(path))
    keys = ["election", "candidate", "party"]
    seconds["group"], grouped = _cpu(
        lambda: table.group_by(keys, use_threads=False).aggregate([("votes", "sum")])
    )
    seconds["sort"], ordered = _cpu(
        lambda: grouped.sort_by([("election", "ascending"), ("votes_sum", "descending")])
    )

    def to_python() -> tuple[list[Any], ...]:
        return tuple(ordered.column(c).to_pylist() for c in (*keys, "votes_sum"))

    seconds["to python"], (races, names, parties, votes) = _cpu(to_python)

    def results() -> list[dict[str, Any]]:
        totals: dict[str, int] = {}
        for race, count in zip(races, votes, strict=True):
            totals[race] = totals.get(race, 0) + count
        return [
            {
                "rank": 1,
                "candidate": name,
                "party": party,
                "kind": "candidate",
                "votes": count,
                "share": count / totals[race] * 100 if totals[race] else None,
                "below_threshold": False,
            }
            for race, name, party, count in zip(races, names, parties, votes, strict=True)
        ]

    seconds["results"], rows = _cpu(results)
    seconds["written"], _ = _cpu(lambda: pydantic_core.to_json(rows))
    return seconds


def reference(plain: Path) -> float:
    """The user and system CPU seconds of `pollcli summary PLAIN --format json` (a child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "pollcli", "summary", str(plain), "--format", "json"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=OUT, help="where the bench files are")
    parser.add_argument("--shape", default="elections", help="elections, or party_lists")
    args = parser.parse_args(argv)
    path = ensure(args.shape, args.rows, out=args.out)
    plain = ensure("plain", args.rows, out=args.out)
    runs: dict[str, list[float]] = {}
    references = []
    for _ in range(args.runs):
        for stage, seconds in floor(path).items():
            runs.setdefault(stage, []).append(seconds)
        references.append(reference(plain))
    medians = {stage: statistics.median(values) for stage, values in runs.items()}
    total = sum(medians.values())
    ref = statistics.median(references)
    print(f"{path.name}: the stack alone, medians of {args.runs} (CPU seconds)")
    for stage, seconds in medians.items():
        print(f"  {stage:<10} {seconds:6.2f} s  {seconds / TARGET_SECONDS:6.1%} of the target")
    print(f"  {'all':<10} {total:6.2f} s  {total / TARGET_SECONDS:6.1%} of the 3 s target")
    print(
        f"reference (pollcli summary of {plain.name}): {ref:.2f} s; the floor is {total / ref:.1f}×"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
