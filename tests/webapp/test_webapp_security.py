"""CSRF, login throttling, escaping of imported text, the audit log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from gongkai_web.audit.models import AuditEntry, AuditError
from gongkai_web.ledger.models import Application
from gongkai_web.review.models import ReviewedReport

pytestmark = pytest.mark.django_db


def test_posts_without_csrf_token_are_refused(
    world: dict[str, Any], make_app: Callable[..., Application], today: date
) -> None:
    app = make_app()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["clerk"])
    refused = client.post(
        f"/desk/applications/{app.pk}/act/withdraw/", {"version": app.version, "day": today}
    )
    assert refused.status_code == 403
    assert "页面已过期" in refused.content.decode()
    app.refresh_from_db()
    assert app.status == "open" and app.version == 1
    # with the token from the page, the same post goes through
    page = client.get(f"/desk/applications/{app.pk}/")
    token = page.context["csrf_token"]
    done = client.post(
        f"/desk/applications/{app.pk}/act/withdraw/",
        {"version": app.version, "day": today, "csrfmiddlewaretoken": token},
    )
    assert done.status_code == 302
    app.refresh_from_db()
    assert app.status == "withdrawn"


def test_public_forms_and_uploads_need_the_token(world: dict[str, Any]) -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.post("/portal/status/", {"tracking_number": "x", "code": "y"}).status_code == 403
    assert client.post("/portal/apply/", {}).status_code == 403
    client.force_login(world["supervisor"])
    upload = SimpleUploadedFile("a.txt", "2024年度报告".encode())
    assert client.post("/review/upload/", {"files": [upload]}).status_code == 403
    assert not ReviewedReport.objects.exists()


def test_login_is_throttled(world: dict[str, Any]) -> None:
    client = Client()
    for _ in range(5):
        page = client.post("/accounts/login/", {"username": "clerk", "password": "wrong"})
        assert "用户名或密码不正确" in page.content.decode()
    locked = client.post("/accounts/login/", {"username": "clerk", "password": "pw-clerk"})
    assert locked.status_code == 200  # the form again, not a redirect: not logged in
    assert "登录失败次数过多，已临时锁定，请于 15 分钟后再试。" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # another user from the same address is locked too (the address is counted as well)
    other = client.post("/accounts/login/", {"username": "head", "password": "pw-head"})
    assert "登录失败次数过多" in other.content.decode()


def test_a_good_login_works_and_the_admin_uses_the_same_page(world: dict[str, Any]) -> None:
    client = Client()
    page = client.post("/accounts/login/", {"username": "clerk", "password": "pw-clerk"})
    assert page.status_code == 302
    admin = Client().get("/admin/")
    assert admin.status_code == 302
    assert Client().get(admin["Location"]).status_code == 302
    assert Client().get(admin["Location"])["Location"].startswith("/accounts/login/?next=")


# A web page whose text holds markup as entities: the reader decodes them into the text (and
# into the agency name), so the pages must escape what the reader gives them.
HOSTILE = """<html><body>
<p>&lt;script&gt;alert('x')&lt;/script&gt;某镇2024年政府信息公开工作年度报告</p>
<p>一、总体情况</p><p>&lt;img src=x onerror=alert(1)&gt;本年度共收到申请3件。</p>
<p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p>
<p>&lt;script&gt;document.write('bad')&lt;/script&gt;</p><p>六、其他需要报告的事项</p><p>无。</p>
</body></html>"""


def test_imported_report_text_is_escaped(login: Callable[[str], Client]) -> None:
    client = login("supervisor")
    upload = SimpleUploadedFile("hostile.html", HOSTILE.encode("utf-8"))
    client.post("/review/upload/", {"files": [upload]})
    row = ReviewedReport.objects.get()
    assert row.agency_name == "<script>alert('x')</script>某镇"  # stored as read
    pages = [
        client.get(f"/review/reports/{row.pk}/"),
        client.get("/review/"),
        client.get("/review/compare/", {"agency": row.agency_name}),
    ]
    for page in pages:
        html = page.content.decode()
        assert page.status_code == 200
        assert "<script>" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    detail = pages[0].content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in detail  # section text
    assert "&lt;script&gt;document.write(&#x27;bad&#x27;)&lt;/script&gt;" in detail  # source


def test_every_change_is_in_the_audit_log_and_it_is_append_only(
    login: Callable[[str], Client], make_app: Callable[..., Application], today: date
) -> None:
    app = make_app()
    login("clerk").post(
        f"/desk/applications/{app.pk}/act/withdraw/", {"version": app.version, "day": today}
    )
    entry = AuditEntry.objects.get()
    assert entry.actor is not None and entry.actor.username == "clerk"
    assert (entry.action, entry.object_type, entry.object_id) == (
        "application.withdraw",
        "ledger.application",
        str(app.pk),
    )
    assert entry.summary == f"撤回申请：{app.tracking_number}"
    assert entry.agency is not None and entry.agency.name == "示范镇人民政府"
    assert entry.ip == "127.0.0.1" and entry.at is not None
    with pytest.raises(AuditError, match="只能追加"):
        entry.save()
    with pytest.raises(AuditError, match="只能追加"):
        AuditEntry.objects.all().delete()
