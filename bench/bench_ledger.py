"""Ledger at scale: the annual report of an agency with N applications, and its due-soon list.

    .venv/bin/python bench/bench_ledger.py [--applications 100000] [--write docs/benchmarks.md]

Runs on SQLite (a temporary file) and on PostgreSQL (a throwaway server started with
scripts/pg-test-server), each in a fresh process. The synthetic ledger is created inside one
transaction and rolled back. Target (issue): the report in under 1 second.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _docs import write_section

ROOT = Path(__file__).resolve().parent.parent


def _child(n: int) -> None:
    """Inside a process with Django configured: time the report and the due-soon list."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", interactive=False, verbosity=0)
    from gongkai_web.agencies.models import Agency, Level
    from gongkai_web.annual.bench import _rows
    from gongkai_web.annual.record import generate_record
    from gongkai_web.ledger.duesoon import due_soon
    from gongkai_web.ledger.models import Application
    from gongkai_web.workdays.services import calendar_from_db

    out: dict[str, float | int] = {"applications": n}
    try:
        with transaction.atomic():
            agency = Agency.objects.create(name="基准测试机关（将回滚）", level=Level.TOWNSHIP)
            Application.objects.bulk_create(_rows(agency, n, 7), batch_size=5000)
            cal = calendar_from_db()
            generate_record(agency, 2025)
            best = min(_timed(lambda: generate_record(agency, 2025)) for _ in range(3))
            out["report_seconds"] = best
            today = datetime.date(2025, 12, 15)
            due_soon(agency, cal, today, 5)
            out["due_soon_seconds"] = min(
                _timed(lambda: due_soon(agency, cal, today, 5)) for _ in range(3)
            )
            overdue, soon = due_soon(agency, cal, today, 5)
            out["overdue"], out["soon"] = len(overdue), len(soon)
            raise RuntimeError("rollback")
    except RuntimeError:
        pass
    print(json.dumps(out))


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _run(env: dict[str, str], n: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(n)],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "gongkai_web.settings", **env},
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--write", type=Path, default=None)
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        _child(args.child)
        return
    n = args.applications
    results = {}
    with tempfile.TemporaryDirectory() as var:
        results["SQLite"] = _run({"GONGKAI_VAR_DIR": var, "DATABASE_URL": ""}, n)
    url = subprocess.run(
        [str(ROOT / "scripts" / "pg-test-server"), "start"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    try:
        results["PostgreSQL 15"] = _run({"DATABASE_URL": url}, n)
    finally:
        subprocess.run([str(ROOT / "scripts" / "pg-test-server"), "stop", url], check=False)
    lines = [
        f"## Ledger at scale — {datetime.date.today().isoformat()}",
        "",
        f"Machine: `{platform.platform()}`, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}. Command: `.venv/bin/python bench/bench_ledger.py`.",
        "",
        "| database | applications | annual report (best of 3) | due-soon list (best of 3) |",
        "|---|---|---|---|",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {int(r['applications']):,} | {r['report_seconds'] * 1000:.0f} ms "
            f"| {r['due_soon_seconds'] * 1000:.0f} ms ({int(r['overdue'])} overdue, "
            f"{int(r['soon'])} due soon) |"
        )
    lines += ["", "Target (issue): the annual report of 100,000 applications in under 1 s.", ""]
    print("\n".join(lines))
    if args.write:
        write_section(args.write, "## Ledger at scale", lines)


if __name__ == "__main__":
    main()
