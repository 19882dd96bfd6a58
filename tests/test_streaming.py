"""The streaming path and the exact path give the same elections, summaries and problems.

POLLCLI_ENGINE forces a path, so small files in tmp_path exercise the streaming path; `BLOCK_BYTES` is
shrunk so that files span many blocks and problems fall in blocks after the first.
"""

import json

import pytest

from conftest import dump, each_engine, invoke, write
from pollcli.read import ReadOptions, engines, limits, load_file, stream
from pollcli.summary import summarize


def read_stream(path, options):
    return stream.read_stream(path, str(path), options)


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


def precincts(rows: int = 400, extra: str = "") -> str:
    names = [("Ana", "Blue"), ("Ben", "Red"), ("Cy", ""), ("Against all", "")]
    lines = ["# election: Synthetic", "# date: 2024-05-01", "region,precinct,candidate,party,votes"]
    for i in range(rows):
        name, party = names[i % len(names)]
        lines.append(f"R{(i // 40) % 5},P{i // 4},{name},{party},{(i * 37) % 101}")
    return "\n".join(lines) + "\n" + extra


def both(monkeypatch, path, **options):
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results[engine] = load_file(path, ReadOptions(**options))
    assert read_stream(path, ReadOptions(**options)) == results["stream"]
    return results["exact"], results["stream"]


# Registered voters and ballots cast per precinct, repeated on each option's row of the precinct.
PRECINCT_FACTS = "region,precinct,candidate,votes,registered,ballots_cast\n" + "".join(
    f"R{p % 3},P{p},{c},{(7 * p + 3 * i) % 50},{500 + p % 4},{300 + p % 4}\n"
    for p in range(60)
    for i, c in enumerate("ABC")
)


def _with_cell(row: str, index: int, value: str) -> str:
    """PRECINCT_FACTS with one cell changed in the row of precinct and option `row` ("P7,C")."""
    lines = PRECINCT_FACTS.splitlines()
    for number, line in enumerate(lines):
        cells = line.split(",")
        if ",".join(cells[1:3]) == row:
            cells[index] = value
            lines[number] = ",".join(cells)
    return "\n".join(lines) + "\n"


CLEAN = {
    "precincts": precincts(),
    "crlf": precincts().replace("\n", "\r\n"),
    "bom_semicolon": "\ufeff" + precincts().replace(",", ";"),
    "regional_facts": "region,candidate,votes,registered,ballots_cast\n"
    + "".join(
        f"R{r},{c},{10 * r + i},{500 + r},{300 + r}\n"
        for r in range(9)
        for i, c in enumerate("ABC")
    ),
    "precinct_facts": PRECINCT_FACTS,
    "precinct_facts_shuffled": "\n".join(
        [
            PRECINCT_FACTS.splitlines()[0],
            *sorted(PRECINCT_FACTS.splitlines()[1:], key=lambda line: line[::-1]),
        ]
    )
    + "\n",
    "precinct_facts_elections": "election,"
    + PRECINCT_FACTS.replace("\nR", "\nE1,R").replace("\nE1,R2", "\nE2,R2"),
    "precinct_facts_spaced": PRECINCT_FACTS.replace(",500", ", 500 ").replace(",300", ",300 "),
    "precinct_facts_some_blank": PRECINCT_FACTS.replace(",501,301\n", ",,\n"),
    "quoted_and_blank_lines": 'region,candidate,votes\n"North, upper","Ana ""A""",5\n\nNorth,Ben,7\n',
    "thousands": 'region,candidate,votes\nN,Ana,1 234\nN,Ben,"2,345"\nS,Ana,3\n',
    "elections": "election,region,candidate,votes\nE1,N,Ana,1\nE1,N,Ben,2\nE2,N,Ana,3\nE2,S,Ana,4\n",
    "national_with_shares": "# ballots_cast: 40\ncandidate,votes,share\n"
    + "".join(f"C{i},{i},{i / 4.5:.2f}\n" for i in range(1, 9)),
    "several_elections_with_facts": "election,date,candidate,votes,share\n"
    + "".join(
        f"E{e},2024-0{e}-01,C{i},{i},{i / 0.15:.2f}\n" for e in range(1, 4) for i in range(1, 6)
    ),
    "invisible": precincts().replace("Ben,", "B\u200ben,"),
    # Rows of one option that differ from precinct to precinct are still one option.
    "case_across_precincts": precincts()
    .replace("P3,Ana,", "P3,ANA,")
    .replace("P7,Ben,", "P7,ben ,"),
    "blank_party_in_one_precinct": precincts().replace("P5,Ana,Blue,", "P5,Ana,,"),
    "parties_across_precincts": precincts().replace("P2,Ana,Blue,", "P2,Ana,Red,"),
    "kind_and_colour_across_precincts": "region,precinct,candidate,kind,colour,votes\n"
    + "".join(
        f"R{p % 2},P{p},Ana,,{'#ff0000' if p == 3 else ''},{p}\nR{p % 2},P{p},Nobody,"
        f"{'other' if p == 4 else ''},,1\n"
        for p in range(40)
    ),
    "cyrillic": "регион,candidate,votes\n".replace("регион", "region")
    + "Север,Против всех,5\nСевер,Иванов,7\nЮг,Иванов,1\n",
}


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_same_elections_on_clean_files(tmp_path, monkeypatch, name):
    path = write(tmp_path, CLEAN[name])
    exact, streamed = both(monkeypatch, path)
    assert not [p for p in exact[1] if p.severity == "error"]
    assert dump(exact) == dump(streamed)


