"""Bytes to text: find the encoding of a text file or web page, or say clearly why we cannot.

The order of guesses (the first that fits wins):

1. an explicit ``encoding`` from the caller (``--encoding``);
2. a byte order mark (UTF-8, UTF-16, UTF-32);
3. bytes full of NULs and control characters: UTF-16 without a byte order mark if they decode
   to plausible text, else not text at all (also: a known binary format such as an image);
4. strict UTF-8 (also: UTF-8 cut in the middle of its last character, or UTF-8 with a few
   damaged bytes among many valid characters: both are kept as UTF-8, with a note);
5. the charset a web page declares (``<meta charset>``, ``<?xml encoding>``) if the bytes
   decode with it; GB2312/GBK are read as GB18030, their superset;
6. GB18030, when it decodes strictly into plausible text (government pages are GB2312/GBK);
7. charset-normalizer, when its answer is plausible text.

Anything else is an ``EncodingError`` that tells the user to pass ``--encoding``; bytes that
are not text at all are an ``UnsupportedInputError``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from gongkai.errors import EmptyInputError, EncodingError, UnsupportedInputError

# GB2312 and GBK are subsets of GB18030; decoding with the superset never loses a character.
_GB_FAMILY = frozenset({"gb2312", "gbk", "cp936", "ms936", "euc_cn", "euc-cn", "x-gbk", "hz"})
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = (
    re.compile(rb"<meta[^>]{0,500}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.I),
    re.compile(rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]{2,40})", re.I),
)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 27), *range(28, 32), 127])
_SAMPLE = 64 * 1024

# Well-known binary formats, so that the message can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "这是旧版 Office 文件（.doc/.xls）：请用 Word 或 WPS 另存为 .docx 后再读取",
    ),
    (b"\x89PNG\r\n\x1a\n", "这是 PNG 图片：请先做文字识别（OCR），或提供网页、Word、PDF 版本"),
    (b"\xff\xd8\xff", "这是 JPEG 图片：请先做文字识别（OCR），或提供网页、Word、PDF 版本"),
    (b"GIF8", "这是 GIF 图片：请先做文字识别（OCR），或提供网页、Word、PDF 版本"),
    (b"Rar!", "这是 RAR 压缩包：请先解压，再读取其中的报告文件"),
    (b"7z\xbc\xaf\x27\x1c", "这是 7z 压缩包：请先解压，再读取其中的报告文件"),
    (b"\x1f\x8b", "这是 gzip 压缩文件：请先解压，再读取其中的报告文件"),
    (b"{\\rtf", "这是 RTF 文档：请用 Word 或 WPS 另存为 .docx 后再读取"),
    (b"MZ", "这是 Windows 程序文件，不是报告"),
    (b"\x7fELF", "这是程序文件，不是报告"),
)
NOT_READABLE = "不是可读的文本、网页、DOCX 或 PDF 文件"
ENCODING_HINT = (
    "无法识别文件的文字编码（既不是 UTF-8，也不是 GB18030/GBK/GB2312）："
    "政府网页常用 GB18030 编码，请加 --encoding gb18030 重试；若是其他编码（如繁体的 Big5），"
    "请用 --encoding 指定，例如 --encoding big5"
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec's canonical name: "utf-8", "gb18030", "utf-16", …
    notes: tuple[str, ...] = ()


def canonical_encoding(name: str) -> str:
    """The codec name we decode with; GB2312/GBK become GB18030. Unknown → EncodingError."""
    key = name.strip().lower()
    if key in _GB_FAMILY:
        return "gb18030"
    try:
        found = codecs.lookup(key).name
    except LookupError:
        raise EncodingError(
            f"不认识的编码名称“{name}”：请使用常见的编码名，例如 utf-8、gb18030、big5"
        ) from None
    return "gb18030" if found in _GB_FAMILY else found


# Each table's prefixes, for one call of ``bytes.startswith`` that rules them all out at once.
_BOM_PREFIXES = tuple(bom for bom, _ in _BOMS)
_MAGIC_PREFIXES = tuple(magic for magic, _ in _MAGIC)


def binary_kind(data: bytes) -> str | None:
    """A Chinese description of a known binary format, or None."""
    if not data.startswith(_MAGIC_PREFIXES):
        return None
    for magic, message in _MAGIC:
        if data.startswith(magic):
            return message
    return None


def plausible(text: str) -> bool:
    """True if the text is mostly ASCII or CJK: what a Chinese report decodes to."""
    if not text:
        return True
    sample = text[:_SAMPLE]
    bad = 0
    for ch in sample:
        code = ord(ch)
        if code < 0x80:
            if code < 0x20 and ch not in "\t\n\r\f\v":
                bad += 1
        elif not (
            0x2000 <= code <= 0x2BFF  # punctuation, symbols, ①, box drawing
            or 0x2E80 <= code <= 0x9FFF  # CJK radicals, punctuation, kana, ideographs
            or 0xF900 <= code <= 0xFAFF  # CJK compatibility ideographs
            or 0xFE30 <= code <= 0xFE4F  # CJK compatibility forms
            or 0xFF00 <= code <= 0xFFEF  # full-width forms
            or code in (0xA0, 0xB7, 0xD7, 0xF7, 0xB0, 0xA7)  # nbsp · × ÷ ° §
            or 0x0100 <= code <= 0x024F  # pinyin tone marks (ā ǎ …)
            or code in (0xE0, 0xE1, 0xE8, 0xE9, 0xEC, 0xED, 0xF2, 0xF3, 0xF9, 0xFA, 0xFC)
        ):
            bad += 1
    return bad <= len(sample) * 0.05


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _declared_charset(data: bytes) -> str | None:
    head = data[:8192]
    for pattern in _DECLARED:
        match = pattern.search(head)
        if match:
            try:
                return canonical_encoding(match.group(1).decode("ascii"))
            except EncodingError:
                return None
    return None


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * 0.01


def _utf16_without_bom(data: bytes) -> Decoded | None:
    if len(data) % 2:
        return None
    sample = data[: _SAMPLE * 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        text = _strict(sample, encoding)
        if text is not None and "\x00" not in text and plausible(text):
            full = _strict(data, encoding)
            if full is not None:
                note = f"文件是不带字节顺序标记（BOM）的 {encoding.upper()} 文本，已按此解码"
                return Decoded(full, encoding, (note,))
    return None


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 cut mid-character at the end, or with a few damaged bytes among many good ones."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        first_error = error
    else:  # pragma: no cover - callers only come here after strict UTF-8 failed
        return None
    if first_error.start >= len(data) - 3 and first_error.reason == "unexpected end of data":
        text = data[: first_error.start].decode("utf-8", errors="strict")
        return Decoded(
            text, "utf-8", ("文件末尾有一个不完整的 UTF-8 字符（文件可能被截断），已忽略",)
        )
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if valid >= 20 and valid >= 10 * damaged:
        note = (
            f"文件按 UTF-8 解码，但有 {damaged} 处损坏的字节"
            f"（从第 {first_error.start + 1} 字节起），已替换为 �：请检查文件是否完整"
        )
        return Decoded(text, "utf-8", (note,))
    return None


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode the bytes of a text file or web page (see the module docstring for the order)."""
    decoded = _decode(data, encoding)
    nuls = decoded.text.count("\x00")
    if nuls:
        note = f"文件中有 {nuls} 个空字节（NUL），已删除"
        return Decoded(decoded.text.replace("\x00", ""), decoded.encoding, (*decoded.notes, note))
    return decoded


