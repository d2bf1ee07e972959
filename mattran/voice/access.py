"""Finding a record, a row or a survey from the URL, within what the acting unit reaches.

The acting unit is the `code` of the URL, already checked by `scope.unit_for`; anything
outside its subtree is a 404, as if it did not exist."""

from django.db import models
from django.http import Http404

from mattran.accounts import scope
from mattran.units.models import Unit
from mattran.voice.kinds import KINDS, ItemKind, RecordKind
from mattran.voice.models import Survey
from mattran.voice.selectors import below


def kind_for(slug: str) -> RecordKind:
    kind = KINDS.get(slug)
    if kind is None:
        raise Http404("Không có loại hồ sơ này.")
    return kind


def acting_unit(request, code: str) -> Unit:
    return scope.unit_for(request.user, code)


def record_for(unit: Unit, kind: RecordKind, pk: int) -> models.Model:
    found = below(kind.model.objects.all(), unit).select_related("unit", "activity").filter(pk=pk)
    record = found.first()
    if record is None:
        raise Http404(f"Không tìm thấy {kind.label} này hoặc bạn không có quyền xem.")
    return record


def item_for(kind: RecordKind, slug: str, record: models.Model, pk: int | None = None):
    spec: ItemKind | None = kind.item(slug)
    if spec is None:
        raise Http404("Không có loại nội dung này.")
    if pk is None:
        return spec, None
    item = spec.model.objects.filter(pk=pk, **{spec.parent_field: record}).first()
    if item is None:
        raise Http404(f"Không tìm thấy {spec.label} này.")
    setattr(item, spec.parent_field, record)
    return spec, item


def survey_for(unit: Unit, pk: int) -> Survey:
    survey = below(Survey.objects.all(), unit).select_related("unit").filter(pk=pk).first()
    if survey is None:
        raise Http404("Không tìm thấy đợt lấy ý kiến này hoặc bạn không có quyền xem.")
    return survey


def may_enter(request, unit: Unit) -> bool:
    return scope.can_enter(request.user, unit)
