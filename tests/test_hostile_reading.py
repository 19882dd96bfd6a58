"""Hostile input in the reading pipeline (issue 13): each test failed before its fix."""

from __future__ import annotations

import pytest

from conftest import write
from pollcli import load, summarize, validate
from pollcli.errors import DataError


@pytest.mark.parametrize("header", ["region,region", "precinct,precinct", "Region,REGION "])
def test_a_geographic_column_named_twice_is_a_duplicate_label(tmp_path, header):
    path = write(tmp_path, f"{header},candidate,votes\nN,S,Ana,5\nN,S,Ben,3\n")
    problems = validate(path).files[0].problems
    assert [p.code for p in problems] == ["duplicate-label"]


def test_turnout_of_a_region_with_registered_voters_for_some_precincts_only_is_unknown(tmp_path):
    """90 ballots over the 100 registered of one precinct is not the region's turnout."""
    text = (
        "region,precinct,candidate,votes,registered,ballots_cast\n"
        "N,P1,Ana,50,100,90\nN,P1,Ben,40,100,90\n"
        "N,P2,Ana,30,,70\nN,P2,Ben,40,,70\n"
    )
    summary = summarize(load(write(tmp_path, text)), by_region=True).elections[0]
    assert summary.regions[0].turnout.pct is None
    assert summary.turnout.pct is None and summary.turnout.ballots_cast == 160
    assert any("registered is given for 1 of 2 precincts of region 'N'" in n for n in summary.notes)


@pytest.mark.parametrize("region", [True, False])
def test_cast_share_base_without_ballots_cast_is_refused_with_or_without_regions(tmp_path, region):
    rows = "N,Ana,60\nN,Ben,40\n" if region else "Ana,60\nBen,40\n"
    header = "region,candidate,votes\n" if region else "candidate,votes\n"
    path = write(tmp_path, "# share_base: cast\n" + header + rows)
    with pytest.raises(DataError) as caught:
        load(path)
    assert [p.code for p in caught.value.problems] == ["invalid-metadata"]


@pytest.mark.parametrize("mark", ["\u200b", "\ufeff", "\u200c", "\u200d", "\u2060"])
def test_invisible_characters_do_not_make_two_options_of_one(tmp_path, mark):
    path = write(tmp_path, f"candidate,votes\nBob,5\nBob{mark},3\nAna,2\n")
    problems = validate(path).files[0].problems
    assert [p.code for p in problems] == ["duplicate-option"]


def test_invisible_characters_are_removed_from_names_with_a_note(tmp_path):
    path = write(tmp_path, "candidate,votes\nB\u200bob,5\nAna,2\n")
    summary = summarize(load(path)).elections[0]
    assert [r.candidate for r in summary.results] == ["Bob", "Ana"]
    assert any(n.startswith("Invisible characters") for n in summary.notes)


def test_a_name_of_invisible_characters_only_is_blank(tmp_path):
    path = write(tmp_path, "candidate,votes\n\u200b\u2060,5\nAna,2\n")
    problems = validate(path).files[0].problems
    assert [p.code for p in problems] == ["blank-name"]


def _run(*args, stdin=None, timeout=60):
    import resource
    import subprocess
    import sys

    def limit():  # a runaway read fails the test instead of the machine
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run(
        [sys.executable, "-m", "pollcli", *args],
        stdin=stdin,
        capture_output=True,
        timeout=timeout,
        preexec_fn=limit,
        check=False,
    )


def test_dev_zero_is_refused_after_a_megabyte():
    done = _run("summary", "/dev/zero", "-f", "json", timeout=20)
    assert done.returncode == 1, done.stderr
    assert b"no line ends in the first 1,024 KiB" in done.stderr


def test_yes_on_standard_input_is_refused_before_it_is_spooled():
    import subprocess

    yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    try:
        done = _run("summary", "-", stdin=yes.stdout, timeout=20)
    finally:
        yes.kill()
        yes.wait()
    assert done.returncode == 1
    assert b"no candidate column" in done.stderr


def test_a_fifo_is_streamed_like_standard_input(tmp_path, monkeypatch):
    """`pollcli summary <(zcat big.csv)`: a FIFO has no size, and used to be read in memory by the
    exact engine; now it is spooled and streamed."""
    import os
    import threading

    from pollcli.read import engines, load_file, stream
    from pollcli.read.options import ReadOptions

    rows = "".join(f"R{i % 5},P{i // 4},C{i % 4},{i % 97}\n" for i in range(4000))
    data = ("region,precinct,candidate,votes\n" + rows).encode()
    monkeypatch.setattr(engines, "STREAM_THRESHOLD_BYTES", 4096)
    calls = []
    real = stream.read_stream
    monkeypatch.setattr(stream, "read_stream", lambda *a: calls.append(a[1]) or real(*a))
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(data))
    writer.start()
    elections, problems = load_file(fifo, ReadOptions())
    writer.join()
    plain = write(tmp_path, data.decode(), "plain.csv")
    assert calls == [str(fifo)]
    assert problems == []
    assert [o.votes for o in elections[0].options] == [
        o.votes for o in load_file(plain, ReadOptions())[0][0].options
    ]


def test_an_election_figure_the_regions_do_not_add_up_to_is_a_warning(tmp_path):
    """It won silently: a turnout over 9,999 registered when the regions gave 4,536."""
    text = (
        "# registered: 9999\nregion,candidate,votes,registered\n"
        "N,Ana,50,2000\nN,Ben,40,2000\nS,Ana,30,2536\nS,Ben,40,2536\n"
    )
    summary = summarize(load(write(tmp_path, text))).elections[0]
    assert summary.turnout.registered == 9999
    assert summary.warning_codes == ["inconsistent-metadata"]
    assert (
        "registered is 9,999 for the election but its regions' add up to 4,536"
        in (summary.warnings[0])
    )


def test_invalid_ballots_given_for_some_regions_only_are_noted(tmp_path):
    text = "region,candidate,votes,invalid\nN,Ana,50,3\nN,Ben,40,3\nS,Ana,30,\nS,Ben,40,\n"
    summary = summarize(load(write(tmp_path, text))).elections[0]
    assert "invalid is given for 1 of 2 regions only, so the national figure is not computed." in (
        summary.notes
    )
