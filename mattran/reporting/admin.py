from django.contrib import admin

from mattran.reporting.models import DataValue, Period


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ["code", "kind", "start", "end"]
    list_filter = ["kind"]


@admin.register(DataValue)
class DataValueAdmin(admin.ModelAdmin):
    """Read-only here: figures are entered through the services, which check and audit them."""

    list_display = [
        "indicator",
        "unit",
        "period",
        "number",
        "numerator",
        "denominator",
        "boolean",
        "rating",
        "updated_at",
    ]
    list_filter = ["period__kind", "indicator__programme"]
    search_fields = ["unit__name", "unit__code", "indicator__code"]
    list_select_related = ["indicator", "unit", "period"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
