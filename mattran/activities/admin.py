from django.contrib import admin

from mattran.activities.models import Activity, ActivityType


@admin.register(ActivityType)
class ActivityTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order"]
    filter_horizontal = ["feeds"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["date", "unit", "type", "title"]
    list_filter = ["type"]
    search_fields = ["title", "unit__name"]

    def has_change_permission(self, request, obj=None):
        return False  # activities change through the app, which keeps indicators in step
