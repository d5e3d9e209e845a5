"""``read``: any published report (text, web page, DOCX, PDF) into its record."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

from gongkai.errors import InputError
from gongkai.reader.load import MAX_BYTES, load
from gongkai.reader.report import read_lines
from gongkai.record import InputInfo, Report


def read(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    encoding: str | None = None,
    kind: str | None = None,
) -> Report:
    """Read one published annual report into its record.

    ``source`` is a path (``os.PathLike``), the file's bytes, or already-decoded text (``str``).
    The input kind, encoding and layout are detected and reported in ``Report.input`` and
    ``Report.format``; ``encoding`` and ``kind`` override the detection. Raises
    ``gongkai.InputError`` (with a Chinese message saying what to do) when the input cannot be
    read at all; a damaged report is still read, with nulls and notes where it is unclear.
    """
    if name is None and isinstance(source, os.PathLike):
        name = Path(source).name
    if kind in (None, "json"):
        record = _json_record(source, name, kind == "json")
        if record is not None:
            return record
    document = load(source, name=name, encoding=encoding, kind=kind)
    info = InputInfo(name=document.name, kind=document.kind, encoding=document.encoding)
    return read_lines(
        document.lines,
        info=info,
        published_hint=document.published,
        title_hint=document.title,
        load_notes=document.notes,
    )


def _json_record(
    source: str | os.PathLike[str] | bytes, name: str | None, forced: bool
) -> Report | None:
    """A record already in its JSON form (report-json.md), or None if the source is not one."""
    if isinstance(source, os.PathLike):
        path = Path(source)
        if not forced and path.suffix.lower() != ".json":
            return None
        try:
            if path.stat().st_size > MAX_BYTES:
                return None  # let the loader refuse it with its message
            data: str | bytes = path.read_bytes()
        except OSError:
            return None
    else:
        data = source
    head = data[:200].lstrip()
    if not (head.startswith(b"{") if isinstance(head, bytes) else head.startswith("{")):
        if forced:
            raise InputError("指定按 JSON 记录读取，但内容不是 JSON 对象：请检查文件", name)
        return None
    try:
        parsed = json.loads(data)
        if not isinstance(parsed, dict) or "format" not in parsed:
            raise ValueError("not a record")
        report = Report.from_dict(parsed)
    except (ValueError, TypeError, KeyError, AttributeError):
        if forced or (name or "").lower().endswith(".json"):
            raise InputError(
                "JSON 文件不是有效的年报记录（须含 format、active、requests、appeals 等字段，"
                "见 report-json.md）：请检查文件内容",
                name,
            ) from None
        return None
    return replace(report, input=InputInfo(name=name, kind="json", encoding="utf-8"))
