"""Time ``generate_record`` over a synthetic ledger of N applications, then roll it all back.

Used by ``manage.py bench_annual_record``; nothing it writes survives (one transaction, rolled
back), so it is safe on any database.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from gongkai.record import Report
from gongkai_web.agencies.models import Agency, Level
from gongkai_web.annual.record import generate_record
from gongkai_web.ledger.choices import APPLICANT_KEYS, OUTCOME_KEYS, Status
from gongkai_web.ledger.models import Application


@dataclass(frozen=True)
class BenchResult:
    applications: int
    seconds: float  # best of ``rounds``
    queries: int
    record: Report


class _Rollback(Exception):
    pass


def _rows(agency: Agency, n: int, seed: int) -> list[Application]:
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    rows = []
    for i in range(n):
        received = start + timedelta(days=rng.randrange(730))
        closed = rng.random() < 0.97
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
                answered_on=received + timedelta(days=rng.randrange(40)) if closed else None,
            )
        )
    return rows


def bench(n: int, *, year: int = 2025, rounds: int = 3, seed: int = 7) -> BenchResult:
    result: BenchResult | None = None
    try:
        with transaction.atomic():
            agency = Agency.objects.create(name="基准测试机关（将回滚）", level=Level.TOWNSHIP)
            Application.objects.bulk_create(_rows(agency, n, seed), batch_size=5000)
            generate_record(agency, year)  # warm up
            best = float("inf")
            for _ in range(rounds):
                with CaptureQueriesContext(connection) as queries:
                    began = time.perf_counter()
                    record = generate_record(agency, year)
                    best = min(best, time.perf_counter() - began)
            result = BenchResult(n, best, len(queries), record)
            raise _Rollback
    except _Rollback:
        pass
    assert result is not None
    return result
