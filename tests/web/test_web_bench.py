from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from gongkai_web.agencies.models import Agency
from gongkai_web.annual.bench import bench
from gongkai_web.ledger.models import Application

pytestmark = pytest.mark.django_db


def test_bench_generates_a_consistent_record_and_rolls_back(identity_problems: object) -> None:
    result = bench(3000, rounds=1)
    assert result.queries <= 8
    assert identity_problems(result.record) == []  # type: ignore[operator]
    assert result.record.requests is not None
    assert result.record.requests["new_received"]["total"] == pytest.approx(1500, rel=0.1)
    assert not Application.objects.exists() and not Agency.objects.exists()


def test_bench_command_reports_time_and_queries() -> None:
    out = StringIO()
    call_command("bench_annual_record", "--applications", "500", "--rounds", "1", stdout=out)
    assert "500 件申请：生成年度报告" in out.getvalue() and "数据已回滚" in out.getvalue()
