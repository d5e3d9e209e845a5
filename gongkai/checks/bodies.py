"""What kind of body a report comes from, read from its name with ``data/divisions.json``.

Two rules need it: who may make 规章 (立法法 第九十一条、第九十三条: State Council departments and
the people's governments of provinces, districted cities — with 东莞、中山、嘉峪关、三沙 — and
autonomous prefectures) and which publication deadline applies (条例 第四十九条). A name alone
cannot always tell a county-level city from a districted one; when it cannot, ``level`` is
``"city_unknown"`` and the rules report ``uncertain``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

Kind = Literal[
    "state_council_department",  # 国务院组成部门、直属机构…
    "national_agency",  # another national body (国家XX局): may or may not make 规章
    "government",  # a people's government at county level or above, by its name
    "government_office",  # 人民政府办公厅/办公室, often reporting for its government
    "department",  # a department of a local government
    "township",  # 乡、镇、街道、苏木 (and their offices)
    "agency",  # 管委会, 行政公署: dispatched bodies
    "unknown",
]
Level = Literal[
    "national", "province", "districted_city", "prefecture", "county", "city_unknown", "zone"
]

_UNITS = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "特区",
    "省",
    "市",
    "盟",
    "县",
    "旗",
    "区",
)
_TOKEN = re.compile(r".*?(?:" + "|".join(_UNITS) + ")")
_BRACKETS = re.compile(r"[(（][^()（）]*[)）]")


@dataclass(frozen=True)
class Body:
    name: str | None
    kind: Kind
    level: Level | None = None
    evidence: str | None = None  # how the kind was known when not from the name (正文自称“我镇”)

    @property
    def subject(self) -> str:
        """The body in a message: its name, or how we know what it is."""
        if self.name:
            return f"“{self.name}”"
        if self.evidence:
            return f"本机关（{self.evidence}）"
        return "本机关"

    @property
    def can_make_rules(self) -> bool | None:
        """Whether the body may make 规章; None when its name does not tell."""
        if self.kind == "state_council_department":
            return True
        if self.kind in ("government", "government_office"):
            if self.level in ("province", "districted_city", "prefecture"):
                return True
            if self.level == "city_unknown" or self.level is None:
                return None
            return False
        if self.kind in ("department", "township", "agency"):
            return False
        return None

    @property
    def description(self) -> str:
        """The body's kind in Chinese, for messages."""
        if self.kind == "township":
            return "乡镇、街道或苏木"
        if self.kind == "department":
            return "政府工作部门"
        if self.kind == "agency":
            return "派出机关或管理机构（管委会、行政公署等）"
        if self.kind in ("government", "government_office"):
            names = {
                "province": "省级人民政府",
                "districted_city": "设区的市人民政府",
                "prefecture": "自治州人民政府",
                "county": "县级人民政府",
                "city_unknown": "市人民政府（无法判断是否为设区的市）",
                "zone": "开发区、新区等功能区",
            }
            base = names.get(self.level or "", "人民政府")
            return base + ("办公厅（室）" if self.kind == "government_office" else "")
        if self.kind == "state_council_department":
            return "国务院部门"
        if self.kind == "national_agency":
            return "国家部委管理的机构"
        return "层级不明的机关"


@cache
def _data() -> dict[str, Any]:
    text = resources.files("gongkai.checks.data").joinpath("divisions.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def _cities() -> frozenset[str]:
    data = _data()
    names = {c for cities in data["districted_cities"].values() for c in cities}
    return frozenset(names | set(data["treated_as_districted"]))


def _strip_suffix(name: str, suffixes: list[str]) -> str | None:
    for suffix in sorted(suffixes, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return None


def _is_township(name: str) -> bool:
    data = _data()
    core = name
    for _ in range(2):  # 白沙镇人民政府党政办: two tails
        core = _strip_suffix(core, data["township_tails"]) or core
    if name.endswith("街道办事处"):
        return True
    if core.endswith("城乡"):  # 城乡建设…: a department, not a township
        return False
    return any(core.endswith(u) and len(core) > len(u) for u in data["township_units"])


def _level(core: str) -> Level | None:
    """The level of the division a government's name (without 人民政府) ends with."""
    data = _data()
    if core in data["provinces"]:
        return "province"
    tokens = _TOKEN.findall(core)
    if not tokens or "".join(tokens) != core:
        return None
    last = tokens[-1]
    if any(last.endswith(z) for z in data["zone_units"]):
        return "zone"
    if last.endswith(("自治区", "省", "特别行政区")):
        return "province"
    if last.endswith("自治州"):
        return "prefecture"
    if last.endswith(("县", "旗", "林区", "特区", "区")):
        return "county"
    if last.endswith("市"):
        if len(tokens) == 1 and last in data["provinces"]:
            return "province"
        if last in _cities():
            return "districted_city"
        if any(t.endswith(("市", "自治州", "地区", "盟")) for t in tokens[:-1]):
            return "county"  # a city under a city or prefecture: county-level
        return "city_unknown"
    return None  # 地区, 盟: no people's government of that level


def classify(name: str | None) -> Body:
    """The kind and level of the body named ``name`` (as printed in the report)."""
    if not name:
        return Body(name, "unknown")
    data = _data()
    clean = _BRACKETS.sub("", re.sub(r"\s+", "", name))
    clean = clean.removeprefix("中华人民共和国")
    if not clean:
        return Body(name, "unknown")
    if _is_township(clean):
        return Body(name, "township")
    if clean in data["state_council_departments"] or clean.startswith("国务院"):
        return Body(name, "state_council_department", "national")
    office = _strip_suffix(clean, data["government_office_suffixes"])
    if office is not None:
        return Body(name, "government_office", _level(office))
    government = _strip_suffix(clean, data["government_suffixes"])
    if government is not None:
        level = _level(government)
        return Body(name, "government", level) if level else Body(name, "unknown")
    if _strip_suffix(clean, data["agency_suffixes"]) is not None:
        return Body(name, "agency")
    if clean.startswith(tuple(data["national_prefixes"])) and clean.endswith(
        ("局", "署", "委员会")
    ):
        return Body(name, "national_agency", "national")
    if _strip_suffix(clean, data["department_suffixes"]) is not None:
        return Body(name, "department")
    level = _level(clean)
    if level is not None:
        return Body(name, "government", level)
    return Body(name, "unknown")


_SELF_TOWNSHIP = re.compile(r"(?:我|本)(镇|乡|街道|街办|苏木)")
_SELF_OTHER = re.compile(r"(?:我|本)(县|市|区|旗|州|盟|省|局|委|厅|署|办(?!事处))")


def infer(texts: list[str]) -> Body | None:
    """A township known from how the text speaks of itself (我镇、本乡、我街道…), when the
    name is not printed; None when the text does not tell, or mixes (我镇 … 我县)."""
    joined = "\n".join(texts)
    township = _SELF_TOWNSHIP.findall(joined)
    if township and not _SELF_OTHER.search(joined):
        return Body(None, "township", evidence=f"正文自称“我{township[0]}”")
    return None
