"""Real-world input: encodings, dialects, number formats, aliases, non-candidate options."""

import json
from pathlib import Path

import pytest

from conftest import invoke, write
from pollcli.numbers import NumberError, parse_share, parse_votes

FORMATS = Path(__file__).parent / "formats"


def _json_without_source(result):
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    for election in data["elections"]:
        election.pop("source_file")
    return data


def test_one_election_typed_four_ways_gives_identical_json():
    utf8 = FORMATS / "kz2022_utf8.csv"
    variants = [
        invoke("summary", str(utf8), "--format", "json"),
        invoke(
            "summary",
            str(FORMATS / "kz2022_cp1251.csv"),
            "--encoding",
            "cp1251",
            "--format",
            "json",
        ),
        invoke("summary", str(FORMATS / "kz2022_medsl.tsv"), "--format", "json"),
        invoke("summary", "-", "--format", "json", stdin=utf8.read_bytes()),
    ]
    first, *others = [_json_without_source(v) for v in variants]
    for other in others:
        other["elections"][0]["notes"] = [
            n
            for n in other["elections"][0]["notes"]
            if "Ignored" not in n and "in every row: the election is read as a whole" not in n
        ]
        assert other == first
    election = first["elections"][0]
    assert election["leader"]["candidate"] == "Токаев Касым-Жомарт Кемелулы"
    assert election["results"][1]["kind"] == "against_all"


@pytest.mark.parametrize(
    ("text", "decimal", "given", "expected"),
    [
        ("6456392", ".", False, 6456392),
        ("6,456,392", ".", False, 6456392),
        ("6 456 392", ".", False, 6456392),
        ("6\u00a0456\u00a0392", ",", False, 6456392),
        ("6\u202f456\u202f392", ".", False, 6456392),
        ("6'456'392", ".", False, 6456392),
        ("6.456.392", ".", False, 6456392),
        ("6.456.392", ",", True, 6456392),
        ("1.234", ",", True, 1234),
        ("3.00E+03", ".", False, 3000),
        ("1234.0", ".", False, 1234),
        ("0", ".", False, 0),
    ],
)
def test_vote_counts(text, decimal, given, expected):
    assert parse_votes(text, decimal, decimal_given=given) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1.234", "ambiguous-number"),
        ("12.5", "type-error"),
        ("-4", "negative-votes"),
        ("1e30", "votes-out-of-range"),
        ("abc", "type-error"),
        ("nan", "type-error"),
        ("inf", "type-error"),
    ],
)
def test_bad_vote_counts(text, code):
    with pytest.raises(NumberError) as caught:
        parse_votes(text, ".", decimal_given=False)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("81.31", ".", (81.31, 2)),
        ("81,31", ",", (81.31, 2)),
        ("81.31 %", ".", (81.31, 2)),
        ("81,31%", ",", (81.31, 2)),
        ("5.8", ".", (5.8, 1)),
        ("100", ".", (100.0, 0)),
    ],
)
def test_shares(text, decimal, expected):
    assert parse_share(text, decimal) == expected


def test_decimal_comma_detected_from_shares(load_text):
    (election,) = load_text("candidate;votes;share\nA;1.234.567;60,5\nB;805.711;39,5\n")
    assert [(o.votes, o.share) for o in election.options] == [(1234567, 60.5), (805711, 39.5)]


def test_ambiguous_votes_resolved_by_decimal_flag(load_text):
    (election,) = load_text("candidate,votes\nA,1.234\nB,567\n", decimal=",")
    assert [o.votes for o in election.options] == [1234, 567]


def test_shares_as_fractions_are_read_as_percent(summarize_text):
    s = summarize_text("candidate,share\nA,0.55\nB,0.45\n")
    assert [r.share for r in s.results] == pytest.approx([55.0, 45.0])
    assert any("fractions of 1" in n for n in s.notes)


def test_utf16_with_bom(tmp_path):
    path = write(tmp_path, "candidate,votes\nA,3\nB,1\n", encoding="utf-16")
    result = invoke("summary", str(path), "--format", "json")
    assert json.loads(result.stdout)["elections"][0]["leader"]["candidate"] == "A"


