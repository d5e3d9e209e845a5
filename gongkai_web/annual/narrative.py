"""Section texts of the annual report, written from the year's figures — pure."""

from __future__ import annotations

from decimal import Decimal

from gongkai.record import TableData
from gongkai_web.annual.figures import Figures
from gongkai_web.ledger.models.disclosure import DisclosureChannel, ReviewStep

WITHHELD = "withheld_"
UNAVAILABLE = "unavailable_"
REJECTED = "rejected_"
OTHER = ("other_no_correction", "other_unpaid_fee", "other_other")


def _sum(requests: TableData, prefix: str) -> int:
    return sum(
        int(cells["total"] or 0) for key, cells in requests.items() if key.startswith(prefix)
    )


def _total(requests: TableData, row: str) -> int:
    return int(requests[row]["total"] or 0)


def _percent(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def _yuan(amount: Decimal) -> str:
    text = f"{amount.quantize(Decimal('0.01')):f}"
    return text.removesuffix(".00")


def overview(f: Figures, requests: TableData) -> str:
    """一、总体情况, with the year's real figures."""
    docs = f.documents
    channels = "、".join(
        f"{DisclosureChannel(k).label}{n}条"
        for k, n in sorted(f.disclosed_by_channel.items(), key=lambda kv: -kv[1])
    )
    active = (
        f"（一）主动公开。{f.year}年，{f.agency}主动公开政府信息{f.disclosed}条，"
        f"其中在形成或者变更之日起20个工作日内公开{f.disclosed_timely}条，"
        f"按时公开率{_percent(f.disclosed_timely, f.disclosed)}。"
        f"制发行政规范性文件{docs.get(('normative_documents', 'issued'), 0)}件，"
        f"废止{docs.get(('normative_documents', 'repealed'), 0)}件，"
        f"年末现行有效{docs.get(('normative_documents', 'in_force'), 0)}件。"
        f"作出行政许可决定{f.decisions.get('licensing', 0)}件、"
        f"行政处罚决定{f.decisions.get('punishment', 0)}件、"
        f"行政强制决定{f.decisions.get('coercion', 0)}件。"
    )
    other = sum(_total(requests, k) for k in OTHER)
    passive = (
        f"（二）依申请公开。本年度新收政府信息公开申请{_total(requests, 'new_received')}件，"
        f"上年结转{_total(requests, 'carried_over')}件；办结{_total(requests, 'total')}件，"
        f"其中予以公开{_total(requests, 'granted')}件，"
        f"部分公开{_total(requests, 'partially_granted')}件，"
        f"不予公开{_sum(requests, WITHHELD)}件，无法提供{_sum(requests, UNAVAILABLE)}件，"
        f"不予处理{_sum(requests, REJECTED)}件，其他处理{other}件；"
        # Worded so that the checker's claim patterns do not read these as answered totals.
        f"经批准延长答复期限的{f.extended}件"
        + (f"，答复超过法定期限的{f.late}件" if f.late else "，均在法定期限内答复")
        + f"；结转下年度继续办理{_total(requests, 'carried_forward')}件。"
    )
    reviews = (
        f"（三）政府信息管理。严格执行公开前审查制度，本年度完成"
        f"{ReviewStep.FIRST.label}{f.reviews.get(ReviewStep.FIRST, 0)}件次、"
        f"{ReviewStep.SECOND.label}{f.reviews.get(ReviewStep.SECOND, 0)}件次、"
        f"{ReviewStep.FINAL.label}{f.reviews.get(ReviewStep.FINAL, 0)}件次，"
        f"{ReviewStep.SECRECY.label}{f.reviews.get(ReviewStep.SECRECY, 0)}件次。"
    )
    platforms = "（四）平台建设。" + (
        f"本年度通过{channels}发布政府信息。" if channels else "本年度未通过公开平台发布信息。"
    )
    review = sum(v for (k, _), v in f.appeals.items() if k == "review")
    lawsuits = sum(v for (k, _), v in f.appeals.items() if k != "review")
    supervision = (
        f"（五）监督保障。本年度因政府信息公开工作被申请行政复议{review}件，"
        f"被提起行政诉讼{lawsuits}件。"
    )
    return "\n".join((active, passive, reviews, platforms, supervision))


def problems(f: Figures) -> str:
    text = f.report.problems.strip() if f.report is not None else ""
    return text or "（待填写）"


def other_matters(f: Figures) -> str:
    """六、其他需要报告的事项: 信息处理费 first (not 行政事业性收费), then proposals."""
    fee = (
        f"（一）收取信息处理费情况。本年度依据《政府信息公开信息处理费管理办法》"
        f"收取信息处理费{_yuan(f.processing_fees)}元。"
        if f.processing_fees
        else "（一）收取信息处理费情况。本年度未收取信息处理费。"
    )
    report = f.report
    proposals = report.proposals.strip() if report is not None else ""
    parts = [fee, f"（二）人大代表建议和政协委员提案办理情况。{proposals or '无。'}"]
    extra = report.other_matters.strip() if report is not None else ""
    if extra:
        parts.append(f"（三）其他事项。{extra}")
    return "\n".join(parts)
