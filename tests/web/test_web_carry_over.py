"""Carry-over across years: 结转下年度 of one year is 上年结转 of the next."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gongkai_web.annual.record import generate_record
from gongkai_web.ledger import services

pytestmark = pytest.mark.django_db
D = date


def test_open_application_is_carried_through_two_years(
    make_app: Any, clerk: Any, cal: Any, agency: Any, identity_problems: Any
) -> None:
    # Received 2024-11-04, waiting for its 补正 until it is answered in 2026.
    app = make_app(D(2024, 11, 4), "research")
    services.request_correction(app, day=D(2024, 11, 5), actor=clerk, cal=cal)
    services.receive_correction(app, day=D(2026, 2, 2), actor=clerk, cal=cal)
    services.answer(app, day=D(2026, 2, 3), outcome="granted", actor=clerk, cal=cal)
    short = make_app(D(2024, 12, 31), "other")  # carried once
    services.answer(short, day=D(2025, 1, 2), outcome="rejected_petition", actor=clerk, cal=cal)

    years = {y: generate_record(agency, y).requests for y in (2024, 2025, 2026)}
    r24, r25, r26 = years[2024], years[2025], years[2026]
    assert r24 is not None and r25 is not None and r26 is not None
    assert (r24["new_received"]["total"], r24["carried_forward"]["total"]) == (2, 2)
    assert r25["carried_over"] == r24["carried_forward"]
    assert (r25["carried_over"]["research"], r25["carried_over"]["other"]) == (1, 1)
    assert r25["rejected_petition"]["other"] == 1
    assert (r25["total"]["total"], r25["carried_forward"]["total"]) == (1, 1)
    assert r26["carried_over"] == r25["carried_forward"]
    assert r26["granted"]["research"] == 1
    assert r26["carried_forward"]["total"] == 0
    for year in (2024, 2025, 2026):
        assert identity_problems(generate_record(agency, year)) == []


def test_received_and_answered_on_new_years_eve(
    make_app: Any, clerk: Any, cal: Any, agency: Any
) -> None:
    app = make_app(D(2025, 12, 31))
    r25 = generate_record(agency, 2025).requests
    assert r25 is not None and r25["carried_forward"]["total"] == 1
    services.answer(app, day=D(2025, 12, 31), outcome="granted", actor=clerk, cal=cal)
    r25 = generate_record(agency, 2025).requests
    r26 = generate_record(agency, 2026).requests
    assert r25 is not None and r26 is not None
    assert (r25["granted"]["total"], r25["carried_forward"]["total"]) == (1, 0)
    assert r26["carried_over"]["total"] == 0
