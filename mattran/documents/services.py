"""Preparing a report: write it from the data, keep the staff's edits across new data (or say
exactly what changed under them), and export it as DOCX or PDF, keeping every file."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mattran.audit.services import record
from mattran.core.periods import PeriodCodeError, PeriodKind, PeriodSpec
from mattran.documents import docx_format as fmt
from mattran.documents.indicator_table import indicator_table
from mattran.documents.models import DocumentStyle, GeneratedFile, Report, ReportKind
from mattran.documents.monthly import monthly_content
from mattran.documents.pdf import ConversionError, docx_to_pdf
from mattran.documents.periodic import periodic_content
from mattran.programmes.selectors import programme_for
from mattran.units.models import Tier, Unit

SIGNS = {ReportKind.MONTHLY: "BC", ReportKind.HALF_YEAR: "BC", ReportKind.ANNUAL: "BC"}


def style_for(unit: Unit) -> DocumentStyle:
    """The unit's letterhead and signature settings; sensible ones until staff set theirs."""
    existing = DocumentStyle.objects.filter(unit=unit).first()
    if existing:
        return existing
    place = (
        unit.name.split(" ", 2)[-1]
        if unit.name.startswith(("Thành phố", "Thị xã"))
        else (unit.name.split(" ", 1)[-1])
    )
    parent = unit.parent
    recipients = []
    if parent is not None:
        recipients.append(f"Ủy ban MTTQ Việt Nam {parent.name[0].lower()}{parent.name[1:]}")
    recipients.append("Lưu: VP")
    return DocumentStyle(
        unit=unit,
        parent_lines=f"ỦY BAN MTTQ VIỆT NAM\n{unit.name.upper()}",
        place=place,
        recipients="\n".join(recipients),
    )


def _spec(kind: str, period: str) -> PeriodSpec:
    try:
        spec = PeriodSpec.parse(period)
    except PeriodCodeError as exc:
        raise ValidationError(f"Kỳ báo cáo “{period}” không hợp lệ.") from exc
    wanted = {
        ReportKind.MONTHLY: PeriodKind.MONTH,
        ReportKind.HALF_YEAR: PeriodKind.HALF_YEAR,
        ReportKind.ANNUAL: PeriodKind.YEAR,
    }[kind]
    if spec.kind != wanted:
        raise ValidationError(f"Kỳ “{period}” không phải kỳ của {ReportKind(kind).label.lower()}.")
    return spec


def content_for(unit: Unit, kind: str, period: str) -> dict:
    spec = _spec(kind, period)
    if kind == ReportKind.MONTHLY:
        return monthly_content(unit, spec)
    return periodic_content(unit, spec)


@transaction.atomic
def prepare_report(*, unit: Unit, kind: str, period: str, actor=None) -> Report:
    """The unit's report for the period, (re)written from the current data. Staff edits
    are kept; `changes(report)` tells where the data moved under an edit."""
    if unit.tier in (Tier.AREA, Tier.MEMBER_ORG):
        raise ValidationError("Chỉ Ủy ban MTTQ cấp xã trở lên lập báo cáo này.")
    content = content_for(unit, kind, period)
    report = Report.objects.select_for_update().filter(unit=unit, kind=kind, period=period).first()
    if report is None:
        # A report on a past period is dated at its end, one on the current period today.
        issued_on = min(timezone.localdate(), _spec(kind, period).end)
        report = Report(unit=unit, kind=kind, period=period, issued_on=issued_on)
    report.content = content
    report.generated_at = timezone.now()
    report.generated_by = actor if getattr(actor, "pk", None) else None
    report.save()
    record(actor=actor, action="report.generate", target=report, changes={"period": period})
    return report


def _generated(report: Report) -> dict[str, dict]:
    return {block["key"]: block for block in report.content.get("blocks", [])}


def changes(report: Report) -> list[dict]:
    """Edited paragraphs whose generated text (or footnotes) changed since the edit: what it
    was, what the data now says, and the staff's text."""
    generated = _generated(report)
    found = []
    for key, edit in report.edits.items():
        block = generated.get(key, {})
        now, notes = block.get("text", ""), block.get("footnotes") or {}
        moved = now != edit["base"] or (
            "base_footnotes" in edit and notes != edit["base_footnotes"]
        )
        if moved:
            found.append(
                {
                    "key": key,
                    "before": _with_notes(edit["base"], edit.get("base_footnotes", {})),
                    "after": _with_notes(now, notes) if now else "",
                    "edited": _with_notes(edit["text"], edit.get("footnotes", {})),
                }
            )
    return found


