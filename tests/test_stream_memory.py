"""What bounds the streaming engine's peak memory, structurally (the figures are bench/'s): a block
handed to a worker is at most `BLOCK_BYTES` of UTF-8 however the file is encoded (cp1251 and UTF-16
grow in UTF-8), and at most one block more than there are workers is held at once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import write
from pollcli.read import ReadOptions, blocks, chunks, stream

NAMES = [("Анна Вымыслова", "Партия Примера"), ("Борис Условный", "Союз Образцов"), ("Ann", "Aa")]


def results(rows: int) -> str:
    lines = ["Регион;Участок;Кандидат;Партия;Голоса"]
    for i in range(rows):
        name, party = NAMES[i % len(NAMES)]
        lines.append(f"Область {i % 7:02};УИК {i // 3};{name};{party};{(i * 37) % 500}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "utf-16"])
def test_blocks_are_bounded_and_few_are_held(tmp_path, monkeypatch, encoding):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 4096)
    path = write(tmp_path, results(6000), encoding=encoding)
    sizes: list[int] = []
    held = {"yielded": 0, "merged": 0, "most": 0}
    real_iter, real_summarize = chunks.Blocks.__iter__, blocks.Layout.summarize
    real_merge, real_exact = stream._Summer._merge, stream._Summer._exact

    def iterate(self):
        for item in real_iter(self):
            held["yielded"] += 1
            held["most"] = max(held["most"], held["yielded"] - held["merged"])
            yield item

    def summarize(self, data):
        sizes.append(len(data))
        return real_summarize(self, data)

    # A block is done when its sums are merged, or when the exact stages have read it instead.
    def merge(self, *args):
        lines = real_merge(self, *args)
        held["merged"] += lines is not None
        return lines

    def exact(self, *args):
        held["merged"] += 1
        return real_exact(self, *args)

    monkeypatch.setattr(chunks.Blocks, "__iter__", iterate)
    monkeypatch.setattr(blocks.Layout, "summarize", summarize)
    monkeypatch.setattr(stream._Summer, "_merge", merge)
    monkeypatch.setattr(stream._Summer, "_exact", exact)
    given = None if encoding == "utf-8" else encoding  # UTF-8: read in place, not transcoded
    read = stream.read_stream(Path(path), path.name, ReadOptions(encoding=given))
    assert read is not None and read[1] == []
    # The file is some 60 blocks of UTF-8: each at most a block, as many summed as read.
    assert len(sizes) > 40 and max(sizes) <= 4096
    assert held["yielded"] == len(sizes)
    workers = max(1, min(2, os.cpu_count() or 1))
    assert held["most"] == workers + 1


@pytest.mark.parametrize("keyed", [True, False])
def test_a_file_of_a_key_a_row_is_read_in_half_blocks(tmp_path, monkeypatch, keyed):
    """Where each row is a key of its own (many races, no region: `OptionCells.keyed`), a block
    has as many keys as rows and is read half as big; a file of regions keeps whole blocks."""
    monkeypatch.setattr(stream, "BLOCK_BYTES", 4096)
    if keyed:
        lines = ["election,candidate,party,votes"]
        lines += [f"Town {i // 20},List {i % 20},Party {i % 20},{i % 997}" for i in range(4000)]
    else:
        lines = ["region,precinct,candidate,party,votes"]
        lines += [
            f"R{i % 7},P{i // 20},List {i % 20},Party {i % 20},{i % 997}" for i in range(4000)
        ]
    path = write(tmp_path, "\n".join(lines) + "\n")
    sizes: list[int] = []
    real_summarize = blocks.Layout.summarize

    def summarize(self, data):
        sizes.append(len(data))
        return real_summarize(self, data)

    monkeypatch.setattr(blocks.Layout, "summarize", summarize)
    read = stream.read_stream(Path(path), path.name, ReadOptions())
    assert read is not None and all(p.severity == "warning" for p in read[1])
    assert len(sizes) > 10
    assert (max(sizes) <= 2048) == keyed
