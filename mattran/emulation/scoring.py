"""Self-assessment by a participant and official scoring by the organiser.

Manual criteria are typed (0 ≤ score ≤ max, with a note, a link or a file as evidence);
computed criteria (`sources.SOURCES`) are calculated on every save, and the organiser may
override such a score only with a reason. Nothing is saved unless the whole sheet is valid.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from mattran.audit.services import record
from mattran.emulation.access import may_manage, may_self_assess
from mattran.emulation.models import MAX_EVIDENCE_BYTES, Criterion, Participation, Score
from mattran.emulation.sources import compute, points


@dataclass
class SelfEntry:
    score: Decimal | None = None
    note: str = ""
    link: str = ""
    file_name: str = ""
    file_data: bytes | None = None
    remove_file: bool = False


@dataclass
class ReviewEntry:
    score: Decimal | None = None
    note: str = ""


def _user(actor: Any):
    return actor if getattr(actor, "is_authenticated", False) else None


def lock_message(participation: Participation, today: date | None = None) -> str:
    """Why the participant cannot change its self-assessment now ("" if it can)."""
    movement = participation.movement
    today = today or timezone.localdate()
    if participation.withdrawn_at:
        return f"{participation.unit.name} đã rút khỏi phong trào."
    if movement.opened_at is None:
        return "Phong trào chưa mở cho các đơn vị tự chấm điểm."
    if participation.submitted_at:
        when = timezone.localtime(participation.submitted_at)
        return (
            f"Bảng tự chấm đã nộp lúc {when:%H:%M} ngày {when:%d/%m/%Y}; muốn sửa, đề nghị "
            f"{movement.organiser.name} mở lại."
        )
    reopened = participation.reopened_until
    if today > movement.self_due_on and not (reopened and today <= reopened):
        return (
            f"Đã quá hạn tự chấm điểm (ngày {movement.self_due_on:%d/%m/%Y}); đề nghị "
            f"{movement.organiser.name} mở lại cho đơn vị tự chấm."
        )
    return ""


def bounds_error(criterion: Criterion, value: Decimal | None) -> str:
    if value is not None and not (0 <= value <= criterion.max_score):
        return f"Điểm tiêu chí {criterion.number} phải từ 0 đến {points(criterion.max_score)}."
    return ""


def _scores(participation: Participation) -> dict[int, Score]:
    return {s.criterion_id: s for s in participation.scores.defer("evidence_data")}


@transaction.atomic
def save_self_assessment(
    *,
    participation: Participation,
    entries: dict[int, SelfEntry],
    submit: bool = False,
    actor: Any = None,
    now: datetime | None = None,
) -> None:
    """Save the participant's sheet (a draft), or save and submit it."""
    unit, movement = participation.unit, participation.movement
    if not may_self_assess(actor, participation):
        raise PermissionDenied(f"Bạn không có quyền tự chấm điểm cho {unit.name}.")
    now = now or timezone.now()
    locked = lock_message(participation, timezone.localdate(now))
    if locked:
        raise ValidationError(locked)
    existing = _scores(participation)
    errors: dict[str, list[str]] = {}
    changes: dict[str, Any] = {}
    touched: list[Score] = []
    validate_url = URLValidator(schemes=["http", "https"])
    for criterion in movement.criteria_for(unit.tier):
        entry = entries.get(criterion.pk, SelfEntry())
        score = existing.get(criterion.pk) or Score(
            participation=participation, criterion=criterion
        )
        key = str(criterion.pk)
        if criterion.computed:
            result = compute(participation, criterion)
            score.self_score, score.explanation = result.score, result.explanation
        else:
            if message := bounds_error(criterion, entry.score):
                errors.setdefault(f"score-{key}", []).append(message)
            elif submit and entry.score is None:
                errors.setdefault(f"score-{key}", []).append(
                    f"Chưa chấm tiêu chí {criterion.number}."
                )
            score.self_score = entry.score
        link = entry.link.strip()
        if link:
            try:
                validate_url(link)
            except ValidationError:
                errors.setdefault(f"link-{key}", []).append(
                    f"Đường dẫn minh chứng của tiêu chí {criterion.number} không hợp lệ "
                    "(cần bắt đầu bằng http:// hoặc https://)."
                )
        score.self_note, score.evidence_link = entry.note.strip(), link
        if entry.file_data is not None:
            if len(entry.file_data) > MAX_EVIDENCE_BYTES:
                errors.setdefault(f"file-{key}", []).append(
                    f"Tệp minh chứng của tiêu chí {criterion.number} lớn hơn 10 MB."
                )
            score.evidence_name = entry.file_name[:255]
            score.evidence_data = entry.file_data
            score.evidence_size = len(entry.file_data)
        elif entry.remove_file:
            score.evidence_name, score.evidence_data, score.evidence_size = "", None, 0
        score.updated_by, score.updated_at = _user(actor), now
        changes[criterion.number] = score.self_score
        touched.append(score)
    if errors:
        raise ValidationError(errors)
    for score in touched:
        _save(score)
    if submit:
        participation.submitted_at, participation.submitted_by = now, _user(actor)
        participation.save(update_fields=["submitted_at", "submitted_by"])
    record(
        actor=actor,
        action="emulation.submit" if submit else "emulation.self_assess",
        target=participation,
        changes=changes,
    )


