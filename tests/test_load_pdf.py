"""PDF: pdfplumber's text layer, the pdftotext fallback, scans and broken files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pdfplumber
import pytest

from gongkai.errors import CorruptInputError, NoTextLayerError
from gongkai.reader._pdf import read_pdf
from gongkai.reader.document import Line
from gongkai.reader.load import load

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
INPUTS = FIXTURES / "inputs"


def needs_pdftotext() -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")


def test_published_pdf_text_by_page_and_line() -> None:
    document = load(CORPUS / "039.pdf")
    assert document.kind == "pdf"
    assert document.encoding is None
    assert document.notes == ()
    assert document.title == "淮安市人民政府2024 年政府信息公开工作年度报告"
    assert [(x.where, x.text) for x in document.lines[:2]] == [
        ("第1页第1行", "淮安市人民政府"),
        ("第1页第2行", "2024 年政府信息公开工作年度报告"),
    ]
    # Ruled tables arrive one cell per line, with their grid position.
    label, *values = cells_after(document.lines, "一、本年新收政府信息公开申请数量", 7)
    assert label.row_start and label.where.startswith("第4页表格2 ")
    assert [v.text for v in values] == ["3001", "53", "0", "0", "61", "4", "3119"]
    assert all(v.cell and not v.row_start for v in values)
    assert {x.where.split("页")[0] for x in document.lines} == {f"第{p}" for p in range(1, 7)}
    assert all(x.line is None for x in document.lines)


def cells_after(lines: tuple[Line, ...], label: str, count: int) -> list[Line]:
    """The cell line whose text is ``label`` and the ``count`` cell lines after it."""
    texts = [x.text for x in lines]
    at = texts.index(label)
    assert lines[at].cell
    return list(lines[at : at + count + 1])


def test_weasyprint_pdf_of_a_page() -> None:
    document = load(INPUTS / "013.pdf")
    assert document.kind == "pdf"
    assert document.title == "平潭综合实验区2023年度政府信息公开工作年度报告"
    texts = [x.text for x in document.lines]
    assert "一、总体情况" in texts
    _, *values = cells_after(document.lines, "行政规范性文件", 3)
    assert [v.text for v in values] == ["77", "132", "470"]


def test_forced_fallback_reads_every_page_with_pdftotext() -> None:
    needs_pdftotext()
    result = read_pdf((CORPUS / "039.pdf").read_bytes(), fallback="always")
    assert result.notes == ("已按要求改用 pdftotext 提取 PDF 第1、2、3、4、5、6页的文字",)
    texts = [x.text for x in result.lines]
    # -layout keeps the columns apart with runs of spaces.
    assert any(re.search(r"3001 {2,}53 {2,}0 {2,}0 {2,}61 {2,}4 {2,}3119", t) for t in texts)
    assert result.lines[0].where == "第1页第1行"


def test_missing_pdftotext_is_reported_in_a_note() -> None:
    result = read_pdf(
        (CORPUS / "039.pdf").read_bytes(), fallback="always", pdftotext="gongkai-no-such-tool"
    )
    assert result.notes[0].startswith(
        "PDF 第1、2、3、4、5、6页的文本层不可用，但系统未安装 pdftotext"
    )
    _, *values = cells_after(result.lines, "一、本年新收政府信息公开申请数量", 7)
    assert [v.text for v in values] == ["3001", "53", "0", "0", "61", "4", "3119"]


def test_cid_glyphs_without_any_readable_fallback() -> None:
    # pdfplumber reads (cid:N); pdftotext maps the glyphs to garbage: nothing is readable.
    data = (INPUTS / "013.cid.pdf").read_bytes()
    with pdfplumber.open(INPUTS / "013.cid.pdf") as pdf:
        assert "(cid:" in (pdf.pages[0].extract_text() or "")
    with pytest.raises(NoTextLayerError, match=r"PDF 的文字层无法识别（字体缺少 Unicode 映射"):
        load(data)


def test_scanned_pdf_has_no_text_layer() -> None:
    with pytest.raises(
        NoTextLayerError,
        match=r"PDF 没有文字层（可能是扫描件）：请先做文字识别（OCR），或提供网页/Word 版本",
    ):
        load(INPUTS / "scanned.pdf")


def test_broken_pdf() -> None:
    with pytest.raises(CorruptInputError, match="PDF 文件已损坏，无法读取：请重新下载"):
        load(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog\n")


def test_pdf_name_but_not_a_pdf() -> None:
    with pytest.raises(CorruptInputError, match=r"文件扩展名是 \.pdf，但内容不是 PDF 文件"):
        load(b"<html><body>404</body></html>", name="report.pdf")


def test_kind_pdf_on_text() -> None:
    with pytest.raises(CorruptInputError, match="指定按 PDF 读取，但内容不是 PDF 文件"):
        load(b"just text", kind="pdf")
