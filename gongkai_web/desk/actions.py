"""The steps a clerk can take on an application, which of them its state allows, and doing one.

Which steps are allowed is decided by the legal clock itself: a step is offered when
``gongkai.clock`` accepts it as the next event today. Each step calls one ledger service and
keeps the inputs of its letter (``IssuedLetter``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import User

from gongkai.clock import ClockError, Event, EventKind, WorkdayCalendar
from gongkai_web.desk import forms as f
from gongkai_web.desk.letters import render_check, state_after
from gongkai_web.desk.models import IssuedLetter
from gongkai_web.ledger import services
from gongkai_web.ledger.choices import EventKindChoice
from gongkai_web.ledger.clocking import clock_events, compute
from gongkai_web.ledger.errors import LedgerError
from gongkai_web.ledger.models import Application, ApplicationEvent

Data = dict[str, Any]


@dataclass(frozen=True)
class Letter:
    kind: str
    reasons: str = ""
    due: date | None = None
    extra: str = ""
    third_party: str = ""


@dataclass(frozen=True)
class Action:
    slug: str
    label: str
    kind: EventKindChoice
    form: type[f.StepForm]
    run: Callable[[Application, Data, User], Application]
    letter: Callable[[Application, Data], Letter | None]
    head_only: bool = False
    basis: str = ""


def _day_note(data: Data) -> dict[str, Any]:
    return {"day": data["day"], "note": data.get("note", "")}


def _none(app: Application, data: Data) -> Letter | None:
    return None


def _answer_letter(app: Application, data: Data) -> Letter:
    return Letter(data["outcome"], reasons=data.get("reasons", ""), extra=data.get("extra", ""))


def _answer(app: Application, data: Data, user: User) -> Application:
    outcome = data["outcome"]
    if outcome == f.NOT_RESPONSIBLE:
        outcome = "unavailable_not_held"
    return services.answer(app, outcome=outcome, actor=user, **_day_note(data))


ACTIONS: dict[str, Action] = {
    a.slug: a
    for a in (
        Action(
            "correction",
            "发出补正通知",
            EventKindChoice.CORRECTION_REQUESTED,
            f.CorrectionForm,
            lambda app, d, u: services.request_correction(app, actor=u, **_day_note(d)),
            lambda app, d: Letter("correction", reasons=d["reasons"], due=d["due"]),
            basis="条例第三十条：收到申请之日起7个工作日内一次性告知补正。",
        ),
        Action(
            "correction-received",
            "收到补正",
            EventKindChoice.CORRECTION_RECEIVED,
            f.StepForm,
            lambda app, d, u: services.receive_correction(app, actor=u, **_day_note(d)),
            _none,
            basis="答复期限自收到补正之日起重新计算（条例第三十条）。",
        ),
        Action(
            "correction-expired",
            "逾期未补正（视为放弃）",
            EventKindChoice.CORRECTION_EXPIRED,
            f.StepForm,
            lambda app, d, u: services.expire_correction(app, actor=u, **_day_note(d)),
            lambda app, d: Letter("other_no_correction"),
            basis="申请人无正当理由逾期不补正的，视为放弃申请（条例第三十条）。",
        ),
        Action(
            "extend",
            "延长答复期限",
            EventKindChoice.EXTENDED,
            f.ExtendForm,
            lambda app, d, u: services.extend(
                app, workdays=d["workdays"], approver=u, actor=u, **_day_note(d)
            ),
            lambda app, d: Letter("extension", reasons=d.get("reasons", ""), due=app.due_date),
            head_only=True,
            basis="经政府信息公开工作机构负责人同意，可以延长，延长期限最长不超过20个工作日"
            "（条例第三十三条第二款）。",
        ),
        Action(
            "consult-start",
            "发出征求意见",
            EventKindChoice.CONSULTATION_STARTED,
            f.ConsultForm,
            lambda app, d, u: services.start_consultation(app, actor=u, **_day_note(d)),
            lambda app, d: Letter("third_party", third_party=d["third_party"]),
            basis="书面征求第三方意见，第三方应当自收到之日起15个工作日内提出意见；征求意见所需"
            "时间不计算在答复期限内（条例第三十二条、第三十三条第三款）。",
        ),
        Action(
            "consult-end",
            "征求意见结束",
            EventKindChoice.CONSULTATION_ENDED,
            f.StepForm,
            lambda app, d, u: services.end_consultation(app, actor=u, **_day_note(d)),
            _none,
        ),
        Action(
            "fee",
            "发出收费通知",
            EventKindChoice.FEE_NOTIFIED,
            f.FeeForm,
            lambda app, d, u: services.notify_fee(
                app, actor=u, basis=d["basis"], pages=d.get("pages"), **_day_note(d)
            ),
            lambda app, d: Letter("fee"),
            basis="申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费"
            "（条例第四十二条；国办函〔2020〕109号）。",
        ),
        Action(
            "fee-paid",
            "缴纳费用",
            EventKindChoice.FEE_PAID,
            f.StepForm,
            lambda app, d, u: services.pay_fee(app, actor=u, **_day_note(d)),
            _none,
        ),
        Action(
            "fee-expired",
            "逾期未缴费（视为放弃）",
            EventKindChoice.FEE_EXPIRED,
            f.StepForm,
            lambda app, d, u: services.expire_fee(app, actor=u, **_day_note(d)),
            lambda app, d: Letter("other_unpaid_fee"),
            basis="申请人逾期未缴纳信息处理费的，视为放弃申请（国办函〔2020〕109号）。",
        ),
        Action(
            "answer",
            "答复",
            EventKindChoice.ANSWERED,
            f.AnswerForm,
            _answer,
            _answer_letter,
            basis="能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复"
            "（条例第三十三条）。",
        ),
        Action(
            "withdraw",
            "撤回申请",
            EventKindChoice.WITHDRAWN,
            f.WithdrawForm,
            lambda app, d, u: services.withdraw(app, actor=u, **_day_note(d)),
            lambda app, d: Letter(
                "other_other",
                reasons=d.get("reasons") or f"您于{d['day']:%Y年%m月%d日}撤回该申请",
            ),
        ),
    )
}


def allowed(
    app: Application, events: Sequence[ApplicationEvent], cal: WorkdayCalendar, today: date
) -> list[Action]:
    """The steps the clock accepts as the next event of ``app`` on ``today``."""
    if not app.is_open:
        return []
    past = clock_events(events)
    out = []
    for action in ACTIONS.values():
        kind = EventKind(action.kind.value)
        step = Event(kind, today, 1 if kind is EventKind.EXTENDED else None)
        try:
            compute([*past, step], cal)
        except ClockError:
            continue
        out.append(action)
    return out


def perform(
    action: Action, app: Application, data: Data, user: User, cal: WorkdayCalendar
) -> IssuedLetter | None:
    """Run ``action`` (call inside a transaction); store and check its letter.

    ``LedgerError`` from the service and ``RenderError`` from the letter propagate: the caller's
    transaction then rolls the step back."""
    app = action.run(app, data, user)
    event = app.events.order_by("-id").first()
    assert event is not None
    letter = action.letter(app, data)
    if letter is None:
        return None
    if letter.kind == "extension" and app.due_provisional:
        raise LedgerError(
            "延长后的答复期限落在尚未导入节假日安排的年份，无法计算（期限不作推测）："
            "请先由管理员导入该年的工作日历（国务院办公厅节假日安排通知），再办理延期"
        )
    state = state_after(app, event, cal)
    due = letter.due
    if due is None and letter.kind == "third_party":
        due = state.consultation_answer_due
    if due is None and letter.kind == "fee":
        due = state.fee_payment_due
    issued = IssuedLetter.objects.create(
        event=event,
        kind=letter.kind,
        reasons=letter.reasons,
        due=due,
        extra=letter.extra,
        third_party=letter.third_party,
        issued_by=user,
    )
    render_check(app, event, issued, cal)
    return issued
