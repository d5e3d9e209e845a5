"""信息处理费 (information processing fee) per 国办函〔2020〕109号.

Providing information is free; a fee may be charged only when the number or frequency of an
applicant's applications clearly exceeds a reasonable range. Two progressive scales, both data
in ``data/fees.json``:

- 按件 (by count): the n-th application of one applicant in one calendar month; an application
  with several items may be split 一事一申请 into the smallest reasonable units, each counted.
- 按量 (by pages): the pages provided on paper, by e-mail or as copies.

One application is charged on ONE scale or the other, never on both: the caller chooses the
scale; nothing here adds the two. The fee is reported in section 六 of the annual report and is
not 行政事业性收费 (table 二).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Band:
    first: int
    last: int | None  # None: no upper end
    yuan: int  # per application (按件) or per page (按量)


@dataclass(frozen=True)
class FeeScales:
    source: str
    count_bands: tuple[Band, ...]  # 按件, up to ``beyond_from - 1``
    beyond_from: int  # 按件 from here: blocks of ``block`` applications…
    block: int
    first_block_yuan: int  # …the first block at this fee each…
    step_yuan: int  # …each further block this much more each
    page_bands: tuple[Band, ...]  # 按量, progressive

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeeScales:
        by_count = data["by_count"]
        beyond = by_count["beyond"]
        return cls(
            source=data["source"],
            count_bands=tuple(Band(b["from"], b["to"], b["yuan"]) for b in by_count["bands"]),
            beyond_from=beyond["from"],
            block=beyond["block"],
            first_block_yuan=beyond["first_yuan"],
            step_yuan=beyond["step_yuan"],
            page_bands=tuple(
                Band(b["from"], b["to"], b["yuan_per_page"]) for b in data["by_pages"]["bands"]
            ),
        )


@cache
def bundled_scales() -> FeeScales:
    """The scales shipped with gongkai (``gongkai/clock/data/fees.json``)."""
    text = resources.files("gongkai.clock.data").joinpath("fees.json").read_text("utf-8")
    return FeeScales.from_dict(json.loads(text))


def fee_by_count(nth_in_month: int, scales: FeeScales | None = None) -> int:
    """The fee in yuan for an applicant's ``nth_in_month`` application (or unit) of a month.

    1–10 free, 11–30 100, 31–40 200, 41–50 300… (国办函〔2020〕109号, 按件).
    """
    if nth_in_month < 1:
        raise ValueError(f"nth_in_month must be >= 1, got {nth_in_month}")
    s = scales or bundled_scales()
    for band in s.count_bands:
        if band.first <= nth_in_month and (band.last is None or nth_in_month <= band.last):
            return band.yuan
    blocks = (nth_in_month - s.beyond_from) // s.block
    return s.first_block_yuan + blocks * s.step_yuan


def fee_by_pages(pages: int, scales: FeeScales | None = None) -> int:
    """The fee in yuan for ``pages`` pages, progressive (国办函〔2020〕109号, 按量).

    ≤30 free; pages 31–100 10 each; 101–200 20 each; beyond 200 40 each (150 → 1700).
    """
    if pages < 0:
        raise ValueError(f"pages must be >= 0, got {pages}")
    s = scales or bundled_scales()
    total = 0
    for band in s.page_bands:
        top = pages if band.last is None else min(pages, band.last)
        if top >= band.first:
            total += (top - band.first + 1) * band.yuan
    return total


def monthly_count_fees(
    applications: Sequence[tuple[Hashable, date, int]], scales: FeeScales | None = None
) -> list[int]:
    """按件 fees of ``(applicant_id, day received, items)`` applications, in the given order.

    Applications are counted per applicant per calendar month in order of receipt (ties keep
    the given order). An application with ``items`` items is split 一事一申请 into that many
    units, each counted and charged: the 10th application of a month with 3 items is units
    10, 11 and 12, charged 0 + 100 + 100.
    """
    order = sorted(range(len(applications)), key=lambda i: applications[i][1])
    counted: defaultdict[tuple[Hashable, int, int], int] = defaultdict(int)
    fees = [0] * len(applications)
    for i in order:
        applicant, day, items = applications[i]
        if items < 1:
            raise ValueError(f"application {i} has {items} items; each has at least 1")
        key = (applicant, day.year, day.month)
        first = counted[key] + 1
        counted[key] += items
        fees[i] = sum(fee_by_count(n, scales) for n in range(first, first + items))
    return fees
