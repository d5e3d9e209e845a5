"""Reading the three official tables of a report from its tokens.

Each table is read from the tokens of its own section. Rows come from ``scan``; each row's
printed values become cells (``cells``); rows whose digit runs still allow several splits are
decided together with the table's column identities; last, the cells the identities force to 0
are filled. Every cell keeps its provenance; everything uncertain becomes a null with a note.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from gongkai.layout import FormatName, IdentityInstance, Row, Table, layout
from gongkai.reader.cells import (
    CUT_MARK,
    PARSED,
    Cell,
    RowCells,
    blank_row,
    decided,
    no_number,
    parse_text,
    parse_value,
    row_cells,
    trailing,
)
from gongkai.reader.digits import Split, Sum, agreed
from gongkai.reader.lexicon import compact
from gongkai.reader.scan import NOTE, RowHit, in_order, scan
from gongkai.reader.tokens import Token
from gongkai.record import ExtraRow, Note, Provenance, TableData, Value

MAX_COMBINATIONS = 5000
Grid = dict[tuple[str, str], Value]


class TableRead:
    """What is read of one table. (A class with slots and its own ``__init__``: see RowHit.)"""

    __slots__ = ("data", "extra_rows", "notes", "provenance")

    def __init__(self, data: TableData) -> None:
        self.data = data
        self.provenance: dict[str, Provenance] = {}
        self.notes: list[Note] = []
        self.extra_rows: list[ExtraRow] = []


@cache
def _row_sums(fmt: FormatName, key: str) -> tuple[Sum, ...]:
    """The row sums of table ``key`` as (part columns, total column) indices."""
    table = layout(fmt).table(key)
    keys = table.rows[0].column_keys
    return tuple(
        (tuple(keys.index(p) for p in i.parts), keys.index(i.total[0]))
        for i in table.identities
        if i.kind == "row_sum"
    )


def read_table(
    fmt: FormatName,
    table: Table,
    tokens: Sequence[Token],
    *,
    ends_document: bool = False,
    page_breaks: frozenset[int] = frozenset(),
) -> TableRead:
    """Read one table from the tokens of its region; ``ends_document`` when the source ends
    inside the region (a truncated page); ``page_breaks``: the source lines dropped as page
    numbers or site chrome."""
    if not (ends_document and tokens and _may_be_cut(tokens[-1])):
        if table.key == "appeals":
            return _read_appeals(table, tokens)
        return _read_rows(fmt, table, tokens, ends_document, page_breaks, None)
    # The page ends in a value: its end may have cut it ("72" read as "7"). It is null,
    # unless its row is whole and adds up with it (see _restored).
    last = tokens[-1]
    marked = last.replaced(text=last.text + CUT_MARK)
    tokens = [*tokens[:-1], marked]
    if table.key == "appeals":
        out = _read_appeals(table, tokens)
    else:
        out = _read_rows(fmt, table, tokens, ends_document, page_breaks, (marked, last))
    # (The mark shown nowhere: the notes and provenance quote the value as printed.)
    out.notes[:] = [
        Note(n.message.replace(CUT_MARK, ""), n.path, n.where) if CUT_MARK in n.message else n
        for n in out.notes
    ]
    for path, where in out.provenance.items():
        if CUT_MARK in where.raw:
            out.provenance[path] = where._replace(raw=where.raw.replace(CUT_MARK, ""))
    return out


def _read_rows(
    fmt: FormatName,
    table: Table,
    tokens: Sequence[Token],
    ends_document: bool,
    page_breaks: frozenset[int],
    last_value: tuple[Token, Token] | None,
) -> TableRead:
    """``read_table`` of table 二 or 三; ``last_value``: the page's last value, as marked
    (perhaps cut) and as printed."""
    result = scan(fmt, table, tokens)
    out = TableRead(data=table.blank())
    sums = _row_sums(fmt, table.key)
    order = _column_order(fmt, table, tokens, result.rows, sums) if table.column_groups else None
    if order is not None:
        shown = "、".join(table.rows[0].columns[i].label for i in order)
        message = f"本表各列的印刷顺序（{shown}）与官方格式不同，已按表头对应各列"
        out.notes.append(Note(message, table.key, None))
    blocks, firsts = (
        _block_orders(fmt, table, tokens, result.rows) if table.key == "active" else ({}, [])
    )
    for index in (i for i in firsts if blocks[i]):
        shown = "、".join(table.rows[index].columns[i].label for i in blocks[index])
        message = f"本项各列的印刷顺序（{shown}）与官方格式不同，已按表头对应各列"
        out.notes.append(Note(message, _path(table, table.rows[index].key), None))
    added = _extra_columns(table, tokens, result.rows) if table.column_groups else 0
    if added:
        message = "表头在“总计”栏之后另印有栏目（如占比、备注），已略去各行该栏的数值"
        out.notes.append(Note(message, table.key, None))
    rows: dict[str, RowCells | None] = {}  # None: a plain row, already written
    hit_of = {table.rows[i].key: hit for i, hit in result.rows.items()}
    cell_notes: dict[str, list[Note]] = {}
    merging: bool | None = None  # whether the table prints runs that are no number (found once)
    row_end = 1  # lone "|" lines after a row's last cell (found with ``merging``)
    for index, hit in sorted(result.rows.items()):
        row = table.rows[index]
        if last_value is not None and hit.values and hit.values[-1] is last_value[0]:
            hit.values = _restored(hit.values, last_value[1], len(row.columns), sums)
        if added and _plain(hit.values, len(row.columns) + added):
            cut = [i for i, t in enumerate(hit.values) if t.kind == "value"][len(row.columns)]
            hit.values = hit.values[:cut]  # (the extra columns' values, after the row's own)
        if hit.before and _printed_twice_apart(hit, len(row.columns)):
            note = "该行标签重复出现，两处印有不同的数值，无法确定哪一处是本行的，记为空"
            rows[row.key] = RowCells(blank_row(len(row.columns)), note=note)
            continue
        if hit.merged:
            note = "该行与其他行合并印在一个标签下，数值无法分到各行，记为空"
            rows[row.key] = RowCells(blank_row(len(row.columns)), note=note)
        elif hit.stranded and _apart_from_label(hit):
            note = (
                "该行标签与上一行标签连在一起，印在不属于任何一行的数值之后"
                "（页面可能先印数值、后印标签），无法确定该行的数值，记为空"
            )
            rows[row.key] = RowCells(blank_row(len(row.columns)), note=note)
        elif index in blocks and not blocks[index]:
            note = "本项表头印的是另一版格式的列，无法对应各列，记为空"
            rows[row.key] = RowCells(blank_row(len(row.columns)), note=note)
        elif index in blocks:
            rows[row.key] = _reordered(hit.values, blocks[index])
        elif order is None and _plain(hit.values, len(row.columns)):
            printed = hit.values[: len(row.columns)]  # (a plain row's values come first)
            doubt = (
                _wrapped_number(hit, printed)
                or _out_of_place(printed, sums, page_breaks)
                or _beside_orphans(hit, printed, sums, row)
                or _grouped_in_row(printed, sums)
            )
            if doubt is not None:
                rows[row.key] = RowCells(blank_row(len(row.columns)), note=doubt)
                continue
            cell_notes[row.key] = _write_plain(out, table, row.key, printed)
            rows[row.key] = None
        elif order is None:
            cut_off = ends_document and bool(hit.values) and hit.values[-1] is tokens[-1]
            if merging is None:
                merging = _runs_cells_together(result.rows.values())
                row_end = _bars_after_rows(table, result.rows)
            rows[row.key] = row_cells(
                hit.values,
                len(row.columns),
                sums,
                cut_off=cut_off,
                merging=merging,
                row_end=row_end,
            )
        else:
            rows[row.key] = _reordered(hit.values, order)
        if hit.abridged:
            message = f"该行标签印作“{hit.label.text}”，按序号和位置认定为“{row.label}”行"
            out.notes.append(Note(message, _path(table, row.key), hit.label.where))
        if hit.unlabelled:
            message = f"该行未印标签，按表格中的位置认定为“{row.label}”行"
            out.notes.append(Note(message, _path(table, row.key), hit.label.where))
        if hit.repeated:
            out.notes.append(
                Note(
                    "该行标签重复出现，取最后一次出现后的数值",
                    _path(table, row.key),
                    hit.label.where,
                )
            )
    _decide_together(table, rows, out.data)
    for key, rc in rows.items():
        if rc is None:
            out.notes.extend(cell_notes[key])
            continue
        _put_row(out, table, key, rc.cells)
        if rc.note:
            out.notes.append(Note(rc.note, _path(table, key), hit_of[key].label.where))
    for extra in result.extras:
        values = tuple(parse_value(t)[0] for t in extra.values if t.kind == "value")
        out.extra_rows.append(ExtraRow(table.key, extra.label, values))
    # A row left null because its printed values could not be placed, and that prints a value
    # other than 0, is not filled in with zeros by the identities: its own values say
    # otherwise, whatever the table's totals say.
    unreadable = {
        key
        for key, rc in rows.items()
        if rc is not None
        and rc.note
        and all(cell.value is None for cell in rc.cells)
        and any(parse_value(t)[0] not in (0, None) for t in hit_of[key].values if t.kind == "value")
    }
    # Rows whose printed values may have been lost are not filled either: a row printed again
    # (its label restarted it), a row printing digits that are no value ("1*", "89 828").
    in_doubt = {table.rows[i].key for i, hit in result.rows.items() if _values_in_doubt(hit)}
    _force_zeros(table, out, {table.rows[i].key for i in result.rows} - unreadable - in_doubt)
    return out


def _restored(values: list[Token], printed: Token, n: int, sums: Sequence[Sum]) -> list[Token]:
    """A row's values with its last one as printed, when the page's end may have cut it but
    the row is whole (one value a cell) and adds up with it: "746 12 0 0 10 1 769" at the
    end of an excerpt is all there is, for 769 is the sum of the others. Else as they are."""
    whole = [*values[:-1], printed]
    if not sums:
        return values
    if _plain(whole, n):
        return whole if _sums_hold([parse_value(t)[0] for t in whole], sums) else values
    # A digit run the row's sums split one way only ("7461200101769"), each cell read.
    rc = row_cells(whole, n, sums)
    cells = [cell.value for cell in rc.cells]
    if rc.candidates or rc.note or not _sums_hold(cells, sums):
        return values
    return whole


def _may_be_cut(token: Token) -> bool:
    """Whether a truncated page's last token is a number its end may have cut, or a dash that
    may be the start of one ("-3") or of a markdown rule ("|---|"): nothing sets it off after
    it (a "|" ending its line of text)."""
    if token.kind != "value" or token.piped:
        return False
    return token.text[-1:].isdigit() or token.text in ("-", "--")


def _column_order(
    fmt: FormatName,
    table: Table,
    tokens: Sequence[Token],
    hits: dict[int, RowHit],
    sums: Sequence[Sum],
) -> tuple[int, ...] | None:
    """The columns in the order the table's header prints them, when that is not the layout's
    order and the table itself bears it out; else None.

    The header is what precedes the first row, after the last value printed before it (a table
    printed twice: the rows of its first copy are no header of the second). A group label
    ("法人或其他组织") stands for its columns, printed under it on the next header line. The
    printed order is taken only when the row sums hold in more rows read in that order than in
    the layout's, or hold as often and the header comes from table cells (a PDF text layer may
    print a tall header cell out of place).
    """
    if not hits or not tokens:
        return None
    before = _before_rows(tokens, hits)
    start = next((i for i in range(len(before) - 1, -1, -1) if before[i].kind == "value"), -1)
    header = [t for t in before[start + 1 :] if t.kind == "text"]
    text = "".join([compact(t.text) for t in _by_grid_column(header)])
    # (A header is a few lines; a flattened page's is long and not worth remembering.)
    order = (_header_order if len(text) <= 400 else _header_order.__wrapped__)(fmt, table.key, text)
    if order is None:
        return None
    n = len(order)
    rows = [
        values
        for hit in hits.values()
        if len(values := [t for t in hit.values if t.kind == "value"]) == n
    ]
    printed = [[parse_value(t)[0] for t in values] for values in rows]
    as_layout = sum(_sums_hold(values, sums) for values in printed)
    as_printed = sum(_sums_hold(_in_layout_order(values, order), sums) for values in printed)
    if as_printed > as_layout or (as_printed == as_layout and all(t.cell for t in header)):
        return tuple(order)
    return None


def _before_rows(tokens: Sequence[Token], hits: dict[int, RowHit]) -> Sequence[Token]:
    """The tokens printed before the table's first row (its header, and what precedes it)."""
    first = min(hit.label.pos for hit in hits.values())
    return tokens[: bisect.bisect_left(tokens, first, key=_POS)]  # (tokens are in text order)


