"""The words of wide tables: protocol lines as election facts, and columns that name a row.

An election commission's protocol has a line per count — voters on the list, ballots issued, found in
the boxes, invalid, valid — and then one per candidate; published as a table, each line is a column
(`Число избирателей, включенных в список избирателей`, `Inscrits`, `Wahlberechtigte`, `Liczba wyborców
uprawnionych do głosowania`). Here each such header is read as the election fact it holds
(`registered`, `ballots_cast`, `invalid`, `blank`, or `total_votes` for the valid votes, which the
options' votes are checked against), as a protocol line that holds no fact (ballots received by the
commission: ignored, with a note), or as no protocol line at all. A fact may be the sum of two lines
(ballots cast in a Russian protocol: those in the portable boxes and those in the stationary ones).

Headers are compared as `key` gives them: case, punctuation and spacing aside, `ё` as `е`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Final, NamedTuple

from pollcli.kind_words import FACT_NAMES

# Each fact's protocol lines, as regular expressions over `key` (matched in full).
FACT_LINES: Final[dict[str, tuple[str, ...]]] = {
    "registered": (
        r"число избирателей( участников референдума)?( включенных| внесенных)?( в спис(ок|ки)"
        r"( избирателей)?)?( на момент окончания голосования)?",
        r"число участников референдума( включенных в спис(ок|ки))?.*",
        r"кількість виборців( внесених до списку)?.*",
        r"тізімге енгізілген сайлаушылар саны|сайлаушылар саны",
        r"liczba (wyborców|osób) uprawnionych( do głosowania)?",
        r"uprawnieni|(électeurs )?inscrits|nombre d inscrits",
        # (The BFS's Swiss referendum files spell it with one M: `STIMBERECHTIGTE`.)
        r"wahlberechtigte( insgesamt)?|stimm?berechtigte",
        r"registered( voters)?|electorate|eligible voters|voters on the list|total registered",
        r"(close ?of ?rolls ?)?enrol(l)?ment|enrolled( voters)?",
        r"electores( inscritos)?|inscritos|censo( electoral)?|elettori|iscritti",
        # Italy's Eligendo tables: `elettori_t`, `votanti_t` (in all, beside _m and _f).
        r"elettori (t|totali)",
        r"lista nominal( de electores)?",
        # Peru's ONPE: `N_ELEC_HABIL`, the number of electors entitled to vote (hábiles).
        r"(n )?elec(tores)? h(á|a)bil(es)?",
        # Sri Lanka's, India's and Pakistan's tables.
        r"(total |registered )?electors",
        # Israel's Central Elections Committee: `בזב` (בעלי זכות בחירה, those entitled to vote).
        r"בזב|בז ב|בעלי זכות בחירה",
        # Taiwan's CEC: `選舉人數G G=E+F` (electors; a line's letter and formula follow its name).
        r"(選舉|选举)人數.*|(選舉|选举)人数.*",
        # Spain's Ministry of the Interior: `Total censo electoral` (CER and CERA, abroad).
        r"total censo( electoral)?",
        # The Kiesraad's (the Netherlands): `Kiesgerechtigden`; a polling station's `Opgeroepenen`.
        r"kiesgerechtigden|opgeroepenen",
        # The Czech Statistical Office's (volby.cz): `Voliči v seznamu` (the CZSO's open data
        # `VOL_SEZNAM`, bare in 1996's turnout table: `volici`); Slovakia's `Počet voličov …`.
        # South Korea's NEC: `선거인수` (electors).
        r"선거인 ?수",
        # Hungary's NVI: `A névjegyzékben lévő választópolgárok száma` (the electors on the list).
        r"(a )?n(é|e)vjegyz(é|e)kben (l(é|e)v(ő|o)|szerepl(ő|o))( v(á|a)laszt(ó|o)polg(á|a)rok)?"
        r"( sz(á|a)ma)?|v(á|a)laszt(ó|o)polg(á|a)r(ok)?( sz(á|a)ma)?",
        r"(počet )?voliči v seznamu|počet voličů v seznamu|registrovaní voliči|vol seznam"
        r"|(počet )?voličov zapísaných v zozname( voličov)?|zapísaní voliči|voli(č|c)i",
    ),
    "ballots_cast": (
        r"число избирателей принявших участие в голосовании|явка",
        r"liczba kart wyjętych z urny|votants|nombre de votants",
        # Hamburg's `Wähler insgesamt` (voters in all, beside `Wähler mit Wahlschein`); umlauts
        # may be spelt out (`Waehler`, `gueltige`: Hamburg's 2001 table).
        r"w(ä|ae)hlende|w(ä|ae)hler( innen)?( insgesamt)?|abgegebene( stimmen)?",
        r"ballots cast|total ballots cast|(total )?votes cast|ballots|turnout votes",
        r"eingelegte (stimmzettel|wahlzettel)",
        r"votantes|votanti|votanti (t|totali)|votación total emitida|votacion total emitida",
        # Peru's ONPE: `N_CVAS`, the citizens who voted (ciudadanos que votaron).
        r"(n )?cvas|ciudadanos que votaron",
        # The Star's Malaysian seats (scraped): `voter_turnout`, a count (`43,093 (83.8%)`).
        r"voter turnout",
        r"(total |votes |total votes )?polled|votes polled",
        # India's ECI turnout tables: `Total Voters` beside `Total Electors`.
        r"total voters",
        # Israel's CEC: `מצביעים` (voters).
        r"מצביעים",
        # Taiwan's CEC: `投票數C C=A+B` (ballots cast).
        r"投票(數|数).*",
        # Spain's Ministry of the Interior: `Total votantes` (CER and CERA).
        r"total votantes",
        # The Kiesraad's databank: `Opkomst`, the voters who came (a count; `Opkomstpercentage`
        # beside it), and a polling station's `Toegelaten kiezers`, the voters let in.
        r"opkomst|uitgebrachte stemmen|toegelaten kiezers",
        # Georgia's CEC: `არჩევნებში მონაწილეთა რაოდენობა` (voters who took part), in its
        # English files `ballots signed for` (signatures on the list: the voters who came).
        r"არჩევნებში მონაწილეთა რაოდენობა|ballots signed for",
        # Czechia's and Slovakia's envelopes issued to the voters who came (`VYD_OBALKY`).
        r"(počet )?vydan(é|ých|e) ob(á|a)l(ky|ek|ok)|vyd obalky|vydan(é|e)",
        # South Korea's NEC: `투표수` (ballots cast).
        r"투표 ?수",
        # The same in the English of the scrapers of volby.cz (`code,location,registered,envelopes,
        # valid`, then the parties).
        r"envelopes( issued)?|issued envelopes",
        # Hungary's NVI: `Szavazóként megjelent választópolgárok száma` (the voters who came).
        r"szavaz(ó|o)k(é|e)nt megjelent( v(á|a)laszt(ó|o)polg(á|a)rok)?( sz(á|a)ma)?"
        r"|megjelent(ek)?",
    ),
    "invalid": (
        r"число недействительных (избирательных )?бюллетеней|недействительные( бюллетени)?",
        r"кількість недійсних (виборчих )?бюлетенів",
        r"нулевые|жарамсыз (бюллетеньдер )?саны",
        r"nuls?|bulletins? nuls?|votes? nuls?",
        # Público's Portuguese turnout tables in English: `null_votes` beside `blank_votes`.
        r"null votes|null ballots",
        r"ung(ü|ue)ltige( stimmen| stimmzettel| wahlzettel)?|ung(ü|ue)ltig",
        # Denmark's `other_invalid` beside `blank` (its `total_invalid`, both: a line not used).
        r"other invalid( votes| ballots)?|invalid( votes| ballots)?|rejected( ballots)?"
        r"|spoilt( ballots| votes)?|spoiled( ballots| votes)?",
        r"votos nulos|nulos|(schede|sk) nulle|nulle|scheda nulla",
        # Peru's ONPE scraped: `total_votos_nulos` (beside `total_en_blanco`, `total_validos`).
        r"total votos nulos",
        # Israel's CEC: `פסולים` (disqualified ballots).
        r"פסולים|קולות פסולים",
        # Taiwan's CEC: `無效票數B`.
        r"(無效|无效)票(數|数).*",
        # The Kiesraad's: `# ongeldige stemmen`, `Ongeldig` (the `#`, a number of, is no word).
        r"ongeldige( stemmen| stembiljetten)?|ongeldig",
        # Georgia's CEC: `ბათილი ბიულეტენები` (invalid ballots).
        r"ბათილი ბიულეტენები",
        # South Korea's NEC: `무효 투표수` (invalid ballots).
        r"무효 ?투표 ?수",
        # Hungary's NVI: `Érvénytelen szavazólapok száma` (invalid ballots; bare in a scrape).
        r"(é|e)rv(é|e)nytelen( szavazatok| szavaz(ó|o)lapok)?( sz(á|a)ma)?",
    ),
    "blank": (
        r"blancs|bulletins? blancs?|votes? blancs?|votos en blanco|en blanco|(schede|sk) bianche"
        r"|scheda bianca",
        r"total (votos )?en blanco",
        r"blank( votes| ballots)?",
        # Switzerland's BFS: `leere_wahlzettel` (blank ballots, beside `eingelegte_wahlzettel`),
        # and in its tables of referendums `LEERE_STIMMEN` (blank votes).
        r"leere (stimmzettel|wahlzettel|stimmen)",
        # The Kiesraad's: `# blanco stemmen`.
        r"blanco stemmen|blanco stembiljetten",
    ),
    "total_votes": (
        r"число действительных (избирательных )?бюллетеней|действительные( бюллетени)?",
        r"кількість дійсних (виборчих )?бюлетенів",
        r"liczba głosów ważnych( oddanych łącznie na wszystkich kandydatów)?",
        r"exprimés|suffrages exprimés|votes exprimés",
        r"g(ü|ue)ltige( stimmen)?|g(ü|ue)ltig",
        r"valid( votes)?|valid votes|total valid( votes)?|votes|total votes|(total )?valid ballots",
        # Peru's ONPE scraped: `total_validos` (beside `total_votos_emitidos`).
        r"(votos |total )?v(á|a)lidos|voti validi",
        # Israel's CEC: `כשרים` (valid ballots).
        r"כשרים|קולות כשרים",
        # Taiwan's CEC: `有效票數A A=1+2+...+N`.
        r"有效票(數|数).*",
        # The Kiesraad's: `# geldige stemmen`.
        r"geldige stemmen|geldige stembiljetten",
        # Czechia's and Slovakia's valid votes (the CZSO's `PL_HL_CELK`).
        r"(počet )?platn(é|ých|e) hlas(y|ů|ov)|pl hl celk|platn(é|e)",
        # Hungary's NVI: `Érvényes szavazólapok száma` (valid ballots; bare in a scrape).
        r"(é|e)rv(é|e)nyes( szavazatok| szavaz(ó|o)lapok)?( sz(á|a)ma)?",
    ),
}
# Facts that are the sum of two lines: each part's expression (a table with one of them alone is
# read with it alone, and a note says so).
PART_LINES: Final[dict[str, tuple[str, ...]]] = {
    # Georgia's CEC: the voters on the unified list and on the special list (`possible voters`,
    # `special voters` in its English files).
    "registered": (
        r"ერთიან სიაში ამომრჩეველთა რაოდენობა|possible voters",
        r"სპეციალურ სიაში ამომრჩეველთა რაოდენობა|special voters",
    ),
    "ballots_cast": (
        r"число (избирательных )?бюллетеней в переносных ящиках для голосования",
        r"число (избирательных )?бюллетеней в стационарных ящиках для голосования",
    ),
    "invalid": (r"liczba kart nieważnych", r"liczba głosów nieważnych"),
}
# A protocol line that holds no fact pollcli uses: a count of something else (ballots received,
# cancelled, lost; commissions; envelopes), a derived figure (abstentions, majority, turnout).
OTHER_LINES: Final[tuple[str, ...]] = (
    r"(число|количество|кол во|кількість|liczba|w tym|nombre|anzahl|number of|count of) .*",
    r".* саны",
    r"komisj[ae]( obwodowe)? otrzymał[ay]? .*|nie wykorzystano .*",
    r"abstentions?|majority|margin|turnout|participation|wahlbeteiligung|явка %?",
    # Ballot papers sent out that never came back (The Star's Malaysian seats: `unreturned_votes`).
    r"unreturned( votes| ballots| ballot papers)?",
    # Hamburg's ballot papers beside its votes (five a voter: `Gültige Stimmen` are the options'
    # total), and its voters with a postal-vote certificate.
    r"(abgegebene|g(ü|ue)ltige) (stimmzettel|wahlzettel)"
    r"|(wahlberechtigte|w(ä|ae)hler( innen)?) (mit|ohne) wahlschein",
    r".*winner|rank|position",
    # All invalid ballots, blank ones among them (Denmark's tables, beside `blank` and `other
    # invalid`): pollcli's invalid ballots are those that are not blank.
    r"total invalid( votes| ballots)?",
    # Seats, not votes (Público's `mandates_assigned`, `mandates_unassigned`, `mandates_total`).
    r"mandates( assigned| unassigned| total)?|seats (assigned|unassigned|total)",
    # Elections Canada's table of ridings: its polling stations, its population.
    r"polling stations|population",
    # Italy's Eligendo: voters and electors by sex, disputed ballots, sections (polling stations).
    r"(elettori|votanti) (m|f|maschi|femmine)|(schede|sk) contestate( .*)?|sezioni( .*)?",
    # India's ECI: electors and voters by sex (`Male Electors`, `Third Gender Voters`).
    r"(male|female|men|women|third gender|transgender|tg|others?) (electors|voters)",
    # Israel's CEC, by ballot box: `ריכוז` (a box of a concentration point), `שופט` (a judge's).
    r"ריכוז|שופט",
    # Taiwan's CEC: ballots issued but not cast, issued, left unused; the turnout (a percentage).
    r"(已領未投票|已领未投票|發出票|发出票|用餘票|用余票)(數|数).*|投票率.*",
    # Peru's ONPE scraped: `total_votos_impugnados` (challenged votes, decided later).
    r"(total )?votos impugnados",
    # Georgia's CEC: the voters by noon and by 5 pm, the ballots received, the CEC's checks.
    r"აქტივობა \d+ საათი|votes by \d+|num ballots|logic check\d*",
    # South Korea's NEC: abstentions (`기권수`) and the share of the ballots counted (`개표율`).
    r"기권 ?수|개표율",
    # Spain's Ministry of the Interior: population, polling tables, the registered and the voters
    # resident (CER) and abroad (CERA), postal requests from abroad accepted; the votes for the
    # lists (the options' sum: `Votos válidos` holds them and the blank ballots).
    r"poblaci(ó|o)n|n(ú|u)mero de mesas|mesas|censo electoral sin cera|censo cera"
    r"|total votantes cera?|solicitudes voto cera aceptadas|votos a candidaturas",
    # Czechia's and Slovakia's envelopes put in the box, turnout and share of valid votes (in
    # percent), and polling districts (`okrsky`), in all and counted.
    r"|(počet )?odevzdan(é|ých|e)( ob(á|a)l(ky|ek))?|(počet )?odovzdan(é|ých) obál(ky|ok)"
    r"|odevz obal|volební účast( v)?|volebná účasť( v)?|okrsky( .*)?|okrsk(y|ů) .*",
)
# Words of places whose number, by the word of numbering after it, names a row (`ID_WORDS`): the
# places of `columns.GEOGRAPHY` and the race keys, polling stations and their parts (India's `AC`,
# `PS`, `Part`; Indonesia's `TPS`; Spain's `mesa`), a row's serial number (`Sl No`), and Hungary's
# county (`megye`), settlement (`település`, `telep`) and polling district.
_PLACES: Final[str] = (
    r"state|province|region|county|parish|district|department|ward|precinct|town|township|city"
    r"|village|borough|municipality|commune|constituency|seat|division|area|zone|block|unit"
    r"|locality|settlement|community|canton|lga|station|polling station|polling place|booth|part"
    r"|section|box|ballot box|table|mesa|tps|ac|pc|ps|serial|sl|sr"
    r"|megye|telep|telepules|település|szavaz(ó|o)k(ö|o)r|oevk|evk"
)
# (Glued, the longer words only: `partid` is Romanian for a party.)
_GLUED: Final[str] = (
    r"state|province|region|county|district|ward|precinct|town|township|city|village"
    r"|municipality|commune|constituency|seat|station|section|mesa|tps"
    r"|megye|telep|telepules|település|szavaz(ó|o)k(ö|o)r|oevk|evk"
)
_NUMBERING: Final[str] = (
    r"id|no|nr|nro|nbr|num|number|numero|número|code|cd|kod|kód|sz(á|a)m|sz(á|a)ma|sorsz(á|a)m"
)
# Columns that name a row, by their header: codes, numbers, parents, years. Official place codes by
# name: the US Census's FIPS and GEOID, Germany's AGS (Amtlicher Gemeindeschlüssel, Kennziffer),
# Austria's GKZ, France's INSEE, the UK's ONS and GSS codes, Poland's TERYT. A compound (`stcofips`,
# `Gemeindekennziffer`, `Wahlkreisnummer`) is matched by its end, never `id` (David, Sigrid); `ons`
# only alone (Dutch parties: `Ons Dorp`). Districts and sections numbered in the languages whose
# place words are not the header stage's (Mexico's `DISTRITO`, `SECCION`, `CASILLA`; Italy's
# `Sezione`; Brazil's `Seção`): a number there names a row, never a party. Codes and numbers in
# Indonesian and Malay (`kode_wilayah`, `nomor_tps`), Turkish (`il_kodu`), Finnish (`koodi`),
# Lithuanian, Latvian (`kodas`, `kods`), Czech, Slovak, Hungarian (`kód`).
ID_WORDS: Final[str] = (
    r"(.* )?(code|codes|cod|código|codigo|codice|kod|код|id|ids|identifier|identifiant|nr|n°|№"
    r"|kode|kodu|koodi|kodas|kods|kód|nomor|nombor"
    r"|number|numer|номер|teryt|ref|reference|pano|geoid\d*|\w*fips\w*"
    r"|\w*(kennziffer|schlüssel|schlüsselnummer|nummer|code)"
    r"|distrito|distritos|circunscripción|circunscripcion|sección|seccion|casilla|distretto"
    r"|circoscrizione|sezione|seção|secao)( .*)?"
    r"|(ags|gkz|insee|gss)( .*)?|ons|year|election year|jahr|année|rok|год"
    # A row's number alone (`num`, India's `S.No.`, `sno`); `yes_num` is an answer's count.
    r"|num|sno|s no"
    # Israel's CEC: `סמל ישוב` (a locality's code), `סמל ועדה` (a committee's), `קלפי` and `מספר
    # קלפי` (a ballot box's number), `ברזל` (its permanent number).
    r"|(סמל|מספר)( .*)?|קלפי|ברזל"
    # Czech and Slovak `číslo` (a number: `číslo okrsku`, a polling district's). Hungary's
    # polling districts and constituencies, numbered (`szavazókör`, `oevk`: országgyűlési egyéni
    # választókerület, a single-member constituency; bare `evk` may be a party's letters).
    r"|(.* )?(číslo|cislo)( .*)?|szavaz(ó|o)k(ö|o)r|oevk"
    # A place's number by a place word and a word of numbering after it (`district_no`,
    # `station_no`, `AC No`, `precinct_num`, `ward nro`, `szavazókör száma`), or the two glued
    # (`countyid`, `wardno`; Hungary's `megyeid`, a county's, and `telepid`, a settlement's). Never
    # `no` alone or after any other word: `No`, `Prop 1 No`, `Levy No` are a referendum's answers,
    # and Hungarian `száma` after a noun is a count (`választópolgárok száma`, the electors).
    rf"|(.* )?({_PLACES}) ({_NUMBERING})|({_GLUED})({_NUMBERING})"
)
# A column naming a row's parent: the rows other rows belong to are their totals.
PARENT_WORDS: Final[str] = (
    r"gehört zu|parent|parent id|belongs to|part of|übergeordnet|входит в|należy do|appartient à"
)


# Spanish `Nombre de …` (the name of a place, a list), not French `Nombre de …` (a number of).
# Mexico's INE: `NOMBRE_ESTADO` (a state's name; `NOMBRE_MUNICIPIO`, `NOMBRE_DISTRITO`); Peru's
# and Colombia's `Nombre Departamento`; Ecuador's and Venezuela's `Nombre Parroquia`.
@functools.cache
def _spanish_name() -> re.Pattern[str]:
    """Compiled on first use, as `share_words`: most headers are named before they are asked."""
    return re.compile(
        r"nombre (de la |del |de )?(comunidad|provincia|municipio|isla|circunscripci(ó|o)n|distrito"
        r"|secci(ó|o)n|mesa|partido|candidatura|candidato|agrupaci(ó|o)n|localidad|regi(ó|o)n"
        r"|estado|entidad|entidad federativa|departamento|parroquia)( .*)?"
    )


# A named tuple, not a frozen dataclass: defined on every run, and some ten times cheaper to define.
class _Patterns(NamedTuple):
    facts: dict[str, re.Pattern[str]]
    parts: dict[str, tuple[re.Pattern[str], ...]]
    other: re.Pattern[str]
    ids: re.Pattern[str]
    parent: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    """The expressions, compiled on first use: the everyday long table never needs them (and
    compiling them costs milliseconds of start-up)."""
    return _Patterns(
        facts={f: re.compile("|".join(f"(?:{p})" for p in ps)) for f, ps in FACT_LINES.items()},
        parts={f: tuple(re.compile(p) for p in ps) for f, ps in PART_LINES.items()},
        other=re.compile("|".join(f"(?:{p})" for p in OTHER_LINES)),
        ids=re.compile(ID_WORDS),
        parent=re.compile(PARENT_WORDS),
    )


def key(header: str) -> str:
    """A header as protocol words are compared: `Число избирателей, включенных в список…` →
    `число избирателей включенных в список…`; `% Voix/Exp` → `voix exp`."""
    text = unicodedata.normalize("NFKC", header).casefold().replace("ё", "е")
    return " ".join(re.sub(r"[^\w\s°№]+|_", " ", text).split())


@lru_cache(maxsize=4096)
def line(header: str) -> tuple[str, int] | None:
    """What a protocol line holds: (fact, part) — part 0 for a whole fact, 1 or 2 for a part of
    one (`PART_LINES`) — or ("", 0) for a protocol line with no fact; None when the header is no
    protocol line."""
    text = key(header)
    if not text:
        return None
    if "/" in header and " / " not in header:
        # A bilingual header (Elections Canada's `Electors/Électeurs`): either half. Not a name
        # under its group (`Voter Turnout / Male`: `preamble.under_groups`), which the group reads.
        for half in header.split("/"):
            if (found := line(half)) is not None:
                return found
    if _spanish_name().fullmatch(text):
        return None  # Spain's `Nombre de Provincia`: a name (French `nombre` is a number)
    patterns = _patterns()
    # A fact's line in percent (`% platných hlasů`, the share of valid votes) holds no count.
    share = "%" in header
    for fact, parts in patterns.parts.items():
        for number, pattern in enumerate(parts, start=1):
            if pattern.fullmatch(text):
                return ("", 0) if share else (fact, number)
    for fact, pattern in patterns.facts.items():
        if pattern.fullmatch(text):
            return ("", 0) if share else (fact, 0)
    if patterns.other.fullmatch(text):
        return "", 0
    # A count a long table's rows name as a fact (`kind_words.FACT_NAMES`: `Total Registration`,
    # `Votos emitidos`, `Potencial electoral`) is the same count as a wide table's column.
    found = _fact_names().get(text)
    return ("", 0) if found and share else found


@cache
def _fact_names() -> dict[str, tuple[str, int]]:
    """The facts' names in a long table's rows, by `key`."""
    return {key(name): (fact, 0) for fact, names in FACT_NAMES.items() for name in names}


def last_line(lines: dict[int, tuple[str, int] | None], at: list[int], gap: int) -> int:
    """The last of a table's protocol lines (at the indexes `at`, in order): they are together, a
    column between two of them one too (ballots the commission received, in words pollcli does not
    know) when at most `gap` columns apart, but not one far after them; and the columns right after
    the valid votes are the options, whatever line follows them (Poland's `Liczba obwodów`, the
    count of polling stations, after the candidates). -1 when there are none."""
    last = -1
    for i in at:
        valid = last >= 0 and (lines[last] or ("",))[0] == "total_votes"
        if last < 0 or i - last == 1 or (i - last <= gap and not valid):
            last = i
    return last


# A column of percentages by its header's first word (Italy's `perc_vot`, `perc_si`): no count.
# Elections Canada's `Percentage of Valid Ballots /Pourcentage des bulletins valides` too; or by
# its last, beside each option's votes (the AEC's `Australian Labor Party Percentage`); and the
# AEC's `Swing`, a change in points.
@functools.cache
def share_words() -> re.Pattern[str]:
    """Compiled on first use."""
    return re.compile(
        r"(perc|pct|percent|percentuale|percentage|pourcentage|porcentaje)( .*)?"
        r"|.* (pct|percent|percentage|pourcentage|porcentaje)|swing"
        # Two words in the AEC's tables (`yes_per_cent`, `informal_per_cent`).
        r"|(.* )?per cent"
        # A Dutch compound ending in it: the Kiesraad's `Opkomstpercentage` (the turnout, in percent).
        r"|\w+percentage"
    )


def says_share(header: str) -> bool:
    """Whether a wide table's column holds percentages, by its header (`perc_si`)."""
    return share_words().fullmatch(key(header)) is not None


