"""`mattran import FILE --format json`: print the structure found in a document, saving
nothing."""

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mattran.core.dates import format_date
from mattran.imports.readers import ReadError, read_document
from mattran.imports.services import extract_for_unit
from mattran.units.models import Unit


class Command(BaseCommand):
    help = "Đọc cấu trúc một văn bản (.docx, .pdf, ảnh, .txt) và in ra, không lưu gì."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=["json", "text"], default="text")
        parser.add_argument(
            "--unit", help="mã đơn vị nhập văn bản: để nhận ra đơn vị được giao nhiệm vụ"
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Không mở được tệp “{path}”.") from exc
        unit = None
        if options["unit"]:
            unit = Unit.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(f"Không có đơn vị mã “{options['unit']}”.")
        try:
            document = read_document(data, path.name)
        except ReadError as exc:
            raise CommandError(str(exc)) from exc
        structure = extract_for_unit(document.text, unit)
        if options["format"] == "json":
            self.stdout.write(json.dumps(structure, ensure_ascii=False, indent=2))
            return
        self._summary(structure)

    def _summary(self, s: dict) -> None:
        write = self.stdout.write
        write(f"{s['kind_label'] or 'Văn bản'} {s['number']}".strip())
        write(f"Tiêu đề: {s['title']}")
        if s["date"]:
            when = format_date(date.fromisoformat(s["date"]))
            write(f"Ngày: {', '.join(x for x in (s['place'], when) if x)}")
        write(
            f"Chỉ tiêu: {len(s['indicators'])}; nhiệm vụ: {len(s['tasks'])}; "
            f"thời hạn: {len(s['deadlines'])}; văn bản dẫn chiếu: {len(s['references'])}"
        )
        for warning in s["warnings"]:
            write(f"Lưu ý: {warning}")
