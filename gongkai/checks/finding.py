"""What a check returns: ``Finding`` records, and the ``Rule`` each one comes from.

A finding is data, never an exception (STYLE.md §3). Its JSON form (``Finding.to_dict``) has the
fields docs/checks.md names — ``rule``, ``kind``, ``severity``, ``result``, ``cells``,
``message``, ``source`` — plus ``basis`` (the legal basis) and ``from_reading``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
Result = Literal["fail", "uncertain"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
RESULTS: tuple[Result, ...] = ("fail", "uncertain")


@dataclass(frozen=True)
class Rule:
    """One documented rule of the catalogue (see docs/rules.md).

    ``severity`` is the severity of a plain failure; an ``uncertain`` finding of the same rule
    may carry a lower one. ``title`` and ``basis`` are Chinese, for the user.
    """

    id: str
    kind: str
    severity: Severity
    title: str
    basis: str
    description: str

    def to_dict(self) -> dict[str, str]:
        return {
            "id": self.id,
            "kind": self.kind,
            "severity": self.severity,
            "title": self.title,
            "basis": self.basis,
            "description": self.description,
        }


@dataclass(frozen=True)
class Finding:
    """One thing a rule found about one report.

    ``cells`` are record paths (``requests.total.commercial``) or section paths (``sections.六``);
    ``source`` says where in the input they were read; ``from_reading`` is True when a value
    involved was not simply read (split from a digit run, forced to 0, a dash taken as 0…) or
    the reader left a note on it: the finding may then come from the reading, not the report,
    and the message says so.
    """

    rule: str
    kind: str
    severity: Severity
    result: Result
    cells: tuple[str, ...]
    message: str
    source: str
    basis: str
    from_reading: bool = False

    @property
    def failed_error(self) -> bool:
        """True for what makes ``gongkai check`` exit 1: a failed error finding."""
        return self.severity == "error" and self.result == "fail"

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "kind": self.kind,
            "severity": self.severity,
            "result": self.result,
            "cells": list(self.cells),
            "message": self.message,
            "source": self.source,
            "basis": self.basis,
            "from_reading": self.from_reading,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        severity = data["severity"]
        result = data["result"]
        if severity not in SEVERITIES:
            raise ValueError(f"unknown severity {severity!r}")
        if result not in RESULTS:
            raise ValueError(f"unknown result {result!r}")
        return cls(
            rule=str(data["rule"]),
            kind=str(data["kind"]),
            severity=severity,
            result=result,
            cells=tuple(str(c) for c in data.get("cells", ())),
            message=str(data["message"]),
            source=str(data.get("source", "")),
            basis=str(data.get("basis", "")),
            from_reading=bool(data.get("from_reading", False)),
        )
