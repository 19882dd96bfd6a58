"""Issue 11 item 4: rows that are no candidates — undervotes, overvotes, blank, void, scatter,
write-ins, Ungültige get non-candidate kinds that never lead; "Registered Voters", "Ballots Cast" and
"Total Votes" rows are counts of their unit, not options; `--kind NAME=KIND` overrides."""

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, invoke, write
from pollcli.kinds import fact_from_name, kind_from_name, kind_words


def summary(tmp_path, text, *args):
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json", *args)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)["elections"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Under Votes", "blank"),
        ("UNDERVOTES", "blank"),
        ("Undervote", "blank"),
        ("Over Votes", "invalid"),
        ("OVERVOTES", "invalid"),
        ("Blank", "blank"),
        ("BLANK", "blank"),
        ("Void", "invalid"),
        ("VOID", "invalid"),
        ("Ungültige", "invalid"),
        ("Ungültige Stimmen", "invalid"),
        ("Write-ins", "other"),
        ("Write-In", "other"),
        ("WRITEIN", "other"),
        ("Scatter", "other"),
        ("SCATTERING", "other"),
        ("None of these candidates", "against_all"),
        ("BLANK VOTE/SCATTERING", "blank"),
        ("EXHAUSTED BALLOT", "blank"),
        ("NO CANDIDATE FILED", "other"),
        ("Exhausted Smith", "candidate"),
        # Substring traps: a name that holds a word is not that word.
        ("JAMES P MCGOVERN", "candidate"),
        ("Alice Blank", "candidate"),
        ("Blankenship", "candidate"),
        ("Tom Overvold", "candidate"),
        # Numbered as on the ballot (India's booth files): the name after the number tells.
        ("15 - None of the Above", "against_all"),
        ("3 - Write-in", "other"),
        ("1 - IMRAN MASOOD", "candidate"),
        ("2024 Other", "candidate"),  # (a year, not a ballot's number)
        # Joined from the tables' names (FiveThirtyEight's `alt_result_text`): their kind where
        # they agree, blank and void together invalid, another mix `other`; a person's name
        # joined so stays a candidate's.
        ("Blank/Void", "invalid"),
        ("Void / Blank", "invalid"),
        ("Nulo/En blanco", "invalid"),
        ("Write-in/Scattering", "other"),
        ("Scattering/Blank", "other"),
        ("Blank Blank", "blank"),
        ("Biden/Harris", "candidate"),
        ("Smith/Blank", "candidate"),
    ],
)
def test_kinds_by_name(name, kind):
    assert kind_from_name(name) == kind


@pytest.mark.parametrize(
    ("name", "fact"),
    [
        ("Registered Voters", "registered"),
        ("Ballots Cast", "ballots_cast"),
        ("BALLOTS CAST", "ballots_cast"),
        ("Total Votes", "total_votes"),
        ("Total Votes Cast", "total_votes"),
        ("Totally Votes McGee", None),
        # Chile's Servel: the valid votes and the ballots of each comuna among the candidates.
        ("Total Votación", "ballots_cast"),
        ("Válidamente Emitidos", "total_votes"),
        ("Votos válidos", "total_votes"),
        ("Suffrages exprimés", "total_votes"),
        ("Total poll", "ballots_cast"),
        ("Inscrits", "registered"),
    ],
)
def test_counts_by_name(name, fact):
    assert fact_from_name(name) == fact


def test_non_candidate_rows_never_lead_and_blank_ones_take_no_share(tmp_path):
    # Write-ins outpoll everyone; under- and overvotes are outside the valid vote.
    text = (
        "candidate,votes\nAna,300\nBen,200\nWrite-ins,900\nUnder Votes,50\nOver Votes,7\n"
        "Scattering,100\n"
    )
    [election] = summary(tmp_path, text)
    assert election["leader"]["candidate"] == "Ana"
    assert election["runner_up"]["candidate"] == "Ben"
    by_name = {r["candidate"]: r for r in election["results"]}
    # Hand-checked: the valid vote is 300 + 200 + 900 + 100 = 1,500.
    assert by_name["Ana"]["share"] == pytest.approx(20.0)
    assert by_name["Write-ins"]["share"] == pytest.approx(60.0)
    assert by_name["Under Votes"]["share"] is None and by_name["Under Votes"]["kind"] == "blank"
    assert by_name["Over Votes"]["share"] is None and by_name["Over Votes"]["kind"] == "invalid"


