"""Deterministic synthetic results files for the benchmarks, one generator per shape.

The original shape, `plain`: columns `region,precinct,candidate,party,votes`, 20 regions, 7 options per
precinct (six candidates and "Against all"), votes drawn from a seeded generator whose weights differ by
region, so that regions have different leaders and margins. The other shapes are the files that take a
slow path or cost memory (README "Performance", issues 10, 12 and 13): most of them hold the very rows of
`plain` with one thing changed, so `plain` of the same size is their reference.

Equal arguments give byte-equal files. Rows are produced and written in slices, so memory stays small
for any size. Every name is invented: the Kazakh-sounding names of `plain` (kept for the published
figures), made-up Cyrillic ones (Вымыслова, "Fictionova"), and syllable names such as "Ada Barcorfel".

    python bench/generate.py 10M bench/out/precincts_10M.csv
    python bench/generate.py --shape share 1M bench/out/share_1M.csv
    python bench/generate.py --list

`bench/run.py` calls `ensure(shape, size)`, which writes `bench/out/SHAPE_SIZE_sSEED.csv` once and
reuses it while its sidecar `.meta` file (shape, size, seed, version, bytes) still matches.
"""

from __future__ import annotations

import argparse
import codecs
import io
import json
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

OUT = Path(__file__).resolve().parent / "out"
SEED = 2022
REGIONS = 20
CANDIDATES: tuple[tuple[str, str], ...] = (
    ("Aigerim Nurlanova", "Amanat"),
    ("Bolat Seitkali", "Auyl"),
    ("Dana Zhaksylyk", "Respublica"),
    ("Erlan Omarov", "Ak Zhol"),
    ("Gulnara Sadykova", "People's Party"),
    ("Marat Zhumabek", "National Social Democratic Party"),
    ("Against all", ""),
)
# Each option's national weight; regions swing it (region_weights).
BASE_WEIGHTS: tuple[float, ...] = (4.0, 1.2, 1.1, 0.9, 0.8, 0.6, 0.7)
# The same seven options, in made-up Russian (encodable in cp1251).
CYRILLIC: tuple[tuple[str, str], ...] = (
    ("Анна Вымыслова", "Партия Примера"),
    ("Борис Условный", "Союз Образцов"),
    ("Вера Макетова", "Движение Черновик"),
    ("Глеб Образцов", "Партия Пробы"),
    ("Дина Тестова", "Народный Эскиз"),
    ("Егор Примеров", "Лига Набросков"),
    ("Против всех", ""),
)
# Ten options for the wide layout (one column each) and its long twin.
WIDE_WEIGHTS: tuple[float, ...] = (3.0, 2.5, 1.5, 1.2, 1.0, 0.8, 0.6, 0.5, 0.4, 0.3)
# Rows are written in slices of this many precincts so memory stays small for any size.
PRECINCTS_PER_SLICE = 200_000
SUFFIXES = {"k": 1_000, "m": 1_000_000, "g": 1_000_000_000}

# Invented names: a given name and a surname of three syllables; NAME_POOL distinct ones.
FIRST_NAMES = (
    "Ada", "Bram", "Cleo", "Dov", "Esme", "Fen", "Greta", "Hal", "Ilse", "Joss", "Kit", "Lior",
    "Mira", "Nils", "Oona", "Pim", "Quin", "Rhea", "Sol", "Tove", "Uma", "Vik", "Wren", "Yara", "Zeb",
)  # fmt: skip
SYLLABLES = (
    "bar", "cor", "dan", "fel", "gor", "hav", "jin", "kel", "lom", "mir",
    "nov", "pel", "quar", "ros", "sel", "tav", "ul", "ven", "wix", "zor",
)  # fmt: skip
NAME_POOL = len(FIRST_NAMES) * len(SYLLABLES) ** 3  # 200,000
# Coprime with NAME_POOL: k * NAME_STRIDE walks the pool without repeating.
NAME_STRIDE = 7919
PARTIES = (
    "Harbor Party", "Meadow Party", "Lantern Party", "Compass Party", "Orchard League",
    "Tidewater Union", "Granite Alliance", "Sparrow Movement", "Beacon Front", "Willow Bloc",
    "Kestrel Party", "Juniper Union",
)  # fmt: skip


def parse_size(text: str) -> int:
    """`1M` → 1,000,000; `27k` → 27,000; `200M` (bytes for the byte-sized shapes)."""
    suffix = text[-1].lower()
    if suffix in SUFFIXES:
        return int(float(text[:-1]) * SUFFIXES[suffix])
    return int(text)


parse_rows = parse_size  # the name the first version of this script had


def size_label(size: int) -> str:
    """The inverse of parse_size where exact: 1,000,000 → `1M`, 27,000 → `27k`, 542 → `542`."""
    for suffix, factor in (("G", 10**9), ("M", 10**6), ("k", 10**3)):
        if size >= factor and size % factor == 0:
            return f"{size // factor}{suffix}"
    return str(size)


def surname(index: int) -> str:
    digits = []
    for _ in range(3):
        index, digit = divmod(index, len(SYLLABLES))
        digits.append(SYLLABLES[digit])
    return "".join(digits).capitalize()


def fictional_name(index: int) -> str:
    """One of NAME_POOL distinct invented names; neighbouring indexes differ in the given name."""
    index %= NAME_POOL
    first, rest = index % len(FIRST_NAMES), index // len(FIRST_NAMES)
    return f"{FIRST_NAMES[first]} {surname(rest)}"


def region_weights(rng: np.random.Generator, base: tuple[float, ...] = BASE_WEIGHTS) -> np.ndarray:
    """Each region's preference for each option: the same national order, regional swings."""
    swing = rng.uniform(0.4, 1.8, size=(REGIONS, len(base)))
    return np.array(base) * swing


@dataclass(frozen=True)
class Slice:
    """Consecutive precincts: their numbers, region indexes and votes (precinct × option)."""

    ids: np.ndarray
    region: np.ndarray
    votes: np.ndarray


