"""Romania's BEC protocols (code4romania's mirror of prezenta.roaep.ro, trial 19): one row per
polling station, naming columns, a code (`uat_siruta`), the report's version, the protocol's
lettered lines (`a` registered, `b` came to vote, `c` ballots received, `d` unused, `e` valid,
`f` void), then one column per party or candidate whose header ends in `-voturi` (votes), and in
local elections `-mandate` (seats). Read by position, `uat_siruta` "led" with 49.77 %, the
registered voters and the ballots received ranked above every party. The columns that end in the
votes word are the options; the other columns of figures are set aside, named.
Peru's ONPE (datosabiertos.gob.pe, results by polling table, 2021) opens them with the word:
`VOTOS_P1`… `VOTOS_P18`, `VOTOS_VB` (blank), `VOTOS_VN` (null), beside `N_CVAS` (citizens who voted)
and `N_ELEC_HABIL` (electors), which "led" with 51.54 %. Figures are checked against pandas."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import invoke
from pollcli.read import votes_words

HEADER = (
    "precinct_county_nce,precinct_county_name,precinct_name,precinct_nr,uat_name,uat_siruta,"
    "report_version,report_type_code,created_at,a,a1,a2,b,b1,b2,b3,c,d,e,f,"
    '"ALIANȚA ELECTORALĂ PSD PNL-voturi","ALIANȚA AUR-voturi","Candidat Independent -voturi",'
    '"ȘOȘOACĂ DUMITRU-SILVESTRU-voturi"'
)
ROWS = [
    '1,ALBA,"ȘCOALA GIMNAZIALĂ",79,"MUNICIPIUL BLAJ",1348,2,EUP_SV,"2024-06-10 14:38:49",'
    "1145,1145,0,542,530,0,12,1300,758,526,16,308,69,140,9",
    '1,ALBA,"BAZIN OLIMPIC",31,"MUNICIPIUL ALBA IULIA",1017,1,EUP_SV,"2024-06-10 08:09:27",'
    "1242,1242,0,469,445,0,24,1400,931,448,21,170,92,171,15",
    '1,ALBA,"CĂMIN CULTURAL",225,"CETATEA DE BALTĂ",3958,1,EUP_SV,"2024-06-10 02:03:46",'
    "588,588,0,252,227,0,25,633,381,227,25,164,33,30,0",
]
NOT_OPTIONS = [
    "uat_siruta",
    "report_version",
    "a",
    "a1",
    "a2",
    "b",
    "b1",
    "b2",
    "b3",
    "c",
    "d",
    "e",
    "f",
]


def write(tmp_path: Path) -> Path:
    path = tmp_path / "pv_final_cnty_eup_ab.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_only_the_votes_columns_are_options(tmp_path, engine):
    path = write(tmp_path)
    result = invoke("summary", str(path), "-f", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(path)
    # The options are named without the votes word (`ALIANȚA AUR-voturi` → `ALIANȚA AUR`).
    wanted = {
        column.removesuffix("-voturi").strip(): int(frame[column].sum())
        for column in frame.columns
        if column.endswith("-voturi")
    }
    got = {row["candidate"]: row["votes"] for row in election["results"]}
    assert got == wanted  # no code, version or protocol line among the options
    assert sum(got.values()) == frame["e"].sum()  # the protocol's valid votes, line e
    total = sum(wanted.values())
    leader = max(wanted, key=wanted.__getitem__)
    assert election["leader"]["candidate"] == leader == "ALIANȚA ELECTORALĂ PSD PNL"
    assert election["leader"]["share"] == pytest.approx(100 * wanted[leader] / total)
    note = " ".join(n for n in election["notes"] if "wide table" in n)
    assert "'voturi' at the end" in note
    assert all(repr(name) in note for name in NOT_OPTIONS[:6])
    assert f"and {len(NOT_OPTIONS) - 6} more" in note  # (b1 … f: counted, not named)


def test_validate_finds_nothing(tmp_path):
    """The protocol's lines (`a1` equal to `a`, `e` to `b1`) are no options listed twice."""
    result = invoke("validate", str(write(tmp_path)), "-f", "json")
    assert result.code == 0, result.stdout
    [report] = json.loads(result.stdout)["files"]
    assert report["problems"] == []


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["n", "A-voturi", "B-voturi", "a"], {1: "A", 2: "B"}),
        (["n", "A votes", "B_votes", "C"], {1: "A", 2: "B"}),
        # One column alone is no shared word; a protocol line or total keeps its header.
        (["n", "A-voturi", "B", "C"], {}),
        (["n", "valid_votes", "total_votes", "A", "B"], {}),
        # Seats beside votes (local elections): the seats are no options.
        (["n", "A-voturi", "A-mandate", "B-voturi", "B-mandate"], {1: "A", 3: "B"}),
        # (`VOTOS_VB` names blank ballots: an option of its kind, no word of the options.)
        (["UBIGEO", "N_CVAS", "VOTOS_P1", "VOTOS_P2", "VOTOS_VB"], {2: "P1", 3: "P2"}),
        (["n", "votos_validos", "votos_nulos", "A"], {}),
        # Germany's two votes are `preamble.vote_levels`'s, not these words.
        (["n", "CDU_Erststimmen", "SPD_Erststimmen"], {}),
    ],
)
def test_worded(header, expected):
    assert votes_words.worded(header) == expected


