"""``gongkai workdays``: working-day arithmetic on the command line (a thin shell over the library).

Every command reads the bundled calendar, plus the years of ``--calendar FILE`` (or the file
named by $GONGKAI_WORKDAYS) when given; ``import`` adds a year to that file.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from gongkai.clock.calendar import (
    DayKind,
    WorkdayCalendar,
    add_workdays,
    day_kind,
    workdays_between,
)
from gongkai.errors import GongkaiError

app = typer.Typer(
    help=(
        "工作日计算（依国务院办公厅每年的节假日安排通知）。\n\n"
        "示例：gongkai workdays add 2025-09-26 5 → 2025-10-10"
    ),
    no_args_is_help=True,
)

CalendarOption = Annotated[
    Path | None,
    typer.Option(
        "--calendar",
        envvar="GONGKAI_WORKDAYS",
        help="补充的工作日历文件（workdays.json 格式），其中的年份覆盖内置数据",
    ),
]

WEEKDAYS = "一二三四五六日"
REASONS = {
    DayKind.WORKDAY: "周一至周五",
    DayKind.WEEKEND: "周末",
    DayKind.HOLIDAY: "法定节假日",
    DayKind.MAKEUP: "调休上班",
}


def _fail(message: str) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(2)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        _fail(f"日期“{text}”无法识别：请写成 YYYY-MM-DD，例如 2025-09-26")


def _count(text: str) -> int:
    try:
        n = int(text.strip())
    except ValueError:
        _fail(f"工作日数“{text}”不是整数：请写一个不小于 0 的整数，例如 5")
    if n < 0:
        _fail(f"工作日数 {n} 小于 0：请写一个不小于 0 的整数")
    return n


def _show(d: date) -> str:
    return f"{d.isoformat()}（星期{WEEKDAYS[d.weekday()]}）"


def _calendar(path: Path | None) -> WorkdayCalendar:
    cal = WorkdayCalendar.bundled()
    if path is None:
        return cal
    return cal.merged(_read_file(path))


def _read_file(path: Path) -> WorkdayCalendar:
    try:
        data = json.loads(path.read_text("utf-8"))
    except OSError:
        _fail(f"无法读取工作日历文件 {path}：请检查路径和权限")
    except ValueError:
        _fail(f"工作日历文件 {path} 不是有效的 UTF-8 JSON：请参照内置 workdays.json 的格式修正")
    try:
        return WorkdayCalendar.from_dict(data)
    except GongkaiError as error:
        _fail(f"工作日历文件 {path} 有误：{error}")


@app.command("add")
def add_command(
    day: Annotated[str, typer.Argument(metavar="DATE", help="起算日，YYYY-MM-DD")],
    n: Annotated[str, typer.Argument(metavar="N", help="工作日数（不小于 0）")],
    calendar: CalendarOption = None,
) -> None:
    """输出 DATE 之后第 N 个工作日（DATE 本身不计，不论它是否工作日）。

    示例：gongkai workdays add 2025-09-26 5 → 2025-10-10（星期五）
    """
    start, count = _date(day), _count(n)
    try:
        result = add_workdays(_calendar(calendar), start, count)
    except GongkaiError as error:
        _fail(str(error))
    typer.echo(f"{_show(result)}：{start.isoformat()} 之后第 {count} 个工作日")


@app.command("is")
def is_command(
    day: Annotated[str, typer.Argument(metavar="DATE", help="要查询的日期，YYYY-MM-DD")],
    calendar: CalendarOption = None,
) -> None:
    """判断 DATE 是否工作日，并说明原因（周末、法定节假日、调休上班）。

    示例：gongkai workdays is 2025-09-28 → 2025-09-28（星期日）是工作日：调休上班
    """
    d = _date(day)
    try:
        cal = _calendar(calendar)
        kind = day_kind(cal, d)
    except GongkaiError as error:
        _fail(str(error))
    verdict = "是工作日" if kind in (DayKind.WORKDAY, DayKind.MAKEUP) else "不是工作日"
    reason = REASONS[kind]
    if kind in (DayKind.HOLIDAY, DayKind.MAKEUP):
        reason += f"（{cal.year(d.year).notice}）"
    typer.echo(f"{_show(d)}{verdict}：{reason}")


@app.command("between")
def between_command(
    start: Annotated[str, typer.Argument(metavar="START", help="起始日，YYYY-MM-DD（不计入）")],
    end: Annotated[str, typer.Argument(metavar="END", help="截止日，YYYY-MM-DD（计入）")],
    calendar: CalendarOption = None,
) -> None:
    """输出 START 之后到 END（含）之间的工作日数；END 早于 START 时为负数。

    示例：gongkai workdays between 2025-09-26 2025-10-10 → 5
    """
    first, last = _date(start), _date(end)
    try:
        count = workdays_between(_calendar(calendar), first, last)
    except GongkaiError as error:
        _fail(str(error))
    typer.echo(str(count))


@app.command("years")
def years_command(calendar: CalendarOption = None) -> None:
    """列出有工作日历数据的年份及其依据的通知。

    示例：gongkai workdays years
    """
    for entry in _calendar(calendar).entries:
        typer.echo(f"{entry.year}\t{entry.notice}")


def _expand(values: list[str]) -> list[date]:
    out: list[date] = []
    for value in values:
        first, sep, last = value.partition("..")
        a = _date(first)
        b = _date(last) if sep else a
        if b < a:
            _fail(f"日期范围“{value}”的结束日早于开始日：请写成 开始..结束")
        while a <= b:
            out.append(a)
            a += timedelta(days=1)
    return out


@app.command("import")
def import_command(
    year: Annotated[int, typer.Argument(help="年份，例如 2027")],
    notice: Annotated[str, typer.Option("--notice", help="通知文号，例如 国办发明电〔2026〕X号")],
    off: Annotated[
        list[str] | None,
        typer.Option("--off", help="放假日期或范围（开始..结束），可重复；周末自动略去"),
    ] = None,
    makeup: Annotated[
        list[str] | None, typer.Option("--makeup", help="调休上班的周末日期，可重复")
    ] = None,
    calendar: CalendarOption = None,
) -> None:
    """把一年的节假日安排写入 --calendar 指定的工作日历文件（已有该年则替换）。

    示例：gongkai workdays import 2027 --notice "国办发明电〔2026〕X号"
    --off 2027-01-01 --off 2027-02-05..2027-02-11 --makeup 2027-02-13 --calendar my.json
    """
    if calendar is None:
        _fail("请用 --calendar 指定要写入的工作日历文件（或设置环境变量 GONGKAI_WORKDAYS）")
    days_off = [d for d in _expand(off or []) if d.weekday() < 5]
    existing = _read_file(calendar) if calendar.exists() else WorkdayCalendar(())
    try:
        updated = existing.with_year(
            year, days_off, _expand(makeup or []), notice, source="gongkai workdays import"
        )
    except GongkaiError as error:
        _fail(str(error))
    text = json.dumps(updated.to_dict(), ensure_ascii=False, indent=2) + "\n"
    try:
        calendar.write_text(text, "utf-8")
    except OSError:
        _fail(f"无法写入工作日历文件 {calendar}：请检查路径和权限")
    typer.echo(
        f"已写入 {calendar}：{year} 年，{len(set(days_off))} 个工作日放假，"
        f"{len(set(_expand(makeup or [])))} 个调休上班日（{notice}）"
    )