@pytest.mark.parametrize(
    ("encoding", "given"),
    [
        ("utf-16", None),
        ("utf-16-le", "utf-16-le"),
        ("cp1251", "cp1251"),
        ("shift_jis", "shift_jis"),
    ],
)
def test_files_in_other_encodings_stream_alike(tmp_path, monkeypatch, encoding, given):
    """Blocks are turned into UTF-8 before pyarrow parses them, so UTF-16 streams too and a
    multibyte character whose trail byte equals the delimiter never splits a cell."""
    names = {"cp1251": "Иванов", "shift_jis": "表示", "utf-16": "Иванов", "utf-16-le": "Ёж"}
    text = precincts().replace("Ana", names[encoding])
    if encoding == "shift_jis":
        text = text.replace(",", "|")  # 表 is 0x95 0x7c in Shift JIS: 0x7c is '|'
    path = write(tmp_path, text, encoding=encoding)
    exact, streamed = both(monkeypatch, path, encoding=given)
    assert not exact[1]
    assert dump(exact) == dump(streamed)
    assert names[encoding] in [o.candidate for o in streamed[0][0].options]


def test_same_summaries_through_the_cli(tmp_path):
    path = write(tmp_path, precincts(2000))
    outputs = []
    for engine in ("exact", "stream"):
        result = invoke(
            "summary",
            str(path),
            "--format",
            "json",
            "--by",
            "region",
            env={engines.ENGINE_ENV: engine},
        )
        assert result.code == 0, result.stderr
        outputs.append(json.loads(result.stdout))
    assert outputs[0] == outputs[1]
    assert outputs[0] == summarize(load_file(path, ReadOptions())[0], by_region=True).to_dict()


DEFECTS = {
    "negative-votes": ("R1,P9,Ana,Blue,-5\n", "negative-votes"),
    "non-integer": ("R1,P9,Ana,Blue,12.5\n", "type-error"),
    "not-a-number": ("R1,P9,Ana,Blue,lots\n", "type-error"),
    "missing-cell": ("R1,P9,Ana,Blue\n", "missing-cell"),
    "extra-cell": ("R1,P9,Ana,Blue,5,6\n", "extra-cell"),
    "blank-name": ("R1,P9,,Blue,5\n", "blank-name"),
    "missing-votes": ("R1,P9,Ana,Blue,\n", "missing-value"),
    "too-many": ("R1,P9,Ana,Blue,99999999999\n", "votes-out-of-range"),
}


@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_same_problems_on_defects(tmp_path, monkeypatch, name):
    extra, code = DEFECTS[name]
    path = write(tmp_path, precincts(extra=extra))
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    errors = [p for p in streamed[1] if p.severity == "error"]
    assert [p.code for p in errors] == [code]
    assert errors[0].line == 404  # 3 header lines, 400 rows, then the bad one


def test_duplicate_option_without_unit_column(tmp_path, monkeypatch):
    text = "region,candidate,votes\n" + "".join(f"R{i},Ana,{i}\nR{i},Ben,1\n" for i in range(50))
    path = write(tmp_path, text + "R7,Ana,3\n")
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    assert [p.code for p in streamed[1]] == ["duplicate-option"]


