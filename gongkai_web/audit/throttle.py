"""Throttles for guessable things: N failures of one key within a window lock it for a while.

Failures live in the database (``FailedAttempt``) so that every server process sees them.
Keys are stored hashed. ``now`` is passed in by the caller.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from gongkai_web.audit.models import FailedAttempt


@dataclass(frozen=True)
class Limit:
    scope: str
    attempts: int
    window: timedelta


LOGIN = Limit("login", 5, timedelta(minutes=15))
STATUS = Limit("status", 10, timedelta(minutes=15))


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def locked_until(limit: Limit, keys: Iterable[str], now: datetime) -> datetime | None:
    """When the latest lock on any of ``keys`` ends; None if none is locked."""
    until: datetime | None = None
    for key in keys:
        recent = list(
            FailedAttempt.objects.filter(
                scope=limit.scope, key=_hash(key), at__gt=now - limit.window
            )
            .order_by("-at")
            .values_list("at", flat=True)[: limit.attempts]
        )
        if len(recent) >= limit.attempts:
            end = recent[-1] + limit.window
            until = end if until is None else max(until, end)
    return until


def fail(limit: Limit, keys: Iterable[str], now: datetime) -> None:
    FailedAttempt.objects.bulk_create(
        [FailedAttempt(scope=limit.scope, key=_hash(k), at=now) for k in keys]
    )


def clear(limit: Limit, keys: Iterable[str]) -> None:
    FailedAttempt.objects.filter(scope=limit.scope, key__in=[_hash(k) for k in keys]).delete()


def minutes_left(until: datetime, now: datetime) -> int:
    return max(1, -(-int((until - now).total_seconds()) // 60))
