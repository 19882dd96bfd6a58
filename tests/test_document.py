"""A document's JSON data, serialised section by section (`Document.to_dict`), is key for key and
in the same order what Pydantic's serialiser of the whole class gives (`document.to_data`), for
documents of every shape: one election, regions, races with their overview, tally and splits,
refused races, a comparison, seats and a validation report."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import typing
from pathlib import Path

from pydantic import TypeAdapter

from conftest import DATA, ROOT, write
from pollcli import allocate, compare, load, summarize, validate
from pollcli.document import NOT_IN_JSON, Document, optional, plain_data, printed_fields, to_data

RACES = sorted((ROOT / "tests" / "races").glob("*.csv"))


def _documents(tmp_path: Path) -> list[Document]:
    documents: list[Document] = [summarize(load(path)) for path in sorted(DATA.glob("*.csv"))]
    for path in RACES:
        documents.append(summarize(load(path)))
        documents.append(summarize(load(path), by_region=True, one_line_per_race=True))
    mixed = write(
        tmp_path,
        "office,candidate,votes\nMayor,Ann,10\nMayor,Bob,5\nCouncil,Cy,x\nCouncil,Di,3\n",
    )
    documents.append(summarize(load(mixed)))
    documents.append(compare(load([DATA / "kz_2019.csv", DATA / "kz_2022.csv"])))
    documents.append(allocate(load(DATA / "kz_2023_mazhilis.csv")))
    documents.append(validate([mixed, DATA / "kz_2022.csv"]))
    return documents


def test_to_dict_is_pydantics_serialisation_of_the_whole_document(tmp_path):
    documents = _documents(tmp_path)
    for document in documents:
        whole = to_data(document)
        # The text, not only the data: the keys' order is what the JSON prints.
        assert json.dumps(document.to_dict()) == json.dumps(whole), type(document).__name__


def test_the_documents_compared_hold_every_optional_section(tmp_path):
    """So that the comparison above covers each section serialised apart."""
    data = [d.to_dict() for d in _documents(tmp_path)]
    summaries = [d for d in data if d.get("command") == "summary"]
    for key in ("overview", "tally", "splits", "refused"):
        assert any(key in d for d in summaries), key
    assert any("regions" in e for d in summaries for e in d["elections"])
    assert {d.get("command") for d in data} >= {"summary", "compare", "seats", "validate"}


def test_excluded_fields_and_absent_sections_are_left_out():
    """`problems` feeds stderr's digest and is never printed (NOT_IN_JSON); a file of one race has
    no overview."""
    summary = summarize(load(DATA / "kz_2022.csv"))
    assert summary.elections[0].problems is not None
    assert "problems" not in summary.to_dict()["elections"][0]
    assert "overview" not in summary.to_dict()


def test_json_written_piece_by_piece_is_the_whole_text(tmp_path):
    """`write_json` (stdout's path: an election at a time) writes what the standard library's
    indented JSON of the document's data is, byte for byte, and `to_json` too — for documents of
    every shape."""
    for document in _documents(tmp_path):
        pieces: list[str] = []
        document.write_json(pieces.append)
        oracle = json.dumps(to_data(document), indent=2, ensure_ascii=False) + "\n"
        assert "".join(pieces) == oracle == document.to_json(), type(document).__name__
        if document.to_dict().get("elections"):
            assert len(pieces) > 2  # written in pieces, not whole
        raw: list[bytes] = []
        document.write_json_utf8(raw.append)  # stdout's path on a UTF-8 stream
        assert b"".join(raw) == oracle.encode(), type(document).__name__


def test_an_overview_is_written_a_race_at_a_time():
    """A summary's overview (a line for each race) is written a race's line at a time, as the
    elections are: 10,000 races' lines were serialised as one piece of 4 MB, and its copies raised
    the peak memory of `party_lists_1M`'s summary by 8 MiB."""
    document = summarize(load(RACES[0]))
    assert document.overview is not None and len(document.overview.races) > 1
    raw: list[bytes] = []
    document.write_json_utf8(raw.append)
    assert b"".join(raw) == document.to_json().encode()
    # Each race's line (and each election) names its file once: one a piece.
    assert max(piece.count(b'"source_file"') for piece in raw) == 1


def test_json_of_a_document_with_unsafe_characters_is_escaped_piece_by_piece(tmp_path):
    """A name with a C1 control escapes in each piece as in the whole text."""
    path = write(tmp_path, "candidate,votes\nAnn\u0085Lee,10\nBob,5\n")
    document = summarize(load(path))
    pieces: list[str] = []
    document.write_json(pieces.append)
    assert "\\u0085" in "".join(pieces)
    assert "".join(pieces) == document.to_json()
    raw: list[bytes] = []
    document.write_json_utf8(raw.append)
    assert b"".join(raw) == document.to_json().encode()


def test_json_as_bytes_where_pydantics_text_is_not_the_standard_librarys(tmp_path):
    """Where Pydantic writes a number apart (a share under 0.0001 %, `1e-05`) or a name reads
    `NaN`, each piece written as bytes is still the standard library's text."""
    path = write(tmp_path, "candidate,votes,share\nNaN,1000000,99.99999\nBob,1,0.00001\n")
    document = summarize(load(path))
    oracle = json.dumps(to_data(document), indent=2, ensure_ascii=False) + "\n"
    assert "1e-05" in oracle and '"NaN"' in oracle
    raw: list[bytes] = []
    document.write_json_utf8(raw.append)
    assert b"".join(raw) == oracle.encode() == document.to_json().encode()


def test_stdout_is_written_as_bytes_only_when_it_writes_utf8_as_it_is():
    """`output._utf8_buffer`: a UTF-8 stream's buffer; None for another encoding or no buffer."""
    import io

    from pollcli.cli.output import _utf8_buffer

    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="UTF8")
    assert _utf8_buffer(utf8) is utf8.buffer
    assert _utf8_buffer(io.TextIOWrapper(io.BytesIO(), encoding="latin-1")) is None
    assert _utf8_buffer(io.StringIO()) is None


