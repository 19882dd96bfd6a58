"""Benchmarks: pollcli against references measured in the same run, on generated and small files.

    python bench/run.py big bench/out/precincts_10M.csv bench/out/precincts_30M.csv --runs 5
    python bench/run.py startup --runs 15
    python bench/run.py cliff --runs 3          # 1M-row shapes that leave the fast path (issue 10)
    python bench/run.py resources --runs 3      # hostile sizes, items 13-18 of issue 13
    python bench/run.py races --runs 5          # files of many races (issue 12)
    python bench/run.py generate all            # write the generated files only
    python bench/run.py clean                   # delete bench/out

Each child runs alone and its own peak RSS comes from `os.wait4`; pollcli and its reference alternate
in one run, so a noisy machine slows both alike, and medians and ratios are printed, never asserted.
A watchdog thread kills a child that passes the RSS limit (read from /proc/PID/status), the time
limit, or (for standard input) the size of its spool directory, and the report says so. A child that
fails is reported with its exit code and first line of stderr; the harness carries on. `--json` adds
one machine-readable line at the end.

The files come from `bench/generate.py`, written on demand under bench/out/ (git-ignored) and reused
while their size and seed match. `--scale 0.01` runs every case at a hundredth of its size, to try
the harness quickly.

pollcli's bytecode is written first, as `pip install` or any first run does: with an editable install and
PYTHONDONTWRITEBYTECODE set (as on our CI machines) every run would otherwise compile pollcli's modules
from source, some 40 ms that no user pays twice. The reference's packages have their bytecode from pip.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import importlib.util
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # bench/ is not a package: its own folder on the path

ROOT = Path(__file__).resolve().parent.parent
OUT = generate.OUT
SCRATCH = OUT / "tmp"
PYTHON = sys.executable
POLLCLI = [PYTHON, "-m", "pollcli"]
DUCKDB_QUERY = """
import json, sys, duckdb
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
rows = con.execute("select candidate, sum(votes) from read_csv(?) group by 1", [sys.argv[1]])
print(json.dumps({name: int(total) for name, total in rows.fetchall()}))
"""
# The honest start-up reference (issue 10): the card's own stack doing its job, Typer and Rich's
# table imported and one Pydantic model built and validated. Importing pydantic alone is lazy.
HONEST_REFERENCE = (
    "import typer, rich.table\n"
    "from pydantic import BaseModel\n"
    "class M(BaseModel):\n"
    "    x: int\n"
    "M(x=1)\n"
)
BARE_IMPORT = "import typer, rich.table, pydantic"
MIB = 2**20


# ---------------------------------------------------------------------------------------------
# One child process, watched


@dataclass(frozen=True)
class Limits:
    """When the watchdog kills a child: above `rss` MiB, after `seconds`, or when the files in
    `spool` (its TMPDIR) pass `spool_mib`. None: unwatched (start-up runs, where even a polling
    thread would show in 100 ms)."""

    rss: float | None = 4096
    seconds: float | None = 300
    spool_mib: float | None = None


UNWATCHED = Limits(rss=None, seconds=None)
# What an arm gets unless it says otherwise; --rss-limit and --timeout change it.
DEFAULT_LIMITS = Limits()


@dataclass
class Outcome:
    """One run: wall seconds, peak RSS in MiB (os.wait4), exit code (None when killed), the first
    line of stderr, stdout's size and, when kept, its bytes."""

    wall: float
    rss: float
    code: int | None
    stderr: str
    out_bytes: int
    stdout: bytes | None = None
    killed: str | None = None
    spool_left: int = 0
    user: float = 0.0  # user CPU seconds of the child (os.wait4), its threads included

    def said(self) -> str:
        """What happened, in a few words: `exit 1: pollcli: error: …` or `killed at …`."""
        if self.killed:
            return self.killed
        text = f"exit {self.code}"
        return f"{text}: {self.stderr}" if self.code and self.stderr else text


class _Watchdog(threading.Thread):
    def __init__(self, pid: int, started: float, limits: Limits, spool: Path | None) -> None:
        super().__init__(daemon=True)
        self.pid, self.started, self.limits, self.spool = pid, started, limits, spool
        self.done = threading.Event()
        self.killed: str | None = None
        self.peak = 0.0
        # A pidfd names this process even once reaped, so a recycled PID is never signalled.
        try:
            self.pidfd: int | None = os.pidfd_open(pid)
        except (AttributeError, OSError):  # pragma: no cover - not Linux 5.3+
            self.pidfd = None

    def run(self) -> None:
        while not self.done.wait(0.05):
            rss = _vm_rss(self.pid)
            self.peak = max(self.peak, rss)
            elapsed = time.perf_counter() - self.started
            spool = _tree_bytes(self.spool) / MIB if self.spool else 0.0
            reason = None
            if self.limits.rss is not None and rss > self.limits.rss:
                reason = f"RSS limit {self.limits.rss:.0f} MiB"
            elif self.limits.seconds is not None and elapsed > self.limits.seconds:
                reason = f"time limit {self.limits.seconds:.0f} s"
            elif self.limits.spool_mib is not None and spool > self.limits.spool_mib:
                reason = f"spool limit {self.limits.spool_mib:.0f} MiB, {spool:.0f} MiB spooled"
            if reason:
                self.killed = f"killed at {rss:.0f} MiB after {elapsed:.1f} s ({reason})"
                self._kill()
                return

    def _kill(self) -> None:
        try:
            if self.pidfd is not None:
                signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            elif not self.done.is_set():  # pragma: no cover
                os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def stop(self) -> None:
        self.done.set()
        self.join()
        if self.pidfd is not None:
            os.close(self.pidfd)


def _vm_rss(pid: int) -> float:
    """Resident memory in MiB from /proc (0 once the process has gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _tree_bytes(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*"):
        with contextlib.suppress(OSError):  # a spool file removed meanwhile
            total += path.stat().st_size
    return total


def child_env(extra: dict[str, str] | None = None, tmpdir: Path | None = None) -> dict[str, str]:
    """The environment of a measured child: no forced engine unless asked, no colour, 100 columns,
    temporary files (pollcli's spool of standard input) where the harness can see and remove them."""
    env = {k: v for k, v in os.environ.items() if k != "POLLCLI_ENGINE"}
    env.update({"NO_COLOR": "1", "COLUMNS": "100"})
    if tmpdir is not None:
        env["TMPDIR"] = str(tmpdir)
    env.update(extra or {})
    return env


# Children are started by this small process, not by the harness. Linux counts in a child's peak RSS
# the memory of the process that spawned it (with vfork, its high-water mark; the `signal` maxrss taken
# at exec), so children spawned by a harness that has imported numpy, or read a big JSON output, would
# all show its size. This spawner has imported nothing: its children's peaks are their own. It reports
# the child's PID (for the watchdog), then wall time, wait status, ru_maxrss (KiB) and ru_utime
# (user CPU seconds) from os.wait4.
SPAWNER = """
import os, sys, time
report = int(sys.argv[1])
os.set_inheritable(report, False)
command = sys.argv[2:]
started = time.perf_counter()
pid = os.posix_spawnp(command[0], command, os.environ)
os.write(report, b"%d\\n" % pid)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - started
os.write(report, ("%r %d %d %r\\n" % (wall, status, usage.ru_maxrss, usage.ru_utime)).encode())
"""


def run_child(
    command: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    stdin: Any = subprocess.DEVNULL,
    pass_fds: Sequence[int] = (),
    limits: Limits = Limits(),
    keep_stdout: bool = False,
    spool: Path | None = None,
) -> Outcome:
    """Run one child to its end (or the watchdog's), stdout and stderr into scratch files."""
    SCRATCH.mkdir(parents=True, exist_ok=True)
    if spool is not None:
        spool.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryFile(dir=SCRATCH) as out, tempfile.TemporaryFile(dir=SCRATCH) as err:
        report, write_end = os.pipe()
        spawner = subprocess.Popen(
            [PYTHON, "-S", "-c", SPAWNER, str(write_end), *command],
            stdin=stdin,
            stdout=out,
            stderr=err,
            env=env,
            pass_fds=(write_end, *pass_fds),
        )
        os.close(write_end)
        with os.fdopen(report, "rb") as lines_in:
            first = lines_in.readline()
            watchdog = None
            if first and limits != UNWATCHED:
                watchdog = _Watchdog(int(first), time.perf_counter(), limits, spool)
                watchdog.start()
            last = lines_in.readline().split()
        spawner.wait()
        if watchdog is not None:
            watchdog.stop()
        killed = watchdog.killed if watchdog is not None else None
        err.seek(0)
        lines = [line.strip() for line in err.read(1 << 16).decode(errors="replace").splitlines()]
        out_bytes = out.seek(0, os.SEEK_END)
        out.seek(0)
        kept = out.read() if keep_stdout and out_bytes <= 200 * MIB else None
    if len(last) != 4:
        raise SystemExit(f"could not run {' '.join(command)}: {lines[-1:] or spawner.returncode}")
    wall, status, maxrss, user = float(last[0]), int(last[1]), int(last[2]), float(last[3])
    left = 0
    if spool is not None:
        left = _tree_bytes(spool)
        shutil.rmtree(spool, ignore_errors=True)
    return Outcome(
        wall=wall,
        rss=maxrss / 1024,
        user=user,
        code=None if killed else os.waitstatus_to_exitcode(status),
        stderr=next((line for line in lines if line), "").replace(f"{OUT}{os.sep}", "bench/out/"),
        out_bytes=out_bytes,
        stdout=kept,
        killed=killed,
        spool_left=left,
    )


# ---------------------------------------------------------------------------------------------
# Arms (one command, run again and again) and their statistics


@dataclass
class Arm:
    """One command to measure. `feed` says where its standard input comes from: a file, a `cat`
    of a file through a pipe (`pipe`) or through /dev/fd/N as the file argument (`fifo`), or
    `yes` through a pipe."""

    label: str
    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    limits: Limits | None = None  # DEFAULT_LIMITS
    feed: tuple[str, Path | None] | None = None
    python: bool = False  # args are a Python command line, not pollcli's
    keep_stdout: bool = False
    outcomes: list[Outcome] = field(default_factory=list)
    checked: dict[str, Any] | None = None

    def run(self) -> Outcome:
        command = [PYTHON, *self.args] if self.python else [*POLLCLI, *self.args]
        spool = SCRATCH / f"spool-{os.getpid()}" if self.feed else None
        env = child_env(self.env, spool)
        outcome = self._run_fed(command, env, spool, self.limits or DEFAULT_LIMITS)
        self.outcomes.append(outcome)
        if self.checked is None and outcome.stdout is not None:
            self.checked = read_output(outcome.stdout)
        return outcome

    def _run_fed(
        self, command: list[str], env: dict[str, str], spool: Path | None, limits: Limits
    ) -> Outcome:
        if self.feed is None:
            return run_child(command, env=env, limits=limits, keep_stdout=self.keep_stdout)
        kind, path = self.feed
        if kind == "file" and path is not None:
            with path.open("rb") as handle:
                return run_child(
                    command, env=env, stdin=handle, limits=limits, spool=spool,
                    keep_stdout=self.keep_stdout,
                )  # fmt: skip
        source = ["yes"] if kind == "yes" else ["cat", str(path)]
        feeder = subprocess.Popen(source, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert feeder.stdout is not None
        descriptor = feeder.stdout.fileno()
        try:
            if kind == "fifo":
                # As bash's <(cat file): the file argument is a pipe, /dev/fd/N.
                command = [arg.replace("{fifo}", f"/dev/fd/{descriptor}") for arg in command]
                return run_child(
                    command, env=env, pass_fds=(descriptor,), limits=limits, spool=spool,
                    keep_stdout=self.keep_stdout,
                )  # fmt: skip
            return run_child(
                command, env=env, stdin=feeder.stdout, limits=limits, spool=spool,
                keep_stdout=self.keep_stdout,
            )  # fmt: skip
        finally:
            feeder.stdout.close()
            feeder.kill()
            feeder.wait()

    @property
    def wall(self) -> float:
        return statistics.median(o.wall for o in self.outcomes)

    @property
    def user(self) -> float:
        return statistics.median(o.user for o in self.outcomes)

    @property
    def rss(self) -> float:
        return max(o.rss for o in self.outcomes)

    @property
    def ok(self) -> bool:
        return all(o.code == 0 for o in self.outcomes)

    def said(self) -> str:
        """The last run that did not exit 0, or `exit 0`."""
        odd = [o for o in self.outcomes if o.code != 0]
        return odd[-1].said() if odd else "exit 0"

    def record(self) -> dict[str, Any]:
        last = self.outcomes[-1]
        return {
            "label": self.label,
            "command": " ".join(self.args),
            "runs": len(self.outcomes),
            "median_s": round(self.wall, 4),
            "walls_s": [round(o.wall, 4) for o in self.outcomes],
            "peak_rss_mib": round(self.rss, 1),
            "median_user_s": round(self.user, 4),
            "exit": [o.code for o in self.outcomes],
            "stderr": last.stderr,
            "killed": last.killed,
            "stdout_bytes": last.out_bytes,
            "checked": self.checked,
        }


def read_output(stdout: bytes) -> dict[str, Any]:
    """Figures to compare with the reference: elections, results and votes of a summary; errors
    and warnings of a validate; lines of a table."""
    try:
        data = json.loads(stdout)
    except ValueError:
        return {"lines": stdout.count(b"\n")}
    if not isinstance(data, dict):
        return {}
    if data.get("command") == "validate":
        problems = [p for f in data.get("files", []) for p in f.get("problems", [])]
        errors = sum(1 for p in problems if p.get("severity") == "error")
        return {"errors": errors, "warnings": len(problems) - errors}
    elections = data.get("elections", [])
    results = [r for e in elections for r in e.get("results", [])]
    return {
        "elections": len(elections),
        "results": len(results),
        "votes": sum(r.get("votes") or 0 for r in results),
    }


def alternate(arms: list[Arm], runs: int, slow: float) -> None:
    """`runs` rounds of every arm in turn; no further round once a run took over `slow` seconds."""
    for round_ in range(runs):
        for arm in arms:
            arm.run()
        worst = max(arm.outcomes[-1].wall for arm in arms)
        if worst > slow and round_ + 1 < runs:
            print(f"  (not repeated: a run took {worst:.0f} s, over --slow {slow:.0f} s)")
            return


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b > 0 else "n/a"


def arm_line(arm: Arm, width: int = 10) -> str:
    return f"{arm.label:<{width}} {arm.wall:7.2f} s {arm.rss:6.0f} MiB  {arm.said()}"


def file_note(path: Path) -> str:
    rows = generate.rows_of(path)
    counted = f"{rows:,} rows, " if rows is not None else ""
    return f"{path.name} ({counted}{path.stat().st_size / MIB:,.0f} MiB)"


def scaled(size: int, scale: float) -> int:
    return max(1, round(size * scale))


def compile_pollcli() -> None:
    spec = importlib.util.find_spec("pollcli")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pollcli is not installed in this environment: pip install -e '.[bench]'")
    for folder in spec.submodule_search_locations:
        compileall.compile_dir(folder, quiet=1)
    print(f"pollcli bytecode written under {', '.join(spec.submodule_search_locations)}")


# ---------------------------------------------------------------------------------------------
# big: pollcli against DuckDB


def measure(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MiB and stdout of one child process that must succeed."""
    outcome = run_child(command, env=child_env(), keep_stdout=True)
    if outcome.code != 0:
        raise SystemExit(f"{' '.join(command)} failed: {outcome.said()}")
    return outcome.wall, outcome.rss, (outcome.stdout or b"").decode()


def pollcli_totals(stdout: str) -> dict[str, int]:
    election = json.loads(stdout)["elections"][0]
    return {row["candidate"]: row["votes"] for row in election["results"]}


def big(files: list[Path], runs: int) -> list[dict[str, Any]]:
    pollcli = [*POLLCLI, "summary", "--format", "json"]
    duckdb = [PYTHON, "-c", DUCKDB_QUERY]
    peaks: dict[str, float] = {}
    cases = []
    for path in files:
        size = path.stat().st_size / MIB
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
        cases.append(
            {"case": path.name, "pollcli_s": p, "duckdb_s": d, "ratio": p / d, "same": same}
        )
    if len(peaks) > 1:
        values = list(peaks.values())
        print(f"peak RSS largest/smallest file: {values[-1] / values[0]:.2f}")
    return cases


# ---------------------------------------------------------------------------------------------
# startup (issue 10 item 4)

STARTUP_TARGET = 1.2


def startup(runs: int) -> list[dict[str, Any]]:
    small = str(ROOT / "data" / "kz_2022.csv")
    arms = [
        Arm("pollcli", ["summary", small, "--format", "json"], limits=UNWATCHED),
        Arm("reference", ["-c", HONEST_REFERENCE], limits=UNWATCHED, python=True),
        Arm("bare", ["-c", BARE_IMPORT], limits=UNWATCHED, python=True),
    ]
    for _ in range(runs):
        for arm in arms:
            arm.run()
    pollcli, reference, bare = arms
    print(f"start-up, {runs} alternated runs each (medians):")
    print(f"  pollcli summary data/kz_2022.csv --format json  {pollcli.wall * 1000:.0f} ms")
    print(
        "  reference: import typer, rich.table; one pydantic BaseModel built and validated  "
        f"{reference.wall * 1000:.0f} ms"
    )
    print(f"  (earlier reference: python -c '{BARE_IMPORT}'  {bare.wall * 1000:.0f} ms)")
    met = pollcli.wall <= STARTUP_TARGET * reference.wall
    print(
        f"  ratio: {pollcli.wall / reference.wall:.2f} (target {STARTUP_TARGET}×: "
        f"{'met' if met else 'MISS'}); against the earlier reference {pollcli.wall / bare.wall:.2f}"
    )
    if not pollcli.ok:
        print(f"  pollcli: {pollcli.said()}")
    return [
        {
            "case": "startup",
            "ratio": pollcli.wall / reference.wall,
            "target_ratio": STARTUP_TARGET,
            "met": met,
            "arms": [arm.record() for arm in arms],
        }
    ]


# ---------------------------------------------------------------------------------------------
# cliff (issue 10 item 3): every 1M-row shape against the plain file of the same rows


@dataclass(frozen=True)
class CliffCase:
    name: str
    about: str
    shape: str
    size: int = 1_000_000
    reference: tuple[str, int] = ("plain", 1_000_000)
    args: tuple[str, ...] = ()
    env: tuple[tuple[str, str], ...] = ()
    same_votes: bool = True  # the reference holds the very votes of the case
    # The exit code the case must give: 1 for a file with an error in it (`repeated`), which
    # pollcli must refuse as fast as it reads a good one.
    exit_code: int = 0


CLIFF_SECONDS, CLIFF_MIB = 3.0, 400.0
CLIFF_CASES = (
    CliffCase(
        "exact",
        "the plain file itself on the exact engine (POLLCLI_ENGINE=exact)",
        "plain",
        env=(("POLLCLI_ENGINE", "exact"),),
    ),
    CliffCase("share", "(a) the plain rows plus a share column", "share"),
    CliffCase("utf16", "(b) the plain file's text in UTF-16 with a BOM", "utf16"),
    CliffCase(
        "facts",
        "(c) plus registered/ballots_cast per precinct and a constant date column",
        "facts",
    ),
    CliffCase(
        "elections",
        "(d) 10,000 elections × 100 candidates in an election column, no region column",
        "elections",
        same_votes=False,
    ),
    CliffCase(
        "party_lists",
        "(d2) 10,000 elections × the same 100 party lists in an election column, no region",
        "party_lists",
        same_votes=False,
    ),
    CliffCase(
        "cyrillic",
        "(e) the plain votes in cp1251, semicolons, Cyrillic names, share with a decimal comma",
        "cyrillic",
        args=("--encoding", "cp1251"),
    ),
    CliffCase(
        "wide",
        "(f) one column per candidate: 100k rows × 10 (reference: the same figures, long)",
        "wide",
        size=100_000,
        reference=("long10", 1_000_000),
    ),
    CliffCase(
        "protocol",
        "(j) a wide protocol table: 100k polling stations × 12 protocol lines and 9 candidates, a "
        "header over 3 rows (two variants); 1M rows is too slow to bench (reference: plain)",
        "protocol3",
        size=100_000,
        same_votes=False,
    ),
    CliffCase(
        "totals",
        "(g) the plain rows and a county row per region and option with a blank precinct "
        "(a total, kept apart by the streaming engine and set aside)",
        "totals",
    ),
    # (i) Shapes that the streaming engine handed to the exact one (issue 10 item 3, session 7).
    CliffCase(
        "races",
        "(i) an OpenElections precinct file of 293 races (reference: the plain rows)",
        "races",
        same_votes=False,
    ),
    CliffCase(
        "exact_races",
        "the races file on the exact engine (POLLCLI_ENGINE=exact; reference: the races file on "
        "the default engine)",
        "races",
        reference=("races", 1_000_000),
        env=(("POLLCLI_ENGINE", "exact"),),
    ),
    CliffCase(
        "race_facts",
        "(i) the races file plus registered_voters per precinct (reference: the races file)",
        "race_facts",
        reference=("races", 1_000_000),
    ),
    CliffCase(
        "count_rows",
        "(i) the races file plus Registered Voters and Ballots Cast rows per precinct "
        "(reference: the races file)",
        "count_rows",
        reference=("races", 1_000_000),
    ),
    CliffCase(
        "ess_counts",
        "(i) the races file plus ES&S count offices per precinct (REGISTERED VOTERS - TOTAL, "
        "BALLOTS CAST - TOTAL, BALLOTS CAST - BLANK; reference: the races file)",
        "ess_counts",
        reference=("races", 1_000_000),
    ),
    CliffCase("parquet", "(i) the plain rows as a Parquet file", "parquet"),
    CliffCase("names", "(i) the plain rows with each name in forename,surname columns", "names"),
    CliffCase(
        "total_votes", "(i) the plain rows plus the precinct's total_votes per row", "total_votes"
    ),
    CliffCase(
        "modes",
        "(i) a mode column: Election Day, Absentee and Total rows of each option (1M rows)",
        "modes",
        same_votes=False,
    ),
    CliffCase(
        "repeated",
        "(i) the plain rows with the last written twice (an error: a repeated option)",
        "repeated",
        same_votes=False,
        exit_code=1,
    ),
    CliffCase(
        "florida",
        "(k) the races file as Florida publishes it: sorted by race and candidate, the vote-mode "
        "cells blank in every other precinct, each precinct's Registered Voters and Ballots Cast "
        "rows after every race (reference: the races file)",
        "florida",
        reference=("races", 1_000_000),
        same_votes=False,
    ),
    CliffCase(
        "florida_twice",
        "(k) florida without its count rows and with one precinct listed twice (an error; "
        "reference: the races file)",
        "florida_twice",
        reference=("races", 1_000_000),
        same_votes=False,
        exit_code=1,
    ),
    CliffCase(
        "grand_total",
        "(i) the plain rows and a grand total row per option (region TOTAL, blank precinct)",
        "grand_total",
    ),
    CliffCase(
        "facts_totals",
        "(i) the facts rows and a county row per region and option with a blank precinct",
        "facts_totals",
    ),
)


def _verdict(arm: Arm, seconds: float, mib: float, exit_code: int = 0) -> str:
    misses = []
    if any(o.code != exit_code for o in arm.outcomes):
        misses.append("exit")
    if arm.wall > seconds:
        misses.append("time")
    if arm.rss > mib:
        misses.append("RSS")
    return f"MISS ({', '.join(misses)})" if misses else "met"


def cliff(runs: int, slow: float, scale: float, only: set[str] | None) -> list[dict[str, Any]]:
    cases = [c for c in CLIFF_CASES if not only or c.name in only]
    print(
        f"cliff: 1M-row shapes against the plain layout of the same rows; targets "
        f"{CLIFF_SECONDS:.0f} s and {CLIFF_MIB:.0f} MiB for summary --format json and validate"
    )
    records = []
    for case in cases:
        path = generate.ensure(case.shape, scaled(case.size, scale))
        ref_path = generate.ensure(case.reference[0], scaled(case.reference[1], scale))
        env = dict(case.env)
        arms = [
            Arm("summary", ["summary", str(path), "--format", "json", *case.args], env=env),
            Arm("reference", ["summary", str(ref_path), "--format", "json"]),
            Arm("validate", ["validate", str(path), "--format", "json", *case.args], env=env),
            Arm("reference", ["validate", str(ref_path), "--format", "json"]),
        ]
        for arm in arms:
            arm.keep_stdout = True
        print(f"\n{case.name}: {case.about}")
        print(f"  file {file_note(path)}; reference {file_note(ref_path)}")
        alternate(arms, runs, slow)
        record: dict[str, Any] = {"case": case.name, "file": path.name, "reference": ref_path.name}
        for arm, ref in ((arms[0], arms[1]), (arms[2], arms[3])):
            verdict = _verdict(arm, CLIFF_SECONDS, CLIFF_MIB, case.exit_code)
            print(
                f"  {arm_line(arm)}\n"
                f"  {'  reference':<10} {ref.wall:7.2f} s {ref.rss:6.0f} MiB  {ref.said()}\n"
                f"  {'  ratio':<10} {ratio(arm.wall, ref.wall):>9} {ratio(arm.rss, ref.rss):>10}"
                f"  n={len(arm.outcomes)}  target: {verdict}\n"
                f"  {'  user CPU':<10} {arm.user:7.2f} s against {ref.user:.2f} s"
                f" ({ratio(arm.user, ref.user)})"
            )
            record[arm.label] = {
                **arm.record(),
                "reference": ref.record(),
                "time_ratio": arm.wall / ref.wall,
                "rss_ratio": arm.rss / ref.rss,
                "verdict": verdict,
            }
        print(f"  {_check_line(arms, case.same_votes)}")
        records.append(record)
    return records


def _check_line(arms: list[Arm], same_votes: bool) -> str:
    summary, reference, validate, ref_validate = (arm.checked or {} for arm in arms)
    parts = []
    if "votes" in summary and "votes" in reference:
        if same_votes:
            same = summary["votes"] == reference["votes"]
            parts.append(
                f"votes {summary['votes']:,} ({'equal to' if same else 'NOT equal to'} "
                f"the reference's {reference['votes']:,})"
            )
        else:
            parts.append(
                f"{summary['elections']:,} elections, {summary['results']:,} results, "
                f"{summary['votes']:,} votes"
            )
    elif summary:
        parts.append(f"summary output: {summary}")
    elif arms[0].outcomes and arms[0].outcomes[-1].out_bytes:
        size = arms[0].outcomes[-1].out_bytes / MIB
        parts.append(f"summary output {size:,.0f} MiB (too big to read back)")
    if validate:
        parts.append(
            f"validate: {validate.get('errors')} errors, {validate.get('warnings')} warnings "
            f"(reference {ref_validate.get('errors')}/{ref_validate.get('warnings')})"
        )
    return "; ".join(parts) or "(no output to check)"


# ---------------------------------------------------------------------------------------------
# resources (issue 13 items 13-18)


@dataclass
class ResourceCase:
    name: str
    about: str
    arms: list[Arm]
    # Where the first arm is measured against the second: within this ratio, or refused early.
    target_ratio: float | None = 2.0


RESOURCE_RATIO = 2.0
HOSTILE = Limits(rss=1024, seconds=20, spool_mib=1024)


def resource_cases(scale: float) -> list[tuple[str, Callable[[], ResourceCase]]]:
    """The cases, each built (and its files generated) only when it runs."""

    def summary(path: Path, *more: str) -> list[str]:
        return ["summary", str(path), "--format", "json", *more]

    def plain_of_rows(rows: int) -> Path:
        return generate.ensure("plain", rows)

    def dev_zero() -> ResourceCase:
        return ResourceCase(
            "dev_zero",
            "item 13: pollcli summary /dev/zero (must be refused early, in bounded memory)",
            [Arm("pollcli", ["summary", "/dev/zero"], limits=HOSTILE)],
            target_ratio=None,
        )

    def yes_pipe() -> ResourceCase:
        return ResourceCase(
            "yes_pipe",
            "item 13: yes | pollcli summary - (must be refused early; spool watched in TMPDIR)",
            [Arm("pollcli", ["summary", "-"], limits=HOSTILE, feed=("yes", None))],
            target_ratio=None,
        )

    def fifo() -> ResourceCase:
        path = plain_of_rows(scaled(1_000_000, scale))
        return ResourceCase(
            "fifo",
            f"item 14: a FIFO, summary <(cat {path.name}), and the same bytes piped to '-'; "
            "reference: the named file",
            [
                Arm("fifo", summary(Path("{fifo}")), feed=("fifo", path), keep_stdout=True),
                Arm("file", summary(path), keep_stdout=True),
                Arm("stdin", summary(Path("-")), feed=("pipe", path), keep_stdout=True),
            ],
        )

    def front_spaces() -> ResourceCase:
        size = scaled(160_000, scale)
        path = generate.ensure("front_spaces", size)
        ordinary = generate.ensure("front_spaces", 1)
        return ResourceCase(
            "front_spaces",
            f"item 15: a front-matter comment of {size:,} spaces between two words; "
            "reference: the same file with one space",
            [Arm("pollcli", summary(path)), Arm("reference", summary(ordinary))],
        )

    def units_precinct() -> ResourceCase:
        units = scaled(400_000, scale)
        path = generate.ensure("units_precinct", units)
        return ResourceCase(
            "units_precinct",
            f"item 16: {units:,} precincts, the precinct the only unit column (past 50,000 "
            "regions read as precincts, too-many-regions); reference: the same rows with a "
            "region column (20 regions)",
            [Arm("pollcli", summary(path)), Arm("reference", summary(plain_of_rows(units * 7)))],
        )

    def units_region() -> ResourceCase:
        units = scaled(200_000, scale)
        path = generate.ensure("units_region", units)
        return ResourceCase(
            "units_region",
            f"item 16: {units:,} regions, summary --by region (past 50,000 none listed, "
            "too-many-regions); reference: the same rows as precincts of 20 regions, --by region",
            [
                Arm("pollcli", summary(path, "--by", "region")),
                Arm("reference", summary(plain_of_rows(units * 7), "--by", "region")),
            ],
        )

    def compare(names: int) -> Callable[[], ResourceCase]:
        def build() -> ResourceCase:
            count = scaled(names, scale)
            a, b = generate.ensure("names_a", count), generate.ensure("names_b", count)
            return ResourceCase(
                f"compare_{generate.size_label(names)}",
                f"item 17: compare two elections of {count:,} names that match exactly; "
                "reference: summary of the same two files",
                [
                    Arm("pollcli", ["compare", str(a), str(b), "--format", "json"]),
                    Arm("reference", ["summary", str(a), str(b), "--format", "json"]),
                ],
            )

        return build

    def distinct_options() -> ResourceCase:
        rows = scaled(1_000_000, scale)
        path = generate.ensure("distinct_options", rows)
        return ResourceCase(
            "distinct_options",
            f"item 18: {rows:,} rows, each a distinct option; reference: the plain rows (7 options)",
            [Arm("pollcli", summary(path)), Arm("reference", summary(plain_of_rows(rows)))],
        )

    def svg_options() -> ResourceCase:
        rows = scaled(100_000, scale)
        path = generate.ensure("distinct_options", rows)
        svg = SCRATCH / "bench.svg"
        return ResourceCase(
            "svg_options",
            f"item 18: --svg of {rows:,} distinct options; reference: --svg of the plain rows",
            [
                Arm("pollcli", summary(path, "--svg", str(svg))),
                Arm("reference", summary(plain_of_rows(rows), "--svg", str(svg))),
            ],
        )

    def long_line() -> ResourceCase:
        size = scaled(200_000_000, scale)
        path = generate.ensure("long_line", size)
        # The plain file of about the same bytes (46 bytes a row), to the nearest 100k rows.
        rows = max(7, round(size / 46 / 100_000) * 100_000) if size >= 4_600_000 else size // 46
        return ResourceCase(
            "long_line",
            f"item 18: one line of {size / MIB:,.0f} MiB (a candidate cell); reference: a plain "
            "file of about the same bytes",
            [Arm("pollcli", summary(path)), Arm("reference", summary(plain_of_rows(max(7, rows))))],
        )

    return [
        ("dev_zero", dev_zero),
        ("yes_pipe", yes_pipe),
        ("fifo", fifo),
        ("front_spaces", front_spaces),
        ("units_precinct", units_precinct),
        ("units_region", units_region),
        ("compare_3k", compare(3_000)),
        ("compare_10k", compare(10_000)),
        ("distinct_options", distinct_options),
        ("svg_options", svg_options),
        ("long_line", long_line),
    ]


def resources(runs: int, slow: float, scale: float, only: set[str] | None) -> list[dict[str, Any]]:
    print(
        f"resources: issue 13 items 13-18, each against the same rows in an ordinary file; "
        f"target within {RESOURCE_RATIO:.0f}× or refused early"
    )
    records = []
    for name, build in resource_cases(scale):
        if only and name not in only:
            continue
        case = build()
        print(f"\n{case.name}: {case.about}")
        alternate(case.arms, runs, slow)
        first = case.arms[0]
        record: dict[str, Any] = {"case": case.name, "arms": [a.record() for a in case.arms]}
        for arm in case.arms:
            print(f"  {arm_line(arm)}  n={len(arm.outcomes)}")
            left = max(o.spool_left for o in arm.outcomes)
            if left:
                print(
                    f"  {'':10} left {left / MIB:,.0f} MiB in its TMPDIR (removed by the harness)"
                )
        verdicts = {}
        if case.target_ratio is None or len(case.arms) < 2:
            verdicts[first.label] = _refusal_verdict(first)
            print(f"  target: refused early in bounded memory: {verdicts[first.label]}")
        else:
            reference = next(a for a in case.arms if a.label in ("reference", "file"))
            for arm in case.arms:
                if arm is reference:
                    continue
                time_ratio, rss_ratio = arm.wall / reference.wall, arm.rss / reference.rss
                verdicts[arm.label] = _ratio_verdict(arm, reference, case.target_ratio)
                print(
                    f"  {arm.label}/{reference.label}: {time_ratio:.2f}× time, {rss_ratio:.2f}× RSS"
                    f"  target: {verdicts[arm.label]}"
                )
                record[f"{arm.label}_time_ratio"] = time_ratio
                record[f"{arm.label}_rss_ratio"] = rss_ratio
        record["verdicts"] = verdicts
        records.append(record)
    return records


def _refusal_verdict(arm: Arm) -> str:
    last = arm.outcomes[-1]
    if last.killed or last.code not in (1, 2):
        return f"MISS ({last.said()})"
    return f"refused (exit {last.code} in {arm.wall:.2f} s, {arm.rss:.0f} MiB)"


def _ratio_verdict(arm: Arm, reference: Arm, target: float) -> str:
    within = arm.wall <= target * reference.wall and arm.rss <= target * reference.rss
    last = arm.outcomes[-1]
    if last.killed:
        return f"MISS ({last.killed})"
    if last.code in (1, 2) and within:
        return f"refused early (exit {last.code})"
    if last.code == 0 and within:
        return "met"
    return "MISS" + ("" if last.code in (0, 1, 2) else f" (exit {last.code})")


# ---------------------------------------------------------------------------------------------
# races (issue 12 item 8)


def races(runs: int, slow: float, scale: float, only: set[str] | None) -> list[dict[str, Any]]:
    print(
        "races: files of many races; targets Georgia-like 293 races within 0.5 s as JSON and as a "
        "table, 542 races as a table within 1 s; reference: the honest start-up reference"
    )
    georgia = generate.ensure("races", scaled(27_000, scale))
    india = generate.ensure("constituencies", scaled(542, scale))
    cases = [
        ("georgia_json", georgia, ["--format", "json"], 0.5),
        ("georgia_table", georgia, [], 0.5),
        ("india_table", india, [], 1.0),
    ]
    records = []
    for name, path, more, target in cases:
        if only and name not in only:
            continue
        arms = [
            Arm("pollcli", ["summary", str(path), *more], keep_stdout=True),
            Arm("reference", ["-c", HONEST_REFERENCE], python=True),
        ]
        print(f"\n{name}: summary {' '.join(more) or '(table)'} of {file_note(path)}")
        alternate(arms, runs, slow)
        pollcli, reference = arms
        met = pollcli.ok and pollcli.wall <= target
        verdict = "met" if met else "MISS" + ("" if pollcli.ok else " (exit)")
        print(f"  {arm_line(pollcli)}\n  {arm_line(reference)}")
        print(
            f"  ratio {ratio(pollcli.wall, reference.wall)}; output {pollcli.checked}; "
            f"target {target} s: {verdict}"
        )
        records.append(
            {"case": name, "target_s": target, "verdict": verdict}
            | {"arms": [a.record() for a in arms]}
        )
    if not only or "big" in only:
        records.append(_big_races(runs, slow, scale))
    return records


def _big_races(runs: int, slow: float, scale: float) -> dict[str, Any]:
    path = generate.ensure("races", scaled(3_000_000, scale))
    rows = generate.rows_of(path) or scaled(3_000_000, scale)
    reference = generate.ensure("plain", rows)
    arms = [
        Arm("pollcli", ["summary", str(path), "--format", "json"], keep_stdout=True),
        Arm("reference", ["summary", str(reference), "--format", "json"], keep_stdout=True),
    ]
    print(
        f"\nbig: summary --format json of {file_note(path)}; reference {file_note(reference)} "
        "(target: streamed, memory as flat as the plain file's)"
    )
    alternate(arms, runs, slow)
    pollcli, plain = arms
    print(f"  {arm_line(pollcli)}\n  {arm_line(plain)}")
    print(
        f"  ratio {ratio(pollcli.wall, plain.wall)} time, {ratio(pollcli.rss, plain.rss)} RSS; "
        f"output {pollcli.checked}"
    )
    return {
        "case": "big",
        "time_ratio": pollcli.wall / plain.wall,
        "rss_ratio": pollcli.rss / plain.rss,
        "arms": [a.record() for a in arms],
    }


# ---------------------------------------------------------------------------------------------
# generate and clean


def generate_all(which: str, scale: float) -> None:
    """Write every file a benchmark needs (the slow part of a first run), without measuring."""
    wanted: list[tuple[str, int]] = []
    if which in ("cliff", "all"):
        for case in CLIFF_CASES:
            wanted += [(case.shape, case.size), case.reference]
    if which in ("races", "all"):
        wanted += [("races", 27_000), ("constituencies", 542), ("races", 3_000_000)]
    for shape, size in wanted:
        generate.ensure(shape, scaled(size, scale))
    if which in ("resources", "all"):
        for _, build in resource_cases(scale):
            build()
    if which in ("races", "all"):
        big = generate.ensure("races", scaled(3_000_000, scale))
        generate.ensure("plain", generate.rows_of(big) or scaled(3_000_000, scale))
    used = _tree_bytes(OUT) / MIB
    print(f"bench/out holds {used:,.0f} MiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join((__doc__ or "").splitlines()[2:10]),
    )
    sub = parser.add_subparsers(dest="benchmark", required=True)
    big_parser = sub.add_parser("big", help="pollcli against DuckDB on generated precinct files")
    big_parser.add_argument("files", nargs="+", type=Path)
    big_parser.add_argument("--runs", type=int, default=5)
    start_parser = sub.add_parser(
        "startup", help="pollcli on a small file against the honest start-up reference"
    )
    start_parser.add_argument("--runs", type=int, default=15)
    helps = {
        "cliff": "1M-row shapes that leave the fast path, against the plain layout",
        "resources": "issue 13 items 13-18: hostile sizes against ordinary files",
        "races": "files of many races (Georgia-like, India-like, a big one)",
    }
    for name, text in helps.items():
        case_parser = sub.add_parser(name, help=text)
        case_parser.add_argument("--runs", type=int, default=3)
        case_parser.add_argument(
            "--slow", type=float, default=30.0, help="no further round once a run took this long"
        )
        case_parser.add_argument("--scale", type=float, default=1.0, help="size factor, e.g. 0.01")
        case_parser.add_argument("--only", help="comma-separated case names")
        case_parser.add_argument(
            "--timeout", type=float, default=300.0, help="kill a run after this many seconds"
        )
        case_parser.add_argument(
            "--rss-limit", type=float, default=4096.0, help="kill a run above this many MiB"
        )
    for name in ("startup", "big", *helps):
        sub.choices[name].add_argument(
            "--json", action="store_true", help="end with one JSON line of every figure"
        )
    gen_parser = sub.add_parser("generate", help="write the files of a benchmark, measure nothing")
    gen_parser.add_argument("which", choices=["cliff", "resources", "races", "all"])
    gen_parser.add_argument("--scale", type=float, default=1.0)
    sub.add_parser("clean", help="delete bench/out (every generated file)")
    args = parser.parse_args(argv)
    if args.benchmark == "clean":
        shutil.rmtree(OUT, ignore_errors=True)
        print(f"removed {OUT}")
        return 0
    if args.benchmark == "generate":
        generate_all(args.which, args.scale)
        return 0
    global DEFAULT_LIMITS
    if hasattr(args, "timeout"):
        DEFAULT_LIMITS = Limits(rss=args.rss_limit, seconds=args.timeout)
    compile_pollcli()
    only = set(args.only.split(",")) if getattr(args, "only", None) else None
    if args.benchmark == "big":
        records = big(args.files, args.runs)
    elif args.benchmark == "startup":
        records = startup(args.runs)
    else:
        run = {"cliff": cliff, "resources": resources, "races": races}[args.benchmark]
        records = run(args.runs, args.slow, args.scale, only)
    shutil.rmtree(SCRATCH, ignore_errors=True)
    if args.json:
        print(json.dumps({"benchmark": args.benchmark, "cases": records}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
