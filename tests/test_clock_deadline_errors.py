"""Event sequences the law does not allow raise ClockError with a Chinese message saying why."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.clock import (
    CalendarError,
    ClockError,
    Event,
    EventKind,
    WorkdayCalendar,
    compute_clock,
)
from gongkai.errors import GongkaiError

CAL = WorkdayCalendar.bundled()
K = EventKind


def ev(kind: EventKind, day: str, workdays: int | None = None) -> Event:
    return Event(kind, date.fromisoformat(day), workdays)


R = ev(K.RECEIVED, "2024-03-04")

# (id, events, index of the offending event, pinned part of the message)
INVALID = [
    ("empty", [], None, "没有任何事件：请先记录收到申请的日期"),
    (
        "first-not-received",
        [ev(K.ANSWERED, "2024-03-01"), R],
        0,
        "第 1 条事件「答复」（2024-03-01）无效：第一条事件必须是「收到申请」",
    ),
    (
        "answer-before-receipt",
        [R, ev(K.ANSWERED, "2024-03-01")],
        1,
        "日期早于前一条事件「收到申请」（2024-03-04）：请按时间顺序记录事件",
    ),
    (
        "second-extension",
        [R, ev(K.EXTENDED, "2024-03-20", 5), ev(K.EXTENDED, "2024-03-25", 5)],
        2,
        r"答复期限只能延长一次（条例第三十三条第二款）",
    ),
    (
        "extension-over-20",
        [R, ev(K.EXTENDED, "2024-03-20", 21)],
        1,
        r"延长的工作日数须在 1 到 20 之间（条例第三十三条第二款）",
    ),
    ("extension-zero", [R, ev(K.EXTENDED, "2024-03-20", 0)], 1, "须在 1 到 20 之间"),
    ("extension-without-days", [R, ev(K.EXTENDED, "2024-03-20")], 1, "请填写延长的工作日数"),
    (
        "workdays-on-other-event",
        [R, ev(K.ANSWERED, "2024-03-20", 3)],
        1,
        "只有「延长答复期限」可以填写工作日数，请删去工作日数",
    ),
    (
        "event-after-answer",
        [R, ev(K.ANSWERED, "2024-03-20"), ev(K.EXTENDED, "2024-03-21", 5)],
        2,
        "申请已于 2024-03-20「已答复」，之后不能再记录事件",
    ),
    (
        "event-after-withdrawal",
        [R, ev(K.WITHDRAWN, "2024-03-20"), ev(K.ANSWERED, "2024-03-21")],
        2,
        "申请已于 2024-03-20「已撤回」，之后不能再记录事件",
    ),
    (
        "second-receipt",
        [R, ev(K.RECEIVED, "2024-03-05")],
        1,
        "一件申请只能收到一次",
    ),
    (
        "second-correction-request",
        [
            R,
            ev(K.CORRECTION_REQUESTED, "2024-03-05"),
            ev(K.CORRECTION_RECEIVED, "2024-03-08"),
            ev(K.CORRECTION_REQUESTED, "2024-03-11"),
        ],
        3,
        "补正通知只能一次性发出（条例第三十条）",
    ),
    (
        "correction-after-extension",
        [R, ev(K.EXTENDED, "2024-03-05", 5), ev(K.CORRECTION_REQUESTED, "2024-03-06")],
        2,
        "补正通知须在延期、征求意见、收费之前发出",
    ),
    (
        "correction-received-without-request",
        [R, ev(K.CORRECTION_RECEIVED, "2024-03-06")],
        1,
        "此前没有待处理的补正通知，请先记录「发出补正通知」",
    ),
    (
        "extension-while-awaiting-correction",
        [R, ev(K.CORRECTION_REQUESTED, "2024-03-05"), ev(K.EXTENDED, "2024-03-06", 5)],
        2,
        "待补正期间答复期限尚未起算，不能延期",
    ),
    (
        "answer-while-awaiting-correction",
        [R, ev(K.CORRECTION_REQUESTED, "2024-03-05"), ev(K.ANSWERED, "2024-03-06")],
        2,
        "申请当前状态为「待补正」，请先记录上一步的结果再答复",
    ),
    (
        "answer-while-consulting",
        [R, ev(K.CONSULTATION_STARTED, "2024-03-05"), ev(K.ANSWERED, "2024-03-06")],
        2,
        "申请当前状态为「征求意见中」",
    ),
    (
        "consultation-ended-without-start",
        [R, ev(K.CONSULTATION_ENDED, "2024-03-06")],
        1,
        "此前没有进行中的「发出征求意见」，请先记录它",
    ),
    (
        "nested-consultation",
        [R, ev(K.CONSULTATION_STARTED, "2024-03-05"), ev(K.CONSULTATION_STARTED, "2024-03-06")],
        2,
        "申请当前状态为「征求意见中」",
    ),
    (
        "fee-paid-without-notice",
        [R, ev(K.FEE_PAID, "2024-03-06")],
        1,
        "此前没有进行中的「送达收费通知」",
    ),
    (
        "second-fee-notice",
        [
            R,
            ev(K.FEE_NOTIFIED, "2024-03-05"),
            ev(K.FEE_PAID, "2024-03-06"),
            ev(K.FEE_NOTIFIED, "2024-03-07"),
        ],
        3,
        "收费通知只能发出一次",
    ),
    # Fee notice Mar 5 2025, payment due Apr 2 2025 (see test_clock_deadline).
    (
        "fee-paid-after-deadline",
        [
            ev(K.RECEIVED, "2025-03-03"),
            ev(K.FEE_NOTIFIED, "2025-03-05"),
            ev(K.FEE_PAID, "2025-04-03"),
        ],
        2,
        "缴费期限已于 2025-04-02 届满（国办函〔2020〕109号），逾期未缴费视为放弃申请",
    ),
    (
        "fee-expired-too-early",
        [
            ev(K.RECEIVED, "2025-03-03"),
            ev(K.FEE_NOTIFIED, "2025-03-05"),
            ev(K.FEE_EXPIRED, "2025-04-02"),
        ],
        2,
        "缴费期限到 2025-04-02 才届满",
    ),
    (
        "fee-expired-without-notice",
        [R, ev(K.FEE_EXPIRED, "2024-05-06")],
        1,
        "此前没有待缴的收费通知",
    ),
]


@pytest.mark.parametrize(
    ("events", "index", "message"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID]
)
def test_invalid_sequences(events: list[Event], index: int | None, message: str) -> None:
    with pytest.raises(ClockError, match=message) as info:
        compute_clock(events, CAL)
    assert info.value.index == index
    assert isinstance(info.value, GongkaiError)


def test_event_in_year_without_calendar() -> None:
    with pytest.raises(CalendarError, match="缺少 2027 年的工作日历") as info:
        compute_clock([ev(K.RECEIVED, "2026-12-10")], CAL)
    assert info.value.year == 2027
    with pytest.raises(CalendarError, match="缺少 2018 年的工作日历"):
        compute_clock([ev(K.RECEIVED, "2018-12-28")], CAL)
