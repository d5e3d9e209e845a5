"""Word documents (.docx): guard against broken files and zip bombs, then mammoth → HTML → lines.

mammoth keeps tables as HTML tables with rowspan/colspan for merged cells, so a DOCX is read by
the same table code as a web page: one ``Line`` per physical cell.
"""

from __future__ import annotations

import io
import zipfile
import zlib

import mammoth
from lxml import etree

from gongkai.errors import CorruptInputError, UnsupportedInputError
from gongkai.reader._html import HtmlResult, read_html

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # all members together
MAX_RATIO = 100  # compression ratio of one member…
RATIO_FLOOR = 10 * 1024 * 1024  # …that counts only for members larger than this
MAX_MEMBERS = 10_000
_BROKEN_ZIP = (
    "文件是 zip 格式（Word 文档的格式），但已损坏，无法打开：文件可能下载不完整，"
    "请重新下载，或在 Word/WPS 中打开后另存为 .docx"
)
_BOMB = (
    "这个 Word 文档解压后过大（声明的解压大小异常，疑似“压缩炸弹”），为安全起见不予读取："
    "请在 Word/WPS 中打开后另存为新的 .docx，或提供网页/PDF 版本"
)
_OTHER_ZIP = {
    "xl/": "Excel 表格（.xlsx）",
    "ppt/": "PowerPoint 演示文稿（.pptx）",
    "mimetype": "OpenDocument 文档（.odt/.ods）",
}


# Images are not read: the report is text, and base64 data URIs would only slow the HTML down.
_NO_IMAGES = mammoth.images.img_element(lambda image: {})


def is_zip(data: bytes) -> bool:
    return data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"))


def read_docx(data: bytes, *, claimed: bool) -> HtmlResult:
    """Read a DOCX. ``claimed``: the caller or the file name says it is a DOCX.

    A zip that is plainly something else (an Excel workbook, an archive) is an
    ``UnsupportedInputError`` unless it was claimed to be a DOCX; a claimed DOCX that is not a
    valid Word zip is a ``CorruptInputError``.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise CorruptInputError(_BROKEN_ZIP) from None
    with archive:
        try:
            infos = archive.infolist()
        except Exception:  # zipfile parses the central directory lazily in some versions
            raise CorruptInputError(_BROKEN_ZIP) from None
        _guard(infos)
        names = {info.filename for info in infos}
        if "word/document.xml" not in names:
            if not claimed and not any(name.startswith("word/") for name in names):
                what = next(
                    (
                        label
                        for prefix, label in _OTHER_ZIP.items()
                        if any(name.startswith(prefix) for name in names)
                    ),
                    "ZIP 压缩包",
                )
                raise UnsupportedInputError(
                    f"这是 {what}，不是 Word 文档：本工具读取纯文本（.txt）、网页（.html）、"
                    "Word（.docx）和 PDF 文件；如果报告在压缩包里，请先解压"
                )
            raise CorruptInputError(
                "Word 文档已损坏：缺少正文部分（word/document.xml）。"
                "请在 Word/WPS 中打开后另存为 .docx，或重新下载"
            )
        data = _without_unprinted_runs(archive, data)
    try:
        result = mammoth.convert_to_html(io.BytesIO(data), convert_image=_NO_IMAGES)
        html = result.value
    except Exception:  # mammoth raises many kinds of errors on malformed XML
        raise CorruptInputError(
            "Word 文档已损坏，无法读取其内容："
            "请在 Word/WPS 中打开后另存为 .docx，或提供网页/PDF 版本"
        ) from None
    if not isinstance(html, str):
        raise CorruptInputError("Word 文档无法转换：请在 Word/WPS 中打开后另存为 .docx 再试")
    return read_html(f"<html><body>{html}</body></html>", source_lines=False)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
# A run property switched on: present, unless its w:val is one of OOXML's "off" values.
_ON = "[not(@w:val) or not(@w:val = '0' or @w:val = 'false' or @w:val = 'off')]"
# Runs Word does not print as a cell's value, which mammoth would: hidden (w:vanish) and
# double-struck (w:dstrike; single strikes become <s>, which the HTML reader drops). A hidden
# "3" before a cell's "419" would make it 3419.
_UNPRINTED_RUNS = etree.XPath(f"//w:r[w:rPr/w:vanish{_ON} or w:rPr/w:dstrike{_ON}]", namespaces=_NS)
# Character styles that hide their runs, and the runs using a style (unless they show
# themselves with a w:vanish switched off).
_HIDDEN_STYLES = etree.XPath(
    f"//w:style[@w:type = 'character'][w:rPr/w:vanish{_ON}]/@w:styleId", namespaces=_NS
)
_STYLED_RUNS = etree.XPath(
    "//w:r[w:rPr/w:rStyle[@w:val = $style] and not(w:rPr/w:vanish)]", namespaces=_NS
)


# What reading a member of a damaged archive raises (zlib.error for a corrupt deflate stream).
_READ_ERRORS = (
    KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, zlib.error,
)  # fmt: skip


def _without_unprinted_runs(archive: zipfile.ZipFile, data: bytes) -> bytes:
    """The document with its unprinted runs removed (unchanged when it has none)."""
    try:
        xml = archive.read("word/document.xml")
        styles = archive.read("word/styles.xml") if "word/styles.xml" in archive.namelist() else b""
    except _READ_ERRORS:
        return data  # mammoth reports the damage
    hidden_styles = _hidden_styles(styles) if b"vanish" in styles else []
    if b"vanish" not in xml and b"dstrike" not in xml and not hidden_styles:
        return data
    root = _parse(xml)
    if root is None:
        return data
    runs = [r for r in _list(_UNPRINTED_RUNS(root)) if isinstance(r, etree._Element)]
    for style in hidden_styles:
        runs += [r for r in _list(_STYLED_RUNS(root, style=style)) if isinstance(r, etree._Element)]
    if not runs:
        return data
    for run in runs:
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in archive.infolist():
                if info.filename == "word/document.xml":
                    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
                    copy.writestr(info, xml)
                else:
                    copy.writestr(info, archive.read(info.filename))
    except _READ_ERRORS:
        return data  # a damaged member: mammoth reports it
    return out.getvalue()


def _parse(xml: bytes) -> etree._Element | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(xml, parser)
    except etree.LxmlError:
        return None


def _list(result: object) -> list[object]:
    return list(result) if isinstance(result, list) else []


def _hidden_styles(styles: bytes) -> list[str]:
    """The ids of the character styles that hide their text (none if styles.xml is broken)."""
    root = _parse(styles)
    return [] if root is None else [str(v) for v in _list(_HIDDEN_STYLES(root))]


def _guard(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise CorruptInputError(_BOMB)
    total = 0
    for info in infos:
        total += info.file_size
        if total > MAX_UNCOMPRESSED:
            raise CorruptInputError(_BOMB)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise CorruptInputError(_BOMB)
