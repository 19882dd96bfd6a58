"""Write a deterministic synthetic precinct-level results file for the benchmarks.

Columns `region,precinct,candidate,party,votes`: 20 regions, 7 options per precinct (six candidates and
"Against all"), votes drawn from a seeded generator whose weights differ by region, so that regions have
different leaders and margins. Equal arguments give byte-equal files.

    python bench/generate.py 10M bench/out/precincts_10M.csv
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

REGIONS = 20
CANDIDATES: tuple[tuple[str, str], ...] = (
    ("Aigerim Nurlanova", "Amanat"),
    ("Bolat Seitkali", "Auyl"),
    ("Dana Zhaksylyk", "Respublica"),
    ("Erlan Omarov", "Ak Zhol"),
    ("Gulnara Sadykova", "People's Party"),
    ("Marat Zhumabek", "National Social Democratic Party"),
    ("Against all", ""),
)
# Rows are written in slices of this many precincts so memory stays small for any size.
PRECINCTS_PER_SLICE = 200_000
SUFFIXES = {"k": 1_000, "m": 1_000_000}


def parse_rows(text: str) -> int:
    suffix = text[-1].lower()
    if suffix in SUFFIXES:
        return int(float(text[:-1]) * SUFFIXES[suffix])
    return int(text)


def region_weights(rng: np.random.Generator) -> np.ndarray:
    """Each region's preference for each option: the same national order, regional swings."""
    base = np.array([4.0, 1.2, 1.1, 0.9, 0.8, 0.6, 0.7])
    swing = rng.uniform(0.4, 1.8, size=(REGIONS, len(CANDIDATES)))
    return base * swing


def write(rows: int, path: Path, seed: int = 2022) -> int:
    """Write about `rows` rows (whole precincts) and return the number written."""
    rng = np.random.default_rng(seed)
    weights = region_weights(rng)
    options = len(CANDIDATES)
    precincts = max(1, rows // options)
    names = pa.array([c for c, _ in CANDIDATES])
    parties = pa.array([p for _, p in CANDIDATES])
    region_names = pa.array([f"Region {r + 1:02d}" for r in range(REGIONS)])
    path.parent.mkdir(parents=True, exist_ok=True)
    # No name holds a comma or a quote, so no cell needs quoting.
    write_options = pacsv.WriteOptions(include_header=False, quoting_style="none")
    with path.open("wb") as out:
        out.write(b"region,precinct,candidate,party,votes\n")
        for start in range(0, precincts, PRECINCTS_PER_SLICE):
            count = min(PRECINCTS_PER_SLICE, precincts - start)
            ids = np.arange(start, start + count)
            # Precincts are grouped by region, as commissions publish them.
            region = (ids * REGIONS) // precincts
            size = rng.integers(200, 3000, size=count)
            share = weights[region] * rng.uniform(0.7, 1.3, size=(count, options))
            share /= share.sum(axis=1, keepdims=True)
            votes = np.floor(share * size[:, None]).astype(np.int64)
            option_index = np.tile(np.arange(options), count)
            precinct = pa.array(np.repeat(ids, options)).cast(pa.string())
            table = pa.table(
                {
                    "region": region_names.take(pa.array(np.repeat(region, options))),
                    "precinct": pa.compute.binary_join_element_wise("P", precinct, ""),
                    "candidate": names.take(pa.array(option_index)),
                    "party": parties.take(pa.array(option_index)),
                    "votes": pa.array(votes.reshape(-1)),
                }
            )
            pacsv.write_csv(table, out, write_options)
    return precincts * options


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=parse_rows, help="number of rows, e.g. 1M, 10M, 30M")
    parser.add_argument("path", type=Path, help="where to write the CSV")
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args(argv)
    written = write(args.rows, args.path, args.seed)
    size = args.path.stat().st_size
    sys.stdout.write(f"{args.path}: {written:,} rows, {size / 2**20:.0f} MiB\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
