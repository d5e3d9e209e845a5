"""Arithmetic of the official tables: the layout's identities, and cells that cannot be counts.

The identities are not spelled out here: every ``Identity`` of the layout (``row_sum``,
``column_sum``, ``balance``) is expanded into its instances (one per row or column) and each
instance is checked. A missing operand is never taken as 0: with one null operand the result is
``uncertain`` (severity info, or warning when the values read already make the identity
impossible for non-negative counts); with every operand null there is no finding.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gongkai.checks.context import Context, cell_source, make, number, show
from gongkai.checks.finding import Finding, Rule, Severity
from gongkai.checks.labels import column_name, row_name, source_name, table_name
from gongkai.layout import Identity, Table
from gongkai.record import Report

_TABLE_BASIS = "国办公开办函〔2021〕30号、国办公开办函〔2019〕60号《政府信息公开工作年度报告格式》"

BALANCE = Rule(
    id="GK-T3-BALANCE",
    kind="balance_identity",
    severity="error",
    title="表三各列：本年新收＋上年结转＝办理结果总计＋结转下年度",
    basis=f"{_TABLE_BASIS}表三注明的勾稽关系：第一项加第二项之和，等于第三项加第四项之和",
    description="For each applicant column of table 三: new_received + carried_over = total + "
    "carried_forward (the layout's balance identity).",
)
OUTCOMES = Rule(
    id="GK-T3-OUTCOMES",
    kind="total_not_sum_of_outcomes",
    severity="error",
    title="表三各列：（七）总计等于各项办理结果之和",
    basis=f"{_TABLE_BASIS}表三：（七）总计为（一）至（六）各项办理结果之和",
    description="For each column of table 三: the total row equals the sum of every outcome row "
    "(the layout's column_sum identity).",
)
ROW_TOTAL = Rule(
    id="GK-T3-ROW-TOTAL",
    kind="row_total_mismatch",
    severity="error",
    title="表三各行：总计列等于六类申请人之和",
    basis=f"{_TABLE_BASIS}表三：总计列为自然人与法人或其他组织各列之和",
    description="For each row of table 三: the total column equals the sum of the six applicant "
    "columns (the layout's row_sum identity).",
)
APPEALS = Rule(
    id="GK-T4-TOTAL",
    kind="appeals_total_mismatch",
    severity="error",
    title="表四各栏：总计等于结果维持、结果纠正、其他结果、尚未审结之和",
    basis=f"{_TABLE_BASIS}表四：行政复议、行政诉讼各栏总计为各项结果之和",
    description="For each block of table 四 (review, litigation direct, after review): total = "
    "upheld + corrected + other + pending (the layout's row_sum identity).",
)
BAD_CELL = Rule(
    id="GK-CELL-VALUE",
    kind="bad_cell",
    severity="error",
    title="件数单元格印为负数、小数或文字",
    basis=f"{_TABLE_BASIS}：表中各项为件数（数量），应为非负整数",
    description="A count cell printed negative, fractional, non-finite, or as text that is not a "
    "number (the reader keeps such text with how='text'); not for 本年增/减 (signed) or amounts.",
)

IDENTITY_RULES: dict[tuple[str, str], Rule] = {
    ("requests", "balance"): BALANCE,
    ("requests", "column_sum"): OUTCOMES,
    ("requests", "row_sum"): ROW_TOTAL,
    ("appeals", "row_sum"): APPEALS,
}


@dataclass(frozen=True)
class Operand:
    path: str
    name: str


@dataclass(frozen=True)
class Instance:
    """One instance of an identity: ``left`` operands sum to ``right`` operands."""

    where: str  # “自然人”列, “（一）予以公开”行, “行政复议”
    left: tuple[Operand, ...]
    right: tuple[Operand, ...]


_INSTANCES: dict[tuple[int, int], tuple[Table, Identity, list[Instance]]] = {}


def instances(table: Table, identity: Identity) -> list[Instance]:
    """Every row or column an identity of ``table`` applies to (computed once per layout)."""
    key = (id(table), id(identity))
    cached = _INSTANCES.get(key)
    if cached is None or cached[0] is not table or cached[1] is not identity:
        cached = (table, identity, _instances(table, identity))
        _INSTANCES[key] = cached
    return cached[2]


def _instances(table: Table, identity: Identity) -> list[Instance]:
    out: list[Instance] = []
    if identity.kind == "row_sum":
        total = identity.total[0]
        for row in table.rows:
            if total in row.column_keys and all(p in row.column_keys for p in identity.parts):
                name = row_name(row)
                left = tuple(
                    Operand(f"{table.key}.{row.key}.{c}", column_name(table, c))
                    for c in identity.parts
                )
                right = (Operand(f"{table.key}.{row.key}.{total}", column_name(table, total)),)
                where = f"“{name}”" if table.key == "appeals" else f"“{name}”行"
                out.append(Instance(where, left, right))
        return out
    left_rows, right_rows = identity.parts, identity.total  # column_sum and balance
    columns = table.row(right_rows[0]).column_keys
    for column in columns:
        lhs = tuple(Operand(f"{table.key}.{r}.{column}", row_name(table.row(r))) for r in left_rows)
        rhs = tuple(
            Operand(f"{table.key}.{r}.{column}", row_name(table.row(r))) for r in right_rows
        )
        out.append(Instance(f"“{column_name(table, column)}”列", lhs, rhs))
    return out


def _relation(left: tuple[Operand, ...], right: tuple[Operand, ...]) -> str:
    def side(ops: tuple[Operand, ...]) -> str:
        if len(ops) <= 7:
            return " + ".join(o.name for o in ops)
        return f"“{ops[0].name}”至“{ops[-1].name}”各项之和"

    return f"{side(left)} = {side(right)}"


def _side_text(report: Report, ops: tuple[Operand, ...]) -> str:
    values = [number(report.get(o.path)) for o in ops]
    total = sum(v for v in values if v is not None)
    if len(ops) == 1:
        return f"{ops[0].name} {show(values[0])}"
    if len(ops) <= 7:
        terms = " + ".join(f"{o.name} {show(v)}" for o, v in zip(ops, values, strict=True))
        return f"{terms} = {show(total)}"
    nonzero = [f"{o.name} {show(v)}" for o, v in zip(ops, values, strict=True) if v]
    detail = f"（其中{'，'.join(nonzero)}，其余为 0）" if nonzero else "（各项均为 0）"
    return f"“{ops[0].name}”至“{ops[-1].name}”各项合计 {show(total)}{detail}"


def check_instance(
    rule: Rule, report: Report, table: Table, inst: Instance, source_doc: str
) -> Finding | None:
    ops = inst.left + inst.right
    values = {o.path: number(report.get(o.path)) for o in ops}
    missing = [o for o in ops if values[o.path] is None]
    cells = tuple(o.path for o in ops)
    if len(missing) == len(ops):
        return None
    first: tuple[Operand, ...] = inst.left
    second: tuple[Operand, ...] = inst.right
    if len(inst.right) < len(inst.left):
        first, second = inst.right, inst.left
    relation = _relation(inst.left, inst.right)
    head = f"{table_name(table)}{inst.where}"
    fallback = f"第{table.section}部分表格"
    if not missing:
        lsum = sum(values[o.path] or 0 for o in inst.left)
        rsum = sum(values[o.path] or 0 for o in inst.right)
        if lsum == rsum:
            return None
        message = (
            f"{head}：{_side_text(report, first)}，但{_side_text(report, second)}，"
            f"不符合表内勾稽关系（{source_doc}：{relation}），请核对后更正"
        )
        return make(
            rule,
            report,
            cells=cells,
            message=message,
            source=cell_source(report, cells, fallback),
        )
    known_left = sum(values[o.path] or 0 for o in inst.left)
    known_right = sum(values[o.path] or 0 for o in inst.right)
    left_missing = any(values[o.path] is None for o in inst.left)
    right_missing = any(values[o.path] is None for o in inst.right)
    impossible = (left_missing and not right_missing and known_left > known_right) or (
        right_missing and not left_missing and known_right > known_left
    )
    names = "、".join(f"“{o.name}”" for o in missing[:3])
    more = f"等 {len(missing)} 项" if len(missing) > 3 else ""
    severity: Severity = "warning" if impossible else "info"
    tail = f"；已读出的数值（{_known_text(report, inst)}）已使等式无法成立" if impossible else ""
    message = (
        f"{head}：{names}{more}没有读出数值，无法核对{relation}（{source_doc}）{tail}，"
        "请对照原文补全或更正"
    )
    return make(
        rule,
        report,
        cells=cells,
        message=message,
        source=cell_source(report, cells, fallback),
        result="uncertain",
        severity=severity,
    )


def _known_text(report: Report, inst: Instance) -> str:
    parts = []
    for ops in (inst.left, inst.right):
        known = [(o, number(report.get(o.path))) for o in ops]
        parts.append(" + ".join(f"{o.name} {show(v)}" for o, v in known if v is not None) or "无")
    return " 对 ".join(parts)


def _identity_check(rule: Rule) -> Callable[[Report, Report | None, Context], list[Finding]]:
    def run(report: Report, previous: Report | None, context: Context) -> list[Finding]:
        official = context.layout
        if official is None:
            return []
        out: list[Finding] = []
        for table in official.tables:
            if getattr(report, table.key) is None:
                continue
            for identity in table.identities:
                if IDENTITY_RULES.get((table.key, identity.kind)) is not rule:
                    continue
                for inst in instances(table, identity):
                    finding = check_instance(rule, report, table, inst, source_name(official))
                    if finding is not None:
                        out.append(finding)
        return out

    run.__name__ = f"check_{rule.kind}"
    run.__doc__ = f"{rule.id}: {rule.description}"
    return run


check_balance = _identity_check(BALANCE)
check_outcomes = _identity_check(OUTCOMES)
check_row_total = _identity_check(ROW_TOTAL)
check_appeals = _identity_check(APPEALS)


def check_bad_cells(report: Report, previous: Report | None, context: Context) -> list[Finding]:
    """GK-CELL-VALUE: counts printed negative, fractional or as text."""
    official = context.layout
    if official is None:
        return []
    out: list[Finding] = []
    for table in official.tables:
        if getattr(report, table.key) is None:
            continue
        for row in table.rows:
            for column in row.columns:
                if column.kind != "count":
                    continue
                path = f"{table.key}.{row.key}.{column.key}"
                problem = _count_problem(report, path)
                if problem is None:
                    continue
                name = f"{table_name(table)}“{row_name(row)}”行“{column_name(table, column.key)}”列"
                message = (
                    f"{name}{problem}，件数应为非负整数（{source_name(official)}），请核对后更正"
                )
                out.append(
                    make(
                        BAD_CELL,
                        report,
                        cells=(path,),
                        message=message,
                        source=cell_source(report, (path,), f"第{table.section}部分表格"),
                    )
                )
    return out


def _count_problem(report: Report, path: str) -> str | None:
    value = report.get(path)
    if value is None:
        prov = report.provenance.get(path)
        if prov is not None and prov.how == "text" and prov.raw.strip():
            return f"印为文字“{prov.raw.strip()}”而不是数字"
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"不是数字（{value!r}）"
    if number(value) is None:
        return f"不是有限的数（{value}）"
    if value < 0:
        return f"印为负数 {show(value)}"
    if isinstance(value, float) and not value.is_integer():
        return f"印为小数 {show(value)}"
    return None
