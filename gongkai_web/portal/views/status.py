"""The public status page: tracking number and verification code, both required.

The code is compared in constant time; an unknown number costs the same comparison. Wrong
attempts are counted per address and per number (``throttle.STATUS``): past the limit, the
lookup is refused for a while. The answer never says which of the two was wrong.
"""

from __future__ import annotations

import secrets

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from gongkai_web.audit import throttle
from gongkai_web.audit.log import client_ip
from gongkai_web.ledger.models import Application
from gongkai_web.portal.forms import StatusForm

WRONG = "申请编号或验证码不正确，请核对后重新输入"
_DUMMY = "0" * 8


def _lookup(number: str, code: str) -> Application | None:
    app = Application.objects.select_related("agency").filter(tracking_number=number).first()
    if app is None:
        secrets.compare_digest(_DUMMY, code)
        return None
    return app if app.check_code(code) else None


def status(request: HttpRequest) -> HttpResponse:
    form = StatusForm(request.POST if request.method == "POST" else None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        number, code = form.cleaned_data["tracking_number"], form.cleaned_data["code"]
        keys = [f"ip:{client_ip(request)}", f"number:{number}"]
        until = throttle.locked_until(throttle.STATUS, keys, now)
        if until is not None:
            minutes = throttle.minutes_left(until, now)
            form.add_error(None, f"查询失败次数过多，请于 {minutes} 分钟后再试")
        else:
            app = _lookup(number, code)
            if app is None:
                throttle.fail(throttle.STATUS, keys, now)
                form.add_error(None, WRONG)
            else:
                context["app"] = app
                context["events"] = app.events.order_by("day", "id")  # shown: step and day only
                context["masked_name"] = app.applicant_name[:1] + "*" * (
                    len(app.applicant_name) - 1
                )
    return render(request, "portal/status.html", context)
