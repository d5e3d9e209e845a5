"""Rules across two years: carried over against last year's carried forward, and 现行有效 rolled
forward."""

from __future__ import annotations

from dataclasses import replace

import pytest
from check_records import report, with_cells

from gongkai.checks import Finding, check
from gongkai.record import Report


def _of(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def _pair(fmt: str = "2021") -> tuple[Report, Report]:
    """Last year's record (1 natural person carried forward, 10 normative documents in force)
    and this year's, which carries that application over and adds 2 − 1 documents."""
    year = 2023 if fmt == "2021" else 2020
    last = with_cells(report(fmt, year=year - 1), {"active.normative_documents.in_force": 9})
    this = with_cells(
        report(fmt, year=year),
        {
            "requests.carried_over.natural_person": 1,
            "requests.carried_over.total": 1,
            "requests.total.natural_person": 4,
            "requests.total.total": 5,
            "requests.unavailable_needs_creation.natural_person": 1,
            "requests.unavailable_needs_creation.total": 1,
        },
    )
    return last, this


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_consecutive_years_that_agree(fmt: str) -> None:
    last, this = _pair(fmt)
    assert check(this, last) == []


def test_carried_over_differs_from_last_years_carried_forward() -> None:
    last, this = _pair()
    last = with_cells(
        last, {"requests.carried_forward.commercial": 2, "requests.carried_forward.total": 3}
    )
    findings = _of(check(this, last), "GK-YEAR-CARRY")
    assert [f.cells for f in findings] == [
        ("requests.carried_over.commercial",),
        ("requests.carried_over.total",),
    ]
    f = findings[1]
    assert (f.kind, f.severity, f.result) == ("carry_over_mismatch", "warning", "fail")
    assert f.message == (
        "表三“总计”列：本年“上年结转”为 1，但上一年度（2022年）报告“结转下年度继续办理”为 3，"
        "两者应相等（年度报告格式表三：上年结转下年度的申请即本年的上年结转申请），请核对本年或上年报告"
    )


def test_carry_over_with_a_null_side_is_uncertain() -> None:
    last, this = _pair()
    last = with_cells(last, {"requests.carried_forward.total": None})
    (f,) = _of(check(this, last), "GK-YEAR-CARRY")
    assert (f.result, f.severity) == ("uncertain", "info")


def test_in_force_not_rolled_forward() -> None:
    last, this = _pair()
    this = with_cells(this, {"active.normative_documents.in_force": 12})
    (f,) = _of(check(this, last), "GK-YEAR-IN-FORCE")
    assert (f.kind, f.severity, f.result) == ("in_force_roll_forward", "warning", "fail")
    assert (
        "现行有效 9 件 + 本年制发 2 件 − 本年废止 1 件 = 10 件，但本年现行有效为 12 件" in f.message
    )


def test_in_force_needs_the_2021_layout_in_both_years() -> None:
    last, this = _pair("2019")
    assert _of(check(this, last), "GK-YEAR-IN-FORCE") == []


def test_no_cross_year_finding_without_a_previous_record_or_for_other_years() -> None:
    last, this = _pair()
    last = with_cells(last, {"requests.carried_forward.total": 7})
    assert _of(check(this), "GK-YEAR-CARRY") == []
    two_years_back = replace(last, year=2021)
    assert _of(check(this, two_years_back), "GK-YEAR-CARRY") == []