def _decode(data: bytes, encoding: str | None) -> Decoded:
    if not data:
        raise EmptyInputError("文件是空的（0 字节）：请确认文件已完整下载或保存")
    if encoding is not None:
        return _decode_given(data, encoding)
    for bom, codec in _BOMS if data.startswith(_BOM_PREFIXES) else ():
        if data.startswith(bom):
            text = _strict(data, codec)
            if text is None:
                raise EncodingError(
                    f"文件开头有 {codec.upper()} 的字节顺序标记（BOM），"
                    f"但内容无法按 {codec.upper()} 解码：文件可能已损坏；"
                    "如果知道实际编码，请用 --encoding 指定"
                )
            return Decoded(text.lstrip("\ufeff"), codec)
    described = binary_kind(data)
    if described:
        raise UnsupportedInputError(f"{NOT_READABLE}：{described}")
    if _looks_binary(data[:_SAMPLE]):
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise UnsupportedInputError(
            f"{NOT_READABLE}：内容含有大量二进制字节（如 NUL、控制字符）。"
            "请提供报告的网页（.html）、纯文本（.txt）、Word（.docx）或 PDF 文件"
        )
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    declared = _declared_charset(data)
    if declared is not None and declared != "utf-8":
        text = _strict(data, declared)
        if text is not None:  # the page says so and the bytes agree
            return Decoded(text, declared)
    text = _strict(data, "gb18030")
    if text is not None and plausible(text):
        return Decoded(text, "gb18030")
    return _guess(data)


def _decode_given(data: bytes, encoding: str) -> Decoded:
    codec = canonical_encoding(encoding)
    decoder = "utf-8-sig" if codec == "utf-8" else codec
    try:
        text = data.decode(decoder)
    except UnicodeDecodeError as error:
        hint = "--encoding utf-8" if codec != "utf-8" else "--encoding gb18030"
        raise EncodingError(
            f"无法按指定的编码 {codec} 解码（第 {error.start + 1} 字节处）：请确认文件的实际编码，"
            f"例如改用 {hint}，或不指定 --encoding 让程序自动判断"
        ) from None
    except (LookupError, ValueError):  # a codec that cannot decode bytes at all
        raise EncodingError(
            f"编码 {encoding} 不能用于读取文本文件：请使用常见的编码名，例如 utf-8、gb18030、big5"
        ) from None
    return Decoded(text.lstrip("\ufeff"), codec)


def _guess(data: bytes) -> Decoded:
    try:
        best = charset_normalizer.from_bytes(data[: 4 * 1024 * 1024]).best()
    except Exception:  # the detector is a heuristic: any failure of it means "unknown"
        best = None
    if best is not None and best.encoding:
        codec = canonical_encoding(best.encoding)
        text = _strict(data, codec)
        if text is not None and plausible(text):
            note = f"文件编码由自动检测判定为 {codec}：若出现乱码，请用 --encoding 指定正确的编码"
            return Decoded(text, codec, (note,))
    raise EncodingError(ENCODING_HINT)
