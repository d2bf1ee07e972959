"""`mattran report monthly|half-year|annual|indicators`: write a unit's official report."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from mattran.documents.models import ReportKind
from mattran.documents.services import export_indicator_table, export_report, prepare_report
from mattran.units.models import Unit

KINDS = {
    "monthly": ReportKind.MONTHLY,
    "half-year": ReportKind.HALF_YEAR,
    "annual": ReportKind.ANNUAL,
}


class Command(BaseCommand):
    help = "Viết báo cáo tháng, 6 tháng, năm (DOCX, PDF) hoặc bảng chỉ tiêu (XLSX) của một đơn vị."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=[*KINDS, "indicators"])
        parser.add_argument("--unit", required=True, help="mã đơn vị, ví dụ tamky")
        parser.add_argument("--period", help="kỳ báo cáo: 2024-08, 2024-H1 hoặc 2024")
        parser.add_argument("--year", type=int, help="năm (báo cáo năm, bảng chỉ tiêu)")
        parser.add_argument("--half", type=int, choices=[1, 2], help="6 tháng đầu (1) hay cuối (2)")
        parser.add_argument("--out", required=True, help="tệp ghi ra")
        parser.add_argument("--format", choices=["docx", "pdf", "xlsx"])
        parser.add_argument("--user", help="tên đăng nhập của người lập (ghi vào nhật ký)")

    def handle(self, *args, **o):
        unit = Unit.objects.filter(code=o["unit"]).first()
        if unit is None:
            raise CommandError(f"Không có đơn vị mã “{o['unit']}”.")
        actor = get_user_model().objects.filter(username=o["user"]).first() if o["user"] else None
        out = Path(o["out"])
        file_format = o["format"] or out.suffix.lstrip(".").lower() or "docx"
        try:
            if o["kind"] == "indicators":
                if not o["year"]:
                    raise CommandError("Cần --year cho bảng chỉ tiêu.")
                generated = export_indicator_table(unit=unit, year=o["year"], actor=actor)
            else:
                period = self._period(o)
                report = prepare_report(
                    unit=unit, kind=KINDS[o["kind"]], period=period, actor=actor
                )
                generated = export_report(report=report, file_format=file_format, actor=actor)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        out.write_bytes(bytes(generated.data))
        self.stdout.write(f"Đã ghi {out} ({len(generated.data):,} byte).".replace(",", "."))

    def _period(self, o) -> str:
        if o["period"]:
            return o["period"]
        if o["kind"] == "half-year" and o["year"]:
            return f"{o['year']}-H{o['half'] or 1}"
        if o["kind"] == "annual" and o["year"]:
            return str(o["year"])
        raise CommandError("Cần --period (ví dụ 2024-08) hoặc --year.")
