"""The one queryset-scoping helper: which agencies a user may see.

A clerk or head sees the bodies they belong to; a supervisor also sees every body below
(``parent`` chain); a superuser sees everything. Ledger querysets are scoped through
``for_user(queryset, user, field)``.

``roles`` narrows the memberships that count: the clerk desk passes ``DESK_ROLES`` (a
supervisor of the county does not work the township's inbox), the supervisor pages pass
``REVIEW_ROLES``. Without ``roles`` every membership counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Model, QuerySet

from gongkai_web.agencies.models import Agency, Membership, Role

M = TypeVar("M", bound=Model)

DESK_ROLES: tuple[Role, ...] = (Role.CLERK, Role.HEAD)
REVIEW_ROLES: tuple[Role, ...] = (Role.SUPERVISOR,)


def visible_agency_ids(
    user: AbstractBaseUser | AnonymousUser, roles: Iterable[Role] | None = None
) -> set[int] | None:
    """Agency ids ``user`` may see (through memberships of ``roles``); ``None`` means all
    (superuser)."""
    if not user.is_authenticated:
        return set()
    if getattr(user, "is_superuser", False):
        return None
    memberships = Membership.objects.filter(user_id=user.pk)
    if roles is not None:
        memberships = memberships.filter(role__in=list(roles))
    rows = memberships.values_list("agency_id", "role")
    seen = {agency_id for agency_id, _ in rows}
    frontier = {agency_id for agency_id, role in rows if role == Role.SUPERVISOR}
    while frontier:  # walk down the hierarchy, one query per level
        below = (
            set(Agency.objects.filter(parent_id__in=frontier).values_list("id", flat=True)) - seen
        )
        seen |= below
        frontier = below
    return seen


def for_user(
    queryset: QuerySet[M],
    user: AbstractBaseUser | AnonymousUser,
    field: str = "agency",
    roles: Iterable[Role] | None = None,
) -> QuerySet[M]:
    """``queryset`` limited to rows whose ``field`` is an agency ``user`` may see."""
    ids = visible_agency_ids(user, roles)
    if ids is None:
        return queryset
    return queryset.filter(**{f"{field}__in": ids})


def has_role(user: AbstractBaseUser | AnonymousUser, agency: Agency, role: Role) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(user_id=user.pk, agency=agency, role=role).exists()
    )
