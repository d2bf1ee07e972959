"""`mattran bench run`: the national-scale figures, each beside a baseline measured in the
same run, one line per figure with the median and spread over repeated runs.

Run it on a database filled by `mattran bench generate` (and `mattran demo` for the
13-ward city). Measured warm: each figure is computed once before the timed runs, as a
dashboard that has been opened once today would be.
"""

import csv
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from django.db import connection, transaction
from django.test import Client

from mattran.analytics import aggregates
from mattran.analytics.overview import children_status
from mattran.analytics.progress import programme_progress
from mattran.analytics.rollup import rollup, rollups_below
from mattran.api.tokens import create_token
from mattran.benchmarks import generate
from mattran.benchmarks.baselines import duckdb_progress, sql_progress
from mattran.core.numbers import format_number
from mattran.core.periods import PeriodSpec
from mattran.documents import docx_format
from mattran.documents.services import official_document, prepare_report
from mattran.programmes.models import Programme
from mattran.reporting.bulk_export import plain
from mattran.reporting.models import DataValue, Period, Submission, SubmissionStatus
from mattran.reporting.workflow import completeness
from mattran.units.models import Tier, Unit

TARGETS_MS = {"national": 200, "city report": 1000, "province report": 3000}


def add_arguments(parser) -> None:
    parser.add_argument("--runs", type=int, default=7, help="số lần đo mỗi phép (7)")
    parser.add_argument("--year", type=int, help="năm của bảng tiến độ (mặc định: năm cuối)")
    parser.add_argument("--skip-ingest", action="store_true", help="bỏ phép đo nhập hàng loạt")
    parser.add_argument("--only-ingest", action="store_true", help="chỉ đo nhập hàng loạt")


class Timer:
    def __init__(self, stdout, runs: int):
        self.stdout, self.runs = stdout, runs
        self.results: dict[str, dict] = {}

    def measure(
        self,
        label: str,
        work: Callable[[], object],
        target_ms: float | None = None,
        reset: Callable[[], object] | None = None,
    ):
        """`reset`, untimed, after every run: puts back the state the next run starts from."""
        work()  # warm: caches, aggregates, the database's pages
        if reset:
            reset()
        seconds = []
        for _ in range(self.runs):
            started = time.perf_counter()
            work()
            seconds.append(time.perf_counter() - started)
            if reset:
                reset()
        ms = [s * 1000 for s in seconds]
        median = statistics.median(ms)
        figure = {"median_ms": median, "min_ms": min(ms), "max_ms": max(ms), "runs": self.runs}
        self.results[label] = figure
        verdict = ""
        if target_ms is not None:
            verdict = f"; mục tiêu < {format_number(target_ms, 0)} ms: " + (
                "đạt" if median < target_ms else "CHƯA ĐẠT"
            )
        self.stdout.write(
            f"{label}: trung vị {format_number(median, 1)} ms (từ {format_number(min(ms), 1)} "
            f"đến {format_number(max(ms), 1)} ms, {self.runs} lần){verdict}"
        )
        return figure


def run(
    stdout,
    runs: int = 7,
    year: int | None = None,
    skip_ingest: bool = False,
    only_ingest: bool = False,
) -> dict:
    central = Unit.objects.filter(code=generate.CENTRAL_CODE).first()
    if central is None:
        stdout.write("Chưa có dữ liệu toàn quốc: chạy `mattran bench generate` trước.")
        return {}
    programme = Programme.objects.get(unit=central)
    year = year or programme.last_year
    province = Unit.objects.filter(tier=Tier.PROVINCE, parent=central).order_by("code").first()
    commune = Unit.objects.filter(parent=province, tier=Tier.COMMUNE).order_by("code").first()
    timer = Timer(stdout, runs)
    if only_ingest:
        ingest(stdout, programme, timer)
        return timer.results
    stdout.write(
        f"Cơ sở dữ liệu {connection.vendor}; {format_number(Unit.objects.count())} đơn vị; "
        f"năm {year}; {runs} lần mỗi phép đo."
    )
    started = time.perf_counter()
    rebuilt = aggregates.refresh(programme, [year])
    stdout.write(
        f"Dựng bảng tổng hợp năm {year}: {rebuilt} chỉ tiêu trong "
        f"{format_number(time.perf_counter() - started, 1)} giây (một lần, trước khi đo)"
    )

    def national():
        return programme_progress(programme, central, year)

    timer.measure("Tiến độ toàn quốc (mọi chỉ tiêu, một năm)", national, TARGETS_MS["national"])
    timer.measure(
        "  so sánh: SQL viết tay, một truy vấn mỗi chỉ tiêu",
        lambda: sql_progress(programme, central, year),
    )
    with tempfile.TemporaryDirectory() as folder:
        export = export_values(programme, Path(folder) / "values.parquet")
        timer.measure(
            "  so sánh: DuckDB trên bản xuất Parquet", lambda: duckdb_progress(export, year)
        )
    timer.measure(
        f"Tiến độ một tỉnh ({province.name})", lambda: programme_progress(programme, province, year)
    )
    timer.measure(
        f"Tiến độ một xã ({commune.name})", lambda: programme_progress(programme, commune, year)
    )
    indicator = programme.indicators.filter(reported_by=Tier.COMMUNE, frequency="month").first()
    month = PeriodSpec.month(year, 6)
    communes = list(Unit.objects.filter(parent=province, tier=Tier.COMMUNE).order_by("name"))
    timer.measure(
        f"Một chỉ tiêu ({indicator.code}), tháng 6/{year}, {len(communes)} xã của một tỉnh",
        lambda: rollups_below(indicator, province, communes, month),
    )
    timer.measure(
        f"  so sánh: từng xã một ({len(communes)} lần tổng hợp)",
        lambda: [rollup(indicator, c, month) for c in communes],
    )
    timer.measure(
        f"Tiến độ từng xã của một tỉnh ({len(communes)} xã, trang đơn vị trực thuộc)",
        lambda: children_status(programme, province, year),
    )
    timer.measure(
        "Tiến độ từng tỉnh (trang đơn vị trực thuộc của Trung ương)",
        lambda: children_status(programme, central, year),
    )
    period = Period.objects.for_spec(month)
    timer.measure(
        f"Tình hình nộp báo cáo tháng 6/{year} của mọi tỉnh và xã",
        lambda: [completeness(programme, p, period, today=date(year, 7, 31)) for p in
                 [central, *Unit.objects.filter(parent=central)]],
    )  # fmt: skip
    city = Unit.objects.filter(code="tamky").first()
    if city is not None:
        timer.measure(
            "Báo cáo tháng 8/2024 của thành phố 13 phường, xã (Tam Kỳ), DOCX",
            lambda: monthly_report(city, "2024-08"),
            TARGETS_MS["city report"],
        )
    else:
        stdout.write("(Không có Tam Kỳ: nạp `mattran demo` vào cùng cơ sở dữ liệu để đo.)")
    timer.measure(
        f"Báo cáo tháng 6/{year} của {province.name} ({len(communes)} xã), DOCX",
        lambda: monthly_report(province, f"{year}-06"),
        TARGETS_MS["province report"],
    )
    if not skip_ingest:
        ingest(stdout, programme, timer)
    return timer.results


def monthly_report(unit: Unit, period: str) -> int:
    report = prepare_report(unit=unit, kind="monthly", period=period)
    return len(docx_format.write_docx(official_document(report)))


def export_values(programme: Programme, path: Path) -> Path:
    """The raw values with their unit paths, as DuckDB reads them (Parquet via a CSV)."""
    import duckdb

    source = path.with_suffix(".csv")
    with connection.cursor() as cursor, open(source, "w", newline="") as out:
        cursor.execute(
            "SELECT v.indicator_id, u.path, u.tier, p.kind, p.start, v.number, v.numerator, "
            "v.denominator, v.boolean, v.rating FROM reporting_datavalue v "
            "JOIN units_unit u ON u.id = v.unit_id JOIN reporting_period p ON p.id = v.period_id "
            "JOIN programmes_indicator i ON i.id = v.indicator_id WHERE i.programme_id = %s",
            [programme.pk],
        )
        writer = csv.writer(out)
        writer.writerow(
            ["indicator_id", "path", "tier", "kind", "start", "number", "numerator",
             "denominator", "boolean", "rating"]
        )  # fmt: skip
        while rows := cursor.fetchmany(100_000):
            writer.writerows(rows)
    columns = {
        "indicator_id": "BIGINT", "path": "VARCHAR", "tier": "VARCHAR", "kind": "VARCHAR",
        "start": "DATE", "number": "DOUBLE", "numerator": "DOUBLE", "denominator": "DOUBLE",
        "boolean": "BOOLEAN", "rating": "INTEGER",
    }  # fmt: skip
    duckdb.sql(
        f"COPY (SELECT * FROM read_csv('{source}', header = true, columns = {columns})) "
        f"TO '{path}' (FORMAT PARQUET)"
    )
    return path


def ingest(stdout, programme: Programme, timer: Timer) -> None:
    """One month of the whole country's monthly commune figures through the API, in a
    transaction rolled back after each run."""
    from mattran.accounts.models import Role, User

    year, month = programme.last_year, 12
    indicators = list(
        programme.indicators.filter(reported_by=Tier.COMMUNE, frequency="month", value_type="count")
    )
    locked = Submission.objects.filter(
        programme=programme,
        period__code=f"{year}-{month:02d}",
        status__in=(SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED),
    ).values("unit_id")
    communes = list(  # the communes whose report of the month is still open
        Unit.objects.subtree(programme.unit)
        .filter(tier=Tier.COMMUNE)
        .exclude(pk__in=locked)
        .values_list("code", flat=True)
        .order_by("code")
    )
    lines = ["unit,indicator,period,value"]
    for code in communes:
        for n, indicator in enumerate(indicators):
            lines.append(f"{code},{indicator.code},{year}-{month:02d},{plain((n * 7) % 13)}")
    body = ("\n".join(lines) + "\n").encode()
    count = len(lines) - 1
    admin = User.objects.filter(username="bench-admin").first() or User.objects.create_user(
        username="bench-admin", password="bench-admin-2025", role=Role.SYSTEM_ADMIN
    )
    _, token = create_token(user=admin, name="Đo hiệu năng")
    client = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Bearer {token}")

    def post():
        with transaction.atomic():
            if connection.vendor == "postgresql":  # foreign keys checked inside the timing
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            response = client.post("/api/data-values/bulk", body, content_type="text/csv")
            assert response.status_code == 200, response.content[:500]
            transaction.set_rollback(True)

    def vacuum():
        """Each run is rolled back, which leaves its rows behind as dead entries in every
        index of the value table; a real month goes in once and stays. Vacuumed between
        runs, each run meets the table as a real import would (PostgreSQL)."""
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            with connection.cursor() as cursor:  # (never inside a transaction: the tests)
                cursor.execute(f"VACUUM {DataValue._meta.db_table}")

    figure = timer.measure(
        f"Nhập qua API {format_number(count)} số liệu tháng {month}/{year} của cả nước",
        post,
        reset=vacuum,
    )
    rate = count / (figure["median_ms"] / 1000)
    stdout.write(
        f"  = {format_number(rate, 0)} số liệu/giây (mục tiêu 20.000: "
        f"{'đạt' if rate >= 20_000 else 'CHƯA ĐẠT'})"
    )
