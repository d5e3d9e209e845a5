"""Structure of the report: the six statutory sections, their order, and printed enumerations.

A record that carries no section text at all (a tables-only JSON record) is not checked for
structure: there is nothing to check, which is not the same as six missing sections. Records of
the pre-2019 layout are not checked either (the six-section structure is the 2019 and 2021
formats').
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from gongkai.checks.context import SECTION_NUMBERS, Context, make, section_source
from gongkai.checks.finding import Finding, Rule
from gongkai.checks.text import NUMERALS, chinese_number, chinese_numeral, normalize
from gongkai.layout import FormatName, layout
from gongkai.record import Report

_ARTICLE_50 = (
    "《中华人民共和国政府信息公开条例》第五十条及年度报告格式"
    "（国办公开办函〔2021〕30号、〔2019〕60号）规定的六部分内容"
)

_SHORT_BASIS = "《政府信息公开条例》第五十条及年度报告格式：依次为一至六部分"

MISSING = Rule(
    id="GK-SEC-MISSING",
    kind="missing_section",
    severity="error",
    title="缺少法定的报告部分",
    basis=_ARTICLE_50,
    description="One of the six sections (一 总体情况 … 六 其他需要报告的事项) is absent. A "
    "missing section before the first or after the last one found, in a record with unread "
    "table cells, is probably a cut-off input: uncertain (warning), one finding for all of them. "
    "A line printed like the section's heading (五、存在的主要问题及整改措施) under another "
    "section: uncertain (warning), the heading is probably non-standard.",
)
EMPTY = Rule(
    id="GK-SEC-EMPTY",
    kind="empty_section",
    severity="warning",
    title="报告部分只有标题没有内容",
    basis=_ARTICLE_50,
    description="A section heading is printed with nothing under it (page chrome such as 打印/关闭 "
    "does not count as content; a table section whose table has values is not empty).",
)
ORDER = Rule(
    id="GK-SEC-ORDER",
    kind="section_numbering",
    severity="warning",
    title="报告各部分顺序或编号有误",
    basis=f"{_ARTICLE_50}（依次为一至六）",
    description="The six sections are printed out of order, or a heading's printed number is not "
    "the number of the section it heads.",
)
ENUMERATION = Rule(
    id="GK-TEXT-ENUM",
    kind="section_numbering",
    severity="warning",
    title="正文列举序号不连续或重复",
    basis="《党政机关公文格式》（GB/T 9704—2012）7.3.3 结构层次序数：序数应依次排列",
    description="In the narrative sections (一、五、六), an enumeration the text prints — "
    "一是…二是… or the sub-headings (一)(二)… at the start of a line — skips a number, "
    "repeats one or goes backwards. A new list starts at 一; numbers before the first 一 of a "
    "section are ignored.",
)
FORMAT_YEAR = Rule(
    id="GK-FORMAT-YEAR",
    kind="format_year_mismatch",
    severity="error",
    title="使用的表格格式与报告年度不符",
    basis="国办公开办函〔2021〕30号（2021年度起的年度报告使用新格式）；"
    "国办公开办函〔2019〕60号（2019、2020年度报告格式）",
    description="The 2019 layout used for a report on 2021 or later, or the 2021 layout for a "
    "report on 2020 or earlier.",
)

_CHROME = re.compile(
    r"^(打印|关闭|关闭窗口|分享到|分享文章到|下载word|下载pdf|下载|字号|大|中|小|大中小|"
    r"返回顶部|收藏|扫一扫|【打印】|【关闭】|【关闭窗口】|\|)+$",
    re.I,
)
_CONTENT = re.compile(r"[\w\u4e00-\u9fff]")


def _has_table_values(report: Report, number: str, context: Context) -> bool:
    if context.layout is None:
        return False
    for table in context.layout.tables:
        if table.section != number or getattr(report, table.key) is None:
            continue
        if any(report.get(p) is not None for p in table.paths()):
            return True
    return False


def _applies(report: Report, context: Context) -> bool:
    return context.layout is not None and bool(report.sections)


def _title(context: Context, number: str) -> str:
    if context.layout is not None:
        for section in context.layout.sections:
            if section.number == number:
                return section.title
    return ""


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _row_labels(context: Context) -> tuple[str, ...]:
    """Table row labels without their ordinal: 本年新收…, 上年结转…, 本年度办理结果, 结转下年度…"""
    if context.layout is None:
        return ()
    return _labels_of(context.layout.format)


@cache
def _labels_of(fmt: FormatName) -> tuple[str, ...]:
    labels = set()
    for table in layout(fmt).tables:
        for row in table.rows:
            for text in (row.label, row.group or "", *row.aliases):
                text = re.sub(rf"^[{NUMERALS}]+、", "", text)
                if len(text) >= 4:
                    labels.add(text)
    return tuple(labels)


def _printed_heading(report: Report, number: str, context: Context) -> str | None:
    """A line in the sections' text that looks like the heading of section ``number``: it starts
    with the section's numeral and shares words with its title, and is no table row label."""
    pattern = re.compile(rf"^\s*{number}\s*[、.．]\s*(\S.{{0,40}})$", re.M)
    titles = [s for s in (context.layout.sections if context.layout else ()) if s.number == number]
    words = set().union(*(_bigrams(t) for s in titles for t in (s.title, *s.aliases)))
    labels = _row_labels(context)
    for text in report.sections.values():
        for m in pattern.finditer(normalize(text)):
            rest = m.group(1).strip()
            if rest.startswith(labels) or len(_bigrams(rest) & words) < 3:
                continue
            return m.group(0).strip()
    return None


