"""Checking many files: finding them, reading them (in worker processes), pairing consecutive
years of the same body, and checking each record.

A JSON file holds one record, or an array of records (``gongkai read --json`` of several
files); any other file is read with ``gongkai.reader``. A file that cannot be read is reported
and skipped; the other files are still checked.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkai.checks.catalogue import check
from gongkai.checks.context import CheckOptions
from gongkai.checks.finding import Finding
from gongkai.errors import GongkaiError
from gongkai.record import Report

# Looked for in directories (a file named on the command line is always tried): records and
# what the reader reads. Not .md: a directory of reports often holds a README.
READABLE = frozenset(
    {".json", ".txt", ".text", ".htm", ".html", ".shtml", ".xhtml", ".docx", ".pdf"}
)


@dataclass(frozen=True)
class Loaded:
    """What one file gave: its records, or the reason it could not be read."""

    path: Path
    digest: str  # sha256 of the file's bytes ("" if it could not be opened)
    reports: tuple[Report, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class Checked:
    """One record of one file, with its findings."""

    path: Path
    digest: str
    index: int  # position of the record in its file (0 for a single record)
    report: Report
    findings: tuple[Finding, ...]
    previous: Path | None = None  # the file of last year's record it was checked against

    @property
    def failed(self) -> bool:
        return any(f.failed_error for f in self.findings)


@dataclass
class Batch:
    checked: list[Checked] = field(default_factory=list)
    unreadable: list[Loaded] = field(default_factory=list)


def expand(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, and the readable files under the directories named (recursively, sorted).
    A path that does not exist is passed on: loading it reports the error."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and child.suffix.lower() in READABLE
                    and not any(part.startswith(".") for part in child.relative_to(path).parts)
                ):
                    yield child
        else:
            yield path


def digest(path: Path) -> str:
    """sha256 of a file, "" if it cannot be opened."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _records(data: Any) -> list[Report]:
    items = data if isinstance(data, list) else [data]
    out = []
    for item in items:
        if not isinstance(item, dict):
            raise ValueError("JSON 中的记录应为对象")
        out.append(Report.from_dict(item))
    return out


def load(path: Path) -> Loaded:
    """Read one file into its records; never raises (a failure becomes ``Loaded.error``)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Loaded(path, "", error="找不到该文件，请检查路径")
    except OSError as error:
        return Loaded(path, "", error=f"无法打开该文件（{error.strerror or error}），请检查权限")
    sha = hashlib.sha256(raw).hexdigest()
    if path.suffix.lower() == ".json":
        try:
            reports = _records(json.loads(raw.decode("utf-8-sig")))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            return Loaded(
                path,
                sha,
                error=f"不是有效的 JSON 记录（{error}），请用 gongkai read --json 重新生成",
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            return Loaded(
                path, sha, error=f"JSON 记录的内容不符合约定（{error}），请对照 report-json.md 检查"
            )
        return Loaded(path, sha, tuple(reports))
    try:
        from gongkai.reader.api import read  # lazy: the reader pulls in PDF/DOCX libraries
    except ImportError as error:
        return Loaded(path, sha, error=f"读取模块不可用（{error}），请先把报告转换为 JSON 记录")
    try:
        return Loaded(path, sha, (read(path),))
    except GongkaiError as error:
        return Loaded(path, sha, error=error.message)
    except Exception as error:  # a reader bug must not stop a batch: report it and go on
        return Loaded(
            path, sha, error=f"读取时出错（{type(error).__name__}: {error}），请报告此问题"
        )


def load_all(
    paths: list[Path], workers: int = 1, progress: Callable[[Loaded], None] | None = None
) -> list[Loaded]:
    """Load every path, in ``workers`` processes when more than one; results in input order."""
    out: list[Loaded] = []
    if workers > 1 and len(paths) > 1:
        context = multiprocessing.get_context("spawn")
        with context.Pool(min(workers, len(paths))) as pool:
            for loaded in pool.imap(load, paths):
                out.append(loaded)
                if progress is not None:
                    progress(loaded)
        return out
    for path in paths:
        loaded = load(path)
        out.append(loaded)
        if progress is not None:
            progress(loaded)
    return out


def _body(report: Report) -> str | None:
    return "".join(report.agency.split()) if report.agency else None


def pair(items: list[tuple[Path, Report]]) -> list[tuple[Path, Report] | None]:
    """For each record, the record of the same body (same agency name) for the year before, if
    exactly one such record is among ``items``."""
    index: dict[tuple[str, int], list[tuple[Path, Report]]] = {}
    for path, report in items:
        body = _body(report)
        if body is not None and isinstance(report.year, int):
            index.setdefault((body, report.year), []).append((path, report))
    out: list[tuple[Path, Report] | None] = []
    for _, report in items:
        body = _body(report)
        found = None
        if body is not None and isinstance(report.year, int):
            candidates = index.get((body, report.year - 1), [])
            if len(candidates) == 1:
                found = candidates[0]
        out.append(found)
    return out


def check_loaded(
    loaded: list[Loaded],
    *,
    previous: Report | None = None,
    previous_path: Path | None = None,
    options: CheckOptions | None = None,
) -> Batch:
    """Check every record loaded. ``previous`` (given by the user) is last year's record for
    every report; otherwise consecutive years of the same body are paired automatically."""
    batch = Batch()
    items: list[tuple[Path, str, int, Report]] = []
    for item in loaded:
        if item.error is not None:
            batch.unreadable.append(item)
            continue
        items.extend((item.path, item.digest, i, r) for i, r in enumerate(item.reports))
    pairs = pair([(p, r) for p, _, _, r in items])
    for (path, sha, i, report), paired in zip(items, pairs, strict=True):
        last, last_path = (previous, previous_path) if previous is not None else (None, None)
        if last is None and paired is not None:
            last_path, last = paired
        findings = tuple(check(report, last, options=options))
        batch.checked.append(Checked(path, sha, i, report, findings, last_path))
    return batch
