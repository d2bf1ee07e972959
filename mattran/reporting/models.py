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

    indicator = models.ForeignKey(
        "programmes.Indicator",
        verbose_name="chỉ tiêu",
        on_delete=models.PROTECT,
        related_name="values",
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="values"
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
