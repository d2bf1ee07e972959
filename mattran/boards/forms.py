"""Forms of ratings, inspection cases and projects: dates typed dd/mm/yyyy, money the
Vietnamese way (1.250.000.000), every message in Vietnamese. The date and money fields and
the way a service's refusal lands on a form are the households app's."""

from django import forms

from mattran.boards.models import CaseKind, CaseStatus, Funding, Measure
from mattran.core.ratings import Rating
from mattran.households.forms import MoneyField, VnDateField, attach_errors

__all__ = ["CaseForm", "LinkForm", "ProjectForm", "RatingForm", "attach_errors"]


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label="Xếp loại",
        choices=[("", "— Chọn mức xếp loại —"), *sorted(Rating.choices, reverse=True)],
        coerce=int,
        error_messages={"required": "Chọn mức xếp loại."},
    )
    reasons = forms.CharField(
        label="Nhận xét, lý do",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Bắt buộc với mức “Hoàn thành xuất sắc” và “Không hoàn thành nhiệm vụ”.",
    )


class CaseForm(forms.Form):
    opened_on = VnDateField(label="Ngày bắt đầu")
    kind = forms.ChoiceField(label="Loại việc", choices=[("", "— Chọn —"), *CaseKind.choices])
    title = forms.CharField(
        label="Nội dung, vụ việc",
        max_length=300,
        help_text="Ví dụ: Giám sát việc thu, chi quỹ phòng, chống thiên tai năm 2024.",
    )
    body = forms.CharField(
        label="Cơ quan, người được giám sát",
        max_length=255,
        required=False,
        help_text="Ví dụ: UBND phường, Ban quản lý chợ Tam Kỳ.",
    )
    findings = forms.CharField(
        label="Kết quả giám sát, xác minh",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    recommendations_made = forms.IntegerField(
        label="Số kiến nghị đã gửi", min_value=0, max_value=999, initial=0
    )
    recommendations_resolved = forms.IntegerField(
        label="Số kiến nghị được tiếp thu, giải quyết", min_value=0, max_value=999, initial=0
    )
    outcome = forms.CharField(
        label="Kết quả giải quyết của cơ quan có thẩm quyền",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    status = forms.ChoiceField(
        label="Tình trạng", choices=CaseStatus.choices, initial=CaseStatus.OPEN
    )
    closed_on = VnDateField(label="Ngày kết thúc", required=False)


class ProjectForm(forms.Form):
    name = forms.CharField(
        label="Tên công trình, dự án",
        max_length=300,
        help_text="Ví dụ: Bê tông hóa đường kiệt 12 Phan Bội Châu, khối phố 3.",
    )
    location = forms.CharField(label="Địa điểm", max_length=255, required=False)
    funding = forms.MultipleChoiceField(
        label="Nguồn vốn",
        choices=Funding.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Chọn ít nhất một nguồn vốn."},
    )
    budget = MoneyField(label="Tổng mức đầu tư (đồng)", help_text="Ví dụ: 1.250.000.000")
    started_on = VnDateField(label="Ngày khởi công")
    completed_on = VnDateField(label="Ngày hoàn thành", required=False)
    supervised = forms.BooleanField(
        label="Ban Giám sát đầu tư của cộng đồng đã giám sát", required=False
    )
    supervised_on = VnDateField(label="Ngày giám sát", required=False)
    findings = forms.CharField(
        label="Kết quả giám sát", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    recommendations = forms.CharField(
        label="Kiến nghị", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class LinkForm(forms.Form):
    indicator = forms.ModelChoiceField(queryset=None, label="Chỉ tiêu", empty_label=None)
    measure = forms.ChoiceField(label="Tính từ", choices=Measure.choices)

    def __init__(self, *args, indicators=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators
        self.fields["indicator"].label_from_instance = lambda i: f"{i.code} {i.text[:70]}"
