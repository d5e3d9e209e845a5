"""Proactive disclosure services: record, review, publish; the 20-working-day limit of
条例第二十六条 is cached as ``publish_due``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction

from gongkai.clock import WorkdayCalendar, add_workdays
from gongkai_web.agencies.models import Agency
from gongkai_web.ledger.clocking import PROVISIONAL_NOTICE
from gongkai_web.ledger.errors import TransitionError
from gongkai_web.ledger.models import DisclosureReview, ProactiveDisclosure
from gongkai_web.ledger.models.disclosure import ReviewStep
from gongkai_web.workdays.services import calendar_from_db

# 条例第二十六条: 自该政府信息形成或者变更之日起20个工作日内及时公开.
PUBLISH_WORKDAYS = 20
REVIEW_ORDER = (ReviewStep.FIRST, ReviewStep.SECOND, ReviewStep.FINAL)


def publish_due(cal: WorkdayCalendar, formed_on: date) -> date:
    """The last day to publish; a missing calendar year counts Monday–Friday only."""
    for year in (formed_on.year, formed_on.year + 1):
        if year not in cal.years:
            cal = cal.with_year(year, (), (), PROVISIONAL_NOTICE)
    return add_workdays(cal, formed_on, PUBLISH_WORKDAYS)


def record_disclosure(
    *,
    agency: Agency,
    item: int,
    title: str,
    channel: str,
    formed_on: date,
    published_on: date | None = None,
    cal: WorkdayCalendar | None = None,
) -> ProactiveDisclosure:
    cal = cal if cal is not None else calendar_from_db()
    row = ProactiveDisclosure(
        agency=agency,
        item=item,
        title=title,
        channel=channel,
        formed_on=formed_on,
        published_on=published_on,
        publish_due=publish_due(cal, formed_on),
    )
    if published_on is not None and published_on < formed_on:
        raise TransitionError("公开日期不能早于信息形成或变更日期，请核对日期")
    row.full_clean(exclude=["agency"])
    row.save()
    return row


def add_review(
    disclosure: ProactiveDisclosure,
    *,
    step: str,
    reviewer: User,
    day: date,
    approved: bool = True,
    note: str = "",
) -> DisclosureReview:
    """One review step. 初审, 复审, 终审 go in that order; 保密审查 any time before publishing."""
    done = {r.step: r for r in disclosure.reviews.all()}
    if step in done:
        raise TransitionError(f"「{ReviewStep(step).label}」已经完成，不能重复审查")
    if step in REVIEW_ORDER:
        before = REVIEW_ORDER[: REVIEW_ORDER.index(ReviewStep(step))]
        missing = [str(s.label) for s in before if s not in done or not done[s].approved]
        if missing:
            raise TransitionError(
                f"请先完成并通过{'、'.join(missing)}，再进行{ReviewStep(step).label}"
            )
    if disclosure.published_on is not None and disclosure.published_on < day:
        raise TransitionError("信息已经公开，公开后不能再补记审查")
    return DisclosureReview.objects.create(
        disclosure=disclosure,
        step=step,
        reviewer=reviewer,
        reviewed_on=day,
        approved=approved,
        note=note,
    )


def publish(disclosure: ProactiveDisclosure, *, day: date) -> ProactiveDisclosure:
    """Mark published on ``day``: needs 终审 and 保密审查 passed (公开前保密审查)."""
    done = {r.step: r.approved for r in disclosure.reviews.all()}
    missing = [str(s.label) for s in (ReviewStep.FINAL, ReviewStep.SECRECY) if not done.get(s)]
    if missing:
        raise TransitionError(f"公开前须通过{'、'.join(missing)}")
    if day < disclosure.formed_on:
        raise TransitionError("公开日期不能早于信息形成或变更日期，请核对日期")
    if disclosure.published_on is not None:
        raise TransitionError(f"该信息已于 {disclosure.published_on} 公开")
    disclosure.published_on = day
    disclosure.save(update_fields=["published_on"])
    return disclosure


def refresh_publish_due(cal: WorkdayCalendar, years: Iterable[int] = ()) -> int:
    """Recompute ``publish_due`` of disclosures formed in (or the year before) ``years``;
    all of them when ``years`` is empty."""
    rows = ProactiveDisclosure.objects.all()
    wanted = {y for year in years for y in (year, year - 1)}
    if wanted:
        rows = rows.filter(formed_on__year__in=wanted)
    changed = []
    for row in rows.only("id", "formed_on", "publish_due"):
        due = publish_due(cal, row.formed_on)
        if due != row.publish_due:
            row.publish_due = due
            changed.append(row)
    with transaction.atomic():
        ProactiveDisclosure.objects.bulk_update(changed, ["publish_due"], batch_size=500)
    return len(changed)
