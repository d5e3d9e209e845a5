from __future__ import annotations

import json
from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_due_soon_names_an_unknown_agency() -> None:
    with pytest.raises(CommandError, match="没有名为「无此机关」的机关"):
        call_command("due_soon", "--agency", "无此机关")


def test_due_soon_lists_by_due_date(make_app: Any, agency: Any) -> None:
    make_app(date(2025, 3, 3), applicant_name="甲")  # due 03-31
    make_app(date(2025, 2, 24), applicant_name="乙")  # due 03-24
    make_app(date(2025, 3, 20), applicant_name="丙")  # due 04-18: outside 5 working days
    out = StringIO()
    call_command("due_soon", "--agency", agency.name, "--today", "2025-03-25", stdout=out)
    text = out.getvalue()
    assert "已逾期：1件" in text and "逾期1个工作日" in text
    assert "5个工作日内到期：1件" in text and "剩4个工作日" in text
    assert text.index("乙") < text.index("甲") and "丙" not in text


def test_due_soon_refuses_a_bad_date(agency: Any) -> None:
    with pytest.raises(CommandError, match="日期格式错误"):
        call_command("due_soon", "--agency", agency.name, "--today", "2025-02-30")


def test_annual_record_prints_the_record(make_app: Any, agency: Any) -> None:
    make_app(date(2025, 3, 3))
    out = StringIO()
    call_command("annual_record", "--agency", agency.name, "--year", "2025", stdout=out)
    data = json.loads(out.getvalue())
    assert (data["format"], data["agency"], data["year"]) == ("2021", agency.name, 2025)
    assert data["requests"]["carried_forward"]["natural_person"] == 1


def test_annual_record_check(make_app: Any, agency: Any) -> None:
    make_app(date(2025, 3, 3))
    out = StringIO()
    call_command("annual_record", "--agency", agency.name, "--year", "2025", "--check", stdout=out)
    assert out.getvalue().startswith(f"{agency.name}2025年度报告：0 条检查结果")
