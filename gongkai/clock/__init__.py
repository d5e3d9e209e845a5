"""The legal clock of 依申请公开: working days as data, deadlines and fees as pure functions.

Nothing here reads the system clock: callers pass ``today``. The law data lives in
``data/*.json`` (working-day calendar by State Council notice, periods with their article of
the 条例, fee scales of 国办函〔2020〕109号).
"""

from gongkai.clock.calendar import (
    DayKind,
    WorkdayCalendar,
    YearCalendar,
    add_workdays,
    day_kind,
    is_workday,
    workdays_between,
)
from gongkai.clock.deadline import compute_clock
from gongkai.clock.errors import ClockError
from gongkai.clock.events import ClockState, ClockStatus, Event, EventKind
from gongkai.clock.fees import fee_by_count, fee_by_pages, monthly_count_fees
from gongkai.clock.rules import DEFAULT_RULES, ClockRules
from gongkai.errors import CalendarError

__all__ = [
    "DEFAULT_RULES",
    "CalendarError",
    "ClockError",
    "ClockRules",
    "ClockState",
    "ClockStatus",
    "DayKind",
    "Event",
    "EventKind",
    "WorkdayCalendar",
    "YearCalendar",
    "add_workdays",
    "compute_clock",
    "day_kind",
    "fee_by_count",
    "fee_by_pages",
    "is_workday",
    "monthly_count_fees",
    "workdays_between",
]
