"""Forms of the store pages: a receipt or an issue slip with up to LINES lines."""

from django import forms

from mattran.core.numbers import NumberFormatError, parse_number
from mattran.funds.forms import DayField, text_field
from mattran.funds.models import Item
from mattran.funds.stock import Line

LINES = 6


class StoreForm(forms.Form):
    name = text_field("Tên kho")
    address = text_field("Địa chỉ", required=False)


class ItemForm(forms.Form):
    name = text_field("Mặt hàng", max_length=128)
    measure = text_field("Đơn vị tính", max_length=32, help_text="kg, thùng, suất, bao…")


class LinesForm(forms.Form):
    """Item and quantity rows; empty rows are skipped, half-filled ones are errors."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        items = list(Item.objects.all())
        self.items = {item.pk: item for item in items}
        choices = [("", "— Mặt hàng —")] + [(item.pk, str(item)) for item in items]
        for i in range(1, LINES + 1):
            self.fields[f"item_{i}"] = forms.TypedChoiceField(
                label=f"Mặt hàng dòng {i}", choices=choices, coerce=int, required=False
            )
            self.fields[f"quantity_{i}"] = forms.CharField(
                label=f"Số lượng dòng {i}",
                required=False,
                max_length=20,
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            )

    def line_rows(self):
        return [(self[f"item_{i}"], self[f"quantity_{i}"]) for i in range(1, LINES + 1)]

    def clean(self):
        data = super().clean()
        lines = []
        for i in range(1, LINES + 1):
            item_id = data.get(f"item_{i}")
            text = (data.get(f"quantity_{i}") or "").strip()
            if not item_id and not text:
                continue
            if not item_id:
                self.add_error(f"item_{i}", f"Dòng {i}: chọn mặt hàng.")
                continue
            if not text:
                self.add_error(f"quantity_{i}", f"Dòng {i}: nhập số lượng.")
                continue
            try:
                quantity = parse_number(text)
            except NumberFormatError as exc:
                self.add_error(f"quantity_{i}", f"Dòng {i}: {exc}")
                continue
            lines.append(Line(self.items[item_id], quantity))
        if not lines and not self.errors:
            raise forms.ValidationError("Phiếu phải có ít nhất một mặt hàng.")
        data["lines"] = lines
        return data


class StockReceiptForm(LinesForm):
    day = DayField(label="Ngày nhập")
    donor = text_field("Tổ chức, cá nhân ủng hộ")
    number = text_field("Số phiếu", required=False, max_length=32)
    note = text_field("Ghi chú", required=False, max_length=500)
    field_order = ["day", "donor", "number", "note"]


class IssueForm(LinesForm):
    day = DayField(label="Ngày xuất")
    recipient_unit = forms.TypedChoiceField(
        label="Đơn vị nhận (nếu xuất cho đơn vị)", coerce=int, required=False
    )
    recipient = text_field(
        "Hộ, đơn vị nhận", required=False, help_text="Để trống khi đã chọn đơn vị nhận."
    )
    number = text_field("Số phiếu", required=False, max_length=32)
    note = text_field("Nội dung", required=False, max_length=500)
    field_order = ["day", "recipient_unit", "recipient", "number", "note"]

    def __init__(self, *args, children=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.children = {unit.pk: unit for unit in children}
        self.fields["recipient_unit"].choices = [("", "— Không —")] + [
            (unit.pk, unit.name) for unit in children
        ]


class StockReversalForm(forms.Form):
    day = DayField(label="Ngày lập phiếu đảo")
    reason = text_field("Lý do", max_length=300, help_text="Ví dụ: Ghi nhầm số lượng.")
