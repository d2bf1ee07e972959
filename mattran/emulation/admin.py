from django.contrib import admin

from mattran.emulation.models import Criterion, Movement, Participation


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = (
        "order",
        "number",
        "text",
        "max_score",
        "evidence",
        "applies_to",
        "source",
        "indicator",
        "target",
    )
    raw_id_fields = ("indicator",)


@admin.register(Movement)
class MovementAdmin(admin.ModelAdmin):
    list_display = ("title", "organiser", "starts_on", "ends_on", "self_due_on", "opened_at")
    raw_id_fields = ("organiser", "plan")
    readonly_fields = ("opened_at", "published_at", "created_by", "created_at")
    inlines = [CriterionInline]


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ("unit", "movement", "submitted_at", "reviewed_at", "withdrawn_at")
    list_filter = ("movement",)
    raw_id_fields = ("unit", "movement", "submitted_by", "reviewed_by")
