"""The admin works, in Chinese, for every model; applications change only via the services."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse

from gongkai_web.ledger.models import Application

pytestmark = pytest.mark.django_db
OUR_APPS = ("agencies", "workdays", "ledger", "annual")


@pytest.fixture
def staff(client: Any) -> Any:
    user = User.objects.create_superuser("root", "root@example.org", None)
    client.force_login(user)
    return client


def test_every_model_is_registered() -> None:
    for label in OUR_APPS:
        for model in apps.get_app_config(label).get_models():
            assert admin.site.is_registered(model), model


def test_index_is_chinese(staff: Any) -> None:
    text = staff.get("/admin/").content.decode()
    for words in (
        "台账管理",
        "政府信息公开申请",
        "年度节假日安排",
        "机关",
        "年度报告",
        "主动公开信息",
    ):
        assert words in text


@pytest.mark.parametrize("label", OUR_APPS)
def test_changelists_and_add_pages_render(staff: Any, label: str, make_app: Any) -> None:
    make_app(date(2025, 3, 3))
    for model in apps.get_app_config(label).get_models():
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        response = staff.get(url)
        assert response.status_code == 200, url
        assert str(opts.verbose_name_plural) in response.content.decode()
        if admin.site._registry[model].has_add_permission(response.wsgi_request):
            add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
            assert staff.get(add).status_code == 200, add


def test_application_change_page_shows_the_log(staff: Any, make_app: Any) -> None:
    app = make_app(date(2025, 3, 3))
    text = staff.get(reverse("admin:ledger_application_change", args=[app.pk])).content.decode()
    assert "办理记录" in text and "收到申请" in text and app.tracking_number in text


def test_adding_an_application_in_the_admin_goes_through_the_services(
    staff: Any, agency: Any
) -> None:
    response = staff.post(
        reverse("admin:ledger_application_add"),
        {
            "agency": agency.pk,
            "channel": "online",
            "received_on": "2025-03-03",
            "applicant_type": "commercial",
            "applicant_name": "某公司",
            "id_proof": "",
            "contact": "",
            "content": "某项目批复",
            "requested_form": "paper",
            "requested_way": "post",
            "events-TOTAL_FORMS": "0",
            "events-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    app = Application.objects.get()
    assert (app.status, app.due_date) == ("open", date(2025, 3, 31))
    assert list(app.events.values_list("kind", flat=True)) == ["received"]


def test_events_cannot_be_edited_in_the_admin(staff: Any, make_app: Any) -> None:
    event = make_app(date(2025, 3, 3)).events.get()
    url = reverse("admin:ledger_applicationevent_change", args=[event.pk])
    assert staff.get(url).status_code == 200  # viewable
    assert staff.post(url, {"note": "改"}).status_code == 403
    assert staff.post(url.replace("/change/", "/delete/"), {"post": "yes"}).status_code == 403
