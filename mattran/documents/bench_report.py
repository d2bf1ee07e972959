"""How long the monthly report of the demo city takes: August 2024 for Tam Kỳ (13 wards),
written from the data and laid out as DOCX. Target: under a second."""

import statistics
import time
from io import StringIO

from django.core.management import call_command

from mattran.core.numbers import format_number
from mattran.documents import docx_format
from mattran.documents.services import official_document, prepare_report
from mattran.units.models import Unit

RUNS = 7


def run(stdout) -> dict:
    if not Unit.objects.filter(code="tamky").exists():
        stdout.write("Chưa có dữ liệu mẫu: nạp bằng `mattran demo` …")
        call_command("demo", stdout=StringIO())
    city = Unit.objects.get(code="tamky")
    compose, layout = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        report = prepare_report(unit=city, kind="monthly", period="2024-08")
        middle = time.perf_counter()
        data = docx_format.write_docx(official_document(report))
        compose.append(middle - started)
        layout.append(time.perf_counter() - middle)
    total = [a + b for a, b in zip(compose, layout, strict=True)]
    result = {"compose": compose, "layout": layout, "total": total, "bytes": len(data)}
    for label, values in (
        ("tổng hợp số liệu và viết câu", compose),
        ("dàn trang DOCX", layout),
        ("cả báo cáo", total),
    ):
        stdout.write(
            f"Báo cáo tháng 8/2024 Tam Kỳ — {label}: trung vị "
            f"{format_number(statistics.median(values) * 1000, 0)} ms "
            f"(nhanh nhất {format_number(min(values) * 1000, 0)}, chậm nhất "
            f"{format_number(max(values) * 1000, 0)} ms, {RUNS} lần)"
        )
    stdout.write(f"Tệp DOCX {format_number(len(data))} byte; mục tiêu dưới 1.000 ms.")
    return result
