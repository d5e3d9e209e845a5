"""Export checked reports as tables: ``reports`` (one row per record, with finding counts),
``cells`` (long format: one row per table cell, with where and how it was read) and
``findings``.

Targets: an .xlsx workbook, a SQLite database, an NDJSON file (one line per record) or a
directory of CSV files. SQLite and NDJSON are resumable: files whose sha256 is already in the
target are skipped (``exported``); the workbook and the CSV files are written anew.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from gongkai.checks.batch import Checked

Target = Literal["xlsx", "sqlite", "ndjson", "csv"]

REPORT_COLUMNS = (
    "file", "sha256", "record", "agency", "year", "format", "published", "input_kind",
    "errors", "warnings", "infos", "uncertain", "previous",
)  # fmt: skip
CELL_COLUMNS = ("file", "sha256", "record", "path", "value", "how", "location", "raw")
FINDING_COLUMNS = (
    "file", "sha256", "record", "rule", "kind", "severity", "result", "cells", "message",
    "source", "basis", "from_reading",
)  # fmt: skip
TABLES: dict[str, tuple[str, ...]] = {
    "reports": REPORT_COLUMNS,
    "cells": CELL_COLUMNS,
    "findings": FINDING_COLUMNS,
}


def target_kind(path: Path) -> Target:
    """What to write, from the target's suffix; a directory (or no suffix) means CSV files."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return "xlsx"
    if suffix in (".sqlite", ".sqlite3", ".db"):
        return "sqlite"
    if suffix in (".ndjson", ".jsonl"):
        return "ndjson"
    if path.is_dir() or not suffix:
        return "csv"
    raise ValueError(
        f"无法识别导出格式“{suffix}”，请使用 .xlsx、.sqlite、.ndjson 或一个目录（CSV）"
    )


def report_row(item: Checked) -> dict[str, Any]:
    r = item.report
    count = {
        s: sum(1 for f in item.findings if f.severity == s) for s in ("error", "warning", "info")
    }
    return {
        "file": str(item.path),
        "sha256": item.digest,
        "record": item.index,
        "agency": r.agency,
        "year": r.year,
        "format": r.format,
        "published": r.published,
        "input_kind": r.input.kind,
        "errors": count["error"],
        "warnings": count["warning"],
        "infos": count["info"],
        "uncertain": sum(1 for f in item.findings if f.result == "uncertain"),
        "previous": str(item.previous) if item.previous else None,
    }


def cell_rows(item: Checked) -> list[dict[str, Any]]:
    out = []
    for path, value in item.report.cells():
        prov = item.report.provenance.get(path)
        out.append(
            {
                "file": str(item.path),
                "sha256": item.digest,
                "record": item.index,
                "path": path,
                "value": value,
                "how": prov.how if prov else None,
                "location": prov.where if prov else None,
                "raw": prov.raw if prov else None,
            }
        )
    return out


def finding_rows(item: Checked) -> list[dict[str, Any]]:
    out = []
    for f in item.findings:
        row = f.to_dict()
        row["cells"] = ",".join(f.cells)
        out.append({"file": str(item.path), "sha256": item.digest, "record": item.index, **row})
    return out


def rows(items: Iterable[Checked]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for item in items:
        out["reports"].append(report_row(item))
        out["cells"].extend(cell_rows(item))
        out["findings"].extend(finding_rows(item))
    return out


def exported(target: Path) -> set[str]:
    """sha256 of the files already in a resumable target (empty for new or other targets)."""
    if not target.exists():
        return set()
    kind = target_kind(target)
    if kind == "sqlite":
        db = sqlite3.connect(target)
        try:
            return {row[0] for row in db.execute("SELECT DISTINCT sha256 FROM reports")}
        except sqlite3.DatabaseError:
            return set()
        finally:
            db.close()
    if kind == "ndjson":
        done = set()
        for line in target.read_text("utf-8").splitlines():
            try:
                done.add(json.loads(line)["sha256"])
            except (json.JSONDecodeError, KeyError, TypeError):
                continue  # a line cut short by an interrupted run
        return done
    return set()


def write(target: Path, items: list[Checked]) -> None:
    """Write (or, for SQLite and NDJSON, add) the checked records to ``target``."""
    kind = target_kind(target)
    if kind == "ndjson":
        _ndjson(target, items)
    elif kind == "sqlite":
        _sqlite(target, items)
    elif kind == "xlsx":
        _xlsx(target, items)
    else:
        _csv(target, items)


def _ndjson(target: Path, items: list[Checked]) -> None:
    if target.exists():
        text = target.read_bytes()
        if text and not text.endswith(b"\n"):  # drop a line an interrupted run left half-written
            target.write_bytes(text[: text.rfind(b"\n") + 1])
    with target.open("a", encoding="utf-8") as out:
        for item in items:
            line = {
                **report_row(item),
                "cells": [
                    {k: v for k, v in c.items() if k in CELL_COLUMNS[3:]} for c in cell_rows(item)
                ],
                "findings": [f.to_dict() for f in item.findings],
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            out.flush()


def _sqlite(target: Path, items: list[Checked]) -> None:
    db = sqlite3.connect(target)
    try:
        for name, columns in TABLES.items():
            cols = ", ".join(f'"{c}"' for c in columns)
            db.execute(f'CREATE TABLE IF NOT EXISTS "{name}" ({cols})')
        for item in items:  # one transaction per record: an interrupted run resumes cleanly
            with db:
                for name, table_rows in rows([item]).items():
                    columns = TABLES[name]
                    marks = ", ".join("?" for _ in columns)
                    db.executemany(
                        f'INSERT INTO "{name}" VALUES ({marks})',
                        [tuple(_plain(r[c]) for c in columns) for r in table_rows],
                    )
    finally:
        db.close()


def _plain(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def _xlsx(target: Path, items: list[Checked]) -> None:
    import xlsxwriter  # lazy: only this target needs it

    workbook = xlsxwriter.Workbook(str(target))
    try:
        bold = workbook.add_format({"bold": True})
        for name, table_rows in rows(items).items():
            sheet = workbook.add_worksheet(name)
            columns = TABLES[name]
            sheet.write_row(0, 0, columns, bold)
            for i, row in enumerate(table_rows, start=1):
                sheet.write_row(i, 0, [_cell(row[c]) for c in columns])
            sheet.freeze_panes(1, 0)
    finally:
        workbook.close()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    return value


def _csv(target: Path, items: list[Checked]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name, table_rows in rows(items).items():
        # utf-8-sig: Excel opens the Chinese text correctly
        with (target / f"{name}.csv").open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=TABLES[name])
            writer.writeheader()
            writer.writerows({k: _plain(v) for k, v in row.items()} for row in table_rows)
