"""pytest setup for the Django ledger tests.

Settings come from ``gongkai_web.settings``. The database is SQLite (in memory for tests) unless
``GONGKAI_TEST_DATABASE_URL`` names a PostgreSQL server (``scripts/pg-test-server`` starts a
throwaway one); Django then creates and drops ``test_<name>`` there.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gongkai.layout import layout
from gongkai.record import Report


def pytest_configure(config: pytest.Config) -> None:
    url = os.environ.get("GONGKAI_TEST_DATABASE_URL", "").strip()
    if url:
        os.environ["DATABASE_URL"] = url
    else:
        os.environ.pop("DATABASE_URL", None)  # never run tests against a configured database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai_web.settings")
    import django
    from django.conf import settings

    django.setup()
    _use_test_database(url, settings)
    # Demo users get passwords; the slow production hasher would dominate the test time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Production serves collected, hashed files (collectstatic); tests render from the apps.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def _use_test_database(url: str, settings: Any) -> None:
    """Point the default database at ``url`` (or SQLite) even when pytest-django read the
    settings before this conftest (``DJANGO_SETTINGS_MODULE`` set in the environment or ini)."""
    from django.db import connections

    from gongkai_web.dburl import parse_database_url, sqlite_config

    wanted = parse_database_url(url) if url else sqlite_config(Path(settings.VAR_DIR) / "test.db")
    current = settings.DATABASES["default"]
    if current["ENGINE"] == wanted["ENGINE"] and current["NAME"] == wanted["NAME"]:
        return
    if url == "" and current["ENGINE"] == wanted["ENGINE"]:
        return  # SQLite asked for, SQLite configured: tests use an in-memory database anyway
    connections.close_all()
    with contextlib.suppress(AttributeError):
        del connections["default"]  # a wrapper made with the old settings: make a new one
    current.clear()
    current.update(wanted)
    connections.configure_settings(settings.DATABASES)


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


def table_three_problems(record: Report) -> list[str]:
    table = layout("2021").table("requests")
    outcomes = next(i.parts for i in table.identities if i.kind == "column_sum")
    req = record.requests
    assert req is not None
    problems = []
    for column in table.rows[0].column_keys:
        left = req["new_received"][column] + req["carried_over"][column]  # type: ignore[operator]
        right = req["total"][column] + req["carried_forward"][column]  # type: ignore[operator]
        if left != right:
            problems.append(f"balance {column}: {left} != {right}")
        summed = sum(int(req[r][column] or 0) for r in outcomes)
        if summed != req["total"][column]:
            problems.append(f"outcomes {column}: {summed} != {req['total'][column]}")
    for key, cells in req.items():
        if cells["total"] != sum(int(v or 0) for c, v in cells.items() if c != "total"):
            problems.append(f"row total {key}")
    return problems


@pytest.fixture
def identity_problems() -> Callable[[Report], list[str]]:
    """The identities of table 三 (docs/report-json.md), checked on a record."""
    return table_three_problems
