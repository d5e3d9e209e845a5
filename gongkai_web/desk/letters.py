"""Letters (告知书) of an application's steps, through ``gongkai.render``.

A step taken at the desk stores its letter's inputs (``IssuedLetter``). Steps recorded
elsewhere (the admin, imported or demo data) still get their letter, composed from the event
log: the due dates come from replaying the clock up to the step, the reasons from the note; a
补正 time limit, which the log does not hold, is then taken as ``CORRECTION_WORKDAYS`` working
days (a "reasonable time limit", 条例第三十条 — a setting, derived).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gongkai.clock import ClockState, WorkdayCalendar, add_workdays
from gongkai.render import LetterContext, render_letter, render_letter_html, render_letter_pdf
from gongkai_web.desk.models import IssuedLetter
from gongkai_web.ledger.choices import EventKindChoice
from gongkai_web.ledger.clocking import clock_events, compute
from gongkai_web.ledger.models import Application, ApplicationEvent

CORRECTION_WORKDAYS = 15
_BY_EVENT = {
    EventKindChoice.CORRECTION_REQUESTED: "correction",
    EventKindChoice.EXTENDED: "extension",
    EventKindChoice.CONSULTATION_STARTED: "third_party",
    EventKindChoice.FEE_NOTIFIED: "fee",
    EventKindChoice.WITHDRAWN: "other_other",
    EventKindChoice.CORRECTION_EXPIRED: "other_no_correction",
    EventKindChoice.FEE_EXPIRED: "other_unpaid_fee",
}
FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class Rendered:
    content: bytes
    filename: str
    content_type: str


def stored(event: ApplicationEvent) -> IssuedLetter | None:
    try:
        return event.letter
    except IssuedLetter.DoesNotExist:
        return None


def letter_kind(event: ApplicationEvent) -> str | None:
    """The letter a step produces, if any."""
    issued = stored(event)
    if issued is not None:
        return issued.kind
    if event.kind == EventKindChoice.ANSWERED:
        return event.outcome or None
    return _BY_EVENT.get(EventKindChoice(event.kind))


def state_after(app: Application, event: ApplicationEvent, cal: WorkdayCalendar) -> ClockState:
    """The clock of ``app`` just after ``event``."""
    upto = []
    for e in app.events.order_by("day", "id"):
        upto.append(e)
        if e.pk == event.pk:
            break
    return compute(clock_events(upto), cal).state


def _fallback_due(
    kind: str, app: Application, event: ApplicationEvent, cal: WorkdayCalendar
) -> date | None:
    if kind == "correction":
        return add_workdays(cal, event.day, CORRECTION_WORKDAYS)
    state = state_after(app, event, cal)
    if kind == "extension":
        return state.due
    if kind == "third_party":
        return state.consultation_answer_due
    if kind == "fee":
        return state.fee_payment_due
    return None


def context(
    app: Application, event: ApplicationEvent, cal: WorkdayCalendar
) -> tuple[str, LetterContext] | None:
    kind = letter_kind(event)
    if kind is None:
        return None
    issued = stored(event)
    if issued is not None:
        reasons, due, extra = issued.reasons, issued.due, issued.extra
        third_party = issued.third_party or None
    else:
        reasons, due, extra = event.note, _fallback_due(kind, app, event, cal), ""
        third_party = event.note or None
    return kind, LetterContext(
        agency=app.agency.name,
        applicant=app.applicant_name,
        tracking_number=app.tracking_number,
        received=app.received_on,
        summary=app.content,
        issued=event.day,
        due=due,
        reasons=reasons,
        extra=extra,
        third_party=third_party,
        fee_amount=event.amount if kind == "fee" else None,
    )


def render_check(
    app: Application, event: ApplicationEvent, issued: IssuedLetter, cal: WorkdayCalendar
) -> None:
    """Compose the letter once: ``RenderError`` (a missing input) propagates."""
    made = context(app, event, cal)
    if made is not None:
        render_letter_html(*made)


def render(
    app: Application, event: ApplicationEvent, cal: WorkdayCalendar, fmt: str
) -> Rendered | None:
    """The letter of ``event`` as DOCX or PDF; None if the step has none."""
    made = context(app, event, cal)
    if made is None:
        return None
    kind, ctx = made
    content = render_letter(kind, ctx) if fmt == "docx" else render_letter_pdf(kind, ctx)
    name = f"{app.tracking_number}-{event.day:%Y%m%d}-{kind}.{fmt}"
    return Rendered(content, name, FORMATS[fmt])
