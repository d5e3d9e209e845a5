"""gongkai: read, check and generate China's government information disclosure annual reports.

The public API::

    gongkai.read(source) -> Report          # any published report into its record
    gongkai.check(report, previous=None)    # -> list[Finding], each with its legal basis
    gongkai.layout("2021")                   # the official layouts, as data
"""

from gongkai.checks import RULES, Finding, Rule, check
from gongkai.errors import GongkaiError, InputError
from gongkai.layout import Layout, layout
from gongkai.reader.api import read
from gongkai.record import Note, Provenance, Report

__all__ = [
    "RULES",
    "Finding",
    "GongkaiError",
    "InputError",
    "Layout",
    "Note",
    "Provenance",
    "Report",
    "Rule",
    "check",
    "layout",
    "read",
]
