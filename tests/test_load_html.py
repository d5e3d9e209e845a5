"""Web pages: text lines, one line per table cell with grid coordinates, page metadata.

Expected cell values were read from the pages' markup by hand, not from the loader.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.errors import EmptyInputError
from gongkai.reader.document import Document, Line
from gongkai.reader.load import load

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
INPUTS = FIXTURES / "inputs"


def cells_after(document: Document, label: str, count: int) -> list[Line]:
    """The cell whose text is ``label`` and the ``count`` cells after it."""
    lines = document.lines
    for index, line in enumerate(lines):
        if line.cell and line.text == label:
            return list(lines[index : index + count + 1])
    raise AssertionError(f"no cell {label!r}")


def row(document: Document, label: str, count: int) -> list[tuple[str, str]]:
    return [(line.where, line.text) for line in cells_after(document, label, count)]


def texts(document: Document) -> list[str]:
    return [line.text for line in document.lines if not line.cell]


# -- corpus pages --------------------------------------------------------------------------------


def test_011_page_metadata_and_kind() -> None:
    document = load(CORPUS / "011.html")
    assert document.kind == "html"
    assert document.encoding == "utf-8"
    assert document.name == "011.html"
    assert document.title == "平潭综合实验区2021年度政府信息公开工作年度报告"
    assert document.published == "2022-02-08"


def test_011_new_applications_row_has_its_seven_cells() -> None:
    document = load(CORPUS / "011.html")
    # <td colspan=3>一、…</td><td>64</td><td colspan=2>0</td><td>0</td><td>2</td><td>0</td>
    # <td>4</td><td>70</td>, under a header whose first cell spans three columns.
    assert row(document, "一、本年新收政府信息公开申请数量", 7) == [
        ("表格2 第4行第1列", "一、本年新收政府信息公开申请数量"),
        ("表格2 第4行第4列", "64"),
        ("表格2 第4行第5列", "0"),
        ("表格2 第4行第7列", "0"),
        ("表格2 第4行第8列", "2"),
        ("表格2 第4行第9列", "0"),
        ("表格2 第4行第10列", "4"),
        ("表格2 第4行第11列", "70"),
    ]
    cells = cells_after(document, "一、本年新收政府信息公开申请数量", 8)
    assert [c.row_start for c in cells] == [True] + [False] * 7 + [True]
    assert {c.table for c in cells} == {2}
    assert all(c.cell for c in cells)
    assert cells[0].line == 676  # the <td>'s line in the page source


def test_011_rowspan_shifts_the_following_rows() -> None:
    document = load(CORPUS / "011.html")
    # 三、本年度办理结果 spans 22 rows in column 1 and （三）不予公开 8 rows in column 2, so
    # the next row of （三） starts in column 3.
    assert row(document, "（一）予以公开", 1) == [
        ("表格2 第6行第2列", "（一）予以公开"),
        ("表格2 第6行第4列", "27"),
    ]
    assert row(document, "2.其他法律行政法规禁止公开", 1) == [
        ("表格2 第9行第3列", "2.其他法律行政法规禁止公开"),
        ("表格2 第9行第4列", "0"),
    ]
    # Rows 6 to 27 are the 22 rows of 三; （七）总计 is the last of them.
    assert row(document, "（七）总计", 7) == [
        ("表格2 第27行第2列", "（七）总计"),
        ("表格2 第27行第4列", "63"),
        ("表格2 第27行第5列", "0"),
        ("表格2 第27行第7列", "0"),
        ("表格2 第27行第8列", "2"),
        ("表格2 第27行第9列", "0"),
        ("表格2 第27行第10列", "4"),
        ("表格2 第27行第11列", "69"),
    ]
    assert row(document, "四、结转下年度继续办理", 1) == [
        ("表格2 第28行第1列", "四、结转下年度继续办理"),
        ("表格2 第28行第4列", "1"),
    ]


def test_011_keeps_the_article_and_drops_the_site_chrome() -> None:
    document = load(CORPUS / "011.html")
    lines = texts(document)
    assert "平潭综合实验区2021年度政府信息公开工作年度报告" in lines
    assert any("时间：2022-02-08 16:34" in line for line in lines)
    assert "六、其他需要报告的事项" in lines
    assert not any("省人大" in line for line in lines)  # a link in the site header
    assert document.notes == ("网页正文已识别，页眉、导航和页脚等网站框架内容未读入",)
    assert {line.table for line in document.lines if line.cell} == {1, 2, 3}


def test_009_procurement_row_and_2019_layout() -> None:
    document = load(CORPUS / "009.html")
    assert document.title == "平潭综合实验区2019年度政府信息公开工作年度报告"
    assert document.published == "2020-01-20"
    assert [text for _, text in row(document, "政府集中采购", 2)] == [
        "政府集中采购",
        "135",
        "75394432.52元",
    ]


def test_013_tables() -> None:
    document = load(CORPUS / "013.html")
    assert [text for _, text in row(document, "行政规范性文件", 3)] == [
        "行政规范性文件",
        "77",
        "132",
        "470",
    ]
    assert [text for _, text in row(document, "一、本年新收政府信息公开申请数量", 7)][1:] == [
        "80",
        "1",
        "0",
        "0",
        "0",
        "0",
        "81",
    ]


def test_gbk_page_with_gb2312_meta_reads_like_the_original() -> None:
    document = load(INPUTS / "013.gbk.html")
    original = load(CORPUS / "013.html")
    assert document.encoding == "gb18030"
    assert document.kind == "html"
    assert document.title == original.title
    assert [(x.where, x.text) for x in document.lines if x.cell] == [
        (x.where, x.text) for x in original.lines if x.cell
    ]


def test_word_exported_fragment_joins_labels_split_across_spans() -> None:
    document = load(CORPUS / "006.txt")
    assert document.kind == "html"
    cells = [line.text for line in document.lines if line.cell]
    # '申请人情</span><span>况', '三</span><span>、本</span>…', '行</span><span>政复议'
    assert "申请人情况" in cells
    assert "三、本年度办理结果" in cells
    assert "行政复议" in cells
    # Only the 自然人 and 总计 columns are filled; <o:p> </o:p> cells are blank.
    assert [text for _, text in row(document, "一、本年新收政府信息公开申请数量", 7)][1:] == [
        "26",
        "",
        "",
        "",
        "",
        "",
        "26",
    ]
    assert texts(document)[1] == "一、总体情况"


def test_page_inside_a_javascript_string() -> None:
    document = load(CORPUS / "001.txt")
    assert document.kind == "html"
    assert document.encoding == "utf-8"
    assert "网页内容嵌在 JavaScript 字符串中，已解出后按网页读取" in document.notes
    assert document.title == "2019年上海市人民政府办公厅政府信息公开工作年度报告"
    assert texts(document)[1] == "发布日期：2020-01-31"
    assert all(line.line is None for line in document.lines)
    cells = [line.text for line in document.lines if line.cell]
    assert "本年新制作数量" in cells  # 本年新<br />制作数量
    assert [text for _, text in row(document, "政府集中采购", 2)] == [
        "政府集中采购",
        "6",
        "251000元",
    ]
    # <td rowspan=20>三、本年度办理结果</td><td colspan=2>（一）予以公开</td> 258 12 &nbsp;
    # &nbsp; 1 1 &nbsp;: the 总计 column is left blank.
    assert row(document, "（一）予以公开", 7) == [
        ("表格2 第6行第2列", "（一）予以公开"),
        ("表格2 第6行第4列", "258"),
        ("表格2 第6行第5列", "12"),
        ("表格2 第6行第6列", ""),
        ("表格2 第6行第7列", ""),
        ("表格2 第6行第8列", "1"),
        ("表格2 第6行第9列", "1"),
        ("表格2 第6行第10列", ""),
    ]


def test_str_that_is_html_is_html() -> None:
    document = load("<p>一、总体情况</p><p>二、主动公开</p>")
    assert document.kind == "html"
    assert document.encoding is None
    assert texts(document) == ["一、总体情况", "二、主动公开"]


def test_kind_text_overrides_detection() -> None:
    document = load(b"<p>a</p>\n<p>b</p>", kind="text")
    assert document.kind == "text"
    assert [line.text for line in document.lines] == ["<p>a</p>", "<p>b</p>"]


# -- markup rules, on small pages -------------------------------------------------------------


def test_rowspan_and_colspan_grid() -> None:
    page = """<table>
      <tr><td rowspan="2" colspan="2">A</td><td>B</td><td rowspan="3">C</td></tr>
      <tr><td>D</td></tr>
      <tr><td>E</td><td colspan="2">F</td></tr>
      <tr><td colspan="4">G</td></tr>
    </table>"""
    document = load(page)
    assert [(x.where, x.text, x.row_start) for x in document.lines] == [
        ("表格1 第1行第1列", "A", True),
        ("表格1 第1行第3列", "B", False),
        ("表格1 第1行第4列", "C", False),
        ("表格1 第2行第3列", "D", True),
        ("表格1 第3行第1列", "E", True),
        ("表格1 第3行第2列", "F", False),
        ("表格1 第4行第1列", "G", True),
    ]


def test_blank_cells_and_cell_text_joining() -> None:
    page = (
        "<table><tr>"
        "<td>&nbsp;</td><td><p><o:p></o:p></p></td><td>  \n </td><td>\u3000</td>"
        "<td>本年新<br />制作数量</td><td><p>商业</p><p>企业</p></td><td>12<br>34</td>"
        "<td><span>申请人情</span><span>况</span></td><td>信息\n    内容</td><td>&nbsp;5</td>"
        "</tr></table>"
    )
    document = load(page)
    assert [x.text for x in document.lines] == [
        "",
        "",
        "",
        "",
        "本年新制作数量",
        "商业企业",
        "12  34",  # two numbers a break sets apart: two spaces ("1 056" is one number)
        "申请人情况",
        "信息内容",
        "\u00a05",
    ]


@pytest.mark.parametrize(
    ("cell", "printed"),
    [
        ('447228<span style="vertical-align: super">1</span>', "447228"),
        ('3119<span style="mso-text-raise:5.0pt">2</span>', "3119"),
        ('<span style="text-decoration: underline line-through">1289</span>1288', "1288"),
        ('<span style="visibility:hidden">9</span>1288', "1288"),
        # marks raised by a length (pdf2htmlEX, Acrobat) or moved up by position:relative
        ('1286<span style="vertical-align:4.2px;font-size:7px">1</span>', "1286"),
        ('1286<span style="vertical-align:33%">1</span>', "1286"),
        ('1286<span style="position:relative;top:-0.5em">1</span>', "1286"),
        # text that certainly does not show (against copying, for screen readers only)
        ('12<font style="font-size:0px;color:#FFFFFF">7</font>86', "1286"),
        ('<span style="opacity:0">99</span>1286', "1286"),
        (
            '<span style="display:inline-block;width:0;height:0;overflow:hidden">9</span>1286',
            "1286",
        ),
        ('<span style="position:absolute;left:-9999px">99</span>1286', "1286"),
        ('<span style="position:absolute;clip:rect(0 0 0 0)">99</span>1286', "1286"),
        (
            '<span style="position:absolute;width:1px;height:1px;overflow:hidden;'
            'clip:rect(0,0,0,0)">99</span>1286',
            "1286",
        ),
        # ordinary text nudged by Word, or aligned: printed
        ('<span style="mso-text-raise:1.0pt">1288</span>', "1288"),
        ('<span style="vertical-align: middle">1288</span>', "1288"),
        ('<span style="mso-text-raise:0pt">7</span>', "7"),
        ('1286<span style="vertical-align:0.000000px">1</span>', "12861"),
        ('<span style="position:relative;top:-2px">1286</span>', "1286"),
        ('合计<span style="vertical-align:3px">件数</span>', "合计件数"),  # a word, no mark
        # text that may show: white (the cell may be dark), a box of size 0 that does not clip,
        # a run of size 0 holding text that sets its own size, a box moved a little
        ('<span style="color:#fff">99</span>1286', "991286"),
        ('<span style="display:inline-block;width:0">9</span>1286', "91286"),
        ('<span style="font-size:0"><span style="font-size:14px">1286</span></span>', "1286"),
        ('<span style="position:absolute;left:-20px">9</span>1286', "91286"),
    ],
)
def test_text_a_style_keeps_from_a_cells_value_is_dropped(cell: str, printed: str) -> None:
    document = load(f"<table><tr><td>规章</td><td>{cell}</td></tr></table>")
    assert [x.text for x in document.lines] == ["规章", printed]


def test_text_lines_of_blocks_and_breaks() -> None:
    page = (
        "<html><head><title>x</title><style>p {}</style><script>var a = '<p>no</p>';</script>"
        "</head><body><div>一、总体<span>情况</span></div><p>第一行<br>第二行</p>"
        "<p>Word\n    wrapped 行\n    文</p><noscript>请启用脚本</noscript><p>&nbsp;</p>"
        "<p>\u3000\u3000缩进</p></body></html>"
    )
    document = load(page)
    assert [(x.text, x.where) for x in document.lines] == [
        ("一、总体情况", "第1段"),
        ("第一行", "第2段"),
        ("第二行", "第3段"),
        ("Word wrapped 行文", "第4段"),
        ("\u3000\u3000缩进", "第5段"),
    ]
    assert document.lines[0].line == 1


def test_layout_tables_are_read_as_text_and_nested_tables_as_tables() -> None:
    page = (
        "<table><tr><td><p>一、总体情况</p>"
        "<table><tr><td>规章</td><td>0</td></tr></table>"
        "<p>三、收到和处理</p></td></tr></table>"
        "<table><tr><td>只有一个单元格</td></tr></table>"
    )
    document = load(page)
    assert [(x.text, x.cell, x.table) for x in document.lines] == [
        ("一、总体情况", False, None),
        ("规章", True, 1),
        ("0", True, 1),
        ("三、收到和处理", False, None),
        ("只有一个单元格", False, None),
    ]


def test_caption_is_a_line_before_the_cells() -> None:
    document = load("<table><caption>表一</caption><tr><td>a</td><td>b</td></tr></table>")
    assert [(x.text, x.cell) for x in document.lines] == [
        ("表一", False),
        ("a", True),
        ("b", True),
    ]


def test_meta_tags_give_title_and_date() -> None:
    page = (
        "<html><head><title>某镇2023年度政府信息公开工作年度报告_信息公开_某县人民政府</title>"
        '<meta name="publishdate" content="2024/1/5 10:00"></head>'
        "<body><p>正文</p></body></html>"
    )
    document = load(page)
    assert document.title == "某镇2023年度政府信息公开工作年度报告"
    assert document.published == "2024-01-05"


def test_page_without_a_known_container_keeps_the_whole_body() -> None:
    page = "<body><div class='nav'>首页</div><div class='main'><p>一、总体情况</p></div></body>"
    document = load(page)
    assert texts(document) == ["首页", "一、总体情况"]
    assert document.notes == ()


def test_container_missing_a_table_is_not_trusted() -> None:
    article = "<p>" + "一、总体情况。" * 100 + "</p>"
    table = "<table><tr><td>规章</td><td>0</td></tr><tr><td>行政许可</td><td>3</td></tr></table>"
    page = f"<body><div id='zoom'>{article}</div><div>{table}</div></body>"
    document = load(page)
    assert [x.text for x in document.lines if x.cell] == ["规章", "0", "行政许可", "3"]
    assert document.notes == ()


def test_page_with_only_scripts_is_empty() -> None:
    with pytest.raises(EmptyInputError, match="网页中没有可读的正文文字（内容可能由脚本动态加载）"):
        load("<html><body><script>render()</script></body></html>")


def _cell_texts(page: str) -> list[str]:
    return [line.text for line in load(page.encode("utf-8"), name="a.html").lines if line.cell]


def test_digits_of_a_class_the_style_sheet_hides_are_no_part_of_the_cell() -> None:
    page = (
        "<html><head><style>.hide, span.gone { display: none }</style></head><body><table>"
        '<tr><td>行政许可</td><td><span class="hide">1289</span>1288</td></tr>'
        '<tr><td>行政处罚</td><td>44<span class="x gone">9</span>7</td></tr>'
        "</table></body></html>"
    )
    assert _cell_texts(page) == ["行政许可", "1288", "行政处罚", "447"]


def test_classes_hidden_on_some_screens_only_are_printed() -> None:
    # A page's PC and mobile copies: each hidden by an @media rule on the other's screens.
    page = (
        "<html><head><style>@media (max-width: 600px) { .pc { display: none } }</style></head>"
        '<body><table><tr><td>行政许可</td><td class="pc">1288</td></tr></table></body></html>'
    )
    assert _cell_texts(page) == ["行政许可", "1288"]


@pytest.mark.parametrize(
    ("css", "cell", "printed"),
    [
        # Google Docs formats every run through a class
        (".c9{color:#000;vertical-align:super}", '1286<span class="c9">1</span>', "1286"),
        (".c7{text-decoration:line-through;color:#f00}", '<span class="c7">12</span>15', "15"),
        (
            ".v1{vertical-align:6.48px}.fs3{font-size:27px}",
            '1286<span class="fs3 v1">1</span>',
            "1286",
        ),
        (
            "span.MsoFootnoteReference{vertical-align:super}",
            '5<span class="MsoFootnoteReference">[1]</span>',
            "5",
        ),
        (".junk{font-size:0}", '12<span class="junk">7</span>86', "1286"),
        # the element's own style wins; rules for some screens only, or for other selectors,
        # are not read
        (
            ".c9{vertical-align:super}",
            '1286<span class="c9" style="vertical-align:baseline">1</span>',
            "12861",
        ),
        ("@media print{.c9{vertical-align:super}}", '1286<span class="c9">1</span>', "12861"),
        ("#x .c9{vertical-align:super}", '1286<span class="c9">1</span>', "12861"),
    ],
)
def test_a_class_of_the_style_sheet_marks_strikes_or_hides_text_of_a_cell(
    css: str, cell: str, printed: str
) -> None:
    table = f"<table><tr><td>规章</td><td>{cell}</td></tr></table>"
    page = f"<html><head><style>{css}</style></head><body>{table}</body></html>"
    assert _cell_texts(page) == ["规章", printed]


def _text_lines(page: str) -> list[str]:
    return texts(load(page.encode("utf-8"), name="a.html"))


_P2H_CSS = "<style>.v0{vertical-align:0px}.v1{vertical-align:6.48px}.fs3{font-size:27.3px}</style>"


@pytest.mark.parametrize(
    ("line", "printed"),
    [
        # pdf2htmlEX: a positioned div a line; a mark raised by a class, or a <sup>
        ('行政许可<span class="_"> </span>1286<span class="fs3 v1">1</span>', "行政许可 1286"),
        ('行政许可<span class="_"> </span>1286<sup>1</sup>', "行政许可 1286"),
        ('<span style="color:#333">1286<sup>2</sup></span>', "1286"),  # 135editor's sections
        ("全年收到申请<del>45</del>50件", "全年收到申请50件"),
        ('行政许可 12<font style="font-size:0px">7</font>86', "行政许可 1286"),
        ('行政许可 <span style="display:none">9</span>1286', "行政许可 1286"),
        # printed: a value shifted off the line apart from its label, a lowered mark, a line
        # raised in every run, a raised word, a mark before its word, a run on the line
        ('行政许可<span class="_"> </span><span class="v1">86</span>', "行政许可 86"),
        ('行政许可 1286<span style="position:relative;top:2px">1</span>', "行政许可 12861"),
        ('<span class="v1">行政许可</span><span class="v1">86</span>', "行政许可86"),
        ('行政<span class="v1">许可</span>', "行政许可"),
        ("<sup>1</sup>行政许可", "1行政许可"),
        ('行政许可 1286<span class="v0">1</span>', "行政许可 12861"),
    ],
)
def test_outside_tables_marks_struck_and_invisible_text_are_dropped(
    line: str, printed: str
) -> None:
    lines = f'<div class="t">上一行</div><div class="t">{line}</div>'
    page = f"<html><head>{_P2H_CSS}</head><body>{lines}</body></html>"
    assert _text_lines(page) == ["上一行", printed]


def test_hidden_blocks_outside_tables_are_read() -> None:
    # WeChat hides its article until a script shows it.
    page = '<body><div id="js_content" style="visibility: hidden;"><p>一、总体情况</p></div></body>'
    assert _text_lines(page) == ["一、总体情况"]


@pytest.mark.parametrize(
    ("cell", "printed"),
    [
        # Excel's 数值 format "1234 in red" (0_ ;[Red]0 ) shows -3 as a red 3
        ('<td class="xl66" style="color:red" x:num="-3">3 </td>', "-3"),
        ('<td sdval="-3" sdnum="2052;0;0_ ;[RED]0 ">3</td>', "-3"),  # LibreOffice
        ('<td x:num="-1286">1,286</td>', "-1,286"),
        ('<td x:num="3">-3</td>', ""),  # the signs disagree the other way: no value
        ('<td x:num="-3">-3</td>', "-3"),
        ("<td x:num>3</td>", "3"),
        ('<td x:num="-0.0347">3%</td>', "3%"),  # another number shown: as printed
        ('<td x:num="-3">(3)</td>', "(3)"),
        ('<td x:num="-2.5">3</td>', "3"),
    ],
)
def test_a_spreadsheet_cell_is_signed_as_the_value_it_stores(cell: str, printed: str) -> None:
    assert _cell_texts(f"<table><tr><td>本年增/减</td>{cell}</tr></table>") == [
        "本年增/减",
        printed,
    ]


def test_a_spreadsheet_cell_signed_from_its_stored_value_has_a_note() -> None:
    document = load(b'<table><tr><td>a</td><td x:num="-3">3</td></tr></table>', name="a.html")
    assert document.notes == (
        "表格1 第1行第2列显示“3”，表格软件记录的数值为 -3（数字格式显示负数时不带负号，"
        "如红色数字），按负数读取",
    )
