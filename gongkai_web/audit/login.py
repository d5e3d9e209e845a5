"""Staff login with a throttle: ``LOGIN.attempts`` failures for one user name or from one
address within ``LOGIN.window`` lock further attempts until the window has passed."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.utils import timezone

from gongkai_web.audit import throttle
from gongkai_web.audit.log import client_ip

MESSAGES = {
    "invalid_login": "用户名或密码不正确，请重新输入（注意区分大小写）。",
    "inactive": "该账号已停用，请联系系统管理员。",
    "locked": "登录失败次数过多，已临时锁定，请于 %(minutes)d 分钟后再试。",
}


class ThrottledAuthenticationForm(AuthenticationForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.error_messages = dict(MESSAGES)

    def _keys(self) -> list[str]:
        username = str(self.data.get("username", "")).strip().lower()
        keys = [f"user:{username}"]
        ip = client_ip(self.request) if self.request is not None else None
        if ip:
            keys.append(f"ip:{ip}")
        return keys

    def clean(self) -> dict[str, Any]:
        now = timezone.now()
        keys = self._keys()
        until = throttle.locked_until(throttle.LOGIN, keys, now)
        if until is not None:
            raise ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"minutes": throttle.minutes_left(until, now)},
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            throttle.fail(throttle.LOGIN, keys, now)
            raise
        throttle.clear(throttle.LOGIN, keys[:1])
        return cleaned


class ThrottledLoginView(LoginView):
    authentication_form = ThrottledAuthenticationForm
    redirect_authenticated_user = True
