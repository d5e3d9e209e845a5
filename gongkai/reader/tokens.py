"""From document lines to a stream of tokens: labels (text) and printed cell values.

A text line is cut at pipes and whitespace; a piece that ends in a digit run glued to a label
(``行政许可3960181``) is cut in two; a digit run glued to the next row's ordinal
(``00000002.其他法律…``) is cut before the ordinal. A number followed by a word (``收到5件``) is
prose, not a cell: it stays inside its text token. A line from a structured table (one HTML or
DOCX cell) is exactly one token, and an empty cell is a ``blank`` token.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Protocol

from gongkai.reader.normalize import is_traditional, normalize

# "bar": a line holding a lone "|", which some pages print for a blank cell and to open a row.
# "gap": an empty cell between two pipes or tabs of a text line ("规章 | 8 |  | 26 |").
TokenKind = Literal["text", "value", "blank", "bar", "gap"]


class SourceLine(Protocol):
    """What the tokenizer needs of a document line (see ``gongkai.reader.document.Line``)."""

    @property
    def text(self) -> str: ...
    @property
    def where(self) -> str: ...
    @property
    def line(self) -> int | None: ...
    @property
    def cell(self) -> bool: ...
    @property
    def row_start(self) -> bool: ...


class Token:
    """One label or printed value, where it was read. (A class with slots, not a NamedTuple:
    compiled by mypyc it is a C struct, made and read without a dictionary or a tuple.)"""

    __slots__ = (
        "cell",
        "delimited",
        "kind",
        "line",
        "piped",
        "pos",
        "row_start",
        "source_line",
        "text",
        "where",
    )

    def __init__(
        self,
        text: str,
        kind: TokenKind,
        where: str,
        line: int | None = None,
        row_start: bool = False,
        cell: bool = False,
        pos: int = 0,
        source_line: int = 0,
        piped: bool = False,
        delimited: bool = False,
    ) -> None:
        self.text = text
        self.kind: TokenKind = kind
        self.where = where
        self.line = line
        self.row_start = row_start  # first cell of a structured table row
        self.cell = cell  # from a structured table cell
        self.pos = pos  # offset of the token in the normalised text (``Tokens.text``)
        self.source_line = source_line  # which document line it comes from (0-based)
        self.piped = piped  # from a text line ending in "|" (one cell per line, "0 |")
        self.delimited = delimited  # from a text line whose cells are set off by pipes or tabs

    def replaced(
        self, text: str | None = None, kind: TokenKind | None = None, pos: int | None = None
    ) -> Token:
        """A copy with another text, kind or position."""
        return Token(
            self.text if text is None else text,
            self.kind if kind is None else kind,
            self.where,
            self.line,
            self.row_start,
            self.cell,
            self.pos if pos is None else pos,
            self.source_line,
            self.piped,
            self.delimited,
        )

    def _fields(self) -> tuple[object, ...]:
        return (
            self.text,
            self.kind,
            self.where,
            self.line,
            self.row_start,
            self.cell,
            self.pos,
            self.source_line,
            self.piped,
            self.delimited,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"Token{self._fields()!r}"


# Words printing the sign of a 本年增/减 cell ("减少3", "下降3", "增加5"), longest first.
NEGATIVE_WORDS = ("减少", "下降", "降低", "减", "降", "负")
POSITIVE_WORDS = ("增加", "增长", "上升", "增", "升")
_SIGN_WORDS = frozenset(NEGATIVE_WORDS + POSITIVE_WORDS)
_SIGN_CHARS = "增减降升负"  # every sign word has one of them
# What printed right after a number makes it no plain value: a sign word or an arrow after it
# ("3减少", "3 ↓", "3(减)": which way is not said the usual way), an estimate ("120(约)"), the
# start of a range ("3至5").
_QUALIFIERS = (*_SIGN_WORDS, "↓", "↑", "▼", "▲", "至", "~", "(约", "(减", "(增", "(降", "(升", "约")
# A printed cell value: a number with an optional unit, or a sign for "none".
# Groups: sign (本年增/减 is printed "-3", "减少3" or "增加5"), currency, number (thousands may be
# separated: "447,228", "1,234.56"), unit.
# A unit, also in brackets ("0(件)"); a bare 万 or 千 multiplies: "1.2万" is no cell.
_UNIT = r"(万元|元|件|个|条|项|次|份|\((?:万元|元|件|个|条|项|次|份)\))"
_SIGN = "|".join(sorted(_SIGN_WORDS, key=len, reverse=True))
# (Thousands are also set off by an apostrophe, as some spreadsheet locales export: "1'288".)
_GROUPED = r"\d{1,3}(?:(?:,\d{3})+|(?:'\d{3})+|(?:’\d{3})+)"
VALUE = re.compile(rf"^([+-]|{_SIGN})?(¥)?({_GROUPED}(?:\.\d+)?|\d+(?:\.\d+)?){_UNIT}?$")
DASH = re.compile(rf"^(?:/|—+|-|--|无|—/){_UNIT}?$")  # (a unit may follow: "-(件)")
# Page numbers printed inside tables: "- 4 -", "—4—", "第 4 页", "4/6".
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—]\s*\d{1,3}\s*[-—]|第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?)\s*$"
)
# Short lines of site chrome or a mirror's spam that end up inside tables; no table line has
# these. (A flattened page is one long line: it is never dropped.)
CHROME_LINE = 80
CHROME = re.compile(
    r"https?://|www\.|\.(?:com|cn|net)\b|打印|关闭窗口|分享到|扫一扫|浏览次数|点击数|点击量|访问量"
    r"|来源[:：]|相关链接|返回顶部|上一篇|下一篇|【[^】]{0,12}】"
)
_WORD = re.compile(r"[^|\s]+")  # what is left when a line is cut at pipes and whitespace


def _cell_pieces(text: str) -> tuple[tuple[str, TokenKind, int], ...]:
    """A table cell's text cut into pieces (short cells are cached, as for lines)."""
    return _short_pieces(text) if len(text) <= CACHED_LINE else _located_pieces(text)


