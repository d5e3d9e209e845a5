from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, User

from gongkai_web.agencies.access import for_user, visible_agency_ids
from gongkai_web.agencies.models import Agency, Level, Membership
from gongkai_web.ledger.models import Application

pytestmark = pytest.mark.django_db


def test_clerk_sees_own_body_supervisor_sees_the_tree(make_app: Any, agency: Any) -> None:
    county = Agency.objects.create(name="测试县人民政府", level=Level.COUNTY_GOVERNMENT)
    agency.parent = county
    agency.save()
    village_office = Agency.objects.create(
        name="测试镇便民服务中心", level=Level.TOWNSHIP, parent=agency
    )
    elsewhere = Agency.objects.create(name="别县人民政府", level=Level.COUNTY_GOVERNMENT)
    mine = make_app(date(2025, 3, 3))
    theirs = make_app(date(2025, 3, 3), agency=elsewhere)

    clerk = User.objects.create_user("c")
    Membership.objects.create(user=clerk, agency=agency, role="clerk")
    supervisor = User.objects.create_user("s")
    Membership.objects.create(user=supervisor, agency=county, role="supervisor")
    root = User.objects.create_superuser("r", None, None)

    assert visible_agency_ids(clerk) == {agency.pk}
    assert visible_agency_ids(supervisor) == {county.pk, agency.pk, village_office.pk}
    assert visible_agency_ids(root) is None
    assert visible_agency_ids(AnonymousUser()) == set()
    assert list(for_user(Application.objects.all(), clerk)) == [mine]
    assert set(for_user(Application.objects.all(), root)) == {mine, theirs}
    assert not for_user(Application.objects.all(), AnonymousUser()).exists()
