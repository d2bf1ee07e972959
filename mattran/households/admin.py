"""Only the non-personal catalogue is in the Django admin: households' names and addresses
are read through the app's pages, which mask them and log every read."""

from django.contrib import admin

from mattran.households.models import HousingIndicatorLink


@admin.register(HousingIndicatorLink)
class HousingIndicatorLinkAdmin(admin.ModelAdmin):
    list_display = ("indicator", "created_by", "created_at")
    raw_id_fields = ("indicator",)
