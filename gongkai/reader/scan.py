"""Finding the rows of an official table in a token stream, and the printed values of each.

The scanner walks the tokens of a table's region. Consecutive text tokens form a label run;
the words of the layout found in a run (see ``lexicon``) name the rows printed there, in order.
The last row named in a run owns the values that follow it, up to the next run that names a
row. Rows are expected in layout order: only the next few rows are looked for (so a column
header such as 其他 or 总计 is not taken for a row far below), a row may be named again (a
heading repeated before its table), and a run naming rows out of order is a header, not rows.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache

from gongkai.layout import FormatName, Table, layout
from gongkai.reader.lexicon import Lexicon, compact, lexicon
from gongkai.reader.tokens import Token

WINDOW = 4  # how many rows ahead a label may skip to
SHORT_WORD = 4  # labels shorter than this never skip a row
PROSE_LEFTOVER = 16  # characters of a run not explained by table words that make it prose


class RowHit:
    """A row of the table found in the tokens: its label and the values printed after it.
    (A class with slots and its own ``__init__``, not a dataclass: compiled by mypyc, it is
    made without a call into Python.)"""

    __slots__ = (
        "above",
        "abridged",
        "before",
        "index",
        "label",
        "merged",
        "orphans",
        "repeated",
        "stranded",
        "unlabelled",
        "values",
    )

    def __init__(
        self,
        index: int,
        label: Token,
        values: list[Token] | None = None,
        repeated: bool = False,
        before: list[Token] | None = None,
        unlabelled: bool = False,
    ) -> None:
        self.index = index
        self.label = label
        self.values: list[Token] = [] if values is None else values
        self.repeated = repeated
        self.before = before  # a repeated row's values the first time, if any
        self.unlabelled = unlabelled  # printed without its label, placed by its position
        self.merged = False  # named with other rows in one label ("行政处罚和行政强制")
        self.above: Token | None = None  # a value no row owns, on the line just above the label's
        self.orphans = False  # values no row owns printed between it and the row next to it
        # Named after another row in one label run that follows values no row takes: the page
        # may print its values before its labels, so those after the run need not be this row's.
        self.stranded = False
        self.abridged = False  # its label printed short, placed by its ordinal


class ExtraHit:
    """A local row's label (no row of the layout) and the values printed after it."""

    __slots__ = ("label", "token", "values")

    def __init__(self, label: str, token: Token, values: list[Token] | None = None) -> None:
        self.label = label
        self.token = token
        self.values: list[Token] = [] if values is None else values


class Scan:
    __slots__ = ("extras", "rows")

    def __init__(self, rows: dict[int, RowHit], extras: list[ExtraHit]) -> None:
        self.rows = rows
        self.extras = extras


def _runs(tokens: Sequence[Token]) -> list[tuple[str, list[Token]]]:
    """Consecutive text tokens (a label run; a structured row's first cell starts a new one)
    and consecutive value tokens, in order."""
    listed = tokens if isinstance(tokens, list) else list(tokens)  # (its slices are lists)
    runs: list[tuple[str, list[Token]]] = []
    size = len(listed)
    start = 0
    while start < size:
        text = listed[start].kind == "text"
        end = start + 1
        if text:
            while end < size and listed[end].kind == "text" and not listed[end].row_start:
                end += 1
        else:
            while end < size and listed[end].kind != "text":
                end += 1
        runs.append(("text" if text else "values", listed[start:end]))
        start = end
    return runs


# A label run's table words, each with the index of the token it ends in, and the count of
# Chinese characters no table word explains.
_Words = tuple[tuple[tuple[str, int], ...], int]
CACHED_RUN = 200  # label runs up to this many characters are analysed once and remembered


def _words(fmt: FormatName, pieces: tuple[str, ...]) -> _Words:
    """The table words found in a label run (its tokens' compact texts)."""
    if sum(map(len, pieces)) <= CACHED_RUN:
        return _cached_words(fmt, pieces)
    return _find_words(fmt, pieces)


def _find_words(fmt: FormatName, pieces: tuple[str, ...]) -> _Words:
    lex = lexicon(fmt)
    text = "".join(pieces)
    ends = list(itertools.accumulate(len(p) for p in pieces))  # where each token's text ends
    found: list[tuple[str, int]] = []
    leftover = 0
    at = 0
    for m in lex.pattern.finditer(text):
        if at < m.start():
            leftover += _unexplained(lex, text, ends, at, m.start())
        at = m.end()
        found.append((m.group(0), bisect.bisect_right(ends, at - 1)))
    leftover += _unexplained(lex, text, ends, at, len(text))
    return tuple(found), leftover


_cached_words = lru_cache(maxsize=16384)(_find_words)


