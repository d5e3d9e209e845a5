"""The report record: one published annual report as data (docs/report-json.md).

``Report`` is frozen. Tables are nested mappings ``table -> row -> column -> value`` keyed as in
the layout files; every other piece of information (sections' text, provenance, reading notes)
sits beside them in typed fields.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from gongkai.layout import FORMATS, TABLE_KEYS, layout

Value = int | float | None
TableData = dict[str, dict[str, Value]]
RecordFormat = Literal["2021", "2019", "pre-2019"]


class Provenance(NamedTuple):
    """Where a cell's value came from. (A tuple: a record holds a hundred of them.)

    ``where`` is a human-readable location in the source (第12行, 表格2第3行第4列, 第4页第7行);
    ``raw`` the text that was read; ``how`` says how the value was obtained when it was not
    simply read: ``"split"`` from a digit run, ``"forced_zero"`` by the table identities,
    ``"dash"`` for a printed /, — or 无.
    """

    where: str
    raw: str
    how: str = "read"
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"where": self.where, "raw": self.raw, "how": self.how}
        if self.line is not None:
            out["line"] = self.line
        return out


@dataclass(frozen=True)
class Note:
    """A reading note: something the reader saw and could not or would not turn into a value."""

    message: str  # Chinese, for the user
    path: str | None = None  # record path it concerns, if any
    where: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"message": self.message, "path": self.path, "where": self.where}


@dataclass(frozen=True)
class ExtraRow:
    table: str
    label: str
    values: tuple[Value, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"table": self.table, "label": self.label, "values": list(self.values)}


@dataclass(frozen=True)
class InputInfo:
    """What the reader detected about its input."""

    name: str | None = None
    kind: str | None = None  # text, html, docx, pdf, json
    encoding: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "encoding": self.encoding}


@dataclass(frozen=True)
class Report:
    format: RecordFormat | None
    agency: str | None = None
    year: int | None = None
    published: str | None = None
    active: TableData | None = None
    requests: TableData | None = None
    appeals: TableData | None = None
    extra_rows: tuple[ExtraRow, ...] = ()
    sections: dict[str, str] = field(default_factory=dict)  # 一…六 -> text as read
    section_titles: dict[str, str] = field(default_factory=dict)  # 一…六 -> heading as printed
    provenance: dict[str, Provenance] = field(default_factory=dict)  # path -> provenance
    notes: tuple[Note, ...] = ()
    input: InputInfo = field(default_factory=InputInfo)

    def table(self, key: str) -> TableData | None:
        if key not in TABLE_KEYS:
            raise KeyError(key)
        data: TableData | None = getattr(self, key)
        return data

    def get(self, path: str) -> Value:
        """The value at a record path such as ``requests.total.commercial``; None if absent."""
        table_key, row, column = _split_path(path)
        table: TableData | None = getattr(self, table_key)
        if table is None:
            return None
        return table.get(row, {}).get(column)

    def cells(self) -> list[tuple[str, Value]]:
        """Every (path, value) of the official tables, in printed order."""
        if self.format not in FORMATS:
            return []
        out: list[tuple[str, Value]] = []
        for path in layout(self.format).paths():
            out.append((path, self.get(path)))
        return out

    def to_dict(self, *, detail: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "format": self.format,
            "agency": self.agency,
            "year": self.year,
            "published": self.published,
            "active": self.active,
            "requests": self.requests,
            "appeals": self.appeals,
        }
        if self.extra_rows:
            out["extra_rows"] = [r.to_dict() for r in self.extra_rows]
        if detail:
            out["input"] = self.input.to_dict()
            out["sections"] = self.sections
            out["section_titles"] = self.section_titles
            out["notes"] = [n.to_dict() for n in self.notes]
            out["provenance"] = {k: v.to_dict() for k, v in self.provenance.items()}
        return out

    def to_json(self, *, indent: int | None = 1, detail: bool = True) -> str:
        return json.dumps(self.to_dict(detail=detail), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Build a record from its JSON form (as written by ``to_dict`` or by hand)."""
        fmt = data.get("format")
        if fmt not in (*FORMATS, "pre-2019", None):
            raise ValueError(f"unknown format {fmt!r}")
        tables: dict[str, TableData | None] = {}
        for key in TABLE_KEYS:
            raw = data.get(key)
            if raw is None:
                tables[key] = None
                continue
            if fmt in FORMATS:
                base = layout(fmt).empty_tables()[key]  # fill missing keys with null
                full: TableData = {row: dict(cols) for row, cols in base.items()}
            else:
                full = {}
            for row, cols in raw.items():
                if isinstance(cols, dict):
                    full.setdefault(row, {}).update({c: _value(v) for c, v in cols.items()})
            tables[key] = full
        prov = {
            k: Provenance(
                where=v.get("where", ""),
                raw=v.get("raw", ""),
                how=v.get("how", "read"),
                line=v.get("line"),
            )
            for k, v in (data.get("provenance") or {}).items()
        }
        raw_notes = data.get("notes") or ()
        if isinstance(raw_notes, str):
            raw_notes = [raw_notes]
        notes = tuple(
            Note(n)
            if isinstance(n, str)
            else Note(n.get("message", ""), n.get("path"), n.get("where"))
            for n in raw_notes
        )
        extra = tuple(
            ExtraRow(e["table"], e["label"], tuple(_value(v) for v in e.get("values", ())))
            for e in data.get("extra_rows") or ()
        )
        inp = data.get("input") or {}
        agency = data.get("agency", data.get("agency_contains"))
        return cls(
            format=fmt,
            agency=agency,
            year=data.get("year"),
            published=data.get("published"),
            active=tables["active"],
            requests=tables["requests"],
            appeals=tables["appeals"],
            extra_rows=extra,
            sections=dict(data.get("sections") or {}),
            section_titles=dict(data.get("section_titles") or {}),
            provenance=prov,
            notes=notes,
            input=InputInfo(inp.get("name"), inp.get("kind"), inp.get("encoding")),
        )


@lru_cache(maxsize=4096)
def _split_path(path: str) -> tuple[str, str, str]:
    parts = path.split(".")
    if len(parts) != 3 or parts[0] not in TABLE_KEYS:
        raise KeyError(path)
    return parts[0], parts[1], parts[2]


def _value(v: Any) -> Value:
    if v is None or v == "?":
        return None
    if isinstance(v, bool):
        raise ValueError(f"not a cell value: {v!r}")
    if isinstance(v, int | float):
        return v
    raise ValueError(f"not a cell value: {v!r}")
