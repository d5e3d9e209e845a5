"""Web pages (and the HTML that mammoth makes of a DOCX) to document lines.

Block elements (p, div, h1–h6, li, tr, br …) end a line; inline elements are joined without
adding spaces, because Word-exported pages split labels across spans ('申请人情</span><span>况').
Every physical table cell becomes exactly one ``Line(cell=True)``, located by its grid
coordinates after expanding rowspan/colspan. Tables used for page layout (one cell, a nested
table, or a cell holding a whole article) are read as ordinary text instead.

When the page has a recognisable article container (``div.article_content``, ``#zoom``,
``<ucapcontent>`` …) that holds all of its tables and most of its text, we keep that container
plus the little text around it (title, date) and drop the site header, menus and footer. If
unsure, the whole body is kept: the reader ignores site chrome, but it cannot read a report we
dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import NoReturn

from lxml import etree

from gongkai.errors import InputTooLargeError, UnsupportedInputError
from gongkai.reader import _css
from gongkai.reader.document import Line
from gongkai.reader.normalize import normalize
from gongkai.reader.tokens import VALUE

MAX_LINES = 100_000  # lines plus cells; a report has a few hundred
_GRID_BUDGET = 5_000_000  # steps spent expanding rowspan/colspan, per document
_LAYOUT_CELL_CHARS = 1000  # a table cell longer than this is page layout, not a report cell

_DROP = (
    "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed",
    "svg", "math", "select", "textarea", "button", "input", "map", "canvas", "video", "audio",
    "frameset", "noframes", "xml",
)  # fmt: skip
# What a reader of the page does not see as text, or as no part of a number (styles: _css).
# Inside table cells: struck-out text, footnote marks (419<sup>1</sup> is 419; a short run
# raised off the line beside level text), hidden or invisible elements; and hidden tables,
# rows and cells (a draft left in the page). Elsewhere (text, and tables built of divs,
# sections or positioned lines): struck-out text, a short mark raised right after the text of
# its line, and hidden or invisible inline elements. (Not hidden blocks: a page may hide its
# whole article and show it with a script.)
_STRUCK_TAGS = ("del", "s", "strike")
_MARK_TAGS = {"sup": 1, "sub": -1}
_UNPRINTED_TAGS = frozenset((*_STRUCK_TAGS, *_MARK_TAGS))
_TABLE_PARTS = frozenset(("table", "tbody", "tr", "td", "th"))
_MARK_CHARS = 3  # a footnote mark: "1", "12", "[1]", "*", "①"


def _drop_unprinted(root: etree._Element, sheet: _css.StyleSheet) -> None:
    """Drop what a reader of the page does not see (see the comment above)."""
    doomed: list[etree._Element] = []
    raised: set[etree._Element] = set()  # raised or lowered off the line
    cell_marks: dict[etree._Element, list[etree._Element]] = {}
    line_marks: list[etree._Element] = []
    classes = bool(sheet.classes)
    for element in root.iter(etree.Element):
        tag = element.tag
        if element.get("style") is None and (not classes or element.get("class") is None):
            found = None
        else:
            found = _css.style_of(element, sheet)
        if found is None and tag not in _UNPRINTED_TAGS and element.get("hidden") is None:
            continue
        style = found or {}
        if tag in _TABLE_PARTS:
            if element.get("hidden") is not None or _css.hidden(style):
                doomed.append(element)
            continue
        struck = tag in _STRUCK_TAGS or _css.struck(style)
        hidden = element.get("hidden") is not None or _css.hidden(style)
        # (Only inline text is judged invisible, and raised: vertical-align and
        # position:relative move a block's whole box; a block of size 0 may be a panel that a
        # script opens.)
        inline = _inline(element)
        invisible = inline and (hidden or _css.invisible(style, element))
        shift = (_MARK_TAGS.get(tag) or _css.shift(style)) if inline else 0
        if not (struck or hidden or invisible or shift):
            continue
        if shift:
            raised.add(element)
        cell = next(element.iterancestors(*_CELL_TAGS), None)
        if cell is not None:
            if struck or hidden or invisible or tag in _MARK_TAGS or _css.superscript(style):
                doomed.append(element)
            elif _mark_like(element):
                cell_marks.setdefault(cell, []).append(element)
        elif struck or invisible:
            doomed.append(element)
        elif shift > 0 and _mark_like(element):
            line_marks.append(element)
    for cell, marks in cell_marks.items():
        # (A raise is a mark's only beside text on the line: Word's page that raises every
        # run of a cell, a number retyped in two runs among them, prints them all.)
        if _level_text(cell, raised).strip():
            doomed.extend(marks)
    for mark in line_marks:
        line = next(mark.iterancestors(*_BLOCK), root)
        if _follows_text(mark, line) and _level_text(line, raised).strip():
            doomed.append(mark)
    for element in doomed:
        parent = element.getparent()
        if parent is None:
            continue
        tail = element.tail or ""
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(element)


def _mark_like(element: etree._Element) -> bool:
    """Whether an element's text may be a footnote mark: short, no Chinese characters (a
    raised word is no mark)."""
    text = _inline_text(element).strip()
    return len(text) <= _MARK_CHARS and not any(
        unicodedata.east_asian_width(char) == "W" for char in text
    )


def _inline(element: etree._Element) -> bool:
    """Whether an element is inline text: no block, and no line break, in it."""
    return element.tag not in _BLOCK and next(element.iter(*_STRUCTURAL), None) is None


def _level_text(element: etree._Element, raised: set[etree._Element]) -> str:
    """The text of an element outside its ``raised`` descendants."""
    parts = [element.text or ""]
    for child in element:
        if child not in raised:
            parts.append(_level_text(child, raised))
        parts.append(child.tail or "")
    return "".join(parts)


def _follows_text(element: etree._Element, line: etree._Element) -> bool:
    """Whether text of the element's line ends right before it, without a space (a mark
    follows its word: "1286¹"; a value shifted off a line is set apart from its label)."""
    node = element
    while node is not line:
        previous = node.getprevious()
        while previous is not None:
            text = previous.tail or ""
            if not text:
                if previous.tag in _STRUCTURAL:
                    return False
                text = _inline_text(previous)
            if text:
                return not text[-1].isspace()
            previous = previous.getprevious()
        parent = node.getparent()
        if parent is None:
            return False
        if parent.text:
            return not parent.text[-1].isspace()
        node = parent
    return False


def _number_cell(text: str) -> bool:
    """Whether a cell prints just a value ("5", "5件", "0（件）", "增加3", "１,０５６"), as the
    reader reads it (zero-width characters an editor left in it are no part of it)."""
    return VALUE.match("".join(normalize(text).split())) is not None


_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
        "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul", "ucapcontent",
    }
)  # fmt: skip
_STRUCTURAL = (*_BLOCK, "br")
_CELL_TAGS = ("td", "th")
_SECTION_TAGS = ("thead", "tbody", "tfoot")

_CONTENT_IDS = frozenset(
    {
        "zoom", "Zoom", "UCAP-CONTENT", "ucap-content", "mainText", "contentText", "art_content",
        "xxgk_content", "detailContent", "content", "article",
    }
)  # fmt: skip
_CONTENT_CLASSES = frozenset(
    {
        "article_content", "article-content", "TRS_Editor", "TRS_UEDITOR", "trs_editor_view",
        "Custom_UnionStyle", "pages_content", "news_content", "xxgk_content", "detail_content",
        "content_text", "zwnr", "art_con",
    }
)  # fmt: skip
_CONTAINER_TAGS = ("div", "section", "article", "main", "td", "ucapcontent")
_TEXT_LENGTH = etree.XPath("string-length(normalize-space(.))")

_TITLE_META = ("articletitle", "title", "og:title", "dc.title")
_DATE_META = (
    "pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date",
    "dcterms.issued", "publish_date", "releasedate", "pubtime",
)  # fmt: skip
_DATE = re.compile(
    r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})|((?:19|20)\d\d)(\d\d)(\d\d)"
)
_TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s)\s*")
_REPORT = re.compile(r"报告|報告|年报|年報")
_ASCII_SPACE = re.compile(r"[ \t\n\r\f]+")
_SPAN = re.compile(r"\s*(\d{1,6})")


@dataclass(frozen=True)
class HtmlResult:
    lines: tuple[Line, ...]
    title: str | None
    published: str | None
    notes: tuple[str, ...] = ()


def read_html(page: str | bytes, *, source_lines: bool = True) -> HtmlResult:
    """Read a page (text, or UTF-8 bytes). ``source_lines``: report lxml's source line numbers
    (False for HTML we made)."""
    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True
    )
    try:
        data = page if isinstance(page, bytes) else page.encode("utf-8", "replace")
        root = etree.fromstring(data, parser)
    except (etree.LxmlError, ValueError):
        root = None
    if any(error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for error in parser.error_log):
        # libxml2 stops at 256 levels of nesting or a 10 MB text run and drops the rest.
        raise UnsupportedInputError(
            "网页结构超出解析限制（标签嵌套超过 256 层，或一段文字超过 10 MB），无法完整读取："
            "请确认文件是否为正常的年度报告网页"
        )
    if root is None:
        return HtmlResult((), None, None)
    title, published = _metadata(root)
    sheet = _css.style_sheet(root)  # (read before the page's <style> is dropped)
    etree.strip_elements(root, *_DROP, with_tail=False)
    _drop_unprinted(root, sheet)
    body = root.find("body")
    if body is None:
        body = root
    scope, note = _article_scope(body)
    walker = _Walker(scope, source_lines)
    lines = walker.run()
    notes = ((note,) if note else ()) + tuple(walker.notes)
    return HtmlResult(tuple(lines), title, published, notes)


def _metadata(root: etree._Element) -> tuple[str | None, str | None]:
    title = published = None
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        if title is None and key in _TITLE_META:
            title = content
        elif published is None and key in _DATE_META:
            published = _iso_date(content)
    if title is None:
        element = root.find(".//title")
        if element is not None:
            title = _clean_page_title(_inline_text(element))
    return title, published


def _clean_page_title(text: str) -> str | None:
    text = _ASCII_SPACE.sub(" ", text).strip()
    if not text:
        return None
    parts = [part for part in _TITLE_SEPARATORS.split(text) if part]
    for part in parts:
        if _REPORT.search(part):
            return part
    return parts[0] if parts else text


def _iso_date(text: str) -> str | None:
    match = _DATE.search(text)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups() if g is not None)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _article_scope(body: etree._Element) -> tuple[etree._Element, str | None]:
    """The container of the article, if recognisable; else the whole body.

    A candidate container must hold every table of the page and at least as much text as the
    rest of the page. We then climb from it while each level adds only a little text (the
    title, the date line), so that the page's own title and date stay in.
    """
    tables = [t for t in body.iter("table") if _count_cells(t) >= 4]
    best: tuple[etree._Element, list[float]] | None = None
    best_length = 0.0
    for candidate in body.iter(*_CONTAINER_TAGS):
        if not _is_container(candidate):
            continue
        inside = set(candidate.iter("table"))
        if any(table not in inside for table in tables):
            continue
        length = _length(candidate)
        if length < 200:
            continue
        extras = _outside_lengths(candidate, body)
        if sum(extras) > length:
            continue
        if best is None or length < best_length:
            best, best_length = (candidate, extras), length
    if best is None:
        return body, None
    scope, extras = best
    length = best_length
    for extra in extras[:-1]:  # never climb to the body itself
        if extra > max(300.0, length * 0.1):
            break
        parent = scope.getparent()
        if parent is None:
            break
        scope, length = parent, length + extra
    return scope, "网页正文已识别，页眉、导航和页脚等网站框架内容未读入"


def _outside_lengths(element: etree._Element, body: etree._Element) -> list[float]:
    """For each ancestor up to the body, the length of the text it adds around ``element``."""
    extras: list[float] = []
    current = element
    while current is not body:
        parent = current.getparent()
        if parent is None:
            break
        extra = float(len((parent.text or "").strip()))
        for sibling in parent:
            if sibling is not current:
                extra += _length(sibling)
            extra += len((sibling.tail or "").strip())
        extras.append(extra)
        current = parent
    return extras


def _is_container(element: etree._Element) -> bool:
    if element.tag == "ucapcontent" or element.get("id") in _CONTENT_IDS:
        return True
    classes = element.get("class")
    return classes is not None and not _CONTENT_CLASSES.isdisjoint(classes.split())


def _count_cells(table: etree._Element) -> int:
    return sum(1 for _ in islice(table.iter(*_CELL_TAGS), 4))


def _squash(text: str) -> str:
    """Collapse source whitespace: a line break between two CJK characters disappears."""

    def replace(match: re.Match[str]) -> str:
        run = match.group(0)
        if "\n" in run or "\r" in run:
            start, end = match.start(), match.end()
            source = match.string
            if (
                start > 0
                and end < len(source)
                and unicodedata.east_asian_width(source[start - 1]) in "WF"
                and unicodedata.east_asian_width(source[end]) in "WF"
            ):
                return ""
        return "  " if "\t" in run else " "  # (a tab sets two numbers apart: "61\t400")

    return _ASCII_SPACE.sub(replace, text).strip(" ")


_BLANKS = "".join(
    [" \t\n\r\f\v\u00a0\u1680\u2028\u2029\u202f\u205f\u3000\u200b\ufeff"]
    + [chr(code) for code in range(0x2000, 0x200B)]
)


def _is_blank(text: str) -> bool:
    """Only spaces of any kind (also no-break, ideographic and zero-width)."""
    return not text.strip(_BLANKS)


def _inline_text(element: etree._Element) -> str:
    """All the text inside the element (not its tail), in one call into lxml."""
    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


def _length(element: etree._Element) -> float:
    value = _TEXT_LENGTH(element)
    return float(value) if isinstance(value, int | float) else 0.0


def _source_line(element: etree._Element) -> int | None:
    value = element.sourceline
    return value if isinstance(value, int) else None


@dataclass
class _Sink:
    """Collects the text of one block-level stream, cut into pieces at line breaks."""

    pieces: list[str] = field(default_factory=list)
    segments: list[tuple[str, int | None]] = field(default_factory=list)
    start_line: int | None = None

    def add(self, text: str | None, sourceline: int | None) -> None:
        if text:
            if not self.pieces:
                self.start_line = sourceline
            self.pieces.append(text)

    def brk(self) -> None:
        if self.pieces:
            self.segments.append(("".join(self.pieces), self.start_line))
            self.pieces = []

    def drain(self) -> list[tuple[str, int | None]]:
        self.brk()
        segments, self.segments = self.segments, []
        return segments


_ENTER, _EXIT, _TAIL = 0, 1, 2
# Spreadsheet exports keep the value of a number cell beside the text its number format shows:
# Excel's x:num, LibreOffice's sdval. A format's section for negative values may show them
# without the minus sign, in red ("0_ ;[Red]0 ", Chinese Excel's 数值 format "1234 in red"):
# the cell shows 3, stores -3.
_SHOWN_NUMBER = re.compile(
    r"([-\u2212\ufe63\uff0d]?)\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
)


class _Walker:
    def __init__(self, scope: etree._Element, source_lines: bool) -> None:
        self.scope = scope
        self.source_lines = source_lines
        self.lines: list[Line] = []
        self.notes: list[str] = []  # Chinese notes on what was read differently from the page
        self.paragraphs = 0
        self.tables = 0
        self.grid_steps = 0
        # Structural elements are blocks, line breaks and their ancestors; the rest is inline
        # text, read in one call. ``blocks`` counts the structural descendants, capped at 2.
        self.structural: set[etree._Element] = set()
        self.blocks: dict[etree._Element, int] = {}
        self.breaks: set[etree._Element] = set()  # elements holding a <br>
        for found in scope.iter(*_STRUCTURAL):
            if len(self.structural) > 4 * MAX_LINES:
                self._too_many()
            self.structural.add(found)
            if found.tag == "br":
                holder = found.getparent()
                while holder is not None and holder not in self.breaks:
                    self.breaks.add(holder)
                    holder = holder.getparent()
            parent = found.getparent()
            while parent is not None:
                count = self.blocks.get(parent, 0)
                if count >= 2:
                    break  # its ancestors have two structural descendants as well
                self.blocks[parent] = count + 1
                self.structural.add(parent)
                parent = parent.getparent()

    def run(self) -> list[Line]:
        sink = _Sink()
        self._walk(self.scope, sink, cell=False)
        self._flush(sink)
        return self.lines

    # -- text lines ---------------------------------------------------------------------------

    def _emit(self, line: Line) -> None:
        if len(self.lines) >= MAX_LINES:
            self._too_many()
        self.lines.append(line)

    def _too_many(self) -> NoReturn:
        raise InputTooLargeError(
            f"网页内容超过 {MAX_LINES} 行（或表格单元格），不像一份年度报告：请只提供报告本身"
        )

    def _flush(self, sink: _Sink) -> None:
        for text, sourceline in sink.drain():
            squashed = _squash(text)
            if _is_blank(squashed):
                continue
            self.paragraphs += 1
            line = sourceline if self.source_lines else None
            self._emit(Line(squashed, f"第{self.paragraphs}段", line))

    def _walk(self, root: etree._Element, sink: _Sink, *, cell: bool) -> None:
        stack: list[tuple[etree._Element, int]] = [(root, _ENTER)]
        while stack:
            element, action = stack.pop()
            if action == _TAIL:
                sink.add(element.tail, _source_line(element))
                continue
            if action == _EXIT:
                sink.brk()
                if not cell:
                    self._flush(sink)
                continue
            if element not in self.structural:
                sink.add(_inline_text(element), _source_line(element))
                continue
            tag = element.tag
            if tag == "br":
                sink.brk()
                continue
            if tag == "table" and not cell:
                self._flush(sink)
                if self._table(element):
                    continue
            elif tag == "pre":
                sink.brk()
                for piece in _inline_text(element).splitlines():
                    sink.add(piece, _source_line(element))
                    sink.brk()
                continue
            block = tag in _BLOCK
            if block:
                sink.brk()
                stack.append((element, _EXIT))
            sink.add(element.text, _source_line(element))
            for child in reversed(element):
                if child.tail:
                    stack.append((child, _TAIL))
                stack.append((child, _ENTER))
        sink.brk()

    # -- tables -------------------------------------------------------------------------------

    def _table(self, table: etree._Element) -> bool:
        """Emit a data table as cells; False if it is a layout table (read it as text)."""
        rows = list(_rows(table))
        count = sum(len(cells) for cells in rows)
        if count <= 1 or next(table.iterdescendants("table"), None) is not None:
            return False
        if len(self.lines) + count > MAX_LINES:
            self._too_many()
        texts = [[self._cell_text(cell) for cell in cells] for cells in rows]
        if any(len(text) > _LAYOUT_CELL_CHARS for row in texts for text in row):
            return False
        for caption in table.iterchildren("caption"):
            sink = _Sink()
            self._walk(caption, sink, cell=True)
            self._flush(sink)
        self.tables += 1
        number = self.tables
        busy_until: dict[int, int] = {}
        merged_values: set[int] = set()  # columns a number spanning rows covers, until busy ends
        for r, (cells, row_texts) in enumerate(zip(rows, texts, strict=True), start=1):
            column = 1
            for index, (cell, text) in enumerate(zip(cells, row_texts, strict=True)):
                while busy_until.get(column, 0) >= r:
                    self._merged_value(merged_values, column, number, r)
                    column += 1
                    self._spend(1)
                colspan = _span(cell.get("colspan"), 1000)
                rowspan = _span(cell.get("rowspan"), 65534)
                if rowspan > 1:
                    self._spend(colspan)
                    for c in range(column, column + colspan):
                        busy_until[c] = r + rowspan - 1
                    if index > 0 and rowspan <= 60 and colspan <= 20 and _number_cell(text):
                        # One number for several rows: no row's own value. Every row it
                        # covers gets a blank cell in its place.
                        merged_values.update(range(column, column + colspan))
                        self.notes.append(
                            f"表格{number} 第{r}行第{column}列的数值“{text.strip()}”合并了 "
                            f"{rowspan} 行，无法分到各行，记为空"
                        )
                        text = ""
                line = _source_line(cell) if self.source_lines else None
                where = f"表格{number} 第{r}行第{column}列"
                text = self._stored_sign(cell, text, where)
                self._emit(Line(text, where, line, True, index == 0, number))
                column += colspan
            while merged_values and busy_until.get(column, 0) >= r:  # covered columns at the end
                self._merged_value(merged_values, column, number, r)
                column += 1
                self._spend(1)
        return True

    def _stored_sign(self, cell: etree._Element, text: str, where: str) -> str:
        """A number cell of a spreadsheet export, signed as the value the export stores beside
        it (see ``_SHOWN_NUMBER``)."""
        stored = cell.get("x:num") or cell.get("sdval")
        if not stored:
            return text
        try:
            value = float(stored)
        except ValueError:
            return text
        shown = _SHOWN_NUMBER.fullmatch(text.strip(_BLANKS))
        if shown is None or float(shown.group(2).replace(",", "")) != abs(value):
            return text  # (another number, or no number: a format that rounds, a date …)
        negative = bool(shown.group(1))
        if negative == (value < 0) or value == 0:
            return text
        if value < 0:
            self.notes.append(
                f"{where}显示“{text.strip()}”，表格软件记录的数值为 {stored}"
                "（数字格式显示负数时不带负号，如红色数字），按负数读取"
            )
            return "-" + shown.group(2)
        self.notes.append(
            f"{where}显示“{text.strip()}”，表格软件记录的数值却为 {stored}，正负号不一致，记为空"
        )
        return ""

    def _merged_value(self, merged: set[int], column: int, table: int, row: int) -> None:
        """A blank cell where a number merged over several rows covers this row."""
        if column in merged:
            self._emit(Line("", f"表格{table} 第{row}行第{column}列", None, True, False, table))

    def _spend(self, steps: int) -> None:
        self.grid_steps += steps
        if self.grid_steps > _GRID_BUDGET:
            raise UnsupportedInputError(
                "网页中的表格过于庞大，或合并单元格（rowspan/colspan）的数值异常："
                "请检查文件是否为正常的年度报告网页"
            )

    def _cell_text(self, cell: etree._Element) -> str:
        if self.blocks.get(cell, 0) >= 2 or cell in self.breaks:
            sink = _Sink()
            self._walk(cell, sink, cell=True)
            text = ""
            for segment, _ in sink.drain():
                segment = _squash(segment)
                if not segment:
                    continue
                if text and _alnum(text[-1]) and _alnum(segment[0]):
                    text += "  "  # (two: "37<br>351" is two numbers, "1 056" one)
                text += segment
        else:
            text = _squash(_inline_text(cell))
        return "" if _is_blank(text) else text


def _alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _span(value: str | None, limit: int) -> int:
    """A rowspan/colspan attribute as the browser reads it, clamped to 1 … ``limit``."""
    if not value or value == "1":
        return 1
    match = _SPAN.match(value)
    return min(max(int(match.group(1)), 1), limit) if match else 1


def _rows(table: etree._Element) -> Iterator[list[etree._Element]]:
    """The cells of each row of this table (not of nested tables), in order."""
    loose: list[etree._Element] = []
    for child in table:
        tag = child.tag
        if tag in _SECTION_TAGS:
            for row in child:
                if row.tag == "tr":
                    if loose:
                        yield loose
                        loose = []
                    yield [cell for cell in row if cell.tag in _CELL_TAGS]
                elif row.tag in _CELL_TAGS:
                    loose.append(row)
        elif tag == "tr":
            if loose:
                yield loose
                loose = []
            yield [cell for cell in child if cell.tag in _CELL_TAGS]
        elif tag in _CELL_TAGS:
            loose.append(child)
    if loose:
        yield loose
