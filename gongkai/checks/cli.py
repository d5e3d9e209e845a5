"""``gongkai check``, ``gongkai rules`` and ``gongkai export``: thin shells over gongkai.checks.

Mount them on the main app with ``register(app)`` (or ``app.command("check")(check_command)``…).
Exit codes of ``check`` follow linters: 0 no failed error finding, 1 at least one, 2 a file could
not be read or the command was used wrongly (the readable files are still checked).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from gongkai.checks import export as exporting
from gongkai.checks.batch import (
    Batch,
    Checked,
    Loaded,
    check_loaded,
    digest,
    expand,
    load,
    load_all,
)
from gongkai.checks.catalogue import RULES
from gongkai.checks.context import CheckOptions

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}

app = typer.Typer(
    help="检查政府信息公开工作年度报告，列出检查规则，导出检查结果。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, soft_wrap=True, highlight=False)


@contextmanager
def _progress(total: int, enabled: bool) -> Iterator[Callable[[Loaded], None]]:
    console = _console(stderr=True)
    if not enabled or not console.is_terminal:
        yield lambda loaded: None
        return
    with Progress(
        TextColumn("读取报告"), BarColumn(), MofNCompleteColumn(), console=console, transient=True
    ) as bar:
        task = bar.add_task("read", total=total)
        yield lambda loaded: bar.advance(task)


def _load(paths: list[Path], workers: int) -> list[Loaded]:
    with _progress(len(paths), workers > 1) as advance:
        return load_all(paths, workers=workers, progress=advance)


def _options(township_deadline: str | None, skip: list[str]) -> CheckOptions:
    known = {r.id for r in RULES}
    unknown = [s for s in skip if s not in known]
    if unknown:
        typer.echo(
            f"错误：没有规则 {'、'.join(unknown)}，可用 gongkai rules 查看规则编号", err=True
        )
        raise typer.Exit(2)
    if township_deadline is not None:
        parts = township_deadline.split("-")
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            typer.echo("错误：--township-deadline 应写作 月-日，如 01-31", err=True)
            raise typer.Exit(2)
    return CheckOptions(township_deadline=township_deadline, skip=frozenset(skip))


def _report_errors(batch: Batch) -> None:
    for item in batch.unreadable:
        typer.echo(f"{item.path}：{item.error}", err=True)


def _entry(item: Checked) -> dict[str, Any]:
    return {
        "file": str(item.path),
        "index": item.index,
        "error": None,
        "agency": item.report.agency,
        "year": item.report.year,
        "format": item.report.format,
        "previous": str(item.previous) if item.previous else None,
        "findings": [f.to_dict() for f in item.findings],
    }


def _print_summary(console: Console, batch: Batch) -> None:
    totals = dict.fromkeys(SEVERITY_NAMES, 0)
    uncertain = 0
    for item in batch.checked:
        report = item.report
        name = f"（第 {item.index + 1} 条记录）" if item.index else ""
        agency = escape(report.agency or "（未识别单位）")
        console.print(
            f"[bold]{escape(str(item.path))}[/bold]{name}：{agency}，"
            f"{report.year or '？'} 年度，格式 {report.format or '未识别'}"
            + (f"，对照上年报告 {escape(str(item.previous))}" if item.previous else "")
        )
        if not item.findings:
            console.print("  未发现问题")
        for f in item.findings:
            totals[f.severity] += 1
            uncertain += f.result == "uncertain"
            label = SEVERITY_NAMES[f.severity] + ("（存疑）" if f.result == "uncertain" else "")
            console.print(
                f"  [{_STYLES[f.severity]}]{label}[/] {f.rule}  {escape(f.message)}"
                f"  [dim]〔{escape(f.source)}〕[/dim]"
            )
    console.print(
        f"共检查 {len(batch.checked)} 份报告：错误 {totals['error']} 项，"
        f"警告 {totals['warning']} 项，提示 {totals['info']} 项（其中存疑 {uncertain} 项）"
        + (f"；{len(batch.unreadable)} 个文件无法读取" if batch.unreadable else "")
    )


def check_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="报告文件、目录（递归查找）或 JSON 记录", show_default=False),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出检查结果")] = False,
    previous: Annotated[
        Path | None,
        typer.Option("--previous", help="上一年度的报告或 JSON 记录，用于跨年度核对"),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="并行读取的进程数")] = 1,
    township_deadline: Annotated[
        str | None,
        typer.Option(
            "--township-deadline", help="县级政府为乡镇、街道规定的发布期限（月-日），如 01-31"
        ),
    ] = None,
    skip: Annotated[
        list[str] | None, typer.Option("--skip", help="不运行的规则编号，可重复")
    ] = None,
) -> None:
    """检查年度报告：表内勾稽关系、结构、正文与表格、合法性、跨年度衔接。

    目录中同一机关相邻年度的报告会自动配对做跨年度核对。
    退出码：0 无错误；1 有错误；2 有文件无法读取或用法有误。

    例：gongkai check 报告.html 2023年报告.json --previous 2022年报告.json
    """
    options = _options(township_deadline, skip or [])
    files = list(expand(paths))
    if not files:
        typer.echo("错误：没有找到可检查的文件，请检查路径", err=True)
        raise typer.Exit(2)
    last = None
    if previous is not None:
        loaded_previous = load(previous)
        if loaded_previous.error is not None or len(loaded_previous.reports) != 1:
            problem = loaded_previous.error or "应只含一份报告"
            typer.echo(f"错误：上一年度报告 {previous}：{problem}", err=True)
            raise typer.Exit(2)
        last = loaded_previous.reports[0]
    batch = check_loaded(
        _load(files, workers), previous=last, previous_path=previous, options=options
    )
    _report_errors(batch)
    if as_json:
        entries = [_entry(item) for item in batch.checked]
        entries += [
            {
                "file": str(i.path),
                "index": None,
                "error": i.error,
                "agency": None,
                "year": None,
                "format": None,
                "previous": None,
                "findings": [],
            }
            for i in batch.unreadable
        ]
        sys.stdout.write(json.dumps(entries, ensure_ascii=False, indent=1) + "\n")
    else:
        _print_summary(_console(), batch)
    if batch.unreadable:
        raise typer.Exit(2)
    if any(item.failed for item in batch.checked):
        raise typer.Exit(1)


def rules_command(
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出规则目录")] = False,
) -> None:
    """列出全部检查规则（编号、类别、严重程度、名称）。

    例：gongkai rules --json
    """
    if as_json:
        sys.stdout.write(
            json.dumps([r.to_dict() for r in RULES], ensure_ascii=False, indent=1) + "\n"
        )
        return
    table = Table(title="检查规则")
    table.add_column("编号", no_wrap=True)
    table.add_column("类别", overflow="fold")
    table.add_column("严重程度", no_wrap=True)
    table.add_column("名称", overflow="fold")
    for r in RULES:
        table.add_row(r.id, r.kind, SEVERITY_NAMES[r.severity], r.title)
    _console().print(table)


def export_command(
    paths: Annotated[
        list[Path], typer.Argument(help="报告所在目录（递归查找）或文件", show_default=False)
    ],
    to: Annotated[
        Path,
        typer.Option(
            "--to",
            help="导出到 .xlsx、.sqlite、.ndjson 文件，或一个目录（CSV）",
            show_default=False,
        ),
    ],
    workers: Annotated[int, typer.Option("--workers", min=1, help="并行读取的进程数")] = 1,
) -> None:
    """把报告、单元格和检查结果导出为表格（reports、cells、findings）。

    导出到 .sqlite 或 .ndjson 时可以续传：已导出的文件（按内容哈希）会跳过。

    例：gongkai export 年报目录 --to 年报.sqlite
    """
    try:
        exporting.target_kind(to)
    except ValueError as error:
        typer.echo(f"错误：{error}", err=True)
        raise typer.Exit(2) from None
    files = list(expand(paths))
    if not files:
        typer.echo("错误：没有找到可导出的文件，请检查路径", err=True)
        raise typer.Exit(2)
    done = exporting.exported(to)
    todo = [f for f in files if not done or digest(f) not in done]
    batch = check_loaded(_load(todo, workers))
    _report_errors(batch)
    try:
        exporting.write(to, batch.checked)
    except (OSError, sqlite3.DatabaseError) as error:
        typer.echo(f"错误：无法写入 {to}（{error}），请检查路径和权限", err=True)
        raise typer.Exit(2) from None
    skipped = len(files) - len(todo)
    typer.echo(
        f"已导出 {len(batch.checked)} 份报告到 {to}"
        + (f"，跳过已导出的 {skipped} 个文件" if skipped else "")
        + (f"，{len(batch.unreadable)} 个文件无法读取" if batch.unreadable else "")
    )
    if batch.unreadable:
        raise typer.Exit(2)


def register(target: typer.Typer) -> None:
    """Mount ``check``, ``rules`` and ``export`` on ``target`` (the main ``gongkai`` app)."""
    target.command("check")(check_command)
    target.command("rules")(rules_command)
    target.command("export")(export_command)


register(app)
