"""The annual report at the desk: preview in the official layout, sections 五 and 六, the
checker's findings on the generated record, downloads, publication."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from gongkai.checks import check
from gongkai.record import Report
from gongkai.render import render_docx, render_html, render_json, render_pdf
from gongkai_web.agencies.models import Agency
from gongkai_web.annual.models import AnnualReport
from gongkai_web.annual.record import generate_record
from gongkai_web.audit.log import audit
from gongkai_web.desk import scope
from gongkai_web.desk.forms import first_error
from gongkai_web.today import current_day

FIRST_YEAR = 2019  # reports on 2019 onwards follow the official formats (国办公开办函〔2019〕60号)
DOWNLOADS = {
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "json": "application/json; charset=utf-8",
}


class SectionsForm(forms.ModelForm[AnnualReport]):
    class Meta:
        model = AnnualReport
        fields = ("problems", "processing_fees", "proposals", "other_matters")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, rows in (("problems", 6), ("proposals", 3), ("other_matters", 3)):
            self.fields[name].widget.attrs["rows"] = rows

    def clean_processing_fees(self) -> Decimal | None:
        value: Decimal | None = self.cleaned_data.get("processing_fees")
        if value is not None and value < 0:
            raise forms.ValidationError("信息处理费金额不能为负数")
        return value


def _year(raw: Any, today: date) -> int:
    try:
        year = int(raw)
    except (TypeError, ValueError):
        raise Http404("年度有误") from None
    if not FIRST_YEAR <= year <= today.year:
        raise Http404(f"年度应在 {FIRST_YEAR} 年至 {today.year} 年之间")
    return year


def _agency(request: HttpRequest, pk: int) -> Agency:
    return get_object_or_404(scope.desk_agencies(request), pk=pk)


def _page_url(agency: Agency, year: int) -> str:
    return f"{reverse('desk:annual')}?agency={agency.pk}&year={year}"


@scope.desk_required
def annual(request: HttpRequest) -> HttpResponse:
    agency = scope.current_agency(request)
    today = current_day()
    year = _year(request.GET.get("year", today.year - 1), today)
    record = generate_record(agency, year)
    previous = generate_record(agency, year - 1) if year > FIRST_YEAR else None
    findings = check(record, previous=previous)
    report = scope.annual_reports(request).filter(agency=agency, year=year).first()
    form = SectionsForm(instance=report or AnnualReport(agency=agency, year=year))
    return render(
        request,
        "desk/annual.html",
        {
            "agency": agency,
            "year": year,
            "years": range(today.year, FIRST_YEAR - 1, -1),
            "findings": findings,
            "errors": sum(1 for f in findings if f.failed_error),
            "report": report,
            "form": form,
            "is_head": scope.is_head(request, agency),
        },
    )


def _record(request: HttpRequest, agency_pk: int, year: int) -> tuple[Agency, Report]:
    agency = _agency(request, agency_pk)
    return agency, generate_record(agency, _year(year, current_day()))


@xframe_options_sameorigin
@scope.desk_required
def preview(request: HttpRequest, agency_pk: int, year: int) -> HttpResponse:
    _, record = _record(request, agency_pk, year)
    return HttpResponse(render_html(record), content_type=DOWNLOADS["html"])


@scope.desk_required
def download(request: HttpRequest, agency_pk: int, year: int, fmt: str) -> HttpResponse:
    if fmt not in DOWNLOADS:
        raise Http404("不支持的格式")
    agency, record = _record(request, agency_pk, year)
    content: bytes | str
    if fmt == "html":
        content = render_html(record)
    elif fmt == "docx":
        content = render_docx(record)
    elif fmt == "pdf":
        content = render_pdf(record)
    else:
        content = render_json(record)
    response = HttpResponse(content, content_type=DOWNLOADS[fmt])
    name = f"{agency.name}{year}年政府信息公开工作年度报告.{fmt}"
    response.headers["Content-Disposition"] = content_disposition_header(True, name)
    return response


@require_POST
@scope.desk_required
def edit(request: HttpRequest, agency_pk: int, year: int) -> HttpResponse:
    agency = _agency(request, agency_pk)
    year = _year(year, current_day())
    current = scope.annual_reports(request).filter(agency=agency, year=year).first()
    form = SectionsForm(request.POST, instance=current or AnnualReport(agency=agency, year=year))
    if not form.is_valid():
        messages.error(request, f"未保存：{first_error(form)}")
        return redirect(_page_url(agency, year))
    with transaction.atomic():
        saved = form.save()
        audit(request, "annual.edit", f"修改{year}年度报告第五、六部分", saved, agency)
    messages.success(request, f"已保存{year}年度报告第五、六部分")
    return redirect(_page_url(agency, year))


@require_POST
@scope.desk_required
def publish(request: HttpRequest, agency_pk: int, year: int) -> HttpResponse:
    agency = _agency(request, agency_pk)
    today = current_day()
    year = _year(year, today)
    if not scope.is_head(request, agency):
        messages.error(request, "年度报告须经政务公开工作机构负责人审核后发布，请由负责人操作")
        return redirect(_page_url(agency, year))
    if year >= today.year:
        messages.error(request, f"{year}年尚未结束，不能发布该年度的年度报告")
        return redirect(_page_url(agency, year))
    with transaction.atomic():
        report, _ = AnnualReport.objects.get_or_create(agency=agency, year=year)
        if report.published:
            messages.info(request, f"{year}年度报告已于 {report.published_on} 发布")
            return redirect(_page_url(agency, year))
        report.published = True
        report.published_on = today
        report.save(update_fields=["published", "published_on"])
        audit(request, "annual.publish", f"发布{year}年度报告", report, agency)
    messages.success(request, f"已发布{agency.name}{year}年度报告")
    return redirect(_page_url(agency, year))
