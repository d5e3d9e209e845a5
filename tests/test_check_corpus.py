"""The corpus, read by the reader: the ``findings_expected`` floor of each expected file.

Every kind listed is raised (result ``fail``); no error of an unlisted kind is; and the text
rules, which must above all not cry wolf, raise no failure of an unlisted kind either.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from check_records import CORPUS

from gongkai.checks import check
from gongkai.reader.api import read

TEXT_KINDS = {"text_table_mismatch", "year_mismatch", "section_numbering"}


def _cases() -> list[tuple[Path, Path]]:
    out = []
    for expected in sorted(CORPUS.glob("*.expected.json")):
        name = expected.name.removesuffix(".expected.json")
        source = next((p for p in (CORPUS / name, CORPUS / f"{name}.txt") if p.is_file()), None)
        if source is not None:
            out.append((expected, source))
    return out


CASES = _cases()


def test_the_corpus_has_expected_files() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize(("expected", "source"), CASES, ids=[s.name for _, s in CASES])
def test_corpus_findings_floor(expected: Path, source: Path) -> None:
    wanted = set(json.loads(expected.read_text("utf-8")).get("findings_expected") or [])
    findings = check(read(source))
    failed = {f.kind for f in findings if f.result == "fail"}
    assert wanted <= failed, f"missing {wanted - failed}"
    errors = {f.kind for f in findings if f.severity == "error" and f.kind not in wanted}
    assert errors == set()
    assert (failed & TEXT_KINDS) - wanted == set()
