"""`summarize(release=True)` (the CLI's run): each election's options and regions let go once it is
summarised, so that a summary of 10,000 races of 100 candidates makes its million results in the
memory its million options held. The summary is the same, key for key and byte for byte (the
oracle: the summary of the same file loaded again, nothing released); only the elections are
spent."""

from __future__ import annotations

from pathlib import Path

from conftest import write
from pollcli import load, summarize
from pollcli.election import Election

ROOT = Path(__file__).resolve().parent.parent
RACES = ROOT / "tests" / "races" / "openelections_general.csv"
REGIONS = ROOT / "docs" / "examples" / "examplestan_regions.csv"


def _spent(election: Election) -> bool:
    return not election.options and not election.regions and "audit" not in vars(election)


def test_a_file_of_races_released_as_summarised_gives_the_same_summary():
    elections = load(RACES)
    assert len(elections) > 3
    for election in elections:
        assert election.audit is not None  # (computed, as loading and the checks do)
    released = summarize(elections, sort="margin", release=True)
    assert released.to_json() == summarize(load(RACES), sort="margin").to_json()
    assert released.overview is not None and released.tally is not None
    assert all(_spent(election) for election in elections)


def test_regions_are_summarised_before_they_are_let_go():
    elections = load(REGIONS)
    assert elections[0].regions
    released = summarize(elections, by_region=True, release=True)
    assert released.elections[0].regions
    assert released.to_json() == summarize(load(REGIONS), by_region=True).to_json()
    assert _spent(elections[0])


def test_an_election_listed_twice_is_let_go_after_its_last_summary(tmp_path):
    path = write(tmp_path, "candidate,votes\nAnn,60\nBob,40\n")
    election = load(path)[0]
    released = summarize([election, election], release=True)
    assert [e.leader for e in released.elections] == [
        e.leader for e in summarize(load(path) * 2).elections
    ]
    assert released.elections[0].results == released.elections[1].results
    assert _spent(election)


def test_nothing_is_let_go_unasked():
    elections = load(RACES)
    summarize(elections)
    assert all(election.options for election in elections)
