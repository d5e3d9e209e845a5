"""The official tables of a reviewed report with the cells of its findings marked.

The tables are ``gongkai.render.render_html``'s: every value cell carries its record path in
``data-path`` (a documented property of that renderer) and all text is escaped there. Here the
cells whose path a finding names get the CSS class ``fail`` (or ``uncertain``), and the source
lines those cells were read from are marked too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.utils.safestring import SafeString, mark_safe

from gongkai.checks import Finding
from gongkai.record import Report
from gongkai.render import render_html

_BODY = re.compile(r"<body>(.*)</body>", re.S)
_CELL = re.compile(r'<td class="([^"]*)"([^>]*?) data-path="([^"]+)">')
_SECTION = re.compile(r"<section\b.*?</section>", re.S)


def failing_cells(findings: Sequence[Finding]) -> tuple[set[str], set[str]]:
    """(cells of failed findings, cells only of uncertain ones)."""
    fail = {c for f in findings if f.result == "fail" for c in f.cells}
    uncertain = {c for f in findings if f.result == "uncertain" for c in f.cells} - fail
    return fail, uncertain


def marked_tables(report: Report, findings: Sequence[Finding]) -> SafeString:
    """The report's official tables (with their section headings) as HTML, failing cells
    marked. The sections' text is shown elsewhere."""
    fail, uncertain = failing_cells(findings)
    match = _BODY.search(render_html(report))
    sections = _SECTION.findall(match.group(1) if match else "")
    body = "\n".join(
        re.sub(r'<p class="text">.*?</p>\n?', "", section, flags=re.S)
        for section in sections
        if "<table" in section
    )

    def mark(m: re.Match[str]) -> str:
        classes, rest, path = m.groups()
        if path in fail:
            classes += " fail"
        elif path in uncertain:
            classes += " uncertain"
        return f'<td class="{classes}"{rest} data-path="{path}">'

    # render_html escapes every text it prints; only class names are added here.
    return mark_safe(_CELL.sub(mark, body))


def source_hits(report: Report, findings: Sequence[Finding]) -> set[str]:
    """Where (``第12行``…) the cells of the failed findings were read."""
    fail, _ = failing_cells(findings)
    return {report.provenance[c].where for c in fail if c in report.provenance}
