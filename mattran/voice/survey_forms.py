"""Forms of satisfaction surveys: the survey, a question, one answer sheet."""

from django import forms

from mattran.voice.forms import VoiceForm, formfield
from mattran.voice.models import Scale, Survey
from mattran.voice.surveys import SURVEY_FIELDS


class SurveyForm(VoiceForm):
    class Meta:
        model = Survey
        fields = list(SURVEY_FIELDS)
        formfield_callback = formfield
        help_texts = {
            "title": "Ví dụ: Lấy ý kiến sự hài lòng của người dân về kết quả xây dựng đô thị "
            "văn minh năm 2024",
        }


class QuestionForm(forms.Form):
    text = forms.CharField(label="Câu hỏi", widget=forms.Textarea(attrs={"rows": 2}))
    scale = forms.ChoiceField(label="Cách trả lời", choices=Scale.choices, initial=Scale.THREE)


class ResponseForm(forms.Form):
    """One sheet: the residential area, an optional sheet number, one radio row a question."""

    area = forms.ModelChoiceField(
        queryset=None, label="Khu dân cư", empty_label="— Chọn khu dân cư —"
    )
    number = forms.IntegerField(
        label="Số phiếu",
        required=False,
        min_value=1,
        help_text="Để trống thì tự đánh số tiếp theo.",
    )

    def __init__(self, *args, survey, areas, label_of, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas
        self.fields["area"].label_from_instance = label_of
        self.questions = list(survey.questions.all())
        for question in self.questions:
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=f"Câu {question.number}. {question.text}",
                choices=[(str(v), label) for v, label in question.choices()],
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
                empty_value=None,
            )

    def answers(self) -> dict[int, int | None]:
        return {q.pk: self.cleaned_data.get(f"q{q.pk}") for q in self.questions}

    def question_fields(self):
        return [self[f"q{q.pk}"] for q in self.questions]


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx) đã điền")
