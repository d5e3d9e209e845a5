"""The annual report as one standalone HTML page: official tables, the six sections.

The page carries its own CSS (``templates/report.css`` inlined in a <style> element) and refers
to nothing outside itself: no scripts, no links, no web fonts. It is also the source of the PDF.

Built for reading back: the title is the first heading, ``发布日期：`` follows it, every label is
printed exactly as the layout spells it, one value per cell; a value cell spans columns only
where the official template does (a one-column item of table 二) and never spans rows. Each
value cell also names its record path in ``data-path``.

In print (the PDF), sections 三 and 四 go on A4 landscape pages with unbreakable cells, so that
each row of tables 三 and 四 is one line of text: its whole label, then its numbers.
"""

from __future__ import annotations

from functools import cache
from html import escape
from importlib import resources

from gongkai.layout import FORMATS, layout
from gongkai.record import Report

from ._grid import Cell, Grid, build_grid
from ._texts import (
    published_line,
    report_title,
    section_heading,
    section_paragraphs,
)

_CLASS = {"head": "head", "label": "label", "value": "num"}
# Sections printed on a landscape page, so that every row of their tables is one line of text.
_WIDE_TABLES = ("requests", "appeals")
_WIDE = ' class="wide"'


@cache
def report_css() -> str:
    return resources.files("gongkai.render.templates").joinpath("report.css").read_text("utf-8")


def render_html(report: Report) -> str:
    """The report as a complete HTML page (2021 or 2019 layout; "pre-2019": text only)."""
    title = report_title(report)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="generator" content="gongkai">',
        f'<meta name="ArticleTitle" content="{escape(title)}">',
        *(
            [f'<meta name="PubDate" content="{escape(report.published)}">']
            if report.published
            else []
        ),
        f"<title>{escape(title)}</title>",
        f"<style>\n{report_css()}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
    ]
    line = published_line(report)
    if line:
        parts.append(f'<p class="published">{escape(line)}</p>')
    parts.extend(_sections(report))
    parts.extend(["</body>", "</html>", ""])
    return "\n".join(parts)


def _sections(report: Report) -> list[str]:
    official = layout(report.format if report.format in FORMATS else "2021")
    tables = official.tables if report.format in FORMATS else ()
    out: list[str] = []
    for section in official.sections:
        own = [t for t in tables if t.section == section.number]
        wide = any(t.key in _WIDE_TABLES for t in own)
        out.append(f'<section data-section="{section.number}"{_WIDE if wide else ""}>')
        out.append(f"<h2>{escape(section_heading(section.number, section.title))}</h2>")
        texts = section_paragraphs(report, section.number)
        out.extend(f'<p class="text">{escape(p)}</p>' for p in texts)
        out.extend(table_html(build_grid(t, report.table(t.key))) for t in own)
        out.append("</section>")
    return out


def table_html(grid: Grid) -> str:
    """One official table as an HTML <table> with its row and column spans."""
    cols = "".join(
        f'<col class="label{i + 1}">' if i < grid.label_columns else '<col class="value">'
        for i in range(grid.width)
    )
    rows = "\n".join("<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in grid.rows)
    return (
        f'<table class="{grid.table}" data-table="{grid.table}">\n'
        f"<colgroup>{cols}</colgroup>\n{rows}\n</table>"
    )


def _cell(cell: Cell) -> str:
    classes = _CLASS[cell.kind]
    if cell.kind == "label" and cell.rowspan > 1:
        classes += " group"
    attrs = [f'class="{classes}"']
    if cell.rowspan > 1:
        attrs.append(f'rowspan="{cell.rowspan}"')
    if cell.colspan > 1:
        attrs.append(f'colspan="{cell.colspan}"')
    if cell.path:
        attrs.append(f'data-path="{cell.path}"')
    return f"<td {' '.join(attrs)}>{escape(cell.text)}</td>"
