"""Which encoding are bytes that do not decode in? Imported only when they do not (charset-normalizer
is not loaded on the everyday path).

Two cases look alike and must not be confused:

- a file in a one-byte encoding (cp1252 "Sinn F\\xe9in", cp1251 Cyrillic): charset-normalizer names
  the candidates, each is checked for reading as words (letters of one script, no lower-to-upper
  flips inside a word, printable), and the likely ones are named with their confidence — applied
  only when the user passes `--encoding`;
- a UTF-8 (or plain ASCII) file with a few stray bytes (a scraped name, a bad copy-paste): reading it
  as cp1251 would turn every `’` into `вЂ™`, so no encoding is suggested; every line that holds
  them is an error of its own, and the rest of the file is still read.
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from pollcli.problems import Code, Found
from pollcli.read.readings import (
    LESS_COMMON,
    foreign,
    reads_as_words,
    signs_in_words,
    strange_letters,
    writes,
)

# Encodings results files are written in, most common first: the order candidates are named in when
# charset-normalizer finds several equally good.
COMMON: Final[tuple[str, ...]] = (
    "cp1252",
    "cp1251",
    "cp1250",
    "latin_1",
    "iso8859_15",
    "koi8_r",
    "koi8_u",
    "cp866",
    "iso8859_2",
    "iso8859_5",
    "cp1253",
    "cp1254",
    "cp1257",
    "cp1255",
    "cp1256",
    "cp850",
    "cp437",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_jp",
    "euc_kr",
    "mac_roman",
    "mac_cyrillic",
    *LESS_COMMON,
)
# The lines of a file that hold non-ASCII bytes are what charset-normalizer looks at: a few
# accented names in a file of ASCII otherwise drown in a sample of the whole file.
SAMPLE_BYTES: Final[int] = 64 << 10
# Lines listed one by one; past this a file is not "UTF-8 with a few stray bytes" any more.
LISTED_LINES: Final[int] = 1000
_STRAY: Final[re.Pattern[str]] = re.compile("[\udc80-\udcff]+")
_VALID_HIGH: Final[re.Pattern[str]] = re.compile("[^\x00-\x7f\udc80-\udcff]")
_BREAK: Final[re.Pattern[str]] = re.compile("\r\n|\n|\r")
# A UTF-8 sequence of two to four bytes, and the bytes that end a cell or a word around it.
_UTF8_SEQ: Final[re.Pattern[bytes]] = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CELL_EDGES: Final[bytes] = b",;\t|\"' \r\n"
# Every byte but UTF-8's continuation bytes (0x80-0xBF), which each of `_UTF8_SEQ`'s matches holds
# second: a block of bytes without one holds no match (`_sequences`).
_NOT_CONTINUATION: Final[bytes] = bytes(b for b in range(256) if not 0x80 <= b <= 0xBF)
_SCAN_BLOCK: Final[int] = 1 << 16  # (the bytes `_sequences` tests at a time)
# UTF-8 cells of a one-byte file warned about one by one.
LISTED_CELLS: Final[int] = 20


@dataclass(frozen=True)
class Candidate:
    """An encoding that reads the bytes as words, with charset-normalizer's confidence."""

    name: str
    confidence: float  # 0–1: one minus charset-normalizer's "chaos" (mess) ratio
    language: str | None
    preview: str  # the first undecodable spot as this encoding reads it
    # How well the words read as the language charset-normalizer names (its "coherence", 0–1):
    # cp1255 reads a Hebrew file as Hebrew (0.46), cp1251 as Bulgarian of no words (0.31).
    coherence: float = 0.0
    # Signs inside words (`g³osy`: cp1252 of Polish `głosy`): a one-byte reading that is wrong.
    odd: int = 0
    # Letters beyond ASCII no one language holds together (`readings.strange_letters`).
    strange: int = 0
    named: bool = True  # whether the language fits the letters read (`readings.writes`)

    def describe(self) -> str:
        language = f", {self.language}" if self.named and self.language else ""
        return f"{self.name} ({self.confidence * 100:.0f} % confidence{language})"


def display_name(codec: str) -> str:
    """`latin_1` → `latin-1`, `cp1252` → `cp1252`: the name to pass to --encoding."""
    name = codecs.lookup(codec).name
    return "latin-1" if name == "iso8859-1" else name


