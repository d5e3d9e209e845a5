"""``gongkai read``: the command-line shell around ``gongkai.read``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table as RichTable

from gongkai.errors import InputError
from gongkai.layout import layout
from gongkai.record import Report

READABLE = {".txt", ".text", ".htm", ".html", ".shtml", ".xhtml", ".docx", ".pdf", ".md", ".js"}


def expand(paths: list[Path]) -> Iterator[Path]:
    """Files named on the command line; directories are walked for readable files."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in READABLE:
                    yield child
        else:
            yield path


def _summary(console: Console, path: Path, report: Report) -> None:
    cells = report.cells()
    filled = sum(1 for _, v in cells if v is not None)
    console.print(
        f"[bold]{path}[/bold]：{report.agency or '（未识别单位）'}，"
        f"{report.year or '？'} 年度，格式 {report.format or '未识别'}，"
        f"输入 {report.input.kind}/{report.input.encoding or '-'}；"
        f"读出 {filled}/{len(cells)} 个单元格，阅读说明 {len(report.notes)} 条"
    )


def _explain(console: Console, report: Report, table_key: str) -> None:
    if report.format not in ("2021", "2019"):
        console.print("该报告不是官方表格格式，无表格可解释。")
        return
    table = layout(report.format).table(table_key)
    view = RichTable(title=f"{table.title}（{table_key}）", show_lines=False)
    for header in ("单元格", "值", "方式", "位置", "原文"):
        view.add_column(header)
    for path in table.paths():
        prov = report.provenance.get(path)
        value = report.get(path)
        view.add_row(
            path,
            "空" if value is None else str(value),
            prov.how if prov else "-",
            prov.where if prov else "-",
            (prov.raw[:40] if prov else ""),
        )
    console.print(view)
    for note in report.notes:
        if note.path is None or note.path.startswith(table_key):
            console.print(f"说明：{note.path or ''} {note.message}（{note.where or ''}）")


def read_command(
    files: Annotated[list[Path], typer.Argument(help="报告文件或目录（目录中的文件逐个读取）")],
    as_json: Annotated[
        bool, typer.Option("--json", help="输出 JSON 记录（多个文件时为数组）")
    ] = False,
    ndjson: Annotated[bool, typer.Option("--ndjson", help="每行输出一条 JSON 记录")] = False,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="指定文本编码，如 gb18030、utf-8")
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="指定输入类型：text、html、docx、pdf")
    ] = None,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain", help="说明某张表每个单元格读自哪段原文：active、requests、appeals"
        ),
    ] = None,
    brief: Annotated[
        bool, typer.Option("--brief", help="JSON 只含约定字段，不含出处与说明")
    ] = False,
) -> None:
    """读取政府信息公开工作年度报告，输出结构化记录。

    例：gongkai read 报告.html --json
    """
    if explain is not None and explain not in ("active", "requests", "appeals"):
        typer.echo("错误：--explain 只能是 active、requests 或 appeals", err=True)
        raise typer.Exit(2)
    from gongkai.reader.api import read

    console = Console(stderr=False)
    records: list[Report] = []
    failed = 0
    paths = list(expand(files))
    if not paths:
        typer.echo("错误：没有找到可读取的文件，请检查路径", err=True)
        raise typer.Exit(2)
    for path in paths:
        try:
            report = read(path, encoding=encoding, kind=kind)
        except InputError as error:
            failed += 1
            typer.echo(f"{path}：{error.message}", err=True)
            continue
        records.append(report)
        if ndjson:
            sys.stdout.write(report.to_json(indent=None, detail=not brief) + "\n")
        elif not as_json:
            _summary(console, path, report)
            if explain:
                _explain(console, report, explain)
    if as_json and not ndjson:
        data = [r.to_dict(detail=not brief) for r in records]
        out = data[0] if len(paths) == 1 and data else data
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
    if failed:
        raise typer.Exit(1)
