"""Goods received in kind for disaster relief and Tết support, kept in a committee's store
and handed out by issue slips. Receipts and slips are never edited: a reversing receipt or
slip (same lines, opposite effect) corrects a mistake."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from mattran.funds.models.base import ImmutableModel

QUANTITY = {"max_digits": 14, "decimal_places": 2}


class Store(models.Model):
    """Kho hàng cứu trợ: where a committee keeps the goods it received."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name="đơn vị", on_delete=models.CASCADE, related_name="relief_stores"
    )
    name = models.CharField("tên kho", max_length=255)
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    created_at = models.DateTimeField("lúc tạo", auto_now_add=True)

    class Meta:
        verbose_name = "kho hàng cứu trợ"
        verbose_name_plural = "kho hàng cứu trợ"
        ordering = ["unit__path", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name"],
                name="relief_store_name_unique",
                violation_error_message="Đơn vị đã có kho mang tên này.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.unit.name}"


class Item(models.Model):
    """A kind of goods with its unit of measure: Gạo (kg), Mì tôm (thùng), Quà Tết (suất)."""

    name = models.CharField("mặt hàng", max_length=128)
    measure = models.CharField("đơn vị tính", max_length=32)

    class Meta:
        verbose_name = "mặt hàng"
        verbose_name_plural = "mặt hàng"
        ordering = ["name", "measure"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "measure"],
                name="relief_item_unique",
                violation_error_message="Mặt hàng với đơn vị tính này đã có.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.measure})"


class StockDocument(ImmutableModel):
    """What a receipt and an issue slip share: a store, a date, a number, who wrote it."""

    store = models.ForeignKey(Store, verbose_name="kho", on_delete=models.CASCADE)
    day = models.DateField("ngày")
    number = models.CharField("số phiếu", max_length=32, blank=True)
    note = models.CharField("ghi chú", max_length=500, blank=True)
    reverses = models.OneToOneField(
        "self",
        verbose_name="đảo phiếu",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reversal",
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
        abstract = True
        ordering = ["day", "pk"]

    @property
    def is_reversal(self) -> bool:
        return self.reverses_id is not None


class StockReceipt(StockDocument):
    """Phiếu nhập kho: goods received from a donor."""

    donor = models.CharField("người, đơn vị ủng hộ", max_length=255)
    kind = "receipt"  # what the pages and the reversal URL call it

    class Meta(StockDocument.Meta):
        verbose_name = "phiếu nhập kho"
        verbose_name_plural = "phiếu nhập kho"
        default_related_name = "receipts"

    def __str__(self) -> str:
        return f"Phiếu nhập {self.number or self.pk} ngày {self.day:%d/%m/%Y}"


class IssueSlip(StockDocument):
    """Phiếu xuất kho: goods handed to households or to a unit (a ward, a residential area)."""

    recipient = models.CharField("hộ, đơn vị nhận", max_length=255)
    recipient_unit = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị nhận (nếu là đơn vị)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = "issue"

    class Meta(StockDocument.Meta):
        verbose_name = "phiếu xuất kho"
        verbose_name_plural = "phiếu xuất kho"
        default_related_name = "issues"

    def __str__(self) -> str:
        return f"Phiếu xuất {self.number or self.pk} ngày {self.day:%d/%m/%Y}"


class StockLine(ImmutableModel):
    item = models.ForeignKey(Item, verbose_name="mặt hàng", on_delete=models.PROTECT)
    quantity = models.DecimalField("số lượng", **QUANTITY)

    class Meta:
        abstract = True


class StockReceiptLine(StockLine):
    receipt = models.ForeignKey(StockReceipt, on_delete=models.CASCADE, related_name="lines")

    class Meta:
        verbose_name = "dòng phiếu nhập"
        verbose_name_plural = "dòng phiếu nhập"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0),
                name="stock_receipt_line_positive",
                violation_error_message="Số lượng phải lớn hơn 0.",
            ),
            models.UniqueConstraint(
                fields=["receipt", "item"],
                name="stock_receipt_line_item_once",
                violation_error_message="Mỗi mặt hàng chỉ ghi một dòng trên phiếu.",
            ),
        ]


class IssueLine(StockLine):
    slip = models.ForeignKey(IssueSlip, on_delete=models.CASCADE, related_name="lines")

    class Meta:
        verbose_name = "dòng phiếu xuất"
        verbose_name_plural = "dòng phiếu xuất"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0),
                name="stock_issue_line_positive",
                violation_error_message="Số lượng phải lớn hơn 0.",
            ),
            models.UniqueConstraint(
                fields=["slip", "item"],
                name="stock_issue_line_item_once",
                violation_error_message="Mỗi mặt hàng chỉ ghi một dòng trên phiếu.",
            ),
        ]