def _hits(
    fmt: FormatName, table: str, run: list[Token], nxt: int, last: int
) -> tuple[list[tuple[int, Token]] | None, int]:
    """Rows of ``table`` named in a label run (None when the run is prose or a header), and
    how many Chinese characters of the run no table word explains."""
    # (Remembered by the printed texts, before ``compact``: a pure function of them too, and
    # the run's texts need not be made compact again each time the run is printed.)
    texts = tuple([t.text for t in run])
    size = 0
    for text in texts:
        size += len(text)
    if size <= CACHED_RUN:
        named, leftover = _cached_rows(fmt, table, texts, nxt, last)
    else:
        named, leftover = _named_rows(fmt, table, texts, nxt, last)
    if named is None:
        return None, leftover
    if len(named) == 1:  # (most runs name one row: no comprehension for it)
        row, token = named[0]
        return [(row, run[token])], leftover
    return [(row, run[token]) for row, token in named], leftover


def _named_rows(
    fmt: FormatName, table: str, texts: tuple[str, ...], nxt: int, last: int
) -> tuple[tuple[tuple[int, int], ...] | None, int]:
    """``_hits`` on the run's texts: rows as (row index, index of the token)."""
    words, leftover = _words(fmt, tuple(map(compact, texts)))
    if leftover > PROSE_LEFTOVER:
        return None, leftover
    rows_of = lexicon(fmt).rows
    hits: list[tuple[int, int]] = []
    behind = 0  # words naming rows already passed: a header that lists outcomes
    for word, token in words:
        meanings = rows_of[(table, word)]
        if not meanings:
            continue
        # A short word (其他, 总计) names only the row expected next; skipping rows needs a
        # distinctive label.
        low = nxt - 1 if nxt > 0 else 0
        high = min(last, nxt + WINDOW)
        top = high if len(word) >= SHORT_WORD else min(high, low + 1)
        rows = [r for r in meanings if low <= r <= top]
        if rows:
            row = min(rows)
            if hits and hits[-1][0] == row:  # a label printed twice in a row names one row
                hits[-1] = (row, token)
            else:
                hits.append((row, token))
            nxt = max(nxt, row + 1)
        elif max(meanings) < low:
            behind += 1
    if behind >= 2:
        return None, leftover
    if any(b[0] < a[0] for a, b in itertools.pairwise(hits)):
        return None, leftover
    return tuple(hits), leftover


_cached_rows = lru_cache(maxsize=16384)(_named_rows)


def _interjection(
    fmt: FormatName, table: Table, run: list[Token], current: RowHit | ExtraHit | None
) -> bool:
    """Whether ``run`` is a stray line printed inside a row that still lacks values (a page
    footer, a mirror site's spam line, a footnote that a PDF's text layer puts where it falls):
    whole lines, with no word of the tables in them unless they are a note ("注：…")."""
    if not isinstance(current, RowHit) or not current.values:
        return False
    if len([t for t in current.values if t.kind != "text"]) >= len(
        table.rows[current.index].columns
    ):
        return False
    if run[0].cell:
        return False
    note = NOTE.match(run[0].text) is not None
    if not note and lexicon(fmt).pattern.search("".join(compact(t.text) for t in run)):
        return False
    return all(t.source_line != current.values[-1].source_line for t in run)


def _unexplained(lex: Lexicon, text: str, ends: list[int], start: int, end: int) -> int:
    """Chinese characters of ``text[start:end]`` (a gap between table words) that are not
    pieces of broken table words; each token's share of the gap is judged on its own."""
    count = 0
    while start < end:
        stop = min(end, ends[bisect.bisect_right(ends, start)])
        piece = text[start:stop]
        if not lex.fragment(piece):
            count += _cjk(piece)
        start = stop
    return count


_CJK = re.compile(r"[\u3400-\u9fff]")


def _cjk(text: str) -> int:
    return len(_CJK.findall(text))


