"""Every rendering reads back to the same record through the reader (``gongkai.reader``).

Until ``gongkai.reader`` exists these tests skip (only for the module's absence: a reader that
exists but fails to import, or has no ``read``, is an error, not a skip).
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_render_samples import sample_ids, samples

from gongkai.record import Report
from gongkai.render import render_docx, render_html, render_json, render_pdf

RENDERERS: dict[str, Callable[[Report], str | bytes]] = {
    "html": render_html,
    "docx": render_docx,
    "pdf": render_pdf,
    "json": render_json,
}


def reader() -> Callable[..., Any]:
    """``gongkai.reader.read``, or ``gongkai.reader.api.read`` where the reader landed it."""
    try:
        module = importlib.import_module("gongkai.reader")
    except ModuleNotFoundError as exc:
        if exc.name != "gongkai.reader":
            raise
        pytest.skip("gongkai.reader has not landed yet: the round trip runs once it does")
    if not hasattr(module, "read"):
        module = importlib.import_module("gongkai.reader.api")  # missing: a failure, not a skip
    read: Callable[..., Any] = module.read
    return read


def read_back(report: Report, suffix: str, tmp_path: Path) -> Report:
    read = reader()
    rendered = RENDERERS[suffix](report)
    path = tmp_path / f"report.{suffix}"
    if isinstance(rendered, bytes):
        path.write_bytes(rendered)
    else:
        path.write_text(rendered, encoding="utf-8")
    record = read(path)
    assert isinstance(record, Report), type(record)
    return record


def cases(reports: list[Report], ids: list[str]) -> list[Any]:
    return [
        pytest.param(report, suffix, id=f"{rid}-{suffix}")
        for report, rid in zip(reports, ids, strict=True)
        for suffix in RENDERERS
    ]


@pytest.mark.parametrize(("report", "suffix"), cases(samples(), sample_ids()))
def test_contract_keys_round_trip(report: Report, suffix: str, tmp_path: Path) -> None:
    back = read_back(report, suffix, tmp_path)
    assert back.to_dict(detail=False) == report.to_dict(detail=False)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize(("report", "suffix"), cases(samples()[-2:], sample_ids()[-2:]))
def test_sections_text_round_trip(report: Report, suffix: str, tmp_path: Path) -> None:
    """Each section's paragraphs come back in order under the same section number.

    The reader may keep a table's text inside its section and may normalise width (，→ ,) and
    line breaks, so the check is: every paragraph, NFKC-normalised and without whitespace,
    appears in the read-back section text, in order.
    """
    back = read_back(report, suffix, tmp_path)
    for number, text in report.sections.items():
        got = _flat(back.sections.get(number, ""))
        at = 0
        for paragraph in text.splitlines():
            found = got.find(_flat(paragraph), at)
            assert found >= 0, (number, paragraph, got)
            at = found + len(_flat(paragraph))
