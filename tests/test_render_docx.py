"""render_docx: the official blank template, filled cell by cell, fonts and merges kept."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from test_render_samples import SECTIONS, made_up_2019, made_up_2021, pre_2019, sample_ids, samples

from gongkai.layout import layout
from gongkai.record import Report
from gongkai.render import render_docx
from gongkai.render._docx_tables import shape_of
from gongkai.render._docx_xml import cell_text, table_shape
from gongkai.render._grid import build_grid
from gongkai.render._texts import format_value
from gongkai.render.report_docx import template_bytes

CORPUS_TEMPLATE = Path(__file__).parent / "fixtures" / "corpus" / "template-2021-blank.docx"


def open_docx(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def distinct(cells: list[Any]) -> list[Any]:
    out: list[Any] = []
    for c in cells:
        if not out or out[-1]._tc is not c._tc:
            out.append(c)
    return out


def expected(report: Report, path: str) -> str:
    table, row, column = path.split(".")
    cols = layout(report.format).table(table).row(row).columns
    return format_value(report.get(path), next(c for c in cols if c.key == column))


def test_packaged_template_is_the_official_blank_template() -> None:
    assert template_bytes() == CORPUS_TEMPLATE.read_bytes()


@pytest.mark.parametrize("report", samples(), ids=sample_ids())
def test_every_cell_by_its_printed_label(report: Report) -> None:
    doc = open_docx(render_docx(report))
    official = layout(report.format)
    assert len(doc.tables) == len(official.tables)
    for table, dtable in zip(official.tables, doc.tables, strict=True):
        if table.key == "appeals":
            values = distinct(list(dtable.rows[-1].cells))
            assert [c.text for c in values] == [expected(report, p) for p in table.paths()]
            continue
        rows = [[c.text for c in distinct(list(r.cells))] for r in dtable.rows]
        for row in table.rows:
            hits = [r for r in rows if row.label in r]
            assert len(hits) == 1, row.label
            got = hits[0][hits[0].index(row.label) + 1 :]
            want = [expected(report, f"{table.key}.{row.key}.{c.key}") for c in row.columns]
            assert got == want, row.label


def _row(doc: Any, table: int, label: str) -> list[str]:
    for row in doc.tables[table].rows:
        texts = [c.text for c in distinct(list(row.cells))]
        if label in texts:
            return texts[texts.index(label) + 1 :]
    raise AssertionError(label)


def test_values_as_printed() -> None:
    doc = open_docx(render_docx(made_up_2021()))
    assert _row(doc, 0, "行政事业性收费") == ["5949.088667"]
    assert _row(doc, 0, "行政许可") == ["3985758"]
    assert _row(doc, 0, "行政强制") == [""]
    assert _row(doc, 1, "1.本机关不掌握相关政府信息") == ["30", "0", "", "0", "", "0", "40"]
    doc19 = open_docx(render_docx(made_up_2019()))
    assert _row(doc19, 0, "行政许可") == ["396", "-3", "181"]
    assert _row(doc19, 0, "政府集中采购") == ["135", "75394432.52"]


def test_2021_keeps_the_template_merges_and_fonts() -> None:
    template = open_docx(CORPUS_TEMPLATE.read_bytes())
    doc = open_docx(render_docx(made_up_2021()))
    for filled, blank in zip(doc.tables, template.tables, strict=True):
        assert table_shape(filled._tbl) == table_shape(blank._tbl)
        assert filled._tbl.find(qn("w:tblPr")).xml == blank._tbl.find(qn("w:tblPr")).xml
        for tc, blank_tc in zip(
            filled._tbl.iter(qn("w:tc")), blank._tbl.iter(qn("w:tc")), strict=True
        ):
            assert fonts(tc) <= fonts(blank_tc), cell_text(blank_tc)
            if cell_text(tc):
                assert fonts(tc)


def test_2019_tables_are_built_with_the_layout_merges() -> None:
    report = made_up_2019()
    doc = open_docx(render_docx(report))
    for dtable, table in zip(doc.tables, layout("2019").tables, strict=True):
        assert table_shape(dtable._tbl) == shape_of(build_grid(table, report.table(table.key)))


def fonts(tc: Any) -> set[str | None]:
    return {f.get(qn("w:ascii")) for f in tc.iter(qn("w:rFonts"))}


def body_texts(doc: Any) -> list[str]:
    return [p.text for p in doc.paragraphs if p.text.strip()]


def test_title_date_headings_and_sections() -> None:
    doc = open_docx(render_docx(made_up_2021()))
    texts = body_texts(doc)
    assert doc.paragraphs[0].text == "平潭综合实验区管委会2023年政府信息公开工作年度报告"
    assert texts[1] == "发布日期：2024-03-08"
    headings = [f"{s.number}、{s.title}" for s in layout("2021").sections]
    at = [texts.index(h) for h in headings]
    assert at == sorted(at)
    for (number, _), start, end in zip(
        [(s.number, s) for s in layout("2021").sections], at, [*at[1:], len(texts)], strict=True
    ):
        assert texts[start + 1 : end] == SECTIONS[number].split("\n")
    assert not any(t.startswith("（文字描述") for t in texts)
    assert doc.core_properties.title == texts[0]


def test_empty_sections_leave_no_placeholder() -> None:
    doc = open_docx(render_docx(replace(made_up_2021(), sections={}, published=None)))
    texts = body_texts(doc)
    assert texts[0].endswith("年政府信息公开工作年度报告")
    assert texts[1] == "一、总体情况"
    assert not any("文字描述" in t or "发布日期" in t for t in texts)


def test_pre_2019_record_has_no_tables() -> None:
    doc = open_docx(render_docx(pre_2019()))
    assert not doc.tables
    assert "本年度未收取信息处理费。" in body_texts(doc)
