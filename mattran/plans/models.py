"""Kế hoạch: a committee's yearly or campaign plan, its numbered contents and the tasks it
gives to member organisations and unit levels, with numbers and due dates."""

from django.db import models

from mattran.units.models import Tier


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