# Columns some tables add after the layout's last one: a share of the total, remarks.
_EXTRA_COLUMN = re.compile(r"占比|比例|百分比|比重|备注")


def _extra_columns(table: Table, tokens: Sequence[Token], hits: dict[int, RowHit]) -> int:
    """How many columns the table's header prints after the layout's last column ("总计 |
    占比（%）"): their values end each row, after the row's own."""
    if not hits:
        return 0
    before = _before_rows(tokens, hits)
    # (A note printed among the header's lines, "备注：本表数据截至…", names no column.)
    header = compact(
        "".join([t.text for t in before if t.kind == "text" and not NOTE.match(t.text)])
    )
    last = compact(table.rows[0].columns[-1].label)
    at = header.rfind(last)
    return len(_EXTRA_COLUMN.findall(header, at + len(last))) if at >= 0 else 0


def _block_orders(
    fmt: FormatName, table: Table, tokens: Sequence[Token], hits: dict[int, RowHit]
) -> tuple[dict[int, tuple[int, ...]], list[int]]:
    """Table 二's rows whose item prints its columns in another order than the layout's, with
    that order (the layout column of each printed position), and the first row of each such
    item.

    Each item of table 二 (第二十条第（一）项: "规章" and "行政规范性文件") has its own header
    line between the previous item's rows and its first row. Table 二 has no sums to
    bear a printed order out, so it is taken only from a header that names each of the item's
    columns once, on one line of text or in table cells."""
    out: dict[int, tuple[int, ...]] = {}
    firsts: list[int] = []
    order: tuple[int, ...] | None = None
    start = 0  # where the current item's header may start (an offset in the text)
    item: str | None = None
    end_of_rows = 0
    for index in sorted(hits):
        hit = hits[index]
        row = table.rows[index]
        if row.item != item:
            item, start = row.item, end_of_rows
            order = (
                _item_order(fmt, table, row, tokens, start, hit.label.pos)
                if len(row.columns) > 1
                else None
            )
            if order is not None:
                firsts.append(index)
        if order is not None:
            out[index] = order
        end_of_rows = max(end_of_rows, (hit.values[-1] if hit.values else hit.label).pos + 1)
    return out, firsts


