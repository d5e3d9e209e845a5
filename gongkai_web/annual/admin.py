from django.contrib import admin

from gongkai_web.annual.models import AnnualReport


@admin.register(AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin[AnnualReport]):
    list_display = ("agency", "year", "processing_fees", "published", "published_on")
    list_filter = ("year", "published", "agency")
    search_fields = ("agency__name",)
