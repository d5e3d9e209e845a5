"""Letters (告知书): every kind renders in DOCX and PDF with the applicant, the number, the legal
basis and, where they apply, the remedies; the texts come from data/letters.json."""

from __future__ import annotations

import io
import json
import re
from dataclasses import fields, replace
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import docx
import pdfplumber
import pytest

from gongkai.layout import layout
from gongkai.render import (
    LetterContext,
    RenderError,
    letter_kinds,
    letter_outcome,
    render_letter,
    render_letter_html,
    render_letter_pdf,
)
from gongkai.render.letters import compose, letter_specs

CTX = LetterContext(
    agency="某县人民政府办公室",
    applicant="张三",
    tracking_number="YSQ-2025-0042",
    received=date(2025, 1, 6),
    summary="某路段改造工程的立项批复",
    issued=date(2025, 1, 20),
    due=date(2025, 2, 10),
    reasons="申请内容未写明文件名称或者文号",
    extra="登录本机关门户网站政府信息公开专栏查阅",
    third_party="某建设有限公司",
    fee_amount=Decimal("200"),
    review_body="某县人民政府",
    court="某县人民法院",
)
PROCEDURAL = {"correction", "extension", "third_party", "fee"}


def data() -> dict[str, Any]:
    raw = resources.files("gongkai.render.data").joinpath("letters.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(raw)
    return loaded


def outcome_rows() -> list[str]:
    requests = layout("2021").table("requests")
    (column_sum,) = [i for i in requests.identities if i.kind == "column_sum"]
    return list(column_sum.parts)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


@cache
def pdf_text(kind: str) -> str:
    with pdfplumber.open(io.BytesIO(render_letter_pdf(kind, CTX))) as pdf:
        return "\n".join(p.extract_text() for p in pdf.pages)


def test_one_letter_per_outcome_row_and_the_procedural_letters() -> None:
    outcomes = {letter_outcome(k) for k in letter_kinds()}
    assert set(outcome_rows()) <= outcomes
    assert outcomes - {None} <= set(outcome_rows())
    assert set(letter_kinds()) >= PROCEDURAL
    assert all(letter_outcome(k) is None for k in PROCEDURAL)


def test_placeholders_are_context_fields() -> None:
    known = {f.name for f in fields(LetterContext)} | {"opening", "basis"}
    raw = json.dumps(data(), ensure_ascii=False)
    used = set(re.findall(r"\{(\w+)\}", raw))
    assert used <= known, used - known


def test_every_letter_names_its_legal_sources() -> None:
    for spec in letter_specs().values():
        assert spec.sources, spec.kind
        assert spec.basis and spec.title.endswith("书"), spec.kind


@pytest.mark.parametrize(
    ("kind", "article"),
    [
        ("granted", "第三十六条"),
        ("partially_granted", "第三十七条"),
        ("withheld_state_secret", "第十四条"),
        ("withheld_law_prohibited", "第十四条"),
        ("withheld_security_stability", "第十四条"),
        ("withheld_third_party", "第十五条"),
        ("withheld_internal_affairs", "第十六条"),
        ("withheld_process_info", "第十六条"),
        ("withheld_enforcement_files", "第十六条"),
        ("unavailable_not_held", "第三十六条第（四）项"),
        ("unavailable_not_responsible", "第三十六条第（五）项"),
        ("unavailable_needs_creation", "第三十八条"),
        ("rejected_petition", "第三十九条"),
        ("rejected_duplicate", "第三十六条第（六）项"),
        ("rejected_publication", "第三十九条"),
        ("rejected_excessive", "第三十五条"),
        ("other_no_correction", "第三十条"),
        ("other_unpaid_fee", "国办函〔2020〕109号"),
        ("correction", "第三十条"),
        ("extension", "第三十三条"),
        ("third_party", "第三十二条"),
        ("fee", "国办函〔2020〕109号"),
    ],
)
def test_legal_basis_cites_the_article(kind: str, article: str) -> None:
    assert article in letter_specs()[kind].basis


@pytest.mark.parametrize("kind", letter_kinds())
def test_docx_letter(kind: str) -> None:
    spec = letter_specs()[kind]
    text = docx_text(render_letter(kind, CTX))
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0] == spec.title
    assert "YSQ-2025-0042" in text
    assert "张三" in text
    assert f"法律依据：{spec.basis}。" in text
    assert lines[-2:] == ["某县人民政府办公室", "2025年1月20日"]
    remedies = "六十日内向某县人民政府申请行政复议" in text and "六个月内向某县人民法院" in text
    assert remedies == spec.remedies
    if kind == "third_party":
        assert lines[2] == "某建设有限公司："


