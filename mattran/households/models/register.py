"""The register: households, their yearly status, the support they received, and who may
read or has read their personal data."""

from django.conf import settings
from django.db import models


class PovertyStatus(models.TextChoices):
    POOR = "poor", "Hộ nghèo"
    NEAR_POOR = "near_poor", "Hộ cận nghèo"
    ESCAPED = "escaped", "Thoát nghèo"
    OTHER = "other", "Hộ khó khăn khác"


# The chip colours of app.css for each status.
STATUS_CHIPS = {
    PovertyStatus.POOR: "s-behind",
    PovertyStatus.NEAR_POOR: "st-late",
    PovertyStatus.ESCAPED: "s-met",
    PovertyStatus.OTHER: "s-qualitative",
    "": "s-no_data",
}


class Household(models.Model):
    """Một hộ nghèo, cận nghèo hoặc khó khăn: its head, address and where it lives."""

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="khu dân cư, xã, phường",
        on_delete=models.CASCADE,
        related_name="households",
    )
    head_name = models.CharField("họ tên chủ hộ", max_length=128)
    address = models.CharField("địa chỉ", max_length=255)
    members = models.PositiveSmallIntegerField("số nhân khẩu", default=1)
    code = models.CharField(
        "mã hộ trong danh sách rà soát",
        max_length=32,
        blank=True,
        help_text="Ví dụ: AM-KP2-07. Không ghi số căn cước, chứng minh nhân dân.",
    )
    phone = models.CharField("số điện thoại", max_length=20, blank=True)
    note = models.TextField("ghi chú", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "hộ gia đình"
        verbose_name_plural = "hộ gia đình"
        ordering = ["unit__path", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(members__gte=1),
                name="household_has_members",
                violation_error_message="Số nhân khẩu phải từ 1 trở lên.",
            ),
        ]

    def __str__(self) -> str:
        # Audit entries and logs keep this text: never the name or address.
        return f"Hộ số {self.pk} ({self.unit})"


class HouseholdStatus(models.Model):
    """The household's standing in one year's review (poor, near-poor, escaped poverty)."""

    household = models.ForeignKey(
        Household, verbose_name="hộ", on_delete=models.CASCADE, related_name="statuses"
    )
    year = models.PositiveSmallIntegerField("năm")
    status = models.CharField("diện hộ", max_length=16, choices=PovertyStatus.choices)
    decided_by = models.CharField(
        "căn cứ công nhận",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Quyết định số 45/QĐ-UBND ngày 28/12/2023 của UBND phường An Mỹ.",
    )
    note = models.CharField("ghi chú", max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "diện hộ theo năm"
        verbose_name_plural = "diện hộ theo năm"
        ordering = ["household", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["household", "year"],
                name="household_status_once_a_year",
                violation_error_message="Hộ này đã có diện hộ của năm này.",
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100),
                name="household_status_year_range",
                violation_error_message="Năm phải từ 2000 đến 2100.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} năm {self.year}"


class SupportKind(models.TextChoices):
    TET_GIFT = "tet_gift", "Thăm hỏi, tặng quà Tết"
    LIVELIHOOD = "livelihood", "Hỗ trợ sinh kế"
    HEALTH = "health", "Hỗ trợ y tế, khám chữa bệnh"
    HOUSING = "housing", "Hỗ trợ nhà ở"
    OTHER = "other", "Hỗ trợ khác"


class Support(models.Model):
    """What a household received: a Tết gift, livelihood, health care or housing support."""

    household = models.ForeignKey(
        Household, verbose_name="hộ", on_delete=models.CASCADE, related_name="supports"
    )
    date = models.DateField("ngày")
    kind = models.CharField("hình thức hỗ trợ", max_length=16, choices=SupportKind.choices)
    description = models.CharField("nội dung", max_length=500, blank=True)
    amount = models.DecimalField(
        "giá trị bằng tiền (đồng)", max_digits=18, decimal_places=0, null=True, blank=True
    )
    in_kind = models.CharField(
        "hiện vật", max_length=255, blank=True, help_text="Ví dụ: 20 kg gạo, 01 con bò giống."
    )
    giver = models.CharField(
        "đơn vị, nhà hảo tâm trao",
        max_length=255,
        help_text="Ví dụ: Ủy ban MTTQ Việt Nam phường An Mỹ; Công ty Điện lực Quảng Nam.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "lần hỗ trợ"
        verbose_name_plural = "lần hỗ trợ"
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="support_amount_not_negative",
                violation_error_message="Giá trị hỗ trợ không được âm.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y}"


class PersonalDataGrant(models.Model):
    """An explicit, time-limited permission for one user to read the names and addresses of
    one ward's (or residential area's) households, given by that ward or a system admin."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người được cấp quyền",
        on_delete=models.CASCADE,
        related_name="personal_data_grants",
    )
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="dữ liệu của đơn vị",
        on_delete=models.CASCADE,
        related_name="personal_data_grants",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người cấp",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField("lý do", max_length=500)
    valid_until = models.DateField("hiệu lực đến ngày")
    created_at = models.DateTimeField("cấp lúc", auto_now_add=True)
    revoked_at = models.DateTimeField("thu hồi lúc", null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "quyền xem dữ liệu cá nhân"
        verbose_name_plural = "quyền xem dữ liệu cá nhân"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} xem dữ liệu hộ của {self.unit} đến {self.valid_until:%d/%m/%Y}"


class AccessAction(models.TextChoices):
    VIEW = "view", "Xem hồ sơ hộ"
    LIST = "list", "Xem danh sách"
    EXPORT = "export", "Xuất danh sách"


class HouseholdAccess(models.Model):
    """One read of households' records: who, when, from which unit, and whether names and
    addresses were shown."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    household = models.ForeignKey(
        Household,
        verbose_name="hộ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,  # the log outlives a household deleted by mistake
        related_name="accesses",
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name="từ trang của đơn vị", on_delete=models.CASCADE, related_name="+"
    )
    action = models.CharField("thao tác", max_length=16, choices=AccessAction.choices)
    personal = models.BooleanField("thấy họ tên, địa chỉ", default=False)
    detail = models.CharField("chi tiết", max_length=255, blank=True)
    at = models.DateTimeField("lúc", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "lượt truy cập hồ sơ hộ"
        verbose_name_plural = "nhật ký truy cập hồ sơ hộ"
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.user} {self.get_action_display()}"
