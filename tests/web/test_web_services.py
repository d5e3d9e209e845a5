"""The application state machine: every step allowed, and refused when the law says no."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from gongkai_web.ledger import services
from gongkai_web.ledger.choices import EventKindChoice, Status
from gongkai_web.ledger.errors import PermissionRefused, StaleRecordError, TransitionError
from gongkai_web.ledger.models import Application

pytestmark = pytest.mark.django_db

D = date
RECEIVED = D(2025, 3, 3)  # Monday; 20 working days later: 2025-03-31


def kinds(app: Application) -> list[str]:
    return list(app.events.values_list("kind", flat=True))


def test_register_starts_the_clock(make_app: Any) -> None:
    app = make_app(RECEIVED)
    assert (app.status, app.due_date, app.version) == (Status.OPEN, D(2025, 3, 31), 1)
    assert kinds(app) == [EventKindChoice.RECEIVED]
    assert app.tracking_number.startswith("GK-") and len(app.tracking_number) == 17
    assert app.check_code(app.verification_code.lower())
    assert not app.check_code("WRONG")


def test_tracking_numbers_and_codes_differ(make_app: Any) -> None:
    a, b = make_app(RECEIVED), make_app(RECEIVED)
    assert a.tracking_number != b.tracking_number
    assert a.verification_code != b.verification_code


def test_answer_closes_with_outcome(make_app: Any, clerk: Any, cal: Any) -> None:
    app = services.answer(
        make_app(RECEIVED), day=D(2025, 3, 20), outcome="granted", actor=clerk, cal=cal
    )
    stored = Application.objects.get(pk=app.pk)
    assert (stored.status, stored.outcome, stored.answered_on) == (
        Status.ANSWERED,
        "granted",
        D(2025, 3, 20),
    )
    assert stored.version == 2
    assert kinds(stored) == ["received", "answered"]


def test_correction_restarts_the_period(make_app: Any, clerk: Any, cal: Any) -> None:
    app = services.request_correction(make_app(RECEIVED), day=D(2025, 3, 5), actor=clerk, cal=cal)
    assert (app.status, app.due_date) == (Status.AWAITING_CORRECTION, None)
    app = services.receive_correction(app, day=D(2025, 3, 10), actor=clerk, cal=cal)
    # 20 working days after 03-10, with 04-04 (清明) off: 2025-04-08.
    assert (app.status, app.due_date) == (Status.OPEN, D(2025, 4, 8))


def test_correction_expired_is_abandoned(make_app: Any, clerk: Any, cal: Any) -> None:
    app = services.request_correction(make_app(RECEIVED), day=D(2025, 3, 5), actor=clerk, cal=cal)
    app = services.expire_correction(app, day=D(2025, 3, 28), actor=clerk, cal=cal)
    assert (app.status, app.outcome, app.answered_on) == (
        Status.ABANDONED,
        "other_no_correction",
        D(2025, 3, 28),
    )


def test_extension_by_the_head(make_app: Any, clerk: Any, head: Any, cal: Any) -> None:
    app = services.extend(
        make_app(RECEIVED), day=D(2025, 3, 25), workdays=10, approver=head, actor=clerk, cal=cal
    )
    # 10 working days after 03-31, 04-04 off: 2025-04-15.
    assert (app.extended, app.due_date) == (True, D(2025, 4, 15))
    event = app.events.get(kind="extended")
    assert (event.workdays, event.actor) == (10, clerk)


def test_consultation_time_does_not_count(make_app: Any, clerk: Any, cal: Any) -> None:
    app = services.start_consultation(make_app(RECEIVED), day=D(2025, 3, 10), actor=clerk, cal=cal)
    assert (app.status, app.due_date) == (Status.CONSULTING, None)
    app = services.end_consultation(app, day=D(2025, 3, 14), actor=clerk, cal=cal)
    # 4 working days (11th–14th) added to 03-31, 04-04 off: 2025-04-07.
    assert (app.status, app.due_date) == (Status.OPEN, D(2025, 4, 7))


def test_fee_by_pages_then_paid(make_app: Any, clerk: Any, cal: Any) -> None:
    app = services.notify_fee(
        make_app(RECEIVED), day=D(2025, 3, 5), actor=clerk, basis="by_pages", pages=150, cal=cal
    )
    assert (app.status, app.fee_amount, app.due_date) == (Status.AWAITING_FEE, Decimal(1700), None)
    app = services.pay_fee(app, day=D(2025, 3, 7), actor=clerk, cal=cal)
    assert (app.status, app.due_date) == (Status.OPEN, D(2025, 4, 2))
    assert app.events.get(kind="fee_paid").amount == Decimal(1700)


def test_fee_expired_is_abandoned(make_app: Any, clerk: Any, cal: Any) -> None:
    app = services.notify_fee(
        make_app(RECEIVED), day=D(2025, 3, 5), actor=clerk, basis="by_pages", pages=31, cal=cal
    )
    assert app.fee_amount == Decimal(10)
    # Payment due 20 working days after 03-05 (04-02); expiry may be recorded from 04-03.
    with pytest.raises(TransitionError, match="才届满"):
        services.expire_fee(app, day=D(2025, 4, 2), actor=clerk, cal=cal)
    app = services.expire_fee(app, day=D(2025, 4, 3), actor=clerk, cal=cal)
    assert (app.status, app.outcome) == (Status.ABANDONED, "other_unpaid_fee")


def test_fee_by_count_is_per_applicant_per_month(make_app: Any, clerk: Any, cal: Any) -> None:
    apps = [
        make_app(D(2025, 3, 3 + i % 4), applicant_name="刘某", id_proof="A1") for i in range(11)
    ]
    make_app(D(2025, 3, 3), applicant_name="别人", id_proof="B2")
    with pytest.raises(TransitionError, match="不应收费"):
        services.notify_fee(apps[0], day=D(2025, 3, 7), actor=clerk, cal=cal)
    eleventh = max(apps, key=lambda a: (a.received_on, a.pk))
    app = services.notify_fee(eleventh, day=D(2025, 3, 7), actor=clerk, cal=cal)
    assert (app.fee_basis, app.fee_amount) == ("by_count", Decimal(100))


def test_withdraw_from_any_open_state(make_app: Any, clerk: Any, cal: Any) -> None:
    app = services.request_correction(make_app(RECEIVED), day=D(2025, 3, 5), actor=clerk, cal=cal)
    app = services.withdraw(app, day=D(2025, 3, 6), actor=clerk, cal=cal)
    assert (app.status, app.outcome, app.answered_on) == (
        Status.WITHDRAWN,
        "other_other",
        D(2025, 3, 6),
    )


# --- refused -------------------------------------------------------------------------------


def test_extension_needs_the_head(make_app: Any, clerk: Any, cal: Any) -> None:
    app = make_app(RECEIVED)
    with pytest.raises(PermissionRefused, match="须经测试镇人民政府政府信息公开工作机构负责人同意"):
        services.extend(app, day=D(2025, 3, 25), workdays=10, approver=clerk, cal=cal)
    assert kinds(app) == ["received"]


def test_head_of_another_body_cannot_approve(make_app: Any, other_agency: Any, cal: Any) -> None:
    from django.contrib.auth import get_user_model

    from gongkai_web.agencies.models import Membership

    boss = get_user_model().objects.create_user("boss")
    Membership.objects.create(user=boss, agency=other_agency, role="head")
    with pytest.raises(PermissionRefused):
        services.extend(make_app(RECEIVED), day=D(2025, 3, 25), workdays=5, approver=boss, cal=cal)


@pytest.mark.parametrize("workdays", [0, 21])
def test_extension_length_is_limited(make_app: Any, head: Any, cal: Any, workdays: int) -> None:
    with pytest.raises(TransitionError, match="1 到 20"):
        services.extend(
            make_app(RECEIVED), day=D(2025, 3, 25), workdays=workdays, approver=head, cal=cal
        )


def test_only_one_extension(make_app: Any, head: Any, cal: Any) -> None:
    app = services.extend(
        make_app(RECEIVED), day=D(2025, 3, 25), workdays=5, approver=head, cal=cal
    )
    with pytest.raises(TransitionError, match="只能延长一次"):
        services.extend(app, day=D(2025, 3, 26), workdays=5, approver=head, cal=cal)


def test_one_correction_notice_only(make_app: Any, clerk: Any, cal: Any) -> None:
    app = services.request_correction(make_app(RECEIVED), day=D(2025, 3, 4), actor=clerk, cal=cal)
    app = services.receive_correction(app, day=D(2025, 3, 5), actor=clerk, cal=cal)
    with pytest.raises(TransitionError, match="一次性发出"):
        services.request_correction(app, day=D(2025, 3, 6), actor=clerk, cal=cal)


def test_correction_notice_comes_first(make_app: Any, head: Any, clerk: Any, cal: Any) -> None:
    app = services.extend(make_app(RECEIVED), day=D(2025, 3, 4), workdays=5, approver=head, cal=cal)
    with pytest.raises(TransitionError, match="补正通知须在延期、征求意见、收费之前发出"):
        services.request_correction(app, day=D(2025, 3, 5), actor=clerk, cal=cal)


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (services.receive_correction, "此前没有待处理的补正通知"),
        (services.expire_correction, "此前没有待处理的补正通知"),
        (services.end_consultation, "此前没有进行中的「发出征求意见」"),
        (services.pay_fee, "此前没有进行中的「送达收费通知」"),
        (services.expire_fee, "此前没有待缴的收费通知"),
    ],
)
def test_steps_without_their_start_are_refused(
    make_app: Any, clerk: Any, cal: Any, step: Any, message: str
) -> None:
    app = make_app(RECEIVED)
    with pytest.raises(TransitionError, match=message):
        step(app, day=D(2025, 3, 10), actor=clerk, cal=cal)
    assert Application.objects.get(pk=app.pk).version == 1
    assert kinds(app) == ["received"]


@pytest.mark.parametrize(
    ("start", "label"),
    [
        (services.start_consultation, "征求意见中"),
        (services.request_correction, "待补正"),
    ],
)
def test_no_answer_while_the_clock_waits(
    make_app: Any, clerk: Any, cal: Any, start: Any, label: str
) -> None:
    app = start(make_app(RECEIVED), day=D(2025, 3, 5), actor=clerk, cal=cal)
    with pytest.raises(TransitionError, match=f"申请当前状态为「{label}」"):
        services.answer(app, day=D(2025, 3, 6), outcome="granted", actor=clerk, cal=cal)


def test_no_second_consultation_while_consulting(make_app: Any, clerk: Any, cal: Any) -> None:
    app = services.start_consultation(make_app(RECEIVED), day=D(2025, 3, 5), actor=clerk, cal=cal)
    with pytest.raises(TransitionError, match="征求意见中"):
        services.start_consultation(app, day=D(2025, 3, 6), actor=clerk, cal=cal)
    with pytest.raises(TransitionError, match="征求意见中"):
        services.notify_fee(
            app, day=D(2025, 3, 6), actor=clerk, basis="by_pages", pages=50, cal=cal
        )


def test_nothing_after_closing(make_app: Any, clerk: Any, cal: Any) -> None:
    app = services.answer(
        make_app(RECEIVED), day=D(2025, 3, 20), outcome="granted", actor=clerk, cal=cal
    )
    for step in (services.withdraw, services.request_correction, services.start_consultation):
        with pytest.raises(TransitionError, match="已于 2025-03-20 办结（已答复），不能再办理"):
            step(app, day=D(2025, 3, 21), actor=clerk, cal=cal)


def test_events_in_order_only(make_app: Any, clerk: Any, cal: Any) -> None:
    with pytest.raises(TransitionError, match="日期早于前一条事件「收到申请」"):
        services.answer(
            make_app(RECEIVED), day=D(2025, 3, 1), outcome="granted", actor=clerk, cal=cal
        )


def test_answer_outcome_must_be_a_table_row(make_app: Any, clerk: Any, cal: Any) -> None:
    app = make_app(RECEIVED)
    with pytest.raises(TransitionError, match="未知的办理结果"):
        services.answer(app, day=D(2025, 3, 4), outcome="approved", actor=clerk, cal=cal)
    with pytest.raises(TransitionError, match="请分别记录「逾期未补正」「逾期未缴费」"):
        services.answer(app, day=D(2025, 3, 4), outcome="other_unpaid_fee", actor=clerk, cal=cal)


def test_stale_copy_is_refused(make_app: Any, clerk: Any, cal: Any) -> None:
    app = make_app(RECEIVED)
    other_desk = Application.objects.get(pk=app.pk)
    services.start_consultation(app, day=D(2025, 3, 5), actor=clerk, cal=cal)
    with pytest.raises(StaleRecordError, match="已被他人修改"):
        services.answer(other_desk, day=D(2025, 3, 6), outcome="granted", actor=clerk, cal=cal)
    assert kinds(app) == ["received", "consultation_started"]
    assert Application.objects.get(pk=app.pk).status == Status.CONSULTING


def test_edit_details_is_versioned(make_app: Any, clerk: Any) -> None:
    app = make_app(RECEIVED)
    stale = Application.objects.get(pk=app.pk)
    services.edit_details(app, actor=clerk, contact="13800000000")
    assert Application.objects.get(pk=app.pk).contact == "13800000000"
    with pytest.raises(StaleRecordError):
        services.edit_details(stale, actor=clerk, contact="x")
    with pytest.raises(TransitionError, match="这些字段不能直接修改：due_date"):
        services.edit_details(app, actor=clerk, due_date="2030-01-01")
