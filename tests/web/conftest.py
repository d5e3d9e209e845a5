"""pytest setup for the Django ledger tests.

Settings come from ``gongkai_web.settings``. The database is SQLite (in memory for tests) unless
``GONGKAI_TEST_DATABASE_URL`` names a PostgreSQL server (``scripts/pg-test-server`` starts a
throwaway one); Django then creates and drops ``test_<name>`` there.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest


def pytest_configure(config: pytest.Config) -> None:
    url = os.environ.get("GONGKAI_TEST_DATABASE_URL", "").strip()
    if url:
        os.environ["DATABASE_URL"] = url
    else:
        os.environ.pop("DATABASE_URL", None)  # never run tests against a configured database
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai_web.settings"
    import django

    django.setup()


@pytest.fixture
def cal() -> Any:
    from gongkai_web.workdays.services import calendar_from_db

    return calendar_from_db()


@pytest.fixture
def agency(db: None) -> Any:
    from gongkai_web.agencies.models import Agency, Level

    return Agency.objects.create(name="测试镇人民政府", level=Level.TOWNSHIP)


@pytest.fixture
def other_agency(db: None) -> Any:
    from gongkai_web.agencies.models import Agency, Level

    return Agency.objects.create(name="测试县交通运输局", level=Level.COUNTY_DEPARTMENT)


def _member(username: str, agency: Any, role: str) -> Any:
    from django.contrib.auth import get_user_model

    from gongkai_web.agencies.models import Membership

    user = get_user_model().objects.create_user(username=username)  # no password: fast
    Membership.objects.create(user=user, agency=agency, role=role)
    return user


@pytest.fixture
def clerk(agency: Any) -> Any:
    return _member("clerk", agency, "clerk")


@pytest.fixture
def head(agency: Any) -> Any:
    return _member("head", agency, "head")


@pytest.fixture
def make_app(agency: Any, clerk: Any, cal: Any) -> Callable[..., Any]:
    from gongkai_web.ledger.services import register_application

    def make(received: date, applicant_type: str = "natural_person", **kw: Any) -> Any:
        return register_application(
            agency=kw.pop("agency", agency),
            channel=kw.pop("channel", "in_person"),
            received_on=received,
            applicant_type=applicant_type,
            applicant_name=kw.pop("applicant_name", "王某"),
            content=kw.pop("content", "某村土地征收补偿方案"),
            actor=kw.pop("actor", clerk),
            cal=cal,
            **kw,
        )

    return make
