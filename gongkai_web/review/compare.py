"""Two years of one body side by side: every cell of the official tables, and what the checks
across years find (``gongkai.checks`` with ``previous``)."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.checks import Finding, check
from gongkai.layout import FORMATS, layout
from gongkai.record import Report, Value


@dataclass(frozen=True)
class Line:
    table: str
    label: str
    before: Value
    after: Value

    @property
    def change(self) -> float | None:
        if isinstance(self.before, int | float) and isinstance(self.after, int | float):
            return self.after - self.before
        return None


def lines(before: Report, after: Report) -> list[Line]:
    """Every cell the two records' layouts share, in the later record's printed order."""
    if after.format not in FORMATS:
        return []
    out = []
    for table in layout(after.format).tables:
        for row in table.rows:
            for column in row.columns:
                path = f"{table.key}.{row.key}.{column.key}"
                out.append(
                    Line(
                        table.title,
                        f"{row.label} · {column.label}",
                        _get(before, path),
                        after.get(path),
                    )
                )
    return out


def _get(report: Report, path: str) -> Value:
    try:
        return report.get(path)
    except KeyError:
        return None


def across_years(before: Report, after: Report) -> list[Finding]:
    """Findings that appear only when the later report is checked against the earlier one."""
    alone = {(f.rule, f.cells) for f in check(after)}
    return [f for f in check(after, previous=before) if (f.rule, f.cells) not in alone]
