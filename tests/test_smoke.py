import json

from conftest import invoke


def test_summary_json_runs(kz2022):
    result = invoke("summary", str(kz2022), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["elections"][0]["leader"]["candidate"] == "Kassym-Jomart Tokayev"


def test_stdin(kz2022):
    result = invoke("summary", "-", "--format", "json", stdin=kz2022.read_bytes())
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["elections"][0]["source_file"] == "<stdin>"
