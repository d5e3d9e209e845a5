"""The annual report as DOCX, filled into the official blank template (2021 layout).

``templates/template-2021-blank.docx`` is the official blank Word template, copied unchanged.
Its title becomes ``<agency><year>年政府信息公开工作年度报告``, a ``发布日期：`` line follows when
the record has a date, the six headings are set from the layout, the ``（文字描述…）``
placeholders become the sections' paragraphs, and every table cell is written from the
layout's grid (labels included), keeping the template's fonts, borders and merges.

A table whose merges differ from the layout's grid (the 2019 layout's tables 二 and 三) is
rebuilt from the grid in the template's cell font. A "pre-2019" record has no official
tables: they are removed.
"""

from __future__ import annotations

from importlib import resources
from io import BytesIO

import docx
from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from gongkai.layout import FORMATS, FormatName, layout
from gongkai.record import Report

from ._docx_tables import build_table, fill_table
from ._docx_xml import clone_paragraph, paragraph_text, set_paragraph_text
from ._errors import RenderError
from ._grid import build_grid
from ._texts import (
    published_line,
    report_texts,
    report_title,
    section_heading,
    section_paragraphs,
)

_TEMPLATE_PACKAGE = "gongkai.render.templates"


def template_bytes() -> bytes:
    """The official blank template shipped with the package."""
    name = report_texts()["template"]["file"]
    return resources.files(_TEMPLATE_PACKAGE).joinpath(name).read_bytes()


def render_docx(report: Report) -> bytes:
    """The report as a DOCX document (bytes), following the official 2021 blank template."""
    document = docx.Document(BytesIO(template_bytes()))
    body = document.element.body
    _title(document, report)
    _sections(body, report)
    _tables(document, report)
    props = document.core_properties
    props.title = report_title(report)
    props.author = report.agency or ""
    props.last_modified_by = "gongkai"
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _paragraphs(body: etree._Element) -> list[etree._Element]:
    return list(body.iterchildren(qn("w:p")))


def _title(document: Document, report: Report) -> None:
    body = document.element.body
    for p in _paragraphs(body):
        if paragraph_text(p).strip():
            title = p
            break
        body.remove(p)  # empty lines before the title: the title is the first line
    else:  # pragma: no cover - the shipped template has a title
        raise RenderError("报告模板缺少标题段落，请检查 templates/ 下的模板文件")
    set_paragraph_text(title, report_title(report))
    line = published_line(report)
    if line:
        date_p = clone_paragraph(title, line)
        for rpr in date_p.iter(qn("w:rPr")):
            for tag in ("w:b", "w:bCs", "w:sz", "w:szCs"):
                for el in rpr.findall(qn(tag)):
                    rpr.remove(el)
        title.addnext(date_p)


def _sections(body: etree._Element, report: Report) -> None:
    official = layout(_layout_format(report))
    prefix: str = report_texts()["template"]["placeholder_prefix"]
    headings: list[tuple[str, etree._Element]] = []
    paragraphs = _paragraphs(body)
    start = 0
    for section in official.sections:
        for i in range(start, len(paragraphs)):
            if paragraph_text(paragraphs[i]).strip().startswith(f"{section.number}、"):
                set_paragraph_text(paragraphs[i], section_heading(section.number, section.title))
                headings.append((section.number, paragraphs[i]))
                start = i + 1
                break
        else:  # pragma: no cover - the shipped template has all six headings
            raise RenderError(f"报告模板缺少第{section.number}部分的标题，请检查模板文件")
    placeholders = {
        number: nxt
        for number, heading in headings
        if (nxt := heading.getnext()) is not None
        and nxt.tag == qn("w:p")
        and paragraph_text(nxt).strip().startswith(prefix)
    }
    proto = next(iter(placeholders.values()))
    for number, heading in headings:
        anchor = placeholders.get(number)
        texts = section_paragraphs(report, number)
        if anchor is not None:
            for text in texts:
                anchor.addprevious(clone_paragraph(anchor, text))
            body.remove(anchor)
        else:
            after = heading
            for text in texts:
                new = clone_paragraph(proto, text)
                after.addnext(new)
                after = new


def _tables(document: Document, report: Report) -> None:
    body = document.element.body
    tbls = list(body.iterchildren(qn("w:tbl")))
    if report.format not in FORMATS:
        for tbl in tbls:
            body.remove(tbl)
        return
    official = layout(_layout_format(report))
    if len(tbls) != len(official.tables):  # pragma: no cover - guarded by the template test
        raise RenderError("报告模板中的表格数量与官方格式不符，请检查模板文件")
    for tbl, table in zip(tbls, official.tables, strict=True):
        grid = build_grid(table, report.table(table.key))
        if not fill_table(tbl, grid):
            built = build_table(grid)
            tbl.addnext(built)
            body.remove(tbl)


def _layout_format(report: Report) -> FormatName:
    """The record's layout; a "pre-2019" record takes the 2021 headings (it has no tables)."""
    return "2019" if report.format == "2019" else "2021"
