"""``manage.py due_soon --agency NAME [--days N] [--today YYYY-MM-DD]``."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.errors import CalendarError
from gongkai_web.agencies.models import Agency
from gongkai_web.ledger.duesoon import DueItem, due_soon
from gongkai_web.ledger.models import Application
from gongkai_web.today import command_day, current_day
from gongkai_web.workdays.services import calendar_from_db


class Command(BaseCommand):
    help = (
        "列出即将到期和已经逾期的政府信息公开申请。"
        "例：python manage.py due_soon --agency 示范镇人民政府 --days 5"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", required=True, help="机关名称")
        parser.add_argument("--days", type=int, default=5, help="提前提醒的工作日数（默认5）")
        parser.add_argument(
            "--today", type=command_day, default=None, help="以哪一天为今天（默认今天）"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        name: str = options["agency"]
        agency = Agency.objects.filter(name=name).first()
        if agency is None:
            raise CommandError(f"没有名为「{name}」的机关：请核对名称，或先在管理后台添加该机关")
        days: int = options["days"]
        if days < 0:
            raise CommandError("--days 不能为负数")
        today: date = options["today"] or current_day()  # the CLI boundary
        try:
            overdue, soon = due_soon(agency, calendar_from_db(), today, days)
        except CalendarError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"{agency.name}　{today.isoformat()}　提醒范围：{days}个工作日")
        self._section("已逾期", overdue)
        self._section(f"{days}个工作日内到期", soon)
        pending = Application.objects.open().filter(agency=agency, due_provisional=True)
        if pending.exists():
            self.stdout.write(
                f"\n期限待定：{pending.count()}件（工作日历缺少相关年份，"
                "请用 add_workday_year 导入该年节假日安排，期限将自动计算）"
            )

    def _section(self, title: str, items: list[DueItem]) -> None:
        self.stdout.write(f"\n{title}：{len(items)}件")
        for item in items:
            app = item.application
            left = item.workdays_left
            if left is None:
                when = "—"
            elif item.overdue:
                when = f"逾期{-left}个工作日" if left < 0 else "已逾期"
            else:
                when = "今天到期" if left == 0 else f"剩{left}个工作日"
            flags = "（已延期）" if app.extended else ""
            self.stdout.write(
                f"  {app.tracking_number}  {app.applicant_name}  收到{app.received_on.isoformat()}"
                f"  {app.get_status_display()}  期限{app.due_date}  {when}{flags}"
            )
