"""One reviewed report (tables with failing cells marked, source text beside), and two years
of one body compared."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from gongkai_web.review import compare, scope
from gongkai_web.review.charts import YearPoint, trend_chart
from gongkai_web.review.models import ReviewedReport
from gongkai_web.review.tables import marked_tables, source_hits


@scope.review_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_object_or_404(scope.reports(request), pk=pk)
    report = row.report()
    findings = row.finding_list()
    shown = findings
    focus = request.GET.get("finding", "")
    rule = request.GET.get("rule", "")
    if focus.isdigit() and int(focus) < len(findings):
        shown = [findings[int(focus)]]
    elif rule:
        shown = [f for f in findings if f.rule == rule]
    hits = source_hits(report, shown)
    lines = [(where, text, where in hits) for where, text in row.source_lines]
    years = (
        scope.reports(request)
        .filter(agency_name=row.agency_name)
        .exclude(pk=row.pk)
        .values_list("year", flat=True)
    )
    return render(
        request,
        "review/report.html",
        {
            "row": row,
            "report": report,
            "findings": list(enumerate(findings)),
            "focus": int(focus) if focus.isdigit() else None,
            "rule": rule,
            "tables": marked_tables(report, shown),
            "sections": [
                (n, report.section_titles.get(n, ""), text) for n, text in report.sections.items()
            ],
            "lines": lines,
            "other_years": sorted(y for y in years if y is not None),
        },
    )


def _pair(request: HttpRequest, name: str, year: str) -> ReviewedReport:
    if not year.isdigit():
        raise Http404("请选择年度")
    return get_object_or_404(scope.reports(request), agency_name=name, year=int(year))


@scope.review_required
def compare_years(request: HttpRequest) -> HttpResponse:
    name = request.GET.get("agency", "")
    rows = scope.reports(request).filter(agency_name=name).defer("source_text", "source_lines")
    available = sorted(r.year for r in rows if r.year is not None)
    if not available:
        raise Http404("没有这个机关的年度报告")
    a = request.GET.get("a") or str(available[-2] if len(available) > 1 else available[0])
    b = request.GET.get("b") or str(available[-1])
    before, after = _pair(request, name, a), _pair(request, name, b)
    lines = compare.lines(before.report(), after.report())
    return render(
        request,
        "review/compare.html",
        {
            "name": name,
            "available": available,
            "a": before,
            "b": after,
            "lines": [line for line in lines if line.before is not None or line.after is not None],
            "across": compare.across_years(before.report(), after.report()),
        },
    )


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


@scope.review_required
def chart_trend(request: HttpRequest) -> HttpResponse:
    name = request.GET.get("agency", "")
    rows = scope.reports(request).filter(agency_name=name, year__isnull=False).order_by("year")
    points = []
    for row in rows:
        report = row.report()
        points.append(
            YearPoint(
                row.year or 0,
                _number(report.get("requests.new_received.total")) if report.requests else 0.0,
                _number(report.get("requests.total.total")) if report.requests else 0.0,
                _number(report.get("requests.carried_forward.total")) if report.requests else 0.0,
            )
        )
    if not points:
        raise Http404("没有这个机关的年度报告")
    return HttpResponse(trend_chart(points, f"{name}依申请公开情况"), content_type="image/svg+xml")
