"""gongkai: read, check and generate China's government information disclosure annual reports."""

from gongkai.errors import GongkaiError, InputError
from gongkai.layout import Layout, layout
from gongkai.reader.api import read
from gongkai.record import Note, Provenance, Report

__all__ = [
    "GongkaiError",
    "InputError",
    "Layout",
    "Note",
    "Provenance",
    "Report",
    "layout",
    "read",
]
