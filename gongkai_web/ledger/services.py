"""State changes of an application: each appends one event, replays the events through
``gongkai.clock`` and caches the result (status, due date…) on the application.

Every function takes the acting user and the day the step happened (injected: nothing here
reads the system clock). Invalid steps raise ``TransitionError`` with the clock's Chinese
reason; a stale copy of the application raises ``StaleRecordError`` (optimistic locking on
``version``). Events are never changed or deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F

from gongkai.clock import ClockError, WorkdayCalendar, fee_by_pages, monthly_count_fees
from gongkai_web.agencies.access import has_role
from gongkai_web.agencies.models import Agency, Role
from gongkai_web.ledger.choices import (
    OUTCOME_KEYS,
    OUTCOME_NO_CORRECTION,
    OUTCOME_UNPAID_FEE,
    OUTCOME_WITHDRAWN,
    EventKindChoice,
    FeeBasis,
    Status,
)
from gongkai_web.ledger.clocking import clock_events, compute
from gongkai_web.ledger.errors import PermissionRefused, StaleRecordError, TransitionError
from gongkai_web.ledger.models import Application, ApplicationEvent
from gongkai_web.workdays.services import calendar_from_db

# Outcomes a clerk may choose when answering: the others are set by their own step.
ANSWER_OUTCOMES = tuple(
    k for k in OUTCOME_KEYS if k not in (OUTCOME_NO_CORRECTION, OUTCOME_UNPAID_FEE)
)
_CLOSING_OUTCOME = {
    EventKindChoice.CORRECTION_EXPIRED: OUTCOME_NO_CORRECTION,
    EventKindChoice.FEE_EXPIRED: OUTCOME_UNPAID_FEE,
    EventKindChoice.WITHDRAWN: OUTCOME_WITHDRAWN,
}
_DERIVED = ("status", "due_date", "due_provisional", "extended", "answered_on", "outcome")


@dataclass(frozen=True)
class Step:
    kind: EventKindChoice
    day: date
    workdays: int | None = None
    amount: Decimal | None = None
    outcome: str = ""
    note: str = ""


def _apply_state(app: Application, events: list[ApplicationEvent], cal: WorkdayCalendar) -> None:
    """Recompute the cached fields of ``app`` from ``events`` (``ClockError`` if invalid)."""
    result = compute(clock_events(events), cal)
    state = result.state
    app.status = Status(state.status.value)
    # A due date needs the calendar of every year it crosses: never guessed (条例 counts
    # working days, which only the State Council's holiday notice fixes).
    app.due_date = None if result.provisional else state.due
    app.due_provisional = result.provisional
    app.extended = state.extended
    app.answered_on = state.closed_on
    closing = [e.outcome for e in events if e.outcome]
    app.outcome = closing[-1] if closing and state.closed_on else ""


def _record(
    app: Application,
    step: Step,
    actor: User | None,
    cal: WorkdayCalendar | None,
    **extra: Any,
) -> Application:
    """Append ``step`` to ``app`` if the clock accepts it; save with a version check."""
    if not app.is_open:
        raise TransitionError(
            f"申请 {app.tracking_number} 已于 {app.answered_on} 办结"
            f"（{app.get_status_display()}），不能再办理；如需更正请联系系统管理员"
        )
    cal = cal if cal is not None else calendar_from_db()
    with transaction.atomic():
        _check_version(app)
        events = list(app.events.order_by("day", "id"))
        new = ApplicationEvent(
            application=app,
            kind=step.kind,
            day=step.day,
            workdays=step.workdays,
            amount=step.amount,
            outcome=step.outcome,
            note=step.note,
            actor=actor,
        )
        try:
            _apply_state(app, [*events, new], cal)
        except ClockError as exc:
            raise TransitionError(exc.message) from exc
        for name, value in extra.items():
            setattr(app, name, value)
        _save_versioned(app, [*_DERIVED, *extra])
        new.save()
    return app


def _stale(app: Application) -> StaleRecordError:
    return StaleRecordError(
        f"申请 {app.tracking_number} 已被他人修改：请刷新页面，核对最新办理情况后再操作"
    )


def _check_version(app: Application) -> None:
    """Lock the row (PostgreSQL) and refuse a stale copy before reading the events."""
    current = (
        Application.objects.select_for_update()
        .filter(pk=app.pk)
        .values_list("version", flat=True)
        .first()
    )
    if current != app.version:
        raise _stale(app)


def _save_versioned(app: Application, fields: list[str]) -> None:
    updated = Application.objects.filter(pk=app.pk, version=app.version).update(
        version=F("version") + 1, **{f: getattr(app, f) for f in fields}
    )
    if updated != 1:
        raise _stale(app)
    app.version += 1


def register_application(
    *,
    agency: Agency,
    channel: str,
    received_on: date,
    applicant_type: str,
    applicant_name: str,
    content: str,
    actor: User | None,
    id_proof: str = "",
    contact: str = "",
    requested_form: str = "",
    requested_way: str = "",
    note: str = "",
    cal: WorkdayCalendar | None = None,
) -> Application:
    """Register an application received on ``received_on`` (条例第三十一条 fixes that day)."""
    cal = cal if cal is not None else calendar_from_db()
    app = Application(
        agency=agency,
        channel=channel,
        received_on=received_on,
        applicant_type=applicant_type,
        applicant_name=applicant_name.strip(),
        content=content.strip(),
        id_proof=id_proof,
        contact=contact,
    )
    if requested_form:
        app.requested_form = requested_form
    if requested_way:
        app.requested_way = requested_way
    app.full_clean(exclude=["agency"])
    first = ApplicationEvent(kind=EventKindChoice.RECEIVED, day=received_on, note=note, actor=actor)
    try:
        _apply_state(app, [first], cal)
    except ClockError as exc:  # pragma: no cover - a lone RECEIVED event is always valid
        raise TransitionError(exc.message) from exc
    with transaction.atomic():
        app.save()
        first.application = app
        first.save()
    return app


def request_correction(
    app: Application,
    *,
    day: date,
    actor: User | None,
    note: str = "",
    cal: WorkdayCalendar | None = None,
) -> Application:
    """补正 notice (条例第三十条): once, within 7 working days of receipt."""
    return _record(app, Step(EventKindChoice.CORRECTION_REQUESTED, day, note=note), actor, cal)


def receive_correction(
    app: Application,
    *,
    day: date,
    actor: User | None,
    note: str = "",
    cal: WorkdayCalendar | None = None,
) -> Application:
    """The 补正 arrived: the 20 working days run again from ``day`` (条例第三十条)."""
    return _record(app, Step(EventKindChoice.CORRECTION_RECEIVED, day, note=note), actor, cal)


def expire_correction(
    app: Application,
    *,
    day: date,
    actor: User | None,
    note: str = "",
    cal: WorkdayCalendar | None = None,
) -> Application:
    """No 补正 in time: treated as abandoned, counted under 三（六）1."""
    step = Step(EventKindChoice.CORRECTION_EXPIRED, day, outcome=OUTCOME_NO_CORRECTION, note=note)
    return _record(app, step, actor, cal)


def extend(
    app: Application,
    *,
    day: date,
    workdays: int,
    approver: User,
    actor: User | None = None,
    note: str = "",
    cal: WorkdayCalendar | None = None,
) -> Application:
    """One extension of at most 20 working days, approved by the head of the disclosure office
    (条例第三十三条第二款)."""
    if not has_role(approver, app.agency, Role.HEAD):
        raise PermissionRefused(
            f"延长答复期限须经{app.agency}政府信息公开工作机构负责人同意（条例第三十三条第二款）："
            f"{approver} 不是该机构负责人，请由负责人审批"
        )
    note = note or f"经 {approver} 同意延长"
    step = Step(EventKindChoice.EXTENDED, day, workdays=workdays, note=note)
    return _record(app, step, actor or approver, cal)


def start_consultation(
    app: Application,
    *,
    day: date,
    actor: User | None,
    note: str = "",
    cal: WorkdayCalendar | None = None,
) -> Application:
    """Written consultation of a third party or another body (条例第三十二条); the time it takes
    does not count (第三十三条第三款)."""
    return _record(app, Step(EventKindChoice.CONSULTATION_STARTED, day, note=note), actor, cal)


def end_consultation(
    app: Application,
    *,
    day: date,
    actor: User | None,
    note: str = "",
    cal: WorkdayCalendar | None = None,
) -> Application:
    return _record(app, Step(EventKindChoice.CONSULTATION_ENDED, day, note=note), actor, cal)


def fee_for(app: Application, basis: str, pages: int | None = None) -> Decimal:
    """信息处理费 of ``app`` in yuan (国办函〔2020〕109号), on one scale only.

    按件 counts the applicant's applications to the same body in the calendar month of receipt
    (same name and identity proof), in order of receipt.
    """
    if basis == FeeBasis.BY_PAGES:
        if pages is None or pages < 0:
            raise TransitionError("按量计收须填写提供的页数")
        return Decimal(fee_by_pages(pages))
    if basis != FeeBasis.BY_COUNT:
        raise TransitionError(f"未知的收费方式：{basis!r}，请选择按件计收或按量计收")
    month = list(
        Application.objects.filter(
            agency_id=app.agency_id,
            applicant_name=app.applicant_name,
            id_proof=app.id_proof,
            received_on__year=app.received_on.year,
            received_on__month=app.received_on.month,
        )
        .order_by("received_on", "id")
        .values_list("pk", "received_on")
    )
    fees = monthly_count_fees([("applicant", day, 1) for _, day in month])
    position = [pk for pk, _ in month].index(app.pk)
    return Decimal(fees[position])


def notify_fee(
    app: Application,
    *,
    day: date,
    actor: User | None,
    basis: str = FeeBasis.BY_COUNT,
    pages: int | None = None,
    note: str = "",
    cal: WorkdayCalendar | None = None,
) -> Application:
    """The applicant received a fee notice (国办函〔2020〕109号); refused if the fee is 0."""
    amount = fee_for(app, basis, pages)
    if amount <= 0:
        raise TransitionError(
            "按收费标准本申请不应收费（同一申请人当月前10件、或30页以内免费），不能发出收费通知"
        )
    step = Step(EventKindChoice.FEE_NOTIFIED, day, amount=amount, note=note)
    return _record(app, step, actor, cal, fee_basis=basis, fee_amount=amount)


def pay_fee(
    app: Application,
    *,
    day: date,
    actor: User | None,
    note: str = "",
    cal: WorkdayCalendar | None = None,
) -> Application:
    step = Step(EventKindChoice.FEE_PAID, day, amount=app.fee_amount, note=note)
    return _record(app, step, actor, cal)


def expire_fee(
    app: Application,
    *,
    day: date,
    actor: User | None,
    note: str = "",
    cal: WorkdayCalendar | None = None,
) -> Application:
    """Not paid within 20 working days: treated as abandoned, counted under 三（六）2."""
    step = Step(EventKindChoice.FEE_EXPIRED, day, outcome=OUTCOME_UNPAID_FEE, note=note)
    return _record(app, step, actor, cal)


def answer(
    app: Application,
    *,
    day: date,
    outcome: str,
    actor: User | None,
    note: str = "",
    cal: WorkdayCalendar | None = None,
) -> Application:
    """The answer (答复), counted under ``outcome``, a row of table 三."""
    if outcome not in ANSWER_OUTCOMES:
        if outcome in (OUTCOME_NO_CORRECTION, OUTCOME_UNPAID_FEE):
            raise TransitionError(
                "逾期不补正、逾期未缴费的情形请分别记录「逾期未补正」「逾期未缴费」，不能作为答复结果"
            )
        raise TransitionError(f"未知的办理结果：{outcome!r}，请从年度报告表三的办理结果中选择")
    step = Step(EventKindChoice.ANSWERED, day, outcome=outcome, note=note)
    return _record(app, step, actor, cal)


def withdraw(
    app: Application,
    *,
    day: date,
    actor: User | None,
    note: str = "",
    cal: WorkdayCalendar | None = None,
) -> Application:
    """The applicant withdrew: counted under 三（六）3.其他 (common practice, a setting)."""
    step = Step(EventKindChoice.WITHDRAWN, day, outcome=OUTCOME_WITHDRAWN, note=note)
    return _record(app, step, actor, cal)


EDITABLE_DETAILS = (
    "applicant_name",
    "id_proof",
    "contact",
    "content",
    "requested_form",
    "requested_way",
)


def edit_details(app: Application, *, actor: User | None, **changes: str) -> Application:
    """Correct the descriptive fields (not the dates, status or events), version-checked."""
    unknown = set(changes) - set(EDITABLE_DETAILS)
    if unknown:
        raise TransitionError(f"这些字段不能直接修改：{'、'.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(app, name, value)
    app.full_clean(exclude=["agency"])
    with transaction.atomic():
        _save_versioned(app, list(changes))
    return app


def recompute(apps: list[Application], cal: WorkdayCalendar) -> int:
    """Refresh the cached fields of ``apps`` from their events (after a calendar change).

    Not a user action: the version is left alone. Returns how many changed."""
    changed: list[Application] = []
    for app in apps:
        before = tuple(getattr(app, f) for f in _DERIVED)
        _apply_state(app, list(app.events.all()), cal)
        if tuple(getattr(app, f) for f in _DERIVED) != before:
            changed.append(app)
    Application.objects.bulk_update(changed, list(_DERIVED), batch_size=500)
    return len(changed)


def refresh_open_applications(cal: WorkdayCalendar | None = None) -> int:
    cal = cal if cal is not None else calendar_from_db()
    apps = list(Application.objects.open().prefetch_related("events"))
    return recompute(apps, cal)
