"""Zip archives broken the way a truncated or bit-flipped download breaks them."""

from __future__ import annotations

import io
import zipfile


def break_deflate(data: bytes, member: str | None, at: float) -> bytes:
    """``data`` with 64 bytes overwritten at fraction ``at`` of ``member``'s compressed data
    (the first member if None): its deflate stream no longer decodes (zlib.error) at most
    offsets, a CRC error at others."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member) if member else archive.infolist()[0]
    header = data[info.header_offset : info.header_offset + 30]
    name_size = int.from_bytes(header[26:28], "little")
    extra_size = int.from_bytes(header[28:30], "little")
    start = info.header_offset + 30 + name_size + extra_size
    broken = bytearray(data)
    middle = start + int(info.compress_size * at)
    broken[middle : middle + 64] = bytes(range(64))
    return bytes(broken)