def _save(score: Score) -> None:
    """Save a score; its file only when it was loaded or replaced (it may be 10 MB)."""
    if score.pk is None:
        score.save()
        return
    fields = [
        "self_score",
        "self_note",
        "explanation",
        "evidence_link",
        "final_score",
        "review_note",
        "reviewed_by",
        "reviewed_at",
        "updated_by",
        "updated_at",
    ]
    if "evidence_data" not in score.get_deferred_fields():
        fields += ["evidence_name", "evidence_data", "evidence_size"]
    score.save(update_fields=fields)


@transaction.atomic
def review_sheet(
    *,
    participation: Participation,
    entries: dict[int, ReviewEntry],
    actor: Any = None,
    now: datetime | None = None,
) -> None:
    """The organiser's final score on every criterion, confirmed together."""
    unit, movement = participation.unit, participation.movement
    if not may_manage(actor, movement):
        raise PermissionDenied(
            f"Chỉ quản trị viên của {movement.organiser.name} mới chấm điểm chính thức."
        )
    if participation.withdrawn_at:
        raise ValidationError(f"{unit.name} đã rút khỏi phong trào.")
    if participation.submitted_at is None:
        raise ValidationError(f"{unit.name} chưa nộp bảng tự chấm điểm.")
    now = now or timezone.now()
    existing = _scores(participation)
    errors: dict[str, list[str]] = {}
    changes: dict[str, Any] = {}
    touched: list[Score] = []
    for criterion in movement.criteria_for(unit.tier):
        entry = entries.get(criterion.pk, ReviewEntry())
        score = existing.get(criterion.pk) or Score(
            participation=participation, criterion=criterion
        )
        key, note = f"final-{criterion.pk}", entry.note.strip()
        if criterion.computed:
            result = compute(participation, criterion)
            final = result.score if entry.score is None else entry.score
            if final != result.score and not note:
                errors.setdefault(key, []).append(
                    f"Cần ghi lý do khi sửa điểm tiêu chí {criterion.number} "
                    "(điểm tính từ số liệu)."
                )
            if not note and final != score.self_score:  # the data moved since submission
                note = f"Tính lại từ số liệu: {result.explanation}"
        else:
            final = entry.score
            if final is None:
                errors.setdefault(key, []).append(f"Chưa chấm tiêu chí {criterion.number}.")
        if message := bounds_error(criterion, final):
            errors.setdefault(key, []).append(message)
        score.final_score, score.review_note = final, note
        score.reviewed_by, score.reviewed_at = _user(actor), now
        changes[criterion.number] = final
        touched.append(score)
    if errors:
        raise ValidationError(errors)
    for score in touched:
        _save(score)
    participation.reviewed_at, participation.reviewed_by = now, _user(actor)
    participation.save(update_fields=["reviewed_at", "reviewed_by"])
    record(actor=actor, action="emulation.review", target=participation, changes=changes)