def scan(fmt: FormatName, table: Table, tokens: Sequence[Token]) -> Scan:
    tokens = _without_group_pieces(fmt, table.key, tokens)
    rows: dict[int, RowHit] = {}
    extras: list[ExtraHit] = []
    current: RowHit | ExtraHit | None = None
    nxt = 0  # index of the next row expected
    last = len(table.rows) - 1
    loose: list[Token] = []  # values printed since the last text, that no row label owns
    unnamed: list[Token] = []  # the last label run, if it named no row and left no row open
    unknown = 0  # label runs naming no row since the last row's label
    last_text: Token | None = None  # the text printed last before ``loose``
    previous: Token | None = None  # the last token of the last label run
    for kind, run in _runs(tokens):
        if kind == "values":
            if current is None:
                if not loose:
                    last_text = previous
                loose.extend(t for t in run if t.kind == "value")
            else:
                current.values.extend(run)
            continue
        previous = run[-1]
        if len(run) > 1 and _bracketed(run):  # (a group's ordinal opens with a bracket)
            # A group's label printed again beside each of its rows, or the first piece of it
            # ("（六）其他" of "（六）其他处理", which would read as the row "3.其他"), in a run
            # with a row's label: no part of that label.
            run = [t for t in run if not _group_piece(fmt, table.key, t.text)] or run
        hits, leftover = _hits(fmt, table.key, run, nxt, last)
        if hits and NOTE.match(run[0].text) and not all(i in rows for i, _ in hits):
            hits = None  # a note naming a row ("注：272件申请为上年结转。") does not open it
        elif hits and len(run) > 1:
            # …nor a note printed after a row's label in its run: the label's row goes on.
            note = next((k for k in range(1, len(run)) if NOTE.match(run[k].text)), None)
            if note is not None:
                hits = [(i, t) for i, t in hits if _before_note(fmt, table.key, run, note, i, t)]
        if hits is None:
            # A header or a sentence may end in a row label on its own line: try the tail.
            for k in _line_starts(run, 1):
                tail_hits, _ = _hits(fmt, table.key, run[k:], nxt, last)
                if tail_hits:
                    hits, leftover = tail_hits, 0
                    break
        local = False
        if (
            hits
            and hits[0][0] in rows  # (before the generator is made: mostly a row not read yet)
            and all(i in rows and _filled(table, rows[i]) for i, _ in hits)
        ):
            label = "".join(t.text for t in run)
            # A local row whose label holds an official one after other words ("其中：简易程序
            # 行政处罚", "党内规范性文件", "其他规范性文件"), or a note under the table naming
            # a row ("注：行政事业性收费 12.5 万元…"), is not that row again: it keeps its values.
            local = leftover >= 2 or not _names_exactly(fmt, table.key, hits[-1][0], label)
            if local and _split_in_two(fmt, table, rows[hits[-1][0]], label):
                # The official row printed as two local ones, each its label and a qualifier
                # ("行政强制措施 9" / "行政强制执行 3"): the official row's value is not printed.
                first = rows.pop(hits[-1][0])
                extras.append(ExtraHit(first.label.text, first.label, first.values))
            if local:
                hits = []
        abridged = None
        if not hits and not local and nxt <= last:
            # The next row's label printed short, after its ordinal ("2.需另行制作"): that row.
            abridged = _abridged(fmt, table, nxt, run)
            if abridged is not None:
                hits = [(nxt, abridged)]
        if not hits:
            label = "".join(t.text for t in run)
            loose = []
            behind = None
            if hits is not None:  # (the run, or its last lines: a header may come before)
                for k in itertools.chain([0], _line_starts(run, 1)):
                    behind = _out_of_order(fmt, table, rows, nxt, run[k:])
                    if behind is not None:
                        break
            if behind is not None:
                # A row printed out of the layout's order, under its own full label, that was
                # not read before (行政强制 printed above 行政处罚): the values after it are
                # that row's, not those of the row before.
                current = rows[behind.index] = behind
                unnamed, unknown = [], 0
                continue
            if hits is not None and nxt <= last and _opens(fmt, table.key, nxt, label):
                # The first piece of the next row's label ("3.危及“三安", its values and the
                # rest of it to follow): the row before has ended, short or not.
                current, unnamed = None, run
                unknown += 1
                continue
            if _interjection(fmt, table, run, current) or _UNITS_ONLY.fullmatch(
                label.replace(" ", "")
            ):
                continue  # a stray line inside a row, units printed apart: values go on
            unknown += 1
            if (
                hits is not None
                and rows
                and table.key == "active"
                and (leftover >= 2 or local)
                and not _ITEM_HEADER.search(label)  # (an item's header, its words broken)
            ):
                current = ExtraHit(label, run[0])
                extras.append(current)
            elif hits is None or leftover > 2 or _SUBTOTAL.search(label):
                current = None  # (a local row's label, "（三）不予公开 小计": the values are its)
            elif isinstance(current, RowHit) and _filled(table, current):
                current = None  # a filled row takes no more values: they belong further on
            unnamed = run if current is None and hits is not None else []
            continue
        if unnamed and loose:
            wrapped = _wrapped(fmt, table, unnamed, loose, run, hits)
            if wrapped is not None:
                # A label wrapped over lines with its values after its first line (a table
                # whose cells are aligned at the top): the values belong to the label's row.
                row, rest, tail = wrapped
                rows[row] = RowHit(row, unnamed[0], list(loose), repeated=row in rows)
                nxt = row + 1
                loose = []
                if not rest:  # what follows starts the next row's label, wrapped too
                    behind = _out_of_order(fmt, table, rows, nxt, tail) if tail else None
                    if behind is not None:  # …or is a row printed out of order
                        current = rows[behind.index] = behind
                        unnamed = []
                    else:
                        current, unnamed = None, tail
                    continue
                hits = rest
        unnamed = []
        # One row skipped, and just before its neighbour a row of values with no label and
        # exactly its number of cells: the row printed without its label.
        # (Not after a label naming no row, "小计", "其中：网上申请", a group's label printed
        # as a row: the values are that label's, not the skipped row's. Before the first row,
        # the table's header is one such run.)
        skipped = hits[0][0] == nxt + 1 and nxt not in rows and unknown <= (0 if rows else 1)
        # (Nor when a label is printed on the values' line: a local row's, "其他文件 | 1 | 2 |".)
        used = (
            skipped
            and loose
            and len(loose) == len(table.rows[nxt].columns)
            and not _labels_line(fmt, table, nxt, last_text, loose[0])
        )
        if used:
            rows[nxt] = RowHit(nxt, loose[0], list(loose), unlabelled=True)
        orphans = bool(loose) and not used  # values no row takes, between two rows' labels
        if orphans and rows:
            max(rows.values(), key=_label_pos).orphans = True  # (the row printed before them)
        stray = len(loose) if orphans else 0  # (how many: see RowHit.stranded)
        if isinstance(current, RowHit):
            _drop_ordinal(table, current, hits[0])  # (before its values are counted)
        if isinstance(current, RowHit) and (extra := _values(current) - _cells(table, current)) > 0:
            orphans = True  # (the row before took more values than its cells: some may be ours)
            stray += extra
        above = loose[-1] if loose else None
        loose = []
        unknown = 0
        # Values no row takes, as many as the cells of the rows the run names (two at least):
        # they may be those rows' own, printed before their labels (see RowHit.stranded).
        stranded = len(hits) > 1 and stray == sum(len(table.rows[i].columns) for i, _ in hits)
        for index, token in hits:
            merged = len(hits) > 1 and sum(other is token for _, other in hits) > 1
            # (What is not the default is set after: a call with keywords costs twice as much.)
            hit = RowHit(index, token)
            if merged:
                hit.merged = True
            if token is abridged:
                hit.abridged = True
            if orphans:
                hit.orphans = True
                orphans = False
            elif stranded and not merged:
                hit.stranded = True
            if index in rows:
                hit.repeated = True
                hit.before = rows[index].values
            if above is not None and above.source_line == token.source_line - 1:
                hit.above = above
            rows[index] = hit  # a repeated label starts the row again
            current = hit
            nxt = index + 1
        alone = run[-1] is hits[-1][1]  # the run ends in the row's label: no line after it
        tail = (
            []
            if alone
            else (
                _label_after(fmt, table, run, hits[-1], nxt)
                or _numbered_after(fmt, table, run, hits[-1], nxt)
            )
        )
        behind = _out_of_order(fmt, table, rows, nxt, tail) if tail else None
        if behind is not None:
            current = rows[behind.index] = behind  # (see _out_of_order above)
            continue
        label = "".join([t.text for t in tail])
        if tail and max(_rows_named(fmt, table.key, label), default=-1) >= nxt:
            # The row's label alone on its line(s), then the whole label of a row further on
            # than a short word may skip to ("5.要求行政机关确认…" / "（七）总计 0 929 …", lines
            # out of order): the row printed no values, and those that follow are not its.
            current = None
            continue
        if (
            tail
            and (_LOCAL_LABEL.match(label) or _SUBTOTAL.search(label))
            and not _SENTENCE.search(label)
        ):
            # The row's label stands alone on its line(s), and a label naming no row follows
            # ("行政处罚" / "其中：简易程序  7"): the row printed no values (blank cells are not
            # printed in text); the values that follow are that local row's. (A local row's
            # label opens the way they do, "其中：…", "其他…", "小计"; another line is a stray
            # one, a mirror site's spam: the row's values go on after it.)
            current = ExtraHit("".join(t.text for t in tail), tail[0])
            if table.key == "active":
                extras.append(current)
            continue
        opening = [] if alone else _next_opening(fmt, table, run, hits[-1][1], nxt, last)
        if opening:
            # The run ends in the first piece of the next row's label ("…法案卷 8.属于 行政查",
            # a PDF text layer's narrow column): the values that follow are printed beside
            # that label, not after the row named before it.
            current, unnamed = None, opening
    return Scan(rows, [e for e in extras if e.values])


