"""HTML to PDF through WeasyPrint: A4, system CJK fonts (Noto CJK), no network access."""

from __future__ import annotations

from typing import NoReturn

import weasyprint
from weasyprint.urls import URLFetcher

from ._errors import RenderError


class _Offline(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no type hints
    """Our pages are self-contained: any outside resource is refused, never downloaded.

    WeasyPrint logs the refusal and renders the page without the resource.
    """

    def fetch(self, url: str, headers: object = None) -> NoReturn:
        raise ValueError(f"gongkai renders offline; refused to fetch {url}")


def html_to_pdf(html: str) -> bytes:
    """The PDF of a self-contained HTML page (size, fonts, page numbers: from its CSS)."""
    document = weasyprint.HTML(string=html, url_fetcher=_Offline())
    pdf = document.write_pdf()
    if not isinstance(pdf, bytes):  # pragma: no cover - write_pdf without target returns bytes
        raise RenderError("WeasyPrint 未返回PDF数据")
    return pdf
