"""The exact engine lets a file's bytes go once they are text (`exact.read_exact`): they are not held
beside the text and its cells while the file is split, the peak of its memory (a 70 MB file: some
70 MB of it). A file past the regions' bound is read again from the disk, with the same answer."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest

import pollcli.read
from pollcli.read import ReadOptions, engines, exact, load_file, manyregions

ROWS = "county,precinct,candidate,votes\n" + "".join(
    f"C{i % 3},P{i},{name},{i + len(name)}\n" for i in range(1, 30) for name in ("Ann Lee", "Bo Li")
)

PRECINCTS = "precinct,candidate,votes\n" + "".join(
    f"P{i},{name},{i + len(name)}\n" for i in range(1, 30) for name in ("Ann Lee", "Bo Li")
)


class Tracked(bytes):
    """A file's bytes that tell when they are let go."""

    gone: ClassVar[list[bool]] = []

    def __del__(self) -> None:
        Tracked.gone.append(True)


@pytest.fixture
def tracked(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The bytes the exact engine reads, tracked; whether they were gone at each split."""
    monkeypatch.setenv(engines.ENGINE_ENV, "exact")
    Tracked.gone = []
    real_read, real_split = pollcli.read.read_bytes, exact.split
    at_split: list[bool] = []

    def read_bytes(source: object) -> bytes:
        return Tracked(real_read(source))  # type: ignore[arg-type]

    def split(*args: object, **kwargs: object) -> None:
        at_split.append(bool(Tracked.gone))
        real_split(*args, **kwargs)  # type: ignore[arg-type]
        Tracked.gone.clear()

    monkeypatch.setattr(pollcli.read, "read_bytes", read_bytes)
    monkeypatch.setattr(exact, "split", split)
    return at_split


def test_the_bytes_are_let_go_before_the_split(tmp_path: Path, tracked: list[bool]) -> None:
    path = tmp_path / "precincts.csv"
    path.write_text(ROWS, encoding="utf-8")
    elections, problems = load_file(path, ReadOptions())
    assert tracked == [True]
    assert not problems
    assert sum(o.votes for o in elections[0].options) == sum(
        int(line.rsplit(",", 1)[1]) for line in ROWS.splitlines()[1:]
    )


def test_past_the_regions_bound_the_file_is_read_again(
    tmp_path: Path, tracked: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "precincts.csv"
    # The precinct the only place column: past the bound, read as units (`manyregions`).
    path.write_text(PRECINCTS, encoding="utf-8")
    monkeypatch.setattr(manyregions, "REGIONS_KEPT", 2)
    elections, problems = load_file(path, ReadOptions())
    assert tracked == [True, True]  # read twice, the bytes let go each time
    assert [p.code for p in problems] == ["too-many-regions"]
    (as_units,), _ = load_file(path, ReadOptions(unit="precinct"))
    assert [(o.candidate, o.votes) for o in elections[0].options] == [
        (o.candidate, o.votes) for o in as_units.options
    ]
