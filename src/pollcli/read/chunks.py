"""The data of a big file as UTF-8 blocks of whole lines, for the streaming engine.

A UTF-8 file is read in place (`os.pread` at the next block's start, no copy of the rest); a file in
any other encoding is transcoded as it is read (`decode.Transcoder`), the part after the last line
end carried over to the next block. A block ends at a line end outside quotes (`outside_quotes`): a
quoted cell that holds a line end is not cut in two. A line longer than `max_line` stops the reading: no row of a
results table is that long, and holding it would cost its size several times over.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from pollcli.problems import Code, Found
from pollcli.read.decode import Transcoder
from pollcli.read.replaced import Replaced


class Blocks:
    """The data as UTF-8 blocks of about `block_bytes`, each ending at a line end (the last one may
    not); a line longer than a block is read on to its end.

    A UTF-8 file is read in place (`os.pread` at the next block's start, no copy of the rest); a file
    in any other encoding is transcoded as it is read, the part after the last line end carried
    over to the next block.
    """

    def __init__(
        self,
        path: Path,
        transcoder: Transcoder,
        first: bytes,
        offset: int,
        size: int,
        *,
        block_bytes: int,
        max_line: int,
        marks: Replaced,
    ) -> None:
        self.block_bytes = block_bytes
        self.max_line = max_line
        self.path = path
        self.transcoder = transcoder
        self.first = first  # the head after the header line, already transcoded
        self.offset = offset  # where the file's bytes after the head start
        self.size = size
        self.undecodable = False
        self.too_long = False  # stopped at a line longer than `max_line`
        self.marks = marks  # the cells that hold U+FFFD, as the blocks are read (`read.replaced`)

    def report(self, found: Found, line: int, stopped: bool) -> None:
        """What the blocks' bytes held besides rows: a line too long (reading stopped at `line`),
        cells that hold U+FFFD."""
        if self.too_long and not stopped:
            found.add(
                Code.MALFORMED_CSV,
                line,
                f"this line runs on for more than {size_text(self.max_line)} without a line end; "
                "a results table has a line per option: check that the file is the table you meant",
            )
        self.marks.report(found)

    def __iter__(self) -> Iterator[tuple[bytes, int]]:
        """(block, bytes of the file behind it)."""
        if self.transcoder.passthrough:
            yield from self._in_place(self.offset - len(self.first))
        else:
            yield from self._transcoded()

    def _in_place(self, start: int) -> Iterator[tuple[bytes, int]]:
        with self.path.open("rb") as handle:
            descriptor = handle.fileno()
            while True:
                data = os.pread(descriptor, self.block_bytes, start)
                if not data:
                    return
                cut = data.rfind(b"\n") + 1
                if len(data) < self.block_bytes:
                    cut = len(data)  # the last block, with or without a final newline
                else:
                    while cut == 0:  # a line longer than a block: read on to its end
                        if len(data) > self.max_line:
                            self.too_long = True
                            return
                        more = os.pread(descriptor, self.block_bytes, start + len(data))
                        data += more
                        cut = data.rfind(b"\n") + 1 if more else len(data)
                    cut = outside_quotes(data, cut)
                start += cut
                block = data[:cut]
                del data  # (not held while the block is summed, nor beside the next one read)
                yield block, start

    def _transcoded(self) -> Iterator[tuple[bytes, int]]:
        buffer = self.first
        produced, consumed = len(buffer), 0
        with self.path.open("rb") as handle:
            handle.seek(self.offset)
            final = self.offset >= self.size
            while True:
                while len(buffer) >= self.block_bytes or (final and buffer):
                    cut = buffer.rfind(b"\n", 0, self.block_bytes) + 1 or buffer.find(b"\n") + 1
                    if cut == 0 and not final:
                        if len(buffer) > self.max_line:
                            self.too_long = True
                            return
                        break  # a line longer than a block: read on to its end
                    if cut and (not final or buffer[cut:]):
                        cut = outside_quotes(buffer, cut)
                    block, buffer = (buffer[:cut], buffer[cut:]) if cut else (buffer, b"")
                    consumed += len(block)
                    done = self.size if final and not buffer else self.offset * consumed // produced
                    yield block, done
                if final:
                    return
                chunk = handle.read(self.block_bytes)
                self.offset += len(chunk)
                final = not chunk or self.offset >= self.size
                data = self.transcoder.feed(chunk, final=final)
                if data is None:
                    self.undecodable = True
                    return
                buffer += data
                produced += len(data)


def outside_quotes(data: bytes, cut: int) -> int:
    """The last line end at or before `cut` (just after a line end) that is outside a quoted cell,
    an even number of quotes before it (a block starts outside quotes): a cell holding a line end
    ("P\\n0") is not cut in two, each half a malformed row. `cut` itself where there is no such
    line end (a stray quote in a cell: the exact stages read the block as they read it)."""
    if data.find(b'"', 0, cut) < 0:
        return cut  # (no quote: a memchr, a tenth of counting them)
    odd = data.count(b'"', 0, cut) % 2
    end = cut
    while odd:
        before = data.rfind(b"\n", 0, end - 1)
        if before < 0:
            return cut
        odd ^= data.count(b'"', before + 1, end) % 2
        end = before + 1
    return end


def size_text(count: int) -> str:
    """8 MiB, 4 KiB."""
    return f"{count / 2**20:g} MiB" if count >= 2**20 else f"{count / 2**10:g} KiB"


def offset_after_line(data: bytes, line: int) -> int | None:
    position = -1
    for _ in range(line):
        position = data.find(b"\n", position + 1)
        if position < 0:
            return None
    return position + 1
