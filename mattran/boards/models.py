"""Yearly ratings of committees and boards, the People's Inspection Boards' cases, the
Community Investment Supervision Boards' projects, and the indicators computed from them."""

from django.conf import settings
from django.db import models

from mattran.core.ratings import Rating
from mattran.units.models import Tier


class Subject(models.TextChoices):
    """What is rated: a committee, or one of the boards the Front runs."""

    COMMITTEE = "committee", "Ủy ban MTTQ"
    AREA_BOARD = "area_board", "Ban Công tác Mặt trận khu dân cư"
    INSPECTION_BOARD = "inspection_board", "Ban Thanh tra Nhân dân"
    SUPERVISION_BOARD = "supervision_board", "Ban Giám sát đầu tư của cộng đồng"


# The tier of the unit a subject belongs to: a committee of any level, an area's Front
# board (the residential area itself), a commune's two boards (the commune).
SUBJECT_TIERS = {
    Subject.COMMITTEE: (Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE),
    Subject.AREA_BOARD: (Tier.AREA,),
    Subject.INSPECTION_BOARD: (Tier.COMMUNE,),
    Subject.SUPERVISION_BOARD: (Tier.COMMUNE,),
}

# Ratings that need their reasons written: failing the tasks, and excellence (which is
# what commendations are proposed from).
REASONS_REQUIRED = (Rating.NOT_COMPLETED, Rating.EXCELLENT)


class YearlyRating(models.Model):
    """Đánh giá, xếp loại hằng năm: the grade the level above gives a committee or board."""

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị được đánh giá",
        on_delete=models.CASCADE,
        related_name="board_ratings",
    )
    subject = models.CharField("đối tượng", max_length=24, choices=Subject.choices)
    year = models.PositiveSmallIntegerField("năm")
    rating = models.PositiveSmallIntegerField("xếp loại", choices=Rating.choices)
    reasons = models.TextField("nhận xét, lý do", blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đánh giá",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rated_at = models.DateTimeField("ngày đánh giá")

    class Meta:
        verbose_name = "xếp loại hằng năm"
        verbose_name_plural = "xếp loại hằng năm"
        ordering = ["-year", "unit__path", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "subject", "year"],
                name="yearly_rating_unique",
                violation_error_message="Đơn vị này đã được xếp loại trong năm.",
            ),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=4),
                name="yearly_rating_in_scale",
                violation_error_message="Xếp loại phải từ 1 đến 4.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_name} năm {self.year}: {self.get_rating_display()}"

    @property
    def subject_name(self) -> str:
        return subject_name(self.subject, self.unit)


def subject_name(subject: str, unit) -> str:
    """ "Ban Thanh tra Nhân dân Phường An Mỹ", "Ban Công tác Mặt trận Khối phố 1"."""
    if subject == Subject.COMMITTEE:
        return f"Ủy ban MTTQ {unit.name}"
    if subject == Subject.AREA_BOARD:
        return f"Ban Công tác Mặt trận {unit.name}"
    return f"{Subject(subject).label} {unit.name}"


class CaseKind(models.TextChoices):
    SUPERVISION = "supervision", "Giám sát việc thực hiện chính sách, pháp luật, dân chủ ở cơ sở"
    COMPLAINT = "complaint", "Giám sát giải quyết khiếu nại, tố cáo"
    PETITION = "petition", "Tiếp nhận, xử lý kiến nghị, phản ánh của Nhân dân"
    VERIFICATION = "verification", "Xác minh vụ việc theo yêu cầu"


class CaseStatus(models.TextChoices):
    OPEN = "open", "Đang thực hiện"
    CLOSED = "closed", "Đã kết thúc"


