"""Header words: the canonical row columns' and election facts' aliases (in the languages results
are published in) and the geography words, coarsest level first. `pollcli.columns` re-exports them, with the rest of
the column contract (facts, race keys, how a header is matched)."""

from __future__ import annotations

from typing import Final

# English names from the contract and MEDSL, and the words commissions print in a few other languages.
# A header matches when it is one of these words (case, spaces, dots, dashes and slashes aside), or
# when one half of a bilingual header is (`Candidate/Candidat`, `Votes Obtained/Votes obtenus`), or
# with a name's prefix or suffix around the word (`county_name`, `Libellé du département`).
ROW_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "candidate": (
        "candidate",
        "name",
        "option",
        "candidate_name",
        "candidatename",
        # Canada's federal results by candidate (`cand_id`, `cand_name`).
        "cand_name",
        "candidate_full_name",
        "ballot_name",
        "choice",
        "candidat",
        "candidats",
        "nom_du_candidat",
        "candidato",
        # Chile's Servel: `candidatura`, the candidacy.
        "candidatura",
        # Brazil's TSE: `NM_VOTAVEL` (what can be voted for), `NM_URNA_CANDIDATO` (the ballot name).
        "nm_votavel",
        "nm_urna_candidato",
        # The AEC's Senate tables: the candidate's name, or the group's `A Ticket Votes`.
        "candidatedetails",
        "kandidat",
        "bewerber",
        "кандидат",
        "кандидаты",
        "кандидат_ф_и_о",
        "kandydat",
        # Poland's PKW candidate tables: `Nazwisko i imiona`, surname and given names.
        "nazwisko_i_imiona",
    ),
    "votes": (
        "votes",
        "candidatevotes",
        # Elections Canada's results by polling station (`pollresults_resultatsbureau*.csv`).
        "candidate_poll_votes_count",
        "vote_count",
        "count",
        "vote",
        "votes_count",
        "votes_obtained",
        "votes_obtenus",
        "votes_received",
        "vote_total",
        "number_of_votes",
        "voix",
        # Belgium's `Nombre de voix` / `Aantal stemmen`, Germany's `Anzahl Stimmen`, Spain's.
        "nombre_de_voix",
        "aantal_stemmen",
        "stemmen",
        "anzahl_stimmen",
        "numero_de_votos",
        "número_de_votos",
        "votos",
        # Brazil's TSE.
        "qt_votos",
        "qt_votos_nominais",
        "voti",
        # Italy's Eligendo: `Voti Liste`, a list's votes (`Lista` names it).
        "voti_liste",
        "voti_lista",
        "stimmen",
        "anzahl",
        "голоса",
        # Ukraine's CVK: `Кількість голосів`, `Голоси`.
        "голоси",
        "голосів",
        "кількість_голосів",
        "голосов",
        "число_голосов",
        "дауыс",
        "głosy",
        "liczba_głosów",
        # Norway's valgresultat.no (`Antall stemmer totalt`: a party's votes, advance and on the
        # day), Denmark's, Sweden's.
        "stemmer",
        "antall_stemmer",
        "antall_stemmer_totalt",
        "röster",
        "antal_röster",
        "hlasy",
        "poc_hlasu",
        "pocet_hlasu",
        "počet_hlasů",
        "pocet",
        "počet",
        # Estonia's `Hääled` (`Häälte arv`), Latvia's `Balsis`, Lithuania's `Balsai`.
        "hääled",
        "häälte_arv",
        "balsis",
        "balsai",
    ),
    "share": (
        "share",
        "percent",
        "pct",
        "share_pct",
        "vote_share",
        "percentage",
        "vote_pct",
        "percent_votes",
        "pct_votes",
        "votes_pct",
        "vote_percent",
        # The European Parliament's results CSVs: `PARTY_ID;TYPE;VOTES_PERCENT;UPDATE_STATUS;…`.
        "votes_percent",
        "percent_of_votes",
        "percentage_of_votes",
        "percentage_of_votes_obtained",
        "pourcentage_des_votes_obtenus",
        "pourcentage",
        "porcentaje",
        "perc",
        "prozent",
        "anteil",
        "stimmenanteil",
        "процент",
        "відсоток",
        "процентов",
        "доля",
        # Norway's `Oppslutning prosentvis`, a party's share.
        "oppslutning",
        "protsent",
        "oppslutning_prosentvis",
        # The PKW's `Procent głosów`.
        "procent_głosów",
    ),
    "party": (
        "party",
        "party_detailed",
        "party_name",
        "party_affiliation",
        "political_party",
        "ballot_party",
        "description_on_ballot_paper",
        "nominator",
        "affiliation",
        "parti",
        "parti_politique",
        "appartenance_politique",
        "partido",
        # Costa Rica's TSE: `Partido político`.
        "partido_político",
        "partido_politico",
        # Italy's Eligendo: `lista`, the list a candidate stands for.
        "lista",
        "partei",
        "parteikuerzel",
        "parteikürzel",
        "parteiname",
        "partij",
        "партия",
        "партія",
        "выдвинут",
        "partia",
        "komitet",
        # Czechia's volby.cz open data, one row per party and place: `strana` (`KSTRANA`, its
        # number), `POC_HLASU` its votes, `OBEC` and `OKRSEK` the municipality and precinct.
        "strana",
        "kstrana",
        # The Baltic commissions': Estonia's `Erakond`, Latvia's and Lithuania's `Partija`.
        "erakond",
        "partija",
        # The PKW's `Nazwa komitetu`, the electoral committee (its `Skrót nazwy komitetu`, the
        # same abbreviated, is left unused).
        "nazwa_komitetu",
        "partynm",
        # Norway's `Partinavn` (its `Partikode` beside it is a code, left unused), Sweden's `Partinamn`.
        "partinavn",
        "partinamn",
        # Elections Canada's `Political Affiliation Name_English`.
        "political_affiliation",
    ),
    "kind": ("kind",),
    # A party's colour for charts (`#1f77b4`); carried through to the results, never computed with.
    "colour": ("colour", "color", "party_colour", "party_color"),
    # A candidate's name in two columns, joined given name first ("Stephen Kinnock", "Emmanuel
    # MACRON"); one of them alone is the candidate column.
    "given_name": (
        "first_name",
        "firstname",
        "forename",
        "forenames",
        "given_name",
        "givenname",
        # Australia's AEC: `GivenNm`, `Surname`, `PartyNm`.
        "givennm",
        # The House of Commons Library's `Candidate first name` / `Candidate surname`.
        *(f"candidate_{w}" for w in ("first_name", "firstname", "forename", "given_name")),
        "prénom",
        "prenom",
        "vorname",
        "imię",
        "imie",
        "имя",
    ),
    "family_name": (
        "last_name",
        "lastname",
        "surname",
        "family_name",
        "familyname",
        *(f"candidate_{w}" for w in ("surname", "last_name", "lastname", "family_name")),
        "nom",
        "nom_de_famille",
        "nachname",
        "nazwisko",
        "фамилия",
    ),
    # The name of a row whose candidate cell is blank (FiveThirtyEight: Write-in, Blank, Other).
    "alt_name": ("alt_result_text",),
}

