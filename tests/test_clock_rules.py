"""The law data of the clock: every period names its legal basis; the public API is as stated."""

from __future__ import annotations

from dataclasses import fields

import pytest

import gongkai.clock
from gongkai.clock import DEFAULT_RULES, ClockRules
from gongkai.clock.rules import load_rules_data
from gongkai.errors import GongkaiError


def test_rules_values_and_basis() -> None:
    expected = ClockRules(
        answer_workdays=20,
        extension_max_workdays=20,
        max_extensions=1,
        correction_notice_workdays=7,
        third_party_answer_workdays=15,
        consultation_stops_clock=True,
        fee_payment_workdays=20,
        fee_stops_clock=True,
        count_event_day=False,
    )
    assert expected == DEFAULT_RULES
    rules = load_rules_data()["rules"]
    assert set(rules) == {f.name for f in fields(ClockRules)}
    assert rules["answer_workdays"]["basis"] == "条例第三十三条第二款"
    assert rules["correction_notice_workdays"]["basis"] == "条例第三十条"
    assert rules["third_party_answer_workdays"]["basis"] == "条例第三十二条"
    assert rules["consultation_stops_clock"]["basis"] == "条例第三十三条第三款"
    assert rules["fee_payment_workdays"]["basis"] == "国办函〔2020〕109号"
    assert rules["fee_stops_clock"]["kind"] == "setting"
    for name, entry in rules.items():
        assert entry["kind"] in ("law", "setting"), name
        assert entry["basis"] and entry["summary"], name


def test_rules_from_dict_rejects_missing_and_mistyped_values() -> None:
    data = load_rules_data()
    broken = {"rules": {k: v for k, v in data["rules"].items() if k != "fee_stops_clock"}}
    with pytest.raises(GongkaiError, match="缺少 fee_stops_clock 的取值"):
        ClockRules.from_dict(broken)
    mistyped = {"rules": {**data["rules"], "answer_workdays": {"value": "20"}}}
    with pytest.raises(GongkaiError, match="answer_workdays 的取值 '20' 类型有误：应为整数"):
        ClockRules.from_dict(mistyped)
    flag = {"rules": {**data["rules"], "fee_stops_clock": {"value": 1}}}
    with pytest.raises(GongkaiError, match="类型有误：应为true/false"):
        ClockRules.from_dict(flag)


def test_public_api() -> None:
    assert set(gongkai.clock.__all__) == {
        "DEFAULT_RULES",
        "CalendarError",
        "ClockError",
        "ClockRules",
        "ClockState",
        "ClockStatus",
        "DayKind",
        "Event",
        "EventKind",
        "WorkdayCalendar",
        "YearCalendar",
        "add_workdays",
        "compute_clock",
        "day_kind",
        "fee_by_count",
        "fee_by_pages",
        "is_workday",
        "monthly_count_fees",
        "workdays_between",
    }
    for name in gongkai.clock.__all__:
        assert hasattr(gongkai.clock, name), name
