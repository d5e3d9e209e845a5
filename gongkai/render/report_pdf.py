"""The annual report as PDF: the HTML page printed by WeasyPrint (A4, CJK font, page numbers)."""

from __future__ import annotations

from gongkai.record import Report

from ._pdf import html_to_pdf
from .report_html import render_html


def render_pdf(report: Report) -> bytes:
    """The report as a PDF; same content and order as ``render_html``."""
    return html_to_pdf(render_html(report))
