"""`mattran restore-diacritics FILE`: print a document with its Vietnamese marks restored."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mattran.imports.diacritics import restore_diacritics
from mattran.imports.readers import ReadError, read_document


class Command(BaseCommand):
    help = (
        "Khôi phục dấu tiếng Việt cho văn bản bị mất dấu (ví dụ văn bản OCR) và in ra kết quả. "
        "Chỉ những từ không dấu được khôi phục; chữ viết tắt, số và ký hiệu văn bản giữ nguyên."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="Tệp văn bản (.txt, .docx, .pdf, ảnh chụp) hoặc “-” để đọc từ stdin."
        )

    def handle(self, *args, file: str, **options):
        text = self._read(file)
        restored = restore_diacritics(text)
        self.stdout.write(restored, ending="" if restored.endswith("\n") else "\n")

    def _read(self, file: str) -> str:
        if file == "-":
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else None
            if data is None:
                return sys.stdin.read()
            try:
                return data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise CommandError("Dữ liệu vào không phải văn bản UTF-8.") from exc
        path = Path(file)
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise CommandError(f"Không tìm thấy tệp “{file}”.") from exc
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp “{file}”: {exc.strerror or exc}.") from exc
        try:
            return read_document(data, path.name).text
        except ReadError as exc:
            raise CommandError(str(exc)) from exc
