"""Who changed what, when (append-only), and the failed attempts the throttles count."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models

from gongkai_web.agencies.models import Agency


class AuditError(Exception):
    """An attempt to change or delete a recorded audit entry."""


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AuditError("操作日志只能追加，不能修改")

    def delete(self) -> NoReturn:
        raise AuditError("操作日志只能追加，不能删除")


class AuditEntry(models.Model):
    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField("操作人名称", max_length=150)
    action = models.CharField("操作", max_length=40, db_index=True)
    summary = models.CharField("内容", max_length=500)
    object_type = models.CharField("对象类型", max_length=60, blank=True)
    object_id = models.CharField("对象编号", max_length=40, blank=True)
    agency = models.ForeignKey(
        Agency,
        verbose_name="机关",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    ip = models.GenericIPAddressField("IP 地址", null=True, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = "操作日志"
        verbose_name_plural = "操作日志"
        ordering = ("-at", "-id")
        indexes = (models.Index(fields=["object_type", "object_id"], name="audit_object"),)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.summary}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AuditError("操作日志只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditError("操作日志只能追加，不能删除")


class FailedAttempt(models.Model):
    """One failed login or status lookup; ``key`` is a hash (user name, IP, number)."""

    scope = models.CharField("类别", max_length=20)
    key = models.CharField("键", max_length=64)
    at = models.DateTimeField("时间")

    class Meta:
        verbose_name = "失败尝试"
        verbose_name_plural = "失败尝试"
        indexes = (models.Index(fields=["scope", "key", "at"], name="attempt_lookup"),)

    def __str__(self) -> str:
        return f"{self.scope} {self.at:%Y-%m-%d %H:%M}"
