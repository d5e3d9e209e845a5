"""``gongkai demo`` and ``gongkai report``: shells over the Django ledger (gongkai_web)."""

from __future__ import annotations

import os
import secrets
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from gongkai.errors import GongkaiError

FORMATS = (".json", ".html", ".docx", ".pdf")


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai_web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def demo_command(
    today: Annotated[
        str | None, typer.Option("--today", help="演示数据的“今天”，YYYY-MM-DD（默认今天）")
    ] = None,
    password: Annotated[
        str | None, typer.Option("--password", help="所有演示账号使用同一密码（默认随机生成）")
    ] = None,
) -> None:
    """载入演示数据（示范县、示范镇和一个县级部门的一年台账），并打印演示账号。

    已载入过时不再重复生成，只为演示账号重新设置密码并打印。例：gongkai demo
    """
    try:
        day = date.fromisoformat(today) if today else date.today()
    except ValueError:
        typer.echo(f"错误：日期格式应为 YYYY-MM-DD，收到“{today}”", err=True)
        raise typer.Exit(2) from None
    _django()
    from django.contrib.auth.models import User

    from gongkai_web.agencies.models import Agency
    from gongkai_web.annual.demo import COUNTY, USERS, demo_day, load_demo

    if Agency.objects.filter(name=COUNTY).exists():
        typer.echo("演示数据已存在；已为演示账号重新设置密码。")
        logins = []
        for username, family, given, agency_name, role in USERS:
            user = User.objects.get(username=username)
            secret = password or secrets.token_urlsafe(9)
            user.set_password(secret)
            user.save(update_fields=["password"])
            what = "系统管理员" if role is None else f"{agency_name} {role.label}"
            logins.append((username, secret, family + given, what))
    else:
        try:
            result = load_demo(today=day if today else demo_day(day), password=password)
        except GongkaiError as error:
            typer.echo(f"错误：{error.message}", err=True)
            raise typer.Exit(1) from None
        typer.echo(
            f"已生成演示数据：申请 {result.applications} 件，可生成 {result.report_year} 年度报告。"
        )
        logins = result.logins
    typer.echo("演示账号（用户名 / 密码 / 姓名 / 角色）：")
    for username, secret, name, what in logins:
        typer.echo(f"  {username} / {secret} / {name} / {what}")


def report_command(
    agency: Annotated[str, typer.Argument(help="机关名称，与台账中登记的名称一致")],
    year: Annotated[int, typer.Argument(help="报告年度，如 2025")],
    to: Annotated[
        Path, typer.Option("--to", help="输出文件：.json、.html、.docx 或 .pdf（按扩展名决定格式）")
    ],
) -> None:
    """由台账生成某机关某年度的政府信息公开工作年度报告。

    例：gongkai report 示范镇人民政府 2025 --to 示范镇2025年报.docx
    """
    suffix = to.suffix.lower()
    if suffix not in FORMATS:
        typer.echo(
            f"错误：不支持的输出格式“{suffix or '无扩展名'}”，请用 .json、.html、.docx 或 .pdf",
            err=True,
        )
        raise typer.Exit(2)
    _django()
    from gongkai.render import render_docx, render_html, render_json, render_pdf
    from gongkai_web.agencies.models import Agency
    from gongkai_web.annual.record import generate_record

    found = Agency.objects.filter(name=agency).first()
    if found is None:
        names = "、".join(Agency.objects.order_by("name").values_list("name", flat=True)[:10])
        known = names or "（无，请先运行 gongkai demo）"
        typer.echo(f"错误：台账中没有名为“{agency}”的机关。已有：{known}", err=True)
        raise typer.Exit(2)
    try:
        record = generate_record(found, year)
    except GongkaiError as error:
        typer.echo(f"错误：{error.message}", err=True)
        raise typer.Exit(1) from None
    if suffix == ".json":
        to.write_text(render_json(record), "utf-8")
    elif suffix == ".html":
        to.write_text(render_html(record), "utf-8")
    elif suffix == ".docx":
        to.write_bytes(render_docx(record))
    else:
        to.write_bytes(render_pdf(record))
    typer.echo(f"已生成 {agency} {year} 年度报告：{to}")
