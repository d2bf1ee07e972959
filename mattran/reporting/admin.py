from django.contrib import admin

from mattran.reporting.models import DataValue, Period, ReportingSchedule, Submission


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


@admin.register(ReportingSchedule)
class ReportingScheduleAdmin(admin.ModelAdmin):
    list_display = ["unit", "month_due_day", "half_year_due", "year_due"]
    autocomplete_fields = ["unit"]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Read-only: reports move through the app's workflow, which checks and audits it."""

    list_display = ["unit", "period", "status", "first_submitted_at", "decided_by"]
    list_filter = ["status", "period__kind"]
    search_fields = ["unit__name", "unit__code"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
