"""The applications inbox: filters, search and pages that stay fast on a large ledger.

Every query is bounded by the body (index ``app_agency_received`` or ``app_agency_status_due``)
and only the rows of one page are turned into Python objects and badges.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db.models import F, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai_web.desk import scope
from gongkai_web.desk.badges import badge
from gongkai_web.ledger.choices import OPEN_STATUSES, OUTCOME_CHOICES, Channel, Status
from gongkai_web.ledger.models import Application
from gongkai_web.today import current_day
from gongkai_web.workdays.services import calendar_from_db

PAGE_SIZE = 50
OPEN = "open"
_TRACKING = re.compile(r"^GK-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")


class InboxFilter(forms.Form):
    status = forms.ChoiceField(
        label="办理状态",
        required=False,
        choices=[("", "全部"), (OPEN, "未办结"), *Status.choices],
    )
    outcome = forms.ChoiceField(
        label="办理结果", required=False, choices=[("", "全部"), *OUTCOME_CHOICES]
    )
    channel = forms.ChoiceField(
        label="提交方式", required=False, choices=[("", "全部"), *Channel.choices]
    )
    overdue = forms.BooleanField(label="仅看已超期", required=False)
    q = forms.CharField(label="搜索（申请编号或申请人）", required=False, max_length=100)
    sort = forms.ChoiceField(
        label="排序",
        required=False,
        choices=[("", "收到日期（新的在前）"), ("due", "答复期限（近的在前）")],
    )


def filtered(qs: QuerySet[Application], data: dict[str, Any], today: Any) -> QuerySet[Application]:
    status = data.get("status")
    if status == OPEN:
        qs = qs.filter(status__in=OPEN_STATUSES)
    elif status:
        qs = qs.filter(status=status)
    if data.get("outcome"):
        qs = qs.filter(outcome=data["outcome"])
    if data.get("channel"):
        qs = qs.filter(channel=data["channel"])
    if data.get("overdue"):
        qs = qs.filter(status__in=OPEN_STATUSES, due_date__lt=today)
    q = (data.get("q") or "").strip()
    if q:
        if _TRACKING.match(q.upper()):
            qs = qs.filter(tracking_number=q.upper())
        else:
            qs = qs.filter(Q(applicant_name__contains=q) | Q(tracking_number__contains=q.upper()))
    if data.get("sort") == "due":
        return qs.order_by(F("due_date").asc(nulls_last=True), "id")
    return qs.order_by("-received_on", "-id")


@scope.desk_required
def inbox(request: HttpRequest) -> HttpResponse:
    agency = scope.current_agency(request)
    today = current_day()
    form = InboxFilter(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    mine = scope.applications(request).filter(agency=agency)
    rows = filtered(mine, data, today).only(
        "id",
        "tracking_number",
        "received_on",
        "applicant_name",
        "applicant_type",
        "channel",
        "status",
        "due_date",
        "due_provisional",
        "outcome",
        "content",
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    cal = calendar_from_db()
    items = [(app, badge(app, cal, today)) for app in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    open_rows = mine.filter(status__in=OPEN_STATUSES)
    return render(
        request,
        "desk/inbox.html",
        {
            "agency": agency,
            "agencies": scope.desk_agencies(request).order_by("name"),
            "form": form,
            "page": page,
            "items": items,
            "query": f"{query.urlencode()}&" if query else "",
            "overdue_count": open_rows.filter(due_date__lt=today).count(),
            "today_count": open_rows.filter(due_date=today).count(),
            "today": today,
        },
    )
