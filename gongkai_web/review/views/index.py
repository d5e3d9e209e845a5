"""The supervisor's table (bodies × years), uploads, generated reports, exports, charts."""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from gongkai_web.audit.log import audit, staff_user
from gongkai_web.review import export, ingest, scope, uploads
from gongkai_web.review.charts import FindingCounts, findings_chart
from gongkai_web.review.ingest import Read
from gongkai_web.review.models import ReviewedReport
from gongkai_web.review.uploads import Rejected, UploadRefused
from gongkai_web.today import current_day

LIGHT = ("record", "findings", "source_text", "source_lines")


def _table(
    rows: QuerySet[ReviewedReport],
) -> tuple[list[int | None], list[tuple[str, list[ReviewedReport | None]]]]:
    by_name: dict[str, dict[int | None, ReviewedReport]] = defaultdict(dict)
    years: set[int | None] = set()
    for row in rows:
        by_name[row.agency_name][row.year] = row
        years.add(row.year)
    ordered = sorted(years, key=lambda y: (y is None, -(y or 0)))
    return ordered, [
        (name, [cells.get(y) for y in ordered]) for name, cells in sorted(by_name.items())
    ]


@scope.review_required
def index(request: HttpRequest) -> HttpResponse:
    rows = scope.reports(request).defer(*LIGHT)
    years, table = _table(rows)
    today = current_day()
    return render(
        request,
        "review/index.html",
        {
            "years": years,
            "table": table,
            "count": sum(1 for _ in rows),
            "owners": scope.owners(request),
            "import_years": range(today.year - 1, 2018, -1),
            "accept": uploads.ACCEPT,
            "limits": {
                "files": uploads.MAX_FILES,
                "file_mb": uploads.MAX_FILE // 1024 // 1024,
                "request_mb": uploads.MAX_REQUEST // 1024 // 1024,
            },
        },
    )


@csrf_exempt
def upload(request: HttpRequest) -> HttpResponse:
    """Refuse an oversize body before anything reads it (CSRF is checked right after)."""
    if request.method == "POST":
        try:
            uploads.check_request_size(int(request.META.get("CONTENT_LENGTH") or 0))
        except (UploadRefused, ValueError) as exc:
            return _refused(request, exc)
    return _upload(request)


def _refused(request: HttpRequest, exc: Exception) -> HttpResponse:
    message = exc.message if isinstance(exc, UploadRefused) else "上传请求有误"
    response = render(request, "review/refused.html", {"message": message}, status=413)
    response["Connection"] = "close"
    return response


@csrf_protect
@require_POST
@scope.review_required
def _upload(request: HttpRequest) -> HttpResponse:
    owner = scope.owner_from(request)
    files = request.FILES.getlist("files")
    if not files:
        messages.error(request, "请选择要上传的年度报告文件")
        return redirect("review:index")
    pairs: list[tuple[str, bytes]] = []
    rejected: list[Rejected] = []
    for f in files:
        name = f.name or "未命名"
        if (f.size or 0) > uploads.MAX_FILE and not name.lower().endswith(".zip"):
            rejected.append(
                Rejected(name, f"文件超过单个文件上限 {uploads.MAX_FILE // 1024 // 1024} MB")
            )
            continue
        pairs.append((name, f.read(uploads.MAX_REQUEST + 1)))
    try:
        good, refused = uploads.unpack(pairs)
    except UploadRefused as exc:
        messages.error(request, f"上传被拒绝：{exc.message}")
        return redirect("review:index")
    rejected += refused
    reads: list[Read] = []
    for item in good:
        result = ingest.read_one(item)
        if isinstance(result, Rejected):
            rejected.append(result)
        else:
            reads.append(result)
    stored = ingest.store_uploads(owner, reads, staff_user(request), scope.supervised(request))
    for row in stored:
        audit(request, "review.upload", f"上传并核查：{row}（{row.filename}）", row, owner)
    if stored:
        messages.success(request, f"已读取并核查 {len(stored)} 份报告")
    for r in rejected:
        messages.error(request, f"“{r.name}”未导入：{r.reason}")
    return redirect("review:index")


@require_POST
@scope.review_required
def import_generated(request: HttpRequest) -> HttpResponse:
    owner = scope.owner_from(request)
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        messages.error(request, "请选择报告年度")
        return redirect("review:index")
    agencies = ingest.agencies_with_ledger(scope.supervised(request), year)
    if not agencies:
        messages.info(request, f"所辖机关在台账中没有{year}年度的数据")
        return redirect("review:index")
    rows = ingest.import_generated(owner, agencies, year, staff_user(request))
    for row in rows:
        audit(request, "review.import", f"汇集台账生成的报告：{row}", row, owner)
    messages.success(request, f"已汇集并核查所辖 {len(rows)} 个机关的{year}年度报告")
    return redirect("review:index")


def _export_rows(request: HttpRequest) -> list[tuple[object, ...]]:
    return export.rows(scope.reports(request).defer("record", "source_text", "source_lines"))


@scope.review_required
def export_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        export.to_csv(_export_rows(request)), content_type="text/csv; charset=utf-8"
    )
    response.headers["Content-Disposition"] = content_disposition_header(True, "年报审查汇总.csv")
    return response


@scope.review_required
def export_xlsx(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        export.to_xlsx(_export_rows(request)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response.headers["Content-Disposition"] = content_disposition_header(True, "年报审查汇总.xlsx")
    return response


@scope.review_required
def chart_findings(request: HttpRequest) -> HttpResponse:
    rows = scope.reports(request).defer(*LIGHT)
    year = request.GET.get("year")
    if year and year.isdigit():
        rows = rows.filter(year=int(year))
    counts = [
        FindingCounts(f"{r.agency_name} {r.year or ''}", r.errors, r.warnings, r.infos)
        for r in rows.order_by("agency_name", "year")[:40]
    ]
    title = f"{year}年度报告核查结果" if year else "年度报告核查结果"
    return HttpResponse(findings_chart(counts, title), content_type="image/svg+xml")
