from django.conf import settings
from django.db import models

from mattran.core.periods import PeriodKind, PeriodSpec


class PeriodManager(models.Manager):
    def for_spec(self, spec: PeriodSpec) -> "Period":
        period, _ = self.get_or_create(
            code=spec.code, defaults={"kind": spec.kind, "start": spec.start, "end": spec.end}
        )
        return period

    def for_code(self, code: str) -> "Period":
        return self.for_spec(PeriodSpec.parse(code))


class Period(models.Model):
    """Kỳ báo cáo: one month, half-year, year or term that figures are reported for."""

    code = models.CharField("mã kỳ", max_length=16, unique=True)
    kind = models.CharField("loại kỳ", max_length=16, choices=PeriodKind.choices)
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày")

    objects = PeriodManager()

    class Meta:
        verbose_name = "kỳ báo cáo"
        verbose_name_plural = "kỳ báo cáo"
        ordering = ["start", "-end"]
        indexes = [models.Index(fields=["kind", "start"])]

    def __str__(self) -> str:
        return self.spec.label

    @property
    def spec(self) -> PeriodSpec:
        return PeriodSpec(self.start, self.end, self.kind)


class DataValue(models.Model):
    """Số liệu: one unit's figure for one indicator in one period."""

    # No single-column indexes on indicator and unit: the unique (indicator, unit, period)
    # and the (unit, period) indexes start with them, and every extra index is paid on each
    # write of millions of figures (docs/performance.md).
    indicator = models.ForeignKey(
        "programmes.Indicator",
        verbose_name="chỉ tiêu",
        on_delete=models.PROTECT,
        related_name="values",
        db_index=False,
    )
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị",
        on_delete=models.PROTECT,
        related_name="values",
        db_index=False,
    )
    period = models.ForeignKey(
        Period, verbose_name="kỳ báo cáo", on_delete=models.PROTECT, related_name="values"
    )
    number = models.DecimalField("số liệu", max_digits=20, decimal_places=4, null=True, blank=True)
    numerator = models.DecimalField("tử số", max_digits=20, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(
        "mẫu số", max_digits=20, decimal_places=4, null=True, blank=True
    )
    boolean = models.BooleanField("có / không", null=True, blank=True)
    rating = models.PositiveSmallIntegerField("xếp loại", null=True, blank=True)
    note = models.TextField("ghi chú", blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhập",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,  # only read with its figure; a deleted account is a rare full scan
    )
    entered_at = models.DateTimeField("nhập lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    version = models.PositiveIntegerField("phiên bản", default=1)

    class Meta:
        verbose_name = "số liệu"
        verbose_name_plural = "số liệu"
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "unit", "period"],
                name="data_value_unique",
                violation_error_message="Đơn vị đã có số liệu của chỉ tiêu này trong kỳ này.",
            ),
            models.CheckConstraint(
                condition=models.Q(number__isnull=True) | models.Q(number__gte=0),
                name="data_value_number_not_negative",
                violation_error_message="Số liệu không được âm.",
            ),
            models.CheckConstraint(
                condition=models.Q(denominator__isnull=True) | models.Q(denominator__gt=0),
                name="data_value_denominator_positive",
                violation_error_message="Mẫu số phải lớn hơn 0.",
            ),
            models.CheckConstraint(
                condition=models.Q(numerator__isnull=True)
                | models.Q(denominator__isnull=True)
                | (models.Q(numerator__gte=0) & models.Q(numerator__lte=models.F("denominator"))),
                name="data_value_numerator_within_denominator",
                violation_error_message="Tử số phải từ 0 đến mẫu số.",
            ),
        ]
        indexes = [
            models.Index(fields=["indicator", "period"]),
            models.Index(fields=["unit", "period"]),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} · {self.unit} · {self.period}"


class ReportingSchedule(models.Model):
    """A committee's deadlines for the reports its units send up (REFERENCE.md §3).

    The Front sets its own: by default the month's report by the 15th of the next month,
    the 6-month report before 15/5 and the annual report before 10/11 (as in its plans).
    """

    unit = models.OneToOneField(
        "units.Unit", verbose_name="đơn vị", on_delete=models.CASCADE, related_name="schedule"
    )
    month_due_day = models.PositiveSmallIntegerField(
        "hạn báo cáo tháng (ngày của tháng sau)", default=15
    )
    half_year_due = models.CharField(
        "hạn báo cáo 6 tháng (ngày/tháng)", max_length=5, default="15/05"
    )
    year_due = models.CharField("hạn báo cáo năm (ngày/tháng)", max_length=5, default="10/11")

    class Meta:
        verbose_name = "lịch nộp báo cáo"
        verbose_name_plural = "lịch nộp báo cáo"

    def __str__(self) -> str:
        return f"Lịch nộp báo cáo của {self.unit}"


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", "Đang nhập"
    SUBMITTED = "submitted", "Đã nộp, chờ duyệt"
    APPROVED = "approved", "Đã duyệt"
    RETURNED = "returned", "Bị trả lại"


class Submission(models.Model):
    """Một báo cáo: a unit's figures for one period, on their way from draft to approved."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name="chương trình",
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="submissions"
    )
    period = models.ForeignKey(
        Period, verbose_name="kỳ báo cáo", on_delete=models.PROTECT, related_name="submissions"
    )
    status = models.CharField(
        "trạng thái",
        max_length=16,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.DRAFT,
    )
    submitted_at = models.DateTimeField("nộp lúc", null=True, blank=True)
    first_submitted_at = models.DateTimeField("nộp lần đầu lúc", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nộp",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField("duyệt/trả lúc", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người duyệt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    return_reason = models.TextField("lý do trả lại", blank=True)

    class Meta:
        verbose_name = "báo cáo"
        verbose_name_plural = "báo cáo"
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "unit", "period"],
                name="submission_unique",
                violation_error_message="Đơn vị đã có báo cáo cho kỳ này.",
            ),
        ]
        indexes = [models.Index(fields=["period", "status"])]

    def __str__(self) -> str:
        return f"Báo cáo {self.period} của {self.unit}"

    @property
    def is_locked(self) -> bool:
        return self.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)


class SubmissionEvent(models.Model):
    """One step of a report's way: submitted, approved, returned (with the reason), reopened."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    action = models.CharField("thao tác", max_length=16)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.action} {self.at:%d/%m/%Y %H:%M}"
