"""Kế hoạch: a committee's yearly or campaign plan, its numbered contents and the tasks it
gives to member organisations and unit levels, with numbers and due dates."""

from django.conf import settings
from django.db import models

from mattran.units.models import Tier


class CriteriaSet(models.TextChoices):
    """National criteria sets a campaign's contents refer to (REFERENCE.md §4)."""

    NTM_2021 = "ntm-2021", "Xã nông thôn mới 2021–2025 (Quyết định 318/QĐ-TTg)"
    NTM_2026 = "ntm-2026", "Xã nông thôn mới 2026–2030 (Quyết định 51/2025/QĐ-TTg)"
    DTVM_2022 = "dtvm-2022", "Phường đạt chuẩn đô thị văn minh (Quyết định 04/2022/QĐ-TTg)"


class NationalCriterion(models.Model):
    criteria_set = models.CharField("bộ tiêu chí", max_length=16, choices=CriteriaSet.choices)
    number = models.PositiveSmallIntegerField("số tiêu chí")
    name = models.CharField("tên tiêu chí", max_length=255)

    class Meta:
        verbose_name = "tiêu chí quốc gia"
        verbose_name_plural = "tiêu chí quốc gia"
        ordering = ["criteria_set", "number"]
        constraints = [
            models.UniqueConstraint(fields=["criteria_set", "number"], name="criterion_unique")
        ]

    def __str__(self) -> str:
        return f"Tiêu chí {self.number} ({self.short_set}): {self.name}"

    @property
    def short_set(self) -> str:
        return "đô thị văn minh" if self.criteria_set == CriteriaSet.DTVM_2022 else "nông thôn mới"


class PlanKind(models.TextChoices):
    PLAN = "plan", "Kế hoạch"
    CAMPAIGN = "campaign", "Cuộc vận động"
    EMULATION = "emulation", "Phong trào thi đua"


class Plan(models.Model):
    unit = models.ForeignKey(
        "units.Unit", verbose_name="đơn vị ban hành", on_delete=models.PROTECT, related_name="plans"
    )
    kind = models.CharField("loại", max_length=16, choices=PlanKind.choices, default=PlanKind.PLAN)
    title = models.CharField("tên kế hoạch", max_length=500)
    number = models.CharField("số, ký hiệu", max_length=64, blank=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    year = models.PositiveSmallIntegerField("năm")
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name="thực hiện chương trình",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plans",
    )
    references = models.JSONField("văn bản dẫn chiếu", default=list, blank=True)
    source_name = models.CharField("tệp gốc", max_length=255, blank=True)

    class Meta:
        verbose_name = "kế hoạch"
        verbose_name_plural = "kế hoạch"
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()


class PlanSection(models.Model):
    """A numbered content of a plan (1., 1.1.), maybe tied to national criteria."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    number = models.CharField("số thứ tự", max_length=16, blank=True)
    title = models.TextField("nội dung")
    order = models.PositiveIntegerField("thứ tự", default=0)
    criteria = models.ManyToManyField(
        NationalCriterion, verbose_name="tiêu chí quốc gia", blank=True, related_name="sections"
    )

    class Meta:
        verbose_name = "nội dung kế hoạch"
        verbose_name_plural = "nội dung kế hoạch"
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title[:80]}"


class Task(models.Model):
    """A task of a plan, given to one unit (a member organisation) or to every unit of a
    level ("các xã, phường")."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    section = models.ForeignKey(
        PlanSection, null=True, blank=True, on_delete=models.SET_NULL, related_name="tasks"
    )
    owner = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị thực hiện",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    owner_level = models.CharField("cấp thực hiện", max_length=16, choices=Tier.choices, blank=True)
    owner_text = models.CharField("đơn vị thực hiện (nguyên văn)", max_length=255, blank=True)
    text = models.TextField("nhiệm vụ")
    targets = models.JSONField("chỉ tiêu trong nhiệm vụ", default=list, blank=True)
    due_on = models.DateField("thời hạn", null=True, blank=True)
    order = models.PositiveIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.text[:80]


class TaskAssignment(models.Model):
    """A task as one unit carries it: a task given to "each ward" becomes one per ward."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị thực hiện",
        on_delete=models.PROTECT,
        related_name="assignments",
    )

    class Meta:
        verbose_name = "nhiệm vụ của đơn vị"
        verbose_name_plural = "nhiệm vụ của đơn vị"
        ordering = ["task__due_on", "task__order", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["task", "unit"], name="assignment_once_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.task}"


class ProgressReport(models.Model):
    """What the owner reports on its task: a figure, a note, evidence, and whether it is done."""

    assignment = models.ForeignKey(TaskAssignment, on_delete=models.CASCADE, related_name="reports")
    reported_on = models.DateField("ngày báo cáo")
    value = models.DecimalField(
        "kết quả (số)", max_digits=18, decimal_places=2, null=True, blank=True
    )
    note = models.TextField("nội dung", blank=True)
    link = models.URLField("đường dẫn minh chứng", max_length=500, blank=True)
    evidence_name = models.CharField("tệp minh chứng", max_length=255, blank=True)
    evidence_data = models.BinaryField("nội dung tệp minh chứng", null=True, blank=True)
    done = models.BooleanField("đã hoàn thành", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "báo cáo tiến độ"
        verbose_name_plural = "báo cáo tiến độ"
        ordering = ["-reported_on", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=0),
                name="progress_value_not_negative",
                violation_error_message="Kết quả không được âm.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assignment} — {self.reported_on:%d/%m/%Y}"


class PlanDeadline(models.Model):
    """A date the plan sets for everyone (report deadlines, the end of a movement)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="deadlines")
    due_on = models.DateField("thời hạn")
    text = models.CharField("nội dung", max_length=255)

    class Meta:
        verbose_name = "thời hạn"
        verbose_name_plural = "thời hạn"
        ordering = ["plan", "due_on"]

    def __str__(self) -> str:
        return f"{self.due_on:%d/%m/%Y}: {self.text[:80]}"