def precinct_slices(
    precincts: int, seed: int, base: tuple[float, ...] = BASE_WEIGHTS
) -> Iterator[Slice]:
    """The precincts of `plain` (with `base` of seven options) or of another option set, slice by
    slice; the random draws are the same whoever writes them, so derived shapes share the votes."""
    rng = np.random.default_rng(seed)
    weights = region_weights(rng, base)
    options = len(base)
    for start in range(0, precincts, PRECINCTS_PER_SLICE):
        count = min(PRECINCTS_PER_SLICE, precincts - start)
        ids = np.arange(start, start + count)
        # Precincts are grouped by region, as commissions publish them.
        region = (ids * REGIONS) // precincts
        size = rng.integers(200, 3000, size=count)
        share = weights[region] * rng.uniform(0.7, 1.3, size=(count, options))
        share /= share.sum(axis=1, keepdims=True)
        votes = np.floor(share * size[:, None]).astype(np.int64)
        yield Slice(ids, region, votes)


# The Python writers format this many precincts at a time, so their text stays small too.
PRECINCTS_PER_CHUNK = 10_000


def precinct_chunks(
    precincts: int, seed: int, base: tuple[float, ...] = BASE_WEIGHTS
) -> Iterator[Slice]:
    """`precinct_slices` cut into pieces of PRECINCTS_PER_CHUNK (the draws stay per slice)."""
    for piece in precinct_slices(precincts, seed, base):
        for start in range(0, len(piece.ids), PRECINCTS_PER_CHUNK):
            cut = slice(start, start + PRECINCTS_PER_CHUNK)
            yield Slice(piece.ids[cut], piece.region[cut], piece.votes[cut])


def _plain_bytes(piece: Slice, names: pa.Array, parties: pa.Array) -> bytes:
    """The rows of `plain` for one slice, as pyarrow writes them (no name needs quoting)."""
    options = len(names)
    region_names = pa.array([f"Region {r + 1:02d}" for r in range(REGIONS)])
    option_index = np.tile(np.arange(options), len(piece.ids))
    precinct = pa.array(np.repeat(piece.ids, options)).cast(pa.string())
    table = pa.table(
        {
            "region": region_names.take(pa.array(np.repeat(piece.region, options))),
            "precinct": pc.binary_join_element_wise("P", precinct, ""),
            "candidate": names.take(pa.array(option_index)),
            "party": parties.take(pa.array(option_index)),
            "votes": pa.array(piece.votes.reshape(-1)),
        }
    )
    buffer = io.BytesIO()
    options_ = pacsv.WriteOptions(include_header=False, quoting_style="none")
    pacsv.write_csv(table, buffer, options_)
    return buffer.getvalue()


