"""``manage.py load_demo [--today YYYY-MM-DD] [--seed N] [--password P]``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.errors import GongkaiError
from gongkai_web.annual.demo import demo_day, load_demo
from gongkai_web.today import command_day, current_day


class Command(BaseCommand):
    help = (
        "生成演示数据：示范县、示范镇和一个县级部门，一年多的申请台账、主动公开、文件、统计、"
        "复议诉讼和年度报告素材，并打印演示账号。例：python manage.py load_demo --today 2026-11-21"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            type=command_day,
            default=None,
            help="演示数据的“今天”，YYYY-MM-DD（默认为运行当天）",
        )
        parser.add_argument("--seed", type=int, default=2021, help="随机种子（默认 2021）")
        parser.add_argument(
            "--password", default=None, help="所有演示账号使用同一密码（默认随机生成）"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            # The command line is the boundary where the clock may be read.
            day = options["today"] or demo_day(current_day())
            result = load_demo(today=day, seed=options["seed"], password=options["password"])
        except GongkaiError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            f"已生成演示数据：申请 {result.applications} 件，可生成 {result.report_year} 年度报告。"
        )
        self.stdout.write("演示账号（用户名 / 密码 / 姓名 / 角色）：")
        for username, password, name, role in result.logins:
            self.stdout.write(f"  {username} / {password} / {name} / {role}")
