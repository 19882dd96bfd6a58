"""The words that make an option's name a non-candidate kind or a count of its unit (`kinds`).

Kept apart from the rules that read them (`kinds`), as the answers' words are (`answer_words`): the
tables grow with every publisher's spelling. Matched on a name's whole key (`namekeys.name_key`).
"""

from __future__ import annotations

from typing import Final

# Lines a ballot lists where no one stood for a party or a seat (West Virginia's `No Candidate
# Filed`, Arizona's `NO OFFICIAL CANDIDATE`, Texas' `NO CANDIDATES`, Tennessee's `No Candidate
# Qualified`): of kind `other`, and said so.
PLACEHOLDERS: Final[tuple[str, ...]] = (
    "no candidate filed", "no candidate", "no official candidate", "no candidate nominated",
    "no candidates", "no nominee", "no qualified candidate", "no candidate qualified",
)  # fmt: skip

KIND_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "against_all": (
        "against all",
        "against all candidates",
        "vote against all",
        "none of the above",
        "none of these candidates",
        "nota",
        "против всех",
        "против всех кандидатов",
        "барлығына қарсы",
        "барлық кандидаттарға қарсы",
        "проти всіх",
        "супраць усіх",
    ),
    "other": (
        "other",
        "others",
        "other candidates",
        "all others",
        "all other candidates",
        "write-in",
        "write-ins",
        "write ins",
        "write in",
        "writein",
        "writeins",
        "write-in votes",
        # Florida's counties (OpenElections' Marion 2022): in every district of an office.
        "writein votes",
        "writeinvotes",
        "write-in totals",
        "total write-in",
        "total write-ins",
        "uncommitted write-in",
        # Placeholders where no one stood (`PLACEHOLDERS`): never a winner, nor a runner-up.
        *PLACEHOLDERS,
        # A vote for no candidate in a US presidential primary or caucus (FiveThirtyEight's
        # `Uncommitted`, Massachusetts' `No Preference`): a valid vote, no candidate's.
        "uncommitted", "uncommitted delegates", "uninstructed", "uninstructed delegation",
        "no preference",
        "scatter",
        "scattered",
        "scattering",
        "scatterings",
        "cnr", "no registrados", "candidatos no registrados", "num votos can nreg",  # Mexico's INE
        # Oregon's counties (OpenElections' Oregon files): a race's write-ins, in every district.
        "misc",
        "misc.",
        "miscellaneous",
        "sonstige", "andere", "autres", "divers", "otros", "прочие", "другие",
        # Their singulars and plurals (Belgium's provincial tables: French `AUTRE` beside `autres`
        # and Dutch `ANDERE`; it stood as a party among them).
        "autre", "otro", "otras", "outro", "outras", "overig", "övrigt",
        # Croatia's, Serbia's and Bosnia's `Ostali` (it "led" HDZ and SDP), and others in Czech,
        # Slovak, Polish, Portuguese, Italian, Dutch, Swedish, Finnish and Ukrainian.
        "ostali", "ostale", "ostalo", "остали", "ostatní", "ostatné", "pozostali", "inne",
        "outros", "altri", "overige", "övriga", "muut", "інші",
    ),
    "blank": (
        "blank",
        "blanks",
        "blank ballot",
        "blank ballots",
        "blank votes",
        "blank vote",
        # Massachusetts' returns in MEDSL: mostly blank ballots of the race.
        "blank vote/scattering",
        "votos en blanco",
        "en blanco",
        # Brazil's TSE: `Branco`, `VOTO BRANCO`.
        "branco",
        "brancos",
        "voto branco",
        "votos brancos",
        "blancs",
        "bulletins blancs",
        "votes blancs",
        "bulletin blanc", "vote blanc",  # (the singular, as France's results pages write it)
        "scheda bianca",  # (Italy's singular; never `blanc` alone: a surname, as `Blank` is)
        "leer",
        "leere stimmzettel",
        # Norway's `Blanke` beside its parties, Sweden's `Blanka`.
        "blanke",
        "blanke stemmer",
        "blanka",
        "blanka röster",
        # A ranked-choice count's ballots with no choice left (MEDSL's Alaska 2022): in no share.
        "exhausted ballot",
        "exhausted ballots",
        "exhausted",
        # Minnesota's constitutional amendments (2016): ballots that left the question blank.
        "estimated blanks",
        "estimated blank",
        "under votes",
        "under",  # (Oregon's Lane County: `Under`, `Over` beside the others' `Under Votes`)
        "undervotes",
        "undervote",
        "under vote",
        # Arizona's precinct counts (OpenElections 2016): blank and undervoted ballots of a race.
        "times blank voted",
        "times under voted",
        "number of under votes",
        "number of undervotes",
        "пустые", "schede bianche", "blanco stemmen",
        # Peru's ONPE: `VOTOS_VB`, votos en blanco (`VOTOS_VN` the null ones).
        "vb", "votos vb", "voto en blanco",
        # Colombia's Registraduría (Bogotá's tables by locality): `Blanco`, `Voto_Blanco`.
        "blanco", "voto blanco", "votos blancos",
        # Ecuador's CNE (ELECU's tables): `BLANCOS` beside `NULOS`.
        "blancos",
    ),
    "invalid": (
        "invalid",
        "invalids",
        "invalid ballot",
        "invalid ballots",
        "invalid vote",
        "invalid votes",
        "spoiled",
        "spoilt",
        "spoiled ballot",
        "spoiled ballots",
        "spoilt ballot",
        "spoilt ballots",
        "spoil", "spoils",  # (Vermont's write-ins: `SPOIL` beside `SPOILED`)
        "rejected",
        "rejected ballot",
        "rejected ballots",
        "void", "voids", "void vote", "void votes", "void ballot", "void ballots",
        "null", "nulls", "nuls",
        "bulletins nuls",
        "bulletin nul", "vote nul", "votes nuls", "nul", "scheda nulla",
        "votos nulos",
        # Brazil's TSE: `Nulo`, `VOTO NULO`.
        "nulo",
        "nulos",
        "voto nulo",
        "over votes",
        "over",
        "overvotes",
        "overvote",
        "over vote",
        # Arizona's precinct counts: ballots overvoted in a race.
        "times over voted",
        "number of over votes",
        "number of overvotes",
        "ungültig",
        "ungültige",
        "ungültige stimmen",
        "ungültige stimmzettel",
        "ungueltige",
        "nieważne",
        "głosy nieważne",
        # Australia's AEC: a division's informal ballots, a row `Informal` in every name column.
        "informal",
        "informal ballot",
        "informal ballots",
        "informal vote",
        "informal votes",
        "недействительные", "недействительные бюллетени", "недійсні", "жарамсыз",
        # The Netherlands' and Italy's.
        "ongeldig", "ongeldige stemmen", "schede nulle",
        "spoiled votes", "spoilt votes", "rejected votes",  # (Ireland's, the UK's)
        "nulos y blancos",  # Costa Rica's TSE: null and blank ballots together
        "vn", "num votos nulos", "votos vn",  # Mexico's INE: `VN`; Peru's ONPE: `VOTOS_VN`
        # Colombia's unmarked ballots (`No Marcados`, `tarjetas no marcadas`): in no valid vote.
        "no marcados", "no marcadas", "votos no marcados", "tarjetas no marcadas",
    ),
}  # fmt: skip
FACT_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "registered": (
        "registered voters",
        "registered",
        "total registered",
        "total registered voters",
        "registered voters total", "reg voters",  # ES&S's exports (AL, DC; Illinois' Shelby)
        "voters on the list",
        "electorate", "registration", "total registration",  # (Kansas': `Voters,,,Registration`)
        # The same count in France's, Germany's, the Netherlands', Italy's, Spain's, Portugal's,
        # Poland's and the UK's tables.
        "inscrits", "électeurs inscrits", "wahlberechtigte", "stimmberechtigte", "kiesgerechtigden",
        "elettori", "electores", "eleitores", "liczba wyborców", "registered electors", "electors",
        "potencial votantes", "potencial de votantes", "potencial electoral",  # Colombia's
        "registeredvoters",  # (Yavapai's 2014 export: a race of no name led by it)
        "registered voters/turnout",  # Wikipedia's results boxes (the turnout in the % column)
    ),
    "ballots_cast": (
        "ballots cast",
        "ballotscast",
        "total ballots cast",
        "total ballots",
        "ballots",
        "times counted",
        "ballots cast total",
        # Washington's county files of 2008: `Cast` under an office `Voters` (`counts_office`).
        "cast",
        # Chile's Servel (`Total Votación`: the valid votes, the null and the blank), Spain's,
        # France's and Italy's words for the voters who cast a ballot.
        "total votación", "total votacion", "votación total", "votacion total", "votos emitidos",
        "total votos emitidos", "votantes", "votants", "votanti", "total de votantes", "wähler",
        "uitgebrachte stemmen", "total poll", "total votantes", "votos recibidos",
    ),
    # Maine's precinct files: `Votes Cast` of each race, its candidates and `Blank` together.
    "total_votes": (
        "total votes", "total votes cast", "total valid votes", "votes cast", "cast votes",
        # Chile's `Válidamente Emitidos`; Spain's, France's, Italy's and Germany's valid votes.
        "válidamente emitidos", "validamente emitidos", "votos válidamente emitidos",
        "votos validamente emitidos", "votos válidos", "votos validos", "suffrages exprimés",
        "exprimés", "voti validi", "gültige stimmen", "gültige", "valid votes", "geldige stemmen",
        "głosy ważne", "total valid poll",
        # Australia's AEC: the formal votes are the valid ones (`formal_num` beside `yes_num`).
        "formal", "formal votes",
    ),
}  # fmt: skip