# Geography, coarsest first. With one such column it is the region; with several, the finest is the
# unit (rows are unique per unit and summed into the region), the next coarser one the region, and
# any coarser still (a state beside county and precinct) is left unused with a note. A column named
# `region` is the region whatever else there is. `district` is often a race (U.S. House district 1)
# rather than a place: beside another column of its level it gives way, with a note. (District,
# circonscription and Wahlkreis name races — RACE_ALIASES — unless their candidates stand in every
# one of them, `read.geography`; their level here ranks them when `--race-by` makes them places.)
GEOGRAPHY: Final[tuple[tuple[str, ...], ...]] = (
    (
        "state",
        "state_name",
        "province",
        "land",
        "bundesland",
        "województwo",
        "wojewodztwo",
        "voivodeship",
    ),
    (
        "region",
        "county",
        "parish",
        "district",
        "département",
        "departement",
        "department",
        "région",
        "región",
        # Italy's Eligendo abroad: `Nazione`, the country a row counts, within its constituency.
        "nazione",
        "provincia",
        "wahlkreis",
        # Estonia's electoral district, `Ringkond`, Lithuania's `Apygarda`.
        "ringkond",
        "apygarda",
        # Norway's county (`Fylkenavn`, beside its number), Sweden's.
        "fylke",
        "fylkenavn",
        "län",
        "kreis",
        "landkreis",
        "bezirk",
        "circonscription",
        "powiat",
        "tik",
        "тик",
        "регион",
        "область",
        "округ",
        "район",
        "облыс",
        "өңір",
    ),
    (
        "precinct",
        "precinctname",
        # Clear Ballot's statements of votes (Colorado's counties): `Precinct Code` beside its
        # `Precinct Number`.
        "precinct_code",
        "ward",
        "town",
        "township",
        "city",
        "village",
        "borough",
        "municipality",
        "municipio",
        "nm_municipio",
        "commune",
        # Chile's `comuna`, Italy's `comune`: a municipality.
        "comuna",
        "comune",
        "gemeinde",
        "gmina",
        "obec",
        "okrsek",
        # Norway's municipality and polling district (`Kommunenavn`, `Stemmekretsnavn`), Sweden's.
        "kommune",
        "kommunenavn",
        "stemmekrets",
        "stemmekretsnavn",
        "kommun",
        "valdistrikt",
        "stimmbezirk",
        "wahlbezirk",
        "polling_station",
        # Elections Canada's `Polling Station Number` beside its `Polling Station Name` (a name
        # several stations share: Sainte-Julie's 1, 2, 3…).
        "polling_station_number",
        "polling_place",
        "polling_district",
        # South Africa's IEC: `VotingDistrict` (a station's number) within its `Ward`.
        "voting_district",
        # Delaware's precinct, `01-01` (an election district within its representative district).
        "election_district",
        # The place a row counts, at the level a `reporting_level` column gives (WA, AR).
        "jurisdiction",
        "uik",
        "уик",
        "участок",
        "дільниця",
        "виборча_дільниця",
        "избирательный_участок",
    ),
)