_SUBTOTAL = re.compile(r"小计|合计|其中")
# A sentence, not a local row's label: a count in words or a full stop ("其中网上申请255件。").
_SENTENCE = re.compile(r"\d+\s*件|[。；;]\s*$")
_ITEM_HEADER = re.compile(r"第\s*二十\s*条")  # 第二十条第（八）项: table 二's item headers
# A note ("注：…", "备注：…"), under a table or among its header lines: no row, no column.
NOTE = re.compile(r"\s*(?:注|说明|备注)\s*\d?\s*[:：]")
# Units printed apart from their values ("0 件", "5 (件)"): no label.
_UNITS_ONLY = re.compile(r"(?:\(?(?:万元|元|件|个|条|项|次|份)\)?)+")
_LOCAL_LABEL = re.compile(r"\s*(?:其中|其他|含|包括|另|小计|合计|\d{1,2}\s*[.、])")


def _before_note(
    fmt: FormatName, key: str, run: list[Token], note: int, index: int, token: Token
) -> bool:
    """Whether the hit of row ``index`` at ``token`` stands, in a label run whose token
    ``note`` opens a note: it is printed before the note, or on a later line that it opens
    with the row's whole label (a row printed after a note line, not the note's own words)."""
    at = _index_of(run, token)
    if at < note:
        return True
    if at == 0 or run[at - 1].source_line == token.source_line or token.cell:
        return False
    line = [t.text for t in run[at:] if t.source_line == token.source_line]
    return _names_exactly(fmt, key, index, "".join(line))


