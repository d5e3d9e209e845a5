"""The bridge between stored events and ``gongkai.clock``.

``state_of`` replays an application's events through ``compute_clock``. When the calendar lacks
a year the computation needs, the state (open, awaiting 补正…) is still worked out, with the
missing year standing in as Monday–Friday only, but the result is flagged ``provisional`` and
its due date must not be used: the services store no due date then, and adding the year
(``add_workday_year``) computes it (``receivers``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from gongkai.clock import (
    CalendarError,
    ClockState,
    Event,
    EventKind,
    WorkdayCalendar,
    compute_clock,
    workdays_between,
)
from gongkai_web.ledger.models import Application, ApplicationEvent

PROVISIONAL_NOTICE = "暂估：未载入该年节假日安排，暂按周一至周五计算"
_MAX_MISSING_YEARS = 3


@dataclass(frozen=True)
class Computed:
    state: ClockState
    provisional: bool


def clock_events(events: Iterable[ApplicationEvent]) -> list[Event]:
    return [Event(EventKind(e.kind), e.day, e.workdays) for e in events]


def compute(events: Sequence[Event], cal: WorkdayCalendar) -> Computed:
    """``compute_clock`` with provisional years filled in for missing calendar data.

    ``ClockError`` (an invalid sequence) propagates."""
    provisional = False
    for _ in range(_MAX_MISSING_YEARS + 1):
        try:
            return Computed(compute_clock(events, cal), provisional)
        except CalendarError as exc:
            if exc.year is None or exc.year in cal.years:
                raise
            cal = cal.with_year(exc.year, (), (), PROVISIONAL_NOTICE)
            provisional = True
    raise CalendarError("工作日历缺少多个年份，无法计算期限：请先导入相关年度的节假日安排")


def state_of(app: Application, cal: WorkdayCalendar) -> ClockState:
    return compute(clock_events(app.events.all()), cal).state


def workdays_left(app: Application, cal: WorkdayCalendar, today: date) -> int | None:
    """Working days from ``today`` to the cached due date (negative when overdue); None when
    closed or the clock is stopped."""
    if not app.is_open or app.due_date is None:
        return None
    try:
        return workdays_between(cal, today, app.due_date)
    except CalendarError:
        return None
