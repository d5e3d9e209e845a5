"""Rules across two consecutive reports of the same body (``previous`` is last year's record).

They run only with a previous record whose year, when both years are known, is the year before
this report's; otherwise they return nothing.
"""

from __future__ import annotations

from gongkai.checks.context import Context, make, number, show
from gongkai.checks.finding import Finding, Result, Rule, Severity
from gongkai.checks.labels import column_name, row_name, table_name
from gongkai.record import Report, Value

CARRY = Rule(
    id="GK-YEAR-CARRY",
    kind="carry_over_mismatch",
    severity="warning",
    title="本年“上年结转”与上年报告“结转下年度继续办理”不一致",
    basis="年度报告格式（国办公开办函〔2021〕30号、〔2019〕60号）表三：上一年度结转下年度继续办理的"
    "申请，即本年度的上年结转申请",
    description="Per applicant column: this year's carried_over = last year's carried_forward.",
)
ROLL = Rule(
    id="GK-YEAR-IN-FORCE",
    kind="in_force_roll_forward",
    severity="warning",
    title="现行有效件数与上年现行有效件数、本年制发和废止件数不衔接",
    basis="国办公开办函〔2021〕30号格式表二（由其口径推出）：现行有效件数 = 上年现行有效件数 + "
    "本年制发件数 − 本年废止件数",
    description="2021 layout in both years, 规章 and 行政规范性文件: in_force = last year's "
    "in_force + issued − repealed.",
)


def _consecutive(report: Report, previous: Report | None) -> bool:
    if previous is None:
        return False
    year, last = report.year, previous.year
    if isinstance(year, int) and isinstance(last, int):
        return last == year - 1
    return True


def _label(previous: Report) -> str:
    return f"上一年度（{previous.year}年）报告" if previous.year else "上一年度报告"


def check_carry(report: Report, previous: Report | None, context: Context) -> list[Finding]:
    """GK-YEAR-CARRY."""
    official = context.layout
    if previous is None or official is None or not _consecutive(report, previous):
        return []
    if report.requests is None or previous.requests is None:
        return []
    table = official.table("requests")
    carried_over = table.row("carried_over")
    forward_name = row_name(table.row("carried_forward"))
    out = []
    for column in carried_over.column_keys:
        here_path = f"requests.carried_over.{column}"
        there_path = f"requests.carried_forward.{column}"
        here: Value = number(report.get(here_path))
        there: Value = number(previous.get(there_path))
        if here is None and there is None:
            continue
        head = f"{table_name(table)}“{column_name(table, column)}”列"
        if here is not None and there is not None:
            if here == there:
                continue
            message = (
                f"{head}：本年“{row_name(carried_over)}”为 {show(here)}，但{_label(previous)}"
                f"“{forward_name}”为 {show(there)}，两者应相等（年度报告格式表三：上年结转下年度"
                "的申请即本年的上年结转申请），请核对本年或上年报告"
            )
            result: Result = "fail"
            severity: Severity | None = None
        else:
            missing = "本年“上年结转”" if here is None else f"{_label(previous)}“{forward_name}”"
            message = f"{head}：{missing}没有读出数值，无法核对本年上年结转与上年结转下年度是否相等"
            result, severity = "uncertain", "info"
        prov = previous.provenance.get(there_path)
        where = report.provenance.get(here_path)
        source = (
            "；".join(
                s
                for s in (
                    f"本年：{where.where}" if where else "",
                    f"上年：{prov.where}" if prov else "",
                )
                if s
            )
            or "第三部分表格"
        )
        out.append(
            make(
                CARRY,
                report,
                cells=(here_path,),
                message=message,
                source=source,
                result=result,
                severity=severity,
            )
        )
    return out


def check_roll(report: Report, previous: Report | None, context: Context) -> list[Finding]:
    """GK-YEAR-IN-FORCE."""
    official = context.layout
    if previous is None or official is None or not _consecutive(report, previous):
        return []
    if report.format != "2021" or previous.format != "2021":
        return []
    if report.active is None or previous.active is None:
        return []
    table = official.table("active")
    out = []
    for row_key in ("rules", "normative_documents"):
        paths = tuple(f"active.{row_key}.{c}" for c in ("in_force", "issued", "repealed"))
        now, issued, repealed = (number(report.get(p)) for p in paths)
        before = number(previous.get(f"active.{row_key}.in_force"))
        values = (now, issued, repealed, before)
        if all(v is None for v in values):
            continue
        head = f"{table_name(table)}“{row_name(table.row(row_key))}”行"
        if any(v is None for v in values):
            message = (
                f"{head}：本年现行有效、制发、废止件数或{_label(previous)}的现行有效件数没有读出，"
                "无法核对现行有效件数是否衔接"
            )
            out.append(
                make(
                    ROLL,
                    report,
                    cells=paths,
                    message=message,
                    source="第二部分表格",
                    result="uncertain",
                    severity="info",
                )
            )
            continue
        expected = (before or 0) + (issued or 0) - (repealed or 0)
        if now == expected:
            continue
        message = (
            f"{head}：{_label(previous)}现行有效 {show(before)} 件 + 本年制发 {show(issued)} 件 − "
            f"本年废止 {show(repealed)} 件 = {show(expected)} 件，但本年现行有效为 {show(now)} 件，"
            "而现行有效件数应等于上年现行有效加本年制发减本年废止（由国办公开办函〔2021〕30号格式推出），"
            "请核对现行有效件数或制发、废止件数"
        )
        out.append(make(ROLL, report, cells=paths, message=message, source="第二部分表格"))
    return out
