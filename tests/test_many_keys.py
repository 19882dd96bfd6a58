"""The streaming engine keeps a bounded number of validated options (`limits.OPTIONS_KEPT`, read in
`optioncells`' namespace where it builds its lookups): a file of ever new keys (10,000 races of their own
candidates) would otherwise hold a cache entry per option that is never looked up again. Forgetting
them must change nothing: the bound is made tiny here, the blocks small, and both engines must
agree, with figures summed by the test itself from the rows it wrote. A key (election, option,
region) keeps no validated row of its own (`read.keysums`): its region is placed in its option's
row once the file is summed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import engines_agree
from pollcli.read import ReadOptions, optioncells, stream


@pytest.fixture
def forgetful(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "BLOCK_BYTES", 512)
    monkeypatch.setattr(optioncells, "OPTIONS_KEPT", 2)


def _write(path: Path, header: str, rows: list[tuple[str, ...]]) -> Path:
    path.write_text(header + "\n" + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _streams(path: Path) -> bool:
    return stream.read_stream(path, path.name, ReadOptions()) is not None


def test_a_file_of_many_races_of_their_own_candidates(tmp_path, monkeypatch, forgetful):
    rows = [
        (f"Town {e}", f"Name{e}x{c}", f"Party {c % 3}", str((e * 31 + c * 7) % 500))
        for e in range(40)
        for c in range(6)
    ]
    path = _write(tmp_path / "towns.csv", "election,candidate,party,votes", rows)
    assert _streams(path)
    elections, problems = engines_agree(monkeypatch, path)
    expected = Counter({(e, name): int(v) for e, name, _, v in rows})
    got = Counter(
        {(el.facts.election, o.candidate): o.votes for el in elections for o in el.options}
    )
    assert got == expected
    assert not [p for p in problems if p.severity == "error"]


def test_a_precinct_file_whose_options_come_back_in_every_block(tmp_path, monkeypatch, forgetful):
    names = ("Ann Alder", "Bob Birch", "Cy Cole")
    rows = [
        (f"R{p % 7}", f"P{p}", name, str((p * 13 + i * 5) % 90))
        for p in range(120)
        for i, name in enumerate(names)
    ]
    path = _write(tmp_path / "precincts.csv", "region,precinct,candidate,votes", rows)
    assert _streams(path)
    elections, _ = engines_agree(monkeypatch, path)
    (election,) = elections
    totals: Counter[str] = Counter()
    by_region: Counter[tuple[str, str]] = Counter()
    for region, _, name, votes in rows:
        totals[name] += int(votes)
        by_region[region, name] += int(votes)
    assert {o.candidate: o.votes for o in election.options} == dict(totals)
    assert {(r.name, o.candidate): o.votes for r in election.regions for o in r.options} == dict(
        by_region
    )


def test_a_bad_name_after_the_keys_were_forgotten_is_found_by_both(
    tmp_path, monkeypatch, forgetful
):
    rows = [(f"Town {e}", f"Name{e}x{c}", "1") for e in range(30) for c in range(4)]
    rows[100] = (rows[100][0], " ", "1")  # a blank name, in a late block
    path = _write(tmp_path / "blank.csv", "election,candidate,votes", rows)
    _, problems = engines_agree(monkeypatch, path)
    assert [(p.code, p.line) for p in problems if p.severity == "error"] == [("blank-name", 102)]


def test_a_file_of_many_regions_each_its_own_key(tmp_path, monkeypatch, forgetful):
    # `precinct` as the only place column is the region: every precinct is a region of its own,
    # each of its options a key. Names written two ways (case, spaces, an invisible character)
    # are one option in every region, as in the exact engine.
    spellings = ("Ann Alder", "ann  alder", "Ann\u200b Alder")
    rows = [
        (f"P{p:03d}", spellings[p % 3] if i == 0 else name, str((p * 17 + i * 3) % 70))
        for p in range(150)
        for i, name in enumerate(("Ann Alder", "Bob Birch", "Cy Cole"))
    ]
    path = _write(tmp_path / "places.csv", "precinct,candidate,votes", rows)
    assert _streams(path)
    elections, _ = engines_agree(monkeypatch, path)
    (election,) = elections
    by_region: Counter[tuple[str, str]] = Counter()
    for region, name, votes in rows:
        key = (
            "ann alder" if name.replace("\u200b", "").lower().split() == ["ann", "alder"] else name
        )
        by_region[region, key] += int(votes)
    got = Counter(
        {
            (r.name, "ann alder" if o.candidate.lower().startswith("ann") else o.candidate): o.votes
            for r in election.regions
            for o in r.options
        }
    )
    assert got == by_region
    assert len(election.regions) == 150


def test_a_block_read_by_the_exact_stages_sums_with_the_others(tmp_path, monkeypatch, forgetful):
    # A vote cell `+7` is refused by pyarrow's integer parser: that block is read by the exact
    # stages, whose rows must land on the same keys (option, region) as the others'.
    rows = [
        (f"P{p:03d}", name, str((p * 11 + i) % 50))
        for p in range(120)
        for i, name in enumerate(("Ann Alder", "Bob Birch"))
    ]
    rows[101] = (rows[101][0], rows[101][1], "+7")
    path = _write(tmp_path / "spaced.csv", "precinct,candidate,votes", rows)
    assert _streams(path)
    elections, problems = engines_agree(monkeypatch, path)
    assert not [p for p in problems if p.severity == "error"]
    (election,) = elections
    by_region: Counter[tuple[str, str]] = Counter()
    for region, name, votes in rows:
        by_region[region, name.strip()] += int(votes)
    got = {(r.name, o.candidate): o.votes for r in election.regions for o in r.options}
    assert got == dict(by_region)


def test_a_row_of_many_races_met_again_blocks_later_is_named_by_both(
    tmp_path, monkeypatch, forgetful
):
    # Without a region, a key is its option alone (`keysums.KeySums`: by part number); a row
    # written again 130 rows later, in another block, is a repeat the assembly names by its line.
    rows = [
        (f"Town {e}", f"Name{e}x{c}", f"Party {c % 3}", str((e * 31 + c * 7) % 500))
        for e in range(40)
        for c in range(6)
    ]
    rows.insert(150, rows[20])
    path = _write(tmp_path / "again.csv", "election,candidate,party,votes", rows)
    assert _streams(path)
    _, problems = engines_agree(monkeypatch, path)
    repeats = [p for p in problems if p.code == "duplicate-option"]
    assert [(p.line, p.race) for p in repeats] == [(152, "Town 3")]  # header on line 1


def test_a_key_of_its_option_alone_sums_past_64_bits():
    from pollcli.read.keysums import KeySums
    from pollcli.read.records import Record

    sums = KeySums(summed_units=True)
    first = sums.part("E", _row("Ann"), ())
    second = sums.part("E", _row("Bob"), ())
    assert sums.add(second, None, None, False, 3, 5)
    assert sums.add(first, None, None, False, 7, 2**62)
    assert not sums.add(first, None, None, False, 4, 2**62)
    assert not sums.add(first, None, None, False, 9, 2**62)
    records: list[Record] = sums.records()
    assert [(r.line, r.row.candidate, r.votes) for r in records] == [
        (3, "Bob", 5),
        (4, "Ann", 3 * 2**62),  # summed exactly (a Python int), first line the earliest
    ]


def _row(name: str):
    from pollcli.contract import Row

    return Row.model_validate({"candidate": name})


def test_each_race_s_records_are_let_go_once_its_election_is_built(tmp_path, monkeypatch):
    # A million records of 10,000 races were all held till the last race was built, beside the
    # options built from them (`Assembly.elections` empties the list it is handed).
    import gc

    from conftest import each_engine
    from pollcli.read.assemble import Assembly
    from pollcli.read.records import Record

    rows = [(f"Town {e}", f"Name{e}x{c}", "P", str(e + c)) for e in range(30) for c in range(5)]
    path = _write(tmp_path / "towns.csv", "election,candidate,party,votes", rows)
    alive: list[int] = []
    build = Assembly._election

    def counting(self, label, records):
        if label == "Town 29":
            gc.collect()
            alive.append(sum(isinstance(o, Record) for o in gc.get_objects()))
        return build(self, label, records)

    monkeypatch.setattr(Assembly, "_election", counting)
    read = each_engine(monkeypatch, path, block_bytes=512)
    assert set(read) == {"exact", "stream"}
    for elections, _ in read.values():
        assert len(elections) == 30
    # At the last race, by each engine: its own 5 records (and a few of the one before) are left.
    assert len(alive) == 2 and max(alive) <= 10, alive


def test_records_of_no_fact_cells_share_one_read_only_mapping():
    # A million keys of 10,000 races made a million empty dicts (64 MB): one shared mapping now,
    # read only, and a stage that gives such a record a fact gives it a dict of its own.
    from pollcli.read.keysums import KeySums, writable

    sums = KeySums(summed_units=False)
    ann, bob = sums.part("E", _row("Ann"), ()), sums.part("E", _row("Bob"), ())
    cy = sums.part("E", _row("Cy"), (("office", "Mayor"),))
    for line, part in enumerate((ann, bob, cy), start=2):
        sums.add(part, None, None, False, line, 5)
    sums.add(ann, "North", None, False, 5, 1)  # a key with a region: built the other way
    first, second, third, placed = sums.records()
    assert first.facts is second.facts is placed.facts
    assert first.facts == {} and third.facts == {"office": "Mayor"}
    assert first.facts.pop("mode", "") == "" and first.facts.get("mode") is None
    with pytest.raises(TypeError):
        first.facts["mode"] = "Total"
    with pytest.raises(KeyError):
        first.facts.pop("mode")
    writable(first)["mode"] = "Total"
    assert first.facts == {"mode": "Total"} and second.facts == {} and placed.facts == {}
    assert writable(third) is third.facts  # a dict of its own already
