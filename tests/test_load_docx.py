"""Word documents: the official template, a filled-in report, and broken or hostile zips."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from gongkai.errors import CorruptInputError, UnsupportedInputError
from gongkai.reader.load import load

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
INPUTS = FIXTURES / "inputs"
SEED_000 = FIXTURES / "seeds" / "000_191d9aaa408da952.txt"
_DOCUMENT_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>"
)
_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def minimal_docx(body: bytes) -> bytes:
    return make_zip(
        {
            "[Content_Types].xml": _CONTENT_TYPES,
            "_rels/.rels": _RELS,
            "word/document.xml": _DOCUMENT_XML % body,
        }
    )


def docx_of_body(body: str, styles: str = "") -> bytes:
    """A DOCX whose document's body is ``body`` (WordprocessingML, w: and w14: declared)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<w:document xmlns:w="{w}" xmlns:w14="{w14}"><w:body>{body}'
    )
    members = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _RELS,
        "word/document.xml": f"{document}</w:body></w:document>".encode(),
    }
    if styles:
        members["word/styles.xml"] = f'<w:styles xmlns:w="{w}">{styles}</w:styles>'.encode()
    return make_zip(members)


def cells(*paragraphs: str) -> str:
    """A table of one row, a cell for each of the given paragraphs' XML."""
    row = "".join(f"<w:tc>{paragraph}</w:tc>" for paragraph in paragraphs)
    return f"<w:tbl><w:tr>{row}</w:tr></w:tbl>"


def test_blank_template_loads_with_all_its_tables() -> None:
    document = load(CORPUS / "template-2021-blank.docx")
    assert document.kind == "docx"
    assert document.encoding is None
    assert document.title == "政府信息公开工作年度报告格式模板"
    assert {line.table for line in document.lines if line.cell} == {1, 2, 3}
    texts = [line.text for line in document.lines if not line.cell]
    assert "（文字描述，收取信息处理费情况在此处报告。）" in texts
    cells = [line for line in document.lines if line.cell]
    start = next(i for i, c in enumerate(cells) if c.text == "一、本年新收政府信息公开申请数量")
    assert [(c.where, c.text) for c in cells[start : start + 8]] == [
        ("表格2 第4行第1列", "一、本年新收政府信息公开申请数量"),
        ("表格2 第4行第4列", ""),
        ("表格2 第4行第5列", ""),
        ("表格2 第4行第6列", ""),
        ("表格2 第4行第7列", ""),
        ("表格2 第4行第8列", ""),
        ("表格2 第4行第9列", ""),
        ("表格2 第4行第10列", ""),
    ]
    labels = {c.text for c in cells}
    assert {
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
        "商业企业",  # <p>商业</p><p>企业</p> in one cell
    } <= labels
    assert all(line.line is None for line in document.lines)


def test_filled_docx_has_the_page_values_and_merged_cells() -> None:
    document = load(INPUTS / "011.filled.docx")
    assert document.kind == "docx"
    assert document.title == "平潭综合实验区2021年度政府信息公开工作年度报告"
    cells = [line for line in document.lines if line.cell]
    start = next(i for i, c in enumerate(cells) if c.text == "一、本年新收政府信息公开申请数量")
    assert [(c.where, c.text) for c in cells[start : start + 8]] == [
        ("表格2 第4行第1列", "一、本年新收政府信息公开申请数量"),
        ("表格2 第4行第4列", "64"),
        ("表格2 第4行第5列", "0"),
        ("表格2 第4行第7列", "0"),
        ("表格2 第4行第8列", "2"),
        ("表格2 第4行第9列", "0"),
        ("表格2 第4行第10列", "4"),
        ("表格2 第4行第11列", "70"),
    ]
    # One line per physical cell, in the same grid as the web page it was made from.
    page = load(CORPUS / "011.html")
    assert [(c.where, c.text) for c in cells] == [
        (c.where, c.text.strip()) for c in page.lines if c.cell
    ]
    texts = [line.text for line in document.lines if not line.cell]
    assert texts[1].startswith("根据《中华人民共和国政府信息公开条例》")
    assert "六、其他需要报告的事项" in texts


def test_docx_of_a_text_report_gives_its_paragraphs() -> None:
    document = load(INPUTS / "seed000.docx")
    expected = [line.strip() for line in SEED_000.read_text("utf-8").splitlines() if line.strip()]
    assert [line.text for line in document.lines] == expected
    assert [line.where for line in document.lines[:2]] == ["第1段", "第2段"]


