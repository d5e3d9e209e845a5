"""Text against tables (GK-TEXT-TABLE) and the year the text speaks of (GK-TEXT-YEAR), on
made-up sentences modelled on real reports and on the corpus."""

from __future__ import annotations

import pytest
from check_records import CORPUS, report, with_cells, with_sections

from gongkai.checks import Finding, check
from gongkai.checks.claims import claims
from gongkai.reader.api import read
from gongkai.record import Report

# the consistent record: 新收 5, 上年结转 0, 予以公开 3, 无法提供 1, 总计 4, 结转 1, 复议 1


def _table(text: str, base: Report | None = None) -> list[Finding]:
    record = with_sections(base or report(), 一=text)
    return [f for f in check(record) if f.rule == "GK-TEXT-TABLE"]


@pytest.mark.parametrize(
    "text",
    [
        "2023年,我镇共收到政府信息依申请公开5件,其中予以公开3件、不予以公开0件、无法提供1件。",
        "(二)依申请公开方面\n本年度全镇共收到5件申请,及时依法依规办结4件,1件结转下年度继续办理。",
        "共受理政府信息公开申请5件,答复4件(含上年度结转申请0件,另有1件顺延到下年度答复)。",
        "全年新收政府信息公开申请数量5件,上年结转政府信息公开申请数量0件。",
        "因政府信息公开引起的行政复议案件1件、行政诉讼案件0件。",
        "本年度制发行政规范性文件2件,废止规范性文件1件,现行有效的规范性文件10件。",
        "收到政府信息公开申请5件,其中予以公开及部分公开3件,其他处理0件。",
        "收到政府信息公开申请5件,因本机关不掌握等原因无法提供1件。",
        "(二)依申请公开方面\n本年度共收到5件申请,办结4件。",
    ],
)
def test_text_that_agrees_with_the_tables(text: str) -> None:
    assert _table(text) == []
    assert claims(text), "the sentence should be read, or the test proves nothing"


@pytest.mark.parametrize(
    ("text", "cells", "words"),
    [
        (
            "本年度共收到政府信息公开申请7件。",
            ("requests.new_received.total", "requests.carried_over.total"),
            "但表三“本年新收”总计为 5，与正文所述 7 不一致",
        ),
        ("共收到政府信息公开申请5件,其中予以公开2件。", ("requests.granted.total",), "为 3"),
        ("共接收公开申请5件,不予公开2件。", None, "“（三）不予公开”各项总计之和为 0"),
        (
            "本年共收到政府信息公开申请5件,办结5件。",
            ("requests.total.total",),
            "表三“（七）总计”总计为 4",
        ),
        (
            "收到公开申请5件,结转下年度继续办理3件。",
            ("requests.carried_forward.total",),
            "“结转下年度继续办理”总计为 1",
        ),
        ("本年度因政府信息公开被申请行政复议2件。", ("appeals.review.total",), "为 1"),
        (
            "政府信息公开行政诉讼3件。",
            ("appeals.litigation_direct.total", "appeals.litigation_after_review.total"),
            "与“行政诉讼·复议后起诉”总计之和为 0",
        ),
        ("本年度制发行政规范性文件5件。", ("active.normative_documents.issued",), "5"),
        (
            "收到政府信息公开申请5件,其中予以公开及部分公开4件。",
            ("requests.granted.total", "requests.partially_granted.total"),
            "表三“（一）予以公开”与“（二）部分公开”总计之和为 3",
        ),
        ("收到政府信息公开申请5件,其他处理2件。", None, "“（六）其他处理”各项总计之和为 0"),
        ("收到政府信息公开申请5件,因本机关不掌握等原因无法提供3件。", None, "为 1"),
    ],
)
def test_text_that_disagrees(text: str, cells: tuple[str, ...] | None, words: str) -> None:
    in_2019 = check(with_sections(report("2019"), 一=text))
    assert [f.rule for f in in_2019] == ["GK-TEXT-TABLE"], "the 2019 layout has the rows too"
    (f,) = _table(text)
    assert (f.kind, f.severity, f.result) == ("text_table_mismatch", "warning", "fail")
    if cells is not None:
        assert f.cells == cells
    assert words in f.message
    assert f.message.startswith("第一部分正文写明“")
    assert f.source.startswith("第一部分“一、总体情况”：“")


def test_received_agrees_with_new_or_new_plus_carried_over() -> None:
    base = with_cells(
        report(),
        {
            "requests.carried_over.natural_person": 2,
            "requests.carried_over.total": 2,
            "requests.carried_forward.natural_person": 3,
            "requests.carried_forward.total": 3,
        },
    )
    assert _table("本年度共受理政府信息公开申请7件。", base) == []  # 新收 5 + 上年结转 2
    assert _table("本年度共受理政府信息公开申请5件。", base) == []  # 新收 5
    (f,) = _table("本年度共受理政府信息公开申请6件。", base)
    assert "均与正文所述 6 不一致" in f.message
    (g,) = _table("本年度新收政府信息公开申请7件。", base)  # 新收 means 新收 only
    assert g.cells == ("requests.new_received.total",)


