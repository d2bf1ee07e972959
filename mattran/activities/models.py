from django.conf import settings
from django.db import models


class ReportSection(models.TextChoices):
    """The parts of a monthly report's results (seed 003, part I)."""

    PROPAGANDA = "propaganda", "Công tác tuyên truyền, vận động tập hợp các tầng lớp Nhân dân"
    CAMPAIGNS = (
        "campaigns",
        "Triển khai thực hiện các cuộc vận động, các phong trào thi đua yêu nước",
    )
    PARTY_BUILDING = (
        "party_building",
        ("Tham gia xây dựng Đảng, chính quyền; giám sát và phản biện xã hội"),
    )
    DIPLOMACY = "diplomacy", "Công tác đối ngoại nhân dân và kiều bào"
    FRONT_SYSTEM = (
        "front_system",
        (
            "Hoàn thiện cơ chế, nâng cao năng lực của hệ thống Mặt trận và công tác thi đua, "
            "khen thưởng"
        ),
    )


class ActivityType(models.Model):
    """A kind of thing units do and report: a supervision, a dialogue, a model launched…"""

    code = models.SlugField("mã", max_length=32, unique=True)
    name = models.CharField("tên loại hoạt động", max_length=128)
    feeds = models.ManyToManyField(
        "programmes.Indicator",
        verbose_name="được tính vào chỉ tiêu",
        blank=True,
        related_name="fed_by",
        help_text="Mỗi hoạt động loại này được đếm vào số liệu tháng của các chỉ tiêu này.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    report_section = models.CharField(
        "mục trong báo cáo",
        max_length=16,
        choices=ReportSection.choices,
        default=ReportSection.PROPAGANDA,
    )
    report_phrase = models.CharField(
        "cách viết trong báo cáo",
        max_length=255,
        blank=True,
        help_text="Ví dụ: “tổ chức Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, "
        "chính quyền với Nhân dân”. Để trống: “tổ chức” và tên loại hoạt động.",
    )

    class Meta:
        verbose_name = "loại hoạt động"
        verbose_name_plural = "loại hoạt động"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def phrase(self) -> str:
        return self.report_phrase or f"tổ chức {self.name[0].lower()}{self.name[1:]}"


class Activity(models.Model):
    """Một hoạt động: what a unit did on a day, as its monthly report tells it."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="activities"
    )
    type = models.ForeignKey(
        ActivityType,
        verbose_name="loại hoạt động",
        on_delete=models.PROTECT,
        related_name="activities",
    )
    date = models.DateField("ngày")
    title = models.CharField("tên hoạt động", max_length=500)
    description = models.TextField("nội dung", blank=True)
    link = models.URLField("đường dẫn", max_length=500, blank=True)
    amount = models.DecimalField(
        "giá trị (đồng)", max_digits=18, decimal_places=0, null=True, blank=True
    )
    quantity = models.PositiveIntegerField(
        "số lượng", null=True, blank=True, help_text="Ví dụ: số tin bài đăng, số người tham dự."
    )
    interactions = models.PositiveIntegerField("lượt tương tác", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "hoạt động"
        verbose_name_plural = "hoạt động"
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["unit", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="activity_amount_not_negative",
                violation_error_message="Giá trị không được âm.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.title}"