def test_kind_flag_overrides_the_word_table(tmp_path):
    text = "candidate,votes\nAna,300\nWrite-ins,900\n"
    [election] = summary(tmp_path, text, "--kind", "write-ins=candidate")
    assert election["leader"]["candidate"] == "Write-ins"
    [election] = summary(tmp_path, "candidate,votes\nAna,300\nSpoilt,9\n", "--kind", "Ana=other")
    assert {r["candidate"]: r["kind"] for r in election["results"]} == {
        "Ana": "other",
        "Spoilt": "invalid",
    }


@pytest.mark.parametrize(
    ("flag", "message"),
    [
        ("Ana=winner", "'winner' is not a kind"),
        ("Ana", "write NAME=KIND"),
        ("...=other", "give the option's name before '='"),
        # (No NAME is the rows of a blank name cell, session 26: an option's kind, no count's.)
        ("=registered", "the rows of no name are one of"),
    ],
)
def test_a_bad_kind_flag_is_a_usage_error(tmp_path, flag, message):
    result = invoke("summary", str(write(tmp_path, "candidate,votes\nAna,1\n")), "--kind", flag)
    assert result.code == 2 and message in result.stderr


def test_count_rows_of_each_precinct_are_facts_not_candidates(tmp_path):
    # OpenElections: "Registered Voters" and "Ballots Cast" as candidates of every precinct.
    text = (
        "county,precinct,candidate,votes\n"
        "Adair,P1,Ana,30\nAdair,P1,Ben,20\nAdair,P1,Registered Voters,100\nAdair,P1,Ballots Cast,55\n"
        "Adair,P2,Ana,10\nAdair,P2,Ben,25\nAdair,P2,Registered Voters,80\nAdair,P2,Ballots Cast,40\n"
        "Boyd,P3,Ana,5\nBoyd,P3,Ben,5\nBoyd,P3,Registered Voters,20\nBoyd,P3,Ballots Cast,12\n"
    )
    [election] = summary(tmp_path, text, "--by", "region")
    assert [r["candidate"] for r in election["results"]] == ["Ben", "Ana"]
    # Hand-checked: registered 100 + 80 + 20, ballots cast 55 + 40 + 12.
    assert election["turnout"] == {"registered": 200, "ballots_cast": 107, "pct": 53.5}
    adair = next(r for r in election["regions"] if r["region"] == "Adair")
    assert adair["turnout"]["ballots_cast"] == 95


def test_count_rows_named_as_an_office_are_counts_for_every_race(tmp_path):
    # OpenElections Kentucky: `Ballots Cast` and `Registered Voters` are offices, candidate blank.
    text = (
        "county,precinct,office,candidate,votes\n"
        "Adair,P1,Ballots Cast,,55\nAdair,P1,Registered Voters,,100\n"
        "Adair,P2,Ballots Cast,,40\nAdair,P2,Registered Voters,,80\n"
        "Adair,P1,U.S. House,Ana,30\nAdair,P1,U.S. House,Ben,20\n"
        "Adair,P2,U.S. House,Ana,10\nAdair,P2,U.S. House,Ben,25\n"
    )
    [election] = summary(tmp_path, text)
    assert election["office"] == "U.S. House"
    assert election["turnout"] == {
        "registered": 180,
        "ballots_cast": 95,
        "pct": pytest.approx(95 / 1.8),
    }
    assert {r["candidate"] for r in election["results"]} == {"Ana", "Ben"}


def test_total_votes_rows_are_checked_against_the_valid_votes(tmp_path):
    # OpenElections Fayette: "Total Votes Cast" is the race's valid vote, over/undervotes apart.
    text = (
        "precinct,candidate,votes\n"
        "P1,Ana,30\nP1,Ben,14\nP1,Total Votes Cast,44\nP1,Under Votes,1\nP1,Over Votes,0\n"
        "P2,Ana,3\nP2,Ben,4\nP2,Total Votes Cast,7\nP2,Under Votes,2\nP2,Over Votes,1\n"
    )
    result = invoke("validate", str(write(tmp_path, text)), "--format", "json")
    assert json.loads(result.stdout)["files"][0]["problems"] == []
    wrong = text.replace("P2,Total Votes Cast,7", "P2,Total Votes Cast,9")
    result = invoke("validate", str(write(tmp_path, wrong)), "--format", "json")
    [problem] = json.loads(result.stdout)["files"][0]["problems"]
    assert problem["code"] == "total-mismatch"
    assert (
        "add up to 55 (51 without blank and invalid ones) but the total given says 53"
        in (problem["message"])
    )


