"""The public portal: the application form (条例第二十九条), number and code, the status page
(both needed, constant-time, rate-limited), published reports and disclosures."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.test import Client

from gongkai_web.annual.models import AnnualReport
from gongkai_web.audit.models import AuditEntry
from gongkai_web.ledger import disclosure
from gongkai_web.ledger.models import Application
from gongkai_web.ledger.models.disclosure import ReviewStep
from gongkai_web.portal.idnumbers import credit_code_ok, resident_id_ok

pytestmark = pytest.mark.django_db
GOOD_ID = "11010519491231002X"  # the example of GB 11643-1999


def _form(world: dict[str, Any], **changes: Any) -> dict[str, Any]:
    data = {
        "agency": world["town"].pk,
        "applicant_type": "natural_person",
        "applicant_name": "刘晓明",
        "id_type": "resident_id",
        "id_number": GOOD_ID,
        "phone": "13912345678",
        "email": "",
        "address": "示范镇人民路1号",
        "content": "示范镇2025年度财政预算执行情况",
        "requested_form": "paper",
        "requested_way": "post",
    }
    data.update(changes)
    return data


def test_identity_numbers() -> None:
    assert resident_id_ok(GOOD_ID)
    assert not resident_id_ok("110105194912310021")  # wrong check digit
    assert not resident_id_ok("11010519491331002X")  # no 13th month
    assert credit_code_ok("91350100M000100Y43")
    assert not credit_code_ok("91350100M000100Y44")


def test_the_form_says_what_is_wrong_in_chinese(client: Client, world: dict[str, Any]) -> None:
    page = client.post("/portal/apply/", {})
    html = page.content.decode()
    assert page.status_code == 200 and "请更正以下问题" in html
    assert "这个字段是必填项" in html
    page = client.post(
        "/portal/apply/",
        _form(
            world,
            id_number="110105194912310021",
            phone="12345",
            requested_way="email",
            content="短",
        ),
    )
    errors = page.context["form"].errors
    assert errors["id_number"] == ["居民身份证号码不正确：应为18位，请核对出生日期和最后一位校验码"]
    assert errors["phone"] == ["联系电话格式不正确：请填写11位手机号或带区号的固定电话"]
    assert errors["email"] == ["选择通过电子邮件获取的，请填写电子邮箱"]
    assert errors["content"] == ["描述过短（至少 5 个字），请写明所需信息的名称、文号或其他特征"]
    page = client.post(
        "/portal/apply/",
        _form(world, applicant_type="commercial", requested_way="post", address=""),
    )
    errors = page.context["form"].errors
    assert errors["id_type"] == ["法人或者其他组织请填写统一社会信用代码"]
    assert errors["address"] == ["选择邮寄的，请填写通信地址"]
    assert not Application.objects.exists()


def _submit(client: Client, world: dict[str, Any], **changes: Any) -> tuple[str, str]:
    page = client.post("/portal/apply/", _form(world, **changes), follow=True)
    html = page.content.decode()
    number = re.search(r'id="tracking-number">([^<]+)<', html)
    code = re.search(r'id="verification-code">([^<]+)<', html)
    assert number and code, html
    return number.group(1), code.group(1)


def test_apply_then_see_the_status(client: Client, world: dict[str, Any], today: date) -> None:
    number, code = _submit(client, world)
    app = Application.objects.get()
    assert (app.tracking_number, app.verification_code) == (number, code)
    assert re.fullmatch(
        r"GK-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", number
    )
    assert code not in number
    assert (app.channel, app.received_on, app.status) == ("online", today, "open")
    assert app.id_proof == f"居民身份证 {GOOD_ID}"
    assert app.contact == "电话：13912345678；通信地址：示范镇人民路1号"
    assert AuditEntry.objects.get(action="application.submit").actor_name == "公众"
    # the code is shown once
    assert client.get("/portal/apply/submitted/").status_code == 302
    status = client.post("/portal/status/", {"tracking_number": number.lower(), "code": code})
    html = status.content.decode()
    assert 'id="status">办理中<' in html and "示范镇人民政府" in html
    assert "刘**" in html and "刘晓明" not in html and GOOD_ID not in html
    # two applications never share a number or a code
    number2, code2 = _submit(client, world, applicant_name="陈某某")
    assert number2 != number and code2 != code


def test_the_number_alone_shows_nothing(client: Client, world: dict[str, Any]) -> None:
    number, code = _submit(client, world)
    wrong = "A" * 8 if code != "A" * 8 else "B" * 8
    for attempt in (
        {"tracking_number": number, "code": wrong},
        {"tracking_number": "GK-0000-0000-0000", "code": code},
    ):
        page = client.post("/portal/status/", attempt)
        html = page.content.decode()
        assert "申请编号或验证码不正确，请核对后重新输入" in html
        assert "status-result" not in html


def test_wrong_attempts_are_rate_limited(client: Client, world: dict[str, Any]) -> None:
    number, code = _submit(client, world)
    for i in range(10):
        client.post("/portal/status/", {"tracking_number": number, "code": f"WRONG{i:03d}"})
    locked = client.post("/portal/status/", {"tracking_number": number, "code": code})
    html = locked.content.decode()
    assert "查询失败次数过多，请于 15 分钟后再试" in html and "status-result" not in html
    # from another address the number is locked too: guessing from many addresses fails
    other = Client(REMOTE_ADDR="10.0.0.9")
    html = other.post("/portal/status/", {"tracking_number": number, "code": code}).content.decode()
    assert "查询失败次数过多" in html


def test_published_reports_and_disclosures_only(
    client: Client, world: dict[str, Any], today: date
) -> None:
    year = today.year - 1
    AnnualReport.objects.create(agency=world["town"], year=year, published=True, published_on=today)
    hidden = AnnualReport.objects.create(agency=world["dept"], year=year)
    listing = client.get("/portal/reports/").content.decode()
    assert f"示范镇人民政府{year}年政府信息公开工作年度报告" in listing
    assert "示范县自然资源局" not in listing
    shown = AnnualReport.objects.get(agency=world["town"])
    report = client.get(f"/portal/reports/{shown.pk}/")
    assert (
        report.status_code == 200 and 'data-path="requests.total.total"' in report.content.decode()
    )
    assert client.get(f"/portal/reports/{hidden.pk}/").status_code == 404

    done = disclosure.record_disclosure(
        agency=world["town"], item=7, title="2025年部门预算", channel="portal", formed_on=today
    )
    for step in (ReviewStep.FIRST, ReviewStep.SECOND, ReviewStep.FINAL, ReviewStep.SECRECY):
        disclosure.add_review(done, step=step, reviewer=world["head"], day=today)
    disclosure.publish(done, day=today)
    disclosure.record_disclosure(
        agency=world["town"], item=7, title="尚未公开的草稿", channel="portal", formed_on=today
    )
    listing = client.get("/portal/disclosures/").content.decode()
    assert "2025年部门预算" in listing and "尚未公开的草稿" not in listing
    filtered = client.get("/portal/disclosures/", {"agency": world["dept"].pk}).content.decode()
    assert "2025年部门预算" not in filtered
