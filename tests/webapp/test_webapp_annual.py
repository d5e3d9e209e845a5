"""The annual report at the desk: preview in the official layout, sections 五 and 六,
findings, downloads, publication by the head; the preview follows the ledger."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client

from gongkai_web.annual.models import AnnualReport
from gongkai_web.ledger import services
from gongkai_web.ledger.models import Application

pytestmark = pytest.mark.django_db


def _cell(html: str, path: str) -> str:
    found = re.search(rf'data-path="{re.escape(path)}">([^<]*)<', html)
    assert found, path
    return found.group(1)


def test_preview_follows_the_ledger(
    login: Callable[[str], Client],
    make_app: Callable[..., Application],
    world: dict[str, Any],
    today: date,
) -> None:
    client = login("clerk")
    url = f"/desk/annual/{world['town'].pk}/{today.year}/preview/"
    empty = client.get(url)
    assert empty.status_code == 200 and empty["X-Frame-Options"] == "SAMEORIGIN"
    assert _cell(empty.content.decode(), "requests.new_received.natural_person") == "0"
    app = make_app()
    html = client.get(url).content.decode()
    assert _cell(html, "requests.new_received.natural_person") == "1"
    assert _cell(html, "requests.carried_forward.natural_person") == "1"
    services.answer(app, day=today, outcome="granted", actor=world["clerk"])
    html = client.get(url).content.decode()
    assert _cell(html, "requests.granted.natural_person") == "1"
    assert _cell(html, "requests.carried_forward.natural_person") == "0"


def test_page_sections_findings_downloads(
    login: Callable[[str], Client],
    world: dict[str, Any],
    messages: Callable[[Any], list[str]],
    today: date,
) -> None:
    client = login("clerk")
    year = today.year - 1
    page = client.get(f"/desk/annual/?agency={world['town'].pk}&year={year}")
    assert page.status_code == 200
    assert f"示范镇人民政府{year}年政府信息公开工作年度报告" in page.content.decode()
    assert 'id="findings"' in page.content.decode()
    assert isinstance(page.context["findings"], list)
    edit = client.post(
        f"/desk/annual/{world['town'].pk}/{year}/edit/",
        {
            "problems": "一是公开时效有待提高。",
            "processing_fees": "",
            "proposals": "承办建议1件。",
            "other_matters": "无其他事项。",
        },
        follow=True,
    )
    assert messages(edit) == [f"已保存{year}年度报告第五、六部分"]
    report = AnnualReport.objects.get(agency=world["town"], year=year)
    assert report.problems == "一是公开时效有待提高。"
    preview = client.get(f"/desk/annual/{world['town'].pk}/{year}/preview/").content.decode()
    assert "一是公开时效有待提高。" in preview and "承办建议1件。" in preview
    bad = client.post(
        f"/desk/annual/{world['town'].pk}/{year}/edit/",
        {"problems": "", "processing_fees": "-5", "proposals": "", "other_matters": ""},
        follow=True,
    )
    assert messages(bad) == ["未保存：收取信息处理费（元）：信息处理费金额不能为负数"]
    as_json = client.get(f"/desk/annual/{world['town'].pk}/{year}/download.json")
    record = json.loads(as_json.content)
    assert (record["agency"], record["year"], record["format"]) == ("示范镇人民政府", year, "2021")
    docx = client.get(f"/desk/annual/{world['town'].pk}/{year}/download.docx")
    assert docx.content.startswith(b"PK") and "attachment" in docx["Content-Disposition"]
    pdf = client.get(f"/desk/annual/{world['town'].pk}/{year}/download.pdf")
    assert pdf.content.startswith(b"%PDF") and pdf["Content-Type"] == "application/pdf"
    html = client.get(f"/desk/annual/{world['town'].pk}/{year}/download.html")
    assert html.content.startswith(b"<!DOCTYPE html>")
    assert client.get(f"/desk/annual/{world['town'].pk}/{year}/download.exe").status_code == 404
    assert client.get(f"/desk/annual/?agency={world['town'].pk}&year=1999").status_code == 404


def test_only_the_head_publishes_and_only_a_finished_year(
    login: Callable[[str], Client],
    world: dict[str, Any],
    messages: Callable[[Any], list[str]],
    today: date,
    client: Client,
) -> None:
    year = today.year - 1
    url = f"/desk/annual/{world['town'].pk}/{year}/publish/"
    refused = login("clerk").post(url, follow=True)
    assert messages(refused) == ["年度报告须经政务公开工作机构负责人审核后发布，请由负责人操作"]
    assert not AnnualReport.objects.filter(published=True).exists()
    early = login("head").post(
        f"/desk/annual/{world['town'].pk}/{today.year}/publish/", follow=True
    )
    assert messages(early) == [f"{today.year}年尚未结束，不能发布该年度的年度报告"]
    done = login("head").post(url, follow=True)
    assert messages(done) == [f"已发布示范镇人民政府{year}年度报告"]
    report = AnnualReport.objects.get(agency=world["town"], year=year)
    assert report.published and report.published_on == today
    assert (
        f"示范镇人民政府{year}年政府信息公开工作年度报告"
        in Client().get("/portal/reports/").content.decode()
    )
