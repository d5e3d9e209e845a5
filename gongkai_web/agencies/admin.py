from django.contrib import admin

from gongkai_web.agencies.models import Agency, Membership


class MembershipInline(admin.TabularInline[Membership, Agency]):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin[Agency]):
    list_display = ("name", "level", "kind", "parent")
    list_filter = ("level", "kind")
    search_fields = ("name",)
    autocomplete_fields = ("parent",)
    inlines = (MembershipInline,)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ("user", "agency", "role")
    list_filter = ("role", "agency")
    search_fields = ("user__username", "user__first_name", "user__last_name", "agency__name")
    autocomplete_fields = ("user", "agency")
