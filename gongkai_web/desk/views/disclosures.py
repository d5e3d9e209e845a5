"""The proactive disclosure register (主动公开): record, review (初审/复审/终审, 保密审查),
publish — each through ``gongkai_web.ledger.disclosure``."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai_web.audit.log import audit, staff_user
from gongkai_web.desk import scope
from gongkai_web.desk.forms import DateInput, first_error
from gongkai_web.ledger import disclosure as service
from gongkai_web.ledger.errors import LedgerError
from gongkai_web.ledger.models import ProactiveDisclosure
from gongkai_web.ledger.models.disclosure import DisclosureChannel, Item, ReviewStep
from gongkai_web.today import current_day

PAGE_SIZE = 50


class PastDateForm(forms.Form):
    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.initial = today

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, value in data.items():
            if isinstance(value, date) and value > self.today:
                self.add_error(name, "日期不能晚于今天")
        return data


class DisclosureForm(PastDateForm):
    item = forms.TypedChoiceField(
        label="公开事项（条例第二十条）", choices=Item.choices, coerce=int
    )
    title = forms.CharField(label="标题", max_length=300)
    channel = forms.ChoiceField(label="公开渠道", choices=DisclosureChannel.choices)
    formed_on = forms.DateField(label="形成或变更日期", widget=DateInput())


class ReviewForm(PastDateForm):
    step = forms.ChoiceField(label="审查环节", choices=ReviewStep.choices)
    day = forms.DateField(label="审查日期", widget=DateInput())
    approved = forms.TypedChoiceField(
        label="审查结论",
        choices=[("1", "同意公开"), ("0", "不同意公开")],
        coerce=lambda v: v == "1",
    )
    note = forms.CharField(
        label="审查意见", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class PublishForm(PastDateForm):
    day = forms.DateField(label="公开日期", widget=DateInput())


class DisclosureFilter(forms.Form):
    state = forms.ChoiceField(
        label="状态",
        required=False,
        choices=[
            ("", "全部"),
            ("pending", "待公开"),
            ("overdue", "超过20个工作日仍未公开"),
            ("published", "已公开"),
            ("late", "逾期公开"),
        ],
    )
    item = forms.TypedChoiceField(
        label="公开事项",
        required=False,
        choices=[("", "全部"), *Item.choices],
        coerce=int,
        empty_value=None,
    )


@scope.desk_required
def register(request: HttpRequest) -> HttpResponse:
    agency = scope.current_agency(request)
    today = current_day()
    rows = scope.disclosures(request).filter(agency=agency)
    filt = DisclosureFilter(request.GET)
    data = filt.cleaned_data if filt.is_valid() else {}
    state = data.get("state")
    if state == "pending":
        rows = rows.filter(published_on__isnull=True)
    elif state == "overdue":
        rows = rows.filter(published_on__isnull=True, publish_due__lt=today)
    elif state == "published":
        rows = rows.filter(published_on__isnull=False)
    elif state == "late":
        rows = rows.filter(published_on__gt=F("publish_due"))
    if data.get("item"):
        rows = rows.filter(item=data["item"])
    page = Paginator(rows.order_by("-formed_on", "-id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    form = DisclosureForm(today=today, auto_id="id_new_%s")
    return render(
        request,
        "desk/disclosures.html",
        {
            "agency": agency,
            "page": page,
            "filter": filt,
            "form": form,
            "today": today,
            "query": f"{query.urlencode()}&" if query else "",
        },
    )


@require_POST
@scope.desk_required
def create(request: HttpRequest) -> HttpResponse:
    agency = scope.current_agency(request)
    form = DisclosureForm(request.POST, today=current_day())
    if not form.is_valid():
        messages.error(request, f"登记未保存：{first_error(form)}")
        return redirect(f"{_list_url()}?agency={agency.pk}")
    try:
        with transaction.atomic():
            row = service.record_disclosure(agency=agency, **form.cleaned_data)
            audit(request, "disclosure.record", f"登记主动公开信息：{row.title}", row, agency)
    except (LedgerError, ValidationError) as exc:
        messages.error(request, _message(exc))
        return redirect(f"{_list_url()}?agency={agency.pk}")
    messages.success(request, f"已登记“{row.title}”，应于 {row.publish_due:%Y年%m月%d日} 前公开")
    return redirect("desk:disclosure", pk=row.pk)


def _list_url() -> str:
    return reverse("desk:disclosures")


def _message(exc: Exception) -> str:
    if isinstance(exc, LedgerError):
        return exc.message
    if isinstance(exc, ValidationError):
        return "；".join(exc.messages)
    return str(exc)


def _get(request: HttpRequest, pk: int) -> ProactiveDisclosure:
    return get_object_or_404(scope.disclosures(request).select_related("agency"), pk=pk)


@scope.desk_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    row = _get(request, pk)
    today = current_day()
    return render(
        request,
        "desk/disclosure.html",
        {
            "row": row,
            "agency": row.agency,
            "reviews": row.reviews.select_related("reviewer"),
            "review_form": ReviewForm(today=today, auto_id="id_review_%s"),
            "publish_form": PublishForm(today=today, auto_id="id_publish_%s"),
        },
    )


@require_POST
@scope.desk_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    row = _get(request, pk)
    form = ReviewForm(request.POST, today=current_day())
    if not form.is_valid():
        messages.error(request, f"审查未保存：{first_error(form)}")
        return redirect("desk:disclosure", pk=row.pk)
    data = form.cleaned_data
    try:
        with transaction.atomic():
            done = service.add_review(
                row,
                step=data["step"],
                reviewer=staff_user(request),
                day=data["day"],
                approved=data["approved"],
                note=data["note"],
            )
            label = done.get_step_display()
            verdict = "同意公开" if done.approved else "不同意公开"
            audit(
                request, "disclosure.review", f"{label}（{verdict}）：{row.title}", row, row.agency
            )
    except (LedgerError, ValidationError) as exc:
        messages.error(request, _message(exc))
    else:
        messages.success(request, f"已记录{label}：{verdict}")
    return redirect("desk:disclosure", pk=row.pk)


@require_POST
@scope.desk_required
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    row = _get(request, pk)
    form = PublishForm(request.POST, today=current_day())
    if not form.is_valid():
        messages.error(request, f"公开未保存：{first_error(form)}")
        return redirect("desk:disclosure", pk=row.pk)
    try:
        with transaction.atomic():
            service.publish(row, day=form.cleaned_data["day"])
            audit(request, "disclosure.publish", f"公开：{row.title}", row, row.agency)
    except (LedgerError, ValidationError) as exc:
        messages.error(request, _message(exc))
    else:
        messages.success(request, f"已于 {row.published_on:%Y年%m月%d日} 公开“{row.title}”")
    return redirect("desk:disclosure", pk=row.pk)
