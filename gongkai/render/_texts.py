"""Fixed report texts (data/report.json) and the formatting of values, titles and dates."""

from __future__ import annotations

import json
import math
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from gongkai.layout import Column
from gongkai.record import Report, Value


@cache
def report_texts() -> dict[str, Any]:
    """The header texts and title patterns of ``data/report.json``."""
    text = resources.files("gongkai.render.data").joinpath("report.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def text(key: str) -> str:
    value = report_texts()[key]
    if not isinstance(value, str):
        raise TypeError(f"report.json: {key} is not a string")
    return value


def format_value(value: Value, column: Column) -> str:
    """A cell value as printed: integers without decimals, amounts in plain notation.

    ``None`` is a blank cell. A float holding a whole number prints as an integer (a reader
    reads ``3`` back as 3, which equals 3.0). Other floats print in full, never rounded or in
    exponent notation: the fee amount stays "as printed" (``5949.088667``).
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        raise TypeError(f"not a cell value: {value!r} ({column.key})")
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        raise ValueError(f"not a printable cell value: {value!r} ({column.key})")
    if value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f")


def report_title(report: Report) -> str:
    """``<agency><year>年政府信息公开工作年度报告``; missing parts are left out."""
    title = text("title")
    if report.year is None:
        title = title.replace("{year}年", "")
    return title.format(agency=report.agency or "", year=report.year)


def published_line(report: Report) -> str | None:
    """``发布日期：YYYY-MM-DD`` when the record has a publication date."""
    if not report.published:
        return None
    return text("published").format(published=report.published)


def section_heading(number: str, title: str) -> str:
    return f"{number}、{title}"


def section_paragraphs(report: Report, number: str) -> list[str]:
    """The section's text split into paragraphs (one per non-blank line)."""
    body = report.sections.get(number) or ""
    return [line.strip() for line in body.splitlines() if line.strip()]


def chinese_date(day: date) -> str:
    """``2025年1月14日``, the form dates take in letters."""
    return f"{day.year}年{day.month}月{day.day}日"
