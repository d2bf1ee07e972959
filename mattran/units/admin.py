from django.contrib import admin

from mattran.units.models import Unit, UnitSuccession


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind", "tier"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["parent"]

    def get_readonly_fields(self, request, obj=None):
        # Moving a unit would rewrite its subtree's history: reorganise by merging instead.
        return ["parent"] if obj else []


@admin.register(UnitSuccession)
class UnitSuccessionAdmin(admin.ModelAdmin):
    list_display = ["predecessor", "successor", "kind", "effective_on", "decision"]
    autocomplete_fields = ["predecessor", "successor"]
