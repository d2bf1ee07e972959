"""What `mattran bench load` found: latencies from the clerks' request log, and the
database checked against every write the clerks saw acknowledged."""

import json
import math
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from django.db.models import Count

from mattran.audit.models import AuditEntry
from mattran.programmes.models import Programme
from mattran.reporting.models import (
    DataValue,
    Period,
    Submission,
    SubmissionEvent,
    SubmissionStatus,
)
from mattran.units.models import Unit

# The step of a report's way that each status follows from.
STATUS_AFTER = {
    "submit": SubmissionStatus.SUBMITTED,
    "approve": SubmissionStatus.APPROVED,
    "return": SubmissionStatus.RETURNED,
    "reopen": SubmissionStatus.RETURNED,
}


def read_log(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def percentile(sorted_ms: list[float], share: float) -> float:
    """Nearest-rank percentile of values already sorted."""
    if not sorted_ms:
        return 0.0
    return sorted_ms[max(0, math.ceil(share * len(sorted_ms)) - 1)]


@dataclass
class Latency:
    name: str
    ms: list[float] = field(default_factory=list)
    errors: int = 0
    connection: int = 0

    def add(self, record: dict) -> None:
        if record["outcome"] == "connection":
            self.connection += 1
            return
        self.ms.append(record["ms"])
        if record["outcome"] == "error":
            self.errors += 1

    def figures(self) -> dict:
        ms = sorted(self.ms)
        return {
            "count": len(ms),
            "p50": percentile(ms, 0.50),
            "p95": percentile(ms, 0.95),
            "p99": percentile(ms, 0.99),
            "max": ms[-1] if ms else 0.0,
            "errors": self.errors,
            "connection": self.connection,
        }


def latencies(records: list[dict], names: list[str]) -> dict[str, dict]:
    """Figures per request type, and over all of them together ("*")."""
    by_name = {name: Latency(name) for name in names}
    together = Latency("*")
    for record in records:
        by_name.setdefault(record["name"], Latency(record["name"])).add(record)
        together.add(record)
    return {**{n: latency.figures() for n, latency in by_name.items()}, "*": together.figures()}


def same_figure(value: DataValue, figure: dict) -> bool:
    for part, wanted in figure.items():
        stored = getattr(value, part)
        if part in ("number", "numerator", "denominator"):
            if stored is None or Decimal(str(stored)) != Decimal(str(wanted)):
                return False
        elif stored != wanted:
            return False
    return True


@dataclass
class WriteCheck:
    acknowledged: int = 0  # figures whose save was acknowledged
    unconfirmed: int = 0  # figures posted without an answer (server killed, error)
    lost: list[str] = field(default_factory=list)
    submissions_acknowledged: int = 0
    submissions_lost: list[str] = field(default_factory=list)
    half_written: list[str] = field(default_factory=list)


def versions(units: list[Unit], period: Period) -> dict[tuple[int, int], int]:
    """(unit id, indicator id) → version of the stored figures, to compare after the run."""
    return {
        (unit_id, indicator_id): version
        for unit_id, indicator_id, version in DataValue.objects.filter(
            period=period, unit__in=units
        ).values_list("unit_id", "indicator_id", "version")
    }


def check_writes(
    writes: list[dict],
    programme: Programme,
    period: Period,
    before: dict[tuple[int, int], int],
    since: datetime,
) -> WriteCheck:
    """Every acknowledged figure is stored, unless a later save of the same figure whose
    answer never came replaced it; every acknowledged submission is submitted; no report
    and no figure is half written."""
    result = WriteCheck()
    history: dict[tuple[str, int], list[dict]] = {}
    for write in writes:
        if write.get("submission"):
            if write["acked"]:
                result.submissions_acknowledged += 1
            continue
        history.setdefault((write["unit"], write["indicator"]), []).append(write)
        if write["acked"]:
            result.acknowledged += 1
        else:
            result.unconfirmed += 1
    units = {u.code: u for u in Unit.objects.filter(code__in={w["unit"] for w in writes})}
    stored = {
        (v.unit_id, v.indicator_id): v
        for v in DataValue.objects.filter(period=period, unit__in=units.values())
    }
    for (code, indicator), attempts in history.items():
        last = max((i for i, w in enumerate(attempts) if w["acked"]), default=None)
        if last is None:
            continue
        value = stored.get((units[code].pk, indicator))
        allowed = [attempts[last]] + [w for w in attempts[last + 1 :] if not w["acked"]]
        if value is None or not any(same_figure(value, w["figure"]) for w in allowed):
            result.lost.append(f"{code} / chỉ tiêu #{indicator}")
    acked_units = {w["unit"] for w in writes if w.get("submission") and w["acked"]}
    submissions = {
        s.unit.code: s
        for s in Submission.objects.filter(
            programme=programme, period=period, unit__in=units.values()
        ).select_related("unit")
    }
    for code in sorted(acked_units):
        found = submissions.get(code)
        if found is None or found.status != SubmissionStatus.SUBMITTED:
            result.submissions_lost.append(code)
    result.half_written = half_written(list(submissions.values())) + unaudited(
        list(stored.values()), before, since
    )
    return result


def half_written(submissions: list[Submission]) -> list[str]:
    """Reports whose status, times and steps do not tell the same story."""
    problems = []
    events: dict[int, list[str]] = {}
    for submission_id, action in (
        SubmissionEvent.objects.filter(submission__in=submissions)
        .order_by("at", "id")
        .values_list("submission_id", "action")
    ):
        events.setdefault(submission_id, []).append(action)
    for submission in submissions:
        steps = events.get(submission.pk, [])
        expected = STATUS_AFTER[steps[-1]] if steps else SubmissionStatus.DRAFT
        label = f"báo cáo {submission.unit.code}"
        if submission.status != expected:
            problems.append(f"{label}: trạng thái {submission.status}, bước cuối {steps[-1:]}")
        elif submission.status != SubmissionStatus.DRAFT and not (
            submission.submitted_at and submission.first_submitted_at
        ):
            problems.append(f"{label}: đã nộp nhưng thiếu thời điểm nộp")
    return problems


def unaudited(
    values: list[DataValue], before: dict[tuple[int, int], int], since: datetime
) -> list[str]:
    """Figures whose new versions and audit entries disagree: each save writes one entry
    in its own transaction, so a half-written save would show here."""
    if not values:
        return []
    entries = dict(
        AuditEntry.objects.filter(
            action="data_value.save",
            target_type=DataValue._meta.label_lower,
            target_id__in=[str(v.pk) for v in values],
            at__gte=since,
        )
        .values("target_id")
        .annotate(n=Count("id"))
        .values_list("target_id", "n")
    )
    problems = []
    for value in values:
        saved = value.version - before.get((value.unit_id, value.indicator_id), 0)
        audited = entries.get(str(value.pk), 0)
        if saved != audited:
            problems.append(f"số liệu #{value.pk}: {saved} lần lưu, {audited} dòng nhật ký")
    return problems
