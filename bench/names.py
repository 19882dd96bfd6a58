"""`pollcli compare` on two elections of many names (issue 13 item 17): time and peak memory.

    python bench/names.py --names 1000 3000 10000 --runs 3

Three shapes of the second election, each against the first:
  exact  the same names in another order, every other one in capitals (matched by key);
  mixed  1 in 20 with a letter changed and 1 in 20 a new name (fuzzy matching on the leftovers);
  new    all names new (every name a leftover: the candidate filter's worst case).
Names are made of syllables, so that many look alike; the files go to bench/out/.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from pathlib import Path

from run import PYTHON, ROOT, compile_pollcli, measure

OUT = ROOT / "bench" / "out"
SYLLABLES = [
    "ka",
    "ra",
    "to",
    "mi",
    "ne",
    "sa",
    "lo",
    "vi",
    "du",
    "be",
    "zh",
    "an",
    "ol",
    "ek",
    "ur",
]


def names(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    found: dict[str, str] = {}
    while len(found) < count:
        first = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        last = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        found.setdefault(f"{first} {last}".casefold(), f"{first} {last}")
    return sorted(found.values())


def second(first: list[str], shape: str) -> list[str]:
    rng = random.Random(7)
    if shape == "new":
        fresh = set(names(2 * len(first), seed=99)) - set(first)
        return sorted(fresh)[: len(first)]
    taken = {name.casefold() for name in first}
    out = []
    for index, name in enumerate(first):
        changed = name
        if shape == "mixed" and index % 20 == 0:
            changed = name[:-1] + ("x" if name[-1] != "x" else "y")
        elif shape == "mixed" and index % 20 == 1:
            changed = "".join(rng.choice(SYLLABLES) for _ in range(5)).capitalize() + " Nova"
        if changed != name and changed.casefold() in taken:
            changed = name
        taken.add(changed.casefold())
        out.append(changed.upper() if shape == "exact" and index % 2 else changed)
    rng.shuffle(out)
    return out


def write(path: Path, rows: list[str], date: str) -> None:
    lines = [f"# date: {date}", "candidate,votes"]
    lines += [f"{name},{1000 + i}" for i, name in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, nargs="+", default=[1000, 3000, 10000])
    parser.add_argument("--shapes", nargs="+", default=["exact", "mixed", "new"])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    compile_pollcli()
    OUT.mkdir(parents=True, exist_ok=True)
    for count in args.names:
        first = names(count, seed=1)
        before = OUT / f"names_{count}_before.csv"
        write(before, first, "2019-01-01")
        for shape in args.shapes:
            after = OUT / f"names_{count}_{shape}.csv"
            write(after, second(first, shape), "2023-01-01")
            command = [PYTHON, "-m", "pollcli", "compare", str(before), str(after), "-f", "json"]
            runs = [measure(command)[:2] for _ in range(args.runs)]
            wall = statistics.median(w for w, _ in runs)
            peak = max(p for _, p in runs)
            print(f"{count:>6} names, {shape:<5}  median {wall:6.2f} s  peak RSS {peak:4.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