def undecodable(data: bytes, codec: str, found: Found) -> str | None:
    """Problems for bytes that do not decode in `codec`; the text with U+FFFD in place of stray bytes
    (the rest of the file is read), or None when the file is in another encoding."""
    shown = display_name(codec.removesuffix("-sig"))
    utf8 = codecs.lookup(codec).name == "utf-8"
    view = data.decode("utf-8", "surrogateescape")
    stray = list(_STRAY.finditer(view))
    lines = _Lines(view)
    # Non-ASCII characters that read as UTF-8 on the lines without stray bytes (two stray bytes
    # may happen to form a UTF-8 character: they do not count).
    bad_lines = {lines.number(m.start()) for m in stray}
    valid_high = sum(
        1 for m in _VALID_HIGH.finditer(view) if lines.number(m.start()) not in bad_lines
    )
    if not utf8:
        _wrong_given(data, shown, stray, valid_high, lines, found)
        return None
    if valid_high >= max(3, len(stray)):
        # Real UTF-8 around the bad bytes: any one-byte encoding would garble the rest.
        _list_stray(
            stray,
            lines,
            view,
            found,
            f"stray bytes in a file that is otherwise UTF-8 ({valid_high:,} non-ASCII "
            "characters read fine), so no other encoding would read it better; retype the "
            "text around them",
        )
        return data.decode(codec, "replace")
    candidates = candidates_for(data, lines, stray)
    if not candidates:
        _list_stray(
            stray,
            lines,
            view,
            found,
            "bytes that are text neither in UTF-8 nor in any common encoding (charset-normalizer "
            "finds none that reads them as words): stray bytes; retype or delete them, or pass "
            "--encoding latin-1 to read them as they are",
        )
        return data.decode(codec, "replace")
    first = stray[0]
    best = candidates[0]
    # The others that read this line otherwise, the likeliest of each reading (one that reads it
    # alike adds nothing).
    apart: dict[str, Candidate] = {}
    for c in candidates[1:]:
        if c.preview != best.preview:
            apart.setdefault(c.preview, c)
    others = "; other candidates: " + ", ".join(
        f"{c.describe()} reading {c.preview!r}" for c in list(apart.values())[:2]
    )
    found.add(
        Code.ENCODING_ERROR,
        lines.number(first.start()),
        f"bytes {_hex(first.group())} do not decode as {shown}; the file looks like "
        f"{best.describe()}, where this line reads {best.preview!r}"
        + (others if apart else "")
        + f": pass --encoding {best.name}",
    )
    return None


def candidates_for(data: bytes, lines: _Lines, stray: list[re.Match[str]]) -> list[Candidate]:
    """The encodings charset-normalizer finds for the lines with non-ASCII bytes, those that read
    them as words, most likely first."""
    from charset_normalizer import from_bytes

    sample_lines = []
    size = 0
    for number in dict.fromkeys(lines.number(m.start()) for m in stray):
        raw = lines.raw(number)
        sample_lines.append(raw)
        size += len(raw) + 1
        if size > SAMPLE_BYTES:
            break
    sample = b"\n".join(sample_lines)
    first = sample_lines[0]
    found: dict[str, Candidate] = {}
    for match in from_bytes(sample, cp_isolation=list(COMMON)):
        for codec in match.could_be_from_charset or [match.encoding]:
            if codec not in COMMON or codec in found:
                continue
            try:
                text = sample.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
            if reads_as_words(text) < 0.95:
                continue
            found[codec] = Candidate(
                name=display_name(codec),
                confidence=max(0.0, 1.0 - match.chaos),
                language=match.language,
                preview=_preview(first, codec),
                coherence=match.coherence,
                odd=signs_in_words(text),
                strange=strange_letters(text),
                named=writes(match.language, text),
            )
    best = max((c.confidence for c in found.values()), default=0.0)
    # Among those about as good as the best: the fewest signs inside words, then the fewest letters
    # no one language holds together (`readings.strange_letters`), then a code page written for
    # the language it reads (`readings.foreign`), then the words that read best as
    # a language, then the most common encoding (charset-normalizer's ranks on a few lines are
    # noisy: mac_cyrillic before cp1251, big5 beside it). "Most common first" alone named cp1251
    # for Israel's cp1255 files, every name then garbled.
    return sorted(
        found.values(),
        key=lambda c: (
            c.confidence < best - 0.1,
            c.odd,
            c.strange,
            foreign(c.name, c.language),
            -round(c.coherence, 2),
            _rank(c.name),
        ),
    )


def _rank(name: str) -> int:
    keys = [display_name(c) for c in COMMON]
    return keys.index(name) if name in keys else len(keys)


