"""Standard input reads exactly as the same bytes named as a file, whatever its size and engine.

Over the streaming threshold (1 MiB) standard input is first looked at (`inputs.probe`), then
spooled and streamed; below it, read in memory. A file with vote-mode columns and no votes column
(OpenElections' Georgia layout) used to be refused on that route only: the probe mapped the header
without the vote-mode roles the engines give it ("neither a votes nor a share column").
"""

from __future__ import annotations

import io
import json

import pytest

from conftest import invoke, write
from pollcli.read import engines

MODES = ("election_day_votes", "advanced_votes", "absentee_by_mail_votes", "provisional_votes")
HEADER = "county,precinct,office,district,party,candidate," + ",".join(MODES)
RACES = (
    ("US Senate", "", (("Democrat", "Ann Ash-Appleby"), ("Republican", "Bob Birch-Brown"))),
    ("Public Service Commissioner", "4", (("Democrat", "Cy Cole"), ("Republican", "Di Dunn"))),
)


# Long cells make a megabyte of few rows: the exact engine reads it in a second.
COUNTIES = tuple(
    f"{n} County Board of Elections"
    for n in ("Appling", "Bacon", "Camden", "Dade", "Early", "Fannin", "Glynn", "Hall", "Irwin")
)


def georgia(precincts: int) -> str:
    """Two races over `precincts` precincts in 9 counties, four vote modes per row."""
    lines = [HEADER]
    for office, district, options in RACES:
        for p in range(precincts):
            for c, (party, name) in enumerate(options):
                modes = [(p * 7 + c * 13 * (p % 3) + m * 5) % 311 for m in range(len(MODES))]
                lines.append(
                    f"{COUNTIES[p % 9]},{p:05d} {p % 7} Fellowship Hall,{office},{district},{party},{name},"
                    + ",".join(map(str, modes))
                )
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def big() -> bytes:
    data = georgia(2_400).encode()
    assert len(data) > engines.STREAM_THRESHOLD_BYTES  # the real threshold, not a patched one
    return data


def _json(result, path=None) -> dict:
    """The JSON output, the file's name written as standard input's."""
    assert result.code == 0, result.stderr
    text = (
        result.stdout if path is None else result.stdout.replace(json.dumps(str(path)), '"<stdin>"')
    )
    return json.loads(text)


def _votes_by_candidate(data: dict) -> dict[str, int]:
    return {r["candidate"]: r["votes"] for e in data["elections"] for r in e["results"]}


@pytest.mark.parametrize("engine", ["auto", "stream", "exact"])
@pytest.mark.parametrize("votes", [None, "election_day_votes"])
def test_big_standard_input_with_vote_mode_columns_reads_as_the_file(tmp_path, big, engine, votes):
    import pandas as pd

    path = write(tmp_path, big.decode())
    flags = ["--format", "json"] + ([] if votes is None else ["--votes", votes])
    env = {engines.ENGINE_ENV: engine}
    from_file = invoke("summary", str(path), *flags, env=env)
    from_stdin = invoke("summary", "-", *flags, stdin=big, env=env)
    assert from_stdin.stderr == from_file.stderr.replace(str(path), "<stdin>")
    assert _json(from_stdin) == _json(from_file, path)
    # The oracle: pandas sums the modes (or the one named column) of the same bytes.
    frame = pd.read_csv(io.BytesIO(big))
    frame["total"] = frame[list(MODES)].sum(axis=1) if votes is None else frame[votes]
    expected = frame.groupby("candidate")["total"].sum().to_dict()
    assert _votes_by_candidate(_json(from_stdin)) == expected


def test_small_standard_input_reads_as_the_file_on_both_engines(tmp_path, monkeypatch):
    """POLLCLI_ENGINE=stream forces the streaming engine on standard input too, as on a file."""
    from pollcli.read import stream

    data = georgia(40).encode()
    path = write(tmp_path, data.decode())
    streamed = []
    real = stream.read_stream
    monkeypatch.setattr(stream, "read_stream", lambda *a: streamed.append(a[1]) or real(*a))
    for engine in ("stream", "exact"):
        env = {engines.ENGINE_ENV: engine}
        from_file = invoke("summary", str(path), "--format", "json", env=env)
        from_stdin = invoke("summary", "-", "--format", "json", stdin=data, env=env)
        assert _json(from_stdin) == _json(from_file, path)
    assert streamed == [str(path), "<stdin>"]


def test_a_big_stream_refused_by_its_header_says_what_the_file_would(tmp_path, big):
    """The probe refuses a big stream whose header pollcli cannot read before spooling it; its
    message is the one the same bytes named as a file get, hint included."""
    # Columns of counts pollcli does not know as votes: no votes column at all.
    bad = big.replace(b",".join(m.encode() for m in MODES), b"ed,adv,abm,prov", 1)
    path = write(tmp_path, bad.decode())
    from_file = invoke("validate", str(path), "--format", "json")
    from_stdin = invoke("validate", "-", "--format", "json", stdin=bad)
    assert from_file.code == from_stdin.code == 1
    assert (
        json.loads(from_stdin.stdout)["files"][0]["problems"]
        == (json.loads(from_file.stdout)["files"][0]["problems"])
    )


def test_an_unknown_votes_column_on_big_standard_input_is_the_files_usage_error(tmp_path, big):
    path = write(tmp_path, big.decode())
    from_file = invoke("summary", str(path), "--votes", "early")
    from_stdin = invoke("summary", "-", "--votes", "early", stdin=big)
    assert from_file.code == from_stdin.code == 2
    # The same error, each naming what it read.
    assert from_stdin.stderr.startswith("pollcli: error: <stdin>: --votes 'early'")
    assert from_stdin.stderr.replace("<stdin>", str(path)) == from_file.stderr


def test_the_validate_hint_for_standard_input_can_be_run():
    """Trial 3: "run 'pollcli validate <stdin>'" names no file a shell can open."""
    rows = b"office,candidate,votes\nGov,Ann,5\nGov,Bob,4\nMayor,Bob,x\nMayor,Cy,3\n"
    result = invoke("summary", "-", stdin=rows)
    assert result.code == 1
    assert "run 'pollcli validate -' with the same standard input" in result.stderr
    assert "validate <stdin>" not in result.stderr
