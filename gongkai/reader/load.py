"""The entry point of the input layer: any source → a ``Document`` of lines with provenance.

``load`` accepts a path (the file is read, up to ``MAX_BYTES``), bytes (a file's content) or a
str (text already decoded). It decides the kind of source (reported in ``Document.kind``; the
``kind`` argument overrides), decodes text (reported in ``Document.encoding``), and hands the
source to the reader for its kind. It raises only ``gongkai.errors.InputError`` subclasses, each
with a Chinese message that says what is wrong and what to do.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from operator import attrgetter

from gongkai.errors import (
    CorruptInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    UnsupportedInputError,
)
from gongkai.reader._decode import decode
from gongkai.reader._docx import is_zip, read_docx
from gongkai.reader._html import MAX_LINES, HtmlResult, read_html
from gongkai.reader._pdf import read_pdf
from gongkai.reader.document import KINDS, Document, Kind, Line

__all__ = ["MAX_BYTES", "MAX_LINE_CHARS", "load"]

MAX_BYTES = 50 * 1024 * 1024
MAX_LINE_CHARS = 100_000  # longer lines are cut into parts, so that later stages stay fast
_NEWLINE = re.compile(r"\r\n|\r|\n")
_PDF_MAGIC = b"%PDF-"
_NON_BLANK = re.compile(r"[^\s\u200b\ufeff]")
_TITLE_WORDS = re.compile(r"[报報](?:\([a-z\u00e0-\u024f]{1,8}\))?告|年[报報]")  # 報(bào)告
_TITLE_LABEL = re.compile(r"^(?:标题|標題|题目|題目|title)\s*[:：]\s*", re.I)
_JS_NOTE = "网页内容嵌在 JavaScript 字符串中，已解出后按网页读取"
_MARKUP_START = re.compile(r"\s*<")
_STRONG_MARKUP = re.compile(r"<(?:!doctype\s+html|html|body|head|table)\b", re.I)
_MARKUP = re.compile(
    r"</?(?:p|div|span|br|td|tr|th|font|h[1-6]|li|ul|ol|strong|b|section|article|meta|center"
    r"|img|a|ucapcontent)\b[^<>]{0,4000}>",
    re.I,
)
# A JavaScript file that assigns HTML to variables: `let content = "<p>…" + "…";`, repeated.
_JS_ASSIGN = re.compile(
    r"(?:\s++|//[^\n]*+|/\*[\s\S]*?\*/)*+(?:(?:var|let|const)\s+)?[\w$][\w$.]*+\s*=\s*"
)
_JS_PLUS = re.compile(r"\s*\+\s*")
_JS_END = re.compile(r"\s*;?")  # always matches
_JS_STRING = re.compile(r"\"((?:[^\"\\]++|\\[\s\S])*+)\"|'((?:[^'\\]++|\\[\s\S])*+)'")
_JS_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])")
_JS_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def load(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    encoding: str | None = None,
    kind: str | None = None,
) -> Document:
    """Load a report source as a ``Document``.

    ``source``: a path, the bytes of a file, or already-decoded text. ``name``: the file name to
    report (defaults to the path's name). ``encoding``: decode text with this encoding instead
    of detecting it. ``kind``: "text", "html", "docx" or "pdf", instead of detecting it.
    """
    if kind is not None and kind not in KINDS:
        raise UnsupportedInputError(
            f"不支持的文件类型“{kind}”：可选 text（纯文本）、html（网页）、docx（Word）、pdf"
        )
    forced: Kind | None = next((k for k in KINDS if k == kind), None)
    path: str | None = None
    try:
        if isinstance(source, str):
            return _from_str(source, name, forced)
        if isinstance(source, bytes | bytearray | memoryview):
            return _from_bytes(bytes(source), name, encoding, forced)
        if isinstance(source, os.PathLike):
            path = os.fspath(source)
            data = _read_file(path)
            return _from_bytes(data, name or os.path.basename(path), encoding, forced)
    except InputError as error:
        if error.path is None:
            error.path = path
        raise
    raise TypeError(f"load() takes a path, bytes or str, not {type(source).__name__}")


def looks_like_html(text: str) -> bool:
    """True if the text is markup: a page, a fragment of one, or Word-exported HTML."""
    head = text[:200_000]
    if _STRONG_MARKUP.search(head):
        return True
    if _MARKUP_START.match(head) and _MARKUP.search(head):
        return True
    return any(count >= 3 for count, _ in enumerate(_MARKUP.finditer(head), start=1))


def html_in_javascript(text: str) -> str | None:
    """The HTML assigned to variables by a JavaScript file (``let content = "<p>…";``).

    Only a file made of such assignments qualifies; each string literal is matched once from a
    known position, so that the work stays linear whatever the file holds.
    """
    if _MARKUP_START.match(text):
        return None
    parts: list[str] = []
    position = 0
    while (assign := _JS_ASSIGN.match(text, position)) is not None:
        literal = _JS_STRING.match(text, assign.end())
        while literal is not None:
            body = literal.group(1) if literal.group(1) is not None else literal.group(2)
            if body and "<" in body:
                parts.append(_unescape_js(body))
            position = literal.end()
            plus = _JS_PLUS.match(text, position)
            literal = _JS_STRING.match(text, plus.end()) if plus else None
        if position <= assign.start():
            break  # an assignment of something other than a string
        end = _JS_END.match(text, position)
        position = end.end() if end else position
    html = "\n".join(parts)
    if not html or not (_MARKUP.search(html) or _STRONG_MARKUP.search(html)):
        return None
    return html


def _unescape_js(body: str) -> str:
    def replace(match: re.Match[str]) -> str:
        escape = match.group(1)
        if escape[0] == "u" and len(escape) > 1:
            code = int(escape[2:-1] if escape[1] == "{" else escape[1:], 16)
            return chr(code) if code <= 0x10FFFF else "\ufffd"
        if escape[0] == "x" and len(escape) == 3:
            return chr(int(escape[1:], 16))
        if escape in ("\n", "\r", "\r\n", "\u2028", "\u2029"):
            return ""  # a line continuation
        return _JS_SIMPLE.get(escape, escape)

    text = _JS_ESCAPE.sub(replace, body)
    # Join surrogate pairs written as two \\u escapes; a lone surrogate becomes U+FFFD.
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _title_from_lines(lines: Iterable[Line]) -> str | None:
    """The first line(s) of the text when they are clearly the report's title."""
    texts: list[str] = []
    for line in lines:
        if line.cell:
            return None
        stripped = line.text.strip()
        if stripped:
            texts.append(stripped)
            if len(texts) == 2:
                break
    if not texts:
        return None
    first = _TITLE_LABEL.sub("", texts[0])
    if len(first) <= 80 and _TITLE_WORDS.search(first):
        return first
    if len(texts) == 2:
        second = texts[1]
        if (
            len(first) <= 30
            and not re.search(r"[。，；：:,;]", first)
            and _TITLE_WORDS.search(second)
            and len(second) <= 50
        ):
            return first + second
    return None


def _read_file(path: str) -> bytes:
    shown = os.path.basename(path) or path
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"找不到文件“{path}”：请检查路径和文件名是否正确", path) from None
    except PermissionError:
        raise InputError(f"没有权限读取文件“{path}”：请检查文件权限", path) from None
    except (OSError, ValueError):
        raise InputError(f"无法访问“{path}”：请检查路径是否正确", path) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"“{path}”是一个文件夹，不是文件：请给出报告文件本身的路径", path)
    if info.st_size > MAX_BYTES:
        raise InputTooLargeError(_too_large(shown, info.st_size), path)
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except PermissionError:
        raise InputError(f"没有权限读取文件“{path}”：请检查文件权限", path) from None
    except OSError:
        raise InputError(f"无法读取文件“{path}”：请确认它是一个普通文件且可以打开", path) from None
    if len(data) > MAX_BYTES:
        raise InputTooLargeError(_too_large(shown, len(data)), path)
    return data


