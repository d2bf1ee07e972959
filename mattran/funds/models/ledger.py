"""A committee's funds and their ledger."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from mattran.funds.models.base import ImmutableModel

MONEY = {"max_digits": 15, "decimal_places": 0}  # đồng: no fractions


class FundKind(models.TextChoices):
    POOR_RELIEF = "vi_nguoi_ngheo", "Quỹ “Vì người nghèo”"
    DISASTER_RELIEF = "cuu_tro", "Quỹ cứu trợ"


KIND_ORDER = {kind: index for index, kind in enumerate(FundKind.values)}


def in_kind_order(funds) -> list:
    """Quỹ “Vì người nghèo” first, then Quỹ cứu trợ, as reports list them."""
    return sorted(funds, key=lambda fund: KIND_ORDER.get(fund.kind, 99))


class Fund(models.Model):
    """Quỹ “Vì người nghèo” or Quỹ cứu trợ of one committee: donations in, support out."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name="đơn vị", on_delete=models.CASCADE, related_name="funds"
    )
    kind = models.CharField("loại quỹ", max_length=16, choices=FundKind.choices)
    name = models.CharField("tên quỹ", max_length=255)
    created_at = models.DateTimeField("lúc mở sổ", auto_now_add=True)

    class Meta:
        verbose_name = "quỹ"
        verbose_name_plural = "quỹ"
        ordering = ["unit__path", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "kind"],
                name="fund_one_per_kind",
                violation_error_message="Đơn vị đã có sổ quỹ loại này.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.unit.name}"


class EntryKind(models.TextChoices):
    RECEIPT = "receipt", "Thu ủng hộ"
    DISBURSEMENT = "disbursement", "Chi hỗ trợ"
    TRANSFER_OUT = "transfer_out", "Điều chuyển đi"
    TRANSFER_IN = "transfer_in", "Nhận điều chuyển"
    REVERSAL = "reversal", "Bút toán đảo"


INFLOWS = (EntryKind.RECEIPT, EntryKind.TRANSFER_IN)
OUTFLOWS = (EntryKind.DISBURSEMENT, EntryKind.TRANSFER_OUT)


class Entry(ImmutableModel):
    """One line of a fund's ledger. Never edited nor deleted: a mistake is corrected by a
    reversal (same amount, opposite effect) pointing at the entry it cancels."""

    fund = models.ForeignKey(
        Fund, verbose_name="quỹ", on_delete=models.CASCADE, related_name="entries"
    )
    entry_date = models.DateField("ngày")
    year = models.PositiveSmallIntegerField("năm", editable=False)
    kind = models.CharField("loại bút toán", max_length=16, choices=EntryKind.choices)
    inflow = models.BooleanField("làm tăng quỹ", editable=False)
    amount = models.DecimalField("số tiền (đồng)", **MONEY)
    donor = models.CharField("người, đơn vị ủng hộ", max_length=255, blank=True)
    receipt_number = models.CharField("số biên lai", max_length=32, blank=True)
    purpose = models.CharField("nội dung", max_length=500, blank=True)
    beneficiary = models.CharField("đối tượng nhận hỗ trợ", max_length=255, blank=True)
    reference = models.CharField(
        "công trình, hộ được hỗ trợ",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Nhà Đại đoàn kết hộ ông Nguyễn Văn A, khối phố 3",
    )
    # Plain numbers, not foreign keys: the households app may point its records here
    # without the ledger depending on it.
    household_id = models.PositiveIntegerField("mã hộ", null=True, blank=True)
    house_id = models.PositiveIntegerField("mã nhà", null=True, blank=True)
    decision_number = models.CharField("số quyết định", max_length=64, blank=True)
    decision_date = models.DateField("ngày quyết định", null=True, blank=True)
    reverses = models.OneToOneField(
        "self",
        verbose_name="đảo bút toán",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reversal",
    )
    counterpart = models.OneToOneField(
        "self",
        verbose_name="bút toán điều chuyển đi tương ứng",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="counterpart_of",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("lúc ghi", auto_now_add=True)

    class Meta:
        verbose_name = "bút toán quỹ"
        verbose_name_plural = "sổ quỹ"
        ordering = ["entry_date", "pk"]
        indexes = [models.Index(fields=["fund", "entry_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="fund_entry_amount_positive",
                violation_error_message="Số tiền phải lớn hơn 0.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=INFLOWS, inflow=True)
                | Q(kind__in=OUTFLOWS, inflow=False)
                | Q(kind=EntryKind.REVERSAL),
                name="fund_entry_direction_matches_kind",
                violation_error_message="Chiều thu, chi không khớp với loại bút toán.",
            ),
            models.CheckConstraint(
                condition=Q(kind=EntryKind.REVERSAL, reverses__isnull=False)
                | (~Q(kind=EntryKind.REVERSAL) & Q(reverses__isnull=True)),
                name="fund_entry_reversal_has_target",
                violation_error_message="Bút toán đảo phải chỉ rõ bút toán được đảo.",
            ),
            models.CheckConstraint(
                condition=Q(kind=EntryKind.TRANSFER_IN, counterpart__isnull=False)
                | (~Q(kind=EntryKind.TRANSFER_IN) & Q(counterpart__isnull=True)),
                name="fund_entry_transfer_in_has_counterpart",
                violation_error_message="Khoản nhận điều chuyển phải gắn với khoản chuyển đi.",
            ),
            models.UniqueConstraint(
                fields=["fund", "year", "receipt_number"],
                condition=~Q(receipt_number=""),
                name="fund_receipt_number_unique_per_year",
                violation_error_message="Số biên lai này đã được ghi trong năm.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entry_date:%d/%m/%Y} {self.get_kind_display()} {self.amount} đồng"

    def save(self, *args, **kwargs):
        self.year = self.entry_date.year
        if self.kind in INFLOWS:
            self.inflow = True
        elif self.kind in OUTFLOWS:
            self.inflow = False
        super().save(*args, **kwargs)

    @property
    def signed_amount(self):
        return self.amount if self.inflow else -self.amount

    @property
    def is_transfer(self) -> bool:
        return self.kind in (EntryKind.TRANSFER_IN, EntryKind.TRANSFER_OUT)
