"""Plain text sources: one line per physical line, and encoding detection."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

from gongkai.errors import EncodingError
from gongkai.reader.load import load

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
INPUTS = FIXTURES / "inputs"
SEED_004 = FIXTURES / "seeds" / "004_47ca45022deb3961.txt"
# Corpus text files that are plain text (001 is a JavaScript file, 006 an HTML fragment).
PLAIN = sorted(
    path.name for path in CORPUS.glob("*.txt") if path.name not in ("001.txt", "006.txt")
)


def physical_lines(text: str) -> list[str]:
    lines = re.split(r"\r\n|\r|\n", text)
    return lines[:-1] if lines[-1] == "" else lines


@pytest.mark.parametrize("name", PLAIN)
def test_corpus_text_is_one_line_per_physical_line(name: str) -> None:
    document = load(CORPUS / name)
    expected = physical_lines((CORPUS / name).read_text("utf-8"))
    assert document.kind == "text"
    assert document.encoding == "utf-8"
    assert document.name == name
    assert [line.text for line in document.lines] == expected
    assert [line.line for line in document.lines] == list(range(1, len(expected) + 1))
    assert [line.where for line in document.lines] == [
        f"第{n}行" for n in range(1, len(expected) + 1)
    ]
    assert not any(line.cell or line.row_start or line.table for line in document.lines)


def test_blank_lines_are_kept_as_lines() -> None:
    document = load(b"first\n\n\nlast\n", name="a.txt")
    assert [(line.text, line.where) for line in document.lines] == [
        ("first", "第1行"),
        ("", "第2行"),
        ("", "第3行"),
        ("last", "第4行"),
    ]


def test_crlf_and_cr_line_ends() -> None:
    document = load("一\r\n二\r三\n四".encode())
    assert [line.text for line in document.lines] == ["一", "二", "三", "四"]


def test_gb18030_copy_of_a_report_reads_like_the_utf8_original() -> None:
    document = load(INPUTS / "011.gb18030.txt")
    original = load(CORPUS / "011.txt")
    assert document.encoding == "gb18030"
    assert document.kind == "text"
    assert document.lines == original.lines
    assert document.title == "平潭综合实验区2021年度政府信息公开工作年度报告"


def test_gb18030_traditional_script_with_pinyin() -> None:
    document = load(INPUTS / "seed004.gb18030.txt")
    assert document.encoding == "gb18030"
    assert document.lines[0].text == "湘潭縣錦石鄉(xiāng)2020年度政府信息公開工作年度報(bào)告"
    assert [line.text for line in document.lines] == physical_lines(SEED_004.read_text("utf-8"))
    assert document.title == document.lines[0].text


def test_big5_is_found_by_charset_detection() -> None:
    text = re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+\)", "", SEED_004.read_text("utf-8"))
    document = load(text.encode("big5", "ignore"))
    assert document.encoding == "big5"
    assert document.lines[0].text == "湘潭縣錦石鄉2020年度政府信息公開工作年度報告"
    assert any("自动检测判定为 big5" in note for note in document.notes)


def test_utf16_without_bom_is_recognised() -> None:
    document = load(INPUTS / "utf16-nobom.txt")
    assert document.encoding == "utf-16-le"
    start = (CORPUS / "013.txt").read_text("utf-8")[:3000]
    assert [line.text for line in document.lines] == physical_lines(start)
    assert document.notes == ("文件是不带字节顺序标记（BOM）的 UTF-16-LE 文本，已按此解码",)


@pytest.mark.parametrize(
    ("bom", "codec", "reported"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    ],
)
def test_byte_order_marks(bom: bytes, codec: str, reported: str) -> None:
    document = load(bom + "二、主动公开政府信息情况\n规章 0 0 0\n".encode(codec))
    assert document.encoding == reported
    assert [line.text for line in document.lines] == ["二、主动公开政府信息情况", "规章 0 0 0"]


def test_given_encoding_gbk_is_read_as_gb18030() -> None:
    # 镕 is outside GB2312 and GBK's common range: GB18030 reads everything GBK wrote.
    data = "朱镕基 规章 0\n".encode("gbk")
    document = load(data, encoding="gb2312")
    assert document.encoding == "gb18030"
    assert document.lines[0].text == "朱镕基 规章 0"


def test_given_encoding_that_does_not_fit() -> None:
    data = "二、主动公开政府信息情况".encode("gb18030")
    with pytest.raises(
        EncodingError, match=r"无法按指定的编码 utf-8 解码（第 1 字节处）.*--encoding gb18030"
    ):
        load(data, encoding="utf-8")


def test_unknown_encoding_name() -> None:
    with pytest.raises(EncodingError, match="不认识的编码名称“klingon”：请使用常见的编码名"):
        load(b"abc", encoding="klingon")


def test_utf8_cut_inside_its_last_character() -> None:
    data = "二、主动公开政府信息情况".encode()[:-1]
    document = load(data)
    assert document.encoding == "utf-8"
    assert document.lines[0].text == "二、主动公开政府信息情"
    assert document.notes == ("文件末尾有一个不完整的 UTF-8 字符（文件可能被截断），已忽略",)


def test_utf8_with_a_few_damaged_bytes_stays_utf8() -> None:
    text = (CORPUS / "013.txt").read_text("utf-8")
    data = bytearray(text.encode())
    data[100] = 0xFF
    document = load(bytes(data))
    assert document.encoding == "utf-8"
    assert sum(x.text.count("\ufffd") for x in document.lines) == 1
    assert any(
        note.startswith("文件按 UTF-8 解码，但有 1 处损坏的字节（从第 101 字节起）")
        for note in document.notes
    )


def test_mixed_encodings_cannot_be_decoded() -> None:
    with pytest.raises(
        EncodingError, match=r"无法识别文件的文字编码.*请加 --encoding gb18030 重试"
    ):
        load(INPUTS / "mixed-encoding.txt")


def test_declared_charset_of_a_page_is_honoured() -> None:
    page = '<html><head><meta charset="big5"></head><body><p>年度報告</p></body></html>'
    document = load(page.encode("big5"))
    assert document.encoding == "big5"
    assert [line.text for line in document.lines] == ["年度報告"]


def test_nul_bytes_in_text_are_dropped_with_a_note() -> None:
    data = ("规章 0 0 0\n" * 400).encode() + b"\x00"
    document = load(data)
    assert document.encoding == "utf-8"
    assert document.lines[-1].text == "规章 0 0 0"
    assert "文件中有 1 个空字节（NUL），已删除" in document.notes


def test_str_source_is_text_already_decoded() -> None:
    document = load("标题: 某镇2023年政府信息公开工作年度报告\n一、总体情况", name="x.txt")
    assert document.encoding is None
    assert document.kind == "text"
    assert document.name == "x.txt"
    assert document.title == "某镇2023年政府信息公开工作年度报告"


def test_text_that_mentions_angle_brackets_stays_text() -> None:
    document = load(CORPUS / "025.txt")
    assert document.kind == "text"
    assert any("<中华人民共和国政府信息公开工作年度报告格" in line.text for line in document.lines)


def test_very_long_line_is_cut_into_parts() -> None:
    line = "本年度共收到申请。" * 30_000  # 270,000 characters on one line
    document = load(line + "\n第二行")
    parts = [x for x in document.lines if x.line == 1]
    assert len(parts) == 3
    assert "".join(x.text for x in parts) == line
    assert all(len(x.text) <= 100_000 for x in parts)
    assert [x.where for x in parts] == ["第1行（第1部分）", "第1行（第2部分）", "第1行（第3部分）"]
    assert parts[0].text.endswith("。")
    assert document.lines[-1].text == "第二行"
    assert document.notes == ("第1行过长（超过 100000 字），已分成几部分读取",)
