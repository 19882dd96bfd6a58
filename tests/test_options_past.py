"""Issue 10 item 3: past the bound on options, `validate` lists the same problems on every engine,
whatever the streaming engine's block size.

The rule (`read.limits`): reading stops at the first option past the bound, in line order, a race
told by its election and race cells; both engines give what the lines up to it give — their
problems, the `too-many-options` at that line among them — and no election. Before, the streaming
engine listed the problems of the rest of the block it stopped in (a block's size decided how many:
a file of 300,000 rows in two races of 150,000 names listed three problems in 8 MiB blocks, one in
4 MiB), and the exact engine listed every line's and summarised the races within the bound.

The bound is shrunk (`MAX_OPTIONS`) and the blocks too, so that small files pass it and span many
blocks. Each expected line is worked out by hand from how the file is written.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import dump, each_engine, invoke, write
from pollcli.read import ReadOptions, assemble, limits, stream

BOUND = 50
BLOCKS = [160, 1024, 4096, 1 << 20]


@pytest.fixture(autouse=True)
def small_bound(monkeypatch):
    monkeypatch.setattr(assemble, "MAX_OPTIONS", BOUND)
    monkeypatch.setattr(limits, "MAX_OPTIONS", BOUND)


def two_races(bad: dict[int, str], region: bool = False) -> str:
    """Races A then B of 300 names each (N0…N299), a row each, data row k on line k + 2: A's
    51st option (N50) is on line 53, B's on line 353. `bad` replaces the votes of some lines."""
    lines = ["election,region,candidate,votes" if region else "election,candidate,votes"]
    for race in ("A", "B"):
        for i in range(300):
            lines.append(f"{race},R{i % 3},N{i},{i % 97}" if region else f"{race},N{i},{i % 97}")
    for line, votes in bad.items():
        lines[line - 1] = lines[line - 1].rsplit(",", 1)[0] + f",{votes}"
    return "\n".join(lines) + "\n"


def codes(loaded) -> list[tuple[str, int | None]]:
    return [(p.code, p.line) for p in loaded[1]]


@pytest.mark.parametrize("block", BLOCKS)
def test_past_the_bound_the_problems_are_those_of_the_lines_up_to_it(monkeypatch, tmp_path, block):
    """A bad vote on line 11 (before A passes the bound on line 53), others on lines 100 (A's,
    past it) and 401 (B's): the streaming engine listed 401 in some block sizes and not others,
    and the exact engine listed both and B's refusal at 353."""
    path = write(tmp_path, two_races({11: "x", 100: "-", 401: "y"}))
    results = each_engine(monkeypatch, path, ReadOptions(), block_bytes=block)
    exact, streamed = results["exact"], results["stream"]
    assert codes(exact) == [("missing-value", 11), ("too-many-options", 53)]
    assert dump(exact) == dump(streamed)
    assert exact[0] == []


@pytest.mark.parametrize("block", BLOCKS)
def test_past_the_bound_no_race_is_summarised(monkeypatch, tmp_path, block):
    """A passes the bound; B, five names after it, does not: the exact engine summarised B (its
    rows all read), the streaming one nothing. Neither does now."""
    text = "election,candidate,votes\n" + "".join(f"A,N{i},{i % 97}\n" for i in range(300))
    text += "".join(f"B,M{i},{i + 3}\n" for i in range(5))
    results = each_engine(monkeypatch, write(tmp_path, text), ReadOptions(), block_bytes=block)
    assert codes(results["exact"]) == [("too-many-options", 52)]
    assert dump(results["exact"]) == dump(results["stream"])
    assert results["exact"][0] == []


def test_validate_json_is_the_same_on_both_engines(monkeypatch, tmp_path):
    """`validate --format json`, byte for byte, in blocks of some 15 rows."""
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)
    path = write(tmp_path, two_races({11: "x", 401: "y"}))
    outputs = {}
    for engine in ("exact", "stream"):
        result = invoke("validate", str(path), "--format", "json", env={"POLLCLI_ENGINE": engine})
        assert result.code == 1
        outputs[engine] = result.stdout
    assert outputs["exact"] == outputs["stream"]
    problems = json.loads(outputs["exact"])["files"][0]["problems"]
    assert [(p["code"], p["line"]) for p in problems] == [
        ("missing-value", 11),
        ("too-many-options", 53),
    ]