def _too_large(name: str, size: int) -> str:
    return (
        f"文件“{name}”有 {size / 1024 / 1024:.1f} MB，超过上限 {MAX_BYTES // 1024 // 1024} MB："
        "一份年度报告通常只有几 MB，请确认文件是否正确"
    )


def _from_bytes(data: bytes, name: str | None, encoding: str | None, kind: Kind | None) -> Document:
    if len(data) > MAX_BYTES:
        raise InputTooLargeError(_too_large(name or "输入内容", len(data)))
    if not data:
        raise EmptyInputError("文件是空的（0 字节）：请确认文件已完整下载或保存")
    suffix = os.path.splitext(name or "")[1].lower()
    is_pdf = _PDF_MAGIC in data[:1024]
    claimed_docx = kind == "docx" or suffix == ".docx"
    if kind is None:
        if is_pdf:
            kind = "pdf"
        elif is_zip(data):
            kind = "docx"
        elif suffix == ".docx":
            raise CorruptInputError(
                "文件扩展名是 .docx，但内容不是有效的 Word 文档（zip）："
                "文件可能已损坏或下载不完整，请重新下载，或在 Word/WPS 中打开后另存为 .docx"
            )
        elif suffix == ".pdf":
            raise CorruptInputError(
                "文件扩展名是 .pdf，但内容不是 PDF 文件：文件可能已损坏或下载不完整"
                "（例如下载到的是网页的错误页），请重新下载"
            )
    if kind == "pdf":
        if not is_pdf:
            raise CorruptInputError(
                "指定按 PDF 读取，但内容不是 PDF 文件（缺少 %PDF- 文件头）：请确认文件类型，"
                "或不指定类型让程序自动判断"
            )
        pdf = read_pdf(data)
        lines, extra = _limit_lines(list(pdf.lines))
        title = _title_from_lines(lines)
        return Document(name, "pdf", None, lines, title, None, (*pdf.notes, *extra))
    if kind == "docx":
        if not is_zip(data):
            raise CorruptInputError(
                "指定按 Word（.docx）读取，但内容不是有效的 Word 文档（zip）：请确认文件类型，"
                "或在 Word/WPS 中打开后另存为 .docx"
            )
        result = read_docx(data, claimed=claimed_docx)
        if not result.lines:
            raise EmptyInputError("Word 文档中没有文字：请确认文件是否为年度报告")
        return _html_document(result, name, "docx", None, ())
    decoded = decode(data, encoding)
    # Valid UTF-8 goes to the HTML parser as it is: no need to encode the text again.
    raw = data if decoded.encoding == "utf-8" and not decoded.notes else None
    return _from_text(decoded.text, name, decoded.encoding, kind, decoded.notes, raw)


