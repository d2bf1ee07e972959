"""Supervisions (giám sát) with their recommendations, social-critique conferences (phản
biện xã hội) with the comments made, people's forums and direct dialogues (diễn đàn Nhân dân,
đối thoại trực tiếp) with the issues raised and the commitments made there."""

from django.db import models
from django.utils import timezone

from mattran.voice.models.base import (
    FollowUp,
    Uptake,
    VoiceRecord,
    not_after_today,
    not_before,
    raise_if,
)


class SupervisionKind(models.TextChoices):
    THEMATIC = "thematic", "Giám sát chuyên đề"
    REGULAR = "regular", "Giám sát thường xuyên"


class Supervision(VoiceRecord):
    """Một cuộc giám sát: its topic (the title), the body supervised, the team, the period,
    the conclusions, and the recommendations made to the body (each followed up)."""

    kind = models.CharField(
        "hình thức",
        max_length=16,
        choices=SupervisionKind.choices,
        default=SupervisionKind.THEMATIC,
    )
    subject = models.CharField("đối tượng được giám sát", max_length=500)
    started_on = models.DateField("từ ngày")
    ended_on = models.DateField("đến ngày", null=True, blank=True)
    members = models.TextField("thành phần đoàn giám sát", blank=True)
    conclusions = models.TextField("kết luận giám sát", blank=True)

    DAY_FIELD = "started_on"

    class Meta:
        verbose_name = "cuộc giám sát"
        verbose_name_plural = "cuộc giám sát"
        ordering = ["-started_on", "-pk"]
        indexes = [models.Index(fields=["unit", "started_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="supervision_period_ordered",
                violation_error_message="Ngày kết thúc giám sát phải sau ngày bắt đầu.",
            ),
        ]

    def clean(self) -> None:
        errors: dict = {}
        not_after_today(self.started_on, "started_on", "Ngày bắt đầu giám sát", errors)
        not_before(self.ended_on, self.started_on, "ended_on", "Ngày kết thúc giám sát", errors)
        raise_if(errors)

    def activity_type_code(self) -> str:
        return "supervision" if self.kind == SupervisionKind.THEMATIC else "supervision_regular"

    @property
    def member_list(self) -> list[str]:
        return [line.strip(" -;") for line in self.members.splitlines() if line.strip(" -;")]


class Recommendation(models.Model):
    """A recommendation (kiến nghị sau giám sát) and what the addressee did with it."""

    supervision = models.ForeignKey(
        Supervision, on_delete=models.CASCADE, related_name="recommendations"
    )
    text = models.TextField("nội dung kiến nghị")
    addressed_to = models.CharField("kiến nghị đến (cơ quan, đơn vị)", max_length=255)
    status = models.CharField(
        "kết quả", max_length=16, choices=FollowUp.choices, default=FollowUp.PENDING
    )
    response = models.TextField("phản hồi, kết quả thực hiện", blank=True)
    responded_on = models.DateField("ngày phản hồi", null=True, blank=True)

    class Meta:
        verbose_name = "kiến nghị sau giám sát"
        verbose_name_plural = "kiến nghị sau giám sát"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        errors: dict = {}
        answered = self.status != FollowUp.PENDING
        if answered and not self.responded_on:
            errors["responded_on"] = "Cần ghi ngày cơ quan phản hồi."
        if not answered and self.responded_on:
            errors["status"] = "Đã ghi ngày phản hồi: chọn kết quả (đã tiếp thu, đã thực hiện…)."
        not_after_today(self.responded_on, "responded_on", "Ngày phản hồi", errors)
        if self.supervision_id:
            start = self.supervision.started_on
            not_before(self.responded_on, start, "responded_on", "Ngày phản hồi", errors)
        raise_if(errors)


class CritiqueConference(VoiceRecord):
    """Một hội nghị phản biện xã hội: the draft commented, the comments, and the drafting
    body's response (what it took on board, what it explained)."""

    document_title = models.CharField("dự thảo văn bản được phản biện", max_length=500)
    document_number = models.CharField("số, ký hiệu dự thảo (nếu có)", max_length=64, blank=True)
    drafting_body = models.CharField("cơ quan chủ trì soạn thảo", max_length=255)
    held_on = models.DateField("ngày tổ chức")
    participants = models.TextField("thành phần tham dự", blank=True)
    response = models.TextField("ý kiến tiếp thu, giải trình của cơ quan soạn thảo", blank=True)
    responded_on = models.DateField("ngày tiếp thu, giải trình", null=True, blank=True)

    class Meta:
        verbose_name = "hội nghị phản biện xã hội"
        verbose_name_plural = "hội nghị phản biện xã hội"
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["unit", "held_on"])]

    def clean(self) -> None:
        errors: dict = {}
        not_after_today(self.held_on, "held_on", "Ngày tổ chức", errors)
        not_after_today(self.responded_on, "responded_on", "Ngày tiếp thu, giải trình", errors)
        not_before(self.responded_on, self.held_on, "responded_on", "Ngày giải trình", errors)
        if self.responded_on and not self.response.strip():
            errors.setdefault("response", "Cần ghi nội dung tiếp thu, giải trình.")
        if self.response.strip() and not self.responded_on:
            errors.setdefault("responded_on", "Cần ghi ngày tiếp thu, giải trình.")
        raise_if(errors)

    def activity_type_code(self) -> str:
        return "critique"


