"""Voter meetings (tiếp xúc cử tri) and the petitions (kiến nghị) raised there, with who may
see a citizen's name and contact (Nghị định 13/2023/NĐ-CP on personal data)."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone

from mattran.voice.models.base import (
    Satisfaction,
    VoiceRecord,
    not_after_today,
    not_before,
    raise_if,
)


class CouncilLevel(models.TextChoices):
    """Whose delegates meet the voters."""

    COMMUNE = "commune", "HĐND xã, phường"
    DISTRICT = "district", "HĐND huyện, thành phố"
    PROVINCE = "province", "HĐND tỉnh"
    NATIONAL = "national", "Quốc hội"


class VoterMeeting(VoiceRecord):
    """Một hội nghị tiếp xúc cử tri: the delegates, the voters who came, and their petitions."""

    level = models.CharField("đại biểu", max_length=16, choices=CouncilLevel.choices)
    session = models.CharField(
        "kỳ họp",
        max_length=255,
        blank=True,
        help_text="Ví dụ: sau kỳ họp thứ 24, HĐND tỉnh khóa X, nhiệm kỳ 2021 - 2026",
    )
    held_on = models.DateField("ngày tổ chức")
    place = models.CharField("địa điểm", max_length=255, blank=True)
    delegates = models.TextField("đại biểu tiếp xúc", blank=True)
    attendees = models.PositiveIntegerField("số cử tri tham dự", null=True, blank=True)

    class Meta:
        verbose_name = "hội nghị tiếp xúc cử tri"
        verbose_name_plural = "hội nghị tiếp xúc cử tri"
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["unit", "held_on"])]

    def clean(self) -> None:
        errors: dict = {}
        not_after_today(self.held_on, "held_on", "Ngày tổ chức", errors)
        raise_if(errors)

    def activity_type_code(self) -> str:
        return "voter_meeting"


class PetitionField(models.TextChoices):
    LAND = "land", "Đất đai"
    ENVIRONMENT = "environment", "Môi trường"
    WELFARE = "welfare", "An sinh xã hội"
    INFRASTRUCTURE = "infrastructure", "Hạ tầng, giao thông"
    ADMINISTRATION = "administration", "Cải cách hành chính"
    ORDER = "order", "An ninh, trật tự"
    HEALTH_EDUCATION = "health_education", "Y tế, giáo dục"
    ECONOMY = "economy", "Kinh tế, sản xuất"
    OTHER = "other", "Khác"


class PetitionStatus(models.TextChoices):
    """Computed, never typed: answered, or overdue once its response deadline has passed."""

    PENDING = "pending", "Chờ trả lời"
    OVERDUE = "overdue", "Quá hạn"
    ANSWERED = "answered", "Đã trả lời"


class PetitionQuerySet(models.QuerySet):
    def answered(self):
        return self.filter(responded_on__isnull=False)

    def unanswered(self):
        return self.filter(responded_on__isnull=True)

    def overdue(self, today: date | None = None):
        return self.unanswered().filter(deadline__lt=today or timezone.localdate())

    def waiting(self, today: date | None = None):
        """Unanswered and not (yet) overdue."""
        today = today or timezone.localdate()
        return self.unanswered().filter(
            models.Q(deadline__isnull=True) | models.Q(deadline__gte=today)
        )

    def with_status(self, status: str, today: date | None = None):
        if status == PetitionStatus.ANSWERED:
            return self.answered()
        if status == PetitionStatus.OVERDUE:
            return self.overdue(today)
        if status == PetitionStatus.PENDING:
            return self.waiting(today)
        return self


PERSONAL_FIELDS = ("citizen_name", "citizen_contact")


class Petition(models.Model):
    """Một kiến nghị của cử tri: its content and field, the authority it went to, the deadline
    and the answer. The citizen's name and contact are personal data: only the recording
    unit (and users it grants) sees them, and every such view is logged."""

    meeting = models.ForeignKey(VoterMeeting, on_delete=models.CASCADE, related_name="petitions")
    content = models.TextField("nội dung kiến nghị")
    field = models.CharField("lĩnh vực", max_length=32, choices=PetitionField.choices)
    citizen_name = models.CharField("họ tên cử tri (nếu có)", max_length=255, blank=True)
    citizen_contact = models.CharField(
        "địa chỉ, số điện thoại cử tri (nếu có)", max_length=255, blank=True
    )
    forwarded_to = models.CharField("cơ quan có thẩm quyền nhận kiến nghị", max_length=255)
    forwarded_on = models.DateField("ngày chuyển", null=True, blank=True)
    deadline = models.DateField("hạn trả lời", null=True, blank=True)
    response = models.TextField("nội dung trả lời", blank=True)
    responded_on = models.DateField("ngày trả lời", null=True, blank=True)
    satisfied = models.CharField(
        "cử tri hài lòng với trả lời",
        max_length=8,
        choices=Satisfaction.choices,
        default=Satisfaction.UNKNOWN,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PetitionQuerySet.as_manager()

    class Meta:
        verbose_name = "kiến nghị của cử tri"
        verbose_name_plural = "kiến nghị của cử tri"
        ordering = ["pk"]
        indexes = [models.Index(fields=["responded_on", "deadline"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(responded_on__isnull=False)
                | models.Q(satisfied=Satisfaction.UNKNOWN),
                name="petition_satisfied_only_when_answered",
                violation_error_message="Chỉ ghi cử tri hài lòng hay không khi đã có trả lời.",
            ),
        ]

    def __str__(self) -> str:  # never the citizen's name: this ends up in logs
        return f"Kiến nghị: {self.content[:70]}"

    def clean(self) -> None:
        errors: dict = {}
        held = self.meeting.held_on if self.meeting_id else None
        not_before(self.forwarded_on, held, "forwarded_on", "Ngày chuyển", errors)
        not_after_today(self.forwarded_on, "forwarded_on", "Ngày chuyển", errors)
        not_before(self.deadline, self.forwarded_on or held, "deadline", "Hạn trả lời", errors)
        not_before(self.responded_on, held, "responded_on", "Ngày trả lời", errors)
        not_after_today(self.responded_on, "responded_on", "Ngày trả lời", errors)
        if self.response.strip() and not self.responded_on:
            errors.setdefault("responded_on", "Cần ghi ngày cơ quan trả lời.")
        if self.responded_on and not self.response.strip():
            errors.setdefault("response", "Cần ghi nội dung trả lời.")
        if not self.responded_on and self.satisfied != Satisfaction.UNKNOWN:
            errors.setdefault("satisfied", "Chỉ ghi cử tri hài lòng hay không khi đã có trả lời.")
        raise_if(errors)

    def status_on(self, today: date | None = None) -> str:
        if self.responded_on:
            return PetitionStatus.ANSWERED
        if self.deadline and self.deadline < (today or timezone.localdate()):
            return PetitionStatus.OVERDUE
        return PetitionStatus.PENDING

    @property
    def status(self) -> str:
        return self.status_on()

    @property
    def status_label(self) -> str:
        return PetitionStatus(self.status).label

    @property
    def answered_late(self) -> bool:
        return bool(self.responded_on and self.deadline and self.responded_on > self.deadline)

    def days_overdue(self, today: date | None = None) -> int:
        today = today or timezone.localdate()
        if self.responded_on or not self.deadline or self.deadline >= today:
            return 0
        return (today - self.deadline).days

    @property
    def has_personal(self) -> bool:
        return bool(self.citizen_name.strip() or self.citizen_contact.strip())


class PetitionAccessGrant(models.Model):
    """A recording unit lets one user of a committee above it (who handles its petitions)
    see its citizens' names and contacts, for a reason, until a date or until revoked."""

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị ghi nhận kiến nghị",
        on_delete=models.CASCADE,
        related_name="voice_petition_grants",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người được xem",
        on_delete=models.CASCADE,
        related_name="voice_petition_grants",
    )
    reason = models.CharField("lý do", max_length=255)
    valid_until = models.DateField("hiệu lực đến ngày")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "quyền xem thông tin cá nhân của cử tri"
        verbose_name_plural = "quyền xem thông tin cá nhân của cử tri"
        ordering = ["-granted_at"]

    def __str__(self) -> str:
        return f"{self.user} xem thông tin cử tri của {self.unit}"

    def is_active(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.revoked_at is None and self.valid_until >= today
