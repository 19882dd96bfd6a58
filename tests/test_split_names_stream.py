"""A name in two columns (`forename,surname`: the House of Commons Library's layout) is streamed: the
streaming engine joins the two cells as the exact engine does (given name first), for its options,
the repeat finder (an option listed twice in a precinct), the bound on options and the total rows,
with the exact engine's elections and problems.
"""

import pytest

from conftest import dump, each_engine, write
from pollcli.read import ReadOptions, stream

NAMES = [("Ana", "Lee", "Blue"), ("Ben", "Oduya", "Red"), ("Cy", "Ng", ""), ("Against", "all", "")]


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


def precincts(rows: int = 400, header: str = "region,precinct,forename,surname,party,votes") -> str:
    lines = [header]
    for i in range(rows):
        given, family, party = NAMES[i % len(NAMES)]
        lines.append(f"R{(i // 40) % 5},P{i // 4},{given},{family},{party},{(i * 37) % 101}")
    return "\n".join(lines) + "\n"


def both(monkeypatch, path, **options):
    results = each_engine(monkeypatch, path, ReadOptions(**options))
    return results["exact"], results["stream"]


def streams(path) -> bool:
    return stream.read_stream(path, str(path), ReadOptions()) is not None


def test_a_name_in_two_columns_streams_with_the_exact_engines_elections(tmp_path, monkeypatch):
    path = write(tmp_path, precincts())
    exact, streamed = both(monkeypatch, path)
    assert not [p for p in exact[1] if p.severity == "error"]
    assert dump(exact) == dump(streamed)
    assert [o.candidate for o in streamed[0][0].options][:2] == ["Ana Lee", "Ben Oduya"]
    assert streams(path)  # on main the exact engine joined them row by row


VARIANTS = {
    # Spaces around a part, a blank given name, another case: the same option, as joined.
    "spacing": lambda t: t.replace("P3,Ana,Lee,", "P3, Ana , Lee,").replace("P5,Cy,", "P5,CY,"),
    "blank_given_name": lambda t: t.replace(",Cy,Ng,", ",,Ng,"),
    # One precinct lists Ana Lee twice, split otherwise ('Ana Lee' + '' and 'Ana' + 'Lee').
    "repeated_in_a_precinct": lambda t: t + "R0,P2,Ana Lee,,Blue,4\n",
    # A total row of a precinct, as a name: the exact engine names its lines.
    "total_row": lambda t: t + "R0,P2,Total,,,99\n",
    "no_precinct_column": lambda t: (
        "\n".join(",".join(c[:1] + c[2:]) for c in (line.split(",") for line in t.splitlines()))
        + "\n"
    ),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variants_read_alike(tmp_path, monkeypatch, name):
    path = write(tmp_path, VARIANTS[name](precincts()))
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    # The joined names find the repeat (whose precinct's rows are then read one by one:
    # tests/test_repeat_lines.py) and the total row (the exact engine names its lines).
    if name in ("spacing", "blank_given_name", "repeated_in_a_precinct"):
        assert streams(path)
    elif name == "total_row":
        assert not streams(path)


def test_the_house_of_commons_headers(tmp_path, monkeypatch):
    header = "constituency,precinct,candidate first name,candidate surname,party,votes"
    path = write(tmp_path, precincts(header=header))
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    assert streams(path)