def _from_str(text: str, name: str | None, kind: Kind | None) -> Document:
    if kind in ("pdf", "docx"):
        raise UnsupportedInputError(
            "PDF 和 Word 文件须以文件路径或字节内容传入，不能是已解码的文字：请直接给出文件路径"
        )
    if len(text) > MAX_BYTES:
        raise InputTooLargeError(_too_large(name or "输入内容", len(text)))
    if not text:
        raise EmptyInputError("输入的文字是空的：请提供报告的内容")
    return _from_text(text.lstrip("\ufeff"), name, None, kind, ())


def _from_text(
    text: str,
    name: str | None,
    encoding: str | None,
    kind: Kind | None,
    notes: tuple[str, ...],
    raw: bytes | None = None,
) -> Document:
    if not _NON_BLANK.search(text):
        raise EmptyInputError("文件只有空白字符，没有文字：请确认文件内容是否完整")
    if kind in (None, "html"):
        embedded = html_in_javascript(text)
        if embedded is not None:
            result = read_html(embedded, source_lines=False)
            return _html_document(result, name, "html", encoding, (*notes, _JS_NOTE))
        if kind == "html" or looks_like_html(text):
            page = raw if raw is not None else text
            return _html_document(read_html(page), name, "html", encoding, notes)
    lines = _text_lines(text)
    # No line is longer than the text: a text that short needs no look at each line's length.
    limited, extra = (tuple(lines), ()) if len(text) <= MAX_LINE_CHARS else _limit_lines(lines)
    title = _title_from_lines(limited)
    return Document(name, "text", encoding, limited, title, None, (*notes, *extra))


def _html_document(
    result: HtmlResult, name: str | None, kind: Kind, encoding: str | None, notes: tuple[str, ...]
) -> Document:
    if not result.lines:
        if kind == "docx":
            raise EmptyInputError("Word 文档中没有文字：请确认文件是否为年度报告")
        raise EmptyInputError(
            "网页中没有可读的正文文字（内容可能由脚本动态加载）：请在浏览器中打开页面，"
            "复制正文或另存为完整网页后再读取"
        )
    lines, extra = _limit_lines(list(result.lines))
    all_notes = (*notes, *result.notes, *extra)
    title = result.title or _title_from_lines(lines)
    return Document(name, kind, encoding, lines, title, result.published, all_notes)


def _line_where(number: int) -> str:
    return f"第{number}行"


_WHERE = tuple(map(_line_where, range(1, 4097)))  # made once, for the lines of ordinary files


def _text_lines(text: str) -> list[Line]:
    if text.count("\n") + text.count("\r") > MAX_LINES:
        raise InputTooLargeError(f"文件超过 {MAX_LINES} 行，不像一份年度报告：请只提供报告本身")
    # Without "\r", str.split is the same split as the regex, several times faster.
    parts = _NEWLINE.split(text) if "\r" in text else text.split("\n")
    if parts and parts[-1] == "":
        parts.pop()
    wheres = _WHERE
    known = len(wheres)
    return [
        Line(part, wheres[i] if i < known else _line_where(i + 1), i + 1)
        for i, part in enumerate(parts)
    ]


_TEXT = attrgetter("text")


def _limit_lines(lines: list[Line]) -> tuple[tuple[Line, ...], tuple[str, ...]]:
    """Cut lines longer than ``MAX_LINE_CHARS`` into parts (same ``line``, numbered ``where``)."""
    if max(map(len, map(_TEXT, lines)), default=0) <= MAX_LINE_CHARS:  # the loop runs in C
        return tuple(lines), ()
    out: list[Line] = []
    cut: list[str] = []
    for line in lines:
        if len(line.text) <= MAX_LINE_CHARS or line.cell:
            out.append(line)
            continue
        cut.append(line.where)
        for index, part in enumerate(_parts(line.text), start=1):
            out.append(Line(part, f"{line.where}（第{index}部分）", line.line))
    shown = "、".join(cut[:5]) + ("等" if len(cut) > 5 else "")
    note = f"{shown}过长（超过 {MAX_LINE_CHARS} 字），已分成几部分读取"
    return tuple(out), (note,)


def _parts(text: str) -> list[str]:
    parts: list[str] = []
    start = 0
    while len(text) - start > MAX_LINE_CHARS:
        end = start + MAX_LINE_CHARS
        window = text[end - 2000 : end]
        best = max(window.rfind("。"), window.rfind(" "), window.rfind("\t"))
        if best >= 0:
            end = end - 2000 + best + 1
        parts.append(text[start:end])
        start = end
    parts.append(text[start:])
    return parts
