"""``read``: any published report (text, web page, DOCX, PDF) into its record."""

from __future__ import annotations

import os
from pathlib import Path

from gongkai.reader.load import load
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
    document = load(source, name=name, encoding=encoding, kind=kind)
    info = InputInfo(name=document.name, kind=document.kind, encoding=document.encoding)
    return read_lines(
        document.lines, info=info, published_hint=document.published, load_notes=document.notes
    )
