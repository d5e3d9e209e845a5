"""The legal clock of one application (依申请公开), computed from its event list.

``compute_clock(events, cal, rules)`` is pure: the same events, calendar and rules always give
the same ``ClockState``. The law it follows (《政府信息公开条例》, 2019, "条例"):

- 第三十一条: the day of receipt depends on the channel; the ``RECEIVED`` event carries that day.
- 第三十三条第二款: answer within 20 working days of receipt; one extension of at most 20 working
  days, added after the original due date.
- 第三十条: a 补正 notice within 7 working days of receipt, once; the period then runs from the
  day the 补正 is received; no 补正 in time → the application is treated as abandoned.
- 第三十二条, 第三十三条第三款: time spent consulting third parties or other bodies is not
  counted: the working days from the day after the consultation is sent up to and including the
  day it ends are added to the due date.
- 国办函〔2020〕109号: the fee is paid within 20 working days from the day after the notice is
  received, else the application is treated as abandoned. Whether the answering period runs
  meanwhile is a setting (``ClockRules.fee_stops_clock``, default: it stops, as a consultation).

Event days are the days things happened; events must be listed in chronological order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from gongkai.clock.calendar import WorkdayCalendar, add_workdays, is_workday, workdays_between
from gongkai.clock.errors import ClockError
from gongkai.clock.events import (
    EVENT_LABELS,
    STATUS_LABELS,
    TERMINAL,
    ClockState,
    ClockStatus,
    Event,
    EventKind,
)
from gongkai.clock.rules import DEFAULT_RULES, ClockRules

__all__ = ["ClockState", "ClockStatus", "Event", "EventKind", "compute_clock"]


def _period_end(cal: WorkdayCalendar, day: date, n: int, rules: ClockRules) -> date:
    # Convention (derived from the general rules on periods; a setting): the N-th working day
    # after the event's day, whatever kind of day it was; with ``count_event_day`` a working
    # day on which the event falls counts as day 1.
    if rules.count_event_day and n > 0 and is_workday(cal, day):
        return add_workdays(cal, day, n - 1)
    return add_workdays(cal, day, n)


class _Run:
    """The clock being replayed. Mutable, but private to one ``compute_clock`` call."""

    def __init__(self, cal: WorkdayCalendar, rules: ClockRules, first: Event) -> None:
        self.cal = cal
        self.rules = rules
        self.first = first
        self.status = ClockStatus.OPEN
        self.start = first.day  # 第三十三条第二款: the period runs from receipt…
        self.extension = 0
        self.extensions = 0
        self.stopped = 0
        self.paused_since: date | None = None
        self.paused_left: int | None = None
        self.awaiting_correction = False
        self.correction_requested = False
        self.consulted = False
        self.fee_due: date | None = None
        self.consultation_due: date | None = None
        self.closed_on: date | None = None

    def due(self) -> date:
        total = self.rules.answer_workdays + self.extension + self.stopped
        return _period_end(self.cal, self.start, total, self.rules)

    def check_first(self) -> None:
        if self.first.kind is not EventKind.RECEIVED:
            raise _fail(0, self.first, "第一条事件必须是「收到申请」，请先记录收到申请的日期")
        if self.first.workdays is not None:
            raise _fail(0, self.first, "只有「延长答复期限」可以填写工作日数，请删去工作日数")
        self.due()  # CalendarError now if the receipt day has no calendar data

    def apply(self, index: int, event: Event, previous: Event) -> None:
        if event.day < previous.day:
            raise _fail(
                index,
                event,
                f"日期早于前一条事件「{EVENT_LABELS[previous.kind]}」"
                f"（{previous.day.isoformat()}）：请按时间顺序记录事件并核对日期",
            )
        if self.status in TERMINAL:
            raise _fail(
                index,
                event,
                f"申请已于 {self.closed_on}「{STATUS_LABELS[self.status]}」，之后不能再记录事件",
            )
        if event.kind is not EventKind.EXTENDED and event.workdays is not None:
            raise _fail(index, event, "只有「延长答复期限」可以填写工作日数，请删去工作日数")
        _HANDLERS[event.kind](self, index, event)

    def received(self, index: int, event: Event) -> None:
        raise _fail(index, event, "一件申请只能收到一次；重复提交的申请请另行登记")

    def correction_requested_(self, index: int, event: Event) -> None:
        # 第三十条: 一次性告知申请人作出补正, before the file is otherwise handled.
        if self.correction_requested:
            raise _fail(index, event, "补正通知只能一次性发出（条例第三十条），不能再次要求补正")
        if self.status is not ClockStatus.OPEN or self.extensions or self.consulted:
            raise _fail(index, event, "补正通知须在延期、征求意见、收费之前发出（条例第三十条）")
        if self.fee_due is not None:
            raise _fail(index, event, "补正通知须在延期、征求意见、收费之前发出（条例第三十条）")
        self.correction_requested = True
        self.awaiting_correction = True
        self.status = ClockStatus.AWAITING_CORRECTION

    def correction_settled(self, index: int, event: Event) -> None:
        if self.status is not ClockStatus.AWAITING_CORRECTION:
            raise _fail(index, event, "此前没有待处理的补正通知，请先记录「发出补正通知」")
        if event.kind is EventKind.CORRECTION_RECEIVED:
            # 第三十条: 答复期限自行政机关收到补正的申请之日起计算.
            self.start = event.day
            self.awaiting_correction = False
            self.status = ClockStatus.OPEN
        else:
            # 第三十条: 申请人无正当理由逾期不补正的，视为放弃申请.
            self.close(ClockStatus.ABANDONED, event)

    def extended(self, index: int, event: Event) -> None:
        # 第三十三条第二款: 延长的期限最长不得超过20个工作日; read as one extension.
        limit = self.rules.extension_max_workdays
        if event.workdays is None or not 1 <= event.workdays <= limit:
            raise _fail(
                index,
                event,
                f"延长的工作日数须在 1 到 {limit} 之间（条例第三十三条第二款），"
                "请填写延长的工作日数",
            )
        if self.extensions >= self.rules.max_extensions:
            raise _fail(index, event, "答复期限只能延长一次（条例第三十三条第二款）")
        if self.status is ClockStatus.AWAITING_CORRECTION:
            raise _fail(index, event, "待补正期间答复期限尚未起算，不能延期；请先记录「收到补正」")
        self.extensions += 1
        self.extension += event.workdays

    def stop_started(self, index: int, event: Event) -> None:
        if self.status is not ClockStatus.OPEN:
            raise _fail(
                index,
                event,
                f"申请当前状态为「{STATUS_LABELS[self.status]}」，请先记录上一步的结果",
            )
        if event.kind is EventKind.FEE_NOTIFIED:
            if self.fee_due is not None:
                raise _fail(index, event, "收费通知只能发出一次")
            # 国办函〔2020〕109号: 自收到收费通知的次日起20个工作日内缴纳 (always "after").
            self.fee_due = add_workdays(self.cal, event.day, self.rules.fee_payment_workdays)
            self.status = ClockStatus.AWAITING_FEE
            stops = self.rules.fee_stops_clock
        else:
            # 第三十二条: written consultation of the third party (or another body).
            # 第三十二条: 第三方应当自收到征求意见书之日起15个工作日内提出意见.
            self.consultation_due = add_workdays(
                self.cal, event.day, self.rules.third_party_answer_workdays
            )
            self.consulted = True
            self.status = ClockStatus.CONSULTING
            stops = self.rules.consultation_stops_clock
        if stops:
            self.paused_left = workdays_between(self.cal, event.day, self.due())
            self.paused_since = event.day

    def stop_ended(self, index: int, event: Event) -> None:
        fee = event.kind is EventKind.FEE_PAID
        wanted = ClockStatus.AWAITING_FEE if fee else ClockStatus.CONSULTING
        if self.status is not wanted:
            what = "送达收费通知" if fee else "发出征求意见"
            raise _fail(index, event, f"此前没有进行中的「{what}」，请先记录它")
        if fee and self.fee_due is not None and event.day > self.fee_due:
            raise _fail(
                index,
                event,
                f"缴费期限已于 {self.fee_due.isoformat()} 届满（国办函〔2020〕109号），"
                "逾期未缴费视为放弃申请：请改为记录「逾期未缴费」",
            )
        if self.paused_since is not None:
            # 第三十三条第三款: not counted, from the day after the stop began up to and
            # including this day.
            self.stopped += workdays_between(self.cal, self.paused_since, event.day)
        self.paused_since = None
        self.paused_left = None
        self.consultation_due = None
        self.status = ClockStatus.OPEN

    def fee_expired(self, index: int, event: Event) -> None:
        if self.status is not ClockStatus.AWAITING_FEE or self.fee_due is None:
            raise _fail(index, event, "此前没有待缴的收费通知，请先记录「送达收费通知」")
        if event.day <= self.fee_due:
            raise _fail(
                index,
                event,
                f"缴费期限到 {self.fee_due.isoformat()} 才届满（国办函〔2020〕109号），"
                "请在期限届满后再记录",
            )
        # 国办函〔2020〕109号: 逾期未缴纳的，视为放弃申请.
        self.close(ClockStatus.ABANDONED, event)

    def answered(self, index: int, event: Event) -> None:
        if self.status is not ClockStatus.OPEN:
            raise _fail(
                index,
                event,
                f"申请当前状态为「{STATUS_LABELS[self.status]}」，请先记录上一步的结果再答复",
            )
        self.close(ClockStatus.ANSWERED, event)

    def withdrawn(self, index: int, event: Event) -> None:
        self.close(ClockStatus.WITHDRAWN, event)

    def close(self, status: ClockStatus, event: Event) -> None:
        self.status = status
        self.closed_on = event.day

    def state(self) -> ClockState:
        running = not self.awaiting_correction and self.paused_since is None
        return ClockState(
            status=self.status,
            received=self.first.day,
            period_start=self.start,
            due=self.due() if running else None,
            # 第三十条: the 补正 notice is due within 7 working days of receipt.
            correction_notice_due=_period_end(
                self.cal, self.first.day, self.rules.correction_notice_workdays, self.rules
            ),
            fee_payment_due=self.fee_due,
            extended=self.extensions > 0,
            extension_workdays=self.extension,
            stopped_workdays=self.stopped,
            paused_workdays_left=self.paused_left,
            consultation_answer_due=self.consultation_due,
            closed_on=self.closed_on,
        )


_HANDLERS: dict[EventKind, Callable[[_Run, int, Event], None]] = {
    EventKind.RECEIVED: _Run.received,
    EventKind.CORRECTION_REQUESTED: _Run.correction_requested_,
    EventKind.CORRECTION_RECEIVED: _Run.correction_settled,
    EventKind.CORRECTION_EXPIRED: _Run.correction_settled,
    EventKind.EXTENDED: _Run.extended,
    EventKind.CONSULTATION_STARTED: _Run.stop_started,
    EventKind.CONSULTATION_ENDED: _Run.stop_ended,
    EventKind.FEE_NOTIFIED: _Run.stop_started,
    EventKind.FEE_PAID: _Run.stop_ended,
    EventKind.FEE_EXPIRED: _Run.fee_expired,
    EventKind.ANSWERED: _Run.answered,
    EventKind.WITHDRAWN: _Run.withdrawn,
}


def _fail(index: int, event: Event, reason: str) -> ClockError:
    return ClockError(
        f"第 {index + 1} 条事件「{EVENT_LABELS[event.kind]}」（{event.day.isoformat()}）无效："
        f"{reason}",
        index,
    )


def compute_clock(
    events: Sequence[Event], cal: WorkdayCalendar, rules: ClockRules = DEFAULT_RULES
) -> ClockState:
    """The clock after ``events`` (chronological, the first one ``RECEIVED``).

    ``ClockError`` for a sequence the law does not allow; ``CalendarError`` if a date falls in
    a year the calendar has no data for.
    """
    if not events:
        raise ClockError("没有任何事件：请先记录收到申请的日期")
    run = _Run(cal, rules, events[0])
    run.check_first()
    for index in range(1, len(events)):
        run.apply(index, events[index], events[index - 1])
    return run.state()
