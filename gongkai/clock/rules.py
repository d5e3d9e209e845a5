"""The periods of the application clock, loaded from ``data/rules.json`` with their legal basis.

The numbers are law (条例第三十条, 第三十二条, 第三十三条; 国办函〔2020〕109号) or settings where
the texts are silent (``fee_stops_clock``, ``count_event_day``). They live in the JSON file so
that a change of reading is a data change; ``ClockRules`` is the typed view the code uses.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from importlib import resources
from typing import Any

from gongkai.errors import GongkaiError


@dataclass(frozen=True)
class ClockRules:
    """The periods (in working days) and settings of the application clock."""

    answer_workdays: int  # 条例第三十三条第二款: 20
    extension_max_workdays: int  # 条例第三十三条第二款: at most 20
    max_extensions: int  # 条例第三十三条第二款, read as one extension
    correction_notice_workdays: int  # 条例第三十条: 补正 notice within 7 of receipt
    third_party_answer_workdays: int  # 条例第三十二条: third party answers within 15
    consultation_stops_clock: bool  # 条例第三十三条第三款
    fee_payment_workdays: int  # 国办函〔2020〕109号: 20, from the day after the notice
    fee_stops_clock: bool  # setting: the texts are silent; default stopped
    count_event_day: bool  # setting: False = period ends on the N-th working day after the event

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ClockRules:
        """Build from the ``rules.json`` structure: ``{"rules": {name: {"value": ...}}}``."""
        rules = data.get("rules")
        if not isinstance(rules, Mapping):
            raise GongkaiError("期限规则数据格式有误：缺少 rules 对象，请参照 rules.json 的格式")
        values: dict[str, Any] = {}
        for f in fields(cls):
            entry = rules.get(f.name)
            if not isinstance(entry, Mapping) or "value" not in entry:
                raise GongkaiError(f"期限规则数据缺少 {f.name} 的取值：请在 rules.json 中补上")
            value = entry["value"]
            wanted = bool if f.type in ("bool", bool) else int
            if type(value) is not wanted:
                raise GongkaiError(
                    f"期限规则 {f.name} 的取值 {value!r} 类型有误：应为"
                    f"{'true/false' if wanted is bool else '整数'}"
                )
            values[f.name] = value
        return cls(**values)

    @classmethod
    def bundled(cls) -> ClockRules:
        """The rules shipped with gongkai (``gongkai/clock/data/rules.json``)."""
        return cls.from_dict(load_rules_data())


def load_rules_data() -> dict[str, Any]:
    """The raw ``rules.json``, legal basis included."""
    text = resources.files("gongkai.clock.data").joinpath("rules.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


DEFAULT_RULES = ClockRules.bundled()
