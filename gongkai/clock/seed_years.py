"""Print working-day calendar entries for past years, seeded from the chinesecalendar package.

Used once to seed 2019–2023 in ``data/workdays.json``; years from 2024 on are typed from the
State Council notices instead (see the ``source`` of each entry). Run::

    .venv/bin/python -m gongkai.clock.seed_years 2019 2020 2021 2022 2023

The output is the ``years`` object of ``workdays.json`` for the given years. Review it against
the notice before pasting it in: the package is a convenience, the notice is the authority.
"""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from typing import Any

import chinese_calendar

# The State Council notices for the seeded years (国务院办公厅关于 YYYY 年部分节假日安排的通知),
# with their later amendments. The numbers are recalled, not checked against the published text:
# each entry says so in its "note".
NOTICES: dict[int, str] = {
    2019: "国办发明电〔2018〕15号，劳动节安排经国办发明电〔2019〕2号调整",
    2020: "国办发明电〔2019〕16号，春节假期经国办发明电〔2020〕1号延长至2月2日",
    2021: "国办发明电〔2020〕27号",
    2022: "国办发明电〔2021〕11号",
    2023: "国办发明电〔2022〕16号",
}

NOTE = (
    "Notice number recalled, not checked against the published notice; dates seeded from "
    f"chinesecalendar {getattr(chinese_calendar, '__version__', '')}".rstrip()
)


def year_entry(year: int) -> dict[str, Any]:
    """The ``workdays.json`` entry of ``year``: weekdays off and weekend make-up days."""
    off: list[str] = []
    makeup: list[str] = []
    day = date(year, 1, 1)
    while day.year == year:
        workday = bool(chinese_calendar.is_workday(day))
        if day.weekday() < 5 and not workday:
            off.append(day.isoformat())
        elif day.weekday() >= 5 and workday:
            makeup.append(day.isoformat())
        day += timedelta(days=1)
    notice = NOTICES.get(year, "未知通知")
    return {
        "notice": notice,
        "title": f"国务院办公厅关于{year}年部分节假日安排的通知",
        "source": f"chinesecalendar seed of {notice}",
        "note": NOTE,
        "off": off,
        "makeup": makeup,
    }


def main(argv: list[str]) -> int:
    if not argv:
        print("用法：python -m gongkai.clock.seed_years 年份 [年份…]", file=sys.stderr)
        return 2
    years = {str(int(y)): year_entry(int(y)) for y in argv}
    print(json.dumps(years, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
