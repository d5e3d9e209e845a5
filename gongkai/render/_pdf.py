"""HTML to PDF through WeasyPrint: A4, system CJK fonts (Noto CJK), no network access."""

from __future__ import annotations

from typing import Any, NoReturn

import weasyprint

from ._errors import RenderError


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    """Our pages are self-contained; any outside resource is a bug, never a download."""
    raise RenderError(f"渲染PDF时不访问外部资源：{url}；请把所需内容直接写入页面")


def html_to_pdf(html: str) -> bytes:
    """The PDF of a self-contained HTML page (size, fonts, page numbers: from its CSS)."""
    document = weasyprint.HTML(string=html, url_fetcher=_no_fetch)
    pdf = document.write_pdf()
    if not isinstance(pdf, bytes):  # pragma: no cover - write_pdf without target returns bytes
        raise RenderError("WeasyPrint 未返回PDF数据")
    return pdf
