import json
from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from mattran.analytics.progress import programme_progress
from mattran.core.dates import format_date
from mattran.programmes.models import Programme
from mattran.programmes.selectors import programme_for
from mattran.units.models import Unit


class Command(BaseCommand):
    help = "Tiến độ thực hiện các chỉ tiêu của một đơn vị trong một năm."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="Mã đơn vị, ví dụ tamky.")
        parser.add_argument("--year", required=True, type=int, help="Năm, ví dụ 2024.")
        parser.add_argument(
            "--programme",
            type=int,
            help="Mã số chương trình (mặc định: chương trình của đơn vị gần nhất phía trên).",
        )
        parser.add_argument("--as-of", help="Đánh giá tiến độ tính đến ngày (YYYY-MM-DD).")
        parser.add_argument("--format", choices=["json", "table"], default="table")

    def handle(
        self,
        *args,
        unit: str,
        year: int,
        programme: int | None,
        as_of: str | None,
        format: str,
        **options,
    ):
        target_unit = Unit.objects.filter(code=unit).first()
        if target_unit is None:
            raise CommandError(f"Không tìm thấy đơn vị có mã “{unit}”.")
        chosen = self.programme(programme, target_unit, year)
        day = None
        if as_of:
            try:
                day = date.fromisoformat(as_of)
            except ValueError as exc:
                raise CommandError(f"Ngày “{as_of}” không hợp lệ (dùng YYYY-MM-DD).") from exc
        try:
            rows, judged_on = programme_progress(chosen, target_unit, year, as_of=day)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        if format == "json":
            self.stdout.write(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{target_unit.name} — năm {year} — {chosen.title}")
        self.stdout.write(f"Tiến độ tính đến ngày {format_date(judged_on)}\n")
        self.stdout.write(self.table(rows))

    def programme(self, programme_id: int | None, unit: Unit, year: int) -> Programme:
        if programme_id is not None:
            found = Programme.objects.filter(pk=programme_id).first()
            if found is None:
                raise CommandError(f"Không tìm thấy chương trình số {programme_id}.")
            return found
        found = programme_for(unit, year)
        if found is None:
            raise CommandError(f"{unit.name} chưa có chương trình hành động nào cho năm {year}.")
        return found

    @staticmethod
    def table(rows) -> str:
        headers = ["Mã", "Chỉ tiêu", "Chỉ tiêu năm", "Thực hiện", "Báo cáo", "Trạng thái"]
        lines = []
        for r in rows:
            d = r.as_dict()
            reporting = (
                f"{d['units_reporting']}/{d['units_total']}" if d["units_total"] is not None else ""
            )
            text = d["text"] if len(d["text"]) <= 48 else d["text"][:47] + "…"
            lines.append(
                [d["code"], text, d["target"], d["actual_display"], reporting, d["status_label"]]
            )
        widths = [max(len(str(x)) for x in col) for col in zip(headers, *lines, strict=False)]
        widths[2] = min(widths[2], 32)
        out = []
        for row in [headers, *lines]:
            out.append("  ".join(str(c)[:w].ljust(w) for c, w in zip(row, widths, strict=False)))
        out.insert(1, "  ".join("-" * w for w in widths))
        return "\n".join(out)
