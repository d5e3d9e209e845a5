"""The application clock over 2024–2026, every expected date worked out by hand.

Holiday lists used (spec/domain.md, the State Council notices):
  2024 off 01-01, 02-12..16, 04-04, 04-05, 05-01..03, 06-10, 09-16, 09-17, 10-01..04, 10-07;
       make-up 02-04(Sun), 02-18(Sun), 04-07(Sun), 04-28(Sun), 05-11(Sat), 09-14(Sat),
       09-29(Sun), 10-12(Sat).
  2025 off 01-01, 01-28..31, 02-03, 02-04, 04-04, 05-01, 05-02, 05-05, 06-02, 10-01..03,
       10-06..08; make-up 01-26(Sun), 02-08(Sat), 04-27(Sun), 09-28(Sun), 10-11(Sat).
  2026 off 01-01, 01-02, 02-16..20, 02-23, 04-06, 05-01, 05-04, 05-05, 06-19, 09-25, 10-01,
       10-02, 10-05..07; make-up 01-04(Sun), 02-14(Sat), 02-28(Sat), 05-09(Sat), 09-20(Sun),
       10-10(Sat).
Convention: a period of N working days from an event ends on the N-th working day after the
event's day. "(k)" in the comments is the running count of working days.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gongkai.clock import (
    DEFAULT_RULES,
    ClockStatus,
    Event,
    EventKind,
    WorkdayCalendar,
    compute_clock,
)

CAL = WorkdayCalendar.bundled()
D = date.fromisoformat
K = EventKind


def ev(kind: EventKind, day: str, workdays: int | None = None) -> Event:
    return Event(kind, D(day), workdays)


def received(day: str) -> list[Event]:
    return [ev(K.RECEIVED, day)]


# (id, received day, expected due): only the RECEIVED event, 20 working days.
PLAIN_DUE = [
    # Mar 5-8 (4), 11-15 (9), 18-22 (14), 25-29 (19), Apr 1 (20).
    ("2024-plain-monday", "2024-03-04", "2024-04-01"),
    # Mar 18-22 (5), 25-29 (10), Apr 1-3 (13), Apr 4-5 off, Apr 7 Sun make-up (14),
    # Apr 8-12 (19), Apr 15 (20).
    ("2024-qingming", "2024-03-15", "2024-04-15"),
    # Feb 2 (1), Feb 4 Sun make-up (2), Feb 5-9 (7), Feb 12-16 off, Feb 18 Sun make-up (8),
    # Feb 19-23 (13), Feb 26-Mar 1 (18), Mar 4 (19), Mar 5 (20).
    ("2024-spring-festival", "2024-02-01", "2024-03-05"),
    # Received on a holiday (Wed Feb 14): Feb 18 make-up (1), Feb 19-23 (6), Feb 26-Mar 1 (11),
    # Mar 4-8 (16), Mar 11-14 (20).
    ("2024-received-on-holiday", "2024-02-14", "2024-03-14"),
    # Received on the make-up Sunday Feb 18: Feb 19-23 (5), 26-Mar 1 (10), Mar 4-8 (15),
    # Mar 11-15 (20).
    ("2024-received-on-makeup-sunday", "2024-02-18", "2024-03-15"),
    # Received on Saturday Feb 17 (inside the holiday, not make-up): same count as Feb 14.
    ("2024-received-on-saturday-in-holiday", "2024-02-17", "2024-03-14"),
    # Sep 23-27 (5), Sep 29 Sun make-up (6), Sep 30 (7), Oct 1-7 closed, Oct 8-11 (11),
    # Oct 12 Sat make-up (12), Oct 14-18 (17), Oct 21-23 (20).
    ("2024-national-day", "2024-09-20", "2024-10-23"),
    # Sep 14 Sat make-up (1), Sep 16-17 off, Sep 18-20 (4), 23-27 (9), Sep 29 (10), Sep 30 (11),
    # Oct 8-11 (15), Oct 12 (16), Oct 14-17 (20).
    ("2024-mid-autumn-and-national-day", "2024-09-13", "2024-10-17"),
    # Apr 28 Sun make-up (1), Apr 29-30 (3), May 1-5 closed, May 6-10 (8), May 11 Sat make-up
    # (9), May 13-17 (14), 20-24 (19), May 27 (20).
    ("2024-labour-day", "2024-04-26", "2024-05-27"),
    # Jun 10 off: Jun 11-14 (4), 17-21 (9), 24-28 (14), Jul 1-5 (19), Jul 8 (20).
    ("2024-dragon-boat", "2024-06-07", "2024-07-08"),
    # Dec 23-27 (5), Dec 30-31 (7), Jan 1 off, Jan 2-3 (9), Jan 6-10 (14), 13-17 (19), Jan 20.
    ("2024-into-2025", "2024-12-20", "2025-01-20"),
    # Jan 21-24 (4), Jan 26 Sun make-up (5), Jan 27 (6), Jan 28-Feb 4 closed, Feb 5-7 (9),
    # Feb 8 Sat make-up (10), Feb 10-14 (15), Feb 17-21 (20).
    ("2025-spring-festival", "2025-01-20", "2025-02-21"),
    # Plain Sunday: Jan 6-10 (5), 13-17 (10), 20-24 (15), Jan 26 (16), Jan 27 (17), Feb 5-7 (20).
    ("2025-received-on-sunday", "2025-01-05", "2025-02-07"),
    # Received on the make-up Sunday Jan 26: Jan 27 (1), Feb 5-7 (4), Feb 8 (5), Feb 10-14 (10),
    # Feb 17-21 (15), Feb 24-28 (20).
    ("2025-received-on-makeup-sunday", "2025-01-26", "2025-02-28"),
    # Apr 4 off: Apr 7-11 (5), 14-18 (10), 21-25 (15), Apr 27 Sun make-up (16), Apr 28-30 (19),
    # May 1-5 closed, May 6 (20).
    ("2025-qingming-and-labour-day", "2025-04-03", "2025-05-06"),
    # Apr 27 Sun make-up (1), Apr 28-30 (4), May 1-5 closed, May 6-9 (8), 12-16 (13),
    # 19-23 (18), May 26 (19), May 27 (20).
    ("2025-labour-day", "2025-04-25", "2025-05-27"),
    # Jun 2 off: Jun 3-6 (4), 9-13 (9), 16-20 (14), 23-27 (19), Jun 30 (20).
    ("2025-dragon-boat", "2025-05-30", "2025-06-30"),
    # Sep 28 Sun make-up (1), Sep 29-30 (3), Oct 1-8 closed, Oct 9-10 (5), Oct 11 Sat make-up
    # (6), Oct 13-17 (11), 20-24 (16), Oct 27-30 (20).
    ("2025-national-day", "2025-09-26", "2025-10-30"),
    # Received on a holiday (Oct 1): Oct 9-10 (2), Oct 11 (3), 13-17 (8), 20-24 (13),
    # 27-31 (18), Nov 3 (19), Nov 4 (20).
    ("2025-received-on-national-day", "2025-10-01", "2025-11-04"),
    # Jan 1-2 off, Jan 4 Sun make-up (1), Jan 5-9 (6), 12-16 (11), 19-23 (16), Jan 26-29 (20).
    ("2025-into-2026-new-year", "2025-12-31", "2026-01-29"),
    # Feb 10-13 (4), Feb 14 Sat make-up (5), Feb 16-23 closed, Feb 24-27 (9), Feb 28 Sat
    # make-up (10), Mar 2-6 (15), Mar 9-13 (20).
    ("2026-spring-festival", "2026-02-09", "2026-03-13"),
    # Apr 6 off: Apr 7-10 (4), 13-17 (9), 20-24 (14), Apr 27-30 (18), May 1-5 closed,
    # May 6 (19), May 7 (20).
    ("2026-qingming-and-labour-day", "2026-04-03", "2026-05-07"),
    # May 1-5 closed, May 6-8 (3), May 9 Sat make-up (4), 11-15 (9), 18-22 (14), 25-29 (19),
    # Jun 1 (20).
    ("2026-labour-day", "2026-04-30", "2026-06-01"),
    # Jun 19 Fri off: Jun 2-5 (4), 8-12 (9), 15-18 (13), 22-26 (18), Jun 29 (19), Jun 30 (20).
    ("2026-dragon-boat", "2026-06-01", "2026-06-30"),
    # Sep 2-4 (3), 7-11 (8), 14-18 (13), Sep 20 Sun make-up (14), Sep 21-24 (18), Sep 25 off,
    # Sep 28 (19), Sep 29 (20).
    ("2026-mid-autumn", "2026-09-01", "2026-09-29"),
    # Sep 20 Sun make-up (1), Sep 21-24 (5), Sep 25 off, Sep 28-30 (8), Oct 1-7 closed,
    # Oct 8-9 (10), Oct 10 Sat make-up (11), Oct 12-16 (16), Oct 19-22 (20).
    ("2026-national-day", "2026-09-18", "2026-10-22"),
]


@pytest.mark.parametrize(
    ("received_on", "due"), [c[1:] for c in PLAIN_DUE], ids=[c[0] for c in PLAIN_DUE]
)
def test_answer_due_twenty_workdays_after_receipt(received_on: str, due: str) -> None:
    state = compute_clock(received(received_on), CAL)
    assert state.status is ClockStatus.OPEN
    assert state.due == D(due)
    assert state.period_start == D(received_on)
    assert not state.extended
    assert state.stopped_workdays == 0


# (id, received day, 补正 notice due): 7 working days (条例第三十条).
CORRECTION_NOTICE_DUE = [
    # Feb 2 (1), Feb 4 Sun make-up (2), Feb 5-9 (7).
    ("2024-spring-festival", "2024-02-01", "2024-02-09"),
    # Mar 5-8 (4), Mar 11-13 (7).
    ("2024-plain", "2024-03-04", "2024-03-13"),
    # Sep 29 Sun make-up (1), Sep 30 (2), Oct 8-11 (6), Oct 12 Sat make-up (7).
    ("2024-ends-on-makeup-saturday", "2024-09-27", "2024-10-12"),
    # Sep 28 (1), Sep 29-30 (3), Oct 9-10 (5), Oct 11 Sat (6), Oct 13 (7).
    ("2025-national-day", "2025-09-26", "2025-10-13"),
    # Feb 13 (1), Feb 14 Sat make-up (2), Feb 24-27 (6), Feb 28 Sat make-up (7).
    ("2026-spring-festival", "2026-02-12", "2026-02-28"),
    # Received on a holiday: Oct 8-9 (2), Oct 10 Sat make-up (3), Oct 12-15 (7).
    ("2026-received-on-national-day", "2026-10-01", "2026-10-15"),
]


@pytest.mark.parametrize(
    ("received_on", "due"),
    [c[1:] for c in CORRECTION_NOTICE_DUE],
    ids=[c[0] for c in CORRECTION_NOTICE_DUE],
)
def test_correction_notice_due_seven_workdays_after_receipt(received_on: str, due: str) -> None:
    assert compute_clock(received(received_on), CAL).correction_notice_due == D(due)


# (id, events, expected due, expected stopped working days, extension working days)
SEQUENCES: list[tuple[str, list[Event], str, int, int]] = [
    # 补正 restarts the period from Mar 11 (Mon): Mar 12-15 (4), 18-22 (9), 25-29 (14),
    # Apr 1-3 (17), Apr 7 Sun make-up (18), Apr 8 (19), Apr 9 (20).
    (
        "correction-restarts",
        [
            ev(K.RECEIVED, "2024-03-04"),
            ev(K.CORRECTION_REQUESTED, "2024-03-06"),
            ev(K.CORRECTION_RECEIVED, "2024-03-11"),
        ],
        "2024-04-09",
        0,
        0,
    ),
    # 补正 received on a holiday (Oct 2): Oct 9-10 (2), Oct 11 (3), 13-17 (8), 20-24 (13),
    # 27-31 (18), Nov 3-4 (20).
    (
        "correction-received-on-holiday",
        [
            ev(K.RECEIVED, "2025-09-15"),
            ev(K.CORRECTION_REQUESTED, "2025-09-17"),
            ev(K.CORRECTION_RECEIVED, "2025-10-02"),
        ],
        "2025-11-04",
        0,
        0,
    ),
    # 补正 received on the make-up Saturday Feb 14 2026: Feb 24-27 (4), Feb 28 Sat make-up (5),
    # Mar 2-6 (10), 9-13 (15), 16-20 (20).
    (
        "correction-received-on-makeup-saturday",
        [
            ev(K.RECEIVED, "2026-02-02"),
            ev(K.CORRECTION_REQUESTED, "2026-02-04"),
            ev(K.CORRECTION_RECEIVED, "2026-02-14"),
        ],
        "2026-03-20",
        0,
        0,
    ),
    # 补正 received Sep 13 2024 → due Oct 17 (see 2024-mid-autumn-and-national-day); then
    # extension of 10 after Oct 17: Oct 18 (1), 21-25 (6), Oct 28-31 (10).
    (
        "correction-then-extension",
        [
            ev(K.RECEIVED, "2024-09-02"),
            ev(K.CORRECTION_REQUESTED, "2024-09-04"),
            ev(K.CORRECTION_RECEIVED, "2024-09-13"),
            ev(K.EXTENDED, "2024-10-10", 10),
        ],
        "2024-10-31",
        0,
        10,
    ),
    # Original due Apr 1 2024; +20 after it: Apr 2-3 (2), Apr 7 Sun make-up (3), Apr 8-12 (8),
    # 15-19 (13), 22-26 (18), Apr 28 Sun make-up (19), Apr 29 (20).
    (
        "extension-20-over-qingming",
        [ev(K.RECEIVED, "2024-03-04"), ev(K.EXTENDED, "2024-03-25", 20)],
        "2024-04-29",
        0,
        20,
    ),
    # Original due Oct 30 2025; +20: Oct 31 (1), Nov 3-7 (6), 10-14 (11), 17-21 (16),
    # Nov 24-27 (20).
    (
        "extension-20-after-national-day",
        [ev(K.RECEIVED, "2025-09-26"), ev(K.EXTENDED, "2025-10-20", 20)],
        "2025-11-27",
        0,
        20,
    ),
    # Original due Jan 20 2025; +15: Jan 21-24 (4), Jan 26 Sun make-up (5), Jan 27 (6),
    # Feb 5-7 (9), Feb 8 Sat make-up (10), Feb 10-14 (15).
    (
        "extension-15-over-spring-festival-2025",
        [ev(K.RECEIVED, "2024-12-20"), ev(K.EXTENDED, "2025-01-10", 15)],
        "2025-02-14",
        0,
        15,
    ),
    # Original due Oct 22 2026 (Thu); +1 → Oct 23 (Fri).
    (
        "extension-1",
        [ev(K.RECEIVED, "2026-09-18"), ev(K.EXTENDED, "2026-10-21", 1)],
        "2026-10-23",
        0,
        1,
    ),
    # Received Jan 12 2026: Jan 13-16 (4), 19-23 (9), 26-30 (14), Feb 2-6 (19), Feb 9 (20);
    # +10: Feb 10-13 (4), Feb 14 Sat make-up (5), Feb 24-27 (9), Feb 28 Sat make-up (10).
    # The due date is a make-up Saturday.
    (
        "extension-ends-on-makeup-saturday",
        [ev(K.RECEIVED, "2026-01-12"), ev(K.EXTENDED, "2026-02-02", 10)],
        "2026-02-28",
        0,
        10,
    ),
    # Received Aug 26 2024: Aug 27-30 (4), Sep 2-6 (9), 9-13 (14), Sep 14 Sat (15),
    # Sep 18-20 (18), Sep 23-24 (20) → Sep 24; +20: Sep 25-27 (3), Sep 29 Sun (4), Sep 30 (5),
    # Oct 8-11 (9), Oct 12 Sat (10), Oct 14-18 (15), Oct 21-25 (20).
    (
        "extension-over-national-day-2024",
        [ev(K.RECEIVED, "2024-08-26"), ev(K.EXTENDED, "2024-09-20", 20)],
        "2024-10-25",
        0,
        20,
    ),
    # Consultation sent Mar 11, answer Mar 15: stopped Mar 12-15 = 4. Due Apr 1 + 4:
    # Apr 2-3 (2), Apr 7 Sun make-up (3), Apr 8 (4).
    (
        "consultation-4-days",
        [
            ev(K.RECEIVED, "2024-03-04"),
            ev(K.CONSULTATION_STARTED, "2024-03-11"),
            ev(K.CONSULTATION_ENDED, "2024-03-15"),
        ],
        "2024-04-08",
        4,
        0,
    ),
    # Received Jan 6 2025 → due Feb 8 (Jan 7-10 (4), 13-17 (9), 20-24 (14), Jan 26 (15),
    # Jan 27 (16), Feb 5-7 (19), Feb 8 Sat make-up (20)). Consultation Jan 20 → Feb 10:
    # stopped Jan 21-24 (4), Jan 26 (5), Jan 27 (6), Feb 5-7 (9), Feb 8 (10), Feb 10 (11) = 11.
    # Feb 8 + 11: Feb 10-14 (5), 17-21 (10), Feb 24 (11).
    (
        "consultation-over-spring-festival-2025",
        [
            ev(K.RECEIVED, "2025-01-06"),
            ev(K.CONSULTATION_STARTED, "2025-01-20"),
            ev(K.CONSULTATION_ENDED, "2025-02-10"),
        ],
        "2025-02-24",
        11,
        0,
    ),
    # Received Mar 3 2025 → due Mar 31. Sent Fri Mar 7, answered Mon Mar 10: only Mar 10 is a
    # working day in the stop → 1. Due Apr 1.
    (
        "consultation-over-weekend",
        [
            ev(K.RECEIVED, "2025-03-03"),
            ev(K.CONSULTATION_STARTED, "2025-03-07"),
            ev(K.CONSULTATION_ENDED, "2025-03-10"),
        ],
        "2025-04-01",
        1,
        0,
    ),
    # Sent and answered the same day: nothing stopped.
    (
        "consultation-same-day",
        [
            ev(K.RECEIVED, "2025-03-03"),
            ev(K.CONSULTATION_STARTED, "2025-03-12"),
            ev(K.CONSULTATION_ENDED, "2025-03-12"),
        ],
        "2025-03-31",
        0,
        0,
    ),
    # Answer arrives on Sunday Mar 16: stopped Mar 13-14 = 2. Due Mar 31 + 2 = Apr 2.
    (
        "consultation-ends-on-sunday",
        [
            ev(K.RECEIVED, "2025-03-03"),
            ev(K.CONSULTATION_STARTED, "2025-03-12"),
            ev(K.CONSULTATION_ENDED, "2025-03-16"),
        ],
        "2025-04-02",
        2,
        0,
    ),
    # Received Mar 2 2026 → due Mar 30 (Mar 3-6 (4), 9-13 (9), 16-20 (14), 23-27 (19), Mar 30).
    # Stops: Mar 5, 6, 9 (3) and Mar 17-20 (4) = 7. Mar 30 + 7: Mar 31 (1), Apr 1-3 (4),
    # Apr 6 off, Apr 7-9 (7).
    (
        "two-consultations-over-qingming-2026",
        [
            ev(K.RECEIVED, "2026-03-02"),
            ev(K.CONSULTATION_STARTED, "2026-03-04"),
            ev(K.CONSULTATION_ENDED, "2026-03-09"),
            ev(K.CONSULTATION_STARTED, "2026-03-16"),
            ev(K.CONSULTATION_ENDED, "2026-03-20"),
        ],
        "2026-04-09",
        7,
        0,
    ),
    # 20 + 20 + 4 after Mar 4 2024: 40 → Apr 29 (extension-20-over-qingming), then
    # Apr 30 (1), May 1-5 closed, May 6-8 (4).
    (
        "consultation-and-extension",
        [
            ev(K.RECEIVED, "2024-03-04"),
            ev(K.CONSULTATION_STARTED, "2024-03-11"),
            ev(K.CONSULTATION_ENDED, "2024-03-15"),
            ev(K.EXTENDED, "2024-03-25", 20),
        ],
        "2024-05-08",
        4,
        20,
    ),
    # Third party silent; its 15 days after Sep 6 2024: Sep 9-13 (5), Sep 14 Sat (6),
    # Sep 18-20 (9), 23-27 (14), Sep 29 Sun (15) → the stop ends Sep 29 and spans 15.
    # Received Sep 2 → due Sep 30 (Sep 3-6 (4), 9-13 (9), 14 (10), 18-20 (13), 23-27 (18),
    # 29 (19), 30 (20)); + 15: Oct 8-11 (4), Oct 12 (5), Oct 14-18 (10), Oct 21-25 (15).
    (
        "consultation-third-party-silent",
        [
            ev(K.RECEIVED, "2024-09-02"),
            ev(K.CONSULTATION_STARTED, "2024-09-06"),
            ev(K.CONSULTATION_ENDED, "2024-09-29"),
        ],
        "2024-10-25",
        15,
        0,
    ),
    # Fee notice Mar 5 2025, paid Mar 12: stopped Mar 6, 7, 10, 11, 12 = 5. Due Mar 31 + 5:
    # Apr 1-3 (3), Apr 4 off, Apr 7-8 (5).
    (
        "fee-stops-clock",
        [
            ev(K.RECEIVED, "2025-03-03"),
            ev(K.FEE_NOTIFIED, "2025-03-05"),
            ev(K.FEE_PAID, "2025-03-12"),
        ],
        "2025-04-08",
        5,
        0,
    ),
    # Received Sep 15 2025 → due Oct 17 (Sep 16-19 (4), 22-26 (9), Sep 28 (10), Sep 29-30 (12),
    # Oct 9-10 (14), Oct 11 (15), Oct 13-17 (20)). Fee Sep 26, paid Oct 9: stopped Sep 28, 29,
    # 30, Oct 9 = 4. Oct 17 + 4: Oct 20-23.
    (
        "fee-over-national-day-2025",
        [
            ev(K.RECEIVED, "2025-09-15"),
            ev(K.FEE_NOTIFIED, "2025-09-26"),
            ev(K.FEE_PAID, "2025-10-09"),
        ],
        "2025-10-23",
        4,
        0,
    ),
    # 20 + 3 + 4 + 10 after Mar 2 2026: 27 → Apr 9 (two-consultations-over-qingming-2026),
    # + 10: Apr 10 (1), Apr 13-17 (6), Apr 20-23 (10).
    (
        "consultation-fee-and-extension",
        [
            ev(K.RECEIVED, "2026-03-02"),
            ev(K.CONSULTATION_STARTED, "2026-03-04"),
            ev(K.CONSULTATION_ENDED, "2026-03-09"),
            ev(K.FEE_NOTIFIED, "2026-03-16"),
            ev(K.FEE_PAID, "2026-03-20"),
            ev(K.EXTENDED, "2026-03-25", 10),
        ],
        "2026-04-23",
        7,
        10,
    ),
    # Extension recorded while consulting; the stop still counts. Received Mar 4 2024,
    # consultation Mar 11 → Mar 15 (4), extension 20 on Mar 13: same total as
    # consultation-and-extension.
    (
        "extension-while-consulting",
        [
            ev(K.RECEIVED, "2024-03-04"),
            ev(K.CONSULTATION_STARTED, "2024-03-11"),
            ev(K.EXTENDED, "2024-03-13", 20),
            ev(K.CONSULTATION_ENDED, "2024-03-15"),
        ],
        "2024-05-08",
        4,
        20,
    ),
    # 补正, then a consultation: received Mar 4 2024, 补正 received Mar 11 → due Apr 9
    # (correction-restarts); consultation Mar 18 → Mar 19 stops 1 (Mar 19): Apr 10.
    (
        "correction-then-consultation",
        [
            ev(K.RECEIVED, "2024-03-04"),
            ev(K.CORRECTION_REQUESTED, "2024-03-06"),
            ev(K.CORRECTION_RECEIVED, "2024-03-11"),
            ev(K.CONSULTATION_STARTED, "2024-03-18"),
            ev(K.CONSULTATION_ENDED, "2024-03-19"),
        ],
        "2024-04-10",
        1,
        0,
    ),
]


def seq(name: str) -> list[Event]:
    return next(c[1] for c in SEQUENCES if c[0] == name)


@pytest.mark.parametrize(
    ("events", "due", "stopped", "extension"),
    [c[1:] for c in SEQUENCES],
    ids=[c[0] for c in SEQUENCES],
)
def test_due_after_events(events: list[Event], due: str, stopped: int, extension: int) -> None:
    state = compute_clock(events, CAL)
    assert state.status is ClockStatus.OPEN
    assert state.due == D(due)
    assert state.stopped_workdays == stopped
    assert state.extension_workdays == extension
    assert state.extended is (extension > 0)


def test_correction_restart_moves_period_start_and_keeps_notice_due() -> None:
    state = compute_clock(seq("correction-restarts"), CAL)
    assert state.period_start == D("2024-03-11")
    assert state.received == D("2024-03-04")
    # Mar 5-8 (4), Mar 11-13 (7): counted from receipt, not from the 补正.
    assert state.correction_notice_due == D("2024-03-13")


def test_awaiting_correction_has_no_due_date() -> None:
    state = compute_clock(
        [ev(K.RECEIVED, "2024-03-04"), ev(K.CORRECTION_REQUESTED, "2024-03-06")], CAL
    )
    assert state.status is ClockStatus.AWAITING_CORRECTION
    assert state.due is None
    assert state.workdays_left(CAL, D("2024-12-31")) is None
    assert not state.is_overdue(D("2024-12-31"))


def test_correction_expired_abandons() -> None:
    state = compute_clock(
        [
            ev(K.RECEIVED, "2026-01-05"),
            ev(K.CORRECTION_REQUESTED, "2026-01-07"),
            ev(K.CORRECTION_EXPIRED, "2026-01-30"),
        ],
        CAL,
    )
    assert state.status is ClockStatus.ABANDONED
    assert state.closed_on == D("2026-01-30")
    assert state.due is None
    assert not state.is_overdue(D("2026-12-31"))


def test_consulting_stops_the_clock() -> None:
    state = compute_clock(
        [ev(K.RECEIVED, "2024-03-04"), ev(K.CONSULTATION_STARTED, "2024-03-11")], CAL
    )
    assert state.status is ClockStatus.CONSULTING
    assert state.due is None
    # Used: Mar 5-8, Mar 11 = 5; left 15 (Mar 12-15, 18-22, 25-29, Apr 1).
    assert state.paused_workdays_left == 15
    assert state.workdays_left(CAL, D("2024-06-30")) == 15
    assert not state.is_overdue(D("2024-06-30"))


def test_consultation_answer_due_fifteen_workdays() -> None:
    # Sep 9-13 (5), Sep 14 Sat make-up (6), Sep 16-17 off, Sep 18-20 (9), 23-27 (14),
    # Sep 29 Sun make-up (15).
    state = compute_clock(
        [ev(K.RECEIVED, "2024-09-02"), ev(K.CONSULTATION_STARTED, "2024-09-06")], CAL
    )
    assert state.consultation_answer_due == D("2024-09-29")
    ended = compute_clock(seq("consultation-third-party-silent"), CAL)
    assert ended.consultation_answer_due is None


def test_awaiting_fee_stops_the_clock_by_default() -> None:
    state = compute_clock([ev(K.RECEIVED, "2025-03-03"), ev(K.FEE_NOTIFIED, "2025-03-05")], CAL)
    assert state.status is ClockStatus.AWAITING_FEE
    assert state.due is None
    # Left at Mar 5: Mar 6-7 (2), 10-14 (7), 17-21 (12), 24-28 (17), Mar 31 (18).
    assert state.paused_workdays_left == 18
    # Payment due 20 working days from the day after Mar 5: Mar 6-7 (2), 10-14 (7),
    # 17-21 (12), 24-28 (17), Mar 31 (18), Apr 1 (19), Apr 2 (20).
    assert state.fee_payment_due == D("2025-04-02")


def test_fee_payment_due_over_national_day() -> None:
    # Sep 28 (1), 29-30 (3), Oct 9-10 (5), Oct 11 (6), 13-17 (11), 20-24 (16), Oct 27-30 (20).
    state = compute_clock([ev(K.RECEIVED, "2025-09-15"), ev(K.FEE_NOTIFIED, "2025-09-26")], CAL)
    assert state.fee_payment_due == D("2025-10-30")


def test_fee_payment_due_2026() -> None:
    # From Mar 16 2026: Mar 17-20 (4), 23-27 (9), Mar 30-Apr 3 (14), Apr 6 off, Apr 7-10 (18),
    # Apr 13 (19), Apr 14 (20).
    events = seq("consultation-fee-and-extension")
    assert compute_clock(events, CAL).fee_payment_due == D("2026-04-14")


def test_fee_does_not_stop_clock_when_setting_says_so() -> None:
    rules = replace(DEFAULT_RULES, fee_stops_clock=False)
    waiting = compute_clock(
        [ev(K.RECEIVED, "2025-03-03"), ev(K.FEE_NOTIFIED, "2025-03-05")], CAL, rules
    )
    assert waiting.status is ClockStatus.AWAITING_FEE
    assert waiting.due == D("2025-03-31")
    assert waiting.is_overdue(D("2025-04-01"))
    paid = compute_clock(seq("fee-stops-clock"), CAL, rules)
    assert paid.due == D("2025-03-31")
    assert paid.stopped_workdays == 0


def test_fee_expired_abandons() -> None:
    state = compute_clock(
        [
            ev(K.RECEIVED, "2025-03-03"),
            ev(K.FEE_NOTIFIED, "2025-03-05"),
            ev(K.FEE_EXPIRED, "2025-04-03"),
        ],
        CAL,
    )
    assert state.status is ClockStatus.ABANDONED
    assert state.closed_on == D("2025-04-03")


def test_count_event_day_setting() -> None:
    rules = replace(DEFAULT_RULES, count_event_day=True)
    # Mon Mar 4 2024 counts as day 1: Mar 4-8 (5), 11-15 (10), 18-22 (15), 25-29 (20).
    assert compute_clock(received("2024-03-04"), CAL, rules).due == D("2024-03-29")
    # A Saturday cannot be day 1: Mar 11-15 (5), 18-22 (10), 25-29 (15), Apr 1-3 (18),
    # Apr 7 Sun make-up (19), Apr 8 (20).
    assert compute_clock(received("2024-03-09"), CAL, rules).due == D("2024-04-08")
    # 补正 notice, receipt on a working day counted: Mar 4-8 (5), Mar 11-12 (7).
    assert compute_clock(received("2024-03-04"), CAL, rules).correction_notice_due == D(
        "2024-03-12"
    )


def test_answered_on_time_and_late() -> None:
    on_time = compute_clock([*received("2024-03-04"), ev(K.ANSWERED, "2024-04-01")], CAL)
    assert on_time.status is ClockStatus.ANSWERED
    assert on_time.closed_on == D("2024-04-01")
    assert on_time.due == D("2024-04-01")
    assert not on_time.answered_late
    assert not on_time.is_overdue(D("2024-05-01"))
    assert on_time.workdays_left(CAL, D("2024-03-10")) is None
    late = compute_clock([*received("2024-03-04"), ev(K.ANSWERED, "2024-04-02")], CAL)
    assert late.answered_late


def test_withdrawn_while_consulting() -> None:
    state = compute_clock(
        [
            ev(K.RECEIVED, "2024-03-04"),
            ev(K.CONSULTATION_STARTED, "2024-03-11"),
            ev(K.WITHDRAWN, "2024-03-20"),
        ],
        CAL,
    )
    assert state.status is ClockStatus.WITHDRAWN
    assert state.closed_on == D("2024-03-20")
    assert state.workdays_left(CAL, D("2024-03-21")) is None
    assert not state.is_overdue(D("2024-12-31"))


def test_is_overdue_the_day_after_due() -> None:
    state = compute_clock(received("2024-03-04"), CAL)  # due Apr 1 2024
    assert not state.is_overdue(D("2024-04-01"))
    assert state.is_overdue(D("2024-04-02"))


@pytest.mark.parametrize(
    ("today", "left"),
    [
        ("2024-03-04", 20),  # the day of receipt: none used yet
        ("2024-03-29", 1),  # Fri: only Apr 1 remains
        ("2024-03-30", 1),  # Sat: still Apr 1
        ("2024-04-01", 0),  # the due day
        ("2024-04-03", -2),  # Apr 2, 3 passed
        ("2024-04-06", -2),  # Sat: no working day since Apr 3 (Apr 4-5 off)
        ("2024-04-07", -3),  # make-up Sunday counts
    ],
)
def test_workdays_left(today: str, left: int) -> None:
    state = compute_clock(received("2024-03-04"), CAL)  # due Apr 1 2024
    assert state.workdays_left(CAL, D(today)) == left
