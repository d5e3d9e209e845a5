"""Admin screens. Applications change state only through the services: the admin shows
status, due date and the event log read-only; creating one goes through
``register_application``, editing through ``edit_details`` (version-checked)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.forms import ModelForm
from django.http import HttpRequest

from gongkai_web.ledger import services
from gongkai_web.ledger.errors import LedgerError
from gongkai_web.ledger.models import (
    Appeal,
    Application,
    ApplicationEvent,
    DisclosureReview,
    MonthlyTally,
    ProactiveDisclosure,
    RegulatoryDocument,
)


class EventInline(admin.TabularInline[ApplicationEvent, Application]):
    model = ApplicationEvent
    extra = 0
    can_delete = False
    fields = ("day", "kind", "workdays", "amount", "outcome", "note", "actor", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Application | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Application | None = None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin[Application]):
    list_display = (
        "tracking_number",
        "agency",
        "applicant_name",
        "applicant_type",
        "channel",
        "received_on",
        "status",
        "due_date",
        "extended",
        "outcome",
        "answered_on",
    )
    list_filter = ("agency", "status", "applicant_type", "channel", "outcome", "extended")
    search_fields = ("tracking_number", "applicant_name", "content")
    date_hierarchy = "received_on"
    list_select_related = ("agency",)
    readonly_fields = (
        "tracking_number",
        "verification_code",
        "status",
        "due_date",
        "due_provisional",
        "extended",
        "outcome",
        "answered_on",
        "fee_basis",
        "fee_amount",
        "version",
        "created_at",
    )
    inlines = (EventInline,)

    def get_readonly_fields(
        self, request: HttpRequest, obj: Application | None = None
    ) -> list[str]:
        fixed = ["agency", "channel", "received_on", "applicant_type"] if obj else []
        return [*fixed, *self.readonly_fields]

    def save_model(
        self, request: HttpRequest, obj: Application, form: ModelForm[Application], change: bool
    ) -> None:
        user = request.user if request.user.is_authenticated else None
        try:
            if change:
                current = Application.objects.get(pk=obj.pk)
                changes = {f: getattr(obj, f) for f in services.EDITABLE_DETAILS}
                current.version = obj.version
                services.edit_details(current, actor=user, **changes)
            else:
                created = services.register_application(
                    agency=obj.agency,
                    channel=obj.channel,
                    received_on=obj.received_on,
                    applicant_type=obj.applicant_type,
                    applicant_name=obj.applicant_name,
                    content=obj.content,
                    id_proof=obj.id_proof,
                    contact=obj.contact,
                    requested_form=obj.requested_form,
                    requested_way=obj.requested_way,
                    actor=user,
                )
                for field in Application._meta.concrete_fields:
                    setattr(obj, field.attname, getattr(created, field.attname))
                obj._state.adding = False
        except LedgerError as exc:
            messages.error(request, exc.message)

    def get_inlines(self, request: HttpRequest, obj: Application | None) -> list[type[Any]]:
        return [EventInline] if obj is not None else []

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        for formset in formsets:  # the event inline is read-only: this saves nothing
            formset.save()

    def has_delete_permission(self, request: HttpRequest, obj: Application | None = None) -> bool:
        return False


@admin.register(ApplicationEvent)
class ApplicationEventAdmin(admin.ModelAdmin[ApplicationEvent]):
    list_display = ("application", "day", "kind", "workdays", "outcome", "actor", "created_at")
    list_filter = ("kind", "application__agency")
    date_hierarchy = "day"
    search_fields = ("application__tracking_number", "note")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: ApplicationEvent | None = None
    ) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: ApplicationEvent | None = None
    ) -> bool:
        return False


class ReviewInline(admin.TabularInline[DisclosureReview, ProactiveDisclosure]):
    model = DisclosureReview
    extra = 0


@admin.register(ProactiveDisclosure)
class ProactiveDisclosureAdmin(admin.ModelAdmin[ProactiveDisclosure]):
    list_display = (
        "title",
        "agency",
        "item",
        "channel",
        "formed_on",
        "published_on",
        "publish_due",
        "is_timely",
    )
    list_filter = ("agency", "item", "channel")
    search_fields = ("title",)
    date_hierarchy = "formed_on"
    readonly_fields = ("publish_due",)
    inlines = (ReviewInline,)

    @admin.display(description="按时公开", boolean=True)
    def is_timely(self, obj: ProactiveDisclosure) -> bool | None:
        return obj.timely

    def save_model(
        self, request: HttpRequest, obj: ProactiveDisclosure, form: Any, change: bool
    ) -> None:
        from gongkai_web.ledger.disclosure import publish_due
        from gongkai_web.workdays.services import calendar_from_db

        obj.publish_due = publish_due(calendar_from_db(), obj.formed_on)
        super().save_model(request, obj, form, change)


@admin.register(RegulatoryDocument)
class RegulatoryDocumentAdmin(admin.ModelAdmin[RegulatoryDocument]):
    list_display = ("title", "number", "kind", "agency", "issued_on", "repealed_on")
    list_filter = ("kind", "agency")
    search_fields = ("title", "number")
    date_hierarchy = "issued_on"


@admin.register(MonthlyTally)
class MonthlyTallyAdmin(admin.ModelAdmin[MonthlyTally]):
    list_display = (
        "agency",
        "year",
        "month",
        "licensing",
        "punishment",
        "coercion",
        "fees_amount",
    )
    list_filter = ("agency", "year")


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin[Appeal]):
    list_display = ("kind", "agency", "filed_on", "result", "decided_on", "application")
    list_filter = ("kind", "result", "agency")
    date_hierarchy = "filed_on"
    raw_id_fields = ("application",)


@admin.register(DisclosureReview)
class DisclosureReviewAdmin(admin.ModelAdmin[DisclosureReview]):
    list_display = ("disclosure", "step", "reviewer", "reviewed_on", "approved")
    list_filter = ("step", "approved", "disclosure__agency")
    date_hierarchy = "reviewed_on"
    raw_id_fields = ("disclosure",)
