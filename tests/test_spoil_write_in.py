"""Vermont's precinct files (OpenElections 2018 general) write spoilt ballots among the write-ins
as `SPOIL`, `SPOILED` (party `Write-in`): `SPOIL` was read as a candidate (2 votes, a share, "below
3 %"), the others as invalid ballots. Every such word is invalid, never a candidate. Invented
figures; the oracle is the hand-counted table."""

from __future__ import annotations

from conftest import engines_agree, invoke, write

TEXT = (
    "county,town,precinct,office,district,candidate,party,votes\n"
    "ELM,ASHBY,ELM-1,STATE'S ATTORNEY,ELM,ANN ROSS,DEMOCRATIC,400\n"
    "ELM,ASHBY,ELM-1,STATE'S ATTORNEY,ELM,BEN COLE,REPUBLICAN,300\n"
    "ELM,ASHBY,ELM-1,STATE'S ATTORNEY,ELM,SPOIL,Write-in,2\n"
    "ELM,ASHBY,ELM-1,STATE'S ATTORNEY,ELM,Spoils,Write-in,1\n"
    "ELM,ASHBY,ELM-1,STATE'S ATTORNEY,ELM,SPOILED,Write-in,3\n"
    "ELM,ASHBY,ELM-1,STATE'S ATTORNEY,ELM,Spoilt Ballots,,1\n"
    "ELM,ASHBY,ELM-1,STATE'S ATTORNEY,ELM,Void,,4\n"
    "ELM,ASHBY,ELM-1,STATE'S ATTORNEY,ELM,DOT FRY,Write-in,5\n"
)


def test_spoil_and_its_like_are_spoilt_ballots(tmp_path, monkeypatch):
    (race,), _ = engines_agree(monkeypatch, write(tmp_path, TEXT))
    kinds = {o.candidate: o.kind for o in race.options}
    assert kinds == {
        "ANN ROSS": "candidate",
        "BEN COLE": "candidate",
        "DOT FRY": "candidate",
        "SPOIL": "invalid",
        "Spoils": "invalid",
        "SPOILED": "invalid",
        "Spoilt Ballots": "invalid",
        "Void": "invalid",
    }
    result = invoke("summary", str(write(tmp_path, TEXT)))
    assert result.code == 0 and "56.74 %" in result.stdout  # 400 of 705 valid (400 + 300 + 5)


def test_blank_or_void_joined_by_a_word_is_invalid():
    # New York's Schuyler County 2012 and Lewis County 2014 precinct files: `BLANK OR VOID`,
    # `BLANK AND VOID` rows were candidates (as `Blank/Void` never was).
    from pollcli.kinds import kind_from_name

    assert kind_from_name("BLANK OR VOID") == "invalid"
    assert kind_from_name("Blank and Void") == "invalid"
    assert kind_from_name("Blank & Scattering") == "other"
    assert kind_from_name("Ann Or Void") == "candidate"  # (a part that is no such word)
    assert kind_from_name("Or") == "candidate"
