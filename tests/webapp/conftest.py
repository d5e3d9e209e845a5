"""pytest setup for the web pages (desk, review, portal) with Django's test client.

Two counties, so that isolation can be tested: 示范县 (a township and a department under it)
and 别县 (one township). Users: a clerk and a head of the township, a clerk of the department,
the county's supervisor, the other county's clerk and supervisor, and an administrator.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"


def pytest_configure(config: pytest.Config) -> None:
    url = os.environ.get("GONGKAI_TEST_DATABASE_URL", "").strip()
    if url:
        os.environ["DATABASE_URL"] = url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai_web.settings"
    import django
    from django.conf import settings

    django.setup()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


TODAY = date(2026, 6, 15)  # a Monday inside the bundled calendar: tests never read the clock


@pytest.fixture(autouse=True)
def _fixed_today(settings: Any) -> None:
    settings.GONGKAI_TODAY = TODAY


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def world(db: None) -> dict[str, Any]:
    """The agencies and users of the tests, by short name."""
    from django.contrib.auth.models import User

    from gongkai_web.agencies.models import Agency, Level, Membership

    county = Agency.objects.create(name="示范县人民政府", level=Level.COUNTY_GOVERNMENT)
    town = Agency.objects.create(name="示范镇人民政府", level=Level.TOWNSHIP, parent=county)
    dept = Agency.objects.create(
        name="示范县自然资源局", level=Level.COUNTY_DEPARTMENT, parent=county
    )
    other_county = Agency.objects.create(name="别县人民政府", level=Level.COUNTY_GOVERNMENT)
    other_town = Agency.objects.create(
        name="别镇人民政府", level=Level.TOWNSHIP, parent=other_county
    )
    w: dict[str, Any] = {
        "county": county,
        "town": town,
        "dept": dept,
        "other_county": other_county,
        "other_town": other_town,
    }
    for username, family, given, agency, role in (
        ("clerk", "张", "晓燕", town, "clerk"),
        ("head", "李", "建国", town, "head"),
        ("dept_clerk", "周", "静", dept, "clerk"),
        ("supervisor", "王", "丽华", county, "supervisor"),
        ("other_clerk", "孙", "强", other_town, "clerk"),
        ("other_supervisor", "钱", "明", other_county, "supervisor"),
    ):
        user = User.objects.create_user(
            username, password="pw-" + username, last_name=family, first_name=given
        )
        Membership.objects.create(user=user, agency=agency, role=role)
        w[username] = user
    w["admin"] = User.objects.create_superuser("admin", None, "pw-admin")
    return w


@pytest.fixture
def login(client: Any, world: dict[str, Any]) -> Callable[[str], Any]:
    """``login("clerk")`` logs the test client in as that user and returns the client."""

    def as_user(name: str) -> Any:
        client.force_login(world[name])
        return client

    return as_user


@pytest.fixture
def make_app(world: dict[str, Any], today: date) -> Callable[..., Any]:
    """Register an application through the ledger service (default: the township, today)."""
    from gongkai_web.ledger.services import register_application

    def make(**kw: Any) -> Any:
        return register_application(
            agency=kw.pop("agency", world["town"]),
            channel=kw.pop("channel", "in_person"),
            received_on=kw.pop("received_on", today),
            applicant_type=kw.pop("applicant_type", "natural_person"),
            applicant_name=kw.pop("applicant_name", "王某某"),
            content=kw.pop("content", "本村土地征收补偿安置方案"),
            actor=kw.pop("actor", world["clerk"]),
            **kw,
        )

    return make


def messages_of(response: Any) -> list[str]:
    return [str(m) for m in response.context["messages"]]


@pytest.fixture
def messages() -> Callable[[Any], list[str]]:
    return messages_of