def _item_order(
    fmt: FormatName, table: Table, row: Row, tokens: Sequence[Token], start: int, end: int
) -> tuple[int, ...] | None:
    """The column order printed by the header of ``row``'s item between offsets ``start`` and
    ``end``, when it is not the layout's; else None."""
    labels, pattern = _item_words(fmt, table.key, row.key)
    first = bisect.bisect_left(tokens, start, key=_POS)  # tokens are in text order
    header = [
        t for t in tokens[first : bisect.bisect_left(tokens, end, key=_POS)] if t.kind == "text"
    ]
    if not header:
        return None
    text = compact("".join([t.text for t in header]))
    found = pattern.findall(text)
    if not found and len(_other_columns(fmt).findall(text)) >= 2:
        return ()  # the other layout's columns ("本年制发件数" over a 2019 item): unknown
    columns = [labels[word] for word in found]
    if len(set(columns)) < len(labels) or columns == sorted(columns):
        return None  # (the common header: every column named, in the layout's order)
    lines = [text] if all(t.cell for t in header) else _line_texts(header)
    for line in lines:
        found = pattern.findall(line)
        if sorted(found) == sorted(labels) and len(found) == len(labels):
            order = tuple(labels[word] for word in found)
            return order if order != tuple(range(len(order))) else None
    return None


@cache
def _other_columns(fmt: FormatName) -> re.Pattern[str]:
    """A pattern finding the column labels of table 二 that only the other layout prints."""
    other: FormatName = "2019" if fmt == "2021" else "2021"

    def labels(name: FormatName) -> set[str]:
        return {compact(c.label) for r in layout(name).table("active").rows for c in r.columns}

    return _any_of(labels(other) - labels(fmt))


def _line_texts(tokens: Sequence[Token]) -> list[str]:
    """The text (compact) of each source line the tokens come from, in order."""
    return [
        compact("".join([t.text for t in line]))
        for _, line in itertools.groupby(tokens, key=_SOURCE_LINE)
    ]


