"""Low-level WordprocessingML helpers shared by the DOCX renderers (report and letters)."""

from __future__ import annotations

from copy import deepcopy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

W14_IDS = (
    "{http://schemas.microsoft.com/office/word/2010/wordml}paraId",
    "{http://schemas.microsoft.com/office/word/2010/wordml}textId",
)


def paragraph_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def run_properties(p: etree._Element) -> etree._Element | None:
    """The formatting of the paragraph's first run, else of its paragraph mark."""
    for r in p.iter(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        if rpr is not None:
            return rpr
    ppr = p.find(qn("w:pPr"))
    return None if ppr is None else ppr.find(qn("w:rPr"))


def set_paragraph_text(p: etree._Element, text: str, rpr: etree._Element | None = None) -> None:
    """Replace the paragraph's content by one run holding ``text``, keeping its formatting.

    The new run takes ``rpr`` if given, else the formatting of the paragraph's first run (or
    of its paragraph mark), so the template's fonts and sizes survive the fill.
    """
    proto = rpr if rpr is not None else run_properties(p)
    proto = None if proto is None else deepcopy(proto)
    for child in list(p):
        if child.tag != qn("w:pPr"):
            p.remove(child)
    if not text:
        return
    run = OxmlElement("w:r")
    if proto is not None:
        proto.tag = qn("w:rPr")  # a paragraph mark's rPr has the same element name
        run.append(proto)
    t = OxmlElement("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    p.append(run)


_BREAKS = {qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:tab"): "\t"}


def cell_text(tc: etree._Element) -> str:
    """A cell's text as Word shows it: line breaks and paragraphs as newlines."""
    lines = []
    for p in tc.findall(qn("w:p")):
        parts = []
        for el in p.iter(qn("w:t"), qn("w:br"), qn("w:cr"), qn("w:tab")):
            parts.append(el.text or "" if el.tag == qn("w:t") else _BREAKS[el.tag])
        lines.append("".join(parts))
    return "\n".join(lines)


def set_cell_text(tc: etree._Element, text: str) -> None:
    """Put ``text`` as the only paragraph of a table cell, in the cell's own formatting.

    A cell that already reads exactly ``text`` is left alone, keeping mixed formatting such as
    the template's 楷体 note inside （二）部分公开.
    """
    if cell_text(tc) == text:
        return
    paragraphs = tc.findall(qn("w:p"))
    if not paragraphs:
        p = OxmlElement("w:p")
        tc.append(p)
        paragraphs = [p]
    for extra in paragraphs[1:]:
        tc.remove(extra)
    set_paragraph_text(paragraphs[0], text)


def clone_paragraph(p: etree._Element, text: str) -> etree._Element:
    """A copy of paragraph ``p`` (formatting included) holding ``text``."""
    copy = deepcopy(p)
    for name in W14_IDS:
        if name in copy.attrib:
            del copy.attrib[name]
    set_paragraph_text(copy, text)
    return copy


def tc_span(tc: etree._Element) -> tuple[int, str | None]:
    """(gridSpan, vMerge) of a table cell; vMerge is None, "restart" or "continue"."""
    tcpr = tc.find(qn("w:tcPr"))
    span, merge = 1, None
    if tcpr is not None:
        gs = tcpr.find(qn("w:gridSpan"))
        if gs is not None:
            span = int(gs.get(qn("w:val"), "1"))
        vm = tcpr.find(qn("w:vMerge"))
        if vm is not None:
            merge = vm.get(qn("w:val")) or "continue"
    return span, merge


def table_shape(tbl: etree._Element) -> list[list[tuple[int, str | None]]]:
    """The merge structure of a table: per row, (gridSpan, vMerge) of each cell."""
    return [[tc_span(tc) for tc in tr.findall(qn("w:tc"))] for tr in tbl.findall(qn("w:tr"))]
