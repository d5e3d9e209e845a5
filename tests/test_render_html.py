"""render_html: a standalone page whose tables are the official layout, cell by cell."""

from __future__ import annotations

from dataclasses import replace

import lxml.html
import pytest
from test_render_samples import SECTIONS, made_up_2019, made_up_2021, pre_2019, sample_ids, samples

from gongkai.layout import layout
from gongkai.record import Report
from gongkai.render import render_html
from gongkai.render._texts import format_value

Matrix = list[list[lxml.html.HtmlElement]]


def expand(table: lxml.html.HtmlElement) -> Matrix:
    """The table as a full matrix: a merged cell appears in every slot it covers."""
    rows = table.findall(".//tr")
    matrix: Matrix = [[] for _ in rows]
    pending: dict[tuple[int, int], lxml.html.HtmlElement] = {}
    for r, tr in enumerate(rows):
        col = 0
        cells = iter(tr.findall("td"))
        while True:
            if (r, col) in pending:
                matrix[r].append(pending.pop((r, col)))
                col += 1
                continue
            td = next(cells, None)
            if td is None:
                break
            rs, cs = int(td.get("rowspan", "1")), int(td.get("colspan", "1"))
            matrix[r].extend([td] * cs)
            for dr in range(1, rs):
                for dc in range(cs):
                    pending[(r + dr, col + dc)] = td
            col += cs
    return matrix


def distinct(cells: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    out: list[lxml.html.HtmlElement] = []
    for c in cells:
        if not out or out[-1] is not c:
            out.append(c)
    return out


def page(report: Report) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(render_html(report))


def expected(report: Report, path: str) -> str:
    table, row, column = path.split(".")
    fmt = report.format
    assert fmt in ("2021", "2019")
    col = layout(fmt).table(table).row(row).columns
    spec = next(c for c in col if c.key == column)
    return format_value(report.get(path), spec)


@pytest.mark.parametrize("report", samples(), ids=sample_ids())
def test_every_value_cell_holds_the_record_value(report: Report) -> None:
    doc = page(report)
    cells = {td.get("data-path"): td for td in doc.iter("td") if td.get("data-path")}
    paths = [p for p, _ in report.cells()]
    assert sorted(cells) == sorted(paths)
    for path in paths:
        assert cells[path].text_content() == expected(report, path), path
        assert cells[path].get("rowspan") is None  # value cells are never merged across rows


@pytest.mark.parametrize("report", samples(), ids=sample_ids())
def test_rows_read_by_their_printed_labels(report: Report) -> None:
    """Without data-path: find each layout row by its exact label, read its values in order."""
    doc = page(report)
    official = layout(report.format)
    for table in official.tables:
        (el,) = doc.xpath(f'//table[@data-table="{table.key}"]')
        matrix = expand(el)
        assert len({len(row) for row in matrix}) == 1, "every row spans the full width"
        if table.key == "appeals":
            values = distinct(matrix[-1])
            want = [expected(report, p) for p in table.paths()]
            assert [v.text_content() for v in values] == want
            continue
        for row in table.rows:
            hits = [r for r in matrix if any(c.text_content() == row.label for c in r)]
            assert len(hits) == 1, row.label
            cells = distinct(hits[0])
            at = [c.text_content() for c in cells].index(row.label)
            got = [c.text_content() for c in cells[at + 1 :]]
            want = [expected(report, f"{table.key}.{row.key}.{c.key}") for c in row.columns]
            assert got == want, row.label


def test_title_date_and_sections() -> None:
    report = made_up_2021()
    doc = page(report)
    body = doc.find("body")
    assert body is not None
    first = body[0]
    assert first.tag == "h1"
    assert first.text_content() == "平潭综合实验区管委会2023年政府信息公开工作年度报告"
    assert doc.findtext(".//title") == first.text_content()
    assert body[1].text_content() == "发布日期：2024-03-08"
    metas = {m.get("name"): m.get("content") for m in doc.iter("meta") if m.get("name")}
    assert metas["ArticleTitle"] == first.text_content()
    assert metas["PubDate"] == "2024-03-08"
    headings = doc.findall(".//h2")
    assert [h.text_content() for h in headings] == [
        f"{s.number}、{s.title}" for s in layout("2021").sections
    ]
    for h in headings:
        texts = []
        for sib in h.itersiblings():
            if sib.tag != "p":
                break
            texts.append(sib.text_content())
        assert texts == SECTIONS[h.getparent().get("data-section")].split("\n")


def test_sections_with_tables_three_and_four_print_wide() -> None:
    doc = page(made_up_2021())
    wide = [s.get("data-section") for s in doc.xpath('//section[@class="wide"]')]
    assert wide == ["三", "四"]
    assert "@page wide" in render_html(made_up_2021())


def test_no_date_line_without_a_date() -> None:
    doc = page(made_up_2019())
    assert "发布日期" not in doc.text_content()
    assert not doc.xpath('//meta[@name="PubDate"]')


def test_official_header_structure_2021() -> None:
    doc = page(made_up_2021())

    def cell(table: str, text: str) -> lxml.html.HtmlElement:
        (td,) = [
            td
            for td in doc.xpath(f'//table[@data-table="{table}"]//td')
            if td.text_content() == text
        ] or [None]
        assert td is not None, text
        return td

    items = [
        td.text_content() for td in doc.xpath('//table[@data-table="active"]//td[@colspan="4"]')
    ]
    assert items == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]
    assert cell("requests", "申请人情况").get("colspan") == "7"
    assert cell("requests", "法人或其他组织").get("colspan") == "5"
    assert cell("requests", "自然人").get("rowspan") == "2"
    assert cell("requests", "总计").get("rowspan") == "2"
    assert cell("requests", "三、本年度办理结果").get("rowspan") == "22"
    spans = {g: cell("requests", g).get("rowspan") for g in ("（三）不予公开", "（四）无法提供")}
    assert spans == {"（三）不予公开": "8", "（四）无法提供": "3"}
    assert cell("requests", "（五）不予处理").get("rowspan") == "5"
    assert cell("requests", "（六）其他处理").get("rowspan") == "3"
    assert cell("requests", "（一）予以公开").get("colspan") == "2"
    assert cell("appeals", "行政复议").get("colspan") == "5"
    assert cell("appeals", "行政诉讼").get("colspan") == "10"
    assert cell("appeals", "未经复议直接起诉").get("colspan") == "5"
    assert cell("appeals", "复议后起诉").get("colspan") == "5"


