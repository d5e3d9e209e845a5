"""Agreement between the narrative (section 一) and the tables, and the year the text speaks of.

``claims.claims`` reads the numbers the text states; each is compared with the table cells it
names. 受理 often means 新收 + 上年结转, so "受理/收到/接收 N 件" agrees with either; only
"新收 N 件" is compared with 新收 alone. A null table cell is never compared. A clause that
speaks of several bodies (全市、各部门…) gives at most an ``uncertain`` finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongkai.checks.claims import Claim, claims
from gongkai.checks.context import Context, make, number, section_source, show
from gongkai.checks.finding import Finding, Rule
from gongkai.checks.labels import column_name, row_name, table_name
from gongkai.checks.text import flatten
from gongkai.layout import Layout, Table
from gongkai.record import Report

TEXT_TABLE = Rule(
    id="GK-TEXT-TABLE",
    kind="text_table_mismatch",
    severity="warning",
    title="正文所述数字与表格不一致",
    basis="《中华人民共和国政府信息公开条例》第五十条；年度报告正文所述情况应与所附统计表一致",
    description="A number stated in section 一 (applications received, 予以公开, 部分公开, "
    "予以公开及部分公开, 不予公开, 无法提供, 不予处理, 其他处理, answered, carried over and "
    "forward, reviews, suits, 规章 and 规范性文件 issued, repealed, in force) differs from the "
    "table. Only unambiguous sentence patterns are read; 受理/收到 agree with 新收 or with "
    "新收 + 上年结转; a blank 总计 of a row of table 三 is the sum of its applicant cells.",
)
YEAR = Rule(
    id="GK-TEXT-YEAR",
    kind="year_mismatch",
    severity="warning",
    title="正文所述统计数据的年度与报告年度不符",
    basis="《中华人民共和国政府信息公开条例》第四十九条、第五十条：年度报告报告上一年度的"
    "政府信息公开工作情况",
    description='Section 一 states the report\'s statistics for another year ("2022年共收到申请…" '
    "in a report on 2023), or any section gives a statistics period (X年1月1日至Y年12月31日) "
    "of another year. The next year (plans) and sentences comparing years are not mismatches.",
)


@dataclass(frozen=True)
class Target:
    paths: tuple[str, ...]
    description: str


def _row_total(table: Table, *rows: str) -> Target:
    paths = tuple(f"{table.key}.{r}.total" for r in rows)
    names = "”与“".join(row_name(table.row(r)) for r in rows)
    suffix = "总计之和" if len(rows) > 1 else "总计"
    return Target(paths, f"{table_name(table)}“{names}”{suffix}")


def _group_total(table: Table, prefix: str) -> Target | None:
    rows = [r for r in table.rows if r.key.startswith(prefix)]
    if not rows:
        return None
    if len(rows) == 1:
        return _row_total(table, rows[0].key)
    group = rows[0].group or row_name(rows[0])
    return Target(
        tuple(f"{table.key}.{r.key}.total" for r in rows),
        f"{table_name(table)}“{group}”各项总计之和",
    )


def _active(table: Table, row: str, column: str) -> Target | None:
    try:
        r = table.row(row)
    except KeyError:
        return None
    if column not in r.column_keys:
        return None
    name = f"{table_name(table)}“{row_name(r)}”行“{column_name(table, column)}”"
    return Target((f"{table.key}.{row}.{column}",), name)


def targets(what: str, official: Layout) -> list[Target]:
    """The table cells (alternatives) a claim of kind ``what`` may agree with."""
    req, app, act = (official.table(k) for k in ("requests", "appeals", "active"))
    made = "issued" if official.format == "2021" else "made"
    found: dict[str, list[Target | None]] = {
        "received_new": [_row_total(req, "new_received")],
        "received": [
            _row_total(req, "new_received"),
            _row_total(req, "new_received", "carried_over"),
        ],
        "granted": [_row_total(req, "granted")],
        "partially": [_row_total(req, "partially_granted")],
        "granted_or_partially": [_row_total(req, "granted", "partially_granted")],
        "other_processing": [_group_total(req, "other")],
        "withheld": [_group_total(req, "withheld_")],
        "unavailable": [_group_total(req, "unavailable_")],
        # 因本机关不掌握等原因无法提供 N 件: the group, or the 不掌握 row alone
        "unavailable_not_held": [
            _group_total(req, "unavailable_"),
            _row_total(req, "unavailable_not_held"),
        ],
        "rejected": [_group_total(req, "rejected_")],
        "answered": [_row_total(req, "total")],
        "carried_forward": [_row_total(req, "carried_forward")],
        "carried_over": [_row_total(req, "carried_over")],
        "review": [_row_total(app, "review")],
        "litigation": [_row_total(app, "litigation_direct", "litigation_after_review")],
        "rules_issued": [_active(act, "rules", made)],
        "normative_issued": [_active(act, "normative_documents", made)],
        "normative_repealed": [_active(act, "normative_documents", "repealed")],
        "normative_in_force": [_active(act, "normative_documents", "in_force")],
    }
    return [t for t in found.get(what, []) if t is not None]


def _cell(report: Report, path: str, official: Layout) -> tuple[int | float | None, bool]:
    """A cell's value; a blank 总计 of a row of table 三 is the sum of the row's printed
    applicant cells (its row_sum identity) when they are all known. Second: whether summed."""
    value = number(report.get(path))
    table_key, row, column = path.split(".")
    if value is not None or table_key != "requests":
        return value, False
    for identity in official.table(table_key).identities:
        if identity.kind == "row_sum" and identity.total == (column,):
            parts = [number(report.get(f"{table_key}.{row}.{c}")) for c in identity.parts]
            if all(p is not None for p in parts):
                return sum(p for p in parts if p is not None), True
    return None, False


def _value(report: Report, target: Target, official: Layout) -> tuple[int | float | None, bool]:
    """The target's value (None if a cell is unknown), and whether a blank total was summed."""
    cells = [_cell(report, p, official) for p in target.paths]
    if any(v is None for v, _ in cells):
        return None, False
    return sum(v for v, _ in cells if v is not None), any(s for _, s in cells)


