"""Solidarity houses: approval decisions and their lists, the houses, their funding and
photos, and the indicators computed from them."""

from django.conf import settings
from django.db import models

from mattran.households.models.register import Household

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_PHOTOS_PER_HOUSE = 20


class ApprovalDecision(models.Model):
    """A decision approving the households to be supported, e.g. the city's decision on
    temporary-house removal 2023–2025 with a schedule per year."""

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị theo dõi",
        on_delete=models.CASCADE,
        related_name="housing_decisions",
    )
    number = models.CharField("số, ký hiệu", max_length=64, help_text="Ví dụ: 1543/QĐ-UBND")
    signed_on = models.DateField("ngày ban hành")
    issuer = models.CharField(
        "cơ quan ban hành", max_length=255, help_text="Ví dụ: UBND thành phố Tam Kỳ"
    )
    title = models.TextField("trích yếu")
    first_year = models.PositiveSmallIntegerField("từ năm")
    last_year = models.PositiveSmallIntegerField("đến năm")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "quyết định phê duyệt danh sách"
        verbose_name_plural = "quyết định phê duyệt danh sách"
        ordering = ["-signed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_year__gte=models.F("first_year")),
                name="approval_decision_years_ordered",
                violation_error_message="Năm kết thúc phải từ năm bắt đầu trở đi.",
            ),
        ]

    def __str__(self) -> str:
        return f"Quyết định số {self.number} ngày {self.signed_on:%d/%m/%Y}"

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)


class HouseKind(models.TextChoices):
    BUILD = "build", "Xây mới"
    REPAIR = "repair", "Sửa chữa"


class ApprovalListEntry(models.Model):
    """A household on a decision's list, with the year its house is scheduled for."""

    decision = models.ForeignKey(
        ApprovalDecision,
        verbose_name="quyết định",
        on_delete=models.CASCADE,
        related_name="entries",
    )
    household = models.ForeignKey(
        Household, verbose_name="hộ", on_delete=models.CASCADE, related_name="approvals"
    )
    scheduled_year = models.PositiveSmallIntegerField("năm thực hiện theo kế hoạch")
    kind = models.CharField(
        "hình thức hỗ trợ", max_length=16, choices=HouseKind.choices, default=HouseKind.BUILD
    )
    note = models.CharField("ghi chú", max_length=255, blank=True)

    class Meta:
        verbose_name = "hộ trong danh sách phê duyệt"
        verbose_name_plural = "hộ trong danh sách phê duyệt"
        ordering = ["decision", "scheduled_year", "household__unit__path", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "household"],
                name="approval_entry_once",
                violation_error_message="Hộ này đã có trong danh sách của quyết định.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.decision.number} — năm {self.scheduled_year}"


class HouseStatus(models.TextChoices):
    PLANNED = "planned", "Chưa khởi công"
    BUILDING = "building", "Đang thi công"
    HANDED_OVER = "handed_over", "Đã bàn giao"
    CANCELLED = "cancelled", "Dừng thực hiện"


HOUSE_CHIPS = {
    HouseStatus.PLANNED: "s-no_data",
    HouseStatus.BUILDING: "s-on_track",
    HouseStatus.HANDED_OVER: "s-met",
    HouseStatus.CANCELLED: "s-behind",
}


