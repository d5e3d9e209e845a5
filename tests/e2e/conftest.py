"""End-to-end tests: Django served by pytest-django's ``live_server``, driven by Playwright in
Debian's Chromium (never a downloaded browser). Screenshots of the main pages are taken on
every run; they are kept in ``GONGKAI_SCREENSHOTS`` when set, else in a temporary directory.

Run: ``.venv/bin/pytest -m e2e tests/e2e``; refresh the committed screenshots with
``GONGKAI_SCREENSHOTS=docs/screenshots .venv/bin/pytest -m e2e tests/e2e``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"


def pytest_configure(config: pytest.Config) -> None:
    url = os.environ.get("GONGKAI_TEST_DATABASE_URL", "").strip()
    if url:
        os.environ["DATABASE_URL"] = url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai_web.settings"
    # Playwright's sync API keeps an event loop in the test thread; the ORM calls the tests
    # make between browser steps are ordinary synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    import django
    from django.conf import settings

    django.setup()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} 不存在：请安装 Debian 的 chromium 软件包（scripts/setup --dev）")
    return {"executable_path": CHROMIUM, "headless": True, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args() -> dict[str, Any]:
    return {"viewport": {"width": 1360, "height": 900}, "locale": "zh-CN"}


TODAY = date(2026, 6, 15)  # a Monday inside the bundled calendar: tests never read the clock


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings: Any) -> None:
    """The live server speaks plain HTTP: cookies cannot be Secure there."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.GONGKAI_TODAY = TODAY


@pytest.fixture
def shot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., None]]:
    """``shot(page, "desk-inbox")`` saves desk-inbox.png (the whole page, or what the window
    shows with ``full=False``) and checks that a picture was written."""
    folder = os.environ.get("GONGKAI_SCREENSHOTS")
    target = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    target.mkdir(parents=True, exist_ok=True)

    def take(page: Any, name: str, full: bool = True) -> None:
        path = target / f"{name}.png"
        page.screenshot(path=str(path), full_page=full)
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    yield take


def log_in(page: Any, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


@pytest.fixture
def login() -> Callable[[Any, str, str, str], None]:
    return log_in
