"""``manage.py add_workday_year YEAR --notice … --off … --makeup …``."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.errors import CalendarError
from gongkai_web.workdays.services import save_year


def parse_days(values: list[str], year: int) -> list[date]:
    """``2027-01-01``, ``2027-02-16..2027-02-20`` or ``02-16..02-20``, comma-separated or
    repeated."""
    out: list[date] = []
    for value in values:
        for part in value.replace("，", ",").split(","):
            part = part.strip()
            if not part:
                continue
            first, _, last = part.partition("..")
            start = _one(first, year)
            end = _one(last, year) if last else start
            if end < start:
                raise CommandError(f"日期范围颠倒：{part}")
            while start <= end:
                out.append(start)
                start += timedelta(days=1)
    return out


def _one(text: str, year: int) -> date:
    text = text.strip()
    if len(text) == 5:  # MM-DD
        text = f"{year}-{text}"
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"日期格式错误：{text!r}，应为 YYYY-MM-DD 或 MM-DD") from None


class Command(BaseCommand):
    help = (
        "添加（或替换）一个年度的节假日安排，并重新计算未办结申请的答复期限。"
        "例：python manage.py add_workday_year 2027 --notice 国办发明电〔2026〕X号 "
        "--off 2027-01-01,02-08..02-12 --makeup 02-06,02-20"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("year", type=int, help="年份，如 2027")
        parser.add_argument("--notice", required=True, help="国务院办公厅通知文号")
        parser.add_argument("--title", default="", help="通知标题")
        parser.add_argument("--source", default="", help="数据来源（网址或文件）")
        parser.add_argument(
            "--off",
            action="append",
            default=[],
            help="周一至周五的放假日期，可用逗号分隔或 .. 表示范围",
        )
        parser.add_argument(
            "--makeup", action="append", default=[], help="周末调休上班日期，可用逗号分隔"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        year: int = options["year"]
        if not 2000 <= year <= 2100:
            raise CommandError(f"年份不合理：{year}")
        title = options["title"] or f"国务院办公厅关于{year}年部分节假日安排的通知"
        try:
            entry = save_year(
                year,
                parse_days(options["off"], year),
                parse_days(options["makeup"], year),
                options["notice"],
                title=title,
                source=options["source"],
            )
        except CalendarError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            f"已保存{year}年节假日安排：放假 {len(entry.off)} 个工作日，"
            f"调休上班 {len(entry.makeup)} 天。"
            "未办结申请的答复期限已重新计算。"
        )
