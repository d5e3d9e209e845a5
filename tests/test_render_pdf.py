"""render_pdf: A4 pages in a CJK font, the title first, labels and numbers in printed order."""

from __future__ import annotations

import io
import re
from functools import cache

import pdfplumber
import pytest
from test_render_samples import made_up_2019, made_up_2021, pre_2019, seeds

from gongkai.layout import layout
from gongkai.record import Report
from gongkai.render import render_pdf
from gongkai.render._texts import format_value

REPORTS = {"seed-2021": seeds()[0], "made-up-2021": made_up_2021(), "made-up-2019": made_up_2019()}
CJK_FONT = re.compile(r"^[A-Z]{6}\+Noto-(Serif|Sans)-CJK-SC(-Bold)?$")


@cache
def pdf_of(name: str) -> bytes:
    return render_pdf(REPORTS[name])


def pages(data: bytes) -> list[tuple[str, set[str], tuple[float, float]]]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [
            (p.extract_text(), {c["fontname"] for c in p.chars}, (p.width, p.height))
            for p in pdf.pages
        ]


def lines_of(data: bytes) -> list[str]:
    return [line for text, _, _ in pages(data) for line in text.splitlines()]


@pytest.mark.parametrize("name", list(REPORTS))
def test_a4_pages_in_a_cjk_font_with_page_numbers(name: str) -> None:
    data = pdf_of(name)
    assert data.startswith(b"%PDF-")
    got = pages(data)
    for number, (text, fonts, size) in enumerate(got, start=1):
        assert sorted(size) == pytest.approx([595.28, 841.89], abs=0.5)  # A4, either way round
        assert fonts and all(CJK_FONT.match(f) for f in fonts), fonts
        assert text.splitlines()[-1] == f"- {number} -"


@pytest.mark.parametrize("name", list(REPORTS))
def test_wide_tables_on_landscape_pages(name: str) -> None:
    """Tables 三 and 四 print on A4 landscape, the rest of the report on A4 portrait."""
    for text, _, (width, height) in pages(pdf_of(name)):
        wide = "申请人情况" in text or "未经复议直接起诉" in text
        assert (width > height) == wide, text[:40]


@pytest.mark.parametrize("name", list(REPORTS))
def test_title_then_date_first(name: str) -> None:
    report = REPORTS[name]
    lines = lines_of(pdf_of(name))
    assert lines[0] == f"{report.agency}{report.year}年政府信息公开工作年度报告"
    if report.published:
        assert lines[1] == f"发布日期：{report.published}"
    else:
        assert "发布日期" not in "".join(lines)


def _values(report: Report, table: str, row: str) -> list[str]:
    fmt = report.format
    spec = layout(fmt).table(table).row(row)
    printed = [format_value(report.get(f"{table}.{row}.{c.key}"), c) for c in spec.columns]
    return [v for v in printed if v]  # a blank cell prints nothing


@pytest.mark.parametrize("name", list(REPORTS))
def test_labels_and_numbers_in_printed_order(name: str) -> None:
    """Each table row is one line: its whole label, then its numbers; rows in layout order."""
    report = REPORTS[name]
    lines = lines_of(pdf_of(name))
    official = layout(report.format)
    at = 0
    for section in official.sections:
        heading = f"{section.number}、{section.title}"
        at = lines.index(heading, at) + 1
        for table in official.tables:
            if table.section != section.number:
                continue
            if table.key == "appeals":
                want = [v for r in table.rows for v in _values(report, "appeals", r.key)]
                hits = [i for i in range(at, len(lines)) if lines[i].split() == want]
                assert hits, want
                at = hits[0] + 1
                continue
            for row in table.rows:
                want = _values(report, table.key, row.key)
                for i in range(at, len(lines)):
                    if row.label in lines[i]:
                        tokens = lines[i].split()
                        assert tokens[len(tokens) - len(want) :] == want, lines[i]
                        at = i + 1
                        break
                else:
                    pytest.fail(f"row {row.label} not found after line {at}")


def test_values_as_printed() -> None:
    lines = lines_of(pdf_of("made-up-2021"))
    assert "行政事业性收费 5949.088667" in lines
    assert "行政强制" in lines  # a blank cell prints nothing
    assert "（四）无法提供 1.本机关不掌握相关政府信息 30 0 0 0 40" in lines
    lines19 = lines_of(pdf_of("made-up-2019"))
    assert "行政许可 396 -3 181" in lines19


def test_pre_2019_record_prints_its_text() -> None:
    text = "\n".join(t for t, _, _ in pages(render_pdf(pre_2019())))
    assert "本年度未收取信息处理费。" in text
    assert "申请人情况" not in text
