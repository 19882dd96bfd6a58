"""A big Parquet file is streamed (`read/columnar.py`): its columns written as the CSV text the exact
engine reads them as, then read by the streaming engine, with the exact engine's elections and
problems at the same lines. What could read otherwise (a fractional float, a cell with a line end,
a blank row, facts in the metadata) is left to the exact engine, with the same result.
"""

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import dump, each_engine
from pollcli.read import ReadOptions, columnar, stream


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 512)
    monkeypatch.setattr(columnar, "BATCH_ROWS", 50)


def precincts(rows: int = 420) -> dict[str, list]:
    names = [("Ana Lee", "Blue"), ("Ben Oduya", "Red"), ('Cy "C" Ng', None), ("Against all", "")]
    data: dict[str, list] = {
        "region": [],
        "precinct": [],
        "candidate": [],
        "party": [],
        "votes": [],
    }
    for i in range(rows):
        name, party = names[i % len(names)]
        data["region"].append(f"R{(i // 40) % 5}, north" if i % 80 < 40 else f"R{(i // 40) % 5}")
        data["precinct"].append(f"P{i // 4}")
        data["candidate"].append(name)
        data["party"].append(party)
        data["votes"].append((i * 37) % 101)
    return data


def write(tmp_path, columns, name="results.parquet", metadata=None, schema=None):
    table = pa.table(columns, schema=schema)
    if metadata:
        table = table.replace_schema_metadata(metadata)
    path = tmp_path / name
    pq.write_table(table, path, row_group_size=100)
    return path


def both(monkeypatch, path, **options):
    results = each_engine(monkeypatch, path, ReadOptions(**options))
    return results["exact"], results["stream"]


def streamed(path, **options) -> bool:
    return columnar.stream_parquet(path, str(path), ReadOptions(**options)) is not None


def test_a_parquet_file_of_precincts_streams_with_the_exact_engines_elections(
    tmp_path, monkeypatch
):
    path = write(tmp_path, precincts())
    exact, streamed_ = both(monkeypatch, path)
    assert not [p for p in exact[1] if p.severity == "error"]
    assert dump(exact) == dump(streamed_)
    assert streamed(path)  # on main a Parquet file was read whole by the exact engine


def _with(columns: dict[str, list], **changes: object) -> dict[str, list]:
    """`columns` with some cells changed: {column_row: value}, e.g. votes_7=..."""
    columns = {k: list(v) for k, v in columns.items()}
    for key, value in changes.items():
        column, row = key.rsplit("_", 1)
        columns[column][int(row)] = value
    return columns


STREAMED = {
    "float_votes": lambda c: {**c, "votes": [float(v) for v in c["votes"]]},
    "float_votes_with_nan": lambda c: {
        **c,
        "votes": [float("nan") if i == 7 else float(v) for i, v in enumerate(c["votes"])],
    },
    "dictionary_names": lambda c: {**c, "candidate": pa.array(c["candidate"]).dictionary_encode()},
    "negative_votes": lambda c: _with(c, votes_9=-3),
    "big_int_votes": lambda c: _with(c, votes_11=10**13),
    "spaces_and_quotes": lambda c: _with(c, candidate_5='  Ben "B" Oduya ', region_6=" R1 "),
    "hash_first": lambda c: _with(c, region_40="# R1"),
    "null_name": lambda c: _with(c, candidate_13=None),
    "repeated_option": lambda c: _with(c, candidate_401="Ana Lee"),
    "integer_region": lambda c: {**c, "region": [i // 80 for i in range(len(c["region"]))]},
    "date_column": lambda c: {
        **c,
        "date": pa.array([18000] * len(c["region"]), pa.date32()),
    },
    "bool_column": lambda c: {**c, "special": [False] * len(c["region"])},
}


@pytest.mark.parametrize("name", sorted(STREAMED))
def test_columns_the_csv_text_holds_alike_are_streamed(tmp_path, monkeypatch, name):
    path = write(tmp_path, STREAMED[name](precincts()))
    exact, streamed_ = both(monkeypatch, path)
    assert dump(exact) == dump(streamed_)
    assert streamed(path)


LEFT_TO_THE_EXACT_ENGINE = {
    "fractional_float": lambda c: {**c, "votes": [v + 0.5 for v in c["votes"]]},
    "line_end_in_a_cell": lambda c: _with(c, candidate_17="Ana\nLee"),
    "blank_row": lambda c: {
        k: [None if i == 30 else x for i, x in enumerate(v)] for k, v in c.items()
    },
    "spaces_row": lambda c: {
        k: [" " if i == 31 else x for i, x in enumerate(v)] for k, v in c.items()
    },
    "timestamp_column": lambda c: {
        **c,
        "when": pa.array([0] * len(c["region"]), pa.timestamp("s")),
    },
}


@pytest.mark.parametrize("name", sorted(LEFT_TO_THE_EXACT_ENGINE))
def test_what_could_read_otherwise_is_left_to_the_exact_engine(tmp_path, monkeypatch, name):
    columns = LEFT_TO_THE_EXACT_ENGINE[name](precincts())
    if name == "spaces_row":
        columns["votes"][31] = None
    path = write(tmp_path, columns)
    exact, streamed_ = both(monkeypatch, path)
    assert dump(exact) == dump(streamed_)
    assert not streamed(path)


def test_facts_in_the_metadata_are_left_to_the_exact_engine(tmp_path, monkeypatch):
    path = write(tmp_path, precincts(), metadata={"date": "2024-05-01"})
    exact, streamed_ = both(monkeypatch, path)
    assert dump(exact) == dump(streamed_)
    assert exact[0][0].facts.date is not None
    assert not streamed(path)


def test_options_read_alike_on_both_engines(tmp_path, monkeypatch):
    path = write(tmp_path, precincts())
    for options in ({"ignore_columns": ("party",)}, {"unit": "precinct"}, {"region": "precinct"}):
        exact, streamed_ = both(monkeypatch, path, **options)
        assert dump(exact) == dump(streamed_)
