"""What the desk keeps beside the ledger: the letters (告知书) issued with each step.

A letter's inputs that the event log does not hold (the items to correct and their time limit,
the third party, the reasons of a refusal) are stored here, so that the letter can be printed
again, identical, at any time.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai_web.ledger.models import ApplicationEvent


class IssuedLetter(models.Model):
    event = models.OneToOneField(
        ApplicationEvent, verbose_name="办理记录", on_delete=models.PROTECT, related_name="letter"
    )
    kind = models.CharField("告知书类型", max_length=40)
    reasons = models.TextField("理由或需要补正的事项", blank=True)
    due = models.DateField("期限", null=True, blank=True)
    extra = models.TextField("补充说明", blank=True)
    third_party = models.CharField("第三方", max_length=200, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="经办人",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("生成时间", auto_now_add=True)

    class Meta:
        verbose_name = "告知书"
        verbose_name_plural = "告知书"

    def __str__(self) -> str:
        return f"{self.event} {self.kind}"
