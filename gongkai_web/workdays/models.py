"""The working-day calendar as data: one row per year (the State Council notice) and one row
per special day (a weekday off, or a weekend make-up working day).

The bundled file ``gongkai/clock/data/workdays.json`` is what a fresh install loads; later years
are added here (admin, ``add_workday_year``) without a code change.
"""

from __future__ import annotations

from django.db import models


class WorkdayYear(models.Model):
    year = models.PositiveSmallIntegerField("年份", unique=True)
    notice = models.CharField("通知文号", max_length=200)
    title = models.CharField("通知标题", max_length=200, blank=True)
    source = models.CharField("数据来源", max_length=300, blank=True)
    note = models.TextField("备注", blank=True)

    class Meta:
        verbose_name = "年度节假日安排"
        verbose_name_plural = "年度节假日安排"
        ordering = ("year",)

    def __str__(self) -> str:
        return f"{self.year}年（{self.notice}）"


class DayKind(models.TextChoices):
    OFF = "off", "放假（周一至周五）"
    MAKEUP = "makeup", "调休上班（周末）"


class WorkdayDate(models.Model):
    year = models.ForeignKey(
        WorkdayYear, verbose_name="年度", on_delete=models.CASCADE, related_name="dates"
    )
    day = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=8, choices=DayKind.choices)

    class Meta:
        verbose_name = "特殊日期"
        verbose_name_plural = "特殊日期"
        ordering = ("day",)

    def __str__(self) -> str:
        return f"{self.day.isoformat()} {self.get_kind_display()}"
