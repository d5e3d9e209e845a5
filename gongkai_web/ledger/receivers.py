"""Keep stored dates in step with the working-day calendar."""

from __future__ import annotations

from typing import Any

from gongkai_web.workdays.signals import calendar_changed


def on_calendar_changed(sender: Any, years: tuple[int, ...] = (), **kwargs: Any) -> None:
    from gongkai_web.ledger.disclosure import refresh_publish_due
    from gongkai_web.ledger.services import refresh_open_applications
    from gongkai_web.workdays.services import calendar_from_db

    cal = calendar_from_db()
    refresh_open_applications(cal)
    refresh_publish_due(cal, years)


def connect() -> None:
    calendar_changed.connect(on_calendar_changed, dispatch_uid="ledger.calendar_changed")
