"""Bugs found in review, each pinned by a test that failed before its fix (issue 10, item 5)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

from conftest import DATA, invoke, write

POLL = (
    "# election: Exit poll\n# date: 2022-11-20\n# country: KZ\n# office: President\n# round: 1\n"
    "# stage: exit_poll\ncandidate,share\nKassym-Jomart Tokayev,{a}\nZhiguli Dairabayev,{b}\n"
)


def test_compare_csv_keeps_each_poll_s_errors_when_two_polls_share_a_label(tmp_path):
    first = write(tmp_path, POLL.format(a=80, b=5), "a.csv")
    second = write(tmp_path, POLL.format(a=90, b=1), "b.csv")
    result = invoke("compare", str(first), str(second), str(DATA / "kz_2022.csv"), "-f", "csv")
    assert result.code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    tokayev = [r for r in rows if r["candidate"] == "Kassym-Jomart Tokayev" and r["poll_error_pp"]]
    errors = sorted(float(r["poll_error_pp"]) for r in tokayev)
    assert errors == [round(80 - 81.31, 10), round(90 - 81.31, 10)]


def test_compare_by_party_markdown_names_the_party_column_once():
    result = invoke(
        "compare", str(DATA / "kz_2019.csv"), str(DATA / "kz_2022.csv"), "--by", "party", "-f",
        "markdown",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    header = next(line for line in result.stdout.splitlines() if line.startswith("| Party"))
    assert header.count("Party") == 1


def test_compare_markdown_imports_no_rich():
    code = (
        "import sys, contextlib, io\nfrom pollcli.cli import run\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    run(['compare', {str(DATA / 'kz_2019.csv')!r}, {str(DATA / 'kz_2022.csv')!r},"
        " '-f', 'markdown'])\n"
        "print(sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_exact_engine_reports_progress_too(tmp_path, monkeypatch):
    """README promises the bar for any slow file, not only for streamed ones."""
    from pollcli.read import ReadOptions, engines, load_file

    rows = "".join(f"R{i % 7},P{i},C{i % 5},{i}\n" for i in range(30_000))
    path = write(tmp_path, "region,precinct,candidate,votes\n" + rows)
    monkeypatch.setenv(engines.ENGINE_ENV, "exact")
    seen = []
    token = engines.progress_hook.set(lambda name, done, total: seen.append((done, total)))
    try:
        load_file(path, ReadOptions())
    finally:
        engines.progress_hook.reset(token)
    size = path.stat().st_size
    assert len(seen) > 2
    assert seen[-1] == (size, size)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_docs_compare_lists_every_veto_names_py_enforces():
    """Each veto of the name score is named in docs/compare.md with an example that scores 0."""
    from pollcli.names import name_score

    text = (DATA.parent / "docs" / "compare.md").read_text(encoding="utf-8")
    vetoes = text.split("**Vetoes.**", 1)[1].split("\n5.", 1)[0]
    for a, b in [("David Smith", "John Smith"), ("Ivanov", "Ivanova"), ("Kosanuly", "Kosankyzy")]:
        assert a in vetoes and b in vetoes, (a, b)
    assert name_score("Pavel Ivanov", "Pavel Ivanova") == 0
    assert name_score("Amirzhan Kosanuly", "Amirzhan Kosankyzy") == 0
