"""Both engines on the same files: `validate --format json` and `summary --format json` from the
exact engine and from the streaming one, its blocks forced small so that they split races and
precincts, compared byte for byte (with the exit code and standard error).

    python bench/parity.py                       # tests/hostile, data, tests/seats, tests/parity, realworld
    python bench/parity.py --shapes 50k          # and every bench shape at 50k rows
    python bench/parity.py FILE... --blocks 4096,65536
    python bench/parity.py --fuzz 300            # drawn precinct files, a bound of 4-8 options

Each disagreement is printed with the first lines where the two outputs differ. Run in-process
(the CLI's `run`, as the tests run it), so that the blocks can be shrunk (`stream.BLOCK_BYTES`).
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALWORLD = Path("/work/shared/realworld")
COMMANDS = (("validate", "--format", "json"), ("summary", "--format", "json"))
BLOCKS = (4096, 65536)


@dataclass(frozen=True)
class Output:
    code: int
    stdout: str
    stderr: str


@dataclass(frozen=True)
class Disagreement:
    path: Path
    command: str
    block: int
    exact: Output
    stream: Output

    def describe(self, lines: int = 12) -> str:
        a = [f"exit {self.exact.code}", *self.exact.stdout.splitlines(), self.exact.stderr]
        b = [f"exit {self.stream.code}", *self.stream.stdout.splitlines(), self.stream.stderr]
        diff = list(difflib.unified_diff(a, b, "exact", "stream", n=1, lineterm=""))
        shown = "\n".join(line[:200] for line in diff[2 : 2 + lines])
        return f"{self.path} {self.command} (blocks of {self.block} bytes):\n{shown}"


def invoke(args: list[str], engine: str, block: int) -> Output:
    """`pollcli ARGS` in-process on one engine, the streaming engine's blocks `block` bytes."""
    from pollcli.cli import run
    from pollcli.read import stream

    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_block = os.environ.get("POLLCLI_ENGINE"), stream.BLOCK_BYTES
    os.environ["POLLCLI_ENGINE"] = engine
    stream.BLOCK_BYTES = block  # type: ignore[misc]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run(args)
    finally:
        stream.BLOCK_BYTES = saved_block  # type: ignore[misc]
        if saved_env is None:
            os.environ.pop("POLLCLI_ENGINE", None)
        else:
            os.environ["POLLCLI_ENGINE"] = saved_env
    return Output(code, out.getvalue(), err.getvalue())


# What a shape needs to be read at all (a cp1251 file is refused without --encoding).
EXTRA = {"cyrillic": ("--encoding", "cp1251")}


def compare(
    path: Path, blocks: Iterable[int] = BLOCKS, extra: tuple[str, ...] = ()
) -> Iterator[Disagreement]:
    """The disagreements of the two engines on one file, command by command and block size by
    block size (the exact engine's output read once a command)."""
    for command in COMMANDS:
        args = [command[0], str(path), *command[1:], *extra]
        exact = invoke(args, "exact", BLOCKS[0])
        for block in blocks:
            streamed = invoke(args, "stream", block)
            if streamed != exact:
                yield Disagreement(path, command[0], block, exact, streamed)
                break  # (one block size is enough to show it)


def default_files() -> list[Path]:
    files = sorted((ROOT / "tests" / "hostile").glob("*.csv"))
    files += sorted((ROOT / "data").glob("*.csv"))
    files += sorted((ROOT / "tests" / "seats").glob("*.csv"))
    files += sorted((ROOT / "tests" / "parity").glob("*.csv"))
    if REALWORLD.is_dir():
        files += sorted(REALWORLD.glob("*.csv"))
    return files


# Shapes sized in other units than rows: the divisor that makes `size` about as many rows.
PER_UNIT = {"constituencies": 18, "units_precinct": 7, "units_region": 7, "wide": 10}