ONPE = (
    "UBIGEO;DEPARTAMENTO;PROVINCIA;DISTRITO;TIPO_ELECCION;MESA_DE_VOTACION;DESCRIP_ESTADO_ACTA;"
    "TIPO_OBSERVACION;N_CVAS;N_ELEC_HABIL;VOTOS_P1;VOTOS_P2;VOTOS_P3;VOTOS_VB;VOTOS_VN;VOTOS_VI",
    '"010101";"AMAZONAS";"CHACHAPOYAS";"CHACHAPOYAS";"PRESIDENCIAL";"000031";"CONTABILIZADA";;'
    "97;300;3;2;60;12;20;",
    '"010204";"AMAZONAS";"BAGUA";"EL PARCO";"PRESIDENCIAL";"000205";"CONTABILIZADA";;'
    "224;300;130;;50;30;14;",
    '"020111";"ANCASH";"HUARAZ";"PIRA";"PRESIDENCIAL";"001322";"CONTABILIZADA";;'
    "205;290;1;150;12;30;12;",
)


@pytest.mark.parametrize("engine", ["exact", "stream"])
def test_onpe_votes_first(tmp_path, engine):
    path = tmp_path / "Resultados_1ra_vuelta_Version_PCM.csv"
    path.write_text("\n".join(ONPE) + "\n", encoding="utf-8")
    result = invoke("summary", str(path), "-f", "json", env={"POLLCLI_ENGINE": engine})
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    frame = pd.read_csv(path, sep=";").fillna(0)
    # Named without the votes word, as `ALIANȚA AUR-voturi` is (`VOTOS_P2` → `P2`).
    parties = {f"P{n}": int(frame[f"VOTOS_P{n}"].sum()) for n in (1, 2, 3)}
    got = {r["candidate"]: r["votes"] for r in election["results"] if r["kind"] == "candidate"}
    assert got == parties  # N_CVAS and N_ELEC_HABIL are no options
    kinds = {r["candidate"]: r["kind"] for r in election["results"]}
    assert kinds["VOTOS_VB"] == "blank" and kinds["VOTOS_VN"] == "invalid"
    assert election["leader"]["candidate"] == "P2"  # 2 + 0 + 150 = 152; P1 134, P3 122
    share = 100 * parties["P2"] / sum(parties.values())
    assert election["leader"]["share"] == pytest.approx(share)
    turnout = election["turnout"]
    assert turnout["registered"] == frame["N_ELEC_HABIL"].sum() == 890
    assert turnout["ballots_cast"] == frame["N_CVAS"].sum() == 526
    assert turnout["pct"] == pytest.approx(100 * 526 / 890)


def test_over_and_under_votes_are_no_votes_word(tmp_path):
    """Iowa's precinct tables (OpenElections' `input/…madison__state_house__25`): `OVER VOTE` and
    `UNDER VOTE` end in a votes word but name ballots, not the options: the candidates stay."""
    path = tmp_path / "madison.csv"
    path.write_text(
        "Precinct,Stan Gustafson,Pam Deichmann,OVER VOTE,UNDER VOTE,SCATTERING,TOTAL\n"
        "Absentee Precinct,385,75,0,0,8,468\nEARLHAM COMMUNITY CTR,99,36,0,0,0,135\n",
        encoding="utf-8",
    )
    assert votes_words.worded(pd.read_csv(path, nrows=0).columns.tolist()) == {}
    result = invoke("summary", str(path), "-f", "json")
    assert result.code == 0, result.stderr
    [election] = json.loads(result.stdout)["elections"]
    assert election["leader"]["candidate"] == "Stan Gustafson"
    assert election["leader"]["votes"] == 385 + 99


def test_turnout_by_hour_after_the_votes_word_is_refused(tmp_path):
    """Eligendo's turnout by town (ondata's `affluenzaComuni.csv`: `voti_h12`, `voti_h19`,
    `voti_h23`, rising through the day): no options, the hours told with the word aside."""
    path = tmp_path / "affluenzaComuni.csv"
    path.write_text(
        "CODICE ISTAT,comune,elettori,datah12,%h12,voti_h12,datah19,%h19,voti_h19,datah23,%h23,"
        "voti_h23\n"
        "028001,ABANO TERME,15800,20220925120000,22.58,3567,20220925190000,58.30,9212,"
        "20220925230000,71.30,11265\n"
        "098001,ABBADIA CERRETO,226,20220925120000,30.53,69,20220925190000,61.95,140,"
        "20220925230000,75.66,171\n",
        encoding="utf-8",
    )
    result = invoke("summary", str(path))
    assert result.code == 1 and result.stdout == ""
    assert "times of day" in result.stderr and "leads" not in result.stderr
