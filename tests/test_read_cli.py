"""``gongkai read`` from the command line: output options, explain, and bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from gongkai.cli import app

HERE = Path(__file__).parent
SEEDS = HERE / "fixtures" / "seeds"
SEED = SEEDS / "000_191d9aaa408da952.txt"
runner = CliRunner()


def test_json_of_one_file_is_one_record() -> None:
    result = runner.invoke(app, ["read", "--json", "--brief", str(SEED)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["year"] == 2024
    assert record["active"]["licensing"]["decisions"] == 419


def test_ndjson_is_one_record_per_line() -> None:
    result = runner.invoke(app, ["read", "--ndjson", str(SEEDS)])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 5
    assert {json.loads(line)["format"] for line in lines} == {"2021", "2019"}


def test_summary_reports_what_was_detected() -> None:
    result = runner.invoke(app, ["read", str(SEEDS / "004_47ca45022deb3961.txt")])
    assert result.exit_code == 0
    assert "湘潭县锦石乡" in result.stdout and "格式 2019" in result.stdout
    assert "text/utf-8" in result.stdout


def test_explain_shows_which_text_became_which_cell() -> None:
    result = runner.invoke(
        app, ["read", str(HERE / "fixtures" / "corpus" / "011.txt"), "--explain", "appeals"]
    )
    assert result.exit_code == 0
    assert "appeals.review.total" in result.stdout
    assert "10203120001200000" in result.stdout
    assert "split" in result.stdout


def test_a_broken_file_among_good_ones(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "fake.docx").write_bytes(b"this is not a zip at all")
    (tmp_path / "garbage.pdf").write_bytes(bytes(range(256)) * 10)
    result = subprocess.run(
        [sys.executable, "-m", "gongkai", "read", "--ndjson", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["input"]["name"] for r in records] == ["good.txt"]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3  # one line per broken file
    assert all("：" in line for line in errors)
    assert any("空" in line for line in errors)


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["read", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "找不到" in result.stderr


def test_bad_explain_table() -> None:
    result = runner.invoke(app, ["read", str(SEED), "--explain", "nonsense"])
    assert result.exit_code == 2
    assert "active、requests 或 appeals" in result.stderr