_POS = operator.attrgetter("pos")
_SOURCE_LINE = operator.attrgetter("source_line")


@cache
def _item_words(fmt: FormatName, key: str, row: str) -> tuple[dict[str, int], re.Pattern[str]]:
    """A row's column labels (compact) with their columns, and a pattern finding them."""
    columns = layout(fmt).table(key).row(row).columns
    index = {compact(column.label): i for i, column in enumerate(columns)}
    return index, _any_of(index)


_GRID = re.compile(r"^(.*)第(\d+)行第(\d+)列$")  # a table cell's "表格1 第3行第4列"


def _by_grid_column(header: list[Token]) -> list[Token]:
    """A table's header cells from left to right (and top to bottom in a column), as they are
    seen: the source lists them row by row, and a cell spanning the header's rows ("总计" over
    three) comes first though it stands on the right. Text lines stay in their order."""
    if not header or not all(t.cell for t in header):
        return header
    places = [_GRID.match(t.where) for t in header]
    if any(m is None for m in places) or len({m.group(1) for m in places if m}) != 1:
        return header  # (not one table's cells)
    keys = [(int(m.group(3)), int(m.group(2))) for m in places if m]
    return [t for _, t in sorted(zip(keys, header, strict=True), key=lambda pair: pair[0])]


@lru_cache(maxsize=4096)
def _header_order(fmt: FormatName, key: str, header: str) -> tuple[int, ...] | None:
    """The column order a header's text (compact) prints, when it names every column once and
    not in the layout's order; else None."""
    words = _column_words(fmt, key)
    seen: list[str] = []
    for word in words.pattern.findall(header):
        if word not in seen:
            seen.append(word)
    order: list[int] = []
    for word in seen:
        if word in words.groups:
            order.extend(words.index[w] for w in seen if w in words.groups[word])
        elif not any(word in members and label in seen for label, members in words.groups.items()):
            order.append(words.index[word])
    n = len(words.index)
    if sorted(order) != list(range(n)) or order == list(range(n)):
        return None
    return tuple(order)


@dataclass(frozen=True)
class _ColumnWords:
    pattern: re.Pattern[str]
    index: dict[str, int]  # column label -> column index
    groups: dict[str, tuple[str, ...]]  # group label -> its columns' labels


@cache
def _column_words(fmt: FormatName, key: str) -> _ColumnWords:
    table = layout(fmt).table(key)
    columns = table.rows[0].columns
    index = {compact(c.label): i for i, c in enumerate(columns)}
    labels = {c.key: compact(c.label) for c in columns}
    groups = {compact(g): tuple(labels[k] for k in keys) for g, keys in table.column_groups}
    return _ColumnWords(_any_of([*index, *groups]), index, groups)


