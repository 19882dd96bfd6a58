"""The README's output sample is the real output, so it cannot drift from the code."""

from conftest import ROOT, invoke


def test_readme_sample_is_current_output(monkeypatch):
    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```text\n", readme.index("## What it prints")) + len("```text\n")
    sample = readme[start : readme.index("```", start)].rstrip("\n")
    output = invoke("summary", "data/kz_2022.csv", env={"COLUMNS": "100"}).stdout
    actual = "\n".join(line.rstrip() for line in output.rstrip().splitlines())
    assert sample == actual, (
        "README sample is stale: paste `COLUMNS=100 pollcli summary data/kz_2022.csv`"
    )
