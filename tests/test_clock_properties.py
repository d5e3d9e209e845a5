"""Properties of the working-day arithmetic and the clock, over 2024–2026."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from gongkai.clock import (
    CalendarError,
    Event,
    EventKind,
    WorkdayCalendar,
    add_workdays,
    compute_clock,
    is_workday,
    workdays_between,
)

CAL = WorkdayCalendar.bundled()
# Late enough that 80 working days never leave 2026.
days = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 8, 31))
counts = st.integers(min_value=0, max_value=80)


@given(days, st.integers(min_value=1, max_value=80))
def test_result_is_a_workday_after_start(start: date, n: int) -> None:
    end = add_workdays(CAL, start, n)
    assert is_workday(CAL, end)
    assert end > start


@given(days, counts)
def test_between_inverts_add(start: date, n: int) -> None:
    assert workdays_between(CAL, start, add_workdays(CAL, start, n)) == n


@given(days, counts, counts)
def test_monotonic_in_n(start: date, a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert add_workdays(CAL, start, low) <= add_workdays(CAL, start, high)


@given(days, days, counts)
def test_monotonic_in_start(a: date, b: date, n: int) -> None:
    first, second = sorted((a, b))
    assert add_workdays(CAL, first, n) <= add_workdays(CAL, second, n)


@given(days, st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=40))
def test_add_composes(start: date, a: int, b: int) -> None:
    assert add_workdays(CAL, add_workdays(CAL, start, a), b) == add_workdays(CAL, start, a + b)


@given(days, days, days)
def test_between_is_additive_and_antisymmetric(a: date, b: date, c: date) -> None:
    assert workdays_between(CAL, a, c) == workdays_between(CAL, a, b) + workdays_between(CAL, b, c)
    assert workdays_between(CAL, a, b) == -workdays_between(CAL, b, a)


@given(days, st.integers(min_value=0, max_value=30), st.integers(min_value=0, max_value=20))
def test_consultation_moves_due_by_the_workdays_stopped(
    received: date, after: int, length: int
) -> None:
    sent = add_workdays(CAL, received, after)
    answered = add_workdays(CAL, sent, length)
    plain = compute_clock([Event(EventKind.RECEIVED, received)], CAL)
    stopped = compute_clock(
        [
            Event(EventKind.RECEIVED, received),
            Event(EventKind.CONSULTATION_STARTED, sent),
            Event(EventKind.CONSULTATION_ENDED, answered),
        ],
        CAL,
    )
    assert stopped.stopped_workdays == length
    assert plain.due is not None and stopped.due is not None
    assert workdays_between(CAL, plain.due, stopped.due) == length


@given(days, days)
def test_between_counts_the_working_days_one_by_one(a: date, b: date) -> None:
    """The counted index agrees with the definition: walk the days and count."""
    start, end = min(a, b), max(a, b)
    walked, day = 0, start
    while day < end:
        day += timedelta(days=1)
        walked += is_workday(CAL, day)
    assert workdays_between(CAL, start, end) == walked
    assert workdays_between(CAL, end, start) == -walked


@given(days, st.integers(min_value=1, max_value=300))
def test_add_lands_on_the_nth_working_day(start: date, n: int) -> None:
    try:
        found = add_workdays(CAL, start, n)
    except CalendarError:
        return  # ran past the calendar's last year: refused, never guessed
    seen, day = 0, start
    while seen < n:
        day += timedelta(days=1)
        seen += is_workday(CAL, day)
    assert found == day
