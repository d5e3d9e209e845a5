"""The annual record is a handful of aggregate queries: 100,000 applications in under 1 s."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from typing import Any

import pytest

from gongkai_web.annual.record import generate_record
from gongkai_web.ledger.choices import APPLICANT_KEYS, OUTCOME_KEYS, Status
from gongkai_web.ledger.models import Application

N = 100_000


@pytest.mark.slow
@pytest.mark.django_db
def test_record_for_100k_applications_under_a_second(agency: Any, identity_problems: Any) -> None:
    rng = random.Random(7)
    start = date(2024, 1, 1)
    rows = []
    for i in range(N):
        received = start + timedelta(days=rng.randrange(730))
        closed = rng.random() < 0.97
        answered = received + timedelta(days=rng.randrange(40)) if closed else None
        rows.append(
            Application(
                agency=agency,
                tracking_number=f"GK-BENCH-{i:08d}",
                verification_code="BENCH000",
                channel="online",
                received_on=received,
                applicant_type=rng.choice(APPLICANT_KEYS),
                applicant_name="申请人",
                content="某信息",
                status=Status.ANSWERED if closed else Status.OPEN,
                due_date=received + timedelta(days=28),
                outcome=rng.choice(OUTCOME_KEYS) if closed else "",
                answered_on=answered,
            )
        )
    Application.objects.bulk_create(rows, batch_size=5000)
    generate_record(agency, 2025)  # warm caches (layout, query compilation)
    began = time.perf_counter()
    record = generate_record(agency, 2025)
    elapsed = time.perf_counter() - began
    assert identity_problems(record) == []
    assert record.requests is not None
    in_2025 = sum(1 for r in rows if r.received_on.year == 2025)
    assert record.requests["new_received"]["total"] == in_2025
    print(f"generate_record over {N} applications: {elapsed:.3f}s")
    assert elapsed < 1.0, f"{elapsed:.2f}s"
