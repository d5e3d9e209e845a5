"""The review table (one row per report) as CSV and XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

import xlsxwriter

from gongkai_web.review.models import ReviewedReport

HEADER = ("报告机关", "报告年度", "来源", "格式", "错误", "警告", "提示", "问题类型", "文件名")


def rows(reports: Iterable[ReviewedReport]) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for r in reports:
        kinds = sorted({str(f.get("kind", "")) for f in r.findings if f.get("result") == "fail"})
        out.append(
            (
                r.agency_name,
                r.year if r.year is not None else "",
                r.get_origin_display(),
                str(r.record.get("format") or ""),
                r.errors,
                r.warnings,
                r.infos,
                "、".join(kinds),
                r.filename,
            )
        )
    return out


def _safe(value: object) -> object:
    """Keep spreadsheet programs from running a cell as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(data: Sequence[tuple[object, ...]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for row in data:
        writer.writerow([_safe(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 correctly


def to_xlsx(data: Sequence[tuple[object, ...]]) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False})
    sheet = book.add_worksheet("年报审查")
    bold = book.add_format({"bold": True})
    sheet.write_row(0, 0, HEADER, bold)
    for i, row in enumerate(data, start=1):
        sheet.write_row(i, 0, row)
    sheet.set_column(0, 0, 28)
    sheet.set_column(7, 8, 40)
    book.close()
    return out.getvalue()