def check_missing(report: Report, previous: Report | None, context: Context) -> list[Finding]:
    """GK-SEC-MISSING."""
    if not _applies(report, context):
        return []
    present = [SECTION_NUMBERS.index(n) for n in SECTION_NUMBERS if n in report.sections]
    missing = [n for n in SECTION_NUMBERS if n not in report.sections]
    incomplete = any(v is None for _, v in report.cells())
    out: list[Finding] = []
    edge: list[str] = []
    for number in missing:
        title = _title(context, number)
        cell = (f"sections.{number}",)
        printed = _printed_heading(report, number, context)
        index = SECTION_NUMBERS.index(number)
        if printed is not None:
            message = (
                f"没有找到规定标题的第{number}部分“{title}”，但正文中有“{printed}”，"
                "可能是该部分标题与年度报告格式不一致，请核对并按规定标题书写"
            )
            out.append(
                make(
                    MISSING,
                    report,
                    cells=cell,
                    message=message,
                    source="全文",
                    result="uncertain",
                    severity="warning",
                    reading=True,
                )
            )
        elif incomplete and present and (index < min(present) or index > max(present)):
            edge.append(number)
        else:
            message = (
                f"报告缺少第{number}部分“{title}”，不符合{MISSING.basis}，"
                "请补充该部分（没有内容的也应列出标题并写明“无”）"
            )
            out.append(make(MISSING, report, cells=cell, message=message, source="全文"))
    if edge:
        names = "、".join(f"第{n}部分“{_title(context, n)}”" for n in edge)
        message = (
            f"没有找到{names}，且表格中有未读出的单元格，原文可能不完整，"
            "请核对报告全文是否包含这些部分"
        )
        out.append(
            make(
                MISSING,
                report,
                cells=tuple(f"sections.{n}" for n in edge),
                message=message,
                source="全文",
                result="uncertain",
                severity="warning",
                reading=True,
            )
        )
    return out


def _is_empty(text: str) -> bool:
    for line in normalize(text).splitlines():
        squeezed = re.sub(r"\s+", "", line)
        if squeezed and not _CHROME.match(squeezed) and _CONTENT.search(squeezed):
            return False
    return True


def check_empty(report: Report, previous: Report | None, context: Context) -> list[Finding]:
    """GK-SEC-EMPTY."""
    if not _applies(report, context):
        return []
    out = []
    for number in SECTION_NUMBERS:
        text = report.sections.get(number)
        if text is None or not _is_empty(text) or _has_table_values(report, number, context):
            continue
        title = report.section_titles.get(number) or f"{number}、{_title(context, number)}"
        message = (
            f"第{number}部分“{title}”只有标题、没有内容，不符合《政府信息公开条例》第五十条对"
            "年度报告内容的要求，请补写该部分（确无可报告事项的，应写明“无”）"
        )
        out.append(
            make(
                EMPTY,
                report,
                cells=(f"sections.{number}",),
                message=message,
                source=section_source(report, number),
            )
        )
    return out


_HEADING_NUMBER = re.compile(rf"^\s*([{NUMERALS}]+)\s*[、.,，．]")