class CritiqueComment(models.Model):
    """One comment on the draft (ý kiến phản biện) and whether it was taken on board."""

    conference = models.ForeignKey(
        CritiqueConference, on_delete=models.CASCADE, related_name="comments"
    )
    text = models.TextField("nội dung góp ý, phản biện")
    commenter = models.CharField("người, tổ chức góp ý", max_length=255, blank=True)
    uptake = models.CharField(
        "tiếp thu", max_length=16, choices=Uptake.choices, default=Uptake.PENDING
    )

    class Meta:
        verbose_name = "ý kiến phản biện"
        verbose_name_plural = "ý kiến phản biện"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text[:80]


class DialogueKind(models.TextChoices):
    FORUM = "forum", "Diễn đàn Nhân dân"
    DIALOGUE = "dialogue", "Đối thoại trực tiếp"


class Dialogue(VoiceRecord):
    """A people's forum or a direct dialogue: who met whom, the issues raised, and the
    commitments the leaders made (each followed up until done)."""

    kind = models.CharField("hình thức", max_length=16, choices=DialogueKind.choices)
    held_on = models.DateField("ngày tổ chức")
    place = models.CharField("địa điểm", max_length=255, blank=True)
    hosts = models.TextField("người đứng đầu cấp ủy, chính quyền tham gia (chủ trì)")
    participants = models.CharField("đối thoại với (đối tượng tham gia)", max_length=500)
    attendees = models.PositiveIntegerField("số người tham dự", null=True, blank=True)

    class Meta:
        verbose_name = "diễn đàn, đối thoại"
        verbose_name_plural = "diễn đàn, đối thoại"
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["unit", "held_on"])]

    def clean(self) -> None:
        errors: dict = {}
        not_after_today(self.held_on, "held_on", "Ngày tổ chức", errors)
        raise_if(errors)

    def activity_type_code(self) -> str:
        return self.kind


class DialogueIssue(models.Model):
    """An issue people raised at a forum or dialogue, and the answer given there."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="issues")
    text = models.TextField("ý kiến, vấn đề Nhân dân nêu")
    raised_by = models.CharField(
        "khu dân cư, nhóm nêu ý kiến",
        max_length=255,
        blank=True,
        help_text="Không ghi họ tên cá nhân.",
    )
    answer = models.TextField("trả lời tại hội nghị", blank=True)

    class Meta:
        verbose_name = "ý kiến tại diễn đàn, đối thoại"
        verbose_name_plural = "ý kiến tại diễn đàn, đối thoại"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text[:80]


class CommitmentStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "Đang thực hiện"
    DONE = "done", "Đã thực hiện"
    NOT_DONE = "not_done", "Không thực hiện"


class Commitment(models.Model):
    """What a leader committed to at a forum or dialogue, by when, and the follow-up."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="commitments")
    text = models.TextField("nội dung cam kết")
    responsible = models.CharField("người, cơ quan cam kết", max_length=255)
    due_on = models.DateField("thời hạn", null=True, blank=True)
    status = models.CharField(
        "tình hình thực hiện",
        max_length=16,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.IN_PROGRESS,
    )
    follow_up = models.TextField("kết quả theo dõi", blank=True)
    checked_on = models.DateField("ngày theo dõi", null=True, blank=True)

    class Meta:
        verbose_name = "cam kết"
        verbose_name_plural = "cam kết"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        errors: dict = {}
        held = self.dialogue.held_on if self.dialogue_id else None
        not_before(self.due_on, held, "due_on", "Thời hạn", errors)
        not_before(self.checked_on, held, "checked_on", "Ngày theo dõi", errors)
        not_after_today(self.checked_on, "checked_on", "Ngày theo dõi", errors)
        if self.status != CommitmentStatus.IN_PROGRESS and not self.checked_on:
            errors.setdefault("checked_on", "Cần ghi ngày theo dõi kết quả.")
        raise_if(errors)

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return (
            self.status == CommitmentStatus.IN_PROGRESS
            and self.due_on is not None
            and self.due_on < today
        )

    @property
    def overdue(self) -> bool:
        return self.is_overdue()
