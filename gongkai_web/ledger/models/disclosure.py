"""Proactive disclosure (主动公开): what was published, when, and who reviewed it.

第二十六条: information is published within 20 working days of being made or changed;
``publish_due`` caches that day from the working-day calendar (recomputed when it changes).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai_web.agencies.models import Agency


class Item(models.IntegerChoices):
    """The fifteen kinds of information of 条例第二十条."""

    REGULATIONS = 1, "（一）行政法规、规章和行政规范性文件"
    FUNCTIONS = 2, "（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"
    PLANS = 3, "（三）国民经济和社会发展规划、专项规划、区域规划及相关政策"
    STATISTICS = 4, "（四）国民经济和社会发展统计信息"
    LICENSING = 5, "（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"
    PUNISHMENT = (
        6,
        "（六）实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
    )
    FINANCE = 7, "（七）财政预算、决算信息"
    FEES = 8, "（八）行政事业性收费项目及其依据、标准"
    PROCUREMENT = 9, "（九）政府集中采购项目的目录、标准及实施情况"
    PROJECTS = 10, "（十）重大建设项目的批准和实施情况"
    WELFARE = 11, "（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"
    EMERGENCIES = 12, "（十二）突发公共事件的应急预案、预警信息及应对情况"
    INSPECTIONS = 13, "（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"
    RECRUITMENT = 14, "（十四）公务员招考的职位、名额、报考条件等事项以及录用结果"
    OTHER = 15, "（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"


class DisclosureChannel(models.TextChoices):
    PORTAL = "portal", "政府网站"
    NEW_MEDIA = "new_media", "政务新媒体"
    BULLETIN = "bulletin", "公告栏"
    SERVICE_HALL = "service_hall", "政务服务大厅"
    GAZETTE = "gazette", "政府公报"
    OTHER = "other", "其他"


class ProactiveDisclosure(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="disclosures"
    )
    item = models.PositiveSmallIntegerField("公开事项（条例第二十条）", choices=Item.choices)
    title = models.CharField("标题", max_length=300)
    channel = models.CharField("公开渠道", max_length=20, choices=DisclosureChannel.choices)
    formed_on = models.DateField("形成或变更日期")
    published_on = models.DateField("公开日期", null=True, blank=True)
    publish_due = models.DateField(
        "应公开期限",
        null=True,
        blank=True,
        editable=False,
        help_text="形成或者变更之日起20个工作日内（条例第二十六条）。",
    )

    class Meta:
        verbose_name = "主动公开信息"
        verbose_name_plural = "主动公开信息"
        ordering = ("-formed_on", "-id")
        indexes = (models.Index(fields=["agency", "published_on"], name="disc_agency_published"),)

    def __str__(self) -> str:
        return self.title

    @property
    def timely(self) -> bool | None:
        """Published within 20 working days; None while unpublished or without a due date."""
        if self.published_on is None or self.publish_due is None:
            return None
        return self.published_on <= self.publish_due


class ReviewStep(models.TextChoices):
    FIRST = "first", "初审"
    SECOND = "second", "复审"
    FINAL = "final", "终审"
    SECRECY = "secrecy", "保密审查"


class DisclosureReview(models.Model):
    disclosure = models.ForeignKey(
        ProactiveDisclosure,
        verbose_name="主动公开信息",
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    step = models.CharField("审查环节", max_length=10, choices=ReviewStep.choices)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="审查人", on_delete=models.PROTECT, related_name="+"
    )
    reviewed_on = models.DateField("审查日期")
    approved = models.BooleanField("同意公开", default=True)
    note = models.TextField("审查意见", blank=True)

    class Meta:
        verbose_name = "公开审查"
        verbose_name_plural = "公开审查"
        ordering = ("reviewed_on", "id")
        constraints = (
            models.UniqueConstraint(fields=["disclosure", "step"], name="review_step_once"),
        )

    def __str__(self) -> str:
        return f"{self.get_step_display()} {self.reviewed_on.isoformat()}"