def _off_year(claim: Claim, year: int) -> bool:
    return claim.year is not None and claim.year not in (year, year + 1) and not claim.compares


def _quote(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_text_table(report: Report, previous: Report | None, context: Context) -> list[Finding]:
    """GK-TEXT-TABLE."""
    official = context.layout
    text = report.sections.get("一")
    if official is None or not text:
        return []
    out: list[Finding] = []
    done: set[tuple[str, int]] = set()
    for claim in claims(text):
        if isinstance(report.year, int) and _off_year(claim, report.year):
            continue  # another year's number: GK-TEXT-YEAR
        options = [(t, *_value(report, t, official)) for t in targets(claim.what, official)]
        summed = any(s for _, v, s in options if v is not None)
        known = [(t, v) for t, v, _ in options if v is not None]
        if not known or any(v == claim.value for _, v in known):
            continue
        cells = tuple(dict.fromkeys(p for t, _ in known for p in t.paths))
        known = [(t, v) for i, (t, v) in enumerate(known) if v not in [w for _, w in known[:i]]]
        if (claim.what, claim.value) in done:
            continue
        done.add((claim.what, claim.value))
        tables = "、".join(f"{t.description}为 {show(v)}" for t, v in known)
        every = "均" if len(known) > 1 else ""
        message = (
            f"第一部分正文写明“{_quote(claim.clause)}”，但{tables}，"
            f"{every}与正文所述 {claim.value} 不一致（《政府信息公开条例》第五十条：年度报告的"
            "文字与统计表应一致），请核对后更正正文或表格"
        )
        if summed:
            message += "（表中总计列空白的行，按各类申请人之和计）"
        if claim.scoped:
            message += "（正文所述可能是多个机关的合计，故仅作提示）"
        out.append(
            make(
                TEXT_TABLE,
                report,
                cells=cells,
                message=message,
                source=f"{section_source(report, '一')}：“{_quote(claim.sentence, 80)}”",
                result="uncertain" if claim.scoped else "fail",
                severity="info" if claim.scoped else None,
            )
        )
    return out


_PERIOD = re.compile(r"(\d{4,})年1月1日(?:起)?(?:至|到|-|~|—)(\d{4,})年12月31日")


def check_year(report: Report, previous: Report | None, context: Context) -> list[Finding]:
    """GK-TEXT-YEAR."""
    year = report.year
    if not isinstance(year, int) or isinstance(year, bool):
        return []
    out: list[Finding] = []
    seen: set[str] = set()
    text = report.sections.get("一")
    for claim in claims(text) if text else []:
        if not _off_year(claim, year) or claim.sentence in seen:
            continue
        seen.add(claim.sentence)
        message = (
            f"这是{year}年度的报告，但第一部分写道“{_quote(claim.sentence)}”，"
            f"所述为{claim.year}年的数字，而年度报告应报告{year}年的情况（《政府信息公开条例》"
            "第四十九条），请核对是否误用了其他年度的数据或年份写错"
        )
        out.append(
            make(
                YEAR,
                report,
                cells=("year", "sections.一"),
                message=message,
                source=section_source(report, "一"),
            )
        )
    for number_, body in report.sections.items():
        for m in _PERIOD.finditer(flatten(body)):
            start, end = int(m.group(1)), int(m.group(2))
            if start == year and end == year:
                continue
            message = (
                f"这是{year}年度的报告，但统计期限写为“{m.group(0)}”，"
                f"应为{year}年1月1日至{year}年12月31日，请更正"
            )
            out.append(
                make(
                    YEAR,
                    report,
                    cells=("year", f"sections.{number_}"),
                    message=message,
                    source=section_source(report, number_),
                )
            )
    return out
