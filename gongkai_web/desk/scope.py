"""The desk's view of the scoping helper: which bodies and applications a user works on.

Everything here goes through ``gongkai_web.agencies.access.for_user`` with ``DESK_ROLES``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from gongkai_web.agencies.access import DESK_ROLES, for_user, has_role
from gongkai_web.agencies.models import Agency, Role
from gongkai_web.annual.models import AnnualReport
from gongkai_web.ledger.models import Application, ProactiveDisclosure

View = Callable[..., HttpResponse]


def desk_agencies(request: HttpRequest) -> QuerySet[Agency]:
    return for_user(Agency.objects.all(), request.user, field="id", roles=DESK_ROLES)


def applications(request: HttpRequest) -> QuerySet[Application]:
    return for_user(Application.objects.all(), request.user, roles=DESK_ROLES)


def disclosures(request: HttpRequest) -> QuerySet[ProactiveDisclosure]:
    return for_user(ProactiveDisclosure.objects.all(), request.user, roles=DESK_ROLES)


def annual_reports(request: HttpRequest) -> QuerySet[AnnualReport]:
    return for_user(AnnualReport.objects.all(), request.user, roles=DESK_ROLES)


def desk_required(view: View) -> View:
    """Login, then a clerk or head membership (or superuser); 403 otherwise."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not desk_agencies(request).exists():
            raise PermissionDenied("经办工作台仅供机关的经办人和政务公开工作机构负责人使用。")
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def current_agency(request: HttpRequest) -> Agency:
    """The body the desk shows: ``?agency=`` if the user may work on it, else the first one."""
    agencies = desk_agencies(request)
    raw = request.GET.get("agency") or request.POST.get("agency")
    if raw:
        try:
            return agencies.get(pk=int(raw))
        except (ValueError, Agency.DoesNotExist):
            raise Http404("没有这个机关，或者您无权办理它的事务") from None
    first = agencies.order_by("name").first()
    if first is None:
        raise PermissionDenied("您不属于任何机关")
    return first


def is_head(request: HttpRequest, agency: Agency) -> bool:
    return has_role(request.user, agency, Role.HEAD)
