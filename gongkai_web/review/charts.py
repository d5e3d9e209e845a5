"""Charts as SVG made on the server with matplotlib (no JavaScript, nothing from a CDN).

Text is drawn as paths in the Noto Sans CJK SC font (Debian ``fonts-noto-cjk``), so the SVG
shows the same everywhere, offline, without the font on the reader's machine.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

FONT = "Noto Sans CJK SC"
_RC: dict[Any, Any] = {
    "font.family": [FONT, "DejaVu Sans"],
    "svg.fonttype": "path",
    "svg.hashsalt": "gongkai",
    "axes.unicode_minus": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
RED, AMBER, BLUE, GREY = "#cf222e", "#bf8700", "#0969da", "#6e7781"


@dataclass(frozen=True)
class FindingCounts:
    label: str
    errors: int
    warnings: int
    infos: int


@dataclass(frozen=True)
class YearPoint:
    year: int
    new_received: float
    closed: float
    carried_forward: float


def _svg(fig: Figure) -> str:
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return out.getvalue()


def findings_chart(rows: Sequence[FindingCounts], title: str) -> str:
    """Horizontal stacked bars: errors, warnings and infos per report."""
    with matplotlib.rc_context(_RC):
        height = max(2.2, 0.45 * len(rows) + 1.2)
        fig = Figure(figsize=(7.5, height))
        ax = fig.add_subplot()
        labels = [r.label for r in rows]
        errors = [r.errors for r in rows]
        warnings = [r.warnings for r in rows]
        infos = [r.infos for r in rows]
        ax.barh(labels, errors, color=RED, label="错误")
        ax.barh(labels, warnings, left=errors, color=AMBER, label="警告")
        lefts = [e + w for e, w in zip(errors, warnings, strict=True)]
        ax.barh(labels, infos, left=lefts, color=BLUE, label="提示")
        ax.invert_yaxis()
        ax.set_xlabel("发现问题（条）")
        ax.set_title(title)
        if rows:
            ax.legend(loc="lower right", frameon=False)
        else:
            ax.text(0.5, 0.5, "暂无数据", ha="center", va="center", transform=ax.transAxes)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        return _svg(fig)


def trend_chart(points: Sequence[YearPoint], title: str) -> str:
    """Applications by year: 本年新收, 办结 ((七)总计), 结转下年度."""
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(7.5, 3.6))
        ax = fig.add_subplot()
        years = [str(p.year) for p in points]
        width = 0.27
        xs = range(len(points))
        series = (
            ("本年新收", [p.new_received for p in points], BLUE),
            ("办理结果总计", [p.closed for p in points], GREY),
            ("结转下年度", [p.carried_forward for p in points], AMBER),
        )
        for i, (label, values, color) in enumerate(series):
            ax.bar([x + (i - 1) * width for x in xs], values, width, label=label, color=color)
        ax.set_xticks(list(xs), years)
        ax.set_ylabel("申请（件）")
        ax.set_title(title)
        ax.legend(frameon=False)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        return _svg(fig)
