"""The application page: only the steps its state allows, each a POST through the ledger
service with a Chinese message, each producing its letter; optimistic locking."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from gongkai_web.audit.models import AuditEntry
from gongkai_web.desk.models import IssuedLetter
from gongkai_web.ledger.models import Application

pytestmark = pytest.mark.django_db


def _steps(response: Any) -> list[str]:
    return re.findall(r'<details class="action" id="action-([\w-]+)"', response.content.decode())


def _post(client: Client, app: Application, slug: str, **data: Any) -> Any:
    data.setdefault("version", app.version)
    return client.post(f"/desk/applications/{app.pk}/act/{slug}/", data, follow=True)


def test_new_application_offers_only_what_the_clock_allows(
    login: Callable[[str], Client], make_app: Callable[..., Application]
) -> None:
    app = make_app()
    page = login("clerk").get(f"/desk/applications/{app.pk}/")
    assert page.status_code == 200
    steps = _steps(page)
    assert steps == ["correction", "extend", "consult-start", "fee", "answer", "withdraw"]
    # no 收到补正 before a 补正 notice, no 征求意见结束 before one started
    assert "correction-received" not in steps and "consult-end" not in steps
    # the clerk sees the extension but not its form: the head approves (第三十三条)
    html = page.content.decode()
    extend = html[html.index('id="action-extend"') : html.index('id="action-consult-start"')]
    assert "<form" not in extend and "负责人审批" in extend


def test_correction_then_received_then_answer(
    login: Callable[[str], Client],
    make_app: Callable[..., Application],
    messages: Callable[[Any], list[str]],
    today: date,
) -> None:
    app = make_app()
    client = login("clerk")
    due = today + timedelta(days=20)
    page = _post(client, app, "correction", day=today, reasons="请写明文件名称或文号", due=due)
    assert messages(page) == [
        f"已发出补正通知：{app.tracking_number}；告知书已生成，可在办理记录中下载"
    ]
    app.refresh_from_db()
    assert app.status == "awaiting_correction" and app.due_date is None
    assert _steps(page) == ["correction-received", "correction-expired", "withdraw"]
    letter = IssuedLetter.objects.get(event__application=app)
    assert (letter.kind, letter.reasons, letter.due) == ("correction", "请写明文件名称或文号", due)

    page = _post(client, app, "correction-received", day=today)
    assert messages(page) == [f"已收到补正：{app.tracking_number}"]
    app.refresh_from_db()
    assert app.status == "open" and app.due_date is not None and app.due_date > today

    page = _post(client, app, "answer", day=today, outcome="granted")
    assert messages(page)[0].startswith(f"已答复：{app.tracking_number}")
    app.refresh_from_db()
    assert (app.status, app.outcome, app.answered_on) == ("answered", "granted", today)
    assert _steps(page) == []
    assert "该申请已办结" in page.content.decode()
    kinds = list(app.events.order_by("id").values_list("kind", flat=True))
    assert kinds == ["received", "correction_requested", "correction_received", "answered"]
    logged = AuditEntry.objects.filter(object_id=str(app.pk)).values_list("action", flat=True)
    assert set(logged) == {
        "application.correction",
        "application.correction-received",
        "application.answer",
    }


def test_letters_download_as_docx_and_pdf(
    login: Callable[[str], Client], make_app: Callable[..., Application], today: date
) -> None:
    app = make_app(applicant_name="赵某某")
    client = login("clerk")
    _post(
        client, app, "correction", day=today, reasons="请说明文号", due=today + timedelta(days=15)
    )
    event = app.events.get(kind="correction_requested")
    docx = client.get(f"/desk/applications/{app.pk}/letters/{event.pk}.docx")
    assert docx.status_code == 200
    assert docx.content.startswith(b"PK")
    assert "attachment" in docx["Content-Disposition"]
    from io import BytesIO

    import docx as python_docx  # python-docx, a dependency of the renderer

    text = "\n".join(p.text for p in python_docx.Document(BytesIO(docx.content)).paragraphs)
    assert "补正通知书" in text and "赵某某" in text and "请说明文号" in text
    pdf = client.get(f"/desk/applications/{app.pk}/letters/{event.pk}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    received = app.events.get(kind="received")
    assert client.get(f"/desk/applications/{app.pk}/letters/{received.pk}.pdf").status_code == 404
    assert client.get(f"/desk/applications/{app.pk}/letters/{event.pk}.exe").status_code == 404


def test_answer_needing_reasons_is_refused_without_them(
    login: Callable[[str], Client],
    make_app: Callable[..., Application],
    messages: Callable[[Any], list[str]],
    today: date,
) -> None:
    app = make_app()
    page = _post(login("clerk"), app, "answer", day=today, outcome="partially_granted")
    assert messages(page)[0].startswith("告知书无法生成，本次操作未保存：")
    app.refresh_from_db()
    assert app.status == "open" and app.events.count() == 1  # rolled back


def test_only_the_head_may_extend(
    login: Callable[[str], Client],
    make_app: Callable[..., Application],
    messages: Callable[[Any], list[str]],
    today: date,
) -> None:
    app = make_app()
    page = _post(login("clerk"), app, "extend", day=today, workdays=10)
    assert messages(page) == [
        "延长答复期限须经示范镇人民政府政府信息公开工作机构负责人同意（条例第三十三条第二款），"
        "请由负责人办理"
    ]
    app.refresh_from_db()
    assert not app.extended and app.version == 1
    before = app.due_date
    page = _post(login("head"), app, "extend", day=today, workdays=10)
    assert messages(page)[0].startswith(f"已延长答复期限：{app.tracking_number}")
    app.refresh_from_db()
    assert app.extended and app.due_date is not None and before is not None
    assert app.due_date > before
    letter = IssuedLetter.objects.get(event__application=app)
    assert letter.kind == "extension" and letter.due == app.due_date


def test_consultation_and_fee_steps(
    login: Callable[[str], Client],
    make_app: Callable[..., Application],
    messages: Callable[[Any], list[str]],
    today: date,
) -> None:
    app = make_app()
    client = login("clerk")
    page = _post(client, app, "consult-start", day=today, third_party="某建材有限公司")
    assert messages(page)[0].startswith("已发出征求意见")
    assert "consult-end" in _steps(page)
    letter = IssuedLetter.objects.get(event__application=app)
    assert letter.kind == "third_party" and letter.third_party == "某建材有限公司"
    assert letter.due is not None and letter.due > today
    app.refresh_from_db()
    _post(client, app, "consult-end", day=today)
    app.refresh_from_db()
    page = _post(client, app, "fee", day=today, basis="by_pages", pages=20)
    assert messages(page) == [
        "按收费标准本申请不应收费（同一申请人当月前10件、或30页以内免费），不能发出收费通知"
    ]
    page = _post(client, app, "fee", day=today, basis="by_pages", pages=150)
    assert messages(page)[0].startswith("已发出收费通知")
    app.refresh_from_db()
    assert app.fee_amount == 1700 and app.status == "awaiting_fee"


def test_a_stale_form_is_refused(
    client: Client,
    world: dict[str, Any],
    make_app: Callable[..., Application],
    messages: Callable[[Any], list[str]],
    today: date,
) -> None:
    """Two clerks open the same application; the second one's form is stale."""
    app = make_app()
    first, second = Client(), Client()
    first.force_login(world["clerk"])
    second.force_login(world["head"])
    seen_by_first = app.version
    seen_by_second = app.version
    page = _post(
        first, app, "consult-start", version=seen_by_first, day=today, third_party="甲公司"
    )
    assert messages(page)[0].startswith("已发出征求意见")
    page = _post(second, app, "withdraw", version=seen_by_second, day=today)
    assert messages(page) == [
        f"申请 {app.tracking_number} 已被他人修改：请刷新页面，核对最新办理情况后再操作"
    ]
    app.refresh_from_db()
    assert app.status == "consulting" and app.version == 2
    assert list(app.events.values_list("kind", flat=True)) == ["received", "consultation_started"]
    edit = second.post(
        f"/desk/applications/{app.pk}/edit/",
        {
            "version": seen_by_second,
            "applicant_name": "改名",
            "content": app.content,
            "requested_form": "paper",
            "requested_way": "post",
        },
        follow=True,
    )
    assert "已被他人修改" in messages(edit)[0]
    app.refresh_from_db()
    assert app.applicant_name == "王某某"


def test_editing_details_is_audited(
    login: Callable[[str], Client],
    make_app: Callable[..., Application],
    messages: Callable[[Any], list[str]],
) -> None:
    app = make_app()
    page = login("clerk").post(
        f"/desk/applications/{app.pk}/edit/",
        {
            "version": app.version,
            "applicant_name": "王某某",
            "contact": "13800000000",
            "content": app.content,
            "requested_form": "electronic",
            "requested_way": "email",
        },
        follow=True,
    )
    assert messages(page) == [f"已保存对申请 {app.tracking_number} 的修改"]
    app.refresh_from_db()
    assert (app.contact, app.requested_form, app.version) == ("13800000000", "electronic", 2)
    entry = AuditEntry.objects.get(action="application.edit")
    assert entry.actor_name == "张晓燕（clerk）" and entry.object_id == str(app.pk)
    assert "联系方式" in entry.summary and "获取信息的形式" in entry.summary


def test_a_step_dated_in_the_future_is_refused(
    login: Callable[[str], Client],
    make_app: Callable[..., Application],
    messages: Callable[[Any], list[str]],
    today: date,
) -> None:
    app = make_app()
    page = _post(login("clerk"), app, "withdraw", day=today + timedelta(days=1))
    assert messages(page) == ["撤回申请未保存：日期：日期不能晚于今天，请按实际办理日期填写"]
    assert app.events.count() == 1


