"""The working-day calendar as data, and pure functions over it.

Working days (工作日) are Monday to Friday, minus the official days off, plus the make-up
working days (调休上班) that the State Council office announces each autumn for the next year
(国务院办公厅关于部分节假日安排的通知). The yearly lists are data (``data/workdays.json``, one
entry per year naming its notice), never rules: a new year is added without a code change, with
``WorkdayCalendar.with_year`` or ``gongkai workdays import``.

A date in a year the calendar has no entry for raises ``CalendarError``: we never guess.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property
from importlib import resources
from typing import Any

from gongkai.errors import CalendarError

_ONE_DAY = timedelta(days=1)


class DayKind(StrEnum):
    """Why a day is or is not a working day."""

    WORKDAY = "workday"  # Monday–Friday, not a day off
    WEEKEND = "weekend"  # Saturday or Sunday, not a make-up day
    HOLIDAY = "holiday"  # an official day off falling on Monday–Friday
    MAKEUP = "makeup"  # a Saturday or Sunday worked in exchange (调休上班)


@dataclass(frozen=True)
class YearCalendar:
    """One year of the calendar, as set by one State Council notice."""

    year: int
    notice: str
    off: frozenset[date]
    makeup: frozenset[date]
    title: str = ""
    source: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        for day in self.off:
            _check_day(self.year, day, "休假日")
            if day.weekday() >= 5:
                raise CalendarError(
                    f"{self.year} 年工作日历数据有误：休假日 {day.isoformat()} 是周末，"
                    "只需列出落在周一至周五的休假日，请删去该日期",
                    self.year,
                )
        for day in self.makeup:
            _check_day(self.year, day, "调休上班日")
            if day.weekday() < 5:
                raise CalendarError(
                    f"{self.year} 年工作日历数据有误：调休上班日 {day.isoformat()} 不是周末，"
                    "只需列出落在周六、周日的调休上班日，请删去该日期",
                    self.year,
                )
        if not self.notice.strip():
            raise CalendarError(
                f"{self.year} 年工作日历数据缺少来源：请填写设定该年安排的国务院办公厅通知文号",
                self.year,
            )

    def to_dict(self) -> dict[str, Any]:
        """The ``workdays.json`` entry of this year."""
        out: dict[str, Any] = {"notice": self.notice}
        for key in ("title", "source", "note"):
            value = getattr(self, key)
            if value:
                out[key] = value
        out["off"] = sorted(d.isoformat() for d in self.off)
        out["makeup"] = sorted(d.isoformat() for d in self.makeup)
        return out


def _check_day(year: int, day: date, what: str) -> None:
    if day.year != year:
        raise CalendarError(
            f"{year} 年工作日历数据有误：{what} {day.isoformat()} 不在 {year} 年内，"
            "请把它放到所属年份",
            year,
        )


def missing_year_message(year: int) -> str:
    return (
        f"缺少 {year} 年的工作日历（国务院办公厅节假日安排通知）："
        "请用 gongkai workdays import 导入该年数据后重试"
    )


@dataclass(frozen=True)
class WorkdayCalendar:
    """The working-day calendar: one ``YearCalendar`` per year with data."""

    entries: tuple[YearCalendar, ...]
    _by_year: Mapping[int, YearCalendar] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        by_year: dict[int, YearCalendar] = {}
        for entry in self.entries:
            if entry.year in by_year:
                raise CalendarError(
                    f"工作日历中 {entry.year} 年出现了两次：请只保留一份该年数据", entry.year
                )
            by_year[entry.year] = entry
        object.__setattr__(self, "entries", tuple(sorted(self.entries, key=lambda e: e.year)))
        object.__setattr__(self, "_by_year", by_year)

    @classmethod
    def bundled(cls) -> WorkdayCalendar:
        """The calendar shipped with gongkai (``gongkai/clock/data/workdays.json``)."""
        text = resources.files("gongkai.clock.data").joinpath("workdays.json").read_text("utf-8")
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WorkdayCalendar:
        """Build from the ``workdays.json`` structure: ``{"years": {"2024": {...}, ...}}``."""
        years = data.get("years")
        if not isinstance(years, Mapping):
            raise CalendarError(
                "工作日历数据格式有误：缺少 years 对象，请参照 workdays.json 的格式"
            )
        return cls(tuple(_year_from_dict(key, value) for key, value in years.items()))

    def to_dict(self) -> dict[str, Any]:
        """The ``workdays.json`` structure of this calendar."""
        return {"years": {str(e.year): e.to_dict() for e in self.entries}}

    @property
    def years(self) -> tuple[int, ...]:
        """The years with data, in order."""
        return tuple(e.year for e in self.entries)

    @cached_property
    def _index(self) -> _Index:
        return _Index.of(self)

    def year(self, year: int) -> YearCalendar:
        """The entry of ``year``; ``CalendarError`` if the calendar has no data for it."""
        entry = self._by_year.get(year)
        if entry is None:
            raise CalendarError(missing_year_message(year), year)
        return entry

    def with_year(
        self,
        year: int,
        off: Iterable[date],
        makeup: Iterable[date],
        notice: str,
        *,
        title: str = "",
        source: str = "",
        note: str = "",
    ) -> WorkdayCalendar:
        """A new calendar with ``year`` added, or replaced if it was already there."""
        entry = YearCalendar(
            year=year,
            notice=notice,
            off=frozenset(off),
            makeup=frozenset(makeup),
            title=title or f"国务院办公厅关于{year}年部分节假日安排的通知",
            source=source,
            note=note,
        )
        return WorkdayCalendar((*(e for e in self.entries if e.year != year), entry))

    def merged(self, other: WorkdayCalendar) -> WorkdayCalendar:
        """A new calendar with the years of ``other`` added to (or replacing) ours."""
        theirs = set(other.years)
        return WorkdayCalendar((*(e for e in self.entries if e.year not in theirs), *other.entries))


def _year_from_dict(key: str, value: Any) -> YearCalendar:
    try:
        year = int(key)
    except ValueError:
        raise CalendarError(
            f'工作日历数据格式有误：年份 {key!r} 不是数字，请写成如 "2027"'
        ) from None
    if not isinstance(value, Mapping):
        raise CalendarError(f"工作日历数据格式有误：{year} 年的数据应为对象", year)
    return YearCalendar(
        year=year,
        notice=str(value.get("notice", "")),
        off=frozenset(_dates(year, value.get("off", []), "off")),
        makeup=frozenset(_dates(year, value.get("makeup", []), "makeup")),
        title=str(value.get("title", "")),
        source=str(value.get("source", "")),
        note=str(value.get("note", "")),
    )


def _dates(year: int, values: Any, key: str) -> list[date]:
    if not isinstance(values, list):
        raise CalendarError(f"工作日历数据格式有误：{year} 年的 {key} 应为日期列表", year)
    out: list[date] = []
    for value in values:
        try:
            out.append(date.fromisoformat(str(value)))
        except ValueError:
            raise CalendarError(
                f"工作日历数据格式有误：{year} 年 {key} 中的 {value!r} 不是日期，请写成 YYYY-MM-DD",
                year,
            ) from None
    return out


def day_kind(cal: WorkdayCalendar, d: date) -> DayKind:
    """What kind of day ``d`` is. ``CalendarError`` if its year has no data."""
    entry = cal.year(d.year)
    if d in entry.makeup:
        return DayKind.MAKEUP
    if d in entry.off:
        return DayKind.HOLIDAY
    return DayKind.WEEKEND if d.weekday() >= 5 else DayKind.WORKDAY


def is_workday(cal: WorkdayCalendar, d: date) -> bool:
    """Whether ``d`` is a working day. ``CalendarError`` if its year has no data."""
    return day_kind(cal, d) in (DayKind.WORKDAY, DayKind.MAKEUP)


@dataclass(frozen=True)
class _Index:
    """Working days counted once per calendar, so that counting spans is a subtraction.

    ``before[d]`` is the number of working days from the first day with data up to and
    including ``d``; ``days`` lists the working days in order. Only spans whose years all have
    data use it (the functions check the years first), so gaps between years never matter.
    """

    before: dict[date, int]
    days: tuple[date, ...]

    @classmethod
    def of(cls, cal: WorkdayCalendar) -> _Index:
        before: dict[date, int] = {}
        days: list[date] = []
        for year in cal.years:
            day = date(year, 1, 1)
            while day.year == year:
                if is_workday(cal, day):
                    days.append(day)
                before[day] = len(days)
                day += _ONE_DAY
        return cls(before, tuple(days))


def _check_years(cal: WorkdayCalendar, first: int, last: int) -> None:
    for year in range(first, last + 1):
        cal.year(year)  # CalendarError for the first year without data


def add_workdays(cal: WorkdayCalendar, start: date, n: int) -> date:
    """The ``n``-th working day after ``start``'s day, whatever kind of day ``start`` is.

    ``n == 0`` returns ``start`` itself; ``n < 0`` is a programming error (``ValueError``).
    ``CalendarError`` if the count walks into a year without data (``start``'s year included).
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    cal.year(start.year)
    if n == 0:
        return start
    index = cal._index
    at = index.before[start] + n - 1
    if at < len(index.days):
        found = index.days[at]
        if all(y in cal.years for y in range(start.year, found.year + 1)):
            return found
    day = start  # the count runs into a year without data: walk to it, which raises
    while n > 0:
        day += _ONE_DAY
        if is_workday(cal, day):
            n -= 1
    return day


def workdays_between(cal: WorkdayCalendar, start: date, end: date) -> int:
    """The working days after ``start`` up to and including ``end``.

    So ``workdays_between(cal, d, add_workdays(cal, d, n)) == n``. It is 0 when ``end`` is
    ``start`` or when no working day lies in between. When ``end`` is before ``start`` the
    result is negative: minus the working days after ``end`` up to and including ``start``.
    ``CalendarError`` if a year in the span has no data.
    """
    if end < start:
        return -workdays_between(cal, end, start)
    _check_years(cal, start.year, end.year)
    index = cal._index
    return index.before[end] - index.before[start]
