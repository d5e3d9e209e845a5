from django.urls import path

from gongkai_web.desk.views import annual, application, disclosures, inbox

app_name = "desk"

urlpatterns = [
    path("", inbox.inbox, name="inbox"),
    path("applications/new/", application.register, name="register"),
    path("applications/<int:pk>/", application.detail, name="application"),
    path("applications/<int:pk>/edit/", application.edit_details, name="edit"),
    path("applications/<int:pk>/act/<slug:slug>/", application.act, name="act"),
    path(
        "applications/<int:pk>/letters/<int:event_pk>.<str:fmt>",
        application.letter,
        name="letter",
    ),
    path("disclosures/", disclosures.register, name="disclosures"),
    path("disclosures/new/", disclosures.create, name="disclosure-create"),
    path("disclosures/<int:pk>/", disclosures.detail, name="disclosure"),
    path("disclosures/<int:pk>/review/", disclosures.review, name="disclosure-review"),
    path("disclosures/<int:pk>/publish/", disclosures.publish, name="disclosure-publish"),
    path("annual/", annual.annual, name="annual"),
    path("annual/<int:agency_pk>/<int:year>/preview/", annual.preview, name="annual-preview"),
    path("annual/<int:agency_pk>/<int:year>/edit/", annual.edit, name="annual-edit"),
    path("annual/<int:agency_pk>/<int:year>/publish/", annual.publish, name="annual-publish"),
    path(
        "annual/<int:agency_pk>/<int:year>/download.<str:fmt>",
        annual.download,
        name="annual-download",
    ),
]