def shapes(size: str, folder: Path) -> list[Path]:
    """Every bench shape at about `size` rows (but the one-line and front-matter shapes, sized in
    bytes and spaces), written to `folder`."""
    sys.path.insert(0, str(ROOT / "bench"))
    import generate

    rows = int(float(size.rstrip("kKmM")) * (1000 if size[-1] in "kK" else 1_000_000))
    files = []
    for shape in sorted(generate.SHAPES):
        if shape in ("long_line", "front_spaces"):
            continue
        suffix = ".parquet" if shape == "parquet" else ".csv"
        path = folder / f"{shape}_{size}{suffix}"
        generate.main(["--shape", shape, str(rows // PER_UNIT.get(shape, 1)), str(path)])
        files.append(path)
    return files


# The cells a drawn precinct file's rows take (`drawn`): names that are one option spelt two ways,
# totals, counts and scatter among candidates, vote cells that are refused or odd.
CELLS = {
    "election": ["E1", "E2", ""],
    "county": ["C0", "C1", "C2", "TOTAL"],
    "precinct": ["P0", "P1", "P2", "", "Total"],
    "office": ["Mayor", "Clerk", "Judge", "Straight Party"],
    "district": ["1", "2", ""],
    "mode": ["Election Day", "Absentee", "Total"],
    "registered": ["100", "100", "90", ""],
    "total votes": ["50", "60", ""],
    "party": ["DEM", "REP", "", "NP"],
    "candidate": [
        *("Ann Lee", "ANN LEE", "Bo Ray", "Cy Dee", "Total", "Write-in", "Scattering"),
        *("Registered Voters", "Ballots Cast", "Over Votes", "Blank", "N7", "N8", "N9", "N10"),
    ],
    "votes": ["1", "5", "12", "x", "", "-2", "40", "0", "1,000"],
    "share": ["10.5", "50", ""],
}
# Each optional column's chance to be in a drawn file.
CHANCES = {
    **{"election": 0.3, "county": 0.8, "precinct": 0.6, "office": 0.7, "district": 0.3},
    **{"mode": 0.15, "registered": 0.2, "total votes": 0.15, "party": 0.6, "share": 0.1},
}
FILE_NAMES = ("results.csv", "20200609__aa__primary.csv", "20201103__aa__general__precinct.csv")


def drawn(seed: int) -> tuple[str, str, int, int]:
    """A drawn precinct file: its text, its name, a bound on options and a block size."""
    import random

    rnd = random.Random(seed)
    header = [c for c in CELLS if c in ("candidate", "votes") or rnd.random() < CHANCES[c]]
    lines = [",".join(header)]
    for _ in range(rnd.randint(3, 90)):
        cells = [rnd.choice(CELLS[c]) for c in header]
        lines.append(",".join(f'"{c}"' if "," in c else c for c in cells))
    bound, block = rnd.choice([4, 8, 10_000]), rnd.choice([64, 128, 300, 1 << 20])
    return "\n".join(lines) + "\n", rnd.choice(FILE_NAMES), bound, block


def fuzz(seeds: range, folder: Path) -> int:
    """Drawn files read by both engines in-process (`load_file`: elections and problems as
    dicts), the bound on options shrunk; each disagreement's file kept in `folder`."""
    from dataclasses import asdict

    from pollcli.read import ReadOptions, assemble, limits, load_file, stream

    found = 0
    saved = assemble.MAX_OPTIONS, limits.MAX_OPTIONS, stream.BLOCK_BYTES
    try:
        for seed in seeds:
            text, name, bound, block = drawn(seed)
            assemble.MAX_OPTIONS = limits.MAX_OPTIONS = bound  # type: ignore[misc]
            stream.BLOCK_BYTES = block  # type: ignore[misc]
            path = folder / f"{seed}_{bound}_{block}_{name}"
            path.write_text(text)
            read = {}
            for engine in ("exact", "stream"):
                os.environ["POLLCLI_ENGINE"] = engine
                elections, problems = load_file(path, ReadOptions())
                read[engine] = [asdict(e) for e in elections], [asdict(p) for p in problems]
            if read["exact"] != read["stream"]:
                found += 1
                print(f"disagree: {path} (bound {bound}, blocks of {block} bytes)", flush=True)
            else:
                path.unlink()
    finally:
        assemble.MAX_OPTIONS, limits.MAX_OPTIONS, stream.BLOCK_BYTES = saved  # type: ignore[misc]
        os.environ.pop("POLLCLI_ENGINE", None)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--shapes", metavar="SIZE", help="also every bench shape at SIZE rows")
    parser.add_argument("--blocks", default=",".join(map(str, BLOCKS)))
    parser.add_argument("--fuzz", type=int, metavar="N", help="only N drawn precinct files")
    args = parser.parse_args(argv)
    if args.fuzz:
        folder = Path(tempfile.mkdtemp(prefix="pollcli-fuzz-"))
        found = fuzz(range(args.fuzz), folder)
        print(f"{found} disagreement(s) over {args.fuzz} drawn files (kept in {folder})")
        return 1 if found else 0
    blocks = [int(b) for b in args.blocks.split(",")]
    files = list(args.files) or default_files()
    with tempfile.TemporaryDirectory(prefix="pollcli-parity-") as folder:
        if args.shapes:
            files += shapes(args.shapes, Path(folder))
        found = 0
        for path in files:
            extra = EXTRA.get(path.stem.rsplit("_", 1)[0], ())
            for disagreement in compare(path, blocks, extra):
                found += 1
                print(disagreement.describe(), end="\n\n", flush=True)
        print(f"{found} disagreement(s) over {len(files)} files", flush=True)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
