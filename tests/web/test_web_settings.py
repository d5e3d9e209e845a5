from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db.utils import ConnectionHandler

from gongkai_web.dburl import DatabaseUrlError, parse_database_url, sqlite_config


def test_postgres_url_is_parsed() -> None:
    cfg = parse_database_url("postgresql://gk:p%40ss@db.example:5433/gongkai?sslmode=require")
    assert cfg["ENGINE"] == "django.db.backends.postgresql"
    assert (cfg["NAME"], cfg["USER"], cfg["PASSWORD"]) == ("gongkai", "gk", "p@ss")
    assert (cfg["HOST"], cfg["PORT"]) == ("db.example", "5433")
    assert cfg["OPTIONS"] == {"sslmode": "require"}


def test_postgres_socket_directory_from_host_parameter() -> None:
    cfg = parse_database_url("postgres://postgres@/gongkai?host=/tmp/pg")
    assert (cfg["HOST"], cfg["PORT"], cfg["OPTIONS"]) == ("/tmp/pg", "", {})


def test_sqlite_url() -> None:
    assert parse_database_url("sqlite:////srv/gk.sqlite3")["NAME"] == "/srv/gk.sqlite3"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u@h/db", "不支持的数据库地址"),
        ("postgresql://u@h/", "缺少数据库名"),
        ("sqlite://", "缺少 SQLite 文件路径"),
    ],
)
def test_bad_urls_say_what_to_write(url: str, message: str) -> None:
    with pytest.raises(DatabaseUrlError, match=message):
        parse_database_url(url)


def test_sqlite_connections_use_wal(tmp_path: Path, django_db_blocker: Any) -> None:
    handler = ConnectionHandler({"default": sqlite_config(tmp_path / "x.sqlite3")})
    conn = handler["default"]
    with django_db_blocker.unblock():
        try:
            with conn.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode")
                assert cursor.fetchone()[0] == "wal"
        finally:
            conn.close()


def test_chinese_and_shanghai() -> None:
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE


@pytest.mark.django_db
def test_tests_run_on_the_database_asked_for() -> None:
    from django.db import connection

    wanted = "postgresql" if os.environ.get("GONGKAI_TEST_DATABASE_URL") else "sqlite"
    assert connection.vendor == wanted
