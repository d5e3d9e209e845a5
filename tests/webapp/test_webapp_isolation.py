"""A clerk of one body can neither read nor change another body's data, by any desk URL or
form: every desk route is tried with the other county's objects (GET and POST), and nothing
changes. The supervisor pages are scoped the same way."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, reverse

from gongkai_web.annual.models import AnnualReport
from gongkai_web.audit.models import AuditEntry
from gongkai_web.desk import urls as desk_urls
from gongkai_web.desk.actions import ACTIONS
from gongkai_web.ledger import disclosure
from gongkai_web.ledger.models import (
    Application,
    ApplicationEvent,
    DisclosureReview,
    ProactiveDisclosure,
)
from gongkai_web.review.models import Origin, ReviewedReport

pytestmark = pytest.mark.django_db


def _foreign(w: dict[str, Any], make_app: Callable[..., Application], owner: str) -> dict[str, Any]:
    """Objects of another body: ``other_town`` (the other county) or ``dept`` (a sibling)."""
    agency = w[owner]
    app = make_app(agency=agency, actor=None)
    row = disclosure.record_disclosure(
        agency=agency, item=1, title="别人的文件", channel="portal", formed_on=app.received_on
    )
    AnnualReport.objects.create(agency=agency, year=app.received_on.year - 1, problems="原文")
    return {"app": app, "event": app.events.get(), "disclosure": row, "agency": agency}


@pytest.fixture
def foreign(world: dict[str, Any], make_app: Callable[..., Application]) -> dict[str, Any]:
    return _foreign(world, make_app, "other_town")


def _kwargs(pattern: URLPattern, f: dict[str, Any], year: int) -> Iterator[dict[str, Any]]:
    """Every way to fill ``pattern`` with the foreign objects."""
    params = set(pattern.pattern.converters)
    name = pattern.name or ""
    base: dict[str, Any] = {}
    if "pk" in params:
        base["pk"] = f["disclosure"].pk if name.startswith("disclosure") else f["app"].pk
    if "event_pk" in params:
        base["event_pk"] = f["event"].pk
    if "agency_pk" in params:
        base["agency_pk"] = f["agency"].pk
    if "year" in params:
        base["year"] = year
    if "slug" in params:
        for slug in ACTIONS:
            yield {**base, "slug": slug}
    elif "fmt" in params:
        for fmt in ("docx", "pdf", "html", "json"):
            yield {**base, "fmt": fmt}
    else:
        yield base


def _state() -> tuple[Any, ...]:
    return (
        list(
            Application.objects.order_by("pk").values_list(
                "pk", "version", "status", "applicant_name"
            )
        ),
        ApplicationEvent.objects.count(),
        DisclosureReview.objects.count(),
        list(ProactiveDisclosure.objects.values_list("pk", "published_on")),
        list(AnnualReport.objects.values_list("pk", "problems", "published")),
        AuditEntry.objects.count(),
    )


def _form(today: date) -> dict[str, Any]:
    """A form that would be valid for any desk POST."""
    return {
        "version": 1,
        "day": today.isoformat(),
        "reasons": "理由",
        "due": (today + timedelta(days=10)).isoformat(),
        "workdays": 5,
        "third_party": "某公司",
        "basis": "by_pages",
        "pages": 100,
        "outcome": "granted",
        "applicant_name": "改名",
        "content": "内容",
        "requested_form": "paper",
        "requested_way": "post",
        "step": "first",
        "approved": "1",
        "problems": "篡改",
        "title": "标题",
        "item": 1,
        "channel": "portal",
        "formed_on": today.isoformat(),
        "received_on": today.isoformat(),
        "applicant_type": "natural_person",
    }


@pytest.mark.parametrize(
    ("user", "owner"), [("clerk", "other_town"), ("head", "other_town"), ("dept_clerk", "town")]
)
def test_every_desk_url_refuses_foreign_objects(
    user: str,
    owner: str,
    login: Callable[[str], Client],
    world: dict[str, Any],
    make_app: Callable[..., Application],
    today: date,
) -> None:
    foreign = _foreign(world, make_app, owner)
    client = login(user)
    before = _state()
    tried: set[str] = set()
    for pattern in desk_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        for kwargs in _kwargs(pattern, foreign, today.year - 1):
            url = reverse(f"desk:{pattern.name}", kwargs=kwargs)
            if not kwargs:  # list and create pages: the foreign body as ?agency=
                url += f"?agency={foreign['agency'].pk}"
            got = client.get(url)
            assert got.status_code in (403, 404, 405), (url, got.status_code)
            posted = client.post(url, {**_form(today), "agency": foreign["agency"].pk})
            assert posted.status_code in (403, 404), (url, posted.status_code)
            tried.add(str(pattern.name))
    assert tried == {p.name for p in desk_urls.urlpatterns if isinstance(p, URLPattern)}
    assert _state() == before


def test_the_supervisor_and_the_public_have_no_desk(
    client: Client, login: Callable[[str], Client], make_app: Callable[..., Application]
) -> None:
    app = make_app()
    assert client.get(f"/desk/applications/{app.pk}/").status_code == 302  # to the login page
    supervisor = login("supervisor")
    assert supervisor.get("/desk/").status_code == 403
    assert supervisor.get(f"/desk/applications/{app.pk}/").status_code == 403
    assert "经办工作台仅供" in supervisor.get("/desk/").content.decode()


def test_the_admin_sees_every_desk(login: Callable[[str], Client], foreign: dict[str, Any]) -> None:
    client = login("admin")
    assert client.get(f"/desk/applications/{foreign['app'].pk}/").status_code == 200


def _reviewed(owner: Any, name: str) -> ReviewedReport:
    return ReviewedReport.objects.create(
        owner=owner,
        agency_name=name,
        year=2024,
        origin=Origin.UPLOAD,
        record={"format": "2021", "agency": name, "year": 2024},
    )


def test_review_pages_are_scoped_to_the_supervised_tree(
    login: Callable[[str], Client], world: dict[str, Any]
) -> None:
    mine = _reviewed(world["county"], "示范镇人民政府")
    theirs = _reviewed(world["other_county"], "别镇人民政府")
    client = login("supervisor")
    index = client.get("/review/").content.decode()
    assert "示范镇人民政府" in index and "别镇人民政府" not in index
    assert client.get(f"/review/reports/{mine.pk}/").status_code == 200
    assert client.get(f"/review/reports/{theirs.pk}/").status_code == 404
    assert client.get("/review/compare/?agency=别镇人民政府").status_code == 404
    assert client.get("/review/charts/trend.svg?agency=别镇人民政府").status_code == 404
    assert "别镇".encode() not in client.get("/review/export.csv").content
    # a supervisor of the other county, and clerks, see nothing of it
    assert login("other_supervisor").get(f"/review/reports/{mine.pk}/").status_code == 404
    assert login("clerk").get("/review/").status_code == 403
    # nor may anyone add reports on behalf of a body they do not supervise
    posted = login("supervisor").post(
        "/review/import/", {"year": 2024, "owner": world["other_county"].pk}
    )
    assert posted.status_code == 404
