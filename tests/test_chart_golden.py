"""One golden SVG per chart kind, byte for byte; the README shows the same files from docs/charts/.

After an intended change of a chart, regenerate both with:
    POLLCLI_UPDATE_GOLDEN=1 python -m pytest tests/test_chart_golden.py
and look at the new pictures (docs/charts.md says how to render them headless) before committing.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, invoke

GOLDEN = ROOT / "tests" / "golden"
DOCS = ROOT / "docs" / "charts"
UPDATE = os.environ.get("POLLCLI_UPDATE_GOLDEN") == "1"
EXAMPLES = "docs/examples"

CLI_CHARTS = {
    "summary": ["summary", "data/kz_2022.csv"],
    "compare": ["compare", "data/kz_2019.csv", "data/kz_2022.csv"],
    "polls": [
        "compare",
        "data/kz_2022_exit_poll_amanat.csv",
        "data/kz_2022_exit_poll_icsr.csv",
        "data/kz_2022_exit_poll_osiirs.csv",
        "data/kz_2022.csv",
    ],
    "regions": ["summary", f"{EXAMPLES}/examplestan_regions.csv", "--by", "region"],
    "seats": ["seats", "data/kz_2023_mazhilis.csv"],
    # A file of many races: the seats won per party and the closest races (issue 12).
    "races": ["summary", "tests/races/constituencies.csv"],
    "map": [
        "summary",
        f"{EXAMPLES}/examplestan_regions.csv",
        "--by",
        "region",
        "--geojson",
        f"{EXAMPLES}/examplestan.geojson",
    ],
}


def check(name: str, made: Path) -> None:
    golden, shown = GOLDEN / f"chart_{name}.svg", DOCS / f"{name}.svg"
    if UPDATE:
        shutil.copyfile(made, golden)
        shutil.copyfile(made, shown)
    assert made.read_bytes() == golden.read_bytes(), (
        f"the {name} chart changed; if the new one is right, run 'POLLCLI_UPDATE_GOLDEN=1 "
        "python -m pytest tests/test_chart_golden.py', look at it, and commit both copies"
    )
    assert shown.read_bytes() == golden.read_bytes(), f"docs/charts/{name}.svg is stale"


@pytest.mark.parametrize("name", list(CLI_CHARTS))
def test_chart_matches_golden(name, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the footnote names the files as given, relative to the repository
    made = tmp_path / f"{name}.svg"
    result = invoke(*CLI_CHARTS[name], "--chart", str(made), "-q", "--format", "json")
    assert result.code == 0, result.stderr
    check(name, made)


def test_parliament_chart_matches_golden(tmp_path):
    spec = importlib.util.spec_from_file_location("parliament", ROOT / EXAMPLES / "parliament.py")
    assert spec is not None and spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    from pollcli.charts.style import save

    made = tmp_path / "parliament.svg"
    assert save(example.panels(), str(made), "svg") == []
    check("parliament", made)
