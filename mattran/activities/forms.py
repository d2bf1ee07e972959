from django import forms

from mattran.activities.models import ActivityType
from mattran.core.numbers import NumberFormatError, parse_number


class ActivityForm(forms.Form):
    type = forms.ModelChoiceField(
        ActivityType.objects.all(), label="Loại hoạt động", empty_label="— Chọn loại —"
    )
    date = forms.DateField(
        label="Ngày",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    title = forms.CharField(label="Tên hoạt động", max_length=500)
    description = forms.CharField(label="Nội dung", required=False, widget=forms.Textarea)
    link = forms.URLField(
        label="Đường dẫn (nếu có)", required=False, max_length=500, assume_scheme="https"
    )
    amount = forms.CharField(
        label="Giá trị (đồng)",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    quantity = forms.IntegerField(
        label="Số lượng (tin bài, người dự…)", required=False, min_value=0
    )
    interactions = forms.IntegerField(label="Lượt tương tác", required=False, min_value=0)

    def clean_amount(self):
        text = (self.cleaned_data.get("amount") or "").strip()
        if not text:
            return None
        try:
            value = parse_number(text)
        except NumberFormatError as exc:
            raise forms.ValidationError(str(exc)) from exc
        if value < 0:
            raise forms.ValidationError("Giá trị không được âm.")
        return value
