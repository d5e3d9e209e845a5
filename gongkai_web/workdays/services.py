"""Changing the calendar, and reading it back as a ``gongkai.clock.WorkdayCalendar``.

The library checks the data (``YearCalendar``: off days on weekdays, make-up days on weekends,
a notice named); this module stores it. Every change goes through ``load_entries`` or
``delete_year`` so that ``calendar_changed`` is sent once per change, inside its transaction:
the receivers' updates (recomputed due dates) commit or roll back with the calendar.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from django.db import transaction

from gongkai.clock import WorkdayCalendar
from gongkai.clock.calendar import YearCalendar
from gongkai_web.workdays.models import DayKind, WorkdayDate, WorkdayYear
from gongkai_web.workdays.signals import calendar_changed


def _notify(years: tuple[int, ...]) -> None:
    calendar_changed.send(sender=WorkdayYear, years=years)


def _store(entry: YearCalendar) -> None:
    row, _ = WorkdayYear.objects.update_or_create(
        year=entry.year,
        defaults={
            "notice": entry.notice,
            "title": entry.title,
            "source": entry.source,
            "note": entry.note,
        },
    )
    row.dates.all().delete()
    WorkdayDate.objects.bulk_create(
        [WorkdayDate(year=row, day=d, kind=DayKind.OFF) for d in sorted(entry.off)]
        + [WorkdayDate(year=row, day=d, kind=DayKind.MAKEUP) for d in sorted(entry.makeup)]
    )


def load_entries(entries: Iterable[YearCalendar]) -> tuple[int, ...]:
    """Store (insert or replace) each year; returns the years stored."""
    entries = list(entries)
    with transaction.atomic():
        for entry in entries:
            _store(entry)
        years = tuple(e.year for e in entries)
        _notify(years)
    return years


def load_bundled() -> tuple[int, ...]:
    """Load (or refresh) every year of the bundled ``workdays.json``."""
    return load_entries(WorkdayCalendar.bundled().entries)


def load_file(path: Path) -> tuple[int, ...]:
    """Load (or refresh) every year of a file shaped like ``workdays.json``."""
    return load_entries(WorkdayCalendar.from_dict(json.loads(path.read_text("utf-8"))).entries)


def save_year(
    year: int,
    off: Iterable[date],
    makeup: Iterable[date],
    notice: str,
    *,
    title: str = "",
    source: str = "",
    note: str = "",
) -> YearCalendar:
    """Add or replace one year (checked by the library first: ``CalendarError`` if wrong)."""
    cal = WorkdayCalendar(()).with_year(
        year, off, makeup, notice, title=title, source=source, note=note
    )
    entry = cal.year(year)
    load_entries([entry])
    return entry


def delete_year(year: int) -> None:
    with transaction.atomic():
        WorkdayYear.objects.filter(year=year).delete()
        _notify((year,))


def calendar_from_db() -> WorkdayCalendar:
    """The calendar the database holds (two queries)."""
    dates: dict[int, list[WorkdayDate]] = {}
    for d in WorkdayDate.objects.order_by("day"):
        dates.setdefault(d.year_id, []).append(d)
    entries = []
    for row in WorkdayYear.objects.order_by("year"):
        mine = dates.get(row.pk, [])
        entries.append(
            YearCalendar(
                year=row.year,
                notice=row.notice,
                off=frozenset(d.day for d in mine if d.kind == DayKind.OFF),
                makeup=frozenset(d.day for d in mine if d.kind == DayKind.MAKEUP),
                title=row.title,
                source=row.source,
                note=row.note,
            )
        )
    return WorkdayCalendar(tuple(entries))
