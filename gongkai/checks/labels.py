"""Short Chinese names of tables, rows and columns for messages, derived from the layout labels."""

from __future__ import annotations

import re

from gongkai.layout import Layout, Row, Table

_MAX = 13


def table_name(table: Table) -> str:
    """表二、表三、表四: the tables are named after the section that prints them."""
    return f"表{table.section}"


def source_name(official: Layout) -> str:
    """The document that issued the layout, e.g. 国办公开办函〔2021〕30号格式."""
    head = official.source.split("《", 1)[0].strip()
    return f"{head}格式" if head else official.source


_ROW_NAMES: dict[int, tuple[Row, str]] = {}


def row_name(row: Row) -> str:
    """A row as a clerk finds it in the printed table.

    Examples: （七）总计, 本年新收, （三）不予公开 1.属于国家秘密.
    """
    cached = _ROW_NAMES.get(id(row))
    if cached is None or cached[0] is not row:
        cached = (row, _row_name(row))
        _ROW_NAMES[id(row)] = cached
    return cached[1]


def _row_name(row: Row) -> str:
    label = row.label
    if not (row.group and row.group.startswith("（")):
        label = re.sub(r"^[一二三四五六七八九十]+、", "", label)
    if len(label) > _MAX and row.aliases:
        ordinal = re.match(r"^(?:\d+[.、]|（[一二三四五六七八九十]+）)", label)
        label = (ordinal.group(0) if ordinal else "") + min(row.aliases, key=len)
    if row.group and row.group.startswith("（"):
        return f"{row.group} {label}"
    return label


def column_name(table: Table, key: str) -> str:
    for row in table.rows:
        for column in row.columns:
            if column.key == key:
                if table.key == "requests" and key == "other":
                    return "法人或其他组织·其他"
                return column.label
    return key


def cell_name(table: Table, row_key: str, column_key: str) -> str:
    """One cell: 表三“（七）总计”行“自然人”列."""
    return (
        f"{table_name(table)}“{row_name(table.row(row_key))}”行“{column_name(table, column_key)}”列"
    )
