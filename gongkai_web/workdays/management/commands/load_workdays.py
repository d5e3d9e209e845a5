"""``manage.py load_workdays [--file PATH]``: load or refresh the working-day calendar."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.errors import CalendarError
from gongkai_web.workdays.services import load_bundled, load_file


class Command(BaseCommand):
    help = (
        "从工作日历文件载入（或更新）各年度的节假日安排；默认使用随程序附带的 workdays.json。"
        "例：python manage.py load_workdays"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", type=Path, help="工作日历 JSON 文件（格式同 workdays.json）")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path | None = options["file"]
        try:
            years = load_bundled() if path is None else load_file(path)
        except (CalendarError, OSError, ValueError) as exc:
            raise CommandError(f"无法载入工作日历：{exc}") from exc
        self.stdout.write(f"已载入 {len(years)} 个年度：{'、'.join(str(y) for y in years)}")
