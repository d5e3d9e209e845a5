"""What the input layer hands to the reader: a source as text lines with provenance.

``load`` (in ``load.py``) turns a text file, a web page, a DOCX or a PDF into a ``Document``: a
tuple of ``Line`` records in reading order. Each line keeps its raw text (HTML entities decoded
and tags removed, nothing else normalised) and says where it came from, in Chinese, for the user
("第12行", "表格2 第3行第4列", "第4页第7行"). Table cells of structured sources (HTML, DOCX)
arrive one cell per line, flagged with ``cell=True``, so the reader never has to guess where a
cell starts; an empty cell is a line with empty text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["text", "html", "docx", "pdf"]
KINDS: tuple[Kind, ...] = ("text", "html", "docx", "pdf")


class Line:
    """One line of a document. (A class with slots, not a NamedTuple: compiled by mypyc it is a
    C struct, and a document has hundreds of lines.)"""

    __slots__ = ("cell", "line", "row_start", "table", "text", "where")

    def __init__(
        self,
        text: str,
        where: str,
        line: int | None,
        cell: bool = False,
        row_start: bool = False,
        table: int | None = None,
    ) -> None:
        self.text = text  # raw text (not normalised; HTML entities decoded, tags removed)
        self.where = where  # Chinese location for users: "第12行", "表格2 第3行第4列", "第4页第7行"
        self.line = line  # 1-based line number in the source text where meaningful, else None
        self.cell = cell  # exactly one table cell of a structured source; "" is a blank cell
        self.row_start = row_start  # the first cell of a table row (structured sources)
        self.table = table  # 1-based table index, for cells

    def _fields(self) -> tuple[object, ...]:
        return (self.text, self.where, self.line, self.cell, self.row_start, self.table)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Line) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"Line{self._fields()!r}"


@dataclass(frozen=True)
class Document:
    name: str | None  # file name if any
    kind: Kind
    encoding: str | None  # detected or given encoding for text/html; None for docx/pdf
    lines: tuple[Line, ...]
    title: str | None = None  # <title> / meta ArticleTitle / first line if clearly the title
    published: str | None = None  # "YYYY-MM-DD" from <meta> tags only
    notes: tuple[str, ...] = ()  # Chinese notes about loading