def utf8_misread(
    data: bytes, codec: str, found: Found, cells: list[Utf8Cell] | None = None
) -> None:
    """A warning when a file that is UTF-8 (maybe with a few stray bytes) was read with a one-byte
    --encoding, which garbles every non-ASCII name ("People’s" → "People‰ЫЄs"); in a file that is
    not, a warning for each line holding a cell in UTF-8 (`cells`: those of the whole file, when
    `data` is a sample of it)."""
    view = data.decode("utf-8", "surrogateescape")
    valid = _VALID_HIGH.search(view)
    if valid is None:
        return
    strays = len(_STRAY.findall(view))
    if strays * 10 > len(_VALID_HIGH.findall(view)):
        # Not mostly UTF-8: the one-byte encoding may well be right, but a cell written in UTF-8
        # among its lines reads garbled (`SZABÓ` as `SZABÃ“`): each is named.
        if cells is None:
            cells = utf8_cells(data, codec, newline=b"\n" if b"\n" in data else b"\r")
        utf8_cells_found(cells, codec, found)
        return
    start = valid.start()
    while start > 0 and not view[start - 1].isspace() and valid.start() - start < 12:
        start -= 1
    word = view[start : valid.end() + 8].split(",")[0].split()[0]
    garbled = word.encode("utf-8", "surrogateescape").decode(codec, "replace")
    apart = f" apart from {strays} stray byte sequence(s)" if strays else ""
    found.warn(
        Code.ENCODING_MISMATCH,
        None,
        f"the file is valid UTF-8{apart} but was read as {display_name(codec)}, which garbles "
        f"non-ASCII names ({word!r} reads as {garbled!r}); drop --encoding unless you are sure "
        "(compare: --encoding-of FILE=NAME gives one file its own)",
    )


@dataclass(frozen=True)
class Utf8Cell:
    """A word of a one-byte file that is UTF-8 mojibake: its line, as read, as UTF-8."""

    line: int
    shown: str
    utf8: str


def utf8_cells(
    data: bytes, codec: str, first_line: int = 1, newline: bytes = b"\n"
) -> list[Utf8Cell]:
    """The words of `data` (whole lines of a file in the one-byte `codec`, the first numbered
    `first_line`) that are UTF-8 read byte by byte: each holds a UTF-8 sequence whose one-byte
    reading is not all letters (`Ã“`, `Ã©`, `Å‚`, `â€™`) while the word as UTF-8 reads as a word.
    One a line."""
    cells: list[Utf8Cell] = []
    line, at = first_line, 0
    for match in _sequences(data):
        start, end = match.start(), match.end()
        line += data.count(newline, at, start)
        at = start
        if cells and cells[-1].line == line:
            continue
        while start > 0 and data[start - 1] not in _CELL_EDGES and match.start() - start < 40:
            start -= 1
        while end < len(data) and data[end] not in _CELL_EDGES and end - match.end() < 40:
            end += 1
        word = data[start:end]
        try:
            utf8 = word.decode("utf-8")
        except UnicodeDecodeError:
            continue
        shown = word.decode(codec, "replace")
        sequence = match.group().decode(codec, "replace")
        if all(c.isalpha() for c in sequence) or reads_as_words(utf8) < 1.0:
            continue  # the one-byte reading is letters (cp1251 `ФЁ`), or UTF-8 reads no better
        cells.append(Utf8Cell(line, shown, utf8))
    return cells


def _sequences(data: bytes) -> Iterator[re.Match[bytes]]:
    """`_UTF8_SEQ.finditer(data)`'s matches, with only the blocks of `data` that hold a continuation
    byte scanned: a one-byte file's letters (cp1251's Cyrillic, 0xC0-0xFF) are each where a match
    may start, and the expression tried at every one of them took some 3.7 s over 69 MB of cp1251;
    a block's test is a `bytes.translate`. A match starts one byte before its first continuation
    byte and is 4 bytes at most, so each such block is scanned from 4 bytes before it to 4 after
    (spans that overlap or touch as one): the same matches, from the same places."""
    size, spans = len(data), list[list[int]]()  # (spans: from 4 bytes before to 4 after)
    for at in range(0, size, _SCAN_BLOCK):
        if data[at : at + _SCAN_BLOCK].translate(None, _NOT_CONTINUATION):
            start, end = max(at - 4, 0), min(at + _SCAN_BLOCK + 4, size)
            if spans and spans[-1][1] >= start:
                spans[-1][1] = end
            else:
                spans.append([start, end])
    for start, end in spans:
        yield from _UTF8_SEQ.finditer(data, start, end)


def utf8_cells_found(cells: list[Utf8Cell], codec: str, found: Found) -> None:
    """A warning for each of the first LISTED_CELLS `cells`, then one for the rest."""
    shown = display_name(codec)
    for cell in cells[:LISTED_CELLS]:
        found.warn(
            Code.ENCODING_MISMATCH,
            cell.line,
            f"{cell.shown!r} is written in UTF-8 ({cell.utf8!r}) in a file read as {shown}, so "
            f"it is shown garbled; convert the file to UTF-8 (the other lines from {shown}, "
            "this one as it is) and drop --encoding, or retype the text",
        )
    if len(cells) > LISTED_CELLS:
        found.warn(
            Code.ENCODING_MISMATCH,
            cells[LISTED_CELLS].line,
            f"… and {len(cells) - LISTED_CELLS:,} more lines with text in UTF-8 in a file read as "
            f"{shown}; is the file in one encoding?",
        )