def test_encoding_error_line(tmp_path, monkeypatch):
    path = tmp_path / "bad.csv"
    path.write_bytes(precincts().encode() + b"R1,P9,An\xff,Blue,5\n")
    exact, streamed = both(monkeypatch, path)
    assert [(p.code, p.line) for p in streamed[1]] == [(p.code, p.line) for p in exact[1]]
    assert streamed[1][0].line == 404


def test_files_the_stream_does_not_read_fall_back(tmp_path, monkeypatch):
    monkeypatch.setenv(engines.ENGINE_ENV, "stream")
    shares_only = write(tmp_path, "candidate,share\nAna,50\nBen,50\n")
    assert read_stream(shares_only, ReadOptions()) is None
    assert load_file(shares_only, ReadOptions())[0][0].options[0].share == 50


def test_size_threshold_chooses_the_path(tmp_path, monkeypatch):
    monkeypatch.delenv(engines.ENGINE_ENV, raising=False)
    small = write(tmp_path, precincts(10))
    assert not engines.wants_stream(small)
    monkeypatch.setattr(engines, "STREAM_THRESHOLD_BYTES", 10)
    assert engines.wants_stream(small)
    assert not engines.wants_stream("-")


def test_progress_hook_reports_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv(engines.ENGINE_ENV, "stream")
    path = write(tmp_path, precincts())
    seen = []
    token = engines.progress_hook.set(lambda name, done, total: seen.append((done, total)))
    try:
        load_file(path, ReadOptions())
    finally:
        engines.progress_hook.reset(token)
    assert len(seen) > 3 and seen[-1][0] == seen[-1][1] == path.stat().st_size


def test_big_standard_input_is_streamed_not_held(monkeypatch, tmp_path):
    text = precincts(rows=2000)
    path = write(tmp_path, text)
    monkeypatch.setattr(engines, "STREAM_THRESHOLD_BYTES", 1024)
    calls = []
    real = stream.read_stream

    def spy(source, name, options):
        calls.append(name)
        return real(source, name, options)

    monkeypatch.setattr(stream, "read_stream", spy)
    from_stdin = json.loads(invoke("summary", "-", "--format", "json", stdin=text.encode()).stdout)
    from_file = json.loads(invoke("summary", str(path), "--format", "json").stdout)
    assert calls[0] == "<stdin>"
    assert from_stdin["elections"][0]["source_file"] == "<stdin>"
    for data in (from_stdin, from_file):
        data["elections"][0].pop("source_file")
    assert from_stdin == from_file


def test_precinct_sums_beyond_the_cell_cap_agree(tmp_path, monkeypatch):
    """Each cell is bounded; a region's sum of precincts may exceed one cell's cap on both paths."""
    lines = ["region,precinct,candidate,votes"]
    lines += [f"R1,P{i},Ana,9000000000" for i in range(3)] + ["R1,P0,Ben,5"]
    path = write(tmp_path, "\n".join(lines) + "\n")
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    (election,), problems = exact
    assert problems == []
    assert election.options[0].votes == 27_000_000_000


def test_a_value_under_a_blank_header_anywhere_is_reported_on_both_paths(tmp_path, monkeypatch):
    """A trailing delimiter's empty column is fine; a value in it, however far down, is the
    exact path's blank-label error on the streaming path too."""
    monkeypatch.setattr(stream, "SPLIT_CHARS", 200)
    lines = [line if line.startswith("#") else line + "," for line in precincts().splitlines()]
    clean = "\n".join(lines) + "\n"
    path = write(tmp_path, clean)
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed) and not exact[1]
    lines[300] += "stray"
    bad = write(tmp_path, "\n".join(lines) + "\n", "bad.csv")
    results = {engine: dump(loaded) for engine, loaded in each_engine(monkeypatch, bad).items()}
    assert results["exact"] == results["stream"]
    assert [p["code"] for p in results["exact"][1]] == ["blank-label"]
    assert read_stream(bad, ReadOptions()) is None  # read on, then handed over


def test_a_value_under_a_blank_header_in_a_block_read_exactly(tmp_path, monkeypatch):
    """A block the streaming engine hands to the exact stages (here for a blank candidate cell) is
    looked at for values under a blank header too: New York's 2000 general file has three, past
    its head, in a block of blank names; the streaming engine summarised it, the exact one refused
    it (blank-label)."""
    monkeypatch.setattr(stream, "SPLIT_CHARS", 200)
    monkeypatch.setattr(stream, "HEAD_BYTES", 2000)  # the value past the head
    lines = [line if line.startswith("#") else line + "," for line in precincts().splitlines()]
    blank = lines[299].split(",")  # a blank name first: the block is read by the exact stages
    blank[2] = ""
    lines[299] = ",".join(blank)
    lines[300] += "206920"
    bad = write(tmp_path, "\n".join(lines) + "\n", "bad.csv")
    results = {engine: dump(loaded) for engine, loaded in each_engine(monkeypatch, bad).items()}
    assert results["exact"] == results["stream"]
    assert "blank-label" in [p["code"] for p in results["exact"][1]]


