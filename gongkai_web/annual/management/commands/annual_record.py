"""``manage.py annual_record --agency NAME --year YYYY [--check]``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.checks import check
from gongkai_web.agencies.models import Agency
from gongkai_web.annual.record import generate_record


class Command(BaseCommand):
    help = (
        "从台账生成某机关某年度的年度报告记录（JSON，2021年格式）；--check 时改为列出检查结果。"
        "例：python manage.py annual_record --agency 示范镇人民政府 --year 2025"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", required=True, help="机关名称")
        parser.add_argument("--year", type=int, required=True, help="报告年度")
        parser.add_argument("--check", action="store_true", help="用报告检查规则检查生成的记录")

    def handle(self, *args: Any, **options: Any) -> None:
        name: str = options["agency"]
        agency = Agency.objects.filter(name=name).first()
        if agency is None:
            raise CommandError(f"没有名为「{name}」的机关：请核对名称，或先在管理后台添加该机关")
        year: int = options["year"]
        record = generate_record(agency, year)
        if not options["check"]:
            self.stdout.write(record.to_json(detail=True))
            return
        findings = check(record, previous=generate_record(agency, year - 1))
        self.stdout.write(f"{agency.name}{year}年度报告：{len(findings)} 条检查结果")
        for finding in findings:
            self.stdout.write(f"  [{finding.rule}] {finding.message}")
