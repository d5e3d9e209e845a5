"""Render annual reports (HTML, DOCX, PDF, JSON) and letters to applicants (DOCX, PDF).

Reports follow the official layouts (``gongkai.layout``) and are made to be read back by
``gongkai.reader`` to the same record; letters take their texts and legal bases from
``data/letters.json``. Nothing here reads the clock or the network.
"""

from gongkai.render._errors import RenderError
from gongkai.render.letter_docx import render_letter
from gongkai.render.letter_html import render_letter_html, render_letter_pdf
from gongkai.render.letters import LetterContext, letter_kinds, letter_outcome
from gongkai.render.report_docx import render_docx
from gongkai.render.report_html import render_html
from gongkai.render.report_json import render_json
from gongkai.render.report_pdf import render_pdf

__all__ = [
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
]
