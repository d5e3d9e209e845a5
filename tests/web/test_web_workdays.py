from __future__ import annotations

from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from gongkai.clock import WorkdayCalendar, is_workday
from gongkai_web.ledger.models import Application
from gongkai_web.workdays.models import WorkdayDate, WorkdayYear
from gongkai_web.workdays.services import calendar_from_db, save_year

pytestmark = pytest.mark.django_db


def test_fresh_database_holds_the_bundled_calendar() -> None:
    assert calendar_from_db() == WorkdayCalendar.bundled()
    assert WorkdayYear.objects.get(year=2026).notice


def test_load_workdays_is_idempotent() -> None:
    before = WorkdayDate.objects.count()
    out = StringIO()
    call_command("load_workdays", stdout=out)
    assert WorkdayDate.objects.count() == before
    assert "已载入 8 个年度" in out.getvalue()


def test_add_workday_year_command() -> None:
    out = StringIO()
    call_command(
        "add_workday_year",
        "2027",
        "--notice",
        "国办发明电〔2026〕9号",
        "--off",
        "2027-01-01,02-08..02-12",
        "--makeup",
        "02-06",
        stdout=out,
    )
    cal = calendar_from_db()
    assert 2027 in cal.years
    assert not is_workday(cal, date(2027, 2, 10))
    assert is_workday(cal, date(2027, 2, 6))  # a Saturday worked
    assert is_workday(cal, date(2027, 2, 15))
    assert "已保存2027年节假日安排：放假 6 个工作日，调休上班 1 天" in out.getvalue()


def test_add_workday_year_refuses_a_weekend_day_off() -> None:
    with pytest.raises(CommandError, match="是周末"):
        call_command("add_workday_year", "2027", "--notice", "X", "--off", "2027-01-02")
    assert not WorkdayYear.objects.filter(year=2027).exists()


def test_add_workday_year_refuses_bad_dates() -> None:
    with pytest.raises(CommandError, match="日期格式错误"):
        call_command("add_workday_year", "2027", "--notice", "X", "--off", "2027-13-01")


def test_a_missing_year_leaves_the_due_date_unset_until_it_is_added(
    make_app: Any,
) -> None:
    # Received 2026-12-15: 20 working days run into 2027, which the calendar lacks: the
    # application is kept, its due date is not guessed.
    app = make_app(date(2026, 12, 15))
    assert (app.due_date, app.due_provisional, app.status) == (None, True, "open")
    save_year(2027, [date(2027, 1, 1), date(2027, 1, 4)], [], "国办发明电〔2026〕9号")
    app.refresh_from_db()
    # With 01-01 and 01-04 off, two more working days are needed.
    assert (app.due_date, app.due_provisional) == (date(2027, 1, 14), False)


def test_changing_a_year_moves_due_dates_of_open_applications_only(
    make_app: Any, clerk: Any, cal: Any
) -> None:
    from gongkai_web.ledger import services

    open_app = make_app(date(2025, 3, 3))
    closed = make_app(date(2025, 3, 3))
    services.answer(closed, day=date(2025, 3, 4), outcome="granted", actor=clerk, cal=cal)
    assert open_app.due_date == date(2025, 3, 31)
    entry = cal.year(2025)
    save_year(2025, {*entry.off, date(2025, 3, 12)}, entry.makeup, entry.notice)
    open_app.refresh_from_db()
    assert open_app.due_date == date(2025, 4, 1)  # one working day less in March
    assert Application.objects.get(pk=closed.pk).due_date == date(2025, 3, 31)
    assert open_app.version == 1  # a recomputation is not a user's change


def test_deleting_a_year_keeps_due_dates_computable(make_app: Any) -> None:
    from gongkai_web.workdays.services import delete_year

    app = make_app(date(2026, 9, 14))
    assert app.due_date == date(2026, 10, 16)  # National Day week off, two make-up weekend days
    delete_year(2026)
    app.refresh_from_db()
    assert (app.due_date, app.due_provisional) == (None, True)  # never a Monday–Friday guess


def test_editing_a_year_in_the_admin_recomputes_due_dates(make_app: Any, client: Any) -> None:
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("root", None, None))
    app = make_app(date(2025, 3, 3))
    year = WorkdayYear.objects.get(year=2025)
    response = client.post(
        f"/admin/workdays/workdayyear/{year.pk}/change/",
        {
            "year": "2025",
            "notice": year.notice,
            "title": year.title,
            "source": year.source,
            "note": year.note,
            "dates-TOTAL_FORMS": "1",
            "dates-INITIAL_FORMS": "0",
            "dates-0-day": "2025-03-12",
            "dates-0-kind": "off",
        },
    )
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.due_date == date(2025, 4, 1)


def test_deleting_a_year_in_the_admin_recomputes_due_dates(make_app: Any, client: Any) -> None:
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("root", None, None))
    app = make_app(date(2026, 9, 14))
    year = WorkdayYear.objects.get(year=2026)
    response = client.post(f"/admin/workdays/workdayyear/{year.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    app.refresh_from_db()
    assert (app.due_date, app.due_provisional) == (None, True)


def test_deleting_a_date_in_the_admin_recomputes_due_dates(make_app: Any, client: Any) -> None:
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("root", None, None))
    # Received 03-31: 04-04 (清明) off and Sunday 04-27 worked: due 2025-04-28.
    app = make_app(date(2025, 3, 31))
    assert app.due_date == date(2025, 4, 28)
    qingming = WorkdayDate.objects.get(day=date(2025, 4, 4))
    response = client.post(f"/admin/workdays/workdaydate/{qingming.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.due_date == date(2025, 4, 27)  # 04-04 is a working day now