def names_a_row(header: str) -> bool:
    """A column that names or numbers a row rather than counting votes: a code, a number, a year."""
    return _patterns().ids.fullmatch(key(header)) is not None


def answers(header: Sequence[str]) -> set[int]:
    """The columns (by index) of a referendum's No beside its Yes, the same words before them
    (`Water District No` beside `Water District Yes`): answers, never a place's number, whatever
    `names_a_row` says of a place word before `no` (a measure's table lost its No column so, and
    its Yes 'won outright' with 100 %)."""
    keys = [key(h) for h in header]
    yes = {k.removesuffix(" yes") for k in keys if k.endswith(" yes")}
    return {i for i, k in enumerate(keys) if k.endswith(" no") and k.removesuffix(" no") in yes}


def names_a_parent(header: str) -> bool:
    """A column naming the row a row belongs to (`gehört zu`)."""
    return _patterns().parent.fullmatch(key(header)) is not None


def breakdowns(labels: dict[int, str], lines: dict[int, tuple[str, int] | None]) -> list[int]:
    """The columns (of `labels`, by index) that break a protocol line down, named by it and more
    words: Baden-Württemberg's `Wahlberechtigte ohne Wahlschein` and `Wähler(innen) mit Wahlschein`
    beside `Wahlberechtigte` and `Wähler(innen)`. Protocol lines that hold no fact pollcli uses.
    Not of the valid votes, whose words (`Votes`) may start an option's name."""
    facts = {
        key(labels[i]) + " "
        for i, found in lines.items()
        if found and found[0] in ("registered", "ballots_cast", "invalid", "blank")
    }
    if not facts:
        return []
    return [
        i
        for i, label in labels.items()
        if lines.get(i) is None and any(key(label).startswith(fact) for fact in facts)
    ]
