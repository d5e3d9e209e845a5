"""Letters (告知书) as standalone HTML pages and as PDF (WeasyPrint)."""

from __future__ import annotations

from functools import cache
from html import escape
from importlib import resources

from ._pdf import html_to_pdf
from .letters import Letter, LetterContext, compose


@cache
def _css() -> str:
    return resources.files("gongkai.render.templates").joinpath("letter.css").read_text("utf-8")


def letter_html(letter: Letter) -> str:
    lines = [
        ("number", letter.number),
        ("addressee", letter.addressee),
        *(("body", p) for p in letter.paragraphs),
        ("basis", letter.basis),
        *((("remedies", letter.remedies),) if letter.remedies else ()),
        ("signature", letter.signature),
        ("date", letter.date),
    ]
    body = "\n".join(f'<p class="{cls}">{escape(text)}</p>' for cls, text in lines)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="generator" content="gongkai">\n'
        f"<title>{escape(letter.title)}</title>\n<style>\n{_css()}</style>\n</head>\n<body>\n"
        f"<h1>{escape(letter.title)}</h1>\n{body}\n</body>\n</html>\n"
    )


def render_letter_html(kind: str, ctx: LetterContext) -> str:
    """The letter ``kind`` for ``ctx`` as a complete HTML page."""
    return letter_html(compose(kind, ctx))


def render_letter_pdf(kind: str, ctx: LetterContext) -> bytes:
    """The letter ``kind`` for ``ctx`` as PDF (A4, CJK font, page numbers)."""
    return html_to_pdf(render_letter_html(kind, ctx))