def check_order(report: Report, previous: Report | None, context: Context) -> list[Finding]:
    """GK-SEC-ORDER."""
    if not _applies(report, context):
        return []
    out: list[Finding] = []
    order = [n for n in report.sections if n in SECTION_NUMBERS]
    if order != sorted(order, key=SECTION_NUMBERS.index):
        printed = "、".join(order)
        message = (
            f"报告各部分的先后顺序为“{printed}”，应依次为一至六，请按规定顺序调整（{_SHORT_BASIS}）"
        )
        cells = tuple(f"sections.{n}" for n in order)
        out.append(make(ORDER, report, cells=cells, message=message, source="全文"))
    for number, title in report.section_titles.items():
        if number not in SECTION_NUMBERS:
            continue
        m = _HEADING_NUMBER.match(normalize(title))
        if m is None:
            continue
        printed_number = chinese_number(m.group(1))
        if printed_number is None or printed_number == SECTION_NUMBERS.index(number) + 1:
            continue
        message = (
            f"标题“{title.strip()}”编号为“{m.group(1)}”，但它是报告的第{number}部分"
            f"“{_title(context, number)}”，请更正编号（{_SHORT_BASIS}）"
        )
        out.append(
            make(
                ORDER,
                report,
                cells=(f"sections.{number}",),
                message=message,
                source=section_source(report, number),
            )
        )
    return out


_NOT_BEFORE = "统唯同专万合单划归逐如不之其第每任另某均齐纯惟这那此哪初再百千两几" + NUMERALS
_SHI = re.compile(rf"(?<![{_NOT_BEFORE}])([{NUMERALS}]{{1,3}})是(?!否)")
_SUBHEADING = re.compile(rf"^\s*[(（]([{NUMERALS}]{{1,3}})[)）]", re.M)


@dataclass(frozen=True)
class _Style:
    pattern: re.Pattern[str]
    name: str

    def show(self, n: int) -> str:
        if self.name == "一是":
            return f"{chinese_numeral(n)}是"
        return f"（{chinese_numeral(n)}）"


STYLES = (_Style(_SHI, "一是"), _Style(_SUBHEADING, "（一）"))


def enumeration_problems(text: str, style: _Style) -> list[str]:
    """Problems of one enumeration style in a text, in Chinese (empty list: none)."""
    numbers = [chinese_number(m.group(1)) for m in style.pattern.finditer(normalize(text))]
    runs: list[list[int]] = []
    for n in numbers:
        if n is None:
            continue
        if n == 1:
            runs.append([1])
        elif runs:
            runs[-1].append(n)
    problems = []
    for run in runs:
        issues = []
        for prev, n in itertools.pairwise(run):
            if n == prev + 1:
                continue
            if n > prev + 1:
                gap = "、".join(f"“{style.show(k)}”" for k in range(prev + 1, n))
                issues.append(f"缺少{gap}")
            elif n == prev:
                issues.append(f"“{style.show(n)}”重复")
            else:
                issues.append(f"“{style.show(n)}”出现在“{style.show(prev)}”之后")
        if issues:
            printed = "、".join(style.show(n) for n in run)
            problems.append(f"列举序号依次为“{printed}”，{'，'.join(issues)}")
    return problems


def check_enumerations(report: Report, previous: Report | None, context: Context) -> list[Finding]:
    """GK-TEXT-ENUM."""
    out = []
    for number in ("一", "五", "六"):
        text = report.sections.get(number)
        if not text:
            continue
        for style in STYLES:
            for problem in enumeration_problems(text, style):
                title = report.section_titles.get(number) or f"第{number}部分"
                message = (
                    f"“{title}”中的{problem}，序数应依次排列（GB/T 9704—2012 结构层次序数），"
                    "请核对是否漏写内容或序号有误"
                )
                out.append(
                    make(
                        ENUMERATION,
                        report,
                        cells=(f"sections.{number}",),
                        message=message,
                        source=section_source(report, number),
                    )
                )
    return out


def check_format_year(report: Report, previous: Report | None, context: Context) -> list[Finding]:
    """GK-FORMAT-YEAR."""
    year = report.year
    if not isinstance(year, int) or isinstance(year, bool):
        return []
    if report.format == "2019" and year >= 2021:
        wrong, right = (
            "2019年试行格式（国办公开办函〔2019〕60号）",
            "2021年格式（国办公开办函〔2021〕30号）",
        )
    elif report.format == "2021" and year <= 2020:
        wrong, right = (
            "2021年格式（国办公开办函〔2021〕30号）",
            "2019年试行格式（国办公开办函〔2019〕60号）",
        )
    else:
        return []
    message = (
        f"这是{year}年度的报告，却使用了{wrong}的表格，{year}年度报告应使用{right}，"
        "请按正确格式重新编制表格"
    )
    return [make(FORMAT_YEAR, report, cells=("format", "year"), message=message, source="表格")]
