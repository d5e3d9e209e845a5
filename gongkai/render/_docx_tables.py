"""Official tables in DOCX: fill the template's table when its merges match the layout's grid,
otherwise build the table from the grid with the template's cell font (宋体, 10 pt)."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from ._docx_xml import set_cell_text, set_paragraph_text, table_shape
from ._grid import Cell, Grid

Slot = tuple[Cell | None, int, str | None]  # (cell or None for a continued merge, span, vMerge)


def grid_slots(grid: Grid) -> list[list[Slot]]:
    """What each Word row of ``grid`` holds: its cells and the continuations of merges above."""
    below: dict[int, tuple[int, int]] = {}  # column -> (rows still covered, colspan)
    out: list[list[Slot]] = []
    for row in grid.rows:
        cells = iter(row)
        slots: list[Slot] = []
        col = 0
        while col < grid.width:
            if col in below:
                left, span = below[col]
                slots.append((None, span, "continue"))
                if left == 1:
                    del below[col]
                else:
                    below[col] = (left - 1, span)
                col += span
                continue
            cell = next(cells)
            slots.append((cell, cell.colspan, "restart" if cell.rowspan > 1 else None))
            if cell.rowspan > 1:
                below[col] = (cell.rowspan - 1, cell.colspan)
            col += cell.colspan
        out.append(slots)
    return out


def shape_of(grid: Grid) -> list[list[tuple[int, str | None]]]:
    return [[(span, merge) for _, span, merge in row] for row in grid_slots(grid)]


def fill_table(tbl: etree._Element, grid: Grid) -> bool:
    """Write the grid's texts into a template table of the same shape; False if shapes differ."""
    if table_shape(tbl) != shape_of(grid):
        return False
    for tr, slots in zip(tbl.findall(qn("w:tr")), grid_slots(grid), strict=True):
        for tc, (cell, _, _) in zip(tr.findall(qn("w:tc")), slots, strict=True):
            if cell is not None:
                set_cell_text(tc, cell.text)
    return True


def build_table(grid: Grid, width_twips: int = 8306) -> etree._Element:
    """A new bordered table (w:tbl) with the grid's merges, in 宋体 10 pt like the template."""
    tbl = _el("w:tbl")
    tblpr = _el("w:tblPr")
    tblpr.append(_el("w:tblW", w=str(width_twips), type="dxa"))
    tblpr.append(_el("w:jc", val="center"))
    borders = _el("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{edge}", val="single", sz="8", space="0", color="000000"))
    tblpr.append(borders)
    tblpr.append(_el("w:tblLayout", type="fixed"))
    tbl.append(tblpr)
    widths = column_widths(grid, width_twips)
    tblgrid = _el("w:tblGrid")
    for width in widths:
        tblgrid.append(_el("w:gridCol", w=str(width)))
    tbl.append(tblgrid)
    for slots in grid_slots(grid):
        tr = _el("w:tr")
        col = 0
        for cell, span, merge in slots:
            tr.append(_tc(cell, span, merge, sum(widths[col : col + span])))
            col += span
        tbl.append(tr)
    return tbl


def column_widths(grid: Grid, total: int) -> list[int]:
    """Label columns share 30% of the width per column (at most 56%), values share the rest."""
    labels = min(0.3 * grid.label_columns, 0.56) * total
    values = total - labels
    label_width = int(labels / grid.label_columns) if grid.label_columns else 0
    value_width = int(values / (grid.width - grid.label_columns))
    return [label_width] * grid.label_columns + [value_width] * (grid.width - grid.label_columns)


def _tc(cell: Cell | None, span: int, merge: str | None, width: int) -> etree._Element:
    tc = _el("w:tc")
    tcpr = _el("w:tcPr")
    tcpr.append(_el("w:tcW", w=str(width), type="dxa"))
    if span > 1:
        tcpr.append(_el("w:gridSpan", val=str(span)))
    if merge == "restart":
        tcpr.append(_el("w:vMerge", val="restart"))
    elif merge == "continue":
        tcpr.append(_el("w:vMerge"))
    tcpr.append(_el("w:vAlign", val="center"))
    tc.append(tcpr)
    p = _el("w:p")
    ppr = _el("w:pPr")
    ppr.append(_el("w:jc", val="left" if cell is not None and cell.kind == "label" else "center"))
    p.append(ppr)
    tc.append(p)
    if cell is not None and cell.text:
        rpr = _el("w:rPr")
        rpr.append(_el("w:rFonts", ascii="宋体", hAnsi="宋体", eastAsia="宋体", cs="宋体"))
        if cell.kind == "head":
            rpr.append(_el("w:b"))
        rpr.append(_el("w:sz", val="20"))
        rpr.append(_el("w:szCs", val="20"))
        set_paragraph_text(p, cell.text, rpr)
    return tc


def _el(tag: str, **attrs: str) -> etree._Element:
    el: etree._Element = OxmlElement(tag)
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    return el


__all__ = ["build_table", "fill_table", "grid_slots", "shape_of"]
