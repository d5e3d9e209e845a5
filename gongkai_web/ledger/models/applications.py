"""Applications (依申请公开) and their append-only event log.

The events are the truth; ``status``, ``due_date``, ``extended`` and ``answered_on`` are cached
from them by the services (``gongkai_web.ledger.services``) through ``gongkai.clock``. Never
write those fields directly.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any, NoReturn

from django.conf import settings
from django.db import models

from gongkai_web.agencies.models import Agency
from gongkai_web.ledger.choices import (
    APPLICANT_CHOICES,
    CHANNEL_HELP,
    OPEN_STATUSES,
    OUTCOME_CHOICES,
    Channel,
    EventKindChoice,
    FeeBasis,
    RequestedForm,
    RequestedWay,
    Status,
)
from gongkai_web.ledger.errors import AppendOnlyError

# Crockford's base32 without I, L, O, U: easy to read out on the phone.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _random_code(length: int) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def new_tracking_number() -> str:
    """``GK-XXXX-XXXX-XXXX``: 60 random bits, so numbers cannot be guessed or enumerated."""
    raw = _random_code(12)
    return f"GK-{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def new_verification_code() -> str:
    """The second secret the applicant types on the public status page (40 bits)."""
    return _random_code(8)


class ApplicationQuerySet(models.QuerySet["Application"]):
    def open(self) -> ApplicationQuerySet:
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today: date) -> ApplicationQuerySet:
        return self.open().filter(due_date__lt=today)


class Application(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="applications"
    )
    tracking_number = models.CharField(
        "申请编号", max_length=20, unique=True, default=new_tracking_number, editable=False
    )
    verification_code = models.CharField(
        "查询验证码",
        max_length=8,
        default=new_verification_code,
        editable=False,
        help_text="申请人在公开查询页面输入申请编号和验证码查看办理进度。",
    )
    channel = models.CharField("提交方式", max_length=20, choices=Channel.choices)
    received_on = models.DateField("收到申请日期", help_text=CHANNEL_HELP)
    applicant_type = models.CharField("申请人类型", max_length=20, choices=APPLICANT_CHOICES)
    applicant_name = models.CharField("申请人姓名或名称", max_length=200)
    id_proof = models.CharField("身份证明", max_length=200, blank=True)
    contact = models.CharField("联系方式", max_length=300, blank=True)
    content = models.TextField(
        "所需政府信息", help_text="所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述。"
    )
    requested_form = models.CharField(
        "获取信息的形式", max_length=20, choices=RequestedForm.choices, default=RequestedForm.PAPER
    )
    requested_way = models.CharField(
        "获取信息的途径", max_length=20, choices=RequestedWay.choices, default=RequestedWay.POST
    )
    status = models.CharField(
        "办理状态", max_length=24, choices=Status.choices, default=Status.OPEN, editable=False
    )
    due_date = models.DateField("答复期限", null=True, blank=True, editable=False)
    due_provisional = models.BooleanField(
        "期限待定",
        default=False,
        editable=False,
        help_text="工作日历缺少相关年份时不推算答复期限；导入该年节假日安排后自动计算。",
    )
    extended = models.BooleanField("已延期", default=False, editable=False)
    outcome = models.CharField(
        "办理结果", max_length=40, choices=OUTCOME_CHOICES, blank=True, editable=False
    )
    answered_on = models.DateField(
        "办结日期",
        null=True,
        blank=True,
        editable=False,
        help_text="答复、撤回或视为放弃之日。",
    )
    fee_basis = models.CharField(
        "收费方式", max_length=10, choices=FeeBasis.choices, blank=True, editable=False
    )
    fee_amount = models.DecimalField(
        "信息处理费（元）", max_digits=10, decimal_places=2, null=True, blank=True, editable=False
    )
    version = models.PositiveIntegerField("版本", default=1, editable=False)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ("-received_on", "-id")
        indexes = (
            models.Index(fields=["agency", "received_on"], name="app_agency_received"),
            models.Index(fields=["agency", "answered_on"], name="app_agency_answered"),
            models.Index(fields=["agency", "status", "due_date"], name="app_agency_status_due"),
        )

    def __str__(self) -> str:
        return f"{self.tracking_number} {self.applicant_name}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: date) -> bool:
        return self.is_open and self.due_date is not None and today > self.due_date

    def check_code(self, code: str) -> bool:
        """Constant-time comparison of the public page's verification code."""
        return secrets.compare_digest(self.verification_code, code.strip().upper())


class EventQuerySet(models.QuerySet["ApplicationEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("办理记录只能追加，不能修改")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("办理记录只能追加，不能删除")


class ApplicationEvent(models.Model):
    """One step of an application (append-only)."""

    application = models.ForeignKey(
        Application, verbose_name="申请", on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField("事项", max_length=24, choices=EventKindChoice.choices)
    day = models.DateField("日期")
    workdays = models.PositiveSmallIntegerField(
        "工作日数", null=True, blank=True, help_text="仅延长答复期限时填写延长的工作日数。"
    )
    amount = models.DecimalField(
        "金额（元）", max_digits=10, decimal_places=2, null=True, blank=True
    )
    outcome = models.CharField("办理结果", max_length=40, choices=OUTCOME_CHOICES, blank=True)
    note = models.TextField("说明", blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="经办人",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("记录时间", auto_now_add=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ("day", "id")

    def __str__(self) -> str:
        return f"{self.day.isoformat()} {self.get_kind_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("办理记录只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("办理记录只能追加，不能删除")
