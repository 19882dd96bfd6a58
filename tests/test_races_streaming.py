"""Files of many races read the same by both engines, and race by race as an independent sum says.

`BLOCK_BYTES` is shrunk so that the files span many blocks (and a bad race's rows fall in a block
after the first); a Hypothesis property checks the races' figures against a plain dictionary sum.
"""

import io
import os
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import engines_agree, write
from pollcli.read import ReadOptions, engines, limits, load_file, stream

RACES = Path(__file__).parent / "races"


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


def both(monkeypatch, path, **options):
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        elections, problems = load_file(path, ReadOptions(**options))
        results[engine] = ([asdict(e) for e in elections], [asdict(p) for p in problems])
    streamed = stream.read_stream(Path(path), str(path), ReadOptions(**options))
    return results["exact"], results["stream"], streamed


@pytest.mark.parametrize("name", sorted(p.name for p in RACES.glob("*.csv")))
def test_both_engines_read_each_layout_alike(monkeypatch, name):
    exact, streamed, _ = both(monkeypatch, RACES / name)
    assert exact == streamed


def precincts(races: int = 12, bad: int | None = None) -> str:
    """An OpenElections file: `races` U.S. House districts over 30 precincts; race `bad` has one
    vote cell that is not a count."""
    lines = ["county,precinct,office,district,party,candidate,votes,election_day,absentee"]
    for p in range(30):
        for d in range(1, races + 1):
            for c, party in enumerate(("DEM", "REP", "LIB")):
                total = (7 * p + 11 * d + 5 * c) % 97
                votes = "x9" if bad == d and p == 20 and c == 0 else str(total)
                lines.append(
                    f"C{p % 4},P{p},U.S. House,{d},{party},Cand {d}-{c},{votes},{total // 2},"
                    f"{total - total // 2}"
                )
    return "\n".join(lines) + "\n"


def test_a_bad_race_in_a_later_block_is_refused_alike(monkeypatch, tmp_path):
    path = write(tmp_path, precincts(bad=9))
    exact, streamed, direct = both(monkeypatch, path)
    assert exact == streamed
    assert direct is not None  # the streaming engine read it, handing only a block to the stages
    assert len(exact[0]) == 11
    assert {p["race"] for p in exact[1] if p["severity"] == "error"} == {"U.S. House · 9"}


def test_vote_mode_columns_stream_when_they_agree(monkeypatch, tmp_path):
    path = write(tmp_path, precincts())
    exact, streamed, direct = both(monkeypatch, path)
    assert exact == streamed and direct is not None


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Governor", "House", "Senate"]),
            st.sampled_from(["", "1", "01", "2"]),
            st.sampled_from(["Ann", "Bo", "Cy"]),
            st.integers(0, 1_000),
            st.sampled_from(["N", "S"]),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_each_race_sums_its_own_rows(tmp_path_factory, rows):
    """Votes per race and candidate are the rows' sum, races told apart by office and district
    (leading zeros aside), whatever the order and mix of rows. Each race has its own candidates
    (one who stands in every district makes the district geography: another test's subject)."""
    expected: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    seen = set()
    unique = []
    for office, district, first, votes, county in rows:
        number = str(int(district)) if district else ""
        name = f"{first} {office}-{number}"
        key = (office, number, name, county)
        if key in seen:  # one row per option and county: a repeat is another test's subject
            continue
        seen.add(key)
        unique.append((office, district, name, votes, county))
        expected[office, key[1]][name] += votes
    # As counties publish them: every candidate of a race on a row in each county of the race (0
    # votes where none), or a county whose candidates stand nowhere else would name races.
    counties: dict[tuple[str, str], set[str]] = defaultdict(set)
    for office, district, _, _, county in unique:
        counties[office, str(int(district)) if district else ""].add(county)
    for office, district, name, _, county in list(unique):
        race = (office, str(int(district)) if district else "")
        for other in sorted(counties[race] - {county}):
            if (*race, name, other) not in seen:
                seen.add((*race, name, other))
                unique.append((office, district, name, 0, other))
    text = "county,office,district,candidate,votes\n" + "".join(
        f"{c},{o},{d},{n},{v}\n" for o, d, n, v, c in unique
    )
    path = write(tmp_path_factory.mktemp("races"), text)
    for engine in ("exact", "stream"):
        os.environ[engines.ENGINE_ENV] = engine
        try:
            elections, problems = load_file(path, ReadOptions())
        finally:
            del os.environ[engines.ENGINE_ENV]
        assert not [p for p in problems if p.severity == "error"]
        got = {}
        for election in elections:
            keys = election.race.keys if election.race else {}
            office = keys.get("office") or election.facts.office
            district = keys.get("district", "")
            got[office, str(int(district)) if district else ""] = {
                o.candidate: o.votes for o in election.options
            }
        if len(expected) == 1:
            (only,) = expected.values()
            assert list(got.values()) == [dict(only)]
        else:
            assert got == {k: dict(v) for k, v in expected.items()}


