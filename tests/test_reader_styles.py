"""Any record, printed in any of the text renderings seen in the wild, reads back exactly.

The renderings are the ones of the corpus: pipe rows, one cell per line ending in " |", cells
separated by blank lines, a PDF text layer's space-separated columns, tab-separated cells and
markdown rows; the group labels (三、本年度办理结果, （三）不予公开 …) printed before the first
row of their group, as rowspans flatten. Every printed value is separated from the next, so
every cell must come back exactly.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai import read
from gongkai.layout import FORMATS, layout

STYLES = ("pipe", "cell_per_line", "blank_lines", "layout", "tabs", "markdown")
TITLES = {"active": "二、主动公开政府信息情况", "requests": "三、收到和处理政府信息公开申请情况"}


def _printed_rows(fmt: str, values: dict[str, int | float]) -> list[tuple[str, list[str]]]:
    """(label, printed values) per line of the tables; headers have no values."""
    out: list[tuple[str, list[str]]] = []
    for table in layout(fmt).tables:  # type: ignore[arg-type]
        if table.key == "appeals":
            out += [
                ("四、政府信息公开行政复议、行政诉讼情况", []),
                ("行政复议 行政诉讼", []),
                ("结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉", []),
                ("", [_show(values[p]) for p in table.paths()]),
            ]
            continue
        out.append((TITLES[table.key], []))
        if table.key == "requests":
            out += [("申请人情况", []), ("自然人 法人或其他组织 总计", [])]
            out.append(("商业企业 科研机构 社会公益组织 法律服务机构 其他", []))
        item = group = None
        for row in table.rows:
            if row.item and row.item != item:
                item = row.item
                out.append((row.item, []))
                out.append(("信息内容 " + " ".join(c.label for c in row.columns), []))
            label = row.label
            if row.group and row.group != group:
                group = row.group
                label = f"{row.group} {label}"
            cells = [_show(values[f"{table.key}.{row.key}.{c.key}"]) for c in row.columns]
            out.append((label, cells))
    return out


def _show(value: int | float) -> str:
    return str(value)


def render(fmt: str, values: dict[str, int | float], style: str) -> str:
    lines = ["示例镇2023年政府信息公开工作年度报告", "一、总体情况", "本年度工作情况良好。"]
    for label, cells in _printed_rows(fmt, values):
        if not cells:
            lines.append(label)
        elif style == "pipe":
            lines.append(" | ".join([label, *cells]) + " |")
        elif style == "cell_per_line":
            lines += [f"{x} |" for x in ([label] if label else []) + cells]
        elif style == "blank_lines":
            for x in ([label] if label else []) + cells:
                lines += [x, ""]
        elif style == "layout":
            lines.append("    ".join([label, *cells]))
        elif style == "tabs":
            lines.append("\t".join([label, *cells]))
        else:
            lines.append("| " + " | ".join([label, *cells]) + " |")
    lines += ["五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"]
    return "\n".join(lines)


@st.composite
def records(draw: Any) -> tuple[str, dict[str, int | float]]:
    fmt = draw(st.sampled_from(FORMATS))
    values: dict[str, int | float] = {}
    for table in layout(fmt).tables:
        for row in table.rows:
            for column in row.columns:
                path = f"{table.key}.{row.key}.{column.key}"
                if column.kind == "amount":
                    cents = draw(st.integers(min_value=0, max_value=10**7))
                    values[path] = cents // 100 if cents % 100 == 0 else cents / 100
                elif column.kind == "signed":
                    values[path] = draw(st.integers(min_value=-999, max_value=999))
                else:
                    values[path] = draw(st.integers(min_value=0, max_value=99_999))
    return fmt, values


@given(records(), st.sampled_from(STYLES))
def test_every_rendering_reads_back(record: tuple[str, dict[str, int | float]], style: str) -> None:
    fmt, values = record
    report = read(render(fmt, values, style))
    assert report.format == fmt
    assert dict(report.cells()) == values


APPLICANTS = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_service",
    "other",
)


@st.composite
def consistent_records(draw: Any) -> tuple[str, dict[str, int | float]]:
    """Records whose tables 三 and 四 satisfy every identity of the layout."""
    fmt, values = draw(records())
    requests = layout(fmt).table("requests")
    outcomes = next(i for i in requests.identities if i.kind == "column_sum").parts
    small = st.integers(min_value=0, max_value=draw(st.sampled_from([1, 9, 30, 300])))
    for column in APPLICANTS:
        cells = {row: draw(small) for row in outcomes}
        total = sum(cells.values())
        forward = draw(small)
        carried = draw(st.integers(min_value=0, max_value=total + forward))
        cells |= {"total": total, "carried_forward": forward, "carried_over": carried}
        cells["new_received"] = total + forward - carried
        for row, value in cells.items():
            values[f"requests.{row}.{column}"] = value
    for row in requests.rows:
        values[f"requests.{row.key}.total"] = sum(
            int(values[f"requests.{row.key}.{c}"]) for c in APPLICANTS
        )
    for block in layout(fmt).table("appeals").rows:
        parts = [draw(small) for _ in range(4)]
        for key, value in zip(("upheld", "corrected", "other", "pending"), parts, strict=True):
            values[f"appeals.{block.key}.{key}"] = value
        values[f"appeals.{block.key}.total"] = sum(parts)
    return fmt, values


def flattened(fmt: str, values: dict[str, int | float]) -> str:
    """The whole report on one line, each row's digits run together (corpus 009/011/013)."""
    pieces = ["示例镇2023年政府信息公开工作年度报告 一、总体情况 本年度工作情况良好。"]
    for label, cells in _printed_rows(fmt, values):
        pieces.append(label.replace(" ", "") + "".join(cells))
    pieces.append("五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。")
    return "".join(pieces)


@settings(max_examples=25)  # each example is a whole flattened report: up to ~2 s of search
@given(consistent_records())
def test_digits_run_together_are_split_only_when_unique(
    record: tuple[str, dict[str, int | float]],
) -> None:
    """Never invent: each cell read from a flattened page is its true value or null."""
    fmt, values = record
    report = read(flattened(fmt, values))
    for path, value in report.cells():
        assert value is None or value == values[path], path


# Sub-row labels as some reports print them, short (their ordinal kept): each is read as the
# row its ordinal and place name, with a note.
ABRIDGED = {
    "没有现成信息需要另行制作": "需另行制作",
    "补正后申请内容仍不明确": "补正后仍不明确",
    "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请": "申请人逾期未缴费",
    "其他法律行政法规禁止公开": "法律法规禁止公开",
}


@given(records(), st.sampled_from(STYLES))
def test_sub_rows_printed_short_read_back(
    record: tuple[str, dict[str, int | float]], style: str
) -> None:
    fmt, values = record
    text = render(fmt, values, style)
    for whole, short in ABRIDGED.items():
        text = text.replace(whole, short)
    report = read(text)
    assert dict(report.cells()) == values
    placed = [n.path for n in report.notes if "按序号和位置认定" in n.message]
    assert "requests.unavailable_needs_creation" in placed
