"""URLs: the home page, staff login, the clerk desk, the supervisor's review, the public
portal, and the admin (whose login goes through the same throttled login page)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.views import LogoutView, redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, include, path, reverse

from gongkai_web.audit.login import ThrottledLoginView
from gongkai_web.portal.views.home import home

admin.site.site_header = "政府信息公开工作台账"
admin.site.site_title = "政府信息公开工作台账"
admin.site.index_title = "台账管理"


def _admin_login(request: HttpRequest, extra_context: Any = None) -> HttpResponse:
    """One login page for everyone, so that the throttle cannot be bypassed."""
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"), reverse("login"))


admin.site.login = _admin_login  # type: ignore[method-assign]

urlpatterns: list[URLPattern | URLResolver] = [
    path("", home, name="home"),
    path("accounts/login/", ThrottledLoginView.as_view(), name="login"),
    path("accounts/logout/", LogoutView.as_view(), name="logout"),
    path("desk/", include("gongkai_web.desk.urls")),
    path("review/", include("gongkai_web.review.urls")),
    path("portal/", include("gongkai_web.portal.urls")),
    path("admin/", admin.site.urls),
]
