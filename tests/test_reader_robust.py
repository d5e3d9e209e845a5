"""The reader never raises on arbitrary input: a record, or a clear ``InputError``."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gongkai.errors import InputError
from gongkai.reader.api import read
from gongkai.reader.document import Line
from gongkai.reader.report import read_lines

TABLE_WORDS = st.sampled_from(
    [
        "规章",
        "行政规范性文件",
        "一、本年新收政府信息公开申请数量",
        "（七）总计",
        "0",
        "12",
        "000000",
        "三、收到和处理政府信息公开申请情况",
        "行政复议",
        "|",
        "\n",
        " ",
        "—",
        "无",
        "1.属于国家秘密",
        "四、政府信息公开行政复议、行政诉讼情况",
        "结果维持",
        "640020470",
        "2024年",
        "鄉(xiāng)",
    ]
)


@given(st.text())
def test_any_text(text: str) -> None:
    try:
        report = read(text)
    except InputError as error:
        assert error.message
    else:
        assert report.format in (None, "2021", "2019", "pre-2019")


@given(st.binary(max_size=2000))
def test_any_bytes(data: bytes) -> None:
    try:
        read(data)
    except InputError as error:
        assert error.message


@given(st.lists(TABLE_WORDS, max_size=80))
def test_any_arrangement_of_table_words(words: list[str]) -> None:
    text = "2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n" + "\n".join(words)
    report = read(text)
    for _, value in report.cells():
        assert value is None or isinstance(value, int | float)


@given(st.lists(st.tuples(TABLE_WORDS, st.booleans()), max_size=60))
def test_any_structured_cells(cells: list[tuple[str, bool]]) -> None:
    lines = [
        Line(text, f"表格1 第{i}行", None, cell=True, row_start=start)
        for i, (text, start) in enumerate(cells)
    ]
    report = read_lines(lines)
    assert len(report.cells()) in (0, 198, 200)
