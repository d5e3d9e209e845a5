"""The proactive disclosure register at the desk: record, review in order, publish."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client

from gongkai_web.audit.models import AuditEntry
from gongkai_web.ledger.models import ProactiveDisclosure

pytestmark = pytest.mark.django_db


def test_record_review_publish(
    login: Callable[[str], Client],
    world: dict[str, Any],
    messages: Callable[[Any], list[str]],
    today: date,
) -> None:
    client = login("clerk")
    page = client.post(
        "/desk/disclosures/new/",
        {
            "agency": world["town"].pk,
            "item": 7,
            "title": "示范镇2026年部门预算",
            "channel": "portal",
            "formed_on": today.isoformat(),
        },
        follow=True,
    )
    row = ProactiveDisclosure.objects.get()
    assert row.publish_due is not None
    assert messages(page) == [
        f"已登记“示范镇2026年部门预算”，应于 {row.publish_due:%Y年%m月%d日} 前公开"
    ]
    url = f"/desk/disclosures/{row.pk}/"

    def review(step: str, approved: str = "1") -> list[str]:
        data = {"step": step, "day": today.isoformat(), "approved": approved, "note": ""}
        return messages(client.post(url + "review/", data, follow=True))

    assert review("second") == ["请先完成并通过初审，再进行复审"]
    assert review("first") == ["已记录初审：同意公开"]
    assert review("first") == ["「初审」已经完成，不能重复审查"]
    publish = {"day": today.isoformat()}
    assert messages(client.post(url + "publish/", publish, follow=True)) == [
        "公开前须通过终审、保密审查"
    ]
    assert review("second") == ["已记录复审：同意公开"]
    assert review("final") == ["已记录终审：同意公开"]
    assert review("secrecy") == ["已记录保密审查：同意公开"]
    assert messages(client.post(url + "publish/", publish, follow=True)) == [
        f"已于 {today:%Y年%m月%d日} 公开“示范镇2026年部门预算”"
    ]
    row.refresh_from_db()
    assert row.published_on == today and row.timely
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["disclosure.record"] + ["disclosure.review"] * 4 + ["disclosure.publish"]
    listing = client.get("/desk/disclosures/?state=published").content.decode()
    assert "示范镇2026年部门预算" in listing
    assert (
        "示范镇2026年部门预算"
        not in client.get("/desk/disclosures/?state=pending").content.decode()
    )
