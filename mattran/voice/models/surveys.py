"""Satisfaction surveys (lấy ý kiến sự hài lòng của người dân) on the results of building
new rural areas and civilised urban areas: a questionnaire, anonymous answer sheets from the
residential areas, and the share satisfied that is computed from them."""

from django.conf import settings
from django.db import models


class SurveyKind(models.TextChoices):
    RURAL = "rural", "Xây dựng nông thôn mới"
    URBAN = "urban", "Xây dựng đô thị văn minh"


class Scale(models.TextChoices):
    """How a question is answered. On the five-point scale, 4 and 5 count as satisfied."""

    THREE = "three", "Hài lòng / Không hài lòng / Không ý kiến"
    FIVE = "five", "Thang điểm 1 – 5 (từ 4 trở lên là hài lòng)"


# The three answers of the three-way scale, as stored in Answer.value.
SATISFIED, NOT_SATISFIED, NO_OPINION = 1, 2, 3
THREE_LABELS = {SATISFIED: "Hài lòng", NOT_SATISFIED: "Không hài lòng", NO_OPINION: "Không ý kiến"}
THREE_LABELS_BY_TEXT = {" ".join(label.casefold().split()): v for v, label in THREE_LABELS.items()}
SATISFIED_FROM = 4  # on the five-point scale


class Survey(models.Model):
    """Một đợt lấy ý kiến sự hài lòng, run by a unit among its residential areas."""

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị tổ chức",
        on_delete=models.PROTECT,
        related_name="voice_surveys",
    )
    title = models.CharField("tên đợt lấy ý kiến", max_length=500)
    kind = models.CharField("lĩnh vực", max_length=8, choices=SurveyKind.choices)
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")
    note = models.TextField("ghi chú", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "đợt lấy ý kiến sự hài lòng"
        verbose_name_plural = "đợt lấy ý kiến sự hài lòng"
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="survey_period_ordered",
                violation_error_message="Ngày kết thúc phải sau ngày bắt đầu lấy ý kiến.",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    """One question of the questionnaire."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField("số thứ tự")
    text = models.TextField("câu hỏi")
    scale = models.CharField("cách trả lời", max_length=8, choices=Scale.choices)

    class Meta:
        verbose_name = "câu hỏi"
        verbose_name_plural = "câu hỏi"
        ordering = ["number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "number"],
                name="question_number_unique",
                violation_error_message="Phiếu đã có câu hỏi số này.",
            ),
        ]

    def __str__(self) -> str:
        return f"Câu {self.number}. {self.text[:70]}"

    def choices(self) -> list[tuple[int, str]]:
        if self.scale == Scale.FIVE:
            return [(v, str(v)) for v in range(1, 6)]
        return list(THREE_LABELS.items())

    def is_satisfied(self, value: int) -> bool:
        return value >= SATISFIED_FROM if self.scale == Scale.FIVE else value == SATISFIED

    def label(self, value: int) -> str:
        return str(value) if self.scale == Scale.FIVE else THREE_LABELS.get(value, str(value))


class ResponseSource(models.TextChoices):
    FORM = "form", "Nhập trên trang"
    UPLOAD = "upload", "Tải lên từ Excel"


class Response(models.Model):
    """One anonymous answer sheet (phiếu) from a residential area: no name is kept."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    area = models.ForeignKey(
        "units.Unit",
        verbose_name="khu dân cư",
        on_delete=models.PROTECT,
        related_name="voice_survey_responses",
    )
    number = models.PositiveIntegerField("số phiếu")
    source = models.CharField(
        "cách nhập", max_length=8, choices=ResponseSource.choices, default=ResponseSource.FORM
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "phiếu trả lời"
        verbose_name_plural = "phiếu trả lời"
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "number"],
                name="response_number_unique",
                violation_error_message="Đợt lấy ý kiến đã có phiếu số này.",
            ),
        ]

    def __str__(self) -> str:
        return f"Phiếu số {self.number}"


class Answer(models.Model):
    """The answer of one sheet to one question (1–3 on the three-way scale, 1–5 otherwise)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.PositiveSmallIntegerField("trả lời")

    class Meta:
        verbose_name = "câu trả lời"
        verbose_name_plural = "câu trả lời"
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"],
                name="answer_once_per_question",
                violation_error_message="Phiếu đã có câu trả lời cho câu hỏi này.",
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=1, value__lte=5),
                name="answer_value_in_range",
                violation_error_message="Câu trả lời phải từ 1 đến 5.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.response} — câu {self.question_id}: {self.value}"
