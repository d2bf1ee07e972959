from django import forms

from mattran.documents.models import DocumentStyle, ReportKind


class PrepareForm(forms.Form):
    kind = forms.ChoiceField(label="Loại báo cáo", choices=ReportKind.choices)
    period = forms.CharField(
        label="Kỳ báo cáo",
        max_length=16,
        help_text="Tháng: 2024-08; 6 tháng: 2024-H1 (đầu năm) hoặc 2024-H2; năm: 2024.",
    )


class StyleForm(forms.ModelForm):
    class Meta:
        model = DocumentStyle
        fields = [
            "parent_lines",
            "office",
            "sign_suffix",
            "place",
            "signer_authority",
            "signer_position",
            "signer_name",
            "recipients",
        ]
        widgets = {
            "parent_lines": forms.Textarea(attrs={"rows": 2}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
        }
