"""Write the audit log: one entry per change, in the transaction of the change."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest

from gongkai_web.agencies.models import Agency
from gongkai_web.audit.models import AuditEntry

PUBLIC = "公众"


def staff_user(request: HttpRequest) -> User:
    """The logged-in user of a staff page (the views are behind ``login_required``)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied("请先登录")
    return user


def client_ip(request: HttpRequest) -> str | None:
    """The peer address (a proxy in front must set REMOTE_ADDR; we do not trust headers)."""
    ip = request.META.get("REMOTE_ADDR") or None
    return str(ip) if ip else None


def audit(
    request: HttpRequest,
    action: str,
    summary: str,
    obj: Model | None = None,
    agency: Agency | None = None,
) -> AuditEntry:
    """Record that the user of ``request`` did ``action`` (``summary`` in Chinese) on ``obj``."""
    user = request.user
    actor = user if user.is_authenticated else None
    name = PUBLIC
    if actor is not None:
        full = f"{actor.last_name}{actor.first_name}".strip()
        name = f"{full}（{actor.username}）" if full else actor.username
    return AuditEntry.objects.create(
        actor=actor,
        actor_name=name,
        action=action,
        summary=summary[:500],
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        agency=agency,
        ip=client_ip(request),
    )