def test_utf8_bom_is_not_part_of_the_first_header(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfCandidate,Votes\nA,3\nB,1\n")
    assert invoke("summary", str(path), "--encoding", "utf-8", "--format", "json").code == 0
    assert invoke("summary", str(path), "--format", "json").code == 0


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_sniffed(load_text, delimiter):
    text = f"candidate{delimiter}party{delimiter}votes\nA{delimiter}X{delimiter}3\nB{delimiter}Y{delimiter}1\n"
    (election,) = load_text(text)
    assert [(o.candidate, o.party, o.votes) for o in election.options] == [
        ("A", "X", 3),
        ("B", "Y", 1),
    ]


def test_explicit_delimiter_flag(tmp_path):
    path = write(tmp_path, "candidate|votes\nA|3\nB|1\n")
    result = invoke("summary", str(path), "--delimiter", "pipe", "--format", "json")
    assert result.code == 0, result.stderr
    assert invoke("summary", str(path), "--delimiter", "ab").code == 2


def test_crlf_quoted_delimiters_line_breaks_and_blank_lines(tmp_path):
    text = (
        'candidate,party,votes\r\n\r\n"Smith, John","Party\r\nof Two Lines",10\r\nB,,5\r\n\r\n\r\n'
    )
    path = write(tmp_path, text)
    result = invoke("summary", str(path), "--format", "json")
    data = json.loads(result.stdout)["elections"][0]
    assert data["leader"]["candidate"] == "Smith, John"
    assert data["leader"]["party"] == "Party\r\nof Two Lines"
    bad = write(tmp_path, 'candidate,votes\r\n\r\n"Smith, John",10\r\nB,-5\r\n', "bad.csv")
    assert f"{bad}:4:" in invoke("summary", str(bad)).stderr


def test_line_numbers_count_front_matter_and_multiline_cells(tmp_path):
    text = '# date: 2024-01-01\n# a comment\n\ncandidate,votes\n"A\nB",1\nC,-2\n'
    path = write(tmp_path, text)
    assert f"{path}:7: votes '-2'" in invoke("summary", str(path)).stderr


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Name,Vote Share", "share"),
        ("option,percent", "share"),
        ("candidate_name,pct", "share"),
        ("Candidate,CandidateVotes", "votes"),
        ("candidate, vote_count ", "votes"),
        ("CANDIDATE,count", "votes"),
        ("Candidat,Voix", "votes"),
        ("Кандидат,Голоса", "votes"),
        ("Candidate,% exprimés", "share"),
        ("Candidate,Votes %", "share"),
    ],
)
def test_header_aliases(load_text, header, column):
    (election,) = load_text(f"{header}\nA,60\nB,40\n")
    assert getattr(election.options[0], column) == 60


@pytest.mark.parametrize("header", ["Регион", "область", "облыс", "Région", "Wahlkreis"])
def test_region_words_in_other_languages(load_text, header):
    (election,) = load_text(f"{header};Кандидат;Голоса\nСевер;Иванов;3\nЮг;Иванов;4\n")
    assert [r.name for r in election.regions] == ["Север", "Юг"]
    assert election.options[0].votes == 7


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Against all", "against_all"),
        ("AGAINST ALL", "against_all"),
        ("None of the above", "against_all"),
        ("NOTA", "against_all"),
        ("«Против всех»", "against_all"),
        ("Барлығына қарсы", "against_all"),
        ("Blank ballots", "blank"),
        ("Spoiled", "invalid"),
        ("Invalid votes", "invalid"),
        ("Nota Bene", "candidate"),
        ("Alice Blank", "candidate"),
    ],
)
def test_non_candidate_options_recognised_by_name(load_text, name, kind):
    (election,) = load_text(f"candidate,votes\n{name},5\nX,10\n")
    assert election.options[0].kind == kind


def test_kind_column_overrides_the_name(load_text):
    (election,) = load_text("candidate,votes,kind\nAgainst All Odds,5,candidate\nX,10,\n")
    assert [o.kind for o in election.options] == ["candidate", "candidate"]


CUOMO = (
    "candidate,party,votes\nAndrew Cuomo,Democratic,100\nAndrew Cuomo,Working Families,20\n"
    "B,Republican,90\n"
)


def test_party_lines_are_summed_with_a_note_under_fusion(summarize_text):
    s = summarize_text(CUOMO, fusion=True)
    assert s.leader.candidate == "Andrew Cuomo" and s.leader.votes == 120
    assert s.leader.party == "Democratic"  # its main line: never "A / B"
    assert any("2 party lines" in n for n in s.notes)
    assert not s.warnings


