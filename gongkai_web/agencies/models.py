"""Reporting bodies (行政机关) and the people who work for them.

The supervision hierarchy is the ``parent`` link: a county government supervises its
departments and townships; a supervisor (政务公开办) sees every body below the one they belong to.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Level(models.TextChoices):
    TOWNSHIP = "township", "乡镇"
    SUBDISTRICT = "subdistrict", "街道"
    COUNTY_DEPARTMENT = "county_department", "县级部门"
    COUNTY_GOVERNMENT = "county_government", "县级政府"
    CITY_DEPARTMENT = "city_department", "设区的市部门"
    CITY_GOVERNMENT = "city_government", "设区的市政府"
    PROVINCE_DEPARTMENT = "province_department", "省级部门"
    PROVINCE_GOVERNMENT = "province_government", "省级政府"
    STATE_COUNCIL_DEPARTMENT = "state_council_department", "国务院部门"


# Who may make 规章 (立法法 第九十一条、第九十三条): State Council departments and the governments
# of provinces and districted cities. A report by anyone else showing 规章 is implausible.
RULE_MAKING_LEVELS = frozenset(
    {Level.CITY_GOVERNMENT, Level.PROVINCE_GOVERNMENT, Level.STATE_COUNCIL_DEPARTMENT}
)


class Kind(models.TextChoices):
    GOVERNMENT = "government", "人民政府"
    DEPARTMENT = "department", "政府工作部门"
    DISPATCHED = "dispatched", "派出机关"
    AUTHORISED = "authorised", "法律法规授权组织"


class Agency(models.Model):
    name = models.CharField("机关名称", max_length=100, unique=True)
    level = models.CharField("层级", max_length=32, choices=Level.choices)
    kind = models.CharField(
        "机关类别", max_length=32, choices=Kind.choices, default=Kind.GOVERNMENT
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="上级机关",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="负责监督指导本机关政务公开工作的上级机关。",
    )

    class Meta:
        verbose_name = "机关"
        verbose_name_plural = "机关"
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name

    @property
    def may_make_rules(self) -> bool:
        """Whether 规章 issued by this body are plausible at all."""
        return self.level in RULE_MAKING_LEVELS


class Role(models.TextChoices):
    CLERK = "clerk", "经办人"
    HEAD = "head", "政务公开工作机构负责人"
    SUPERVISOR = "supervisor", "监督人员"


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField("角色", max_length=16, choices=Role.choices)

    class Meta:
        verbose_name = "人员任职"
        verbose_name_plural = "人员任职"
        constraints = (
            models.UniqueConstraint(fields=["user", "agency", "role"], name="membership_unique"),
        )

    def __str__(self) -> str:
        return f"{self.user} · {self.agency} · {self.get_role_display()}"
