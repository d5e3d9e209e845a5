"""Parse a ``DATABASE_URL`` into Django's ``DATABASES`` entry (no third-party parser)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit


class DatabaseUrlError(ValueError):
    """The URL cannot be turned into a database configuration."""


def sqlite_config(path: Path) -> dict[str, Any]:
    """SQLite with WAL journaling, set on every new connection."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
        },
    }


def parse_database_url(url: str) -> dict[str, Any]:
    """``postgresql://user:pass@host:port/name?sslmode=…`` or ``sqlite:///path``.

    ``host`` and ``port`` query parameters (``postgresql:///db?host=/tmp&port=5499``) select a
    Unix socket directory and port, as libpq does.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        raw = unquote(parts.path)
        if not raw or raw == "/":
            raise DatabaseUrlError(
                f"DATABASE_URL 缺少 SQLite 文件路径：{url!r}，例如 sqlite:///var/db.sqlite3"
            )
        # sqlite:///relative.db -> "relative.db"; sqlite:////abs/path.db -> "/abs/path.db"
        return sqlite_config(Path(raw[1:]))
    if scheme not in ("postgres", "postgresql", "pgsql"):
        raise DatabaseUrlError(
            f"不支持的数据库地址 {scheme!r}：请使用 postgresql://用户:密码@主机:端口/库名 或 sqlite:///路径"
        )
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise DatabaseUrlError(f"DATABASE_URL 缺少数据库名：{url!r}")
    options = dict(parse_qsl(parts.query))
    host = options.pop("host", None) or unquote(parts.hostname or "")
    port = options.pop("port", None) or str(parts.port or "")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": host,
        "PORT": port,
        "OPTIONS": options,
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }
