"""The reader's hot modules compiled to C with mypyc, and the guard that keeps them honest.

The reader is plain, strictly typed Python. ``python -m gongkai.build_native`` (run by
``scripts/setup``) compiles the modules in ``COMPILED`` with mypyc, the compiler that ships with
mypy, into extension modules beside their sources: the same code, about 1.4× faster. A stamp
records which sources they were built from. Python imports an extension module before a source
file of the same name, so ``guard`` (called when ``gongkai.reader`` is first imported) loads the
sources instead whenever they no longer match the stamp (a source edited or checked out after
the build), or when ``GONGKAI_PURE=1`` is set: the reader never runs code older than its
sources. Without a C compiler nothing is built and everything runs as plain Python.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
# Where the tokens, rows and cells of a report are made: most of a read's time. (The HTML,
# DOCX and PDF front ends spend theirs in lxml and pdfplumber, and gain nothing.)
COMPILED = tuple(
    f"gongkai.reader.{name}"
    for name in (
        "api",
        "cells",
        "digits",
        "document",
        "lexicon",
        "load",
        "meta",
        "normalize",
        "report",
        "scan",
        "segment",
        "tables",
        "tokens",
    )
)
GROUP = "gongkai.reader._native"  # the shared library the compiled modules live in
STAMP = PACKAGE / "reader" / "_native.json"
PURE_VARIABLE = "GONGKAI_PURE"


def source(module: str) -> Path:
    return ROOT.joinpath(*module.split(".")).with_suffix(".py")


def extension(module: str) -> Path:
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    return ROOT.joinpath(*module.split(".")).with_name(module.rpartition(".")[2] + suffix)


def digest(modules: Sequence[str] = COMPILED) -> str:
    """What a build is made from: the sources, and the Python that runs them."""
    h = hashlib.sha256(sys.version.encode())
    for module in modules:
        h.update(module.encode() + b"\0" + source(module).read_bytes() + b"\0")
    return h.hexdigest()


def built() -> bool:
    """Whether compiled modules lie beside the sources (current or not)."""
    return any(extension(module).exists() for module in COMPILED)


def current() -> bool:
    """Whether every compiled module is there and was built from today's sources."""
    if not all(extension(module).exists() for module in COMPILED):
        return False
    try:
        stamp = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(stamp, dict) and stamp.get("digest") == digest()


class _Sources(importlib.abc.MetaPathFinder):
    """Finds the compiled modules' sources, ahead of the extension modules beside them."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in COMPILED:
            return None
        return importlib.util.spec_from_file_location(fullname, source(fullname))


_SOURCES = _Sources()


def guard() -> None:
    """Load the sources, not the compiled modules, unless the build is current (and wanted)."""
    if _SOURCES in sys.meta_path or not built():
        return
    if os.environ.get(PURE_VARIABLE, "") not in ("", "0") or not current():
        sys.meta_path.insert(0, _SOURCES)


def in_use() -> bool:
    """Whether the reader runs compiled (call after importing it)."""
    module = sys.modules.get("gongkai.reader.tokens")
    return module is not None and not str(getattr(module, "__file__", "")).endswith(".py")
