"""`mattran bench generate`: a synthetic country to measure Mattran at national scale.

The Central Committee above 34 provinces, ~3.300 communes and wards and ~80.000 residential
areas (realistic names and codes), the demo's action programme issued by the Central
Committee so that it applies at every level, monthly figures of every commune indicator
and yearly figures of every residential-area indicator for each year of the term, monthly
reports (submissions) of the communes and a few activities per commune and month.

Rows go in with COPY on PostgreSQL and executemany on SQLite, in chunks, so the whole
country (about 10 million figures) is generated in minutes and never held in memory.
Run it on a database of its own (see docs/performance.md).
"""

import random
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal

from django.core.management.color import no_style
from django.db import IntegrityError, connection, transaction
from django.db.models import Max

from mattran.activities.models import Activity, ActivityType
from mattran.core.keys import dangling, key_triggers_off, key_triggers_on
from mattran.core.numbers import format_number
from mattran.core.periods import PeriodSpec
from mattran.demo import tamky
from mattran.demo.loader import INDICATOR_DEFAULTS
from mattran.programmes.models import AreaItem, AreaItemKind, ContentArea, Indicator, Programme
from mattran.programmes.services import create_indicator
from mattran.reporting.models import DataValue, Period, Submission, SubmissionStatus
from mattran.units.models import PATH_STEP, TIER_OF_KIND, Tier, Unit, UnitKind, path_segment

CENTRAL_CODE = "tw"
FIRST_YEAR = 2024
CHUNK = 50_000

PROVINCES = [
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh",
    "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên",
    "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng",
    "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Thành phố Hồ Chí Minh",
    "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
]  # fmt: skip
CITIES = {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Thành phố Hồ Chí Minh", "Cần Thơ"}
SYLLABLES = [
    "An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Xuân", "Trường", "Hương", "Sơn", "Mỹ",
    "Phước", "Long", "Thành", "Đông", "Tây", "Nam", "Bắc", "Quảng", "Hưng", "Thịnh", "Lộc",
    "Vĩnh", "Hải", "Thủy", "Lâm", "Trung", "Hiệp", "Đức", "Nghĩa", "Thuận", "Lợi", "Ninh",
    "Hồng", "Kim", "Ngọc", "Cát", "Tiên", "Định", "Khánh", "Quang", "Hà", "Minh", "Tường",
]  # fmt: skip
EXTRA_AREA = {"number": "VII", "title": "Các chỉ tiêu bổ sung của cấp xã (dữ liệu thử nghiệm)"}


def add_arguments(parser) -> None:
    parser.add_argument("--provinces", type=int, default=34, help="số tỉnh, thành phố (34)")
    parser.add_argument("--communes", type=int, default=3300, help="số xã, phường (3.300)")
    parser.add_argument("--areas", type=int, default=80000, help="số khu dân cư (80.000)")
    parser.add_argument("--years", type=int, default=5, help="số năm của nhiệm kỳ có số liệu")
    parser.add_argument(
        "--extra-indicators",
        type=int,
        default=25,
        help="số chỉ tiêu hằng tháng cấp xã thêm (25: khoảng 10 triệu số liệu)",
    )
    parser.add_argument("--seed", type=int, default=2025)


class Writer:
    """Chunked bulk insertion: COPY on PostgreSQL, executemany on SQLite."""

    def __init__(self):
        self.postgres = connection.vendor == "postgresql"
        self.now = connection.ops.adapt_datetimefield_value(datetime.now(tz=UTC))

    def write(self, model, columns: tuple[str, ...], rows: Iterable[tuple]) -> int:
        table = model._meta.db_table
        count = 0
        with connection.cursor() as cursor:
            if self.postgres:
                names = ", ".join(columns)
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                        count += 1
                return count
            marks = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
            batch: list[tuple] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= CHUNK:
                    cursor.executemany(sql, batch)
                    count += len(batch)
                    batch = []
            if batch:
                cursor.executemany(sql, batch)
                count += len(batch)
        return count


class SecondaryIndexes:
    """Drop a table's secondary indexes for a bulk load and build them again afterwards:
    building an index once is far cheaper than maintaining it row by row. The primary key
    and unique constraints stay, so the load is still checked."""

    def __init__(self, model):
        self.table = model._meta.db_table
        self.saved: list[tuple[str, str]] = []

    def __enter__(self):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = %s "
                    "AND i.indexname NOT IN (SELECT conname FROM pg_constraint)",
                    [self.table],
                )
            else:
                cursor.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                    "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%%'",
                    [self.table],
                )
            self.saved = list(cursor.fetchall())
            for name, _ in self.saved:
                cursor.execute(f'DROP INDEX "{name}"')
        return self

    def __exit__(self, *exc):
        with connection.cursor() as cursor:
            for _, sql in self.saved:
                cursor.execute(sql)
        return False


