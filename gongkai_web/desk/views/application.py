"""One application: its timeline, the steps its state allows, its letters; registering and
correcting applications. Every change goes through a ledger service, inside one transaction
with its audit entry."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from gongkai.render import RenderError
from gongkai_web.audit.log import audit, staff_user
from gongkai_web.desk import scope
from gongkai_web.desk.actions import ACTIONS, allowed, perform
from gongkai_web.desk.badges import badge
from gongkai_web.desk.forms import ApplicationForm, DetailsForm, first_error
from gongkai_web.desk.letters import FORMATS, letter_kind
from gongkai_web.desk.letters import render as render_letter
from gongkai_web.ledger import services
from gongkai_web.ledger.errors import LedgerError
from gongkai_web.ledger.models import Application
from gongkai_web.today import current_day
from gongkai_web.workdays.services import calendar_from_db


def _get(request: HttpRequest, pk: int) -> Application:
    return get_object_or_404(scope.applications(request).select_related("agency"), pk=pk)


@scope.desk_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    app = _get(request, pk)
    today = current_day()
    cal = calendar_from_db()
    events = list(app.events.select_related("actor", "letter").order_by("day", "id"))
    head = scope.is_head(request, app.agency)
    steps = []
    for action in allowed(app, events, cal, today):
        form = None
        if head or not action.head_only:
            form = action.form(
                initial={"version": app.version}, today=today, auto_id=f"id_{action.slug}_%s"
            )
        steps.append((action, form))
    details = DetailsForm(
        initial={"version": app.version, **{f: getattr(app, f) for f in services.EDITABLE_DETAILS}},
        auto_id="id_details_%s",
    )
    return render(
        request,
        "desk/application.html",
        {
            "app": app,
            "agency": app.agency,
            "badge": badge(app, cal, today),
            "timeline": [(e, letter_kind(e)) for e in events],
            "steps": steps,
            "details": details,
            "is_head": head,
        },
    )


@require_POST
@scope.desk_required
def act(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    app = _get(request, pk)
    action = ACTIONS.get(slug)
    if action is None:
        raise Http404("没有这种办理操作")
    form = action.form(request.POST, today=current_day())
    if not form.is_valid():
        messages.error(request, f"{action.label}未保存：{first_error(form)}")
        return redirect("desk:application", pk=app.pk)
    if action.head_only and not scope.is_head(request, app.agency):
        messages.error(
            request,
            f"{action.label}须经{app.agency}政府信息公开工作机构负责人同意（条例第三十三条第二款），"
            "请由负责人办理",
        )
        return redirect("desk:application", pk=app.pk)
    app.version = form.cleaned_data["version"]
    try:
        with transaction.atomic():
            letter = perform(
                action, app, form.cleaned_data, staff_user(request), calendar_from_db()
            )
            audit(
                request,
                f"application.{slug}",
                f"{action.label}：{app.tracking_number}",
                app,
                app.agency,
            )
    except LedgerError as exc:
        messages.error(request, exc.message)
    except RenderError as exc:
        messages.error(request, f"告知书无法生成，本次操作未保存：{exc.message}")
    else:
        done = f"已{action.label}：{app.tracking_number}"
        if letter is not None:
            done += "；告知书已生成，可在办理记录中下载"
        messages.success(request, done)
    return redirect("desk:application", pk=app.pk)


@require_POST
@scope.desk_required
def edit_details(request: HttpRequest, pk: int) -> HttpResponse:
    app = _get(request, pk)
    form = DetailsForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"修改未保存：{first_error(form)}")
        return redirect("desk:application", pk=app.pk)
    data = form.cleaned_data
    app.version = data["version"]
    changes = {f: data[f] for f in services.EDITABLE_DETAILS if data[f] != getattr(app, f)}
    if not changes:
        messages.info(request, "没有需要保存的修改")
        return redirect("desk:application", pk=app.pk)
    try:
        with transaction.atomic():
            services.edit_details(app, actor=staff_user(request), **changes)
            audit(
                request,
                "application.edit",
                f"修改申请信息（{'、'.join(str(form.fields[f].label) for f in changes)}）："
                f"{app.tracking_number}",
                app,
                app.agency,
            )
    except LedgerError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已保存对申请 {app.tracking_number} 的修改")
    return redirect("desk:application", pk=app.pk)


@scope.desk_required
def letter(request: HttpRequest, pk: int, event_pk: int, fmt: str) -> HttpResponse:
    app = _get(request, pk)
    if fmt not in FORMATS:
        raise Http404("不支持的格式")
    event = get_object_or_404(app.events.select_related("letter"), pk=event_pk)
    try:
        made = render_letter(app, event, calendar_from_db(), fmt)
    except RenderError as exc:
        raise Http404(exc.message) from exc
    if made is None:
        raise Http404("这一办理步骤没有告知书")
    response = HttpResponse(made.content, content_type=made.content_type)
    response.headers["Content-Disposition"] = content_disposition_header(True, made.filename)
    return response


@scope.desk_required
def register(request: HttpRequest) -> HttpResponse:
    agency = scope.current_agency(request)
    today = current_day()
    agencies = scope.desk_agencies(request).order_by("name")
    form = ApplicationForm(
        request.POST if request.method == "POST" else None,
        agencies=agencies,
        today=today,
        initial={"agency": agency},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        target = data.pop("agency")
        try:
            with transaction.atomic():
                app = services.register_application(
                    agency=target, actor=staff_user(request), **data
                )
                audit(
                    request, "application.register", f"登记申请：{app.tracking_number}", app, target
                )
        except LedgerError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"已登记申请 {app.tracking_number}")
            return redirect("desk:application", pk=app.pk)
    return render(request, "desk/register.html", {"form": form, "agency": agency})
