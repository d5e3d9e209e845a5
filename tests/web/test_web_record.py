"""The generated record for a small hand-built ledger; every number worked out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from gongkai.layout import layout
from gongkai_web.annual.models import AnnualReport
from gongkai_web.annual.record import generate_record
from gongkai_web.ledger import disclosure, services
from gongkai_web.ledger.models import Appeal, MonthlyTally, RegulatoryDocument

pytestmark = pytest.mark.django_db
D = date
COLUMNS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other")


def row(**counts: int) -> dict[str, int]:
    out = {c: counts.get(c, 0) for c in COLUMNS}
    out["total"] = sum(out.values())
    return out


@pytest.fixture
def ledger(make_app: Any, clerk: Any, head: Any, cal: Any, agency: Any, other_agency: Any) -> Any:
    s = services
    a1 = make_app(D(2024, 12, 20))  # carried over into 2025, answered in January
    s.answer(a1, day=D(2025, 1, 10), outcome="granted", actor=clerk, cal=cal)
    a2 = make_app(D(2024, 12, 30), "commercial")  # closed on 31 December: not carried over
    s.answer(a2, day=D(2024, 12, 31), outcome="granted", actor=clerk, cal=cal)
    a3 = make_app(D(2025, 3, 3))
    s.answer(a3, day=D(2025, 3, 20), outcome="partially_granted", actor=clerk, cal=cal)
    a4 = make_app(D(2025, 4, 1), "legal_service")
    s.request_correction(a4, day=D(2025, 4, 3), actor=clerk, cal=cal)
    s.expire_correction(a4, day=D(2025, 5, 6), actor=clerk, cal=cal)
    a5 = make_app(D(2025, 6, 3), "research")
    s.notify_fee(a5, day=D(2025, 6, 5), actor=clerk, basis="by_pages", pages=150, cal=cal)
    s.pay_fee(a5, day=D(2025, 6, 10), actor=clerk, cal=cal)
    s.answer(a5, day=D(2025, 6, 20), outcome="granted", actor=clerk, cal=cal)
    a6 = make_app(D(2025, 6, 3), "social_welfare")
    s.notify_fee(a6, day=D(2025, 6, 5), actor=clerk, basis="by_pages", pages=40, cal=cal)
    s.expire_fee(a6, day=D(2025, 7, 4), actor=clerk, cal=cal)
    a7 = make_app(D(2025, 7, 1), "other")
    s.withdraw(a7, day=D(2025, 7, 3), actor=clerk, cal=cal)
    a8 = make_app(D(2025, 12, 24))  # open on 31 December: carried forward
    a9 = make_app(D(2025, 12, 31), "commercial")
    s.answer(a9, day=D(2025, 12, 31), outcome="rejected_duplicate", actor=clerk, cal=cal)
    a10 = make_app(D(2025, 9, 1))
    s.start_consultation(a10, day=D(2025, 9, 5), actor=clerk, cal=cal)
    s.end_consultation(a10, day=D(2025, 9, 26), actor=clerk, cal=cal)
    s.extend(a10, day=D(2025, 10, 9), workdays=20, approver=head, cal=cal)
    s.answer(a10, day=D(2025, 10, 30), outcome="withheld_third_party", actor=clerk, cal=cal)
    a11 = make_app(D(2025, 5, 6), "commercial", agency=other_agency)  # another body
    s.answer(a11, day=D(2025, 5, 7), outcome="granted", actor=clerk, cal=cal)
    a12 = make_app(D(2026, 1, 5))  # next year
    s.answer(a8, day=D(2026, 1, 8), outcome="unavailable_not_held", actor=clerk, cal=cal)

    docs = [
        (D(2024, 5, 1), None),  # in force
        (D(2025, 2, 1), D(2025, 11, 1)),  # issued and repealed this year
        (D(2023, 1, 1), D(2025, 12, 31)),  # repealed on 31 December: no longer in force
        (D(2026, 1, 10), None),  # next year
    ]
    for i, (issued, repealed) in enumerate(docs):
        RegulatoryDocument.objects.create(
            agency=agency,
            kind="normative_documents",
            title=f"文件{i}",
            issued_on=issued,
            repealed_on=repealed,
        )
    RegulatoryDocument.objects.create(
        agency=other_agency, kind="normative_documents", title="别的机关", issued_on=D(2025, 3, 1)
    )
    for year, month, lic, pun, coe, fee in (
        (2025, 1, 3, 1, 0, "0.5"),
        (2025, 12, 2, 0, 1, "0.25"),
        (2024, 12, 100, 9, 9, "9"),
    ):
        MonthlyTally.objects.create(
            agency=agency,
            year=year,
            month=month,
            licensing=lic,
            punishment=pun,
            coercion=coe,
            fees_amount=Decimal(fee),
        )
    for kind, filed, result, decided in (
        ("review", D(2025, 2, 1), "upheld", D(2025, 4, 1)),
        ("review", D(2025, 10, 1), "corrected", D(2026, 1, 15)),  # pending on 31 December
        ("litigation_direct", D(2024, 11, 1), "upheld", D(2025, 3, 1)),  # filed last year
        ("litigation_after_review", D(2025, 5, 5), "other", D(2025, 8, 8)),
    ):
        Appeal.objects.create(
            agency=agency, kind=kind, filed_on=filed, result=result, decided_on=decided
        )
    # 20 working days after 2025-03-03 is 03-31: one on time, one late, one published last year.
    for formed, published in (
        (D(2025, 3, 3), D(2025, 3, 10)),
        (D(2025, 3, 3), D(2025, 4, 30)),
        (D(2024, 12, 2), D(2024, 12, 5)),
    ):
        disclosure.record_disclosure(
            agency=agency,
            item=1,
            title="某文件",
            channel="portal",
            formed_on=formed,
            published_on=published,
            cal=cal,
        )
    return {"a12": a12}


def test_requests_table(ledger: Any, agency: Any) -> None:
    record = generate_record(agency, 2025)
    expected = {key: row() for key in layout("2021").table("requests").row_keys}
    expected |= {
        "new_received": row(
            natural_person=3, commercial=1, research=1, social_welfare=1, legal_service=1, other=1
        ),
        "carried_over": row(natural_person=1),
        "granted": row(natural_person=1, research=1),
        "partially_granted": row(natural_person=1),
        "withheld_third_party": row(natural_person=1),
        "rejected_duplicate": row(commercial=1),
        "other_no_correction": row(legal_service=1),
        "other_unpaid_fee": row(social_welfare=1),
        "other_other": row(other=1),
        "total": row(
            natural_person=3, commercial=1, research=1, social_welfare=1, legal_service=1, other=1
        ),
        "carried_forward": row(natural_person=1),
    }
    assert record.requests == expected
    assert list(record.requests) == list(layout("2021").table("requests").row_keys)


def test_active_and_appeals_tables(ledger: Any, agency: Any) -> None:
    record = generate_record(agency, 2025)
    assert record.active == {
        "rules": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative_documents": {"issued": 1, "repealed": 2, "in_force": 1},
        "licensing": {"decisions": 5},
        "punishment": {"decisions": 1},
        "coercion": {"decisions": 1},
        "fees": {"amount": 0.75},
    }
    assert record.appeals == {
        "review": {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2},
        "litigation_direct": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0},
        "litigation_after_review": {
            "upheld": 0,
            "corrected": 0,
            "other": 1,
            "pending": 0,
            "total": 1,
        },
    }


def test_record_header_and_sections(ledger: Any, agency: Any) -> None:
    record = generate_record(agency, 2025)
    assert (record.format, record.agency, record.year, record.published) == (
        "2021",
        "测试镇人民政府",
        2025,
        None,
    )
    assert record.section_titles["三"] == "收到和处理政府信息公开申请情况"
    one = record.sections["一"]
    assert (
        "主动公开政府信息2条，其中在形成或者变更之日起20个工作日内公开1条，按时公开率50.0%" in one
    )
    assert "制发行政规范性文件1件，废止2件，年末现行有效1件" in one
    assert "作出行政许可决定5件、行政处罚决定1件、行政强制决定1件" in one
    assert (
        "新收政府信息公开申请8件，上年结转1件；办结8件，其中予以公开2件，部分公开1件，"
        "不予公开1件，无法提供0件，不予处理1件，其他处理3件；经批准延长答复期限的1件，"
        "均在法定期限内答复；结转下年度继续办理1件。"
    ) in one
    assert "被申请行政复议2件，被提起行政诉讼1件" in one
    # 信息处理费 from the ledger (150 pages: 1700 yuan paid; the 40-page fee was never paid).
    assert "收取信息处理费1700元" in record.sections["六"]
    assert record.sections["五"] == "（待填写）"


def test_generated_record_passes_the_library_checks(ledger: Any, agency: Any) -> None:
    checks = pytest.importorskip("gongkai.checks")
    record = generate_record(agency, 2025)
    previous = generate_record(agency, 2024)
    assert [f.to_dict() for f in checks.check(record, previous=previous)] == []


def test_annual_report_texts_and_fee_override(ledger: Any, agency: Any) -> None:
    AnnualReport.objects.create(
        agency=agency,
        year=2025,
        problems="培训不足。",
        proposals="办理建议1件。",
        other_matters="无其他事项。",
        processing_fees=Decimal("1800.50"),
        published=True,
        published_on=D(2026, 1, 25),
    )
    record = generate_record(agency, 2025)
    assert record.published == "2026-01-25"
    assert record.sections["五"] == "培训不足。"
    six = record.sections["六"]
    assert "收取信息处理费1800.50元" in six
    assert "（二）人大代表建议和政协委员提案办理情况。办理建议1件。" in six
    assert "（三）其他事项。无其他事项。" in six
    # 信息处理费 never leaks into 行政事业性收费 (table 二, 万元).
    assert record.active is not None and record.active["fees"] == {"amount": 0.75}


def test_next_year_carries_over(ledger: Any, agency: Any) -> None:
    record = generate_record(agency, 2026)
    assert record.requests is not None
    assert record.requests["carried_over"] == row(natural_person=1)  # a8
    assert record.requests["new_received"] == row(natural_person=1)  # a12
    assert record.requests["unavailable_not_held"] == row(natural_person=1)
    assert record.requests["total"] == row(natural_person=1)
    assert record.requests["carried_forward"] == row(natural_person=1)  # a12, still open


def test_empty_year_is_all_zero(agency: Any) -> None:
    record = generate_record(agency, 2025)
    assert record.requests is not None
    assert all(v == 0 for cells in record.requests.values() for v in cells.values())
    assert "主动公开政府信息0条" in record.sections["一"] and "按时公开率—" in record.sections["一"]
    assert "本年度未收取信息处理费" in record.sections["六"]


def test_report_is_a_handful_of_queries(
    ledger: Any, agency: Any, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(8):
        generate_record(agency, 2025)
