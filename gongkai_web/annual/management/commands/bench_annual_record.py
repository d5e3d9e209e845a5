"""``manage.py bench_annual_record [--applications N]``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai_web.annual.bench import bench


class Command(BaseCommand):
    help = (
        "基准测试：为一个含 N 件申请的机关生成年度报告，报告耗时和查询次数；数据随后全部回滚。"
        "例：python manage.py bench_annual_record --applications 100000"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--applications", type=int, default=100_000, help="申请件数")
        parser.add_argument("--rounds", type=int, default=3, help="计时轮数，取最快一轮")

    def handle(self, *args: Any, **options: Any) -> None:
        n: int = options["applications"]
        if n < 1 or options["rounds"] < 1:
            raise CommandError("申请件数和计时轮数都须为正整数")
        result = bench(n, rounds=options["rounds"])
        self.stdout.write(
            f"{result.applications} 件申请：生成年度报告 {result.seconds:.3f} 秒，"
            f"{result.queries} 次查询（数据已回滚）"
        )
