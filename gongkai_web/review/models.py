"""Reports a supervisor (政务公开办) reviews: uploaded files or the ledger's generated reports,
each read with ``gongkai.read`` and checked with ``gongkai.checks``.

``owner`` is the supervising body whose staff added the report; visibility goes through the
scoping helper on that field. One row per (owner, agency name, year): a new upload replaces
the old one.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from gongkai.checks import Finding
from gongkai.record import Report
from gongkai_web.agencies.models import Agency


class Origin(models.TextChoices):
    UPLOAD = "upload", "上传"
    GENERATED = "generated", "台账生成"


class ReviewedReport(models.Model):
    owner = models.ForeignKey(
        Agency, verbose_name="审查机关", on_delete=models.PROTECT, related_name="reviewed_reports"
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name="对应机关",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    agency_name = models.CharField("报告机关", max_length=200)
    year = models.PositiveSmallIntegerField("报告年度", null=True, blank=True)
    origin = models.CharField("来源", max_length=12, choices=Origin.choices)
    filename = models.CharField("文件名", max_length=255, blank=True)
    record = models.JSONField("报告记录")
    findings = models.JSONField("核查结果", default=list)
    errors = models.PositiveIntegerField("错误", default=0)
    warnings = models.PositiveIntegerField("警告", default=0)
    infos = models.PositiveIntegerField("提示", default=0)
    source_text = models.TextField("原文", blank=True)
    source_lines = models.JSONField("原文（逐行位置）", default=list)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    added_at = models.DateTimeField("时间", auto_now=True)

    class Meta:
        verbose_name = "审查的年度报告"
        verbose_name_plural = "审查的年度报告"
        ordering = ("agency_name", "-year")
        constraints = (
            models.UniqueConstraint(
                fields=["owner", "agency_name", "year"], name="reviewed_report_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.agency_name}{self.year or ''}年度报告"

    def report(self) -> Report:
        data: dict[str, Any] = self.record
        return Report.from_dict(data)

    def finding_list(self) -> list[Finding]:
        return [Finding.from_dict(f) for f in self.findings]