class ForeignKeysCheckedOnce:
    """On PostgreSQL, foreign keys are checked by a trigger per row: ten million rows mean
    thirty million lookups. The generator's ids come from rows it just created, so it turns
    the triggers off for the load (session_replication_role, which needs a superuser; without
    one the triggers simply stay on) and checks every key afterwards with one anti-join per
    foreign key, refusing the load if any row points nowhere."""

    def __init__(self, model):
        self.model = model
        self.off = False

    def __enter__(self):
        with connection.cursor() as cursor:
            self.off = key_triggers_off(cursor)
        return self

    def __exit__(self, exc_type, *exc):
        if not self.off:
            return False
        with connection.cursor() as cursor:
            key_triggers_on(cursor)
            if exc_type is not None:
                return False
            table = self.model._meta.db_table
            for field in self.model._meta.concrete_fields:
                if not field.is_relation:
                    continue
                missing = dangling(cursor, table, field.column, field.related_model._meta.db_table)
                if missing:
                    raise IntegrityError(
                        f"{missing} dòng {table}.{field.column} trỏ tới dòng không có."
                    )
        return False


def split(total: int, parts: int, rng: random.Random) -> list[int]:
    """`total` shared among `parts`, each at least 1, unevenly as real provinces are."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    scale = total / sum(weights)
    counts = [max(1, int(w * scale)) for w in weights]
    counts[-1] += total - sum(counts)
    return [max(1, c) for c in counts]


def place_name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"
        if name not in used and len(set(name.split())) == 2:
            used.add(name)
            return name


def create_units(provinces: int, communes: int, areas: int, rng: random.Random, out) -> dict:
    """Units by bulk insert, then their materialised paths in one pass."""
    central = Unit.objects.create(
        code=CENTRAL_CODE, name="Ủy ban Trung ương MTTQ Việt Nam", kind=UnitKind.CENTRAL
    )
    per_province = split(communes, provinces, rng)
    plan: list[Unit] = []
    for i in range(provinces):
        name = PROVINCES[i] if i < len(PROVINCES) else f"Tỉnh Thử Nghiệm {i + 1}"
        title = (
            name
            if name.startswith("Thành phố")
            else (f"Thành phố {name}" if name in CITIES else f"Tỉnh {name}")
        )
        plan.append(Unit(code=f"p{i + 1:02d}", name=title, kind=UnitKind.PROVINCE))
    province_units = _insert_level(plan, central)
    commune_units: list[Unit] = []
    for province, count in zip(province_units, per_province, strict=True):
        used: set[str] = set()
        level = []
        for n in range(1, count + 1):
            kind = UnitKind.WARD if rng.random() < 0.3 else UnitKind.COMMUNE
            word = "Phường" if kind == UnitKind.WARD else "Xã"
            level.append(
                Unit(
                    code=f"{province.code}-x{n:03d}",
                    name=f"{word} {place_name(rng, used)}",
                    kind=kind,
                    parent=province,
                )
            )
        commune_units.extend(_insert_level(level, None))
    per_commune = split(areas, len(commune_units), rng)
    area_count = 0
    batch: list[Unit] = []
    for commune, count in zip(commune_units, per_commune, strict=True):
        word = "Khối phố" if commune.kind == UnitKind.WARD else "Thôn"
        for n in range(1, count + 1):
            batch.append(
                Unit(
                    code=f"{commune.code}-t{n:02d}",
                    name=f"{word} {n}",
                    kind=UnitKind.RESIDENTIAL_AREA,
                    parent=commune,
                )
            )
        if len(batch) >= 20_000:
            area_count += len(_insert_level(batch, None))
            batch = []
    if batch:
        area_count += len(_insert_level(batch, None))
    out.write(
        f"  đơn vị: 1 Trung ương, {len(province_units)} tỉnh, "
        f"{format_number(len(commune_units))} xã, phường, {format_number(area_count)} khu dân cư"
    )
    return {"central": central, "provinces": province_units, "communes": commune_units}


def _insert_level(units: list[Unit], parent: Unit | None) -> list[Unit]:
    """Insert with ids chosen here, so that each path is known before the row is written."""
    next_id = (Unit.objects.aggregate(top=Max("id"))["top"] or 0) + 1
    for offset, unit in enumerate(units):
        if parent is not None:
            unit.parent = parent
        unit.pk = next_id + offset
        unit.tier = TIER_OF_KIND[unit.kind]
        unit.path = unit.parent.path + path_segment(unit.pk)
        unit.depth = len(unit.path) // PATH_STEP - 1
    created = Unit.objects.bulk_create(units, batch_size=5000)
    with connection.cursor() as cursor:  # the id sequence moves past the ids chosen here
        for sql in connection.ops.sequence_reset_sql(no_style(), [Unit]):
            cursor.execute(sql)
    return created


def create_programme(central: Unit, years: int, extra: int, communes: int) -> Programme:
    """The demo's programme, issued by the Central Committee: district-level indicators are
    the provinces' (two levels of local government), residential areas report yearly."""
    programme = Programme.objects.create(
        unit=central,
        title="Chương trình hành động nhiệm kỳ (dữ liệu thử nghiệm quy mô toàn quốc)",
        number="01/CTr-MTTW-BTT",
        first_year=FIRST_YEAR,
        last_year=FIRST_YEAR + max(years, 1) - 1,
    )
    order = 0
    specs = [*tamky.AREAS, {**EXTRA_AREA, "key_tasks": [], "solutions": [], "indicators": []}]
    for area_order, spec in enumerate(specs, start=1):
        area = ContentArea.objects.create(
            programme=programme, number=spec["number"], title=spec["title"], order=area_order
        )
        for kind, key in (
            (AreaItemKind.KEY_TASK, "key_tasks"),
            (AreaItemKind.SOLUTION, "solutions"),
        ):
            for item_order, text in enumerate(spec[key], start=1):
                AreaItem.objects.create(area=area, kind=kind, text=text, order=item_order)
        indicators = list(spec["indicators"])
        if spec is specs[-1]:
            indicators = [
                {
                    "code": f"VII.{n}",
                    "text": f"Chỉ tiêu bổ sung số {n} của cấp xã",
                    "measure_unit": "lượt",
                    "value_type": "count",
                    "aggregation": "sum",
                    "reported_by": Tier.COMMUNE,
                    "targets": {
                        y: f"{communes * 20 * (n % 5 + 1)} lượt" for y in range(2024, 2040)
                    },
                }
                for n in range(1, extra + 1)
            ]
        for indicator in indicators:
            order += 1
            fields = {**INDICATOR_DEFAULTS, **indicator}
            targets = {y: t for y, t in fields.pop("targets").items() if y in programme.years}
            if fields["reported_by"] == Tier.DISTRICT:
                fields["reported_by"] = Tier.PROVINCE
            if fields["reported_by"] == Tier.AREA:
                fields["frequency"] = "year"
            create_indicator(programme=programme, area=area, targets=targets, order=order, **fields)
    return programme


