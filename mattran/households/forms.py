"""Forms of the register and the houses: dates typed dd/mm/yyyy, money the Vietnamese way
(60.000.000), choices narrowed to what the user may change."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from mattran.core.numbers import NumberFormatError, format_number, parse_number
from mattran.households.models import (
    FundingKind,
    HouseKind,
    HouseStatus,
    PovertyStatus,
    SupportKind,
)

DATE_HELP = "dd/mm/yyyy"


class VnDateField(forms.DateField):
    """A date typed as 15/06/2023 in a text box (a date picker shows US dates in Chromium)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%d/%m/%Y"])
        kwargs.setdefault(
            "widget",
            forms.DateInput(
                format="%d/%m/%Y",
                attrs={"placeholder": DATE_HELP, "inputmode": "numeric", "autocomplete": "off"},
            ),
        )
        kwargs.setdefault(
            "error_messages",
            {"invalid": "Ngày không hợp lệ: gõ theo dạng ngày/tháng/năm, ví dụ 15/06/2023."},
        )
        super().__init__(**kwargs)


class MoneyField(forms.Field):
    """An amount in đồng typed as 60.000.000 or 60000000; None when left empty."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 32}),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_number(value)
        return value

    def to_python(self, value):
        text = str(value or "").strip().removesuffix("đồng").strip()
        if not text:
            return None
        try:
            amount = parse_number(text)
        except NumberFormatError as exc:
            raise ValidationError(str(exc)) from exc
        if amount < 0:
            raise ValidationError("Số tiền không được âm.")
        if amount != amount.to_integral():
            raise ValidationError("Số tiền tính bằng đồng, không có phần lẻ.")
        return amount


def attach_errors(form: forms.Form, exc: ValidationError) -> None:
    """A service's refusal shown on the field it names, or above the form."""
    if hasattr(exc, "error_dict"):
        for name, messages in exc.message_dict.items():
            for message in messages:
                form.add_error(name if name in form.fields else None, message)
    else:
        form.add_error(None, " ".join(exc.messages))


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class HouseholdForm(forms.Form):
    unit = UnitChoiceField(queryset=None, label="Khu dân cư (hoặc xã, phường)", empty_label=None)
    head_name = forms.CharField(label="Họ tên chủ hộ", max_length=128)
    address = forms.CharField(
        label="Địa chỉ",
        max_length=255,
        help_text="Ví dụ: Tổ 3, khối phố 2, phường An Mỹ.",
    )
    members = forms.IntegerField(label="Số nhân khẩu", min_value=1, max_value=50, initial=1)
    code = forms.CharField(
        label="Mã hộ trong danh sách rà soát (nếu có)",
        max_length=32,
        required=False,
        help_text="Không ghi số căn cước, chứng minh nhân dân.",
    )
    phone = forms.CharField(label="Số điện thoại (nếu có)", max_length=20, required=False)
    note = forms.CharField(
        label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class StatusForm(forms.Form):
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100)
    status = forms.ChoiceField(label="Diện hộ", choices=PovertyStatus.choices)
    decided_by = forms.CharField(
        label="Căn cứ công nhận",
        max_length=255,
        required=False,
        help_text="Ví dụ: Quyết định số 45/QĐ-UBND ngày 28/12/2023 của UBND phường.",
    )
    note = forms.CharField(label="Ghi chú", max_length=500, required=False)


class SupportForm(forms.Form):
    date = VnDateField(label="Ngày")
    kind = forms.ChoiceField(label="Hình thức hỗ trợ", choices=SupportKind.choices)
    giver = forms.CharField(label="Đơn vị, nhà hảo tâm trao", max_length=255)
    amount = MoneyField(label="Giá trị bằng tiền (đồng)", required=False)
    in_kind = forms.CharField(
        label="Hiện vật", max_length=255, required=False, help_text="Ví dụ: 20 kg gạo, dầu ăn."
    )
    description = forms.CharField(label="Nội dung", max_length=500, required=False)


class HouseholdChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.head_name} — {obj.unit.name}"


class EntryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return (
            f"{obj.decision.number}, năm {obj.scheduled_year} — {obj.household.head_name} "
            f"({obj.household.unit.name})"
        )


class HouseForm(forms.Form):
    household = HouseholdChoiceField(
        queryset=None, label="Hộ được hỗ trợ", empty_label="— Chọn hộ —"
    )
    kind = forms.ChoiceField(label="Hình thức", choices=HouseKind.choices)
    year = forms.IntegerField(label="Năm thực hiện", min_value=2000, max_value=2100)
    list_entry = EntryChoiceField(
        queryset=None,
        label="Thuộc danh sách phê duyệt",
        required=False,
        empty_label="— Ngoài danh sách —",
    )
    cost = MoneyField(label="Tổng kinh phí (đồng)")
    status = forms.ChoiceField(label="Tình trạng", choices=HouseStatus.choices)
    started_on = VnDateField(label="Ngày khởi công", required=False)
    handed_over_on = VnDateField(label="Ngày bàn giao", required=False)
    note = forms.CharField(
        label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, households=None, entries=None, fixed_household=False, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_household:
            del self.fields["household"]
        else:
            self.fields["household"].queryset = households
        self.fields["list_entry"].queryset = entries


class FundingForm(forms.Form):
    kind = forms.ChoiceField(label="Nguồn", choices=FundingKind.choices)
    sponsor = forms.CharField(label="Tên nhà tài trợ (nếu có)", max_length=255, required=False)
    amount = MoneyField(label="Số tiền (đồng)")


class PhotoForm(forms.Form):
    photo = forms.FileField(label="Ảnh (JPG, PNG; tối đa 5 MB)")
    caption = forms.CharField(label="Chú thích", max_length=255, required=False)


class DecisionForm(forms.Form):
    number = forms.CharField(label="Số, ký hiệu", max_length=64, help_text="Ví dụ: 1543/QĐ-UBND")
    signed_on = VnDateField(label="Ngày ban hành")
    issuer = forms.CharField(label="Cơ quan ban hành", max_length=255)
    title = forms.CharField(label="Trích yếu", widget=forms.Textarea(attrs={"rows": 2}))
    first_year = forms.IntegerField(label="Từ năm", min_value=2000, max_value=2100)
    last_year = forms.IntegerField(label="Đến năm", min_value=2000, max_value=2100)


class EntryForm(forms.Form):
    household = HouseholdChoiceField(queryset=None, label="Hộ", empty_label="— Chọn hộ —")
    scheduled_year = forms.TypedChoiceField(label="Năm thực hiện", coerce=int, choices=())
    kind = forms.ChoiceField(label="Hình thức", choices=HouseKind.choices)
    note = forms.CharField(label="Ghi chú", max_length=255, required=False)

    def __init__(self, *args, households=None, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = households
        self.fields["scheduled_year"].choices = [(y, str(y)) for y in years]


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        unit = obj.unit.name if obj.unit_id else "không thuộc đơn vị"
        return f"{obj.get_full_name() or obj.username} ({obj.username}, {unit})"


class GrantForm(forms.Form):
    user = UserChoiceField(queryset=None, label="Người được xem", empty_label="— Chọn người —")
    unit = UnitChoiceField(queryset=None, label="Dữ liệu của", empty_label=None)
    reason = forms.CharField(
        label="Lý do",
        max_length=500,
        help_text="Ví dụ: kiểm tra hồ sơ hỗ trợ xóa nhà tạm năm 2024.",
    )
    valid_until = VnDateField(label="Hiệu lực đến ngày")

    def __init__(self, *args, users=None, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
        self.fields["unit"].queryset = units


class IndicatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} — {obj.text[:90]}"


class LinkForm(forms.Form):
    indicator = IndicatorChoiceField(
        queryset=None, label="Chỉ tiêu", empty_label="— Chọn chỉ tiêu —"
    )

    def __init__(self, *args, indicators=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators
