"""Start-up stays light: --help and --version load neither pandas, pyarrow nor matplotlib, nor do small
files; matplotlib is loaded only when a chart is drawn."""

import json
import subprocess
import sys

from conftest import DATA

HEAVY = ("pandas", "pyarrow", "numpy", "matplotlib", "charset_normalizer", "python_calamine")


def _loaded_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def _run_cli(*args: str) -> str:
    return (
        "from pollcli.cli import run\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    run({list(args)!r})"
    )


def test_help_and_version_import_no_heavy_modules():
    for args in (
        ["--help"],
        ["--version"],
        ["summary", "--help"],
        ["compare", "--help"],
        ["seats", "--help"],
    ):
        loaded = _loaded_after(_run_cli(*args))
        assert not [m for m in HEAVY if m in loaded], args


def test_small_file_summary_imports_no_heavy_modules():
    loaded = _loaded_after(_run_cli("summary", str(DATA / "kz_2022.csv"), "--format", "json"))
    assert not [m for m in HEAVY if m in loaded]


# What the everyday `summary FILE --format json` of a small file never needs: the streaming engine, the
# stages of wide tables, workbooks and files of many races, the overview, seats, compare, charts, the
# spool of standard input, the name matcher (only for --alias) and the libraries behind them. Each
# costs start-up (README "Performance"); one imported at the top of a module on the path again would
# be caught here.
NOT_ON_THE_EVERYDAY_PATH = (
    *HEAVY,
    "rapidfuzz",
    "anyascii",
    "rich",
    "json",  # Pydantic writes the JSON; the standard library's writer only where its text differs
    "pollcli.read.stream",
    "pollcli.read.blocks",
    "pollcli.read.repeats",
    "pollcli.read.chunks",
    "pollcli.read.wide_rows",
    "pollcli.read.wide_places",
    "pollcli.read.wide_races",
    "pollcli.read.wide_columns",
    "pollcli.read.wide_sums",
    "pollcli.read.wide_totals",
    "pollcli.read.contests",
    "pollcli.read.rounds",
    "pollcli.read.geography",
    "pollcli.read.modes",
    "pollcli.read.racechecks",
    "pollcli.read.ballot",
    "pollcli.read.detect",
    "pollcli.spool",
    "pollcli.names",
    "pollcli.overview",
    "pollcli.findings.overview",
    "pollcli.seats",
    "pollcli.seats_models",
    "pollcli.comparison",
    "pollcli.compare_models",
    "pollcli.regions",
    "pollcli.geo",
    "pollcli.charts",
    "pollcli.frames",
    "pollcli.schema",
)


def test_the_everyday_json_run_imports_only_what_it_needs():
    loaded = _loaded_after(_run_cli("summary", str(DATA / "kz_2022.csv"), "--format", "json"))
    assert "pollcli.read.exact" in loaded  # the run did read the file
    assert not [m for m in NOT_ON_THE_EVERYDAY_PATH if m in loaded]


