"""The rule catalogue and ``check``: every rule, in the order findings are listed."""

from __future__ import annotations

from collections.abc import Callable

from gongkai.checks import arithmetic, crossyear, narrative, plausibility, structure
from gongkai.checks.context import CheckOptions, Context
from gongkai.checks.finding import Finding, Rule
from gongkai.record import Report

CheckFunction = Callable[[Report, Report | None, Context], list[Finding]]

CHECKS: tuple[tuple[Rule, CheckFunction], ...] = (
    (arithmetic.BALANCE, arithmetic.check_balance),
    (arithmetic.OUTCOMES, arithmetic.check_outcomes),
    (arithmetic.ROW_TOTAL, arithmetic.check_row_total),
    (arithmetic.APPEALS, arithmetic.check_appeals),
    (arithmetic.BAD_CELL, arithmetic.check_bad_cells),
    (structure.FORMAT_YEAR, structure.check_format_year),
    (structure.MISSING, structure.check_missing),
    (structure.EMPTY, structure.check_empty),
    (structure.ORDER, structure.check_order),
    (structure.ENUMERATION, structure.check_enumerations),
    (narrative.YEAR, narrative.check_year),
    (narrative.TEXT_TABLE, narrative.check_text_table),
    (plausibility.AUTHORITY, plausibility.check_authority),
    (plausibility.UNPUBLISHED, plausibility.check_unpublished),
    (plausibility.IN_FORCE_LOW, plausibility.check_in_force_low),
    (plausibility.PUBLISHED_TOTAL, plausibility.check_published_total),
    (plausibility.LATE, plausibility.check_late),
    (crossyear.CARRY, crossyear.check_carry),
    (crossyear.ROLL, crossyear.check_roll),
)

RULES: tuple[Rule, ...] = tuple(rule for rule, _ in CHECKS)


def rule(rule_id: str) -> Rule:
    """The rule with this id; KeyError if there is none."""
    for r in RULES:
        if r.id == rule_id:
            return r
    raise KeyError(rule_id)


def check(
    report: Report, previous: Report | None = None, *, options: CheckOptions | None = None
) -> list[Finding]:
    """Every finding of every rule about ``report`` (``previous``: last year's record of the
    same body, for the cross-year rules). Pure: the records are not changed."""
    context = Context.of(report, options)
    out: list[Finding] = []
    for r, function in CHECKS:
        if r.id in context.options.skip:
            continue
        for finding in function(report, previous, context):
            if finding.result == "uncertain" and not context.options.uncertain:
                continue
            out.append(finding)
    return out
