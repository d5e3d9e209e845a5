"""``gongkai workdays`` through typer's CliRunner; the messages are pinned verbatim."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.clock.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"GONGKAI_WORKDAYS": ""})
    return result.exit_code, result.stdout, result.stderr


def test_add() -> None:
    # Sep 28 Sun make-up (1), Sep 29 (2), Sep 30 (3), Oct 1-8 closed, Oct 9 (4), Oct 10 (5).
    code, out, _ = run("add", "2025-09-26", "5")
    assert code == 0
    assert out == "2025-10-10（星期五）：2025-09-26 之后第 5 个工作日\n"


def test_add_landing_on_makeup_saturday() -> None:
    code, out, _ = run("add", "2025-09-26", "6")
    assert code == 0
    assert out.startswith("2025-10-11（星期六）")


@pytest.mark.parametrize(
    ("day", "line"),
    [
        ("2025-09-29", "2025-09-29（星期一）是工作日：周一至周五"),
        ("2025-09-27", "2025-09-27（星期六）不是工作日：周末"),
        ("2025-10-01", "2025-10-01（星期三）不是工作日：法定节假日（国办发明电〔2024〕12号）"),
        ("2025-09-28", "2025-09-28（星期日）是工作日：调休上班（国办发明电〔2024〕12号）"),
        ("2024-02-18", "2024-02-18（星期日）是工作日：调休上班（国办发明电〔2023〕7号）"),
    ],
)
def test_is(day: str, line: str) -> None:
    code, out, _ = run("is", day)
    assert code == 0
    assert out == line + "\n"


def test_between() -> None:
    code, out, _ = run("between", "2025-09-26", "2025-10-10")
    assert (code, out) == (0, "5\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("add", "2025-02-30", "5"),
            "日期“2025-02-30”无法识别：请写成 YYYY-MM-DD，例如 2025-09-26",
        ),
        (("add", "2025-09-26", "五"), "工作日数“五”不是整数：请写一个不小于 0 的整数，例如 5"),
        (("is", "明天"), "日期“明天”无法识别：请写成 YYYY-MM-DD，例如 2025-09-26"),
        (
            ("is", "2027-01-04"),
            "缺少 2027 年的工作日历（国务院办公厅节假日安排通知）："
            "请用 gongkai workdays import 导入该年数据后重试",
        ),
        (("add", "2026-12-30", "2"), "缺少 2027 年的工作日历"),
        (("add", "2018-12-28", "1"), "缺少 2018 年的工作日历"),
        (("between", "2026-12-30", "2027-01-05"), "缺少 2027 年的工作日历"),
    ],
)
def test_errors_exit_2_with_chinese_message(args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert message in err


def test_years() -> None:
    code, out, _ = run("years")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("2019\t国办发明电〔2018〕15号")
    assert lines[-1] == "2026\t国办发明电〔2025〕7号"


def test_import_then_use(tmp_path: Path) -> None:
    file = tmp_path / "extra.json"
    # A made-up 2027: Jan 1 (Fri) off; Feb 5 (Fri)..Feb 11 (Thu) off, whose Sat/Sun are dropped;
    # Sat Feb 13 worked.
    code, out, err = run(
        "import",
        "2027",
        "--notice",
        "测试通知",
        "--off",
        "2027-01-01",
        "--off",
        "2027-02-05..2027-02-11",
        "--makeup",
        "2027-02-13",
        "--calendar",
        str(file),
    )
    assert (code, err) == (0, "")
    assert out == f"已写入 {file}：2027 年，6 个工作日放假，1 个调休上班日（测试通知）\n"
    data = json.loads(file.read_text("utf-8"))
    assert data["years"]["2027"]["off"] == [
        "2027-01-01",
        "2027-02-05",
        "2027-02-08",
        "2027-02-09",
        "2027-02-10",
        "2027-02-11",
    ]
    code, out, _ = run("is", "2027-02-13", "--calendar", str(file))
    assert (code, out) == (0, "2027-02-13（星期六）是工作日：调休上班（测试通知）\n")
    # From Thu Dec 31 2026: Jan 1 off, Jan 4 (Mon) is the first working day.
    code, out, _ = run("add", "2026-12-31", "1", "--calendar", str(file))
    assert (code, out.split("：")[0]) == (0, "2027-01-04（星期一）")


def test_import_needs_a_target_file() -> None:
    code, _, err = run("import", "2027", "--notice", "测试通知")
    assert code == 2
    assert "请用 --calendar 指定要写入的工作日历文件（或设置环境变量 GONGKAI_WORKDAYS）" in err


def test_import_rejects_weekday_makeup(tmp_path: Path) -> None:
    file = tmp_path / "extra.json"
    code, _, err = run(
        "import", "2027", "--notice", "x", "--makeup", "2027-01-04", "--calendar", str(file)
    )
    assert code == 2
    assert "调休上班日 2027-01-04 不是周末" in err
    assert not file.exists()


def test_bad_calendar_file(tmp_path: Path) -> None:
    file = tmp_path / "bad.json"
    file.write_text("{", "utf-8")
    code, _, err = run("is", "2025-01-01", "--calendar", str(file))
    assert code == 2
    assert f"工作日历文件 {file} 不是有效的 UTF-8 JSON" in err


def test_help_is_chinese_with_an_example() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "工作日计算" in result.stdout
    for command in ("add", "is", "between", "years", "import"):
        help_text = runner.invoke(app, [command, "--help"]).stdout
        assert "示例：gongkai workdays" in help_text, command
