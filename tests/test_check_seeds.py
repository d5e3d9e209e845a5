"""The seeds' ``findings_expected`` are all raised, and no error of an unlisted kind is.

Two ways to the record: the expected JSON (with sections split from the seed's text by a test
helper), and the reader on the seed's text.
"""

from __future__ import annotations

import pytest
from check_records import SEEDS, seed_expected, seed_names, seed_record

from gongkai.checks import Finding, check
from gongkai.reader.api import read
from gongkai.record import Report

NAMES = seed_names()


def _assert_floor(name: str, findings: list[Finding]) -> None:
    expected = set(seed_expected(name)["findings_expected"])
    failed = {f.kind for f in findings if f.result == "fail"}
    assert expected <= failed, f"{name}: missing {expected - failed}"
    errors = {f.kind for f in findings if f.severity == "error" and f.kind not in expected}
    assert not errors, f"{name}: unexpected errors {errors}"


@pytest.mark.parametrize("name", NAMES)
def test_expected_record_raises_expected_kinds(name: str) -> None:
    _assert_floor(name, check(seed_record(name)))


@pytest.mark.parametrize("name", NAMES)
def test_read_record_raises_expected_kinds(name: str) -> None:
    report: Report = read(SEEDS / f"{name}.txt")
    _assert_floor(name, check(report))


@pytest.mark.parametrize("name", [n for n in NAMES if n[:3] in ("000", "001", "003")])
def test_clean_seeds_have_no_error(name: str) -> None:
    for report in (seed_record(name), read(SEEDS / f"{name}.txt")):
        assert [f for f in check(report) if f.severity == "error"] == []


def test_seed_000_names_the_missing_enumeration_item() -> None:
    (finding,) = [f for f in check(seed_record(NAMES[0])) if f.kind == "section_numbering"]
    assert finding.cells == ("sections.五",)
    assert "一是、二是、三是、五是" in finding.message
    assert "缺少“四是”" in finding.message


def test_seed_004_balance_names_the_columns_that_fail() -> None:
    name = next(n for n in NAMES if n.startswith("004"))
    findings = [f for f in check(seed_record(name)) if f.rule == "GK-T3-BALANCE"]
    assert [f.cells[0] for f in findings] == [
        "requests.new_received.other",
        "requests.new_received.total",
    ]
    assert findings[1].message.startswith(
        "表三“总计”列：本年新收 3 + 上年结转 0 = 3，但（七）总计 0 + 结转下年度继续办理 0 = 0"
    )
    assert "国办公开办函〔2019〕60号格式" in findings[1].message