class SolidarityHouse(models.Model):
    """Một nhà Đại đoàn kết: a house built or repaired for a household, with its funding."""

    household = models.ForeignKey(
        Household, verbose_name="hộ", on_delete=models.CASCADE, related_name="houses"
    )
    kind = models.CharField("hình thức", max_length=16, choices=HouseKind.choices)
    year = models.PositiveSmallIntegerField(
        "năm thực hiện", help_text="Năm nhà được tính vào kế hoạch, chỉ tiêu (ví dụ: 2024)."
    )
    list_entry = models.ForeignKey(
        ApprovalListEntry,
        verbose_name="thuộc danh sách phê duyệt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="houses",
    )
    cost = models.DecimalField("tổng kinh phí (đồng)", max_digits=18, decimal_places=0)
    started_on = models.DateField("ngày khởi công", null=True, blank=True)
    handed_over_on = models.DateField("ngày bàn giao", null=True, blank=True)
    status = models.CharField(
        "tình trạng", max_length=16, choices=HouseStatus.choices, default=HouseStatus.PLANNED
    )
    note = models.TextField("ghi chú", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "nhà Đại đoàn kết"
        verbose_name_plural = "nhà Đại đoàn kết"
        ordering = ["-year", "household__unit__path", "pk"]
        indexes = [models.Index(fields=["status", "handed_over_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100),
                name="house_year_range",
                violation_error_message="Năm thực hiện phải từ 2000 đến 2100.",
            ),
            models.CheckConstraint(
                condition=models.Q(cost__gte=0),
                name="house_cost_not_negative",
                violation_error_message="Kinh phí không được âm.",
            ),
            models.CheckConstraint(
                condition=models.Q(started_on__isnull=True)
                | models.Q(handed_over_on__isnull=True)
                | models.Q(handed_over_on__gte=models.F("started_on")),
                name="house_handover_after_start",
                violation_error_message="Ngày bàn giao không được trước ngày khởi công.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="handed_over") | models.Q(handed_over_on__isnull=False),
                name="house_handed_over_has_date",
                violation_error_message="Nhà đã bàn giao cần có ngày bàn giao.",
            ),
        ]

    def __str__(self) -> str:
        return f"Nhà Đại đoàn kết số {self.pk} ({self.get_kind_display().lower()})"


class FundingKind(models.TextChoices):
    FUND = "fund", "Quỹ “Vì người nghèo”"
    STATE = "state", "Ngân sách nhà nước"
    SPONSOR = "sponsor", "Nhà tài trợ, nhà hảo tâm"
    HOUSEHOLD = "household", "Gia đình đối ứng"
    OTHER = "other", "Nguồn khác"


class FundingSource(models.Model):
    """One source of a house's money: the fund, the state budget, a sponsor, the family."""

    house = models.ForeignKey(
        SolidarityHouse, verbose_name="nhà", on_delete=models.CASCADE, related_name="funding"
    )
    kind = models.CharField("nguồn", max_length=16, choices=FundingKind.choices)
    sponsor = models.CharField(
        "tên nhà tài trợ", max_length=255, blank=True, help_text="Ví dụ: Ngân hàng Agribank Tam Kỳ."
    )
    amount = models.DecimalField("số tiền (đồng)", max_digits=18, decimal_places=0)

    class Meta:
        verbose_name = "nguồn kinh phí"
        verbose_name_plural = "nguồn kinh phí"
        ordering = ["house", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0),
                name="funding_amount_positive",
                violation_error_message="Số tiền phải lớn hơn 0.",
            ),
        ]

    def __str__(self) -> str:
        return self.sponsor or self.get_kind_display()


class HousePhoto(models.Model):
    """A photo of the house (groundbreaking, work, handover), at most 5 MB."""

    house = models.ForeignKey(
        SolidarityHouse, verbose_name="nhà", on_delete=models.CASCADE, related_name="photos"
    )
    name = models.CharField("tên tệp", max_length=255)
    content_type = models.CharField("loại ảnh", max_length=64)
    data = models.BinaryField("ảnh")
    size = models.PositiveIntegerField("dung lượng")
    caption = models.CharField("chú thích", max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "ảnh nhà"
        verbose_name_plural = "ảnh nhà"
        ordering = ["house", "pk"]

    def __str__(self) -> str:
        return f"Ảnh số {self.pk} của nhà số {self.house_id}"


class HousingIndicatorLink(models.Model):
    """An indicator whose monthly figure is the number of houses handed over (II.1 "nhà Đại
    đoàn kết"): it is computed from the houses, never typed."""

    indicator = models.OneToOneField(
        "programmes.Indicator",
        verbose_name="chỉ tiêu",
        on_delete=models.CASCADE,
        related_name="housing_link",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "chỉ tiêu tính từ nhà Đại đoàn kết"
        verbose_name_plural = "chỉ tiêu tính từ nhà Đại đoàn kết"

    def __str__(self) -> str:
        return f"{self.indicator.code} tính từ nhà Đại đoàn kết"