def test_docx_name_but_not_a_zip() -> None:
    with pytest.raises(
        CorruptInputError,
        match=r"文件扩展名是 \.docx，但内容不是有效的 Word 文档（zip）：文件可能已损坏或下载不完整",
    ) as caught:
        load(INPUTS / "not-a-zip.docx")
    assert caught.value.path == str(INPUTS / "not-a-zip.docx")


def test_zip_bomb_by_compression_ratio() -> None:
    assert (INPUTS / "bomb.docx").stat().st_size < 200 * 1024
    with pytest.raises(CorruptInputError, match="疑似“压缩炸弹”），为安全起见不予读取"):
        load(INPUTS / "bomb.docx")


def test_zip_bomb_by_declared_total_size() -> None:
    data = bytearray(minimal_docx(b"x"))
    # Declare 4 GB as the uncompressed size of the first member in the central directory.
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 0xFFFFFFF0)
    with pytest.raises(CorruptInputError, match="压缩炸弹"):
        load(bytes(data), name="a.docx")


def test_zip_without_word_document() -> None:
    data = make_zip({"[Content_Types].xml": _CONTENT_TYPES, "word/styles.xml": b"<x/>"})
    with pytest.raises(
        CorruptInputError, match=r"Word 文档已损坏：缺少正文部分（word/document.xml）"
    ):
        load(data)


def test_excel_workbook_is_not_a_word_document() -> None:
    data = make_zip({"[Content_Types].xml": _CONTENT_TYPES, "xl/workbook.xml": b"<x/>"})
    with pytest.raises(
        UnsupportedInputError, match=r"这是 Excel 表格（\.xlsx），不是 Word 文档：本工具读取纯文本"
    ):
        load(data, name="报表.xlsx")


def test_plain_zip_archive() -> None:
    data = make_zip({"report.pdf": b"%PDF-1.4"})
    with pytest.raises(UnsupportedInputError, match=r"这是 ZIP 压缩包，不是 Word 文档.*请先解压"):
        load(data)


def test_broken_word_xml() -> None:
    data = make_zip(
        {
            "[Content_Types].xml": _CONTENT_TYPES,
            "_rels/.rels": _RELS,
            "word/document.xml": b"<w:document><unclosed>",
        }
    )
    with pytest.raises(CorruptInputError, match="Word 文档已损坏，无法读取其内容"):
        load(data, name="a.docx")


def test_truncated_zip() -> None:
    data = (INPUTS / "seed000.docx").read_bytes()[:5000]
    with pytest.raises(CorruptInputError, match="文件是 zip 格式（Word 文档的格式），但已损坏"):
        load(data)


def test_minimal_docx_and_kind_override() -> None:
    document = load(minimal_docx("规章 0 0 0".encode()), kind="docx")
    assert document.kind == "docx"
    assert [line.text for line in document.lines] == ["规章 0 0 0"]
    with pytest.raises(
        CorruptInputError, match=r"指定按 Word（\.docx）读取，但内容不是有效的 Word 文档"
    ):
        load(b"plain text", kind="docx")


def test_style_chains_that_loop_or_never_end_are_walked_safely() -> None:
    from gongkai.reader._docx import _parse, _Styles

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    styles = [
        f'<w:style w:type="character" w:styleId="s{i}"><w:basedOn w:val="s{i + 1}"/></w:style>'
        for i in range(5000)  # deeper than Python's recursion limit
    ]
    styles.append('<w:style w:type="character" w:styleId="s3"><w:rPr><w:vanish/></w:rPr></w:style>')
    styles.append(
        '<w:style w:type="character" w:styleId="a"><w:basedOn w:val="b"/></w:style>'
        '<w:style w:type="character" w:styleId="b"><w:basedOn w:val="a"/>'
        "<w:rPr><w:strike/></w:rPr></w:style>"
    )
    root = _parse(f'<w:styles xmlns:w="{w}">{"".join(styles)}</w:styles>'.encode())
    found = _Styles(root)
    assert found.of("s0") == {"vanish": True}  # s3, the second definition, is based on nothing
    assert found.of("s4000") == {}
    assert found.of("a") == found.of("b") == {"strike": True}


_DELETED_MARK = (
    '<w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2025-01-10T00:00:00Z"/></w:rPr></w:pPr>'
)


def test_a_deleted_paragraph_mark_joins_paragraphs_of_one_cell_only() -> None:
    # Accepted, a deleted mark joins its paragraph to the next one; Word keeps the mark that
    # ends a cell, the body or the paragraph before a table: nothing follows it to join.
    deleted = f"<w:p>{_DELETED_MARK}<w:r><w:t>37</w:t></w:r></w:p>"
    plain = "<w:p><w:r><w:t>%s</w:t></w:r></w:p>"
    body = cells(deleted, plain % "351", deleted + plain % "2") + deleted + cells(plain % "9")
    lines = [line.text for line in load(docx_of_body(body)).lines]
    assert lines == ["37", "351", "372", "37", "9"]


