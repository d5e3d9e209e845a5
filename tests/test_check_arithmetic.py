"""Arithmetic rules: the layout identities (both formats), uncertain operands, bad cells."""

from __future__ import annotations

from dataclasses import replace

import pytest
from check_records import report, with_cells

from gongkai.checks import CheckOptions, Finding, check
from gongkai.checks.arithmetic import IDENTITY_RULES, instances
from gongkai.layout import FORMATS, layout
from gongkai.record import Note, Provenance, Report


def _of(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


@pytest.mark.parametrize("fmt", FORMATS)
def test_consistent_record_has_no_finding(fmt: str) -> None:
    assert check(report(fmt)) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_layout_identity_has_a_rule(fmt: str) -> None:
    for table in layout(fmt).tables:
        for identity in table.identities:
            assert (table.key, identity.kind) in IDENTITY_RULES
            assert instances(table, identity)


def test_instances_cover_every_column_and_row() -> None:
    requests = layout("2021").table("requests")
    by_kind = {i.kind: instances(requests, i) for i in requests.identities}
    assert len(by_kind["balance"]) == 7
    assert len(by_kind["column_sum"]) == 7
    assert len(by_kind["row_sum"]) == len(requests.rows)
    outcomes = by_kind["column_sum"][0].left
    assert len(outcomes) == 21  # 2021 layout: （一）…（六）3.其他


@pytest.mark.parametrize("fmt", FORMATS)
def test_balance_fails_per_column(fmt: str) -> None:
    bad = with_cells(
        report(fmt), {"requests.carried_over.commercial": 2, "requests.carried_over.total": 2}
    )
    findings = _of(check(bad), "GK-T3-BALANCE")
    assert [f.cells[0].rsplit(".", 1)[1] for f in findings] == ["commercial", "total"]
    f = findings[1]
    assert (f.kind, f.severity, f.result) == ("balance_identity", "error", "fail")
    assert f.message == (
        "表三“总计”列：本年新收 5 + 上年结转 2 = 7，但（七）总计 4 + 结转下年度继续办理 1 = 5，"
        f"不符合表内勾稽关系（国办公开办函〔{fmt}〕{'30' if fmt == '2021' else '60'}号格式："
        "本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理），请核对后更正"
    )
    assert not f.from_reading
    # the row sums still hold (2 + … = 2), so nothing else fails
    assert {x.rule for x in check(bad)} == {"GK-T3-BALANCE"}


def test_outcome_total_fails() -> None:
    bad = with_cells(report(), {"requests.granted.research": 1})
    rules = {f.rule for f in check(bad) if f.result == "fail"}
    assert rules == {"GK-T3-OUTCOMES", "GK-T3-ROW-TOTAL"}
    (outcome,) = _of(check(bad), "GK-T3-OUTCOMES")
    assert outcome.cells[-1] == "requests.total.research"
    assert outcome.message.startswith(
        "表三“科研机构”列：（七）总计 0，但“（一）予以公开”至“（六）其他处理 3.其他”各项合计 1"
        "（其中（一）予以公开 1，其余为 0）"
    )


def test_row_total_fails_with_the_six_columns_listed() -> None:
    bad = with_cells(report(), {"requests.new_received.total": 6})
    (row,) = _of(check(bad), "GK-T3-ROW-TOTAL")
    assert row.kind == "row_total_mismatch"
    assert row.message.startswith("表三“本年新收”行：总计 6，但自然人 4 + 商业企业 1 + ")
    assert "= 5" in row.message


@pytest.mark.parametrize("block", ["review", "litigation_direct", "litigation_after_review"])
def test_appeals_block_total(block: str) -> None:
    bad = with_cells(report("2019"), {f"appeals.{block}.pending": 2})
    (f,) = check(bad)
    assert (f.rule, f.kind, f.severity) == ("GK-T4-TOTAL", "appeals_total_mismatch", "error")
    assert f.cells[-1] == f"appeals.{block}.total"
    assert f.message.startswith(f"表四“{layout('2019').table('appeals').row(block).label}”：总计 ")


def test_one_null_operand_is_uncertain_info_not_a_failure() -> None:
    partial = with_cells(report(), {"requests.carried_over.total": None})
    findings = _of(check(partial), "GK-T3-BALANCE")
    assert [(f.result, f.severity) for f in findings] == [("uncertain", "info")]
    assert "“上年结转”没有读出数值" in findings[0].message
    assert not any(f.failed_error for f in check(partial))


def test_null_operand_with_impossible_known_values_is_uncertain_warning() -> None:
    # 3 + ? = 4 + 1 can hold (? = 2); 5 + 0 = 9 + ? cannot hold for any count ? >= 0
    partial = with_cells(
        report(), {"requests.new_received.total": 3, "requests.carried_over.total": None}
    )
    (f,) = _of(check(partial), "GK-T3-BALANCE")
    assert (f.result, f.severity) == ("uncertain", "info")
    impossible = with_cells(
        report(), {"requests.carried_forward.total": None, "requests.total.total": 9}
    )
    (g,) = _of(check(impossible), "GK-T3-BALANCE")
    assert (g.result, g.severity) == ("uncertain", "warning")
    assert "已使等式无法成立" in g.message


def test_all_operands_null_gives_no_finding() -> None:
    blocks = ("upheld", "corrected", "other", "pending", "total")
    empty = with_cells(report(), {f"appeals.review.{c}": None for c in blocks})
    assert _of(check(empty), "GK-T4-TOTAL") == []


def test_missing_table_and_pre_2019_records_are_not_checked() -> None:
    assert check(Report(format="pre-2019", agency="某县某镇", year=2017)) == []
    no_tables = Report.from_dict({"format": "2021"})
    assert check(no_tables) == []


def test_finding_from_split_cells_says_it_may_come_from_reading() -> None:
    bad = with_cells(report(), {"requests.carried_over.total": 2}, how="split")
    (f,) = [x for x in _of(check(bad), "GK-T3-BALANCE") if x.cells[0].endswith("total")]
    assert f.from_reading
    assert "由连写的数字串拆分得到" in f.message
    assert "可能出自本工具的读取而非报告本身" in f.message
    assert f.source.startswith("测试第")


def test_finding_on_a_cell_with_a_reading_note_is_from_reading() -> None:
    bad = with_cells(report(), {"requests.carried_over.total": 2})
    noted = replace(bad, notes=(Note("数字串无法拆分", path="requests.carried_over"),))
    (f,) = [x for x in _of(check(noted), "GK-T3-BALANCE") if x.cells[0].endswith("total")]
    assert f.from_reading and "读取时留有说明" in f.message


@pytest.mark.parametrize(
    ("value", "words"),
    [(-1, "印为负数 -1"), (1.5, "印为小数 1.5"), (float("nan"), "不是有限的数")],
)
def test_bad_cell_negative_fractional_nonfinite(value: float, words: str) -> None:
    bad = with_cells(report(), {"appeals.litigation_direct.upheld": value})
    (f,) = _of(check(bad), "GK-CELL-VALUE")
    assert (f.kind, f.severity, f.result) == ("bad_cell", "error", "fail")
    assert f.cells == ("appeals.litigation_direct.upheld",)
    assert words in f.message


def test_bad_cell_text_printed_in_a_count() -> None:
    base = with_cells(report(), {"active.licensing.decisions": None})
    prov = dict(base.provenance)
    prov["active.licensing.decisions"] = Provenance(where="第12行", raw="若干", how="text")
    (f,) = _of(check(replace(base, provenance=prov)), "GK-CELL-VALUE")
    assert "印为文字“若干”" in f.message and f.source == "第12行"
    assert not f.from_reading


def test_bad_cell_spares_signed_changes_amounts_and_whole_floats() -> None:
    fine = with_cells(
        report("2019"),
        {
            "active.licensing.change": -3,
            "active.procurement.amount": 12.5,
            "active.punishment.decisions": 4.0,
        },
    )
    assert _of(check(fine), "GK-CELL-VALUE") == []
    fees = with_cells(report("2021"), {"active.fees.amount": 0.35})
    assert _of(check(fees), "GK-CELL-VALUE") == []


def test_options_drop_uncertain_findings_and_skip_rules() -> None:
    partial = with_cells(report(), {"requests.carried_over.total": None})
    assert _of(check(partial, options=CheckOptions(uncertain=False)), "GK-T3-BALANCE") == []
    bad = with_cells(report(), {"requests.carried_over.total": 2})
    skipped = check(bad, options=CheckOptions(skip=frozenset({"GK-T3-BALANCE"})))
    assert _of(skipped, "GK-T3-BALANCE") == [] and _of(skipped, "GK-T3-ROW-TOTAL")