INT_FACTS: Final[tuple[str, ...]] = ("registered", "ballots_cast", "invalid", "blank")
ELECTION_FACTS: Final[tuple[str, ...]] = (
    "election",
    "date",
    "country",
    "office",
    "round",
    "stage",
    "source",
    *INT_FACTS,
    "share_base",
    "term_years",
    "previous_term_years",
    "term_limit",
    "system",
    "seats",
    "vote_for",
    "method",
    "list_threshold",
    "threshold_base",
    "threshold_scope",
)
FACT_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    **{fact: (fact,) for fact in ELECTION_FACTS},
    # Brazil's TSE: `DS_CARGO`, the office; `NR_TURNO`, the round.
    # Italy's Eligendo: `Tipo Elezione` (Camera Estero), `Data elezione` (25/09/2022), `Elettori`,
    # `Votanti`, `Schede Nulle`, `Schede Bianche` (a country's protocol, on each of its lists' rows).
    # Poland's PKW: `Urząd`, the office of each of a file's mayoral races (Prezydent Miasta …), and
    # `Sejmik`, the regional assembly a file's districts elect.
    "office": (
        "office",
        "office_name",
        "officename",
        "office_title",
        "office_description",
        "position_name",
        "position_title",
        "ds_cargo",
        "cargo",
        "dignidad",
        "tipo_elezione",
        "urząd",
        "sejmik",
    ),
    # Elections Canada's `Rejected Ballots for Polling Station` and `Electors for Polling Station`,
    # each polling station's, on each of its candidates' rows.
    "invalid": (
        "invalid",
        "schede_nulle",
        "rejected_ballots",
        "rejected_ballots_for_polling_station",
        # South Africa's IEC: `SpoiltVotes`, each voting district's, on each of its parties' rows.
        "spoilt_votes",
        "spoilt_ballots",
    ),
    "blank": ("blank", "schede_bianche"),
    "round": ("round", "nr_turno"),
    "election": ("election", "eleccion", "elección"),
    # Elections Canada's candidates since 1867: `Election Date`, one date for each election (a
    # vote-mode column beside others in OpenElections' Iowa files: `read.roles`).
    # The day of a vote in the languages of referendums: the BFS's Swiss `DATUM_ABSTIMMUNG`.
    "date": (
        *("date", "election_date", "date_of_election", "polling_date", "data_elezione"),
        *("vote_date", "date_of_vote", "voting_date", "referendum_date"),
        *("datum", "datum_abstimmung", "abstimmungsdatum", "abstimmungstag", "wahldatum"),
        *("wahltag", "date_du_scrutin", "date_scrutin", "date_de_la_votation", "date_votation"),
        *("data_votazione", "data_della_votazione", "fecha", "fecha_eleccion", "fecha_elección"),
        *("fecha_votacion", "fecha_votación", "data_eleicao", "data_eleição", "verkiezingsdatum"),
        *("valgdato", "valdatum", "vaalipäivä", "data_wyborów", "data_głosowania", "дата"),
        *("дата_выборов", "дата_голосования"),
    ),
    "registered": (
        "registered",
        "electors_for_polling_station",
        "registered_voters",
        "electorate",
        # Norway's `Antall stemmeberettigede`, Sweden's `Röstberättigade`.
        "stemmeberettigede",
        "antall_stemmeberettigede",
        "röstberättigade",
        # Australia's (the AEC's `Enrolment`, `CloseOfRollsEnrolment`) and New Zealand's word.
        "enrolment",
        "enrollment",
        "enrolled",
        "closeofrollsenrolment",
        "elettori",
    ),
    # Clear Ballot's `Total Ballots`: the ballots cast in the precinct's race. (Its `Active Voters`
    # are the precinct's, not the race's: "not all voters may have been eligible to vote on each
    # contest", its footnote says; a race of part of some precincts would have them all.)
    "ballots_cast": (
        "ballots_cast",
        "ballots",
        "cast",
        "turnout_votes",
        "total_ballots",
        "votanti",
    ),
    # Elections Canada's results download: `Type of results*`, preliminary or validated.
    "stage": ("stage", "type_of_results"),
    # How many members a race elects, the top N by votes ("Vote for 4"); MEDSL's `magnitude`.
    # Belgium's federal results (resultatselection): `Nombre de sièges`, the seats each list won
    # beside its `Nombre de voix` (a race's seats are their sum: read/unfit); Público's Portuguese
    # local results: `mandates`, each list's councillors; the Kiesraad's `# Zetels` (Dutch).
    "seats": ("seats", "nombre_de_sièges", "nombre_de_sieges", "mandates", "mandatos", "zetels"),
    "vote_for": (
        "voteforvalue",
        "vote_for",
        "votefor",
        "number_elected",
        "num_elected",
        "number_to_elect",
        "magnitude",
    ),
    # MIT Election Data + Science Lab exports: all votes cast in the race for the office.
    # The PKW's `Liczba głosów ważnych na wszystkich kandydatów` (`… oddanych w okręgu`): the race's
    # (the district's) valid votes.
    "total_votes": (
        "totalvotes",
        "total_votes",
        "liczba_głosów_ważnych_na_wszystkich_kandydatów",
        "liczba_głosów_ważnych_oddanych_w_okręgu",
    ),
}