def _with_notes(text: str, notes: dict) -> str:
    """A paragraph and its footnotes as one text, to compare old and new at a glance."""
    extra = " ".join(f"[chú thích: {note}]" for note in notes.values())
    return f"{text} {extra}".strip()


@transaction.atomic
def edit_block(
    *, report: Report, key: str, text: str, footnotes: dict[str, str] | None = None, actor=None
) -> None:
    """Staff's own words for a paragraph (and its footnotes); the generated text they were
    based on is kept to tell later what new data changed."""
    text = text.strip()
    if key.startswith("II.added"):
        index = int(key.removeprefix("II.added") or -1)
        if not 0 <= index < len(report.added_tasks) or not text:
            raise ValidationError("Không tìm thấy nhiệm vụ này hoặc nội dung trống.")
        report.added_tasks[index] = text[:2000]
        report.save(update_fields=["added_tasks"])
        record(actor=actor, action="report.edit", target=report, changes={"key": key, "text": text})
        return
    generated = _generated(report)
    if key not in generated:
        raise ValidationError("Không tìm thấy đoạn này trong báo cáo: hãy tải lại trang.")
    block = generated[key]
    base, base_notes = block.get("text", ""), block.get("footnotes") or {}
    notes = {k: v.strip() for k, v in (footnotes or {}).items() if k in base_notes}
    notes = {**base_notes, **notes}
    if text == base and notes == base_notes:
        report.edits.pop(key, None)
    else:
        report.edits[key] = {
            "text": text,
            "base": base,
            "footnotes": notes,
            "base_footnotes": base_notes,
        }
    report.save(update_fields=["edits"])
    record(
        actor=actor,
        action="report.edit",
        target=report,
        changes={"key": key, "text": text, "footnotes": notes},
    )


@transaction.atomic
def settle_change(*, report: Report, key: str, keep_edit: bool, actor=None) -> None:
    """After new data: keep the staff's text (now based on the new figures) or take the new
    text."""
    edit = report.edits.get(key)
    if edit is None:
        return
    if keep_edit:
        block = _generated(report).get(key, {})
        edit["base"] = block.get("text", "")
        edit["base_footnotes"] = block.get("footnotes") or {}
    else:
        del report.edits[key]
    report.save(update_fields=["edits"])
    record(
        actor=actor, action="report.settle", target=report, changes={"key": key, "kept": keep_edit}
    )


@transaction.atomic
def add_task(*, report: Report, text: str, actor=None) -> None:
    text = text.strip()
    if not text:
        raise ValidationError("Nhập nội dung nhiệm vụ.")
    report.added_tasks.append(text[:2000])
    report.save(update_fields=["added_tasks"])
    record(actor=actor, action="report.add_task", target=report, changes={"text": text})


@transaction.atomic
def remove_task(*, report: Report, index: int, actor=None) -> None:
    if not 0 <= index < len(report.added_tasks):
        raise ValidationError("Không tìm thấy nhiệm vụ này.")
    removed = report.added_tasks.pop(index)
    report.save(update_fields=["added_tasks"])
    record(actor=actor, action="report.remove_task", target=report, changes={"text": removed})


def final_blocks(report: Report) -> list[dict]:
    """The blocks as they will be printed: staff edits applied, added tasks in part II,
    part II numbered."""
    blocks = []
    for block in report.content.get("blocks", []):
        edit = report.edits.get(block["key"])
        text = edit["text"] if edit else block["text"]
        if edit and "footnotes" in edit:
            block = {**block, "footnotes": edit["footnotes"]}
        if block["key"] == "closing":
            for index, task in enumerate(report.added_tasks):
                blocks.append(
                    {"key": f"II.added{index}", "kind": "numbered", "text": task, "footnotes": {}}
                )
        if text or block["kind"] == "table":
            blocks.append({**block, "text": text})
    number = 0
    for block in blocks:
        if block["kind"] == "numbered":
            number += 1
            block["number"] = number
    return blocks