def _pieces(text: str) -> tuple[tuple[str, TokenKind], ...]:
    """A line cut into (piece, kind)."""
    return tuple((piece, kind) for piece, kind, _ in _located_pieces(text))


def _located_pieces(text: str) -> tuple[tuple[str, TokenKind, int], ...]:
    """A line cut into (piece, kind, offset in the line)."""
    pieces: list[tuple[str, TokenKind, int]] = []
    for m in _WORD.finditer(text):
        word, start = m.group(), m.start()
        cuts = _short_cuts(word) if len(word) <= CACHED_WORD else _word_cuts(word)
        if start:
            pieces.extend([(piece, kind, start + at) for piece, kind, at in cuts])
        else:
            pieces.extend(cuts)
    for i in range(len(pieces) - 1):
        number, kind, at = pieces[i]
        if kind == "value" and _in_sentence(pieces[i], pieces[i + 1], text):
            pieces[i] = (number, "text", at)
    if any(char in text for char in _SIGN_CHARS):  # a sign word apart from its number, "减 3"
        for i in range(len(pieces) - 1, 0, -1):
            (word, _, at), (number, next_kind, there) = pieces[i - 1], pieces[i]
            signed = word in _SIGN_WORDS and next_kind == "value" and number[:1].isdigit()
            if signed and _same_cell(text, at + len(word), there):  # (not from another cell)
                pieces[i - 1 : i + 1] = [(word + number, "value", at)]
    return tuple(pieces)


# Units a sentence counts in: "全年收取信息处理费 380 元。", "其中 1 件为上年结转案件。"
_COUNTED = frozenset("件元个条项次份")


def _in_sentence(
    value: tuple[str, TokenKind, int], following: tuple[str, TokenKind, int], line: str
) -> bool:
    """Whether a number printed apart is part of a sentence: a unit follows it, and words after
    the unit that end or break a sentence ("380 元。", "1 件为上年结转案件。"). A cell printing
    its unit apart ("0 件") is not, nor a number before a label ("9 项目"). Also a number a
    qualifier follows in its cell ("3 ↓", "120 (约)")."""
    number, _, start = value
    word, kind, at = following
    if kind != "text" or not number[-1:].isdigit():
        return False
    if word.startswith(_QUALIFIERS):
        return _same_cell(line, start + len(number), at)  # (in the number's cell)
    return word[0] in _COUNTED and len(word) > 1 and any(m in word for m in _SENTENCE_MARKS)


def _same_cell(line: str, end: int, start: int) -> bool:
    """Whether nothing between ``end`` and ``start`` of a line sets cells apart."""
    between = line[end:start]
    return "|" not in between and "\t" not in between


_SENTENCE_MARKS = "。,;:!?"  # (after NFKC: the full-width comma, semicolon… are ASCII)


def _word_cuts(word: str) -> tuple[tuple[str, TokenKind, int], ...]:
    """A word (text without spaces or pipes) cut into (piece, kind, offset in the word): the
    pieces follow each other with nothing between them."""
    out: list[tuple[str, TokenKind, int]] = []
    at = 0
    for piece, kind in _cut(word):
        out.append((piece, kind, at))
        at += len(piece)
    return tuple(out)


# Words repeat across lines and reports (labels, "0", "|"-free cells): cut once. A long line
# (a flattened page) is made of them, so it is cut at the speed of a dictionary lookup.
CACHED_WORD = 40
_short_cuts = lru_cache(maxsize=65536)(_word_cuts)
_short_pieces = lru_cache(maxsize=65536)(_located_pieces)
_PLACEHOLDER = re.compile(r"^数据\d+$")
_SIGNED_STARTS = ("+", "-", *_SIGN_WORDS)
_SIGNED_NOTE = re.compile(rf"((?:[+-]|{_SIGN})\d+(?:\.\d+)?)(注\s*\d*)$")
# Printed values that are no number, not text: a number cut after its decimal point ("96171."
# / "6": a narrow PDF cell wraps it; a row's ordinal, "1.", is one or two digits at most), and
# "一3", 一 typed (or scanned) for a minus sign before a 本年增/减 value, which sign not known
# for sure (not "一" as text and 3).
_NO_NUMBER_VALUE = re.compile(r"^(?:\d{3,}\.|一\d+(?:\.\d+)?)$")
# A number followed by one of these is prose ("收到5件", "2019年"), not a printed cell.
# (Also a multiplier, 万/千/亿, and a bound: "1200以上", "50左右", "12余", "30多".)
_PROSE_UNITS = set(
    "件个条项次份年月日号人家余万千亿%％多天期场篇名批户类页起宗部位所台套岁届轮以左上"
)
# A number after one of these is an estimate or a bound ("约420", "超100", "不足12", "至少3",
# "低于50", "不到5", "超过8"): prose, not a printed cell.
_APPROXIMATE = frozenset("约近逾超足少于到过至注")  # (and a note's number: "5注1")
_ORDINAL_AFTER = re.compile(r"[.、][\u3400-\u9fff]")
# The numbers ``_cut`` may take, found in C: a number that ``_cut`` passes over (prose, "2023年",
# "约420", "5%") is not matched at all. The lookarounds say what ``_cut`` checks of the
# characters around a number; a number passed over still takes its digits (and unit) with it:
# no match starts inside it, as a character before it would be a digit, "." or a unit's.
# (Possessive: the plain pattern of every number, (\d+(?:\.\d+)?)(万元|元)?, never gives a
# digit back either: nothing follows it.)
_LABEL_CHARS = "\u3400-\u9fff)\\]\"'”’"
_NUMBER = re.compile(
    # (A digit first, the character before it looked at behind it: a pattern that starts with
    # a digit lets the regex engine skip to the next digit.)
    f"(\\d(?<![^{_LABEL_CHARS}]\\d)(?<![{''.join(sorted(_APPROXIMATE))}]\\d)"
    r"\d*+(?:\.\d++)?+)(万元|元)?+"
    f"(?=$|[.、(\\[]|(?![{''.join(sorted(_PROSE_UNITS))}])[{_LABEL_CHARS}])"
)


def _is_label_char(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or ch in ")]\"'”’"


def _cut(piece: str, numbers: re.Pattern[str] = _NUMBER) -> Iterator[tuple[str, TokenKind]]:
    """Cut the numbers printed against labels out of a piece of text without spaces.
    (``numbers``: every number, or only those the checks below may take, the default.)"""
    if VALUE.match(piece) or DASH.match(piece) or _NO_NUMBER_VALUE.match(piece):
        yield piece, "value"
        return
    if _PLACEHOLDER.match(piece):
        yield piece, "text"  # a converter's column placeholder (数据1 … 数据6)
        return
    if piece.startswith(_SIGNED_STARTS) and (signed := _SIGNED_NOTE.match(piece)):
        yield signed.group(1), "value"  # a signed value and its note's mark: "-43注1"
        yield signed.group(2), "text"
        return
    pos = 0
    for m in numbers.finditer(piece):
        before = piece[m.start() - 1] if m.start() else ""
        if before and (not _is_label_char(before) or before in _APPROXIMATE):
            continue
        if "(" in piece and piece.rfind("(", 0, m.start()) > piece.rfind(")", 0, m.start()):
            continue  # inside a label's brackets: "行政许可(注1)", "行政处罚(其中简易程序3)"
        number, unit = m.group(1), m.group(2)
        if unit is None and "." not in number and _ORDINAL_AFTER.match(piece, m.end()):
            # "…信息2200003252.没有现成…": the last digit is the next row's ordinal.
            value = number[:-1]
            if value:
                if piece[pos : m.start()]:
                    yield piece[pos : m.start()], "text"
                yield value, "value"
                pos = m.end() - 1
            continue
        after = piece[m.end() : m.end() + 1]
        if after and (after in _PROSE_UNITS or not (_is_label_char(after) or after in "([")):
            continue
        if after and piece.startswith(_QUALIFIERS, m.end()):
            continue  # "3减少", "3(减)", "120(约)", "3至5": no plain value
        if piece[pos : m.start()]:
            yield piece[pos : m.start()], "text"
        yield m.group(0), "value"
        pos = m.end()
    if piece[pos:]:
        yield piece[pos:], "text"


@dataclass(frozen=True)
class Tokens:
    """The normalised text of a document and its tokens, with offsets into that text."""

    text: str
    tokens: tuple[Token, ...]
    line_starts: tuple[int, ...]
    skipped: frozenset[int] = frozenset()  # lines dropped as page numbers or site chrome


@dataclass(frozen=True)
class Text:
    """The normalised text of a document, line by line."""

    lines: tuple[str, ...]
    starts: tuple[int, ...]  # offset of each line in ``text``
    text: str


def normalized_text(lines: Sequence[SourceLine]) -> Text:
    """Each line normalised; done on the joined text at once, which is much faster."""
    parts = [src.text for src in lines]
    joined = "\n".join(parts)
    text = normalize(joined)
    # Nothing changed and no line held a newline: the lines are the parts, with no split.
    unchanged = text is joined and joined.count("\n") == len(parts) - 1
    texts = parts if unchanged else text.split("\n")
    if len(texts) != len(lines):  # a line's text held a newline: fall back to line by line
        traditional = is_traditional(unicodedata.normalize("NFKC", joined))
        texts = [normalize(src.text, traditional) for src in lines]
        text = "\n".join(texts)
    # Line i starts after the lines before it, each with its newline: the sums of their lengths
    # plus one. (The last sum is no line's start.)
    ends = itertools.accumulate(map(operator.add, map(len, texts), itertools.repeat(1)), initial=0)
    return Text(tuple(texts), tuple(itertools.islice(ends, len(texts))), text)


_Plan = tuple[tuple[tuple[str, TokenKind, int], ...], bool, bool]
# A lone "|": one bar token at the line's start.
_BAR: _Plan = ((("|", "bar", 0),), False, False)
CACHED_LINE = 200  # lines up to this long are cut once and remembered
_DELIMITER = re.compile(r"[|\t]")
_DIGIT_SPACE_DIGITS = re.compile(r"\d \d{3}")
_SPACED_COLUMN = re.compile(r"(?:(?<=  )|^)\d{1,3}(?: \d{3})+(?=  |\s*$)")
# A delimited cell holding one number grouped by spaces: "| 1 056 |", "\t447 228\t".
_SPACED_CELL = re.compile(r"(?:(?<=[|\t])|^)[ ]*\d{1,3}(?: \d{3})+(?=[ ]*(?:[|\t]|$))")


def _plan_line(text: str) -> _Plan | None:
    """How a line of text becomes tokens: None for a page number or a line of site chrome,
    ``_BAR`` for a lone "|", else its pieces, whether it ends in "|" and whether its cells are
    set off by pipes or tabs. Short lines are cached (``_LINE_PLANS``): table lines ("0 |",
    "|", row labels) repeat in every report; long ones (a flattened page) are not, so that a
    batch of them cannot fill the memory."""
    if PAGE_NUMBER.match(text) or (len(text) <= CHROME_LINE and CHROME.search(text)):
        return None
    stripped = text.strip()
    if stripped == "|":
        return _BAR
    delimited = "|" in stripped or "\t" in stripped
    if delimited and " " in text:  # "| 1 056 |": one cell, one number (same length)
        text = _SPACED_CELL.sub(_grouped, text)
    elif "  " in text and _DIGIT_SPACE_DIGITS.search(text):
        # Columns set off by runs of spaces (a PDF text layer with layout): a group of digits
        # set off by single spaces inside one column is one number ("3 480").
        text = _SPACED_COLUMN.sub(_grouped, text)
    if "页" in text and _INLINE_PAGE.search(text):
        text = _INLINE_PAGE.sub(lambda m: " " * len(m.group(0)), text)  # (offsets kept)
    pieces = _located_pieces(text)
    if delimited:
        # Empty cells after the last label of the line: a row's blank cells. (Between two
        # labels they are a header's merged columns, and would cut the label run.)
        after = max((at for _, kind, at in pieces if kind == "text"), default=-1)
        gaps: list[tuple[str, TokenKind, int]] = [
            ("", "gap", at) for at in _gaps(text) if at > after
        ]
        if gaps:
            pieces = tuple(sorted((*pieces, *gaps), key=lambda piece: piece[2]))
    return pieces, stripped.endswith("|"), delimited


# A page's footer printed on a row's line ("0 | 第 6 页 共 16 页"): no values.
_INLINE_PAGE = re.compile(r"第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?")
_GROUP_SPACE = re.compile(r"(?<=\d) (?=\d)")


def _grouped(m: re.Match[str]) -> str:
    """A number grouped by spaces written with commas ("1 056" → "1,056"); the spaces before
    it stay (they set the cell apart: ", 1,056" would be no number)."""
    return _GROUP_SPACE.sub(",", m.group(0))


def _gaps(text: str) -> list[int]:
    """Offsets of the empty cells of a delimited line: blank stretches between two pipes or
    tabs after the line's first printed cell (what comes before it is a row's indentation or
    a merged label column, and the stretch after the last delimiter ends the row)."""
    out: list[int] = []
    printed = False
    start = 0
    for m in _DELIMITER.finditer(text):
        segment = text[start : m.start()]
        if segment.strip():
            printed = True
        elif printed and start > 0:
            out.append(start)
        start = m.end()
    return out


# The plans of short lines (see ``_plan_line``), kept in a plain dict rather than by
# ``lru_cache``: a report has a hundred lines, and a lookup in the dict costs half a cached
# call. (Emptied when full, so that a batch of reports cannot fill the memory.)
_LINE_PLANS: dict[str, _Plan | None] = {}
_CACHED_LINES = 65536


def _remembered_plan(text: str) -> _Plan | None:
    """``_plan_line`` of a short line not seen yet, remembered."""
    plan = _plan_line(text)
    if len(_LINE_PLANS) >= _CACHED_LINES:
        _LINE_PLANS.clear()
    _LINE_PLANS[text] = plan
    return plan


_SPACED_THOUSANDS = re.compile(r"^\d{1,3}(?: \d{3})+$")
_NO_NUMBER = frozenset({"若干", "不详", "未统计", "暂无", "不适用", "无数据", "待定", "未知"})
_NUMBER_LIKE = re.compile(r"^[^\u3400-\u9fff]*\d[^\u3400-\u9fff]*$")  # digits, no Chinese


# A page number centred on its own line (a layout text layer indents it far): a value printed
# last on a page starts at the line's start in a raw text layer, and is kept.
_BARE_PAGE_NUMBER = re.compile(r"^[ \t]{10,}\d{1,3}\s*$")


def _page_ends(texts: Sequence[str], index: int) -> bool:
    """Whether the page ends after line ``index`` (the next printed line starts a new page:
    a PDF text layer's form feed), so that a bare number there is the page's number."""
    for following in texts[index + 1 : index + 4]:
        if following.strip(" \t"):
            return following.lstrip(" \t").startswith("\f")
    return False


def _cell_tokens(out: list[Token], src: SourceLine, stripped: str, base: int, index: int) -> None:
    """The tokens of one structured table cell (``stripped`` of spaces and pipes)."""
    where, line, opens = src.where, src.line, src.row_start
    if not stripped:
        out.append(Token("", "blank", where, line, opens, True, base, index))
        return
    if VALUE.match(stripped) or DASH.match(stripped):
        out.append(Token(stripped, "value", where, line, opens, True, base, index))
        return
    if _SPACED_THOUSANDS.match(stripped):  # one cell's "1 056": one number
        out.append(
            Token(stripped.replace(" ", ","), "value", where, line, opens, True, base, index)
        )
        return
    if not opens and (stripped in _NO_NUMBER or _NUMBER_LIKE.match(stripped)):
        # A value cell printing something that is no number ("若干", "12%", "(12)"): the cell
        # is null with a note; read as text it would cut its row in two.
        out.append(Token(stripped, "value", where, line, opens, True, base, index))
        return
    parts = _cell_pieces(stripped)
    if len(parts) > 1 and parts[-1][1] == "value":
        # A structured cell holding label and number together is still cut.
        for i, (t, k, at) in enumerate(parts):
            out.append(Token(t, k, where, line, opens and i == 0, True, base + at, index))
        return
    out.append(Token(stripped.replace(" ", ""), "text", where, line, opens, True, base, index))


def tokenize(
    lines: Sequence[SourceLine], text: Text | None = None, span: tuple[int, int] | None = None
) -> Tokens:
    """Cut document lines into tokens, in reading order (only the lines within ``span``)."""
    out: list[Token] = []
    if text is None:
        text = normalized_text(lines)
    texts, starts = text.lines, text.starts
    if len(texts) != len(lines):
        raise ValueError("the normalised text does not match the lines")
    first, stop = 0, len(lines)
    if span is not None:  # lines are in text order: those overlapping ``span`` are a range
        first = max(0, bisect.bisect_right(starts, span[0]) - 1)
        stop = bisect.bisect_right(starts, span[1])
        # Only the range's first line can end before the span (at most at its start).
        if first < stop and starts[first] + len(texts[first]) < span[0]:
            first += 1
    append = out.append
    skipped: list[int] = []
    wrapped = False
    plans = _LINE_PLANS
    # (The lines of the range with their texts and starts, zipped: no indexing per line.)
    for index, src, text_, base in zip(
        range(first, stop), lines[first:stop], texts[first:stop], starts[first:stop], strict=True
    ):
        if src.cell:
            _cell_tokens(out, src, text_.strip(" |"), base, index)
            continue
        if not text_:
            continue  # (an empty line has no pieces: its plan would say as much)
        if len(text_) <= CACHED_LINE:
            try:
                plan = plans[text_]
            except KeyError:  # (a line not seen yet: rare once the labels have been seen)
                plan = _remembered_plan(text_)
        else:
            plan = _plan_line(text_)
        if plan is None or (
            text_[:1] in " \t" and _BARE_PAGE_NUMBER.match(text_) and _page_ends(texts, index)
        ):
            skipped.append(index)
            continue
        where, line = src.where, src.line
        pieces, piped, tabs = plan  # (tabs: delimited by pipes or tabs)
        if len(pieces) == 1:  # (most lines: a label, a value; one token needs no list)
            piece, kind, at = pieces[0]
            if kind == "text" and (piece in _SIGN_WORDS or piece[-1] == "."):
                wrapped = True  # (perhaps a cell wrapped before its number: see _unwrapped)
            append(Token(piece, kind, where, line, False, False, base + at, index, piped, tabs))
            continue
        out.extend(
            [
                Token(piece, kind, where, line, False, False, base + at, index, piped, tabs)
                for piece, kind, at in pieces
            ]
        )
    if wrapped:
        out = _unwrapped(out)
    return Tokens(text.text, tuple(out), text.starts, frozenset(skipped))


_DECIMAL_CUT = re.compile(r"\d+\.")


def _unwrapped(tokens: list[Token]) -> list[Token]:
    """Cells wrapped inside a narrow column, printed a line each, joined: a sign word alone on
    its line before a number ("减少" / "3": -3, a 本年增/减 cell) and a number cut after its
    decimal point ("12." / "5": 12.5). (Lone lines of text only: the next printed line holds
    the number alone.)"""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            after is not None
            and t.kind == "text"
            and not t.cell
            and (t.text in _SIGN_WORDS or _DECIMAL_CUT.fullmatch(t.text))
            and (not out or out[-1].source_line != t.source_line)
            and after.kind == "value"
            and after.text.isdigit()
            and 0 < after.source_line - t.source_line <= 2
            and (i + 2 >= len(tokens) or tokens[i + 2].source_line != after.source_line)
        ):
            out.append(after.replaced(text=t.text + after.text, pos=t.pos))
            i += 2
            continue
        out.append(t)
        i += 1
    return out
