"""The stock report of a store over a period as an Excel workbook: per item the stock at the
start, received, issued, corrected and the stock at the end, then every receipt and slip."""

from datetime import date
from io import BytesIO
from typing import Any

from django.db import transaction
from openpyxl import Workbook

from mattran.audit.services import record
from mattran.core.xlsx import safe_cell
from mattran.documents.models import FileFormat, GeneratedFile
from mattran.funds.exports import check_period
from mattran.funds.models import IssueSlip, StockReceipt, Store
from mattran.funds.report_xlsx import box_table, style_font
from mattran.funds.stock_levels import stock_report

QUANTITY = "#,##0.##"


def documents(store: Store, start: date, end: date) -> list:
    """The period's receipts and slips in date order, with their lines."""
    period = {"store": store, "day__gte": start, "day__lte": end}
    found = []
    for model in (StockReceipt, IssueSlip):
        reversed_ids = set(
            model.objects.filter(store=store, reverses__isnull=False).values_list(
                "reverses", flat=True
            )
        )
        for doc in model.objects.filter(**period).prefetch_related("lines__item"):
            doc.reversed = doc.pk in reversed_ids
            found.append(doc)
    return sorted(found, key=lambda d: (d.day, d.created_at, d.pk))


def stock_workbook(store: Store, start: date, end: date) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Nhập, xuất, tồn"
    sheet.append([safe_cell(f"BÁO CÁO NHẬP, XUẤT, TỒN HÀNG CỨU TRỢ — {store.name.upper()}")])
    sheet.append(
        [safe_cell(f"{store.unit.name}; từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}")]
    )
    sheet.append([])
    sheet.append(
        [
            "TT",
            "Mặt hàng",
            "Đơn vị tính",
            "Tồn đầu kỳ",
            "Nhập trong kỳ",
            "Xuất trong kỳ",
            "Điều chỉnh (phiếu đảo)",
            "Tồn cuối kỳ",
        ]
    )
    for i, row in enumerate(stock_report(store, start, end), start=1):
        sheet.append(
            [
                i,
                safe_cell(row.item.name),
                safe_cell(row.item.measure),
                row.opening,
                row.received,
                row.issued,
                row.corrections,
                row.closing,
            ]
        )
    style_font(sheet["A1"], bold=True, size=13)
    style_font(sheet["A2"], italic=True)
    box_table(sheet, 4, [6, 30, 12, 14, 14, 14, 16, 14], set())
    for cells in sheet.iter_rows(min_row=5, min_col=4, max_col=8):
        for cell in cells:
            cell.number_format = QUANTITY
    moves = book.create_sheet("Phiếu nhập, xuất")
    moves.append(
        [
            "Ngày",
            "Phiếu",
            "Số phiếu",
            "Người ủng hộ / nơi nhận",
            "Mặt hàng",
            "Nhập",
            "Xuất",
            "Ghi chú",
        ]
    )
    for doc in documents(store, start, end):
        receipt = isinstance(doc, StockReceipt)
        label = ("Phiếu nhập" if receipt else "Phiếu xuất") + (" (đảo)" if doc.is_reversal else "")
        who = doc.donor if receipt else doc.recipient
        for line in doc.lines.all():
            adds = receipt != doc.is_reversal  # a receipt adds, a reversing receipt takes out
            moves.append(
                [
                    doc.day,
                    label,
                    safe_cell(doc.number),
                    safe_cell(who),
                    safe_cell(str(line.item)),
                    line.quantity if adds else None,
                    None if adds else line.quantity,
                    safe_cell(doc.note),
                ]
            )
            moves.cell(moves.max_row, 1).number_format = "DD/MM/YYYY"
    box_table(moves, 1, [12, 18, 10, 32, 24, 12, 12, 40], set())
    out = BytesIO()
    book.save(out)
    return out.getvalue()


@transaction.atomic
def export_stock_report(
    *, store: Store, start: date, end: date, actor: Any = None
) -> GeneratedFile:
    check_period(start, end)
    generated = GeneratedFile.objects.create(
        unit=store.unit,
        name=f"bao-cao-nhap-xuat-ton-kho-{store.pk}-{start:%Y%m%d}-{end:%Y%m%d}.xlsx",
        format=FileFormat.XLSX,
        data=stock_workbook(store, start, end),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    record(
        actor=actor,
        action="funds.stock_export",
        target=generated,
        changes={"store": store.pk, "start": start, "end": end},
    )
    return generated
