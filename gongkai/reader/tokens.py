"""From document lines to a stream of tokens: labels (text) and printed cell values.

A text line is cut at pipes and whitespace; a piece that ends in a digit run glued to a label
(``行政许可3960181``) is cut in two; a digit run glued to the next row's ordinal
(``00000002.其他法律…``) is cut before the ordinal. A number followed by a word (``收到5件``) is
prose, not a cell: it stays inside its text token. A line from a structured table (one HTML or
DOCX cell) is exactly one token, and an empty cell is a ``blank`` token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

from gongkai.reader.normalize import normalize

TokenKind = Literal["text", "value", "blank"]


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


@dataclass(frozen=True)
class Token:
    text: str
    kind: TokenKind
    where: str
    line: int | None = None
    row_start: bool = False  # first cell of a structured table row
    cell: bool = False  # from a structured table cell
    pos: int = 0  # offset of the token in the normalised text (``Tokens.text``)


# A printed cell value: a number with an optional unit, or a sign for "none".
_UNIT = r"(?:万元|元|件|个|条|项|次|份)"
VALUE = re.compile(rf"^([+-]?)(\d+(?:\.\d+)?){_UNIT}?$")
DASH = re.compile(r"^(?:/|—+|-|--|无|—/)$")
# Page numbers printed inside tables: "- 4 -", "—4—", "第 4 页", "4/6".
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—]\s*\d{1,3}\s*[-—]|第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?)\s*$"
)
_SPLIT = re.compile(r"[|\s]+")
# label + trailing digits (the digits end the piece); the label must end in a CJK char or a
# closing bracket so that "第(五)项" or "1." are never cut.
_TRAILING_DIGITS = re.compile(r"^(.*[\u3400-\u9fff)\]])([+-]?\d[\d.]*(?:万元|元)?)$")
# digits glued to the next row's ordinal: "00000002.其他法律"
_GLUED_ORDINAL = re.compile(r"^(\d+?)(\d[.、][\u3400-\u9fff].*)$")


def _pieces(text: str) -> Iterator[tuple[str, TokenKind]]:
    for piece in _SPLIT.split(text):
        if not piece:
            continue
        yield from _cut(piece)


def _cut(piece: str) -> Iterator[tuple[str, TokenKind]]:
    if VALUE.match(piece) or DASH.match(piece):
        yield piece, "value"
        return
    glued = _GLUED_ORDINAL.match(piece)
    if glued:
        yield glued.group(1), "value"
        yield from _cut(glued.group(2))
        return
    inside = _GLUED_ORDINAL_INSIDE.match(piece)
    if inside:
        label, digits, rest = inside.groups()
        yield from _cut(label)
        yield digits, "value"
        yield from _cut(rest)
        return
    trailing = _TRAILING_DIGITS.match(piece)
    if trailing:
        label, digits = trailing.groups()
        yield from _cut(label)
        yield digits, "value"
        return
    yield piece, "text"


# "1.本机关不掌握相关政府信息2200003252.没有现成信息…": label, digit run, next ordinal.
_GLUED_ORDINAL_INSIDE = re.compile(r"^(.*[\u3400-\u9fff)])(\d+?)(\d[.、][\u3400-\u9fff].*)$")


@dataclass(frozen=True)
class Tokens:
    """The normalised text of a document and its tokens, with offsets into that text."""

    text: str
    tokens: tuple[Token, ...]
    line_starts: tuple[int, ...]


def _offsets(line: str, pieces: list[tuple[str, TokenKind]]) -> Iterator[int]:
    at = 0
    for piece, _ in pieces:
        found = line.find(piece, at)
        if found < 0:
            found = at
        yield found
        at = found + len(piece)


def tokenize(lines: Iterable[SourceLine]) -> Tokens:
    """Normalise and cut document lines into tokens, in reading order."""
    out: list[Token] = []
    texts: list[str] = []
    starts: list[int] = []
    offset = 0
    for src in lines:
        text = normalize(src.text)
        starts.append(offset)
        texts.append(text)
        base = offset
        offset += len(text) + 1
        if src.cell:
            stripped = text.strip(" |")
            where, line, first = src.where, src.line, src.row_start
            if not stripped:
                out.append(Token("", "blank", where, line, first, True, base))
                continue
            if VALUE.match(stripped) or DASH.match(stripped):
                out.append(Token(stripped, "value", where, line, first, True, base))
                continue
            parts = list(_pieces(stripped))
            if len(parts) > 1 and parts[-1][1] == "value":
                # A structured cell holding label and number together is still cut.
                for i, ((t, k), at) in enumerate(zip(parts, _offsets(text, parts), strict=True)):
                    out.append(Token(t, k, where, line, first and i == 0, True, base + at))
                continue
            out.append(Token(stripped.replace(" ", ""), "text", where, line, first, True, base))
            continue
        if PAGE_NUMBER.match(text):
            continue
        pieces = list(_pieces(text))
        for (piece, kind), at in zip(pieces, _offsets(text, pieces), strict=True):
            out.append(Token(piece, kind, src.where, src.line, pos=base + at))
    return Tokens("\n".join(texts), tuple(out), tuple(starts))
