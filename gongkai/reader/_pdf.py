"""PDF to lines: pdfplumber's text per page, with ``pdftotext -layout`` as the fallback.

pdfplumber reads most published PDFs well. When a page's text layer yields ``(cid:N)`` glyphs
(a font without a Unicode map) or no text although the page has content, that page is read
again with poppler's ``pdftotext -layout``. A PDF with no text at all is a scan:
``NoTextLayerError`` tells the user to run OCR or find another version.
"""

from __future__ import annotations

import io
import logging
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from typing import Literal

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from gongkai.errors import (
    CorruptInputError,
    EmptyInputError,
    InputTooLargeError,
    NoTextLayerError,
    UnsupportedInputError,
)
from gongkai.reader.document import Line

# pdfminer logs warnings about damaged PDFs in English; without a handler Python would print
# them to stderr. A NullHandler keeps them out of the user's way but lets an application that
# configures logging still see them.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

MAX_PAGES = 2000
PDFTOTEXT_TIMEOUT = 120  # seconds
_CID = "(cid:"
_CID_RUN = re.compile(r"\(cid:\d+\)")
_NO_TEXT_LAYER = "PDF 没有文字层（可能是扫描件）：请先做文字识别（OCR），或提供网页/Word 版本"
_CORRUPT = "PDF 文件已损坏，无法读取：请重新下载，或提供网页/Word 版本"

Fallback = Literal["auto", "always", "never"]


@dataclass(frozen=True)
class PdfResult:
    lines: tuple[Line, ...]
    notes: tuple[str, ...] = ()


# A page in reading order: ("text", line) or ("row", cells) for a row of a ruled table, where a
# cell is its text ("" when blank) or None where a merged cell spans over it.
PageItem = tuple[str, str | tuple[str | None, ...]]


@dataclass(frozen=True)
class _Page:
    text: str
    has_content: bool
    items: tuple[PageItem, ...] | None = None  # when the page has ruled tables

    @property
    def bad(self) -> bool:
        return _CID in self.text or (self.has_content and not self.text.strip())


def read_pdf(
    data: bytes, *, fallback: Fallback = "auto", pdftotext: str = "pdftotext"
) -> PdfResult:
    """Read a PDF. ``fallback="always"`` reads every page with pdftotext (for tests and
    debugging); ``pdftotext`` is the command to run."""
    pages = _plumber_pages(data)
    notes: list[str] = []
    redo = [i for i, page in enumerate(pages) if fallback == "always" or page.bad]
    if fallback == "never":
        redo = []
    texts = [page.text for page in pages]
    if redo:
        try:
            poppler: list[str] | None = _pdftotext_pages(data, pdftotext)
        except FileNotFoundError:
            notes.append(
                f"PDF {_page_list(redo)}的文本层不可用，但系统未安装 pdftotext（poppler-utils），"
                "无法改用它提取：这些页的文字可能缺失或不完整"
            )
            poppler = None
        except (OSError, subprocess.SubprocessError):
            notes.append(f"PDF {_page_list(redo)}的文本层不可用，改用 pdftotext 提取也失败了")
            poppler = None
        if poppler is not None:
            used = [i for i in redo if i < len(poppler) and _readable(poppler[i])]
            for i in used:
                texts[i] = poppler[i]
            if fallback == "always":
                notes.append(f"已按要求改用 pdftotext 提取 PDF {_page_list(used)}的文字")
            else:
                cid_pages = [i for i in used if _CID in pages[i].text]
                if cid_pages:
                    notes.append(
                        f"PDF {_page_list(cid_pages)}的文本层含 (cid:) 字形，已改用 pdftotext 提取"
                    )
                recovered = [i for i in used if not pages[i].text.strip()]
                if recovered:
                    notes.append(
                        f"PDF {_page_list(recovered)}用 pdfplumber 提取不到文字，已改用 pdftotext"
                    )
    unreadable = [i for i, text in enumerate(texts) if _CID in text and not _readable(text)]
    if unreadable and len(unreadable) == sum(1 for text in texts if text.strip()):
        raise NoTextLayerError(
            "PDF 的文字层无法识别（字体缺少 Unicode 映射，提取出的是 (cid:) 字形或乱码）："
            "请先做文字识别（OCR），或提供网页/Word 版本"
        )
    for i in unreadable:
        texts[i] = ""
    if unreadable:
        notes.append(
            f"PDF {_page_list(unreadable)}的文字层无法识别（(cid:) 字形），这些页的内容未读入："
            "如需要，请先做文字识别（OCR）"
        )
    lines = _lines(texts, [p.items if p.text == texts[i] else None for i, p in enumerate(pages)])
    if not lines:
        if any(page.has_content for page in pages):
            raise NoTextLayerError(_NO_TEXT_LAYER)
        raise EmptyInputError("PDF 中没有任何文字：请确认文件是否为年度报告，或提供网页/Word 版本")
    scanned = [
        i
        for i, text in enumerate(texts)
        if pages[i].has_content and not text.strip() and i not in unreadable
    ]
    if scanned:
        notes.append(
            f"PDF {_page_list(scanned)}没有文字层（可能是扫描页），这些页的内容未读入："
            "如需要，请先做文字识别（OCR）"
        )
    return PdfResult(tuple(lines), tuple(notes))


