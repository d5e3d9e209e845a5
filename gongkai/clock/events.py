"""The records of the legal clock: events, statuses and the computed state.

See ``gongkai.clock.deadline`` for the law the clock follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from gongkai.clock.calendar import WorkdayCalendar, workdays_between


class EventKind(StrEnum):
    RECEIVED = "received"  # the application is received (第三十一条 fixes the day)
    CORRECTION_REQUESTED = "correction_requested"  # 补正 notice sent (第三十条)
    CORRECTION_RECEIVED = "correction_received"  # the 补正 arrives: the period restarts
    CORRECTION_EXPIRED = "correction_expired"  # no 补正 in time: treated as abandoned
    EXTENDED = "extended"  # extension of ``workdays`` working days (第三十三条第二款)
    CONSULTATION_STARTED = "consultation_started"  # third party / other body consulted (第三十二条)
    CONSULTATION_ENDED = "consultation_ended"  # answer arrived or its time limit ended
    FEE_NOTIFIED = "fee_notified"  # the applicant received the fee notice (国办函〔2020〕109号)
    FEE_PAID = "fee_paid"
    FEE_EXPIRED = "fee_expired"  # not paid in time: treated as abandoned
    ANSWERED = "answered"
    WITHDRAWN = "withdrawn"


class ClockStatus(StrEnum):
    OPEN = "open"  # the answering period runs
    AWAITING_CORRECTION = "awaiting_correction"  # the period restarts when the 补正 arrives
    CONSULTING = "consulting"  # stopped (第三十三条第三款)
    AWAITING_FEE = "awaiting_fee"  # stopped if ``fee_stops_clock``
    ANSWERED = "answered"
    ABANDONED = "abandoned"  # 视为放弃: no 补正 or no payment in time
    WITHDRAWN = "withdrawn"


TERMINAL = frozenset({ClockStatus.ANSWERED, ClockStatus.ABANDONED, ClockStatus.WITHDRAWN})

EVENT_LABELS: dict[EventKind, str] = {
    EventKind.RECEIVED: "收到申请",
    EventKind.CORRECTION_REQUESTED: "发出补正通知",
    EventKind.CORRECTION_RECEIVED: "收到补正",
    EventKind.CORRECTION_EXPIRED: "逾期未补正",
    EventKind.EXTENDED: "延长答复期限",
    EventKind.CONSULTATION_STARTED: "发出征求意见",
    EventKind.CONSULTATION_ENDED: "征求意见结束",
    EventKind.FEE_NOTIFIED: "送达收费通知",
    EventKind.FEE_PAID: "缴纳费用",
    EventKind.FEE_EXPIRED: "逾期未缴费",
    EventKind.ANSWERED: "答复",
    EventKind.WITHDRAWN: "撤回申请",
}

STATUS_LABELS: dict[ClockStatus, str] = {
    ClockStatus.OPEN: "办理中",
    ClockStatus.AWAITING_CORRECTION: "待补正",
    ClockStatus.CONSULTING: "征求意见中",
    ClockStatus.AWAITING_FEE: "待缴费",
    ClockStatus.ANSWERED: "已答复",
    ClockStatus.ABANDONED: "视为放弃",
    ClockStatus.WITHDRAWN: "已撤回",
}


@dataclass(frozen=True)
class Event:
    kind: EventKind
    day: date
    workdays: int | None = None  # only for EXTENDED: the working days added


@dataclass(frozen=True)
class ClockState:
    """Where the clock of one application stands after its events.

    ``due`` is the last day to answer; it is None while the clock is stopped (consulting,
    awaiting an unpaid fee with ``fee_stops_clock``) or awaiting a 补正, and then
    ``paused_workdays_left`` keeps the working days that were left when it stopped. On a closed
    application ``due`` is the due date as it stood when it was closed.
    """

    status: ClockStatus
    received: date
    period_start: date  # receipt, or receipt of the 补正 (第三十条)
    due: date | None
    correction_notice_due: date  # receipt + 7 working days (第三十条)
    fee_payment_due: date | None  # fee notice + 20 working days (国办函〔2020〕109号)
    extended: bool
    extension_workdays: int
    stopped_workdays: int  # working days not counted (consultations, unpaid fee)
    paused_workdays_left: int | None = None
    # While consulting: the third party answers within 15 working days (第三十二条), counted
    # here from the day the consultation was sent (its day of receipt is not recorded).
    consultation_answer_due: date | None = None
    closed_on: date | None = None  # day of the answer, withdrawal or abandonment

    @property
    def is_closed(self) -> bool:
        return self.status in TERMINAL

    @property
    def answered_late(self) -> bool:
        """Whether the application was answered after its due date."""
        return (
            self.status is ClockStatus.ANSWERED
            and self.due is not None
            and self.closed_on is not None
            and self.closed_on > self.due
        )

    def workdays_left(self, cal: WorkdayCalendar, today: date) -> int | None:
        """Working days after ``today`` up to and including ``due``.

        0 on the due day (and on non-working days right after it: see ``is_overdue``); negative
        once working days have passed since the due date. While the clock is stopped: the
        working days that were left when it stopped. None when closed or awaiting a 补正.
        """
        if self.due is not None and not self.is_closed:
            return workdays_between(cal, today, self.due)
        if self.paused_workdays_left is not None and not self.is_closed:
            return self.paused_workdays_left
        return None

    def is_overdue(self, today: date) -> bool:
        """Whether ``today`` is past the due date of an application still running."""
        return not self.is_closed and self.due is not None and today > self.due