def test_the_delimiter_is_told_from_rows_not_the_header_alone(tmp_path, monkeypatch):
    """A header that ends the top of the file is split with enough rows after it to sniff."""
    header = "region;precinct;candidate;votes;note, a, b, c, d\n"
    monkeypatch.setattr(stream, "SPLIT_CHARS", len(header) + 1)
    rows = "".join(f"R{i % 3};P{i // 2};{'Ana' if i % 2 else 'Ben'};{i};x\n" for i in range(120))
    path = write(tmp_path, header + rows)
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    assert [o.candidate for o in exact[0][0].options] == ["Ben", "Ana"]


def test_long_front_matter_still_streams(tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "SPLIT_CHARS", 100)
    front = "".join(f"# source: note {i}\n" for i in range(20))
    path = write(tmp_path, front + precincts().split("\n", 2)[2])
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    assert read_stream(path, ReadOptions()) is not None


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("two values in one precinct", _with_cell("P7,C", 4, "999"), "inconsistent-metadata"),
        ("not a count", _with_cell("P9,A", 4, "many"), "invalid-metadata"),
        ("no region named", _with_cell("P11,B", 0, ""), None),
    ],
)
def test_precinct_fact_errors_are_the_exact_path_s(tmp_path, monkeypatch, name, text, code):
    """A precinct fact the exact path objects to hands the file over to it: same problems."""
    path = write(tmp_path, text)
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results[engine] = dump(load_file(path, ReadOptions()))
    assert results["exact"] == results["stream"]
    assert code is None or code in [p["code"] for p in results["exact"][1]], name


def test_precinct_facts_are_streamed_and_summed_once_per_precinct(tmp_path, monkeypatch):
    path = write(tmp_path, PRECINCT_FACTS)
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    (election,), _ = streamed
    # 60 precincts: registered 500 + p % 4 each, counted once however many options they list.
    assert election.facts.registered == sum(500 + p % 4 for p in range(60))
    assert [r.registered for r in election.regions] == [
        sum(500 + p % 4 for p in range(60) if p % 3 == r) for r in range(3)
    ]


def test_unit_shares_are_left_unused_on_both_engines(tmp_path, monkeypatch):
    """A share per precinct is not a key to sum on: summing it would make each precinct's row of an
    option a separate option (a false duplicate). Both engines leave the column, with a note."""
    lines = ["region,precinct,candidate,votes,share"]
    for p in range(60):
        a, b = 10 + p % 7, 5 + p % 3
        lines += [f"R{p % 3},P{p},Ana,{a},{100 * a / (a + b):.2f}", f"R{p % 3},P{p},Ben,{b},x"]
    path = write(tmp_path, "\n".join(lines) + "\n")
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    (election,), problems = streamed
    assert problems == []
    assert [o.votes for o in election.options] == [
        sum(10 + p % 7 for p in range(60)),
        sum(5 + p % 3 for p in range(60)),
    ]
    assert any("'share' column is left unused" in note for note in election.notes)


@pytest.mark.parametrize(
    "bad",
    ['R1,P9,"5"00000\n', 'R1,P9,"C0"x,5\n', 'R1,P9,"C0" ,5\n', "R1,P9," + "N" * 140_000 + ",5\n"],
    ids=["digits after a quote", "letters after a quote", "space after a quote", "140k name"],
)
def test_one_verdict_on_quoting_and_long_cells(tmp_path, monkeypatch, bad):
    """pyarrow is lenient where the exact reader is strict: the block goes to the exact stages."""
    monkeypatch.setattr(stream, "BLOCK_BYTES", 1 << 20)
    monkeypatch.setattr(stream, "SPLIT_CHARS", 1500)  # the bad row is in a block, not the top
    head = "region,precinct,candidate,votes\n" + "".join(
        f"R{i % 3},P{i},C{i % 4},{i}\n" for i in range(200)
    )
    path = write(tmp_path, head + bad + "R1,P8,C1,3\n")
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    assert [p.code for p in exact[1] if p.severity == "error"] == ["malformed-csv"]
    assert exact[1][0].line == 202


