"""Forms of the fund pages: dates typed dd/mm/yyyy, money typed 1.234.567."""

from datetime import date

from django import forms

from mattran.core.numbers import NumberFormatError, parse_number

DAY_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]


class DayField(forms.DateField):
    """A date typed as on paper: 05/08/2024 (a date picker would show US order)."""

    widget = forms.TextInput(
        attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"}
    )
    input_formats = DAY_FORMATS
    default_error_messages = {
        "invalid": "Ngày ghi theo dạng ngày/tháng/năm, ví dụ 05/08/2024.",
        "required": "Chưa nhập ngày.",
    }

    def prepare_value(self, value):
        return value.strftime("%d/%m/%Y") if isinstance(value, date) else value


class MoneyField(forms.CharField):
    """An amount in whole đồng: "60.000.000" or "60000000"."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "60.000.000"})
    default_error_messages = {"required": "Chưa nhập số tiền."}

    def clean(self, value):
        text = super().clean(value)
        if text in (None, ""):
            return None
        try:
            amount = parse_number(text)
        except NumberFormatError as exc:
            raise forms.ValidationError(str(exc)) from exc
        if amount <= 0:
            raise forms.ValidationError("Số tiền phải lớn hơn 0 đồng.")
        if amount != amount.to_integral_value():
            raise forms.ValidationError("Số tiền tính bằng đồng, không có phần lẻ.")
        return amount


def text_field(label: str, required: bool = True, max_length: int = 255, **kw) -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=max_length, **kw)


class ReceiptForm(forms.Form):
    entry_date = DayField(label="Ngày thu")
    amount = MoneyField(label="Số tiền (đồng)")
    receipt_number = text_field("Số biên lai", required=False, max_length=32)
    donor = text_field("Tổ chức, cá nhân ủng hộ")
    purpose = text_field(
        "Nội dung",
        required=False,
        max_length=500,
        help_text="Để trống: “Ủng hộ Quỹ …”.",
    )


class DisbursementForm(forms.Form):
    entry_date = DayField(label="Ngày chi")
    amount = MoneyField(label="Số tiền (đồng)")
    purpose = text_field("Nội dung chi", max_length=500)
    beneficiary = text_field("Đối tượng nhận hỗ trợ (hộ, cá nhân, đơn vị)")
    reference = text_field(
        "Công trình, hộ được hỗ trợ",
        required=False,
        help_text="Ví dụ: Nhà Đại đoàn kết hộ ông Nguyễn Văn A, khối phố 3.",
    )
    decision_number = text_field("Số quyết định", required=False, max_length=64)
    decision_date = DayField(label="Ngày quyết định", required=False)


class TransferForm(forms.Form):
    to_unit = forms.TypedChoiceField(label="Chuyển cho", coerce=int)
    entry_date = DayField(label="Ngày chuyển")
    amount = MoneyField(label="Số tiền (đồng)")
    purpose = text_field("Nội dung", max_length=500)
    decision_number = text_field("Số quyết định", required=False, max_length=64)
    decision_date = DayField(label="Ngày quyết định", required=False)

    def __init__(self, *args, partners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.partners = {unit.pk: unit for unit in partners}
        self.fields["to_unit"].choices = [("", "— Chọn đơn vị —")] + [
            (unit.pk, unit.name) for unit in partners
        ]
        self.fields["to_unit"].error_messages["invalid_choice"] = (
            "Chỉ điều chuyển cho Ủy ban MTTQ cấp trên trực tiếp hoặc cấp dưới trực tiếp."
        )
        self.fields["to_unit"].error_messages["required"] = "Chọn đơn vị nhận."


class ReversalForm(forms.Form):
    entry_date = DayField(label="Ngày ghi bút toán đảo")
    reason = text_field(
        "Lý do", max_length=300, help_text="Ví dụ: Ghi nhầm số tiền, trùng biên lai."
    )


class PeriodForm(forms.Form):
    start = DayField(label="Từ ngày", required=False)
    end = DayField(label="Đến ngày", required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", "Ngày kết thúc phải sau ngày bắt đầu.")
        return data


def apply_errors(form: forms.Form, exc) -> None:
    """Show a service's ValidationError on the form: on its field when there is one."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)
