"""The data-entry form of one unit for one period, built from the indicators that apply."""

from decimal import Decimal

from django import forms

from mattran.core.numbers import NumberFormatError, format_number, parse_number
from mattran.core.ratings import Rating
from mattran.programmes.models import Indicator, ValueType
from mattran.reporting.models import DataValue
from mattran.reporting.services import Figure, describe

YES_NO = [("", "—"), ("yes", "Có"), ("no", "Không")]
RATINGS = [("", "— Chưa xếp loại —")] + [(str(v), label) for v, label in Rating.choices]
NUMBER_FIELDS = {
    ValueType.COUNT: ["number"],
    ValueType.AMOUNT: ["number"],
    ValueType.PERCENT: ["number"],
    ValueType.FRACTION: ["numerator", "denominator"],
    ValueType.YES_NO: ["boolean"],
    ValueType.RATING: ["rating"],
}
LABELS = {
    "number": "Số liệu",
    "numerator": "Tử số",
    "denominator": "Mẫu số",
    "boolean": "Có / không",
    "rating": "Xếp loại",
}


def field_name(indicator: Indicator, part: str) -> str:
    return f"i{indicator.pk}_{part}"


def initial_text(value: DataValue | None, part: str) -> str:
    if value is None:
        return ""
    raw = getattr(value, part)
    if raw is None:
        return ""
    if part == "boolean":
        return "yes" if raw else "no"
    if part == "rating":
        return str(raw)
    return format_number(raw)


class EntryForm(forms.Form):
    """Numbers are typed the Vietnamese way (1.234 or 1234); nothing typed is lost on error."""

    def __init__(
        self,
        *args,
        indicators: list[Indicator],
        values: dict[int, DataValue],
        read_only: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.values = values
        # Figures counted from records (activities, houses) are not typed in.
        self.automatic = {i.pk for i in indicators if i.is_automatic}
        self.indicators = [i for i in indicators if i.pk not in self.automatic or read_only]
        self.all_indicators = indicators
        for indicator in self.indicators:
            value = values.get(indicator.pk)
            for part in NUMBER_FIELDS[indicator.value_type]:
                name = field_name(indicator, part)
                if part == "boolean":
                    field = forms.ChoiceField(
                        choices=YES_NO, required=False, widget=forms.RadioSelect
                    )
                elif part == "rating":
                    field = forms.ChoiceField(choices=RATINGS, required=False)
                else:
                    field = forms.CharField(
                        required=False,
                        max_length=32,
                        widget=forms.TextInput(
                            attrs={"inputmode": "decimal", "autocomplete": "off"}
                        ),
                    )
                field.label = LABELS[part]
                field.initial = initial_text(value, part)
                field.disabled = read_only or indicator.pk in self.automatic
                self.fields[name] = field
            self.fields[field_name(indicator, "version")] = forms.IntegerField(
                required=False, widget=forms.HiddenInput, initial=value.version if value else 0
            )

    def clean(self):
        data = super().clean()
        for indicator in self.indicators:
            for part in NUMBER_FIELDS[indicator.value_type]:
                name = field_name(indicator, part)
                text = (data.get(name) or "").strip()
                if part in ("boolean", "rating") or not text:
                    continue
                try:
                    data[name] = parse_number(text)
                except NumberFormatError as exc:
                    self.add_error(name, str(exc))
        return data

    def figure_of(self, indicator: Indicator) -> Figure | None:
        """What the user left in the fields: a figure, or None when they are all empty."""
        parts = {}
        for part in NUMBER_FIELDS[indicator.value_type]:
            raw = self.cleaned_data.get(field_name(indicator, part))
            if raw in (None, ""):
                continue
            if part == "boolean":
                parts[part] = raw == "yes"
            elif part == "rating":
                parts[part] = int(raw)
            else:
                parts[part] = raw if isinstance(raw, Decimal) else parse_number(raw)
        return Figure(**parts) if parts else None

    def changed_figures(self):
        """(indicator, figure or None, version the form was opened on) for each change."""
        for indicator in self.indicators:
            figure = self.figure_of(indicator)
            current = self.values.get(indicator.pk)
            stored = Figure.of(current) if current else None
            if figure == stored or (figure is None and current is None):
                continue
            yield indicator, figure, self.cleaned_data.get(field_name(indicator, "version"))

    def rows(self, previous: dict[int, DataValue]):
        for indicator in self.all_indicators:
            if indicator.pk not in {i.pk for i in self.indicators}:
                value = self.values.get(indicator.pk)
                before = previous.get(indicator.pk)
                yield {
                    "indicator": indicator,
                    "fields": [],
                    "version": "",
                    "automatic": describe(value) if value else "0",
                    "source": source_of(indicator, value),
                    "previous": describe(before) if before else "—",
                    "has_error": False,
                }
                continue
            fields = [self[field_name(indicator, p)] for p in NUMBER_FIELDS[indicator.value_type]]
            before = previous.get(indicator.pk)
            yield {
                "indicator": indicator,
                "fields": fields,
                "version": self[field_name(indicator, "version")],
                "previous": describe(before) if before else "—",
                "has_error": any(f.errors for f in fields),
            }

    def add_indicator_error(self, indicator: Indicator, key: str | None, message: str) -> None:
        parts = NUMBER_FIELDS[indicator.value_type]
        self.add_error(field_name(indicator, key if key in parts else parts[0]), message)


def source_of(indicator, value: DataValue | None) -> str:
    """Where a computed figure comes from: "activities" for figures counted from recorded
    activities (the page links to them), else the note the computing app wrote."""
    if indicator.fed_by.exists():
        return "activities"
    if value is not None and value.note:
        return value.note.rstrip(".")
    return "Tính tự động từ hồ sơ, không nhập tay"
