"""From the printed values of a row to cell values, following the cell rules of the record.

A row printed with one value per cell takes them in order. A row printed with fewer values than
cells is a digit run that lost its separators (or a row with blanks): it is split only when the
table's identities leave exactly one way; otherwise its cells are null with a note. Dashes and
无 are 0. A unit printed in the cell is dropped from the number and noted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from gongkai.reader.digits import Split, Sum, TooAmbiguous, fewest_cells, splits
from gongkai.reader.tokens import DASH, NEGATIVE_WORDS, VALUE, Token, TokenKind
from gongkai.record import Provenance, Value


class Cell(NamedTuple):
    value: Value
    provenance: Provenance | None  # None for a cell nothing was printed for
    note: str | None = None  # a dash read as 0, a unit dropped, text that is not a number


class RowCells:
    """The cells of one row, or the candidate splits still open for it. (A class with slots
    and its own ``__init__``, not a dataclass: compiled by mypyc, it is made without a call
    into Python.)"""

    __slots__ = ("candidates", "cells", "note", "run")

    def __init__(
        self,
        cells: list[Cell],
        candidates: list[Split] | None = None,
        run: list[Token] | None = None,
        note: str | None = None,
    ) -> None:
        self.cells = cells
        self.candidates = candidates  # several splits remain: decided with the table
        self.run = run  # the tokens the candidates were split from
        self.note = note


def parse_value(token: Token) -> tuple[Value, str, str | None]:
    """A printed value token as (value, how, note)."""
    return parse_text(token.text)


def parse_text(text: str) -> tuple[Value, str, str | None]:
    """A printed value as (value, how, note); cached, as cell values repeat ("0", "1")."""
    parsed = PARSED.get(text)
    if parsed is None:
        parsed = _parse_text(text)
        if len(PARSED) >= CACHED_VALUES:
            PARSED.clear()  # (so that a batch of reports cannot fill the memory)
        PARSED[text] = parsed
    return parsed


# Values parsed so far, kept in a plain dict rather than by ``lru_cache``: a report has a hundred
# values, and where one is written ``PARSED.get(text) or parse_text(text)`` looks it up for a
# third of a cached call. (A parse is a tuple of three: never false.)
PARSED: dict[str, tuple[Value, str, str | None]] = {}
CACHED_VALUES = 8192


# Appended to the last value of a truncated page whose end may have cut it ("72" as "7"):
# the value is null (a character no page prints: see ``tables.read_table``).
CUT_MARK = "\ue000"
CUT_NOTE = "页面在此处截断，该数字可能不完整，记为空"


def _parse_text(text: str) -> tuple[Value, str, str | None]:
    if text.endswith(CUT_MARK):
        return None, "cut", CUT_NOTE
    if DASH.match(text):
        return 0, "dash", f"印有“{text}”，表示没有，按 0 记录"
    m = VALUE.match(text)
    if m is None:
        return None, "text", f"“{text}”不是数字，记为空"
    sign, currency, number, unit = m.groups()
    digits = number.replace(",", "").replace("'", "").replace("’", "")
    value: int | float = float(digits) if "." in digits else int(digits)
    if sign == "-" or sign in NEGATIVE_WORDS:
        value = -value
    notes = []
    if sign and sign not in "+-":
        notes.append(f"“{sign}”按{'负' if value < 0 else '正'}数记录")
    if currency or unit:
        notes.append(f"单位“{(currency or '') + (unit or '')}”已从数值中去掉")
    if digits != number:
        notes.append("千位分隔符已去掉")
    return value, "read", ("；".join(notes) if notes else None)


def _provenance(token: Token, how: str = "read", raw: str | None = None) -> Provenance:
    return Provenance(token.where, token.text if raw is None else raw, how, token.line)


BLANK = Cell(None, None)  # a cell nothing was printed for (a tuple: one is shared by all)


def no_number(text: str) -> bool:
    """Whether printed digits start with a 0 no number is printed with ("056", "00"; "0" and
    "0.5" are numbers): cells run together, or one number was cut by a space."""
    return text[:1] == "0" and text[1:2].isdigit()


def _leading_zero(values: Sequence[Token]) -> bool:
    """Whether a value's digits start with a 0 no number is printed with (see ``no_number``).
    (A loop, which calls ``no_number`` inline: a generator costs more than the few values of
    a row.)"""
    for t in values:
        if no_number(t.text):
            break
    else:
        return False
    return True


def trailing(tokens: Sequence[Token], kind: TokenKind) -> int:
    """How many tokens of ``kind`` end ``tokens``."""
    count = 0
    while count < len(tokens) and tokens[-1 - count].kind == kind:
        count += 1
    return count


def blank_row(n: int) -> list[Cell]:
    return [BLANK] * n


def row_cells(
    tokens: Sequence[Token],
    n: int,
    sums: Sequence[Sum] = (),
    *,
    cut_off: bool = False,
    merging: bool = False,
    row_end: int = 1,
) -> RowCells:
    """Cells of a row of ``n`` columns from the value tokens printed after its label.

    ``sums``: the row's identities (see ``digits.splits``), which decide how a digit run that
    lost its separators is split.

    ``merging``: the table prints digit runs that are no number ("000023"), so the page runs
    cells together.

    ``row_end``: how many lone "|" lines the page prints after a row's last cell (see
    ``_placed_by_bars``).

    ``cut_off``: the source ends inside this row (a truncated page). Its values, printed one
    by one, are then its first cells; a lone digit after a full row is the next row's ordinal.
    """
    if not tokens:
        return RowCells(blank_row(n))
    if tokens[0].cell and not all(t.cell for t in tokens):
        # A row of table cells takes nothing printed outside the table (a page number between
        # the two halves of a table cut at a page break).
        tokens = [t for t in tokens if t.cell]
    values = [t for t in tokens if t.kind == "value"]
    if len(values) >= n and _leading_zero(values):
        raw = " ".join(t.text for t in values)
        return RowCells(
            blank_row(n),
            note=f"该行的数值“{raw}”中有以 0 开头的数字，可能是被空格隔开的一个数"
            "（如“1 056”），无法确定各数值，记为空",
        )
    if len(values) == n == len(tokens):  # the common row: one value a cell
        return RowCells([_direct(t) for t in values])
    if len(values) == n and _set_apart(tokens, values):
        return RowCells([_direct(t) for t in values])
    if "bar" in [t.kind for t in tokens]:  # (without a lone "|", both checks find nothing)
        placed = _placed_by_bars(tokens, n, row_end)
        if placed is not None:
            return RowCells([_direct(t) for t in placed])
        if _bar_between_values(tokens):
            # A lone "|" (a blank cell) among more printed cells than columns: which of them
            # is not the row's is not known.
            raw = " ".join(t.text for t in tokens if t.kind == "value")
            note = f"该行印有的单元格（“{raw}”及空白单元格）多于 {n} 列，无法对应，记为空"
            return RowCells(blank_row(n), note=note)
    if cut_off and not any(t.cell for t in tokens):
        placed = _delimited_start(tokens, n)
        if placed is not None:
            cells = [BLANK if t.kind == "gap" else _direct(t) for t in placed]
            if len(placed) == n:
                return RowCells(cells)
            note = f"页面在该行中途截断，只读到前 {len(placed)} 个单元格"
            return RowCells(cells + blank_row(n - len(placed)), note=note)
        if (
            len(values) == n + 1
            and re.fullmatch(rf"\d{CUT_MARK}?", values[-1].text)
            and not (values[-1].delimited and values[-1].source_line == values[-2].source_line)
        ):
            values = values[:n]  # (a digit not in a cell of the row's line: the next ordinal)
        if 0 < len(values) < n and all(len(t.text) <= 3 for t in values) and _one_by_one(values):
            cells = [_direct(t) for t in values] + blank_row(n - len(values))
            return RowCells(cells, note=f"页面在该行中途截断，只读到前 {len(values)} 个单元格")
        tokens = values
    structured = all(t.cell for t in tokens)
    if structured:
        # A cell opening another table row is that row's (its ordinal, say), once this row
        # has printed something of its own.
        ends = next((i for i, t in enumerate(tokens) if i > 0 and t.row_start), len(tokens))
        values = list(tokens[:ends])
        if not any(t.kind == "value" for t in values):
            return RowCells(blank_row(n))
        # Blank cells after the last column: a table's empty filler cells. (With a blank cell
        # before them too, one of the blanks is a filler, a split label's, a merged cell's
        # other half or Word's empty placeholder, and which is not known: then the blank cells
        # are not placed.)
        blanks = trailing(values, "blank")
        if sum(t.kind == "blank" for t in values) == blanks:
            del values[max(n, len(values) - blanks) :]
        if len(values) == n:
            return RowCells([_direct(t) for t in values])
        tokens = [t for t in tokens[:ends] if t.kind == "value"]
        if len(tokens) == n:
            raw = " ".join(t.text for t in tokens)
            return _checked([_direct(t) for t in tokens], sums, _LEFT_OUT.format(raw))
    values = [t for t in tokens if t.kind == "value"]
    raw = " ".join(t.text for t in values)
    if len(values) == n:
        cells = [_direct(t) for t in values]
        if any(t.kind == "gap" for t in tokens):
            return _checked(cells, sums, _LEFT_OUT.format(raw))  # which cells are empty?
        return RowCells(cells)
    if len(values) > n:
        return RowCells(
            blank_row(n),
            note=f"该行印有 {len(values)} 个数值（“{raw}”），多于 {n} 列，无法对应，记为空",
        )
    if any(t.kind == "gap" for t in tokens):
        if not values:
            return RowCells(blank_row(n))
        # Only the gaps of the lines the values are printed on: another line's empty columns
        # (a header's, the next row's) say nothing of this row.
        lines = {t.source_line for t in values}
        if len(lines) == len(values) > 1:
            # One value a line ("8 |"): each line is one cell, and the empty columns after the
            # last value ("8 | ||||") are the export's end of the row, not its blank cells.
            lines = set()
        printed = [
            t for t in tokens if t.kind == "value" or (t.kind == "gap" and t.source_line in lines)
        ]
        leading = printed[0].kind == "gap"
        while len(printed) > n and printed[-1].kind == "gap" and not leading:
            printed.pop()  # the empty column a page prints after the last cell
        if len(printed) == n and not (leading and printed[-1].kind == "gap"):
            # The blank cells are printed: every value has its column. (Empty columns on both
            # sides of the values: one side may be a merged label's, and which is not known.)
            # (An empty column may be a merged label's, not a blank cell: then the values do
            # not add up where the gaps put them.)
            cells = [_direct(t) if t.kind == "value" else BLANK for t in printed]
            doubt = (
                f"该行的空白单元格按位置对应后，各列与总计不符（“{raw}”），"
                "空列可能属于合并的标签，无法确定各数值所在的列，记为空"
            )
            return _checked(cells, sums, doubt)
    if any(t.delimited or t.cell for t in values):
        # Printed between pipes, tabs or table cells, each number is a whole cell: a row
        # with fewer numbers than columns has blank cells, and where they are is not known.
        return RowCells(
            blank_row(n),
            note=f"该行只印有 {len(values)} 个数值（“{raw}”），少于 {n} 列，"
            "无法确定空白单元格的位置，记为空",
        )
    groups = [t.text for t in values]
    if not all(g.isdigit() for g in groups):
        return RowCells(
            blank_row(n),
            note=f"该行只印有 {len(values)} 个数值（“{raw}”），少于 {n} 列，无法对应，记为空",
        )
    merged = merging or any(fewest_cells([g]) > 1 for g in groups)
    if fewest_cells(groups) < n and (not sums or (len(groups) > 1 and not merged)):
        # Printed apart, whole numbers may be whole cells with blank cells between them; and a
        # row without identities has nothing to tell a merged run from a number. A run is split
        # only when it cannot be fewer numbers ("000", "0 00"), or in a row with sums when the
        # page is seen to run cells together (one run, or a group that is no number).
        return RowCells(
            blank_row(n),
            note=f"该行只印有 {len(values)} 组数字（“{raw}”），少于 {n} 列，可能有空白单元格，"
            "无法确定各数值所在的列，记为空",
        )
    try:
        found = splits(groups, n, sums)
    except TooAmbiguous:
        note = f"数字串“{raw}”可拆分的方式过多，无法唯一确定，记为空"
        return RowCells(blank_row(n), note=note, run=values)
    if len(found) == 1:
        return RowCells(_split_cells(found[0], values), run=values)
    if not found:
        note = f"数字串“{raw}”无法按表内勾稽关系拆分为 {n} 个单元格，记为空"
        return RowCells(blank_row(n), note=note, run=values)
    return RowCells(blank_row(n), candidates=found, run=values)


def _set_apart(tokens: Sequence[Token], values: Sequence[Token]) -> bool:
    """Whether a row's values are its cells, in order, with nothing but lone "|" lines among
    them, and not all printed before a "|" ("0 |"): a page printing a cell a line, a "|"
    between cells. (What the checks below find for such a row, in one pass: no bar places a
    blank cell, as the values are not all piped, nor stands for one among them; a row cut off
    by the page's end has read all its cells; no gap, no table cell.)"""
    for t in tokens:
        if t.cell or t.kind == "gap":
            return False
    return not all(t.piped for t in values)


def _bar_between_values(tokens: Sequence[Token]) -> bool:
    """Whether a lone "|" line, a blank cell of a page printing one cell a line ("0 |"), stands
    between two values of a row. (Where values print without "|", lone bars separate cells.)"""
    kinds = [t.kind for t in tokens]
    if "bar" not in kinds or "value" not in kinds:
        return False
    if not all(t.piped for t in tokens if t.kind == "value"):
        return False
    first = kinds.index("value")
    last = len(kinds) - 1 - kinds[::-1].index("value")
    return "bar" in kinds[first:last]


def _placed_by_bars(tokens: Sequence[Token], n: int, row_end: int = 1) -> list[Token] | None:
    """A page printing one cell per line ("0 |") prints a blank cell as a lone "|", and opens
    every row with one: the row's cells, blanks included, are then known by position. The
    lone "|" after the last cell opens the next row; a page may print ``row_end`` of them
    there ("|", "|" after every row), and those are no blank cells either."""
    kinds = [t.kind for t in tokens]
    if "bar" not in kinds:
        return None
    values = [t for t in tokens if t.kind == "value"]
    if not all(t.piped for t in values):
        return None
    if len({t.source_line for t in values}) != len(values):
        return None  # (cells a line, "| 0 | 549 |": a lone "|" on a line of its own is no cell)
    cells = list(tokens)
    for _ in range(row_end):
        if cells and cells[-1].kind == "bar":
            cells.pop()  # the end of the row, the next row's opening "|"
    if len(cells) != n or (cells[0].kind == "bar" and len(cells) == 1):
        return None
    return [t.replaced(kind="blank") if t.kind == "bar" else t for t in cells]


_new = tuple.__new__  # builds a NamedTuple without its constructor's extra call


def _checked(cells: list[Cell], sums: Sequence[Sum], doubt: str) -> RowCells:
    """Cells placed where the printed cells outnumber the columns (empty cells, a remarks
    column): kept when their values can add up, else a null row with ``doubt`` as its note."""
    if _fits(cells, sums):
        return RowCells(cells)
    return RowCells(blank_row(len(cells)), note=doubt)


_LEFT_OUT = (
    "该行印有的单元格多于列数，略去空白单元格后各列与总计不符（“{}”），"
    "无法确定各数值所在的列，记为空"
)


def _fits(cells: Sequence[Cell], sums: Sequence[Sum]) -> bool:
    """Whether the known cells of a row can satisfy its sums (all counts are non-negative): the
    parts add up to the total when all are known, and never exceed it."""
    values = [cell.value for cell in cells]
    for parts, total in sums:
        whole = values[total]
        known = [values[p] for p in parts if values[p] is not None]
        if whole is None:
            continue
        if len(known) == len(parts) and sum(known) != whole:  # type: ignore[arg-type]
            return False
        if sum(known) > whole:  # type: ignore[arg-type]
            return False
    return True


def _direct(token: Token) -> Cell:
    if token.kind == "blank":
        return BLANK
    text = token.text
    value, how, note = PARSED.get(text) or parse_text(text)
    return _new(Cell, (value, _new(Provenance, (token.where, text, how, token.line)), note))


def _split_cells(split: Split | Sequence[int | None], run: Sequence[Token]) -> list[Cell]:
    # Every cell split from one run has the same provenance (an immutable tuple: shared).
    where = _provenance(run[0], "split", " ".join([t.text for t in run]))
    return [BLANK if v is None else _new(Cell, (v, where, None)) for v in split]


def _one_by_one(values: Sequence[Token]) -> bool:
    """Whether values are printed one a line, or set apart by pipes or tabs (not by spaces
    on a line: "230 0" may be the start of a run of cells, "230 000023")."""
    lines = [t.source_line for t in values]
    return len(set(lines)) == len(lines) or all(t.delimited for t in values)


def _delimited_start(tokens: Sequence[Token], n: int) -> list[Token] | None:
    """The cells a truncated page prints of a row on its line of text whose cells pipes or
    tabs set apart, blank ones among them ("46 | 3 |  | 1"), at most ``n`` of them: each in its
    column, from the first (what follows on later lines is no part of the row); None if the
    row prints no blank cell so, no value, or more cells than its columns on its line."""
    placed = [t for t in tokens if t.kind in ("value", "gap")]
    if (
        not placed
        or not all(t.delimited for t in placed)
        or not any(t.kind == "gap" for t in placed)
    ):
        return None
    line = placed[0].source_line
    own = [t for t in placed if t.source_line == line]
    if not 1 < len(own) <= n or not any(t.kind == "value" for t in own):
        return None  # (one cell on the line: a page printing a cell a line, "5 |")
    return own


def decided(row: RowCells, values: Sequence[int | None]) -> RowCells:
    """The row with the values the table decided for its open candidates."""
    assert row.run is not None
    cells = _split_cells(values, row.run)
    note = None
    if any(v is None for v in values):
        note = (
            f"数字串“{' '.join(t.text for t in row.run)}”有多种拆分方式，无法唯一确定的单元格记为空"
        )
    return RowCells(cells, note=note)
