from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models

from mattran.core.periods import PeriodKind
from mattran.programmes.targets import Kind, TargetExpr, parse_target
from mattran.units.models import Tier


class Programme(models.Model):
    """Chương trình hành động: a committee's multi-year programme for its term."""

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị ban hành",
        on_delete=models.PROTECT,
        related_name="programmes",
    )
    title = models.CharField("tên chương trình", max_length=500)
    number = models.CharField("số, ký hiệu", max_length=64, blank=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    first_year = models.PositiveSmallIntegerField("năm đầu nhiệm kỳ")
    last_year = models.PositiveSmallIntegerField("năm cuối nhiệm kỳ")

    class Meta:
        verbose_name = "chương trình hành động"
        verbose_name_plural = "chương trình hành động"
        ordering = ["-first_year", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_year__gte=models.F("first_year")),
                name="programme_term_ordered",
                violation_error_message="Năm cuối nhiệm kỳ phải sau năm đầu nhiệm kỳ.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.term_label})"

    @property
    def term_label(self) -> str:
        return f"nhiệm kỳ {self.first_year} - {self.last_year}"

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)


class ContentArea(models.Model):
    """Nội dung: a numbered part of a programme (I..VI, 1.1, 1.2)."""

    programme = models.ForeignKey(
        Programme, verbose_name="chương trình", on_delete=models.CASCADE, related_name="areas"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="thuộc nội dung",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    number = models.CharField("số thứ tự", max_length=16)
    title = models.TextField("tên nội dung")
    order = models.PositiveIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "nội dung"
        verbose_name_plural = "nội dung"
        ordering = ["programme", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "number"],
                name="area_number_unique",
                violation_error_message="Chương trình đã có nội dung mang số này.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title[:80]}"


class AreaItemKind(models.TextChoices):
    KEY_TASK = "key_task", "Nhiệm vụ trọng tâm"
    SOLUTION = "solution", "Giải pháp chủ yếu"


class AreaItem(models.Model):
    """A key task or a solution listed under a content area."""

    area = models.ForeignKey(
        ContentArea, verbose_name="nội dung", on_delete=models.CASCADE, related_name="items"
    )
    kind = models.CharField("loại", max_length=16, choices=AreaItemKind.choices)
    text = models.TextField("nội dung")
    order = models.PositiveIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "nhiệm vụ, giải pháp"
        verbose_name_plural = "nhiệm vụ, giải pháp"
        ordering = ["area", "kind", "order"]

    def __str__(self) -> str:
        return self.text[:80]


class ValueType(models.TextChoices):
    COUNT = "count", "Số lượng"
    AMOUNT = "amount", "Số tiền (đồng)"
    PERCENT = "percent", "Tỷ lệ (%)"
    FRACTION = "fraction", "Tử số / mẫu số"
    YES_NO = "yes_no", "Có / không"
    RATING = "rating", "Xếp loại"


class Aggregation(models.TextChoices):
    """How the figures of many units and many periods make one figure."""

    SUM = "sum", "Cộng dồn số lượng"
    RATIO = "ratio", "Tỷ lệ: tổng tử số / tổng mẫu số"
    COUNT_UNITS = "count_units", "Đếm số đơn vị đạt"
    LATEST = "latest", "Số liệu mới nhất (số tồn)"
    EVENT = "event", "Có tổ chức hay không"


# One-to-one links from other apps that make an indicator computed from their records:
# houses handed over (households), people trained (people), ratings and boards' work (boards).
COMPUTED_LINKS = ("housing_link", "people_link", "board_link")


class Indicator(models.Model):
    """Chỉ tiêu: something a programme measures, with a target for each year of the term."""

    programme = models.ForeignKey(
        Programme,
        verbose_name="chương trình",
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    area = models.ForeignKey(
        ContentArea, verbose_name="nội dung", on_delete=models.PROTECT, related_name="indicators"
    )
    code = models.CharField("mã chỉ tiêu", max_length=32)
    text = models.TextField("nội dung chỉ tiêu")
    measure_unit = models.CharField("đơn vị tính", max_length=64, blank=True)
    value_type = models.CharField("kiểu số liệu", max_length=16, choices=ValueType.choices)
    aggregation = models.CharField("cách tổng hợp", max_length=16, choices=Aggregation.choices)
    cumulative = models.BooleanField(
        "lũy kế từ đầu nhiệm kỳ",
        default=False,
        help_text="Số liệu cộng dồn từ năm đầu nhiệm kỳ (ví dụ: số nhà Đại đoàn kết).",
    )
    reported_by = models.CharField(
        "cấp báo cáo",
        max_length=16,
        choices=Tier.choices,
        help_text="Đơn vị ở cấp này nhập số liệu; cấp trên được tổng hợp tự động.",
    )
    frequency = models.CharField(
        "kỳ báo cáo",
        max_length=16,
        choices=[(PeriodKind.MONTH, "Hằng tháng"), (PeriodKind.YEAR, "Hằng năm")],
        default=PeriodKind.MONTH,
    )
    unit_condition = models.CharField(
        "điều kiện đơn vị đạt",
        max_length=255,
        blank=True,
        help_text="Với cách “Đếm số đơn vị đạt”: mỗi đơn vị đạt khi số liệu của nó thỏa điều "
        "kiện này, ví dụ “trên 01”, “ít nhất 01”, “Hoàn thành tốt nhiệm vụ trở lên”. "
        "Để trống: đơn vị đạt khi trả lời “có”.",
    )
    source_text = models.TextField("nguyên văn trong chương trình", blank=True)
    order = models.PositiveIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        ordering = ["programme", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "code"],
                name="indicator_code_unique",
                violation_error_message="Chương trình đã có chỉ tiêu mang mã này.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:80]}"

    def clean(self) -> None:
        if self.aggregation == Aggregation.RATIO and self.value_type != ValueType.FRACTION:
            raise ValidationError(
                {"aggregation": "Cách tổng hợp tỷ lệ cần kiểu số liệu tử số / mẫu số."}
            )
        if self.aggregation == Aggregation.EVENT and self.value_type != ValueType.YES_NO:
            raise ValidationError(
                {"aggregation": "Cách tổng hợp “có tổ chức hay không” cần kiểu số liệu có / không."}
            )
        if self.aggregation == Aggregation.SUM and self.value_type not in (
            ValueType.COUNT,
            ValueType.AMOUNT,
        ):
            raise ValidationError({"aggregation": "Chỉ cộng dồn được số lượng hoặc số tiền."})
        if self.unit_condition and not self.condition.is_measurable:
            raise ValidationError(
                {"unit_condition": f"Không đọc được điều kiện “{self.unit_condition}”."}
            )

    @cached_property
    def condition(self) -> TargetExpr:
        return parse_target(self.unit_condition)

    @cached_property
    def is_automatic(self) -> bool:
        """Its figures are counted from records (activities, solidarity houses), never typed."""
        return self.fed_by.exists() or any(hasattr(self, link) for link in COMPUTED_LINKS)


class Target(models.Model):
    """The target of one indicator for one year, as written and as understood."""

    indicator = models.ForeignKey(
        Indicator, verbose_name="chỉ tiêu", on_delete=models.CASCADE, related_name="targets"
    )
    year = models.PositiveSmallIntegerField("năm")
    expression = models.CharField("chỉ tiêu năm (nguyên văn)", max_length=255, blank=True)
    kind = models.CharField("loại chỉ tiêu", max_length=16, editable=False, default=Kind.NONE)
    warning = models.CharField("cảnh báo", max_length=255, blank=True, editable=False)

    class Meta:
        verbose_name = "chỉ tiêu năm"
        verbose_name_plural = "chỉ tiêu năm"
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"],
                name="target_year_unique",
                violation_error_message="Chỉ tiêu đã có chỉ tiêu cho năm này.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.expression}"

    def save(self, *args, **kwargs):
        parsed = parse_target(self.expression)
        self.kind = parsed.kind
        self.warning = parsed.warning
        self.__dict__["parsed"] = parsed
        super().save(*args, **kwargs)

    @cached_property
    def parsed(self) -> TargetExpr:
        return parse_target(self.expression)

    @property
    def display(self) -> str:
        return self.parsed.display()