@pytest.mark.parametrize("kind", letter_kinds())
def test_pdf_letter(kind: str) -> None:
    spec = letter_specs()[kind]
    text = pdf_text(kind)
    assert text.splitlines()[0] == spec.title
    assert "YSQ-2025-0042" in text
    assert "张三" in flat(text)
    assert flat(f"法律依据：{spec.basis}。") in flat(text)
    assert ("六十日内向某县人民政府申请行政复议" in flat(text)) == spec.remedies


def test_pdf_letter_uses_a_cjk_font() -> None:
    with pdfplumber.open(io.BytesIO(render_letter_pdf("granted", CTX))) as pdf:
        fonts = {c["fontname"] for p in pdf.pages for c in p.chars}
        size = (pdf.pages[0].width, pdf.pages[0].height)
    assert fonts and all("CJK-SC" in f for f in fonts), fonts
    assert size == pytest.approx((595.28, 841.89), abs=0.5)


def test_dates_amount_and_reasons_are_filled() -> None:
    text = flat(render_letter_html("fee", CTX))
    assert "本机关于2025年1月6日收到您提出的政府信息公开申请" in text
    assert "人民币200元" in text
    assert "缴费截止日期：2025年2月10日" in text
    assert "计费依据：申请内容未写明文件名称或者文号" in text


def test_empty_optional_text_drops_its_paragraph() -> None:
    letter = compose("granted", replace(CTX, extra=""))
    assert not any(p.startswith("获取方式") for p in letter.paragraphs)
    assert any(p.startswith("获取方式") for p in compose("granted", CTX).paragraphs)


def test_remedies_without_named_bodies() -> None:
    letter = compose("withheld_third_party", replace(CTX, review_body=None, court=None))
    assert letter.remedies is not None
    assert "有管辖权的行政复议机关" in letter.remedies
    assert "有管辖权的人民法院" in letter.remedies


@pytest.mark.parametrize(
    ("kind", "missing", "message"),
    [
        ("correction", {"due": None}, "需要填写 due（期限日期）"),
        ("correction", {"reasons": ""}, "需要填写 reasons"),
        ("third_party", {"third_party": None}, "需要填写 third_party（第三方名称）"),
        ("fee", {"fee_amount": None}, "需要填写 fee_amount"),
        ("partially_granted", {"reasons": "  "}, "需要填写 reasons"),
    ],
)
def test_missing_required_input(kind: str, missing: dict[str, Any], message: str) -> None:
    with pytest.raises(RenderError, match=re.escape(message)) as info:
        render_letter(kind, replace(CTX, **missing))
    assert info.value.kind == kind
    assert info.value.field == next(iter(missing))


def test_unknown_kind_lists_the_known_ones() -> None:
    with pytest.raises(RenderError, match="没有“refused”这种告知书；可用的类型：granted、"):
        render_letter("refused", CTX)


def test_outcome_must_match_the_letter() -> None:
    render_letter("unavailable_not_responsible", replace(CTX, outcome="unavailable_not_held"))
    with pytest.raises(RenderError, match="与申请记录的“granted”不一致") as info:
        render_letter("partially_granted", replace(CTX, outcome="granted"))
    assert info.value.field == "outcome"
