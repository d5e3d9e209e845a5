"""The annual report as JSON: the record itself (docs/report-json.md)."""

from __future__ import annotations

from gongkai.record import Report


def render_json(report: Report, *, detail: bool = True) -> str:
    """The record as JSON text; ``detail=False`` keeps only the contract keys."""
    return report.to_json(indent=1, detail=detail) + "\n"
