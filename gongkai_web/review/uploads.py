"""What the upload form accepts: a few report files, or one zip of them — within limits.

Nothing is written to disk and nothing is trusted: the size of the request is checked before
its body is read, a zip's members are checked (count, sizes, compression ratio, no nesting, no
encryption) before any is decompressed, and each file's first bytes must match its type. A
DOCX is a zip too and gets the same member checks. Every refusal is a Chinese sentence.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

MAX_REQUEST = 25 * 1024 * 1024  # the whole upload
MAX_FILE = 10 * 1024 * 1024  # one report, compressed or not
MAX_FILES = 50  # reports per upload, zip members included
MAX_UNZIPPED = 60 * 1024 * 1024  # a zip's (or DOCX's) members, decompressed, together
MAX_RATIO = 100  # decompressed / compressed size of one member
REPORT_TYPES = {".txt": "文本", ".htm": "网页", ".html": "网页", ".docx": "Word", ".pdf": "PDF"}
ACCEPT = ",".join([*REPORT_TYPES, ".zip"])


class UploadRefused(Exception):
    """The upload as a whole is refused."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Incoming:
    name: str
    data: bytes


@dataclass(frozen=True)
class Rejected:
    name: str
    reason: str


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def check_request_size(content_length: int) -> None:
    if content_length > MAX_REQUEST:
        raise UploadRefused(
            f"上传内容共 {content_length / 1024 / 1024:.1f} MB，超过上限 {_mb(MAX_REQUEST)}："
            "请分批上传"
        )


def _suffix(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


def _zip_members(name: str, archive: zipfile.ZipFile, limit: int) -> list[zipfile.ZipInfo]:
    """The file members of ``archive`` after the bomb checks (``UploadRefused`` otherwise)."""
    members = [m for m in archive.infolist() if not m.is_dir()]
    if len(members) > limit:
        raise UploadRefused(f"“{name}”包含 {len(members)} 个文件，超过上限 {limit} 个")
    total = 0
    for m in members:
        if m.flag_bits & 0x1:
            raise UploadRefused(f"“{name}”中的“{m.filename}”已加密，无法读取：请上传未加密的文件")
        if m.file_size > MAX_FILE:
            raise UploadRefused(
                f"“{name}”中的“{m.filename}”解压后 {m.file_size / 1024 / 1024:.1f} MB，"
                f"超过单个文件上限 {_mb(MAX_FILE)}"
            )
        if m.file_size > MAX_RATIO * max(m.compress_size, 1) and m.file_size > 1024 * 1024:
            raise UploadRefused(f"“{name}”的压缩比异常（疑似压缩炸弹），已拒绝")
        total += m.file_size
    if total > MAX_UNZIPPED:
        raise UploadRefused(
            f"“{name}”解压后共 {total / 1024 / 1024:.1f} MB，超过上限 {_mb(MAX_UNZIPPED)}"
        )
    return members


def _open_zip(name: str, data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UploadRefused(f"“{name}”不是有效的 zip 压缩包") from None


def _read_member(name: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """Decompress one member, never more than its declared size (+1 byte to notice lies)."""
    try:
        with archive.open(member) as stream:
            data = stream.read(member.file_size + 1)
    except (zipfile.BadZipFile, RuntimeError, OSError, EOFError, NotImplementedError, zlib.error):
        raise UploadRefused(f"“{name}”中的“{member.filename}”已损坏，无法解压") from None
    if len(data) > member.file_size:
        raise UploadRefused(
            f"“{name}”中的“{member.filename}”大小与声明不符（疑似压缩炸弹），已拒绝"
        )
    return data


def _sniff(name: str, data: bytes) -> str | None:
    """Why ``data`` is not a report file named ``name``; None if it may be one."""
    suffix = _suffix(name)
    if suffix not in REPORT_TYPES:
        kinds = "、".join(sorted(REPORT_TYPES))
        return f"不支持的文件类型“{suffix or '无扩展名'}”：请上传 {kinds} 文件或其 zip 压缩包"
    if not data:
        return "文件是空的"
    if len(data) > MAX_FILE:
        return f"文件 {len(data) / 1024 / 1024:.1f} MB，超过单个文件上限 {_mb(MAX_FILE)}"
    if suffix == ".pdf" and not data[:1024].lstrip().startswith(b"%PDF"):
        return "扩展名是 .pdf，但内容不是 PDF 文件"
    if suffix == ".docx":
        if not data.startswith(b"PK"):
            return "扩展名是 .docx，但内容不是 Word 文件（.doc 旧格式请另存为 .docx）"
        try:
            _zip_members(name, _open_zip(name, data), 2000)
        except UploadRefused as exc:
            return exc.message
    if suffix in (".txt", ".htm", ".html") and b"\x00" in data[:4096] and not _utf16(data):
        return "扩展名是文本或网页，但内容是二进制数据"
    return None


def _utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff")


def unpack(files: Iterable[tuple[str, bytes]]) -> tuple[list[Incoming], list[Rejected]]:
    """Expand zips and check every file. ``UploadRefused`` for a hostile upload as a whole."""
    accepted: list[Incoming] = []
    rejected: list[Rejected] = []
    for name, data in files:
        if _suffix(name) == ".zip":
            archive = _open_zip(name, data)
            for member in _zip_members(name, archive, MAX_FILES):
                inner = PurePosixPath(member.filename).name
                if inner.startswith(".") or "__MACOSX" in member.filename:
                    continue
                if _suffix(inner) == ".zip":
                    rejected.append(Rejected(inner, "压缩包内不能再嵌套压缩包"))
                    continue
                if _suffix(inner) not in REPORT_TYPES:
                    rejected.append(Rejected(inner, _sniff(inner, b"x") or "不支持的文件类型"))
                    continue
                accepted.append(Incoming(inner, _read_member(name, archive, member)))
        else:
            accepted.append(Incoming(PurePosixPath(name.replace("\\", "/")).name, data))
        if len(accepted) > MAX_FILES:
            raise UploadRefused(f"一次最多上传 {MAX_FILES} 份报告，请分批上传")
    good: list[Incoming] = []
    for item in accepted:
        reason = _sniff(item.name, item.data)
        if reason is None:
            good.append(item)
        else:
            rejected.append(Rejected(item.name, reason))
    return good, rejected