def test_lone_carriage_returns_count_as_lines_on_both_engines(tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "HEAD_BYTES", 500)  # the lone CR is in a block, not the head
    text = precincts() + "R1,P9,Ana,Blue,5\rR1,P9,Ben,Red,-1\n"
    path = write(tmp_path, text)
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    assert [(p.code, p.line) for p in exact[1]] == [("negative-votes", 405)]


@pytest.mark.parametrize(
    "extra",
    ["R0,P9,Ana,Blue,3\n", "R0,P9,ana,Blue,3\n", "R0,P9,Ana,,3\n", "R0,P9,Cy,,4\n"],
    ids=["same row", "other case", "no party beside a party", "no party twice"],
)
def test_an_option_repeated_in_one_precinct_is_found_on_both_engines(tmp_path, monkeypatch, extra):
    """Summing a doubled precinct silently was the streaming engine's known difference."""
    path = write(tmp_path, precincts(extra=extra))
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results[engine] = dump(load_file(path, ReadOptions()))
    assert results["exact"] == results["stream"]
    assert "duplicate-option" in [p["code"] for p in results["stream"][1]]


@pytest.mark.parametrize("fusion", [False, True])
def test_one_name_on_two_party_lines_in_every_precinct_is_no_repeat(tmp_path, monkeypatch, fusion):
    """Two candidates of one name by default, one candidate's party lines added up with --fusion:
    on both engines, and the streaming engine reads the file itself."""
    lines = ["region,precinct,candidate,party,votes"]
    for p in range(100):
        lines += [
            f"R{p % 3},P{p},Ana,Blue,{p}",
            f"R{p % 3},P{p},Ana,Green,1",
            f"R{p % 3},P{p},Ben,Red,7",
        ]
    path = write(tmp_path, "\n".join(lines) + "\n")
    exact, streamed = both(monkeypatch, path, fusion=fusion)
    assert dump(exact) == dump(streamed)
    assert read_stream(path, ReadOptions(fusion=fusion)) is not None
    options = {o.candidate: o.votes for o in streamed[0][0].options}
    if fusion:
        assert not exact[1]
        assert options == {"Ana": sum(range(100)) + 100, "Ben": 700}
    else:
        assert [p.code for p in exact[1]] == ["shared-name"]
        assert options == {"Ana (Blue)": sum(range(100)), "Ana (Green)": 100, "Ben": 700}


def test_a_line_of_megabytes_is_refused_without_reading_it_whole(tmp_path, monkeypatch):
    """A 200 MB line took gigabytes before its cell was refused; reading now stops at the limit."""
    monkeypatch.setattr(stream, "MAX_LINE_BYTES", 4096)
    monkeypatch.setattr(stream, "BLOCK_BYTES", 1024)
    path = write(tmp_path, precincts() + "R0,P1,Ana," + "x" * 100_000 + ",3\nR0,P2,Ben,Red,1\n")
    monkeypatch.setenv(engines.ENGINE_ENV, "stream")
    _, problems = load_file(path, ReadOptions())
    assert [(p.code, p.line) for p in problems] == [("malformed-csv", 404)]
    assert "more than 4 KiB without a line end" in problems[0].message


def test_an_election_of_more_options_than_any_ballot_is_refused_early(tmp_path, monkeypatch):
    """A million distinct names took minutes and gigabytes; both engines refuse at the same line."""
    from pollcli.read import assemble

    monkeypatch.setattr(assemble, "MAX_OPTIONS", 50)
    monkeypatch.setattr(limits, "MAX_OPTIONS", 50)
    rows = "".join(f"R{i % 3},N{i},{i}\n" for i in range(2000))
    path = write(tmp_path, "region,candidate,votes\n" + rows)
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results[engine] = load_file(path, ReadOptions())
    for elections, problems in results.values():
        assert elections == []
        # (Each region's names its own: a `race-split` warning says they may be races.)
        assert sorted((p.code, p.line) for p in problems) == [
            ("race-split", 1),
            ("too-many-options", 52),
        ]


@pytest.mark.parametrize("unit", ["R0, P9", "R0,P9 ", "R0,P9\u00a0", "R0,P\u200b9", " R0,P9"])
def test_a_repeat_in_a_precinct_written_another_way_is_still_a_repeat(tmp_path, monkeypatch, unit):
    """The streaming engine compared precinct cells as written and added such a row in silently."""
    path = write(tmp_path, precincts(extra=f"{unit},Ana,Blue,3\n"))
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results[engine] = dump(load_file(path, ReadOptions()))
    assert results["exact"] == results["stream"]
    assert "duplicate-option" in [p["code"] for p in results["stream"][1]]


