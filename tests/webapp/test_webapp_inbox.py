"""The inbox: due-date badges, filters, search, pages; bounded queries whatever the size."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from gongkai.clock import add_workdays
from gongkai_web.desk.badges import badge
from gongkai_web.ledger.models import Application
from gongkai_web.workdays.services import calendar_from_db

pytestmark = pytest.mark.django_db
MONDAY = date(2025, 3, 3)  # a working day in the bundled calendar


def _app(status: str, due: date | None) -> Application:
    return Application(status=status, due_date=due, tracking_number="GK-TEST-TEST-TEST")


def test_badges() -> None:
    cal = calendar_from_db()
    assert badge(_app("open", add_workdays(cal, MONDAY, 12)), cal, MONDAY).text == "剩余12个工作日"
    soon = badge(_app("open", add_workdays(cal, MONDAY, 3)), cal, MONDAY)
    assert (soon.text, soon.css) == ("剩余3个工作日", "soon")
    assert badge(_app("open", MONDAY), cal, MONDAY).text == "今日到期"
    late = badge(_app("open", MONDAY), cal, add_workdays(cal, MONDAY, 2))
    assert (late.text, late.css) == ("已超期2个工作日", "overdue")
    paused = badge(_app("awaiting_correction", None), cal, MONDAY)
    assert (paused.text, paused.css) == ("待补正·计时暂停", "paused")
    closed = badge(_app("answered", MONDAY), cal, MONDAY + timedelta(days=40))
    assert (closed.text, closed.css) == ("已答复", "closed")


def _rows(page: Any) -> list[str]:
    return [app.tracking_number for app, _ in page.context["items"]]


def test_filters_and_search(
    login: Callable[[str], Client],
    make_app: Callable[..., Application],
    world: dict[str, Any],
    today: date,
) -> None:
    old = make_app(received_on=today - timedelta(days=90), channel="fax", applicant_name="陈老汉")
    new = make_app(channel="online", applicant_name="刘某")
    client = login("clerk")
    from gongkai_web.ledger import services

    answered = make_app(applicant_name="答复过的")
    services.answer(answered, day=today, outcome="granted", actor=world["clerk"])
    make_app(agency=world["dept"], applicant_name="局里的")  # another body: never listed

    everything = client.get("/desk/")
    assert everything.status_code == 200
    assert set(_rows(everything)) == {
        old.tracking_number,
        new.tracking_number,
        answered.tracking_number,
    }
    html = everything.content.decode()
    assert "已超期" in html and "局里的" not in html
    assert _rows(client.get("/desk/?overdue=on")) == [old.tracking_number]
    assert _rows(client.get("/desk/?channel=online")) == [new.tracking_number]
    assert _rows(client.get("/desk/?status=answered")) == [answered.tracking_number]
    assert _rows(client.get("/desk/?outcome=granted")) == [answered.tracking_number]
    assert set(_rows(client.get("/desk/?status=open"))) == {
        old.tracking_number,
        new.tracking_number,
    }
    assert _rows(client.get("/desk/?q=陈老")) == [old.tracking_number]
    assert _rows(client.get(f"/desk/?q={new.tracking_number.lower()}")) == [new.tracking_number]
    assert _rows(client.get("/desk/?q=局里的")) == []
    by_due = _rows(client.get("/desk/?status=open&sort=due"))
    assert by_due == [old.tracking_number, new.tracking_number]
    # the department's clerk sees only the department
    assert _rows(login("dept_clerk").get("/desk/")) == [
        Application.objects.get(applicant_name="局里的").tracking_number
    ]


def test_pages_and_bounded_queries(
    login: Callable[[str], Client], world: dict[str, Any], today: date
) -> None:
    rows = [
        Application(
            agency=world["town"],
            channel="online",
            received_on=today - timedelta(days=i % 30),
            applicant_type="natural_person",
            applicant_name=f"申请人{i}",
            content="某信息",
            status="open",
            due_date=today + timedelta(days=10),
        )
        for i in range(130)
    ]
    Application.objects.bulk_create(rows)
    client = login("clerk")
    with CaptureQueriesContext(connection) as queries:
        first = client.get("/desk/")
    assert len(first.context["items"]) == 50
    assert "第 1 / 3 页，共 130 条" in first.content.decode()
    assert len(queries) <= 15  # not one query per row
    third = client.get("/desk/?page=3&channel=online")
    assert len(third.context["items"]) == 30
    assert 'href="?channel=online&amp;page=2"' in third.content.decode()
