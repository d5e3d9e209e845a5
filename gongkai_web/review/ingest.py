"""Read, check and store reports for review: uploaded files and the ledger's generated reports.

A thin shell: ``gongkai.read`` makes the record, ``gongkai.reader.load`` gives the source text
shown beside it, ``gongkai.checks`` finds the problems — the same rules for scraped and
generated reports. A report is checked against the previous year's record of the same body
when the supervisor has it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q

import gongkai
from gongkai.checks import Finding, check
from gongkai.errors import GongkaiError
from gongkai.reader.load import load
from gongkai.record import Report
from gongkai_web.agencies.models import Agency
from gongkai_web.annual.record import generate_record
from gongkai_web.review.models import Origin, ReviewedReport
from gongkai_web.review.uploads import Incoming, Rejected

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Read:
    name: str
    report: Report
    lines: list[tuple[str, str]]  # (where, text) of the source


def read_one(item: Incoming) -> Read | Rejected:
    """The record and source lines of one file; a Chinese reason if it cannot be read."""
    try:
        report = gongkai.read(item.data, name=item.name)
        document = load(item.data, name=item.name)
    except GongkaiError as exc:
        return Rejected(item.name, exc.message)
    except Exception:  # a reader bug must not take the page down: report it and go on
        log.exception("reading %s failed", item.name)
        return Rejected(item.name, "读取时发生内部错误，已记录；请检查文件或联系系统管理员")
    return Read(item.name, report, [(line.where, line.text) for line in document.lines])


def counts(findings: list[Finding]) -> dict[str, int]:
    return {
        "errors": sum(1 for f in findings if f.severity == "error"),
        "warnings": sum(1 for f in findings if f.severity == "warning"),
        "infos": sum(1 for f in findings if f.severity == "info"),
    }


def _name(read: Read) -> str:
    return (read.report.agency or PurePosixPath(read.name).stem)[:200]


def previous_record(owner: Agency, agency_name: str, year: int | None) -> Report | None:
    if year is None:
        return None
    row = ReviewedReport.objects.filter(owner=owner, agency_name=agency_name, year=year - 1).first()
    return row.report() if row is not None else None


def _store(
    owner: Agency,
    *,
    agency_name: str,
    report: Report,
    lines: list[tuple[str, str]],
    origin: Origin,
    filename: str,
    user: User,
    agency: Agency | None,
) -> ReviewedReport:
    findings = check(report, previous=previous_record(owner, agency_name, report.year))
    row, _ = ReviewedReport.objects.update_or_create(
        owner=owner,
        agency_name=agency_name,
        year=report.year,
        defaults={
            "agency": agency,
            "origin": origin,
            "filename": filename,
            "record": report.to_dict(),
            "findings": [f.to_dict() for f in findings],
            "source_text": "\n".join(text for _, text in lines),
            "source_lines": [list(pair) for pair in lines],
            "added_by": user,
            **counts(findings),
        },
    )
    return row


def store_uploads(
    owner: Agency, reads: Iterable[Read], user: User, visible: Iterable[Agency]
) -> list[ReviewedReport]:
    """Store read reports, oldest year first (so each is checked against the one before)."""
    by_name = {a.name: a for a in visible}
    ordered = sorted(reads, key=lambda r: (r.report.year or 0, r.name))
    out = []
    with transaction.atomic():
        for read in ordered:
            name = _name(read)
            out.append(
                _store(
                    owner,
                    agency_name=name,
                    report=read.report,
                    lines=read.lines,
                    origin=Origin.UPLOAD,
                    filename=read.name,
                    user=user,
                    agency=by_name.get(name),
                )
            )
    return out


def _text_lines(report: Report) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    for number, text in report.sections.items():
        title = report.section_titles.get(number, "")
        lines.append((f"第{number}部分", f"{number}、{title}"))
        lines.extend((f"第{number}部分", para) for para in text.splitlines() if para.strip())
    return lines


def agencies_with_ledger(agencies: Iterable[Agency], year: int) -> list[Agency]:
    """The bodies among ``agencies`` that have a ledger for ``year`` (applications or report)."""
    ids = [a.pk for a in agencies]
    return list(
        Agency.objects.filter(pk__in=ids)
        .filter(Q(applications__received_on__year__lte=year) | Q(annual_reports__year=year))
        .distinct()
        .order_by("name")
    )


def import_generated(
    owner: Agency, agencies: Iterable[Agency], year: int, user: User
) -> list[ReviewedReport]:
    """Generate, check and store the reports of ``agencies`` for ``year`` (checked against the
    stored report of the year before, if any: import the earlier year first)."""
    out = []
    with transaction.atomic():
        for agency in agencies:
            report = generate_record(agency, year)
            out.append(
                _store(
                    owner,
                    agency_name=agency.name,
                    report=report,
                    lines=_text_lines(report),
                    origin=Origin.GENERATED,
                    filename="",
                    user=user,
                    agency=agency,
                )
            )
    return out
