"""Settings of a check run, and what every rule needs to know about the report besides its values.

``Context`` also builds the parts of a finding that do not depend on the rule: where the cells
were read (``source``), whether the finding may come from the reading (``from_reading``) and the
sentence that says so in the message.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from gongkai.checks.bodies import Body, classify, infer
from gongkai.checks.finding import Finding, Result, Rule, Severity
from gongkai.layout import Layout, layout
from gongkai.record import Report, Value

SECTION_NUMBERS: tuple[str, ...] = ("一", "二", "三", "四", "五", "六")

# How a reader obtained a value, in words, for values it did not simply read (record.Provenance).
_HOW = {
    "split": "由连写的数字串拆分得到",
    "forced_zero": "按表内勾稽关系推定为 0",
    "dash": "由“/”“—”“无”等符号记为 0",
}


@dataclass(frozen=True)
class CheckOptions:
    """Settings of a check run.

    ``township_deadline``: the publication deadline ("MM-DD" of the year after the report year)
    that the county sets for its townships and sub-district offices; the 条例 sets none, so the
    default None means no late_publication finding for them (derived, configurable).
    ``skip``: rule ids not to run. ``uncertain``: False drops the ``uncertain`` findings.
    """

    township_deadline: str | None = None
    skip: frozenset[str] = field(default_factory=frozenset)
    uncertain: bool = True


@dataclass(frozen=True)
class Context:
    options: CheckOptions
    layout: Layout | None
    body: Body

    @classmethod
    def of(cls, report: Report, options: CheckOptions | None = None) -> Context:
        fmt = report.format
        official = layout(fmt) if fmt == "2021" or fmt == "2019" else None
        body = classify(report.agency)
        if body.kind == "unknown" and not report.agency:
            body = infer(list(report.sections.values())) or body
        return cls(options or CheckOptions(), official, body)


def number(value: Value) -> float | int | None:
    """A cell value usable in arithmetic: None for null, bools, NaN and infinities."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def show(value: object) -> str:
    """A value as printed in a message: integers without a decimal point, null as 空."""
    if value is None:
        return "空"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def reading_reasons(report: Report, cells: tuple[str, ...]) -> list[str]:
    """Why some of ``cells`` may not be what the report printed (empty list: all plainly read)."""
    reasons: list[str] = []
    for path in cells:
        prov = report.provenance.get(path)
        if prov is not None and prov.how in _HOW:
            reasons.append(_HOW[prov.how])
        elif prov is not None and prov.how not in ("read", "text"):
            reasons.append("系读取时推断得到")
        elif any(
            n.path is not None and (path == n.path or path.startswith(n.path + "."))
            for n in report.notes
        ):
            reasons.append("读取时留有说明")
    return list(dict.fromkeys(reasons))


def caveat(reasons: list[str]) -> str:
    if not reasons:
        return ""
    return f"（提示：所涉数值中有的{'、'.join(reasons)}，此问题可能出自本工具的读取而非报告本身）"


def cell_source(report: Report, cells: tuple[str, ...], fallback: str) -> str:
    """Where the cells were read, from the reader's provenance; ``fallback`` if it gives none."""
    places = list(
        dict.fromkeys(
            p.where for p in (report.provenance.get(c) for c in cells) if p is not None and p.where
        )
    )
    if not places:
        return fallback
    if len(places) > 4:
        return "、".join(places[:4]) + f"等 {len(places)} 处"
    return "、".join(places)


def section_source(report: Report, number_: str) -> str:
    title = report.section_titles.get(number_)
    return f"第{number_}部分“{title}”" if title else f"第{number_}部分"


def make(
    rule: Rule,
    report: Report,
    *,
    cells: tuple[str, ...],
    message: str,
    source: str,
    result: Result = "fail",
    severity: Severity | None = None,
    value_cells: tuple[str, ...] | None = None,
    reading: bool = False,
) -> Finding:
    """A finding of ``rule``; the reading caveat is added when a value cell was not plainly read.

    ``value_cells`` are the cells whose values the finding rests on (default: ``cells``);
    ``reading`` marks a finding that may come from the reading for a reason the message gives.
    """
    reasons = reading_reasons(report, cells if value_cells is None else value_cells)
    return Finding(
        rule=rule.id,
        kind=rule.kind,
        severity=severity or rule.severity,
        result=result,
        cells=cells,
        message=message + caveat(reasons),
        source=source,
        basis=rule.basis,
        from_reading=reading or bool(reasons),
    )