def _any_of(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern finding any of ``words``, the longest first where one holds another."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _in_layout_order(values: Sequence[Value], order: Sequence[int]) -> list[Value]:
    """Values printed in ``order`` (the layout column of each printed position), rearranged."""
    out: list[Value] = [None] * len(order)
    for position, column in enumerate(order):
        out[column] = values[position]
    return out


def _sums_hold(values: Sequence[Value], sums: Sequence[Sum]) -> bool:
    if any(v is None for v in values):
        return False
    return all(sum(values[p] or 0 for p in parts) == values[total] for parts, total in sums)


def _reordered(tokens: Sequence[Token], order: Sequence[int]) -> RowCells:
    """A row of a table printed in another column order: its cells when it prints one value a
    column (a digit run cannot be split: the identities are set for the layout's order)."""
    values = [t for t in tokens if t.kind == "value"]
    n = len(order)
    if len(values) != n:
        if not values:
            return RowCells(blank_row(n))
        note = f"该行印有 {len(values)} 个数值，而本表列序与官方格式不同，无法对应各列，记为空"
        return RowCells(blank_row(n), note=note)
    cells = row_cells(values, n).cells
    out: list[Cell] = list(cells)
    for position, column in enumerate(order):
        out[column] = cells[position]
    return RowCells(out)


def _path(table: Table, row: str, column: str | None = None) -> str:
    return f"{table.key}.{row}" + (f".{column}" if column else "")


def _runs_cells_together(hits: Iterable[RowHit]) -> bool:
    """Whether a table prints a digit run that is no number ("000023", "00"): its page runs
    cells together, so a row's runs printed apart may still hold several cells."""
    for hit in hits:  # (loops, not generators: a table has a few hundred tokens)
        before: Token | None = None
        for t in hit.values:
            if (
                t.kind == "value"
                and no_number(t.text)
                and t.text.isdigit()
                and (before is None or not _grouped_pair(before, t))  # ("1 056": one number)
            ):
                return True
            before = t
    return False


def _bars_after_rows(table: Table, hits: dict[int, RowHit]) -> int:
    """How many lone "|" lines the table may print after a row's last cell: the most that a
    row printing all its cells ends with (the next row's opening "|"); one if no row prints
    all its cells. A page may print two before a group of rows ("|", "|", "(二)部分公开"):
    after a row one cell short, two of them may be the row's end and say nothing of its blank
    cells. (A page whose rows end in no lone "|" prints one only for a blank cell.)"""
    most = -1
    for index, hit in hits.items():
        values = hit.values
        if sum(1 for t in values if t.kind == "value") != len(table.rows[index].columns):
            continue
        most = max(most, trailing(values, "bar"))
    return 1 if most < 0 else most


def _values_in_doubt(hit: RowHit) -> bool:
    """Whether a row's blank cells may be values the reader lost, not blanks of the page."""
    if hit.merged or hit.repeated or hit.orphans or (hit.stranded and _apart_from_label(hit)):
        return True  # (orphans: values no row took follow it, perhaps its own)
    for t in hit.values:  # (a loop: a generator costs more than the few tokens of a row)
        if t.kind == "text" and any(c.isdigit() for c in t.text):
            break
    else:
        return False
    return True


def _apart_from_label(hit: RowHit) -> bool:
    """Whether a row's first value is printed on another line than its label (or its label's
    last piece): in text laid out in columns, a row's values share its label's line."""
    values = hit.values
    return bool(values) and not values[0].cell and values[0].source_line != hit.label.source_line


def _printed_twice_apart(hit: RowHit, n: int) -> bool:
    """Whether a row's label is printed twice, each time with a whole row of values, and not
    the same ones (a second 总计 row after the table's own). (A first row of another count is
    another table's, a local summary's: the second one is the row.)"""
    if not hit.before:
        return False
    first = [t.text for t in hit.before if t.kind == "value"]
    second = [t.text for t in hit.values if t.kind == "value"]
    return len(first) == len(second) == n and first != second


def _wrapped_number(hit: RowHit, values: Sequence[Token]) -> str | None:
    """Why a row of a text laid out in columns may hold a piece of a number wrapped inside its
    cell, or None. A PDF text layer prints a row on one line, its label's; a number too wide
    for its cell wraps, its pieces on the lines above and below ("12" / "规章  0  2" / "3").
    Then the row takes the piece below: its values come from its label's line and the line
    after it, or, with nothing on the label's line, from the line after it with a piece of a
    number just above the label."""
    line = hit.label.source_line
    if values[-1].source_line != line + 1 or values[0].cell or values[0].delimited:
        return None  # (table cells, pipes and tabs set their cells apart)
    below = sum(t.source_line == line + 1 for t in values)
    on_label = sum(t.source_line == line for t in values)
    if not below or on_label + below != len(values) or (on_label == 0 and hit.above is None):
        return None
    return "该行数值分在标签所在行和下一行印刷，可能是单元格内折行的数字，无法确定各数值，记为空"


def _out_of_place(
    values: Sequence[Token], sums: Sequence[Sum], breaks: frozenset[int]
) -> str | None:
    """Why a plain row's values cannot be trusted in the order printed, or None: they break
    the row's sums and straddle a dropped page footer (a PDF text layer without layout prints
    the cells around it out of order), or a row printed on one line takes a value from another
    line (a number wrapped inside a narrow PDF cell, "713" as "71" above the row and "3" below
    it, lends a piece to the row)."""
    if not sums:
        return None
    first, last = values[0].source_line, values[-1].source_line
    if first == last:
        return None
    straddles = bool(breaks) and any(first < line < last for line in breaks)
    lines = [t.source_line for t in values]
    shared = len(set(lines)) < len(lines)  # (a line printing two values; else one a line)
    # (Neither: no note whether the sums hold or not, so they are not added up.)
    if not (straddles or shared) or _sums_hold([parse_value(t)[0] for t in values], sums):
        return None
    if straddles:
        return (
            "该行数值跨页印刷，且各列之和与总计不符，"
            "无法确定各数值所在的列（页面文字顺序可能已打乱），记为空"
        )
    return (
        "该行数值分在几行印刷（单元格内的数字可能折行），且各列之和与总计不符，"
        "无法确定各数值，记为空"
    )


_GROUPED_NOTE = (
    "该行印有“{}”，可能是以空格分组的一个数，也可能是两个单元格，且各列之和与总计不符，"
    "无法确定各数值，记为空"
)


def _grouped_in_row(values: Sequence[Token], sums: Sequence[Sum]) -> str | None:
    """Why a plain row's values cannot be trusted, or None: two of them alone on a line,
    printed like one number grouped by a space, the others one a line (see
    ``_grouped_apart``), and the row's sums, if it has any, do not hold with them apart."""
    grouped = _grouped_apart(values, lines_at_least=2)
    if grouped is None:
        return None
    if not sums:
        return (
            f"该行印有“{grouped}”，可能是以空格分组的一个数，也可能是两个单元格，"
            "无法确定各数值，记为空"
        )
    if _sums_hold([parse_value(t)[0] for t in values], sums):
        return None
    return _GROUPED_NOTE.format(grouped)


def _grouped_apart(values: Sequence[Token], lines_at_least: int = 3) -> str | None:
    """Two values alone on a line of text, among values printed one a line, printed like one
    number grouped by a space ("1 828": one to three digits, one space, three digits), as
    printed; None if there are none. (On a row's one line, they are as likely two cells.)"""
    lines = Counter(t.source_line for t in values)
    if len(lines) < lines_at_least or sorted(lines.values())[-2:] != [1, 2]:
        return None
    for a, b in itertools.pairwise(values):
        if lines[a.source_line] == 2 and _grouped_pair(a, b):
            return f"{a.text} {b.text}"
    return None


def _grouped_pair(a: Token, b: Token) -> bool:
    """Whether two values of a text line are printed like one number grouped by a space
    ("1 828": one to three digits, one space, three digits)."""
    return (
        a.kind == "value"
        and a.source_line == b.source_line
        and not a.cell
        and b.pos == a.pos + len(a.text) + 1
        and _GROUP_HEAD.fullmatch(a.text) is not None
        and _GROUP_TAIL.fullmatch(b.text) is not None
    )


_GROUP_HEAD = re.compile(r"\d{1,3}")
_GROUP_TAIL = re.compile(r"\d{3}")


def _beside_orphans(
    hit: RowHit, values: Sequence[Token], sums: Sequence[Sum], row: Row
) -> str | None:
    """Why a row whose neighbourhood prints values no row takes cannot be trusted, or None:
    its sums fail, so those values may be pieces of its own numbers, wrapped in their narrow
    cells ("4100 … 4103" / "本年 6 0" for 41006 and 41030); or, in a row without sums, a
    count is negative (a 本年增/减 value printed twice pushed the row's cells along)."""
    if not hit.orphans or values[0].cell:  # (a table's cells hold their own)
        return None
    parsed = [parse_value(t)[0] for t in values]
    if not sums:
        negative = any(
            column.kind != "signed" and value is not None and value < 0
            for column, value in zip(row.columns, parsed, strict=True)
        )
        if not negative:
            return None
        return (
            "该行上下另印有不属于任何一行的数字，且有不应为负数的栏印为负数，"
            "各数值可能错位，无法确定，记为空"
        )
    if _sums_hold(parsed, sums):
        return None
    return (
        "该行上下另印有不属于任何一行的数字（单元格内的数字可能折行），"
        "且各列之和与总计不符，无法确定各数值，记为空"
    )


def _plain(tokens: Sequence[Token], n: int) -> bool:
    """Whether a row prints exactly one value a cell (the common row): nothing else, or in a
    text line also empty columns after its values; and no value with a leading zero ("056",
    see row_cells)."""
    values = 0
    cell = tokens[0].cell if tokens else False
    for token in tokens:
        if token.cell != cell:
            return False  # table cells and text outside the table: see row_cells
        kind = token.kind
        if kind == "value":
            if no_number(token.text):
                return False
            values += 1
        elif kind != "gap" or token.cell or values < n:
            return False  # (an empty column before the last value: see row_cells)
    return values == n


def _write_plain(out: TableRead, table: Table, row: str, tokens: Sequence[Token]) -> list[Note]:
    """Write a plain row's values and provenance; returns its cells' notes (a dash read as 0,
    a unit dropped), which go after the notes of the rows read before."""
    data, provenance = out.data[row], out.provenance
    notes: list[Note] = []
    for column, path, token in zip(
        table.row(row).column_keys, table.row_paths[row], tokens, strict=True
    ):
        text = token.text
        value, how, note = PARSED.get(text) or parse_text(text)
        data[column] = value
        where = _new(Provenance, (token.where, text, how, token.line))
        provenance[path] = where
        if note:
            notes.append(Note(note, path, token.where))
    return notes


_new = tuple.__new__  # builds a NamedTuple without its constructor's extra call


def _put_row(out: TableRead, table: Table, row: str, cells: Sequence[Cell]) -> None:
    data, provenance = out.data[row], out.provenance
    noted = False
    for column, path, (value, where, note) in zip(
        table.row(row).column_keys, table.row_paths[row], cells, strict=True
    ):
        data[column] = value
        if where is not None:
            provenance[path] = where
            noted = noted or note is not None
    if noted:  # in column order, after the row's values (a dash read as 0, a unit dropped)
        for path, (_, where, note) in zip(table.row_paths[row], cells, strict=True):
            if note and where is not None:
                out.notes.append(Note(note, path, where.where))


def _decide_together(table: Table, rows: dict[str, RowCells | None], written: TableData) -> None:
    """Rows with several possible splits, decided by the column identities of the table.
    (A row that is None in ``rows`` was plain: its values are already ``written``.)"""
    candidates = {k: rc.candidates for k, rc in rows.items() if rc is not None and rc.candidates}
    if not candidates:
        return
    open_rows = list(candidates)
    instances = [cells for ident, cells in table.identity_cells if ident.kind != "row_sum"]
    sizes = [len(options) for options in candidates.values()]
    total = 1
    for size in sizes:
        total *= size
    survivors: list[tuple[Split, ...]] = []
    if instances and total <= MAX_COMBINATIONS:
        grid: Grid = {
            (k, c): cell.value
            for k, rc in rows.items()
            if rc is not None and not rc.candidates
            for c, cell in zip(table.row(k).column_keys, rc.cells, strict=True)
        }
        grid.update(
            ((k, c), v) for k, rc in rows.items() if rc is None for c, v in written[k].items()
        )
        # The identities among the settled rows hold for every combination or for none.
        opened = set(open_rows)
        touching = [i for i in instances if any(r in opened for r, _ in i[0] + i[1])]
        settled = [i for i in instances if not any(r in opened for r, _ in i[0] + i[1])]
        combos = itertools.product(*candidates.values())
        for combo in combos if _holds(settled, grid) else ():
            trial = dict(grid)
            for k, split in zip(open_rows, combo, strict=True):
                trial.update(zip(((k, c) for c in table.row(k).column_keys), split, strict=True))
            if _holds(touching, trial):
                survivors.append(combo)
    for i, key in enumerate(open_rows):
        rc = rows[key]
        assert rc is not None
        options = [combo[i] for combo in survivors] or list(rc.candidates or ())
        rows[key] = decided(rc, agreed(options))


def _holds(instances: Sequence[IdentityInstance], grid: Grid) -> bool:
    """Whether every identity instance whose cells are all known adds up in ``grid``."""
    for left, right in instances:
        left_values = [grid.get(cell) for cell in left]
        right_values = [grid.get(cell) for cell in right]
        if None in left_values or None in right_values:
            continue
        if sum(left_values) != sum(right_values):  # type: ignore[arg-type]
            return False
    return True


def _force_zeros(table: Table, out: TableRead, printed: set[str]) -> None:
    """Fill the blank cells the identities force to 0 (all counts are non-negative).

    Where one side of an identity is fully printed and the printed cells of the other side
    already add up to it, the blank cells of that other side can only be 0. Only cells of rows
    the source prints are filled: a row cut off by a truncated page stays null.
    """
    data = out.data
    for r in printed:  # (a loop: see _values_in_doubt)
        if None in data[r].values():
            break
    else:
        return
    blank = {(r, c) for r in printed for c, v in data[r].items() if v is None}
    # Only identities with a printed blank cell can fill one; filling never adds blanks.
    instances = [
        (left, right)
        for _, (left, right) in table.identity_cells
        if not blank.isdisjoint(left) or not blank.isdisjoint(right)
    ]
    changed = True
    while changed:
        changed = False
        for left, right in instances:
            left_values = [data[r][c] for r, c in left]
            right_values = [data[r][c] for r, c in right]
            for side, other, values, whole in (
                (left, right, left_values, right_values),
                (right, left, right_values, left_values),
            ):
                if None not in values or None in whole:
                    continue  # nothing blank on this side, or the other side is not whole
                if not any(r in printed and data[r][c] is None for r, c in side):
                    continue
                if not _nonnegative(out, side + other):
                    continue
                known = sum(v for r, c in side if (v := data[r][c]) is not None)
                if known != sum(v for v in whole if v is not None):
                    continue
                for r, c in side:
                    if r in printed and data[r][c] is None:
                        data[r][c] = 0
                        out.provenance[_path(table, r, c)] = Provenance(
                            where="由表内勾稽关系推出", raw="", how="forced_zero"
                        )
                        changed = True


def _nonnegative(out: TableRead, cells: Sequence[tuple[str, str]]) -> bool:
    return all((out.data[r][c] or 0) >= 0 for r, c in cells)


@cache
def _blocks(per_block: int, count: int) -> tuple[Sum, ...]:
    """Table 四's blocks side by side as sums: each ends in its total (… 尚未审结, 总计)."""
    return tuple(
        (tuple(range(b * per_block, (b + 1) * per_block - 1)), (b + 1) * per_block - 1)
        for b in range(count)
    )


def _block_word(row: Row) -> str:
    """The word naming a block of table 四 (its row's last alias: 复议后起诉, …)."""
    return compact(row.aliases[-1] if row.aliases else row.label)


def _block_of(table: Table, text: str) -> int | None:
    """The block of table 四 a text names last."""
    at, block = max((text.rfind(_block_word(row)), i) for i, row in enumerate(table.rows))
    return block if at >= 0 else None


def _words_among(tokens: Sequence[Token], values: Sequence[Token]) -> bool:
    """Whether Chinese text is printed between the first and the last of ``values``."""
    first, last = values[0].pos, values[-1].pos
    return any(
        t.kind == "text" and first < t.pos < last and _CHINESE.search(t.text) for t in tokens
    )


_CHINESE = re.compile(r"[\u3400-\u9fff]")


# A group of table 四's values: the block named before it (None if none is), its values, and
# the text printed before each value (result words: "结果维持 2" / "结果纠正 1" …).
_Group = tuple[int | None, list[Token], list[str]]


def _interleaved_blocks(
    table: Table, tokens: Sequence[Token], values: Sequence[Token]
) -> list[_Group] | None:
    """Table 四's values cut into the groups that block names or other words printed among
    them set apart (three small tables, a labelled row per block, a transposed table), each
    with the block named last before it; None when the values are printed in one run. Result
    words alone (a block printed one result a line) do not cut a group: they are kept with
    the value after them, to be checked against the columns."""
    first, last = values[0].pos, values[-1].pos
    texts = [t for t in tokens if t.kind == "text" and t.pos < last]
    markers = [
        t
        for t in texts
        if t.pos > first
        and (
            any(c.label in compact(t.text) for c in table.rows[0].columns)  # 结果维持, …
            or _block_of(table, compact(t.text)) is not None
        )
    ]
    if not markers:
        return None
    before = "".join(compact(t.text) for t in texts if t.pos < first)
    groups: list[_Group] = [(_block_of(table, before), [], [])]
    pending: list[str] = []
    at = 0
    for value in values:
        while at < len(markers) and markers[at].pos < value.pos:
            pending.append(compact(markers[at].text))
            at += 1
        text = "".join(pending)
        pending = []
        block = _block_of(table, text) if text else None
        if text and (block is not None or not _results_named(table, text)):
            groups.append((block, [], []))
        groups[-1][1].append(value)
        groups[-1][2].append(text)
    return [group for group in groups if group[1]]


def _results_named(table: Table, text: str) -> list[int]:
    """The columns of table 四 (结果维持 … 总计) a text names after its last block name."""
    block = _block_of(table, text)
    if block is not None:
        word = _block_word(table.rows[block])
        text = text[text.rfind(word) + len(word) :]
    return [i for i, c in enumerate(table.rows[0].columns) if compact(c.label) in text]


def _results_in_order(table: Table, words: list[str]) -> bool:
    """Whether the result words printed before a block's values agree with the columns: none
    after its first value (a header above the values), or each value's own column's word
    (one result a line; the first value's may be printed before the block's name)."""
    named = [_results_named(table, text) for text in words]
    if not any(named[1:]):
        return True
    return named[0] in ([], [0]) and all(found == [i] for i, found in enumerate(named) if i)


def _read_labelled_blocks(
    table: Table,
    out: TableRead,
    groups: list[_Group],
    values: Sequence[Token],
) -> TableRead:
    """Table 四 printed block by block, each after its name: each block read on its own. When
    the blocks are not each named once with one value a cell, their result words in the
    columns' order (a transposed table), null."""
    width = len(table.rows[0].columns)
    named = sorted(block for block, _, _ in groups if block is not None)
    if (
        named != list(range(len(table.rows)))
        or any(len(m) != width for _, m, _ in groups)
        or not all(_results_in_order(table, words) for _, _, words in groups)
    ):
        message = "表四的数值与栏目名称交错印刷（如分块或转置的表格），无法对应各栏，记为空"
        out.notes.append(Note(message, table.key, values[0].where))
        return out
    for block, members, _ in groups:
        assert block is not None
        row = table.rows[block]
        rc = row_cells(members, width, _blocks(width, 1))
        _put_row(out, table, row.key, rc.cells)
        if rc.note:
            out.notes.append(Note(rc.note, _path(table, row.key), members[0].where))
    _force_zeros(table, out, set(table.row_keys))
    return out


def _unnamed_blocks(table: Table, header: str) -> list[int]:
    """The litigation blocks of table 四 (every block but the first) that its header does not
    name; all of them when it names a total block (合计, 小计)."""
    if not header:
        return []  # (no header printed at all: the values are read in the layout's order)
    if "合计" in header or "小计" in header:
        return list(range(1, len(table.rows)))
    # (A name wrapped in a narrow header cell comes out in pieces: "未经复议直接起" … "诉".)
    return [i for i in range(1, len(table.rows)) if not in_order(table.rows[i].aliases[-1], header)]


def _printed_block_order(table: Table, header: list[Token]) -> tuple[int, ...]:
    """The order of table 四's blocks as its header prints them: left to right in table cells.
    In text, 行政复议 stays first (its line may come out below the litigation blocks' in a PDF
    text layer: lines are no columns), and the two litigation blocks are in the order the
    line naming both prints them."""
    if header and all(t.cell for t in header):
        return _block_order(table, "".join(compact(t.text) for t in _by_grid_column(header)))
    first, *litigation = range(len(table.rows))
    words = [_block_word(table.rows[i]) for i in litigation]
    for text in _line_texts(header):
        places = [text.find(word) for word in words]
        if all(at >= 0 for at in places):
            return (first, *(i for _, i in sorted(zip(places, litigation, strict=True))))
    return tuple(range(len(table.rows)))


def _block_order(table: Table, header: str) -> tuple[int, ...]:
    """The order table 四's header prints its blocks in, by the last alias of each block's row
    ("复议后起诉" before "未经复议直接起诉"); the layout's order unless every block is named
    exactly once."""
    layout_order = tuple(range(len(table.rows)))
    places = []
    for index, row in enumerate(table.rows):
        word = _block_word(row)
        at = header.find(word)
        if at < 0 or header.find(word, at + 1) >= 0:
            return layout_order
        places.append((at, index))
    return tuple(index for _, index in sorted(places))


def _bar_among(tokens: Sequence[Token], values: Sequence[Token]) -> bool:
    """Whether a lone "|" is printed between the first and the last of ``values``."""
    first, last = values[0].pos, values[-1].pos
    return any(t.kind == "bar" and first < t.pos < last for t in tokens)


def _read_appeals(table: Table, tokens: Sequence[Token]) -> TableRead:
    """Table 四 prints its three blocks side by side: one row of 15 cells after the headers."""
    from gongkai.reader.scan import appeal_values

    out = TableRead(data=table.blank())
    values, _ = appeal_values(tokens)
    if not values:
        return out
    interleaved = _interleaved_blocks(table, tokens, values)
    if interleaved is not None:
        return _read_labelled_blocks(table, out, interleaved, values)
    blocks = _blocks(len(table.rows[0].columns), len(table.rows))
    rc = row_cells(values, sum(len(r.columns) for r in table.rows), blocks)
    if rc.candidates:
        rc = decided(rc, agreed(rc.candidates))
    elif _words_among(tokens, values) and not _sums_hold([c.value for c in rc.cells], blocks):
        # Pieces of the headers printed among the values (a PDF text layer whose header a page
        # break cut), and the blocks do not add up in the order printed: the order is not the
        # table's.
        note = (
            "本表数值之间夹有表头文字（页面文字顺序可能已打乱），且各栏之和与总计不符，"
            "无法确定各数值所在的列，记为空"
        )
        rc = RowCells(blank_row(len(rc.cells)), note=note)
    elif (grouped := _grouped_apart(values)) and not _sums_hold(
        [c.value for c in rc.cells], blocks
    ):
        rc = RowCells(blank_row(len(rc.cells)), note=_GROUPED_NOTE.format(grouped))
    elif _bar_among(tokens, values) and not _sums_hold([c.value for c in rc.cells], blocks):
        # A lone "|" among the values (a blank cell, on a page printing one cell a line) that
        # the values left out, and the blocks do not add up: the cells may have moved.
        note = (
            "本表数值之间印有空白单元格（“|”），且各栏之和与总计不符，"
            "无法确定各数值所在的列，记为空"
        )
        rc = RowCells(blank_row(len(rc.cells)), note=note)
    first = values[0].pos
    texts = [t for t in tokens if t.pos < first and t.kind == "text"]
    header = "".join(compact(t.text) for t in texts)
    order = _printed_block_order(table, texts)
    if order != tuple(range(len(table.rows))):
        shown = "、".join(table.rows[i].label for i in order)
        out.notes.append(
            Note(f"本表各栏的印刷顺序（{shown}）与官方格式不同，已按表头对应", table.key)
        )
    width = len(table.rows[0].columns)
    unnamed = _unnamed_blocks(table, header)
    if unnamed:
        # A header that does not name the litigation blocks, or adds a total block (行政诉讼
        # printed as one block, then 合计): its blocks are not the layout's.
        shown = "、".join(table.rows[i].aliases[-1] for i in unnamed)
        note = f"表头未印出“{shown}”栏（或另有合计栏），无法确定这些栏的数值，记为空"
        out.notes.append(Note(note, table.key, values[0].where))
    for position, index in enumerate(order):  # the blocks side by side, in the printed order
        row = table.rows[index]
        if index in unnamed:
            continue
        _put_row(out, table, row.key, rc.cells[position * width : (position + 1) * width])
    if rc.note:
        out.notes.append(Note(rc.note, table.key, values[0].where))
    _force_zeros(table, out, set(table.row_keys))
    return out