def test_kind_flag_names_a_count_row(tmp_path):
    text = "candidate,votes\nAna,30\nBen,20\nVoters on the roll,100\n"
    [election] = summary(tmp_path, text, "--kind", "Voters on the roll=registered")
    assert election["turnout"]["registered"] == 100
    assert len(election["results"]) == 2


def test_both_engines_read_count_rows_alike(tmp_path, monkeypatch):
    from pollcli.read import ReadOptions, engines, load_file, stream

    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)
    rows = []
    for p in range(40):
        rows += [f"C{p % 3},P{p},Ana,{p}", f"C{p % 3},P{p},Ben,{2 * p}"]
        rows += [f"C{p % 3},P{p},Registered Voters,{100 + p}", f"C{p % 3},P{p},Under Votes,1"]
    path = write(tmp_path, "county,precinct,candidate,votes\n" + "\n".join(rows) + "\n")
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        results[engine] = load_file(path, ReadOptions())
    assert results["exact"] == results["stream"]
    [election] = results["exact"][0]
    assert election.facts.registered == sum(100 + p for p in range(40))


def test_every_word_is_documented():
    docs = (ROOT / "docs" / "csv-format.md").read_text(encoding="utf-8").casefold()
    table = docs.split("## non-candidate rows", 1)[1].split("\n## ", 1)[0]
    for words in kind_words().values():
        for word in words:
            assert re.sub(r"\s+", " ", word.casefold()) in table, word


def test_the_kinds_module_documents_its_decisions():
    source = Path(__import__("pollcli.kinds").kinds.__file__).read_text(encoding="utf-8")
    assert "Write-ins and scattering are `other`" in source


def test_no_candidate_filed_is_no_unopposed_winner(tmp_path):
    # West Virginia's placeholder where no one stood in a party's primary: 0 votes, no candidate.
    text = "county,office,candidate,votes\nMcDowell,State Senate 6,NO CANDIDATE FILED,0\n"
    data = json.loads(invoke("summary", str(write(tmp_path, text)), "-f", "json").stdout)
    (election,) = data["elections"]
    assert election["leader"] is None
    assert [r["kind"] for r in election["results"]] == ["other"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Against all", ("against_all", None)),
        ("«Против всех»", ("against_all", None)),
        ("Ballots Cast", ("candidate", "ballots_cast")),
        ("REGISTERED  VOTERS", ("candidate", "registered")),
        ("Total Votes", ("candidate", "total_votes")),
        ("Blank", ("blank", None)),
        ("Invalid ballots", ("invalid", None)),
        ("Others", ("other", None)),
        ("Jane Doe", ("candidate", None)),
    ],
)
def test_what_a_name_implies_in_one_look_up(name, expected):
    # `kinds.implied_by_name`, which the row contract uses, against a hand-checked table and
    # against the two look-ups it stands for.
    from pollcli.kinds import implied_by_name

    assert implied_by_name(name) == expected
    kind = kind_from_name(name)
    assert implied_by_name(name) == (kind, fact_from_name(name) if kind == "candidate" else None)


@settings(max_examples=300)
@given(st.text(alphabet="abcAB «»\"'“”„()[].,!:;_-–—/\t\nÉéﬁＡ１ßİ\u00a0\u2003Ω", max_size=14))
def test_name_key_is_the_regular_expression_it_replaced(name):
    # `kinds.name_key` translates each stop, quote, bracket and dash to a space in one pass, and
    # skips NFKC for ASCII: the same key as NFKC, casefold and a substitution of their runs.
    import unicodedata

    from pollcli.kinds import name_key

    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"[«»\"'“”„()\[\].,!:;_\-–—/]+", " ", text)
    assert name_key.__wrapped__(name) == " ".join(text.split())


