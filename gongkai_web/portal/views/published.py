"""What the public may read: published annual reports and published proactive disclosures."""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from gongkai.render import render_html
from gongkai_web.agencies.models import Agency
from gongkai_web.annual.models import AnnualReport
from gongkai_web.annual.record import generate_record
from gongkai_web.ledger.models import ProactiveDisclosure
from gongkai_web.ledger.models.disclosure import Item

PAGE_SIZE = 50


def reports(request: HttpRequest) -> HttpResponse:
    rows = AnnualReport.objects.filter(published=True).select_related("agency")
    return render(request, "portal/reports.html", {"rows": rows.order_by("-year", "agency__name")})


def report(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_object_or_404(AnnualReport.objects.select_related("agency"), pk=pk, published=True)
    return HttpResponse(render_html(generate_record(row.agency, row.year)))


class DisclosureFilter(forms.Form):
    agency = forms.ModelChoiceField(
        label="机关", queryset=Agency.objects.order_by("name"), required=False, empty_label="全部"
    )
    item = forms.TypedChoiceField(
        label="公开事项",
        required=False,
        choices=[("", "全部"), *Item.choices],
        coerce=int,
        empty_value=None,
    )


def disclosures(request: HttpRequest) -> HttpResponse:
    rows = ProactiveDisclosure.objects.filter(published_on__isnull=False).select_related("agency")
    filt = DisclosureFilter(request.GET)
    if filt.is_valid():
        if filt.cleaned_data.get("agency"):
            rows = rows.filter(agency=filt.cleaned_data["agency"])
        if filt.cleaned_data.get("item"):
            rows = rows.filter(item=filt.cleaned_data["item"])
    page = Paginator(rows.order_by("-published_on", "-id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "portal/disclosures.html",
        {"page": page, "filter": filt, "query": f"{query.urlencode()}&" if query else ""},
    )
