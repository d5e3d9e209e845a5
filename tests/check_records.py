"""Records for the checker tests: consistent made-up records, cell edits, and the seeds.

``split_sections`` is a tiny stand-in for the reader's segmentation (the six headings of a seed's
text); it lives here, in the tests, and only serves to give the seeds' expected records their
sections' text.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from gongkai.layout import layout
from gongkai.record import Provenance, Report, TableData, Value

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
CORPUS = FIXTURES / "corpus"

SECTIONS = {
    "一": "（一）主动公开情况。本年度主动公开政府信息120条。\n"
    "（二）依申请公开情况。本年度共收到政府信息公开申请5件，其中予以公开3件。",
    "二": "第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
    "三": "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "四": "行政复议 | 行政诉讼",
    "五": "一是公开内容不够全面。二是解读形式较为单一。三是培训不足。",
    "六": "本年度未收取信息处理费。",
}
TITLES = {
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}


def consistent(fmt: str = "2021") -> dict[str, Any]:
    """The JSON form of a record whose tables satisfy every identity: 5 applications received
    (4 natural persons, 1 company), 3 granted, 1 not held, 1 carried forward; 1 review."""
    tables = layout(fmt).empty_tables()
    data: dict[str, Any] = {
        key: {row: dict.fromkeys(cols, 0) for row, cols in rows.items()}
        for key, rows in tables.items()
    }
    req = data["requests"]
    req["new_received"].update(natural_person=4, commercial=1, total=5)
    req["granted"].update(natural_person=2, commercial=1, total=3)
    req["unavailable_not_held"].update(natural_person=1, total=1)
    req["total"].update(natural_person=3, commercial=1, total=4)
    req["carried_forward"].update(natural_person=1, total=1)
    data["appeals"]["review"].update(upheld=1, total=1)
    if fmt == "2021":
        data["active"]["normative_documents"] = {"issued": 2, "repealed": 1, "in_force": 10}
    else:
        data["active"]["normative_documents"] = {"made": 2, "published": 2, "total_published": 9}
    return {
        "format": fmt,
        "agency": "某县某镇人民政府",
        "year": 2023 if fmt == "2021" else 2020,
        "published": None,
        **data,
        "sections": dict(SECTIONS),
        "section_titles": dict(TITLES),
    }


def report(fmt: str = "2021", **fields: Any) -> Report:
    """A consistent record with some top-level fields replaced."""
    data = consistent(fmt)
    data.update(fields)
    return Report.from_dict(data)


def with_cells(base: Report, values: Mapping[str, Value], how: str | None = None) -> Report:
    """``base`` with cells set (paths as ``requests.total.total``); ``how`` sets provenance."""
    tables: dict[str, TableData] = {
        k: copy.deepcopy(getattr(base, k) or {}) for k in ("active", "requests", "appeals")
    }
    provenance = dict(base.provenance)
    for path, value in values.items():
        table, row, column = path.split(".")
        tables[table].setdefault(row, {})[column] = value
        if how is not None:
            provenance[path] = Provenance(where=f"测试第{len(provenance) + 1}行", raw="", how=how)
    return replace(
        base,
        active=tables["active"],
        requests=tables["requests"],
        appeals=tables["appeals"],
        provenance=provenance,
    )


def with_sections(base: Report, **texts: str | None) -> Report:
    """``base`` with sections replaced (None removes a section)."""
    sections = dict(base.sections)
    for number, text in texts.items():
        if text is None:
            sections.pop(number, None)
        else:
            sections[number] = text
    return replace(base, sections=sections)


_HEADING = re.compile(r"^\s*([一二三四五六])\s*、\s*(\S.*?)\s*$")


def split_sections(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """The six sections of a report's text: a heading is a line ``N、…情况`` or ``N、…事项``
    (so that the table rows 一、本年新收… are not taken for headings), in order."""
    sections: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    order = "一二三四五六"
    current: str | None = None
    for line in text.splitlines():
        m = _HEADING.match(line)
        if m and m.group(2).endswith(("情况", "情況", "事项", "事項")):
            number = m.group(1)
            done = [order.index(n) for n in sections]
            if not done or order.index(number) > max(done):
                current = number
                sections[number] = []
                titles[number] = line.strip()
                continue
        if current is not None:
            sections[current].append(line)
    return {k: "\n".join(v).strip() for k, v in sections.items()}, titles


def seed_names() -> list[str]:
    return sorted(p.name.removesuffix(".expected.json") for p in SEEDS.glob("*.expected.json"))


def seed_expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SEEDS / f"{name}.expected.json").read_text("utf-8"))
    return data


def seed_record(name: str) -> Report:
    """A seed's expected record, with the sections of its text split by ``split_sections``."""
    data = seed_expected(name)
    sections, titles = split_sections((SEEDS / f"{name}.txt").read_text("utf-8"))
    data = {k: v for k, v in data.items() if k != "notes"}  # the fixture's notes are prose
    return replace(Report.from_dict(data), sections=sections, section_titles=titles)
