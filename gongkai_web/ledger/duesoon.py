"""Which open applications are due soon or overdue on a given day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gongkai.clock import WorkdayCalendar, add_workdays
from gongkai_web.agencies.models import Agency
from gongkai_web.ledger.clocking import workdays_left
from gongkai_web.ledger.models import Application


@dataclass(frozen=True)
class DueItem:
    application: Application
    workdays_left: int | None  # negative: working days overdue
    overdue: bool


def due_soon(
    agency: Agency, cal: WorkdayCalendar, today: date, days: int = 5
) -> tuple[list[DueItem], list[DueItem]]:
    """(overdue, due within ``days`` working days of ``today``), each by due date."""
    horizon = add_workdays(cal, today, days)
    rows = (
        Application.objects.open()
        .filter(agency=agency, due_date__isnull=False, due_date__lte=horizon)
        .order_by("due_date", "received_on", "id")
    )
    overdue: list[DueItem] = []
    soon: list[DueItem] = []
    for app in rows:
        item = DueItem(app, workdays_left(app, cal, today), app.is_overdue(today))
        (overdue if item.overdue else soon).append(item)
    return overdue, soon
