"""A participant's scoring sheet as the pages show it — one row per criterion with the
self-assessment, its evidence, the official score and, for computed criteria, the sentence
that explains the figure — and the reading of the sheet's forms."""

from dataclasses import dataclass, field
from decimal import Decimal

from mattran.core.numbers import NumberFormatError, parse_number
from mattran.emulation.models import MAX_EVIDENCE_BYTES, Criterion, Participation, Score
from mattran.emulation.scoring import ReviewEntry, SelfEntry
from mattran.emulation.sources import Computed, compute, points


@dataclass
class SheetRow:
    criterion: Criterion
    score: Score | None
    computed: Computed | None = None
    score_text: str = ""
    note: str = ""
    link: str = ""
    final_text: str = ""
    review_note: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def key(self) -> int:
        return self.criterion.pk

    @property
    def has_file(self) -> bool:
        return bool(self.score and self.score.evidence_name)


@dataclass
class Sheet:
    participation: Participation
    rows: list[SheetRow]

    def _sum(self, values: list[Decimal | None]) -> Decimal:
        return sum((v or Decimal(0) for v in values), Decimal(0))

    @property
    def maximum(self) -> Decimal:
        return self._sum([r.criterion.max_score for r in self.rows])

    def values(self, kind: str) -> list[Decimal | None]:
        """Each row's self-assessed ("self", computed rows as computed now when the sheet
        was built live) or official ("final") score."""
        if kind == "self":
            return [
                r.computed.score if r.computed else (r.score.self_score if r.score else None)
                for r in self.rows
            ]
        return [r.score.final_score if r.score else None for r in self.rows]

    @property
    def self_total(self) -> Decimal:
        return self._sum(self.values("self"))

    @property
    def final_total(self) -> Decimal:
        return self._sum(self.values("final"))

    def formula(self, kind: str) -> str:
        """ "10 + 8 + 7,5 = 25,5": the total, criterion by criterion."""
        values = [v or Decimal(0) for v in self.values(kind)]
        return " + ".join(points(v) for v in values) + f" = {points(self._sum(values))}"

    @property
    def self_formula(self) -> str:
        return self.formula("self")

    @property
    def final_formula(self) -> str:
        return self.formula("final")

    @property
    def errors(self) -> list[str]:
        return [e for r in self.rows for e in r.errors]


def _text(value: Decimal | None) -> str:
    return points(value) if value is not None else ""


def build_sheet(participation: Participation, *, live: bool = True) -> Sheet:
    """The sheet with what is saved; `live` recomputes the computed criteria now."""
    criteria = participation.movement.criteria_for(participation.unit.tier)
    scores = {
        s.criterion_id: s
        for s in participation.scores.defer("evidence_data").select_related("reviewed_by")
    }
    rows = []
    for criterion in criteria:
        score = scores.get(criterion.pk)
        computed = compute(participation, criterion) if live and criterion.computed else None
        self_value = score.self_score if score else None
        final_value = score.final_score if score else None
        if final_value is None:
            final_value = computed.score if computed else self_value
        rows.append(
            SheetRow(
                criterion=criterion,
                score=score,
                computed=computed,
                score_text=_text(self_value),
                note=score.self_note if score else "",
                link=score.evidence_link if score else "",
                final_text=_text(final_value),
                review_note=score.review_note if score else "",
            )
        )
    return Sheet(participation, rows)


def _number(row: SheetRow, text: str) -> Decimal | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return parse_number(text)
    except NumberFormatError as exc:
        row.errors.append(f"Điểm tiêu chí {row.criterion.number}: {exc}")
        return None


def read_self_entries(sheet: Sheet, post, files) -> dict[int, SelfEntry]:
    """The typed self-assessment; unreadable numbers and oversized files become row errors
    (and the typed text is kept on the rows, to show the form again)."""
    entries = {}
    for row in sheet.rows:
        k = row.key
        row.score_text = post.get(f"score-{k}", "")
        row.note = post.get(f"note-{k}", "")
        row.link = post.get(f"link-{k}", "")
        entry = SelfEntry(
            score=None if row.criterion.computed else _number(row, row.score_text),
            note=row.note,
            link=row.link,
            remove_file=bool(post.get(f"remove-{k}")),
        )
        upload = files.get(f"file-{k}")
        if upload is not None:
            if upload.size > MAX_EVIDENCE_BYTES:
                row.errors.append(
                    f"Tệp minh chứng của tiêu chí {row.criterion.number} lớn hơn 10 MB."
                )
            else:
                entry.file_name, entry.file_data = upload.name, upload.read()
        entries[k] = entry
    return entries


def read_review_entries(sheet: Sheet, post) -> dict[int, ReviewEntry]:
    entries = {}
    for row in sheet.rows:
        k = row.key
        row.final_text = post.get(f"final-{k}", "")
        row.review_note = post.get(f"review-{k}", "")
        entries[k] = ReviewEntry(score=_number(row, row.final_text), note=row.review_note)
    return entries


def attach_errors(sheet: Sheet, message_dict: dict[str, list[str]]) -> list[str]:
    """Put a service's errors ("score-12": [...]) on their rows; returns the others."""
    by_key = {str(r.key): r for r in sheet.rows}
    rest = []
    for name, messages in message_dict.items():
        row = by_key.get(name.rpartition("-")[2])
        if row is None:
            rest.extend(messages)
        else:
            row.errors.extend(messages)
    return rest