def _label_after(
    fmt: FormatName, table: Table, run: list[Token], hit: tuple[int, Token], nxt: int
) -> list[Token]:
    """The end of ``run``, on lines after those of the row ``hit`` names, that is a label of
    its own naming no row ahead (a local row's, a row's printed out of order, or a stray
    line); [] if there is none. (Text lines only: a table cell after a row's label is a cell
    of that row.)"""
    index, token = hit
    if token.cell:
        return []
    start = _index_of(run, token)
    for k in _line_starts(run, start + 1):
        if not _names_exactly(fmt, table.key, index, "".join(t.text for t in run[start:k])):
            # (The label goes on, wrapped over lines; unless the line after is another row's
            # whole label, "四、结转下年度继续" / "（七）总计", and the row's label is not whole
            # with it either: lines printed out of order.)
            rest = "".join([t.text for t in run[k:]])
            whole = "".join([t.text for t in run[start:]])
            if not _rows_named(fmt, table.key, rest) or _names_exactly(
                fmt, table.key, index, whole
            ):
                continue
        tail = run[k:]
        tail_hits, _ = _hits(fmt, table.key, tail, nxt, len(table.rows) - 1)
        return tail if tail_hits is not None and not tail_hits else []
    return []


def _numbered_after(
    fmt: FormatName, table: Table, run: list[Token], hit: tuple[int, Token], nxt: int
) -> list[Token]:
    """The end of ``run`` after the label of the row ``hit`` names, on the label's own line,
    that is a numbered label naming no row ("（六）其他处理 1.逾期不补正": an item the layout
    does not split its row into, whose values follow it); [] if there is none."""
    index, token = hit
    if token.cell or not _names_exactly(fmt, table.key, index, token.text):
        return []
    tail = run[_index_of(run, token) + 1 :]
    if not tail or not _NUMBERED.match(tail[0].text):
        return []
    if any(t.source_line != token.source_line for t in tail):
        return []
    tail_hits, _ = _hits(fmt, table.key, tail, nxt, len(table.rows) - 1)
    return tail if tail_hits is not None and not tail_hits else []


_NUMBERED = re.compile(r"\s*\d{1,2}\s*[.、]\s*[\u3400-\u9fff]")


def _abridged(fmt: FormatName, table: Table, index: int, run: list[Token]) -> Token | None:
    """The token opening the end of ``run`` (its last lines, or all of it) that prints row
    ``index``'s label short: the row's own ordinal ("2."), then at least four Chinese
    characters of its label, in their order ("2.需另行制作" for 2.没有现成信息需要另行制作);
    None if there is none. (Only rows numbered in their group: their place and ordinal say
    which row is meant.)"""
    ordinal = _label_ordinal(table.rows[index].label)
    if ordinal is None:
        return None
    for k in itertools.chain([0], _line_starts(run, 1)):
        printed = compact("".join([t.text for t in run[k:]]))
        if _abridges(fmt, table.key, index, ordinal, printed):
            return run[k]
    return None


@lru_cache(maxsize=4096)
def _abridges(fmt: FormatName, key: str, index: int, ordinal: str, printed: str) -> bool:
    if not printed.startswith(ordinal) or printed[len(ordinal) : len(ordinal) + 1].isdigit():
        return False
    short = printed[len(ordinal) :]
    if _cjk(short) < ABRIDGED_MIN or _cjk(short) != len(short):
        return False
    for form in _label_forms(fmt, key, index):
        whole = form.removeprefix(ordinal)
        if whole.startswith(short):
            return False  # (the first piece of a label wrapped over lines: see _opens)
        if len(short) < len(whole) and in_order(short, whole):
            return True
    return False


