"""Letters (告知书) as DOCX: A4, official-letter margins, 宋体 title and 仿宋 body."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from .letters import LetterContext, compose

_TITLE_FONT = "宋体"
_BODY_FONT = "仿宋"


def render_letter(kind: str, ctx: LetterContext) -> bytes:
    """The letter ``kind`` for ``ctx`` as a DOCX document (bytes)."""
    letter = compose(kind, ctx)
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _font(document.styles["Normal"].element, _BODY_FONT)
    document.styles["Normal"].font.size = Pt(16)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(letter.title)
    run.bold = True
    run.font.size = Pt(22)
    _font(run._r, _TITLE_FONT)

    _line(document.add_paragraph(), letter.number, WD_ALIGN_PARAGRAPH.RIGHT)
    _line(document.add_paragraph(), letter.addressee)
    texts = [*letter.paragraphs, letter.basis, *([letter.remedies] if letter.remedies else [])]
    for text in texts:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(32)
        _line(paragraph, text, WD_ALIGN_PARAGRAPH.JUSTIFY)
    document.add_paragraph()
    _line(document.add_paragraph(), letter.signature, WD_ALIGN_PARAGRAPH.RIGHT)
    _line(document.add_paragraph(), letter.date, WD_ALIGN_PARAGRAPH.RIGHT)

    props = document.core_properties
    props.title = letter.title
    props.author = ctx.agency
    props.last_modified_by = "gongkai"
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _line(paragraph: Paragraph, text: str, align: WD_ALIGN_PARAGRAPH | None = None) -> None:
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.line_spacing = Pt(28)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.add_run(text)


def _font(element: Any, name: str) -> None:
    """Set the East Asian (and Latin) font of a style or run element."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
