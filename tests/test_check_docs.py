"""docs/rules.md documents exactly the rules of the catalogue, and the public API is as stated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import gongkai.checks
from gongkai.checks import RULES, Rule, rule

DOC = Path(__file__).parent.parent / "docs" / "rules.md"


def _sections() -> dict[str, str]:
    text = DOC.read_text("utf-8")
    parts = re.split(r"^### (\S+)\s*$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_every_rule_is_documented_and_every_documented_rule_exists() -> None:
    documented = set(_sections())
    assert documented == {r.id for r in RULES}


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_each_rule_section_gives_kind_severity_basis_and_example(r: Rule) -> None:
    body = _sections()[r.id]
    assert f"kind: `{r.kind}`" in body
    assert f"severity: {r.severity}" in body
    assert "- Basis: " in body
    assert "- Example" in body


def test_rule_ids_are_unique_and_stable_in_form() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"GK(-[A-Z0-9]+)+", i) for i in ids)
    assert rule("GK-T3-BALANCE").kind == "balance_identity"
    with pytest.raises(KeyError):
        rule("GK-NOPE")


def test_rules_cover_the_kinds_of_checks_md() -> None:
    kinds = {r.kind for r in RULES}
    floor = {
        "balance_identity", "total_not_sum_of_outcomes", "row_total_mismatch",
        "appeals_total_mismatch", "bad_cell", "missing_section", "empty_section",
        "section_numbering", "format_year_mismatch", "year_mismatch", "text_table_mismatch",
        "rules_outside_authority", "normative_made_not_published", "late_publication",
        "carry_over_mismatch", "in_force_roll_forward",
    }  # fmt: skip
    assert floor <= kinds


def test_rule_titles_and_bases_are_chinese() -> None:
    for r in RULES:
        assert re.search(r"[\u4e00-\u9fff]", r.title) and re.search(r"[\u4e00-\u9fff]", r.basis)
        assert r.severity in ("error", "warning", "info")


def test_public_api() -> None:
    assert sorted(gongkai.checks.__all__) == sorted(
        ["RULES", "CheckOptions", "Finding", "Result", "Rule", "Severity", "check", "rule"]
    )
    for name in gongkai.checks.__all__:
        assert hasattr(gongkai.checks, name)
