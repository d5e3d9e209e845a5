"""Plausibility under the law: who may make 规章, unpublished normative documents, deadlines,
and the counts of table 二 that cannot be."""

from __future__ import annotations

import re
from datetime import date

from gongkai.checks.bodies import Body
from gongkai.checks.context import Context, cell_source, make, number, show
from gongkai.checks.finding import Finding, Rule
from gongkai.checks.labels import column_name, row_name, table_name
from gongkai.record import Report

AUTHORITY = Rule(
    id="GK-AUTH-RULES",
    kind="rules_outside_authority",
    severity="warning",
    title="无规章制定权的机关填报了规章",
    basis="《中华人民共和国立法法》第九十一条、第九十三条：只有国务院各部门和省、自治区、直辖市、"
    "设区的市（含东莞、中山、嘉峪关、三沙）、自治州的人民政府可以制定规章",
    description="规章 issued or in force (2019: made, published or published in total) reported "
    "by a body that cannot make 规章: a township, sub-district office or 苏木, a county-level "
    "government, a department of a local government, a 管委会. An unnamed body that calls "
    "itself 我镇/本乡/我街道… is a township. Uncertain (info) when the name does not tell the "
    "level (a city that may be county-level, an unnamed body).",
)
UNPUBLISHED = Rule(
    id="GK-T2-NORMATIVE-UNPUBLISHED",
    kind="normative_made_not_published",
    severity="warning",
    title="制作了规范性文件但一件也未公开",
    basis="《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）："
    "行政规范性文件必须公开发布，未经公开发布的不得作为行政管理依据",
    description="2019 layout: 规范性文件 本年新制作数量 > 0 but 本年新公开数量 = 0.",
)
LATE = Rule(
    id="GK-DATE-LATE",
    kind="late_publication",
    severity="warning",
    title="年度报告晚于法定期限发布",
    basis="《中华人民共和国政府信息公开条例》第四十九条：县级以上人民政府部门每年1月31日前、"
    "县级以上地方人民政府每年3月31日前公布上一年度的年度报告",
    description="The publication date is after the deadline: 01-31 of the next year for "
    "departments, 03-31 for local governments at county level and above (and, leniently, for "
    "government offices and 管委会, which may report for a government); 03-31 for every body "
    "for reports on 2018 and before (2008 条例 第三十一条). Townships: CheckOptions."
    "township_deadline, no finding by default. Unknown body: uncertain after 03-31.",
)
IN_FORCE_LOW = Rule(
    id="GK-T2-IN-FORCE",
    kind="in_force_below_issued",
    severity="warning",
    title="现行有效件数少于本年制发件数减本年废止件数",
    basis="国办公开办函〔2021〕30号格式表二：现行有效件数包括本年制发且未废止的件数",
    description="2021 layout, 规章 and 行政规范性文件: in_force < issued − repealed cannot be "
    "(this year's documents not repealed are in force).",
)
PUBLISHED_TOTAL = Rule(
    id="GK-T2-PUBLISHED-TOTAL",
    kind="published_total_below_new",
    severity="warning",
    title="对外公开总数量少于本年新公开数量",
    basis="国办公开办函〔2019〕60号格式表二：对外公开总数量包括本年新公开数量",
    description="2019 layout, 规章 and 规范性文件: total_published < published cannot be.",
)


def _rules_columns(report: Report) -> tuple[str, ...]:
    if report.format == "2021":
        return ("issued", "in_force")
    if report.format == "2019":
        return ("made", "published", "total_published")
    return ()


def check_authority(report: Report, previous: Report | None, context: Context) -> list[Finding]:
    """GK-AUTH-RULES."""
    official = context.layout
    if official is None or report.active is None:
        return []
    table = official.table("active")
    positive = [
        f"active.rules.{c}"
        for c in _rules_columns(report)
        if (v := number(report.get(f"active.rules.{c}"))) is not None and v > 0
    ]
    if not positive:
        return []
    body: Body = context.body
    can = body.can_make_rules
    if can:
        return []
    filled = "、".join(
        f"“{column_name(table, p.rsplit('.', 1)[1])}” {show(report.get(p))}" for p in positive
    )
    what = f"{table_name(table)}“{row_name(table.row('rules'))}”行填报了{filled}"
    source = cell_source(report, tuple(positive), "第二部分表格")
    if can is False:
        message = (
            f"{body.subject}是{body.description}，无权制定规章，但{what}，"
            "请核对：本机关制发的文件应计入“行政规范性文件”等相应行，规章行应填 0（依据《立法法》"
            "第九十一条、第九十三条）"
        )
        return [make(AUTHORITY, report, cells=tuple(positive), message=message, source=source)]
    who = f"从名称“{body.name}”" if body.name else "报告未写明机关名称，"
    message = (
        f"{what}，但{who}无法判断本机关是否有权制定规章（只有国务院部门和省、设区的市、自治州"
        "人民政府可以），请核对规章行是否应为 0"
    )
    return [
        make(
            AUTHORITY,
            report,
            cells=tuple(positive),
            message=message,
            source=source,
            result="uncertain",
            severity="info",
        )
    ]