def _serialisers_built(*args: str) -> list[str]:
    """The types Pydantic's serialisers are built for (`TypeAdapter`) as pollcli runs with `args`."""
    script = (
        "import pydantic\n"
        "built = []\n"
        "build = pydantic.TypeAdapter.__init__\n"
        "def recorded(self, kind, *args, **kwargs):\n"
        "    built.append(str(kind))\n"
        "    build(self, kind, *args, **kwargs)\n"
        "pydantic.TypeAdapter.__init__ = recorded\n"
        f"{_run_cli(*args)}\n"
        "print('built:' + ';'.join(built))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return [kind for kind in out.strip().splitlines()[-1][len("built:") :].split(";") if kind]


def test_the_everyday_json_run_builds_no_serialiser():
    """The JSON of one election is written from its fields (`document.plain_data`): building
    Pydantic's serialiser of `ElectionSummary` was the costliest step of the run, and that of the
    document's other sections (overview, tally, splits, refused races) costlier still. (The row
    contract's validator, built as it is imported, reads the file.)"""
    built = _serialisers_built("summary", str(DATA / "kz_2022.csv"), "--format", "json")
    assert built == ["<class 'pollcli.contract.Row'>"]


def test_a_summary_of_many_values_builds_pydantics_serialiser(tmp_path):
    """Past `document.PLAIN_VALUES`, Pydantic's serialiser writes them quicker: it is built."""
    from pollcli.document import PLAIN_VALUES

    rows = "".join(f"C{n},{n + 1}\n" for n in range(PLAIN_VALUES // 5))
    path = tmp_path / "many.csv"
    path.write_text("candidate,votes\n" + rows)
    built = _serialisers_built("summary", str(path), "--format", "json")
    assert any("ElectionSummary" in kind for kind in built), built


def test_json_summary_of_a_small_file_imports_no_rich_console():
    """The start-up budget (README "Performance") holds only while the everyday JSON run skips
    Rich's console, which costs a large part of it. Pydantic validates the input, so it is loaded."""
    loaded = _loaded_after(_run_cli("summary", str(DATA / "kz_2022.csv"), "--format", "json"))
    assert "pydantic" in loaded
    assert "rich.console" not in loaded


def test_help_imports_no_pydantic():
    loaded = _loaded_after(_run_cli("--help"))
    assert "pydantic" not in loaded


def test_seats_of_a_small_file_imports_no_heavy_modules():
    loaded = _loaded_after(
        _run_cli("seats", str(DATA / "kz_2023_mazhilis.csv"), "--format", "json")
    )
    assert not [m for m in HEAVY if m in loaded]
    assert "rich.console" not in loaded


def test_matplotlib_is_loaded_only_to_draw_a_chart(tmp_path):
    plain = _loaded_after(_run_cli("summary", str(DATA / "kz_2022.csv"), "--format", "json"))
    chart = str(tmp_path / "kz.svg")
    charted = _loaded_after(
        _run_cli("summary", str(DATA / "kz_2022.csv"), "--format", "json", "--chart", chart)
    )
    assert "matplotlib" not in plain
    assert "matplotlib" in charted
    assert (tmp_path / "kz.svg").exists()


def _main_with(
    prelude: str, file: str = str(DATA / "kz_2022.csv")
) -> subprocess.CompletedProcess[str]:
    """`pollcli summary FILE --format json` through `pollcli.__main__.main`, after `prelude`."""
    script = (
        "import os, sys\n"
        f"{prelude}\n"
        f"sys.argv = ['pollcli', 'summary', {file!r}, '--format', 'json']\n"
        "from pollcli.__main__ import main\n"
        "main()\n"
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)


def test_the_command_line_process_makes_no_collection_after_it_starts():
    """`pollcli` pauses the cyclic collector from its first import to its exit (`__main__`): the command
    runs with it paused anyway (`cli.run`), and re-enabling it between the two made one pass over
    every object the command had made, as the command ended."""
    done = _main_with(
        "import gc\n"
        "import pollcli.__main__\n"
        "gc.callbacks.append(lambda phase, info: phase == 'start' and os.write(2, b'collection'))"
    )
    assert done.returncode == 0
    assert "collection" not in done.stderr


def test_the_command_line_gives_arrow_the_system_allocator_unless_told_another():
    """Arrow's own pool (mimalloc) kept the memory of the streaming engine's blocks once let go:
    some 50 MiB of the peak of a summary of 10,000 races (bench elections_1M). `pollcli` asks
    Arrow for the C library's allocator; a pool the user names is kept."""
    seen = (
        "import atexit\n"
        "atexit.register(lambda: os.write(2, b'pool ' + __import__('pyarrow')"
        ".default_memory_pool().backend_name.encode()))"
    )
    done = _main_with(seen)
    assert done.returncode == 0
    assert "pool system" in done.stderr
    told = _main_with(f"os.environ['ARROW_DEFAULT_MEMORY_POOL'] = 'mimalloc'\n{seen}")
    assert told.returncode == 0
    assert "pool mimalloc" in told.stderr


# Regular expressions of rarer files, compiled on first use (`functools.cache`), not at every start.
COMPILED_ON_FIRST_USE = (
    "pollcli.columns:_affixes",
    "pollcli.columns:_camel",
    "pollcli.kinds:_write_in_line",
    "pollcli.kinds:_no_candidate_parts",
    "pollcli.read.filedates:_dated_name",
    "pollcli.read.racekeys:party_offices",
    "pollcli.read.racekeys:primary_name",
    "pollcli.read.total_words:_place_total",
    "pollcli.read.total_words:_option_subtotal",
    "pollcli.read.total_words:_suffixed",
    "pollcli.read.total_words:_blank_line",
    "pollcli.read.unitcounts:_district_in_name",
    # Session 27: those of shares beside counts, marked and decimal counts, place columns, unsafe
    # JSON and spreadsheet cells, Spanish and share headers, acclaimed, straight-ticket and at-large
    # races, write-ins' parties, OpenElections' general elections, date columns, wide shares, votes
    # words, first preferences and breakdowns' numbers.
    "pollcli.numbers:_with_share",
    "pollcli.numbers:_marked",
    "pollcli.numbers:_decimal",
    "pollcli.read.unitparts:_place_like",
    "pollcli.read.unitparts:_no_place",
    "pollcli.read.unitparts:_place_code",
    "pollcli.read.unitparts:_count",
    "pollcli.read.unitparts:_place_type",
    "pollcli.render.safe:_json_unsafe",
    "pollcli.render.safe:_surrogate",
    "pollcli.render.safe:_number",
    "pollcli.read.protocol:_spanish_name",
    "pollcli.read.protocol:share_words",
    "pollcli.kinds:_named",
    "pollcli.read.acclaimed:_word",
    "pollcli.read.unitrows:_straight",
    "pollcli.read.countnotes:_at_large",
    "pollcli.namekeys:_write_in_party",
    "pollcli.read.primaries:_general",
    "pollcli.read.datecolumn:_year_first",
    "pollcli.read.datecolumn:_year_last",
    "pollcli.read.wide_hints:_percent",
    "pollcli.read.votes_words:_ending",
    "pollcli.read.votes_words:_opening",
    "pollcli.read.othervotes:_first",
    "pollcli.read.breakdowns:_number",
    "pollcli.read.primaries:_runoff_word",
    "pollcli.kinds:_note",
    "pollcli.read.elected:_route",
    "pollcli.read.footnotes:_word",
    "pollcli.read.tickets:_ticket_votes",
    "pollcli.read.coalitions:_join",
)


def test_the_everyday_json_run_compiles_no_pattern_of_rarer_files():
    script = (
        f"{_run_cli('summary', str(DATA / 'kz_2022.csv'), '--format', 'json')}\n"
        "import importlib\n"
        f"for name in {COMPILED_ON_FIRST_USE!r}:\n"
        "    module, function = name.split(':')\n"
        "    compiled = getattr(importlib.import_module(module), function).cache_info().currsize\n"
        "    print(name, compiled)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == [word for name in COMPILED_ON_FIRST_USE for word in (name, "0")]


def test_the_command_line_exits_without_python_s_teardown_when_nothing_needs_it():
    """Python's teardown at exit only frees what the system frees with the process: skipped
    (`os._exit`, with the command's exit code) once the output is flushed, where no exit handler is
    registered and no other thread runs. The output is whole."""
    done = _main_with(_SEEN_EXIT)
    assert done.returncode == 0
    assert "fast exit 0" in done.stderr
    assert json.loads(done.stdout)["elections"][0]["leader"]
    failed = _main_with(_SEEN_EXIT, "no-such-file.csv")
    assert failed.returncode == 2
    assert "fast exit 2" in failed.stderr
    assert "no such file" in failed.stderr


def test_an_exit_handler_still_runs():
    done = _main_with(f"{_SEEN_EXIT}\nimport atexit\natexit.register(os.write, 2, b'handler ran')")
    assert done.returncode == 0
    assert "handler ran" in done.stderr
    assert "fast exit" not in done.stderr
    assert json.loads(done.stdout)["elections"][0]["leader"]


# `os._exit` that says it was called.
_SEEN_EXIT = (
    "real_exit = os._exit\n"
    "def seen_exit(code):\n"
    "    os.write(2, f'fast exit {code}'.encode())\n"
    "    real_exit(code)\n"
    "os._exit = seen_exit"
)


def test_the_input_contract_s_annotations_are_types_not_text():
    """Pydantic compiled each annotation kept as text (`from __future__ import annotations`) as the
    row contract and the facts' model were built: some 40 compilations of every run."""
    from pollcli.contract import Counts, Facts, Row

    for model in (Row, Facts, Counts):
        texts = [name for name, kind in model.__annotations__.items() if isinstance(kind, str)]
        assert texts == [], model.__name__


def test_a_summary_of_many_small_races_builds_pydantics_serialiser(tmp_path):
    """`PLAIN_VALUES` counts the values of the whole run, not of each race: 300 races of a few
    values each are written by Pydantic's serialiser after the first few (all 10,000 races of a
    file of many were read from their fields in Python, each under the limit alone)."""
    rows = "".join(f"Office {n},Ann,{n + 2}\nOffice {n},Bob,{n + 1}\n" for n in range(300))
    path = tmp_path / "races.csv"
    path.write_text("office,candidate,votes\n" + rows)
    built = _serialisers_built("summary", str(path), "--format", "json")
    assert any("ElectionSummary" in kind for kind in built), built
