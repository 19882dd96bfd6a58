"""Brazil's TSE results by polling section (`votacao_secao`, trial 7, world): `;`-separated,
Latin-1, a row per section (`NR_ZONA`, `NR_SECAO`) and office (`DS_CARGO`) and what can be voted
for (`NM_VOTAVEL`, its votes in `QT_VOTOS`), blank and null votes as rows `Branco` and `Nulo`.
No column was read (`NM_VOTAVEL`, `QT_VOTOS`, `DS_CARGO` unknown), so the table was taken for a
wide one and each row's codes for options; with the columns read, `Branco` and `Nulo` were
candidates counted in the valid vote. Figures hand-checked."""

from __future__ import annotations

from conftest import engines_agree, invoke, write

HEADER = (
    "DT_GERACAO;ANO_ELEICAO;NR_TURNO;SG_UF;CD_MUNICIPIO;NM_MUNICIPIO;NR_ZONA;NR_SECAO;CD_CARGO;"
    "DS_CARGO;NR_VOTAVEL;NM_VOTAVEL;QT_VOTOS;SQ_CANDIDATO\n"
)
ROW = "15/07/2021;2018;1;SC;80896;CRICIÚMA;10;{s};{c};{o};{n};{name};{v};{sq}\n"
CELLS = [
    (3, "Governador", 15, "MAURO MARIANI", 44, 1),
    (3, "Governador", 17, "COMANDANTE MOISÉS", 60, 2),
    (3, "Governador", 95, "Branco", 5, -1),
    (3, "Governador", 96, "Nulo", 7, -1),
    (1, "Presidente", 17, "JAIR BOLSONARO", 80, 3),
    (1, "Presidente", 13, "FERNANDO HADDAD", 30, 4),
    (1, "Presidente", 96, "Nulo", 4, -1),
]
TEXT = HEADER + "".join(
    ROW.format(s=s, c=c, o=o, n=n, name=name, v=v, sq=sq)
    for s in (499, 500)
    for c, o, n, name, v, sq in CELLS
)


def test_each_office_is_a_race_and_blank_and_null_are_not_valid(tmp_path, monkeypatch):
    path = write(tmp_path, TEXT, encoding="latin-1")
    elections, problems = engines_agree(monkeypatch, path, encoding="latin-1", unit="NR_SECAO")
    assert not [p for p in problems if p.severity == "error"], problems
    figures = {
        e.facts.election: {o.candidate: (o.kind, o.votes) for o in e.options} for e in elections
    }
    assert figures == {
        "Governador": {
            "MAURO MARIANI": ("candidate", 88),
            "COMANDANTE MOISÉS": ("candidate", 120),
            "Branco": ("blank", 10),
            "Nulo": ("invalid", 14),
        },
        "Presidente": {
            "JAIR BOLSONARO": ("candidate", 160),
            "FERNANDO HADDAD": ("candidate", 60),
            "Nulo": ("invalid", 8),
        },
    }


def test_shares_are_of_the_valid_vote(tmp_path):
    path = write(tmp_path, TEXT, encoding="latin-1")
    result = invoke(
        "summary", str(path), "--encoding", "latin-1", "--unit", "NR_SECAO", "--format", "json"
    )
    assert result.code == 0, result.stderr
    import json

    shares = {
        e["election"]: round(e["results"][0]["share"], 4)
        for e in json.loads(result.stdout)["elections"]
    }
    # 120 of 208 (Governador), 160 of 220 (Presidente): blank and null votes are not valid.
    assert shares == {
        "Governador": round(100 * 120 / 208, 4),
        "Presidente": round(100 * 160 / 220, 4),
    }
