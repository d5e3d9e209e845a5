"""URLs: the admin for now; the web helper adds the public and staff pages."""

from django.contrib import admin
from django.urls import URLPattern, URLResolver, path

admin.site.site_header = "政府信息公开工作台账"
admin.site.site_title = "政府信息公开工作台账"
admin.site.index_title = "台账管理"

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
]
