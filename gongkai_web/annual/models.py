"""The parts of the annual report a person writes; the tables come from the ledger."""

from __future__ import annotations

from django.db import models

from gongkai_web.agencies.models import Agency


class AnnualReport(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveSmallIntegerField("报告年度")
    problems = models.TextField(
        "五、存在的主要问题及改进情况", blank=True, help_text="年度报告第五部分正文。"
    )
    other_matters = models.TextField(
        "六、其他需要报告的事项", blank=True, help_text="第六部分中信息处理费、建议提案以外的事项。"
    )
    processing_fees = models.DecimalField(
        "收取信息处理费（元）",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="在第六部分报告（国办函〔2020〕109号），不属于行政事业性收费；"
        "留空则按台账中本年度缴费记录合计。",
    )
    proposals = models.TextField("人大代表建议和政协委员提案办理情况", blank=True)
    published = models.BooleanField("已发布", default=False)
    published_on = models.DateField("发布日期", null=True, blank=True)

    class Meta:
        verbose_name = "年度报告"
        verbose_name_plural = "年度报告"
        ordering = ("-year", "agency__name")
        constraints = (
            models.UniqueConstraint(fields=["agency", "year"], name="annual_report_once"),
        )

    def __str__(self) -> str:
        return f"{self.agency}{self.year}年政府信息公开工作年度报告"
