"""Inputs we refuse, with a Chinese message each, and the promise that ``load`` raises nothing
but ``InputError`` whatever it is given."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.errors import (
    EmptyInputError,
    InputError,
    InputTooLargeError,
    UnsupportedInputError,
)
from gongkai.reader.document import Document
from gongkai.reader.load import MAX_BYTES, load
from tests.zip_damage import break_deflate

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
INPUTS = FIXTURES / "inputs"


def test_empty_file() -> None:
    with pytest.raises(
        EmptyInputError, match=r"文件是空的（0 字节）：请确认文件已完整下载或保存"
    ) as caught:
        load(INPUTS / "empty.txt")
    assert caught.value.path == str(INPUTS / "empty.txt")


@pytest.mark.parametrize("content", [" \n\t\r\n", "\u3000\u00a0\n\u200b", "\ufeff  "])
def test_whitespace_only(content: str) -> None:
    with pytest.raises(EmptyInputError, match="文件只有空白字符，没有文字：请确认文件内容是否完整"):
        load(content.encode())


def test_empty_str() -> None:
    with pytest.raises(EmptyInputError, match="输入的文字是空的"):
        load("")


def test_binary_garbage() -> None:
    with pytest.raises(
        UnsupportedInputError,
        match=r"不是可读的文本、网页、DOCX 或 PDF 文件：内容含有大量二进制字节（如 NUL、控制字符）",
    ):
        load(INPUTS / "garbage.bin")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            r"旧版 Office 文件（\.doc/\.xls）：请用 Word",
        ),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "这是 PNG 图片：请先做文字识别（OCR）"),
        (b"\xff\xd8\xff\xe0" + bytes(100), "这是 JPEG 图片"),
        (b"Rar!\x1a\x07\x00" + bytes(100), "这是 RAR 压缩包：请先解压"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, message: str) -> None:
    with pytest.raises(UnsupportedInputError, match=message):
        load(data)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with open(path, "wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: no disk space used
    with pytest.raises(
        InputTooLargeError, match=r"文件“huge\.html”有 50\.0 MB，超过上限 50 MB"
    ) as caught:
        load(path)
    assert caught.value.path == str(path)


def test_size_limit_on_bytes() -> None:
    with pytest.raises(InputTooLargeError, match="超过上限 50 MB"):
        load(b" " * (MAX_BYTES + 1))


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-report.html"
    with pytest.raises(
        InputError, match=r"找不到文件“.*no-such-report\.html”：请检查路径和文件名"
    ) as caught:
        load(missing)
    assert type(caught.value) is InputError
    assert caught.value.path == str(missing)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="是一个文件夹，不是文件：请给出报告文件本身的路径"):
        load(tmp_path)


def test_unknown_kind() -> None:
    with pytest.raises(UnsupportedInputError, match="不支持的文件类型“xlsx”：可选 text（纯文本）"):
        load(b"abc", kind="xlsx")


def test_str_cannot_be_a_pdf() -> None:
    with pytest.raises(UnsupportedInputError, match="PDF 和 Word 文件须以文件路径或字节内容传入"):
        load("%PDF-1.4", kind="pdf")


def test_docx_without_text() -> None:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with pytest.raises(EmptyInputError, match="Word 文档中没有文字：请确认文件是否为年度报告"):
        load(buffer.getvalue(), name="blank.docx")


@pytest.mark.parametrize(
    "page",
    [
        "<div>" * 50_000 + "深处" + "</div>" * 50_000 + "<p>正文</p>",
        "<p>" + "报告" * 6_000_000 + "</p>",
    ],
)
def test_pages_beyond_the_parser_limits_are_refused(page: str) -> None:
    with pytest.raises(UnsupportedInputError, match="网页结构超出解析限制（标签嵌套超过 256 层"):
        load(page)


def test_too_many_lines() -> None:
    with pytest.raises(
        InputTooLargeError, match="网页内容超过 100000 行（或表格单元格），不像一份年度报告"
    ):
        load("<table><tr>" + "<td>1</td>" * 100_001 + "</tr></table>")


def test_absurd_spans_are_refused() -> None:
    page = (
        "<table><tr>"
        + "<td rowspan=65534 colspan=1000>1</td>" * 2000
        + "</tr>"
        + "<tr><td>1</td></tr>" * 2000
        + "</table>"
    )
    with pytest.raises(UnsupportedInputError, match="合并单元格（rowspan/colspan）的数值异常"):
        load(page)


def check(document: Document) -> None:
    assert document.lines
    assert document.kind in ("text", "html", "docx", "pdf")
    for line in document.lines:
        assert line.where
        if line.cell:
            assert line.table is not None and line.table >= 1
        else:
            assert not line.row_start


def check_error(error: InputError) -> None:
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error.message)


SEEDS = [
    (CORPUS / "011.html").read_bytes()[20_000:60_000],
    (CORPUS / "001.txt").read_bytes()[:6000],
    (CORPUS / "006.txt").read_bytes()[:6000],
    (INPUTS / "011.gb18030.txt").read_bytes(),
    (INPUTS / "seed000.docx").read_bytes(),
    (CORPUS / "039.pdf").read_bytes()[:60_000],
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), kind=st.sampled_from([None, None, "text", "html"]))
def test_any_bytes_give_a_document_or_an_input_error(data: bytes, kind: str | None) -> None:
    try:
        document = load(data, kind=kind)
    except InputError as error:
        check_error(error)
    else:
        check(document)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(range(len(SEEDS))),  # an index: a falsifying example prints short
    edits=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=8)), max_size=6),
    cut=st.floats(0.05, 1),
    name=st.sampled_from([None, "a.docx", "a.pdf", "a.html", "a.txt"]),
)
def test_damaged_real_files_give_a_document_or_an_input_error(
    seed: int, edits: list[tuple[float, bytes]], cut: float, name: str | None
) -> None:
    original = SEEDS[seed]
    data = bytearray(original[: max(1, int(len(original) * cut))])
    for where, junk in edits:
        at = int(where * (len(data) - 1))
        data[at : at + len(junk)] = junk
    try:
        document = load(bytes(data), name=name)
    except InputError as error:
        check_error(error)
    else:
        check(document)


def test_docx_with_a_corrupt_deflate_stream_is_an_input_error() -> None:
    # Found by the property above in CI: a deflate stream broken inside word/document.xml made
    # zipfile raise zlib.error, which escaped as a crash instead of a message.
    original = (INPUTS / "seed000.docx").read_bytes()
    broken = break_deflate(original, "word/document.xml", 0.5)
    with pytest.raises(InputError) as caught:
        load(broken, name="a.docx")
    check_error(caught.value)


MARKUP = st.sampled_from(
    [
        "<table>", "</table>", "<tr>", "</tr>", "<td>", "<td rowspan=3>", "<td colspan=0>",
        "<td rowspan=x colspan=-2>", "</td>", "<th>", "<p>", "</p>", "<br>", "<div>", "</div>",
        "<script>", "</script>", "<caption>", "&nbsp;", "&#0;", "<o:p>", "<pre>", "\n", " ",
        "规章", "0", "12", "<!--", "-->", "<![CDATA[", "let a = \"", "\\\"", "\\u00", "\"",
        "<meta charset=big5>", "<title>", "\x00", "\ud800", "\u3000",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.one_of(MARKUP, st.text(max_size=20)), max_size=60))
def test_any_text_gives_a_document_or_an_input_error(parts: list[str]) -> None:
    text = "".join(parts)
    for source in (text, text.encode("utf-8", "surrogatepass")):
        try:
            document = load(source)
        except InputError as error:
            check_error(error)
        else:
            check(document)
