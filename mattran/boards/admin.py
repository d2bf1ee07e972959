from django.contrib import admin

from mattran.boards.models import (
    BoardIndicatorLink,
    InspectionCase,
    InvestmentProject,
    YearlyRating,
)


@admin.register(YearlyRating)
class YearlyRatingAdmin(admin.ModelAdmin):
    list_display = ("unit", "subject", "year", "rating", "rated_by", "rated_at")
    list_filter = ("subject", "year", "rating")
    search_fields = ("unit__name", "unit__code")
    readonly_fields = ("rated_by", "rated_at")


@admin.register(InspectionCase)
class InspectionCaseAdmin(admin.ModelAdmin):
    list_display = ("title", "unit", "opened_on", "kind", "status")
    list_filter = ("kind", "status")
    search_fields = ("title", "unit__name")


@admin.register(InvestmentProject)
class InvestmentProjectAdmin(admin.ModelAdmin):
    list_display = ("name", "unit", "started_on", "budget", "supervised")
    list_filter = ("supervised",)
    search_fields = ("name", "unit__name")


@admin.register(BoardIndicatorLink)
class BoardIndicatorLinkAdmin(admin.ModelAdmin):
    list_display = ("indicator", "measure", "created_by", "created_at")