def check_unpublished(report: Report, previous: Report | None, context: Context) -> list[Finding]:
    """GK-T2-NORMATIVE-UNPUBLISHED."""
    if report.format != "2019" or report.active is None or context.layout is None:
        return []
    table = context.layout.table("active")
    made_path, pub_path = "active.normative_documents.made", "active.normative_documents.published"
    made, published = number(report.get(made_path)), number(report.get(pub_path))
    if made is None or made <= 0:
        return []
    row = f"{table_name(table)}“{row_name(table.row('normative_documents'))}”行"
    cells = (made_path, pub_path)
    source = cell_source(report, cells, "第二部分表格")
    if published is None:
        message = (
            f"{row}“本年新制作数量”为 {show(made)}，“本年新公开数量”没有读出，"
            "无法核对新制作的规范性文件是否均已公开，请对照原文核对"
        )
        return [
            make(
                UNPUBLISHED,
                report,
                cells=cells,
                message=message,
                source=source,
                result="uncertain",
                severity="info",
            )
        ]
    if published != 0:
        return []
    message = (
        f"{row}本年新制作 {show(made)} 件，但本年新公开数量为 0，规范性文件未经公开发布不得作为"
        "行政管理依据（国办发〔2018〕37号），请核对是否漏报公开数量或及时公开"
    )
    return [make(UNPUBLISHED, report, cells=cells, message=message, source=source)]


def _published(report: Report) -> date | None:
    if not isinstance(report.published, str):
        return None
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", report.published.strip())
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _month_day(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    m = re.match(r"^(\d{1,2})-(\d{1,2})$", text.strip())
    if m is None:
        return None
    return int(m.group(1)), int(m.group(2))


_LOCAL = "《政府信息公开条例》第四十九条：县级以上地方人民政府3月31日前"


def deadline(body: Body, year: int, township: str | None) -> tuple[date | None, bool, str]:
    """(deadline, certain, what applies) for the report on ``year`` of ``body``."""
    try:
        if year < 2019:
            return (
                date(year + 1, 3, 31),
                True,
                "2008年《政府信息公开条例》第三十一条：各级行政机关3月31日前",
            )
        if body.kind == "township":
            md = _month_day(township)
            if md is None:
                return None, False, ""
            return date(year + 1, *md), True, "县级人民政府为乡镇、街道规定的期限"
        if body.kind in ("department", "state_council_department", "national_agency"):
            return (
                date(year + 1, 1, 31),
                True,
                "《政府信息公开条例》第四十九条：县级以上人民政府部门1月31日前",
            )
        if body.kind in ("government", "government_office", "agency"):
            return date(year + 1, 3, 31), True, _LOCAL
        return date(year + 1, 3, 31), False, _LOCAL
    except ValueError:
        return None, False, ""


def check_late(report: Report, previous: Report | None, context: Context) -> list[Finding]:
    """GK-DATE-LATE."""
    published = _published(report)
    year = report.year
    if published is None or not isinstance(year, int) or isinstance(year, bool):
        return []
    due, certain, applies = deadline(context.body, year, context.options.township_deadline)
    if due is None or published <= due:
        return []
    body = context.body
    who = f"{body.subject}（{body.description}）" if body.name else body.subject
    message = (
        f"{year}年度报告的发布日期为{published.isoformat()}，晚于{due.isoformat()}的期限"
        f"（{applies}），{who}应按期发布年度报告"
    )
    if not certain:
        message += "；因无法从名称判断机关层级，如为乡镇、街道则以县级人民政府规定的期限为准"
    return [
        make(
            LATE,
            report,
            cells=("published",),
            message=message,
            source="发布日期",
            result="fail" if certain else "uncertain",
            severity=None if certain else "info",
        )
    ]


def _pairs_below(report: Report, context: Context, rule: Rule) -> list[Finding]:
    official = context.layout
    if official is None or report.active is None:
        return []
    table = official.table("active")
    out = []
    for row_key in ("rules", "normative_documents"):
        row = table.row(row_key)
        if rule is IN_FORCE_LOW:
            paths = tuple(f"active.{row_key}.{c}" for c in ("in_force", "issued", "repealed"))
            total, issued, repealed = (number(report.get(p)) for p in paths)
            if total is None or issued is None or repealed is None or total >= issued - repealed:
                continue
            detail = (
                f"现行有效 {show(total)} 件少于本年制发 {show(issued)} 件"
                f"减本年废止 {show(repealed)} 件"
            )
        else:
            paths = tuple(f"active.{row_key}.{c}" for c in ("total_published", "published"))
            total, new = (number(report.get(p)) for p in paths)
            if total is None or new is None or total >= new:
                continue
            detail = f"对外公开总数量 {show(total)} 少于本年新公开数量 {show(new)}"
        message = (
            f"{table_name(table)}“{row_name(row)}”行：{detail}，数量上不可能成立"
            f"（{rule.basis}），请核对后更正"
        )
        out.append(
            make(
                rule,
                report,
                cells=paths,
                message=message,
                source=cell_source(report, paths, "第二部分表格"),
            )
        )
    return out


def check_in_force_low(report: Report, previous: Report | None, context: Context) -> list[Finding]:
    """GK-T2-IN-FORCE."""
    return _pairs_below(report, context, IN_FORCE_LOW) if report.format == "2021" else []


def check_published_total(
    report: Report, previous: Report | None, context: Context
) -> list[Finding]:
    """GK-T2-PUBLISHED-TOTAL."""
    return _pairs_below(report, context, PUBLISHED_TOTAL) if report.format == "2019" else []
