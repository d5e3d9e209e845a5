"""The year's figures of one agency, read from the ledger in a handful of GROUP BY queries.

Counting rules (docs/domain.md):
- 新收: received this year. 上年结转: received before this year, still open on the previous
  31 December. 办理结果: closed (answered, withdrawn, abandoned) this year, by outcome.
  结转下年度: received by 31 December and still open then. With these rules
  新收 + 上年结转 = 办结 + 结转 holds per column by construction.
- Appeals: counted in the year filed, with the result as of 31 December (pending if undecided).
- Documents: issued / repealed this year; in force on 31 December.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, F, Q, Sum

from gongkai_web.agencies.models import Agency
from gongkai_web.annual.models import AnnualReport
from gongkai_web.ledger.choices import APPEAL_PENDING, EventKindChoice
from gongkai_web.ledger.models import (
    Appeal,
    Application,
    ApplicationEvent,
    DisclosureReview,
    MonthlyTally,
    ProactiveDisclosure,
    RegulatoryDocument,
)

Cells = dict[tuple[str, str], int]  # (row key, applicant column) -> count


@dataclass(frozen=True)
class Figures:
    agency: str
    year: int
    requests: Cells  # new_received, carried_over, carried_forward and outcome rows
    extended: int  # closed this year after an extension
    late: int  # answered this year after the due date
    appeals: dict[tuple[str, str], int]  # (kind, result as of 31 Dec) -> count
    documents: dict[tuple[str, str], int]  # (kind, issued/repealed/in_force) -> count
    decisions: dict[str, int]  # licensing, punishment, coercion
    fees_amount: Decimal  # 行政事业性收费, 万元
    disclosed: int  # published this year
    disclosed_timely: int
    disclosed_by_channel: dict[str, int] = field(default_factory=dict)
    reviews: dict[str, int] = field(default_factory=dict)  # step -> count this year
    processing_fees: Decimal = Decimal(0)  # 信息处理费, 元 (section 六)
    report: AnnualReport | None = None


def _requests(agency: Agency, start: date, end: date) -> tuple[Cells, int, int]:
    before = date(start.year - 1, 12, 31)
    closed_in_year = Q(answered_on__gte=start, answered_on__lte=end)
    rows = (
        Application.objects.filter(agency=agency, received_on__lte=end)
        .filter(Q(answered_on__isnull=True) | Q(answered_on__gt=before))
        .values("applicant_type", "outcome")
        .annotate(
            new=Count("id", filter=Q(received_on__gte=start)),
            carried=Count("id", filter=Q(received_on__lte=before)),
            forward=Count("id", filter=Q(answered_on__isnull=True) | Q(answered_on__gt=end)),
            closed=Count("id", filter=closed_in_year),
            extended=Count("id", filter=closed_in_year & Q(extended=True)),
            late=Count(
                "id",
                filter=closed_in_year & Q(status="answered", answered_on__gt=F("due_date")),
            ),
        )
        .order_by()
    )
    cells: Counter[tuple[str, str]] = Counter()
    extended = late = 0
    for row in rows:
        column = row["applicant_type"]
        cells["new_received", column] += row["new"]
        cells["carried_over", column] += row["carried"]
        cells["carried_forward", column] += row["forward"]
        if row["outcome"]:
            cells[row["outcome"], column] += row["closed"]
        extended += row["extended"]
        late += row["late"]
    return dict(cells), extended, late


def _appeals(agency: Agency, start: date, end: date) -> dict[tuple[str, str], int]:
    decided = Q(decided_on__isnull=False, decided_on__lte=end)
    rows = (
        Appeal.objects.filter(agency=agency, filed_on__gte=start, filed_on__lte=end)
        .values("kind", "result")
        .annotate(decided=Count("id", filter=decided), pending=Count("id", filter=~decided))
        .order_by()
    )
    out: Counter[tuple[str, str]] = Counter()
    for row in rows:
        out[row["kind"], row["result"]] += row["decided"]
        out[row["kind"], APPEAL_PENDING] += row["pending"]
    return dict(out)


def _documents(agency: Agency, start: date, end: date) -> dict[tuple[str, str], int]:
    rows = (
        RegulatoryDocument.objects.filter(agency=agency)
        .values("kind")
        .annotate(
            issued=Count("id", filter=Q(issued_on__gte=start, issued_on__lte=end)),
            repealed=Count("id", filter=Q(repealed_on__gte=start, repealed_on__lte=end)),
            in_force=Count(
                "id",
                filter=Q(issued_on__lte=end)
                & (Q(repealed_on__isnull=True) | Q(repealed_on__gt=end)),
            ),
        )
        .order_by()
    )
    out: dict[tuple[str, str], int] = {}
    for row in rows:
        for column in ("issued", "repealed", "in_force"):
            out[row["kind"], column] = row[column]
    return out


def _tallies(agency: Agency, year: int) -> tuple[dict[str, int], Decimal]:
    sums = MonthlyTally.objects.filter(agency=agency, year=year).aggregate(
        licensing=Sum("licensing"),
        punishment=Sum("punishment"),
        coercion=Sum("coercion"),
        fees=Sum("fees_amount"),
    )
    decisions = {k: int(sums[k] or 0) for k in ("licensing", "punishment", "coercion")}
    return decisions, Decimal(sums["fees"] or 0)


def _disclosures(agency: Agency, start: date, end: date) -> tuple[int, int, dict[str, int]]:
    rows = (
        ProactiveDisclosure.objects.filter(
            agency=agency, published_on__gte=start, published_on__lte=end
        )
        .values("channel")
        .annotate(n=Count("id"), on_time=Count("id", filter=Q(published_on__lte=F("publish_due"))))
        .order_by()
    )
    by_channel = {row["channel"]: row["n"] for row in rows}
    return sum(by_channel.values()), sum(row["on_time"] for row in rows), by_channel


def _reviews(agency: Agency, start: date, end: date) -> dict[str, int]:
    rows = (
        DisclosureReview.objects.filter(
            disclosure__agency=agency, reviewed_on__gte=start, reviewed_on__lte=end
        )
        .values("step")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {row["step"]: row["n"] for row in rows}


def _fees_paid(agency: Agency, start: date, end: date) -> Decimal:
    total = ApplicationEvent.objects.filter(
        application__agency=agency, kind=EventKindChoice.FEE_PAID, day__gte=start, day__lte=end
    ).aggregate(total=Sum("amount"))["total"]
    return Decimal(total or 0)


def collect(agency: Agency, year: int) -> Figures:
    start, end = date(year, 1, 1), date(year, 12, 31)
    requests, extended, late = _requests(agency, start, end)
    decisions, fees_amount = _tallies(agency, year)
    disclosed, timely, by_channel = _disclosures(agency, start, end)
    report = AnnualReport.objects.filter(agency=agency, year=year).first()
    if report is not None and report.processing_fees is not None:
        processing_fees = report.processing_fees
    else:
        processing_fees = _fees_paid(agency, start, end)
    return Figures(
        agency=agency.name,
        year=year,
        requests=requests,
        extended=extended,
        late=late,
        appeals=_appeals(agency, start, end),
        documents=_documents(agency, start, end),
        decisions=decisions,
        fees_amount=fees_amount,
        disclosed=disclosed,
        disclosed_timely=timely,
        disclosed_by_channel=by_channel,
        reviews=_reviews(agency, start, end),
        processing_fees=processing_fees,
        report=report,
    )
