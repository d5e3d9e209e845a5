"""Today, read once at the boundary of the web app and of its commands.

Domain code takes ``today`` as an argument; views and commands call this. ``GONGKAI_TODAY``
(``YYYY-MM-DD``, in the environment or the settings) fixes the date for demonstrations and
tests; otherwise it is the local date in ``TIME_ZONE``.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils import timezone


def current_day() -> date:
    fixed: date | None = getattr(settings, "GONGKAI_TODAY", None)
    return fixed if fixed is not None else timezone.localdate()


def command_day(text: str) -> date:
    """A ``--today YYYY-MM-DD`` option of a management command."""
    from django.core.management.base import CommandError

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"日期格式错误：{text!r}，应为 YYYY-MM-DD") from None
