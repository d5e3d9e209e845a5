"""The review pages' view of the scoping helper (``for_user`` with ``REVIEW_ROLES``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from gongkai_web.agencies.access import REVIEW_ROLES, for_user
from gongkai_web.agencies.models import Agency
from gongkai_web.review.models import ReviewedReport

View = Callable[..., HttpResponse]


def supervised(request: HttpRequest) -> QuerySet[Agency]:
    """The bodies the user supervises (their own and every one below)."""
    return for_user(Agency.objects.all(), request.user, field="id", roles=REVIEW_ROLES)


def reports(request: HttpRequest) -> QuerySet[ReviewedReport]:
    return for_user(ReviewedReport.objects.all(), request.user, field="owner", roles=REVIEW_ROLES)


def owners(request: HttpRequest) -> list[Agency]:
    """The top bodies of the user's supervised tree: those whose reports they add."""
    agencies = list(supervised(request).order_by("name"))
    ids = {a.pk for a in agencies}
    return [a for a in agencies if a.parent_id not in ids]


def owner_from(request: HttpRequest) -> Agency:
    choices = owners(request)
    raw = request.POST.get("owner")
    if raw:
        for agency in choices:
            if str(agency.pk) == raw:
                return agency
        raise Http404("没有这个审查机关，或者您无权代表它审查")
    if not choices:
        raise PermissionDenied("您不属于任何政务公开监督机关")
    return choices[0]


def review_required(view: View) -> View:
    """Login, then a supervisor membership (or superuser); 403 otherwise."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not supervised(request).exists():
            raise PermissionDenied("年报审查仅供政务公开监督人员使用。")
        return view(request, *args, **kwargs)

    return login_required(wrapper)
