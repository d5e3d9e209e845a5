"""``gongkai check``, ``gongkai rules`` and ``gongkai export`` through typer's CliRunner."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from check_records import SEEDS, consistent
from typer.testing import CliRunner

from gongkai.checks import RULES
from gongkai.checks.cli import app
from gongkai.layout import layout

runner = CliRunner()
FIELDS = {"rule", "kind", "severity", "result", "cells", "message", "source"}


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def _seed_json(tmp_path: Path, prefix: str) -> Path:
    (source,) = SEEDS.glob(f"{prefix}_*.expected.json")
    return Path(shutil.copy(source, tmp_path / source.name))


def test_clean_report_exits_0(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(_write(tmp_path / "a.json", consistent()))])
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.stdout
    assert "共检查 1 份报告：错误 0 项" in result.stdout


def test_failed_error_exits_1_and_is_printed(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(_seed_json(tmp_path, "004"))])
    assert result.exit_code == 1
    assert "错误 GK-T3-BALANCE  表三“总计”列：本年新收 3 + 上年结转 0 = 3" in result.stdout


def test_warnings_only_exit_0(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(_seed_json(tmp_path, "002"))])
    assert result.exit_code == 0
    assert "警告 GK-AUTH-RULES" in result.stdout


def test_unreadable_file_exits_2_and_the_good_files_are_still_checked(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.json", consistent())
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", "utf-8")
    missing = tmp_path / "missing.json"
    result = runner.invoke(app, ["check", str(good), str(broken), str(missing)])
    assert result.exit_code == 2
    assert f"{broken}：不是有效的 JSON 记录" in result.stderr
    assert f"{missing}：找不到该文件，请检查路径" in result.stderr
    assert "共检查 1 份报告" in result.stdout and "2 个文件无法读取" in result.stdout


def test_json_output_fields(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "--json", str(_seed_json(tmp_path, "004"))])
    assert result.exit_code == 1
    (entry,) = json.loads(result.stdout)
    assert entry["agency"] == "锦石乡" and entry["year"] == 2020 and entry["error"] is None
    kinds = {f["kind"] for f in entry["findings"]}
    assert {"balance_identity", "total_not_sum_of_outcomes"} <= kinds
    for finding in entry["findings"]:
        assert set(finding) >= FIELDS
        assert finding["severity"] in ("error", "warning", "info")
        assert finding["result"] in ("fail", "uncertain")


def test_json_output_lists_unreadable_files(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "--json", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
    assert json.loads(result.stdout) == [
        {
            "file": str(tmp_path / "nope.json"),
            "index": None,
            "error": "找不到该文件，请检查路径",
            "agency": None,
            "year": None,
            "format": None,
            "previous": None,
            "findings": [],
        }
    ]


def _two_years(tmp_path: Path) -> tuple[Path, Path]:
    last = consistent()
    last.update(year=2022)
    last["requests"]["carried_forward"].update(natural_person=1, commercial=2, total=3)
    last["requests"]["new_received"].update(natural_person=5, commercial=3, total=8)
    last["requests"]["total"].update(natural_person=3, commercial=1, total=4)
    last["requests"]["unavailable_not_held"].update(natural_person=1, total=1)
    (tmp_path / "sub").mkdir()
    return _write(tmp_path / "sub" / "2022.json", last), _write(
        tmp_path / "2023.json", consistent()
    )


def test_directory_pairs_consecutive_years_of_the_same_body(tmp_path: Path) -> None:
    last, this = _two_years(tmp_path)
    result = runner.invoke(app, ["check", "--json", str(tmp_path)])
    entries = {e["year"]: e for e in json.loads(result.stdout)}
    assert entries[2023]["previous"] == str(last)
    carry = [f for f in entries[2023]["findings"] if f["rule"] == "GK-YEAR-CARRY"]
    assert ["requests.carried_over.total"] in [f["cells"] for f in carry]
    assert entries[2022]["previous"] is None
    plain = runner.invoke(app, ["check", str(this)])
    assert "GK-YEAR-CARRY" not in plain.stdout  # alone, nothing to pair with


def test_previous_option(tmp_path: Path) -> None:
    last, this = _two_years(tmp_path)
    result = runner.invoke(app, ["check", "--json", str(this), "--previous", str(last)])
    (entry,) = json.loads(result.stdout)
    assert entry["previous"] == str(last)
    assert any(f["rule"] == "GK-YEAR-CARRY" for f in entry["findings"])
    bad = runner.invoke(app, ["check", str(this), "--previous", str(tmp_path / "none.json")])
    assert bad.exit_code == 2 and "上一年度报告" in bad.stderr


def test_workers_give_the_same_result(tmp_path: Path) -> None:
    for prefix in ("000", "002", "004"):
        _seed_json(tmp_path, prefix)
    one = runner.invoke(app, ["check", "--json", str(tmp_path)])
    two = runner.invoke(app, ["check", "--json", "--workers", "2", str(tmp_path)])
    assert one.exit_code == two.exit_code == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_reads_report_texts_with_the_reader(tmp_path: Path) -> None:
    (text,) = SEEDS.glob("002_*.txt")
    result = runner.invoke(app, ["check", "--json", str(text)])
    (entry,) = json.loads(result.stdout)
    assert entry["agency"] == "武当路街办"
    assert {"rules_outside_authority", "empty_section"} <= {f["kind"] for f in entry["findings"]}


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--workers", "0"], "--workers"),
        (["--skip", "GK-NOPE"], "没有规则 GK-NOPE"),
        (["--township-deadline", "1月31日"], "月-日"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], words: str) -> None:
    good = _write(tmp_path / "a.json", consistent())
    result = runner.invoke(app, ["check", str(good), *args])
    assert result.exit_code == 2
    assert words in result.output


def test_empty_directory_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2 and "没有找到可检查的文件" in result.stderr


def test_skip_turns_a_rule_off(tmp_path: Path) -> None:
    path = _seed_json(tmp_path, "002")
    result = runner.invoke(app, ["check", "--json", "--skip", "GK-AUTH-RULES", str(path)])
    (entry,) = json.loads(result.stdout)
    assert all(f["rule"] != "GK-AUTH-RULES" for f in entry["findings"])


def test_rules_lists_the_catalogue() -> None:
    result = runner.invoke(app, ["rules", "--json"])
    assert result.exit_code == 0
    listed = json.loads(result.stdout)
    assert [r["id"] for r in listed] == [r.id for r in RULES]
    assert {"id", "kind", "severity", "title"} <= set(listed[0])
    table = runner.invoke(app, ["rules"])
    for rule in RULES:
        assert rule.id in table.stdout


def test_help_has_examples() -> None:
    for command in ("check", "rules", "export"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "例：gongkai " in result.stdout


# -- export --------------------------------------------------------------------------------


def _corpus(tmp_path: Path) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    for prefix in ("000", "004"):
        _seed_json(reports, prefix)
    return reports


def test_export_xlsx(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    result = runner.invoke(app, ["export", str(_corpus(tmp_path)), "--to", str(target)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(target) as book:
        workbook = book.read("xl/workbook.xml").decode("utf-8")
    for sheet in ("reports", "cells", "findings"):
        assert f'name="{sheet}"' in workbook


def test_export_csv_directory(tmp_path: Path) -> None:
    target = tmp_path / "csv"
    result = runner.invoke(app, ["export", str(_corpus(tmp_path)), "--to", str(target)])
    assert result.exit_code == 0, result.output
    reports = (target / "reports.csv").read_text("utf-8-sig").splitlines()
    assert reports[0].startswith("file,sha256,record,agency,year,format")
    assert len(reports) == 3
    cells = (target / "cells.csv").read_text("utf-8-sig").splitlines()
    # one row per cell of the 2021 layout (seed 000) and of the 2019 layout (seed 004)
    assert len(cells) == 1 + len(layout("2021").paths()) + len(layout("2019").paths())
    findings = (target / "findings.csv").read_text("utf-8-sig")
    assert "GK-T3-BALANCE" in findings and "GK-TEXT-ENUM" not in findings  # no sections text


def _count(db: Path, table: str) -> int:
    connection = sqlite3.connect(db)
    try:
        (n,) = connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()
        return int(n)
    finally:
        connection.close()


def test_export_sqlite_is_resumable(tmp_path: Path) -> None:
    reports = _corpus(tmp_path)
    target = tmp_path / "out.sqlite"
    first = runner.invoke(app, ["export", str(reports), "--to", str(target)])
    assert first.exit_code == 0 and "已导出 2 份报告" in first.stdout
    counts = {t: _count(target, t) for t in ("reports", "cells", "findings")}
    assert counts["reports"] == 2 and counts["findings"] > 0
    again = runner.invoke(app, ["export", str(reports), "--to", str(target)])
    assert "已导出 0 份报告" in again.stdout and "跳过已导出的 2 个文件" in again.stdout
    assert {t: _count(target, t) for t in counts} == counts
    _seed_json(reports, "002")
    more = runner.invoke(app, ["export", str(reports), "--to", str(target)])
    assert "已导出 1 份报告" in more.stdout
    assert _count(target, "reports") == 3


def test_export_ndjson_is_resumable_after_an_interrupted_line(tmp_path: Path) -> None:
    reports = _corpus(tmp_path)
    target = tmp_path / "out.ndjson"
    runner.invoke(app, ["export", str(reports), "--to", str(target)])
    lines = target.read_text("utf-8").splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert {"sha256", "agency", "cells", "findings", "errors"} <= set(record)
    # an interrupted run left the second line half-written
    target.write_text(lines[0] + "\n" + lines[1][:40], "utf-8")
    result = runner.invoke(app, ["export", str(reports), "--to", str(target)])
    assert "已导出 1 份报告" in result.stdout
    again = target.read_text("utf-8").splitlines()
    assert len(again) == 2 and [json.loads(x)["sha256"] for x in again] == [
        json.loads(x)["sha256"] for x in lines
    ]


def test_export_skips_a_broken_file_and_exits_2(tmp_path: Path) -> None:
    reports = _corpus(tmp_path)
    (reports / "broken.json").write_text("[1, 2]", "utf-8")
    target = tmp_path / "out.ndjson"
    result = runner.invoke(app, ["export", str(reports), "--to", str(target)])
    assert result.exit_code == 2
    assert "broken.json：JSON 记录的内容不符合约定" in result.stderr
    assert len(target.read_text("utf-8").splitlines()) == 2


def test_export_to_an_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(tmp_path), "--to", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2 and "无法识别导出格式" in result.stderr


def test_directory_scan_skips_notes_and_hidden_files(tmp_path: Path) -> None:
    _write(tmp_path / "a.json", consistent())
    (tmp_path / "README.md").write_text("# 说明", "utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "b.json").write_text("{broken", "utf-8")
    result = runner.invoke(app, ["check", "--json", str(tmp_path)])
    assert result.exit_code == 0
    assert [e["file"] for e in json.loads(result.stdout)] == [str(tmp_path / "a.json")]


def test_a_json_array_of_records_is_checked_record_by_record(tmp_path: Path) -> None:
    bad = consistent()
    bad["requests"]["carried_over"].update(total=2)
    path = tmp_path / "two.json"
    path.write_text(json.dumps([consistent(), bad], ensure_ascii=False), "utf-8")
    result = runner.invoke(app, ["check", "--json", str(path)])
    assert result.exit_code == 1
    entries = json.loads(result.stdout)
    assert [(e["index"], bool(e["findings"])) for e in entries] == [(0, False), (1, True)]
