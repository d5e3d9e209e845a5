"""Due-date badges of the inbox: 剩余N个工作日, 今日到期, 已超期 — computed for one page only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gongkai.clock import WorkdayCalendar
from gongkai_web.ledger.clocking import workdays_left
from gongkai_web.ledger.models import Application

SOON = 5  # working days: from here on the badge turns amber


@dataclass(frozen=True)
class Badge:
    text: str
    css: str  # ok, soon, today, overdue, paused, closed


def badge(app: Application, cal: WorkdayCalendar, today: date) -> Badge:
    if not app.is_open:
        return Badge(app.get_status_display(), "closed")
    if app.due_provisional:
        return Badge("期限待定·缺少工作日历", "soon")
    if app.due_date is None:
        return Badge(f"{app.get_status_display()}·计时暂停", "paused")
    left = workdays_left(app, cal, today)
    if today > app.due_date:
        late = f"{-left}个工作日" if left is not None and left < 0 else ""
        return Badge(f"已超期{late}", "overdue")
    if today == app.due_date:
        return Badge("今日到期", "today")
    if left is None:
        return Badge(f"{app.due_date:%m月%d日}到期", "ok")
    return Badge(f"剩余{left}个工作日", "soon" if left <= SOON else "ok")
