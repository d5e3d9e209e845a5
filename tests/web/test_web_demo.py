"""The demo county: loads, is deterministic, and its report satisfies table 三's identities."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from gongkai_web.agencies.models import Agency
from gongkai_web.annual.demo import DEPARTMENT, TOWNSHIP
from gongkai_web.annual.record import generate_record
from gongkai_web.ledger.choices import OUTCOME_KEYS
from gongkai_web.ledger.models import Application, ApplicationEvent, ProactiveDisclosure

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 21)


@pytest.fixture(scope="module")
def demo_output(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    """The demo, loaded once for this module (committed), removed afterwards."""
    out = StringIO()
    with django_db_blocker.unblock():
        call_command(
            "load_demo", "--today", TODAY.isoformat(), "--password", "demo-pass-2026", stdout=out
        )
    yield out.getvalue()
    with django_db_blocker.unblock():
        _empty_database()


def _empty_database() -> None:
    call_command("flush", "--no-input", verbosity=0)
    call_command("load_workdays", stdout=StringIO())


def test_demo_prints_logins(demo_output: str) -> None:
    assert "zhangxiaoyan / demo-pass-2026 / 张晓燕 / 示范镇人民政府 经办人" in demo_output
    assert (
        "lijianguo / demo-pass-2026 / 李建国 / 示范镇人民政府 政务公开工作机构负责人" in demo_output
    )
    assert "wanglihua / demo-pass-2026 / 王丽华 / 示范县人民政府 监督人员" in demo_output
    assert "zhaomin / demo-pass-2026 / 赵敏 / 系统管理员" in demo_output
    assert "可生成 2025 年度报告" in demo_output


def test_demo_login_works(demo_output: str, client: Any) -> None:
    assert client.login(username="zhangxiaoyan", password="demo-pass-2026")


def test_demo_year_is_realistic(demo_output: str) -> None:
    town = Agency.objects.get(name=TOWNSHIP)
    apps = Application.objects.filter(agency=town)
    in_2025 = apps.filter(received_on__year=2025)
    assert 150 <= in_2025.count() <= 400
    outcomes = set(in_2025.exclude(outcome="").values_list("outcome", flat=True))
    assert outcomes == set(OUTCOME_KEYS)  # every row of table 三 is used
    assert apps.overdue(TODAY).exists()
    assert apps.filter(received_on__year=2024, answered_on__year=2025).exists()
    assert apps.filter(received_on__year=2025, answered_on__year=2026).exists()
    assert apps.filter(extended=True).exists()
    assert not apps.filter(received_on__gt=TODAY).exists()
    assert not ApplicationEvent.objects.filter(day__gt=TODAY).exists()
    published = ProactiveDisclosure.objects.filter(agency=town, published_on__year=2025)
    assert published.filter(reviews__step="secrecy").distinct().count() == published.count() > 50


def test_demo_reports_satisfy_the_identities(demo_output: str, identity_problems: Any) -> None:
    for name in (TOWNSHIP, DEPARTMENT):
        agency = Agency.objects.get(name=name)
        for year in (2025, 2026):
            record = generate_record(agency, year)
            assert identity_problems(record) == [], (name, year)
            assert record.requests is not None
            assert (record.requests["new_received"]["total"] or 0) > 0
    town = generate_record(Agency.objects.get(name=TOWNSHIP), 2025)
    assert town.requests is not None
    assert (town.requests["carried_over"]["total"] or 0) > 0
    assert (town.requests["carried_forward"]["total"] or 0) > 0
    assert town.appeals is not None and town.appeals["review"]["pending"] == 1
    assert town.published == "2026-01-20"


def test_demo_reports_pass_the_library_checks(demo_output: str) -> None:
    """One rule set for scraped and generated reports: the ledger's own must be clean."""
    checks = pytest.importorskip("gongkai.checks")
    for name in (TOWNSHIP, DEPARTMENT):
        agency = Agency.objects.get(name=name)
        for year in (2025, 2026):
            record = generate_record(agency, year)
            previous = generate_record(agency, year - 1)
            findings = checks.check(record, previous=previous)
            assert [f.to_dict() for f in findings] == [], (name, year)


def test_demo_is_deterministic(demo_output: str) -> None:
    first = _fingerprint()
    _empty_database()  # inside this test's transaction: rolled back afterwards
    call_command("load_demo", "--today", TODAY.isoformat(), "--password", "x", stdout=StringIO())
    assert _fingerprint() == first


def _fingerprint() -> list[tuple[Any, ...]]:
    return list(
        Application.objects.order_by(
            "agency__name", "received_on", "applicant_name", "content"
        ).values_list(
            "agency__name",
            "received_on",
            "applicant_type",
            "applicant_name",
            "status",
            "outcome",
            "due_date",
            "answered_on",
        )
    )


def test_demo_refuses_to_run_twice(demo_output: str) -> None:
    with pytest.raises(CommandError, match="演示数据已存在"):
        call_command("load_demo", stdout=StringIO())


def test_due_soon_lists_overdue_applications(demo_output: str) -> None:
    out = StringIO()
    call_command("due_soon", "--agency", TOWNSHIP, "--today", "2026-11-21", stdout=out)
    text = out.getvalue()
    overdue = Application.objects.filter(agency__name=TOWNSHIP).overdue(TODAY).count()
    assert f"已逾期：{overdue}件" in text
    assert "逾期" in text and "个工作日" in text


def test_demo_today_is_injected(demo_output: str) -> None:
    _empty_database()
    out = StringIO()
    call_command("load_demo", "--today", "2026-03-15", "--password", "x", stdout=out)
    assert "可生成 2025 年度报告" in out.getvalue()
    assert not ApplicationEvent.objects.filter(day__gt=date(2026, 3, 15)).exists()


def test_the_demo_day_stays_within_the_calendar() -> None:
    from gongkai_web.annual.demo import demo_day

    assert demo_day(date(2026, 11, 21)) == date(2026, 11, 21)
    assert demo_day(date(2028, 3, 1)) == date(2026, 12, 31)  # 2027's notice not loaded yet
