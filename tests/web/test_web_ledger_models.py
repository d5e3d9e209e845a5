from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gongkai.clock import ClockStatus, EventKind
from gongkai.clock.events import EVENT_LABELS, STATUS_LABELS
from gongkai.layout import layout
from gongkai_web.ledger.choices import (
    APPLICANT_KEYS,
    CHANNEL_HELP,
    OUTCOME_CHOICES,
    Channel,
    EventKindChoice,
    Status,
)
from gongkai_web.ledger.errors import AppendOnlyError
from gongkai_web.ledger.models import Appeal, ApplicationEvent, RegulatoryDocument


def test_statuses_and_event_kinds_mirror_the_clock() -> None:
    assert [(s.value, s.label) for s in Status] == [
        (s.value, STATUS_LABELS[s]) for s in ClockStatus
    ]
    assert [(k.value, k.label) for k in EventKindChoice] == [
        (k.value, EVENT_LABELS[k]) for k in EventKind
    ]


def test_choices_come_from_the_layout() -> None:
    table = layout("2021").table("requests")
    assert APPLICANT_KEYS == (
        "natural_person",
        "commercial",
        "research",
        "social_welfare",
        "legal_service",
        "other",
    )
    assert len(OUTCOME_CHOICES) == 21
    assert OUTCOME_CHOICES[0] == ("granted", table.row("granted").label)
    assert dict(OUTCOME_CHOICES)["withheld_state_secret"] == "（三）不予公开1.属于国家秘密"


def test_channel_help_states_the_rule_for_each_channel() -> None:
    assert len(Channel.choices) == 5
    for words in ("当面提交的，以提交之日为准", "签收之日", "确认之日", "互联网", "传真"):
        assert words in CHANNEL_HELP


@pytest.mark.django_db
def test_events_are_append_only(make_app: Any) -> None:
    event = make_app(date(2025, 3, 3)).events.get()
    event.note = "改"
    with pytest.raises(AppendOnlyError, match="只能追加，不能修改"):
        event.save()
    with pytest.raises(AppendOnlyError, match="不能删除"):
        event.delete()
    with pytest.raises(AppendOnlyError):
        ApplicationEvent.objects.filter(pk=event.pk).update(note="改")
    with pytest.raises(AppendOnlyError):
        ApplicationEvent.objects.all().delete()
    assert ApplicationEvent.objects.get(pk=event.pk).note == ""


def test_appeal_result_as_of_a_day() -> None:
    appeal = Appeal(
        kind="review", filed_on=date(2025, 10, 1), result="corrected", decided_on=date(2026, 1, 15)
    )
    assert appeal.result_on(date(2025, 12, 31)) == "pending"
    assert appeal.result_on(date(2026, 1, 15)) == "corrected"


def test_document_in_force() -> None:
    doc = RegulatoryDocument(issued_on=date(2025, 2, 1), repealed_on=date(2025, 12, 31))
    assert doc.in_force_on(date(2025, 12, 30))
    assert not doc.in_force_on(date(2025, 12, 31))
    assert not doc.in_force_on(date(2025, 1, 31))
