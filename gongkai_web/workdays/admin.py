from typing import Any

from django.contrib import admin
from django.db import transaction
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest

from gongkai_web.workdays.models import WorkdayDate, WorkdayYear
from gongkai_web.workdays.signals import calendar_changed


class WorkdayDateInline(admin.TabularInline[WorkdayDate, WorkdayYear]):
    model = WorkdayDate
    extra = 0


@admin.register(WorkdayYear)
class WorkdayYearAdmin(admin.ModelAdmin[WorkdayYear]):
    list_display = ("year", "notice", "title", "off_days", "makeup_days")
    search_fields = ("notice", "title")
    inlines = (WorkdayDateInline,)

    @admin.display(description="放假天数（工作日）")
    def off_days(self, obj: WorkdayYear) -> int:
        return obj.dates.filter(kind="off").count()

    @admin.display(description="调休上班天数")
    def makeup_days(self, obj: WorkdayYear) -> int:
        return obj.dates.filter(kind="makeup").count()

    def save_related(
        self,
        request: HttpRequest,
        form: ModelForm[WorkdayYear],
        formsets: list[BaseInlineFormSet[Any, Any, Any]],
        change: bool,
    ) -> None:
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
            # Stored due dates depend on the calendar: recompute them with the change.
            calendar_changed.send(sender=WorkdayYear, years=(form.instance.year,))

    def delete_model(self, request: HttpRequest, obj: WorkdayYear) -> None:
        year = obj.year
        with transaction.atomic():
            super().delete_model(request, obj)
            calendar_changed.send(sender=WorkdayYear, years=(year,))


@admin.register(WorkdayDate)
class WorkdayDateAdmin(admin.ModelAdmin[WorkdayDate]):
    list_display = ("day", "kind", "year")
    list_filter = ("kind", "year")
    date_hierarchy = "day"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # dates are added within their year, so that due dates are recomputed

    def has_change_permission(self, request: HttpRequest, obj: WorkdayDate | None = None) -> bool:
        return False

    def delete_model(self, request: HttpRequest, obj: WorkdayDate) -> None:
        self.delete_queryset(request, WorkdayDate.objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[WorkdayDate]) -> None:
        years = tuple(sorted({d.year for d in queryset.values_list("day", flat=True)}))
        with transaction.atomic():
            queryset.delete()
            calendar_changed.send(sender=WorkdayYear, years=years)
