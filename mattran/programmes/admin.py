from django.contrib import admin

from mattran.programmes.models import AreaItem, ContentArea, Indicator, Programme, Target


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    fields = ["year", "expression", "kind", "warning"]
    readonly_fields = ["kind", "warning"]


class AreaItemInline(admin.TabularInline):
    model = AreaItem
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "number", "unit", "first_year", "last_year"]
    autocomplete_fields = ["unit"]
    search_fields = ["title", "number"]


@admin.register(ContentArea)
class ContentAreaAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "programme"]
    list_filter = ["programme"]
    inlines = [AreaItemInline]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "text", "value_type", "aggregation", "reported_by", "frequency"]
    list_filter = ["programme", "area", "aggregation", "reported_by"]
    search_fields = ["code", "text"]
    inlines = [TargetInline]