def _readable(text: str) -> bool:
    """Mostly ASCII or GBK characters: real Chinese text, not (cid:N) runs or glyph-id garbage."""
    if _CID in text:
        cid_chars = sum(len(m) for m in _CID_RUN.findall(text))
        if cid_chars > len(text) * 0.1:
            return False
    chars = [ch for ch in text if not ch.isspace()]
    if not chars:
        return False
    good = 0
    for ch in chars:
        if ch.isascii():
            good += 1
        else:
            try:
                ch.encode("gbk")
            except UnicodeEncodeError:
                continue
            good += 1
    return good >= len(chars) * 0.9


def _page_list(indexes: list[int]) -> str:
    shown = "、".join(str(i + 1) for i in indexes[:10])
    more = f"等 {len(indexes)} 页" if len(indexes) > 10 else ""
    return f"第{shown}页{more}"


def _lines(texts: list[str], items: list[tuple[PageItem, ...] | None]) -> list[Line]:
    lines: list[Line] = []
    for page_number, text in enumerate(texts, start=1):
        page_items = items[page_number - 1]
        if page_items is not None:
            lines.extend(_structured(page_number, page_items))
            continue
        number = 0
        for raw in text.splitlines():
            stripped = raw.rstrip()
            if not stripped.strip():
                continue
            number += 1
            lines.append(Line(stripped, f"第{page_number}页第{number}行", None))
    return lines


def _structured(page_number: int, items: tuple[PageItem, ...]) -> list[Line]:
    """A page with ruled tables: its text lines, and each table cell as one cell line."""
    out: list[Line] = []
    number = 0
    table = 0
    row_number = 0
    previous_kind = ""
    for kind, content in items:
        if kind == "text":
            assert isinstance(content, str)
            number += 1
            out.append(Line(content, f"第{page_number}页第{number}行", None))
        else:
            assert isinstance(content, tuple)
            if previous_kind != "row":
                table += 1
                row_number = 0
            row_number += 1
            first = True
            for column, cell in enumerate(content, start=1):
                if cell is None:
                    continue  # covered by a merged cell
                where = f"第{page_number}页表格{table} 第{row_number}行第{column}列"
                text = _CELL_BREAK.sub("", cell)
                out.append(Line(text, where, None, cell=True, row_start=first, table=table))
                first = False
        previous_kind = kind
    return out


# A line break inside a table cell: dropped between Chinese characters, kept as a space
# between ASCII words and digits.
_CELL_BREAK = re.compile(r"(?<![A-Za-z0-9])\n|\n(?![A-Za-z0-9])")


def _page_items(page: pdfplumber.page.Page) -> tuple[PageItem, ...] | None:
    """The page in reading order when it has ruled tables of two columns or more."""
    tables = [t for t in page.find_tables() if len(t.columns) >= 2 and len(t.rows) >= 2]
    if not tables:
        return None
    boxes = [t.bbox for t in tables]

    def outside(obj: dict[str, object]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x = (float(obj["x0"]) + float(obj["x1"])) / 2  # type: ignore[arg-type]
        y = (float(obj["top"]) + float(obj["bottom"])) / 2  # type: ignore[arg-type]
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    entries: list[tuple[float, int, PageItem]] = [
        (float(line["top"]), 0, ("text", str(line["text"])))
        for line in page.filter(outside).extract_text_lines()
    ]
    for order, table in enumerate(tables):
        for index, row in enumerate(table.extract()):
            cells = tuple(None if c is None else str(c) for c in row)
            entries.append((float(table.bbox[1]), 1 + order * 10_000 + index, ("row", cells)))
    entries.sort(key=lambda e: (e[0], e[1]))
    return tuple(e[2] for e in entries)


def _plumber_pages(data: bytes) -> list[_Page]:
    pages: list[_Page] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise InputTooLargeError(
                    f"PDF 有 {len(pdf.pages)} 页，超过上限 {MAX_PAGES} 页，不像一份年度报告："
                    "请只提供报告本身"
                )
            for page in pdf.pages:
                text = page.extract_text() or ""
                has_content = bool(
                    page.chars or page.images or page.rects or page.curves or page.lines
                )
                items = _page_items(page) if text.strip() and _CID not in text else None
                pages.append(_Page(text, has_content, items))
                page.close()
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise UnsupportedInputError(
            "PDF 设有密码或加密，无法读取：请提供未加密的版本，或网页/Word 版本"
        ) from None
    except InputTooLargeError:
        raise
    except Exception:  # pdfminer raises many kinds of errors on broken files
        raise CorruptInputError(_CORRUPT) from None
    if not pages:
        raise CorruptInputError("PDF 没有任何页面：文件可能已损坏，请重新下载")
    return pages


def _pdftotext_pages(data: bytes, command: str) -> list[str]:
    """Every page's text from ``pdftotext -layout``, split at form feeds."""
    handle, path = tempfile.mkstemp(suffix=".pdf")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        completed = subprocess.run(
            [command, "-layout", "-enc", "UTF-8", path, "-"],
            capture_output=True,
            timeout=PDFTOTEXT_TIMEOUT,
            check=True,
        )
    finally:
        os.unlink(path)
    text = completed.stdout.decode("utf-8", "replace")
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages
