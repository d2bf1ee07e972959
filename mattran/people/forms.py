"""Forms of the people's pages: dates typed dd/mm/yyyy, units narrowed to those the user
may change."""

from django import forms
from django.utils import timezone

from mattran.households.forms import VnDateField
from mattran.people.models import CourseKind, CourseLevel, Gender, Role
from mattran.units.models import Tier, Unit


class UnitField(forms.ModelChoiceField):
    def label_from_instance(self, unit: Unit) -> str:
        if unit.tier == Tier.AREA and unit.parent_id:
            return f"{unit.name} – {unit.parent.name}"
        return unit.name


class PersonForm(forms.Form):
    full_name = forms.CharField(label="Họ và tên", max_length=128)
    birth_year = forms.IntegerField(label="Năm sinh", required=False, min_value=1900)
    gender = forms.ChoiceField(
        label="Giới tính", choices=[("", "—"), *Gender.choices], required=False
    )
    ethnicity = forms.CharField(label="Dân tộc", max_length=64, required=False)
    unit = UnitField(
        label="Đơn vị quản lý hồ sơ",
        queryset=Unit.objects.none(),
        help_text="Đơn vị này và cấp trên của nó mới xem được số điện thoại, thư điện tử, địa chỉ.",
    )
    phone = forms.CharField(label="Số điện thoại", max_length=20, required=False)
    email = forms.EmailField(
        label="Thư điện tử",
        required=False,
        error_messages={"invalid": "Địa chỉ thư điện tử không hợp lệ."},
    )
    address = forms.CharField(label="Địa chỉ", max_length=255, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["birth_year"].max_value = timezone.localdate().year
        self.fields["birth_year"].widget.attrs["max"] = timezone.localdate().year

    def clean_birth_year(self):
        year = self.cleaned_data.get("birth_year")
        if year is not None and year > timezone.localdate().year:
            raise forms.ValidationError("Năm sinh không được sau năm nay.")
        return year


class PositionForm(forms.Form):
    role = forms.ChoiceField(label="Chức vụ, vai trò", choices=Role.choices)
    unit = UnitField(label="Tại đơn vị", queryset=Unit.objects.none())
    start = VnDateField(label="Từ ngày")
    end = VnDateField(label="Đến ngày", required=False, help_text="Để trống nếu đang giữ.")
    sector = forms.CharField(
        label="Đại diện cho",
        max_length=255,
        required=False,
        help_text="Với ủy viên: giới, lĩnh vực hoặc tổ chức đại diện (Hội Nông dân, tôn giáo…).",
    )
    represents = UnitField(label="Tổ chức thành viên", queryset=Unit.objects.none(), required=False)
    note = forms.CharField(label="Ghi chú", max_length=500, required=False)

    def __init__(self, *args, units, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["represents"].queryset = organisations
        if not organisations.exists():
            del self.fields["represents"]


class PersonPositionForm(PersonForm):
    """A new person and their first post, on one page."""

    role = PositionForm.base_fields["role"]
    post_unit = UnitField(label="Giữ chức vụ tại đơn vị", queryset=Unit.objects.none())
    start = VnDateField(label="Từ ngày")
    end = VnDateField(label="Đến ngày", required=False, help_text="Để trống nếu đang giữ.")
    sector = PositionForm.base_fields["sector"]

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, units=units, **kwargs)
        self.fields["post_unit"].queryset = units


class EndForm(forms.Form):
    end = VnDateField(label="Ngày thôi giữ chức vụ")


class CourseForm(forms.Form):
    title = forms.CharField(label="Tên lớp", max_length=255)
    kind = forms.ChoiceField(label="Loại lớp", choices=CourseKind.choices)
    level = forms.ChoiceField(label="Cấp tổ chức", choices=CourseLevel.choices)
    start_date = VnDateField(label="Từ ngày")
    end_date = VnDateField(label="Đến ngày")
    place = forms.CharField(label="Địa điểm", max_length=255, required=False)
    content = forms.CharField(
        label="Nội dung", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Tệp Excel (.xlsx)",
        error_messages={"required": "Chưa chọn tệp Excel."},
    )
