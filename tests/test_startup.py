"""Start-up stays light: --help and --version load neither pandas, pyarrow nor matplotlib, nor do small
files; matplotlib is loaded only when a chart is drawn."""

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