@pytest.mark.parametrize("block", BLOCKS)
def test_regions_of_their_own_candidates_are_races_within_the_bound(monkeypatch, tmp_path, block):
    """One election of 90 names, each of three regions with 30 of its own: the assembly makes
    each region a race (`geography.local_races`), each within the bound, and the exact engine
    read the three. The streaming engine, counting the election's options, stopped at the 51st
    and gave no election: "no option's votes were read" (exit 1). It reads the file again whole."""
    text = "election,region,candidate,votes\n" + "".join(
        f"A,R{r},N{r}_{i},{(i * 7) % 97 + 1}\n" for r in range(3) for i in range(30)
    )
    results = each_engine(monkeypatch, write(tmp_path, text), ReadOptions(), block_bytes=block)
    assert dump(results["exact"]) == dump(results["stream"])
    elections, problems = results["stream"]
    assert not [p for p in problems if p.severity == "error"]
    assert sorted(len(e.options) for e in elections) == [30, 30, 30]


@pytest.mark.parametrize("block", [160, 1 << 20])
def test_regions_past_the_bound_each_are_refused_alike(monkeypatch, tmp_path, block):
    """Each region its own 100 names in two elections: read whole (the election's count is no
    race's), each of the six races refused at its own 51st option, the bad votes of every line
    listed, on both engines."""
    path = write(tmp_path, two_races({11: "x", 401: "y"}, region=True))
    results = each_engine(monkeypatch, path, ReadOptions(), block_bytes=block)
    assert dump(results["exact"]) == dump(results["stream"])
    found = codes(results["exact"])
    assert found.count(("too-many-options", 153)) == 1
    assert ("type-error", 401) in found
    assert len([c for c, _ in found if c == "too-many-options"]) == 6


ROW = st.tuples(
    st.sampled_from(["A", "B", "C"]),
    st.integers(0, 80),
    st.sampled_from(["5", "5", "5", "12", "x", "", "-3"]),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(ROW, min_size=40, max_size=160),
    block=st.sampled_from([96, 200, 700, 1 << 20]),
)
def test_both_engines_give_the_same_past_the_bound(tmp_path_factory, monkeypatch, rows, block):
    """Drawn files of three races of up to 81 names (some past the bound of 50), a few bad
    votes, any block size: one answer on both engines."""
    text = "election,candidate,votes\n" + "".join(f"{e},N{n},{v}\n" for e, n, v in rows)
    path = write(tmp_path_factory.mktemp("past"), text)
    results = each_engine(monkeypatch, path, ReadOptions(), block_bytes=block)
    assert dump(results["exact"]) == dump(results["stream"])


@pytest.mark.parametrize("block", [160, 1 << 20])
def test_what_the_reader_keeps_of_lines_past_it_is_forgotten(monkeypatch, tmp_path, block):
    """Blank vote cells of lines that are no candidate's (counted as 0, one warning naming their
    lines) on line 2 and on line 63, past the 51st option on line 52 (Scattering the first): the
    exact engine, which reads every row, named line 63 in the warning of line 2; the streaming
    one, which stops at line 52, did not (`limits.stop_at`)."""
    text = "election,candidate,votes\nA,Scattering,\n"
    text += "".join(f"A,N{i},{i + 1}\n" for i in range(60)) + "A,Write-in,\n"
    results = each_engine(monkeypatch, write(tmp_path, text), ReadOptions(), block_bytes=block)
    assert dump(results["exact"]) == dump(results["stream"])
    (blank,) = [p for p in results["exact"][1] if p.line == 2]
    assert "line 2 ('Scattering')" in blank.message and "63" not in blank.message
    assert codes(results["exact"]) == [("too-many-options", 52), ("missing-value", 2)]
