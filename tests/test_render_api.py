"""The public API of gongkai.render, and its promise never to reach the network."""

from __future__ import annotations

import logging

import pytest

import gongkai.render
from gongkai.render._pdf import html_to_pdf

API = {
    "LetterContext",
    "RenderError",
    "letter_kinds",
    "letter_outcome",
    "render_docx",
    "render_html",
    "render_json",
    "render_letter",
    "render_letter_html",
    "render_letter_pdf",
    "render_pdf",
}


def test_public_names() -> None:
    assert set(gongkai.render.__all__) == API
    for name in API:
        assert getattr(gongkai.render, name).__module__.startswith("gongkai.render")


def test_render_error_is_a_gongkai_error() -> None:
    from gongkai.errors import GongkaiError

    assert issubclass(gongkai.render.RenderError, GongkaiError)


def test_pdf_never_fetches_outside_resources(caplog: pytest.LogCaptureFixture) -> None:
    page = (
        '<html><head><link rel="stylesheet" href="https://example.invalid/a.css"></head>'
        '<body><p>正文</p><img src="http://192.0.2.1/x.png"></body></html>'
    )
    with caplog.at_level(logging.ERROR, logger="weasyprint"):
        pdf = html_to_pdf(page)
    assert pdf.startswith(b"%PDF-")
    refused = [r.getMessage() for r in caplog.records if "renders offline" in r.getMessage()]
    assert len(refused) == 2, refused