def test_a_precinct_written_with_an_invisible_character_counts_once(tmp_path, monkeypatch):
    """Its registered voters were counted twice on the streaming engine, with no note."""
    text = PRECINCT_FACTS.replace("R1,P7,B,", "R1,P\u200b7,B,")
    path = write(tmp_path, text)
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    (election,), _ = streamed
    assert election.facts.registered == sum(500 + p % 4 for p in range(60))
    assert any(note.startswith("Invisible characters") for note in election.notes)


def test_a_nul_byte_after_the_head_is_refused_on_both_engines(tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "HEAD_BYTES", 500)
    path = write(tmp_path, precincts(extra="R0,P9,Ze\x00d,Blue,3\n"))
    exact, streamed = both(monkeypatch, path)
    assert [(p.code, p.line) for p in exact[1]] == [("encoding-error", 404)]
    assert dump(exact) == dump(streamed)


def test_utf8_read_with_a_one_byte_encoding_warns_on_both_engines(tmp_path, monkeypatch):
    path = write(tmp_path, precincts().replace("Ana", "Вера"))
    exact, streamed = both(monkeypatch, path, encoding="cp1251")
    assert [p.code for p in exact[1]] == ["encoding-mismatch"]
    assert dump(exact) == dump(streamed)


def test_shares_that_show_a_decimal_comma_only_after_the_head(tmp_path, monkeypatch):
    """The head decides '.', shares further down show ','; the exact engine decides on every share
    (both marks: ambiguous-number), and so must the file's result be whatever its size."""
    monkeypatch.setattr(stream, "SPLIT_CHARS", 1500)
    monkeypatch.setattr(stream, "HEAD_BYTES", 1600)
    lines = ["region;candidate;votes;share"]
    for r in range(120):
        for i in range(3):
            share = f"{(i + 1) / 0.06:.1f}"
            lines.append(f"R{r};C{i};{i + 1};{share.replace('.', ',') if r > 60 else share}")
    path = write(tmp_path, "\n".join(lines) + "\n")
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results[engine] = dump(load_file(path, ReadOptions()))
    assert results["exact"] == results["stream"]
    assert "ambiguous-number" in [p["code"] for p in results["exact"][1]]


def test_too_many_options_in_two_elections_gives_no_partial_election(tmp_path, monkeypatch):
    from pollcli.read import assemble

    monkeypatch.setattr(assemble, "MAX_OPTIONS", 5)
    monkeypatch.setattr(limits, "MAX_OPTIONS", 5)
    rows = "".join(f"E{e},N{i},{i}\n" for i in range(40) for e in (1, 2))
    path = write(tmp_path, "election,candidate,votes\n" + rows)
    monkeypatch.setenv(engines.ENGINE_ENV, "stream")
    elections, problems = load_file(path, ReadOptions())
    assert elections == []
    assert "too-many-options" in [p.code for p in problems]


def test_a_quoted_header_streams(tmp_path, monkeypatch):
    """R's write.csv and pandas' QUOTE_ALL quote the header; that sent the whole file to the exact
    engine (ten times the time and memory on a big file)."""
    header, rest = precincts().split("region,precinct,candidate,party,votes\n")
    text = header + '"region","precinct","candidate","party","votes"\n' + rest
    path = write(tmp_path, text)
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)


@pytest.mark.parametrize("ending", ["\r", "\r\n"])
def test_lone_carriage_return_files_stream(tmp_path, monkeypatch, ending):
    """Old Mac exports end every line with CR (Georgia's 2016 file): they went to the exact engine
    whatever their size; now each CR is a line end on the streaming engine too."""
    text = precincts(extra="R0,P9,Ana,Blue,-1\n").replace("\n", "\r")
    if ending == "\r\n":  # mixed: most lines CRLF, a few lone CR
        text = text.replace("\r", "\r\n", 300)
    path = write(tmp_path, text)
    exact, streamed = both(monkeypatch, path)
    assert dump(exact) == dump(streamed)
    # (R0's P9 lists Ana, Blue already: the refused row repeats her, said on both engines since
    # issue 10's refused repeats in precincts summed per region; it was the negative votes only.)
    assert [(p.code, p.line) for p in exact[1]] == [
        ("duplicate-option", 404),
        ("negative-votes", 404),
    ]
