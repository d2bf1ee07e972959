from django import forms

from mattran.core.numbers import NumberFormatError, parse_number


class ProgressForm(forms.Form):
    value = forms.CharField(
        label="Kết quả đạt được (số)",
        required=False,
        max_length=32,
        help_text="Ví dụ: 12 hoặc 1.250 — để trống nếu nhiệm vụ không đo bằng số.",
    )
    note = forms.CharField(
        label="Nội dung báo cáo", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    link = forms.URLField(label="Đường dẫn minh chứng", required=False, assume_scheme="https")
    evidence = forms.FileField(label="Tệp minh chứng (tối đa 10 MB)", required=False)
    done = forms.BooleanField(label="Đã hoàn thành nhiệm vụ", required=False)

    def clean_value(self):
        text = self.cleaned_data["value"].strip()
        if not text:
            return None
        try:
            return parse_number(text)
        except NumberFormatError as exc:
            raise forms.ValidationError(str(exc)) from exc
