"""``gongkai demo`` and ``gongkai report``: the generated report, in every rendering, reads
back through the reader to exactly the record that was generated, and passes every check."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai import read
from gongkai.checks import check
from gongkai.cli import app

runner = CliRunner()
pytestmark = pytest.mark.django_db


def test_demo_then_report_round_trips_in_every_format(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--today", "2026-11-21", "--password", "pw-demo-1"])
    assert result.exit_code == 0, result.output
    assert "zhangxiaoyan / pw-demo-1" in result.stdout
    records = {}
    for suffix in ("json", "html", "docx", "pdf"):
        out = tmp_path / f"report.{suffix}"
        done = runner.invoke(app, ["report", "示范镇人民政府", "2025", "--to", str(out)])
        assert done.exit_code == 0, done.output
        records[suffix] = read(out)
    generated = records["json"].to_dict(detail=False)
    assert generated["requests"]["new_received"]["total"] > 100  # a realistic year
    for suffix, record in records.items():
        assert record.to_dict(detail=False) == generated, suffix
    errors = [f for f in check(records["json"]) if f.severity == "error"]
    assert errors == []


def test_second_demo_run_only_resets_passwords() -> None:
    first = runner.invoke(app, ["demo", "--today", "2026-11-21", "--password", "a-secret"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["demo", "--password", "b-secret"])
    assert again.exit_code == 0, again.output
    assert "演示数据已存在" in again.stdout
    assert "zhangxiaoyan / b-secret" in again.stdout


def test_unknown_agency_and_bad_format(tmp_path: Path) -> None:
    bad = runner.invoke(app, ["report", "不存在的机关", "2025", "--to", str(tmp_path / "x.json")])
    assert bad.exit_code == 2
    assert "没有名为“不存在的机关”的机关" in bad.stderr
    wrong = runner.invoke(
        app, ["report", "示范镇人民政府", "2025", "--to", str(tmp_path / "x.txt")]
    )
    assert wrong.exit_code == 2
    assert "不支持的输出格式" in wrong.stderr
