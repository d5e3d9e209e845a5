"""The official report layouts as data.

The layouts live in ``layouts/layout-*.json``, one file per official format, each naming its
legal source. This module turns them into frozen objects that the reader, the checks, the
renderer and the ledger all use: nobody else spells out a row or a column.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any, Literal

FormatName = Literal["2021", "2019"]
FORMATS: tuple[FormatName, ...] = ("2021", "2019")
TABLE_KEYS = ("active", "requests", "appeals")


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "count"  # "count", "signed" (本年增/减) or "amount"
    unit: str | None = None


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    aliases: tuple[str, ...]
    columns: tuple[Column, ...]
    group: str | None = None  # the merged label printed before the row (三、本年度办理结果 …)
    item: str | None = None  # 第二十条第（x）项, for the rows of table 二

    @cached_property
    def column_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)


@dataclass(frozen=True)
class Identity:
    """A linear identity the layout implies between cells of one table.

    ``row_sum``: in each row, ``total`` = sum of ``columns``.
    ``column_sum``: in each column, row ``total`` = sum of ``rows``.
    ``balance``: in each column, sum of ``left`` rows = sum of ``right`` rows.
    """

    kind: Literal["row_sum", "column_sum", "balance"]
    parts: tuple[str, ...]
    total: tuple[str, ...]


Cell = tuple[str, str]  # (row key, column key)
IdentityInstance = tuple[tuple[Cell, ...], tuple[Cell, ...]]  # (part cells, total cells)


@dataclass(frozen=True)
class Table:
    key: str
    section: str
    title: str
    rows: tuple[Row, ...]
    identities: tuple[Identity, ...]
    title_aliases: tuple[str, ...] = ()
    # Header cells spanning several columns ("法人或其他组织" over five): (label, column keys).
    column_groups: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def row(self, key: str) -> Row:
        return self._by_key[key]

    @cached_property
    def _by_key(self) -> dict[str, Row]:
        return {r.key: r for r in self.rows}

    @cached_property
    def row_paths(self) -> dict[str, tuple[str, ...]]:
        """Each row's cell paths ("requests.granted.total", …), in column order."""
        return {r.key: tuple(f"{self.key}.{r.key}.{c.key}" for c in r.columns) for r in self.rows}

    @cached_property
    def _blank(self) -> dict[str, dict[str, int | float | None]]:
        return {r.key: dict.fromkeys(r.column_keys, None) for r in self.rows}

    @cached_property
    def row_keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.rows)

    @cached_property
    def identity_cells(self) -> tuple[tuple[Identity, IdentityInstance], ...]:
        """Every instance of every identity, as (identity, (part cells, total cells)).

        A row sum gives one instance per row, a column sum or balance one per column; a cell is
        (row key, column key).
        """
        out: list[tuple[Identity, IdentityInstance]] = []
        columns = self.rows[0].column_keys
        for ident in self.identities:
            if ident.kind == "row_sum":
                for r in self.rows:
                    parts = tuple((r.key, p) for p in ident.parts)
                    out.append((ident, (parts, ((r.key, ident.total[0]),))))
            else:
                for c in columns:
                    parts = tuple((r, c) for r in ident.parts)
                    out.append((ident, (parts, tuple((r, c) for r in ident.total))))
        return tuple(out)

    def blank(self) -> dict[str, dict[str, int | float | None]]:
        """The table's rows and columns with every cell null."""
        return {key: row.copy() for key, row in self._blank.items()}

    def paths(self) -> list[str]:
        """Every cell of the table as a record path, in printed order."""
        return list(self._paths)

    @cached_property
    def _paths(self) -> tuple[str, ...]:
        return tuple(f"{self.key}.{r.key}.{c.key}" for r in self.rows for c in r.columns)


@dataclass(frozen=True)
class Section:
    number: str
    title: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Layout:
    format: FormatName
    source: str
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def paths(self) -> list[str]:
        return [p for t in self.tables for p in t._paths]

    def empty_tables(self) -> dict[str, dict[str, dict[str, int | float | None]]]:
        """The tables of a record with every cell null."""
        return {t.key: t.blank() for t in self.tables}


def _row(data: dict[str, Any], columns: tuple[Column, ...], item: str | None = None) -> Row:
    return Row(
        key=data["key"],
        label=data["label"],
        aliases=tuple(data.get("aliases", ())),
        columns=columns,
        group=data.get("group"),
        item=item,
    )


def _columns(data: list[dict[str, Any]]) -> tuple[Column, ...]:
    return tuple(
        Column(key=c["key"], label=c["label"], kind=c.get("kind", "count"), unit=c.get("unit"))
        for c in data
    )


def _identities(table: dict[str, Any], rows: tuple[Row, ...]) -> tuple[Identity, ...]:
    out: list[Identity] = []
    for ident in table.get("identities", ()):
        kind = ident["kind"]
        if kind == "row_sum":
            out.append(Identity("row_sum", tuple(ident["columns"]), (ident["total"],)))
        elif kind == "column_sum":
            out.append(Identity("column_sum", tuple(ident["rows"]), (ident["total"],)))
        elif kind == "balance":
            out.append(Identity("balance", tuple(ident["left"]), tuple(ident["right"])))
        else:  # pragma: no cover - guarded by tests over the data files
            raise ValueError(f"unknown identity kind {kind!r}")
    return tuple(out)


def _table(data: dict[str, Any]) -> Table:
    rows: tuple[Row, ...]
    if "groups" in data:
        rows = tuple(
            _row(r, _columns(g["columns"]), item=g["item"])
            for g in data["groups"]
            for r in g["rows"]
        )
    else:
        columns = _columns(data["columns"])
        rows = tuple(_row(r, columns) for r in data["rows"])
    return Table(
        key=data["key"],
        section=data["section"],
        title=data["title"],
        rows=rows,
        identities=_identities(data, rows),
        title_aliases=tuple(data.get("title_aliases", ())),
        column_groups=tuple(
            (g["label"], tuple(g["columns"])) for g in data.get("column_groups", ())
        ),
    )


@cache
def layout(fmt: FormatName) -> Layout:
    """The official layout named ``fmt`` ("2021" or "2019")."""
    if fmt not in FORMATS:
        raise KeyError(f"unknown layout {fmt!r}; known: {', '.join(FORMATS)}")
    text = resources.files("gongkai.layouts").joinpath(f"layout-{fmt}.json").read_text("utf-8")
    data = json.loads(text)
    return Layout(
        format=fmt,
        source=data["source"],
        sections=tuple(
            Section(s["number"], s["title"], tuple(s.get("aliases", ()))) for s in data["sections"]
        ),
        tables=tuple(_table(t) for t in data["tables"]),
    )
