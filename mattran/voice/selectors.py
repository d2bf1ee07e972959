"""Reads of the people's voice, already narrowed to a unit and everything below it, with
the counts each list shows computed by the database (no query per row)."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

from mattran.units.models import PATH_END, Unit
from mattran.voice.kinds import KINDS, ItemKind, RecordKind
from mattran.voice.models import (
    CommitmentStatus,
    DialogueKind,
    FollowUp,
    Petition,
    PetitionField,
    PetitionStatus,
    Supervision,
    SupervisionKind,
    Survey,
    Uptake,
    VoterMeeting,
)
from mattran.voice.privacy import reveal


def below(queryset: QuerySet, unit: Unit, via: str = "unit") -> QuerySet:
    """Rows whose unit (reached through `via`) is `unit` or below it: one range on the path."""
    return queryset.filter(
        **{f"{via}__path__gte": unit.path, f"{via}__path__lt": unit.path + PATH_END}
    )


def _counts(kind: RecordKind, today: date) -> dict:
    if kind.slug == "supervisions":
        return {
            "rows": Count("recommendations", distinct=True),
            "rows_done": Count(
                "recommendations",
                filter=Q(recommendations__status__in=[FollowUp.DONE, FollowUp.ACCEPTED]),
                distinct=True,
            ),
            "rows_pending": Count(
                "recommendations",
                filter=Q(recommendations__status=FollowUp.PENDING),
                distinct=True,
            ),
        }
    if kind.slug == "critiques":
        return {
            "rows": Count("comments", distinct=True),
            "rows_done": Count(
                "comments", filter=Q(comments__uptake=Uptake.ACCEPTED), distinct=True
            ),
        }
    if kind.slug == "dialogues":
        return {
            "issues_count": Count("issues", distinct=True),
            "rows": Count("commitments", distinct=True),
            "rows_done": Count(
                "commitments",
                filter=Q(commitments__status=CommitmentStatus.DONE),
                distinct=True,
            ),
            "rows_overdue": Count(
                "commitments",
                filter=Q(
                    commitments__status=CommitmentStatus.IN_PROGRESS,
                    commitments__due_on__lt=today,
                ),
                distinct=True,
            ),
        }
    return {
        "rows": Count("petitions", distinct=True),
        "rows_done": Count(
            "petitions", filter=Q(petitions__responded_on__isnull=False), distinct=True
        ),
        "rows_overdue": Count(
            "petitions",
            filter=Q(petitions__responded_on__isnull=True, petitions__deadline__lt=today),
            distinct=True,
        ),
    }


def records(kind: RecordKind, unit: Unit, year: int | None = None) -> QuerySet:
    today = timezone.localdate()
    day = kind.model.DAY_FIELD
    rows = below(kind.model.objects.all(), unit).select_related("unit", "activity")
    if year:
        rows = rows.filter(**{f"{day}__year": year})
    return rows.annotate(**_counts(kind, today)).order_by(f"-{day}", "-pk")


def record_items(kind: RecordKind, record, user, *, where: str) -> list[tuple[ItemKind, list]]:
    """Each kind of row a record carries, with its rows; citizens' fields are masked unless
    `user` may read them, and each petition shown with them is logged as seen at `where`."""
    sections = []
    for item in kind.items:
        rows = list(item.model.objects.filter(**{item.parent_field: record}))
        for row in rows:
            setattr(row, item.parent_field, record)
        if item.personal:
            rows = reveal(rows, user, where=where)
        sections.append((item, rows))
    return sections


def surveys(unit: Unit) -> QuerySet[Survey]:
    """The surveys of `unit` and below, with how many questions and answer sheets each has."""
    return (
        below(Survey.objects.all(), unit)
        .select_related("unit")
        .annotate(sheets=Count("responses", distinct=True), asked=Count("questions", distinct=True))
    )


def record_years(kind: RecordKind, unit: Unit) -> list[int]:
    day = kind.model.DAY_FIELD
    years = (
        below(kind.model.objects.all(), unit)
        .annotate(y=ExtractYear(day))
        .values_list("y", flat=True)
        .distinct()
    )
    return sorted(set(years), reverse=True)


def default_year(unit: Unit) -> int:
    """The latest year anything was recorded in (the current year if nothing was)."""
    latest = []
    for kind in KINDS.values():
        day = kind.model.DAY_FIELD
        found = (
            below(kind.model.objects.all(), unit).order_by(f"-{day}").values_list(day, flat=True)
        )
        first = found.first()
        if first:
            latest.append(first.year)
    return max(latest) if latest else timezone.localdate().year


def petitions(
    unit: Unit,
    *,
    status: str = "",
    field_code: str = "",
    year: int | None = None,
    today: date | None = None,
) -> QuerySet[Petition]:
    rows = below(Petition.objects.all(), unit, via="meeting__unit").select_related("meeting__unit")
    if status in PetitionStatus.values:
        rows = rows.with_status(status, today)
    if field_code in PetitionField.values:
        rows = rows.filter(field=field_code)
    if year:
        rows = rows.filter(meeting__held_on__year=year)
    return rows.order_by("-meeting__held_on", "meeting_id", "pk")


def overdue_petitions(unit: Unit, today: date | None = None) -> QuerySet[Petition]:
    rows = below(Petition.objects.overdue(today), unit, via="meeting__unit")
    return rows.select_related("meeting__unit").order_by("deadline", "pk")


@dataclass
class MonthRow:
    month: int
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(v for k, v in self.counts.items() if k in MONTH_KINDS)

    @property
    def empty(self) -> bool:
        return not any(self.counts.values())


# Columns of the month table: what the monthly report counts, and the petitions' flow.
MONTH_COLUMNS = [
    ("thematic", "Giám sát chuyên đề"),
    ("regular", "Giám sát thường xuyên"),
    ("critique", "Phản biện xã hội"),
    ("forum", "Diễn đàn Nhân dân"),
    ("dialogue", "Đối thoại trực tiếp"),
    ("meeting", "Tiếp xúc cử tri"),
    ("petitions", "Kiến nghị nhận"),
    ("answered", "Kiến nghị được trả lời"),
]
MONTH_KINDS = {"thematic", "regular", "critique", "forum", "dialogue", "meeting"}


def month_counts(unit: Unit, year: int) -> list[MonthRow]:
    """How many of each were held (and petitions received, answered) in each month."""
    rows = {m: MonthRow(m, {key: 0 for key, _ in MONTH_COLUMNS}) for m in range(1, 13)}

    def add(queryset, day: str, key_of):
        found = (
            queryset.filter(**{f"{day}__year": year})
            .annotate(m=ExtractMonth(day))
            .values("m", *key_of[0])
            .annotate(n=Count("pk"))
        )
        for row in found:
            rows[row["m"]].counts[key_of[1](row)] += row["n"]

    add(
        below(Supervision.objects.all(), unit),
        "started_on",
        (("kind",), lambda r: "thematic" if r["kind"] == SupervisionKind.THEMATIC else "regular"),
    )
    add(below(KINDS["critiques"].model.objects.all(), unit), "held_on", ((), lambda r: "critique"))
    add(
        below(KINDS["dialogues"].model.objects.all(), unit),
        "held_on",
        (("kind",), lambda r: "forum" if r["kind"] == DialogueKind.FORUM else "dialogue"),
    )
    add(below(VoterMeeting.objects.all(), unit), "held_on", ((), lambda r: "meeting"))
    petitions_below = below(Petition.objects.all(), unit, via="meeting__unit")
    add(petitions_below, "meeting__held_on", ((), lambda r: "petitions"))
    add(petitions_below, "responded_on", ((), lambda r: "answered"))
    return [rows[m] for m in range(1, 13)]


@dataclass
class Summary:
    year: int
    held: dict[str, int]
    recommendations: dict[str, int]
    commitments: dict[str, int]
    petitions: dict[str, int]
    overdue_now: int


def summary(unit: Unit, year: int, today: date | None = None) -> Summary:
    today = today or timezone.localdate()
    months = month_counts(unit, year)
    held = {key: sum(r.counts[key] for r in months) for key, _ in MONTH_COLUMNS}
    recs = below(
        KINDS["supervisions"].items[0].model.objects.filter(supervision__started_on__year=year),
        unit,
        via="supervision__unit",
    ).aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=FollowUp.DONE)),
        accepted=Count("pk", filter=Q(status=FollowUp.ACCEPTED)),
        pending=Count("pk", filter=Q(status=FollowUp.PENDING)),
        rejected=Count("pk", filter=Q(status=FollowUp.REJECTED)),
    )
    commitments = below(
        KINDS["dialogues"].items[1].model.objects.filter(dialogue__held_on__year=year),
        unit,
        via="dialogue__unit",
    ).aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=CommitmentStatus.DONE)),
        overdue=Count("pk", filter=Q(status=CommitmentStatus.IN_PROGRESS, due_on__lt=today)),
    )
    of_year = below(Petition.objects.filter(meeting__held_on__year=year), unit, "meeting__unit")
    petitions_row = of_year.aggregate(
        total=Count("pk"),
        answered=Count("pk", filter=Q(responded_on__isnull=False)),
        overdue=Count("pk", filter=Q(responded_on__isnull=True, deadline__lt=today)),
        pleased=Count("pk", filter=Q(satisfied="yes")),
        displeased=Count("pk", filter=Q(satisfied="no")),
    )
    petitions_row["waiting"] = (
        petitions_row["total"] - petitions_row["answered"] - petitions_row["overdue"]
    )
    return Summary(
        year=year,
        held=held,
        recommendations=recs,
        commitments=commitments,
        petitions=petitions_row,
        overdue_now=overdue_petitions(unit, today).count(),
    )