def test_party_lines_are_two_candidates_of_one_name_by_default(summarize_text):
    s = summarize_text(CUOMO)
    assert [(r.candidate, r.votes) for r in s.results] == [
        ("Andrew Cuomo (Democratic)", 100),
        ("B", 90),
        ("Andrew Cuomo (Working Families)", 20),
    ]
    assert not any("party lines (" in n for n in s.notes)
    (warning,) = s.warnings
    assert "--fusion adds their votes up" in warning


def test_unknown_columns_are_noted_not_lost_silently(summarize_text):
    s = summarize_text("candidate,votes,comment\nA,3,red\nB,1,blue\n")
    assert any("'comment'" in n for n in s.notes)


def test_misspelt_front_matter_key_warns(summarize_text):
    s = summarize_text("# registred: 100\ncandidate,votes\nA,3\nB,1\n")
    assert any("did you mean 'registered'" in w for w in s.warnings)


def test_election_facts_as_columns_and_several_elections(load_text):
    text = (
        "election,date,registered,ballots_cast,candidate,votes\n"
        "2019,2019-06-09,100,80,A,50\n2019,2019-06-09,100,80,B,30\n"
        "2022,2022-11-20,110,70,A,60\n2022,2022-11-20,110,70,B,10\n"
    )
    first, second = load_text(text)
    assert (first.facts.election, first.facts.registered, first.facts.ballots_cast) == (
        "2019",
        100,
        80,
    )
    assert (second.facts.election, str(second.facts.date)) == ("2022", "2022-11-20")


def test_cli_flags_override_file_facts(tmp_path, kz2022):
    result = invoke("summary", str(kz2022), "--term-years", "6", "--format", "json")
    assert json.loads(result.stdout)["elections"][0]["term"]["next_election_due"] == 2028
    assert invoke("summary", str(kz2022), "--date", "20.11.2022").code == 2


def test_several_files(kz2019, kz2022):
    result = invoke("summary", str(kz2019), str(kz2022), "--format", "json")
    labels = [e["election"] for e in json.loads(result.stdout)["elections"]]
    assert labels == [
        "Kazakhstan presidential election 2019",
        "Kazakhstan presidential election 2022",
    ]


def test_utf8_read_as_latin1_warns(tmp_path):
    path = write(tmp_path, "candidate,votes\nТокаев,3\nB,1\n")
    result = invoke("summary", str(path), "--encoding", "latin-1", "--format", "json")
    assert result.code == 0
    assert "valid UTF-8 but was read as latin-1" in result.stderr


def test_party_list_results_without_a_candidate_column(summarize_text):
    s = summarize_text("Party,Votes\nRed List,500\nBlue List,300\nGreen List,200\n", threshold=5)
    assert s.leader.candidate == "Red List" and s.leader.party is None
    assert any("options are parties" in n for n in s.notes)


def test_party_lines_in_a_regional_file_are_noted_once(summarize_text):
    s = summarize_text(
        "region,candidate,party,votes\nN,Cuomo,Dem,10\nN,Cuomo,WFP,2\nS,Cuomo,Dem,5\nS,Cuomo,WFP,1\nN,B,Rep,8\nS,B,Rep,8\n",
        fusion=True,
    )
    assert s.leader.votes == 18 and s.leader.party == "Dem"  # the main line, in every region
    assert sum("2 party lines" in n for n in s.notes) == 1


@pytest.mark.parametrize(
    "codec", ["rot13", "base64", "hex", "zlib", "bz2", "uu_codec", "quopri", "undefined"]
)
@pytest.mark.parametrize("command", ["summary", "validate"])
def test_a_codec_that_is_not_a_text_encoding_is_a_usage_error(command, codec, kz2022):
    """Python's codecs also hold bytes-to-bytes and text-to-text transforms; none reads a CSV."""
    result = invoke(command, str(kz2022), "--encoding", codec)
    assert result.code == 2, result.stderr
    assert result.stderr.startswith(f"pollcli: error: --encoding {codec!r} is not a text encoding")
    assert "try utf-8, cp1251" in result.stderr


def test_a_codec_that_is_not_a_text_encoding_on_standard_input_and_big_files(tmp_path, kz2022):
    result = invoke("summary", "-", "--encoding", "rot13", stdin=kz2022.read_bytes())
    assert result.code == 2, result.stderr
    big = write(tmp_path, "region,candidate,votes\n" + "r,A,1\n" * 200_000)
    result = invoke("summary", str(big), "--encoding", "hex")
    assert result.code == 2, result.stderr
