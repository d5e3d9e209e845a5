"""Errors the ledger's services raise; every message is Chinese and says what to do.

GongkaiError (gongkai.errors)
└── LedgerError            the ledger refuses an action
    ├── TransitionError    the step is not allowed now (carries the clock's reason)
    ├── PermissionRefused  the actor may not do this (e.g. extension without the head)
    ├── StaleRecordError   someone else changed the application meanwhile
    └── AppendOnlyError    an attempt to change or delete a recorded event
"""

from __future__ import annotations

from gongkai.errors import GongkaiError


class LedgerError(GongkaiError):
    pass


class TransitionError(LedgerError):
    pass


class PermissionRefused(LedgerError):
    pass


class StaleRecordError(LedgerError):
    pass


class AppendOnlyError(LedgerError):
    pass
