"""信息处理费 per 国办函〔2020〕109号; expected fees worked out by hand from the scales."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.clock import fee_by_count, fee_by_pages, monthly_count_fees
from gongkai.clock.fees import bundled_scales


@pytest.mark.parametrize(
    ("nth", "yuan"),
    [
        (1, 0),
        (10, 0),
        (11, 100),
        (30, 100),
        (31, 200),
        (40, 200),
        (41, 300),
        (50, 300),
        (51, 400),
        (60, 400),
        (61, 500),
        (100, 800),  # 91–100 is the 7th block from 31: 200 + 6 × 100
    ],
)
def test_fee_by_count(nth: int, yuan: int) -> None:
    assert fee_by_count(nth) == yuan


@pytest.mark.parametrize(
    ("pages", "yuan"),
    [
        (0, 0),
        (30, 0),
        (31, 10),
        (100, 700),  # 70 × 10
        (101, 720),  # 700 + 1 × 20
        (150, 1700),  # 70 × 10 + 50 × 20
        (200, 2700),  # 700 + 100 × 20
        (201, 2740),  # 2700 + 1 × 40
        (250, 4700),  # 2700 + 50 × 40
    ],
)
def test_fee_by_pages(pages: int, yuan: int) -> None:
    assert fee_by_pages(pages) == yuan


def test_bad_counts_are_programming_errors() -> None:
    with pytest.raises(ValueError, match="nth_in_month must be >= 1"):
        fee_by_count(0)
    with pytest.raises(ValueError, match="pages must be >= 0"):
        fee_by_pages(-1)


def test_monthly_count_fees_per_applicant_per_month() -> None:
    may = [("张三", date(2025, 5, d), 1) for d in range(1, 13)]  # 12 single applications
    fees = monthly_count_fees(may)
    assert fees == [0] * 10 + [100, 100]
    # A new month starts again from 1; another applicant counts separately.
    later = monthly_count_fees(
        [*may, ("张三", date(2025, 6, 2), 1), ("李四", date(2025, 5, 30), 1)]
    )
    assert later[-2:] == [0, 0]


def test_monthly_count_fees_splits_items() -> None:
    # Nine single applications, then one with 3 items = units 10, 11, 12 → 0 + 100 + 100; then a
    # single one = unit 13 → 100.
    apps = [("A", date(2024, 3, 1), 1)] * 9 + [
        ("A", date(2024, 3, 20), 3),
        ("A", date(2024, 3, 21), 1),
    ]
    assert monthly_count_fees(apps) == [0] * 9 + [200, 100]


def test_monthly_count_fees_orders_by_receipt_day_but_answers_in_input_order() -> None:
    # The Mar 31 application has 10 items (units 1-10, free) only if it comes first in time;
    # listed after a Mar 1 application with 10 items it is units 11-20: 10 × 100.
    apps = [("A", date(2024, 3, 31), 10), ("A", date(2024, 3, 1), 10)]
    assert monthly_count_fees(apps) == [1000, 0]


def test_monthly_count_fees_crossing_a_block() -> None:
    # 29 units so far; an application with 3 items is units 30, 31, 32: 100 + 200 + 200.
    apps = [("A", date(2026, 1, 5), 29), ("A", date(2026, 1, 6), 3)]
    assert monthly_count_fees(apps) == [19 * 100, 500]


def test_monthly_count_fees_rejects_empty_application() -> None:
    with pytest.raises(ValueError, match="each has at least 1"):
        monthly_count_fees([("A", date(2026, 1, 5), 0)])


def test_scales_name_their_source() -> None:
    assert "国办函〔2020〕109号" in bundled_scales().source
