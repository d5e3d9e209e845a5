from django.urls import path

from gongkai_web.portal.views import apply, home, published, status

app_name = "portal"

urlpatterns = [
    path("", home.portal_index, name="index"),
    path("apply/", apply.apply, name="apply"),
    path("apply/submitted/", apply.submitted, name="submitted"),
    path("status/", status.status, name="status"),
    path("reports/", published.reports, name="reports"),
    path("reports/<int:pk>/", published.report, name="report"),
    path("disclosures/", published.disclosures, name="disclosures"),
]