def _alternatives(requires: str, namespace: str) -> str:
    """A text box as Word writes it: a DrawingML choice showing 96171.6, a VML fallback left
    stale by another editor (95000.2)."""
    box = "<w:txbxContent><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:txbxContent>"
    choice = (
        f'<mc:Choice xmlns:x="{namespace}" Requires="{requires}"><w:drawing>'
        f"<wp:inline><x:wsp><x:txbx>{box % '96171.6'}</x:txbx></x:wsp></wp:inline>"
        "</w:drawing></mc:Choice>"
    )
    fallback = (
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box % '95000.2'}</v:textbox></v:shape>"
        "</w:pict></mc:Fallback>"
    )
    return (
        '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
        'markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        'wordprocessingDrawing" xmlns:v="urn:schemas-microsoft-com:vml">'
        f"{choice}{fallback}</mc:AlternateContent></w:r></w:p>"
    )


def test_alternative_content_is_the_choice_word_understands() -> None:
    # Word shows the first mc:Choice whose namespaces it understands (a wps text box), else
    # the mc:Fallback; mammoth alone reads the fallback, stale here.
    shape = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    other = "http://www.example.com/unknown-extension"
    for requires, namespace, shown in (
        ("x", shape, "96171.6"),
        ("x", other, "95000.2"),
        ("undeclared", shape, "95000.2"),
    ):
        body = cells(_alternatives(requires, namespace))
        assert [line.text for line in load(docx_of_body(body)).lines] == [shown]


_WHITE_STYLE = (
    '<w:style w:type="character" w:styleId="white"><w:rPr><w:color w:val="FFFFFF"/></w:rPr>'
    '</w:style><w:style w:type="character" w:styleId="paper"><w:basedOn w:val="white"/>'
    "</w:style>"
)


@pytest.mark.parametrize(
    ("digit", "cell", "shown"),
    [
        ('<w:color w:val="FFFFFF"/>', "", "1362"),
        ('<w:rStyle w:val="paper"/>', "", "1362"),  # white through its style's basedOn
        ('<w:color w:val="ffffff" w:themeColor="background1"/>', "", "1362"),
        # Seen: on a shaded cell, with a highlight or an outline, in grey, in a theme's shade.
        ('<w:color w:val="FFFFFF"/>', '<w:shd w:val="clear" w:fill="1F4E79"/>', "21362"),
        ('<w:color w:val="FFFFFF"/><w:highlight w:val="black"/>', "", "21362"),
        ('<w:color w:val="FFFFFF"/><w:outline/>', "", "21362"),
        ('<w:color w:val="FFFFFF"/><w14:glow w14:rad="63500"/>', "", "21362"),
        ('<w:color w:val="F2F2F2"/>', "", "21362"),
        ('<w:color w:val="FFFFFF" w:themeColor="background1" w:themeShade="80"/>', "", "21362"),
    ],
)
def test_white_text_in_a_white_table_cell_is_not_read(digit: str, cell: str, shown: str) -> None:
    # An old digit left in white before the new value: unseen on a white cell, not read there;
    # out of tables (a paragraph may lie over a coloured shape) it is read.
    paragraph = (
        f"<w:p><w:r><w:rPr>{digit}</w:rPr><w:t>2</w:t></w:r><w:r><w:t>1362</w:t></w:r></w:p>"
    )
    body = cells(f"<w:tcPr>{cell}</w:tcPr>{paragraph}") + paragraph
    lines = [line.text for line in load(docx_of_body(body, _WHITE_STYLE)).lines]
    assert lines == [shown, "21362"]


def test_white_text_is_read_in_a_table_whose_style_shades_cells() -> None:
    # A table style shading its header row (or one it is based on) may be behind any cell.
    shading = '<w:tcPr><w:shd w:val="clear" w:fill="4472C4"/></w:tcPr>'
    styles = (
        f'<w:style w:type="table" w:styleId="grid"><w:tblStylePr w:type="firstRow">{shading}'
        '</w:tblStylePr></w:style><w:style w:type="table" w:styleId="mine">'
        '<w:basedOn w:val="grid"/></w:style>'
    )
    paragraph = (
        '<w:p><w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>2</w:t></w:r>'
        "<w:r><w:t>1362</w:t></w:r></w:p>"
    )
    body = cells(paragraph).replace(
        "<w:tbl>", '<w:tbl><w:tblPr><w:tblStyle w:val="mine"/></w:tblPr>'
    )
    assert [line.text for line in load(docx_of_body(body, styles)).lines] == ["21362"]
