"""Structure rules: missing and empty sections, section order and numbering, enumerations,
format against year."""

from __future__ import annotations

from dataclasses import replace

import pytest
from check_records import SECTIONS, TITLES, report, with_cells, with_sections

from gongkai.checks import Finding, check
from gongkai.checks.structure import ENUMERATION, STYLES, enumeration_problems


def _of(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_missing_section_is_an_error() -> None:
    findings = _of(check(with_sections(report(), 六=None)), "GK-SEC-MISSING")
    (f,) = findings
    assert (f.kind, f.severity, f.result, f.cells) == (
        "missing_section", "error", "fail", ("sections.六",)
    )  # fmt: skip
    assert f.message.startswith("报告缺少第六部分“其他需要报告的事项”")
    assert "第五十条" in f.message


def test_missing_section_in_the_middle_is_an_error_even_if_cells_are_unread() -> None:
    base = with_cells(report(), {"requests.granted.total": None})
    (f,) = _of(check(with_sections(base, 四=None)), "GK-SEC-MISSING")
    assert (f.severity, f.result) == ("error", "fail")


def test_trailing_missing_sections_of_a_cut_off_input_are_one_uncertain_finding() -> None:
    cut = with_sections(with_cells(report(), {"appeals.review.total": None}), 五=None, 六=None)
    (f,) = _of(check(cut), "GK-SEC-MISSING")
    assert (f.severity, f.result, f.from_reading) == ("warning", "uncertain", True)
    assert f.cells == ("sections.五", "sections.六")
    assert "原文可能不完整" in f.message


def test_heading_printed_but_not_standard_is_uncertain() -> None:
    text = SECTIONS["四"] + "\n五、存在的主要问题及整改措施\n一是宣传不够。"
    (f,) = _of(check(with_sections(report(), 四=text, 五=None)), "GK-SEC-MISSING")
    assert (f.severity, f.result) == ("warning", "uncertain")
    assert "“五、存在的主要问题及整改措施”" in f.message


def test_table_row_labels_are_not_taken_for_section_headings() -> None:
    text = "一、本年新收政府信息公开申请数量 | 0 | 0\n二、上年结转政府信息公开申请数量 | 0"
    (f,) = _of(check(with_sections(report(), 一=None, 三=text)), "GK-SEC-MISSING")
    assert (f.severity, f.result) == ("error", "fail")


def test_records_without_section_text_are_not_checked_for_structure() -> None:
    bare = replace(report(), sections={}, section_titles={})
    assert check(bare) == []


@pytest.mark.parametrize("text", ["", "\n  \n", "打印\n关闭窗口", "|||"])
def test_empty_section(text: str) -> None:
    (f,) = _of(check(with_sections(report(), 六=text)), "GK-SEC-EMPTY")
    assert (f.kind, f.severity, f.result, f.cells) == (
        "empty_section", "warning", "fail", ("sections.六",)
    )  # fmt: skip
    assert f.message.startswith("第六部分“六、其他需要报告的事项”只有标题、没有内容")


def test_section_saying_none_is_not_empty_and_table_sections_with_values_are_not() -> None:
    assert _of(check(with_sections(report(), 六="无。")), "GK-SEC-EMPTY") == []
    assert _of(check(with_sections(report(), 三="")), "GK-SEC-EMPTY") == []


def test_sections_out_of_order() -> None:
    base = report()
    order = ["一", "三", "二", "四", "五", "六"]
    shuffled = replace(base, sections={k: base.sections[k] for k in order})
    (f,) = _of(check(shuffled), "GK-SEC-ORDER")
    assert (f.kind, f.severity) == ("section_numbering", "warning")
    assert "“一、三、二、四、五、六”" in f.message


def test_heading_number_that_is_not_the_sections_number() -> None:
    titles = dict(TITLES, 五="四、存在的主要问题及改进情况", 六="五、其他需要报告的事项")
    findings = _of(check(replace(report(), section_titles=titles)), "GK-SEC-ORDER")
    assert [f.cells for f in findings] == [("sections.五",), ("sections.六",)]
    assert "编号为“四”，但它是报告的第五部分" in findings[0].message


def test_correct_sections_pass_order() -> None:
    assert _of(check(report()), "GK-SEC-ORDER") == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("一是甲。二是乙。三是丙。五是丁。", "缺少“四是”"),
        ("一是甲；二是乙；二是丙。", "“二是”重复"),
        ("一是甲,三是乙;三是丙。", "缺少“二是”，“三是”重复"),
        ("一是甲。三是乙。二是丙。", "“二是”出现在“三是”之后"),
        ("破解信息孤岛一是甲二是乙四是丙", "缺少“三是”"),
    ],
)
def test_enumeration_problems(text: str, problem: str) -> None:
    (found,) = enumeration_problems(text, STYLES[0])
    assert problem in found
    (f,) = _of(check(with_sections(report(), 五=text)), "GK-TEXT-ENUM")
    assert (f.kind, f.severity, f.result, f.cells) == (
        "section_numbering", ENUMERATION.severity, "fail", ("sections.五",)
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "一是甲。二是乙。\n下一步：一是丙。二是丁。三是戊。",  # a new list restarts at 一
        "坚持统一是原则，唯一是目标，第三是指标。一是甲。二是乙。",  # words, not enumerations
        "二是乙。三是丙。",  # no 一是 in the section: ignored
        "一是甲。二是否可行。",  # 是否 is not an item
        "一是甲。\n二是乙。\n三是丙。",
    ],
)
def test_enumerations_that_are_fine(text: str) -> None:
    assert _of(check(with_sections(report(), 五=text)), "GK-TEXT-ENUM") == []


def test_subheading_enumeration_at_line_starts() -> None:
    text = (
        "（一）主动公开情况\n内容。\n（二）依申请公开\n内容。\n（四）平台建设\n第二十条第（五）项"
    )
    (f,) = _of(check(with_sections(report(), 一=text)), "GK-TEXT-ENUM")
    assert "（一）、（二）、（四）" in f.message and "缺少“（三）”" in f.message
    fine = "(一)主动公开\n(二)依申请公开\n(三)政府信息管理"
    assert _of(check(with_sections(report(), 一=fine)), "GK-TEXT-ENUM") == []


@pytest.mark.parametrize(("fmt", "year"), [("2019", 2021), ("2019", 2023), ("2021", 2020)])
def test_format_year_mismatch(fmt: str, year: int) -> None:
    (f,) = _of(check(report(fmt, year=year)), "GK-FORMAT-YEAR")
    assert (f.kind, f.severity, f.result) == ("format_year_mismatch", "error", "fail")
    assert f.message.startswith(f"这是{year}年度的报告，却使用了")


@pytest.mark.parametrize(
    ("fmt", "year"), [("2019", 2019), ("2019", 2020), ("2021", 2021), ("2021", None)]
)
def test_format_matching_year(fmt: str, year: int | None) -> None:
    assert _of(check(report(fmt, year=year)), "GK-FORMAT-YEAR") == []
