"""Records the render tests draw (the seeds' expected records and a few made-up ones).

Other test_render_* modules import ``samples()`` from here; the tests below check that the
made-up records are what the layouts allow, so the renderer tests exercise real shapes.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from gongkai.layout import FORMATS, layout
from gongkai.record import Report

SEEDS = Path(__file__).parent / "fixtures" / "seeds"

SECTIONS = {
    "一": "本年度，本机关坚持以公开为常态、不公开为例外。\n全年主动公开政府信息1234条。",
    "二": "本年度主动公开情况见下表。",
    "三": "本年度共收到政府信息公开申请12件。",
    "四": "本年度未发生因政府信息公开引起的行政复议、行政诉讼。",
    "五": "一是公开内容不够全面。\n二是解读形式较为单一。\n下一步，我们将加强培训。",
    "六": "本年度未收取信息处理费。",
}


def seeds() -> list[Report]:
    out = []
    for path in sorted(SEEDS.glob("*.expected.json")):
        out.append(Report.from_dict(json.loads(path.read_text("utf-8"))))
    return out


def _full(fmt: str, fill: int) -> dict[str, dict[str, dict[str, int | float | None]]]:
    official = layout(fmt)
    tables = official.empty_tables()
    out: dict[str, dict[str, dict[str, int | float | None]]] = {}
    for key, rows in tables.items():
        out[key] = {r: dict.fromkeys(cols, fill) for r, cols in rows.items()}
    return out


def made_up_2021() -> Report:
    """A 2021 record with every kind of value: large counts, an amount, blank cells."""
    t = _full("2021", 0)
    t["active"]["normative_documents"] = {"issued": 77, "repealed": 132, "in_force": 470}
    t["active"]["licensing"]["decisions"] = 3985758
    t["active"]["punishment"]["decisions"] = 2629
    t["active"]["fees"]["amount"] = 5949.088667
    t["active"]["coercion"]["decisions"] = None  # a blank cell
    req = t["requests"]
    req["new_received"].update(natural_person=80, commercial=1, research=6, legal_service=4)
    req["new_received"]["total"] = 91
    req["granted"].update(natural_person=22, total=22)
    req["partially_granted"].update(natural_person=19, commercial=1, total=20)
    # blank cells that no identity forces to 0 (their row and column totals are not 0)
    req["unavailable_not_held"].update(natural_person=30, research=None, legal_service=None)
    req["unavailable_not_held"]["total"] = 40
    req["other_other"].update(natural_person=9, total=9)
    req["total"].update(natural_person=80, commercial=1, research=6, legal_service=4, total=91)
    t["appeals"]["review"].update(upheld=1, corrected=1, total=2)
    t["appeals"]["litigation_direct"].update(upheld=4, pending=1, total=5)
    return Report(
        format="2021",
        agency="平潭综合实验区管委会",
        year=2023,
        published="2024-03-08",
        active=t["active"],
        requests=t["requests"],
        appeals=t["appeals"],
        sections=dict(SECTIONS),
    )


def made_up_2019() -> Report:
    """A 2019 record: signed 本年增/减, the 政府集中采购 amount, the single （六）其他处理 row."""
    t = _full("2019", 0)
    t["active"]["normative_documents"] = {"made": 89, "published": 89, "total_published": 89}
    t["active"]["licensing"] = {"previous_items": 396, "change": -3, "decisions": 181}
    t["active"]["punishment"] = {"previous_items": 2648, "change": 12, "decisions": 430}
    t["active"]["procurement"] = {"items": 135, "amount": 75394432.52}
    req = t["requests"]
    req["new_received"].update(natural_person=23, total=23)
    req["granted"].update(natural_person=7, total=7)
    req["unavailable_not_held"].update(natural_person=7, total=7)
    req["other"].update(natural_person=9, total=9)
    req["total"].update(natural_person=23, total=23)
    return Report(
        format="2019",
        agency="平潭综合实验区管委会",
        year=2019,
        published=None,
        active=t["active"],
        requests=t["requests"],
        appeals=t["appeals"],
        sections=dict(SECTIONS),
    )


def samples() -> list[Report]:
    """Every record the report renderers are tested on, official layouts only."""
    return [*seeds(), made_up_2021(), made_up_2019()]


def sample_ids() -> list[str]:
    return [f"{r.format}-{r.agency}-{r.year}" for r in samples()]


def pre_2019() -> Report:
    return replace(made_up_2021(), format="pre-2019", active=None, requests=None, appeals=None)


@pytest.mark.parametrize("report", samples(), ids=sample_ids())
def test_sample_has_every_cell_of_its_layout(report: Report) -> None:
    assert report.format in FORMATS
    for path, _ in report.cells():
        table, row, column = path.split(".")
        data = report.table(table)
        assert data is not None
        assert column in data[row], path


def test_made_up_records_balance() -> None:
    for report in (made_up_2021(), made_up_2019()):
        req = report.requests
        assert req is not None
        for col in ("natural_person", "total"):
            assert req["new_received"][col] == req["total"][col]