def _reads(data: bytes, name: str) -> bool:
    """Whether an encoding decodes every byte of the file."""
    try:
        data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _same_codec(one: str, other: str) -> bool:
    try:
        return codecs.lookup(one).name == codecs.lookup(other).name
    except LookupError:
        return False


def _wrong_given(
    data: bytes,
    shown: str,
    stray: list[re.Match[str]],
    valid_high: int,
    lines: _Lines,
    found: Found,
) -> None:
    """An --encoding that does not read the file: the error says what might."""
    try:
        data.decode(shown)
    except UnicodeDecodeError as exc:
        position = exc.start
        bad = data[exc.start : exc.start + 4]
    else:  # pragma: no cover - undecodable() is only called after a failure
        return
    line = data[:position].count(b"\n") + data[:position].count(b"\r")
    line -= data[:position].count(b"\r\n")
    advice: str
    if not stray:
        advice = "the file is UTF-8: drop --encoding"
    elif valid_high >= max(3, len(stray)):
        advice = (
            "the file is UTF-8 with stray bytes: drop --encoding, and pollcli names the lines "
            "that hold them"
        )
    else:
        found_for = candidates_for(data, lines, stray)
        # Never the encoding given again (Canada's candidates table, cp1252 but for one DOS
        # byte, was advised cp1252 in a loop): where it reads the file's other lines as words,
        # this line's byte is of another encoding; else only encodings that read the whole file.
        candidates = [c for c in found_for if _reads(data, c.name)]
        if any(_same_codec(c.name, shown) for c in found_for):
            advice = (
                f"{shown} reads the file's other lines as words: this line holds a byte of "
                "another encoding; fix it there"
            )
        elif candidates:
            advice = (
                "it may be "
                + ", ".join(c.describe() for c in candidates[:3])
                + f": pass --encoding {candidates[0].name}"
            )
        else:
            advice = "no common encoding reads it as words; drop --encoding to see the lines"
    found.add(
        Code.ENCODING_ERROR,
        line + 1,
        f"bytes {bad.hex(' ')} do not decode as {shown}; {advice}",
    )


def _list_stray(
    stray: list[re.Match[str]], lines: _Lines, view: str, found: Found, why: str
) -> None:
    """One error per line holding stray bytes (up to LISTED_LINES), each showing the line."""
    by_line: dict[int, re.Match[str]] = {}
    for match in stray:
        by_line.setdefault(lines.number(match.start()), match)
    listed = list(by_line.items())
    for number, match in listed[:LISTED_LINES]:
        found.add(
            Code.ENCODING_ERROR,
            number,
            f"bytes {_hex(match.group())} do not decode as UTF-8 ({_context(view, match)}): {why}",
        )
    if len(listed) > LISTED_LINES:
        found.add(
            Code.ENCODING_ERROR,
            listed[LISTED_LINES][0],
            f"… and {len(listed) - LISTED_LINES:,} more lines with bytes that do not decode as "
            "UTF-8; is the file in one encoding?",
        )


def _hex(stray: str) -> str:
    return stray[:4].encode("utf-8", "surrogateescape").hex(" ")


def _context(view: str, match: re.Match[str]) -> str:
    """The bytes in their line, as Python escapes them: `EMORY \\x90_\\xc7\\x8a…`."""
    start = max(0, match.start() - 20)
    start = max(
        view.rfind("\n", 0, match.start()) + 1, view.rfind("\r", 0, match.start()) + 1, start
    )
    text = view[start : match.end() + 12].splitlines()[0] if view[start:] else ""
    shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "'" + ("…" if start else "") + shown + "…'"


def _preview(line: bytes, codec: str) -> str:
    text = line.decode(codec, "replace")
    index = next((i for i, c in enumerate(text) if not c.isascii()), 0)
    return text[max(0, index - 15) : index + 15].strip()


class _Lines:
    """Physical line numbers of positions in a text (LF, CRLF or a lone CR ends a line)."""

    def __init__(self, view: str) -> None:
        self.view = view
        self.ends = [m.end() for m in _BREAK.finditer(view)]

    def number(self, position: int) -> int:
        return bisect.bisect_right(self.ends, position) + 1

    def raw(self, number: int) -> bytes:
        start = self.ends[number - 2] if number > 1 else 0
        end = self.ends[number - 1] if number - 1 < len(self.ends) else len(self.view)
        return self.view[start:end].rstrip("\r\n").encode("utf-8", "surrogateescape")