COUNTS = [0] * 6 + [1] * 6 + [2] * 3 + [3] * 2 + [4] * 2 + [6]  # small counts, mostly 0–2


def figure(indicator: Indicator, rng: random.Random) -> tuple:
    """(number, numerator, denominator, boolean, rating) typical of the indicator."""
    kind = indicator.value_type
    if kind == "fraction":
        denominator = rng.randint(5, 60)
        return None, rng.randint(denominator * 6 // 10, denominator), denominator, None, None
    if kind == "yes_no":
        return None, None, None, rng.random() < 0.85, None
    if kind == "rating":
        return None, None, None, None, rng.choices([1, 2, 3, 4], [1, 10, 60, 29])[0]
    if kind == "percent":
        return Decimal(rng.randint(600, 1000)) / 10, None, None, None, None
    if kind == "amount":
        return Decimal(rng.randint(0, 500) * 100_000), None, None, None, None
    return (
        Decimal(rng.choices([0, 1, 2, 3, 4, 6], [30, 30, 15, 10, 10, 5])[0]),
        None,
        None,
        None,
        None,
    )


def periods_of(programme: Programme) -> tuple[dict[tuple[int, int], Period], dict[int, Period]]:
    """Every month of the term but the last, which is left to be reported now (the ingest
    benchmark sends it), and every year."""
    months = {
        (y, m): Period.objects.for_spec(PeriodSpec.month(y, m))
        for y in programme.years
        for m in range(1, 13)
        if (y, m) != (programme.last_year, 12)
    }
    years = {y: Period.objects.for_spec(PeriodSpec.year(y)) for y in programme.years}
    return months, years


def value_plan(programme: Programme, units: dict, months, years) -> list[tuple]:
    """(indicators, unit ids, periods) to fill, read before any COPY starts: a connection
    busy copying cannot answer queries."""
    by_tier: dict[tuple[str, str], list[Indicator]] = {}
    for indicator in programme.indicators.order_by("order"):
        by_tier.setdefault((indicator.reported_by, indicator.frequency), []).append(indicator)
    commune_ids = [u.pk for u in units["communes"]]
    area_ids = list(
        Unit.objects.filter(tier=Tier.AREA, path__startswith=units["central"].path)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    province_ids = [u.pk for u in units["provinces"]]
    monthly, yearly = list(months.values()), list(years.values())
    return [
        (by_tier.get((Tier.COMMUNE, "month"), []), commune_ids, monthly),
        (by_tier.get((Tier.COMMUNE, "year"), []), commune_ids, yearly),
        (by_tier.get((Tier.AREA, "year"), []), area_ids, yearly),
        (by_tier.get((Tier.PROVINCE, "month"), []), province_ids, monthly),
        (by_tier.get((Tier.PROVINCE, "year"), []), province_ids, yearly),
    ]


def value_rows(plan: list[tuple], rng: random.Random, now) -> Iterator[tuple]:
    for group, unit_ids, periods in plan:
        for indicator in group:  # in the order of the unique index: indicator, unit, period
            for unit_id in unit_ids:
                for period in periods:
                    if rng.random() < 0.03:  # a few units did not report
                        continue
                    number, numerator, denominator, boolean, rating = figure(indicator, rng)
                    yield (
                        indicator.pk, unit_id, period.pk, number, numerator, denominator,
                        boolean, rating, "", now, now, 1,
                    )  # fmt: skip


VALUE_COLUMNS = (
    "indicator_id", "unit_id", "period_id", "number", "numerator", "denominator", "boolean",
    "rating", "note", "entered_at", "updated_at", "version",
)  # fmt: skip


def submission_rows(programme: Programme, units: dict, months, rng: random.Random, now):
    for (_year, _month), period in sorted(months.items()):
        for commune in units["communes"]:
            roll = rng.random()
            if roll < 0.05:
                continue  # not submitted
            status = SubmissionStatus.SUBMITTED if roll < 0.15 else SubmissionStatus.APPROVED
            yield (programme.pk, commune.pk, period.pk, status, now, now, "")


def activity_rows(units: dict, types: list[ActivityType], months, rng: random.Random, now):
    for year, month in sorted(months):
        for commune in units["communes"]:
            for _ in range(rng.choice([0, 1, 2, 3])):
                kind = rng.choice(types)
                day = date(year, month, rng.randint(1, 28))
                yield (commune.pk, kind.pk, day, f"{kind.name} tại {commune.name}", "", "", now)


def activity_types() -> list[ActivityType]:
    found = []
    for code, name in (
        ("bench-tuyen-truyen", "Tuyên truyền, phổ biến chính sách"),
        ("bench-tham-hoi", "Thăm hỏi, tặng quà hộ nghèo"),
        ("bench-hoi-nghi", "Hội nghị, tập huấn"),
    ):
        kind, _ = ActivityType.objects.get_or_create(code=code, defaults={"name": name})
        found.append(kind)
    return found


def run(
    stdout,
    provinces: int = 34,
    communes: int = 3300,
    areas: int = 80000,
    years: int = 5,
    extra_indicators: int = 25,
    seed: int = 2025,
) -> dict:
    if Unit.objects.filter(code=CENTRAL_CODE).exists():
        stdout.write(
            "Cơ sở dữ liệu đã có dữ liệu thử nghiệm toàn quốc (đơn vị “tw”): dùng một cơ sở dữ "
            "liệu mới (xem docs/performance.md)."
        )
        return {}
    rng = random.Random(seed)
    started = time.perf_counter()
    stdout.write(
        f"Tạo dữ liệu thử nghiệm toàn quốc vào {connection.vendor}: {provinces} tỉnh, "
        f"{format_number(communes)} xã, {format_number(areas)} khu dân cư, {years} năm …"
    )
    writer = Writer()
    counts = {}
    with transaction.atomic():
        units = create_units(provinces, communes, areas, rng, stdout)
        programme = create_programme(units["central"], years, extra_indicators, communes)
        months, year_periods = periods_of(programme)
    step = time.perf_counter()
    with transaction.atomic(), SecondaryIndexes(DataValue):
        plan = value_plan(programme, units, months, year_periods)
        with ForeignKeysCheckedOnce(DataValue):
            counts["values"] = writer.write(
                DataValue, VALUE_COLUMNS, value_rows(plan, rng, writer.now)
            )
    stdout.write(
        f"  số liệu: {format_number(counts['values'])} "
        f"({format_number(counts['values'] / (time.perf_counter() - step), 0)}/giây)"
    )
    with transaction.atomic():
        counts["submissions"] = writer.write(
            Submission,
            (
                "programme_id",
                "unit_id",
                "period_id",
                "status",
                "submitted_at",
                "first_submitted_at",
                "return_reason",
            ),
            submission_rows(programme, units, months, rng, writer.now),
        )
        counts["activities"] = writer.write(
            Activity,
            ("unit_id", "type_id", "date", "title", "description", "link", "created_at"),
            activity_rows(units, activity_types(), months, rng, writer.now),
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    seconds = time.perf_counter() - started
    stdout.write(
        f"  báo cáo tháng: {format_number(counts['submissions'])}, "
        f"hoạt động: {format_number(counts['activities'])}"
    )
    stdout.write(f"Xong trong {format_number(seconds, 0)} giây.")
    return counts