def test_options_are_counted_race_by_race_against_the_ballot_limit(monkeypatch, tmp_path):
    """More names in the file than any ballot has, but few in each race: every race is read."""
    from pollcli.read import assemble

    monkeypatch.setattr(assemble, "MAX_OPTIONS", 50)
    monkeypatch.setattr(limits, "MAX_OPTIONS", 50)
    lines = ["county,precinct,office,district,candidate,votes"]
    for district in range(40):
        for precinct in range(2):
            lines += [f"C,P{precinct},House,{district},N{district}-{c},{c + 1}" for c in range(4)]
    path = write(tmp_path, "\n".join(lines) + "\n")
    exact, streamed, direct = both(monkeypatch, path)
    assert exact == streamed and direct is not None
    assert len(exact[0]) == 40 and not exact[1]


@pytest.mark.parametrize(
    "spelt", [("GOVERNOR", "Governor", "", ""), ("Governor", "Governor", "01", "1")]
)
def test_a_row_repeated_under_another_spelling_of_its_race_is_named_by_both_engines(
    tmp_path, monkeypatch, spelt
):
    """One precinct's row listed twice, its office written in another case (or its district with a
    leading zero): one race, so a repeat, which the exact engine names. The streaming engine
    compared precincts by their race cells as written and added the two rows up (Ann Lee 200 for
    100 or an error, confidently). Now it hands such a file to the exact engine."""
    first, second, d1, d2 = spelt
    text = (
        "county,precinct,office,district,party,candidate,votes\n"
        f"South,P3,{first},{d1},Blue,Ann Lee,100\n"
        f"South,P3,{second},{d2},Blue,Ann Lee,100\n"
        f"South,P3,{second},{d2},Red,Bo Kim,50\n"
    )
    path = tmp_path / "results.csv"
    path.write_text(text, encoding="utf-8")
    _, problems = engines_agree(monkeypatch, path)
    assert "duplicate-option" in {p.code.value for p in problems}


def test_a_race_spelt_two_ways_in_different_precincts_is_summed_alike_by_both_engines(
    tmp_path, monkeypatch
):
    """The other side: the two spellings in different precincts are one race's rows, added up (as
    pandas adds the rows up by the office in one case)."""
    text = (
        "county,precinct,office,party,candidate,votes\n"
        "South,P3,GOVERNOR,Blue,Ann Lee,100\nSouth,P3,GOVERNOR,Red,Bo Kim,50\n"
        "South,P4,Governor,Blue,Ann Lee,7\nSouth,P4,Governor,Red,Bo Kim,5\n"
    )
    path = tmp_path / "results.csv"
    path.write_text(text, encoding="utf-8")
    (race,), problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(io.StringIO(text))
    want = frame.groupby("candidate")["votes"].sum().to_dict()
    assert {o.candidate: o.votes for o in race.options} == want