def test_a_nan_in_a_document_is_written_as_null_piece_by_piece(tmp_path):
    """docs/json.md: never NaN or Infinity, null instead (the pieces are Pydantic's JSON of each
    election, which writes them so)."""
    path = write(tmp_path, "candidate,votes\nAnn,10\nBob,5\n")
    document = summarize(load(path))
    document.elections[0].effective_number = float("nan")
    raw: list[bytes] = []
    document.write_json_utf8(raw.append)
    assert b'"effective_number": null' in b"".join(raw)
    pieces: list[str] = []
    document.write_json(pieces.append)
    assert "".join(pieces) == b"".join(raw).decode()


def test_json_to_a_file_is_written_piece_by_piece(tmp_path, monkeypatch):
    """--output FILE writes the JSON as standard output does, piece by piece (the whole text of
    10,000 races of 100 candidates, 330 MB, and its copies held 2.2 GB): the same bytes, and no
    whole text made (`to_json` is never called)."""
    from conftest import invoke

    path = RACES[0]
    stdout = invoke("summary", str(path), "--format", "json").stdout
    target = tmp_path / "out.json"

    def whole(self: Document) -> str:
        raise AssertionError("the whole text was made")

    monkeypatch.setattr(Document, "to_json", whole)
    result = invoke("summary", str(path), "--format", "json", "-o", str(target))
    assert result.code == 0, result.stderr
    assert target.read_bytes() == stdout.encode()
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def _pydantics_and_plain(kind: object, value: object) -> tuple[str, str]:
    """A value's JSON data as Pydantic's serialiser writes it and as `plain_data` reads it, both
    as the standard library's text (keys in order, `1.0` apart from `1`)."""
    pydantic_data = json.loads(TypeAdapter(kind).dump_json(value))
    plain = plain_data(kind, value, [10**9])
    return json.dumps(pydantic_data, separators=(",", ":")), json.dumps(
        plain, separators=(",", ":")
    )


def test_json_data_read_from_the_fields_is_pydantics(tmp_path):
    """`plain_data` (how a value of few fields is written before its type's serialiser is built)
    gives what Pydantic's serialiser does, key for key and number for number (`1.0`, not `1`), for
    each section and each list item of documents of every shape."""
    compared = 0
    for document in _documents(tmp_path):
        types = typing.get_type_hints(type(document))
        for name, value in printed_fields(document):
            kind = types[name]
            items = value if typing.get_origin(kind) is list and value else [value]
            item_kind = typing.get_args(kind)[0] if items is value else kind
            for item in items:
                pydantic_text, plain_text = _pydantics_and_plain(item_kind, item)
                assert plain_text == pydantic_text, (type(document).__name__, name)
                compared += 1
    assert compared > 50


class _Mark(enum.StrEnum):
    SEEN = "seen-mark"


@dataclasses.dataclass
class _Kinds:
    whole: float
    maybe: float | None
    flag: float
    day: dt.date | None
    mark: _Mark
    marks: list[_Mark]
    pair: list[int]
    keyed: dict[str, float] | None
    either: int | float
    hidden: str = dataclasses.field(default="x", metadata=NOT_IN_JSON)
    absent: str | None = dataclasses.field(default=None, metadata=optional("absent when None"))


def test_json_data_read_from_the_fields_converts_as_pydantic_does():
    """An int in a float field is a float (also a bool), NaN and infinity are null, a date is ISO,
    an enum its value; excluded fields and absent optional keys are left out."""
    value = _Kinds(
        whole=3,
        maybe=float("nan"),
        flag=True,
        day=dt.date(2022, 11, 20),
        mark=_Mark.SEEN,
        marks=[_Mark.SEEN],
        pair=[1, 2],
        keyed={"a": 2, "b": float("inf")},
        either=4,
    )
    pydantic_text, plain_text = _pydantics_and_plain(_Kinds, value)
    assert plain_text == pydantic_text
    assert plain_text.startswith('{"whole":3.0,"maybe":null,"flag":1.0,"day":"2022-11-20"')
    value.absent, value.either = "here", 4.5
    pydantic_text, plain_text = _pydantics_and_plain(_Kinds, value)
    assert plain_text == pydantic_text
    assert plain_text.endswith('"either":4.5,"absent":"here"}')


@dataclasses.dataclass
class _Unread(Document):
    """A document of values `plain_data` does not read as Pydantic does (a set, a time of day; a
    bool in an int field)."""

    count: int
    tags: typing.Any
    at: typing.Any


def test_json_of_values_plain_data_cannot_read_is_pydantics(monkeypatch):
    """Such a value is written by Pydantic's serialiser, as `to_json` writes it: a set or a time
    was a TypeError traceback (`plain_data` knew neither), a bool in an int field `true` where
    Pydantic writes `1`."""
    from pollcli import document

    monkeypatch.setattr(document, "_ADAPTERS", {})
    monkeypatch.setattr(document, "_PLAIN_LEFT", [document.PLAIN_VALUES])
    value = _Unread(count=True, tags=frozenset({"a"}), at=dt.time(1, 2))
    pieces: list[str] = []
    value.write_json(pieces.append)
    assert "".join(pieces) == value.to_json()
    assert json.loads(value.to_json()) == {
        "count": 1,
        "tags": ["a"],
        "at": "01:02:00",
    }
