"""The other registers the annual report draws on: documents, monthly tallies, appeals."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from gongkai_web.agencies.models import Agency
from gongkai_web.ledger.choices import (
    APPEAL_KIND_CHOICES,
    APPEAL_PENDING,
    APPEAL_RESULT_CHOICES,
    DOCUMENT_KIND_CHOICES,
)


class RegulatoryDocument(models.Model):
    """规章 or 行政规范性文件 (table 二, 第二十条第（一）项)."""

    agency = models.ForeignKey(
        Agency, verbose_name="制发机关", on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField("类别", max_length=24, choices=DOCUMENT_KIND_CHOICES)
    title = models.CharField("标题", max_length=300)
    number = models.CharField("文号", max_length=100, blank=True)
    issued_on = models.DateField("印发日期")
    repealed_on = models.DateField("废止日期", null=True, blank=True)

    class Meta:
        verbose_name = "规章和规范性文件"
        verbose_name_plural = "规章和规范性文件"
        ordering = ("-issued_on", "-id")

    def __str__(self) -> str:
        return f"{self.title}（{self.number}）" if self.number else self.title

    def clean(self) -> None:
        if self.repealed_on and self.issued_on and self.repealed_on < self.issued_on:
            raise ValidationError({"repealed_on": "废止日期不能早于印发日期"})

    def in_force_on(self, day: date) -> bool:
        return self.issued_on <= day and (self.repealed_on is None or self.repealed_on > day)


class MonthlyTally(models.Model):
    """Monthly counts for table 二: decisions (第二十条第（五）（六）项) and 行政事业性收费
    (第（八）项, 万元). Not 信息处理费, which goes to section 六 of the annual report."""

    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="tallies"
    )
    year = models.PositiveSmallIntegerField("年份")
    month = models.PositiveSmallIntegerField(
        "月份", validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    licensing = models.PositiveIntegerField("行政许可决定数", default=0)
    punishment = models.PositiveIntegerField("行政处罚决定数", default=0)
    coercion = models.PositiveIntegerField("行政强制决定数", default=0)
    fees_amount = models.DecimalField(
        "行政事业性收费金额（万元）",
        max_digits=14,
        decimal_places=4,
        default=0,
        help_text="行政事业性收费（条例第二十条第（八）项），单位万元；不含信息处理费。",
    )

    class Meta:
        verbose_name = "月度统计"
        verbose_name_plural = "月度统计"
        ordering = ("-year", "-month")
        constraints = (
            models.UniqueConstraint(fields=["agency", "year", "month"], name="tally_month_once"),
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12), name="tally_month_range"
            ),
        )

    def __str__(self) -> str:
        return f"{self.agency} {self.year}年{self.month}月"


class Appeal(models.Model):
    """行政复议 or 行政诉讼 about disclosure work (table 四), counted in the year filed."""

    agency = models.ForeignKey(
        Agency, verbose_name="被申请（被诉）机关", on_delete=models.PROTECT, related_name="appeals"
    )
    application = models.ForeignKey(
        "ledger.Application",
        verbose_name="相关申请",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appeals",
    )
    kind = models.CharField("类别", max_length=32, choices=APPEAL_KIND_CHOICES)
    filed_on = models.DateField("申请或起诉日期")
    result = models.CharField(
        "结果", max_length=16, choices=APPEAL_RESULT_CHOICES, default=APPEAL_PENDING
    )
    decided_on = models.DateField("审结日期", null=True, blank=True)
    note = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "行政复议和行政诉讼"
        verbose_name_plural = "行政复议和行政诉讼"
        ordering = ("-filed_on", "-id")
        constraints = (
            models.CheckConstraint(
                condition=(
                    models.Q(result=APPEAL_PENDING, decided_on__isnull=True)
                    | (~models.Q(result=APPEAL_PENDING) & models.Q(decided_on__isnull=False))
                ),
                name="appeal_decided_iff_result",
            ),
        )

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filed_on.isoformat()}"

    def clean(self) -> None:
        if (self.result == APPEAL_PENDING) != (self.decided_on is None):
            raise ValidationError("已审结的须填写结果和审结日期；尚未审结的不填审结日期")
        if self.decided_on and self.filed_on and self.decided_on < self.filed_on:
            raise ValidationError({"decided_on": "审结日期不能早于申请或起诉日期"})

    def result_on(self, day: date) -> str:
        """The result as it stood on ``day`` (pending if not yet decided then)."""
        if self.decided_on is None or self.decided_on > day:
            return APPEAL_PENDING
        return self.result