def test_register_an_application_at_the_desk(
    login: Callable[[str], Client], world: dict[str, Any], today: date
) -> None:
    page = login("clerk").post(
        "/desk/applications/new/",
        {
            "agency": world["town"].pk,
            "channel": "registered_mail",
            "received_on": today.isoformat(),
            "applicant_type": "legal_service",
            "applicant_name": "示范县正义律师事务所",
            "content": "某项目环评批复",
            "requested_form": "paper",
            "requested_way": "post",
        },
        follow=True,
    )
    app = Application.objects.get(applicant_name="示范县正义律师事务所")
    assert page.redirect_chain[-1][0] == f"/desk/applications/{app.pk}/"
    assert app.channel == "registered_mail" and app.events.get().actor == world["clerk"]
    assert AuditEntry.objects.filter(action="application.register", object_id=str(app.pk)).exists()
    # not into a body the clerk does not work for
    page = login("clerk").post(
        "/desk/applications/new/",
        {
            "agency": world["other_town"].pk,
            "channel": "in_person",
            "received_on": today.isoformat(),
            "applicant_type": "natural_person",
            "applicant_name": "外县人",
            "content": "某文件",
            "requested_form": "paper",
            "requested_way": "post",
        },
    )
    assert page.status_code == 404
    assert not Application.objects.filter(applicant_name="外县人").exists()


def test_an_extension_into_a_year_without_calendar_is_refused_clearly(
    login: Callable[[str], Client],
    make_app: Callable[..., Application],
    messages: Callable[[Any], list[str]],
    settings: Any,
) -> None:
    # Received 2026-11-30: 20 working days end in December, the extension runs into 2027,
    # whose holiday notice the bundled calendar does not have.
    day = date(2026, 11, 30)
    settings.GONGKAI_TODAY = day
    app = make_app(received_on=day)
    assert app.due_date is not None
    page = _post(login("head"), app, "extend", day=day, workdays=20)
    assert messages(page) == [
        "延长后的答复期限落在尚未导入节假日安排的年份，无法计算（期限不作推测）："
        "请先由管理员导入该年的工作日历（国务院办公厅节假日安排通知），再办理延期"
    ]
    app.refresh_from_db()
    assert not app.extended and app.events.count() == 1  # nothing half-done
