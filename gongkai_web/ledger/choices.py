"""Choices that come from the official layout or mirror the clock library.

Applicant types and outcomes are the columns and outcome rows of table 三 of the 2021 layout
(``layout("2021")``): nobody re-spells them here. Statuses and event kinds mirror
``gongkai.clock`` (values and labels); a test pins that they agree.
"""

from __future__ import annotations

from django.db import models

from gongkai.layout import layout

_REQUESTS = layout("2021").table("requests")
_APPEALS = layout("2021").table("appeals")

APPLICANT_CHOICES: list[tuple[str, str]] = [
    (c.key, c.label) for c in _REQUESTS.rows[0].columns if c.key != "total"
]
APPLICANT_KEYS: tuple[str, ...] = tuple(k for k, _ in APPLICANT_CHOICES)

OUTCOME_KEYS: tuple[str, ...] = next(
    i.parts for i in _REQUESTS.identities if i.kind == "column_sum"
)


def _outcome_label(key: str) -> str:
    row = _REQUESTS.row(key)
    if row.group and row.group.startswith("（"):
        return f"{row.group}{row.label}"
    return row.label


OUTCOME_CHOICES: list[tuple[str, str]] = [(k, _outcome_label(k)) for k in OUTCOME_KEYS]

# Outcomes the services set themselves (条例第三十条; 国办函〔2020〕109号; withdrawal counted
# under （六）3.其他 by common practice, a setting).
OUTCOME_NO_CORRECTION = "other_no_correction"
OUTCOME_UNPAID_FEE = "other_unpaid_fee"
OUTCOME_WITHDRAWN = "other_other"

APPEAL_KIND_CHOICES: list[tuple[str, str]] = [(r.key, r.label) for r in _APPEALS.rows]
APPEAL_RESULT_CHOICES: list[tuple[str, str]] = [
    (c.key, c.label) for c in _APPEALS.rows[0].columns if c.key != "total"
]
APPEAL_PENDING = "pending"

DOCUMENT_KIND_CHOICES: list[tuple[str, str]] = [
    (r.key, r.label) for r in layout("2021").table("active").rows if "in_force" in r.column_keys
]


class Status(models.TextChoices):
    """Mirrors ``gongkai.clock`` ``ClockStatus`` and its labels."""

    OPEN = "open", "办理中"
    AWAITING_CORRECTION = "awaiting_correction", "待补正"
    CONSULTING = "consulting", "征求意见中"
    AWAITING_FEE = "awaiting_fee", "待缴费"
    ANSWERED = "answered", "已答复"
    ABANDONED = "abandoned", "视为放弃"
    WITHDRAWN = "withdrawn", "已撤回"


OPEN_STATUSES = (
    Status.OPEN,
    Status.AWAITING_CORRECTION,
    Status.CONSULTING,
    Status.AWAITING_FEE,
)


class EventKindChoice(models.TextChoices):
    """Mirrors ``gongkai.clock.EventKind`` and its labels."""

    RECEIVED = "received", "收到申请"
    CORRECTION_REQUESTED = "correction_requested", "发出补正通知"
    CORRECTION_RECEIVED = "correction_received", "收到补正"
    CORRECTION_EXPIRED = "correction_expired", "逾期未补正"
    EXTENDED = "extended", "延长答复期限"
    CONSULTATION_STARTED = "consultation_started", "发出征求意见"
    CONSULTATION_ENDED = "consultation_ended", "征求意见结束"
    FEE_NOTIFIED = "fee_notified", "送达收费通知"
    FEE_PAID = "fee_paid", "缴纳费用"
    FEE_EXPIRED = "fee_expired", "逾期未缴费"
    ANSWERED = "answered", "答复"
    WITHDRAWN = "withdrawn", "撤回申请"


class Channel(models.TextChoices):
    """How the application arrived; decides the day of receipt (条例第三十一条)."""

    IN_PERSON = "in_person", "当面提交"
    REGISTERED_MAIL = "registered_mail", "挂号信"
    ORDINARY_MAIL = "ordinary_mail", "平信"
    ONLINE = "online", "网络"
    FAX = "fax", "传真"


CHANNEL_HELP = (
    "收到申请之日（条例第三十一条）：当面提交的，以提交之日为准；以挂号信等需要签收的邮寄方式"
    "提交的，以本机关签收之日为准；以平信等无需签收的邮寄方式提交的，以政府信息公开工作机构"
    "与申请人确认之日为准；通过互联网渠道或者传真提交的，以双方确认之日为准。"
)


class RequestedForm(models.TextChoices):
    PAPER = "paper", "纸质文本"
    ELECTRONIC = "electronic", "电子文件"
    OTHER = "other", "其他形式"


class RequestedWay(models.TextChoices):
    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    PICKUP = "pickup", "当面领取"
    ONLINE = "online", "网上获取"
    FAX = "fax", "传真"


class FeeBasis(models.TextChoices):
    BY_COUNT = "by_count", "按件计收"
    BY_PAGES = "by_pages", "按量计收"
