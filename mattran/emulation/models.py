"""Emulation movements (phong trào thi đua): who takes part, the criteria they are scored on,
each participant's self-assessment and the organiser's final scores.

A movement is organised by one committee for the units of given tiers below it. Opening it
materialises one `Participation` per unit, so that every score hangs on a participant and a
criterion: a total is always the sum of scores that each trace to one criterion.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from mattran.units.models import Tier

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024


class CriterionSource(models.TextChoices):
    """Where a criterion's score comes from; every source but "manual" is computed
    (see `emulation.sources.SOURCES`, which maps each of them to its scoring function)."""

    MANUAL = "manual", "Đơn vị tự chấm, Ban Thường trực chấm lại"
    INDICATOR = "indicator", "Tính từ số liệu chỉ tiêu"
    HOUSES = "houses", "Tính từ nhà Đại đoàn kết theo danh sách phê duyệt"


class Movement(models.Model):
    organiser = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị tổ chức",
        on_delete=models.CASCADE,
        related_name="movements_organised",
    )
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name="thuộc kế hoạch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="movements",
    )
    title = models.CharField("tên phong trào (chủ đề)", max_length=500)
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")
    participant_tiers = models.JSONField(
        "cấp đơn vị tham gia",
        default=list,
        help_text='Ví dụ: ["commune", "area"]: các xã, phường và các khu dân cư.',
    )
    self_due_on = models.DateField("hạn nộp bảng tự chấm điểm")
    review_due_on = models.DateField("hạn chấm điểm chính thức")
    award_on = models.DateField("ngày xét khen thưởng", null=True, blank=True)
    award_threshold = models.DecimalField(
        "điểm tối thiểu để đề nghị khen thưởng", max_digits=6, decimal_places=2, default=90
    )
    award_form = models.CharField(
        "hình thức khen thưởng",
        max_length=255,
        default="Giấy khen của Ủy ban MTTQ Việt Nam",
        help_text="Ví dụ: Giấy khen của Ủy ban MTTQ Việt Nam thành phố",
    )
    max_awards = models.PositiveIntegerField(
        "số tập thể được khen tối đa (mỗi cấp)", null=True, blank=True
    )
    opened_at = models.DateTimeField("mở cho đơn vị tự chấm lúc", null=True, blank=True)
    published_at = models.DateTimeField("công bố kết quả lúc", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "phong trào thi đua"
        verbose_name_plural = "phong trào thi đua"
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="movement_period_ordered",
                violation_error_message="Ngày kết thúc phải sau ngày bắt đầu phong trào.",
            ),
            models.CheckConstraint(
                condition=models.Q(award_threshold__gte=0),
                name="movement_threshold_not_negative",
                violation_error_message="Điểm xét khen thưởng không được âm.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        tiers = self.participant_tiers
        if not isinstance(tiers, list) or not tiers or not set(tiers) <= set(Tier.values):
            errors["participant_tiers"] = "Cần chọn cấp đơn vị tham gia phong trào."
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = "Ngày kết thúc phải sau ngày bắt đầu phong trào."
        if self.starts_on and self.self_due_on and self.self_due_on < self.starts_on:
            errors["self_due_on"] = "Hạn tự chấm điểm phải sau ngày bắt đầu phong trào."
        if self.self_due_on and self.review_due_on and self.review_due_on < self.self_due_on:
            errors["review_due_on"] = "Hạn chấm điểm chính thức phải sau hạn tự chấm điểm."
        if errors:
            raise ValidationError(errors)

    @property
    def year(self) -> int:
        return self.ends_on.year

    @property
    def tier_labels(self) -> list[str]:
        return [Tier(t).label for t in self.participant_tiers if t in Tier.values]

    def criteria_for(self, tier: str) -> list["Criterion"]:
        return [c for c in self.criteria.all() if c.applies_to in ("", tier)]

    def max_total(self, tier: str) -> Decimal:
        return sum((c.max_score for c in self.criteria_for(tier)), Decimal(0))


class Criterion(models.Model):
    movement = models.ForeignKey(
        Movement, verbose_name="phong trào", on_delete=models.CASCADE, related_name="criteria"
    )
    number = models.CharField("số thứ tự", max_length=16, help_text="Ví dụ: 1, 2.1")
    text = models.TextField("nội dung tiêu chí")
    max_score = models.DecimalField("điểm tối đa", max_digits=6, decimal_places=2)
    evidence = models.TextField(
        "minh chứng cần có", blank=True, help_text="Ví dụ: Quy chế đã ban hành (số, ngày)."
    )
    applies_to = models.CharField(
        "áp dụng cho",
        max_length=16,
        choices=Tier.choices,
        blank=True,
        help_text="Để trống: áp dụng cho mọi đơn vị tham gia.",
    )
    source = models.CharField(
        "cách chấm", max_length=16, choices=CriterionSource.choices, default=CriterionSource.MANUAL
    )
    indicator = models.ForeignKey(
        "programmes.Indicator",
        verbose_name="chỉ tiêu nguồn số liệu",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="emulation_criteria",
    )
    target = models.CharField(
        "chỉ tiêu cho mỗi đơn vị",
        max_length=255,
        blank=True,
        help_text="Ví dụ: “02 nhà”. Để trống: theo chỉ tiêu năm của chương trình.",
    )
    order = models.PositiveIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "tiêu chí thi đua"
        verbose_name_plural = "tiêu chí thi đua"
        ordering = ["movement", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_score__gt=0),
                name="criterion_max_positive",
                violation_error_message="Điểm tối đa của tiêu chí phải lớn hơn 0.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"

    def clean(self) -> None:
        if self.source == CriterionSource.INDICATOR and self.indicator_id is None:
            raise ValidationError({"indicator": "Tiêu chí tính từ số liệu cần chọn chỉ tiêu."})

    @property
    def computed(self) -> bool:
        return self.source != CriterionSource.MANUAL


class Participation(models.Model):
    movement = models.ForeignKey(
        Movement, verbose_name="phong trào", on_delete=models.CASCADE, related_name="participations"
    )
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị tham gia",
        on_delete=models.CASCADE,
        related_name="emulation_participations",
    )
    submitted_at = models.DateTimeField("nộp bảng tự chấm lúc", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField("chấm chính thức lúc", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reopened_until = models.DateField("mở lại cho tự chấm đến ngày", null=True, blank=True)
    withdrawn_at = models.DateTimeField("rút khỏi phong trào lúc", null=True, blank=True)
    withdrawn_reason = models.CharField("lý do rút", max_length=500, blank=True)

    class Meta:
        verbose_name = "đơn vị tham gia"
        verbose_name_plural = "đơn vị tham gia"
        ordering = ["movement", "unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "unit"],
                name="participation_once",
                violation_error_message="Đơn vị đã tham gia phong trào này.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.movement}"

    @property
    def status(self) -> str:
        if self.withdrawn_at:
            return "withdrawn"
        if self.reviewed_at:
            return "reviewed"
        if self.submitted_at:
            return "submitted"
        return "draft"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


STATUS_LABELS = {
    "draft": "Chưa nộp tự chấm",
    "submitted": "Đã nộp, chờ chấm",
    "reviewed": "Đã chấm chính thức",
    "withdrawn": "Đã rút khỏi phong trào",
}
# The chip colours of app.css for each status.
STATUS_CHIPS = {
    "draft": "s-no_data",
    "submitted": "s-on_track",
    "reviewed": "s-met",
    "withdrawn": "s-behind",
}


class Score(models.Model):
    """One participant's score on one criterion: what it claimed, with its evidence, and
    what the organiser decided."""

    participation = models.ForeignKey(
        Participation, verbose_name="đơn vị", on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name="tiêu chí", on_delete=models.CASCADE, related_name="scores"
    )
    self_score = models.DecimalField(
        "điểm tự chấm", max_digits=6, decimal_places=2, null=True, blank=True
    )
    self_note = models.TextField("thuyết minh của đơn vị", blank=True)
    explanation = models.TextField("cách tính từ số liệu", blank=True)
    evidence_link = models.URLField("đường dẫn minh chứng", max_length=500, blank=True)
    evidence_name = models.CharField("tên tệp minh chứng", max_length=255, blank=True)
    evidence_data = models.BinaryField("tệp minh chứng", null=True, blank=True)
    evidence_size = models.PositiveIntegerField("dung lượng tệp", default=0)
    final_score = models.DecimalField(
        "điểm chính thức", max_digits=6, decimal_places=2, null=True, blank=True
    )
    review_note = models.TextField("nhận xét của Ban Thường trực", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField("chấm lúc", null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField("sửa lúc", null=True, blank=True)

    class Meta:
        verbose_name = "điểm tiêu chí"
        verbose_name_plural = "điểm tiêu chí"
        ordering = ["participation", "criterion__order", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["participation", "criterion"],
                name="score_once_per_criterion",
                violation_error_message="Tiêu chí này đã có điểm.",
            ),
            models.CheckConstraint(
                condition=models.Q(self_score__isnull=True) | models.Q(self_score__gte=0),
                name="score_self_not_negative",
                violation_error_message="Điểm tự chấm không được âm.",
            ),
            models.CheckConstraint(
                condition=models.Q(final_score__isnull=True) | models.Q(final_score__gte=0),
                name="score_final_not_negative",
                violation_error_message="Điểm chính thức không được âm.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participation.unit} · tiêu chí {self.criterion.number}"
