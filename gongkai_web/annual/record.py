"""Turn a year's ``Figures`` into the report record (2021 layout) — pure."""

from __future__ import annotations

from decimal import Decimal

from gongkai.layout import layout
from gongkai.record import Report, TableData, Value
from gongkai_web.agencies.models import Agency
from gongkai_web.annual.figures import Figures, collect
from gongkai_web.annual.narrative import other_matters, overview, problems

LAYOUT = layout("2021")


def _number(amount: Decimal) -> Value:
    value = amount.quantize(Decimal("0.0001")).normalize()
    return int(value) if value == value.to_integral_value() else float(value)


def requests_table(f: Figures) -> TableData:
    table = LAYOUT.table("requests")
    sums = next(i for i in table.identities if i.kind == "column_sum")
    columns = [c.key for c in table.rows[0].columns if c.key != "total"]
    out: TableData = {}
    for row in table.rows:
        if row.key == "total":
            continue
        cells: dict[str, Value] = {c: f.requests.get((row.key, c), 0) for c in columns}
        out[row.key] = cells
    out["total"] = {c: sum(int(out[r][c] or 0) for r in sums.parts) for c in columns}
    for cells in out.values():
        cells["total"] = sum(int(cells[c] or 0) for c in columns)
    return {row.key: out[row.key] for row in table.rows}  # printed order


def appeals_table(f: Figures) -> TableData:
    table = LAYOUT.table("appeals")
    out: TableData = {}
    for row in table.rows:
        cells: dict[str, Value] = {
            c.key: f.appeals.get((row.key, c.key), 0) for c in row.columns if c.key != "total"
        }
        cells["total"] = sum(int(v or 0) for v in cells.values())
        out[row.key] = cells
    return out


def active_table(f: Figures) -> TableData:
    out: TableData = {}
    for row in LAYOUT.table("active").rows:
        if "in_force" in row.column_keys:
            out[row.key] = {c: f.documents.get((row.key, c), 0) for c in row.column_keys}
        elif row.key == "fees":
            out[row.key] = {"amount": _number(f.fees_amount)}
        else:
            out[row.key] = {"decisions": f.decisions.get(row.key, 0)}
    return out


def build_record(f: Figures) -> Report:
    published = None
    if f.report is not None and f.report.published and f.report.published_on:
        published = f.report.published_on.isoformat()
    requests = requests_table(f)
    # Sections 二–四 are the tables: present (their headings print), no text of their own.
    sections = {
        "一": overview(f, requests),
        "二": "",
        "三": "",
        "四": "",
        "五": problems(f),
        "六": other_matters(f),
    }
    return Report(
        format="2021",
        agency=f.agency,
        year=f.year,
        published=published,
        active=active_table(f),
        requests=requests,
        appeals=appeals_table(f),
        sections=sections,
        section_titles={s.number: s.title for s in LAYOUT.sections},
    )


def generate_record(agency: Agency, year: int) -> Report:
    """The full 2021-layout record of ``agency`` for ``year``, from the ledger."""
    return build_record(collect(agency, year))