ABRIDGED_MIN = 4  # Chinese characters a label printed short keeps at least


def in_order(part: str, whole: str) -> bool:
    """Whether the characters of ``part`` are found in ``whole`` in their order."""
    rest = iter(whole)
    return all(char in rest for char in part)


def _labels_line(
    fmt: FormatName, table: Table, row: int, label: Token | None, value: Token
) -> bool:
    """Whether ``label``, printed just before ``value`` on the value's line of text, is a
    label of its own, not row ``row``'s: two Chinese characters at least that are no words of
    the tables (an ordinal, a column's header) and no piece of that row's label."""
    if label is None or value.cell or label.source_line != value.source_line:
        return False
    text = compact(label.text)
    if any(text in form for form in _label_forms(fmt, table.key, row)):
        return False
    return _cjk(lexicon(fmt).pattern.sub("", text)) >= 2


@lru_cache(maxsize=256)
def _label_forms(fmt: FormatName, key: str, index: int) -> tuple[str, ...]:
    """Row ``index``'s label and its variants, compact."""
    row = layout(fmt).table(key).rows[index]
    return tuple(compact(label) for label in (row.label, *row.aliases))


def _next_opening(
    fmt: FormatName, table: Table, run: list[Token], hit: Token, nxt: int, last: int
) -> list[Token]:
    """The end of ``run`` after ``hit`` that is the first piece of row ``nxt``'s label."""
    if nxt > last or run[-1] is hit:
        return []
    for k in _line_starts(run, _index_of(run, hit) + 1):
        if _opens(fmt, table.key, nxt, "".join(t.text for t in run[k:])):
            return run[k:]
    return []


def _split_in_two(fmt: FormatName, table: Table, row: RowHit, label: str) -> bool:
    """Whether a row of table 二 read under its label with a qualifier ("行政强制措施") is
    followed by ``label``, the same row's label with another qualifier ("行政强制执行"), not a
    part of it ("其中：…", "小计")."""
    if table.key != "active" or _LOCAL_LABEL.match(label):
        return False
    return not _names_exactly(fmt, table.key, row.index, row.label.text)


def _label_pos(hit: RowHit) -> int:
    return hit.label.pos


def _index_of(run: list[Token], token: Token) -> int:
    """Where ``token`` itself (not an equal one) stands in ``run``; ``len(run)`` if nowhere."""
    return next((i for i, t in enumerate(run) if t is token), len(run))


def _line_starts(run: list[Token], start: int) -> Iterator[int]:
    """The indices from ``start`` on of the tokens of ``run`` that open a line or a table row."""
    for k in range(max(start, 1), len(run)):
        if run[k].source_line != run[k - 1].source_line or run[k].row_start:
            yield k


def _out_of_order(
    fmt: FormatName, table: Table, rows: dict[int, RowHit], nxt: int, run: list[Token]
) -> RowHit | None:
    """The row before ``nxt`` that the label run ``run`` names in full, or None: a row printed
    out of the layout's order, or printed again further on (then it holds what it printed
    first, for the table to compare: two different copies of a row leave it null). A short
    label (规章) names a row not read yet, unless a column is labelled so too: 其他 or 总计 is a
    header's as often."""
    label = "".join([t.text for t in run])
    short = len(compact(label)) < SHORT_WORD
    if short and (compact(label) in _column_words(fmt) or run[0].cell):
        return None
    found = [i for i in _rows_named(fmt, table.key, label) if i < nxt]
    if len(found) != 1:
        return None
    index = found[0]
    if index not in rows:
        return RowHit(index, run[0])
    if short:
        return None  # (a short label printed again may be a header's word: the row stands)
    return RowHit(index, run[0], repeated=True, before=rows[index].values)


@cache
def _column_words(fmt: FormatName) -> frozenset[str]:
    """The compact labels of every table's columns and column groups (其他, 总计, 自然人…):
    a short label that is one of them may be a header's, not a row's."""
    words: set[str] = set()
    for table in layout(fmt).tables:
        for row in table.rows:
            words.update(compact(column.label) for column in row.columns)
        words.update(compact(label) for label, _ in table.column_groups)
    return frozenset(words)


@lru_cache(maxsize=4096)
def _rows_named(fmt: FormatName, key: str, text: str) -> tuple[int, ...]:
    """The rows of the table that ``text`` names exactly (see ``_names_exactly``)."""
    count = len(layout(fmt).table(key).rows)
    return tuple(i for i in range(count) if _names_exactly(fmt, key, i, text))