def test_scoped_sentences_are_only_uncertain() -> None:
    (f,) = _table("全市共受理政府信息公开申请900件。")
    assert (f.result, f.severity) == ("uncertain", "info")
    assert "可能是多个机关的合计" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "2024年热线工单共157件,满意77件。",  # not applications
        "共接收并按时答复政府信息公开申请9件。",  # two verbs, one number
        "其中予以公开及部分公开9件,占51.85%。",  # a joint count
        "主动公开政府信息235条,予以公开文件20件。",  # no application in the sentence
        "收到申请约9件。",  # approximate
        "申请数量较去年增加9件。",  # a comparison
        "全年办理行政复议案件120件。",  # reviews in general, not about disclosure
        "办理人大建议、政协提案15件。",
        "市政府及市政府办政策性文件11件。",
    ],
)
def test_sentences_that_are_not_compared(text: str) -> None:
    assert _table(text) == []


def test_null_table_cells_are_not_compared() -> None:
    base = with_cells(
        report(), {"requests.new_received.total": None, "requests.new_received.commercial": None}
    )
    assert _table("本年度共新收政府信息公开申请9件。", base) == []


def test_a_blank_row_total_is_the_sum_of_its_printed_applicant_cells() -> None:
    base = with_cells(report(), {"requests.granted.total": None})  # 2 + 1 printed
    assert _table("收到政府信息公开申请5件,其中予以公开3件。", base) == []
    (f,) = _table("收到政府信息公开申请5件,其中予以公开4件。", base)
    assert "为 3" in f.message and "按各类申请人之和计" in f.message


def test_cells_split_by_the_reader_are_flagged() -> None:
    base = with_cells(report(), {"requests.new_received.total": 5}, how="split")
    (f,) = _table("本年度新收政府信息公开申请7件。", base)
    assert f.from_reading


def _year(text: str, year: int = 2023) -> list[Finding]:
    record = with_sections(report(year=year), 一=text)
    return [f for f in check(record) if f.rule == "GK-TEXT-YEAR"]


def test_statistics_of_another_year() -> None:
    (f,) = _year("2022年,我镇共收到政府信息公开申请5件。")
    assert (f.kind, f.severity, f.result) == ("year_mismatch", "warning", "fail")
    assert f.message.startswith("这是2023年度的报告，但第一部分写道“2022年,我镇共收到")
    # and the number is not compared with this year's table
    assert _table("2022年,我镇共收到政府信息公开申请9件。") == []


@pytest.mark.parametrize(
    "text",
    [
        "2023年,我镇共收到政府信息公开申请5件。",
        "2024年,我镇将主动公开政府信息200条。",  # plans for the next year
        "2023年共收到申请5件,较2022年的3件增加2件。",  # a comparison
        "2023年共主动公开政府信息120条。",
        "2019年以来累计主动公开政府信息1000条。",  # a span, not another year's statistics
    ],
)
def test_statements_of_the_right_year(text: str) -> None:
    assert _year(text) == []


def test_statistics_period_of_another_year() -> None:
    text = "本报告中所列数据的统计期限为2020年1月1日起至202020年12月31日止。"
    (f,) = _year(text, 2020)
    assert "“2020年1月1日起至202020年12月31日”" in f.message
    assert _year("统计期限为2023年1月1日至2023年12月31日。") == []


# -- the corpus (the floors of its expected files are in test_check_corpus.py) --------------


def test_corpus_013_text_and_table_disagree_on_normative_documents_in_force() -> None:
    findings = [f for f in check(read(CORPUS / "013.html")) if f.rule == "GK-TEXT-TABLE"]
    (f,) = findings
    assert f.cells == ("active.normative_documents.in_force",)
    assert "现行有效行政规范性文件393件" in f.message and "为 470" in f.message


def test_corpus_039_narrative_against_its_true_tables() -> None:
    """淮安 2024: 受理 3119 = 新收; 答复 3050 incl. 34 carried over; 103 carried forward;
    复议 351; 诉讼 46 = 26 + 20; 规章 1. The tables as printed in the PDF."""
    sections = read(CORPUS / "039.pdf").sections
    values = {
        "requests.new_received.total": 3119,
        "requests.carried_over.total": 34,
        "requests.total.total": 3050,
        "requests.carried_forward.total": 103,
        "appeals.review.total": 351,
        "appeals.litigation_direct.total": 26,
        "appeals.litigation_after_review.total": 20,
        "active.rules.issued": 1,
    }
    record = with_cells(report(agency="淮安市人民政府", year=2024), values)
    record = with_sections(record, 一=sections["一"])
    stated = {c.what for c in claims(sections["一"])}
    assert {"received", "answered", "carried_forward", "review", "litigation"} <= stated
    assert [f for f in check(record) if f.rule in ("GK-TEXT-TABLE", "GK-TEXT-YEAR")] == []
    wrong = with_cells(record, {"appeals.review.total": 350})
    (f,) = [f for f in check(wrong) if f.rule == "GK-TEXT-TABLE"]
    assert f.cells == ("appeals.review.total",) and f.result == "fail"
