"""With the demo data (``load_demo``), every role's main pages render."""

from __future__ import annotations

import re
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from gongkai_web.ledger.models import Application

pytestmark = pytest.mark.django_db
PASSWORD = "demo-pass-2026"


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock():
        call_command("load_demo", "--password", PASSWORD, stdout=StringIO())
    yield
    with django_db_blocker.unblock():
        call_command("flush", "--no-input", verbosity=0)
        call_command("load_workdays", stdout=StringIO())


def _client(username: str) -> Client:
    client = Client()
    response = client.post("/accounts/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, username
    return client


def _ok(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_home_links_everything(demo: None) -> None:
    html = _ok(Client(), "/")
    for link in ('href="/portal/"', 'href="/desk/"', 'href="/review/"', 'href="/accounts/login/"'):
        assert link in html


def test_public_pages(demo: None) -> None:
    client = Client()
    for url in ("/portal/", "/portal/apply/", "/portal/status/", "/portal/disclosures/"):
        _ok(client, url)
    reports = _ok(client, "/portal/reports/")
    assert "示范镇人民政府2025年政府信息公开工作年度报告" in reports
    first = re.search(r'href="(/portal/reports/\d+/)"', reports)
    assert first is not None
    assert 'data-path="requests.total.total"' in _ok(client, first.group(1))


def test_clerk_and_head_pages(demo: None) -> None:
    for username in ("zhangxiaoyan", "lijianguo"):
        client = _client(username)
        inbox = _ok(client, "/desk/")
        assert len(re.findall(r'href="/desk/applications/\d+/"', inbox)) == 50  # a full page
        app = Application.objects.filter(agency__name="示范镇人民政府").first()
        assert app is not None
        _ok(client, f"/desk/applications/{app.pk}/")
        _ok(client, "/desk/disclosures/")
        _ok(client, "/desk/annual/?year=2025")
        _ok(client, "/desk/applications/new/")


def test_supervisor_pages(demo: None) -> None:
    client = _client("wanglihua")
    response = client.post("/review/import/", {"year": 2025}, follow=True)
    assert "已汇集并核查所辖 2 个机关的2025年度报告" in response.content.decode()
    html = _ok(client, "/review/")
    assert "示范镇人民政府" in html and "示范县自然资源局" in html
    link = re.search(r'href="(/review/reports/\d+/)"', html)
    assert link is not None
    _ok(client, link.group(1))
    _ok(client, "/review/compare/?agency=示范镇人民政府")


def test_the_administrator_reaches_the_admin(demo: None) -> None:
    client = _client("zhaomin")
    _ok(client, "/admin/")
    _ok(client, "/desk/")
    _ok(client, "/review/")