def test_blank_void_is_no_candidate_and_the_published_shares_agree(tmp_path):
    # FiveThirtyEight's results (`election_results_*.csv`): the rows of no candidate name what they
    # are in `alt_result_text`, `Blank/Void` among them, and `percent` is of the votes without
    # them. Read as a candidate, `Blank/Void` took a share and every share was off (a warning per
    # row); read as invalid, the shares are the published ones (hand-checked: 5,100 / 10,000).
    text = (
        "race_id,cycle,office_name,candidate_name,ballot_party,votes,percent,alt_result_text\n"
        "7,2022,U.S. House,,,400,4,Blank/Void\n"
        "7,2022,U.S. House,Ann Ash,DEM,5100,51,\n"
        "7,2022,U.S. House,Bob Bell,REP,4700,47,\n"
        "7,2022,U.S. House,,,200,2,Write-in/Scattering\n"
    )
    result = invoke("summary", str(write(tmp_path, text)), "--format", "json")
    assert result.code == 0, result.stderr
    assert "differs" not in result.stderr and "add up" not in result.stderr
    (election,) = json.loads(result.stdout)["elections"]
    by_name = {r["candidate"]: r for r in election["results"]}
    assert by_name["Blank/Void"]["kind"] == "invalid"
    assert by_name["Write-in/Scattering"]["kind"] == "other"
    assert by_name["Ann Ash"]["share"] == pytest.approx(51.0)
    assert election["below_threshold"] == []


def test_chiles_count_rows_are_no_candidates(tmp_path, monkeypatch):
    # `Total Votación` (the valid, null and blank votes) "led with 34.19 %" and `Válidamente
    # Emitidos` (the valid votes) was the runner-up; they are each comuna's counts. Oracle: the
    # candidates' rows summed by hand, and the ballots the valid, null and blank votes.
    from conftest import engines_agree

    text = (
        "comuna,candidato,partido,votos\n"
        "Arica,Ana Pérez,PS,5000\nArica,Beto Soto,RN,4000\nArica,Válidamente Emitidos,,9000\n"
        "Arica,Votos Nulos,,300\nArica,Votos en Blanco,,200\nArica,Total Votación,,9500\n"
        "Iquique,Ana Pérez,PS,3000\nIquique,Beto Soto,RN,6000\n"
        "Iquique,Válidamente Emitidos,,9000\nIquique,Votos Nulos,,100\n"
        "Iquique,Votos en Blanco,,100\nIquique,Total Votación,,9200\n"
    )
    (race,), problems = engines_agree(monkeypatch, write(tmp_path, text, "servel.csv"))
    assert {o.candidate: o.votes for o in race.options if o.kind == "candidate"} == {
        "Ana Pérez": 8000,
        "Beto Soto": 10000,
    }
    assert race.facts.ballots_cast == 9500 + 9200
    assert not [p for p in problems if p.severity == "error"]


def test_a_constituencys_protocol_rows_among_its_candidates(tmp_path, monkeypatch):
    # A UK-style long table (`constituency,candidate,party,votes`) that lists, beside each seat's
    # candidates, its `Electorate`, `Turnout`, `Majority`, `Valid votes` and `Rejected ballots`:
    # `Turnout` (a percentage) and `Majority` were candidates, `Majority` of 1,000 votes beside
    # its winner. Oracle: the candidates' rows by hand; the counts as the file gives them.
    from conftest import engines_agree

    text = (
        "constituency,candidate,party,votes\n"
        "Aldershot,Ann Ash,Con,21000\nAldershot,Bob Bell,Lab,20000\n"
        "Aldershot,Electorate,,70000\nAldershot,Turnout,,64\nAldershot,Majority,,1000\n"
        "Aldershot,Valid votes,,41000\nAldershot,Rejected ballots,,100\n"
        "Barnsley,Cy Cole,Con,15000\nBarnsley,Di Dunn,Lab,25000\n"
        "Barnsley,Electorate,,65000\nBarnsley,Turnout,,62\nBarnsley,Majority,,10000\n"
        "Barnsley,Valid votes,,40000\nBarnsley,Rejected ballots,,80\n"
    )
    path = write(tmp_path, text, "ge.csv")
    races, problems = engines_agree(monkeypatch, path, block_bytes=128)
    assert [{o.candidate: o.votes for o in r.options} for r in races] == [
        {"Ann Ash": 21000, "Bob Bell": 20000, "Rejected ballots": 100},
        {"Cy Cole": 15000, "Di Dunn": 25000, "Rejected ballots": 80},
    ]
    assert [r.facts.registered for r in races] == [70000, 65000]
    assert not [p for p in problems if p.severity == "error"]
    result = invoke("summary", str(path), "--format", "json")
    notes = " ".join(json.loads(result.stdout)["elections"][0]["notes"])
    assert "named 'Majority', 'Turnout'" in notes and "derived from their unit's counts" in notes
