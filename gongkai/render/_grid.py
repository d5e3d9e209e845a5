"""The official tables as grids of cells with row and column spans, built from the layout.

Every renderer draws a table from the same ``Grid``: HTML writes it out with rowspan/colspan,
the DOCX renderer checks it against the official template's merges and fills the template's
cells. Row labels, column labels and group headers come from ``gongkai.layout``; the few header
texts the layout does not carry (申请人情况, 法人或其他组织, 信息内容, the balance note) come from
``data/report.json``.

Shapes (as in the official 2021 template and the 2019 trial format):

* 二: per 第二十条 item a full-width item row, a 信息内容 header row, then its rows.
* 三: a 3-column label block (group, sub-group, label) beside seven applicant columns under
  申请人情况 (自然人 · 法人或其他组织 [five] · 总计).
* 四: one data row; the layout's rows become column blocks (行政复议 · 行政诉讼 › 未经复议直接起诉,
  复议后起诉), the parent taken from the label before ``·``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Literal

from gongkai.layout import Column, Row, Table
from gongkai.record import TableData

from ._texts import format_value, text

CellKind = Literal["head", "label", "value"]


@dataclass(frozen=True)
class Cell:
    text: str
    kind: CellKind
    rowspan: int = 1
    colspan: int = 1
    path: str | None = None  # record path of a value cell, e.g. "requests.total.other"


@dataclass(frozen=True)
class Grid:
    table: str
    width: int
    label_columns: int  # how many columns on the left hold labels rather than values
    rows: tuple[tuple[Cell, ...], ...]  # each row lists the cells that start in it

    def values(self) -> list[Cell]:
        return [c for row in self.rows for c in row if c.kind == "value"]


def build_grid(table: Table, data: TableData | None) -> Grid:
    """The grid of ``table`` (a layout table) holding the values of ``data`` (None: all blank)."""
    if table.key == "active":
        return _active(table, data)
    if table.key == "requests":
        return _requests(table, data)
    if table.key == "appeals":
        return _appeals(table, data)
    raise KeyError(f"no grid shape for table {table.key!r}")


def _value(table: Table, data: TableData | None, row: Row, column: Column, span: int = 1) -> Cell:
    raw = (data or {}).get(row.key, {}).get(column.key)
    return Cell(
        format_value(raw, column),
        "value",
        colspan=span,
        path=f"{table.key}.{row.key}.{column.key}",
    )


def _spans(count: int, width: int) -> list[int]:
    """Spread ``count`` columns over ``width`` slots: the last column takes what is left."""
    return [1] * (count - 1) + [width - count + 1]


def _active(table: Table, data: TableData | None) -> Grid:
    slots = max(len(r.columns) for r in table.rows)
    out: list[tuple[Cell, ...]] = []
    for item, group_rows in groupby(table.rows, key=lambda r: (r.item, r.column_keys)):
        rows = list(group_rows)
        columns = rows[0].columns
        spans = _spans(len(columns), slots)
        out.append((Cell(item[0] or "", "head", colspan=slots + 1),))
        out.append(
            (
                Cell(text("active_content_header"), "head"),
                *(Cell(c.label, "head", colspan=s) for c, s in zip(columns, spans, strict=True)),
            )
        )
        for row in rows:
            out.append(
                (
                    Cell(row.label, "label"),
                    *(_value(table, data, row, c, s) for c, s in zip(columns, spans, strict=True)),
                )
            )
    return Grid(table.key, slots + 1, 1, tuple(out))


def _requests(table: Table, data: TableData | None) -> Grid:
    columns = table.rows[0].columns
    first, middle, last = columns[0], columns[1:-1], columns[-1]
    out: list[tuple[Cell, ...]] = [
        (
            Cell(text("requests_balance_note"), "head", rowspan=3, colspan=3),
            Cell(text("requests_applicants_header"), "head", colspan=len(columns)),
        ),
        (
            Cell(first.label, "head", rowspan=2),
            Cell(text("requests_organisations_header"), "head", colspan=len(middle)),
            Cell(last.label, "head", rowspan=2),
        ),
        tuple(Cell(c.label, "head") for c in middle),
    ]
    grouped = [r for r in table.rows if r.group is not None]
    outer = grouped[0].group if grouped else None
    seen: set[str] = set()
    for row in table.rows:
        labels: list[Cell] = []
        if row.group is None:
            labels.append(Cell(row.label, "label", colspan=3))
        else:
            if outer is not None and outer not in seen:
                labels.append(Cell(outer, "label", rowspan=len(grouped)))
                seen.add(outer)
            if row.group == outer:
                labels.append(Cell(row.label, "label", colspan=2))
            else:
                if row.group not in seen:
                    size = sum(1 for r in table.rows if r.group == row.group)
                    labels.append(Cell(row.group, "label", rowspan=size))
                    seen.add(row.group)
                labels.append(Cell(row.label, "label"))
        out.append((*labels, *(_value(table, data, row, c) for c in row.columns)))
    return Grid(table.key, 3 + len(columns), 3, tuple(out))


def _appeals(table: Table, data: TableData | None) -> Grid:
    sep = text("appeals_label_separator")
    parts = [r.label.split(sep, 1) for r in table.rows]
    nested = any(len(p) == 2 for p in parts)
    depth = 3 if nested else 2
    top: list[Cell] = []
    for parent, block in groupby(zip(table.rows, parts, strict=True), key=lambda rp: rp[1][0]):
        top.append(Cell(parent, "head", colspan=sum(len(r.columns) for r, _ in block)))
    middle: list[Cell] = []
    bottom: list[Cell] = []
    for row, part in zip(table.rows, parts, strict=True):
        if len(part) == 2:
            middle.append(Cell(part[1], "head", colspan=len(row.columns)))
            bottom.extend(Cell(c.label, "head") for c in row.columns)
        else:
            middle.extend(Cell(c.label, "head", rowspan=depth - 1) for c in row.columns)
    values = tuple(_value(table, data, r, c) for r in table.rows for c in r.columns)
    rows = [tuple(top), tuple(middle)] + ([tuple(bottom)] if nested else []) + [values]
    return Grid(table.key, len(values), 0, tuple(rows))
