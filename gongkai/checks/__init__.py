"""Checks of a report record: arithmetic, structure, text against tables, the law, across years.

    >>> from gongkai.checks import check
    >>> findings = check(report, previous=last_year)
    >>> [f.to_dict() for f in findings]

Findings are data (``Finding``), each from a documented ``Rule`` (``RULES``, docs/rules.md).
"""

from gongkai.checks.catalogue import RULES, check, rule
from gongkai.checks.context import CheckOptions
from gongkai.checks.finding import Finding, Result, Rule, Severity

__all__ = ["RULES", "CheckOptions", "Finding", "Result", "Rule", "Severity", "check", "rule"]
