"""Exporting a reconciliation (one fund, or all of a unit's funds) as XLSX or DOCX, kept as
a GeneratedFile with who made it."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from mattran.audit.services import record
from mattran.documents.docx_format import write_docx
from mattran.documents.models import FileFormat, GeneratedFile
from mattran.funds.balances import Reconciliation, reconciliation
from mattran.funds.models import Fund
from mattran.funds.report_docx import reconciliation_document
from mattran.funds.report_xlsx import reconciliation_workbook
from mattran.units.models import Unit


def check_period(start: date, end: date) -> None:
    if end < start:
        raise ValidationError(
            {"end": f"Ngày kết thúc ({end:%d/%m/%Y}) phải sau ngày bắt đầu ({start:%d/%m/%Y})."}
        )


def reconciliations(funds: list[Fund], start: date, end: date) -> list[Reconciliation]:
    check_period(start, end)
    return [reconciliation(fund, start, end, with_entries=True) for fund in funds]


def _file_name(unit: Unit, funds: list[Fund], start: date, end: date, fmt: str) -> str:
    what = "-".join(
        slugify(f.get_kind_display().replace("đ", "d").replace("Đ", "D")) for f in funds
    )
    return f"bao-cao-thu-chi-{what}-{unit.code}-{start:%Y%m%d}-{end:%Y%m%d}.{fmt}"


@transaction.atomic
def export_reconciliation(
    *,
    unit: Unit,
    funds: list[Fund],
    start: date,
    end: date,
    fmt: str,
    actor: Any = None,
    day: date | None = None,
) -> GeneratedFile:
    """The report "BÁO CÁO Thu, chi Quỹ … từ ngày … đến ngày …" of `funds` (all `unit`'s)."""
    if fmt not in (FileFormat.XLSX, FileFormat.DOCX):
        raise ValidationError("Chỉ xuất được tệp Excel (.xlsx) hoặc Word (.docx).")
    if not funds:
        raise ValidationError(f"{unit.name} chưa mở sổ quỹ nào.")
    recs = reconciliations(funds, start, end)
    if fmt == FileFormat.XLSX:
        data = reconciliation_workbook(unit, recs)
    else:
        data = write_docx(reconciliation_document(unit, recs, day or timezone.localdate()))
    generated = GeneratedFile.objects.create(
        unit=unit,
        name=_file_name(unit, funds, start, end, fmt),
        format=fmt,
        data=data,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    record(
        actor=actor,
        action="funds.export",
        target=generated,
        changes={"funds": [f.pk for f in funds], "start": start, "end": end, "format": fmt},
    )
    return generated
