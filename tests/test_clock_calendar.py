"""The working-day calendar: the data, the arithmetic, and what happens without data."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest

from gongkai.clock import (
    CalendarError,
    DayKind,
    WorkdayCalendar,
    add_workdays,
    day_kind,
    is_workday,
    seed_years,
    workdays_between,
)

CAL = WorkdayCalendar.bundled()
D = date.fromisoformat


def test_bundled_years_and_notices() -> None:
    assert CAL.years == (2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026)
    assert CAL.year(2024).notice == "国办发明电〔2023〕7号"
    assert CAL.year(2025).notice == "国办发明电〔2024〕12号"
    for year in (2024, 2025, 2026):
        assert CAL.year(year).source.startswith("typed from the notice")
    for year in (2019, 2020, 2021, 2022, 2023):
        assert CAL.year(year).source.startswith("chinesecalendar seed of 国办发明电")
    assert "not checked" in CAL.year(2026).note


@pytest.mark.parametrize("year", range(2019, 2027))
def test_every_day_agrees_with_chinesecalendar(year: int) -> None:
    # Our 2024–2026 lists are typed from the notices; chinesecalendar is an independent source.
    # 2019–2023 were seeded from it: there the test checks the seed was pasted intact.
    disagreements = []
    day = date(year, 1, 1)
    while day.year == year:
        if is_workday(CAL, day) != chinese_calendar.is_workday(day):
            disagreements.append(day)
        day += timedelta(days=1)
    assert disagreements == []


@pytest.mark.parametrize("year", range(2019, 2024))
def test_seeded_years_are_what_the_seed_script_prints(year: int) -> None:
    entry = seed_years.year_entry(year)
    assert entry["source"] == f"chinesecalendar seed of {entry['notice']}"
    assert CAL.year(year).to_dict() == entry


def test_day_counts_2025() -> None:
    # 2025 has 365 days, 104 weekend days (Jan 1 is a Wednesday: 52 full weeks + Wed): 261
    # Monday-Fridays; minus 18 weekdays off, plus 5 make-up days = 248 working days.
    days = [date(2025, 1, 1) + timedelta(days=i) for i in range(365)]
    assert sum(is_workday(CAL, d) for d in days) == 248


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        ("2025-09-29", DayKind.WORKDAY),  # Monday
        ("2025-09-27", DayKind.WEEKEND),  # Saturday
        ("2025-09-28", DayKind.MAKEUP),  # Sunday worked for National Day
        ("2025-10-01", DayKind.HOLIDAY),  # National Day
        ("2025-10-04", DayKind.WEEKEND),  # Saturday inside the holiday
        ("2024-02-04", DayKind.MAKEUP),
        ("2024-06-10", DayKind.HOLIDAY),  # Dragon Boat, a Monday
        ("2026-02-23", DayKind.HOLIDAY),  # the Monday after the 2026 Spring Festival
        ("2026-02-28", DayKind.MAKEUP),  # Saturday
        ("2026-12-31", DayKind.WORKDAY),  # Thursday
        ("2019-01-01", DayKind.HOLIDAY),
    ],
)
def test_day_kind(day: str, kind: DayKind) -> None:
    assert day_kind(CAL, D(day)) is kind
    assert is_workday(CAL, D(day)) is (kind in (DayKind.WORKDAY, DayKind.MAKEUP))


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # Sep 28 Sun make-up (1), Sep 29 (2), Sep 30 (3), Oct 1-8 closed, Oct 9 (4), Oct 10 (5).
        ("2025-09-26", 5, "2025-10-10"),
        # … Oct 11 Sat make-up (6).
        ("2025-09-26", 6, "2025-10-11"),
        ("2025-09-26", 0, "2025-09-26"),
        ("2025-10-04", 0, "2025-10-04"),  # n = 0 returns the start, whatever day it is
        # From a holiday: Oct 9 is the first working day after Oct 3.
        ("2025-10-03", 1, "2025-10-09"),
        # From Friday Dec 27 2024: Dec 30 (1), Dec 31 (2), Jan 1 off, Jan 2 (3).
        ("2024-12-27", 3, "2025-01-02"),
        # 2026 New Year: Jan 1-2 off, Jan 3 Sat, Jan 4 Sun make-up (1).
        ("2025-12-31", 1, "2026-01-04"),
    ],
)
def test_add_workdays(start: str, n: int, expected: str) -> None:
    assert add_workdays(CAL, D(start), n) == D(expected)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2025-09-26", "2025-10-10", 5),
        ("2025-10-10", "2025-09-26", -5),
        ("2025-10-01", "2025-10-08", 0),  # all holiday
        ("2025-10-03", "2025-10-03", 0),
        ("2025-10-08", "2025-10-01", 0),
        # Sat Apr 6 2024 back to Mon Apr 1: Apr 2, 3 (Apr 4-5 off, Apr 6 Sat) → -2.
        ("2024-04-06", "2024-04-01", -2),
        # Whole 2024 Spring Festival span Feb 9 (Fri) → Feb 19 (Mon): Feb 18 make-up, Feb 19.
        ("2024-02-09", "2024-02-19", 2),
    ],
)
def test_workdays_between(start: str, end: str, expected: int) -> None:
    assert workdays_between(CAL, D(start), D(end)) == expected


@pytest.mark.parametrize("day", ["2018-12-31", "2027-01-04"])
def test_year_without_data_raises(day: str) -> None:
    year = D(day).year
    message = (
        f"缺少 {year} 年的工作日历（国务院办公厅节假日安排通知）："
        "请用 gongkai workdays import 导入该年数据后重试"
    )
    with pytest.raises(CalendarError) as info:
        is_workday(CAL, D(day))
    assert str(info.value) == message
    assert info.value.year == year
    with pytest.raises(CalendarError, match=f"缺少 {year} 年"):
        add_workdays(CAL, D(day), 0)
    with pytest.raises(CalendarError, match=f"缺少 {year} 年"):
        workdays_between(CAL, D(day), D(day))


def test_counting_into_a_year_without_data_raises() -> None:
    # Dec 31 2026 is a Thursday: Fri Jan 1 2027 would be needed for the second working day
    # after Dec 30; the calendar has no 2027.
    assert add_workdays(CAL, D("2026-12-30"), 1) == D("2026-12-31")
    with pytest.raises(CalendarError, match="缺少 2027 年") as info:
        add_workdays(CAL, D("2026-12-30"), 2)
    assert info.value.year == 2027
    with pytest.raises(CalendarError, match="缺少 2027 年"):
        workdays_between(CAL, D("2026-12-30"), D("2027-01-05"))


def test_negative_n_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="n must be >= 0"):
        add_workdays(CAL, D("2025-01-06"), -1)


def test_with_year_adds_a_year_without_touching_the_original() -> None:
    # A made-up 2027 year: Jan 1 2027 (Fri) off, Sat Jan 9 worked.
    cal = CAL.with_year(2027, [D("2027-01-01")], [D("2027-01-09")], "测试通知")
    assert cal.years[-1] == 2027
    assert 2027 not in CAL.years
    assert not is_workday(cal, D("2027-01-01"))
    assert is_workday(cal, D("2027-01-09"))
    assert is_workday(cal, D("2027-01-04"))  # Monday
    # From Dec 30 2026: Dec 31 (1), Jan 1 off, Jan 4 (2).
    assert add_workdays(cal, D("2026-12-30"), 2) == D("2027-01-04")
    assert cal.year(2027).notice == "测试通知"
    assert cal.year(2027).title == "国务院办公厅关于2027年部分节假日安排的通知"


def test_with_year_replaces_an_existing_year() -> None:
    cal = CAL.with_year(2025, [], [], "替换")
    assert cal.years == CAL.years
    assert is_workday(cal, D("2025-10-01"))  # no longer off
    assert not is_workday(cal, D("2025-09-28"))  # no longer make-up


def test_round_trip_through_dict() -> None:
    assert WorkdayCalendar.from_dict(CAL.to_dict()) == CAL


@pytest.mark.parametrize(
    ("off", "makeup", "message"),
    [
        (["2027-01-02"], [], "休假日 2027-01-02 是周末"),
        ([], ["2027-01-04"], "调休上班日 2027-01-04 不是周末"),
        (["2026-12-31"], [], "休假日 2026-12-31 不在 2027 年内"),
    ],
)
def test_with_year_rejects_inconsistent_data(
    off: list[str], makeup: list[str], message: str
) -> None:
    with pytest.raises(CalendarError, match=message) as info:
        CAL.with_year(2027, [D(d) for d in off], [D(d) for d in makeup], "测试通知")
    assert info.value.year == 2027


def test_with_year_requires_the_notice() -> None:
    with pytest.raises(CalendarError, match="请填写设定该年安排的国务院办公厅通知文号"):
        CAL.with_year(2027, [], [], " ")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "缺少 years 对象"),
        ({"years": {"二〇二七": {"notice": "x"}}}, "年份 '二〇二七' 不是数字"),
        (
            {"years": {"2027": {"notice": "x", "off": ["2027-13-01"]}}},
            "不是日期，请写成 YYYY-MM-DD",
        ),
        ({"years": {"2027": {"notice": "x", "off": "2027-01-01"}}}, "off 应为日期列表"),
        ({"years": {"2027": []}}, "2027 年的数据应为对象"),
    ],
)
def test_from_dict_rejects_bad_data(data: dict[str, object], message: str) -> None:
    with pytest.raises(CalendarError, match=message):
        WorkdayCalendar.from_dict(data)