@lru_cache(maxsize=4096)
def _names_exactly(fmt: FormatName, key: str, index: int, text: str) -> bool:
    """Whether ``text`` is row ``index``'s label or a variant of it, and nothing more (its
    ordinal and the group's label may be printed with it)."""
    row = layout(fmt).table(key).rows[index]
    printed = _ORDINAL_PREFIX.sub("", compact(text))
    if row.group:
        group = _ORDINAL_PREFIX.sub("", compact(row.group))
        if printed.startswith(group):  # (the row's own ordinal after it: "（五）不予处理 1.…")
            printed = _ORDINAL_PREFIX.sub("", printed.removeprefix(group))
    return printed in {_ORDINAL_PREFIX.sub("", form) for form in _label_forms(fmt, key, index)}


GROUP_PIECES_WITHIN = 16  # text tokens in which a group label's pieces must all be printed


def _without_group_pieces(fmt: FormatName, key: str, tokens: Sequence[Token]) -> Sequence[Token]:
    """The tokens without the pieces of a group label wrapped in its narrow cell, printed
    between the lines of its rows' labels ("（六）" / "2.申请人逾期未按…" / "其他" / "费用、…" /
    "处理"), that would name a row of their own ("其他", "其他处"). The pieces are taken only
    when the first opens with the group's ordinal and all of them spell the group's label, in
    order, within a few tokens. (The others stay: they set rows apart, and a label wrapped
    with its group's is read with them.)"""
    groups = _group_labels(fmt, key)
    if not groups:
        return tokens
    drop: set[int] = set()
    # (A text holding no "(" does not open with one: the test over all tokens runs in C.)
    bracketed = [i for i, t in enumerate(tokens) if "(" in t.text]
    for i in bracketed:
        token = tokens[i]
        if token.kind != "text" or not token.text.lstrip().startswith("(") or i in drop:
            continue
        first = compact(token.text)
        for group in groups:
            if not group.startswith(first) or group == first:
                continue
            rest, pieces = group[len(first) :], [i]
            seen = 0  # (text tokens looked at: a loop, no generator, for mypyc makes one a list)
            for k in range(i + 1, len(tokens)):
                if tokens[k].kind != "text":
                    continue
                seen += 1
                if seen > GROUP_PIECES_WITHIN:
                    break
                piece = compact(tokens[k].text)
                if piece and rest.startswith(piece):
                    rest = rest[len(piece) :]
                    pieces.append(k)
                    if not rest:
                        break
            if not rest and len(pieces) > 1:
                drop.update(k for k in pieces if _names_a_row(fmt, key, tokens[k].text))
                break
    return [t for i, t in enumerate(tokens) if i not in drop] if drop else tokens


@lru_cache(maxsize=4096)
def _names_a_row(fmt: FormatName, key: str, text: str) -> bool:
    """Whether a text holds a word of the tables that names a row of table ``key``."""
    lex = lexicon(fmt)
    return any(lex.rows[(key, m.group(0))] for m in lex.pattern.finditer(compact(text)))


@cache
def _group_labels(fmt: FormatName, key: str) -> tuple[str, ...]:
    """The compact labels of the table's row groups that open with an ordinal ("（六）…")."""
    rows = layout(fmt).table(key).rows
    labels = {compact(r.group) for r in rows if r.group and r.group.startswith(("(", "（"))}
    return tuple(sorted(labels))


def _bracketed(run: list[Token]) -> bool:
    """Whether a text of ``run`` holds a bracket: none can be a group label's first piece
    without one (see ``_group_piece``)."""
    return any("(" in t.text or "（" in t.text for t in run)


@lru_cache(maxsize=4096)
def _group_piece(fmt: FormatName, key: str, text: str) -> bool:
    """Whether ``text`` is the first piece of a group label of the table's rows, with the
    group's ordinal: "（六）其他" of "（六）其他处理" (the whole of it is read as a group)."""
    printed = compact(text)
    if len(printed) < 3 or not text.lstrip().startswith(("(", "（")):
        return False
    groups = {compact(r.group) for r in layout(fmt).table(key).rows if r.group}
    return any(group.startswith(printed) and group != printed for group in groups)


@lru_cache(maxsize=4096)
def _opens(fmt: FormatName, key: str, index: int, text: str) -> bool:
    """Whether ``text`` is the beginning, and only the beginning, of row ``index``'s label (or
    of a variant of it), three characters long at least; its ordinal may be left out."""
    printed = compact(text)
    row = layout(fmt).table(key).rows[index]
    group = compact(row.group) if row.group else ""
    if group and len(printed) > len(group) and printed.startswith(group):
        # Printed after its group's label ("（四）无法提供 1." and the rest on the next line):
        # the group's label names the row's place, a piece of the row's own label is enough.
        printed = printed[len(group) :]
    elif len(printed) < 3:
        return False
    for whole in _label_forms(fmt, key, index):
        for form in (whole, _ORDINAL_PREFIX.sub("", whole)):
            if len(printed) < len(form) and form.startswith(printed):
                return True
    return False


