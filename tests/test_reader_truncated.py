"""Labelled reports cut off anywhere in their tables read no wrong number.

The corpus holds excerpts of pages cut after 2,000 characters, in the middle of a table, a row
or a number. Each labelled report here is cut at many places from its section 二 on (and at
places that once gave a wrong value); every value read from a cut text must be the labelled
value of that cell: a number the cut may have shortened ("72" as "7"), a row whose blank cells
the cut leaves unplaced, a digit run cut short are null, never a guess.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.reader.api import read

FIXTURES = Path(__file__).parent / "fixtures"
STEP = 37  # characters between two cuts
# Cuts that once read a wrong value (a number cut short, a markdown rule cut to "-", a row of
# run-together digits cut inside the run).
ONCE_WRONG = {
    "corpus/005.txt": (3859,),
    "corpus/009.txt": (4637, 4695),
    "corpus/011.txt": (2414, 2530, 2878),
    "corpus/013.txt": (2145,),
    "corpus/016.txt": (745,),
}
SOURCES = [
    *ONCE_WRONG,
    "seeds/000_191d9aaa408da952.txt",
    "seeds/002_a6b0708e15209e43.txt",
    "seeds/004_47ca45022deb3961.txt",
]


def _expected(source: Path) -> dict[str, object]:
    stem = source.name.removesuffix(".txt")
    record = json.loads((source.parent / f"{stem}.expected.json").read_text("utf-8"))
    cells: dict[str, object] = {}
    for table in ("active", "requests", "appeals"):
        for row, columns in (record.get(table) or {}).items():
            for column, value in columns.items():
                cells[f"{table}.{row}.{column}"] = value
    return cells


@pytest.mark.parametrize("name", SOURCES)
def test_cut_text_reads_no_wrong_value(name: str) -> None:
    source = FIXTURES / name
    text = source.read_text("utf-8")
    want = _expected(source)
    start = text.index("二、")
    cuts = sorted({*range(start, len(text), STEP), *ONCE_WRONG.get(name, ())})
    wrong = []
    for cut in cuts:
        for path, value in read(text[:cut]).cells():
            if value is not None and want.get(path, "?") not in ("?", value):
                wrong.append(f"cut at {cut}: {path} = {value}, labelled {want[path]}")
    assert not wrong, "\n".join(wrong[:10])
