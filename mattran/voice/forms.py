"""Forms of the records and their rows. Dates are typed dd/mm/yyyy in text boxes (a date
input shows the US order in Chromium); the services validate again with the full context."""

from datetime import date

from django import forms
from django.db import models
from django.utils.text import capfirst

from mattran.activities.models import Activity
from mattran.voice.kinds import KINDS
from mattran.voice.models import (
    Commitment,
    CritiqueComment,
    CritiqueConference,
    Dialogue,
    DialogueIssue,
    Petition,
    Recommendation,
    Supervision,
    VoterMeeting,
)

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]


class DayField(forms.DateField):
    """A date typed as on paper: 15/08/2024."""

    default_error_messages = {"invalid": "Ngày phải viết theo dạng dd/mm/yyyy, ví dụ 15/08/2024."}

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "class": "v-day"}
            ),
        )
        super().__init__(input_formats=DATE_FORMATS, **kwargs)

    def prepare_value(self, value):
        return value.strftime("%d/%m/%Y") if isinstance(value, date) else value


def formfield(field: models.Field, **kwargs):
    if isinstance(field, models.DateField):
        return DayField(label=capfirst(field.verbose_name), required=not field.blank)
    if isinstance(field, models.TextField):
        kwargs["widget"] = forms.Textarea(attrs={"rows": 3})
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class VoiceForm(forms.ModelForm):
    """Built on a fresh instance (never the saved one, which only a service changes)."""

    def __init__(self, *args, record=None, **kwargs):
        if record is not None:
            kwargs.setdefault(
                "initial", forms.models.model_to_dict(record, fields=self._meta.fields)
            )
        super().__init__(*args, **kwargs)

    def _post_clean(self):
        """Leave model validation to the service, which knows the parent and the unit."""


class SupervisionForm(VoiceForm):
    class Meta:
        model = Supervision
        fields = list(KINDS["supervisions"].fields)
        formfield_callback = formfield
        labels = {"title": "Nội dung (chủ đề) giám sát"}
        help_texts = {
            "members": "Mỗi dòng một người: họ tên, chức vụ.",
            "title": "Ví dụ: Giám sát kết quả thực hiện các hoạt động tín dụng chính sách xã "
            "hội trên địa bàn xã Tam Thăng",
        }


class CritiqueForm(VoiceForm):
    class Meta:
        model = CritiqueConference
        fields = list(KINDS["critiques"].fields)
        formfield_callback = formfield


class DialogueForm(VoiceForm):
    class Meta:
        model = Dialogue
        fields = list(KINDS["dialogues"].fields)
        formfield_callback = formfield
        labels = {"title": "Tên diễn đàn, hội nghị đối thoại"}


class MeetingForm(VoiceForm):
    class Meta:
        model = VoterMeeting
        fields = list(KINDS["meetings"].fields)
        formfield_callback = formfield
        labels = {"title": "Tên hội nghị"}
        help_texts = {
            "title": "Ví dụ: Hội nghị tiếp xúc cử tri sau kỳ họp thứ 13, HĐND thành phố khóa XII",
            "delegates": "Mỗi dòng một đại biểu.",
        }


RECORD_FORMS = {
    "supervisions": SupervisionForm,
    "critiques": CritiqueForm,
    "dialogues": DialogueForm,
    "meetings": MeetingForm,
}


def record_form(slug: str, data=None, *, record=None, adoptable=None):
    form = RECORD_FORMS[slug](data, record=record)
    if adoptable is not None and adoptable.exists():
        form.fields["activity"] = forms.ModelChoiceField(
            adoptable,
            required=False,
            label="Đã ghi ở trang Hoạt động?",
            empty_label="— Chưa ghi: tạo hoạt động mới —",
            help_text="Chọn hoạt động đã ghi trước đây để gắn hồ sơ này vào, không tính hai lần.",
        )
        form.fields["activity"].label_from_instance = _activity_label
    return form


def _activity_label(activity: Activity) -> str:
    return f"{activity.date:%d/%m/%Y} · {activity.type.name} · {activity.title[:80]}"


class RecommendationForm(VoiceForm):
    class Meta:
        model = Recommendation
        fields = list(KINDS["supervisions"].item("recommendations").fields)
        formfield_callback = formfield


class CommentForm(VoiceForm):
    class Meta:
        model = CritiqueComment
        fields = list(KINDS["critiques"].item("comments").fields)
        formfield_callback = formfield


class IssueForm(VoiceForm):
    class Meta:
        model = DialogueIssue
        fields = list(KINDS["dialogues"].item("issues").fields)
        formfield_callback = formfield


class CommitmentForm(VoiceForm):
    class Meta:
        model = Commitment
        fields = list(KINDS["dialogues"].item("commitments").fields)
        formfield_callback = formfield


class PetitionForm(VoiceForm):
    class Meta:
        model = Petition
        fields = list(KINDS["meetings"].item("petitions").fields)
        formfield_callback = formfield
        help_texts = {
            "citizen_name": "Thông tin cá nhân: chỉ cán bộ đơn vị ghi nhận xem được.",
            "deadline": "Quá hạn này mà chưa có trả lời thì kiến nghị được đánh dấu quá hạn.",
        }

    def __init__(self, *args, personal: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not personal:
            for name in ("citizen_name", "citizen_contact"):
                self.fields.pop(name, None)


ITEM_FORMS = {
    "recommendations": RecommendationForm,
    "comments": CommentForm,
    "issues": IssueForm,
    "commitments": CommitmentForm,
    "petitions": PetitionForm,
}


def item_form(slug: str, data=None, *, item=None, personal: bool = True, prefix=None):
    form_class = ITEM_FORMS[slug]
    extra = {"personal": personal} if form_class is PetitionForm else {}
    return form_class(data, record=item, prefix=prefix, **extra)


def cleaned_fields(form: forms.Form) -> dict:
    """What a service takes: the model fields of the form, not the helper ones."""
    return {k: v for k, v in form.cleaned_data.items() if k != "activity"}


def attach_errors(form: forms.Form, messages: dict[str, list[str]] | list[str]) -> None:
    if isinstance(messages, dict):
        for name, errors in messages.items():
            for error in errors:
                form.add_error(name if name in form.fields else None, error)
    else:
        for error in messages:
            form.add_error(None, error)