_ORDINAL_PREFIX = re.compile(r"^\d+")


def _table_words(text: str) -> tuple[bool, int]:
    """Whether a compact text holds words of the tables, and how many Chinese characters of
    it are not in such words."""
    pattern = lexicon("2021").pattern
    return pattern.search(text) is not None, _cjk(pattern.sub("", text))


_header_words = lru_cache(maxsize=16384)(_table_words)


_ORDINAL = re.compile(r"^(\d{1,2})[.、]")


def _drop_ordinal(table: Table, current: RowHit, hit: tuple[int, Token]) -> None:
    """A row's ordinal printed on its own line before a label that lacks it ("5" and then
    "属于三类内部事务信息") is no value of the row before."""
    index, label = hit
    values = current.values
    if not values or values[-1].kind != "value":
        return
    ordinal = _label_ordinal(table.rows[index].label)
    if ordinal is None or label.text.startswith(ordinal):
        return
    last = values[-1]
    if last.text != ordinal or (last.cell and not last.row_start):
        return
    if len(values) > 1 and values[-2].source_line == last.source_line:
        return  # printed on a line with other values: a cell of the row
    values.pop()


@lru_cache(maxsize=1024)
def _label_ordinal(label: str) -> str | None:
    """The ordinal a layout's row label opens with ("5" of "5.属于三类内部事务信息")."""
    ordinal = _ORDINAL.match(label)
    return None if ordinal is None else ordinal.group(1)


def _filled(table: Table, hit: RowHit) -> bool:
    """Whether a row has as many values as columns."""
    return _values(hit) >= _cells(table, hit)


def _cells(table: Table, hit: RowHit) -> int:
    return len(table.rows[hit.index].columns)


def _values(hit: RowHit) -> int:
    """How many values a row has taken."""
    count = 0
    for t in hit.values:
        if t.kind == "value":
            count += 1
    return count


def _wrapped(
    fmt: FormatName,
    table: Table,
    unnamed: list[Token],
    loose: list[Token],
    run: list[Token],
    hits: list[tuple[int, Token]],
) -> tuple[int, list[tuple[int, Token]], list[Token]] | None:
    """Whether the label run ``run``, whose first hit is a row, continues ``unnamed``, the
    label run printed before the values ``loose``: a word of the tables naming that row starts
    in ``unnamed`` and ends in ``run``, and ``loose`` fills the row. Returns the row, the run's
    other hits, and, when it names no other row, the run's tokens after that word."""
    row = hits[0][0]
    if len(loose) != len(table.rows[row].columns):
        return None
    before = "".join(compact(t.text) for t in unnamed)
    after = [compact(t.text) for t in run]
    lex = lexicon(fmt)
    boundary = len(before)
    for m in lex.pattern.finditer(before + "".join(after)):
        if m.start() >= boundary:
            break
        if m.end() > boundary and row in lex.rows[(table.key, m.group(0))]:
            ends = list(itertools.accumulate(len(p) for p in after))
            k = bisect.bisect_left(ends, m.end() - boundary) + 1  # the tokens of the word
            return row, hits[1:], (run[k:] if len(hits) == 1 else [])
    group = compact(table.rows[row].group or "")
    if before and len(before) < len(group) and group.startswith(before):
        # The row's group label wrapped, its first piece before the values ("（五）不" / values
        # / "予处理 1.信访举报投诉类申请"): the label is whole once the pieces are joined.
        k = _index_of(run, hits[0][1]) + 1
        if _names_exactly(fmt, table.key, row, before + "".join(after[:k])):
            return row, hits[1:], (run[k:] if len(hits) == 1 else [])
    return None


def appeal_values(tokens: Sequence[Token]) -> tuple[list[Token], bool]:
    """The values printed after table 四's headers, and whether the headers were found."""
    started = False
    values: list[Token] = []
    for token in tokens:
        if token.kind == "text":
            text = compact(token.text)
            words, leftover = _header_words(text) if len(text) <= CACHED_RUN else _table_words(text)
            if words and leftover <= 2:
                started = True  # a header (some pages print one header per block)
                continue
            if not text:
                continue  # markup left in the text: "###", "|---|"
            if started and (leftover > PROSE_LEFTOVER or (values and leftover > 2)):
                break
            continue
        if started and token.kind != "bar" and (values or token.kind != "gap"):
            values.append(token)  # (a header's empty columns before the values are not cells)
    return values, started
