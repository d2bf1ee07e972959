"""Only the catalogue side is in the Django admin: people's contact data is read through the
app's pages, which show it to the units that keep the record."""

from django.contrib import admin

from mattran.people.models import Course, PeopleIndicatorLink


@admin.register(PeopleIndicatorLink)
class PeopleIndicatorLinkAdmin(admin.ModelAdmin):
    list_display = ("indicator", "measure", "created_by", "created_at")
    raw_id_fields = ("indicator",)


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ("title", "organiser", "start_date", "end_date", "level", "kind")
    list_filter = ("level", "kind")
    raw_id_fields = ("organiser",)