def _precincts(rows: int, options: int = len(CANDIDATES)) -> int:
    return max(1, rows // options)


def write(rows: int, path: Path, seed: int = SEED) -> int:
    """`plain`: about `rows` rows (whole precincts); returns the number written."""
    names = pa.array([c for c, _ in CANDIDATES])
    parties = pa.array([p for _, p in CANDIDATES])
    precincts = _precincts(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        out.write(b"region,precinct,candidate,party,votes\n")
        for piece in precinct_chunks(precincts, seed):
            out.write(_plain_bytes(piece, names, parties))
    return precincts * len(CANDIDATES)


def write_totals(rows: int, path: Path, seed: int = SEED) -> int:
    """(g) the rows of `plain`, then each region's total per option on a row with a blank precinct
    (Georgia's county rows), which must be set aside, not added: the same figures as `plain`."""
    names = pa.array([c for c, _ in CANDIDATES])
    parties = pa.array([p for _, p in CANDIDATES])
    precincts = _precincts(rows)
    sums = np.zeros((REGIONS, len(CANDIDATES)), dtype=np.int64)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        out.write(b"region,precinct,candidate,party,votes\n")
        for piece in precinct_chunks(precincts, seed):
            out.write(_plain_bytes(piece, names, parties))
            np.add.at(sums, piece.region, piece.votes)
        lines = [
            f"{_region_name(r)},,{name},{party},{sums[r, k]}\n"
            for r in range(REGIONS)
            for k, (name, party) in enumerate(CANDIDATES)
            if sums[r].any()
        ]
        out.write("".join(lines).encode())
    return precincts * len(CANDIDATES) + len(lines)


def write_parquet(rows: int, path: Path, seed: int = SEED) -> int:
    """(i) the rows of `plain` as a Parquet file (string and int64 columns, a row group a slice)."""
    import pyarrow.parquet as pq

    names = pa.array([c for c, _ in CANDIDATES])
    parties = pa.array([p for _, p in CANDIDATES])
    region_names = pa.array([_region_name(r) for r in range(REGIONS)])
    options = len(CANDIDATES)
    written = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = None
    for piece in precinct_slices(_precincts(rows), seed):
        option_index = pa.array(np.tile(np.arange(options), len(piece.ids)))
        precinct = pa.array(np.repeat(piece.ids, options)).cast(pa.string())
        table = pa.table(
            {
                "region": region_names.take(pa.array(np.repeat(piece.region, options))),
                "precinct": pc.binary_join_element_wise("P", precinct, ""),
                "candidate": names.take(option_index),
                "party": parties.take(option_index),
                "votes": pa.array(piece.votes.reshape(-1)),
            }
        )
        if writer is None:
            writer = pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
        written += table.num_rows
    if writer is not None:
        writer.close()
    return written


def _plain_lines(
    rows: int, seed: int, header: str, line: Callable[[str, int, int, str, str, int], str]
) -> Iterator[str]:
    """The header, then the text of `plain`'s rows a chunk at a time, each row written by
    `line(region, precinct, option index, name, party, votes)`."""
    yield header
    for piece in precinct_chunks(_precincts(rows), seed):
        yield "".join(
            line(_region_name(r), p, k, name, party, v)
            for p, r, votes in zip(
                piece.ids.tolist(), piece.region.tolist(), piece.votes.tolist(), strict=True
            )
            for k, ((name, party), v) in enumerate(zip(CANDIDATES, votes, strict=True))
        )


def _write_lines(path: Path, chunks: Iterator[str]) -> int:
    written = -1  # the header
    with _text(path) as out:
        for chunk in chunks:
            out.write(chunk)
            written += chunk.count("\n")
    return written


def write_names(rows: int, path: Path, seed: int = SEED) -> int:
    """(i) `plain` with each name in two columns, `forename,surname` ("Against all": "Against",
    "all"), joined by pollcli: the same options and votes."""
    header = "region,precinct,forename,surname,party,votes\n"

    def line(region: str, p: int, _k: int, name: str, party: str, v: int) -> str:
        forename, surname_ = name.split(" ", 1)
        return f"{region},P{p},{forename},{surname_},{party},{v}\n"

    return _write_lines(path, _plain_lines(rows, seed, header, line))


def write_total_votes(rows: int, path: Path, seed: int = SEED) -> int:
    """(i) `plain` plus a `total_votes` column: the precinct's votes on each of its rows (MEDSL's
    `totalvotes`, per precinct)."""
    with _text(path) as out:
        out.write("region,precinct,candidate,party,votes,total_votes\n")
        written = 0
        for piece in precinct_chunks(_precincts(rows), seed):
            lines = []
            for p, r, votes in zip(
                piece.ids.tolist(), piece.region.tolist(), piece.votes.tolist(), strict=True
            ):
                region, total = _region_name(r), sum(votes)
                for (name, party), v in zip(CANDIDATES, votes, strict=True):
                    lines.append(f"{region},P{p},{name},{party},{v},{total}\n")
            out.write("".join(lines))
            written += len(lines)
    return written


def write_modes(rows: int, path: Path, seed: int = SEED) -> int:
    """(i) a `mode` column: each option's `Election Day` and `Absentee` rows and their `Total`
    (OpenElections' vote modes), so three rows an option of a precinct of `plain`: rows/3 of its
    rows, whose votes are the Totals."""
    header = "region,precinct,candidate,party,mode,votes\n"

    def line(region: str, p: int, k: int, name: str, party: str, v: int) -> str:
        early = (v * (3 + (p + k) % 5)) // 10
        place = f"{region},P{p},{name},{party}"
        return f"{place},Election Day,{v - early}\n{place},Absentee,{early}\n{place},Total,{v}\n"

    return _write_lines(path, _plain_lines(max(1, rows // 3), seed, header, line))


def write_repeated(rows: int, path: Path, seed: int = SEED) -> int:
    """(i) `plain` with its last row written twice: an option listed twice in one precinct, an
    error the exact engine names with both lines."""
    written = write(rows, path, seed)
    with path.open("rb+") as out:
        out.seek(max(0, path.stat().st_size - 200))
        last = out.read().rsplit(b"\n", 2)[-2] + b"\n"
        out.write(last)
    return written + 1


def write_grand_total(rows: int, path: Path, seed: int = SEED) -> int:
    """(i) `plain` and, at its end, a grand total row per option: region `TOTAL`, precinct blank
    (a results export's last lines); set aside, so the figures of `plain`."""
    sums = np.zeros(len(CANDIDATES), dtype=np.int64)
    for piece in precinct_chunks(_precincts(rows), seed):
        sums += piece.votes.sum(axis=0)
    written = write(rows, path, seed)
    with path.open("a", encoding="utf-8", newline="") as out:
        for (name, party), total in zip(CANDIDATES, sums.tolist(), strict=True):
            out.write(f"TOTAL,,{name},{party},{total}\n")
    return written + len(CANDIDATES)


def write_facts_totals(rows: int, path: Path, seed: int = SEED) -> int:
    """(i) `facts` and a county row per region and option with a blank precinct (Georgia's county
    rows beside per-precinct registered voters): set aside, so the figures of `plain`."""
    written = write_facts(rows, path, seed)
    sums = np.zeros((REGIONS, len(CANDIDATES)), dtype=np.int64)
    for piece in precinct_chunks(_precincts(rows), seed):
        np.add.at(sums, piece.region, piece.votes)
    with path.open("a", encoding="utf-8", newline="") as out:
        for r in range(REGIONS):
            for (name, party), total in zip(CANDIDATES, sums[r].tolist(), strict=True):
                if sums[r].any():
                    out.write(f"{_region_name(r)},,{name},{party},{total},,,2022-11-20\n")
                    written += 1
    return written


def _text(path: Path, encoding: str = "utf-8") -> TextIO:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("w", encoding=encoding, newline="")


def _region_name(region: int) -> str:
    return f"Region {region + 1:02d}"


def _hundredths(votes: np.ndarray) -> np.ndarray:
    """Each option's share of its precinct in hundredths of a percent, rounded half up."""
    total = np.maximum(votes.sum(axis=1, keepdims=True), 1)
    return (votes * 20_000 + total) // (2 * total)


def write_share(rows: int, path: Path, seed: int = SEED) -> int:
    """(a) `plain` plus a `share` column: each option's percent of its precinct, two decimals."""
    written = 0
    with _text(path) as out:
        out.write("region,precinct,candidate,party,votes,share\n")
        for piece in precinct_chunks(_precincts(rows), seed):
            lines = []
            shares = _hundredths(piece.votes).tolist()
            for p, r, votes, share in zip(
                piece.ids.tolist(), piece.region.tolist(), piece.votes.tolist(), shares, strict=True
            ):
                region = _region_name(r)
                for (name, party), v, s in zip(CANDIDATES, votes, share, strict=True):
                    lines.append(f"{region},P{p},{name},{party},{v},{s // 100}.{s % 100:02d}\n")
            out.write("".join(lines))
            written += len(lines)
    return written


def write_utf16(rows: int, path: Path, seed: int = SEED) -> int:
    """(b) the bytes of `plain`, as UTF-16 (little-endian) with a byte-order mark."""
    names = pa.array([c for c, _ in CANDIDATES])
    parties = pa.array([p for _, p in CANDIDATES])
    precincts = _precincts(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        out.write(codecs.BOM_UTF16_LE)
        out.write("region,precinct,candidate,party,votes\n".encode("utf-16-le"))
        for piece in precinct_chunks(precincts, seed):
            out.write(_plain_bytes(piece, names, parties).decode().encode("utf-16-le"))
    return precincts * len(CANDIDATES)


def write_facts(rows: int, path: Path, seed: int = SEED) -> int:
    """(c) `plain` plus election facts on every row: `registered` and `ballots_cast` per precinct
    (so they vary within and across regions) and a constant `date`."""
    extra = np.random.default_rng([seed, 3])  # apart from the votes' generator: same votes
    written = 0
    with _text(path) as out:
        out.write("region,precinct,candidate,party,votes,registered,ballots_cast,date\n")
        for piece in precinct_chunks(_precincts(rows), seed):
            count = len(piece.ids)
            cast = piece.votes.sum(axis=1) + extra.integers(0, 25, size=count)
            registered = (cast * extra.uniform(1.15, 2.2, size=count)).astype(np.int64)
            lines = []
            for p, r, votes, b, g in zip(
                piece.ids.tolist(),
                piece.region.tolist(),
                piece.votes.tolist(),
                cast.tolist(),
                registered.tolist(),
                strict=True,
            ):
                region = _region_name(r)
                for (name, party), v in zip(CANDIDATES, votes, strict=True):
                    lines.append(f"{region},P{p},{name},{party},{v},{g},{b},2022-11-20\n")
            out.write("".join(lines))
            written += len(lines)
    return written


ELECTION_OPTIONS = 100


def write_elections(rows: int, path: Path, seed: int = SEED) -> int:
    """(d) many elections and no region column: `election,candidate,party,votes`, 100 candidates
    in each of rows/100 elections (like every municipal council of a country in one file)."""
    rng = np.random.default_rng([seed, 4])
    elections = max(1, rows // ELECTION_OPTIONS)
    step = np.arange(ELECTION_OPTIONS) * NAME_STRIDE
    written = 0
    with _text(path) as out:
        out.write("election,candidate,party,votes\n")
        for start in range(0, elections, 2_000):
            count = min(2_000, elections - start)
            first = rng.integers(0, NAME_POOL, size=count)
            party = rng.integers(0, len(PARTIES), size=(count, ELECTION_OPTIONS))
            size = rng.integers(2_000, 40_000, size=count)
            weight = rng.gamma(0.8, size=(count, ELECTION_OPTIONS))
            votes = np.floor(weight / weight.sum(axis=1, keepdims=True) * size[:, None])
            lines = []
            for e, f, parties, counts in zip(
                range(start, start + count),
                first.tolist(),
                party.tolist(),
                votes.astype(np.int64).tolist(),
                strict=True,
            ):
                label = f"Example Municipality {e + 1:05d}"
                for k, pi, v in zip((f + step).tolist(), parties, counts, strict=True):
                    lines.append(f"{label},{fictional_name(k)},{PARTIES[pi]},{v}\n")
            out.write("".join(lines))
            written += len(lines)
    return written


def write_party_lists(rows: int, path: Path, seed: int = SEED) -> int:
    """(d2) many elections listing the same party lists: `election,candidate,party,votes`, the
    same 100 lists (named by their party) in each of rows/100 elections (every municipality's
    council elected by list, the parties standing everywhere)."""
    rng = np.random.default_rng([seed, 14])
    elections = max(1, rows // ELECTION_OPTIONS)
    lists = [f"List {k + 1} {PARTIES[k % len(PARTIES)]}" for k in range(ELECTION_OPTIONS)]
    written = 0
    with _text(path) as out:
        out.write("election,candidate,party,votes\n")
        for start in range(0, elections, 2_000):
            count = min(2_000, elections - start)
            size = rng.integers(2_000, 40_000, size=count)
            weight = rng.gamma(0.8, size=(count, ELECTION_OPTIONS))
            votes = np.floor(weight / weight.sum(axis=1, keepdims=True) * size[:, None])
            lines = []
            for e, counts in zip(
                range(start, start + count), votes.astype(np.int64).tolist(), strict=True
            ):
                label = f"Example Municipality {e + 1:05d}"
                for k, v in enumerate(counts):
                    lines.append(f"{label},{lists[k]},{PARTIES[k % len(PARTIES)]},{v}\n")
            out.write("".join(lines))
            written += len(lines)
    return written


def write_cyrillic(rows: int, path: Path, seed: int = SEED) -> int:
    """(e) the votes of `plain` as a Russian commission would publish them: cp1251, semicolons,
    Cyrillic headers and names, and a share column with a decimal comma."""
    written = 0
    with _text(path, "cp1251") as out:
        out.write("Регион;Участок;Кандидат;Партия;Голоса;Доля\n")
        for piece in precinct_chunks(_precincts(rows), seed):
            lines = []
            shares = _hundredths(piece.votes).tolist()
            for p, r, votes, share in zip(
                piece.ids.tolist(), piece.region.tolist(), piece.votes.tolist(), shares, strict=True
            ):
                region = f"Вымышленная область {r + 1:02d}"
                for (name, party), v, s in zip(CYRILLIC, votes, share, strict=True):
                    lines.append(f"{region};УИК {p};{name};{party};{v};{s // 100},{s % 100:02d}\n")
            out.write("".join(lines))
            written += len(lines)
    return written


WIDE_NAMES = tuple(fictional_name(k * NAME_STRIDE) for k in range(len(WIDE_WEIGHTS)))


def write_wide(rows: int, path: Path, seed: int = SEED) -> int:
    """(f) one row per precinct and one column per candidate (10): `region,precinct,NAME…`; `rows`
    counts the file's rows, each holding ten figures. Only a generator until the layout is read."""
    written = 0
    with _text(path) as out:
        out.write(",".join(("region", "precinct", *WIDE_NAMES)) + "\n")
        for piece in precinct_chunks(max(1, rows), seed, WIDE_WEIGHTS):
            lines = [
                f"{_region_name(r)},P{p},{','.join(map(str, votes))}\n"
                for p, r, votes in zip(
                    piece.ids.tolist(), piece.region.tolist(), piece.votes.tolist(), strict=True
                )
            ]
            out.write("".join(lines))
            written += len(lines)
    return written


# A Russian-style protocol: twelve lines (the headers of the Central Election Commission's tables)
# and nine invented candidates, surname first.
PROTOCOL_LINES: tuple[str, ...] = (
    "Число избирателей, включенных в список избирателей",
    "Число избирательных бюллетеней, полученных участковой избирательной комиссией",
    "Число избирательных бюллетеней, выданных избирателям, проголосовавшим досрочно",
    "Число избирательных бюллетеней, выданных в помещении для голосования в день голосования",
    "Число избирательных бюллетеней, выданных вне помещения для голосования в день голосования",
    "Число погашенных избирательных бюллетеней",
    "Число избирательных бюллетеней в переносных ящиках для голосования",
    "Число бюллетеней в стационарных ящиках для голосования",
    "Число недействительных избирательных бюллетеней",
    "Число действительных избирательных бюллетеней",
    "Число утраченных избирательных бюллетеней",
    "Число избирательных бюллетеней, не учтенных при получении",
)
PROTOCOL_CANDIDATES: tuple[str, ...] = (
    "Вымыслов Антон Петрович", "Условная Вера Ивановна", "Макетов Глеб Олегович",
    "Образцова Дина Сергеевна", "Черновиков Егор Ильич", "Пробная Жанна Львовна",
    "Эскизов Захар Маркович", "Набросков Илья Андреевич", "Тестова Кира Павловна",
)  # fmt: skip
PROTOCOL_WEIGHTS: tuple[float, ...] = (5.0, 1.2, 1.0, 0.8, 0.7, 0.5, 0.4, 0.3, 0.2)
TIKS_PER_REGION = 40
PROTOCOL_VARIANTS = ("Первичный протокол", "Повторный подсчёт")


def _quoted(cell: str) -> str:
    return f'"{cell}"' if "," in cell else cell


def write_protocol(rows: int, path: Path, seed: int = SEED, variants: bool = False) -> int:
    """(j) a wide protocol table as former-USSR commissions publish it: one row per polling station
    (`Регион,ТИК,УИК`), twelve protocol lines under long Cyrillic headers (on the list, received,
    issued early / on the day / outside, cancelled, in mobile / stationary boxes, invalid, valid, lost,
    unaccounted) and nine candidate columns; the lines agree (boxes = cast, valid + invalid = cast,
    the candidates add up to the valid ballots)."""
    written = 0
    precincts = max(1, rows)
    labels = (*PROTOCOL_LINES, *PROTOCOL_CANDIDATES)
    with _text(path) as out:
        if variants:
            # Each label over two columns, a second row over both, a third naming the variant.
            gap = [""] * 3
            out.write(
                ",".join(["Регион", "ТИК", "УИК", *(c for x in labels for c in (_quoted(x), ""))])
                + "\n"
            )
            out.write(",".join(gap + ["Итоги голосования", ""] * len(labels)) + "\n")
            out.write(",".join(gap + list(PROTOCOL_VARIANTS) * len(labels)) + "\n")
        else:
            out.write(",".join(map(_quoted, ("Регион", "ТИК", "УИК", *labels))) + "\n")
        rng = np.random.default_rng(seed + 1)
        for piece in precinct_chunks(precincts, seed, PROTOCOL_WEIGHTS):
            count = len(piece.ids)
            valid = piece.votes.sum(axis=1)
            invalid = rng.integers(0, 30, size=count)
            cast = valid + invalid
            mobile = (cast * rng.uniform(0.0, 0.12, size=count)).astype(np.int64)
            early = rng.integers(0, 5, size=count)
            outside = np.minimum(mobile, rng.integers(0, 40, size=count))
            on_day = cast - early - outside
            registered = (cast / rng.uniform(0.45, 0.9, size=count)).astype(np.int64)
            received = np.maximum(registered * 9 // 10, cast)
            cancelled = received - cast
            lines = np.column_stack(
                (registered, received, early, on_day, outside, cancelled, mobile,
                 cast - mobile, invalid, valid, np.zeros(count, np.int64),
                 np.zeros(count, np.int64), piece.votes)
            )  # fmt: skip
            if variants:
                lines = np.repeat(lines, 2, axis=1)
            tik = piece.ids * (REGIONS * TIKS_PER_REGION) // precincts
            text = [
                f"Вымышленная область {r + 1:02d},ТИК №{t + 1},УИК №{p + 1},"
                f"{','.join(map(str, figures))}\n"
                for p, r, t, figures in zip(
                    piece.ids.tolist(),
                    piece.region.tolist(),
                    tik.tolist(),
                    lines.tolist(),
                    strict=True,
                )
            ]
            out.write("".join(text))
            written += count
    return written


def write_protocol3(rows: int, path: Path, seed: int = SEED) -> int:
    """(j) `protocol` with a header over three rows: each label over two columns, `Итоги голосования`
    under it, then `Первичный протокол` and `Повторный подсчёт` (two variants, two elections, the
    same figures in both)."""
    return write_protocol(rows, path, seed, variants=True)


def write_long10(rows: int, path: Path, seed: int = SEED) -> int:
    """The long twin of `wide`: its figures as `region,precinct,candidate,votes` (rows = its rows × 10)."""
    written = 0
    with _text(path) as out:
        out.write("region,precinct,candidate,votes\n")
        for piece in precinct_chunks(_precincts(rows, len(WIDE_WEIGHTS)), seed, WIDE_WEIGHTS):
            lines = []
            for p, r, votes in zip(
                piece.ids.tolist(), piece.region.tolist(), piece.votes.tolist(), strict=True
            ):
                region = _region_name(r)
                for name, v in zip(WIDE_NAMES, votes, strict=True):
                    lines.append(f"{region},P{p},{name},{v}\n")
            out.write("".join(lines))
            written += len(lines)
    return written


def _without_region(precincts: int, path: Path, seed: int, unit: str) -> int:
    """The rows of `plain` for `precincts` precincts without the region column, the precinct
    column headed `unit`: every precinct becomes a region of its own."""
    written = 0
    with _text(path) as out:
        out.write(f"{unit},candidate,party,votes\n")
        for piece in precinct_chunks(precincts, seed):
            lines = []
            for p, votes in zip(piece.ids.tolist(), piece.votes.tolist(), strict=True):
                for (name, party), v in zip(CANDIDATES, votes, strict=True):
                    lines.append(f"P{p},{name},{party},{v}\n")
            out.write("".join(lines))
            written += len(lines)
    return written


def write_units_precinct(precincts: int, path: Path, seed: int = SEED) -> int:
    """(h, issue 13 item 16) `precinct,candidate,party,votes`: `precincts` precincts, the precinct
    the only unit column. The same rows as `plain` of precincts × 7 rows, without its region column."""
    return _without_region(precincts, path, seed, "precinct")


def write_units_region(regions: int, path: Path, seed: int = SEED) -> int:
    """(h, issue 13 item 16) `region,candidate,party,votes` with `regions` regions, for `--by region`;
    the rows of `plain` of regions × 7 rows, each precinct named as a region."""
    return _without_region(regions, path, seed, "region")


def write_distinct_options(rows: int, path: Path, seed: int = SEED) -> int:
    """(h, issue 13 item 18) `plain` with every row's candidate a name of its own (`Candidate
    0000001`…): as many options as rows."""
    written = 0
    with _text(path) as out:
        out.write("region,precinct,candidate,party,votes\n")
        for piece in precinct_chunks(_precincts(rows), seed):
            lines = []
            for p, r, votes in zip(
                piece.ids.tolist(), piece.region.tolist(), piece.votes.tolist(), strict=True
            ):
                region = _region_name(r)
                for k, ((_, party), v) in enumerate(zip(CANDIDATES, votes, strict=True)):
                    lines.append(f"{region},P{p},Candidate {p * 7 + k + 1:07d},{party},{v}\n")
            out.write("".join(lines))
            written += len(lines)
    return written


def write_long_line(size: int, path: Path, seed: int = SEED) -> int:
    """(h, issue 13 item 18) a file of about `size` bytes, nearly all of it one line: a header,
    three rows, one row whose candidate cell is `size` letters long, three rows. Returns rows."""
    rng = np.random.default_rng([seed, 5])
    votes = rng.integers(100, 1000, size=7).tolist()
    rows = [f"Region 01,P0,{n},{p},{v}\n" for (n, p), v in zip(CANDIDATES, votes, strict=True)]
    head, tail = rows[:3], rows[4:]
    fixed = "region,precinct,candidate,party,votes\n" + "".join(head) + "".join(tail)
    prefix, suffix = "Region 01,P0,", f",{CANDIDATES[3][1]},{votes[3]}\n"
    letters = max(1, size - len(fixed) - len(prefix) - len(suffix))
    with _text(path) as out:
        out.write("region,precinct,candidate,party,votes\n" + "".join(head) + prefix)
        chunk = "A" * (1 << 20)
        for start in range(0, letters, len(chunk)):
            out.write(chunk[: letters - start])
        out.write(suffix + "".join(tail))
    return len(head) + 1 + len(tail)


def write_front_spaces(size: int, path: Path, seed: int = SEED) -> int:
    """(h, issue 13 item 15) a national table behind a front-matter comment line holding `size`
    spaces between two words (`# note    …    end`); size 1 is its ordinary twin. Returns rows."""
    rng = np.random.default_rng([seed, 6])
    votes = rng.integers(50_000, 5_000_000, size=len(CANDIDATES)).tolist()
    with _text(path) as out:
        out.write(f"# note{' ' * max(1, size)}end\n# election: Example national election\n")
        out.write("candidate,party,votes\n")
        out.writelines(f"{n},{p},{v}\n" for (n, p), v in zip(CANDIDATES, votes, strict=True))
    return len(CANDIDATES)


def _names_file(names: int, path: Path, seed: int, which: int) -> int:
    pool = np.random.default_rng([seed, 7]).permutation(NAME_POOL)[:names]
    rng = np.random.default_rng([seed, 7, which])
    order = rng.permutation(names) if which else np.arange(names)
    votes = rng.integers(10, 100_000, size=names).tolist()
    label, date = (("A", "2019-06-09"), ("B", "2022-11-20"))[which]
    with _text(path) as out:
        out.write(f"# election: Example election {label}\n# date: {date}\ncandidate,votes\n")
        out.writelines(
            f"{fictional_name(int(pool[i]))},{v}\n" for i, v in zip(order, votes, strict=True)
        )
    return names


def write_names_a(names: int, path: Path, seed: int = SEED) -> int:
    """(h, issue 13 item 17) `candidate,votes`: `names` distinct invented names, election A."""
    return _names_file(names, path, seed, 0)


def write_names_b(names: int, path: Path, seed: int = SEED) -> int:
    """The names of `names_a` exactly, in another order and with other votes: election B."""
    return _names_file(names, path, seed, 1)


# Offices of a state's general election (Georgia 2024-like, 293 races): name, districts, and the
# range of candidates per race (None: a Yes/No question). Names of offices, not of people.
STATE_OFFICES: tuple[tuple[str, int, tuple[int, int] | None], ...] = (
    ("President", 1, (3, 5)),
    ("Public Service Commission", 1, (2, 2)),
    ("Constitutional Amendment 1", 1, None),
    ("Constitutional Amendment 2", 1, None),
    ("Statewide Referendum A", 1, None),
    ("U.S. House", 14, (1, 3)),
    ("State Senate", 56, (1, 3)),
    ("State House", 180, (1, 3)),
    ("District Attorney", 38, (1, 2)),
)
COUNTIES = 159


@dataclass(frozen=True)
class _Race:
    office: str
    district: str
    candidates: tuple[str, ...]
    parties: tuple[str, ...]
    weights: np.ndarray


def _state_races(rng: np.random.Generator) -> list[list[_Race]]:
    """Per office, its races: candidates, parties and statewide preference."""
    offices = []
    next_name = int(rng.integers(0, NAME_POOL))
    for office, districts, span in STATE_OFFICES:
        races = []
        for d in range(districts):
            if span is None:
                names, parties = ("Yes", "No"), ("", "")
            else:
                count = int(rng.integers(span[0], span[1] + 1))
                names = tuple(fictional_name(next_name + k * NAME_STRIDE) for k in range(count))
                next_name += 1
                order = rng.permutation(len(PARTIES))[:count]
                parties = tuple(PARTIES[i] for i in order)
                if count > 3:
                    parties = (*parties[:3], *("Independent",) * (count - 3))
            district = "" if districts == 1 else str(d + 1)
            weights = rng.dirichlet(np.full(len(names), 3.0))
            races.append(_Race(office, district, names, parties, weights))
        offices.append(races)
    return offices


def write_races(rows: int, path: Path, seed: int = SEED) -> int:
    """(g) an OpenElections precinct file, `county,precinct,office,district,party,candidate,votes`:
    293 races (statewide, U.S. House, State Senate, State House, District Attorney) over 159
    counties; every precinct votes in one race of each office. `rows` sets the number of precincts
    (27k rows: Georgia 2024-like; millions: a big many-race file)."""
    return _races(rows, path, seed)


def write_race_facts(rows: int, path: Path, seed: int = SEED) -> int:
    """(i) `races` plus a `registered_voters` column, the precinct's figure on each of its rows
    (OpenElections' commonest precinct layout with turnout): the same rows and votes as `races`."""
    return _races(rows, path, seed, extra="registered")


def write_count_rows(rows: int, path: Path, seed: int = SEED) -> int:
    """(i) `races` with each precinct's `Registered Voters` and `Ballots Cast` as rows of their own
    (the office cell names the count, the other cells blank): OpenElections' other turnout layout.
    The votes of `races`; two more rows a precinct."""
    return _races(rows, path, seed, extra="rows")


def write_ess_counts(rows: int, path: Path, seed: int = SEED) -> int:
    """(i) `races` with each precinct's counts as offices whose candidate cell names the count
    (Election Systems & Software's exports, OpenElections' Alabama 2017 files): `REGISTERED VOTERS
    - TOTAL`, `BALLOTS CAST - TOTAL` and `BALLOTS CAST - BLANK` (no race's figure, left out). The
    votes of `races`; three more rows a precinct."""
    return _races(rows, path, seed, extra="ess")


def write_florida(rows: int, path: Path, seed: int = SEED) -> int:
    """(k) `races` as Florida's precinct files are published: `county,precinct,office,district,
    candidate,party,provisional,absentee,early_voting,election_day,votes`, sorted by race and
    candidate (a precinct's rows spread through the file), the four mode cells blank in every other
    precinct, and each precinct's `Registered Voters` and `Ballots Cast` as offices of their own
    after every race."""
    return _florida(rows, path, seed, twice=False)


def write_florida_twice(rows: int, path: Path, seed: int = SEED) -> int:
    """(k) `florida` without its rows of counts and with one precinct listed twice (a split
    precinct: Palm Beach 2020's 4014), an error both engines name on every line of it."""
    return _florida(rows, path, seed, twice=True)


def _florida(rows: int, path: Path, seed: int, twice: bool) -> int:
    races = path.with_name(path.name + ".races")
    _races(rows, races, seed)
    cells = ("county", "precinct", "office", "district", "party", "candidate")
    table = pacsv.read_csv(
        races,
        convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(cells, pa.string()), strings_can_be_null=False
        ),
    )
    races.unlink()
    columns = {name: table.column(name).to_pylist() for name in table.column_names}
    votes = np.asarray(columns["votes"], dtype=np.int64)
    order = sorted(
        range(len(votes)),
        key=lambda i: (
            columns["office"][i],
            columns["district"][i],
            columns["candidate"][i],
            columns["county"][i],
            columns["precinct"][i],
        ),
    )
    middle = len(votes) // 2
    repeated = (columns["county"][middle], columns["precinct"][middle]) if twice else None
    lines = [
        "county,precinct,office,district,candidate,party,provisional,absentee,"
        "early_voting,election_day,votes\n"
    ]
    for i in order:
        v = int(votes[i])
        place = ",".join(columns[k][i] for k in ("county", "precinct", "office", "district"))
        name = f"{columns['candidate'][i]},{columns['party'][i]}"
        modes = (
            ",,,"
            if zlib.crc32(columns["precinct"][i].encode()) % 2
            else f"0,{v // 4},{v // 3},{v - v // 4 - v // 3}"
        )
        lines.append(f"{place},{name},{modes},{v}\n")
        if (columns["county"][i], columns["precinct"][i]) == repeated:
            lines.append(f"{place},{name},,,,,{v + 1}\n")
    if twice:
        with _text(path) as out:
            out.writelines(lines)
        return len(lines) - 1
    # Each precinct's ballots: its largest race's votes and a few more; registered half as many again.
    race_votes: dict[tuple[str, str, str, str], int] = {}
    for i in range(len(votes)):
        key = tuple(columns[k][i] for k in ("county", "precinct", "office", "district"))
        race_votes[key] = race_votes.get(key, 0) + int(votes[i])  # type: ignore[index]
    ballots: dict[tuple[str, str], int] = {}
    for (county, precinct, _, _), v in race_votes.items():
        ballots[county, precinct] = max(ballots.get((county, precinct), 0), v + 7)
    for office, share in (("Registered Voters", 3), ("Ballots Cast", 2)):
        for (county, precinct), cast in ballots.items():
            lines.append(f"{county},{precinct},{office},,,,,,,,{cast * share // 2}\n")
    with _text(path) as out:
        out.writelines(lines)
    return len(lines) - 1


def _races(rows: int, path: Path, seed: int, extra: str = "") -> int:
    """`races`, with `extra` counts of each precinct: a `registered_voters` column ("registered"),
    count rows ("rows") or ES&S's ("ess"), drawn apart from the votes (the same votes as `races`)."""
    counts = np.random.default_rng([seed, 10])
    rng = np.random.default_rng([seed, 8])
    offices = _state_races(rng)
    per_precinct = sum(np.mean([len(r.candidates) for r in races]) for races in offices)
    widest = max(len(races) for races in offices)
    precincts = max(widest, round(rows / per_precinct))
    counties = [
        f"{surname(int(i))} County" for i in rng.permutation(len(SYLLABLES) ** 3)[:COUNTIES]
    ]
    written = 0
    with _text(path) as out:
        column = ",registered_voters" if extra == "registered" else ""
        out.write(f"county,precinct,office,district,party,candidate,votes{column}\n")
        for start in range(0, precincts, 5_000):
            ids = np.arange(start, min(precincts, start + 5_000))
            county = (ids * COUNTIES) // precincts
            first_of_county = -((-county * precincts) // COUNTIES)  # ceil: the county's first id
            size = rng.integers(150, 2_500, size=len(ids))
            columns = []
            for races in offices:
                race = (ids * len(races)) // precincts
                widest_race = max(len(r.candidates) for r in races)
                weights = np.zeros((len(races), widest_race))
                for i, r in enumerate(races):
                    weights[i, : len(r.candidates)] = r.weights
                share = weights[race] * rng.uniform(0.6, 1.4, size=(len(ids), widest_race))
                share /= share.sum(axis=1, keepdims=True)
                turnout = size * rng.uniform(0.82, 1.0, size=len(ids))
                votes = np.floor(share * turnout[:, None]).astype(np.int64)
                columns.append((races, race.tolist(), votes.tolist()))
            registered = (size * counts.uniform(1.3, 2.2, size=len(ids))).astype(np.int64)
            cast = size  # no race has more votes than its precinct's voters
            lines = []
            for row, (p, c) in enumerate(zip(ids.tolist(), county.tolist(), strict=True)):
                place = f"{counties[c]},Precinct {p - int(first_of_county[row]) + 1:03d}"
                tail = f",{registered[row]}\n" if extra == "registered" else "\n"
                if extra == "rows":
                    lines.append(f"{place},Registered Voters,,,,{registered[row]}\n")
                    lines.append(f"{place},Ballots Cast,,,,{cast[row]}\n")
                elif extra == "ess":
                    counted = (registered[row], cast[row], cast[row] % 7)
                    for office, count in zip(ESS_COUNTS, counted, strict=True):
                        lines.append(f"{place},{office.upper()},,,{office},{count}\n")
                for races, race, votes in columns:
                    r = races[race[row]]
                    for name, party, v in zip(r.candidates, r.parties, votes[row], strict=False):
                        lines.append(f"{place},{r.office},{r.district},{party},{name},{v}{tail}")
            out.write("".join(lines))
            written += len(lines)
    return written


ESS_COUNTS = ("Registered Voters - Total", "Ballots Cast - Total", "Ballots Cast - Blank")


def write_constituencies(races: int, path: Path, seed: int = SEED) -> int:
    """(g) India-like: `state,constituency,candidate,party,votes`, `races` single-member
    constituencies in 36 states, 4 to 30 candidates each (independents among them) and a NOTA row."""
    rng = np.random.default_rng([seed, 9])
    states = [f"{surname(int(i))} State" for i in rng.permutation(len(SYLLABLES) ** 3)[:36]]
    written = 0
    with _text(path) as out:
        out.write("state,constituency,candidate,party,votes\n")
        next_name = int(rng.integers(0, NAME_POOL))
        lines = []
        for r in range(races):
            state = states[(r * len(states)) // races]
            seat = f"{surname((r * 7919 + 13) % len(SYLLABLES) ** 3)} ({r + 1})"
            count = int(rng.integers(4, 31))
            share = np.sort(rng.dirichlet(np.full(count, 0.35)))[::-1]
            cast = int(rng.integers(700_000, 2_000_000))
            votes = np.floor(share * cast).astype(np.int64).tolist()
            order = rng.permutation(len(PARTIES))
            for k, v in enumerate(votes):
                party = PARTIES[order[k]] if k < 4 else "Independent"
                name = fictional_name(next_name + k * NAME_STRIDE)
                lines.append(f"{state},{seat},{name},{party},{v}\n")
            next_name += 1
            lines.append(f"{state},{seat},NOTA,,{int(cast * rng.uniform(0.003, 0.02))}\n")
        out.write("".join(lines))
        written = len(lines)
    return written


@dataclass(frozen=True)
class Shape:
    """A generator: `write(size, path, seed)` returns the rows written; `unit` says what size counts."""

    write: Callable[[int, Path, int], int]
    unit: str
    # Bump when a generator's output changes, so cached files are written again.
    version: int = 1
    suffix: str = ".csv"

    @property
    def help(self) -> str:
        return (self.write.__doc__ or "").split("\n\n")[0].replace("\n    ", " ")


SHAPES: dict[str, Shape] = {
    "plain": Shape(write, "rows"),
    "share": Shape(write_share, "rows"),
    "utf16": Shape(write_utf16, "rows"),
    "facts": Shape(write_facts, "rows"),
    "elections": Shape(write_elections, "rows"),
    "party_lists": Shape(write_party_lists, "rows"),
    "cyrillic": Shape(write_cyrillic, "rows"),
    "wide": Shape(write_wide, "rows (10 candidates each)"),
    "long10": Shape(write_long10, "rows"),
    "protocol": Shape(write_protocol, "rows (polling stations: 12 protocol lines, 9 candidates)"),
    "protocol3": Shape(write_protocol3, "rows (polling stations, a header over 3 rows)"),
    "totals": Shape(write_totals, "rows (and a total row per region and option)"),
    "units_precinct": Shape(write_units_precinct, "precincts"),
    "units_region": Shape(write_units_region, "regions"),
    "distinct_options": Shape(write_distinct_options, "rows"),
    "long_line": Shape(write_long_line, "bytes"),
    "front_spaces": Shape(write_front_spaces, "spaces"),
    "names_a": Shape(write_names_a, "names"),
    "names_b": Shape(write_names_b, "names"),
    "races": Shape(write_races, "rows"),
    "constituencies": Shape(write_constituencies, "races"),
    "race_facts": Shape(write_race_facts, "rows"),
    "count_rows": Shape(write_count_rows, "rows (and two count rows a precinct)"),
    "ess_counts": Shape(write_ess_counts, "rows (and three count rows a precinct)"),
    "parquet": Shape(write_parquet, "rows", suffix=".parquet"),
    "names": Shape(write_names, "rows"),
    "total_votes": Shape(write_total_votes, "rows"),
    "modes": Shape(write_modes, "rows"),
    "repeated": Shape(write_repeated, "rows (and one repeated)"),
    "grand_total": Shape(write_grand_total, "rows (and a grand total row per option)"),
    "facts_totals": Shape(write_facts_totals, "rows (and a total row per region and option)"),
    "florida": Shape(write_florida, "rows (and two count rows a precinct, last)", version=3),
    "florida_twice": Shape(write_florida_twice, "rows (and a precinct listed twice)"),
}


def ensure(shape: str, size: int, seed: int = SEED, out: Path = OUT) -> Path:
    """The file of `shape` at `size`, written unless a matching one is already there."""
    generator = SHAPES[shape]
    path = out / f"{shape}_{size_label(size)}_s{seed}{generator.suffix}"
    meta_path = path.with_name(path.name + ".meta")
    wanted = {"shape": shape, "size": size, "seed": seed, "version": generator.version}
    if path.exists() and meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text())
        except ValueError:
            meta = {}
        if {k: meta.get(k) for k in wanted} == wanted and meta.get("bytes") == path.stat().st_size:
            return path
    partial = path.with_name(path.name + ".partial")
    rows = generator.write(size, partial, seed)
    partial.replace(path)
    meta_path.write_text(json.dumps({**wanted, "rows": rows, "bytes": path.stat().st_size}))
    sys.stderr.write(
        f"generated {path.name}: {rows:,} rows, {path.stat().st_size / 2**20:.0f} MiB\n"
    )
    return path


def rows_of(path: Path) -> int | None:
    """The rows `ensure` recorded for a generated file."""
    try:
        return int(json.loads(path.with_name(path.name + ".meta").read_text())["rows"])
    except (OSError, ValueError, KeyError):
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="shapes:\n" + "\n".join(f"  {n:17} {s.help}" for n, s in SHAPES.items()),
    )
    parser.add_argument("size", type=parse_size, nargs="?", help="e.g. 1M, 27k, 200M")
    parser.add_argument("path", type=Path, nargs="?", help="where to write the CSV")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="plain")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--list", action="store_true", help="list the shapes and exit")
    args = parser.parse_args(argv)
    if args.list:
        for name, shape in SHAPES.items():
            sys.stdout.write(f"{name:17} size in {shape.unit}: {shape.help}\n")
        return 0
    if args.size is None or args.path is None:
        parser.error("give a size and a path (or --list)")
    written = SHAPES[args.shape].write(args.size, args.path, args.seed)
    size = args.path.stat().st_size
    sys.stdout.write(f"{args.path}: {written:,} rows, {size / 2**20:.0f} MiB\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
