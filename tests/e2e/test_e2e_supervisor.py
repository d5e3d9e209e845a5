"""A supervisor uploads the five seed reports and sees 锦石乡's balance error on its cells."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from gongkai_web.agencies.models import Agency, Level, Membership

SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# 湘潭县锦石乡 2020 prints 3 applications from 其他 organisations as new, none carried over,
# and 0 in (七)总计 and 结转: the balance fails in the 其他 and 总计 columns.
BALANCE_CELLS = {
    f"requests.{row}.{column}"
    for row in ("new_received", "carried_over", "total", "carried_forward")
    for column in ("other", "total")
}


def _marked(page: Page) -> set[str | None]:
    cells = page.locator("#official td.fail")
    return {cells.nth(i).get_attribute("data-path") for i in range(cells.count())}


def test_upload_seeds_and_see_the_balance_error(
    live_server: Any,
    page: Page,
    shot: Callable[..., None],
    login: Callable[[Page, str, str, str], None],
) -> None:
    county = Agency.objects.create(name="湘潭县人民政府", level=Level.COUNTY_GOVERNMENT)
    user = User.objects.create_user(
        "gongkaiban", password="pw-e2e", last_name="王", first_name="丽华"
    )
    Membership.objects.create(user=user, agency=county, role="supervisor")
    base = live_server.url
    login(page, base, "gongkaiban", "pw-e2e")

    page.goto(f"{base}/review/")
    page.set_input_files("#id_files", sorted(str(p) for p in SEEDS.glob("*.txt")))
    page.click("#upload-form button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("已读取并核查 5 份报告")
    expect(page.locator("#matrix tbody tr")).to_have_count(5)
    chart = page.locator("img.chart")
    expect(chart).to_be_visible()
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
    shot(page, "review-index")

    page.click('#matrix a[data-agency="湘潭县锦石乡"]')
    expect(page.locator("h1")).to_contain_text("湘潭县锦石乡2020年")
    balance = page.locator("#findings li[data-kind=balance_identity]").first
    expect(balance).to_contain_text("错误")
    everything = _marked(page)
    assert everything > BALANCE_CELLS  # all findings: the balance cells and more
    balance.locator("text=只标出此项").click()
    assert _marked(page) == {c for c in BALANCE_CELLS if c.endswith(".other")}
    balance.locator("text=只标出此类问题").click()
    marked = page.locator("#official td.fail")
    assert _marked(page) == BALANCE_CELLS
    colour = marked.first.evaluate("td => getComputedStyle(td).backgroundColor")
    assert colour == "rgb(255, 206, 203)"
    clean = page.locator('#official td[data-path="requests.new_received.natural_person"]')
    assert "fail" not in (clean.get_attribute("class") or "")
    expect(page.locator("#source .hit").first).to_be_visible()
    page.locator("#official td.fail").first.scroll_into_view_if_needed()
    shot(page, "review-report", full=False)
