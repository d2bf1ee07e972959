"""What every record of the people's voice shares: the unit that held it, its title as the
monthly report tells it, a link, and the `Activity` that makes it count in the monthly report
and the indicators of programme area III (one activity per record: no double entry)."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class FollowUp(models.TextChoices):
    """What the addressee did with a recommendation after a supervision."""

    PENDING = "pending", "Chưa phản hồi"
    ACCEPTED = "accepted", "Đã tiếp thu, đang thực hiện"
    DONE = "done", "Đã thực hiện"
    REJECTED = "rejected", "Không tiếp thu"


class Uptake(models.TextChoices):
    """Whether the drafting body took a critique comment on board."""

    PENDING = "pending", "Chưa có phản hồi"
    ACCEPTED = "accepted", "Được tiếp thu"
    REJECTED = "rejected", "Không tiếp thu (có giải trình)"


class Satisfaction(models.TextChoices):
    """Whether the citizen was satisfied with the answer to a petition."""

    UNKNOWN = "unknown", "Chưa rõ"
    YES = "yes", "Hài lòng"
    NO = "no", "Chưa hài lòng"


def not_after_today(value: date | None, field: str, what: str, errors: dict) -> None:
    if value and value > timezone.localdate():
        errors.setdefault(field, f"{what} không được sau ngày hôm nay.")


def not_before(value: date | None, start: date | None, field: str, what: str, errors: dict):
    if value and start and value < start:
        errors.setdefault(field, f"{what} không được trước ngày {start:%d/%m/%Y}.")


def raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


class VoiceRecord(models.Model):
    """A supervision, critique conference, forum/dialogue or voter meeting held by a unit."""

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị tổ chức",
        on_delete=models.PROTECT,
        related_name="voice_%(class)ss",
    )
    title = models.CharField("tên", max_length=500)
    link = models.URLField("đường dẫn tin bài (nếu có)", max_length=500, blank=True)
    note = models.TextField("ghi chú", blank=True)
    activity = models.OneToOneField(
        "activities.Activity",
        verbose_name="hoạt động được tính trong báo cáo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="voice_%(class)s",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The date the record counts on in the monthly report (a field name of the subclass).
    DAY_FIELD = "held_on"

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    @property
    def day(self) -> date:
        return getattr(self, self.DAY_FIELD)

    def activity_type_code(self) -> str:  # pragma: no cover - every subclass says
        raise NotImplementedError

    def activity_description(self) -> str:
        return ""
