"""A citizen applies online and follows the status; a clerk asks for 补正, receives it and
answers; the annual report's table 三 follows. On the demo county (``load_demo``)."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import TODAY

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "demo-pass-e2e"
GOOD_ID = "11010519491231002X"
CELLS = ("new_received", "granted", "carried_forward")


def _table_three(page: Page, base: str, year: int) -> dict[str, int]:
    """The natural-person column of table 三 as the desk's preview shows it."""
    page.goto(f"{base}/desk/annual/?year={year}")
    frame = page.frame_locator("#preview")
    out = {}
    for row in CELLS:
        cell = frame.locator(f'td[data-path="requests.{row}.natural_person"]')
        out[row] = int(cell.inner_text())
    return out


def test_apply_correct_answer(
    live_server: Any,
    page: Page,
    browser: Browser,
    shot: Callable[..., None],
    login: Callable[[Page, str, str, str], None],
) -> None:
    call_command("load_demo", "--password", PASSWORD, stdout=StringIO())
    base = live_server.url
    year = TODAY.year

    page.goto(f"{base}/")
    expect(page.locator("h1")).to_have_text("政府信息公开工作平台")
    shot(page, "home")

    clerk_context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="zh-CN")
    clerk = clerk_context.new_page()
    login(clerk, base, "zhangxiaoyan", PASSWORD)
    before = _table_three(clerk, base, year)

    # the citizen: a wrong identity number first, then the application
    page.goto(f"{base}/portal/apply/")
    shot(page, "portal-apply")
    page.select_option("#id_agency", label="示范镇人民政府")
    page.select_option("#id_applicant_type", value="natural_person")
    page.fill("#id_applicant_name", "刘晓明")
    page.select_option("#id_id_type", value="resident_id")
    page.fill("#id_id_number", "110105194912310021")
    page.fill("#id_phone", "13912345678")
    page.fill("#id_address", "示范镇人民路1号")
    page.fill("#id_content", "示范镇2026年农村道路改造工程的招标文件和验收报告")
    page.check("input[name=requested_form][value=paper]")
    page.check("input[name=requested_way][value=post]")
    page.click("#apply-form button[type=submit]")
    expect(page.locator(".form-errors")).to_contain_text("居民身份证号码不正确")
    page.fill("#id_id_number", GOOD_ID)
    page.click("#apply-form button[type=submit]")
    expect(page.locator("h1")).to_have_text("申请已提交")
    number = page.locator("#tracking-number").inner_text()
    code = page.locator("#verification-code").inner_text()
    assert number.startswith("GK-") and len(code) == 8
    shot(page, "portal-submitted")

    page.goto(f"{base}/portal/status/")
    page.fill("#id_tracking_number", number)
    page.fill("#id_code", "WRONGCOD")
    page.click("#status-form button[type=submit]")
    expect(page.locator(".form-errors")).to_contain_text("申请编号或验证码不正确")
    page.fill("#id_code", code)
    page.click("#status-form button[type=submit]")
    expect(page.locator("#status")).to_have_text("办理中")
    shot(page, "portal-status")

    applied = _table_three(clerk, base, year)
    assert applied["new_received"] == before["new_received"] + 1
    assert applied["carried_forward"] == before["carried_forward"] + 1
    assert applied["granted"] == before["granted"]

    # the clerk: find it, ask for 补正, receive it, answer
    clerk.goto(f"{base}/desk/")
    shot(clerk, "desk-inbox", full=False)
    clerk.fill("#id_q", number)
    clerk.click("#filters button[type=submit]")
    clerk.click(f"text={number}")
    expect(clerk.locator("#status")).to_have_text("办理中")

    clerk.click("#action-correction summary")
    clerk.fill("#id_correction_reasons", "请写明招标文件的项目名称或文号")
    clerk.fill("#id_correction_due", f"{year}-12-31")
    clerk.click("#action-correction button[type=submit]")
    expect(clerk.locator(".messages")).to_contain_text("已发出补正通知")
    expect(clerk.locator("#status")).to_have_text("待补正")
    with clerk.expect_download() as download:
        clerk.click("#timeline li[data-kind=correction_requested] >> text=Word")
    assert download.value.suggested_filename.endswith("-correction.docx")

    clerk.click("#action-correction-received summary")
    clerk.click("#action-correction-received button[type=submit]")
    expect(clerk.locator(".messages")).to_contain_text("已收到补正")

    clerk.click("#action-answer summary")
    clerk.select_option("#id_answer_outcome", value="granted")
    clerk.click("#action-answer button[type=submit]")
    expect(clerk.locator(".messages")).to_contain_text("已答复")
    expect(clerk.locator("#status")).to_have_text("已答复")
    expect(clerk.locator("#timeline li")).to_have_count(4)
    shot(clerk, "desk-application")

    answered = _table_three(clerk, base, year)
    assert answered["new_received"] == before["new_received"] + 1
    assert answered["granted"] == before["granted"] + 1
    assert answered["carried_forward"] == before["carried_forward"]
    shot(clerk, "desk-annual")

    # the citizen sees the answer
    page.goto(f"{base}/portal/status/")
    page.fill("#id_tracking_number", number)
    page.fill("#id_code", code)
    page.click("#status-form button[type=submit]")
    expect(page.locator("#status")).to_have_text("已答复")
    expect(page.locator("#outcome")).to_contain_text("予以公开")
    clerk_context.close()