class InspectionCase(models.Model):
    """Một vụ việc của Ban Thanh tra Nhân dân: what the board looked into, what it asked of
    the body concerned, and how much of that was taken up."""

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="xã, phường",
        on_delete=models.CASCADE,
        related_name="inspection_cases",
    )
    opened_on = models.DateField("ngày bắt đầu")
    kind = models.CharField("loại việc", max_length=16, choices=CaseKind.choices)
    title = models.CharField("nội dung, vụ việc", max_length=300)
    body = models.CharField(
        "cơ quan, người được giám sát",
        max_length=255,
        blank=True,
        help_text="Ví dụ: UBND phường, Ban quản lý chợ Tam Kỳ.",
    )
    findings = models.TextField("kết quả giám sát, xác minh", blank=True)
    recommendations_made = models.PositiveSmallIntegerField("số kiến nghị đã gửi", default=0)
    recommendations_resolved = models.PositiveSmallIntegerField(
        "số kiến nghị được tiếp thu, giải quyết", default=0
    )
    outcome = models.TextField("kết quả giải quyết của cơ quan có thẩm quyền", blank=True)
    status = models.CharField(
        "tình trạng", max_length=8, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    closed_on = models.DateField("ngày kết thúc", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "vụ việc của Ban Thanh tra Nhân dân"
        verbose_name_plural = "vụ việc của Ban Thanh tra Nhân dân"
        ordering = ["-opened_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(recommendations_resolved__lte=models.F("recommendations_made")),
                name="inspection_resolved_not_above_made",
                violation_error_message="Số kiến nghị được giải quyết không được lớn hơn số kiến "
                "nghị đã gửi.",
            ),
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True)
                | models.Q(closed_on__gte=models.F("opened_on")),
                name="inspection_closed_after_opened",
                violation_error_message="Ngày kết thúc phải từ ngày bắt đầu trở đi.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.opened_on:%d/%m/%Y})"


class Funding(models.TextChoices):
    PEOPLE = "people", "Nhân dân đóng góp"
    COMMUNE_BUDGET = "commune_budget", "Ngân sách cấp xã"
    UPPER_BUDGET = "upper_budget", "Ngân sách cấp trên"
    SOCIALISATION = "socialisation", "Xã hội hóa (doanh nghiệp, nhà hảo tâm)"
    OTHER = "other", "Nguồn khác"


# Indicator III.10 covers "công trình, dự án đầu tư có nguồn vốn đóng góp Nhân dân và ngân
# sách cấp xã": a project with either source in its funding is in scope.
IN_SCOPE_FUNDING = (Funding.PEOPLE, Funding.COMMUNE_BUDGET)


class InvestmentProject(models.Model):
    """Một công trình, dự án đầu tư ở xã, phường and whether the Community Investment
    Supervision Board has supervised it."""

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="xã, phường",
        on_delete=models.CASCADE,
        related_name="investment_projects",
    )
    name = models.CharField("tên công trình, dự án", max_length=300)
    location = models.CharField("địa điểm", max_length=255, blank=True)
    funding = models.JSONField("nguồn vốn", default=list)
    budget = models.DecimalField("tổng mức đầu tư (đồng)", max_digits=18, decimal_places=0)
    started_on = models.DateField("ngày khởi công")
    completed_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    supervised = models.BooleanField("đã được giám sát", default=False)
    supervised_on = models.DateField("ngày giám sát", null=True, blank=True)
    findings = models.TextField("kết quả giám sát", blank=True)
    recommendations = models.TextField("kiến nghị", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "công trình, dự án đầu tư"
        verbose_name_plural = "công trình, dự án đầu tư"
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(budget__gte=0),
                name="project_budget_not_negative",
                violation_error_message="Tổng mức đầu tư không được âm.",
            ),
            models.CheckConstraint(
                condition=models.Q(supervised=False, supervised_on__isnull=True)
                | models.Q(supervised=True, supervised_on__isnull=False),
                name="project_supervised_has_date",
                violation_error_message="Công trình đã giám sát cần có ngày giám sát.",
            ),
            models.CheckConstraint(
                condition=models.Q(completed_on__isnull=True)
                | models.Q(completed_on__gte=models.F("started_on")),
                name="project_completed_after_start",
                violation_error_message="Ngày hoàn thành phải từ ngày khởi công trở đi.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def in_scope(self) -> bool:
        """Counted by indicator III.10: funded by the people and/or the commune budget."""
        return any(source in IN_SCOPE_FUNDING for source in self.funding)

    @property
    def funding_labels(self) -> list[str]:
        return [Funding(source).label for source in self.funding if source in Funding.values]


class Measure(models.TextChoices):
    """What a linked indicator is computed from."""

    COMMITTEE_RATING = "committee_rating", "Xếp loại Ủy ban MTTQ"
    AREA_BOARD_RATING = "area_board_rating", "Xếp loại Ban Công tác Mặt trận khu dân cư"
    INSPECTION_EFFECTIVE = "inspection_effective", "Ban Thanh tra Nhân dân hoạt động hiệu quả"
    PROJECTS_SUPERVISED = (
        "projects_supervised",
        "Công trình, dự án (vốn Nhân dân, ngân sách xã) được giám sát",
    )


class BoardIndicatorLink(models.Model):
    """Marks a programme indicator as computed from ratings or the boards' records: its
    figures are written by Mattran, never typed (Indicator.is_automatic)."""

    indicator = models.OneToOneField(
        "programmes.Indicator",
        verbose_name="chỉ tiêu",
        on_delete=models.CASCADE,
        related_name="board_link",
    )
    measure = models.CharField("tính từ", max_length=24, choices=Measure.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "chỉ tiêu tính từ xếp loại, hoạt động các ban"
        verbose_name_plural = "chỉ tiêu tính từ xếp loại, hoạt động các ban"

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.get_measure_display()}"
