"""Letters to applicants (告知书) and third parties: their context and their composed text.

The texts live in ``data/letters.json`` with their legal sources; this module only fills them.
One kind per outcome row of table 三 (the row keys of the 2021 layout, plus
``unavailable_not_responsible``, counted under 本机关不掌握), and the procedural letters
``correction`` (补正通知书), ``extension`` (延期答复告知书), ``third_party`` (征求第三方意见书) and
``fee`` (收费通知书).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from ._errors import RenderError
from ._texts import chinese_date

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class LetterContext:
    """What a letter says about one application. Dates are given, never taken from the clock.

    ``due`` is the date the letter sets (补正 deadline, extended answer date, third party's reply
    date, last day to pay); ``reasons`` the case's reasons or the items to correct; ``extra``
    further text (how to obtain the information, the competent body, how to pay).
    ``review_body`` and ``court`` name the 行政复议机关 and the 人民法院 as given; without them
    the remedies paragraph names them generically. ``outcome``, if given, is the table 三 row
    the case is counted under and must match the letter kind's row.
    """

    agency: str
    applicant: str
    tracking_number: str
    received: date
    summary: str
    issued: date
    due: date | None = None
    reasons: str = ""
    extra: str = ""
    third_party: str | None = None
    fee_amount: Decimal | int | None = None
    review_body: str | None = None
    court: str | None = None
    outcome: str | None = None


@dataclass(frozen=True)
class LetterSpec:
    kind: str
    title: str
    basis: str
    body: tuple[str, ...]
    requires: tuple[str, ...]
    remedies: bool
    outcome: str | None
    addressee: str
    sources: tuple[str, ...]
    derived: str | None = None


@dataclass(frozen=True)
class Letter:
    """A letter's text, ready to lay out."""

    kind: str
    title: str
    number: str
    addressee: str
    paragraphs: tuple[str, ...]
    basis: str
    remedies: str | None
    signature: str
    date: str


@cache
def _data() -> dict[str, Any]:
    raw = resources.files("gongkai.render.data").joinpath("letters.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@cache
def letter_specs() -> dict[str, LetterSpec]:
    """Every letter kind's spec, from ``data/letters.json``."""
    frame = _data()["frame"]
    return {
        kind: LetterSpec(
            kind=kind,
            title=spec["title"],
            basis=spec["basis"],
            body=tuple(spec["body"]),
            requires=tuple(spec.get("requires", ())),
            remedies=bool(spec["remedies"]),
            outcome=spec.get("outcome"),
            addressee=spec.get("addressee", frame["addressee"]),
            sources=tuple(spec.get("sources", ())),
            derived=spec.get("derived"),
        )
        for kind, spec in _data()["letters"].items()
    }


def letter_kinds() -> tuple[str, ...]:
    return tuple(letter_specs())


def letter_outcome(kind: str) -> str | None:
    """The table 三 row a case answered with this letter is counted under (None: procedural)."""
    return _spec(kind).outcome


def compose(kind: str, ctx: LetterContext) -> Letter:
    """Fill the letter ``kind`` with ``ctx``; raise ``RenderError`` for a missing input."""
    spec = _spec(kind)
    if ctx.outcome is not None and ctx.outcome != spec.outcome:
        raise RenderError(
            f"告知书类型“{kind}”对应的办理结果是“{spec.outcome}”，与申请记录的“{ctx.outcome}”不一致；"
            "请选择与办理结果相符的告知书类型",
            kind=kind,
            field="outcome",
        )
    values = _values(ctx)
    for name in spec.requires:
        if not values.get(name):
            raise RenderError(
                f"生成“{spec.title}”需要填写 {name}（{_FIELD_NAMES.get(name, name)}）",
                kind=kind,
                field=name,
            )
    frame = _data()["frame"]
    optional = set(frame["optional"])
    values["opening"] = frame["opening"].format_map(values)
    values["basis"] = spec.basis
    paragraphs = tuple(
        para.format_map(values)
        for para in spec.body
        if not any(n in optional and not values.get(n) for n in _PLACEHOLDER.findall(para))
    )
    return Letter(
        kind=kind,
        title=spec.title,
        number=frame["number"].format_map(values),
        addressee=spec.addressee.format_map(values),
        paragraphs=paragraphs,
        basis=frame["basis"].format_map(values),
        remedies=_remedies(ctx) if spec.remedies else None,
        signature=ctx.agency,
        date=chinese_date(ctx.issued),
    )


_FIELD_NAMES = {
    "due": "期限日期",
    "reasons": "理由或需要补正的事项",
    "extra": "补充说明",
    "third_party": "第三方名称",
    "fee_amount": "信息处理费金额（元）",
}


def _spec(kind: str) -> LetterSpec:
    try:
        return letter_specs()[kind]
    except KeyError:
        known = "、".join(letter_kinds())
        raise RenderError(f"没有“{kind}”这种告知书；可用的类型：{known}", kind=kind) from None


def _values(ctx: LetterContext) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in fields(ctx):
        value = getattr(ctx, f.name)
        if value is None:
            out[f.name] = ""
        elif isinstance(value, date):
            out[f.name] = chinese_date(value)
        elif isinstance(value, Decimal | int):
            out[f.name] = format(Decimal(value), "f")
        else:
            out[f.name] = str(value).strip()
    return out


def _remedies(ctx: LetterContext) -> str:
    rules = _data()["remedies"]
    text: str = rules["text"].format(
        review_body=ctx.review_body or rules["default_review_body"],
        court=ctx.court or rules["default_court"],
    )
    return text
