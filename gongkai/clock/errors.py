"""Errors of the legal clock.

GongkaiError (gongkai.errors)
├── CalendarError   a date in a year the working-day calendar has no data for (gongkai.errors)
└── ClockError      an event list the law does not allow (second extension, answer before
                    receipt, an event after the application was closed…)
"""

from __future__ import annotations

from gongkai.errors import GongkaiError


class ClockError(GongkaiError):
    """An invalid event sequence. ``index`` is the position of the offending event, if any."""

    def __init__(self, message: str, index: int | None = None) -> None:
        super().__init__(message)
        self.index = index