def official_document(report: Report) -> fmt.OfficialDocument:
    style = style_for(report.unit)
    blocks = [
        fmt.Block(
            kind="paragraph" if b["kind"] == "numbered" else b["kind"],
            text=f"{b['number']}. {b['text']}" if b["kind"] == "numbered" else b["text"],
            footnotes=b.get("footnotes") or {},
            rows=b.get("rows") or [],
            header_rows=b.get("header_rows", 1),
            widths_cm=b.get("widths_cm") or [],
        )
        for b in final_blocks(report)
    ]
    return fmt.OfficialDocument(
        letterhead=fmt.Letterhead(
            parent_lines=style.parent_list,
            office=style.office,
            sign=f"{SIGNS[report.kind]}-{style.sign_suffix}",
            number=report.number,
            place=style.place,
            date=report.issued_on,
        ),
        doc_type=report.content.get("doc_type", "BÁO CÁO"),
        summary=report.content.get("summary", ""),
        blocks=blocks,
        recipients=style.recipient_list,
        signature=fmt.Signature(style.signer_authority, style.signer_position, style.signer_name),
    )


def file_name(report: Report, extension: str) -> str:
    return f"bao-cao-{report.kind}-{report.period}-{report.unit.code}.{extension}"


@transaction.atomic
def export_report(*, report: Report, file_format: str, actor=None) -> GeneratedFile:
    data = fmt.write_docx(official_document(report))
    if file_format == "pdf":
        try:
            data = docx_to_pdf(data)
        except ConversionError as exc:
            raise ValidationError(str(exc)) from exc
    elif file_format != "docx":
        raise ValidationError("Chỉ xuất được Word (.docx) hoặc PDF.")
    generated = GeneratedFile.objects.create(
        unit=report.unit,
        report=report,
        name=file_name(report, file_format),
        format=file_format,
        data=data,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    record(
        actor=actor,
        action="report.export",
        target=generated,
        changes={"format": file_format, "report": report.pk},
    )
    return generated


@transaction.atomic
def export_indicator_table(*, unit: Unit, year: int, actor=None) -> GeneratedFile:
    programme = programme_for(unit, year)
    if programme is None:
        raise ValidationError(f"{unit.name} chưa có chương trình hành động cho năm {year}.")
    generated = GeneratedFile.objects.create(
        unit=unit,
        name=f"bang-chi-tieu-{year}-{unit.code}.xlsx",
        format="xlsx",
        data=indicator_table(programme, unit, year),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    record(actor=actor, action="report.export", target=generated, changes={"format": "xlsx"})
    return generated


def period_label(report: Report) -> str:
    """ "8/2024", "6 tháng đầu năm 2024", "2024": the period as people say it."""
    return _spec(report.kind, report.period).label


def official_document_head(report: Report) -> dict:
    """What the preview shows above and below the body: letterhead, title, signature."""
    style = style_for(report.unit)
    return {
        "parent_lines": style.parent_list,
        "office": style.office,
        "number_line": fmt.number_line(report.number, f"{SIGNS[report.kind]}-{style.sign_suffix}"),
        "place_date": fmt.place_and_date(style.place, report.issued_on),
        "doc_type": report.content.get("doc_type", "BÁO CÁO"),
        "summary": report.content.get("summary", ""),
        "recipients": style.recipient_list,
        "signature": [style.signer_authority, style.signer_position],
        "signer": style.signer_name,
    }


@transaction.atomic
def set_head(*, report: Report, number: str, issued_on: str, actor=None) -> None:
    number = number.strip()
    if number and not number.isdigit():
        raise ValidationError("Số văn bản chỉ gồm chữ số, ví dụ 45.")
    try:
        day, month, year = (int(part) for part in issued_on.strip().split("/"))
        report.issued_on = date(year, month, day)
    except ValueError:
        raise ValidationError(
            f"Ngày ban hành “{issued_on}” không hợp lệ (ngày/tháng/năm)."
        ) from None
    report.number = number
    report.save(update_fields=["number", "issued_on"])
    record(
        actor=actor,
        action="report.head",
        target=report,
        changes={"number": number, "issued_on": report.issued_on.isoformat()},
    )


@transaction.atomic
def save_style(style: DocumentStyle, *, actor=None) -> DocumentStyle:
    style.save()
    record(
        actor=actor,
        action="document_style.save",
        target=style,
        changes={"office": style.office, "sign": style.sign_suffix},
    )
    return style
