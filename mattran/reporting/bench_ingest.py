"""How fast a bulk set of data values goes in: `mattran bench ingest`.

Builds a synthetic province (communes and a programme of monthly commune indicators) in a
transaction, writes one CSV of every commune × indicator × month, and times the whole path
a file takes (read, validate, store) three times: the first import (all new), the same
file again (nothing changes) and a file with one figure in ten changed. Everything is rolled
back at the end: the database is left as it was. Target on PostgreSQL: 20.000 values/s.
"""

import random
import statistics
import time

from django.db import connection, transaction

from mattran.core.numbers import format_number
from mattran.programmes.models import ContentArea, Programme
from mattran.programmes.services import create_indicator
from mattran.reporting.bulk import import_values
from mattran.reporting.bulk_read import read_rows
from mattran.units.models import Unit, UnitKind

TARGET = 20_000


def add_arguments(parser) -> None:
    parser.add_argument("--communes", type=int, default=300, help="số xã, phường (mặc định 300)")
    parser.add_argument("--indicators", type=int, default=30, help="số chỉ tiêu hằng tháng")
    parser.add_argument("--months", type=int, default=12, help="số tháng (mặc định 12)")
    parser.add_argument("--runs", type=int, default=3, help="số lần lặp mỗi phép đo")


class _Rollback(Exception):
    pass


def build(communes: int, indicators: int) -> tuple[list[str], list[str]]:
    province = Unit.objects.create(
        code="bench-province", name="Tỉnh Thử Nghiệm", kind=UnitKind.PROVINCE
    )
    codes = []
    for n in range(1, communes + 1):
        unit = Unit(
            code=f"bench-x{n:05d}",
            name=f"Xã Thử Nghiệm {n}",
            kind=UnitKind.COMMUNE,
            parent=province,
        )
        unit.save()
        codes.append(unit.code)
    programme = Programme.objects.create(
        unit=province,
        title="Chương trình thử nghiệm nhiệm kỳ 2024 - 2029",
        number="99/CTr-TN",
        first_year=2024,
        last_year=2029,
    )
    area = ContentArea.objects.create(programme=programme, number="I", title="Thử", order=1)
    names = []
    for n in range(1, indicators + 1):
        create_indicator(
            programme=programme,
            area=area,
            code=f"T.{n}",
            text=f"Chỉ tiêu thử {n}",
            value_type="count",
            aggregation="sum",
            reported_by="commune",
            frequency="month",
            targets={},
        )
        names.append(f"T.{n}")
    return codes, names


def csv_text(units: list[str], indicators: list[str], months: int, seed: int, change: float) -> str:
    """Every unit × indicator × month from January 2024; `change` of the figures moved by 1000."""
    base, moved = random.Random(1), random.Random(seed)
    lines = ["unit,indicator,period,value"]
    for index in range(months):
        period = f"{2024 + index // 12}-{index % 12 + 1:02d}"
        for unit in units:
            for indicator in indicators:
                value = base.randint(0, 500)
                if change and moved.random() < change:
                    value += 1000
                lines.append(f"{unit},{indicator},{period},{value}")
    return "\n".join(lines) + "\n"


def timed(text: str) -> tuple[dict[str, float], object]:
    started = time.perf_counter()
    rows = read_rows(text.encode(), "csv")
    read = time.perf_counter() - started
    result = import_values(rows, source="bench")
    total = time.perf_counter() - started
    return {"read": read, **result.seconds, "total": total}, result


def run(stdout, communes: int = 300, indicators: int = 30, months: int = 12, runs: int = 3) -> dict:
    labels = ("mới", "không đổi", "đổi 10%")
    figures: dict[str, list[dict[str, float]]] = {label: [] for label in labels}
    count = communes * indicators * months
    stdout.write(
        f"Nhập hàng loạt {format_number(count)} số liệu ({format_number(communes)} xã × "
        f"{indicators} chỉ tiêu × {months} tháng) vào {connection.vendor}, {runs} lần …"
    )
    for attempt in range(runs):
        try:
            with transaction.atomic():
                if connection.vendor == "postgresql":  # foreign keys checked inside the timing
                    with connection.cursor() as cursor:
                        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                units, codes = build(communes, indicators)
                first = csv_text(units, codes, months, seed=1, change=0)
                changed = csv_text(units, codes, months, seed=attempt + 2, change=0.1)
                for label, text in zip(labels, (first, first, changed), strict=True):
                    seconds, result = timed(text)
                    assert not result.rejected, result.rejected[:3]
                    figures[label].append(seconds)
                raise _Rollback
        except _Rollback:
            pass
    medians = {}
    for label, runs_of in figures.items():
        rates = [count / s["total"] for s in runs_of]
        medians[label] = statistics.median(rates)
        parts = ", ".join(
            f"{format_number(statistics.median(s.get(name, 0) for s in runs_of) * 1000, 0)} ms"
            for name in ("read", "validate", "write")
        )
        stdout.write(
            f"Nhập {label}: trung vị {format_number(medians[label], 0)} số liệu/giây "
            f"(thấp nhất {format_number(min(rates), 0)}, cao nhất {format_number(max(rates), 0)}; "
            f"{len(rates)} lần; đọc/kiểm tra/ghi: {parts})"
        )
    verdict = "đạt" if min(medians.values()) >= TARGET else "CHƯA ĐẠT"
    stdout.write(f"Mục tiêu {format_number(TARGET)} số liệu/giây: {verdict}.")
    return medians