def test_official_header_structure_2019() -> None:
    doc = page(made_up_2019())
    tds = {td.text_content(): td for td in doc.xpath('//table[@data-table="requests"]//td')}
    assert tds["三、本年度办理结果"].get("rowspan") == "20"
    assert tds["（六）其他处理"].get("colspan") == "2"
    active = doc.xpath('//table[@data-table="active"]//td[@colspan="4"]')
    assert active[-1].text_content() == "第二十条第（九）项"


def test_values_as_printed() -> None:
    doc = page(made_up_2021())
    cells = {td.get("data-path"): td.text_content() for td in doc.iter("td") if td.get("data-path")}
    assert cells["active.fees.amount"] == "5949.088667"
    assert cells["active.licensing.decisions"] == "3985758"
    assert cells["active.coercion.decisions"] == ""
    assert cells["requests.unavailable_not_held.research"] == ""
    doc19 = page(made_up_2019())
    cells19 = {
        td.get("data-path"): td.text_content() for td in doc19.iter("td") if td.get("data-path")
    }
    assert cells19["active.licensing.change"] == "-3"
    assert cells19["active.procurement.amount"] == "75394432.52"


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        (3, "3"),
        (3.0, "3"),
        (0.5, "0.5"),
        (1e-7, "0.0000001"),
        (1e16, "10000000000000000"),
        (-2, "-2"),
        (None, ""),
    ],
)
def test_format_value(value: int | float | None, printed: str) -> None:
    column = layout("2021").table("active").row("fees").columns[0]
    assert format_value(value, column) == printed


def test_format_value_refuses_non_numbers() -> None:
    column = layout("2021").table("active").row("fees").columns[0]
    with pytest.raises(TypeError, match="not a cell value"):
        format_value(True, column)
    with pytest.raises(ValueError, match="not a printable cell value"):
        format_value(float("nan"), column)


def test_page_is_standalone() -> None:
    html = render_html(made_up_2021())
    doc = lxml.html.document_fromstring(html)
    assert not doc.xpath("//link | //script | //img | //iframe | //object | //@src | //@href")
    for forbidden in ("url(", "@import", "http://", "https://"):
        assert forbidden not in html
    assert doc.find(".//style") is not None


def test_text_is_escaped() -> None:
    report = replace(made_up_2021(), agency="<b>某镇</b>&", sections={"一": "a < b & c"})
    doc = page(report)
    assert doc.find(".//h1").text_content().startswith("<b>某镇</b>&")
    assert not doc.xpath("//b")
    assert "a < b & c" in doc.text_content()


def test_missing_table_renders_blank_cells() -> None:
    doc = page(replace(made_up_2021(), appeals=None))
    values = doc.xpath('//table[@data-table="appeals"]//td[@data-path]')
    assert len(values) == 15
    assert all(td.text_content() == "" for td in values)


def test_pre_2019_record_has_text_and_no_tables() -> None:
    doc = page(pre_2019())
    assert not doc.findall(".//table")
    assert "本年度，本机关坚持以公开为常态" in doc.text_content()
