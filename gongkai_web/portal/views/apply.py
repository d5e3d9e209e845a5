"""The online application (条例第二十九条): on submission the applicant gets a tracking number
and, separately, a verification code; both are needed to see the status."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gongkai_web.audit.log import audit
from gongkai_web.ledger import services
from gongkai_web.ledger.choices import Channel
from gongkai_web.ledger.errors import LedgerError
from gongkai_web.ledger.models import Application
from gongkai_web.portal.forms import ApplyForm
from gongkai_web.today import current_day

SESSION_KEY = "portal_submitted"
# 条例第三十一条: an application over the internet is received on the day both sides confirm;
# the online form confirms receipt on submission (the page below is that confirmation).
RECEIPT_NOTE = "网上申请，提交时系统即时确认收到"


def apply(request: HttpRequest) -> HttpResponse:
    form = ApplyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                app = services.register_application(
                    agency=data["agency"],
                    channel=Channel.ONLINE,
                    received_on=current_day(),
                    applicant_type=data["applicant_type"],
                    applicant_name=data["applicant_name"],
                    content=data["content"],
                    id_proof=form.id_proof(),
                    contact=form.contact(),
                    requested_form=data["requested_form"],
                    requested_way=data["requested_way"],
                    note=RECEIPT_NOTE,
                    actor=None,
                )
                audit(
                    request,
                    "application.submit",
                    f"网上申请：{app.tracking_number}",
                    app,
                    app.agency,
                )
        except LedgerError as exc:
            messages.error(request, exc.message)
        else:
            request.session[SESSION_KEY] = app.pk
            return redirect("portal:submitted")
    return render(request, "portal/apply.html", {"form": form})


def submitted(request: HttpRequest) -> HttpResponse:
    """Shown once, right after submission: the number and the code."""
    pk = request.session.pop(SESSION_KEY, None)
    app = Application.objects.select_related("agency").filter(pk=pk).first() if pk else None
    if app is None:
        return redirect("portal:status")
    return render(request, "portal/submitted.html", {"app": app})
