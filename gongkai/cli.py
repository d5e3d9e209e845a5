"""The ``gongkai`` command: thin shells over the library (see each sub-command's module)."""

from __future__ import annotations

import typer

from gongkai.checks.cli import register as register_checks
from gongkai.clock.cli import app as workdays_app
from gongkai.ledgercli import demo_command, report_command
from gongkai.readcli import read_command

app = typer.Typer(
    help="gongkai：政府信息公开年度报告的读取、检查、台账与生成。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("read")(read_command)
register_checks(app)
app.add_typer(workdays_app, name="workdays")
app.command("demo")(demo_command)
app.command("report")(report_command)


@app.callback()
def _root() -> None:
    """gongkai：政府信息公开年度报告的读取、检查、台账与生成。"""


def main() -> None:
    app()
